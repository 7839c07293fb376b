//! The quarter plan: one person's (or the team's) quarter as the home screen,
//! the `quarter` command and the report show it — the timeline's lanes, the
//! load strip, goals against the plan, program balance and the impact log.
//! A pure function of the plan; see docs/quarter-plan.md.

mod balance;
pub mod count;
pub mod function;
pub mod goal;
mod impact;
mod items;
mod lanes;
pub mod mix;
pub mod outcome;
mod progress;
pub mod report;
mod stages;
mod strip;
pub mod view;

use chrono::{Duration, NaiveDate};
use uuid::Uuid;

use super::budget::Budget;
use super::budget_quarter::BudgetQuarterRule;
use super::load::{self, Horizon, LoadInput, PersonLoad};
use super::money::{Currency, Money, RateTable};
use super::quarter::Quarter;
use super::{bounds, budget_report};
use crate::{Error, Result};
pub use function::{ActivityFunction, ActivityRef, DevrelFunction, FunctionChoice};
pub use goal::{Goal, GoalInput, GoalMetric};
pub use items::Scope;
pub use mix::{TargetMix, TargetMixInput};
pub use outcome::{Outcome, OutcomeInput, OutcomeOf};
pub use view::*;

/// The plan as the quarter reads it.
pub struct QuarterInput<'a> {
    pub quarter: Quarter,
    pub today: NaiveDate,
    pub load: LoadInput<'a>,
    pub goals: &'a [Goal],
    pub mixes: &'a [TargetMix],
    pub functions: &'a [ActivityFunction],
    pub outcomes: &'a [Outcome],
    pub budgets: &'a [Budget],
    pub rates: &'a RateTable,
    pub currency: Currency,
    /// Which quarter a trip's costs count in (the team's setting).
    pub budget_rule: BudgetQuarterRule,
}

/// The Mondays of every week that touches `quarter`.
pub fn weeks(quarter: Quarter) -> Vec<NaiveDate> {
    let mut out = vec![];
    let mut week = load::monday(quarter.first_day());
    while week <= quarter.last_day() {
        out.push(week);
        week += Duration::weeks(1);
    }
    out
}

/// The weeks the load is computed over for `quarter`, with the running figures taken `today`.
pub fn horizon(quarter: Quarter, today: NaiveDate) -> Horizon {
    let weeks = weeks(quarter);
    Horizon { from: weeks[0], weeks: weeks.len() as u32, as_of: today }
}

/// `person`'s quarter, or the team's when `person` is `None`.
pub fn compute(q: &QuarterInput, person: Option<Uuid>) -> Result<QuarterView> {
    let scope_name = match person {
        None => "Team".to_string(),
        Some(id) => q
            .load
            .people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .ok_or_else(|| Error::NotFound { entity: "person", id: id.to_string() })?,
    };
    let scope = Scope(person);
    let items = items::Items::of(q, scope)?;
    let weeks = weeks(q.quarter);
    let horizon = horizon(q.quarter, q.today);
    let loads: Vec<PersonLoad> = match person {
        Some(id) => {
            q.load.people.iter().filter(|p| p.id == id).map(|p| load::compute_person(&q.load, p, horizon)).collect()
        }
        None => load::compute(&q.load, horizon),
    };
    let goals = (q.goals.iter())
        .filter(|g| g.quarter == q.quarter && g.person_id == person)
        .map(|g| progress::goal_progress(g, &items))
        .collect();
    Ok(QuarterView {
        quarter: q.quarter,
        previous: q.quarter.previous(),
        next: q.quarter.next(),
        first_day: q.quarter.first_day(),
        last_day: q.quarter.last_day(),
        today: q.today,
        person_id: person,
        scope_name,
        load: strip::strip(&weeks, &loads, person.is_some()),
        weeks,
        lanes: lanes::lanes(q, scope, &items),
        goals,
        budget: budget_progress(q, person)?,
        balance: balance::balance(&items, mix_for(q, person)),
        counts: progress::counts(&items),
        impact: impact::impact(&items, q.outcomes)?,
        currency: q.currency.code().to_string(),
        unconverted: items.unconverted,
    })
}

/// The person's own mix for the quarter, else the team's.
fn mix_for<'a>(q: &QuarterInput<'a>, person: Option<Uuid>) -> Option<(&'a TargetMix, String)> {
    let of = |p: Option<Uuid>| q.mixes.iter().find(|m| m.quarter == q.quarter && m.person_id == p);
    match person.and_then(|p| of(Some(p))) {
        Some(own) => {
            let name = q.load.people.iter().find(|p| Some(p.id) == person).map_or("their", |p| p.name.as_str());
            Some((own, format!("{name}'s own")))
        }
        None => of(None).map(|m| (m, "the team's".to_string())),
    }
}

fn budget_progress(q: &QuarterInput, person: Option<Uuid>) -> Result<Option<BudgetProgress>> {
    let report =
        budget_report::report(q.quarter, q.budget_rule, q.currency, q.load.people, q.load.trips, q.budgets, q.rates)?;
    let row = match person {
        None => report.team,
        Some(id) => match report.people.into_iter().find(|r| r.person_id == Some(id)) {
            Some(row) => row,
            None => return Ok(None),
        },
    };
    let Some(budget_id) = row.budget_id else { return Ok(None) };
    let s = row.spend;
    let money = |minor: i64| Money { minor, currency: q.currency }.to_string();
    let within = row.budget_minor.is_none_or(|b| s.forecast <= b);
    let entered = row.budget_entered.clone().unwrap_or_default();
    let sentence = match row.budget_minor {
        Some(_) if within => format!("{} forecast, within the budget of {entered}", money(s.forecast)),
        Some(b) => format!(
            "{} forecast, {} over the budget of {entered}",
            money(s.forecast),
            money(s.forecast.checked_sub(b).ok_or_else(|| bounds::overflow("forecast"))?)
        ),
        None => format!("{entered}: no exchange rate to compare it with {}", q.currency),
    };
    Ok(Some(BudgetProgress {
        budget_id,
        budget_minor: row.budget_minor,
        entered,
        planned: s.planned,
        committed: s.committed,
        actual: s.actual,
        forecast: s.forecast,
        within,
        sentence,
        rule: q.budget_rule.sentence().to_string(),
    }))
}

/// Every (currency, day) the quarter converts at: the budget report's, and the
/// costs of trips to the events it shows (whatever day those costs fall on).
pub fn rates_needed(
    quarter: Quarter,
    rule: BudgetQuarterRule,
    events: &[super::Event],
    trips: &[super::trip::Trip],
    budgets: &[Budget],
) -> Vec<(String, NaiveDate)> {
    let (first, last) = (quarter.first_day(), quarter.last_day());
    let shown: std::collections::HashSet<Uuid> =
        events.iter().filter(|e| e.start_date <= last && e.end_date >= first).map(|e| e.id).collect();
    let mut needs = budget_report::rates_needed(quarter, rule, trips, budgets);
    let to_shown = trips.iter().filter(|t| t.event_ids.iter().any(|id| shown.contains(id)));
    needs.extend(to_shown.flat_map(|t| &t.costs).map(|c| (c.currency.clone(), c.date)));
    needs.sort();
    needs.dedup();
    needs
}
