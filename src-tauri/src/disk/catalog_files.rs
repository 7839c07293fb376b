//! Reading conference listing files from disk: the files under a folder the
//! user picked, walked safely, then parsed by the domain's catalog.

use std::path::{Path, PathBuf};

use crate::domain::catalog::{ImportProgress, ImportStage, Listing, Skipped, read_listings};
use crate::{Error, Result};

/// Every `.json` file under `path` (or `path` itself), in a stable order, and
/// the subfolders left out: one that cannot be read is named with why rather
/// than ending the import, and a symlinked folder is not followed (a link to
/// `.` would make the walk endless).
pub fn listing_files(path: &Path) -> Result<(Vec<PathBuf>, Vec<Skipped>)> {
    let meta = std::fs::metadata(path).map_err(|e| Error::file(path, e))?;
    if meta.is_file() {
        return Ok((vec![path.to_path_buf()], vec![]));
    }
    if !meta.is_dir() {
        let why = "is not a regular file (a device, pipe or socket), not a conference listing or folder";
        return Err(Error::file(path, std::io::Error::other(why)));
    }
    let mut files = vec![];
    let mut skipped = vec![];
    let shown = |p: &Path| p.strip_prefix(path).unwrap_or(p).display().to_string();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if dir == path => return Err(Error::file(&dir, e)),
            Err(e) => {
                skipped.push(Skipped { file: shown(&dir), index: None, reason: format!("folder not read: {e}") });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    skipped.push(Skipped { file: shown(&dir), index: None, reason: format!("folder not read: {e}") });
                    continue;
                }
            };
            let p = entry.path();
            // The entry's own type: a symlink is not followed to learn it.
            let (is_link, is_dir) = match entry.file_type() {
                Ok(t) if t.is_symlink() => (true, std::fs::metadata(&p).is_ok_and(|m| m.is_dir())),
                Ok(t) => (false, t.is_dir()),
                Err(_) => (false, false),
            };
            if is_dir && is_link {
                skipped.push(Skipped {
                    file: shown(&p),
                    index: None,
                    reason: "a link to a folder, not followed".into(),
                });
            } else if is_dir {
                dirs.push(p);
            } else if p.extension().is_some_and(|ext| ext == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    skipped.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((files, skipped))
}

/// Reads every listing file at `path` (a file or a folder). A file that cannot
/// be read is skipped with its reason, like a malformed one.
pub fn read_path(path: &Path) -> Result<(Vec<Listing>, Vec<Skipped>)> {
    read_paths(&[path.to_path_buf()])
}

/// Reads every listing file under each of `paths`, merged as one import.
pub fn read_paths(paths: &[PathBuf]) -> Result<(Vec<Listing>, Vec<Skipped>)> {
    read_paths_reporting(paths, &mut |_| {})
}

/// `read_paths`, reporting each file read to `progress`.
pub fn read_paths_reporting(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<(Vec<Listing>, Vec<Skipped>)> {
    let mut texts = vec![];
    let mut unreadable = vec![];
    let mut files = vec![];
    for path in paths {
        let (found, left_out) = listing_files(path)?;
        files.extend(found.into_iter().map(|file| (path, file)));
        unreadable.extend(left_out);
    }
    let total = files.len() as u32;
    for (done, (path, file)) in files.into_iter().enumerate() {
        progress(ImportProgress { stage: ImportStage::Reading, done: done as u32, total });
        // Name files relative to the folder picked; a picked file by its own path.
        let shown = file.strip_prefix(path).ok().filter(|p| !p.as_os_str().is_empty()).unwrap_or(&file);
        let shown = shown.display().to_string();
        match crate::files::read_text(&file, crate::files::CATALOG_LISTING) {
            Ok(text) => texts.push((shown, text)),
            Err(e) => {
                // The file is already named: keep only why.
                let reason = match e {
                    Error::File { source, .. } => source.to_string(),
                    other => other.to_string(),
                };
                unreadable.push(Skipped { file: shown, index: None, reason });
            }
        }
    }
    progress(ImportProgress { stage: ImportStage::Reading, done: total, total });
    let (listings, mut skipped) = read_listings(&texts);
    skipped.extend(unreadable);
    Ok((listings, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSTWEEK: &str = r#"{"name":"RustWeek","url":"https://2026.rustweek.org","startDate":"2026-05-18",
        "endDate":"2026-05-23","city":"Utrecht","country":"Netherlands","online":false,"locales":"EN"}"#;

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end_and_an_unreadable_subfolder_is_reported_not_fatal() {
        // Probe 31: `a -> .` and `b -> .` made the walk endless.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("rust.json"), format!("[{RUSTWEEK}]")).unwrap();
        std::os::unix::fs::symlink(".", root.join("a")).unwrap();
        std::os::unix::fs::symlink(".", root.join("b")).unwrap();
        std::fs::create_dir(root.join("2027")).unwrap();
        std::fs::write(root.join("2027/general.json"), "[]").unwrap();
        let (files, skipped) = listing_files(root).unwrap();
        assert_eq!(files, [root.join("2027/general.json"), root.join("rust.json")]);
        let reasons: Vec<(&str, &str)> = skipped.iter().map(|s| (s.file.as_str(), s.reason.as_str())).collect();
        assert_eq!(reasons, [("a", "a link to a folder, not followed"), ("b", "a link to a folder, not followed")]);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_subfolder_is_reported_and_the_rest_imports() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("rust.json"), format!("[{RUSTWEEK}]")).unwrap();
        // A folder that cannot be listed, even by root (as CI runs, where permissions
        // do not stop a read): nested past the longest path the OS takes, 4096 bytes.
        let deep = vec!["d".repeat(200); 25].join("/");
        assert!(std::process::Command::new("mkdir").args(["-p", &deep]).current_dir(root).status().unwrap().success());
        let (listings, skipped) = read_path(root).unwrap();
        assert_eq!(listings.len(), 1);
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert!(skipped[0].file.starts_with("dddd"), "named relative to the folder picked: {skipped:?}");
        assert!(skipped[0].reason.starts_with("folder not read: "), "{skipped:?}");
    }

    #[test]
    fn a_folder_import_reports_files_read_then_rows_saved_up_to_the_total() {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/conference-data");
        let mut seen = vec![];
        let (listings, skipped) = read_paths_reporting(&[fixture], &mut |p| seen.push(p)).unwrap();
        let mut store = crate::store::Store::open_in_memory().unwrap();
        store.import_listings_reporting(&listings, skipped, &mut |p| seen.push(p)).unwrap();
        let reading: Vec<u32> = seen.iter().filter(|p| p.stage == ImportStage::Reading).map(|p| p.done).collect();
        assert_eq!(reading, vec![0, 1, 2, 3], "one report per file, then the total");
        let saving: Vec<&ImportProgress> = seen.iter().filter(|p| p.stage == ImportStage::Saving).collect();
        assert_eq!(saving.first().map(|p| p.done), Some(0));
        assert_eq!(saving.last().map(|p| (p.done, p.total)), Some((92, 92)));
        assert!(saving.windows(2).all(|w| w[0].done <= w[1].done), "progress never goes back");
    }
}
