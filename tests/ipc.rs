//! The window is not trusted: every IPC command gets malformed payloads (wrong
//! types, missing and extra arguments, huge strings, bad and unknown ids,
//! SQL-looking text, out-of-range numbers) through Tauri's own IPC path on the
//! mock runtime, with the app's real configuration and capability. Each must
//! answer: a value, a typed `{code, message, field}` error, or Tauri's refusal
//! of an argument it cannot read (which names the argument). Never a panic,
//! never a bare database error, and the plan file stays sound.
//!
//! Run: `cd src-tauri && cargo test --features custom-protocol --test ipc`

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use common::replaced;
use quarterdeck::app::chooser::{Ask, Chooser};
use quarterdeck::app::surface::{self, Arg};
use quarterdeck::demo::{self, DemoOptions};
use quarterdeck::store::Store;
use serde_json::{Map, Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody, InvokeResponseBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::{InvokeRequest, WebviewWindow};

/// The codes `Error::code` can give; anything else is not a typed error.
/// `network`: a web source out of reach (Update catalog), named so that the person can get online or fix it.
const CODES: &[&str] = &["invalid", "not_found", "ambiguous", "unsupported_format", "file", "busy", "network"];

const SQL: &str = "x'); DROP TABLE person; --";
const UNKNOWN_ID: &str = "0193a1c2-7b4e-7c11-9a2f-5d6e7f809aff";

#[derive(Debug)]
enum Answer {
    Value,
    Typed { code: String },
    Refused(String),
}

struct Window {
    webview: WebviewWindow<MockRuntime>,
    _app: tauri::App<MockRuntime>,
}

/// The person at the dialogs, scripted: opens the files laid out in its
/// folder by kind, saves there under the name the dialog suggests (or cancels
/// everything), agrees to open any address, and writes down what it was asked.
#[derive(Clone)]
struct Person {
    folder: PathBuf,
    cancels: bool,
    asked: Arc<Mutex<Vec<String>>>,
    browsed: Arc<Mutex<Vec<String>>>,
    /// What it was asked to open or show in the file manager: "open PATH", "reveal PATH".
    handed: Arc<Mutex<Vec<String>>>,
}

impl Person {
    fn at(folder: &Path) -> Person {
        Person {
            folder: folder.to_path_buf(),
            cancels: false,
            asked: Arc::default(),
            browsed: Arc::default(),
            handed: Arc::default(),
        }
    }

    fn cancelling() -> Person {
        Person { cancels: true, ..Person::at(Path::new("/nonexistent")) }
    }

    fn answer(&self, ask: &Ask, path: PathBuf) -> Option<PathBuf> {
        self.asked.lock().unwrap().push(ask.title.clone());
        (!self.cancels).then_some(path)
    }

    /// The file of the dialog's kind: `pick.ics`, `pick.csv`, `pick.db`, `pick.json`.
    fn file_for(&self, ask: &Ask) -> PathBuf {
        let extension = ask.filter.map_or("txt", |(_, e)| e[0]);
        self.folder.join(format!("pick.{extension}"))
    }
}

impl Chooser for Person {
    fn open_file(&self, ask: &Ask) -> Option<PathBuf> {
        self.answer(ask, self.file_for(ask))
    }

    fn open_files(&self, ask: &Ask) -> Option<Vec<PathBuf>> {
        self.answer(ask, self.file_for(ask)).map(|p| vec![p])
    }

    fn open_folder(&self, ask: &Ask) -> Option<PathBuf> {
        self.answer(ask, self.folder.join("folder"))
    }

    fn save_file(&self, ask: &Ask) -> Option<PathBuf> {
        let name = ask.file_name.clone().unwrap_or_else(|| "saved".into());
        self.answer(ask, self.folder.join("saved").join(name))
    }

    fn confirm(&self, title: &str, _message: &str, _yes: &str) -> bool {
        self.asked.lock().unwrap().push(title.to_string());
        !self.cancels
    }

    fn browse(&self, url: &str) -> quarterdeck::Result<()> {
        self.browsed.lock().unwrap().push(url.to_string());
        Ok(())
    }

    fn open_path(&self, path: &Path) -> quarterdeck::Result<()> {
        self.handed.lock().unwrap().push(format!("open {}", path.display()));
        Ok(())
    }

    fn reveal(&self, path: &Path) -> quarterdeck::Result<()> {
        self.handed.lock().unwrap().push(format!("reveal {}", path.display()));
        Ok(())
    }
}

impl Window {
    fn open(store: Store, person: &Person) -> Window {
        let app = quarterdeck::app::with_desktop(mock_builder(), store, Some(Box::new(person.clone())))
            .build(tauri::generate_context!())
            .expect("the app builds on the mock runtime");
        let webview = match app.get_webview_window("main") {
            Some(w) => w,
            None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap(),
        };
        Window { webview, _app: app }
    }

    /// Sends `args` to `cmd` the way the front end's `invoke` does.
    fn call(&self, cmd: &str, args: &Value) -> Answer {
        self.answer(cmd, args).0
    }

    /// The value `cmd` answers `args` with; panics on an error.
    fn value(&self, cmd: &str, args: &Value) -> Value {
        match self.answer(cmd, args) {
            (Answer::Value, Some(v)) => v,
            (other, _) => panic!("`{cmd}` answered {} with {other:?}", short(args)),
        }
    }

    /// What Tauri's real IPC path answers `cmd` with `args`; a panic fails the test.
    fn respond(&self, cmd: &str, args: &Value) -> Result<InvokeResponseBody, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args.clone()),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        std::panic::catch_unwind(AssertUnwindSafe(|| get_ipc_response(&self.webview, request)))
            .unwrap_or_else(|_| panic!("`{cmd}` panicked (no answer) on {}", short(args)))
    }

    fn answer(&self, cmd: &str, args: &Value) -> (Answer, Option<Value>) {
        let shown = short(args);
        let response = self.respond(cmd, args);
        match response {
            Ok(body) => (Answer::Value, body.deserialize::<Value>().ok()),
            Err(Value::String(s)) => (Answer::Refused(s), None),
            Err(Value::Object(o)) => {
                let code = o.get("code").and_then(Value::as_str).unwrap_or_default().to_string();
                let message = o.get("message").and_then(Value::as_str).unwrap_or_default();
                let message = clip(message);
                assert!(
                    CODES.contains(&code.as_str()),
                    "`{cmd}` answered {shown} with code {code:?} ({message}): not a typed error a user can act on"
                );
                assert!(!message.is_empty(), "`{cmd}`: a typed error carries a message");
                (Answer::Typed { code }, None)
            }
            Err(other) => panic!("`{cmd}` answered {shown} with {other}"),
        }
    }
}

