//! `quarter` and `report`: the quarter plan as the command line prints it, and
//! the manager's one-page report written as a file.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::output::{print_json, table};
use crate::domain::money::{Currency, Money};
use crate::domain::quarter::Quarter;
use crate::domain::quarter_plan::QuarterView;
use crate::store::Store;
use crate::{Error, Result};

/// Prints goals with progress, balance shares, counts by kind, budget and outcomes.
pub fn quarter(
    store: &Store,
    quarter: Quarter,
    person: Option<&str>,
    today: NaiveDate,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let who = person.map(|name| store.person_by_name(name)).transpose()?;
    let view = store.quarter_view(quarter, who.map(|p| p.id), today)?;
    if json {
        return print_json(out, &view);
    }
    write!(out, "{}", text(&view)).map_err(|e| Error::file("standard output", e))
}

/// Writes the report for the team (or one person) to `file`.
pub fn write_report(
    store: &Store,
    quarter: Quarter,
    person: Option<&str>,
    today: NaiveDate,
    file: &Path,
    out: &mut dyn Write,
) -> Result<()> {
    let who = person.map(|name| store.person_by_name(name)).transpose()?;
    let written = crate::disk::report_file::save(store, quarter, who.map(|p| p.id), Some(file), today)?;
    writeln!(out, "Wrote {}: the {quarter} report", written.display()).map_err(|e| Error::file("standard output", e))
}

fn text(v: &QuarterView) -> String {
    let currency = Currency::parse("currency", &v.currency).ok();
    let money = |minor: i64| currency.map_or_else(|| format!("{minor}"), |c| Money { minor, currency: c }.to_string());
    let mut s = format!("Quarter {} · {} ({} to {})\n", v.quarter, v.scope_name, v.first_day, v.last_day);

    s.push_str("\nGoals\n");
    let mut rows: Vec<Vec<String>> = (v.goals.iter())
        .map(|g| {
            let state = match g.gap {
                0 => g.state.as_str().replace('_', " "),
                gap => format!("short by {gap}"),
            };
            let row = [g.label.clone(), g.planned.to_string(), g.confirmed.to_string(), g.done.to_string(), state];
            row.to_vec()
        })
        .collect();
    if let Some(b) = &v.budget {
        let state = if b.within { "within" } else { "over" };
        rows.push(vec![
            format!("travel budget ≤ {}", b.entered),
            money(b.planned),
            money(b.committed),
            money(b.actual),
            format!("{state}: forecast {}", money(b.forecast)),
        ]);
    }
    if rows.is_empty() {
        s.push_str("  no goals set for this quarter\n");
    } else {
        s.push_str(&indent(&table(&["goal", "planned", "confirmed", "done", "state"], rows)));
    }
    if let Some(b) = &v.budget {
        s.push_str(&format!("  {}\n", b.rule));
    }

    let mix = if v.balance.mix_source.is_empty() {
        "no target mix set".to_string()
    } else {
        format!("target: {} mix", v.balance.mix_source)
    };
    s.push_str(&format!("\nBalance ({} h planned; {mix})\n", v.balance.total_hours));
    let rows = (v.balance.functions.iter())
        .map(|f| {
            vec![
                f.function.label().to_string(),
                format!("{} h", f.hours),
                format!("{} %", f.percent),
                f.target.map_or_else(|| "-".to_string(), |t| format!("{t} %")),
            ]
        })
        .collect();
    s.push_str(&indent(&table(&["function", "hours", "share", "target"], rows)));

    s.push_str("\nCounts by kind\n");
    if v.counts.is_empty() {
        s.push_str("  nothing planned\n");
    } else {
        let rows = (v.counts.iter())
            .map(|c| vec![c.label.clone(), c.planned.to_string(), c.confirmed.to_string(), c.done.to_string()])
            .collect();
        s.push_str(&indent(&table(&["kind", "planned", "confirmed", "done"], rows)));
    }

    let t = &v.impact.totals;
    s.push_str("\nOutcomes\n");
    s.push_str(&format!(
        "  attendance {} · views {} · sign-ups {} · leads {} · feedback items {} · talk rating {}\n",
        t.attendance,
        t.views,
        t.signups,
        t.leads,
        t.feedback_items,
        t.rating.map_or_else(|| "-".to_string(), |r| format!("{r:.1}")),
    ));
    s.push_str(&format!(
        "  effort {} h · travel cost {} · cost per attendee {} · hours per 1,000 views {}\n",
        t.hours,
        money(t.cost_minor),
        t.cost_per_attendee_minor.map_or_else(|| "-".to_string(), money),
        t.hours_per_view.map_or_else(|| "-".to_string(), |h| format!("{:.1}", h * 1000.0)),
    ));
    let waiting: Vec<&str> =
        (v.impact.rows.iter()).filter(|r| r.done && r.outcome.is_none()).map(|r| r.label.as_str()).collect();
    if !waiting.is_empty() {
        s.push_str(&format!("  waiting for an outcome: {}\n", waiting.join("; ")));
    }
    for line in &v.unconverted {
        s.push_str(&format!("  not counted (no exchange rate): {line}\n"));
    }
    s
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}
