//! `catalog`, `import-conferences` and `update-catalog`: the conference catalog as the command line prints it.

use std::io::Write;

use chrono::Datelike;
use std::path::Path;

use super::output::{print_json, table};
use crate::domain::catalog::CatalogEntry;
use crate::store::{CatalogImport, Store};
use crate::{Error, Result};

/// Prints the catalog, soonest first, as a table or a JSON array.
pub fn list(store: &Store, json: bool, out: &mut dyn Write) -> Result<()> {
    let entries = store.catalog()?;
    if json {
        return print_json(out, &entries);
    }
    write!(out, "{}", catalog_table(&entries)).map_err(|e| Error::file("standard output", e))
}

/// Imports the listings at `path` (a confs.tech file or a folder of them) and
/// prints what changed. The files are read before the store is opened, so a
/// missing path leaves no new database behind.
pub fn import(open: impl FnOnce() -> Result<Store>, path: &Path, json: bool, out: &mut dyn Write) -> Result<()> {
    let (listings, skipped) = crate::disk::catalog_files::read_path(path)?;
    let report = open()?.import_listings(&listings, skipped)?;
    if json {
        return print_json(out, &report);
    }
    write!(out, "{}", catalog_report(&report)).map_err(|e| Error::file("standard output", e))
}

/// Downloads the current listings (from `from`, or the plan's catalog source)
/// and merges them as the window's "Update catalog" does. With `from`, the
/// download comes first, so an unreachable source leaves no new database behind.
pub fn update(open: impl FnOnce() -> Result<Store>, from: Option<&str>, json: bool, out: &mut dyn Write) -> Result<()> {
    let year = crate::clock::today().year();
    let download = |base: &str| crate::web::catalog_download::download(base, year, &mut |_| {});
    let (mut store, (listings, skipped)) = match from {
        Some(base) => {
            let found = download(base)?;
            (open()?, found)
        }
        None => {
            let store = open()?;
            let found = download(&store.catalog_source()?.base_url)?;
            (store, found)
        }
    };
    let report = store.update_catalog_reporting(&listings, skipped, crate::clock::now(), &mut |_| {})?;
    if json {
        return print_json(out, &report);
    }
    write!(out, "{}", catalog_report(&report)).map_err(|e| Error::file("standard output", e))
}

fn catalog_report(report: &CatalogImport) -> String {
    let mut text = format!(
        "{} new, {} updated, {} unchanged, {} skipped\n",
        report.added,
        report.updated,
        report.unchanged,
        report.skipped.len()
    );
    for change in &report.changes {
        text.push_str(&format!("updated: {change}\n"));
    }
    for skip in &report.skipped {
        let at = skip.index.map_or(String::new(), |i| format!("[{i}]"));
        text.push_str(&format!("skipped: {}{at}: {}\n", skip.file, skip.reason));
    }
    text
}

fn catalog_table(entries: &[CatalogEntry]) -> String {
    let rows = entries
        .iter()
        .map(|CatalogEntry { listing: e, .. }| {
            let place =
                if e.online && e.city.is_empty() { "online".to_string() } else { format!("{}, {}", e.city, e.country) };
            let cfp = e.cfp_end_date.map_or(String::new(), |d| format!("{d} AoE"));
            vec![e.start_date.to_string(), e.name.clone(), place, e.topics.join(" "), cfp]
        })
        .collect();
    table(&["STARTS", "NAME", "WHERE", "TOPICS", "CFP CLOSES"], rows)
}
