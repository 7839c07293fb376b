//! `export-ics`, `import-ics` and `occurrences`: calendars in and out.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::output::print_json;
use crate::disk::calendar_files;
use crate::domain::ics::import;
use crate::domain::ics::occurrences;
use crate::domain::ics::plan_items::{self, CalendarKind, ExportScope};
use crate::domain::ics::value::Stamp;
use crate::store::Store;
use crate::{Error, Result};

/// Whose calendar: named people, or the team when none are named.
pub fn scope(
    store: &Store,
    people: &[String],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    alarms: &str,
) -> Result<ExportScope> {
    let people = if people.is_empty() {
        None
    } else {
        Some(people.iter().map(|n| store.person_by_name(n).map(|p| p.id)).collect::<Result<Vec<_>>>()?)
    };
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(Error::invalid("to", format!("{t} is before --from {f}")));
    }
    Ok(ExportScope { people, from, to, cfp_alarms: plan_items::parse_alarms("cfp-alarms", alarms)? })
}

/// `--kind`: one kind, or `all` for every kind in one file.
pub fn kinds(kind: &str) -> Result<Vec<CalendarKind>> {
    if kind == "all" {
        return Ok(CalendarKind::ALL.to_vec());
    }
    kind.parse::<CalendarKind>().map(|k| vec![k]).map_err(|e| Error::invalid("kind", format!("{e}, all")))
}

pub fn export(
    store: &mut Store,
    out_file: Option<&Path>,
    folder: Option<&Path>,
    kinds: &[CalendarKind],
    scope: &ExportScope,
    out: &mut dyn Write,
) -> Result<()> {
    let io = |e| Error::file("standard output", e);
    let now = crate::clock::now();
    match (out_file, folder) {
        (Some(path), None) => {
            let n = calendar_files::export_file(store, path, kinds, scope, now)?;
            writeln!(out, "Wrote {n} events to {}", path.display()).map_err(io)?;
        }
        (None, Some(dir)) => {
            for (path, n) in calendar_files::export_folder(store, dir, scope, now)? {
                writeln!(out, "Wrote {n} events to {}", path.display()).map_err(io)?;
            }
        }
        _ => return Err(Error::invalid("out", "give either --out FILE or --folder DIR")),
    }
    Ok(())
}

pub fn import_ics(store: &mut Store, file: &Path, person: &str, out: &mut dyn Write) -> Result<()> {
    let io = |e| Error::file("standard output", e);
    let who = store.person_by_name(person)?;
    let r = calendar_files::import(store, file, who.id, crate::clock::now(), &mut |_, _| {})?;
    writeln!(
        out,
        "Imported \"{}\" for {}: {}; {} added, {} updated, {} unchanged{}",
        r.calendar,
        who.name,
        r.count_sentence,
        r.added,
        r.updated,
        r.unchanged,
        if r.not_events > 0 {
            format!(", {} to-dos and other non-events left out", r.not_events)
        } else {
            String::new()
        }
    )
    .map_err(io)?;
    for w in &r.warnings {
        writeln!(out, "warning: {w}").map_err(io)?;
    }
    Ok(())
}

/// One occurrence as `occurrences --json` prints it: dates as dates, times
/// with a zone in UTC, floating times as they are.
#[derive(Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct Printed {
    uid: String,
    start: String,
    end: String,
    summary: String,
}

/// Every occurrence in an .ics file between two dates (the second exclusive),
/// as this app expands it. Used to check our reading against other readers.
pub fn occurrences(file: &Path, from: NaiveDate, to: NaiveDate, json: bool, out: &mut dyn Write) -> Result<()> {
    let bytes = crate::files::read_bytes(file, crate::files::CALENDAR)?;
    // A calendar with no events is a fine calendar here; importing one is not.
    let empty =
        crate::domain::ics::reader::parse(&bytes)?.iter().all(|c| c.children.iter().all(|e| e.name != "VEVENT"));
    let cal = if empty { import::CalendarFile::default() } else { import::read(&bytes)? };
    let zones = cal.zones();
    let (found, problems) =
        occurrences::between(&cal.events, &zones, from.and_time(Default::default()), to.and_time(Default::default()));
    let show = |s: &Stamp| match s {
        Stamp::Date(d) => d.to_string(),
        Stamp::Floating(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        Stamp::Utc(t) => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Stamp::Zoned(t, tz) => match zones.get(tz) {
            Ok(z) => z.to_utc(*t).format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            Err(_) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        },
    };
    let mut printed: Vec<Printed> = found
        .iter()
        .map(|o| Printed {
            uid: o.event.uid.clone(),
            start: show(&o.start),
            end: show(&o.end),
            summary: o.event.summary.clone(),
        })
        .collect();
    printed.sort();
    for p in &problems {
        eprintln!("warning: {p}");
    }
    for w in &cal.warnings {
        eprintln!("warning: {w}");
    }
    if json {
        return print_json(out, &printed);
    }
    let io = |e| Error::file("standard output", e);
    for p in &printed {
        writeln!(out, "{}  {}  {}", p.start, p.end, p.summary).map_err(io)?;
    }
    Ok(())
}
