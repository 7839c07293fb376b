//! End-to-end tests of the headless command line: each test runs the real
//! `quarterdeck` binary against a database in its own temporary folder and
//! inspects what it prints and what it leaves on disk.
//!
//! Run: `cd src-tauri && cargo test --features custom-protocol --test cli`

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::replaced;
use rusqlite::Connection;
use serde_json::Value;
use tempfile::TempDir;

/// Fixed demo options, so that no test depends on which quarter it runs in.
const DEMO: &[&str] = &["demo", "--seed", "42", "--from", "2026-01-05"];

struct Run {
    ok: bool,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_output(output: Output) -> Run {
    Run {
        ok: output.status.success(),
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn bin() -> Command {
    bin_at(Path::new(env!("CARGO_BIN_EXE_quarterdeck")))
}

/// The binary at `exe`, with the test's environment.
fn bin_at(exe: &Path) -> Command {
    let mut cmd = Command::new(exe);
    // A developer's own QUARTERDECK_DB must never leak into a test.
    cmd.env_remove("QUARTERDECK_DB");
    // Nor the day it runs on: every command reads this clock.
    cmd.env("QUARTERDECK_NOW", TODAY_NOON);
    // Nor the machine's locale: the report writes figures as it does.
    cmd.env("QUARTERDECK_LOCALE", "en-US");
    cmd
}

/// The day the tests run on, whatever the machine's clock says.
const TODAY_NOON: &str = "2026-11-18T12:00:00Z";

/// `quarterdeck --db DB ARGS...`
fn qd(db: &Path, args: &[&str]) -> Run {
    run_output(bin().arg("--db").arg(db).args(args).output().expect("the quarterdeck binary runs"))
}

/// Like `qd`, but the command must succeed.
fn ok(db: &Path, args: &[&str]) -> String {
    let run = qd(db, args);
    assert!(run.ok, "`quarterdeck {}` should succeed; stderr:\n{}", args.join(" "), run.stderr);
    run.stdout
}

/// Like `qd`, but the command must fail with a non-zero exit and say why on stderr.
fn fails(db: &Path, args: &[&str]) -> Run {
    let run = qd(db, args);
    assert!(!run.ok, "`quarterdeck {}` should fail; stdout:\n{}", args.join(" "), run.stdout);
    assert_ne!(run.code, Some(0), "a failure must give a non-zero exit code");
    assert!(!run.stderr.trim().is_empty(), "a failure must explain itself on stderr");
    run
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("expected JSON ({e}), got:\n{text}"))
}

fn read_json(path: &Path) -> Value {
    json(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn user_version(conn: &Connection) -> i64 {
    conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap()
}

/// An empty plan at `path` (a command that only reads no longer creates one).
fn new_plan(path: &Path) -> PathBuf {
    quarterdeck::store::Store::open(path).expect("a new plan");
    path.to_path_buf()
}

/// A temp folder with a demo database already filled, and an exported plan of it.
struct Filled {
    dir: TempDir,
    db: PathBuf,
    plan: PathBuf,
}

fn filled() -> Filled {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("team.db");
    let plan = dir.path().join("plan.json");
    ok(&db, DEMO);
    ok(&db, &["export-plan", s(&plan)]);
    Filled { dir, db, plan }
}

#[test]
fn quarterdeck_now_tells_every_command_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    ok(&db, &["demo"]);
    let cfps = |now: &str| {
        let out =
            bin().env("QUARTERDECK_NOW", now).arg("--db").arg(&db).args(["cfps", "--days", "30", "--json"]).output();
        let run = run_output(out.unwrap());
        assert!(run.ok, "{}", run.stderr);
        json(&run.stdout).as_array().unwrap().len()
    };
    assert_eq!(cfps(TODAY_NOON), 3, "the demo was made for this day");
    assert_eq!(cfps("2030-01-01"), 0, "years later every call has closed");

    let out = bin().env("QUARTERDECK_NOW", "next tuesday").arg("--db").arg(&db).arg("people").output().unwrap();
    let run = run_output(out);
    assert!(!run.ok);
    assert!(run.stderr.contains("QUARTERDECK_NOW: must be a day"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------
// demo, people, events

#[test]
fn demo_then_people_json_lists_six_people_in_a_sound_wal_database() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("team.db");
    let report = ok(&db, DEMO);
    assert!(report.contains("6 new"), "the first demo run should report six new people:\n{report}");

    let people = json(&ok(&db, &["people", "--json"]));
    let people = people.as_array().expect("people --json prints a JSON array");
    assert_eq!(people.len(), 6, "the default demo team has six people");
    for p in people {
        for key in ["id", "name", "timezone"] {
            let value = p.get(key).and_then(Value::as_str).unwrap_or_default();
            assert!(!value.is_empty(), "every person needs a non-empty string {key:?}: {p}");
        }
        assert_eq!(p["id"].as_str().unwrap().len(), 36, "ids are hyphenated UUIDs: {p}");
    }
    assert!(people.iter().any(|p| p["name"] == "Maya Okafor"), "the demo team starts with Maya Okafor");

    let conn = Connection::open(&db).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode.to_lowercase(), "wal", "the store must leave the file in WAL mode");
    assert!(user_version(&conn) > 0, "user_version records the schema version and must be set after migrating");
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "the file written by demo must pass integrity_check");
}

#[test]
fn demo_is_idempotent_and_the_seed_changes_the_plan() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("team.db");
    ok(&db, DEMO);
    let people = ok(&db, &["people", "--json"]);
    let events = ok(&db, &["events", "--json"]);

    let again = ok(&db, DEMO);
    for line in again.lines().filter(|l| l.contains(" new,")) {
        assert!(
            line.contains(" 0 new, 0 updated,"),
            "a second demo run with the same options must change nothing: {line}"
        );
    }
    assert_eq!(ok(&db, &["people", "--json"]), people, "demo twice must leave the same people");
    assert_eq!(ok(&db, &["events", "--json"]), events, "demo twice must leave the same events (same ids too)");
    assert_eq!(json(&people).as_array().unwrap().len(), 6, "running demo twice must not duplicate people");

    let other = dir.path().join("other.db");
    ok(&other, &["demo", "--seed", "7", "--from", "2026-01-05"]);
    assert_ne!(ok(&other, &["events", "--json"]), events, "another --seed must give different events");
}

#[test]
fn the_database_can_come_from_the_environment() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("from-env.db");
    let run = run_output(bin().env("QUARTERDECK_DB", &db).args(DEMO).output().unwrap());
    assert!(run.ok, "demo with QUARTERDECK_DB set and no --db should succeed: {}", run.stderr);
    assert!(db.exists(), "QUARTERDECK_DB must name the file demo writes to");
    let listed = run_output(bin().env("QUARTERDECK_DB", &db).args(["people", "--json"]).output().unwrap());
    assert!(listed.ok, "{}", listed.stderr);
    assert_eq!(
        json(&listed.stdout).as_array().unwrap().len(),
        6,
        "people read through QUARTERDECK_DB sees the demo team"
    );
    assert_eq!(count(&db, "person"), 6, "the rows are in the file QUARTERDECK_DB names");
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let f = filled();
    for args in [&["events"][..], &["events", "--json"], &["people"], &["catalog", "--json"]] {
        // The pipe's reading end is closed before the command writes, as `| head -0` would.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = bin().arg("--db").arg(&f.db).args(args).stdout(writer).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "`{}` exits 0 on a closed pipe; stderr:\n{stderr}", args.join(" "));
        assert_eq!(stderr, "", "and says nothing");
    }
}

#[test]
fn people_table_has_a_header_and_one_line_per_person() {
    let f = filled();
    let text = ok(&f.db, &["people"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("NAME"), "the table's first line is its header, starting with NAME: {:?}", lines[0]);
    assert!(lines[0].contains("TIME ZONE"), "the header names the time zone column: {:?}", lines[0]);
    assert_eq!(lines.len(), 7, "a header plus one line for each of the six people:\n{text}");
    assert!(lines.iter().any(|l| l.starts_with("Maya Okafor ")), "people are listed by name:\n{text}");
}

// ---------------------------------------------------------------------------
// export-plan and import-plan

#[test]
fn export_then_import_into_a_fresh_database_is_identical() {
    let f = filled();
    let plan = read_json(&f.plan);
    assert_eq!(plan["format"], "quarterdeck-plan", "export writes the format marker");
    assert_eq!(plan["version"], 5, "export writes the current format version");

    let copy = f.dir.path().join("copy.db");
    let report = ok(&copy, &["import-plan", s(&f.plan)]);
    assert!(report.contains("people:         6 new"), "importing into an empty db adds everyone:\n{report}");
    assert_eq!(
        ok(&copy, &["people", "--json"]),
        ok(&f.db, &["people", "--json"]),
        "people must survive the round trip"
    );
    assert_eq!(
        ok(&copy, &["events", "--json"]),
        ok(&f.db, &["events", "--json"]),
        "events must survive the round trip"
    );

    let back = f.dir.path().join("back.json");
    ok(&copy, &["export-plan", s(&back)]);
    let back = read_json(&back);
    for kind in [
        "people",
        "time_off",
        "events",
        "participations",
        "talks",
        "submissions",
        "content",
        "goals",
        "target_mixes",
        "functions",
        "outcomes",
    ] {
        assert!(!plan[kind].as_array().unwrap().is_empty(), "the sample plan has {kind}");
        assert_eq!(back[kind], plan[kind], "{kind} must read back exactly as exported");
    }

    let again = ok(&copy, &["import-plan", s(&f.plan)]);
    for line in again.lines().filter(|l| l.contains(" new,")) {
        assert!(
            line.contains(" 0 new, 0 updated,"),
            "re-importing the same file merges by id and changes nothing: {line}"
        );
    }
}

#[test]
fn importing_an_older_copy_keeps_the_plans_newer_edits_and_says_so() {
    let f = filled();
    let mut plan = read_json(&f.plan);
    let first = plan["people"][0]["name"].as_str().unwrap().to_string();
    plan["people"][0]["name"] = "Written on an old laptop".into();
    plan["people"][0]["updated_at"] = "2001-01-01T00:00:00Z".into();
    let older = f.dir.path().join("older.json");
    write_json(&older, &plan);
    let out = ok(&f.db, &["import-plan", s(&older)]);
    assert!(out.contains("1 skipped as older"), "{out}");
    assert!(out.contains("1 records skipped as older"), "{out}");
    let people = json(&ok(&f.db, &["people", "--json"]));
    assert_eq!(people[0]["name"], first.as_str(), "the plan's newer edit is kept");
}

#[test]
fn export_for_one_person_holds_only_her_records() {
    let f = filled();
    let full = read_json(&f.plan);
    let maya_file = f.dir.path().join("maya.json");
    ok(&f.db, &["export-plan", s(&maya_file), "--person", "Maya Okafor"]);
    let maya = read_json(&maya_file);

    assert_eq!(maya["person"], "Maya Okafor", "a person's plan says whose it is");
    let people = maya["people"].as_array().unwrap();
    assert_eq!(people.len(), 1, "a person's plan holds exactly one person");
    assert_eq!(people[0]["name"], "Maya Okafor");
    let id = people[0]["id"].clone();

    let parts = maya["participations"].as_array().unwrap();
    assert!(!parts.is_empty(), "with seed 42 Maya goes to at least one event, else this test proves nothing");
    assert!(parts.iter().all(|p| p["person_id"] == id), "only Maya's participations: {parts:?}");
    assert!(maya["time_off"].as_array().unwrap().iter().all(|t| t["person_id"] == id), "only Maya's time off");

    let of_hers = |kind: &str, person: &str| -> HashSet<&str> {
        full[kind]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p[person] == id)
            .map(|p| p["event_id"].as_str().unwrap())
            .collect()
    };
    let hers: HashSet<&str> =
        of_hers("participations", "person_id").union(&of_hers("submissions", "speaker_id")).copied().collect();
    let exported: HashSet<&str> =
        maya["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(exported, hers, "the events are exactly those Maya goes to or submitted to");
    let subs = maya["submissions"].as_array().unwrap();
    assert!(!subs.is_empty() && subs.iter().all(|s| s["speaker_id"] == id), "only Maya's submissions: {subs:?}");
    let versions: HashSet<&str> = subs.iter().map(|s| s["version_id"].as_str().unwrap()).collect();
    let exported_versions: HashSet<&str> =
        maya["talk_versions"].as_array().unwrap().iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(exported_versions, versions, "the versions her submissions used, and no others");
    assert!(exported.len() < full["events"].as_array().unwrap().len(), "other people's events are left out");
}

#[test]
fn export_for_an_unknown_person_fails_and_names_them() {
    let f = filled();
    let out = f.dir.path().join("nobody.json");
    let run = fails(&f.db, &["export-plan", s(&out), "--person", "Nobody Atall"]);
    assert!(run.stderr.contains("Nobody Atall"), "the error must name the person asked for: {}", run.stderr);
    assert!(!out.exists(), "no file is written for an unknown person");
}

#[test]
fn import_of_a_newer_version_is_refused_and_writes_nothing() {
    let f = filled();
    let mut plan = read_json(&f.plan);
    plan["version"] = 99.into();
    let newer = f.dir.path().join("v99.json");
    write_json(&newer, &plan);

    let empty = new_plan(&f.dir.path().join("empty.db"));
    assert_eq!(ok(&empty, &["people", "--json"]).trim(), "[]", "a new database starts empty");
    let run = fails(&empty, &["import-plan", s(&newer)]);
    assert!(run.stderr.contains("99"), "the error must say which version the file is: {}", run.stderr);
    assert!(run.stderr.contains("Update Quarterdeck"), "the error must tell the user to update: {}", run.stderr);
    assert_eq!(count(&empty, "person"), 0, "a refused file must not add people");
    assert_eq!(count(&empty, "event"), 0, "a refused file must not add events");
}

#[test]
fn import_with_an_event_ending_before_it_starts_names_it_and_writes_nothing() {
    let f = filled();
    let mut plan = read_json(&f.plan);
    assert!(
        !plan["people"].as_array().unwrap().is_empty(),
        "the file must hold valid people for this test to mean anything"
    );
    plan["events"][3]["end_date"] = "2020-01-01".into();
    let bad = f.dir.path().join("bad.json");
    write_json(&bad, &plan);

    let empty = f.dir.path().join("empty.db");
    let run = fails(&empty, &["import-plan", s(&bad)]);
    assert!(run.stderr.contains("events[3].end_date"), "the error must name the record and field: {}", run.stderr);
    assert_eq!(count(&empty, "person"), 0, "one bad event must keep the valid people out too");
    assert_eq!(count(&empty, "event"), 0, "one bad event must keep every event out");
}

#[test]
fn import_with_an_unknown_time_zone_names_it_and_writes_nothing() {
    let f = filled();
    let mut plan = read_json(&f.plan);
    plan["people"][2]["timezone"] = "Mars/Olympus_Mons".into();
    let bad = f.dir.path().join("bad.json");
    write_json(&bad, &plan);

    let empty = f.dir.path().join("empty.db");
    let run = fails(&empty, &["import-plan", s(&bad)]);
    assert!(run.stderr.contains("people[2].timezone"), "the error must name the record and field: {}", run.stderr);
    assert!(run.stderr.contains("Mars/Olympus_Mons"), "the error must quote the bad zone: {}", run.stderr);
    assert_eq!(count(&empty, "person"), 0, "one bad person must keep every person out");
}

#[test]
fn import_failing_midway_rolls_back_the_whole_transaction() {
    // Unlike field rules, a dangling reference is only found while writing,
    // after people and events have gone in: they must be rolled back.
    let f = filled();
    let mut plan = read_json(&f.plan);
    let last = plan["participations"].as_array().unwrap().len() - 1;
    plan["participations"][last]["event_id"] = "00000000-0000-4000-8000-000000000000".into();
    let bad = f.dir.path().join("dangling.json");
    write_json(&bad, &plan);

    let empty = f.dir.path().join("empty.db");
    let run = fails(&empty, &["import-plan", s(&bad)]);
    assert!(
        run.stderr.contains(&format!("participations[{last}].event_id")),
        "the error must name the participation and field: {}",
        run.stderr
    );
    for table in ["person", "event", "time_off", "participation"] {
        assert_eq!(count(&empty, table), 0, "{table} rows written before the fault must be rolled back");
    }
}

// ---------------------------------------------------------------------------
// Opening files that are not (this version's) Quarterdeck databases

fn foreign_db(dir: &Path) -> PathBuf {
    let path = dir.join("notes.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');").unwrap();
    path
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_its_data_kept() {
    let dir = TempDir::new().unwrap();
    let path = foreign_db(dir.path());
    let run = fails(&path, &["people"]);
    assert!(run.stderr.contains("not a Quarterdeck database"), "the refusal must say why: {}", run.stderr);

    let conn = Connection::open(&path).unwrap();
    assert_eq!(user_version(&conn), 0, "a refused file must not be stamped with a schema version");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(tables, ["notes"], "no Quarterdeck tables may be added to someone else's database");
    let body: String = conn.query_row("SELECT body FROM notes", [], |r| r.get(0)).unwrap();
    assert_eq!(body, "keep me", "the foreign data must be left as it was");
}

#[test]
fn a_foreign_sqlite_file_is_refused_byte_for_byte_untouched() {
    let dir = TempDir::new().unwrap();
    let path = foreign_db(dir.path());
    let before = std::fs::read(&path).unwrap();
    fails(&path, &["people"]);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    drop(conn);
    assert_eq!(mode, "delete", "a refused file must keep its own journal mode");
    assert!(std::fs::read(&path).unwrap() == before, "a refused file must be left byte for byte as it was");
}

#[test]
fn a_database_from_a_newer_quarterdeck_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("future.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE person (id TEXT PRIMARY KEY); PRAGMA user_version = 999;").unwrap();
    drop(conn);

    let run = fails(&path, &["people"]);
    assert!(run.stderr.contains("newer"), "the refusal must say the file is newer: {}", run.stderr);
    assert!(run.stderr.contains("999"), "the refusal must give the file's schema version: {}", run.stderr);
    assert_eq!(
        user_version(&Connection::open(&path).unwrap()),
        999,
        "a newer file must not be migrated down or restamped"
    );
}

#[test]
fn a_file_that_is_not_sqlite_gives_an_error_naming_it() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("notes.txt");
    let text = "These are my meeting notes, not a database.\n".repeat(40);
    std::fs::write(&path, &text).unwrap();

    let run = fails(&path, &["people"]);
    assert!(run.stderr.contains(s(&path)), "the error must name the file: {}", run.stderr);
    assert!(run.stderr.contains("not a database"), "the error must say what is wrong with it: {}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "a file that is not SQLite must be left alone");
}

// ---------------------------------------------------------------------------
// The library, directly

#[test]
fn open_reporting_on_a_fresh_file_migrates_from_zero_without_a_backup() {
    use quarterdeck::store::{Store, migrations};

    let dir = TempDir::new().unwrap();
    let path = dir.path().join("nested").join("fresh.db");
    let (store, report) = Store::open_reporting(&path).expect("a fresh file opens");
    assert_eq!(report.from_version, 0, "a fresh file starts at schema version 0");
    assert_eq!(report.to_version, migrations::latest(), "opening migrates to the latest schema");
    assert_eq!(report.backup, None, "there is nothing to back up in a fresh file");
    assert_eq!(store.schema_version().unwrap(), migrations::latest());
    assert_eq!(store.journal_mode().unwrap(), "wal");
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);

    let (_store, again) = Store::open_reporting(&path).expect("an up-to-date file reopens");
    assert_eq!(again.from_version, migrations::latest(), "reopening finds the schema already current");
    assert_eq!(again.backup, None, "an up-to-date file needs no backup");
    let baks = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(baks, 0, "no .bak copy may appear when nothing was migrated");
}

fn fixture_catalog() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/conference-data")
}

