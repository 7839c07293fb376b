//! The automatic backups beside the plan file: `backups/quarterdeck-YYYY-MM-DD.db`,
//! one a day, the last `KEEP_DAYS` days kept (and never fewer than the
//! `KEEP_DAYS` newest, whatever the clock says); and the copy taken before a
//! restore, `backups/before-restore-<stamp>.db`. The copying itself is the
//! store's (`Store::backup_to`, SQLite's online backup API).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::store::{BackupCopy, Restored, Store, backup_file};
use crate::{Error, Result};

/// How many days of daily backups are kept.
pub const KEEP_DAYS: u64 = 14;

const DAILY_PREFIX: &str = "quarterdeck-";
const BEFORE_RESTORE_PREFIX: &str = "before-restore-";

/// The backup folder of the plan file at `db`.
pub fn folder(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

/// One file in the backup folder, newest first in a listing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupFile {
    /// Rust's own: the page restores a backup by its name.
    #[serde(skip)]
    #[ts(skip)]
    pub path: PathBuf,
    pub name: String,
    /// The day of a daily backup; none for other files.
    pub day: Option<NaiveDate>,
    pub before_restore: bool,
    #[ts(type = "number")]
    pub bytes: u64,
    pub modified: Option<DateTime<Utc>>,
}

/// What the Backups panel shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupList {
    #[serde(skip)]
    #[ts(skip)]
    pub folder: PathBuf,
    pub keep_days: u32,
    pub files: Vec<BackupFile>,
}

fn daily_name(day: NaiveDate) -> String {
    format!("{DAILY_PREFIX}{day}.db")
}

fn daily_day(name: &str) -> Option<NaiveDate> {
    name.strip_prefix(DAILY_PREFIX)?.strip_suffix(".db")?.parse().ok()
}

/// The daily backups among `names` that are older than the last `keep` days
/// before and including `today`, except the newest `keep` of them: a clock
/// that jumps ahead (or a laptop left shut for a month) must not leave the
/// plan without a single backup.
fn expired<'a>(names: impl IntoIterator<Item = &'a str>, today: NaiveDate, keep: u64) -> Vec<&'a str> {
    let oldest_kept = today.checked_sub_days(Days::new(keep.saturating_sub(1))).unwrap_or(NaiveDate::MIN);
    let mut daily: Vec<(NaiveDate, &str)> = names.into_iter().filter_map(|n| Some((daily_day(n)?, n))).collect();
    daily.sort_by(|a, b| b.cmp(a));
    daily.into_iter().skip(keep as usize).filter(|(d, _)| *d < oldest_kept).map(|(_, n)| n).collect()
}

/// Today's backup of the plan file at `db`, unless there is one already; then
/// drops the daily backups past `KEEP_DAYS`. Returns the backup written, if any.
/// It reads the file through a connection of its own, so the window's store
/// stays free for the window meanwhile.
pub fn daily(db: &Path, today: NaiveDate) -> Result<Option<BackupCopy>> {
    let dir = folder(db);
    let todays = dir.join(daily_name(today));
    let written = if todays.exists() { None } else { Some(backup_file(db, &todays)?) };
    let files = list(&dir)?;
    for name in expired(files.iter().map(|f| f.name.as_str()), today, KEEP_DAYS) {
        let path = dir.join(name);
        std::fs::remove_file(&path).map_err(|e| Error::file(path, e))?;
    }
    Ok(written)
}

/// The backup files in `dir`, newest first; none when it does not exist yet.
pub fn list(dir: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::file(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".db") {
            continue; // a .partial being written, or something the user put there
        }
        let meta = entry.metadata().map_err(|e| Error::file(entry.path(), e))?;
        files.push(BackupFile {
            path: entry.path(),
            day: daily_day(&name),
            before_restore: name.starts_with(BEFORE_RESTORE_PREFIX),
            name,
            bytes: meta.len(),
            modified: meta.modified().ok().map(DateTime::<Utc>::from),
        });
    }
    files.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| b.name.cmp(&a.name)));
    Ok(files)
}

