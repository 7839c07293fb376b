//! The headless command line: `quarterdeck --db FILE <command>`. Each verb calls
//! the same store functions as the window. With no command, `main` opens the window.

use std::io::Write;
use std::path::Path;

use crate::demo::{self, DemoOptions};
use crate::domain::ecb_rates;
use crate::domain::holidays;
use crate::domain::load::Horizon;
use crate::domain::quarter::Quarter;
use crate::plan_file::Plan;
use crate::store::Store;
use crate::{Error, Result};

mod args;
mod calendar;
mod catalog;
mod cfps;
mod content;
mod events;
mod load;
mod output;
mod people;
mod quarter;
mod talks;
mod travel;

pub use args::{Cli, Command};

/// Runs one command against the database at `db`, writing its report to `out`.
pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<()> {
    let io = |e| Error::file("standard output", e);
    // Each verb opens the store itself, after reading its input, so that a
    // missing or broken input file never leaves a new database behind. Verbs
    // that only read open it read-only: they never create, migrate or write a
    // plan (a mistyped --db says there is none; a read-only plan can be read).
    let open = || Store::open(db);
    let read = || Store::open_read_only(db);
    match command {
        Command::Demo { people, weeks, seed, from, today } => {
            let today = today.unwrap_or_else(crate::clock::today);
            let defaults = DemoOptions::for_today(today);
            let options =
                DemoOptions { people: people as usize, weeks, seed, from: from.unwrap_or(defaults.from), today };
            let summary = demo::fill(&mut open()?, &options)?;
            writeln!(out, "Sample team written to {}\n{summary}", db.display()).map_err(io)?;
        }
        Command::People { json } => people::list(&read()?, json, out)?,
        Command::Events { json } => events::list(&read()?, json, out)?,
        Command::Backup { out: file } => {
            let copy = read()?.backup_to(&file)?;
            writeln!(
                out,
                "Backed up {} to {} ({} people, {} bytes, schema v{})",
                db.display(),
                copy.path.display(),
                copy.people,
                copy.bytes,
                copy.schema_version
            )
            .map_err(io)?;
        }
        Command::Restore { from } => {
            // Checked before the store opens, so a bad file leaves no new database behind.
            crate::store::inspect_backup(&from)?;
            let restored = crate::disk::backups::restore(&mut open()?, &from, crate::clock::now())?;
            writeln!(
                out,
                "Restored {} from {} ({} people); the plan it replaced is kept at {}",
                db.display(),
                from.display(),
                restored.from.people,
                restored.previous.path.display()
            )
            .map_err(io)?;
            if let Some(v) = restored.migrated_from {
                writeln!(out, "The backup was schema v{v} and is now up to date.").map_err(io)?;
            }
        }
        Command::ExportPlan { file, person } => {
            let plan = read()?.export_plan(person.as_deref())?;
            plan.write(&file)?;
            writeln!(
                out,
                "Wrote {}: {} people, {} events, {} participations, {} time off",
                file.display(),
                plan.people.len(),
                plan.events.len(),
                plan.participations.len(),
                plan.time_off.len()
            )
            .map_err(io)?;
        }
        Command::ImportConferences { path, json } => catalog::import(open, &path, json, out)?,
        Command::Cfps { days, json } => cfps::closing(&read()?, crate::clock::now(), days, json, out)?,
        Command::Talks { json } => talks::list(&read()?, json, out)?,
        Command::Content { person, from, to, json } => {
            content::list(read, person.as_deref(), from, to, crate::clock::today(), json, out)?;
        }
        Command::Trips { person, json } => travel::trips(&read()?, person.as_deref(), json, out)?,
        Command::Budget { quarter, json } => {
            let quarter = Quarter::parse("--quarter", &quarter)?;
            travel::budget(&read()?, quarter, json, out)?;
        }
        Command::ImportRates { file } => {
            let parsed = ecb_rates::parse(&crate::files::read_bytes(&file, crate::files::RATES)?)?;
            let report = open()?.import_rates(parsed)?;
            write!(out, "Imported {}: {report}", file.display()).map_err(io)?;
        }
        Command::ExportCosts { out: file, quarter } => {
            let quarter = quarter.map(|q| Quarter::parse("--quarter", &q)).transpose()?;
            let text = read()?.cost_csv(quarter)?;
            crate::files::write_whole(&file, &text)?;
            writeln!(out, "Wrote {}: {} cost lines", file.display(), text.lines().count().saturating_sub(1))
                .map_err(io)?;
        }
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
        Command::Quarter { quarter, person, team: _, today, json } => {
            let quarter = Quarter::parse("--quarter", &quarter)?;
            let today = today.unwrap_or_else(crate::clock::today);
            quarter::quarter(&read()?, quarter, person.as_deref(), today, json, out)?;
        }
        Command::Report { quarter, out: file, person, today } => {
            let quarter = Quarter::parse("--quarter", &quarter)?;
            let today = today.unwrap_or_else(crate::clock::today);
            quarter::write_report(&read()?, quarter, person.as_deref(), today, &file, out)?;
        }
        Command::Catalog { json } => catalog::list(&read()?, json, out)?,
        Command::ImportPlan { file } => {
            let plan = Plan::read(&file)?;
            let summary = open()?.import_plan(&plan)?;
            writeln!(out, "Imported {}\n{summary}", file.display()).map_err(io)?;
        }
    }
    Ok(())
}