#[test]
fn importing_the_conference_catalog_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let catalog = fixture_catalog();
    let first = ok(&db, &["import-conferences", catalog.to_str().unwrap(), "--json"]);
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    // general.json and javascript.json list some conferences in both: they count once.
    assert_eq!(first["added"], 92, "{first}");
    assert_eq!(first["skipped"].as_array().unwrap().len(), 0);
    let second = ok(&db, &["import-conferences", catalog.to_str().unwrap(), "--json"]);
    let second: serde_json::Value = serde_json::from_str(&second).unwrap();
    assert_eq!((second["added"].as_u64(), second["updated"].as_u64()), (Some(0), Some(0)), "{second}");
    assert_eq!(second["unchanged"], 92);
}

#[test]
fn a_conference_whose_dates_moved_shows_as_updated_and_bad_entries_are_skipped_by_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let rust = std::fs::read_to_string(fixture_catalog().join("2026/rust.json")).unwrap();
    let file = dir.path().join("rust.json");
    std::fs::write(&file, &rust).unwrap();
    ok(&db, &["import-conferences", file.to_str().unwrap()]);

    let mut entries: Vec<serde_json::Value> = serde_json::from_str(&rust).unwrap();
    let first_start = entries[0]["startDate"].as_str().unwrap().to_string();
    let first_end = entries[0]["endDate"].as_str().unwrap().to_string();
    let shift =
        |d: &str| (chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap() + chrono::Days::new(7)).to_string();
    entries[0]["startDate"] = shift(&first_start).into();
    entries[0]["endDate"] = shift(&first_end).into();
    entries.push(serde_json::json!({"name": "Backwards Conf", "startDate": "2026-05-10", "endDate": "2026-05-01"}));
    std::fs::write(&file, serde_json::to_string(&entries).unwrap()).unwrap();

    let text = ok(&db, &["import-conferences", file.to_str().unwrap()]);
    assert!(text.starts_with("0 new, 1 updated, 4 unchanged, 1 skipped"), "{text}");
    assert!(text.contains(&format!("dates {first_start}–{first_end}")), "the change is spelled out: {text}");
    assert!(text.contains("rust.json[5]: Backwards Conf: endDate"), "the bad entry is named by file and index: {text}");
}

