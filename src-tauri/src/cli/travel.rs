//! `trips`, `budget`, `import-rates` and `export-costs`: travel and what it
//! costs, as the command line prints it.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::output::{print_json, table};
use crate::domain::bounds;
use crate::domain::budget_report::{BudgetReport, BudgetRow};
use crate::domain::ecb_rates;
use crate::domain::money::{Currency, Money};
use crate::domain::quarter::Quarter;
use crate::domain::travel::{ShiftDirection, TripFacts};
use crate::domain::trip::Trip;
use crate::ipc::TripFigures;
use crate::store::Store;
use crate::{Error, Result};

/// A trip as `trips --json` prints it: the trip, who and what it is for, and its figures.
#[derive(Serialize)]
struct TripRecord {
    #[serde(flatten)]
    trip: Trip,
    person: String,
    events: Vec<String>,
    #[serde(flatten)]
    figures: TripFigures,
}

pub fn trips(store: &Store, person: Option<&str>, json: bool, out: &mut dyn Write) -> Result<()> {
    let (people, events, trips, settings) =
        store.read(|s| Ok((s.people()?, s.events()?, s.trips()?, s.settings()?)))?;
    let who = person.map(|name| store.person_by_name(name)).transpose()?;
    let trips: Vec<Trip> = trips.into_iter().filter(|t| who.as_ref().is_none_or(|p| p.id == t.person_id)).collect();
    let figures = TripFigures::of(store, &trips, &people, &settings.reporting_currency)?;
    let records: Vec<TripRecord> = trips
        .into_iter()
        .zip(figures)
        .map(|(trip, figures)| TripRecord {
            person: people.iter().find(|p| p.id == trip.person_id).map(|p| p.name.clone()).unwrap_or_default(),
            events: (trip.event_ids.iter())
                .filter_map(|id| events.iter().find(|e| e.id == *id).map(|e| e.name.clone()))
                .collect(),
            trip,
            figures,
        })
        .collect();
    if json {
        return print_json(out, &records);
    }
    let to = Currency::parse("reporting_currency", &settings.reporting_currency)?;
    let rows = records.iter().map(|r| trip_row(r, to)).collect::<Result<_>>()?;
    let text = table(
        &["DEPARTS", "TRIP", "WHO", "STATUS", "ROUTE", "NIGHTS", "BODY CLOCK", "RED-EYES", "KM", "CO2 KG", "COST"],
        rows,
    );
    write!(out, "{text}").map_err(|e| Error::file("standard output", e))
}

fn trip_row(r: &TripRecord, to: Currency) -> Result<Vec<String>> {
    let t = &r.trip;
    let route = match t.segments.first() {
        Some(first) => std::iter::once(first.from.label.as_str())
            .chain(t.segments.iter().map(|s| s.to.label.as_str()))
            .collect::<Vec<_>>()
            .join(" → "),
        None => String::new(),
    };
    let facts: Option<&TripFacts> = r.figures.facts.as_ref();
    let amounts = (r.figures.costs.iter()).map(|c| c.actual.as_ref().or(c.planned.as_ref()).map_or(0, |a| a.minor));
    let cost = bounds::sum(&format!("trip {:?}.costs", t.title), amounts)?;
    let unconverted = r.figures.costs.iter().any(|c| c.problem.is_some());
    Ok(vec![
        t.segments.first().map_or(String::new(), |s| s.depart_at.format("%Y-%m-%d %H:%M").to_string()),
        t.title.clone(),
        r.person.clone(),
        t.status.to_string(),
        route,
        facts.map_or(String::new(), |f| f.nights_away.to_string()),
        facts.map_or(String::new(), |f| shift(f.max_shift_minutes, f.max_shift_direction)),
        facts.map_or(String::new(), |f| f.red_eyes.to_string()),
        facts.map_or(String::new(), |f| format!("{:.0}", f.distance_km)),
        facts.map_or(String::new(), |f| format!("{:.0}", f.co2_kg)),
        format!("{}{}", Money { minor: cost, currency: to }, if unconverted { " (incomplete)" } else { "" }),
    ])
}

