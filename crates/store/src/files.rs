//! Whole-file reads and writes for what the user picks in a dialog or names on the command line.

use std::io::{Read, Write};
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

/// Writes through a temporary file, fsynced and renamed into place, so neither
/// a crash nor a power cut leaves half a file; the temporary file is removed on
/// error. A SQLite database in use is never replaced (see `check_replaceable`).
pub fn write_whole(path: &Path, text: &str) -> Result<()> {
    check_replaceable(path)?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let written =
        std::fs::File::create(&tmp).and_then(|mut f| f.write_all(text.as_bytes())).map_err(|e| Error::file(&tmp, e));
    match written {
        Ok(()) => replace_with(&tmp, path),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Moves the finished file `partial` to `path`: its bytes reach the disk
/// before the rename, and the rename before this returns (the folder is
/// synced too). `partial` is removed if any step fails.
pub fn replace_with(partial: &Path, path: &Path) -> Result<()> {
    let done = (|| {
        std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(|e| Error::file(partial, e))?;
        std::fs::rename(partial, path).map_err(|e| Error::file(path, e))?;
        sync_folder(path)
    })();
    if done.is_err() {
        let _ = std::fs::remove_file(partial);
    }
    done
}

/// Syncs the folder holding `path`, so that a rename into it survives a power cut.
fn sync_folder(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // Folders open read-only on Unix; elsewhere syncing one is not possible, and the rename is still atomic.
    #[cfg(unix)]
    std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::file(dir, e))?;
    Ok(())
}

/// Refuses to replace `path` when it holds a SQLite database that looks in use:
/// in WAL mode (how Quarterdeck keeps a plan) or with a `-wal`, `-shm` or
/// `-journal` file beside it. Renaming over such a file while another
/// connection has it open corrupts it (SQLite's "how to corrupt", 2.4). A
/// backup (rollback-journal mode, nothing beside it) can be replaced.
pub fn check_replaceable(path: &Path) -> Result<()> {
    let mut header = [0u8; 20];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    if read.is_err() || &header[..16] != b"SQLite format 3\0" {
        return Ok(()); // missing, not a file, too short or not SQLite: nothing live to break
    }
    let wal_mode = header[18] == 2 || header[19] == 2;
    let beside = ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        Path::new(&name).exists()
    });
    if wal_mode || beside {
        return Err(Error::file(
            path,
            std::io::Error::other("is a SQLite database that may be in use (a plan?); choose another file"),
        ));
    }
    Ok(())
}

/// Whether `a` and `b` are one file, however spelled (`sub/../plan.db`, a
/// symlink, a bind mount): same device and inode when both exist, else the
/// same canonical folder and name.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    match (resolved(a), resolved(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// The canonical path of `path`, or of its folder joined with its name when the file does not exist yet.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(dir.canonicalize().ok()?.join(path.file_name()?))
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

    #[test]
    fn one_file_by_other_paths_is_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.db");
        std::fs::write(&plan, b"x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(same_file(&plan, &dir.path().join("sub/../plan.db")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&plan, dir.path().join("link.db")).unwrap();
            assert!(same_file(&plan, &dir.path().join("link.db")));
        }
        assert!(!same_file(&plan, &dir.path().join("sub/plan.db")), "a file not there yet");
        assert!(!same_file(&plan, &dir.path().join("other.db")));
    }

    #[test]
    fn a_database_in_use_is_never_replaced_by_a_written_file() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("plan.db");
        let store = crate::Store::open(&live).unwrap();
        let err = write_whole(&live, "date,amount\n").unwrap_err();
        assert!(err.to_string().contains("may be in use"), "{err}");
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let backup = dir.path().join("copy.db");
        store.backup_to(&backup).unwrap();
        check_replaceable(&backup).expect("a backup (no WAL, nothing beside it) may be replaced");
    }

    #[test]
    fn a_failed_write_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: the rename fails after the bytes were written.
        let target = dir.path().join("costs.csv");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), b"keep").unwrap();
        assert!(write_whole(&target, "a,b\n").is_err());
        assert!(!dir.path().join("costs.csv.part").exists(), "no debris");
        assert!(target.join("inside").exists());
        write_whole(&dir.path().join("ok.csv"), "a,b\n").unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("ok.csv")).unwrap(), "a,b\n");
    }
}