#[test]
fn cfps_lists_the_sample_teams_closing_calls_soonest_first_in_utc() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    ok(&db, &["demo"]);
    let list = json(&ok(&db, &["cfps", "--days", "30", "--json"]));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3, "the sample team has three calls for papers closing: {list:?}");
    let closes: Vec<&str> = list.iter().map(|c| c["closes_at"].as_str().unwrap()).collect();
    let mut sorted = closes.clone();
    sorted.sort();
    assert_eq!(closes, sorted, "soonest first");
    assert!(list.iter().all(|c| c["hours_left"].as_i64().unwrap() >= 0));
    let table = ok(&db, &["cfps", "--days", "30"]);
    assert!(table.starts_with("CLOSES"), "{table}");
    assert_eq!(table.lines().count(), 4, "{table}");
}

// ---------------------------------------------------------------------------
// talks

#[test]
fn demo_talks_json_lists_talks_with_versions_submissions_and_rates() {
    let f = filled();
    let talks = json(&ok(&f.db, &["talks", "--json"]));
    let talks = talks.as_array().expect("talks --json prints an array");
    assert!(talks.len() >= 12, "two or three talks for each of six people, got {}", talks.len());
    for t in talks {
        for field in ["id", "title", "abstract", "duration_minutes", "format", "level", "tags", "status", "versions"] {
            assert!(t.get(field).is_some(), "a talk has {field}: {t}");
        }
        let versions: HashSet<&str> =
            t["versions"].as_array().unwrap().iter().map(|v| v["id"].as_str().unwrap()).collect();
        for sub in t["submissions"].as_array().unwrap() {
            assert!(
                versions.contains(sub["version_id"].as_str().unwrap()),
                "each submission names one of its talk's versions"
            );
        }
    }
    let submitted: Vec<&Value> = talks.iter().filter(|t| !t["submissions"].as_array().unwrap().is_empty()).collect();
    assert!(!submitted.is_empty(), "the demo submits talks to events");
    let rates: Vec<f64> = talks.iter().filter_map(|t| t["acceptance"]["rate"].as_f64()).collect();
    assert!(!rates.is_empty(), "some talks have been answered: {rates:?}");
    assert!(rates.iter().all(|r| (0.0..=1.0).contains(r)), "rates are fractions: {rates:?}");

    let table = ok(&f.db, &["talks"]);
    assert!(table.starts_with("TITLE"), "the table has a header:\n{table}");
    assert!(table.lines().count() == talks.len() + 1, "one line per talk:\n{table}");
}

#[test]
fn demo_events_carry_ratings_and_cfp_deadlines() {
    let f = filled();
    let events = json(&ok(&f.db, &["events", "--json"]));
    let events = events.as_array().unwrap();
    assert!(events.iter().any(|e| e["ratings"]["reach"].is_number()), "conferences are rated for the score");
    assert!(events.iter().any(|e| e["cfp_deadline"].is_string()), "the demo has CFP deadlines");
}

#[test]
fn a_plan_with_a_submission_for_a_missing_talk_version_is_refused_whole() {
    let f = filled();
    let mut plan = read_json(&f.plan);
    plan["talk_versions"] = Value::Array(vec![]);
    let broken = f.dir.path().join("broken.json");
    write_json(&broken, &plan);
    let fresh = f.dir.path().join("fresh.db");
    let run = fails(&fresh, &["import-plan", s(&broken)]);
    assert!(run.stderr.contains("submissions[0].version_id"), "the error names the record: {}", run.stderr);
    assert_eq!(count(&fresh, "person"), 0, "nothing is written");
}

// ---------------------------------------------------------------------------
// content

#[test]
fn content_lists_the_calendar_filtered_by_person_and_dates() {
    let f = filled();
    let all = json(&ok(&f.db, &["content", "--json"]));
    let all = all.as_array().expect("content --json prints a JSON array");
    assert_eq!(all.len() as i64, count(&f.db, "content"), "no filter lists every item");
    assert!(all.iter().any(|c| c["event"].is_string()), "some items follow up an event, named: {}", all[0]);

    let maya = json(&ok(&f.db, &["content", "--person", "maya okafor", "--json"]));
    let maya = maya.as_array().unwrap();
    assert!(!maya.is_empty() && maya.len() < all.len());
    assert!(maya.iter().all(|c| c["owner"] == "Maya Okafor"), "only Maya's items");

    let feb = json(&ok(&f.db, &["content", "--from", "2026-02-01", "--to", "2026-02-28", "--json"]));
    let feb = feb.as_array().unwrap();
    assert!(!feb.is_empty() && feb.len() < all.len());
    for c in feb {
        let due = c["due_on"].as_str().unwrap_or("");
        let publish = c["publish_at"].as_str().unwrap_or("");
        let in_feb = |d: &str| d.starts_with("2026-02");
        assert!(in_feb(due) || in_feb(publish), "due {due} or publish {publish} falls in February");
    }

    let table = ok(&f.db, &["content", "--person", "Maya Okafor"]);
    let mut lines = table.lines();
    assert!(lines.next().unwrap().starts_with("DUE"), "{table}");
    assert_eq!(lines.count(), maya.len(), "one line per item:\n{table}");
}

#[test]
fn content_refuses_backwards_dates_and_unknown_people() {
    let f = filled();
    let run = fails(&f.db, &["content", "--from", "2026-03-01", "--to", "2026-02-01"]);
    assert!(run.stderr.contains("--to"), "the error names the option: {}", run.stderr);
    let run = fails(&f.db, &["content", "--person", "Nobody Here"]);
    assert!(run.stderr.contains("Nobody Here"), "{}", run.stderr);
}