/// A payload for a failure message: long strings cut short.
fn short(v: &Value) -> String {
    clip(&v.to_string())
}

fn clip(text: &str) -> String {
    if text.len() > 300 {
        format!("{}… ({} bytes)", text.chars().take(300).collect::<String>(), text.len())
    } else {
        text.to_string()
    }
}

/// A well-formed call of every declared command (`app/command_list.rs`), on
/// the sample team; `calendar` is the token of a file chosen in the session.
/// A test fails when a declared command has none or sends other arguments.
fn valid_calls(store: &Store, calendar: &Value) -> BTreeMap<&'static str, Value> {
    let person = store.people().unwrap()[0].id;
    let events = store.events().unwrap();
    let event = events[0].id;
    let talk = store.talks().unwrap()[0].id;
    let submission = store.submissions().unwrap()[0].clone();
    let trip = store.trips().unwrap()[0].id;
    let content = store.content().unwrap()[0].id;
    let budget = store.budgets().unwrap()[0].id;
    let time_off = store.time_off().unwrap()[0].id;
    let goal = store.goals().unwrap()[0].id;
    let outcome = store.outcomes().unwrap()[0].id;
    let weekdays = json!(["mon", "tue", "wed", "thu", "fri"]);
    let ratings = json!({"audience_fit": 4, "reach": 3, "cost": 2, "travel_burden": 3, "strategic_value": 5});
    let weights = json!({"audience_fit": 3, "reach": 2, "cost": 2, "travel_burden": 1, "strategic_value": 2});
    let event_input = json!({
        "name": "RustConf", "kind": "conference", "start_date": "2026-09-08", "end_date": "2026-09-10",
        "online": false, "city": "Montreal", "country": "CA", "timezone": "America/Toronto",
        "url": "https://rustconf.com", "status": "considering", "cfp_url": "", "cfp_deadline": null,
        "cfp_timezone": null, "notes": "", "ratings": ratings, "participants": [{"person_id": person, "role": "speaker"}],
    });
    let submission_input = json!({
        "talk_id": submission.talk_id, "event_id": submission.event_id, "speaker_id": submission.speaker_id,
        "status": "submitted", "submitted_on": "2026-02-01", "decided_on": null, "title": "Async Rust",
        "abstract": "About it.", "notes": "",
    });
    let trip_input = json!({
        "person_id": person, "title": "", "status": "planned", "event_ids": [event],
        "segments": [{"mode": "flight", "from": {"text": "LIS"}, "to": {"text": "AMS"},
                      "depart_at": "2026-03-10T08:00:00", "arrive_at": "2026-03-10T12:00:00"}],
        "costs": [{"category": "flight", "description": "", "currency": "EUR", "planned": "240.00",
                   "date": "2026-03-01", "payer": "company"}],
        "notes": "",
    });
    let export = json!({"person_ids": [person], "kinds": ["events", "talks"], "from": null, "to": null,
                        "cfp_alarms": "7d,1d"});
    let channel = json!("__CHANNEL__:7");
    BTreeMap::from([
        ("app_info", json!({})),
        ("load_plan", json!({})),
        ("list_time_zones", json!({})),
        (
            "save_person",
            json!({"input": {"name": "Ana", "role": "Advocate", "home_city": "Porto", "timezone": "Europe/Lisbon",
                             "capacity_hours": 40, "working_days": weekdays}}),
        ),
        ("delete_person", json!({"id": person})),
        ("save_event", json!({"input": event_input})),
        ("delete_event", json!({"id": event})),
        (
            "save_time_off",
            json!({"input": {"person_id": person, "kind": "vacation", "start_date": "2026-08-03",
                             "end_date": "2026-08-14", "note": "Summer"}}),
        ),
        ("delete_time_off", json!({"id": time_off})),
        ("load_sample_team", json!({})),
        ("list_catalog", json!({})),
        ("import_catalog", json!({"wholeFolder": false, "onProgress": channel})),
        ("import_bundled_catalog", json!({})),
        ("catalog_source", json!({})),
        ("save_catalog_source", json!({"baseUrl": "http://127.0.0.1:9/conferences"})),
        ("update_catalog", json!({"onProgress": channel})),
        (
            "save_talk",
            json!({"input": {"title": "Zero-copy parsing", "abstract": "", "duration_minutes": 30, "format": "talk",
                             "level": "intermediate", "tags": ["rust"], "status": "ready", "owner_id": person,
                             "notes": ""}}),
        ),
        ("delete_talk", json!({"id": talk})),
        ("save_submission", json!({"input": submission_input})),
        ("delete_submission", json!({"id": submission.id})),
        ("submission_warnings", json!({"input": submission_input})),
        (
            "save_settings",
            json!({"input": {"score_weights": weights, "cfp_reminder_days": [7, 1], "reporting_currency": "EUR"}}),
        ),
        ("set_me", json!({"me": {"kind": "person", "id": person}})),
        ("score_ratings", json!({"ratings": ratings, "weights": weights})),
        (
            "save_content",
            json!({"input": {"title": "Recap", "kind": "blog_post", "owner_id": person, "channel": "blog",
                             "status": "idea", "due_on": "2026-03-20", "publish_at": null, "timezone": null,
                             "effort_hours": null, "finished_minutes": null, "draft_url": "", "published_url": "",
                             "tags": [], "event_id": event, "talk_id": null, "notes": ""}}),
        ),
        ("delete_content", json!({"id": content})),
        ("follow_up_defaults", json!({"eventId": event, "talkId": talk})),
        (
            "save_follow_ups",
            json!({"input": {"event_id": event, "talk_id": null, "owner_id": person,
                             "items": [{"kind": "blog_post", "title": "Recap", "channel": "blog", "due_days": 3,
                                        "publish_days": 7, "effort_hours": null}]}}),
        ),
        ("save_trip", json!({"input": trip_input})),
        ("delete_trip", json!({"id": trip})),
        ("preview_trip", json!({"input": trip_input})),
        ("search_places", json!({"query": "lis"})),
        (
            "save_budget",
            json!({"input": {"quarter": "2027Q1", "person_id": person, "amount": "5000", "currency": "EUR",
                             "alerts": [50, 80, 100]}}),
        ),
        ("delete_budget", json!({"id": budget})),
        ("budget_report", json!({"quarter": "2026Q1"})),
        ("rate_summaries", json!({})),
        ("save_rate", json!({"input": {"currency": "USD", "day": "2026-01-02", "rate": "1.0345"}})),
        ("delete_rate", json!({"currency": "USD", "day": "2026-01-02"})),
        ("import_rates", json!({})),
        ("export_costs", json!({"quarter": "2026Q1"})),
        ("save_thresholds", json!({"personId": person, "values": {"event_day_hours": 7.5}})),
        ("what_if", json!({"change": {"kind": "trip", "input": trip_input}})),
        ("import_holidays", json!({"personIds": [person]})),
        ("choose_calendar", json!({})),
        ("import_calendar", json!({"token": calendar, "personId": person, "onProgress": channel})),
        ("remove_imported_calendar", json!({"personId": person, "calendar": "busy.ics"})),
        ("export_calendar", json!({"request": export})),
        ("export_calendar_folder", json!({"request": export, "choose": true})),
        ("undo_delete", json!({"token": UNKNOWN_ID})),
        ("list_backups", json!({})),
        ("backup_database", json!({})),
        ("restore_database", json!({"backup": "quarterdeck-2026-02-16.db"})),
        ("quarter_view", json!({"quarter": "2026Q1", "personId": person})),
        (
            "save_goal",
            json!({"input": {"quarter": "2026Q1", "person_id": person, "metric": "talks", "target": 6, "note": ""}}),
        ),
        ("delete_goal", json!({"id": goal})),
        (
            "save_target_mix",
            json!({"input": {"quarter": "2026Q1", "person_id": null, "engagement": 30, "education": 30,
                             "advocacy": 15, "outreach": "25"}}),
        ),
        ("clear_target_mix", json!({"quarter": "2026Q1", "personId": person})),
        ("set_function", json!({"choice": {"activity": {"kind": "event", "id": event}, "function": "education"}})),
        (
            "save_outcome",
            json!({"input": {"of": {"kind": "event", "id": event}, "attendance": 120, "rating": "4.5", "views": null,
                             "signups": "12", "leads": 3, "feedback_items": 2, "notes": "Busy booth",
                             "recorded_on": "2026-03-02"}}),
        ),
        ("delete_outcome", json!({"id": outcome})),
        ("save_quarter_report", json!({"quarter": "2026Q1", "personId": person, "choose": true})),
        ("open_link", json!({"address": "https://rustconf.com/2026"})),
        ("open_written", json!({"kind": "quarter_report"})),
        ("show_written", json!({"kind": "calendar"})),
        // Port 9 (discard) on loopback: nothing answers, so a connect fails fast and talks to nothing outside.
        (
            "connect_calendar_server",
            json!({"login": {"server_url": "http://127.0.0.1:9/", "user": "alice", "password": "alice-secret",
                             "me": person}}),
        ),
        ("disconnect_calendar_server", json!({})),
        ("calendar_sync_state", json!({})),
        ("sync_calendars_now", json!({})),
        ("server_calendars", json!({})),
        ("set_calendar_counts_as", json!({"href": "/alice/work/", "countsAs": "busy"})),
        ("set_unsaved_changes", json!({"held": false})),
        ("close_window", json!({})),
    ])
}

