//! Calendar files on disk, the same for the window and the command line:
//! reading an .ics into a person's busy time, writing one file or a folder
//! with a file per kind.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::domain::ics::import::{self, CalendarImport};
use crate::domain::ics::plan_items::{CalendarKind, ExportScope};
use crate::files;
use crate::store::Store;
use crate::{Error, Result};

/// Imports `path` for `person`. The calendar is named by its X-WR-CALNAME,
/// or else the file's name. The file is read whole before anything is written.
pub fn import(
    store: &mut Store,
    path: &Path,
    person: Uuid,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CalendarImport> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
    let file = import::read(&bytes)?;
    let name = file.name.clone().unwrap_or_else(|| {
        path.file_stem().map_or_else(|| "Imported".to_string(), |s| s.to_string_lossy().into_owned())
    });
    store.import_calendar(person, &name, &file, now, progress)
}

/// Writes one file of `kinds`; returns how many events it holds.
pub fn export_file(
    store: &mut Store,
    path: &Path,
    kinds: &[CalendarKind],
    scope: &ExportScope,
    now: DateTime<Utc>,
) -> Result<usize> {
    let cal = store.export_calendar(kinds, scope, now)?;
    files::write_whole(path, &cal.text)?;
    Ok(cal.items)
}

/// Writes `quarterdeck-<kind>.ics` for every kind into `folder`, so that a
/// calendar app can subscribe to each on its own; returns the files written.
pub fn export_folder(
    store: &mut Store,
    folder: &Path,
    scope: &ExportScope,
    now: DateTime<Utc>,
) -> Result<Vec<(PathBuf, usize)>> {
    std::fs::create_dir_all(folder).map_err(|e| Error::file(folder, e))?;
    let mut written = Vec::new();
    for kind in CalendarKind::ALL {
        let path = folder.join(format!("quarterdeck-{}.ics", kind.as_str()));
        let n = export_file(store, &path, &[*kind], scope, now)?;
        written.push((path, n));
    }
    Ok(written)
}

/// `7d,1d,2h,30m`: reminders before a deadline. Empty text: none.
pub fn parse_alarms(field: &str, text: &str) -> Result<Vec<Duration>> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (n, unit) = part.split_at(part.len() - 1);
        let n: i64 =
            n.trim().parse().map_err(|_| Error::invalid(field, format!("{part:?} is not like 7d, 12h or 30m")))?;
        let d = match unit {
            "d" | "D" => Duration::days(n),
            "h" | "H" => Duration::hours(n),
            "m" | "M" => Duration::minutes(n),
            _ => return Err(Error::invalid(field, format!("{part:?} is not like 7d, 12h or 30m"))),
        };
        if n <= 0 || d > Duration::days(90) {
            return Err(Error::invalid(field, format!("{part:?}: a reminder is between 1 minute and 90 days before")));
        }
        out.push(d);
    }
    out.sort();
    out.dedup();
    out.reverse();
    Ok(out)
}

/// The text form of reminders, for showing and editing them.
pub fn alarms_text(alarms: &[Duration]) -> String {
    alarms
        .iter()
        .map(|d| {
            let m = d.num_minutes();
            if m % 1440 == 0 {
                format!("{}d", m / 1440)
            } else if m % 60 == 0 {
                format!("{}h", m / 60)
            } else {
                format!("{m}m")
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_read_and_write_as_short_text() {
        let a = parse_alarms("cfp_alarms", "1d, 7d,90m").unwrap();
        assert_eq!(alarms_text(&a), "7d,1d,90m");
        assert!(parse_alarms("cfp_alarms", "").unwrap().is_empty());
        for bad in ["7", "x1d", "-1d", "100d", "1w"] {
            let err = parse_alarms("cfp_alarms", bad).unwrap_err();
            assert!(matches!(err, Error::Invalid { ref field, .. } if field == "cfp_alarms"), "{bad}");
        }
    }
}
