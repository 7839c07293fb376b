//! Opening a plan only to read it (the CLI's listing and export verbs): no
//! file or folder is created, the journal mode is left alone, nothing is
//! migrated, and no `-wal`/`-shm` is left behind, so a plan on read-only media
//! or with read-only permissions can still be read and backed up.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{BUSY_TIMEOUT, Store, migrations, not_sqlite};
use crate::{Error, Result};

impl Store {
    /// Opens the existing plan at `path` for reading only; any write through it fails.
    ///
    /// When the file and its folder can be written, it opens read-write with
    /// `query_only` on: then, as the last connection, it removes the
    /// `-wal`/`-shm` it needed on close. Otherwise it opens `mode=ro`, and
    /// when no `-wal` is beside the file, `immutable=1`: SQLite then creates
    /// no `-shm` (a read-only one left behind keeps the plan read-only after a
    /// `chmod`), which is safe because nobody can be writing a WAL-mode plan
    /// that has no `-wal` in a folder where none can be created.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let (store, writable) = Store::open_to_read(path)?;
        let (version, latest) = (store.schema_version()?, migrations::latest());
        if version < latest {
            let mut message = format!(
                "{} is a plan of schema version {version}, and this Quarterdeck reads version {latest}: \
                 open it once in Quarterdeck (or run a command that changes it) to upgrade it, \
                 a copy of the old file is kept beside it",
                path.display()
            );
            if !writable {
                message.push_str("; it is read-only here, so copy it somewhere you can write first");
            }
            return Err(Error::invalid("database", message));
        }
        Ok(store)
    }

    /// Whether `path` holds a Quarterdeck plan this build can open: of its
    /// schema or an older one (which opening it for writing migrates, after a
    /// copy), not newer, not empty, not another program's SQLite file. Reads
    /// only, as `open_read_only` does.
    pub fn check_plan(path: &Path) -> Result<()> {
        Store::open_to_read(path).map(drop)
    }

    /// The plan at `path` opened for reading whatever its (not newer) schema
    /// version, and whether it could be written.
    fn open_to_read(path: &Path) -> Result<(Store, bool)> {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::file(
                path,
                std::io::Error::new(
                    e.kind(),
                    "there is no plan here (check --db: a command that only reads never creates one)",
                ),
            ),
            _ => Error::file(path, e),
        })?;
        if meta.is_dir() {
            return Err(Error::file(path, std::io::Error::other("is a folder, not a plan file")));
        }
        let writable = can_write(path);
        let conn = if writable {
            let conn =
                Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                    .map_err(|e| not_sqlite(path, e.into()))?;
            conn.pragma_update(None, "query_only", true).map_err(|e| not_sqlite(path, e.into()))?;
            conn
        } else {
            let immutable = if sibling(path, "-wal").exists() { "" } else { "&immutable=1" };
            let uri = format!("file:{}?mode=ro{immutable}", uri_path(path));
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            Connection::open_with_flags(uri, flags).map_err(|e| not_sqlite(path, e.into()))?
        };
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let store = Store { conn, path: Some(path.to_path_buf()) };
        store.check_is_ours().map_err(|e| not_sqlite(path, e))?;
        if store.schema_version()? == 0 {
            return Err(Error::invalid("database", format!("{} is an empty file, not a plan yet", path.display())));
        }
        Ok((store, writable))
    }
}

/// Whether this process may write `path` and create files beside it (`-wal`, `-shm`, a migration's copy).
pub(super) fn can_write(path: &Path) -> bool {
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    may_write(path) && may_write(folder)
}

#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return false };
    // SAFETY: a NUL-terminated path that outlives the call; access(2) only reads it.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn may_write(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// The `user_version` in a SQLite file's header (bytes 60-63, big-endian), read without opening it.
pub(super) fn header_version(path: &Path) -> Option<usize> {
    use std::io::Read;
    let mut header = [0u8; 64];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)).ok()?;
    (&header[..16] == b"SQLite format 3\0")
        .then(|| u32::from_be_bytes([header[60], header[61], header[62], header[63]]) as usize)
}

fn sibling(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// `path` as the path part of a `file:` URI: every byte but unreserved ones and `/` percent-encoded.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for byte in absolute.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(*byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_uri_characters_is_encoded() {
        assert_eq!(uri_path(Path::new("/tmp/a b?c#d%e.db")), "/tmp/a%20b%3Fc%23d%25e.db");
    }

    #[test]
    fn reads_through_a_read_only_open_never_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let mut store = Store::open(&path).unwrap();
        crate::demo::fill(&mut store, &crate::demo::DemoOptions::for_today("2026-02-16".parse().unwrap())).unwrap();
        drop(store);
        let reader = Store::open_read_only(&path).unwrap();
        assert_eq!(reader.people().unwrap().len(), 6);
        let err = reader.conn.execute("DELETE FROM person", []).unwrap_err();
        assert!(err.to_string().contains("readonly"), "{err}");
    }

    #[test]
    fn a_missing_plan_is_not_created_for_a_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("typo/dir/plna.db");
        let err = Store::open_read_only(&path).map(|_| ()).unwrap_err();
        assert!(err.to_string().contains("there is no plan here"), "{err}");
        assert!(!dir.path().join("typo").exists(), "no folder is made");
    }

    #[test]
    fn an_older_plan_is_not_migrated_by_a_read_and_says_how_to_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let conn = Connection::open(&path).unwrap();
        migrations::of(&migrations::STEPS[..1]).to_latest(&mut { conn }).unwrap();
        let before = std::fs::read(&path).unwrap();
        assert_eq!(header_version(&path), Some(1));
        let err = Store::open_read_only(&path).map(|_| ()).unwrap_err();
        assert!(err.to_string().contains("schema version 1") && err.to_string().contains("upgrade"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "the file is as it was");
    }
}
