//! Durability: a writer killed at random points never loses an acknowledged
//! write and never leaves the file unreadable or half-written; and two writers
//! (the window and the command line) share one file without failing or losing an edit.
//!
//! The writer is this same test binary, run again as a child process on the
//! ignored test `acknowledged_writer` (so it never runs on its own). It saves
//! through the store and prints `ack <kind> <id>` only after each save returned;
//! the parent SIGKILLs it at a random acknowledgement or a random moment, many
//! times over the same file, then checks the file.
//!
//! Run: `cd src-tauri && cargo test --features custom-protocol --test durability`

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use quarterdeck::demo::{self, DemoOptions};
use quarterdeck::domain::trip::TripInput;
use quarterdeck::domain::{PersonInput, TimeOffInput};
use quarterdeck::ipc::PlanView;
use quarterdeck::store::Store;
use rand::{Rng, SeedableRng};
use serde_json::json;
use uuid::Uuid;

/// How many saves one writer makes when nothing kills it.
const WRITES: usize = 1_000;
/// How many times the writer is started and killed on the same file.
const KILLS: usize = 30;
/// Every trip is written with this many cost lines, in one transaction.
const COSTS_PER_TRIP: usize = 3;

const CHILD_DB: &str = "QUARTERDECK_CRASH_DB";
const CHILD_ROUND: &str = "QUARTERDECK_CRASH_ROUND";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Person,
    TimeOff,
    Trip,
}

impl Kind {
    fn parse(s: &str) -> Kind {
        match s {
            "person" => Kind::Person,
            "time_off" => Kind::TimeOff,
            "trip" => Kind::Trip,
            other => panic!("unknown kind {other}"),
        }
    }
}

/// The child: 1,000 saves through the store, each acknowledged on stdout after it returned.
#[test]
#[ignore = "the crash test's child process; `crash_at_random_points_loses_no_acknowledged_write` runs it"]
fn acknowledged_writer() {
    let path = std::env::var(CHILD_DB).expect("run by the crash test");
    let round: usize = std::env::var(CHILD_ROUND).unwrap().parse().unwrap();
    let mut store = Store::open(Path::new(&path)).unwrap();
    let mut out = std::io::stdout().lock();
    let mut person = None;
    for i in 0..WRITES {
        let (kind, id) = match (i % 3, person) {
            (0, _) | (_, None) => {
                let input: PersonInput = serde_json::from_value(json!({
                    "name": format!("Writer {round}-{i}"), "role": "Advocate", "home_city": "Lisbon",
                    "timezone": "Europe/Lisbon", "capacity_hours": 40.0,
                    "working_days": ["mon", "tue", "wed", "thu", "fri"],
                }))
                .unwrap();
                let saved = store.save_person(&input).unwrap();
                person = Some(saved.id);
                ("person", saved.id)
            }
            (1, Some(p)) => {
                let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i as u64 % 300);
                let input: TimeOffInput = serde_json::from_value(json!({
                    "person_id": p, "kind": "vacation", "start_date": day, "end_date": day,
                    "note": format!("round {round} write {i}"),
                }))
                .unwrap();
                ("time_off", store.save_time_off(&input).unwrap().id)
            }
            (_, Some(p)) => {
                let costs: Vec<_> = (0..COSTS_PER_TRIP)
                    .map(|c| {
                        json!({"category": "hotel", "description": format!("night {c}"), "currency": "EUR",
                                    "planned": "120.50", "date": "2026-03-10", "payer": "company"})
                    })
                    .collect();
                let input: TripInput = serde_json::from_value(json!({
                    "person_id": p, "title": format!("Trip {round}-{i}"), "status": "planned",
                    "segments": [{"mode": "train", "from": {"text": "LIS"}, "to": {"text": "OPO"},
                                  "depart_at": "2026-03-10T08:00:00", "arrive_at": "2026-03-10T11:00:00"}],
                    "costs": costs,
                }))
                .unwrap();
                ("trip", store.save_trip(&input).unwrap().id)
            }
        };
        // Acknowledged = the save returned; only then does the parent count it.
        writeln!(out, "ack {kind} {id}").unwrap();
        out.flush().unwrap();
    }
}

