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
    /// The text written, the base for telling whose fields changed when
    /// another calendar app edits it.
    pub text: String,
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

    /// The account, or why a sync cannot run without one.
    pub fn require_calendar_account(&self) -> Result<CalendarAccount> {
        self.calendar_account()?.ok_or_else(not_connected)
    }

    /// The calendar on the server for each kind published.
    pub fn published_calendars(&self) -> Result<Vec<(CalendarKind, String)>> {
        let mut stmt = self.conn().prepare_cached("SELECT kind, href FROM published_calendar ORDER BY kind")?;
        let rows = stmt.query_map([], |r| Ok((r.get("kind")?, r.get("href")?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sync token the published calendar at `href` was last read to.
    pub fn published_token(&self, href: &str) -> Result<Option<String>> {
        let mut stmt = self.conn().prepare_cached("SELECT sync_token FROM published_calendar WHERE href = ?1")?;
        Ok(stmt.query_row([href], |r| r.get(0)).optional()?.flatten())
    }

    /// Notes that the published calendar at `href` has been read to `token`.
    pub fn set_published_token(&mut self, href: &str, token: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE published_calendar SET sync_token = ?2 WHERE href = ?1", params![href, token])?;
            Ok(())
        })
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
                forget(tx)?;
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
        self.write(forget)
    }

    pub fn published_items(&self) -> Result<Vec<PublishedItem>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT uid, kind, href, etag, digest, text FROM published_item ORDER BY uid")?;
        let rows = stmt.query_map([], |r| {
            Ok(PublishedItem {
                uid: r.get("uid")?,
                kind: r.get("kind")?,
                href: r.get("href")?,
                etag: r.get("etag")?,
                digest: r.get("digest")?,
                text: r.get("text")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Notes that `item` is on the server as written (right after the server said so).
    pub fn record_published(&mut self, item: &PublishedItem) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO published_item (uid, kind, href, etag, digest, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (uid) DO UPDATE SET kind = excluded.kind, href = excluded.href,
                     etag = excluded.etag, digest = excluded.digest, text = excluded.text",
                params![item.uid, item.kind, item.href, item.etag, item.digest, item.text],
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

pub(crate) fn not_connected() -> Error {
    Error::invalid("account", "no calendar server is connected to this plan; connect one first")
}

/// Forgets the account, what it published and the busy time read through it
/// (those events were the old account's calendars'; the server keeps its copies).
fn forget(conn: &Connection) -> Result<()> {
    conn.execute(
        "DELETE FROM imported_event WHERE calendar IN (SELECT href FROM busy_calendar)
             AND person_id = (SELECT person_id FROM calendar_account)",
        [],
    )?;
    conn.execute("DELETE FROM calendar_account", [])?;
    Ok(())
}

fn current(conn: &Connection) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row("SELECT server_url, user_name FROM calendar_account", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::BusyRead;
    use crate::domain::ics::import;
    use crate::domain::load::CountsAs;
    use crate::domain::person;

    const STANDUP: &[u8] = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:standup\r\nDTSTAMP:20261116T090000Z\r\nDTSTART:20261117T090000Z\r\nDTEND:20261117T093000Z\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    fn account(person_id: Uuid, server: &str) -> CalendarAccount {
        CalendarAccount {
            server_url: server.to_string(),
            user_name: "maya".to_string(),
            person_id,
            principal: "/maya/".to_string(),
            home: "/maya/".to_string(),
            connected_at: Utc.with_ymd_and_hms(2026, 11, 18, 12, 0, 0).unwrap(),
        }
    }

    #[test]
    fn another_account_forgets_what_the_old_one_published_and_its_busy_time() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap().id;
        let now = Utc.with_ymd_and_hms(2026, 11, 18, 12, 0, 0).unwrap();
        let calendars = [(CalendarKind::Events, "/maya/quarterdeck-events/".to_string())];
        store.save_calendar_account(&account(maya, "https://a.example/"), &calendars).unwrap();
        store
            .record_published(&PublishedItem {
                uid: "e1".into(),
                kind: CalendarKind::Events,
                href: "/maya/quarterdeck-events/e1.ics".into(),
                etag: "1".into(),
                digest: "d".into(),
                text: String::new(),
            })
            .unwrap();
        store.use_busy_calendar("/maya/work/", CountsAs::Busy).unwrap();
        let read = BusyRead {
            fetched: vec![("/maya/work/standup.ics".into(), "1".into(), import::read(STANDUP).unwrap())],
            deleted: vec![],
            token: "t".into(),
        };
        store.apply_busy_read("/maya/work/", &read, now).unwrap();
        assert_eq!(store.imported_events().unwrap().len(), 1);

        // The same account again (a reconnect) keeps it all.
        store.save_calendar_account(&account(maya, "https://a.example/"), &calendars).unwrap();
        assert_eq!(store.published_items().unwrap().len(), 1);
        assert_eq!(store.imported_events().unwrap().len(), 1);

        // Another server: nothing of the old account is left, busy time included.
        store.save_calendar_account(&account(maya, "https://b.example/"), &calendars).unwrap();
        assert!(store.published_items().unwrap().is_empty());
        assert!(store.busy_calendars().unwrap().is_empty());
        assert!(store.imported_events().unwrap().is_empty());
        assert_eq!(store.calendar_account().unwrap().unwrap().server_url, "https://b.example/");
    }
}
