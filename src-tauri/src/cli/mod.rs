//! The headless command line: `quarterdeck --db FILE <command>`. Each verb calls
//! the same store functions as the window. With no command, `main` opens the window.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::demo::{self, DemoOptions};
use crate::domain::acceptance::{Acceptance, AcceptanceReport};
use crate::domain::catalog::CatalogEntry;
use crate::domain::content;
use crate::domain::ecb_rates;
use crate::domain::holidays;
use crate::domain::load::Horizon;
use crate::domain::quarter::Quarter;
use crate::domain::{ContentItem, Submission, Talk, TalkVersion};
use crate::plan_file::Plan;
use crate::store::CatalogImport;
use crate::store::Store;
use crate::{Error, Result};

mod args;
mod calendar;
mod cfps;
mod events;
mod load;
mod output;
mod people;
mod quarter;
mod travel;

pub use args::{Cli, Command};
use output::{print_json, table};

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
        Command::ImportConferences { path, json } => {
            let (listings, skipped) = crate::disk::catalog_files::read_path(&path)?;
            let report = open()?.import_listings(&listings, skipped)?;
            if json {
                print_json(out, &report)?;
            } else {
                write!(out, "{}", catalog_report(&report)).map_err(io)?;
            }
        }
        Command::Cfps { days, json } => cfps::closing(&read()?, crate::clock::now(), days, json, out)?,
        Command::Talks { json } => {
            let records = talk_records(&read()?)?;
            if json {
                print_json(out, &records)?;
            } else {
                write!(out, "{}", talks_table(&records)).map_err(io)?;
            }
        }
        Command::Content { person, from, to, json } => {
            if let (Some(f), Some(t)) = (from, to)
                && t < f
            {
                return Err(Error::invalid("--to", format!("{t} is before --from {f}")));
            }
            let today = crate::clock::today();
            let records = content_records(&read()?, person.as_deref(), from, to, today)?;
            if json {
                print_json(out, &records)?;
            } else {
                write!(out, "{}", content_table(&records)).map_err(io)?;
            }
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
        Command::Catalog { json: true } => print_json(out, &read()?.catalog()?)?,
        Command::Catalog { json: false } => write!(out, "{}", catalog_table(&read()?.catalog()?)).map_err(io)?,
        Command::ImportPlan { file } => {
            let plan = Plan::read(&file)?;
            let summary = open()?.import_plan(&plan)?;
            writeln!(out, "Imported {}\n{summary}", file.display()).map_err(io)?;
        }
    }
    Ok(())
}

/// A talk as `talks` prints it: the talk, where each version went, and how it fared.
#[derive(serde::Serialize)]
struct TalkRecord {
    #[serde(flatten)]
    talk: Talk,
    owner: Option<String>,
    versions: Vec<TalkVersion>,
    submissions: Vec<Submission>,
    acceptance: Option<Acceptance>,
}

fn talk_records(store: &Store) -> Result<Vec<TalkRecord>> {
    let (versions, submissions, people) = (store.talk_versions()?, store.submissions()?, store.people()?);
    let rates = AcceptanceReport::of(&submissions);
    Ok(store
        .talks()?
        .into_iter()
        .map(|talk| TalkRecord {
            owner: people.iter().find(|p| Some(p.id) == talk.owner_id).map(|p| p.name.clone()),
            versions: versions.iter().filter(|v| v.talk_id == talk.id).cloned().collect(),
            submissions: submissions.iter().filter(|s| s.talk_id == talk.id).cloned().collect(),
            acceptance: rates.for_talk(talk.id).cloned(),
            talk,
        })
        .collect())
}

