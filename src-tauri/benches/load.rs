//! Full recompute of the load model: every person's every week, from the plan
//! records already in memory (reading them from SQLite is not part of it).
//! `cargo bench --bench load` in src-tauri; figures go in docs/benchmarks.md.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use quarterdeck::demo::{self, DemoOptions};
use quarterdeck::domain::load::{self, Horizon};
use quarterdeck::store::{LoadRecords, Store};

fn records(people: usize, weeks: u32) -> (LoadRecords, Horizon) {
    let today: NaiveDate = "2026-11-21".parse().unwrap();
    let from = demo::monday_of(today) - chrono::Duration::weeks(i64::from(weeks) / 2);
    let options = DemoOptions { people, weeks, seed: 42, from, today };
    let mut store = Store::open_in_memory().unwrap();
    demo::fill(&mut store, &options).unwrap();
    {
        let horizon = Horizon { from, weeks, as_of: today };
        (store.load_records(horizon).unwrap(), horizon)
    }
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

criterion_group!(benches, full_recompute);
criterion_main!(benches);
