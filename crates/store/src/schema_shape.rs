//! A file's schema as tables and columns, compared with what the migrations
//! build for its `user_version`: how a restore tells a Quarterdeck plan from
//! any SQLite file that merely claims a version and has a `person` table.

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::migrations;
use crate::Result;

/// One column as `pragma table_info` reports it: name, declared type, NOT NULL, place in the primary key.
type Column = (String, String, bool, i64);

/// Every table (SQLite's own left out) with its columns in order.
pub(super) type Shape = BTreeMap<String, Vec<Column>>;

pub(super) fn of(conn: &Connection) -> Result<Shape> {
    let mut tables = conn.prepare(
        r"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name",
    )?;
    let names = tables.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut columns = conn.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let mut shape = Shape::new();
    for name in names {
        let cols = columns
            .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<Vec<Column>>>()?;
        shape.insert(name, cols);
    }
    Ok(shape)
}

/// The shape the first `version` migrations build, in a scratch in-memory database.
pub(super) fn of_version(version: usize) -> Result<Shape> {
    let mut scratch = Connection::open_in_memory()?;
    migrations::of(&migrations::STEPS[..version]).to_latest(&mut scratch)?;
    of(&scratch)
}

/// The first way `found` differs from `expected`, in words; none when they agree.
pub(super) fn difference(expected: &Shape, found: &Shape) -> Option<String> {
    if let Some(missing) = expected.keys().find(|t| !found.contains_key(*t)) {
        return Some(format!("has no {missing} table"));
    }
    if let Some(extra) = found.keys().find(|t| !expected.contains_key(*t)) {
        return Some(format!("has a table {extra} that Quarterdeck does not make"));
    }
    expected.iter().find(|(table, cols)| found[*table] != **cols).map(|(table, cols)| {
        let names = |cs: &[Column]| cs.iter().map(|c| c.0.as_str()).collect::<Vec<_>>().join(", ");
        format!("has table {table} with columns ({}) where ({}) were expected", names(&found[table]), names(cols))
    })
}

/// The first row whose link points at nothing (`PRAGMA foreign_key_check`), in words.
pub(super) fn broken_link(conn: &Connection) -> Result<Option<String>> {
    let mut check = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = check.query([])?;
    Ok(match rows.next()? {
        Some(row) => {
            let (table, rowid, parent): (String, Option<i64>, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let at = rowid.map_or(String::new(), |id| format!(" (row {id})"));
            Some(format!("has a {table} record{at} linked to a {parent} that is not there"))
        }
        None => None,
    })
}
