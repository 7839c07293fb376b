//! Every schema version ever shipped has a frozen fixture database in
//! `tests/fixtures/db/vN.db`, full of plan data as that version stored it.
//! Each one must open with today's Quarterdeck, migrate, keep every value it
//! held, and leave the file as it was beside it (`*.vN-<stamp>.bak`).
//!
//! The fixtures are never rewritten. When a migration is added, create the
//! fixture of the new version (the existing ones are left alone):
//! `cd src-tauri && UPDATE_DB_FIXTURES=1 cargo test --features custom-protocol --test migrations`
//!
//! Run: `cd src-tauri && cargo test --features custom-protocol --test migrations`

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use quarterdeck::demo::{self, DemoOptions};
use quarterdeck::domain::catalog;
use quarterdeck::domain::ics::import;
use quarterdeck::domain::ics::plan_items::{CalendarKind, ExportScope};
use quarterdeck::domain::load::CountsAs;
use quarterdeck::ipc::PlanView;
use quarterdeck::store::migrations::{self, STEPS};
use quarterdeck::store::{BusyRead, CalendarAccount, PublishedItem, Store};
use rusqlite::Connection;
use rusqlite::types::Value;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/db")
}

fn fixture(version: usize) -> PathBuf {
    fixture_dir().join(format!("v{version}.db"))
}

/// A table's rows as the fixture holds them: its columns, and every row in a fixed order.
#[derive(Debug, PartialEq)]
struct TableRows {
    table: String,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(r"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid")).unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
}

