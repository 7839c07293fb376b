//! SQL for trips: `trip`, its events (`trip_event`), `trip_segment` and `cost_line`.
//! A trip is read and written whole; its children are replaced in the same transaction.

use std::collections::HashMap;

use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, uuid};
use super::{Store, events, now, people};
use crate::domain::deletion::RecordKind;
use crate::domain::place::Place;
use crate::domain::travel::{self, Segment, TripFacts};
use crate::domain::trip::{CostLine, Trip, TripInput};
use crate::domain::zone;
use crate::{Error, Result};

impl Store {
    /// Every trip, earliest departure first (trips without segments last).
    pub fn trips(&self) -> Result<Vec<Trip>> {
        let mut trips = load(self.conn(), None)?;
        trips.sort_by(|a, b| {
            (a.starts_on().is_none(), a.starts_on(), &a.title).cmp(&(b.starts_on().is_none(), b.starts_on(), &b.title))
        });
        Ok(trips)
    }

    pub fn trip(&self, id: Uuid) -> Result<Trip> {
        find(self.conn(), id)?.ok_or_else(|| Error::NotFound { entity: "trip", id: id.to_string() })
    }

    /// Saves a trip with all its segments and costs, in one transaction.
    pub fn save_trip(&mut self, input: &TripInput) -> Result<Trip> {
        self.write(|tx| {
            let now = now();
            let created_at = match input.id {
                Some(id) => {
                    find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "trip", id: id.to_string() })?.created_at
                }
                None => now,
            };
            let trip = input.into_trip(input.id.unwrap_or_else(Uuid::now_v7), created_at, now)?;
            check_links(tx, &trip)?;
            put(tx, &trip)?;
            Ok(trip)
        })
    }

    /// The figures a trip being edited would have, without saving it.
    pub fn preview_trip(&self, input: &TripInput) -> Result<TripFacts> {
        let now = now();
        let trip = input.into_trip(input.id.unwrap_or_else(Uuid::nil), now, now)?;
        let home = people::find(self.conn(), trip.person_id)?
            .ok_or_else(|| Error::invalid("person_id", format!("no person with id {}", trip.person_id)))?;
        Ok(travel::trip_facts(&trip.segments, zone::parse("timezone", &home.timezone)?)?)
    }

    /// Deletes a trip with its segments, cost lines and event links; what went comes back for an undo.
    pub fn delete_trip(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let trip = find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "trip", id: id.to_string() })?;
            DeletedRows::take(tx, RecordKind::Trip, trip.title, "trip", &by_id(id))
        })
    }
}

