//! `load` and `import-holidays`: workload risk as the command line prints it.

use std::io::Write;
use std::path::Path;

use super::output::{print_json, table};
use crate::domain::holidays::Holiday;
use crate::domain::load::{Horizon, PersonLoad, TeamLoad, WeekLoad};
use crate::store::Store;
use crate::{Error, Result};

/// Prints each person's weeks (or one person's): available and planned hours by
/// kind, the level, and every rule that fired with its id, level and sentence.
pub fn load(store: &Store, person: Option<&str>, horizon: Horizon, json: bool, out: &mut dyn Write) -> Result<()> {
    let io = |e| Error::file("standard output", e);
    let records = store.load_records(horizon)?;
    let team = TeamLoad::of(&records.input(), horizon);
    let who = person.map(|name| store.person_by_name(name)).transpose()?;
    let people: Vec<&PersonLoad> =
        team.people.iter().filter(|p| who.as_ref().is_none_or(|w| w.id == p.person_id)).collect();
    if json {
        return if who.is_some() { print_json(out, &people) } else { print_json(out, &team) };
    }
    for (i, p) in people.iter().enumerate() {
        if i > 0 {
            writeln!(out).map_err(io)?;
        }
        write!(out, "{}", person_text(p)).map_err(io)?;
    }
    if who.is_none() {
        writeln!(out, "\n{}", strip_text(&team)).map_err(io)?;
    }
    Ok(())
}

/// Adds the holidays in an .ics file as days off for one person or everyone.
pub fn import_holidays(
    store: &mut Store,
    file: &Path,
    parsed: &[Holiday],
    person: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let people = match person {
        Some(name) => vec![store.person_by_name(name)?.id],
        None => store.people()?.iter().map(|p| p.id).collect(),
    };
    let report = store.import_holidays(parsed, &people)?;
    writeln!(
        out,
        "Imported {}: {} holidays for {} people; {} days off added, {} already there",
        file.display(),
        report.holidays,
        report.people,
        report.added,
        report.unchanged
    )
    .map_err(|e| Error::file("standard output", e))
}

fn person_text(p: &PersonLoad) -> String {
    let count = |l| p.weeks.iter().filter(|w| w.level == l).count();
    use crate::domain::load::Level::{Amber, Red};
    let mut text = format!(
        "{}: {} red, {} amber of {} weeks · {} nights away in the last 30 days · {} trip-weeks this year · {} days off owed\n",
        p.name,
        count(Red),
        count(Amber),
        p.weeks.len(),
        p.nights_away_30d,
        p.trip_weeks_this_year,
        p.days_off_owed
    );
    for skipped in &p.skipped {
        text.push_str(&format!("  left out: {skipped}\n"));
    }
    let h = |x: f64| if x == 0.0 { "·".to_string() } else { format!("{x}") };
    let rows = p
        .weeks
        .iter()
        .map(|w| {
            vec![
                w.week.to_string(),
                format!("{}", w.available_hours),
                format!("{}", w.planned_hours),
                w.load_percent.map_or("–".into(), |x| format!("{x} %")),
                h(w.planned.events),
                h(w.planned.travel),
                h(w.planned.talk_prep),
                h(w.planned.workshop_prep),
                h(w.planned.content),
                h(w.planned.meetings),
                w.level.to_string(),
            ]
        })
        .collect();
    text.push_str(&table(
        &[
            "WEEK",
            "AVAIL H",
            "PLANNED H",
            "LOAD",
            "EVENTS",
            "TRAVEL",
            "TALK PREP",
            "WORKSHOP PREP",
            "CONTENT",
            "MEETINGS",
            "LEVEL",
        ],
        rows,
    ));
    let reasons: Vec<Vec<String>> = p.weeks.iter().flat_map(reason_rows).collect();
    if !reasons.is_empty() {
        text.push('\n');
        text.push_str(&table(&["WEEK", "LEVEL", "RULE", "WHY", "FIX"], reasons));
    }
    text
}

fn reason_rows(w: &WeekLoad) -> Vec<Vec<String>> {
    w.flags
        .iter()
        .map(|f| {
            vec![
                w.week.to_string(),
                f.level.to_string(),
                format!("{} {}", f.number, f.rule),
                f.sentence.clone(),
                f.fix.clone(),
            ]
        })
        .collect()
}

fn strip_text(team: &TeamLoad) -> String {
    let (Some(nights), Some(trip_weeks), Some(owed)) =
        (team.nights_away_30d, team.trip_weeks_this_year, team.days_off_owed)
    else {
        return format!("Team figures are hidden for groups smaller than {} people.\n", team.min_group);
    };
    let rows = team
        .strip
        .iter()
        .map(|w| {
            vec![
                w.week.to_string(),
                w.amber.map_or("–".into(), |x| x.to_string()),
                w.red.map_or("–".into(), |x| x.to_string()),
                w.at_risk_percent.map_or("–".into(), |x| format!("{x} %")),
            ]
        })
        .collect();
    format!(
        "Team ({} people): {nights} nights away in the last 30 days, {trip_weeks} trip-weeks this year, {owed} days off owed\n{}",
        team.people.len(),
        table(&["WEEK", "AMBER", "RED", "AT RISK"], rows)
    )
}