#[test]
fn importing_bad_content_names_the_item_and_field_and_writes_nothing() {
    let f = filled();
    for (field, value, named) in [
        ("effort_hours", Value::from(-3.0), "content[2].effort_hours"),
        ("publish_at", Value::from("2020-01-01T09:00:00"), "content[2].publish_at"),
        ("kind", Value::from("vlog"), "unknown variant `vlog`"),
    ] {
        let mut plan = read_json(&f.plan);
        plan["content"][2][field] = value;
        if field == "effort_hours" {
            plan["content"][2]["effort_custom"] = true.into();
        }
        let bad = f.dir.path().join("bad-content.json");
        write_json(&bad, &plan);
        let empty = new_plan(&f.dir.path().join(format!("empty-{field}.db")));
        let run = fails(&empty, &["import-plan", s(&bad)]);
        assert!(run.stderr.contains(named), "the error names {named}: {}", run.stderr);
        assert_eq!(count(&empty, "content"), 0, "nothing of the file is written");
        assert_eq!(count(&empty, "person"), 0, "nothing of the file is written");
    }
}

// ---------------------------------------------------------------------------
// travel: trips, budgets, exchange rates

fn ecb_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/ecb/eurofxref-sample.csv")
}

#[test]
fn ecb_rates_import_reports_the_bad_line_by_number_and_keeps_the_rest() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rates.db");
    let out = ok(&db, &["import-rates", s(&ecb_fixture())]);
    // 4 good lines × 4 currencies (BGN is N/A throughout); line 5 is broken.
    assert!(out.contains("16 rates for 4 days (2026-01-05 to 2026-01-09) in 4 currencies"), "{out}");
    assert!(out.contains("skipped line 5: "), "{out}");
    assert!(out.contains("1.0x"), "{out}");
    assert_eq!(count(&db, "exchange_rate"), 16);
    let again = ok(&db, &["import-rates", s(&ecb_fixture())]);
    assert!(again.starts_with(&format!("Imported {}: 0 rates", s(&ecb_fixture()))), "{again}");
    assert_eq!(count(&db, "exchange_rate"), 16, "importing twice adds nothing");

    let bad = dir.path().join("not-ecb.csv");
    std::fs::write(&bad, "Day,USD\n2026-01-05,1.1\n").unwrap();
    let run = fails(&db, &["import-rates", s(&bad)]);
    assert!(run.stderr.contains("line 1: "), "{}", run.stderr);
}

#[test]
fn the_ecb_full_history_imports_with_its_retired_currency_columns_named() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rates.db");
    let hist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/ecb/eurofxref-hist.csv");
    let out = ok(&db, &["import-rates", s(&hist)]);
    // 9 days from three eras; every cell of a current currency that is not N/A.
    assert!(out.contains("246 rates for 9 days (1999-01-04 to 2024-12-31) in 32 currencies"), "{out}");
    assert!(
        out.contains("skipped columns (not a current ISO 4217 currency): CYP, EEK, LTL, LVL, MTL, ROL, SIT, SKK, TRL"),
        "{out}"
    );
    assert!(!out.contains("skipped line"), "{out}");
    assert_eq!(count(&db, "exchange_rate"), 246);

    // Probe 13: a device is refused before it is read, and nothing is written.
    #[cfg(unix)]
    {
        let run = fails(&db, &["import-rates", "/dev/zero"]);
        assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    }
}

/// Probes 12 and 13: a huge file is refused from its size before it is read,
/// and a device before it is opened, for every kind of file read by path.
#[cfg(unix)]
#[test]
fn huge_files_and_devices_are_refused_before_reading() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("plan.db");
    ok(&db, &["demo", "--seed", "42", "--from", "2026-01-05", "--today", "2026-02-16"]);
    let people: serde_json::Value = serde_json::from_str(&ok(&db, &["people", "--json"])).unwrap();
    let who = people[0]["name"].as_str().unwrap().to_string();
    let sparse = dir.path().join("huge.ics");
    std::fs::File::create(&sparse).unwrap().set_len(300 << 20).unwrap();
    let run = fails(&db, &["import-ics", s(&sparse), "--person", &who]);
    assert!(run.stderr.contains("300 MB is too big for a calendar"), "{}", run.stderr);
    for args in [
        vec!["import-ics", "/dev/zero", "--person", who.as_str()],
        vec!["import-plan", "/dev/zero"],
        vec!["import-holidays", "/dev/zero"],
        vec!["import-conferences", "/dev/zero"],
    ] {
        let run = fails(&db, &args);
        assert!(run.stderr.contains("not a regular file"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn trips_and_the_quarter_budget_add_up_per_person_and_for_the_team() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("team.db");
    ok(&db, &["demo", "--seed", "42", "--from", "2026-01-05", "--today", "2026-02-10"]);
    let trips = json(&ok(&db, &["trips", "--json"]));
    let trips = trips.as_array().unwrap();
    assert!(!trips.is_empty(), "the sample team travels");
    for t in trips {
        assert!(t["facts"]["nights_away"].as_u64().is_some(), "{t}");
        assert!(
            t["costs"].as_array().unwrap().iter().all(|c| c["problem"].is_null()),
            "sample rates cover every cost: {t}"
        );
    }
    let table = ok(&db, &["trips"]);
    assert!(table.starts_with("DEPARTS"), "{table}");
    assert!(table.contains(" → "), "{table}");

    let report = json(&ok(&db, &["budget", "--quarter", "2026Q1", "--json"]));
    assert_eq!(report["quarter"], "2026Q1");
    assert_eq!(report["currency"], "EUR");
    let people = report["people"].as_array().unwrap();
    let sum = |key: &str| people.iter().map(|p| p["spend"][key].as_i64().unwrap()).sum::<i64>();
    for key in ["planned", "committed", "actual", "forecast", "sponsor"] {
        assert_eq!(report["team"]["spend"][key].as_i64().unwrap(), sum(key), "the team's {key} is everyone's");
    }
    assert!(people.iter().all(|p| p["budget_minor"].as_i64().is_some()), "everyone has a budget this quarter");
    let over: Vec<&Value> = people.iter().filter(|p| p["alert"]["threshold"].as_u64() >= Some(80)).collect();
    assert!(!over.is_empty(), "the sample puts someone past the 80 % alert");
    let text = ok(&db, &["budget", "--quarter", "2026q1"]);
    assert!(text.starts_with("2026Q1 travel budget in EUR\nCosts count in the quarter the trip starts in"), "{text}");
    assert!(text.contains("\nTeam "), "{text}");

    let csv = dir.path().join("costs.csv");
    let out = ok(&db, &["export-costs", "--out", s(&csv), "--quarter", "2026Q1"]);
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.starts_with("trip,traveller,trip_status,events,category,"), "{written}");
    assert!(out.contains(&format!("{} cost lines", written.lines().count() - 1)), "{out}");

    let run = fails(&db, &["budget", "--quarter", "2026Q5"]);
    assert!(run.stderr.contains("--quarter: \"2026Q5\" is not a quarter"), "{}", run.stderr);
}

/// A December booking for a January trip: Q1's money by default, Q4's when the team
/// counts by booking date; the table and the JSON both say which rule they used.
#[test]
fn a_trips_costs_count_in_the_quarter_the_teams_rule_gives_them() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("rule.db");
    let plan = dir.path().join("plan.json");
    let person = "0193a1c2-7b4e-7c11-9a2f-5d6e7f809a11";
    let stamp = "2026-11-01T00:00:00Z";
    let place = |label: &str, city: &str, country: &str, tz: &str| {
        serde_json::json!({"label": label, "name": city, "city": city, "country": country, "timezone": tz,
                           "lat": null, "lon": null})
    };
    write_json(
        &plan,
        &serde_json::json!({
            "format": "quarterdeck-plan", "version": 4, "exported_at": stamp,
            "people": [{"id": person, "name": "Maya Okafor", "role": "", "home_city": "Berlin",
                        "timezone": "Europe/Berlin", "capacity_hours": 40.0, "working_days": ["mon"],
                        "created_at": stamp, "updated_at": stamp}],
            "trips": [{"id": "0193a1c2-7b4e-7c11-9a2f-5d6e7f809a12", "person_id": person, "title": "FOSDEM",
                       "status": "confirmed", "event_ids": [], "notes": "",
                       "created_at": stamp, "updated_at": stamp,
                       "segments": [{"id": "0193a1c2-7b4e-7c11-9a2f-5d6e7f809a13", "mode": "train",
                                     "from": place("Berlin, DE", "Berlin", "DE", "Europe/Berlin"),
                                     "to": place("Brussels, BE", "Brussels", "BE", "Europe/Brussels"),
                                     "depart_at": "2027-01-29T08:00:00", "arrive_at": "2027-01-29T16:00:00",
                                     "reference": ""}],
                       "costs": [{"id": "0193a1c2-7b4e-7c11-9a2f-5d6e7f809a14", "category": "rail",
                                  "description": "", "currency": "EUR", "planned_minor": 21000,
                                  "actual_minor": 21000, "date": "2026-12-03", "payer": "company"}]}]
        }),
    );
    ok(&db, &["import-plan", s(&plan)]);
    let forecast = |quarter: &str| {
        let report = json(&ok(&db, &["budget", "--quarter", quarter, "--json"]));
        (report["rule"].as_str().unwrap().to_string(), report["team"]["spend"]["forecast"].as_i64().unwrap())
    };
    assert_eq!(forecast("2027Q1"), ("trip_start".into(), 21_000), "the trip starts in January");
    assert_eq!(forecast("2026Q4"), ("trip_start".into(), 0));
    let text = ok(&db, &["budget", "--quarter", "2027Q1"]);
    assert!(text.contains("\nCosts count in the quarter the trip starts in"), "{text}");

    // What the Settings view's save writes: the rule under its key.
    let conn = Connection::open(&db).unwrap();
    conn.execute("INSERT INTO setting (key, value) VALUES ('budget_quarter', '\"booking_date\"')", []).unwrap();
    drop(conn);
    assert_eq!(forecast("2026Q4"), ("booking_date".into(), 21_000), "booked in December");
    assert_eq!(forecast("2027Q1"), ("booking_date".into(), 0));
    let text = ok(&db, &["budget", "--quarter", "2026Q4"]);
    assert!(text.contains("\nCosts count in the quarter of each cost's date (booking date)."), "{text}");
    let csv = dir.path().join("q4.csv");
    let out = ok(&db, &["export-costs", "--out", s(&csv), "--quarter", "2026Q4"]);
    assert!(out.contains(": 1 cost lines"), "the export follows the same rule: {out}");
}

