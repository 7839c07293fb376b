//! What the window wrote last, by kind, so that the page's "Open" and "Show in
//! folder" buttons can ask for "the report I just saved" without ever naming
//! a path: Rust remembers where it wrote, the page names only the kind.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use ts_rs::TS;

use crate::{Error, Result};

/// A kind of file the window writes and then offers to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WrittenKind {
    /// The quarter report (an HTML page).
    QuarterReport,
    /// One exported .ics file.
    Calendar,
    /// The folder a whole export wrote its .ics files into.
    CalendarFolder,
}

/// The last file written of each kind in this session.
#[derive(Default)]
pub struct WrittenFiles {
    last: Mutex<HashMap<WrittenKind, PathBuf>>,
}

impl WrittenFiles {
    pub fn wrote(&self, kind: WrittenKind, path: &Path) {
        self.lock().insert(kind, path.to_path_buf());
    }

    /// Where the last file of `kind` went, while it is still there.
    pub fn last(&self, kind: WrittenKind) -> Result<PathBuf> {
        let path = self.lock().get(&kind).cloned().ok_or_else(|| {
            Error::invalid("kind", format!("nothing of this kind ({kind:?}) was written in this session"))
        })?;
        if !path.exists() {
            return Err(Error::file(&path, std::io::Error::from(std::io::ErrorKind::NotFound)));
        }
        Ok(path)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<WrittenKind, PathBuf>> {
        // A map of paths cannot be left half-changed: a poisoned lock is still good.
        self.last.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_answers_its_own_latest_file() {
        let dir = tempfile::tempdir().unwrap();
        let [first, second, report] = ["a.ics", "b.ics", "r.html"].map(|n| {
            let p = dir.path().join(n);
            std::fs::write(&p, "x").unwrap();
            p
        });
        let written = WrittenFiles::default();
        written.wrote(WrittenKind::Calendar, &first);
        written.wrote(WrittenKind::QuarterReport, &report);
        written.wrote(WrittenKind::Calendar, &second);
        assert_eq!(written.last(WrittenKind::Calendar).unwrap(), second, "the later export replaces the earlier");
        assert_eq!(written.last(WrittenKind::QuarterReport).unwrap(), report);
    }

    #[test]
    fn nothing_written_yet_or_gone_since_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let written = WrittenFiles::default();
        let err = written.last(WrittenKind::CalendarFolder).unwrap_err();
        assert!(matches!(&err, Error::Invalid { field, .. } if field == "kind"), "{err}");
        let report = dir.path().join("r.html");
        std::fs::write(&report, "x").unwrap();
        written.wrote(WrittenKind::QuarterReport, &report);
        std::fs::remove_file(&report).unwrap();
        let err = written.last(WrittenKind::QuarterReport).unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::File, "{err}");
    }
}
