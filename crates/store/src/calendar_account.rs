//! The CalDAV account a plan publishes to: the server, the user, which person
//! of the plan it is, the calendar made there for each kind, and each item as
//! last written there (its href, ETag and what it said). The password is never
//! here: it lives in the OS keychain.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::rows::{id_text, uuid};
use super::{Store, people};
use crate::domain::ics::plan_items::CalendarKind;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarAccount {
    pub server_url: String,
    pub user_name: String,
    /// Who this account is in the plan: their items are what it publishes.
    pub person_id: Uuid,
    pub principal: String,
    pub home: String,
    pub connected_at: DateTime<Utc>,
}

/// An item as last written to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedItem {
    pub uid: String,
    pub kind: CalendarKind,
    pub href: String,
    pub etag: String,
    pub digest: String,
}

impl Store {
    pub fn calendar_account(&self) -> Result<Option<CalendarAccount>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT server_url, user_name, person_id, principal, home, connected_at FROM calendar_account",
        )?;
        Ok(stmt
            .query_row([], |r| {
                Ok(CalendarAccount {
                    server_url: r.get("server_url")?,
                    user_name: r.get("user_name")?,
                    person_id: uuid(r, "person_id")?,
                    principal: r.get("principal")?,
                    home: r.get("home")?,
                    connected_at: r.get("connected_at")?,
                })
            })
            .optional()?)
    }

    /// The calendar on the server for each kind published.
    pub fn published_calendars(&self) -> Result<Vec<(CalendarKind, String)>> {
        let mut stmt = self.conn().prepare_cached("SELECT kind, href FROM published_calendar ORDER BY kind")?;
        let rows = stmt.query_map([], |r| Ok((r.get("kind")?, r.get("href")?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Makes `account` the plan's, with its calendars, in one transaction. Another
    /// server, user or calendar forgets what was published before: those items
    /// are the other account's.
    pub fn save_calendar_account(
        &mut self,
        account: &CalendarAccount,
        calendars: &[(CalendarKind, String)],
    ) -> Result<()> {
        self.write(|tx| {
            if people::find(tx, account.person_id)?.is_none() {
                return Err(Error::invalid("person_id", format!("no person with id {}", account.person_id)));
            }
            let same_account =
                current(tx)?.is_some_and(|(url, user)| url == account.server_url && user == account.user_name);
            if !same_account {
                tx.execute("DELETE FROM calendar_account", [])?;
            }
            tx.execute(
                "INSERT INTO calendar_account (id, server_url, user_name, person_id, principal, home, connected_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, principal = excluded.principal,
                     home = excluded.home, connected_at = excluded.connected_at",
                params![
                    account.server_url,
                    account.user_name,
                    id_text(account.person_id),
                    account.principal,
                    account.home,
                    account.connected_at
                ],
            )?;
            for (kind, href) in calendars {
                let before: Option<String> = tx
                    .query_row("SELECT href FROM published_calendar WHERE kind = ?1", [kind], |r| r.get(0))
                    .optional()?;
                if before.as_deref() != Some(href.as_str()) {
                    tx.execute("DELETE FROM published_calendar WHERE kind = ?1", [kind])?;
                    tx.execute("INSERT INTO published_calendar (kind, href) VALUES (?1, ?2)", params![kind, href])?;
                }
            }
            Ok(())
        })
    }

    /// Forgets the account and everything published through it (the server keeps its copies).
    pub fn forget_calendar_account(&mut self) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM calendar_account", [])?;
            Ok(())
        })
    }

    pub fn published_items(&self) -> Result<Vec<PublishedItem>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT uid, kind, href, etag, digest FROM published_item ORDER BY uid")?;
        let rows = stmt.query_map([], |r| {
            Ok(PublishedItem {
                uid: r.get("uid")?,
                kind: r.get("kind")?,
                href: r.get("href")?,
                etag: r.get("etag")?,
                digest: r.get("digest")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Notes that `item` is on the server as written (right after the server said so).
    pub fn record_published(&mut self, item: &PublishedItem) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO published_item (uid, kind, href, etag, digest) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (uid) DO UPDATE SET kind = excluded.kind, href = excluded.href,
                     etag = excluded.etag, digest = excluded.digest",
                params![item.uid, item.kind, item.href, item.etag, item.digest],
            )?;
            Ok(())
        })
    }

    /// Notes that the item `uid` is no longer on the server.
    pub fn forget_published(&mut self, uid: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM published_item WHERE uid = ?1", [uid])?;
            Ok(())
        })
    }
}

fn current(conn: &Connection) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row("SELECT server_url, user_name FROM calendar_account", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}
