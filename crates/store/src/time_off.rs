//! SQL for `time_off`.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, uuid};
use super::{Store, now, people};
use crate::domain::deletion::{self, RecordKind};
use crate::domain::holidays::{Holiday, HolidayImport};
use crate::domain::{TimeOff, TimeOffInput, TimeOffKind};
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
            let id = clean.id.unwrap_or_else(Uuid::now_v7);
            let entry = clean.into_time_off(id, created_at, now);
            put(tx, &entry)?;
            Ok(entry)
        })
    }

    /// Adds each holiday as a day off for each of `people`, in one transaction;
    /// a holiday already there with the same dates is left alone.
    pub fn import_holidays(&mut self, holidays: &[Holiday], people: &[Uuid]) -> Result<HolidayImport> {
        self.write(|tx| {
            let mut report =
                HolidayImport { holidays: holidays.len() as u32, people: people.len() as u32, added: 0, unchanged: 0 };
            let mut exists = tx.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM time_off WHERE person_id = ?1 AND kind = ?2 AND start_date = ?3 AND end_date = ?4)",
            )?;
            let now = now();
            for person in people {
                people::require(tx, *person)?;
                for h in holidays {
                    let kind = TimeOffKind::PublicHoliday;
                    if exists.query_row(params![id_text(*person), kind, h.start, h.end], |r| r.get::<_, bool>(0))? {
                        report.unchanged += 1;
                        continue;
                    }
                    let input = TimeOffInput {
                        id: None,
                        person_id: *person,
                        kind,
                        start_date: h.start,
                        end_date: h.end,
                        note: h.name.clone(),
                    };
                    put(tx, &input.validate()?.into_time_off(Uuid::now_v7(), now, now))?;
                    report.added += 1;
                }
            }
            Ok(report)
        })
    }

    pub fn delete_time_off(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let off = find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "time off", id: id.to_string() })?;
            let label = deletion::time_off_label(&people::require(tx, off.person_id)?.name, &off);
            DeletedRows::take(tx, RecordKind::TimeOff, label, "time_off", &by_id(id))
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
    use crate::domain::person;

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

    #[test]
    fn holidays_import_once_per_person_and_all_or_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap().id;
        let d = |s: &str| s.parse().unwrap();
        let holidays = vec![
            Holiday { name: "Christmas".into(), start: d("2026-12-25"), end: d("2026-12-26") },
            Holiday { name: "New Year".into(), start: d("2027-01-01"), end: d("2027-01-01") },
        ];
        let first = store.import_holidays(&holidays, &[maya]).unwrap();
        assert_eq!((first.added, first.unchanged), (2, 0));
        let again = store.import_holidays(&holidays, &[maya]).unwrap();
        assert_eq!((again.added, again.unchanged), (0, 2), "importing again changes nothing");
        let off = store.time_off().unwrap();
        assert!(off.iter().all(|o| o.kind == TimeOffKind::PublicHoliday) && off.len() == 2);
        assert_eq!(off[0].note, "Christmas");

        let err = store.import_holidays(&holidays[..1], &[maya, Uuid::now_v7()]).unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "{err}");
        assert_eq!(store.time_off().unwrap().len(), 2, "nothing of the failed import was kept");
    }
}
