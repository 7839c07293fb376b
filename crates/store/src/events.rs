//! SQL for `event` and `participation`.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, uuid};
use super::{Store, now, people};
use crate::domain::deletion::RecordKind;
use crate::domain::{Event, EventInput, ParticipantInput, Participation, Ratings};
use crate::{Error, Result};

const COLUMNS: &str = "id, name, kind, start_date, end_date, online, city, country, timezone, url, status, \
                       cfp_url, cfp_deadline, cfp_timezone, notes, rate_audience_fit, rate_reach, rate_cost, \
                       rate_travel_burden, rate_strategic_value, created_at, updated_at";
const PARTICIPATION_COLUMNS: &str = "id, event_id, person_id, role, created_at, updated_at";

impl Store {
    /// Every event, soonest first.
    pub fn events(&self) -> Result<Vec<Event>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM event ORDER BY start_date, name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn event(&self, id: Uuid) -> Result<Event> {
        find(self.conn(), id)?.ok_or_else(|| Error::NotFound { entity: "event", id: id.to_string() })
    }

    /// The event as its form would send it back unchanged: its fields and who goes.
    pub fn event_input(&self, id: Uuid) -> Result<EventInput> {
        let event = self.event(id)?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {PARTICIPATION_COLUMNS} FROM participation WHERE event_id = ?1 ORDER BY person_id, role"
        ))?;
        let going = stmt.query_map([id_text(id)], participation_from_row)?;
        let participants = going
            .map(|p| p.map(|p| ParticipantInput { person_id: p.person_id, role: p.role }))
            .collect::<rusqlite::Result<_>>()?;
        Ok(event.input(participants))
    }

    /// Every participation, grouped by event.
    pub fn participations(&self) -> Result<Vec<Participation>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {PARTICIPATION_COLUMNS} FROM participation ORDER BY event_id, person_id, role"
        ))?;
        let rows = stmt.query_map([], participation_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds or updates an event and sets who goes, in one transaction.
    pub fn save_event(&mut self, input: &EventInput) -> Result<Event> {
        let clean = input.validate()?;
        self.write(|tx| {
            let now = now();
            let created_at = match clean.id {
                Some(id) => {
                    find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "event", id: id.to_string() })?.created_at
                }
                None => now,
            };
            let id = clean.id.unwrap_or_else(Uuid::now_v7);
            let (event, participants) = clean.into_event(id, created_at, now);
            put(tx, &event)?;
            set_participants(tx, event.id, &participants)?;
            Ok(event)
        })
    }

    /// Deletes an event with who goes, its submissions, reminders sent and trip links
    /// (content that follows it up stays, unlinked); what went comes back for an undo.
    pub fn delete_event(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let event = find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "event", id: id.to_string() })?;
            DeletedRows::take(tx, RecordKind::Event, event.name, "event", &by_id(id))
        })
    }
}

/// Makes the event's participations exactly `wanted`, keeping the ids of those that stay.
fn set_participants(conn: &Connection, event_id: Uuid, wanted: &[ParticipantInput]) -> Result<()> {
    for (i, p) in wanted.iter().enumerate() {
        if people::find(conn, p.person_id)?.is_none() {
            return Err(Error::invalid(
                format!("participants[{i}].person_id"),
                format!("no person with id {}", p.person_id),
            ));
        }
    }
    let keep: HashSet<(Uuid, String)> = wanted.iter().map(|p| (p.person_id, p.role.to_string())).collect();
    let mut existing = conn.prepare_cached("SELECT id, person_id, role FROM participation WHERE event_id = ?1")?;
    let current: Vec<(Uuid, Uuid, String)> = existing
        .query_map([id_text(event_id)], |r| Ok((uuid(r, "id")?, uuid(r, "person_id")?, r.get("role")?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, person_id, role) in &current {
        if !keep.contains(&(*person_id, role.clone())) {
            conn.execute("DELETE FROM participation WHERE id = ?1", [id_text(*id)])?;
        }
    }
    let have: HashSet<(Uuid, String)> = current.into_iter().map(|(_, person, role)| (person, role)).collect();
    let now = now();
    for p in wanted.iter().filter(|p| !have.contains(&(p.person_id, p.role.to_string()))) {
        put_participation(
            conn,
            &Participation {
                id: Uuid::now_v7(),
                event_id,
                person_id: p.person_id,
                role: p.role,
                created_at: now,
                updated_at: now,
            },
        )?;
    }
    Ok(())
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<Event>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM event WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], from_row).optional()?)
}