/// The person and events a trip names must exist; errors name the field.
pub(super) fn check_links(conn: &Connection, trip: &Trip) -> Result<()> {
    if people::find(conn, trip.person_id)?.is_none() {
        return Err(Error::invalid("person_id", format!("no person with id {}", trip.person_id)));
    }
    for (i, id) in trip.event_ids.iter().enumerate() {
        if events::find(conn, *id)?.is_none() {
            return Err(Error::invalid(format!("event_ids[{i}]"), format!("no event with id {id}")));
        }
    }
    Ok(())
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<Trip>> {
    Ok(load(conn, Some(id))?.pop())
}

/// Trips (one, or all) with their children, in three queries rather than one per trip.
fn load(conn: &Connection, only: Option<Uuid>) -> Result<Vec<Trip>> {
    let filter = |column: &str| if only.is_some() { format!("WHERE {column} = ?1") } else { String::new() };
    let args: Vec<String> = only.map(id_text).into_iter().collect();
    let args = rusqlite::params_from_iter(args.iter());

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, person_id, title, status, notes, created_at, updated_at FROM trip {}",
        filter("id")
    ))?;
    let mut trips: Vec<Trip> = stmt
        .query_map(args.clone(), |r| {
            Ok(Trip {
                id: uuid(r, "id")?,
                person_id: uuid(r, "person_id")?,
                title: r.get("title")?,
                status: r.get("status")?,
                event_ids: vec![],
                segments: vec![],
                costs: vec![],
                notes: r.get("notes")?,
                created_at: r.get("created_at")?,
                updated_at: r.get("updated_at")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<Uuid, usize> = trips.iter().enumerate().map(|(i, t)| (t.id, i)).collect();

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT trip_id, event_id FROM trip_event {} ORDER BY trip_id, event_id",
        filter("trip_id")
    ))?;
    for pair in stmt.query_map(args.clone(), |r| Ok((uuid(r, "trip_id")?, uuid(r, "event_id")?)))? {
        let (trip, event) = pair?;
        trips[index[&trip]].event_ids.push(event);
    }
    let mut stmt =
        conn.prepare_cached(&format!("SELECT * FROM trip_segment {} ORDER BY trip_id, position", filter("trip_id")))?;
    for row in stmt.query_map(args.clone(), |r| Ok((uuid(r, "trip_id")?, segment(r)?)))? {
        let (trip, s) = row?;
        trips[index[&trip]].segments.push(s);
    }
    let mut stmt =
        conn.prepare_cached(&format!("SELECT * FROM cost_line {} ORDER BY trip_id, position", filter("trip_id")))?;
    for row in stmt.query_map(args, |r| Ok((uuid(r, "trip_id")?, cost(r)?)))? {
        let (trip, c) = row?;
        trips[index[&trip]].costs.push(c);
    }
    Ok(trips)
}

/// Writes the trip and replaces its events, segments and costs.
pub(super) fn put(conn: &Connection, t: &Trip) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO trip (id, person_id, title, status, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, title = excluded.title,
           status = excluded.status, notes = excluded.notes, created_at = excluded.created_at,
           updated_at = excluded.updated_at",
    )?
    .execute(params![
        id_text(t.id),
        id_text(t.person_id),
        t.title,
        t.status,
        t.notes,
        t.created_at,
        t.updated_at
    ])?;
    let id = id_text(t.id);
    for table in ["trip_event", "trip_segment", "cost_line"] {
        conn.execute(&format!("DELETE FROM {table} WHERE trip_id = ?1"), [&id])?;
    }
    let mut stmt = conn.prepare_cached("INSERT INTO trip_event (trip_id, event_id) VALUES (?1, ?2)")?;
    for e in &t.event_ids {
        stmt.execute(params![id, id_text(*e)])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO trip_segment (id, trip_id, position, mode,
           from_label, from_name, from_city, from_country, from_timezone, from_lat, from_lon,
           to_label, to_name, to_city, to_country, to_timezone, to_lat, to_lon, depart_at, arrive_at, reference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?;
    for (i, s) in t.segments.iter().enumerate() {
        let (f, o) = (&s.from, &s.to);
        stmt.execute(params![
            id_text(s.id),
            id,
            i as i64,
            s.mode,
            f.label,
            f.name,
            f.city,
            f.country,
            f.timezone,
            f.lat,
            f.lon,
            o.label,
            o.name,
            o.city,
            o.country,
            o.timezone,
            o.lat,
            o.lon,
            s.depart_at,
            s.arrive_at,
            s.reference
        ])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO cost_line (id, trip_id, position, category, description, currency, planned_minor, actual_minor,
           date, payer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, c) in t.costs.iter().enumerate() {
        stmt.execute(params![
            id_text(c.id),
            id,
            i as i64,
            c.category,
            c.description,
            c.currency,
            c.planned_minor,
            c.actual_minor,
            c.date,
            c.payer
        ])?;
    }
    Ok(())
}

fn place(r: &Row, side: &str) -> rusqlite::Result<Place> {
    let col = |name: &str| format!("{side}_{name}");
    Ok(Place {
        label: r.get(col("label").as_str())?,
        name: r.get(col("name").as_str())?,
        city: r.get(col("city").as_str())?,
        country: r.get(col("country").as_str())?,
        timezone: r.get(col("timezone").as_str())?,
        lat: r.get(col("lat").as_str())?,
        lon: r.get(col("lon").as_str())?,
    })
}

fn segment(r: &Row) -> rusqlite::Result<Segment> {
    Ok(Segment {
        id: uuid(r, "id")?,
        mode: r.get("mode")?,
        from: place(r, "from")?,
        to: place(r, "to")?,
        depart_at: r.get("depart_at")?,
        arrive_at: r.get("arrive_at")?,
        reference: r.get("reference")?,
    })
}

fn cost(r: &Row) -> rusqlite::Result<CostLine> {
    Ok(CostLine {
        id: uuid(r, "id")?,
        category: r.get("category")?,
        description: r.get("description")?,
        currency: r.get("currency")?,
        planned_minor: r.get("planned_minor")?,
        actual_minor: r.get("actual_minor")?,
        date: r.get("date")?,
        payer: r.get("payer")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::trip::{self, TripStatus};
    use crate::domain::{event, person};

    #[test]
    fn a_trip_round_trips_with_its_segments_costs_and_events() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let conf = store.save_event(&event::sample_input()).unwrap();
        let input = TripInput { event_ids: vec![conf.id], ..trip::sample_input(maya.id) };
        let saved = store.save_trip(&input).unwrap();
        assert_eq!(store.trips().unwrap(), vec![saved.clone()]);
        assert_eq!(saved.segments.len(), 2);
        assert_eq!(saved.costs.len(), 2);

        let mut edit = saved.input();
        edit.status = TripStatus::Confirmed;
        edit.costs.remove(1);
        let edited = store.save_trip(&edit).unwrap();
        assert_eq!((edited.id, edited.created_at, edited.costs.len()), (saved.id, saved.created_at, 1));
        assert_eq!(store.trip(saved.id).unwrap(), edited);

        store.delete_event(conf.id).unwrap();
        assert!(store.trip(saved.id).unwrap().event_ids.is_empty(), "the trip stays, unlinked");
        store.delete_person(maya.id).unwrap();
        assert!(store.trips().unwrap().is_empty(), "a person's trips go with them");
        let count: i64 = store.conn().query_row("SELECT count(*) FROM cost_line", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn a_bad_trip_writes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let saved = store.save_trip(&trip::sample_input(maya.id)).unwrap();
        let mut edit = saved.input();
        edit.costs[0].planned = "999".into();
        edit.costs[1].currency = "EUX".into();
        let err = store.save_trip(&edit).unwrap_err();
        assert!(err.to_string().starts_with("costs[1].currency"), "{err}");
        let mut edit = saved.input();
        edit.event_ids = vec![Uuid::now_v7()];
        assert!(store.save_trip(&edit).unwrap_err().to_string().starts_with("event_ids[0]"));
        assert_eq!(store.trip(saved.id).unwrap(), saved, "the saved trip is as it was");
        let other = TripInput { person_id: Uuid::now_v7(), ..trip::sample_input(maya.id) };
        assert!(store.save_trip(&other).unwrap_err().to_string().starts_with("person_id"));
        assert_eq!(store.trips().unwrap().len(), 1);
    }
}
