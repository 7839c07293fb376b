//! The headless command line: `quarterdeck --db FILE <command>`. Each verb calls
//! the same store functions as the window. With no command, `main` opens the window.
//!
//! `args.rs` is what the command line accepts (the clap types); this file only
//! dispatches a parsed command; each verb group prints from its own file
//! (`people.rs`, `travel.rs`, …) through the helpers in `output.rs`.

use std::io::Write;
use std::path::Path;

use crate::Result;
use crate::demo::DemoOptions;
use crate::domain::holidays;
use crate::domain::load::Horizon;
use crate::store::Store;

mod args;
mod backup;
mod calendar;
mod calendar_server;
mod catalog;
mod cfps;
mod content;
mod events;
mod load;
mod output;
mod people;
mod plan;
mod quarter;
pub mod stderr_log;
mod talks;
mod travel;

use args::today_or_clock;
pub use args::{Cli, Command};

/// Runs one command against the database at `db`, writing its report to `out`.
pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<()> {
    // Each verb opens the store itself, after reading its input, so that a
    // missing or broken input file never leaves a new database behind. Verbs
    // that only read open it read-only: they never create, migrate or write a
    // plan (a mistyped --db says there is none; a read-only plan can be read).
    let open = || Store::open(db);
    let read = || Store::open_read_only(db);
    match command {
        Command::Demo { people, weeks, seed, from, today } => {
            let today = today_or_clock(today);
            let from = from.unwrap_or(DemoOptions::for_today(today).from);
            plan::demo(&mut open()?, db, &DemoOptions { people: people as usize, weeks, seed, from, today }, out)?;
        }
        Command::People { json } => people::list(&read()?, json, out)?,
        Command::Events { json } => events::list(&read()?, json, out)?,
        Command::ExportPlan { file, person } => plan::export(&read()?, person.as_deref(), &file, out)?,
        Command::ImportPlan { file } => plan::import(open, &file, out)?,
        Command::ImportConferences { path, json } => catalog::import(open, &path, json, out)?,
        Command::UpdateCatalog { from, json } => catalog::update(open, from.as_deref(), json, out)?,
        Command::Cfps { days, json } => cfps::closing(&read()?, crate::clock::now(), days, json, out)?,
        Command::Talks { json } => talks::list(&read()?, json, out)?,
        Command::Content { person, from, to, json } => {
            content::list(read, person.as_deref(), from, to, crate::clock::today(), json, out)?;
        }
        Command::Trips { person, json } => travel::trips(&read()?, person.as_deref(), json, out)?,
        Command::Budget { quarter, json } => travel::budget(&read()?, quarter, json, out)?,
        Command::ImportRates { file } => travel::import_rates(open, &file, out)?,
        Command::ExportCosts { out: file, quarter } => travel::export_costs(&read()?, quarter, &file, out)?,
        Command::Load { person, team: _, from, weeks, json } => {
            let today = crate::clock::today();
            // --from is any day of the first week; running figures are taken today.
            let horizon = Horizon { from: from.unwrap_or(today), weeks, as_of: today };
            load::load(&read()?, person.as_deref(), horizon, json, out)?;
        }
        Command::ImportHolidays { file, person } => {
            // Parsed before opening, so a bad file leaves no new database behind.
            let parsed = holidays::parse(&crate::files::read_text(&file, crate::files::HOLIDAYS)?)?;
            load::import_holidays(&mut open()?, &file, &parsed, person.as_deref(), out)?;
        }
        Command::ExportIcs { out: file, folder, person, team: _, kind, from, to, cfp_alarms } => {
            let kinds = calendar::kinds(&kind)?;
            let mut store = open()?;
            let scope = calendar::scope(&store, &person, from, to, &cfp_alarms)?;
            calendar::export(&mut store, file.as_deref(), folder.as_deref(), &kinds, &scope, out)?;
        }
        Command::ImportIcs { file, person } => calendar::import_ics(&mut open()?, &file, &person, out)?,
        Command::Occurrences { file, from, to, json } => calendar::occurrences(&file, from, to, json, out)?,
        Command::Backup { out: file } => backup::backup(&read()?, db, &file, out)?,
        Command::Restore { from } => backup::restore(open, db, &from, crate::clock::now(), out)?,
        Command::Quarter { quarter, person, team: _, today, json } => {
            quarter::quarter(&read()?, quarter, person.as_deref(), today_or_clock(today), json, out)?;
        }
        Command::Report { quarter, out: file, person, today } => {
            quarter::write_report(&read()?, quarter, person.as_deref(), today_or_clock(today), &file, out)?;
        }
        Command::Catalog { json } => catalog::list(&read()?, json, out)?,
        Command::Connect { url, user, me, json } => calendar_server::connect(open, &url, &user, &me, json, out)?,
        Command::Sync { json } => calendar_server::sync(&mut open()?, json, out)?,
        Command::Calendars { use_calendar: Some(href), counts_as: Some(how), json: _ } => {
            calendar_server::count_as(&mut open()?, &href, how, out)?;
        }
        Command::Calendars { json, .. } => calendar_server::calendars(&read()?, json, out)?,
    }
    Ok(())
}