pub(super) fn put(conn: &Connection, e: &Event) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO event ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
           start_date = excluded.start_date, end_date = excluded.end_date, online = excluded.online,
           city = excluded.city, country = excluded.country, timezone = excluded.timezone,
           url = excluded.url, status = excluded.status, cfp_url = excluded.cfp_url,
           cfp_deadline = excluded.cfp_deadline, cfp_timezone = excluded.cfp_timezone,
           notes = excluded.notes, rate_audience_fit = excluded.rate_audience_fit,
           rate_reach = excluded.rate_reach, rate_cost = excluded.rate_cost,
           rate_travel_burden = excluded.rate_travel_burden, rate_strategic_value = excluded.rate_strategic_value,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(e.id),
        e.name,
        e.kind,
        e.start_date,
        e.end_date,
        e.online,
        e.city,
        e.country,
        e.timezone,
        e.url,
        e.status,
        e.cfp_url,
        e.cfp_deadline,
        e.cfp_timezone,
        e.notes,
        e.ratings.audience_fit,
        e.ratings.reach,
        e.ratings.cost,
        e.ratings.travel_burden,
        e.ratings.strategic_value,
        e.created_at,
        e.updated_at
    ])?;
    Ok(())
}

pub(super) fn find_participation(conn: &Connection, id: Uuid) -> Result<Option<Participation>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {PARTICIPATION_COLUMNS} FROM participation WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], participation_from_row).optional()?)
}

pub(super) fn put_participation(conn: &Connection, p: &Participation) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO participation ({PARTICIPATION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, person_id = excluded.person_id,
           role = excluded.role, created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(p.id),
        id_text(p.event_id),
        id_text(p.person_id),
        p.role,
        p.created_at,
        p.updated_at
    ])?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<Event> {
    Ok(Event {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        kind: row.get("kind")?,
        start_date: row.get("start_date")?,
        end_date: row.get("end_date")?,
        online: row.get("online")?,
        city: row.get("city")?,
        country: row.get("country")?,
        timezone: row.get("timezone")?,
        url: row.get("url")?,
        status: row.get("status")?,
        cfp_url: row.get("cfp_url")?,
        cfp_deadline: row.get("cfp_deadline")?,
        cfp_timezone: row.get("cfp_timezone")?,
        notes: row.get("notes")?,
        ratings: Ratings {
            audience_fit: row.get("rate_audience_fit")?,
            reach: row.get("rate_reach")?,
            cost: row.get("rate_cost")?,
            travel_burden: row.get("rate_travel_burden")?,
            strategic_value: row.get("rate_strategic_value")?,
        },
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

fn participation_from_row(row: &Row) -> rusqlite::Result<Participation> {
    Ok(Participation {
        id: uuid(row, "id")?,
        event_id: uuid(row, "event_id")?,
        person_id: uuid(row, "person_id")?,
        role: row.get("role")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::sample_input;
    use crate::domain::{ParticipationRole, person};

    #[test]
    fn an_event_with_participants_saves_in_one_go() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let input = EventInput {
            participants: vec![
                ParticipantInput { person_id: maya.id, role: ParticipationRole::Speaker },
                ParticipantInput { person_id: maya.id, role: ParticipationRole::Booth },
            ],
            ..sample_input()
        };
        let event = store.save_event(&input).unwrap();
        assert_eq!(store.events().unwrap(), vec![event.clone()]);
        assert_eq!(store.participations().unwrap().len(), 2);

        // Dropping a role keeps the other participation and its id.
        let booth_id =
            store.participations().unwrap().into_iter().find(|p| p.role == ParticipationRole::Booth).unwrap().id;
        let only_booth = ParticipantInput { person_id: maya.id, role: ParticipationRole::Booth };
        store.save_event(&EventInput { participants: vec![only_booth], ..event.input(vec![]) }).unwrap();
        let left = store.participations().unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].id, booth_id);
    }

    #[test]
    fn an_unknown_participant_rolls_back_the_whole_save() {
        let mut store = Store::open_in_memory().unwrap();
        let input = EventInput {
            participants: vec![ParticipantInput { person_id: Uuid::now_v7(), role: ParticipationRole::Speaker }],
            ..sample_input()
        };
        let err = store.save_event(&input).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "participants[0].person_id"), "{err}");
        assert!(store.events().unwrap().is_empty(), "the event row must not be left behind");
    }

    #[test]
    fn deleting_an_event_or_person_removes_their_participations() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let speaker = ParticipantInput { person_id: maya.id, role: ParticipationRole::Speaker };
        let event = store.save_event(&EventInput { participants: vec![speaker.clone()], ..sample_input() }).unwrap();
        let other = store.save_event(&EventInput { participants: vec![speaker], ..sample_input() }).unwrap();
        store.delete_event(event.id).unwrap();
        assert_eq!(store.participations().unwrap().len(), 1);
        store.delete_person(maya.id).unwrap();
        assert!(store.participations().unwrap().is_empty());
        assert_eq!(store.events().unwrap(), vec![store.event(other.id).unwrap()]);
    }
}
