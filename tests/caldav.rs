//! The plan published to a real CalDAV server, through the command line:
//! Radicale on loopback (tests/caldav/radicale.rs), and Python's `caldav`
//! client with `icalendar` as the independent judge of what the server holds.

#[path = "caldav/radicale.rs"]
mod radicale;
#[path = "caldav/xandikos.rs"]
mod xandikos;

use std::path::Path;
use std::process::{Command, Output};

use quarterdeck::store::Store;
use radicale::Radicale;
use serde_json::Value;

const NOW: &str = "2026-11-18T12:00:00Z";

fn qd(db: &Path, args: &[&str], password: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quarterdeck"));
    cmd.env("QUARTERDECK_NOW", NOW).env_remove("QUARTERDECK_CALDAV_PASSWORD");
    if let Some(p) = password {
        cmd.env("QUARTERDECK_CALDAV_PASSWORD", p);
    }
    cmd.arg("--db").arg(db).args(args).output().unwrap()
}

fn ok(db: &Path, args: &[&str]) -> Value {
    let out = qd(db, args, Some("alice-secret"));
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn failed(db: &Path, args: &[&str], password: Option<&str>) -> String {
    let out = qd(db, args, password);
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

/// The sample team's plan, with alice being Maya Okafor.
fn plan(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("plan.db");
    let out = qd(&db, &["demo", "--today", "2026-11-18"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

/// Every item on the server, per calendar, as `caldav` + `icalendar` read it:
/// `{calendar href: {UID: SUMMARY}}`.
const ITEMS: &str = r#"
import json, sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
out = {}
for cal in client.principal().calendars():
    items = {}
    # A calendar-query REPORT: what the calendar holds now.
    for obj in cal.events():
        for event in obj.icalendar_instance.walk("VEVENT"):
            items[str(event["UID"])] = str(event["SUMMARY"])
    out[cal.url.path] = items
print(json.dumps(out))
"#;

fn on_server(server: &Radicale) -> serde_json::Map<String, Value> {
    let text = server.python_client(ITEMS, &[&server.url(), "alice", "alice-secret"]);
    serde_json::from_str::<Value>(&text).unwrap().as_object().unwrap().clone()
}

fn count(items: &serde_json::Map<String, Value>) -> usize {
    items.values().map(|c| c.as_object().unwrap().len()).sum()
}

/// What `export-ics` writes for Maya, per kind: the same items the server must hold.
fn exported(db: &Path, dir: &Path) -> usize {
    let folder = dir.join("ics");
    let out = qd(db, &["export-ics", "--folder", folder.to_str().unwrap(), "--person", "Maya Okafor"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_dir(&folder)
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .filter(|text| !text.contains("X-WR-CALNAME:Quarterdeck — Maya Okafor — Imported"))
        .map(|text| text.matches("BEGIN:VEVENT").count())
        .sum()
}

#[test]
fn connect_makes_a_calendar_per_kind_and_sync_publishes_the_plan_that_another_client_reads() {
    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    let connected = ok(&db, &["connect", &server.url(), "--user", "alice", "--me", "Maya Okafor", "--json"]);
    assert_eq!(connected["principal"], "/alice/");
    let made: Vec<&str> = connected["calendars"].as_array().unwrap().iter().map(|c| c[1].as_str().unwrap()).collect();
    assert_eq!(
        made,
        [
            "/alice/quarterdeck-events/",
            "/alice/quarterdeck-trips/",
            "/alice/quarterdeck-cfp/",
            "/alice/quarterdeck-talks/",
            "/alice/quarterdeck-content/"
        ]
    );

    let first = ok(&db, &["sync", "--json"]);
    let expected = exported(&db, dir.path());
    assert!(expected > 10, "Maya's plan has items: {expected}");
    assert_eq!(first["created"], expected as u64, "{first}");
    assert_eq!(first["conflicts"], serde_json::json!([]));
    let held = on_server(&server);
    assert_eq!(held.len(), 5, "{held:?}");
    assert_eq!(count(&held), expected, "the other client reads every item");

    let again = ok(&db, &["sync", "--json"]);
    assert_eq!(
        (again["created"].as_u64(), again["updated"].as_u64(), again["deleted"].as_u64()),
        (Some(0), Some(0), Some(0))
    );
    assert_eq!(again["unchanged"], expected as u64);

    let listed = ok(&db, &["calendars", "--json"]);
    let ours = listed.as_array().unwrap().iter().filter(|c| !c["publishes"].is_null()).count();
    assert_eq!(ours, 5, "{listed}");
}

/// Renames Maya's first event as the window would; its calendar UID and new name.
fn rename_an_event(db: &Path) -> (String, String) {
    let mut store = Store::open(db).unwrap();
    let maya = store.person_by_name("Maya Okafor").unwrap().id;
    let goes: Vec<_> = store.participations().unwrap().into_iter().filter(|p| p.person_id == maya).collect();
    let event = store.events().unwrap().into_iter().find(|e| goes.iter().any(|p| p.event_id == e.id)).unwrap();
    let mut input = store.event_input(event.id).unwrap();
    input.name = format!("{} (renamed)", event.name);
    store.save_event(&input).unwrap();
    (format!("event-{}@quarterdeck.app", event.id), input.name)
}

#[test]
fn an_edit_and_a_delete_reach_the_server_after_one_sync() {
    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    ok(&db, &["connect", &server.url(), "--user", "alice", "--me", "Maya Okafor", "--json"]);
    ok(&db, &["sync", "--json"]);
    let before = count(&on_server(&server));

    let (uid, new) = rename_an_event(&db);
    let report = ok(&db, &["sync", "--json"]);
    assert!(report["updated"].as_u64().unwrap() >= 1, "{report}");
    assert_eq!(report["created"], 0);
    let held = on_server(&server);
    let events = held["/alice/quarterdeck-events/"].as_object().unwrap();
    assert_eq!(events[&uid].as_str().unwrap(), new, "{events:?}");
    assert_eq!(count(&held), before);

    // Maya's talks: deleting one takes it (and what it implies) off the server.
    let mut store = Store::open(&db).unwrap();
    let maya = store.person_by_name("Maya Okafor").unwrap().id;
    let talk = store.talks().unwrap().into_iter().find(|t| t.owner_id == Some(maya)).expect("Maya owns a talk");
    let rows = store.delete_talk(talk.id).unwrap();
    drop(store);
    let report = ok(&db, &["sync", "--json"]);
    let deleted = report["deleted"].as_u64().unwrap();
    assert!(deleted >= 1, "the talk was on the server: {report}");
    let after_delete = count(&on_server(&server));
    assert_eq!(after_delete, exported(&db, dir.path()), "the server holds what the plan exports");

    // And an undo brings it back after the next sync.
    let mut store = Store::open(&db).unwrap();
    store.restore(&rows).unwrap();
    drop(store);
    let report = ok(&db, &["sync", "--json"]);
    assert_eq!(report["created"].as_u64().unwrap(), deleted, "{report}");
    assert_eq!(count(&on_server(&server)), after_delete + deleted as usize);
}

/// The items the server keeps on disk: one file per resource.
fn stored(server: &Radicale) -> usize {
    fn walk(dir: &Path) -> usize {
        std::fs::read_dir(dir).map_or(0, |entries| {
            entries
                .flatten()
                .map(|e| {
                    let path = e.path();
                    // Radicale's own caches (.Radicale.cache) name files after the items too.
                    if e.file_name().to_string_lossy().starts_with('.') {
                        0
                    } else if path.is_dir() {
                        walk(&path)
                    } else {
                        usize::from(path.extension().is_some_and(|x| x == "ics"))
                    }
                })
                .sum()
        })
    }
    walk(&server.dir.path().join("collections"))
}

#[test]
fn a_sync_cut_off_by_the_server_stopping_midway_resumes_with_nothing_lost_or_doubled() {
    let mut server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    ok(&db, &["connect", &server.url(), "--user", "alice", "--me", "Maya Okafor", "--json"]);
    let total = exported(&db, dir.path());

    // The first sync runs while the server is stopped after its first few items.
    let mut sync = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .env("QUARTERDECK_NOW", NOW)
        .env("QUARTERDECK_CALDAV_PASSWORD", "alice-secret")
        .arg("--db")
        .arg(&db)
        .arg("sync")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while stored(&server) < 3 {
        assert!(sync.try_wait().unwrap().is_none(), "the sync ended before the server could be stopped");
        assert!(std::time::Instant::now() < deadline, "the sync wrote nothing");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    server.stop();
    let out = sync.wait_with_output().unwrap();
    assert!(!out.status.success(), "the sync cannot finish without its server");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be reached") || err.contains("connection"), "{err}");
    let cut = stored(&server);
    assert!(cut < total, "cut off midway: {cut} of {total} items were on the server");

    // Meanwhile the plan changes; then the server is back.
    let (uid, new) = rename_an_event(&db);
    server.restart();
    let report = ok(&db, &["sync", "--json"]);
    assert!(report["conflicts"].as_array().unwrap().is_empty(), "{report}");
    let held = on_server(&server);
    assert_eq!(count(&held), total, "every item there once: {report}");
    assert_eq!(stored(&server), total, "no item stored twice");
    let events = held["/alice/quarterdeck-events/"].as_object().unwrap();
    assert_eq!(events[&uid].as_str().unwrap(), new);
    let again = ok(&db, &["sync", "--json"]);
    assert_eq!((again["created"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)), "{again}");
}

#[test]
fn edits_made_while_the_server_is_down_go_out_when_it_is_back_with_nothing_lost_or_doubled() {
    let mut server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    ok(&db, &["connect", &server.url(), "--user", "alice", "--me", "Maya Okafor", "--json"]);
    ok(&db, &["sync", "--json"]);

    server.stop();
    let (uid, new) = rename_an_event(&db);
    let err = failed(&db, &["sync"], Some("alice-secret"));
    assert!(err.contains("cannot be reached"), "{err}");

    server.restart();
    let report = ok(&db, &["sync", "--json"]);
    assert!(report["updated"].as_u64().unwrap() >= 1, "{report}");
    let held = on_server(&server);
    assert_eq!(count(&held), exported(&db, dir.path()), "nothing lost, nothing doubled");
    let events = held["/alice/quarterdeck-events/"].as_object().unwrap();
    assert_eq!(events[&uid].as_str().unwrap(), new);
}

/// Another calendar app editing one of the published items, as a phone does:
/// a new title (when given), the days moved by some, LAST-MODIFIED set. Prints
/// the item as the server then holds it.
const EDIT_ITEM: &str = r#"
import sys, datetime, caldav
url, user, password, uid, title, shift, modified = sys.argv[1:8]
client = caldav.DAVClient(url=url, username=user, password=password)
cal = [c for c in client.principal().calendars() if c.url.path.rstrip("/").endswith("/quarterdeck-events")][0]
obj = cal.event_by_uid(uid)
ical = obj.icalendar_instance
for event in ical.walk("VEVENT"):
    if title:
        event["SUMMARY"] = title
    days = datetime.timedelta(days=int(shift))
    for key in ("DTSTART", "DTEND"):
        moved = event.decoded(key) + days
        del event[key]
        event.add(key, moved)
    del event["LAST-MODIFIED"]
    event.add("LAST-MODIFIED", datetime.datetime.strptime(modified, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc))
obj.icalendar_instance = ical
obj.save()
"#;

/// The item `uid` in the published events calendar: `[SUMMARY, DTSTART, DESCRIPTION]`.
const READ_ITEM: &str = r#"
import sys, json, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
cal = [c for c in client.principal().calendars() if c.url.path.rstrip("/").endswith("/quarterdeck-events")][0]
event = cal.event_by_uid(sys.argv[4]).icalendar_instance.walk("VEVENT")[0]
print(json.dumps([str(event["SUMMARY"]), event.decoded("DTSTART").isoformat(), str(event.get("DESCRIPTION", ""))]))
"#;

/// Maya's events as the plan holds them: `(name, first day)` by calendar UID.
fn events_of_maya(db: &Path) -> Vec<(String, String, chrono::NaiveDate)> {
    let store = Store::open(db).unwrap();
    let maya = store.person_by_name("Maya Okafor").unwrap().id;
    let goes: Vec<_> = store.participations().unwrap().into_iter().filter(|p| p.person_id == maya).collect();
    store
        .events()
        .unwrap()
        .into_iter()
        .filter(|e| goes.iter().any(|p| p.event_id == e.id))
        .map(|e| (format!("event-{}@quarterdeck.app", e.id), e.name, e.start_date))
        .collect()
}

#[test]
fn an_event_moved_in_another_calendar_app_moves_in_the_plan_and_the_later_title_wins() {
    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    let who = [server.url(), "alice".to_string(), "alice-secret".to_string()];
    ok(&db, &["connect", &server.url(), "--user", "alice", "--me", "Maya Okafor", "--json"]);
    ok(&db, &["sync", "--json"]);
    let events = events_of_maya(&db);
    let (uid, name, first) = events[0].clone();
    let held: (String, String, String) =
        serde_json::from_str(&server.python_client(READ_ITEM, &[&who[0], &who[1], &who[2], &uid])).unwrap();
    let description = held.2;

    // The phone drags the event a day later; the plan did not touch it.
    server.python_client(EDIT_ITEM, &[&who[0], &who[1], &who[2], &uid, "", "1", "20261118T130000Z"]);
    let out = qd(&db, &["sync", "--json"], Some("alice-secret"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let edits = report["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 1, "{report}");
    let note = edits[0].as_str().unwrap();
    assert!(note.starts_with(&format!("{name}: time changed in another calendar app from ")), "{note}");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains(note), "the log says so: {log}");
    let moved = events_of_maya(&db).into_iter().find(|e| e.0 == uid).unwrap();
    assert_eq!((moved.1.as_str(), moved.2), (name.as_str(), first + chrono::Days::new(1)), "moved, its name kept");
    // The server holds the plan's whole item again, at the new day, with what the phone does not show.
    let held: (String, String, String) =
        serde_json::from_str(&server.python_client(READ_ITEM, &[&who[0], &who[1], &who[2], &uid])).unwrap();
    assert_eq!(
        (held.0.as_str(), held.1.as_str(), held.2.as_str()),
        (name.as_str(), &*moved.2.to_string(), &*description)
    );
    let again = ok(&db, &["sync", "--json"]);
    assert!(again["edits"].as_array().unwrap().is_empty(), "merged once: {again}");
    assert_eq!(again["updated"], 0, "{again}");

    // Both sides rename the same event: the later change wins, and the notes say what it replaced.
    let (uid, ours) = rename_an_event(&db);
    server.python_client(EDIT_ITEM, &[&who[0], &who[1], &who[2], &uid, "JSConf (phone)", "0", "20991231T000000Z"]);
    let report = ok(&db, &["sync", "--json"]);
    let note = report["edits"][0].as_str().unwrap();
    assert!(note.contains("the other app's change is later and wins: “JSConf (phone)” replaces"), "{note}");
    let named = events_of_maya(&db).into_iter().find(|e| e.0 == uid).unwrap().1;
    assert_eq!(named, "JSConf (phone)");
    assert_ne!(named, ours);

    // An older change from the other app loses to the plan's, and goes back to the plan's on the server.
    let (uid, ours) = rename_an_event(&db);
    server.python_client(EDIT_ITEM, &[&who[0], &who[1], &who[2], &uid, "Old title", "0", "20000101T000000Z"]);
    let report = ok(&db, &["sync", "--json"]);
    let note = report["edits"][0].as_str().unwrap();
    assert!(note.contains("the change here is later and stays"), "{note}");
    let held: (String, String, String) =
        serde_json::from_str(&server.python_client(READ_ITEM, &[&who[0], &who[1], &who[2], &uid])).unwrap();
    assert_eq!(held.0, ours);
    assert_eq!(count(&on_server(&server)), exported(&db, dir.path()), "nothing lost, nothing doubled");
}

/// Xandikos sends no data inside sync reports and answers 412 for a stale
/// token: the same publish, merge and resume work there.
#[test]
fn against_a_second_server_the_plan_publishes_and_an_edit_there_is_merged() {
    let server = xandikos::Xandikos::start();
    let url = server.url();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    ok(&db, &["connect", &url, "--user", "user", "--me", "Maya Okafor", "--json"]);
    let first = ok(&db, &["sync", "--json"]);
    let total = exported(&db, dir.path()) as u64;
    assert_eq!(first["created"].as_u64(), Some(total), "{first}");

    let (uid, name, day) = events_of_maya(&db)[0].clone();
    let client = |script: &str, args: &[&str]| {
        let out = Command::new(radicale::python())
            .arg("-c")
            .arg(script)
            .args([url.as_str(), "user", "x"])
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    client(EDIT_ITEM, &[&uid, "", "2", "20261118T130000Z"]);
    let report = ok(&db, &["sync", "--json"]);
    assert_eq!(report["edits"].as_array().unwrap().len(), 1, "{report}");
    let moved = events_of_maya(&db).into_iter().find(|e| e.0 == uid).unwrap();
    assert_eq!((moved.1, moved.2), (name, day + chrono::Days::new(2)));

    // A token Xandikos no longer knows: a full listing, and nothing taken for an edit.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE published_calendar SET sync_token = 'http://xandikos/ns/stale'", []).unwrap();
    drop(conn);
    let again = ok(&db, &["sync", "--json"]);
    assert!(again["edits"].as_array().unwrap().is_empty(), "{again}");
    assert_eq!((again["created"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)), "{again}");
}

#[test]
fn connect_refuses_clearly_and_remembers_nothing() {
    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    let args = ["connect", &server.url(), "--user", "alice", "--me", "Maya Okafor"];
    let err = failed(&db, &args, Some("wrong"));
    assert!(err.contains("password: the server refused the user name or password"), "{err}");
    let err = failed(&db, &args, None);
    assert!(err.contains("QUARTERDECK_CALDAV_PASSWORD"), "{err}");
    let err = failed(&db, &["connect", "http://dav.example.org/", "--user", "alice", "--me", "Maya Okafor"], Some("x"));
    assert!(err.contains("server_url:") && err.contains("not encrypted"), "{err}");
    let err = failed(&db, &["connect", &server.url(), "--user", "alice", "--me", "Nobody"], Some("alice-secret"));
    assert!(err.contains("me: no one is named \"Nobody\""), "{err}");
    let closed = format!("http://127.0.0.1:{}/", radicale::free_port());
    let err = failed(&db, &["connect", &closed, "--user", "alice", "--me", "Maya Okafor"], Some("alice-secret"));
    assert!(err.contains("cannot be reached"), "{err}");

    assert!(Store::open(&db).unwrap().calendar_account().unwrap().is_none(), "nothing half-configured");
    let err = failed(&db, &["sync"], Some("alice-secret"));
    assert!(err.contains("no calendar server is connected"), "{err}");
}

/// Alice's own work calendar, as her other calendar app makes it, with one meeting.
const ADD_MEETING: &str = r#"
import sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
principal = client.principal()
cals = [c for c in principal.calendars() if c.url.path.rstrip("/").endswith("/work")]
cal = cals[0] if cals else principal.make_calendar(name="Work", cal_id="work")
cal.save_event("""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Someone else's calendar//EN
BEGIN:VEVENT
UID:%s
DTSTAMP:20261110T090000Z
DTSTART:20261119T100000Z
DTEND:20261119T120000Z
SUMMARY:Quarterly planning
END:VEVENT
END:VCALENDAR
""" % sys.argv[4])
"#;

const DELETE_MEETING: &str = r#"
import sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
cal = [c for c in client.principal().calendars() if c.url.path.rstrip("/").endswith("/work")][0]
cal.event_by_uid(sys.argv[4]).delete()
"#;

/// A day out of the office in Alice's work calendar, all day on Friday 20 November.
const ADD_DAY_AWAY: &str = r#"
import sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
cal = [c for c in client.principal().calendars() if c.url.path.rstrip("/").endswith("/work")][0]
cal.save_event("""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Someone else's calendar//EN
BEGIN:VEVENT
UID:away-1
DTSTAMP:20261110T090000Z
DTSTART;VALUE=DATE:20261120
DTEND;VALUE=DATE:20261121
SUMMARY:Dentist and a long weekend
END:VEVENT
END:VCALENDAR
""")
"#;

fn week(db: &Path) -> Value {
    let load = ok(db, &["load", "--person", "Maya Okafor", "--from", "2026-11-16", "--weeks", "1", "--json"]);
    load[0]["weeks"][0].clone()
}

fn meetings(db: &Path) -> f64 {
    week(db)["planned"]["meetings"].as_f64().unwrap()
}

#[test]
fn a_calendar_chosen_as_busy_time_feeds_the_load_and_its_deleted_meeting_leaves_it() {
    let server = Radicale::start();
    let dir = tempfile::tempdir().unwrap();
    let db = plan(dir.path());
    let who = [server.url(), "alice".to_string(), "alice-secret".to_string()];
    ok(&db, &["connect", &server.url(), "--user", "alice", "--me", "Maya Okafor", "--json"]);
    server.python_client(ADD_MEETING, &[&who[0], &who[1], &who[2], "planning-1"]);
    let before = meetings(&db);

    let listed = ok(&db, &["calendars", "--json"]);
    let work = listed.as_array().unwrap().iter().find(|c| c["name"] == "Work").expect("the work calendar is listed");
    assert!(work["counts_as"].is_null(), "{work}");
    let href = work["href"].as_str().unwrap().to_string();
    let out = qd(&db, &["calendars", "--use", &href, "--counts-as", "busy"], Some("alice-secret"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let first = ok(&db, &["sync", "--json"]);
    assert_eq!(first["pulled"]["added"], 1, "{first}");
    assert_eq!(meetings(&db), before + 2.0, "the two-hour meeting is in Maya's week");
    let again = ok(&db, &["sync", "--json"]);
    assert_eq!(again["pulled"]["added"], 0, "nothing read twice: {again}");

    server.python_client(DELETE_MEETING, &[&who[0], &who[1], &who[2], "planning-1"]);
    let after = ok(&db, &["sync", "--json"]);
    assert_eq!(after["pulled"]["removed"], 1, "{after}");
    assert_eq!(meetings(&db), before, "deleted on the server, gone from the load");

    // A token the server no longer knows: the next read lists everything and diffs.
    server.python_client(ADD_MEETING, &[&who[0], &who[1], &who[2], "planning-2"]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE busy_calendar SET sync_token = 'http://radicale.org/ns/sync/expired'", []).unwrap();
    drop(conn);
    let recovered = ok(&db, &["sync", "--json"]);
    assert_eq!(recovered["pulled"]["added"], 1, "{recovered}");
    assert_eq!(meetings(&db), before + 2.0);

    let out = qd(&db, &["calendars", "--use", &href, "--counts-as", "ignore"], Some("alice-secret"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(meetings(&db), before, "ignored, its meetings leave the load");

    // The same calendar as out of office: its all-day absence is a day off, not meetings.
    server.python_client(ADD_DAY_AWAY, &[&who[0], &who[1], &who[2]]);
    let available = week(&db)["available_hours"].as_f64().unwrap();
    let out = qd(&db, &["calendars", "--use", &href, "--counts-as", "out-of-office"], Some("alice-secret"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = ok(&db, &["calendars", "--json"]);
    let work = listed.as_array().unwrap().iter().find(|c| c["name"] == "Work").unwrap();
    assert_eq!(work["counts_as"], "out_of_office");
    ok(&db, &["sync", "--json"]);
    let away = week(&db);
    let day = available / 5.0;
    assert_eq!(away["available_hours"].as_f64().unwrap(), available - day, "Friday is off: {away}");
    assert_eq!(away["planned"]["meetings"].as_f64().unwrap(), before + 2.0, "the two-hour meeting is still busy time");
}