/// `columns` of `table` in `conn`, ordered by all of them so that a rebuilt table compares equal.
fn rows(conn: &Connection, table: &str, columns: &[String]) -> Vec<Vec<Value>> {
    let list = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let mut stmt = conn.prepare(&format!("SELECT {list} FROM \"{table}\" ORDER BY {list}")).unwrap();
    stmt.query_map([], |r| (0..columns.len()).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn contents(path: &Path) -> Vec<TableRows> {
    let conn = Connection::open(path).unwrap();
    tables(&conn)
        .into_iter()
        .map(|table| {
            let columns = columns(&conn, &table);
            let rows = rows(&conn, &table, &columns);
            TableRows { table, columns, rows }
        })
        .collect()
}

fn user_version(path: &Path) -> usize {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).unwrap() as usize
}

/// The schema (tables and indexes, as SQL) that the first `version` steps create.
fn schema_of(conn: &Connection) -> Vec<(String, String)> {
    let mut stmt = conn
        .prepare(r"SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect()
}

fn fresh_schema(version: usize) -> Vec<(String, String)> {
    let mut conn = Connection::open_in_memory().unwrap();
    migrations_up_to(version).to_latest(&mut conn).unwrap();
    schema_of(&conn)
}

fn migrations_up_to(version: usize) -> rusqlite_migration::Migrations<'static> {
    migrations::of(&STEPS[..version])
}

/// A backup from any Quarterdeck that ever shipped passes the restore's checks (its schema's tables and columns, no broken link).
#[test]
fn every_shipped_version_can_be_restored_from() {
    for version in 1..=migrations::latest() {
        let copy = quarterdeck::store::inspect_backup(&fixture(version))
            .unwrap_or_else(|e| panic!("v{version}.db is refused: {e}"));
        assert_eq!(copy.schema_version as usize, version);
    }
}

#[test]
fn every_schema_version_has_a_fixture_that_migrates_keeping_its_data_and_a_copy() {
    if std::env::var_os("UPDATE_DB_FIXTURES").is_some() {
        write_missing_fixtures();
    }
    let latest = migrations::latest();
    for version in 1..=latest {
        let source = fixture(version);
        assert!(
            source.exists(),
            "no fixture for schema v{version}: create it with UPDATE_DB_FIXTURES=1 (see the top of tests/migrations.rs)"
        );
        let frozen = Connection::open(&source).unwrap();
        let (shipped, built) = (schema_of(&frozen), fresh_schema(version));
        let changed = shipped.iter().zip(&built).find(|(a, b)| a != b).map(|(a, _)| a.0.clone());
        assert!(
            shipped == built,
            "v{version}'s migrations no longer build the schema v{version} shipped with (first difference: {changed:?}): a shipped migration was edited"
        );
        drop(frozen);
        let before = contents(&source);
        assert!(before.iter().any(|t| !t.rows.is_empty()), "the v{version} fixture holds data");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quarterdeck.db");
        std::fs::copy(&source, &path).unwrap();
        let (store, report) = Store::open_reporting(&path).unwrap();
        assert_eq!((report.from_version, report.to_version), (version, latest), "v{version}");
        assert_eq!(store.schema_version().unwrap(), latest);
        assert_eq!(store.integrity_check().unwrap(), "ok", "v{version} after migrating");

        // Every value the old file held is still there, in the same columns.
        let conn = Connection::open(&path).unwrap();
        for old in &before {
            assert_eq!(
                rows(&conn, &old.table, &old.columns),
                old.rows,
                "v{version}: table {} kept its rows",
                old.table
            );
        }
        // And the plan reads through the store as the window reads it.
        let today = NaiveDate::from_ymd_opt(2026, 2, 16).unwrap();
        let view = PlanView::of(&store, Utc.with_ymd_and_hms(2026, 2, 16, 9, 0, 0).unwrap(), today).unwrap();
        let people = before.iter().find(|t| t.table == "person").map_or(0, |t| t.rows.len());
        assert_eq!(view.people.len(), people, "v{version}: every person reads back");

        match report.backup {
            None => assert_eq!(version, latest, "only an up-to-date file is opened without a copy"),
            Some(backup) => {
                assert_eq!(backup.parent(), Some(dir.path()), "the copy sits beside the file");
                let name = backup.file_name().unwrap().to_string_lossy().into_owned();
                assert!(name.starts_with(&format!("quarterdeck.db.v{version}-")) && name.ends_with(".bak"), "{name}");
                assert_eq!(user_version(&backup), version, "the copy is the file before migrating");
                assert_eq!(contents(&backup), before, "v{version}: the copy holds exactly what the file held");
            }
        }
        drop(store);
        let (_, again) = Store::open_reporting(&path).unwrap();
        assert_eq!(again.backup, None, "v{version}: a migrated file is not copied again");
    }
}

/// Writes `vN.db` for each version that has none: a full sample plan at the
/// latest schema, copied into the columns version N had.
fn write_missing_fixtures() {
    std::fs::create_dir_all(fixture_dir()).unwrap();
    let work = tempfile::tempdir().unwrap();
    let full = work.path().join("full.db");
    fill_every_table(&full);
    for version in 1..=migrations::latest() {
        let target = fixture(version);
        if target.exists() {
            continue; // frozen: a shipped version's fixture never changes
        }
        let mut conn = Connection::open(&target).unwrap();
        migrations_up_to(version).to_latest(&mut conn).unwrap();
        conn.execute("ATTACH DATABASE ?1 AS full", [full.to_string_lossy()]).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch("PRAGMA defer_foreign_keys = ON").unwrap();
        for table in tables(&tx) {
            let theirs = {
                let mut stmt =
                    tx.prepare(&format!("SELECT name FROM full.pragma_table_info('{table}') ORDER BY cid")).unwrap();
                stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(|r| r.unwrap()).collect::<Vec<_>>()
            };
            let shared: Vec<String> = columns(&tx, &table).into_iter().filter(|c| theirs.contains(c)).collect();
            let list = shared.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
            tx.execute(&format!("INSERT INTO main.\"{table}\" ({list}) SELECT {list} FROM full.\"{table}\""), [])
                .unwrap();
        }
        tx.commit().unwrap();
        conn.execute("DETACH DATABASE full", []).unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE; VACUUM;").unwrap();
        eprintln!("wrote {}", target.display());
    }
}

/// A plan that puts rows in every table: the sample team, catalog listings,
/// thresholds, an imported calendar and an export's SEQUENCE records.
fn fill_every_table(path: &Path) {
    let mut store = Store::open(path).unwrap();
    let from = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 2, 16).unwrap();
    demo::fill(&mut store, &DemoOptions { people: 3, weeks: 10, seed: 7, from, today }).unwrap();
    let (listings, skipped) = catalog::bundled();
    store.import_listings(&listings[..40.min(listings.len())], skipped).unwrap();
    let maya = store.people().unwrap()[0].id;
    store.save_thresholds(None, &[("event_day_hours".to_string(), 7.5)].into()).unwrap();
    store.save_thresholds(Some(maya), &[("meetup_hours".to_string(), 2.5)].into()).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 2, 16, 9, 0, 0).unwrap();
    // The second file defines its own zone, so imported_zone has a row too.
    for name in ["recur_instances.ics", "timezone_from_file.ics"] {
        let file = import::read(&std::fs::read(fixture_dir().join("../ics/ical.js").join(name)).unwrap()).unwrap();
        store.import_calendar(maya, name, &file, now, &mut |_, _| {}).unwrap();
    }
    let mut settings = store.settings().unwrap();
    settings.reporting_currency = "USD".to_string();
    store.save_settings(&settings).unwrap();
    for day in 0..70 {
        store
            .take_due_reminders(Utc.from_utc_datetime(&(from + chrono::Days::new(day)).and_hms_opt(9, 0, 0).unwrap()))
            .unwrap();
    }
    let scope = ExportScope { people: None, from: None, to: None, cfp_alarms: vec![] };
    store.export_calendars(&[CalendarKind::ALL], &scope, now).unwrap();
    // A CalDAV account (v9) with one calendar and one item written there.
    let account = CalendarAccount {
        server_url: "https://dav.example.org/".to_string(),
        user_name: "maya".to_string(),
        person_id: maya,
        principal: "/maya/".to_string(),
        home: "/maya/".to_string(),
        connected_at: now,
    };
    store.save_calendar_account(&account, &[(CalendarKind::Cfp, "/maya/quarterdeck-cfp/".to_string())]).unwrap();
    store
        .record_published(&PublishedItem {
            uid: "cfp-1@quarterdeck".to_string(),
            kind: CalendarKind::Cfp,
            href: "/maya/quarterdeck-cfp/cfp-1.ics".to_string(),
            etag: "\"1\"".to_string(),
            digest: "CFP closes".to_string(),
            text: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".to_string(),
        })
        .unwrap();
    store.set_published_token("/maya/quarterdeck-cfp/", "token-cfp-1").unwrap();
    // A calendar of the account read as busy time, with one item.
    store.use_busy_calendar("/maya/work/", CountsAs::OutOfOffice).unwrap();
    let standup = import::read(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:standup\r\nDTSTAMP:20260216T090000Z\r\nDTSTART:20260217T090000Z\r\nDTEND:20260217T093000Z\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let read = BusyRead {
        fetched: vec![("/maya/work/standup.ics".to_string(), "\"1\"".to_string(), standup)],
        deleted: vec![],
        token: "token-1".to_string(),
    };
    store.apply_busy_read("/maya/work/", &read, now).unwrap();
    let conn = Connection::open(path).unwrap();
    for table in tables(&conn) {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0)).unwrap();
        assert!(n > 0, "the fixtures' source has rows in {table}");
    }
}
