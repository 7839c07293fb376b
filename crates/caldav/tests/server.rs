//! The client against a real server: Radicale on loopback, and Python's
//! `caldav` package as the independent judge of what the server holds.

#[path = "../../../tests/caldav/radicale.rs"]
mod radicale;
#[path = "../../../tests/caldav/xandikos.rs"]
mod xandikos;

use quarterdeck_caldav::{CalDavError, Component, Connection, ServerUrl};
use radicale::Radicale;

fn connect(server: &Radicale, user: &str, password: &str) -> Result<Connection, CalDavError> {
    Connection::open(&ServerUrl::parse(&server.url()).unwrap(), user, password)
}

const LIST_CALENDARS: &str = r#"
import sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
for cal in client.principal().calendars():
    print(f"{cal.url.path}\t{cal.get_display_name()}\t{','.join(sorted(cal.get_supported_components()))}")
"#;

#[test]
fn discovery_finds_the_account_and_a_calendar_it_created_which_another_client_sees() {
    let server = Radicale::start();
    let alice = connect(&server, "alice", "alice-secret").unwrap();
    let found = alice.discover().unwrap();
    assert_eq!(found.principal, "/alice/");
    assert_eq!(found.home, "/alice/");
    assert!(found.calendars.is_empty(), "{:?}", found.calendars);

    let href = alice
        .create_calendar(&found.home, "quarterdeck-cfp", "Quarterdeck · CFP deadlines", &[Component::Event])
        .unwrap();
    assert_eq!(href, "/alice/quarterdeck-cfp/");
    let again = alice.discover().unwrap();
    assert_eq!(again.calendars.len(), 1);
    let cfp = &again.calendars[0];
    assert_eq!(cfp.href, href);
    assert_eq!(cfp.name.as_deref(), Some("Quarterdeck · CFP deadlines"));
    assert_eq!(cfp.components, vec![Component::Event]);
    assert!(cfp.accepts(&Component::Event) && !cfp.accepts(&Component::Todo));

    let seen = server.python_client(LIST_CALENDARS, &[&server.url(), "alice", "alice-secret"]);
    assert_eq!(seen.trim(), "/alice/quarterdeck-cfp/\tQuarterdeck · CFP deadlines\tVEVENT");
}

#[test]
fn a_wrong_password_is_refused_as_such() {
    let server = Radicale::start();
    let err = connect(&server, "alice", "not-her-password").and_then(|c| c.discover()).unwrap_err();
    assert_eq!(err, CalDavError::Unauthorized);
    assert!(err.to_string().contains("app password"), "{err}");
}

#[test]
fn nothing_listening_is_unreachable() {
    let port = radicale::free_port();
    let url = ServerUrl::parse(&format!("http://127.0.0.1:{port}/")).unwrap();
    let err = Connection::open(&url, "alice", "x").and_then(|c| c.discover()).unwrap_err();
    assert!(matches!(err, CalDavError::Unreachable(_)), "{err:?}");
}

/// A plain web server (Python's http.server) on loopback: answers, but speaks no CalDAV.
struct PlainWeb(std::process::Child, u16);