fn spawn_writer(db: &Path, round: usize) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "acknowledged_writer", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_DB, db)
        .env(CHILD_ROUND, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the test binary starts again as the writer")
}

/// `ack <kind> <id>`; the test harness may print its own words before the first one.
fn parse_ack(line: &str) -> Option<(Kind, Uuid)> {
    let (_, rest) = line.split_once("ack ")?;
    let (kind, id) = rest.split_once(' ')?;
    Some((Kind::parse(kind), id.trim().parse().ok()?))
}

/// Reads acknowledgements until `kill_after` of them (or the end), then kills the writer.
/// Returns what was acknowledged before the kill.
fn run_and_kill(child: &mut Child, kill_after: Option<usize>) -> Vec<(Kind, Uuid)> {
    let stdout = child.stdout.take().unwrap();
    let mut acked = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if let Some(ack) = parse_ack(&line) {
            acked.push(ack);
            if kill_after == Some(acked.len()) {
                child.kill().unwrap(); // SIGKILL on Unix: no destructor, no flush, no checkpoint.
                break;
            }
        }
    }
    child.wait().unwrap();
    acked
}

fn check_file(db: &Path, acked: &[(Kind, Uuid)]) {
    let store = Store::open(db).expect("the file reopens and migrates after a kill");
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let people: HashSet<Uuid> = store.people().unwrap().iter().map(|p| p.id).collect();
    let time_off: HashSet<Uuid> = store.time_off().unwrap().iter().map(|t| t.id).collect();
    let trips = store.trips().unwrap();
    for trip in &trips {
        assert_eq!(trip.costs.len(), COSTS_PER_TRIP, "trip {} is whole or absent, never half-written", trip.id);
        assert_eq!(trip.segments.len(), 1, "trip {} keeps its segment", trip.id);
    }
    let trip_ids: HashSet<Uuid> = trips.iter().map(|t| t.id).collect();
    for (kind, id) in acked {
        let found = match kind {
            Kind::Person => people.contains(id),
            Kind::TimeOff => time_off.contains(id),
            Kind::Trip => trip_ids.contains(id),
        };
        assert!(found, "acknowledged {kind:?} {id} was lost");
    }
}

#[test]
fn crash_at_random_points_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0x51_6b_11);
    let mut all_acked = Vec::new();
    let mut killed_mid_run = 0;
    for round in 0..KILLS {
        let mut child = spawn_writer(&db, round);
        let acked = if round % 5 == 4 {
            // Kill at a moment rather than an acknowledgement: often mid-open or mid-transaction.
            let wait = Duration::from_millis(rng.random_range(0..400));
            let stdout = child.stdout.take().unwrap();
            let reader = std::thread::spawn(move || {
                BufReader::new(stdout).lines().map_while(|l| l.ok()).filter_map(|l| parse_ack(&l)).collect::<Vec<_>>()
            });
            std::thread::sleep(wait);
            child.kill().ok();
            child.wait().unwrap();
            reader.join().unwrap()
        } else {
            run_and_kill(&mut child, Some(rng.random_range(1..WRITES)))
        };
        if acked.len() < WRITES {
            killed_mid_run += 1;
        }
        all_acked.extend(acked);
        check_file(&db, &all_acked);
    }
    assert!(killed_mid_run >= KILLS - 1, "the writer was killed before it finished ({killed_mid_run} of {KILLS})");
    assert!(all_acked.len() > WRITES * 5, "enough writes were acknowledged to mean something: {}", all_acked.len());

    // And a writer left alone acknowledges all 1,000.
    let mut child = spawn_writer(&db, KILLS);
    let acked = run_and_kill(&mut child, None);
    assert_eq!(acked.len(), WRITES);
    all_acked.extend(acked);
    check_file(&db, &all_acked);
}