/// Every way to spoil one value: other JSON types, huge, SQL-looking, and for
/// text that is an id or a number, a malformed and an unknown one.
fn spoilt(value: &Value) -> Vec<Value> {
    // Far past every limit (names 200, texts 20,000 characters), small enough to send thousands of times.
    let huge = "x".repeat(300_000);
    let mut out = vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(1e300),
        json!(3.5),
        json!("text"),
        json!([]),
        json!({}),
        json!(huge),
        json!(SQL),
        json!([SQL, huge]),
    ];
    if let Some(text) = value.as_str() {
        out.push(json!("not-a-uuid"));
        out.push(json!(UNKNOWN_ID));
        out.push(json!("00000000-0000-0000-0000-000000000000"));
        out.push(json!(format!("{text}{SQL}")));
        out.push(json!(format!("{text}\n{text}")));
        out.push(json!("2026-02-30"));
        out.push(json!("\u{0}"));
    }
    out.retain(|v| v != value);
    out
}

/// Every payload that differs from `args` in one place: each value anywhere
/// in it spoilt, each key left out, an unknown key added.
fn variants(args: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    walk(args, &mut |replace| out.extend(replace));
    out.push(json!({}));
    out.push(Value::Null);
    out.push(json!([]));
    out.push(json!("args"));
    if let Value::Object(map) = args {
        let mut extra = map.clone();
        extra.insert("__proto__".into(), json!({"polluted": true}));
        out.push(Value::Object(extra));
    }
    out
}

