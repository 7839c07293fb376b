//! "Update catalog": this year's and next year's confs.tech listings for the
//! topics the bundled snapshot covers, downloaded from the team's catalog
//! source, read as strictly as the domain says. The window and
//! `quarterdeck update-catalog` both call `download`, then merge what it
//! returns in one transaction (`Store::update_catalog_reporting`).

use super::fetch::{Fetched, Fetcher};
use crate::domain::catalog::{ImportProgress, ImportStage, Listing, Skipped};
use crate::domain::catalog_source::{self, read_downloaded, update_files};
use crate::{Error, Result};

/// The largest listing file taken: confs.tech's biggest is well under 1 MB.
pub const FILE_CAP: usize = 8_000_000;

/// A whole update gives up after this, however each request fares: a source
/// that trickles every file just inside its own timeout still ends.
const UPDATE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(300);

/// Downloads and reads the listing files under `base_url` for `this_year` and
/// the next, reporting each file fetched. A file the source does not have
/// (404: next year's topics fill in over the year) is skipped quietly; any
/// other failure ends the update before anything is written.
pub fn download(
    base_url: &str,
    this_year: i32,
    progress: &mut (dyn FnMut(ImportProgress) + Send),
) -> Result<(Vec<Listing>, Vec<Skipped>)> {
    // On a thread of its own: the window's commands run on an async runtime's
    // thread, where the fetcher's runtime may neither block nor be dropped.
    std::thread::scope(|s| s.spawn(|| download_here(base_url, this_year, progress)).join())
        .unwrap_or_else(|_| Err(Error::Internal("the catalog download stopped on a bug".into())))
}

fn download_here(
    base_url: &str,
    this_year: i32,
    progress: &mut (dyn FnMut(ImportProgress) + Send),
) -> Result<(Vec<Listing>, Vec<Skipped>)> {
    let base = catalog_source::base_url("base_url", base_url)?;
    let files = update_files(this_year, &catalog_source::bundled_topics());
    let fetcher = Fetcher::new()?;
    let total = files.len() as u32;
    let mut texts = vec![];
    let started = std::time::Instant::now();
    for (done, file) in files.into_iter().enumerate() {
        if started.elapsed() > UPDATE_DEADLINE {
            return Err(Error::Network(format!(
                "{base} is too slow: {done} of {total} files in {} minutes; nothing was changed, try again later",
                UPDATE_DEADLINE.as_secs() / 60
            )));
        }
        progress(ImportProgress { stage: ImportStage::Downloading, done: done as u32, total });
        match fetcher.get(&format!("{base}/{file}"), FILE_CAP)? {
            Fetched::NotFound => {}
            Fetched::Body(bytes) => match String::from_utf8(bytes) {
                Ok(text) => texts.push((file, text)),
                Err(_) => return Err(Error::invalid(file, "is not UTF-8 text")),
            },
        }
    }
    progress(ImportProgress { stage: ImportStage::Downloading, done: total, total });
    if texts.is_empty() {
        return Err(Error::Network(format!(
            "{base} has no listing files for {this_year} or {}: check the catalog source",
            this_year + 1
        )));
    }
    Ok(read_downloaded(&texts)?)
}
