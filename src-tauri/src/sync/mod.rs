//! Live calendars: the plan published to the person's CalDAV server, one
//! calendar per kind and one resource per item, and the person's own
//! calendars there read back as busy time. The app talks to the server
//! through `CalendarServer`, its own trait; `quarterdeck-caldav` is the one
//! implementation, so the sync never sees HTTP or libdav.

pub mod background;
mod calendar_use;
mod connect;
mod keychain;
mod pull;
mod push;
mod remote_edits;

pub use calendar_use::{CalendarChoice, CountChange, CountsAs, calendar_choices, count_as};
pub use connect::{Connected, ServerCalendar, connect, server_calendars};
pub use keychain::{Keychain, PasswordKept};
pub use pull::{PullReport, pull};
pub use push::{PushReport, changes_waiting, push};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::store::Store;

use quarterdeck_caldav::{CalDavError, Changes, Component, Connection, Deleted, Discovery, FetchedItem, Written};

use crate::Error;
use crate::domain::ics::plan_items::CalendarKind;

/// The kinds a person's plan is published as, each a calendar of its own.
pub const PUBLISHED_KINDS: &[CalendarKind] =
    &[CalendarKind::Events, CalendarKind::Trips, CalendarKind::Cfp, CalendarKind::Talks, CalendarKind::Content];

/// The variable the CLI and the tests take the password from (the window keeps it in the keychain,
/// where the CLI looks too when the variable is not set).
pub const PASSWORD_VARIABLE: &str = "QUARTERDECK_CALDAV_PASSWORD";

/// What the sync needs of a calendar server.
pub trait CalendarServer {
    fn discover(&self) -> Result<Discovery, CalDavError>;
    fn create_calendar(
        &self,
        home: &str,
        slug: &str,
        name: &str,
        components: &[Component],
    ) -> Result<String, CalDavError>;
    fn create_item(&self, href: &str, ics: &str) -> Result<Written, CalDavError>;
    fn update_item(&self, href: &str, ics: &str, etag: &str) -> Result<Written, CalDavError>;
    fn delete_item(&self, href: &str, etag: Option<&str>) -> Result<Deleted, CalDavError>;
    fn etag(&self, href: &str) -> Result<Option<String>, CalDavError>;
    fn changes(&self, href: &str, token: Option<&str>) -> Result<Changes, CalDavError>;
    fn fetch(&self, calendar: &str, hrefs: &[String]) -> Result<Vec<FetchedItem>, CalDavError>;
}

impl CalendarServer for Connection {
    fn discover(&self) -> Result<Discovery, CalDavError> {
        Connection::discover(self)
    }
    fn create_calendar(
        &self,
        home: &str,
        slug: &str,
        name: &str,
        components: &[Component],
    ) -> Result<String, CalDavError> {
        Connection::create_calendar(self, home, slug, name, components)
    }
    fn create_item(&self, href: &str, ics: &str) -> Result<Written, CalDavError> {
        Connection::create_item(self, href, ics)
    }
    fn update_item(&self, href: &str, ics: &str, etag: &str) -> Result<Written, CalDavError> {
        Connection::update_item(self, href, ics, etag)
    }
    fn delete_item(&self, href: &str, etag: Option<&str>) -> Result<Deleted, CalDavError> {
        Connection::delete_item(self, href, etag)
    }
    fn etag(&self, href: &str) -> Result<Option<String>, CalDavError> {
        Connection::etag(self, href)
    }
    fn changes(&self, href: &str, token: Option<&str>) -> Result<Changes, CalDavError> {
        Connection::changes(self, href, token)
    }
    fn fetch(&self, calendar: &str, hrefs: &[String]) -> Result<Vec<FetchedItem>, CalDavError> {
        Connection::fetch(self, calendar, hrefs)
    }
}

/// What one sync did, both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// What other calendar apps changed in the published items, and how each
    /// change was merged into the plan.
    pub edits: Vec<String>,
    pub pushed: PushReport,
    pub pulled: PullReport,
}

/// One sync, as the CLI's `sync` and the window's background sync run it:
/// edits made in other calendar apps in first (so nothing is written blind
/// over them), the plan's changes out, then the busy calendars' changes in.
pub fn sync(store: &mut Store, server: &dyn CalendarServer, now: DateTime<Utc>) -> Result<SyncReport, Error> {
    let mut wanted = push::wanted(store, now)?;
    let mut edits = remote_edits::pull_edits(store, server, &wanted, now)?;
    if !edits.is_empty() {
        // Records took fields from other apps: their items are worked out again.
        wanted = push::wanted(store, now)?;
    }
    let mut pushed = push::push_items(store, server, &wanted)?;
    if !pushed.conflicts.is_empty() {
        // Edited elsewhere while this sync ran: merge those too, and send again.
        let wanted = push::wanted(store, now)?;
        edits.extend(remote_edits::pull_edits(store, server, &wanted, now)?);
        pushed = pushed.then(push(store, server, now)?);
    }
    let pulled = pull(store, server, now)?;
    Ok(SyncReport { edits, pushed, pulled })
}

/// A server failure as the app's error: the address or the password named as
/// the field at fault, anything else in the server's words.
pub fn server_error(err: CalDavError) -> Error {
    match err {
        CalDavError::BadUrl(message) => Error::invalid("server_url", message),
        CalDavError::Unauthorized => Error::invalid("password", CalDavError::Unauthorized.to_string()),
        other => Error::CalendarServer(other.to_string()),
    }
}
