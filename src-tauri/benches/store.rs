//! Bulk insert of 100,000 events into a new database file (WAL and
//! `synchronous = FULL`, as the app runs it), in one transaction each way:
//! - through the store: a plan-file import (`Store::import_plan`, what
//!   `quarterdeck import` and loading the sample team use), which checks every
//!   record as the forms do, looks each up by id and upserts it;
//! - raw rusqlite, the reference: the same rows with one prepared plain INSERT
//!   into the same schema.
//!
//! `cargo bench --bench store` in src-tauri; figures in docs/benchmarks.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use quarterdeck::domain::{Event, EventKind, EventStatus, Ratings};
use quarterdeck::plan_file::Plan;
use quarterdeck::store::Store;
use rusqlite::{Connection, params};
use tempfile::TempDir;
use uuid::Uuid;

const ROWS: usize = 100_000;

const KINDS: [EventKind; 4] = [EventKind::Conference, EventKind::Meetup, EventKind::Workshop, EventKind::Webinar];
const STATUSES: [EventStatus; 5] =
    [EventStatus::Considering, EventStatus::CfpOpen, EventStatus::Submitted, EventStatus::Confirmed, EventStatus::Done];
const PLACES: [(&str, &str, &str); 4] = [
    ("Berlin", "Germany", "Europe/Berlin"),
    ("Lisbon", "Portugal", "Europe/Lisbon"),
    ("Austin", "United States", "America/Chicago"),
    ("Bengaluru", "India", "Asia/Kolkata"),
];

/// Varied, valid events, so that the store's checks pass as they would on a real plan.
fn events() -> Vec<Event> {
    let first: NaiveDate = "2020-01-06".parse().unwrap();
    let stamp: DateTime<Utc> = "2026-11-21T09:00:00Z".parse().unwrap();
    (0..ROWS)
        .map(|i| {
            let start = first + Duration::days((i % 3650) as i64);
            let (city, country, zone) = PLACES[i % PLACES.len()];
            let online = i.is_multiple_of(10);
            Event {
                id: Uuid::now_v7(),
                name: format!("Event {i}: Cloud & Rust Days"),
                kind: KINDS[i % KINDS.len()],
                start_date: start,
                end_date: start + Duration::days((i % 3) as i64),
                online,
                city: if online { String::new() } else { city.into() },
                country: if online { String::new() } else { country.into() },
                timezone: (!online).then(|| zone.into()),
                url: format!("https://example.org/events/{i}"),
                status: STATUSES[i % STATUSES.len()],
                cfp_url: if i.is_multiple_of(3) { format!("https://example.org/cfp/{i}") } else { String::new() },
                cfp_deadline: i.is_multiple_of(3).then(|| (start - Duration::days(60)).and_hms_opt(23, 59, 0).unwrap()),
                cfp_timezone: None,
                notes: if i.is_multiple_of(4) {
                    "Booth and two talks; ask about travel support.".into()
                } else {
                    String::new()
                },
                ratings: Ratings { reach: Some((i % 5) as u8 + 1), ..Ratings::default() },
                created_at: stamp,
                updated_at: stamp,
            }
        })
        .collect()
}

/// A new database file with the app's schema, as `Store::open` makes it.
fn new_file() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bench.db");
    drop(Store::open(&path).unwrap());
    (dir, path)
}

/// A connection set up as the store sets up its own.
fn raw_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;").unwrap();
    conn
}

fn raw_insert(conn: &mut Connection, events: &[Event]) {
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO event (id, name, kind, start_date, end_date, online, city, country, timezone, url,
                   status, cfp_url, cfp_deadline, cfp_timezone, notes, rate_audience_fit, rate_reach, rate_cost,
                   rate_travel_burden, rate_strategic_value, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                   ?21, ?22)",
            )
            .unwrap();
        for e in events {
            stmt.execute(params![
                e.id.hyphenated().to_string(),
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
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

fn bulk_insert(c: &mut Criterion) {
    let mut plan = Plan::new(None);
    plan.events = events();

    // Both ways must write the same rows, or the comparison means nothing.
    let (_a, through_store) = new_file();
    let summary = Store::open(&through_store).unwrap().import_plan(&plan).unwrap();
    assert_eq!(summary.events.added, ROWS);
    let (_b, raw) = new_file();
    raw_insert(&mut raw_connection(&raw), &plan.events);
    let stored = Store::open(&through_store).unwrap().events().unwrap();
    assert_eq!(stored.len(), ROWS);
    assert!(stored == Store::open(&raw).unwrap().events().unwrap(), "the raw insert wrote other rows");

    let mut group = c.benchmark_group("store_insert_100k_events");
    // About a second an iteration: ten samples of one iteration each.
    group.sample_size(10).sampling_mode(SamplingMode::Flat).measurement_time(std::time::Duration::from_secs(15));
    group.bench_function("store_import_plan", |b| {
        b.iter_batched(
            || {
                let (dir, path) = new_file();
                (dir, Store::open(&path).unwrap())
            },
            // Returned, so that closing the file (a WAL checkpoint) happens outside the timing.
            |(dir, mut store)| {
                black_box(store.import_plan(&plan).unwrap());
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("raw_rusqlite", |b| {
        b.iter_batched(
            || {
                let (dir, path) = new_file();
                let conn = raw_connection(&path);
                (dir, conn)
            },
            |(dir, mut conn)| {
                raw_insert(&mut conn, &plan.events);
                (dir, conn)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bulk_insert);
criterion_main!(benches);
