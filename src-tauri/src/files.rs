//! Whole-file reads and writes for what the user picks in a dialog or names on the command line.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The most a kind of file may weigh, checked before it is read, so that a
/// mistaken pick (a disk image, `/dev/zero`) is refused instead of read into memory.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// What the file is meant to be, for the message: "a calendar".
    pub what: &'static str,
    pub bytes: u64,
}

/// The ECB's full history is about 2 MB.
pub const RATES: Limit = Limit { what: "an exchange-rate file", bytes: 64 << 20 };
pub const HOLIDAYS: Limit = Limit { what: "a holiday calendar", bytes: 16 << 20 };
pub const CALENDAR: Limit = Limit { what: "a calendar", bytes: crate::domain::ics::reader::MAX_BYTES as u64 };
pub const PLAN: Limit = Limit { what: "a plan file", bytes: 256 << 20 };
/// One confs.tech listing (a topic's year) is tens of kilobytes.
pub const CATALOG_LISTING: Limit = Limit { what: "a conference listing", bytes: 16 << 20 };

/// The whole of a regular file no bigger than `limit`. Devices, pipes and
/// folders are refused before opening (a FIFO would block, `/dev/zero` never
/// ends); the read itself stops one byte past the limit in case the file grew.
pub fn read_bytes(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::file(path, e))?;
    check(path, &meta, limit)?;
    let file = std::fs::File::open(path).map_err(|e| Error::file(path, e))?;
    check(path, &file.metadata().map_err(|e| Error::file(path, e))?, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.bytes + 1).read_to_end(&mut bytes).map_err(|e| Error::file(path, e))?;
    if bytes.len() as u64 > limit.bytes {
        return Err(too_big(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// As [`read_bytes`], as UTF-8 text.
pub fn read_text(path: &Path, limit: Limit) -> Result<String> {
    String::from_utf8(read_bytes(path, limit)?).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::file(path, std::io::Error::other(format!("line {line} is not UTF-8 text")))
    })
}

fn check(path: &Path, meta: &std::fs::Metadata, limit: Limit) -> Result<()> {
    if !meta.is_file() {
        let kind = if meta.is_dir() { "a folder" } else { "not a regular file (a device, pipe or socket)" };
        return Err(Error::file(path, std::io::Error::other(format!("is {kind}, not {}", limit.what))));
    }
    if meta.len() > limit.bytes {
        return Err(too_big(path, meta.len(), limit));
    }
    Ok(())
}

fn too_big(path: &Path, size: u64, limit: Limit) -> Error {
    let message = format!("{} MB is too big for {} (at most {} MB)", size >> 20, limit.what, limit.bytes >> 20);
    Error::file(path, std::io::Error::other(message))
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file.
pub fn write_whole(path: &Path, text: &str) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, text).map_err(|e| Error::file(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::file(path, e))
}

/// A name made safe for a file name: `Liam O'Connor` → `liam-o-connor`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "plan".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limit = Limit { what: "a test file", bytes: 1 << 20 };

    #[test]
    fn a_big_sparse_file_is_refused_from_its_size_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ics");
        // 300 MB that takes no disk: a read would allocate it all.
        std::fs::File::create(&path).unwrap().set_len(300 << 20).unwrap();
        let err = read_bytes(&path, CALENDAR).unwrap_err().to_string();
        assert!(err.ends_with("300 MB is too big for a calendar (at most 256 MB)"), "{err}");
        assert!(read_text(&path, SMALL).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn devices_pipes_and_folders_are_refused_before_opening() {
        let err = read_bytes(Path::new("/dev/zero"), RATES).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let err = read_bytes(dir.path(), PLAN).unwrap_err().to_string();
        assert!(err.contains("is a folder, not a plan file"), "{err}");
        // Opening a FIFO for reading blocks until a writer comes: it must not be opened.
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(read_bytes(&fifo, CALENDAR).unwrap_err().to_string().contains("not a regular file"));
    }

    #[test]
    fn text_names_the_first_line_that_is_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        std::fs::write(&path, b"{\n\"a\":\n\"caf\xe9\"}").unwrap();
        assert!(read_text(&path, SMALL).unwrap_err().to_string().ends_with("line 3 is not UTF-8 text"));
        std::fs::write(&path, "{}").unwrap();
        assert_eq!(read_text(&path, SMALL).unwrap(), "{}");
    }
}
