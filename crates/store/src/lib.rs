//! The one place that speaks SQL. A `Store` wraps one SQLite connection:
//! WAL, foreign keys on, a busy timeout, and the schema migrated on open
//! (after copying the file aside when an existing file needs migrating).
//! Beside it, the plan file format (`plan_file`), the sample team (`demo`),
//! the clock that stamps writes (`clock`) and the error every layer above
//! answers with (`error`).

/// The layer below, under its layer name: `crate::domain::…` reads as before.
pub use quarterdeck_domain as domain;

pub mod clock;
pub mod demo;
pub mod error;
pub mod files;
pub mod plan_file;

pub use error::{Error, Result};

mod backup;
mod budgets;
mod busy_calendars;
mod calendar_account;
mod calendars;
mod catalog;
mod catalog_source;
mod content;
mod deleted;
mod events;
mod load;
mod me;
pub mod migrations;
mod people;
mod quarter_plan;
#[cfg(test)]
mod quarter_plan_tests;
mod rates;
mod read_only;
mod reminders;
mod rows;
mod schema_shape;
mod settings;
mod submissions;
mod talks;
mod thresholds;
mod time_off;
mod trips;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::{Connection, TransactionBehavior};

pub use crate::domain::load::LoadRecords;
pub use backup::{BackupCopy, Restored, backup_file, inspect as inspect_backup};
pub use busy_calendars::{BusyCalendar, BusyRead, BusyReport};
pub use calendar_account::{CalendarAccount, PublishedItem};
pub use calendars::{CalendarResource, CalendarText, ImportedCalendar};
pub use catalog::CatalogImport;
pub use deleted::DeletedRows;
pub use load::PlanChange;
pub use me::Me;
pub use plan_file::{Counts, ImportSummary};

