//! `connect`, `sync` and `calendars`: the plan's live calendars on a CalDAV
//! server, through the same sync functions as the window. The password comes
//! from `QUARTERDECK_CALDAV_PASSWORD` (or else the keychain entry the window
//! keeps), never from an argument (which other users of the machine could
//! read in the process list).

use std::io::Write;

use quarterdeck_caldav::{Connection, ServerUrl};
use serde::Serialize;

use super::output::{print_json, table};
use crate::domain::load::CountsAs;
use crate::store::Store;
use crate::sync::{self, PASSWORD_VARIABLE, server_error};
use crate::{Error, Result};

/// The password: the environment variable first (scripts, tests), then the
/// keychain entry the window keeps for the account.
fn password(server_url: &str, user: &str) -> Result<String> {
    if let Some(password) = std::env::var(PASSWORD_VARIABLE).ok().filter(|p| !p.is_empty()) {
        return Ok(password);
    }
    sync::Keychain::os().password(server_url, user).ok_or_else(|| {
        Error::invalid(
            "password",
            format!(
                "set {PASSWORD_VARIABLE} to the account's password or app password (or connect in the window, \
                 which keeps it in the keychain)"
            ),
        )
    })
}

fn say(out: &mut dyn Write, text: &str) -> Result<()> {
    write!(out, "{text}").map_err(|e| Error::file("standard output", e))
}

/// Connects the plan to the account `user` at `url`, as the person named `me`.
pub fn connect(
    open: impl FnOnce() -> Result<Store>,
    url: &str,
    user: &str,
    me: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    // The address and the password are checked before the plan is opened or the server asked.
    let server_url = ServerUrl::parse(url).map_err(server_error)?;
    let password = password(&server_url.to_string(), user)?;
    let mut store = open()?;
    let me = store.person_by_name(me).map_err(|e| match e {
        Error::Invalid { message, .. } => Error::invalid("me", message),
        other => other,
    })?;
    let server = Connection::open(&server_url, user, &password).map_err(server_error)?;
    let connected = sync::connect(&mut store, &server, &server_url.to_string(), user, me.id, crate::clock::now())?;
    if json {
        return print_json(out, &connected);
    }
    let rows = connected
        .calendars
        .iter()
        .map(|(kind, href, made)| {
            vec![kind.title().to_string(), href.clone(), if *made { "made" } else { "found" }.into()]
        })
        .collect();
    say(out, &format!("Connected as {} ({}), publishing {}'s plan.\n", user, connected.principal, me.name))?;
    say(out, &table(&["KIND", "CALENDAR", ""], rows))
}

/// The connected account, opened with the password from the environment.
fn server_of(store: &Store) -> Result<Connection> {
    let account = store.require_calendar_account()?;
    let url = ServerUrl::parse(&account.server_url).map_err(server_error)?;
    Connection::open(&url, &account.user_name, &password(&account.server_url, &account.user_name)?)
        .map_err(server_error)
}

#[derive(Serialize)]
struct SyncShown {
    edits: Vec<String>,
    pushed: u32,
    #[serde(flatten)]
    report: sync::PushReport,
    pulled: sync::PullReport,
}

/// One sync: sends what changed since the last one, then reads the busy calendars' changes.
pub fn sync(store: &mut Store, json: bool, out: &mut dyn Write) -> Result<()> {
    let server = server_of(store)?;
    let sync::SyncReport { edits, pushed: report, pulled } = sync::sync(store, &server, crate::clock::now())?;
    if json {
        return print_json(out, &SyncShown { edits, pushed: report.created + report.updated, report, pulled });
    }
    for edit in &edits {
        say(out, &format!("edited elsewhere: {edit}\n"))?;
    }
    say(
        out,
        &format!(
            "Sent {} new, {} changed and {} deleted; {} unchanged.\n",
            report.created, report.updated, report.deleted, report.unchanged
        ),
    )?;
    for conflict in &report.conflicts {
        say(out, &format!("conflict: {conflict}\n"))?;
    }
    say(
        out,
        &format!(
            "Busy time from {} calendars: {} added, {} changed, {} removed.\n",
            pulled.calendars, pulled.added, pulled.updated, pulled.removed
        ),
    )?;
    for warning in &pulled.warnings {
        say(out, &format!("warning: {warning}\n"))?;
    }
    Ok(())
}

/// Sets how the account's calendar at `href` counts for the load.
pub fn count_as(store: &mut Store, href: &str, how: sync::CountsAs, out: &mut dyn Write) -> Result<()> {
    let server = server_of(store)?;
    match sync::count_as(store, &server, href, how)? {
        sync::CountChange::Counted => {
            let what = if how == sync::CountsAs::OutOfOffice { "out of office" } else { "busy time" };
            say(out, &format!("{href} counts as {what} from the next sync.\n"))
        }
        sync::CountChange::Dropped(gone) => {
            say(out, &format!("{href} no longer counts; {gone} events left the load.\n"))
        }
    }
}

/// The account's calendars on the server.
pub fn calendars(store: &Store, json: bool, out: &mut dyn Write) -> Result<()> {
    let server = server_of(store)?;
    let listed = sync::server_calendars(store, &server)?;
    if json {
        return print_json(out, &listed);
    }
    let rows = listed
        .iter()
        .map(|c| {
            vec![
                c.href.clone(),
                c.name.clone().unwrap_or_default(),
                c.components.join(","),
                c.publishes.map(|k| k.title().to_string()).unwrap_or_default(),
                match c.counts_as {
                    Some(CountsAs::Busy) => "busy",
                    Some(CountsAs::OutOfOffice) => "out of office",
                    None => "",
                }
                .to_string(),
            ]
        })
        .collect();
    say(out, &table(&["CALENDAR", "NAME", "ACCEPTS", "QUARTERDECK PUBLISHES", "COUNTS AS"], rows))
}
