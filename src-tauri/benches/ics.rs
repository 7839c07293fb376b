//! Calendar files of 100,000 occurrences (bench/ics/make_100k.py writes the
//! file; bench/ics/run.sh makes it, runs this and times Python's icalendar on
//! the same file): reading it, storing it as a person's busy time, expanding
//! its occurrences, and writing it back out.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use quarterdeck::domain::ics::export::{self, CalendarItem};
use quarterdeck::domain::ics::import::{self, CalendarFile};
use quarterdeck::domain::ics::occurrences;
use quarterdeck::store::Store;

fn file() -> Vec<u8> {
    let path = std::env::var_os("QUARTERDECK_ICS_BENCH_FILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../target/bench/ics-100k.ics"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; run bench/ics/run.sh", path.display()))
}

fn person() -> quarterdeck::domain::PersonInput {
    use quarterdeck::domain::person::Weekday;
    quarterdeck::domain::PersonInput {
        id: None,
        name: "Bench".into(),
        role: String::new(),
        home_city: "Berlin".into(),
        timezone: "Europe/Berlin".into(),
        capacity_hours: 40.0,
        working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
    }
}

fn at(day: &str) -> chrono::NaiveDateTime {
    day.parse::<NaiveDate>().unwrap().and_time(Default::default())
}

/// The imported events as the export writes them back (kind `imported`).
fn items(file: &CalendarFile) -> Vec<CalendarItem> {
    let imported: Vec<_> = file.events.iter().map(|e| (uuid::Uuid::nil(), e.clone())).collect();
    let records = quarterdeck::store::LoadRecords::default();
    quarterdeck::domain::ics::plan_items::items(
        quarterdeck::domain::ics::plan_items::CalendarKind::Imported,
        &records,
        &imported,
        &Default::default(),
    )
}

fn ics(c: &mut Criterion) {
    let bytes = file();
    let parsed = import::read(&bytes).unwrap();
    let zones = parsed.zones();
    let (found, _) = occurrences::between(&parsed.events, &zones, at("2019-01-01"), at("2032-01-01"));
    assert_eq!(found.len(), 100_000, "the file holds 100,000 occurrences");
    let items = items(&parsed);
    let now = Utc::now();

    let mut group = c.benchmark_group("ics_100k");
    group.sample_size(10);
    group.bench_function("parse", |b| b.iter(|| black_box(import::read(black_box(&bytes)).unwrap())));
    group.bench_function("expand", |b| {
        b.iter(|| black_box(occurrences::between(&parsed.events, &zones, at("2019-01-01"), at("2032-01-01"))))
    });
    group.bench_function("serialise", |b| b.iter(|| black_box(export::calendar("Bench", &items, &zones, now))));
    group.bench_function("import_into_store", |b| {
        b.iter_with_setup(
            || {
                let dir = tempfile::TempDir::new().unwrap();
                let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
                let id = store.save_person(&person()).unwrap().id;
                (dir, store, id)
            },
            |(dir, mut store, id)| {
                let file = import::read(&bytes).unwrap();
                black_box(store.import_calendar(id, "Bench", &file, now, &mut |_, _| {}).unwrap());
                drop(dir);
            },
        )
    });
    group.finish();
}

criterion_group!(benches, ics);
criterion_main!(benches);