/// "9 h east", "5.5 h east", "none".
pub fn shift(minutes: i32, direction: ShiftDirection) -> String {
    if minutes == 0 {
        return "none".to_string();
    }
    let hours = f64::from(minutes.abs()) / 60.0;
    format!("{} h {direction}", format!("{hours:.1}").trim_end_matches(".0"))
}

/// Prints the report; a cost or budget with no rate makes the command fail after
/// printing, so that a script never takes an incomplete total for a whole one.
pub fn budget(store: &Store, quarter: Quarter, json: bool, out: &mut dyn Write) -> Result<()> {
    let report = store.budget_report(quarter)?;
    if json {
        print_json(out, &report)?;
    } else {
        write!(out, "{}", budget_table(&report)).map_err(|e| Error::file("standard output", e))?;
    }
    match report.unconverted.as_slice() {
        [] => Ok(()),
        missing => Err(Error::invalid(
            "currency",
            format!("{} left out of the totals for want of a rate:\n  {}", missing.len(), missing.join("\n  ")),
        )),
    }
}

fn budget_table(report: &BudgetReport) -> String {
    let to = Currency::parse("currency", &report.currency).expect("the report's currency was parsed to make it");
    let money = |minor: i64| Money { minor, currency: to }.decimal();
    let opt = |minor: Option<i64>| minor.map_or_else(|| "-".to_string(), money);
    let row = |r: &BudgetRow| {
        vec![
            r.name.clone(),
            opt(r.budget_minor),
            money(r.spend.planned),
            money(r.spend.committed),
            money(r.spend.actual),
            money(r.spend.forecast),
            opt(r.remaining_minor),
            r.used_percent.map_or_else(|| "-".to_string(), |p| format!("{p:.0} %")),
            r.alert.as_ref().map_or(String::new(), |a| format!("≥ {} %", a.threshold)),
        ]
    };
    let mut rows: Vec<Vec<String>> = report.people.iter().map(row).collect();
    rows.push(row(&report.team));
    let mut text = format!("{} travel budget in {}\n{}\n", report.quarter, report.currency, report.rule_sentence);
    text.push_str(&table(
        &["WHO", "BUDGET", "PLANNED", "COMMITTED", "ACTUAL", "FORECAST", "REMAINING", "USED", "ALERT"],
        rows,
    ));
    for r in report.people.iter().chain([&report.team]) {
        if let Some(a) = &r.alert {
            text.push_str(&format!("alert: {}\n", a.message));
        }
    }
    text
}

/// Imports the ECB reference rates in `file`. The file is read before `open`
/// opens the store, so a bad file leaves no new database behind.
pub fn import_rates(open: impl FnOnce() -> Result<Store>, file: &Path, out: &mut dyn Write) -> Result<()> {
    let parsed = ecb_rates::parse(&crate::files::read_bytes(file, crate::files::RATES)?)?;
    let report = open()?.import_rates(parsed)?;
    write!(out, "Imported {}: {report}", file.display()).map_err(|e| Error::file("standard output", e))
}

/// Writes every cost line (or one quarter's) to `file` as CSV and counts them.
pub fn export_costs(store: &Store, quarter: Option<Quarter>, file: &Path, out: &mut dyn Write) -> Result<()> {
    let text = store.cost_csv(quarter)?;
    crate::files::write_whole(file, &text)?;
    writeln!(out, "Wrote {}: {} cost lines", file.display(), text.lines().count().saturating_sub(1))
        .map_err(|e| Error::file("standard output", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_read_as_hours_and_a_direction() {
        assert_eq!(shift(540, ShiftDirection::East), "9 h east");
        assert_eq!(shift(-330, ShiftDirection::West), "5.5 h west");
        assert_eq!(shift(0, ShiftDirection::None), "none");
    }
}
