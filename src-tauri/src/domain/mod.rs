//! The plan's vocabulary: people, their time off, events and who goes to them.
//! Plain data and the rules that make it valid; no storage, no window.

#[macro_use]
mod text_enum;
pub mod catalog;
pub mod cfp;
pub mod check;
pub mod event;
pub mod participation;
pub mod person;
pub mod time_off;
pub mod zone;

pub use event::{Event, EventInput, EventKind, EventStatus, ParticipantInput};
pub use participation::{Participation, ParticipationRole};
pub use person::{Person, PersonInput, Weekday};
pub use time_off::{TimeOff, TimeOffInput, TimeOffKind};
