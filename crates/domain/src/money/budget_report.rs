//! Budget against actual for a quarter, in the team's reporting currency:
//! every cost converted at the rate of its own day, per person and for the team.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::Result;
use crate::budget::Budget;
use crate::budget_quarter::BudgetQuarterRule;
use crate::money::{Currency, Money, RateTable};
use crate::quarter::Quarter;
use crate::trip::{CostLine, Payer, Trip, TripStatus};
use crate::{Person, bounds};

/// An amount converted into the reporting currency, with the rate it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConvertedAmount {
    #[ts(type = "number")]
    pub minor: i64,
    /// Units of the reporting currency per unit of the cost's currency.
    pub rate: String,
    /// The day whose rate was used: the cost's own or the nearest earlier.
    pub rate_day: NaiveDate,
}

/// A cost line in the reporting currency, or why it could not be converted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CostConversion {
    pub cost_id: Uuid,
    pub planned: Option<ConvertedAmount>,
    pub actual: Option<ConvertedAmount>,
    /// "currency: no exchange rate for GBP on or before 2026-03-03; …" when a rate is missing.
    pub problem: Option<String>,
}

/// Converts one cost line's amounts at the rate of its day.
pub fn convert_line(line: &CostLine, to: Currency, rates: &RateTable) -> CostConversion {
    let one = |m: Option<Money>| -> Result<Option<ConvertedAmount>, String> {
        let Some(m) = m else { return Ok(None) };
        let c = rates.convert(m, to, line.date).map_err(|e| e.to_string())?;
        Ok(Some(ConvertedAmount { minor: c.amount.minor, rate: c.rate.to_string(), rate_day: c.rate_day }))
    };
    match (one(line.planned()), one(line.actual())) {
        (Ok(planned), Ok(actual)) => CostConversion { cost_id: line.id, planned, actual, problem: None },
        (Err(e), _) | (_, Err(e)) => CostConversion { cost_id: line.id, planned: None, actual: None, problem: Some(e) },
    }
}

/// Sums in minor units of the reporting currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Spend {
    /// Planned company costs of trips not cancelled.
    #[ts(type = "number")]
    pub planned: i64,
    /// Planned company costs of confirmed trips.
    #[ts(type = "number")]
    pub committed: i64,
    /// Company costs paid so far.
    #[ts(type = "number")]
    pub actual: i64,
    /// What the quarter will cost the budget: each line's actual, else its plan (cancelled trips: actual only).
    #[ts(type = "number")]
    pub forecast: i64,
    /// Shown, never charged: what sponsors and the travellers themselves pay.
    #[ts(type = "number")]
    pub sponsor: i64,
    #[ts(type = "number")]
    pub traveller: i64,
}

/// `*total += amount`, or the typed error naming `what` when the sum would not fit.
fn add_to(total: &mut i64, amount: i64, what: &str) -> Result<()> {
    *total = total.checked_add(amount).ok_or_else(|| bounds::overflow(what))?;
    Ok(())
}

impl Spend {
    fn add_line(&mut self, status: TripStatus, payer: Payer, planned: Option<i64>, actual: Option<i64>) -> Result<()> {
        let live = status != TripStatus::Cancelled;
        let expected = actual.or(planned.filter(|_| live)).unwrap_or(0);
        let planned = planned.unwrap_or(0);
        match payer {
            Payer::Company => {
                if live {
                    add_to(&mut self.planned, planned, "planned")?;
                }
                if status == TripStatus::Confirmed {
                    add_to(&mut self.committed, planned, "committed")?;
                }
                add_to(&mut self.actual, actual.unwrap_or(0), "actual")?;
                add_to(&mut self.forecast, expected, "forecast")
            }
            Payer::Sponsor => add_to(&mut self.sponsor, expected, "sponsor"),
            Payer::Traveller => add_to(&mut self.traveller, expected, "traveller"),
        }
    }

    fn add(&mut self, other: &Spend) -> Result<()> {
        add_to(&mut self.planned, other.planned, "planned")?;
        add_to(&mut self.committed, other.committed, "committed")?;
        add_to(&mut self.actual, other.actual, "actual")?;
        add_to(&mut self.forecast, other.forecast, "forecast")?;
        add_to(&mut self.sponsor, other.sponsor, "sponsor")?;
        add_to(&mut self.traveller, other.traveller, "traveller")
    }
}