/// The window and the command line on the same file at once: the window's
/// store (one long-lived connection, reads between writes, as the app holds
/// it) saves while several `quarterdeck import-plan` processes merge plans.
/// No write may fail on a lock, and every one of them must be in the file after.
#[test]
fn the_window_and_the_cli_write_the_same_file_at_once_without_losing_an_edit() {
    const CLI_WORKERS: u64 = 3;
    const CLI_RUNS: u64 = 8;
    const WINDOW_SAVES: usize = 400;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let mut store = Store::open(&db).unwrap();

    let plans: Vec<(PathBuf, quarterdeck::plan_file::Plan)> = (0..CLI_WORKERS * CLI_RUNS)
        .map(|k| {
            let options = DemoOptions {
                people: 2,
                weeks: 6,
                seed: 1_000 + k,
                from: "2026-01-05".parse().unwrap(),
                today: "2026-02-01".parse().unwrap(),
            };
            let mut plan = demo::plan(&options);
            // A team budget is one per quarter: plans from other seeds would collide on it.
            plan.budgets.retain(|b| b.person_id.is_some());
            let path = dir.path().join(format!("plan-{k}.json"));
            plan.write(&path).unwrap();
            (path, plan)
        })
        .collect();

    // The window keeps saving until every CLI run is over, so the two always overlap.
    let cli_done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let window_done = cli_done.clone();
    let window = std::thread::spawn(move || {
        let mut saved = Vec::new();
        let mut i = 0;
        while i < WINDOW_SAVES || !window_done.load(std::sync::atomic::Ordering::SeqCst) {
            i += 1;
            let input: PersonInput = serde_json::from_value(json!({
                "name": format!("Window {i}"), "role": "", "home_city": "", "timezone": "Europe/Berlin",
                "capacity_hours": 40.0, "working_days": ["mon", "tue", "wed", "thu", "fri"],
            }))
            .unwrap();
            saved.push(store.save_person(&input).expect("the window's save waits for the CLI instead of failing"));
            if i % 20 == 0 {
                let today = "2026-02-01".parse().unwrap();
                PlanView::of(&store, chrono::Utc::now(), today).expect("the window reads while the CLI writes");
            }
        }
        saved
    });

    let workers: Vec<_> = (0..CLI_WORKERS)
        .map(|w| {
            let db = db.clone();
            let files: Vec<PathBuf> =
                plans.iter().skip((w * CLI_RUNS) as usize).take(CLI_RUNS as usize).map(|(p, _)| p.clone()).collect();
            std::thread::spawn(move || {
                for file in files {
                    let out = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
                        .env_remove("QUARTERDECK_DB")
                        .arg("--db")
                        .arg(&db)
                        .arg("import-plan")
                        .arg(&file)
                        .output()
                        .unwrap();
                    let stderr = String::from_utf8_lossy(&out.stderr);
                    assert!(out.status.success(), "import-plan {} failed beside the window: {stderr}", file.display());
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("every CLI run succeeded");
    }
    cli_done.store(true, std::sync::atomic::Ordering::SeqCst);
    let from_window = window.join().expect("every window save succeeded");
    eprintln!("the window saved {} people while {} CLI imports ran", from_window.len(), plans.len());

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let people: HashSet<Uuid> = store.people().unwrap().iter().map(|p| p.id).collect();
    let events: HashSet<Uuid> = store.events().unwrap().iter().map(|e| e.id).collect();
    for person in &from_window {
        assert!(people.contains(&person.id), "the window's save of {} was lost", person.name);
    }
    for (file, plan) in &plans {
        for p in &plan.people {
            assert!(people.contains(&p.id), "{} from {} was lost", p.name, file.display());
        }
        for e in &plan.events {
            assert!(events.contains(&e.id), "event {} from {} was lost", e.name, file.display());
        }
    }
    let expected = from_window.len() + plans.iter().map(|(_, p)| p.people.len()).sum::<usize>();
    assert_eq!(people.len(), expected, "every person from both writers, none twice");
}
