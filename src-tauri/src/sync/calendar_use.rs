//! How each of the account's own calendars counts for the person's load:
//! the choice the CLI's `calendars --use HREF --counts-as` and the window's
//! Settings make, through the same check (a calendar of the account, not one
//! Quarterdeck publishes to).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CalendarServer, ServerCalendar, server_calendars};
use crate::domain::ics::plan_items::CalendarKind;
use crate::domain::load;
use crate::store::Store;
use crate::{Error, Result};

/// How a calendar's events count for the load. The window's select lists
/// `ALL`, so a new way to count is a variant here and a label there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum CountsAs {
    /// Its events are busy time
    Busy,
    /// Its events are time out of office: a day off where they take half the working day
    OutOfOffice,
    /// Its events do not count
    Ignore,
}

impl CountsAs {
    pub const ALL: &'static [CountsAs] = &[CountsAs::Busy, CountsAs::OutOfOffice, CountsAs::Ignore];

    pub fn as_str(self) -> &'static str {
        match self {
            CountsAs::Busy => "busy",
            CountsAs::OutOfOffice => "out-of-office",
            CountsAs::Ignore => "ignore",
        }
    }

    /// How the load counts its events, for a calendar that counts.
    fn counted(self) -> Option<load::CountsAs> {
        match self {
            CountsAs::Busy => Some(load::CountsAs::Busy),
            CountsAs::OutOfOffice => Some(load::CountsAs::OutOfOffice),
            CountsAs::Ignore => None,
        }
    }
}

/// One calendar of the account, as Settings lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CalendarChoice {
    pub href: String,
    pub name: Option<String>,
    /// The kinds of item it accepts (`VEVENT`, `VTODO`…).
    pub components: Vec<String>,
    /// The kind Quarterdeck publishes there: then it is not the person's to pick.
    pub publishes: Option<CalendarKind>,
    /// How its events count; None for a calendar Quarterdeck publishes to.
    pub counts_as: Option<CountsAs>,
}

impl From<ServerCalendar> for CalendarChoice {
    fn from(c: ServerCalendar) -> CalendarChoice {
        let counts_as = match (c.publishes, c.counts_as) {
            (Some(_), _) => None,
            (None, Some(load::CountsAs::Busy)) => Some(CountsAs::Busy),
            (None, Some(load::CountsAs::OutOfOffice)) => Some(CountsAs::OutOfOffice),
            (None, None) => Some(CountsAs::Ignore),
        };
        CalendarChoice { href: c.href, name: c.name, components: c.components, publishes: c.publishes, counts_as }
    }
}

/// The account's calendars, each with how it counts.
pub fn calendar_choices(store: &Store, server: &dyn CalendarServer) -> Result<Vec<CalendarChoice>> {
    Ok(server_calendars(store, server)?.into_iter().map(CalendarChoice::from).collect())
}

/// What setting how a calendar counts did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountChange {
    /// It counts from the next sync on.
    Counted,
    /// It no longer counts: this many events left the load.
    Dropped(u32),
}

/// Sets how the account's calendar at `href` counts for the load, after
/// checking that it is the account's and not one Quarterdeck publishes to.
pub fn count_as(store: &mut Store, server: &dyn CalendarServer, href: &str, how: CountsAs) -> Result<CountChange> {
    let listed = server_calendars(store, server)?;
    let Some(calendar) = listed.iter().find(|c| c.href == href) else {
        let known: Vec<&str> = listed.iter().map(|c| c.href.as_str()).collect();
        return Err(Error::invalid(
            "use",
            format!("the account has no calendar {href:?} (it has: {})", known.join(", ")),
        ));
    };
    if calendar.publishes.is_some() {
        return Err(Error::invalid("use", format!("{href} is where Quarterdeck publishes the plan, not busy time")));
    }
    match how.counted() {
        Some(counted) => store.use_busy_calendar(href, counted).map(|()| CountChange::Counted),
        None => store.drop_busy_calendar(href).map(CountChange::Dropped),
    }
}