/// Calls `found` with every variant of `value` that changes one place in it.
fn walk(value: &Value, found: &mut dyn FnMut(Vec<Value>)) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let mut without = map.clone();
                without.remove(key);
                found(vec![Value::Object(without)]);
                let rebuild = |v: Value| {
                    let mut m: Map<String, Value> = map.clone();
                    m.insert(key.clone(), v);
                    Value::Object(m)
                };
                found(spoilt(inner).into_iter().map(rebuild).collect());
                walk(inner, &mut |vs| found(vs.into_iter().map(rebuild).collect()));
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                let rebuild = |v: Value| {
                    let mut a = items.clone();
                    a[i] = v;
                    Value::Array(a)
                };
                found(spoilt(inner).into_iter().map(rebuild).collect());
                walk(inner, &mut |vs| found(vs.into_iter().map(rebuild).collect()));
            }
            let mut many = items.clone();
            many.extend(std::iter::repeat_n(items.first().cloned().unwrap_or(Value::Null), 500));
            found(vec![Value::Array(many)]);
        }
        _ => {}
    }
}

fn sample_store(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    let today = "2026-02-16".parse().unwrap();
    demo::fill(&mut store, &DemoOptions { people: 4, weeks: 13, seed: 42, from: "2026-01-05".parse().unwrap(), today })
        .unwrap();
    store
}

/// The person's folder: a file of each kind a dialog may open, and folders to save into.
fn person_folder(dir: &Path, plan: &Store) -> PathBuf {
    let folder = dir.join("person");
    std::fs::create_dir_all(folder.join("saved")).unwrap();
    std::fs::create_dir_all(folder.join("folder")).unwrap();
    std::fs::write(folder.join("pick.ics"), BUSY_ICS).unwrap();
    std::fs::write(folder.join("pick.csv"), "Date,USD,\n2026-01-02,1.0345,\n").unwrap();
    std::fs::write(folder.join("pick.json"), "[]").unwrap();
    plan.backup_to(&folder.join("pick.db")).unwrap();
    folder
}

