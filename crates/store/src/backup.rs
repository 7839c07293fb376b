//! Whole-file copies through SQLite's online backup API: a copy is one
//! consistent moment even while the CLI writes, and a restore copies every
//! page in one step, so the plan is either all the old one or all the backup.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::{BUSY_TIMEOUT, OpenReport, Store, configure, migrations, schema_shape};
use crate::{Error, Result, files};

/// A backup file written, or one about to be restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupCopy {
    #[ts(type = "string")]
    pub path: PathBuf,
    #[ts(type = "number")]
    pub bytes: u64,
    pub schema_version: u32,
    pub people: u32,
}

/// What a restore did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Restored {
    pub from: BackupCopy,
    /// The plan as it was just before, kept in case the restore was a mistake.
    pub previous: BackupCopy,
    /// Set when the backup was from an older Quarterdeck and was brought up to date.
    pub migrated_from: Option<u32>,
}

impl Store {
    /// Writes the whole plan to `out` as one self-contained SQLite file. The
    /// copy goes to a temporary name first, so `out` is never half-written.
    pub fn backup_to(&self, out: &Path) -> Result<BackupCopy> {
        write_copy(&self.conn, self.path(), out)
    }

    /// Replaces the whole plan with the backup at `from`, after saving the
    /// plan as it is to `previous`. A backup from an older Quarterdeck is
    /// migrated; anything that is not a sound Quarterdeck file is refused
    /// before the plan is touched.
    pub fn restore_from(&mut self, from: &Path, previous: &Path) -> Result<Restored> {
        let source = inspect(from)?;
        let kept = self.backup_to(previous)?;
        let backup = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| Error::file(from, std::io::Error::other(e.to_string())))?;
        copy_pages(&backup, &mut self.conn)?;
        configure(&self.conn)?;
        let OpenReport { from_version, .. } = self.migrate()?;
        Ok(Restored {
            from: source,
            previous: kept,
            migrated_from: (from_version < migrations::latest()).then_some(from_version as u32),
        })
    }
}

/// Like `Store::backup_to`, but through a connection of its own to the file
/// at `db`, so that a background copy never holds the window's store.
pub fn backup_file(db: &Path, out: &Path) -> Result<BackupCopy> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::file(db, std::io::Error::other(e.to_string())))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    write_copy(&conn, Some(db), out)
}

/// Copies the database `from` (the file at `live`, if any) to `out` by way of
/// a temporary name. `out` is never the plan itself however it is spelled
/// (`sub/../plan.db`, a symlink), nor any other database in use: renaming a
/// copy over an open SQLite file corrupts it for whoever has it open.
fn write_copy(from: &Connection, live: Option<&Path>, out: &Path) -> Result<BackupCopy> {
    if live.is_some_and(|live| files::same_file(live, out)) {
        return Err(Error::invalid("out", "is the plan file itself; choose another file"));
    }
    files::check_replaceable(out)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    }
    let partial = partial_name(out);
    let copied = (|| {
        // A leftover from a crash would otherwise be opened as the start of this copy.
        remove_partial(&partial);
        let mut target = Connection::open(&partial)
            .map_err(|e| Error::file(out, std::io::Error::other(format!("cannot be written: {e}"))))?;
        copy_pages(from, &mut target)?;
        // One file to carry around: no -wal beside it.
        let _: String = target.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        target.close().map_err(|(_, e)| Error::from(e))?;
        files::replace_with(&partial, out)
    })();
    if let Err(e) = copied {
        remove_partial(&partial);
        return Err(e);
    }
    inspect(out)
}

/// Removes a partial copy and whatever SQLite left beside it.
fn remove_partial(partial: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut name = partial.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// What a backup file holds, if it is a sound Quarterdeck file this build can open.
pub fn inspect(path: &Path) -> Result<BackupCopy> {
    let bytes = std::fs::metadata(path).map_err(|e| Error::file(path, e))?.len();
    let not_ours = |why: &str| Error::invalid("backup", format!("{} {why}", path.display()));
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| not_ours("cannot be opened as a database"))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| not_ours("is not a SQLite database"))?;
    let has_people: bool = conn
        .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'person'", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|_| not_ours("is not a SQLite database"))?
        == 1;
    if version < 1 || !has_people {
        return Err(not_ours("is not a Quarterdeck plan"));
    }
    if version as usize > migrations::latest() {
        return Err(not_ours(&format!(
            "was written by a newer Quarterdeck (schema {version}, this one reads up to {})",
            migrations::latest()
        )));
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(not_ours(&format!("is damaged: {check}")));
    }
    // The tables and columns its version should have, not only a `person` table.
    let expected = schema_shape::of_version(version as usize)?;
    let found = schema_shape::of(&conn).map_err(|_| not_ours("is not a SQLite database"))?;
    if let Some(difference) = schema_shape::difference(&expected, &found) {
        return Err(not_ours(&format!("is not a Quarterdeck plan of schema {version}: it {difference}")));
    }
    if let Some(broken) = schema_shape::broken_link(&conn)? {
        return Err(not_ours(&format!("is inconsistent: it {broken}")));
    }
    let people: i64 = conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?;
    Ok(BackupCopy { path: path.to_path_buf(), bytes, schema_version: version as u32, people: people as u32 })
}

