//! Where a quarter report is written: the path the user chose, or
//! `reports/quarterdeck-<team|person>-<quarter>.html` beside the plan file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::quarter::Quarter;
use crate::store::Store;
use crate::{Error, Result, files};

/// Renders the report for `person` (or the team) and writes it whole; answers the path written.
/// Its figures follow the system's locale, as the window's do.
pub fn save(
    store: &Store,
    quarter: Quarter,
    person: Option<Uuid>,
    path: Option<&Path>,
    today: NaiveDate,
) -> Result<PathBuf> {
    let html = store.quarter_report(quarter, person, today, &crate::locale::system())?;
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => default_path(store, quarter, person)?,
    };
    files::write_whole(&path, &html)?;
    Ok(path)
}

/// The report's file name: `quarterdeck-<team|person>-<quarter>.html`.
pub fn default_name(store: &Store, quarter: Quarter, person: Option<Uuid>) -> Result<String> {
    let scope = match person {
        Some(id) => files::slug(&store.person(id)?.name),
        None => "team".to_string(),
    };
    Ok(format!("quarterdeck-{scope}-{quarter}.html"))
}

fn default_path(store: &Store, quarter: Quarter, person: Option<Uuid>) -> Result<PathBuf> {
    let name = default_name(store, quarter, person)?;
    let folder = store.path().and_then(Path::parent).unwrap_or(Path::new(".")).join("reports");
    std::fs::create_dir_all(&folder).map_err(|e| Error::file(&folder, e))?;
    Ok(folder.join(name))
}
