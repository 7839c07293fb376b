//! The person's own calendars on their server whose events count as busy
//! time: which ones, the sync token each was last read to, and each item
//! read with the UIDs it held, so that an item deleted or changed there takes
//! its old events out of the load. A read's changes land in one transaction
//! together with the token it ended with.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::Store;
use super::calendar_account::not_connected;
use super::calendars::import_into;
use super::rows::{id_text, uuid};
use crate::Result;
use crate::domain::ics::import::CalendarFile;
use crate::domain::load::CountsAs;

/// A calendar read as busy time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyCalendar {
    pub href: String,
    pub sync_token: Option<String>,
    pub counts_as: CountsAs,
}

/// One read of a busy calendar: the items fetched (href, ETag, parsed), the
/// items gone, and the token to read from next time.
#[derive(Debug, Default)]
pub struct BusyRead {
    pub fetched: Vec<(String, String, CalendarFile)>,
    pub deleted: Vec<String>,
    pub token: String,
}

/// What a read changed in the plan's busy time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BusyReport {
    pub added: u32,
    pub updated: u32,
    pub removed: u32,
    /// Events left out, each with why.
    pub warnings: Vec<String>,
}

fn account_person(conn: &Connection) -> Result<uuid::Uuid> {
    conn.query_row("SELECT person_id FROM calendar_account", [], |r| uuid(r, "person_id"))
        .optional()?
        .ok_or_else(not_connected)
}

/// Takes the events of `uids` from `calendar` out of `person`'s busy time.
fn remove_uids(conn: &Connection, person: &str, calendar: &str, uids: &[&str]) -> Result<u32> {
    let mut gone = 0;
    let mut delete =
        conn.prepare_cached("DELETE FROM imported_event WHERE person_id = ?1 AND calendar = ?2 AND uid = ?3")?;
    for uid in uids {
        gone += delete.execute(params![person, calendar, uid])? as u32;
    }
    Ok(gone)
}

impl Store {
    pub fn busy_calendars(&self) -> Result<Vec<BusyCalendar>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT href, sync_token, counts_as FROM busy_calendar ORDER BY href")?;
        let rows =
            stmt.query_map([], |r| Ok(BusyCalendar { href: r.get(0)?, sync_token: r.get(1)?, counts_as: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The items read from `calendar`: `(href, etag)`.
    pub fn busy_items(&self, calendar: &str) -> Result<Vec<(String, String)>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT href, etag FROM busy_item WHERE calendar = ?1 ORDER BY href")?;
        let rows = stmt.query_map([calendar], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts the calendar at `href` for the account person's load, as busy
    /// time or as out of office, from the next sync on (a change of how takes
    /// effect at once on what was read).
    pub fn use_busy_calendar(&mut self, href: &str, counts_as: CountsAs) -> Result<()> {
        self.write(|tx| {
            account_person(tx)?;
            tx.execute(
                "INSERT INTO busy_calendar (href, counts_as) VALUES (?1, ?2)
                 ON CONFLICT (href) DO UPDATE SET counts_as = excluded.counts_as",
                params![href, counts_as],
            )?;
            Ok(())
        })
    }

    /// Stops counting the calendar at `href`: its events leave the load. How many went.
    pub fn drop_busy_calendar(&mut self, href: &str) -> Result<u32> {
        self.write(|tx| {
            let person = id_text(account_person(tx)?);
            tx.execute("DELETE FROM busy_calendar WHERE href = ?1", [href])?;
            let gone =
                tx.execute("DELETE FROM imported_event WHERE person_id = ?1 AND calendar = ?2", params![person, href])?;
            Ok(gone as u32)
        })
    }

    /// Applies one read of the busy calendar `calendar`, with its new token, in one transaction.
    pub fn apply_busy_read(&mut self, calendar: &str, read: &BusyRead, now: DateTime<Utc>) -> Result<BusyReport> {
        self.write(|tx| {
            let person_id = account_person(tx)?;
            let person = id_text(person_id);
            let mut report = BusyReport::default();
            let uids_of = |href: &str| -> Result<Option<String>> {
                Ok(tx.query_row("SELECT uids FROM busy_item WHERE href = ?1", [href], |r| r.get(0)).optional()?)
            };
            for href in &read.deleted {
                if let Some(uids) = uids_of(href)? {
                    let uids: Vec<&str> = uids.lines().collect();
                    report.removed += remove_uids(tx, &person, calendar, &uids)?;
                    tx.execute("DELETE FROM busy_item WHERE href = ?1", [href])?;
                }
            }
            for (href, etag, file) in &read.fetched {
                let now_uids: HashSet<&str> = file.events.iter().map(|e| e.uid.as_str()).collect();
                if let Some(before) = uids_of(href)? {
                    let dropped: Vec<&str> = before.lines().filter(|u| !now_uids.contains(u)).collect();
                    report.removed += remove_uids(tx, &person, calendar, &dropped)?;
                }
                let imported = import_into(tx, person_id, calendar, file, now, &mut |_, _| {})?;
                report.added += imported.added;
                report.updated += imported.updated;
                report.warnings.extend(imported.warnings.into_iter().map(|w| format!("{href}: {w}")));
                let mut uids: Vec<&str> = now_uids.into_iter().collect();
                uids.sort_unstable();
                tx.execute(
                    "INSERT INTO busy_item (href, calendar, etag, uids) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (href) DO UPDATE SET calendar = excluded.calendar, etag = excluded.etag,
                         uids = excluded.uids",
                    params![href, calendar, etag, uids.join("\n")],
                )?;
            }
            tx.execute("UPDATE busy_calendar SET sync_token = ?2 WHERE href = ?1", params![calendar, read.token])?;
            Ok(report)
        })
    }
}