const BUSY_ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n\
    DTSTAMP:20260101T000000Z\r\nDTSTART:20260302T090000Z\r\nDTEND:20260302T100000Z\r\nSUMMARY:Sync\r\nEND:VEVENT\r\n\
    END:VCALENDAR\r\n";

/// The commands the window may call, from its capability.
fn allowed_commands() -> Vec<String> {
    let capability: Value =
        serde_json::from_str(include_str!("../src-tauri/capabilities/main-window.json")).expect("capability is JSON");
    capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect()
}

/// Every file and folder under `dir`, with each file's bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.insert(path.clone(), None);
            out.extend(snapshot(&path));
        } else {
            out.insert(path.clone(), Some(std::fs::read(&path).unwrap()));
        }
    }
    out
}

#[test]
fn every_command_answers_malformed_payloads_with_typed_errors_and_never_panics() {
    // No command takes a path, so nothing lands in the working folder (the
    // source tree, under `cargo test`) whatever the page sends.
    let here = std::env::current_dir().unwrap();
    let listing = |d: &Path| {
        let mut names: Vec<_> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        names
    };
    let before = listing(&here);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = sample_store(&db);
    quarterdeck::disk::backups::daily(&db, "2026-02-16".parse().unwrap()).unwrap();
    let person = Person::at(&person_folder(dir.path(), &store));
    let window = Window::open(store, &person);
    let calendar = window.value("choose_calendar", &json!({}))["value"]["token"].clone();
    let plan = Store::open(&db).unwrap();
    let calls = valid_calls(&plan, &calendar);
    drop(plan);
    let untested: Vec<_> = surface::COMMANDS.iter().filter(|c| !calls.contains_key(c.name)).map(|c| c.name).collect();
    assert!(untested.is_empty(), "declared commands with no malformed-payload case here: {untested:?}");

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (cmd, args) in &calls {
        if *cmd == "update_catalog" {
            // The barrage above may have left the source empty (confs.tech): this test never leaves the machine.
            let offline = json!({"baseUrl": "http://127.0.0.1:9/conferences"});
            assert!(matches!(window.call("save_catalog_source", &offline), Answer::Value));
        }
        let started = std::time::Instant::now();
        let all = variants(args);
        let n = all.len();
        for payload in all {
            let key = match window.call(cmd, &payload) {
                Answer::Value => "value",
                Answer::Typed { code } => {
                    assert_ne!(code, "busy", "`{cmd}`: nothing else holds the file");
                    "typed error"
                }
                Answer::Refused(message) => {
                    // Tauri's own refusal of an argument it cannot read; the UI shows it as `invalid`.
                    let message = clip(&message);
                    assert!(
                        message.contains(&format!("command {cmd}"))
                            || message.contains(&format!("command `{cmd}`"))
                            || message.starts_with("invalid channel value"),
                        "`{cmd}`: a refusal names the command and argument: {message}"
                    );
                    "refused argument"
                }
            };
            *counts.entry(key).or_default() += 1;
        }
        eprintln!("{cmd}: {n} payloads, {:?}", started.elapsed());
    }
    eprintln!("{} commands, answers: {counts:?}", calls.len());
    assert!(counts["typed error"] > 100 && counts["refused argument"] > 100, "{counts:?}");

    // The plan file is sound, nothing was dropped by SQL-looking text, and the window still works.
    match window.call("load_plan", &json!({})) {
        Answer::Value => {}
        other => panic!("the plan still loads after the barrage: {other:?}"),
    }
    drop(window);
    let after = listing(&here);
    assert_eq!(after, before, "nothing was written into the working folder {}", here.display());
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert!(!store.people().unwrap().is_empty(), "the person table is still there");
    assert!(store.people().unwrap().iter().any(|p| p.name == SQL), "SQL-looking text is kept as text, not run");
}

/// The days chrono can hold at its ends, the RFC 5545 year ends, and the days
/// just outside the plan's range (1900-01-01 to 2199-12-31).
const EXTREME_DAYS: [&str; 6] =
    ["-262143-01-01", "+262142-12-31", "0000-01-01", "9999-12-31", "1899-12-31", "2200-01-01"];

impl Window {
    /// The `{code, field}` of a typed error, or a failure naming what came back instead.
    fn refusal(&self, cmd: &str, args: &Value) -> (String, String) {
        let response = self.respond(cmd, args);
        match response {
            Err(Value::Object(o)) => {
                let text = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
                assert_eq!(text("message"), "must be between 1900-01-01 and 2199-12-31", "`{cmd}` on {}", short(args));
                (text("code"), text("field"))
            }
            other => panic!("`{cmd}` answered {} with {other:?}, not a typed error", short(args)),
        }
    }
}

