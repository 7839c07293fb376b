//! `Valid<T>`: a value that passed its type's checks. Only the domain makes
//! one (its constructor is private to this crate), so a function that takes a
//! `Valid<EventInput>` cannot be handed input nobody checked, and a record is
//! built only from checked input (`Valid<EventInput>::into_event`).

use std::ops::Deref;

#[derive(Debug, Clone, PartialEq)]
pub struct Valid<T>(T);

impl<T> Valid<T> {
    /// Only after the checks: callers are the `validate` functions of this crate.
    pub(crate) fn checked(value: T) -> Self {
        Valid(value)
    }

    /// The checked value, for reading it whole (settings as saved).
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
