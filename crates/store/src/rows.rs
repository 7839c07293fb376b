//! Column conversions that rusqlite does not do for us.

use rusqlite::Row;
use rusqlite::types::Type;
use uuid::Uuid;

/// Ids are stored as hyphenated text so the file stays readable with `sqlite3`.
pub fn uuid(row: &Row, column: &str) -> rusqlite::Result<Uuid> {
    let text: String = row.get(column)?;
    Uuid::parse_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            row.as_ref().column_index(column).unwrap_or(0),
            Type::Text,
            Box::new(e),
        )
    })
}

pub fn id_text(id: Uuid) -> String {
    id.hyphenated().to_string()
}

pub fn opt_uuid(row: &Row, column: &str) -> rusqlite::Result<Option<Uuid>> {
    let text: Option<String> = row.get(column)?;
    match text {
        None => Ok(None),
        Some(_) => uuid(row, column).map(Some),
    }
}