/// A command function as written: its module and its parameters (name, type).
type Signature = (&'static str, Vec<(String, String)>);

/// The commands the app defines, from their source: each `#[tauri::command]`
/// function's name, module and parameters as written.
fn command_signatures() -> BTreeMap<String, Signature> {
    let sources = [
        ("commands", include_str!("../src-tauri/src/app/commands.rs")),
        ("file_commands", include_str!("../src-tauri/src/app/file_commands.rs")),
    ];
    let mut out = BTreeMap::new();
    for (module, source) in sources {
        for part in source.split("#[tauri::command").skip(1) {
            let signature = &part[part.find("fn ").expect("a command is a fn") + 3..];
            let name = signature[..signature.find(['(', '<']).unwrap()].trim().to_string();
            let open = signature.find('(').unwrap();
            let mut depth = 0;
            let close = signature[open..]
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' | '<' => 1,
                        ')' | '>' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map(|(i, _)| open + i)
                .unwrap();
            let mut params = Vec::new();
            let (mut depth, mut start) = (0, open + 1);
            for (i, c) in signature[open + 1..close].char_indices() {
                match c {
                    '<' | '(' | '[' => depth += 1,
                    '>' | ')' | ']' => depth -= 1,
                    ',' if depth == 0 => {
                        params.push(signature[start..open + 1 + i].to_string());
                        start = open + 2 + i;
                    }
                    _ => {}
                }
            }
            params.push(signature[start..close].to_string());
            let params = params
                .iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| {
                    let (name, ty) = p.split_once(':').expect("a parameter has a type");
                    (name.trim().to_string(), ty.split_whitespace().collect::<String>())
                })
                .collect();
            out.insert(name, (module, params));
        }
    }
    out
}

#[test]
fn every_declared_command_has_a_valid_call_with_its_declared_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(&dir.path().join("plan.db"));
    let calls = valid_calls(&store, &json!(UNKNOWN_ID));
    for command in surface::COMMANDS {
        let name = command.name;
        let call = calls.get(name).unwrap_or_else(|| panic!("`{name}` is declared but valid_calls has no call of it"));
        let sent: BTreeSet<String> = call.as_object().expect("a call is an object").keys().cloned().collect();
        let declared: BTreeSet<String> = command.args.iter().map(Arg::js_name).collect();
        assert_eq!(sent, declared, "`{name}`: valid_calls sends other arguments than the command list declares");
    }
    let undeclared: Vec<_> = calls.keys().filter(|c| !surface::COMMANDS.iter().any(|d| d.name == **c)).collect();
    assert!(undeclared.is_empty(), "valid_calls has calls of commands the list does not declare: {undeclared:?}");
}

/// The compiler checks each declaration's types against its function; the
/// names the page sends come from the declaration, so they must be the
/// function's own (Tauri reads arguments by the function's names).
#[test]
fn every_declared_command_names_its_functions_arguments() {
    let functions = command_signatures();
    let squeeze = |t: &str| t.split_whitespace().collect::<String>();
    for command in surface::COMMANDS {
        let name = command.name;
        let (module, params) =
            functions.get(name).unwrap_or_else(|| panic!("`{name}` is declared but no `#[tauri::command]` is"));
        assert_eq!(*module, command.module, "`{name}` is declared in the wrong module");
        let sent = params.len().checked_sub(command.args.len()).map(|injected| &params[injected..]);
        let written: Vec<(&str, String)> =
            sent.unwrap_or_default().iter().map(|(n, t)| (n.as_str(), squeeze(t))).collect();
        let declared: Vec<(&str, String)> = command.args.iter().map(|a| (a.name, squeeze(a.ty))).collect();
        assert_eq!(written, declared, "`{name}`: the declaration's arguments are not the function's last ones");
    }
    let undeclared: Vec<_> = functions.keys().filter(|f| !surface::COMMANDS.iter().any(|c| c.name == *f)).collect();
    assert!(undeclared.is_empty(), "commands missing from app/command_list.rs: {undeclared:?}");
}

