//! One pull: each calendar the person counts as busy time, read from the token
//! the last read ended with (everything, when the server no longer honours
//! it), the changed items fetched and parsed by the same importer as a file
//! (recurrence, zones, SEQUENCE, bad events left out with a warning), and the
//! changes applied with the new token in one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CalendarServer, server_error};
use crate::Result;
use crate::domain::ics::import;
use crate::store::{BusyRead, Store};

/// What a pull did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PullReport {
    pub calendars: u32,
    pub added: u32,
    pub updated: u32,
    pub removed: u32,
    /// Events or items left out, each with why.
    pub warnings: Vec<String>,
}

pub fn pull(store: &mut Store, server: &dyn CalendarServer, now: DateTime<Utc>) -> Result<PullReport> {
    let mut report = PullReport::default();
    for calendar in store.busy_calendars()? {
        let changes = server.changes(&calendar.href, calendar.sync_token.as_deref()).map_err(server_error)?;
        let known: HashMap<String, String> = store.busy_items(&calendar.href)?.into_iter().collect();
        let wanted: Vec<String> = changes
            .changed
            .iter()
            .filter(|(href, etag)| known.get(href) != Some(etag))
            .map(|(href, _)| href.clone())
            .collect();
        let mut deleted: Vec<String> = changes.deleted.iter().filter(|h| known.contains_key(*h)).cloned().collect();
        if changes.complete {
            // A full listing: what we had that is not listed is gone.
            let listed: HashSet<&str> = changes.changed.iter().map(|(h, _)| h.as_str()).collect();
            deleted.extend(known.keys().filter(|h| !listed.contains(h.as_str())).cloned());
        }
        let mut read = BusyRead { deleted, token: changes.token.clone(), ..BusyRead::default() };
        for item in server.fetch(&calendar.href, &wanted).map_err(server_error)? {
            match import::read(item.data.as_bytes()) {
                Ok(file) => read.fetched.push((item.href, item.etag, file)),
                Err(e) => report.warnings.push(format!("{}: left out: {e}", item.href)),
            }
        }
        let applied = store.apply_busy_read(&calendar.href, &read, now)?;
        report.calendars += 1;
        report.added += applied.added;
        report.updated += applied.updated;
        report.removed += applied.removed;
        report.warnings.extend(applied.warnings);
    }
    Ok(report)
}
