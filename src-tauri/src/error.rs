//! One error type for the whole backend. It crosses IPC as `{code, message, field}`:
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

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } => ErrorCode::Invalid,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Ambiguous(_) => ErrorCode::Ambiguous,
            Error::UnsupportedFormat { .. } => ErrorCode::UnsupportedFormat,
            Error::File { .. } => ErrorCode::File,
            Error::Busy => ErrorCode::Busy,
            Error::Database(_) | Error::Migration(_) => ErrorCode::Database,
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

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Error::Busy,
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
}

/// What a failed command returns to the UI.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field at fault, for `invalid` errors.
    pub field: Option<String>,
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
    fn within_prefixes_the_field_path() {
        let err = Error::invalid("timezone", "unknown").within("people[2]");
        assert_eq!(err.to_string(), "people[2].timezone: unknown");
    }
}