#[test]
fn every_day_outside_the_plans_range_is_refused_by_field_and_nothing_panics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = sample_store(&db);
    let calls = valid_calls(&store, &json!(UNKNOWN_ID));
    let person = Person::cancelling();
    let window = Window::open(store, &person);
    // Each dated field of each command that saves or asks about a day, and the field its error names.
    let cases: [(&str, &[&str], &str, &str); 13] = [
        ("save_event", &["input", "start_date"], "", "start_date"),
        ("save_event", &["input", "end_date"], "", "end_date"),
        ("save_event", &["input", "cfp_deadline"], "T23:59:00", "cfp_deadline"),
        ("save_time_off", &["input", "start_date"], "", "start_date"),
        ("save_time_off", &["input", "end_date"], "", "end_date"),
        ("save_content", &["input", "due_on"], "", "due_on"),
        ("save_content", &["input", "publish_at"], "T10:00:00", "publish_at"),
        ("save_submission", &["input", "submitted_on"], "", "submitted_on"),
        ("save_trip", &["input", "segments", "0", "depart_at"], "T08:00:00", "segments[0].depart_at"),
        ("save_trip", &["input", "costs", "0", "date"], "", "costs[0].date"),
        ("what_if", &["change", "input", "segments", "0", "arrive_at"], "T12:00:00", "segments[0].arrive_at"),
        ("save_outcome", &["input", "recorded_on"], "", "recorded_on"),
        ("save_rate", &["input", "day"], "", "day"),
    ];
    for (cmd, path, time, field) in cases {
        for day in EXTREME_DAYS {
            let args = replaced(&calls[cmd], path, json!(format!("{day}{time}")));
            assert_eq!(window.refusal(cmd, &args), ("invalid".to_string(), field.to_string()), "{cmd} {day}");
        }
    }
    // A quarter outside the range is refused too, and the window still loads its plan.
    for quarter in ["1899Q4", "2200Q1", "262142Q4"] {
        let args = replaced(&calls["save_budget"], &["input", "quarter"], json!(quarter));
        match window.call("save_budget", &args) {
            Answer::Typed { code } => assert_eq!(code, "invalid", "{quarter}"),
            other => panic!("save_budget {quarter}: {other:?}"),
        }
    }
    // Amounts past 10^13 minor units are refused too (probe 7's 90,000,000,000,000,000.00 EUR).
    for (cmd, path) in [("save_trip", &["input", "costs", "0", "planned"][..]), ("save_budget", &["input", "amount"])] {
        let args = replaced(&calls[cmd], path, json!("90000000000000000.00"));
        match window.call(cmd, &args) {
            Answer::Typed { code } => assert_eq!(code, "invalid", "{cmd}"),
            other => panic!("{cmd}: {other:?}"),
        }
    }
    assert!(matches!(window.call("load_plan", &json!({})), Answer::Value));
    assert!(matches!(window.call("quarter_view", &json!({"quarter": "2026Q1", "personId": null})), Answer::Value));
}

#[test]
fn no_command_the_window_may_call_takes_a_path() {
    let commands = command_signatures();
    let allowed = allowed_commands();
    let unknown: Vec<_> = allowed.iter().filter(|c| !commands.contains_key(c.as_str())).collect();
    assert!(unknown.is_empty(), "commands allowed but not found in the command sources: {unknown:?}");
    assert!(commands.len() >= allowed.len() && allowed.len() > 50, "{} commands read", commands.len());
    let path_like_types = ["PathBuf", "Path", "OsString", "OsStr", "FilePath", "SafePathBuf"];
    let path_like_names = ["path", "paths", "folder", "dir", "directory", "file", "files", "filename", "to", "from"];
    for (command, (_, params)) in &commands {
        for (name, ty) in params {
            let words: Vec<&str> = ty.split(|c: char| !c.is_alphanumeric() && c != '_').collect();
            assert!(
                !path_like_types.iter().any(|t| words.contains(t)),
                "`{command}` takes `{name}: {ty}`: the page must not name a file"
            );
            assert!(
                !path_like_names.contains(&name.as_str()),
                "`{command}` has a parameter called `{name}` ({ty}): take a dialog's answer or a token instead"
            );
        }
    }
    // The parser reads what it should: a command known to take a token and a person.
    let import: Vec<&str> = commands["import_calendar"].1.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(import, ["db", "chosen", "token", "person_id", "on_progress"]);
}

/// The commands that took paths until the page was no longer trusted with
/// them, with a well-formed payload of today's shape.
fn former_path_commands(person: &str, event_kinds: &Value) -> Vec<(&'static str, Value)> {
    let export = json!({"person_ids": [], "kinds": event_kinds, "from": null, "to": null, "cfp_alarms": "7d"});
    vec![
        ("import_catalog", json!({"wholeFolder": false, "onProgress": "__CHANNEL__:7"})),
        ("import_catalog", json!({"wholeFolder": true, "onProgress": "__CHANNEL__:7"})),
        ("import_rates", json!({})),
        ("export_costs", json!({"quarter": null})),
        ("choose_calendar", json!({})),
        ("export_calendar", json!({"request": export})),
        ("export_calendar_folder", json!({"request": export, "choose": true})),
        ("import_holidays", json!({"personIds": [person]})),
        ("backup_database", json!({})),
        ("restore_database", json!({})),
        ("save_quarter_report", json!({"quarter": "2026Q1", "personId": null, "choose": true})),
    ]
}