impl PlainWeb {
    fn start() -> PlainWeb {
        let port = radicale::free_port();
        let dir = tempfile::tempdir().unwrap();
        let child = std::process::Command::new(radicale::python())
            .args(["-m", "http.server", "--bind", "127.0.0.1", &port.to_string(), "--directory"])
            .arg(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        radicale::wait_for(port, "http.server");
        PlainWeb(child, port)
    }
}

impl Drop for PlainWeb {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_web_server_without_caldav_is_named_as_such() {
    let web = PlainWeb::start();
    let url = ServerUrl::parse(&format!("http://127.0.0.1:{}/calendars/", web.1)).unwrap();
    let err = Connection::open(&url, "alice", "x").and_then(|c| c.discover()).unwrap_err();
    assert!(matches!(err, CalDavError::NotCalDav(_)), "{err:?}");
    assert!(err.to_string().contains("no calendar server"), "{err}");
}

#[test]
fn https_to_a_server_that_speaks_no_tls_is_a_refused_secure_connection() {
    let web = PlainWeb::start();
    let url = ServerUrl::parse(&format!("https://127.0.0.1:{}/", web.1)).unwrap();
    let err = Connection::open(&url, "alice", "x").and_then(|c| c.discover()).unwrap_err();
    assert!(matches!(err, CalDavError::Tls(_)), "{err:?}");
}

fn item(uid: &str, summary: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quarterdeck//tests//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261203T120000Z\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

const SUMMARIES: &str = r#"
import sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
cal = client.calendar(url=sys.argv[4])
for event in cal.events():
    print(event.icalendar_component["SUMMARY"])
"#;

#[test]
fn items_are_written_only_over_what_was_last_seen() {
    use quarterdeck_caldav::{Deleted, Written};
    let server = Radicale::start();
    let alice = connect(&server, "alice", "alice-secret").unwrap();
    let home = alice.discover().unwrap().home;
    let cal = alice.create_calendar(&home, "quarterdeck-events", "Quarterdeck · Events", &[Component::Event]).unwrap();
    let href = format!("{cal}rustconf.ics");

    let Written::Stored(first) = alice.create_item(&href, &item("rustconf", "RustConf")).unwrap() else {
        panic!("a new item is stored")
    };
    assert_eq!(alice.create_item(&href, &item("rustconf", "Twice")).unwrap(), Written::Conflict, "never over another");
    let Written::Stored(second) = alice.update_item(&href, &item("rustconf", "RustConf 2027"), &first).unwrap() else {
        panic!("an update over the last ETag is stored")
    };
    assert_ne!(first, second);
    assert_eq!(alice.update_item(&href, &item("rustconf", "Stale"), &first).unwrap(), Written::Conflict);
    assert_eq!(alice.etag(&href).unwrap().as_deref(), Some(second.as_str()));

    let url = format!("{}{}", server.url().trim_end_matches('/'), cal);
    let seen = server.python_client(SUMMARIES, &[&server.url(), "alice", "alice-secret", &url]);
    assert_eq!(seen.trim(), "RustConf 2027", "the other client reads what was written last");

    assert_eq!(alice.delete_item(&href, Some(&first)).unwrap(), Deleted::Conflict);
    assert_eq!(alice.delete_item(&href, Some(&second)).unwrap(), Deleted::Deleted);
    assert_eq!(alice.delete_item(&href, Some(&second)).unwrap(), Deleted::Gone);
    assert_eq!(alice.etag(&href).unwrap(), None);
    let seen = server.python_client(SUMMARIES, &[&server.url(), "alice", "alice-secret", &url]);
    assert_eq!(seen.trim(), "");
}

#[test]
fn another_account_cannot_write_into_alices_calendar() {
    let server = Radicale::start();
    let alice = connect(&server, "alice", "alice-secret").unwrap();
    let home = alice.discover().unwrap().home;
    let cal = alice.create_calendar(&home, "quarterdeck-events", "Quarterdeck · Events", &[Component::Event]).unwrap();
    let bob = connect(&server, "bob", "bob-secret").unwrap();
    let err = bob.create_item(&format!("{cal}x.ics"), &item("x", "Bob was here")).unwrap_err();
    assert!(matches!(err, CalDavError::Forbidden(_)), "{err:?}");
}

#[test]
fn changes_come_from_the_last_token_and_a_stale_token_lists_everything() {
    use quarterdeck_caldav::Written;
    let server = Radicale::start();
    let alice = connect(&server, "alice", "alice-secret").unwrap();
    let home = alice.discover().unwrap().home;
    let work = alice.create_calendar(&home, "work", "Work", &[Component::Event]).unwrap();
    let stored = |name: &str| match alice.create_item(&format!("{work}{name}.ics"), &item(name, name)).unwrap() {
        Written::Stored(etag) => etag,
        Written::Conflict => panic!("{name} is new"),
    };
    let a = stored("standup");
    stored("review");

    let all = alice.changes(&work, None).unwrap();
    assert!(all.complete);
    let mut hrefs: Vec<&str> = all.changed.iter().map(|(h, _)| h.as_str()).collect();
    hrefs.sort();
    assert_eq!(hrefs, [format!("{work}review.ics"), format!("{work}standup.ics")]);

    stored("retro");
    assert_eq!(
        alice.delete_item(&format!("{work}standup.ics"), Some(&a)).unwrap(),
        quarterdeck_caldav::Deleted::Deleted
    );
    let since = alice.changes(&work, Some(&all.token)).unwrap();
    assert!(!since.complete);
    assert_eq!(since.changed.iter().map(|(h, _)| h.clone()).collect::<Vec<_>>(), [format!("{work}retro.ics")]);
    assert_eq!(since.deleted, [format!("{work}standup.ics")]);
    assert_ne!(since.token, all.token);

    let fetched = alice.fetch(&work, &[format!("{work}retro.ics")]).unwrap();
    assert_eq!(fetched.len(), 1);
    assert!(fetched[0].data.contains("SUMMARY:retro"), "{}", fetched[0].data);

    // A token the server does not know: the whole calendar again, marked complete.
    let fresh = alice.changes(&work, Some("http://radicale.org/ns/sync/bogus")).unwrap();
    assert!(fresh.complete);
    assert_eq!(fresh.changed.len(), 2);
}

#[test]
fn on_a_server_unlike_radicale_the_same_calls_do_the_same() {
    use quarterdeck_caldav::{Deleted, Written};
    let server = xandikos::Xandikos::start();
    let me = Connection::open(&ServerUrl::parse(&server.url()).unwrap(), "user", "unused").unwrap();
    let found = me.discover().unwrap();
    assert_eq!((found.principal.as_str(), found.home.as_str()), ("/user/", "/user/calendars/"));
    let cal =
        me.create_calendar(&found.home, "quarterdeck-events", "Quarterdeck · Events", &[Component::Event]).unwrap();
    let listed = me.discover().unwrap().calendars;
    assert!(listed.iter().any(|c| c.href == cal && c.name.as_deref() == Some("Quarterdeck · Events")), "{listed:?}");

    let href = format!("{cal}rustconf.ics");
    let Written::Stored(first) = me.create_item(&href, &item("rustconf", "RustConf")).unwrap() else {
        panic!("stored")
    };
    assert_eq!(me.create_item(&href, &item("rustconf", "Again")).unwrap(), Written::Conflict);
    let all = me.changes(&cal, None).unwrap();
    assert_eq!(all.changed.len(), 1);
    let Written::Stored(second) = me.update_item(&href, &item("rustconf", "RustConf 2027"), &first).unwrap() else {
        panic!("updated")
    };
    assert_eq!(me.update_item(&href, &item("rustconf", "Stale"), &first).unwrap(), Written::Conflict);

    // Xandikos sends no data inside sync reports: the items come by multiget.
    let since = me.changes(&cal, Some(&all.token)).unwrap();
    assert_eq!(since.changed.iter().map(|(h, _)| h.as_str()).collect::<Vec<_>>(), [href.as_str()]);
    let fetched = me.fetch(&cal, std::slice::from_ref(&href)).unwrap();
    assert!(fetched[0].data.contains("SUMMARY:RustConf 2027"), "{}", fetched[0].data);
    // Its answer to a token it does not know is 412, not Radicale's 403: a full listing all the same.
    let fresh = me.changes(&cal, Some("http://example.org/not-a-token")).unwrap();
    assert!(fresh.complete);
    assert_eq!(fresh.changed.len(), 1);

    assert_eq!(me.delete_item(&href, Some(&first)).unwrap(), Deleted::Conflict);
    assert_eq!(me.delete_item(&href, Some(&second)).unwrap(), Deleted::Deleted);
    let after = me.changes(&cal, Some(&since.token)).unwrap();
    assert_eq!(after.deleted, [href]);
}