/// The highest alert threshold the forecast has reached, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetAlert {
    pub threshold: u8,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BudgetRow {
    /// Absent on the team's row.
    pub person_id: Option<Uuid>,
    pub name: String,
    pub budget_id: Option<Uuid>,
    /// The budget in the reporting currency; absent when none is set (or its rate is missing).
    #[ts(type = "number | null")]
    pub budget_minor: Option<i64>,
    /// The budget as entered, and the rate used when its currency differs: "5000.00 USD at 0.925926 (2026-10-01)".
    pub budget_entered: Option<String>,
    pub alerts: Vec<u8>,
    pub spend: Spend,
    #[ts(type = "number | null")]
    pub remaining_minor: Option<i64>,
    /// Forecast as a share of the budget, in percent.
    pub used_percent: Option<f64>,
    pub alert: Option<BudgetAlert>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BudgetReport {
    pub quarter: Quarter,
    /// Which quarter a trip's costs count in, and the sentence that says so.
    pub rule: BudgetQuarterRule,
    pub rule_sentence: String,
    /// The reporting currency every figure is in.
    pub currency: String,
    /// One row per person with a budget or a cost in the quarter, by name.
    pub people: Vec<BudgetRow>,
    /// The team's budget against everyone's costs.
    pub team: BudgetRow,
    /// Costs and budgets left out for want of a rate, each naming the currency and day.
    pub unconverted: Vec<String>,
}

/// Every (currency, day) the report converts at, for loading just those rates.
pub fn rates_needed(
    quarter: Quarter,
    rule: BudgetQuarterRule,
    trips: &[Trip],
    budgets: &[Budget],
) -> Vec<(String, NaiveDate)> {
    let costs = trips.iter().flat_map(|t| t.costs.iter().filter(move |c| rule.counts_in(quarter, t, c)));
    let budgets = budgets.iter().filter(|b| b.quarter == quarter);
    costs
        .map(|c| (c.currency.clone(), c.date))
        .chain(budgets.map(|b| (b.currency.clone(), quarter.first_day())))
        .collect()
}

/// Budget against actual for `quarter`, in `to`, each cost in the quarter `rule` gives it (at
/// the rate of its own day whatever the rule). A pure function of the plan and the rates;
/// sums too large for an i64 (only from plans stored before amounts were capped) are an error.
pub fn report(
    quarter: Quarter,
    rule: BudgetQuarterRule,
    to: Currency,
    people: &[Person],
    trips: &[Trip],
    budgets: &[Budget],
    rates: &RateTable,
) -> Result<BudgetReport> {
    let mut unconverted = vec![];
    let mut spend: BTreeMap<Uuid, Spend> = BTreeMap::new();
    for trip in trips {
        for line in trip.costs.iter().filter(|c| rule.counts_in(quarter, trip, c)) {
            let c = convert_line(line, to, rates);
            let person = spend.entry(trip.person_id).or_default();
            if let Some(problem) = c.problem {
                unconverted.push(format!("{} ({}): {problem}", trip.title, line.category));
                continue;
            }
            let minor = |a: Option<ConvertedAmount>| a.map(|a| a.minor);
            person
                .add_line(trip.status, line.payer, minor(c.planned), minor(c.actual))
                .map_err(|e| e.within(&format!("trip {:?}.costs", trip.title)))?;
        }
    }
    let in_quarter: Vec<&Budget> = budgets.iter().filter(|b| b.quarter == quarter).collect();
    let budget_of = |person: Option<Uuid>| in_quarter.iter().find(|b| b.person_id == person).copied();
    let mut row = |person_id: Option<Uuid>, name: String, spend: Spend| {
        let budget = budget_of(person_id);
        let mut r = BudgetRow {
            person_id,
            name,
            budget_id: budget.map(|b| b.id),
            budget_minor: None,
            budget_entered: None,
            alerts: budget.map_or_else(|| crate::budget::DEFAULT_ALERTS.to_vec(), |b| b.alerts.clone()),
            spend,
            remaining_minor: None,
            used_percent: None,
            alert: None,
        };
        if let Some(amount) = budget.and_then(Budget::amount) {
            match rates.convert(amount, to, quarter.first_day()) {
                Ok(c) => {
                    r.budget_minor = Some(c.amount.minor);
                    r.budget_entered = Some(if amount.currency == to {
                        amount.to_string()
                    } else {
                        format!("{amount} at {} ({})", c.rate, c.rate_day)
                    });
                }
                Err(e) => unconverted.push(format!("{}'s budget: {e}", r.name)),
            }
        }
        if let Some(b) = r.budget_minor {
            r.remaining_minor = b.checked_sub(spend.forecast);
            r.used_percent = (b > 0).then(|| spend.forecast as f64 * 100.0 / b as f64);
            r.alert = alert(&r, quarter, to);
        }
        r
    };
    let mut rows: Vec<BudgetRow> = people
        .iter()
        .filter(|p| spend.contains_key(&p.id) || budget_of(Some(p.id)).is_some())
        .map(|p| row(Some(p.id), p.name.clone(), spend.get(&p.id).copied().unwrap_or_default()))
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    let mut total = Spend::default();
    for s in spend.values() {
        total.add(s).map_err(|e| e.within("team"))?;
    }
    let team = row(None, "Team".to_string(), total);
    Ok(BudgetReport {
        quarter,
        rule,
        rule_sentence: rule.sentence().to_string(),
        currency: to.code().to_string(),
        people: rows,
        team,
        unconverted,
    })
}

fn alert(r: &BudgetRow, quarter: Quarter, to: Currency) -> Option<BudgetAlert> {
    let budget = r.budget_minor?;
    let forecast = r.spend.forecast;
    if forecast <= 0 {
        return None;
    }
    // Integer comparison, so that exactly 80 % is at the 80 % alert.
    let threshold =
        r.alerts.iter().rev().find(|t| i128::from(forecast) * 100 >= i128::from(**t) * i128::from(budget))?;
    let money = |minor| Money { minor, currency: to };
    let share = r.used_percent.map_or_else(|| "over".to_string(), |p| format!("{p:.1} %").replace(".0 %", " %"));
    let whose = if r.person_id.is_some() { format!("{}'s", r.name) } else { "The team's".to_string() };
    Some(BudgetAlert {
        threshold: *threshold,
        message: format!(
            "{whose} {quarter} travel is at {share} of budget: {} of {} spent, committed or planned (alert at {threshold} %)",
            money(forecast),
            money(budget)
        ),
    })
}

#[cfg(test)]
mod tests;
