//! `backup` and `restore`: the whole plan copied out as one SQLite file, and back.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::store::Store;
use crate::{Error, Result};

/// Copies the plan at `db` to `file` and says what the copy holds.
pub fn backup(store: &Store, db: &Path, file: &Path, out: &mut dyn Write) -> Result<()> {
    let copy = store.backup_to(file)?;
    writeln!(
        out,
        "Backed up {} to {} ({} people, {} bytes, schema v{})",
        db.display(),
        copy.path.display(),
        copy.people,
        copy.bytes,
        copy.schema_version
    )
    .map_err(|e| Error::file("standard output", e))
}

/// Replaces the plan at `db` with the backup `from`, keeping the plan it
/// replaces in the backups folder. The backup is checked before `open` opens
/// the store, so a bad file leaves no new database behind.
pub fn restore(
    open: impl FnOnce() -> Result<Store>,
    db: &Path,
    from: &Path,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<()> {
    let io = |e| Error::file("standard output", e);
    crate::store::inspect_backup(from)?;
    let restored = crate::disk::backups::restore(&mut open()?, from, now)?;
    writeln!(
        out,
        "Restored {} from {} ({} people); the plan it replaced is kept at {}",
        db.display(),
        from.display(),
        restored.from.people,
        restored.previous.path.display()
    )
    .map_err(io)?;
    if let Some(v) = restored.migrated_from {
        writeln!(out, "The backup was schema v{v} and is now up to date.").map_err(io)?;
    }
    Ok(())
}
