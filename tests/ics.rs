//! Calendar files checked against a second, independent implementation:
//! Python's `icalendar` parses them and `recurring-ical-events` expands them
//! (pinned in tests/ics/requirements.txt, installed by scripts/setup.sh
//! --test into target/ics-venv). Each test runs the real `quarterdeck`
//! binary on a database in its own temporary folder.
//!
//! Run: `cd src-tauri && cargo test --features custom-protocol --test ics`

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

/// Dates wide enough for every fixture's occurrences.
const FROM: &str = "1990-01-01";
const TO: &str = "2031-01-01";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn python() -> PathBuf {
    let path = std::env::var_os("QUARTERDECK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/ics-venv/bin/python"));
    assert!(
        path.exists(),
        "the independent iCalendar reader is missing: run scripts/setup.sh --test (or set QUARTERDECK_PYTHON)"
    );
    path
}

fn qd(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .env_remove("QUARTERDECK_DB")
        // The day the tests run on, whatever the machine's clock says.
        .env("QUARTERDECK_NOW", "2026-11-18T12:00:00Z")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("quarterdeck runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = qd(db, args);
    assert!(out.status.success(), "quarterdeck {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// (uid, start, end) of every occurrence Python finds between FROM and TO.
fn python_occurrences(file: &Path) -> Vec<(String, String, String)> {
    let out = Command::new(python())
        .arg(repo().join("tests/ics/occurrences.py"))
        .arg(file)
        .args([FROM, TO])
        .output()
        .expect("python runs");
    assert!(out.status.success(), "Python could not read {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    triples(&String::from_utf8(out.stdout).unwrap())
}

fn our_occurrences(file: &Path) -> Vec<(String, String, String)> {
    let scratch = TempDir::new().unwrap();
    let path = file.to_str().unwrap();
    triples(&ok(&scratch.path().join("x.db"), &["occurrences", path, "--from", FROM, "--to", TO, "--json"]))
}

fn triples(json: &str) -> Vec<(String, String, String)> {
    let list: Vec<Value> = serde_json::from_str(json).unwrap();
    let mut out: Vec<_> = list
        .iter()
        .map(|o| {
            // A VEVENT without a UID gets one made up here; Python says "".
            let uid = o["uid"].as_str().unwrap();
            let uid = if uid.starts_with("no-uid-") { "" } else { uid };
            (uid.to_string(), o["start"].as_str().unwrap().to_string(), o["end"].as_str().unwrap().to_string())
        })
        .collect();
    out.sort();
    out
}

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![repo().join("tests/fixtures/ics")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && path.file_name().is_some_and(|n| n != "bad" && n != "fuzz") {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "ics") {
                out.push(path);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 20, "the real-world fixtures are there");
    out
}

fn demo_person(db: &Path) -> String {
    ok(db, &["demo", "--seed", "42", "--from", "2026-01-05", "--today", "2026-02-16"]);
    let people: Vec<Value> = serde_json::from_str(&ok(db, &["people", "--json"])).unwrap();
    people[0]["name"].as_str().unwrap().to_string()
}

#[test]
fn real_world_files_expand_to_the_same_occurrences_as_recurring_ical_events() {
    let mut differ = Vec::new();
    let mut total = 0;
    for file in fixtures() {
        let (ours, theirs) = (our_occurrences(&file), python_occurrences(&file));
        total += theirs.len();
        if ours != theirs {
            let only_ours: Vec<_> = ours.iter().filter(|o| !theirs.contains(o)).take(3).collect();
            let only_theirs: Vec<_> = theirs.iter().filter(|o| !ours.contains(o)).take(3).collect();
            differ.push(format!("{}: ours only {only_ours:?}, Python only {only_theirs:?}", file.display()));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    assert!(total > 10_000, "{total} occurrences compared");
}

#[test]
fn an_import_then_an_export_of_kind_imported_gives_back_the_same_occurrences() {
    let mut differ = Vec::new();
    for file in fixtures() {
        let scratch = TempDir::new().unwrap();
        let db = scratch.path().join("plan.db");
        let who = demo_person(&db);
        ok(&db, &["import-ics", file.to_str().unwrap(), "--person", &who]);
        let out = scratch.path().join("back.ics");
        ok(&db, &["export-ics", "--out", out.to_str().unwrap(), "--kind", "imported", "--person", &who]);
        // UIDs of VEVENTs that had none are made up on import, so compare times.
        rfc_times(&std::fs::read_to_string(&out).unwrap().replace("\r\n ", ""), &file);
        let times = |v: Vec<(String, String, String)>| v.into_iter().map(|(_, s, e)| (s, e)).collect::<Vec<_>>();
        if times(python_occurrences(&file)) != times(python_occurrences(&out)) {
            differ.push(file.display().to_string());
        }
    }
    assert!(differ.is_empty(), "occurrences changed on the way through: {differ:?}");
}

#[test]
fn re_importing_a_file_updates_by_uid_and_never_duplicates() {
    let scratch = TempDir::new().unwrap();
    let db = scratch.path().join("plan.db");
    let who = demo_person(&db);
    let file = repo().join("tests/fixtures/ics/python-recurring-ical-events/three_events_one_edited.ics");
    let first = ok(&db, &["import-ics", file.to_str().unwrap(), "--person", &who]);
    let again = ok(&db, &["import-ics", file.to_str().unwrap(), "--person", &who]);
    assert!(first.contains(" 0 updated, 0 unchanged"), "{first}");
    assert!(again.contains(" 0 added, 0 updated,"), "{again}");
    let out = scratch.path().join("back.ics");
    ok(&db, &["export-ics", "--out", out.to_str().unwrap(), "--kind", "imported"]);
    assert_eq!(python_occurrences(&out).len(), python_occurrences(&file).len());
}

/// Every kind of the demo plan, one file each and all in one, for the team
/// and for one person: Python reads each, and expands it to what we do.
#[test]
fn plan_exports_parse_in_python_and_expand_the_same() {
    let scratch = TempDir::new().unwrap();
    let db = scratch.path().join("plan.db");
    let who = demo_person(&db);
    let folder = scratch.path().join("calendars");
    ok(&db, &["export-ics", "--folder", folder.to_str().unwrap()]);
    let all = scratch.path().join("all.ics");
    ok(&db, &["export-ics", "--out", all.to_str().unwrap(), "--person", &who, "--cfp-alarms", "14d,2h"]);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), 6, "a file per kind");
    files.push(all.clone());
    let mut seen_kinds = BTreeSet::new();
    for file in &files {
        let check = Command::new(python())
            .arg(repo().join("tests/ics/occurrences.py"))
            .arg("--check")
            .arg(file)
            .output()
            .unwrap();
        assert!(check.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&check.stderr));
        assert_eq!(our_occurrences(file), python_occurrences(file), "{}", file.display());
        let text = std::fs::read_to_string(file).unwrap();
        well_formed(&text, file);
        for line in text.lines().filter(|l| l.starts_with("UID:")) {
            seen_kinds.insert(line.trim_start_matches("UID:").split('-').next().unwrap().to_string());
        }
    }
    for kind in ["event", "trip", "leg", "cfp", "talk", "content"] {
        assert!(seen_kinds.contains(kind), "{kind} items exported: {seen_kinds:?}");
    }
    let all = std::fs::read_to_string(&all).unwrap();
    assert!(all.contains(&format!("X-WR-CALNAME:Quarterdeck — {who} — Everything\r\n")));
    // The team's CFPs that still need acting on carry the reminders asked for.
    let cfps = scratch.path().join("cfps.ics");
    ok(&db, &["export-ics", "--out", cfps.to_str().unwrap(), "--kind", "cfp", "--cfp-alarms", "14d,2h"]);
    let cfps = std::fs::read_to_string(&cfps).unwrap();
    assert!(cfps.contains("TRIGGER:-P14D\r\n") && cfps.contains("TRIGGER:-PT2H\r\n"), "CFP reminders as asked");
}

/// CRLF, 75-octet lines, one VTIMEZONE per TZID used, DTSTAMP and SEQUENCE
/// on every event, stable UIDs unique in the file, and `rfc_times`.
fn well_formed(text: &str, file: &Path) {
    assert!(!text.replace("\r\n", "").contains('\n'), "{}: bare LF", file.display());
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{}: {} octets: {line:?}", file.display(), line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    let mut defined = BTreeMap::new();
    let mut used = BTreeSet::new();
    let mut in_zone = false;
    for line in unfolded.split("\r\n") {
        match line {
            "BEGIN:VTIMEZONE" => in_zone = true,
            "END:VTIMEZONE" => in_zone = false,
            l if in_zone && l.starts_with("TZID:") => *defined.entry(l[5..].to_string()).or_insert(0) += 1,
            l => {
                if let Some(i) = l.find(";TZID=") {
                    let rest = &l[i + 6..];
                    used.insert(rest[..rest.find([':', ';']).unwrap()].to_string());
                }
            }
        }
    }
    assert!(defined.values().all(|n| *n == 1), "{}: a zone defined twice", file.display());
    assert_eq!(defined.keys().cloned().collect::<BTreeSet<_>>(), used, "{}: zones used and defined", file.display());
    let events = unfolded.matches("BEGIN:VEVENT").count();
    assert_eq!(unfolded.matches("\r\nDTSTAMP:").count(), events);
    assert_eq!(unfolded.matches("\r\nSEQUENCE:").count(), events);
    rfc_times(&unfolded, file);
    let uids: Vec<&str> = unfolded.split("\r\n").filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.iter().collect::<BTreeSet<_>>().len(), uids.len(), "{}: UIDs unique", file.display());
}

/// In every VEVENT of an unfolded export, whatever the file read in had: DTEND
/// later than DTSTART (RFC 5545 3.6.1) and UNTIL of DTSTART's kind (3.3.10).
fn rfc_times(unfolded: &str, file: &Path) {
    for block in unfolded.split("BEGIN:VEVENT").skip(1) {
        let line = |name: &str| block.split("\r\n").find(|l| l.starts_with(name)).map(|l| l[name.len()..].to_string());
        let start = line("DTSTART").unwrap();
        assert_ne!(line("DTEND").as_deref(), Some(start.as_str()), "{}: DTEND equals DTSTART", file.display());
        let start_value = start.rsplit(':').next().unwrap();
        for rule in block.split("\r\n").filter(|l| l.starts_with("RRULE:")) {
            if let Some(until) =
                rule.split(';').find_map(|p| p.strip_prefix("UNTIL=").or(p.strip_prefix("RRULE:UNTIL=")))
            {
                let kind = |v: &str| (v.len() == 8, v.ends_with('Z'));
                let expected = if start.contains(";TZID=") { (false, true) } else { kind(start_value) };
                assert_eq!(kind(until), expected, "{}: {rule} with DTSTART{start}", file.display());
            }
        }
    }
}

#[test]
fn bad_files_are_refused_naming_the_line_and_nothing_is_imported() {
    let scratch = TempDir::new().unwrap();
    let db = scratch.path().join("plan.db");
    let who = demo_person(&db);
    let bad = scratch.path().join("bad.ics");
    let good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let cases = [
        (good.replace("END:VEVENT\r\n", ""), "line 6, END: END:VCALENDAR closes VEVENT (line 3)"),
        (good.replace("DTSTART:20260105T090000Z", "DTSTART:20260135T090000Z"), "line 5, DTSTART"),
        (good.replace("UID:a\r\n", "UID:a\r\nSUMMARY no colon\r\n"), "line 5: has no ':'"),
        (
            good.replace("DTSTART:20260105T090000Z", "DTSTART;TZID=Nowhere/Special:20260105T090000"),
            "line 5, DTSTART: unknown TZID \"Nowhere/Special\"",
        ),
    ];
    for (text, expected) in cases {
        std::fs::write(&bad, text).unwrap();
        let out = qd(&db, &["import-ics", bad.to_str().unwrap(), "--person", &who]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(expected), "expected {expected:?}, got {err}");
    }
    let bad_fixture = repo().join("tests/fixtures/ics/bad/issue_348_exception_parsing_value.ics");
    let out = qd(&db, &["import-ics", bad_fixture.to_str().unwrap(), "--person", &who]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 8: ORGANIZER: has no ':' before its value"));
    let back = scratch.path().join("back.ics");
    ok(&db, &["export-ics", "--out", back.to_str().unwrap(), "--kind", "imported"]);
    assert_eq!(std::fs::read_to_string(&back).unwrap().matches("BEGIN:VEVENT").count(), 0, "nothing imported");
}

#[test]
fn imported_meetings_count_in_the_load() {
    let scratch = TempDir::new().unwrap();
    let db = scratch.path().join("plan.db");
    let who = demo_person(&db);
    let load = |db: &Path| -> f64 {
        let v: Value = serde_json::from_str(&ok(
            db,
            &["load", "--person", &who, "--from", "2026-03-02", "--weeks", "1", "--json"],
        ))
        .unwrap();
        v[0]["weeks"][0]["planned"]["meetings"].as_f64().unwrap()
    };
    let before = load(&db);
    let file = scratch.path().join("meetings.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:weekly@example.com\r\nSUMMARY:Team sync\r\n\
         DTSTART;TZID=Europe/Berlin:20260202T100000\r\nDTEND;TZID=Europe/Berlin:20260202T120000\r\n\
         RRULE:FREQ=DAILY;BYDAY=MO,TU,WE;COUNT=30\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    ok(&db, &["import-ics", file.to_str().unwrap(), "--person", &who]);
    assert_eq!(load(&db) - before, 6.0, "three 2-hour meetings in the week of 2 March");
}
