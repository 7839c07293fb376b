//! Calendar files on disk, the same for the window and the command line:
//! reading an .ics into a person's busy time, writing one file or a folder
//! with a file per kind.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
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
    let bytes = files::read_bytes(path, files::CALENDAR)?;
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

/// Where the window writes a file per kind unless the person picks another
/// folder: `calendars` beside the plan file.
pub fn default_folder(store: &Store) -> PathBuf {
    store.path().and_then(Path::parent).map_or_else(|| PathBuf::from("calendars"), |d| d.join("calendars"))
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
    let groups: Vec<&[CalendarKind]> = CalendarKind::ALL.iter().map(std::slice::from_ref).collect();
    let calendars = store.export_calendars(&groups, scope, now)?;
    let mut written = Vec::new();
    for (kind, cal) in CalendarKind::ALL.iter().zip(calendars) {
        let path = folder.join(format!("quarterdeck-{}.ics", kind.as_str()));
        files::write_whole(&path, &cal.text)?;
        written.push((path, cal.items));
    }
    Ok(written)
}
