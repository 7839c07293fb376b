//! Connecting a plan to a CalDAV account: find the account on the server,
//! make (or find again) a calendar per kind that accepts events, and only then
//! remember the account, so that nothing is half-configured after an error.

use chrono::{DateTime, Utc};
use quarterdeck_caldav::{Component, Discovery};
use serde::Serialize;
use uuid::Uuid;

use super::{CalendarServer, PUBLISHED_KINDS, server_error};
use crate::domain::ics::plan_items::CalendarKind;
use crate::domain::load::CountsAs;
use crate::store::{CalendarAccount, Store};
use crate::{Error, Result};

/// What a connect found and made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Connected {
    pub principal: String,
    pub home: String,
    /// The calendar for each kind: `(kind, href, made now)`.
    pub calendars: Vec<(CalendarKind, String, bool)>,
}

/// A calendar of the account, as `calendars` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerCalendar {
    pub href: String,
    pub name: Option<String>,
    pub components: Vec<String>,
    /// The kind Quarterdeck publishes there, if it is one of ours.
    pub publishes: Option<CalendarKind>,
    /// How its events count for the person's load; none when they do not.
    pub counts_as: Option<CountsAs>,
}

/// The slug of the calendar a kind is published to, in the account's home.
pub fn slug(kind: CalendarKind) -> String {
    format!("quarterdeck-{kind}")
}

/// Connects the plan to `server` as `user` at `server_url`, for the person `me`.
pub fn connect(
    store: &mut Store,
    server: &dyn CalendarServer,
    server_url: &str,
    user: &str,
    me: Uuid,
    now: DateTime<Utc>,
) -> Result<Connected> {
    // Refused before anything is asked of the server.
    store.person(me)?;
    let found = server.discover().map_err(server_error)?;
    let mut calendars = Vec::new();
    for kind in PUBLISHED_KINDS {
        let (href, made) = calendar_for(server, &found, *kind)?;
        calendars.push((*kind, href, made));
    }
    let account = CalendarAccount {
        server_url: server_url.to_string(),
        user_name: user.to_string(),
        person_id: me,
        principal: found.principal.clone(),
        home: found.home.clone(),
        connected_at: now,
    };
    let hrefs: Vec<(CalendarKind, String)> = calendars.iter().map(|(k, h, _)| (*k, h.clone())).collect();
    store.save_calendar_account(&account, &hrefs)?;
    Ok(Connected { principal: found.principal, home: found.home, calendars })
}

/// The calendar `kind` is published to: found again by its path, or made now.
fn calendar_for(server: &dyn CalendarServer, found: &Discovery, kind: CalendarKind) -> Result<(String, bool)> {
    let href = format!("{}/{}/", found.home.trim_end_matches('/'), slug(kind));
    if let Some(existing) = found.calendars.iter().find(|c| c.href == href) {
        if !existing.accepts(&Component::Event) {
            return Err(Error::CalendarServer(format!(
                "the calendar {href} does not accept events, which Quarterdeck publishes; remove it or pick another account"
            )));
        }
        return Ok((href, false));
    }
    let name = format!("Quarterdeck · {}", kind.title());
    let made = server.create_calendar(&found.home, &slug(kind), &name, &[Component::Event]).map_err(server_error)?;
    Ok((made, true))
}

/// The account's calendars on the server, each with what Quarterdeck publishes there.
pub fn server_calendars(store: &Store, server: &dyn CalendarServer) -> Result<Vec<ServerCalendar>> {
    let ours = store.published_calendars()?;
    let counted = store.busy_calendars()?;
    let found = server.discover().map_err(server_error)?;
    Ok(found
        .calendars
        .into_iter()
        .map(|c| ServerCalendar {
            publishes: ours.iter().find(|(_, href)| *href == c.href).map(|(k, _)| *k),
            counts_as: counted.iter().find(|b| b.href == c.href).map(|b| b.counts_as),
            components: c.components.iter().map(|k| k.name().to_string()).collect(),
            name: c.name,
            href: c.href,
        })
        .collect())
}