#[test]
fn a_path_the_page_sends_is_never_read_or_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = sample_store(&db);
    let who = store.people().unwrap()[0].id.to_string();
    // Bait the page points at: files a reader would take and a writer would replace.
    let bait = dir.path().join("bait");
    std::fs::create_dir_all(bait.join("folder")).unwrap();
    std::fs::write(bait.join("rates.csv"), "Date,USD,\n2026-01-02,9.99,\n").unwrap();
    std::fs::write(bait.join("busy.ics"), BUSY_ICS).unwrap();
    std::fs::write(bait.join(".bashrc"), "# the user's own\n").unwrap();
    store.backup_to(&bait.join("copy.db")).unwrap();
    let people_before = store.people().unwrap().len();
    let rates_before = serde_json::to_value(store.rate_summaries().unwrap()).unwrap();
    let baited = snapshot(&bait);
    let aims = [bait.join(".bashrc"), bait.join("rates.csv"), bait.join("busy.ics"), bait.join("copy.db")];

    // The person cancels every dialog: whatever path the page adds, nothing happens.
    let cancelling = Person::cancelling();
    let window = Window::open(store, &cancelling);
    let calls = former_path_commands(&who, &json!(["events"]));
    for (cmd, args) in &calls {
        for aim in &aims {
            let mut payload = args.clone();
            for key in ["path", "paths", "folder", "file", "to", "from", "backup"] {
                payload[key] = if key == "paths" { json!([aim]) } else { json!(aim) };
            }
            match window.call(cmd, &payload) {
                Answer::Value => {
                    let answer = window.value(cmd, &payload);
                    assert_eq!(answer, json!({"outcome": "cancelled"}), "`{cmd}` with {}", short(&payload));
                }
                Answer::Typed { code } => assert_eq!(code, "invalid", "`{cmd}` with {}", short(&payload)),
                Answer::Refused(_) => {}
            }
        }
        // The same payloads without the bait: the person was asked, and cancelled.
        assert_eq!(window.value(cmd, args), json!({"outcome": "cancelled"}), "`{cmd}`");
    }
    assert!(cancelling.asked.lock().unwrap().len() >= calls.len(), "every command asked the person");
    // A token never handed out reads nothing either.
    let forged = json!({"token": UNKNOWN_ID, "personId": who, "onProgress": "__CHANNEL__:7", "path": aims[2]});
    assert!(matches!(window.call("import_calendar", &forged), Answer::Typed { code } if code == "invalid"));
    drop(window);
    assert_eq!(snapshot(&bait), baited, "the bait was neither written nor replaced");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.people().unwrap().len(), people_before, "no restore from the bait");
    assert_eq!(
        serde_json::to_value(store.rate_summaries().unwrap()).unwrap(),
        rates_before,
        "no rates read from the bait"
    );

    // The person picks: files are read and written where the person chose, and only there.
    let folder = person_folder(dir.path(), &store);
    let picking = Person::at(&folder);
    let window = Window::open(store, &picking);
    for (cmd, args) in &calls {
        let answer = window.value(cmd, args);
        assert_eq!(answer["outcome"], "done", "`{cmd}` answered {answer}");
        let shown = answer.to_string();
        if *cmd != "save_quarter_report" {
            // The report says where it went, for the person to find it; the rest answer names only.
            assert!(!shown.contains(dir.path().to_str().unwrap()), "`{cmd}` showed the page a path: {shown}");
        }
    }
    let token = window.value("choose_calendar", &json!({}))["value"]["token"].clone();
    let imported = json!({"token": token, "personId": who, "onProgress": "__CHANNEL__:7"});
    assert!(matches!(window.call("import_calendar", &imported), Answer::Value));
    assert_eq!(
        window.value("open_link", &json!({"address": "https://rustconf.com/2026"})),
        json!({"outcome": "done", "value": null})
    );
    assert!(matches!(window.call("open_link", &json!({"address": "file:///etc/passwd"})), Answer::Typed { .. }));
    // Open and Show in folder hand over what Rust wrote last of the kind, whatever path the page adds.
    let aimed = json!({"kind": "quarter_report", "path": aims[0]});
    assert!(matches!(window.call("open_written", &aimed), Answer::Value));
    assert!(matches!(window.call("show_written", &json!({"kind": "calendar_folder"})), Answer::Value));
    assert!(matches!(window.call("open_written", &json!({"kind": "spreadsheet"})), Answer::Refused(_)));
    drop(window);
    let report = folder.join("saved").join("quarterdeck-team-2026Q1.html");
    assert_eq!(
        *picking.handed.lock().unwrap(),
        [format!("open {}", report.display()), format!("reveal {}", folder.join("folder").display())],
        "the files Rust wrote, never the page's path"
    );
    assert_eq!(
        *picking.browsed.lock().unwrap(),
        ["https://rustconf.com/2026"],
        "only the web address the person agreed to"
    );
    assert_eq!(snapshot(&bait), baited, "the bait is untouched still");
    let saved: Vec<String> = std::fs::read_dir(folder.join("saved"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for name in ["costs.csv", "quarterdeck-events.ics", "quarterdeck-team-2026Q1.html"] {
        assert!(saved.iter().any(|s| s == name), "{name} written where the person chose: {saved:?}");
    }
    assert!(saved.iter().any(|s| s.starts_with("quarterdeck-copy-") && s.ends_with(".db")), "{saved:?}");
    assert!(folder.join("folder").join("quarterdeck-events.ics").exists(), "a file per kind in the chosen folder");
}
