//! SQL for `time_off`.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::rows::{id_text, uuid};
use super::{Store, now, people};
use crate::domain::{TimeOff, TimeOffInput};
use crate::{Error, Result};

const COLUMNS: &str = "id, person_id, kind, start_date, end_date, note, created_at, updated_at";

impl Store {
    /// All time off, by person then date.
    pub fn time_off(&self) -> Result<Vec<TimeOff>> {
        let mut stmt =
            self.conn().prepare_cached(&format!("SELECT {COLUMNS} FROM time_off ORDER BY person_id, start_date"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn save_time_off(&mut self, input: &TimeOffInput) -> Result<TimeOff> {
        let clean = input.validate()?;
        self.write(|tx| {
            if people::find(tx, clean.person_id)?.is_none() {
                return Err(Error::invalid("person_id", format!("no person with id {}", clean.person_id)));
            }
            let now = now();
            let created_at = match clean.id {
                Some(id) => {
                    find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "time off", id: id.to_string() })?.created_at
                }
                None => now,
            };
            let entry = TimeOff {
                id: clean.id.unwrap_or_else(Uuid::now_v7),
                person_id: clean.person_id,
                kind: clean.kind,
                start_date: clean.start_date,
                end_date: clean.end_date,
                note: clean.note,
                created_at,
                updated_at: now,
            };
            put(tx, &entry)?;
            Ok(entry)
        })
    }

    pub fn delete_time_off(&mut self, id: Uuid) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM time_off WHERE id = ?1", [id_text(id)])? == 0 {
                return Err(Error::NotFound { entity: "time off", id: id.to_string() });
            }
            Ok(())
        })
    }
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<TimeOff>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM time_off WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], from_row).optional()?)
}

pub(super) fn put(conn: &Connection, t: &TimeOff) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO time_off ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, kind = excluded.kind,
           start_date = excluded.start_date, end_date = excluded.end_date, note = excluded.note,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(t.id),
        id_text(t.person_id),
        t.kind,
        t.start_date,
        t.end_date,
        t.note,
        t.created_at,
        t.updated_at
    ])?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<TimeOff> {
    Ok(TimeOff {
        id: uuid(row, "id")?,
        person_id: uuid(row, "person_id")?,
        kind: row.get("kind")?,
        start_date: row.get("start_date")?,
        end_date: row.get("end_date")?,
        note: row.get("note")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{TimeOffKind, person};

    #[test]
    fn time_off_saves_and_rejects_reversed_dates() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let d = |s: &str| s.parse().unwrap();
        let input = TimeOffInput {
            id: None,
            person_id: maya.id,
            kind: TimeOffKind::Vacation,
            start_date: d("2026-08-03"),
            end_date: d("2026-08-14"),
            note: "Summer".into(),
        };
        let saved = store.save_time_off(&input).unwrap();
        assert_eq!(store.time_off().unwrap(), vec![saved]);
        let err = store.save_time_off(&TimeOffInput { end_date: d("2026-08-01"), ..input }).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "end_date"));
        assert_eq!(store.time_off().unwrap().len(), 1);
    }
}