#[test]
fn a_cost_without_a_rate_fails_the_budget_naming_currency_and_day() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("chf.db");
    let plan = dir.path().join("plan.json");
    let person = "0193a1c2-7b4e-7c11-9a2f-5d6e7f809a01";
    let stamp = "2026-01-01T00:00:00Z";
    write_json(
        &plan,
        &serde_json::json!({
            "format": "quarterdeck-plan", "version": 4, "exported_at": stamp,
            "people": [{"id": person, "name": "Maya Okafor", "role": "", "home_city": "Berlin",
                        "timezone": "Europe/Berlin", "capacity_hours": 40.0, "working_days": ["mon"],
                        "created_at": stamp, "updated_at": stamp}],
            "trips": [{"id": "0193a1c2-7b4e-7c11-9a2f-5d6e7f809a02", "person_id": person, "title": "Zurich",
                       "status": "confirmed", "event_ids": [], "segments": [], "notes": "",
                       "created_at": stamp, "updated_at": stamp,
                       "costs": [{"id": "0193a1c2-7b4e-7c11-9a2f-5d6e7f809a03", "category": "hotel",
                                  "description": "", "currency": "CHF", "planned_minor": 45000,
                                  "actual_minor": null, "date": "2026-02-03", "payer": "company"}]}]
        }),
    );
    ok(&db, &["import-plan", s(&plan)]);
    let run = fails(&db, &["budget", "--quarter", "2026Q1"]);
    assert!(run.stdout.contains("Maya Okafor"), "the report still prints: {}", run.stdout);
    assert!(run.stderr.contains("no exchange rate for CHF on or before 2026-02-03"), "{}", run.stderr);
    ok(&db, &["import-rates", s(&ecb_fixture())]);
    let report = json(&ok(&db, &["budget", "--quarter", "2026Q1", "--json"]));
    // 450.00 CHF at 0.9321 per euro (9 January, the nearest before 3 February) = 482.78 EUR.
    assert_eq!(report["team"]["spend"]["committed"], 48_278);
}

#[test]
fn load_prints_each_week_with_its_level_and_the_rules_that_fired() {
    let Filled { dir: _dir, db, .. } = filled();
    let args = ["load", "--from", "2026-01-05", "--weeks", "13", "--json"];
    let team = json(&ok(&db, &args));
    let people = team["people"].as_array().unwrap();
    assert_eq!(people.len(), 6);
    let weeks: Vec<&Value> = people.iter().flat_map(|p| p["weeks"].as_array().unwrap()).collect();
    assert_eq!(weeks.len(), 6 * 13);
    let level = |l: &str| weeks.iter().filter(|w| w["level"] == l).count();
    assert!(level("green") > weeks.len() / 2, "most weeks are green: {} of {}", level("green"), weeks.len());
    assert!(level("amber") > 0, "some are amber");
    // At least one red week owes its level to travel: a trip, jet lag, a red-eye or nights away.
    let travel_rules =
        ["nights_away", "trip_weeks", "jet_lag", "no_buffer", "red_eye_work", "back_to_back", "long_stretch"];
    let red_for_travel = weeks.iter().any(|w| {
        w["level"] == "red"
            && w["flags"].as_array().unwrap().iter().any(|f| {
                travel_rules.contains(&f["rule"].as_str().unwrap())
                    || (f["level"] == "red" && f["sentence"].as_str().unwrap().contains("of it travel"))
            })
    });
    assert!(red_for_travel, "a red week with a travel reason");
    for flag in weeks.iter().flat_map(|w| w["flags"].as_array().unwrap()) {
        assert!(!flag["sentence"].as_str().unwrap().is_empty() && !flag["fix"].as_str().unwrap().is_empty());
        assert!((1..=15).contains(&flag["number"].as_u64().unwrap()));
    }

    let name = people[0]["name"].as_str().unwrap();
    let text = ok(&db, &["load", "--person", name, "--from", "2026-01-05", "--weeks", "4"]);
    assert!(text.starts_with(name) && text.contains("AVAIL H") && text.contains("LEVEL"), "{text}");
    assert!(text.lines().filter(|l| l.starts_with("2026-")).count() >= 4, "{text}");
    let bad = fails(&db, &["load", "--person", "Nobody Here"]);
    assert!(bad.stderr.contains("Nobody Here"), "{}", bad.stderr);
}

