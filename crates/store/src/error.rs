//! The error the store and the app answer with (the domain's own converts into
//! it, keeping its kind and field). It crosses IPC as `{code, message, field}`:
//! the UI branches on `code` and shows `message`, next to `field` when there is one.

use std::path::PathBuf;

use serde::{Serialize, Serializer};
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names where (`end_date`, `people[2].timezone`).
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },

    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: String },

    #[error("{0}")]
    Ambiguous(String),

    #[error(
        "this plan file is format version {found}; this Quarterdeck reads versions up to {supported}. Update Quarterdeck to import it"
    )]
    UnsupportedFormat { found: u64, supported: u64 },

    #[error("{}: {source}", path.display())]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("the database is busy: another Quarterdeck kept it locked too long; try again")]
    Busy,

    #[error("database: {0}")]
    Database(rusqlite::Error),

    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("the disk is full, so nothing was saved; free some space and try again ({0})")]
    DiskFull(rusqlite::Error),

    #[error("the plan file cannot be written here (read-only file, folder or disk): {0}")]
    ReadOnly(rusqlite::Error),

    /// A calendar server could not be reached, or refused what was asked, in words a person can act on.
    #[error("calendar server: {0}")]
    CalendarServer(String),

    /// A web source (the conference catalog's) could not be reached or served
    /// something unusable; the message names the address and what to do.
    #[error("{0}")]
    Network(String),

    /// A bug caught on its way out (a panic), so that it answers an error instead of a silent window.
    #[error("Quarterdeck hit a bug ({0}); the change it was making was not saved")]
    Internal(String),
}

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), message: message.into() }
    }

    pub fn file(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::File { path: path.into(), source }
    }

    /// Prefixes the field of an `Invalid` error, so that a record's own
    /// validation can name its place in a larger file (`events[3].end_date`).
    pub fn within(self, prefix: &str) -> Self {
        match self {
            Error::Invalid { field, message } => Error::Invalid { field: format!("{prefix}.{field}"), message },
            other => other,
        }
    }

    /// Whether this is a write to a pipe whose reader has gone (`| head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::File { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } => ErrorCode::Invalid,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Ambiguous(_) => ErrorCode::Ambiguous,
            Error::UnsupportedFormat { .. } => ErrorCode::UnsupportedFormat,
            Error::File { .. } => ErrorCode::File,
            Error::Busy => ErrorCode::Busy,
            Error::Database(_) | Error::Migration(_) => ErrorCode::Database,
            Error::DiskFull(_) => ErrorCode::DiskFull,
            Error::ReadOnly(_) => ErrorCode::ReadOnly,
            Error::CalendarServer(_) => ErrorCode::CalendarServer,
            Error::Network(_) => ErrorCode::Network,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    pub fn to_api(&self) -> ApiError {
        let (field, message) = match self {
            Error::Invalid { field, message } => (Some(field.clone()), message.clone()),
            other => (None, other.to_string()),
        };
        ApiError { code: self.code(), message, field }
    }
}

impl From<crate::domain::Error> for Error {
    fn from(err: crate::domain::Error) -> Self {
        match err {
            crate::domain::Error::Invalid { field, message } => Error::Invalid { field, message },
            crate::domain::Error::NotFound { entity, id } => Error::NotFound { entity, id },
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Error::Busy,
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull(err),
            Some(rusqlite::ErrorCode::ReadOnly) => Error::ReadOnly(err),
            _ => Error::Database(err),
        }
    }
}

/// Closed set of error kinds the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Invalid,
    NotFound,
    Ambiguous,
    UnsupportedFormat,
    File,
    Busy,
    Database,
    DiskFull,
    ReadOnly,
    CalendarServer,
    Network,
    Internal,
}

/// What a failed command returns to the UI.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field at fault, for `invalid` errors.
    pub field: Option<String>,
}

/// Runs `f`, turning a panic inside it into `Error::Internal`: one bug then
/// answers the window (or a background loop) with an error instead of leaving
/// a promise unsettled or a thread dead.
pub fn catch_panic<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        Err(Error::Internal(message))
    })
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_api().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_crosses_ipc_with_its_field() {
        let json = serde_json::to_value(Error::invalid("end_date", "ends before it starts")).unwrap();
        assert_eq!(json["code"], "invalid");
        assert_eq!(json["field"], "end_date");
        assert_eq!(json["message"], "ends before it starts");
    }

    #[test]
    fn a_panic_becomes_an_internal_error_with_its_message() {
        let err = catch_panic::<()>(|| panic!("index out of bounds")).unwrap_err();
        assert!(matches!(&err, Error::Internal(m) if m == "index out of bounds"), "{err}");
        assert_eq!(serde_json::to_value(&err).unwrap()["code"], "internal");
        assert_eq!(catch_panic(|| Ok(7)).unwrap(), 7);
    }

    #[test]
    fn a_full_disk_and_a_read_only_file_have_their_own_codes() {
        let sqlite = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        assert_eq!(Error::from(sqlite(rusqlite::ffi::SQLITE_FULL)).code(), ErrorCode::DiskFull);
        assert_eq!(Error::from(sqlite(rusqlite::ffi::SQLITE_READONLY)).code(), ErrorCode::ReadOnly);
        assert_eq!(Error::from(sqlite(rusqlite::ffi::SQLITE_CORRUPT)).code(), ErrorCode::Database);
    }

    #[test]
    fn within_prefixes_the_field_path() {
        let err = Error::invalid("timezone", "unknown").within("people[2]");
        assert_eq!(err.to_string(), "people[2].timezone: unknown");
    }
}