/// How long a write waits for another writer (the CLI beside the app) before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// What `Store::open` found and did, for the app's log and the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenReport {
    pub from_version: usize,
    pub to_version: usize,
    /// The copy taken before migrating an existing file.
    pub backup: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_reporting(path).map(|(store, _)| store)
    }

    pub fn open_reporting(path: &Path) -> Result<(Store, OpenReport)> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
        }
        // SQLite would open it read-only and leave a read-only -shm behind that
        // keeps the plan read-only even after a chmod (review, probe 24).
        if path.exists() && !read_only::can_write(path) {
            let message = match read_only::header_version(path) {
                Some(v) if v > 0 && v < migrations::latest() => format!(
                    "the plan (or its folder) is read-only here, and it is schema version {v}, which this \
                     Quarterdeck must upgrade (write) before it can use it: copy it somewhere you can write"
                ),
                _ => "the plan (or its folder) is read-only here, so it cannot be changed; commands that only read \
                      still work"
                    .to_string(),
            };
            return Err(Error::file(path, std::io::Error::other(message)));
        }
        let conn = Connection::open(path).map_err(|e| not_sqlite(path, Error::Database(e)))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mut store = Store { conn, path: Some(path.to_path_buf()) };
        // Refuse files that are not ours before changing anything in them (WAL mode included).
        store.check_is_ours().map_err(|e| not_sqlite(path, e))?;
        configure(&store.conn)?;
        let report = store.migrate()?;
        Ok((store, report))
    }

    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        configure(&conn)?;
        let mut store = Store { conn, path: None };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<usize> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0))? as usize)
    }

    fn check_is_ours(&self) -> Result<()> {
        let from = self.schema_version()?;
        let to = migrations::latest();
        if from > to {
            return Err(Error::invalid(
                "database",
                format!("this file has schema version {from}, newer than this Quarterdeck ({to}); update Quarterdeck"),
            ));
        }
        if from == 0 && self.has_foreign_tables()? {
            return Err(Error::invalid("database", "this SQLite file is not a Quarterdeck database"));
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<OpenReport> {
        self.migrate_through(migrations::STEPS)
    }

    /// Applies `steps` (the schema history) up to its end, copying an existing file aside first.
    fn migrate_through(&mut self, steps: &[&'static str]) -> Result<OpenReport> {
        let from = self.schema_version()?;
        let to = steps.len();
        let backup = match (&self.path, from) {
            (Some(path), 1..) if from < to => Some(self.copy_before_migration(path, from)?),
            _ => None,
        };
        if let Err(e) = migrations::of(steps).to_latest(&mut self.conn) {
            // The migration is one transaction, so the file is still as the copy
            // has it: the copy would only be one more file per failed attempt.
            if let Some(copy) = &backup {
                let _ = std::fs::remove_file(copy);
            }
            return Err(match e {
                // A full disk or a read-only file says so, rather than "error while executing query ''".
                rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
                other => Error::Migration(other),
            });
        }
        Ok(OpenReport { from_version: from, to_version: to, backup })
    }

    fn has_foreign_tables(&self) -> Result<bool> {
        let count: i64 = self.conn.query_row(
            r"SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'",
            [],
            |r| r.get(0),
        )?;
        Ok(count > 0)
    }

    /// A consistent copy of the whole file (WAL included) beside it.
    fn copy_before_migration(&self, path: &Path, from: usize) -> Result<PathBuf> {
        let stamp = Utc::now().format("%Y%m%dT%H%M%S");
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".v{from}-{stamp}.bak"));
        let backup = path.with_file_name(name);
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()]) {
            let _ = std::fs::remove_file(&backup); // a partial copy (full disk) is no copy
            return Err(e.into());
        }
        Ok(backup)
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is written, or none.
    /// IMMEDIATE takes the write lock up front, so two writers queue on the
    /// busy timeout instead of failing on a lock upgrade.
    /// Inside a what-if (see `rehearse`) it is a savepoint of that transaction.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            let sp = self.conn.savepoint()?;
            let out = f(&sp)?;
            sp.commit()?;
            return Ok(out);
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` inside one read transaction, so that several queries see the
    /// same moment even while another process writes the file.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        let tx = self.conn.unchecked_transaction()?;
        let out = f(self)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` (writes and reads) in a transaction that is always rolled back:
    /// how the plan would look after a change, with nothing saved.
    /// The rollback is also the guard's drop, so a panic inside `f` never
    /// leaves the transaction open for later saves to join.
    pub fn rehearse<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let rehearsal = Rehearsal { store: self };
        let out = f(rehearsal.store);
        rehearsal.store.conn.execute_batch("ROLLBACK")?;
        out
    }

    /// Rolls back a transaction that a command left open (one that panicked
    /// past its guard, or a bug): between commands the connection is never
    /// inside one, and a save must not join an unfinished transaction.
    /// Returns whether there was one.
    pub fn end_leftover_transaction(&self) -> bool {
        if self.conn.is_autocommit() {
            return false;
        }
        if let Err(e) = self.conn.execute_batch("ROLLBACK") {
            log::warn!("rolling back a leftover transaction: {e}");
        }
        true
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A number that changes when another connection (the CLI, a restore, the
    /// calendar sync) commits to the plan file; this connection's own writes
    /// leave it as it is (`PRAGMA data_version`).
    pub fn outside_changes(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The raw connection, for the app's tests that stage what no command can
    /// (a transaction left open by a panic). Never built into the app itself.
    #[cfg(feature = "testing")]
    pub fn raw_connection(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA integrity_check`, `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    pub fn journal_mode(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?)
    }
}

/// A database error while opening `path` means it is not a SQLite file (or not a readable one): say so, naming it.
fn not_sqlite(path: &Path, e: Error) -> Error {
    match e {
        Error::Database(inner) => Error::file(path, std::io::Error::other(inner.to_string())),
        other => other,
    }
}

/// The what-if transaction: rolled back when dropped, on a panic too.
struct Rehearsal<'a> {
    store: &'a mut Store,
}

impl Drop for Rehearsal<'_> {
    fn drop(&mut self) {
        self.store.end_leftover_transaction();
    }
}

fn configure(conn: &Connection) -> Result<()> {
    // journal_mode answers with a row, so it is queried rather than set.
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")?;
    Ok(())
}

/// Now, to the millisecond, so a stamp reads back equal to what was written.
pub(crate) fn now() -> DateTime<Utc> {
    crate::clock::now().trunc_subsecs(3)
}

#[cfg(test)]
mod outside_changes_tests {
    use super::*;

