//! Full recompute of the load model: every person's every week, from the plan
//! records already in memory (reading them from SQLite is not part of it).
//! For the 50-people, 156-week plan, measured beside it in the same run: reading
//! those records from a database file, which every reload does first.
//! `cargo bench --bench load` in src-tauri; figures go in docs/benchmarks.md.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use quarterdeck::demo::{self, DemoOptions};
use quarterdeck::domain::load::{self, Horizon};
use quarterdeck::store::{LoadRecords, Store};

/// `demo --people N --weeks W` into `store`, and the horizon it covers.
fn fill(store: &mut Store, people: usize, weeks: u32) -> Horizon {
    let today: NaiveDate = "2026-11-21".parse().unwrap();
    let from = demo::monday_of(today) - chrono::Duration::weeks(i64::from(weeks) / 2);
    let options = DemoOptions { people, weeks, seed: 42, from, today };
    demo::fill(store, &options).unwrap();
    Horizon { from, weeks, as_of: today }
}

fn records(people: usize, weeks: u32) -> (LoadRecords, Horizon) {
    let mut store = Store::open_in_memory().unwrap();
    let horizon = fill(&mut store, people, weeks);
    (store.load_records(horizon).unwrap(), horizon)
}

/// The recompute beside reading its records from a WAL database file as the
/// app does (`Store::load_records`), and the two together (`Store::load`). The
/// other yardstick, a 60 Hz frame (16.7 ms), needs no measuring.
fn beside_reading(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
    let horizon = fill(&mut store, 50, 156);
    let records = store.load_records(horizon).unwrap();
    let mut group = c.benchmark_group("load_50p_156w");
    group.sample_size(30);
    group.bench_function("recompute", |b| b.iter(|| black_box(load::compute(&records.input(), horizon))));
    group.bench_function("read_records_from_file", |b| b.iter(|| black_box(store.load_records(horizon).unwrap())));
    group.bench_function("read_and_recompute", |b| b.iter(|| black_box(store.load(horizon).unwrap())));
    group.finish();
}

fn full_recompute(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_recompute");
    group.sample_size(30);
    for (people, weeks) in [(50, 156), (10, 156), (25, 156), (100, 156), (50, 52), (50, 104)] {
        let (records, horizon) = records(people, weeks);
        let trips = records.trips.len();
        group.bench_with_input(
            BenchmarkId::new(format!("{people}p_{weeks}w"), format!("{trips}_trips")),
            &(records, horizon),
            |b, (records, horizon)| b.iter(|| black_box(load::compute(&records.input(), *horizon))),
        );
    }
    group.finish();
    // For scale: how much of the recompute is the trips' zone and red-eye arithmetic.
    let (records, _) = records(50, 156);
    let homes: Vec<_> = records.people.iter().map(|p| (p.id, p.timezone.parse::<chrono_tz::Tz>().unwrap())).collect();
    c.bench_function("trip_facts_of_every_trip", |b| {
        b.iter(|| {
            for t in &records.trips {
                let home = homes.iter().find(|(id, _)| *id == t.person_id).unwrap().1;
                black_box(quarterdeck::domain::travel::trip_facts(&t.segments, home).ok());
            }
        })
    });
}

criterion_group!(benches, beside_reading, full_recompute);
criterion_main!(benches);