/// The backups of the plan file the store has open.
pub fn of(store: &Store) -> Result<BackupList> {
    let db = store.path().ok_or_else(|| Error::invalid("database", "an in-memory plan has no backups"))?;
    let dir = folder(db);
    Ok(BackupList { files: list(&dir)?, folder: dir, keep_days: KEEP_DAYS as u32 })
}

/// The backup called `name` in the backup folder of the plan the store has
/// open. Only a name the folder lists is taken, so no name reaches outside it.
pub fn named(store: &Store, name: &str) -> Result<PathBuf> {
    let bad = |why: &str| Error::invalid("backup", format!("{name:?} {why}"));
    if name.is_empty() || name.contains(['/', '\\', '\0']) || name.starts_with('.') {
        return Err(bad("is not the name of a backup"));
    }
    let listed = of(store)?;
    listed.files.into_iter().find(|f| f.name == name).map(|f| f.path).ok_or_else(|| bad("is not in the backup folder"))
}

/// Restores the backup at `from`, keeping the plan as it was in the backup folder first.
pub fn restore(store: &mut Store, from: &Path, now: DateTime<Utc>) -> Result<Restored> {
    let db = store.path().ok_or_else(|| Error::invalid("database", "an in-memory plan cannot be restored"))?;
    let stamp = now.format("%Y%m%dT%H%M%S%.3f").to_string().replace('.', "-");
    // Never the name of an earlier copy: that copy may be the very backup being restored.
    let dir = folder(db);
    let previous = (1..)
        .map(|n| {
            dir.join(if n == 1 {
                format!("{BEFORE_RESTORE_PREFIX}{stamp}.db")
            } else {
                format!("{BEFORE_RESTORE_PREFIX}{stamp}-{n}.db")
            })
        })
        .find(|p| !p.exists())
        .expect("some name is free");
    store.restore_from(from, &previous)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn daily_names_read_back_as_their_day() {
        assert_eq!(daily_day(&daily_name(day("2026-11-21"))), Some(day("2026-11-21")));
        assert_eq!(daily_day("before-restore-20261121T100000.db"), None);
        assert_eq!(daily_day("quarterdeck-2026-13-01.db"), None);
    }

    #[test]
    fn only_daily_backups_older_than_the_kept_days_expire() {
        let names = [
            "quarterdeck-2026-11-21.db",
            "quarterdeck-2026-11-08.db",
            "quarterdeck-2026-11-07.db",
            "quarterdeck-2025-01-01.db",
            "before-restore-20250101T000000.db",
            "holiday-copy.db",
        ];
        // Two kept: the 21st and the 8th are the newest; the others are older than the last 2 days.
        assert_eq!(expired(names, day("2026-11-21"), 2), ["quarterdeck-2026-11-07.db", "quarterdeck-2025-01-01.db"]);
        // Four daily backups and 14 to keep: however old, none goes.
        assert!(expired(names, day("2026-11-21"), 14).is_empty());
        assert!(expired(names, day("2026-11-21"), 1000).is_empty());
    }

    #[test]
    fn a_clock_jumping_a_year_ahead_keeps_the_newest_backups() {
        let days: Vec<String> = (8..=21).map(|d| daily_name(day(&format!("2026-11-{d:02}")))).collect();
        let mut names: Vec<&str> = days.iter().map(String::as_str).collect();
        // A year later: today's backup is written, then the old ones are looked at.
        let today = daily_name(day("2027-11-21"));
        names.push(&today);
        assert_eq!(expired(names.iter().copied(), day("2027-11-21"), 14), ["quarterdeck-2026-11-08.db"]);
    }

    #[test]
    fn after_a_clock_jump_the_daily_backup_leaves_the_newest_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("quarterdeck.db")).unwrap();
        let db = store.path().unwrap();
        for d in 8..=21 {
            daily(db, day(&format!("2026-11-{d:02}"))).unwrap();
        }
        daily(db, day("2027-11-21")).unwrap();
        let names: Vec<_> = list(&folder(db)).unwrap().into_iter().map(|f| f.name).collect();
        assert_eq!(names.len(), KEEP_DAYS as usize, "{names:?}");
        assert!(names.contains(&"quarterdeck-2027-11-21.db".to_string()));
        assert!(names.contains(&"quarterdeck-2026-11-21.db".to_string()));
        assert!(!names.contains(&"quarterdeck-2026-11-08.db".to_string()));
    }

    #[test]
    fn restoring_the_copy_kept_by_a_restore_in_the_same_instant_keeps_both_plans() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("quarterdeck.db")).unwrap();
        let empty = dir.path().join("empty.db");
        store.backup_to(&empty).unwrap();
        let options = crate::demo::DemoOptions::for_today(day("2026-11-21"));
        crate::demo::fill(&mut store, &options).unwrap();
        let now = Utc::now();
        let first = restore(&mut store, &empty, now).unwrap();
        assert_eq!((first.from.people, first.previous.people), (0, 6));
        // Undo the restore at once, at the same instant: the team comes back.
        let second = restore(&mut store, &first.previous.path, now).unwrap();
        assert_ne!(second.previous.path, first.previous.path);
        assert_eq!(store.people().unwrap().len(), 6);
    }

    #[test]
    fn a_backup_is_named_inside_its_folder_and_nothing_outside_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("plans")).unwrap();
        let store = Store::open(&dir.path().join("plans").join("quarterdeck.db")).unwrap();
        let db = store.path().unwrap().to_path_buf();
        daily(&db, day("2026-11-21")).unwrap();
        // A sound plan right beside the backup folder, and one in the folder that is not a .db.
        store.backup_to(&dir.path().join("plans").join("other.db")).unwrap();
        std::fs::write(folder(&db).join("notes.txt"), "x").unwrap();
        assert_eq!(named(&store, "quarterdeck-2026-11-21.db").unwrap(), folder(&db).join("quarterdeck-2026-11-21.db"));
        for name in [
            "",
            "/",
            "..",
            "../other.db",
            "../quarterdeck.db",
            "/etc/passwd",
            "sub/../quarterdeck-2026-11-21.db",
            "..\\other.db",
            ".hidden.db",
            "notes.txt",
            "quarterdeck-2026-11-22.db",
        ] {
            let err = named(&store, name).unwrap_err();
            assert_eq!(err.code(), crate::error::ErrorCode::Invalid, "{name:?}");
        }
        let listed = serde_json::to_string(&of(&store).unwrap()).unwrap();
        assert!(!listed.contains(dir.path().to_str().unwrap()), "names only: {listed}");
        assert!(listed.contains("\"name\":\"quarterdeck-2026-11-21.db\""), "{listed}");
    }

    #[test]
    fn one_backup_a_day_and_old_ones_go() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("quarterdeck.db")).unwrap();
        let backups = folder(store.path().unwrap());
        std::fs::create_dir_all(&backups).unwrap();
        // 14 backups from October: with today's, one too many, and the oldest is past 14 days.
        for d in 1..=14 {
            store.backup_to(&backups.join(format!("quarterdeck-2026-10-{d:02}.db"))).unwrap();
        }

        let db = store.path().unwrap();
        let first = daily(db, day("2026-11-21")).unwrap();
        assert!(first.is_some_and(|c| c.path == backups.join("quarterdeck-2026-11-21.db")));
        assert_eq!(daily(db, day("2026-11-21")).unwrap(), None, "one a day");
        assert!(!backups.join("quarterdeck-2026-10-01.db").exists(), "the oldest beyond the 14 newest");
        let names: Vec<_> = of(&store).unwrap().files.into_iter().map(|f| f.name).collect();
        assert_eq!(names.len(), 14);
        assert!(names.contains(&"quarterdeck-2026-10-02.db".to_string()));
    }
}