fn talks_table(records: &[TalkRecord]) -> String {
    let rows = records
        .iter()
        .map(|r| {
            let (sent, rate) = match &r.acceptance {
                Some(a) => (a.sent.to_string(), a.rate.map_or("–".to_string(), |x| format!("{:.0} %", x * 100.0))),
                None => ("0".to_string(), "–".to_string()),
            };
            vec![
                r.talk.title.clone(),
                r.talk.format.to_string(),
                format!("{} min", r.talk.duration_minutes),
                r.talk.status.to_string(),
                r.owner.clone().unwrap_or_default(),
                r.versions.len().to_string(),
                sent,
                rate,
            ]
        })
        .collect();
    table(&["TITLE", "FORMAT", "LENGTH", "STATUS", "OWNER", "VERSIONS", "SENT", "ACCEPTED"], rows)
}

/// A content item as `content` prints it: the item, the names it links to, and why it is late.
#[derive(serde::Serialize)]
struct ContentRecord {
    #[serde(flatten)]
    item: ContentItem,
    owner: Option<String>,
    event: Option<String>,
    talk: Option<String>,
    overdue: Option<String>,
}

fn content_records(
    store: &Store,
    person: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<ContentRecord>> {
    let (people, events, talks, items) = store.read(|s| Ok((s.people()?, s.events()?, s.talks()?, s.content()?)))?;
    let owner = person.map(|name| store.person_by_name(name)).transpose()?;
    Ok(content::within(&items, from, to)
        .into_iter()
        .filter(|c| owner.as_ref().is_none_or(|o| c.owner_id == Some(o.id)))
        .map(|c| ContentRecord {
            owner: people.iter().find(|p| Some(p.id) == c.owner_id).map(|p| p.name.clone()),
            event: events.iter().find(|e| Some(e.id) == c.event_id).map(|e| e.name.clone()),
            talk: talks.iter().find(|t| Some(t.id) == c.talk_id).map(|t| t.title.clone()),
            overdue: c.overdue(today),
            item: c.clone(),
        })
        .collect())
}

fn content_table(records: &[ContentRecord]) -> String {
    let rows = records
        .iter()
        .map(|r| {
            let c = &r.item;
            let publish = match (c.publish_at, &c.timezone) {
                (Some(p), Some(tz)) => format!("{} {tz}", p.format("%Y-%m-%d %H:%M")),
                _ => String::new(),
            };
            let status = match &r.overdue {
                Some(_) => format!("{} (overdue)", c.status),
                None => c.status.to_string(),
            };
            vec![
                c.due_on.map_or(String::new(), |d| d.to_string()),
                publish,
                c.title.clone(),
                c.kind.to_string(),
                status,
                r.owner.clone().unwrap_or_default(),
                format!("{} h", c.effort_hours),
                r.event.clone().or(r.talk.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    table(&["DUE", "PUBLISH", "TITLE", "KIND", "STATUS", "OWNER", "EFFORT", "FOLLOWS UP"], rows)
}

fn catalog_report(report: &CatalogImport) -> String {
    let mut text = format!(
        "{} new, {} updated, {} unchanged, {} skipped\n",
        report.added,
        report.updated,
        report.unchanged,
        report.skipped.len()
    );
    for change in &report.changes {
        text.push_str(&format!("updated: {change}\n"));
    }
    for skip in &report.skipped {
        let at = skip.index.map_or(String::new(), |i| format!("[{i}]"));
        text.push_str(&format!("skipped: {}{at}: {}\n", skip.file, skip.reason));
    }
    text
}

fn catalog_table(entries: &[CatalogEntry]) -> String {
    let rows = entries
        .iter()
        .map(|CatalogEntry { listing: e, .. }| {
            let place =
                if e.online && e.city.is_empty() { "online".to_string() } else { format!("{}, {}", e.city, e.country) };
            let cfp = e.cfp_end_date.map_or(String::new(), |d| format!("{d} AoE"));
            vec![e.start_date.to_string(), e.name.clone(), place, e.topics.join(" "), cfp]
        })
        .collect();
    table(&["STARTS", "NAME", "WHERE", "TOPICS", "CFP CLOSES"], rows)
}