    #[test]
    fn another_connections_commit_is_seen_and_our_own_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let mut window = Store::open(&path).unwrap();
        let at_start = window.outside_changes().unwrap();
        window.save_person(&crate::domain::person::sample_input()).unwrap();
        assert_eq!(window.outside_changes().unwrap(), at_start, "its own write");
        let mut cli = Store::open(&path).unwrap();
        let mut other = crate::domain::person::sample_input();
        other.name = "Someone Else".into();
        cli.save_person(&other).unwrap();
        assert_ne!(window.outside_changes().unwrap(), at_start, "the other connection's write");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);";
    const V2: &str = "ALTER TABLE note ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;";

    fn open_with(path: &Path, steps: &[&'static str]) -> (Store, OpenReport) {
        let conn = Connection::open(path).unwrap();
        configure(&conn).unwrap();
        let mut store = Store { conn, path: Some(path.to_path_buf()) };
        let report = store.migrate_through(steps).unwrap();
        (store, report)
    }

    #[test]
    fn migrating_an_existing_file_first_copies_it_aside_with_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let (store, report) = open_with(&path, &[V1]);
        assert_eq!(report.backup, None, "a new file has nothing to keep");
        store.conn.execute("INSERT INTO note (body) VALUES ('keep me')", []).unwrap();
        drop(store);

        let (store, report) = open_with(&path, &[V1, V2]);
        assert_eq!((report.from_version, report.to_version), (1, 2));
        let backup = report.backup.expect("a copy before migrating v1 to v2");
        assert!(backup.file_name().unwrap().to_string_lossy().starts_with("plan.db.v1-"), "{}", backup.display());
        let old = Connection::open(&backup).unwrap();
        let version: i64 = old.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        let body: String = old.query_row("SELECT body FROM note", [], |r| r.get(0)).unwrap();
        assert_eq!((version, body.as_str()), (1, "keep me"), "the copy is the file as it was");
        let pinned: i64 = store.conn.query_row("SELECT pinned FROM note", [], |r| r.get(0)).unwrap();
        assert_eq!(pinned, 0, "the live file is migrated and keeps its row");

        let (_, report) = open_with(&path, &[V1, V2]);
        assert_eq!(report.backup, None, "an up-to-date file is not copied again");
    }

    #[test]
    fn a_failed_migration_leaves_the_file_as_it_was_and_no_copy_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let (store, _) = open_with(&path, &[V1]);
        store.conn.execute("INSERT INTO note (body) VALUES ('keep me')", []).unwrap();
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let mut store = Store { conn, path: Some(path.clone()) };
        for _ in 0..2 {
            let err = store.migrate_through(&[V1, V2, "ALTER TABLE missing ADD COLUMN x"]).unwrap_err();
            assert!(err.to_string().contains("no such table: missing"), "the cause, not the query: {err}");
        }
        assert_eq!(store.schema_version().unwrap(), 1, "still version 1");
        let body: String = store.conn.query_row("SELECT body FROM note", [], |r| r.get(0)).unwrap();
        assert_eq!(body, "keep me");
        let copies: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".bak"))
            .collect();
        assert!(copies.is_empty(), "no copy per failed attempt: {copies:?}");
    }

    #[test]
    fn a_version_1_file_migrates_to_the_latest_keeping_its_people() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let (store, _) = open_with(&path, &migrations::STEPS[..1]);
        store
            .conn
            .execute(
                "INSERT INTO person VALUES ('0193a1c2-7b4e-7c11-9a2f-5d6e7f809a01', 'Maya', '', 'Berlin',
                 'Europe/Berlin', 40, 'mon,tue', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                [],
            )
            .unwrap();
        drop(store);
        let (store, report) = Store::open_reporting(&path).unwrap();
        assert_eq!((report.from_version, report.to_version), (1, migrations::latest()));
        assert!(report.backup.as_ref().is_some_and(|b| b.exists()), "the v1 file is kept beside it");
        assert_eq!(store.people().unwrap()[0].name, "Maya");
        assert!(store.catalog().unwrap().is_empty(), "v2's table exists");
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn a_panic_inside_a_what_if_leaves_no_transaction_for_later_saves_to_join() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let mut store = Store::open(&path).unwrap();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            store.rehearse(|_| -> Result<()> { panic!("the load model overflowed") })
        }));
        assert!(panicked.is_err());
        assert!(store.conn.is_autocommit(), "the what-if's transaction is gone");
        let input: crate::domain::PersonInput = serde_json::from_value(serde_json::json!({
            "name": "Maya", "role": "Advocate", "home_city": "Berlin", "timezone": "Europe/Berlin",
            "capacity_hours": 40.0, "working_days": ["mon", "tue"],
        }))
        .unwrap();
        store.save_person(&input).unwrap();
        drop(store);
        let names: Vec<_> = Store::open(&path).unwrap().people().unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Maya"], "the save after the panic is in the file");
    }

    #[test]
    fn the_real_schema_opens_in_wal_with_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("q.db")).unwrap();
        assert_eq!(store.journal_mode().unwrap(), "wal");
        let fk: i64 = store.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
        assert_eq!(store.schema_version().unwrap(), migrations::latest());
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }
}