#[test]
fn holidays_from_an_ics_file_become_days_off_once() {
    let Filled { dir: _dir, db, .. } = filled();
    let ics = db.with_file_name("holidays.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:x1\r\nDTSTART;VALUE=DATE:20261225\r\n\
         DTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let before = count(&db, "time_off");
    let out = ok(&db, &["import-holidays", s(&ics), "--person", "Maya Okafor"]);
    assert!(out.contains("1 holidays for 1 people; 1 days off added"), "{out}");
    assert_eq!(count(&db, "time_off"), before + 1);
    let again = ok(&db, &["import-holidays", s(&ics)]);
    assert!(again.contains("for 6 people; 5 days off added, 1 already there"), "{again}");

    std::fs::write(&ics, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-12-25\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        .unwrap();
    let bad = fails(&db, &["import-holidays", s(&ics)]);
    assert!(bad.stderr.contains("DTSTART"), "{}", bad.stderr);
    assert_eq!(count(&db, "time_off"), before + 6, "nothing of the bad file was written");
}

#[test]
fn backup_then_restore_brings_the_plan_back_and_keeps_the_one_it_replaced() {
    let f = filled();
    let copy = f.dir.path().join("copies/monday.db");
    let out = ok(&f.db, &["backup", s(&copy)]);
    assert!(out.contains("6 people"), "{out}");
    assert!(!f.dir.path().join("copies/monday.db-wal").exists(), "a backup is one self-contained file");
    let people = count(&f.db, "person");

    // Someone deletes half the team by hand...
    Connection::open(&f.db).unwrap().execute("DELETE FROM person WHERE rowid % 2 = 0", []).unwrap();
    assert!(count(&f.db, "person") < people);
    // ...and the backup brings it back.
    let out = ok(&f.db, &["restore", s(&copy)]);
    assert!(out.contains("Restored") && out.contains("before-restore-"), "{out}");
    assert_eq!(count(&f.db, "person"), people);
    let kept: Vec<_> = std::fs::read_dir(f.dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(kept.len(), 1, "the plan that was replaced is kept: {kept:?}");
    assert!(count(&kept[0], "person") < people, "and it is the plan as it was before the restore");
}

#[test]
fn restore_refuses_a_file_that_is_not_a_quarterdeck_plan_and_changes_nothing() {
    let f = filled();
    let people = count(&f.db, "person");
    let notes = f.dir.path().join("notes.db");
    std::fs::write(&notes, "just some text, not a database").unwrap();
    let run = fails(&f.db, &["restore", s(&notes)]);
    assert!(run.stderr.contains("notes.db"), "{}", run.stderr);
    assert_eq!(count(&f.db, "person"), people);
    assert!(!f.dir.path().join("backups").exists(), "nothing was written");
    let run = fails(&f.db, &["backup", s(&f.db)]);
    assert!(run.stderr.contains("plan file itself"), "{}", run.stderr);
}

// quarter, report

/// The sample team planned from 5 Jan 2026, on 20 Feb: Q1 half done, Q4 2025 done.
fn quarter_db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("team.db");
    ok(&db, &["demo", "--seed", "42", "--from", "2026-01-05", "--today", "2026-02-20"]);
    (dir, db)
}

#[test]
fn quarter_prints_goals_balance_counts_budget_and_outcomes() {
    let (_dir, db) = quarter_db();
    let text = ok(&db, &["quarter", "--quarter", "2026Q1", "--today", "2026-02-20"]);
    for part in [
        "Quarter 2026Q1 · Team (2026-01-01 to 2026-03-31)",
        "Goals",
        "6 talks",
        "10 posts",
        "Balance",
        "Engagement",
        "Counts by kind",
        "Outcomes",
        "attendance",
        "Costs count in the quarter the trip starts in",
    ] {
        assert!(text.contains(part), "the quarter should show {part:?}:\n{text}");
    }
    let view = json(&ok(&db, &["quarter", "--quarter", "2026Q1", "--team", "--today", "2026-02-20", "--json"]));
    assert_eq!(view["scope_name"], "Team");
    let lanes: Vec<&str> = view["lanes"].as_array().unwrap().iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(lanes, ["events", "talks", "content", "cfp", "time_off"]);
    for lane in view["lanes"].as_array().unwrap() {
        assert!(!lane["items"].as_array().unwrap().is_empty(), "the sample quarter fills the {} lane", lane["kind"]);
    }
    for g in view["goals"].as_array().unwrap() {
        let (p, c, d) = (g["planned"].as_u64().unwrap(), g["confirmed"].as_u64().unwrap(), g["done"].as_u64().unwrap());
        assert!(p >= c && c >= d, "planned ⊇ confirmed ⊇ done: {g}");
    }
    let shares: f64 =
        view["balance"]["functions"].as_array().unwrap().iter().map(|f| f["percent"].as_f64().unwrap()).sum();
    assert!((shares - 100.0).abs() < 0.5, "the shares make the whole quarter: {shares}");
    assert_eq!(view["balance"]["mix_source"], "the team's");
    assert!(view["budget"]["budget_minor"].as_i64().unwrap() > 0, "the sample team has a budget: {}", view["budget"]);
    assert!(view["impact"]["totals"]["attendance"].as_u64().unwrap() > 0, "outcomes recorded so far count");
    assert!(view["impact"]["awaiting"].as_u64().unwrap() >= 1, "the latest done items wait for their outcome");

    // One person: her own goals; the community manager has her own mix.
    let maya = json(&ok(
        &db,
        &["quarter", "--quarter", "2026Q1", "--person", "Maya Okafor", "--today", "2026-02-20", "--json"],
    ));
    assert_eq!(maya["scope_name"], "Maya Okafor");
    assert!(maya["goals"].as_array().unwrap().iter().all(|g| g["goal"]["person_id"] == maya["person_id"]));
    let liam = json(&ok(
        &db,
        &["quarter", "--quarter", "2026Q1", "--person", "Liam O'Connor", "--today", "2026-02-20", "--json"],
    ));
    assert_eq!(liam["balance"]["mix_source"], "Liam O'Connor's own");

    // The quarter before is done: its goals have done counts and its outcomes are in.
    let past = json(&ok(&db, &["quarter", "--quarter", "2025Q4", "--today", "2026-02-20", "--json"]));
    assert!(past["goals"].as_array().unwrap().iter().any(|g| g["done"].as_u64().unwrap() > 0), "{}", past["goals"]);
    assert!(past["impact"]["rows"].as_array().unwrap().iter().filter(|r| !r["outcome"].is_null()).count() >= 3);
}

#[test]
fn a_quarter_that_does_not_parse_is_refused_before_anything_is_opened() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("none.db");
    let run = fails(&db, &["quarter", "--quarter", "2026Q5"]);
    assert!(run.stderr.contains(r#"--quarter: "2026Q5" is not a quarter"#), "{}", run.stderr);
    let run = fails(&db, &["report", "--quarter", "Q1", "--out", s(&dir.path().join("r.html"))]);
    assert!(run.stderr.contains("--quarter"), "{}", run.stderr);
    assert!(!db.exists(), "a refused command leaves no database behind");
    assert!(!dir.path().join("r.html").exists());
    let (_d, filled) = quarter_db();
    let run = fails(&filled, &["quarter", "--quarter", "2026Q1", "--person", "Nobody"]);
    assert!(run.stderr.contains("Nobody"), "{}", run.stderr);
}

#[test]
fn report_writes_one_self_contained_printable_html_file() {
    let (dir, db) = quarter_db();
    let out = dir.path().join("q1.html");
    let said = ok(&db, &["report", "--quarter", "2026Q1", "--out", s(&out), "--today", "2026-02-20"]);
    assert!(said.contains("q1.html"), "{said}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"), "{}", &html[..60]);
    assert!(html.contains("<svg"), "the report has charts");
    assert!(!html.contains("<script"), "no scripts in a file meant to be mailed and printed");
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing loads from the network");
    assert!(html.contains("@media print"), "it prints");
    for name in ["Maya Okafor", "Liam O&#39;Connor", "6 talks"] {
        assert!(html.contains(name) || html.contains(&name.replace("&#39;", "&#x27;")), "the team report shows {name}");
    }
    let view = json(&ok(&db, &["quarter", "--quarter", "2026Q1", "--today", "2026-02-20", "--json"]));
    let attendance = view["impact"]["totals"]["attendance"].as_u64().unwrap();
    assert!(html.contains(&attendance.to_string()) || html.contains(&thousands(attendance)), "the outcomes are in it");
    // The one-page summary first, the details after it.
    let summary = html.find("<section id=\"summary\"").expect("a summary");
    assert!(summary < html.find("<div class=\"details\">").unwrap());
    assert!(html.find("<div class=\"details\">").unwrap() < html.find("<section id=\"goals\">").unwrap());
    // The team's grid shows each person's level, never their load; the person's own report does.
    let grid = |page: &str| {
        let at = page.find("<table class=\"grid\">").expect("a load grid");
        page[at..at + page[at..].find("</table>").unwrap()].to_string()
    };
    let team_grid = grid(&html);
    assert!(team_grid.contains("Maya Okafor") && !team_grid.contains(" %<"), "no one's load: {team_grid}");
    let person = dir.path().join("maya.html");
    ok(
        &db,
        &["report", "--quarter", "2026Q1", "--person", "Maya Okafor", "--out", s(&person), "--today", "2026-02-20"],
    );
    let own = std::fs::read_to_string(&person).unwrap();
    assert!(own.contains("Maya Okafor"));
    assert!(grid(&own).contains(" %</td>"), "her own load in her own report");
}

#[test]
fn the_report_writes_figures_and_days_as_the_systems_locale_does() {
    let (dir, db) = quarter_db();
    let write = |locale: &str| {
        let out = dir.path().join(format!("{locale}.html"));
        let run = run_output(
            bin()
                .env("QUARTERDECK_LOCALE", locale)
                .arg("--db")
                .arg(&db)
                .args(["report", "--quarter", "2026Q1", "--out", s(&out), "--today", "2026-02-20"])
                .output()
                .unwrap(),
        );
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        std::fs::read_to_string(&out).unwrap()
    };
    let meta = |page: &str| {
        let at = page.find("<p class=\"meta\">").unwrap();
        page[at..at + page[at..].find("</p>").unwrap()].to_string()
    };
    // Amounts with cents: "1,234.50 EUR" in English, "1.234,50 EUR" in German.
    let cents_after = |page: &str, mark: u8| {
        let bytes = page.as_bytes();
        page.match_indices(" EUR")
            .filter(|(i, _)| *i >= 3 && bytes[i - 3] == mark && bytes[i - 2..*i].iter().all(u8::is_ascii_digit))
            .count()
    };

    let en = write("en-US");
    assert!(meta(&en).contains("Jan 1 – Mar 31, 2026"), "{}", meta(&en));
    assert!(cents_after(&en, b'.') > 0 && cents_after(&en, b',') == 0, "amounts as 1,234.50 EUR");
    let de = write("de_DE.UTF-8");
    assert!(meta(&de).contains("1 Jan – 31 Mär 2026"), "{}", meta(&de));
    assert!(meta(&de).contains("generated 20 Feb 2026"), "{}", meta(&de));
    assert!(cents_after(&de, b',') > 0, "amounts as 1.234,50 EUR");
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn a_plan_file_with_a_mix_off_100_percent_is_refused_whole() {
    let f = filled();
    let mut plan = read_json(&f.plan);
    plan["target_mixes"][0]["engagement"] = 90.into();
    let bad = f.dir.path().join("bad-mix.json");
    write_json(&bad, &plan);
    let empty = f.dir.path().join("empty.db");
    let run = fails(&empty, &["import-plan", s(&bad)]);
    assert!(run.stderr.contains("target_mixes[0].mix"), "the error names the record and field: {}", run.stderr);
    assert!(run.stderr.contains("add up to"), "{}", run.stderr);
    assert_eq!(count(&empty, "person"), 0, "nothing is written");
    assert_eq!(count(&empty, "goal"), 0);
}

// ---------------------------------------------------------------------------
// The plan's range of days and amounts: refused on the way in, never a panic

const EXTREME_DAYS: [&str; 6] =
    ["-262143-01-01", "+262142-12-31", "0000-01-01", "9999-12-31", "1899-12-31", "2200-01-01"];

#[test]
fn a_plan_with_a_day_outside_the_range_names_the_field_and_writes_nothing() {
    let f = filled();
    let plan = read_json(&f.plan);
    let first_due = plan["content"].as_array().unwrap().iter().position(|c| !c["due_on"].is_null()).unwrap();
    let first_sent = plan["submissions"].as_array().unwrap().iter().position(|s| !s["submitted_on"].is_null()).unwrap();
    let (due, sent) = (first_due.to_string(), first_sent.to_string());
    let cases: [(&[&str], &str, String); 7] = [
        (&["events", "0", "start_date"], "", "events[0].start_date".into()),
        (&["time_off", "0", "end_date"], "", "time_off[0].end_date".into()),
        (&["content", &due, "due_on"], "", format!("content[{due}].due_on")),
        (&["submissions", &sent, "submitted_on"], "", format!("submissions[{sent}].submitted_on")),
        (&["trips", "0", "segments", "0", "depart_at"], "T08:00:00", "trips[0].segments[0].depart_at".into()),
        (&["trips", "0", "costs", "0", "date"], "", "trips[0].costs[0].date".into()),
        (&["outcomes", "0", "recorded_on"], "", "outcomes[0].recorded_on".into()),
    ];
    let empty = f.dir.path().join("empty.db");
    let bad = f.dir.path().join("bad.json");
    for (path, time, field) in &cases {
        for day in EXTREME_DAYS {
            write_json(&bad, &replaced(&plan, path, format!("{day}{time}").into()));
            let run = fails(&empty, &["import-plan", s(&bad)]);
            assert_eq!(run.code, Some(1), "{field} {day}: a refusal, not a panic: {}", run.stderr);
            assert!(
                run.stderr.contains(&format!("{field}: must be between 1900-01-01 and 2199-12-31")),
                "{field} {day}: {}",
                run.stderr
            );
        }
    }
    for table in ["person", "event", "trip", "outcome"] {
        assert_eq!(count(&empty, table), 0, "nothing of a refused plan is written ({table})");
    }
}

#[test]
fn two_cost_lines_too_large_to_add_up_are_refused_by_field() {
    // Probe 7: two EUR lines of 90,000,000,000,000,000.00 each fit an i64, their sum does not.
    let f = filled();
    let plan = read_json(&f.plan);
    let mut plan = replaced(&plan, &["trips", "0", "costs", "0", "currency"], "EUR".into());
    for i in ["0", "1"] {
        plan = replaced(&plan, &["trips", "0", "costs", i, "currency"], "EUR".into());
        plan = replaced(&plan, &["trips", "0", "costs", i, "planned_minor"], 9_000_000_000_000_000_000_i64.into());
        plan = replaced(&plan, &["trips", "0", "costs", i, "actual_minor"], Value::Null);
    }
    let bad = f.dir.path().join("costly.json");
    write_json(&bad, &plan);
    let empty = f.dir.path().join("empty.db");
    let run = fails(&empty, &["import-plan", s(&bad)]);
    assert!(run.stderr.contains("trips[0].costs[0].planned: is larger than"), "{}", run.stderr);
    assert_eq!(count(&empty, "trip"), 0);
    // A budget has the same cap.
    let budget = replaced(&read_json(&f.plan), &["budgets", "0", "amount_minor"], 10_000_000_000_001_i64.into());
    write_json(&bad, &budget);
    let run = fails(&empty, &["import-plan", s(&bad)]);
    assert!(run.stderr.contains("budgets[0].amount: is larger than"), "{}", run.stderr);
    assert_eq!(count(&empty, "budget"), 0);
    // The largest amount allowed still reports: two of them add up without overflow.
    let mut fine = replaced(&plan, &["trips", "0", "costs", "0", "planned_minor"], 10_000_000_000_000_i64.into());
    fine = replaced(&fine, &["trips", "0", "costs", "1", "planned_minor"], 10_000_000_000_000_i64.into());
    write_json(&bad, &fine);
    ok(&empty, &["import-plan", s(&bad)]);
    for args in [
        &["budget", "--quarter", "2026Q1"][..],
        &["trips"],
        &["quarter", "--quarter", "2026Q1", "--today", "2026-02-16"],
    ] {
        ok(&empty, args);
    }
}

#[test]
fn outcomes_at_the_most_a_count_holds_add_up_past_u32() {
    // Probe 8: every outcome at 10^9 people; a quarter's total passes u32::MAX.
    let f = filled();
    let mut plan = read_json(&f.plan);
    for o in plan["outcomes"].as_array_mut().unwrap() {
        o["attendance"] = 1_000_000_000_u64.into();
    }
    let big = f.dir.path().join("crowds.json");
    write_json(&big, &plan);
    let db = f.dir.path().join("crowds.db");
    ok(&db, &["import-plan", s(&big)]);
    let mut largest = 0;
    for quarter in ["2025Q4", "2026Q1"] {
        let view = json(&ok(&db, &["quarter", "--quarter", quarter, "--today", "2026-04-01", "--json"]));
        let rows = view["impact"]["rows"].as_array().unwrap();
        let expected: u64 = rows.iter().filter_map(|r| r["outcome"]["attendance"].as_u64()).sum();
        assert_eq!(view["impact"]["totals"]["attendance"].as_u64(), Some(expected), "{quarter}");
        largest = largest.max(expected);
    }
    assert!(largest > u64::from(u32::MAX), "the test reaches past a u32: {largest}");
    let report = f.dir.path().join("report.html");
    ok(&db, &["report", "--quarter", "2025Q4", "--today", "2026-04-01", "--out", s(&report)]);
}

#[test]
fn flags_outside_the_range_are_usage_errors_not_panics() {
    let f = filled();
    let ics = f.dir.path().join("one.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n\
         DTSTART:20260302T090000Z\r\nDTEND:20260302T100000Z\r\nSUMMARY:Sync\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let out = f.dir.path().join("out.ics");
    for day in EXTREME_DAYS {
        // `--from=-262143-01-01`: written apart, a leading minus reads as a flag.
        let (from, to, today) = (format!("--from={day}"), format!("--to={day}"), format!("--today={day}"));
        let runs: [Vec<&str>; 8] = [
            vec!["load", &from],
            vec!["demo", &from],
            vec!["demo", &today],
            vec!["quarter", "--quarter", "2026Q1", &today],
            vec!["report", "--quarter", "2026Q1", "--out", s(&out), &today],
            vec!["content", &from],
            vec!["export-ics", "--out", s(&out), &to],
            vec!["occurrences", s(&ics), "--from", "2026-01-01", &to],
        ];
        for args in runs {
            let run = fails(&f.db, &args);
            assert_eq!(run.code, Some(2), "`{}`: a usage error: {}", args.join(" "), run.stderr);
            assert!(run.stderr.contains("must be between 1900-01-01 and 2199-12-31"), "{}", run.stderr);
        }
    }
    let run = fails(&f.db, &["cfps", "--days", "100000000"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    ok(&f.db, &["cfps", "--days", "3660"]);
    // In range, but the sample plan around it would not be: a typed error, not a panic.
    let run = fails(&f.dir.path().join("late.db"), &["demo", "--from", "2199-12-01", "--today", "2199-12-01"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("from: the sample plan would run from"), "{}", run.stderr);
}

#[test]
fn a_plan_stored_before_the_range_was_enforced_never_panics() {
    // Probes 4-7 as an older Quarterdeck could have stored them: an accepted talk's event on
    // chrono's first day, an open CFP's event on its last, a draft due on the first, time off
    // at the end of time, and two cost lines whose sum leaves an i64.
    let f = filled();
    let conn = Connection::open(&f.db).unwrap();
    conn.execute_batch(
        "UPDATE event SET start_date = '-262143-01-01', end_date = '-262143-01-01', cfp_deadline = NULL
           WHERE id = (SELECT event_id FROM submission WHERE status = 'accepted' LIMIT 1);
         UPDATE event SET start_date = '+262142-12-31', end_date = '+262142-12-31',
                          cfp_deadline = '+262142-12-30 23:59:00'
           WHERE id = (SELECT id FROM event WHERE status IN ('considering', 'cfp_open') LIMIT 1);
         UPDATE content SET due_on = '-262143-01-01' WHERE id = (SELECT id FROM content WHERE due_on IS NOT NULL LIMIT 1);
         UPDATE time_off SET start_date = '+262142-12-30', end_date = '+262142-12-31'
           WHERE id = (SELECT id FROM time_off LIMIT 1);",
    )
    .unwrap();
    let folder = f.dir.path().join("calendars");
    let report = f.dir.path().join("report.html");
    let reads: [&[&str]; 9] = [
        &["events"],
        &["load", "--from", "2026-02-16"],
        &["quarter", "--quarter", "2026Q1", "--today", "2026-02-16"],
        &["report", "--quarter", "2026Q1", "--today", "2026-02-16", "--out", s(&report)],
        &["export-ics", "--folder", s(&folder)],
        &["cfps", "--days", "3660"],
        &["content"],
        &["trips"],
        &["budget", "--quarter", "2026Q1"],
    ];
    for args in reads {
        ok(&f.db, args);
    }
    // No year beyond four digits reaches a calendar file.
    for entry in std::fs::read_dir(&folder).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!text.lines().any(|l| l.starts_with("DT") && (l.contains(":-") || l.contains(":+"))), "{text}");
    }
    // Sums too large for an i64 are a typed error naming the trip, never a panic or a wrapped figure.
    conn.execute_batch(
        "UPDATE cost_line SET currency = 'EUR', planned_minor = 9000000000000000000, actual_minor = NULL
           WHERE trip_id = (SELECT trip_id FROM cost_line GROUP BY trip_id HAVING count(*) >= 2 LIMIT 1);",
    )
    .unwrap();
    let run = fails(&f.db, &["trips"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains(".costs: the total is too large to compute"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------
// Commands that only read: never create, migrate or write the plan

/// The plan's bytes and modification time, and whether anything lies beside it.
fn footprint(db: &Path) -> (Vec<u8>, std::time::SystemTime, Vec<String>) {
    let dir = db.parent().unwrap();
    let mut beside: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm") || n.ends_with("-journal"))
        .collect();
    beside.sort();
    (std::fs::read(db).unwrap(), std::fs::metadata(db).unwrap().modified().unwrap(), beside)
}

#[test]
fn a_mistyped_db_for_a_read_says_there_is_no_plan_and_creates_nothing() {
    let dir = TempDir::new().unwrap();
    let typo = dir.path().join("typo/dir/plna.db");
    for verb in [&["people"][..], &["events", "--json"], &["backup", "copy.db"], &["quarter", "--quarter", "2026Q1"]] {
        let run = fails(&typo, verb);
        assert!(run.stderr.contains("there is no plan here"), "{}: {}", verb[0], run.stderr);
    }
    assert!(!dir.path().join("typo").exists(), "no folder and no plan are made");
    // A command that writes still starts a new plan.
    ok(&typo, DEMO);
    assert_eq!(count(&typo, "person"), 6);
}

#[test]
fn commands_that_only_read_leave_the_plan_byte_for_byte_and_nothing_beside_it() {
    let f = filled();
    let before = footprint(&f.db);
    assert!(before.2.is_empty(), "demo leaves no -wal or -shm once closed: {:?}", before.2);
    let copy = f.dir.path().join("copy.db");
    let csv = f.dir.path().join("costs.csv");
    let report = f.dir.path().join("report.html");
    let plan = f.dir.path().join("again.json");
    let verbs: [&[&str]; 12] = [
        &["people"],
        &["events", "--json"],
        &["talks", "--json"],
        &["content", "--json"],
        &["trips", "--json"],
        &["catalog"],
        &["cfps", "--json"],
        &["load", "--from", "2026-01-05", "--weeks", "4", "--json"],
        &["quarter", "--quarter", "2026Q1", "--today", "2026-02-16"],
        &["report", "--quarter", "2026Q1", "--today", "2026-02-16", "--out", s(&report)],
        &["export-costs", "--out", s(&csv)],
        &["export-plan", s(&plan)],
    ];
    for verb in verbs {
        ok(&f.db, verb);
        assert!(footprint(&f.db) == before, "`{}` changed the plan or left a file beside it", verb.join(" "));
    }
    ok(&f.db, &["backup", s(&copy)]);
    assert!(footprint(&f.db) == before, "backup changed the plan");
}

#[test]
fn a_read_of_an_older_plan_says_how_to_upgrade_it_and_leaves_it_alone() {
    let dir = TempDir::new().unwrap();
    let old = dir.path().join("v1.db");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/db/v1.db"), &old).unwrap();
    let before = std::fs::read(&old).unwrap();
    let run = fails(&old, &["people"]);
    assert!(
        run.stderr.contains("schema version 1") && run.stderr.contains("open it once in Quarterdeck"),
        "{}",
        run.stderr
    );
    assert!(std::fs::read(&old).unwrap() == before, "not migrated by a read");
    // A command that writes upgrades it (keeping a copy); then reads work.
    ok(&old, DEMO);
    assert!(!ok(&old, &["people"]).is_empty());
}

/// `quarterdeck --db DB ARGS...` as the unprivileged user `nobody` (the tests run as root in CI,
/// and root may write anything, so a read-only plan is only read-only to another user).
#[cfg(unix)]
fn qd_as_nobody(db: &Path, args: &[&str]) -> Run {
    use std::os::unix::process::CommandExt;
    // The build may sit where only root may enter (a fresh clone in a private temporary folder):
    // `nobody` runs a copy of it from a folder anyone may enter.
    let place = TempDir::new().unwrap();
    chmod(place.path(), 0o755);
    let exe = place.path().join("quarterdeck");
    std::fs::copy(env!("CARGO_BIN_EXE_quarterdeck"), &exe).unwrap();
    chmod(&exe, 0o755);
    // Another test forking while the copy was open for writing holds that descriptor until its exec,
    // and exec then answers "text file busy": wait for it to go, as cargo does for the same race.
    for _ in 0..100 {
        match bin_at(&exe).arg("--db").arg(db).args(args).uid(65534).gid(65534).output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            out => return run_output(out.expect("the binary runs")),
        }
    }
    panic!("the copied binary stayed busy")
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_plan_can_be_read_and_backed_up_and_is_not_left_read_only() {
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: needs root to run the binary as another user");
        return;
    }
    let f = filled();
    chmod(f.dir.path(), 0o777);
    let out = TempDir::new().unwrap();
    chmod(out.path(), 0o777);

    // Probe 24: the file is read-only (0444), its folder writable.
    chmod(&f.db, 0o444);
    let before = footprint(&f.db);
    let people = qd_as_nobody(&f.db, &["people", "--json"]);
    assert!(people.ok, "{}", people.stderr);
    assert_eq!(json(&people.stdout).as_array().unwrap().len(), 6);
    let import = qd_as_nobody(&f.db, &["import-plan", s(&f.plan)]);
    assert!(!import.ok && import.stderr.contains("read-only"), "{}", import.stderr);
    assert!(footprint(&f.db) == before, "nothing written and no read-only -shm left: {:?}", footprint(&f.db).2);

    // Probe 25: the folder is read-only (0555), the file is root's.
    chmod(&f.db, 0o644);
    chmod(f.dir.path(), 0o555);
    let before = footprint(&f.db);
    for verb in [&["people"][..], &["quarter", "--quarter", "2026Q1", "--today", "2026-02-16"]] {
        let run = qd_as_nobody(&f.db, verb);
        assert!(run.ok, "`{}` on a read-only folder: {}", verb.join(" "), run.stderr);
    }
    let copy = out.path().join("copy.db");
    let backup = qd_as_nobody(&f.db, &["backup", s(&copy)]);
    assert!(backup.ok, "{}", backup.stderr);
    assert_eq!(count(&copy, "person"), 6);
    assert!(footprint(&f.db) == before);

    // An older plan that cannot be written cannot be upgraded: both are said.
    chmod(f.dir.path(), 0o777);
    let old = f.dir.path().join("v1.db");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/db/v1.db"), &old).unwrap();
    chmod(&old, 0o444);
    let read = qd_as_nobody(&old, &["people"]);
    assert!(
        !read.ok && read.stderr.contains("schema version 1") && read.stderr.contains("read-only"),
        "{}",
        read.stderr
    );
    let write = qd_as_nobody(&old, DEMO);
    assert!(!write.ok && write.stderr.contains("schema version 1"), "{}", write.stderr);
    assert_eq!(footprint(&old).2, Vec::<String>::new(), "nothing beside it");
    chmod(f.dir.path(), 0o755);
}

#[cfg(unix)]
#[test]
fn backup_onto_the_plan_by_any_spelling_is_refused_and_the_plan_keeps_its_file() {
    use std::os::unix::fs::MetadataExt;
    let f = filled();
    std::fs::create_dir(f.dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(&f.db, f.dir.path().join("link.db")).unwrap();
    let inode = std::fs::metadata(&f.db).unwrap().ino();
    for alias in ["team.db", "sub/../team.db", "link.db"] {
        let run = fails(&f.db, &["backup", s(&f.dir.path().join(alias))]);
        assert!(run.stderr.contains("is the plan file itself"), "{alias}: {}", run.stderr);
    }
    assert_eq!(std::fs::metadata(&f.db).unwrap().ino(), inode, "no copy was renamed over the plan");
    assert_eq!(count(&f.db, "person"), 6);
}

/// The import's line and the Calendars panel (the window's `load_plan`) count the same
/// events: a series once, its changed occurrences apart; what the file held beyond that
/// (older copies, broken VEVENTs) is named in the same sentence.
#[test]
fn an_imports_counts_agree_with_the_calendars_panel() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("counts.db");
    ok(&db, DEMO);
    let people = json(&ok(&db, &["people", "--json"]));
    let who = people[0]["name"].as_str().unwrap().to_string();
    let ics = dir.path().join("work.ics");
    let vevent = |body: &str| format!("BEGIN:VEVENT\r\n{body}END:VEVENT\r\n");
    let text = [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Work\r\n".to_string(),
        vevent("UID:standup\r\nDTSTART:20260105T090000Z\r\nDURATION:PT15M\r\nRRULE:FREQ=WEEKLY;COUNT=8\r\n"),
        vevent("UID:standup\r\nRECURRENCE-ID:20260112T090000Z\r\nDTSTART:20260112T100000Z\r\nDURATION:PT15M\r\n"),
        vevent("UID:standup\r\nRECURRENCE-ID:20260119T090000Z\r\nDTSTART:20260119T110000Z\r\nDURATION:PT15M\r\n"),
        vevent("UID:review\r\nSEQUENCE:0\r\nDTSTART:20260106T090000Z\r\nDURATION:PT1H\r\n"),
        vevent("UID:review\r\nSEQUENCE:1\r\nDTSTART:20260106T100000Z\r\nDURATION:PT1H\r\n"),
        vevent("UID:planning\r\nDTSTART:20260107T090000Z\r\nDURATION:PT1H\r\n"),
        vevent("UID:broken\r\nSUMMARY:No start\r\n"),
        "END:VCALENDAR\r\n".to_string(),
    ]
    .concat();
    std::fs::write(&ics, text).unwrap();
    let out = ok(&db, &["import-ics", s(&ics), "--person", &who]);
    assert!(
        out.contains(
            "7 events read: 3 events (a series counts once), 2 changes to single occurrences, \
             1 older copy skipped, 1 broken event left out (see the warnings); 5 added, 0 updated, 0 unchanged"
        ),
        "{out}"
    );
    let store = quarterdeck::store::Store::open_read_only(&db).unwrap();
    let panel = store.imported_calendars().unwrap();
    assert_eq!(panel.len(), 1);
    assert_eq!((panel[0].calendar.as_str(), panel[0].events, panel[0].changes), ("Work", 3, 2), "as the line says");
}