/// Copies every page of `from` into `to` in a single step (one transaction on
/// `to`), waiting out a writer that holds the file like any other write would.
fn copy_pages(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    let started = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked if started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(50))
            }
            StepResult::Busy | StepResult::Locked => return Err(Error::Busy),
            // More (step(-1) copies everything at once, so not expected): step again.
            _ => {}
        }
    }
}

fn partial_name(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    out.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{self, DemoOptions};

    fn sample(path: &Path) -> Store {
        let mut store = Store::open(path).unwrap();
        let today = "2026-02-16".parse().unwrap();
        let options = DemoOptions { people: 3, weeks: 8, seed: 5, from: "2026-01-05".parse().unwrap(), today };
        demo::fill(&mut store, &options).unwrap();
        store
    }

    #[test]
    fn a_backup_is_a_whole_self_contained_copy() {
        let dir = tempfile::tempdir().unwrap();
        let store = sample(&dir.path().join("plan.db"));
        let out = dir.path().join("copies/plan-backup.db");
        let copy = store.backup_to(&out).unwrap();
        assert_eq!((copy.people, copy.schema_version as usize), (3, migrations::latest()));
        assert!(!partial_name(&out).exists() && !dir.path().join("copies/plan-backup.db-wal").exists());
        let reopened = Store::open(&out).unwrap();
        assert_eq!(reopened.people().unwrap(), store.people().unwrap());
        assert_eq!(reopened.trips().unwrap(), store.trips().unwrap());
    }

    #[test]
    fn the_plan_file_cannot_be_its_own_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let store = sample(&path);
        let err = store.backup_to(&path).unwrap_err();
        assert!(matches!(&err, Error::Invalid { field, .. } if field == "out"), "{err}");
        assert_eq!(store.people().unwrap().len(), 3);
    }

    #[test]
    fn a_backup_onto_the_plan_by_another_path_is_refused_while_another_connection_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let store = sample(&path);
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::os::unix::fs::symlink(&path, dir.path().join("link.db")).unwrap();
        // The window, standing in: its own connection committing one row after another.
        let writer_path = path.clone();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let writer_stop = stop.clone();
        let writer = std::thread::spawn(move || {
            let conn = Connection::open(&writer_path).unwrap();
            conn.busy_timeout(BUSY_TIMEOUT).unwrap();
            conn.execute_batch("CREATE TABLE beat (n INTEGER NOT NULL)").unwrap();
            let mut n = 0;
            while !writer_stop.load(std::sync::atomic::Ordering::Relaxed) || n < 50 {
                conn.execute("INSERT INTO beat VALUES (?1)", [n]).unwrap();
                n += 1;
            }
            n
        });
        for alias in ["sub/../plan.db", "link.db"] {
            let err = store.backup_to(&dir.path().join(alias)).unwrap_err();
            assert!(matches!(&err, Error::Invalid { field, .. } if field == "out"), "{alias}: {err}");
        }
        // Through its own connection, as the daily backup does.
        let err = backup_file(&path, &dir.path().join("sub/../link.db")).unwrap_err();
        assert!(matches!(&err, Error::Invalid { field, .. } if field == "out"), "{err}");
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let written: i64 = writer.join().unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let reopened = Store::open(&path).unwrap();
        assert_eq!(reopened.integrity_check().unwrap(), "ok");
        let rows: i64 = reopened.conn().query_row("SELECT count(*) FROM beat", [], |r| r.get(0)).unwrap();
        assert_eq!(rows, written, "every committed row is in the plan");
        assert_eq!(reopened.people().unwrap().len(), 3);
        assert!(
            std::fs::read_dir(dir.path()).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("partial"))
        );
    }

    #[test]
    fn another_database_in_use_is_not_replaced_but_an_earlier_backup_is() {
        let dir = tempfile::tempdir().unwrap();
        let store = sample(&dir.path().join("plan.db"));
        let other = Store::open(&dir.path().join("other-plan.db")).unwrap();
        let err = store.backup_to(&dir.path().join("other-plan.db")).unwrap_err();
        assert!(matches!(err, Error::File { .. }), "{err}");
        assert_eq!(other.integrity_check().unwrap(), "ok");
        let copy = dir.path().join("monday.db");
        store.backup_to(&copy).unwrap();
        assert_eq!(store.backup_to(&copy).unwrap().people, 3, "the same backup name again");
    }

    #[test]
    fn restore_brings_the_backup_back_and_keeps_the_plan_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = sample(&dir.path().join("plan.db"));
        let backup = dir.path().join("monday.db");
        store.backup_to(&backup).unwrap();
        let before = store.people().unwrap();
        store.delete_person(before[0].id).unwrap();

        let restored = store.restore_from(&backup, &dir.path().join("before-restore.db")).unwrap();
        assert_eq!(store.people().unwrap(), before, "the deleted person is back");
        assert_eq!((restored.previous.people, restored.migrated_from), (2, None));
        assert_eq!(store.journal_mode().unwrap(), "wal");
        assert_eq!(store.integrity_check().unwrap(), "ok");
        // And it is written, not only seen by this connection.
        assert_eq!(Store::open(&dir.path().join("plan.db")).unwrap().people().unwrap(), before);
    }

    #[test]
    fn restore_refuses_a_file_whose_tables_are_not_those_of_its_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = sample(&dir.path().join("plan.db"));
        let people = store.people().unwrap();
        for version in [8, 3] {
            let foreign = dir.path().join(format!("foreign-v{version}.db"));
            let conn = Connection::open(&foreign).unwrap();
            conn.execute_batch(&format!(
                "CREATE TABLE person (x); INSERT INTO person VALUES (1); PRAGMA user_version = {version};"
            ))
            .unwrap();
            drop(conn);
            let previous = dir.path().join("previous.db");
            let err = store.restore_from(&foreign, &previous).unwrap_err();
            assert!(err.to_string().contains("is not a Quarterdeck plan of schema"), "v{version}: {err}");
            assert!(!previous.exists(), "nothing is written for v{version}");
            assert_eq!(store.people().unwrap(), people, "the plan is untouched");
        }
        // A real backup with one more table, or one column fewer, is refused too.
        let extra = dir.path().join("extra.db");
        store.backup_to(&extra).unwrap();
        Connection::open(&extra).unwrap().execute_batch("CREATE TABLE notes (body TEXT)").unwrap();
        let err = store.restore_from(&extra, &dir.path().join("previous.db")).unwrap_err();
        assert!(err.to_string().contains("has a table notes"), "{err}");
    }

    #[test]
    fn restore_refuses_a_backup_with_a_link_to_a_missing_record() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = sample(&dir.path().join("plan.db"));
        let people = store.people().unwrap();
        let orphaned = dir.path().join("orphaned.db");
        store.backup_to(&orphaned).unwrap();
        // With foreign keys off, the person goes and their time off stays.
        let conn = Connection::open(&orphaned).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        let removed =
            conn.execute("DELETE FROM person WHERE id IN (SELECT person_id FROM time_off LIMIT 1)", []).unwrap();
        assert_eq!(removed, 1, "the sample has time off to orphan");
        drop(conn);
        let err = store.restore_from(&orphaned, &dir.path().join("previous.db")).unwrap_err();
        assert!(err.to_string().contains("linked to a person that is not there"), "{err}");
        assert_eq!(store.people().unwrap(), people);
    }

    #[test]
    fn restore_refuses_what_is_not_a_sound_quarterdeck_plan_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = sample(&dir.path().join("plan.db"));
        let people = store.people().unwrap();
        let text = dir.path().join("notes.db");
        std::fs::write(&text, "not a database at all, just some words that are long enough").unwrap();
        let other = dir.path().join("other.db");
        Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x); PRAGMA user_version = 3;").unwrap();
        let newer = dir.path().join("newer.db");
        store.backup_to(&newer).unwrap();
        Connection::open(&newer).unwrap().pragma_update(None, "user_version", 999).unwrap();
        for bad in [&text, &other, &newer, &dir.path().join("missing.db")] {
            let previous = dir.path().join("previous.db");
            let err = store.restore_from(bad, &previous).unwrap_err();
            assert!(matches!(err, Error::Invalid { .. } | Error::File { .. }), "{}: {err}", bad.display());
            assert!(!previous.exists(), "nothing is written for {}", bad.display());
            assert_eq!(store.people().unwrap(), people);
        }
    }
}
