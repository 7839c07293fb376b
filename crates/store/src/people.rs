//! SQL for `person`.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, uuid};
use super::{Store, now};
use crate::domain::deletion::RecordKind;
use crate::domain::person::{days_from_text, days_to_text};
use crate::domain::{Person, PersonInput};
use crate::{Error, Result};

const COLUMNS: &str = "id, name, role, home_city, timezone, capacity_hours, working_days, created_at, updated_at";

impl Store {
    /// Everyone, by name.
    pub fn people(&self) -> Result<Vec<Person>> {
        let mut stmt =
            self.conn().prepare_cached(&format!("SELECT {COLUMNS} FROM person ORDER BY name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn person(&self, id: Uuid) -> Result<Person> {
        find(self.conn(), id)?.ok_or_else(|| Error::NotFound { entity: "person", id: id.to_string() })
    }

    /// The one person whose name is `name`, ignoring case; else a clear error.
    pub fn person_by_name(&self, name: &str) -> Result<Person> {
        let wanted = name.trim().to_lowercase();
        let people = self.people()?;
        let matches: Vec<&Person> = people.iter().filter(|p| p.name.to_lowercase() == wanted).collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => {
                let known = people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
                Err(Error::invalid("person", format!("no one is named {name:?} (known: {known})")))
            }
            _ => Err(Error::Ambiguous(format!("{} people are named {name:?}; rename one", matches.len()))),
        }
    }

    /// Adds a person (no id) or updates one, after checking every field.
    pub fn save_person(&mut self, input: &PersonInput) -> Result<Person> {
        let clean = input.validate()?;
        self.write(|tx| {
            let now = now();
            let created_at = match clean.id {
                Some(id) => {
                    find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "person", id: id.to_string() })?.created_at
                }
                None => now,
            };
            let id = clean.id.unwrap_or_else(Uuid::now_v7);
            let person = clean.into_person(id, created_at, now);
            put(tx, &person)?;
            Ok(person)
        })
    }

    /// Removes a person with everything that is theirs (time off, participations,
    /// submissions, trips, budgets, thresholds, imported calendars); talks and content
    /// they own stay, unowned. What went comes back for an undo (but for "me", which is forgotten).
    pub fn delete_person(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let person = require(tx, id)?;
            super::me::forget_person(tx, id)?;
            DeletedRows::take(tx, RecordKind::Person, person.name, "person", &by_id(id))
        })
    }
}

/// The person with `id`, or a not-found error: for records that point at one.
pub(super) fn require(conn: &Connection, id: Uuid) -> Result<Person> {
    find(conn, id)?.ok_or_else(|| Error::NotFound { entity: "person", id: id.to_string() })
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<Person>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM person WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], from_row).optional()?)
}

/// Inserts or replaces the whole record.
pub(super) fn put(conn: &Connection, p: &Person) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO person ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
           home_city = excluded.home_city, timezone = excluded.timezone,
           capacity_hours = excluded.capacity_hours, working_days = excluded.working_days,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(p.id),
        p.name,
        p.role,
        p.home_city,
        p.timezone,
        p.capacity_hours,
        days_to_text(&p.working_days),
        p.created_at,
        p.updated_at
    ])?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<Person> {
    let days: String = row.get("working_days")?;
    Ok(Person {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        role: row.get("role")?,
        home_city: row.get("home_city")?,
        timezone: row.get("timezone")?,
        capacity_hours: row.get("capacity_hours")?,
        working_days: days_from_text(&days)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, e.into()))?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person::sample_input;

    #[test]
    fn a_saved_person_reads_back() {
        let mut store = Store::open_in_memory().unwrap();
        let saved = store.save_person(&sample_input()).unwrap();
        assert_eq!(store.people().unwrap(), vec![saved.clone()]);
        assert_eq!(store.person_by_name("maya okafor").unwrap().id, saved.id);
    }

    #[test]
    fn an_update_keeps_id_and_creation_stamp() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store.save_person(&sample_input()).unwrap();
        let second = store.save_person(&PersonInput { capacity_hours: 32.0, ..first.input() }).unwrap();
        assert_eq!(second.id, first.id);
        assert_eq!(second.created_at, first.created_at);
        assert!(second.updated_at >= first.updated_at);
        assert_eq!(store.people().unwrap().len(), 1);
        assert_eq!(store.person(first.id).unwrap().capacity_hours, 32.0);
    }

    #[test]
    fn bad_input_writes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.save_person(&PersonInput { timezone: "Nowhere/Else".into(), ..sample_input() }).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "timezone"));
        assert!(store.people().unwrap().is_empty());
    }

    #[test]
    fn updating_or_deleting_a_missing_person_is_not_found() {
        let mut store = Store::open_in_memory().unwrap();
        let ghost = PersonInput { id: Some(Uuid::now_v7()), ..sample_input() };
        assert!(matches!(store.save_person(&ghost), Err(Error::NotFound { .. })));
        assert!(matches!(store.delete_person(Uuid::now_v7()), Err(Error::NotFound { .. })));
    }
}
