//! "Update catalog" through the command line, against listing folders served
//! by a loopback HTTP server (`tests/fixtures/catalog-update/`): the change
//! report, a 404 skipped quietly, a server that is down, and a malformed file
//! that changes nothing.
//!
//! Run: `cargo test --features custom-protocol --test catalog_update`

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use serde_json::Value;

/// The day the update runs on: it asks for 2026's and 2027's files.
const NOW: &str = "2026-12-03T12:00:00Z";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/catalog-update")
}

/// A listing server on a loopback port, serving `fixtures()/<folder>/…` under
/// `/conferences/` and answering 404 for anything else; it notes each path asked.
struct ListingServer {
    port: u16,
    asked: Arc<Mutex<Vec<String>>>,
}

impl ListingServer {
    fn start() -> ListingServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let asked = Arc::new(Mutex::new(vec![]));
        let noted = asked.clone();
        // The thread ends with the test process.
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                answer(stream, &noted);
            }
        });
        ListingServer { port, asked }
    }

    fn base(&self, folder: &str) -> String {
        format!("http://127.0.0.1:{}/conferences/{folder}", self.port)
    }

    fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }
}

fn answer(stream: TcpStream, asked: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers, up to the blank line (a GET has no body).
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 0) && header != "\r\n" {
        header.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    asked.lock().unwrap().push(path.clone());
    let file = path
        .strip_prefix("/conferences/")
        .filter(|p| !p.split('/').any(|part| part == ".."))
        .map(|p| fixtures().join(p))
        .filter(|f| f.is_file());
    let (status, body) = match file {
        Some(f) => ("200 OK", std::fs::read(f).unwrap()),
        None => ("404 Not Found", b"404: Not Found".to_vec()),
    };
    let mut stream = stream;
    let head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
}

fn quarterdeck(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .env_remove("QUARTERDECK_DB")
        .env("QUARTERDECK_NOW", NOW)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the quarterdeck binary runs")
}

fn update(db: &Path, base: &str) -> Output {
    quarterdeck(db, &["update-catalog", "--from", base, "--json"])
}

fn report(out: &Output) -> Value {
    assert!(out.status.success(), "update failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

fn catalog(db: &Path) -> Value {
    let out = quarterdeck(db, &["catalog", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_update_adds_then_reports_what_changed_and_skips_missing_files_quietly() {
    let server = ListingServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");

    let first = report(&update(&db, &server.base("v1")));
    assert_eq!(
        (first["added"].as_u64(), first["updated"].as_u64(), first["unchanged"].as_u64()),
        (Some(4), Some(0), Some(0))
    );
    assert_eq!(first["skipped"], serde_json::json!([]), "a topic the source lacks (404) is not reported");
    let asked = server.asked();
    for wanted in ["/conferences/v1/2026/rust.json", "/conferences/v1/2027/rust.json", "/conferences/v1/2027/css.json"]
    {
        assert!(asked.iter().any(|a| a == wanted), "this year and next, each topic: {wanted} in {asked:?}");
    }
    assert!(!asked.iter().any(|a| a.contains("/2025/") || a.contains("/2028/")), "{asked:?}");

    let second = update(&db, &server.base("v2"));
    assert!(second.status.success(), "{}", String::from_utf8_lossy(&second.stderr));
    let text = quarterdeck(&db, &["update-catalog", "--from", &server.base("v2")]);
    assert!(text.status.success());
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).lines().next(),
        Some("0 new, 0 updated, 5 unchanged, 0 skipped"),
        "the same files again change nothing"
    );
    let second = report(&second);
    assert_eq!(
        (second["added"].as_u64(), second["updated"].as_u64(), second["unchanged"].as_u64()),
        (Some(1), Some(1), Some(3))
    );
    let change = second["changes"][0].as_str().unwrap();
    assert!(change.starts_with("RustWeek: dates 2026-05-18–2026-05-23 → 2026-05-25–2026-05-30"), "{change}");
    let entries = catalog(&db);
    let names: Vec<&str> = entries.as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["RustWeek", "EuroRust", "Web Summit", "Rust Nation UK", "RustConf"]);
    assert_eq!(
        entries[0]["topics"],
        serde_json::json!(["general", "rust"]),
        "one entry for a conference in two topics"
    );
}

#[test]
fn a_server_that_is_down_is_an_offline_message_naming_its_address() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let out = update(&db, &format!("http://127.0.0.1:{port}/conferences"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("cannot reach 127.0.0.1:{port}")) && stderr.contains("offline"), "{stderr}");
    assert!(!db.exists(), "with --from the download comes first: no plan file left behind");
}

#[test]
fn a_malformed_file_fails_naming_it_and_its_line_and_leaves_the_catalog_as_it_was() {
    let server = ListingServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    report(&update(&db, &server.base("v1")));
    let before = catalog(&db);

    let out = update(&db, &server.base("malformed"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2026/general.json") && stderr.contains("line 5"), "{stderr}");
    assert_eq!(catalog(&db), before, "nothing of the good file (RustWeek moved) was merged either");
}

#[test]
fn a_source_with_no_listing_files_and_plain_http_across_a_network_are_refused() {
    let server = ListingServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let out = update(&db, &server.base("nothing-here"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("has no listing files for 2026 or 2027"), "{stderr}");

    let out = update(&db, "http://conferences.example.org/data");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("base_url") && stderr.contains("not encrypted"), "{stderr}");
}
