//! Travel budgets: an amount per person (or for the whole team) per quarter,
//! with the alert thresholds a manager wants to hear about.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::money::{Currency, Money};
use crate::quarter::Quarter;
use crate::{Error, Result};

/// Travel tools alert at half, most and all of a budget.
pub const DEFAULT_ALERTS: [u8; 3] = [50, 80, 100];
const MAX_ALERT: u8 = 200;
const MAX_ALERTS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Budget {
    pub id: Uuid,
    pub quarter: Quarter,
    /// Absent for the team's budget.
    pub person_id: Option<Uuid>,
    #[ts(type = "number")]
    pub amount_minor: i64,
    /// ISO 4217 code; converted to the reporting currency at the quarter's first day.
    pub currency: String,
    /// Percentages of the budget that raise an alert, ascending.
    pub alerts: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BudgetInput {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<Uuid>,
    /// `2026Q1`.
    pub quarter: String,
    pub person_id: Option<Uuid>,
    /// Decimal text in `currency`: `"12000"`, `"4500.50"`.
    pub amount: String,
    pub currency: String,
    #[serde(default = "default_alerts")]
    pub alerts: Vec<u8>,
}

fn default_alerts() -> Vec<u8> {
    DEFAULT_ALERTS.to_vec()
}

impl BudgetInput {
    pub fn into_budget(&self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> Result<Budget> {
        let quarter = Quarter::parse("quarter", &self.quarter)?;
        let currency = Currency::parse("currency", &self.currency)?;
        let amount = Money::parse("amount", &self.amount, currency)?;
        if amount.minor < 0 {
            return Err(Error::invalid("amount", "a budget cannot be negative"));
        }
        crate::bounds::amount("amount", amount.minor)?;
        Ok(Budget {
            id,
            quarter,
            person_id: self.person_id,
            amount_minor: amount.minor,
            currency: currency.code().to_string(),
            alerts: alerts(&self.alerts)?,
            created_at,
            updated_at,
        })
    }
}

/// Sorted, without repeats, each 1–200 %.
fn alerts(wanted: &[u8]) -> Result<Vec<u8>> {
    let mut out = wanted.to_vec();
    for (i, a) in out.iter().enumerate() {
        if *a == 0 || *a > MAX_ALERT {
            return Err(Error::invalid(format!("alerts[{i}]"), format!("{a} %: an alert is at 1 to {MAX_ALERT} %")));
        }
    }
    out.sort_unstable();
    out.dedup();
    if out.len() > MAX_ALERTS {
        return Err(Error::invalid("alerts", format!("keep it to {MAX_ALERTS} alerts")));
    }
    Ok(out)
}

impl Budget {
    pub fn amount(&self) -> Option<Money> {
        let currency = Currency::parse("currency", &self.currency).ok()?;
        Some(Money { minor: self.amount_minor, currency })
    }

    pub fn input(&self) -> BudgetInput {
        BudgetInput {
            id: Some(self.id),
            quarter: self.quarter.to_string(),
            person_id: self.person_id,
            amount: self.amount().map(|m| m.decimal()).unwrap_or_default(),
            currency: self.currency.clone(),
            alerts: self.alerts.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> BudgetInput {
        BudgetInput {
            id: None,
            quarter: "2026q1".into(),
            person_id: None,
            amount: "12000".into(),
            currency: "eur".into(),
            alerts: vec![100, 80, 50, 80],
        }
    }

    #[test]
    fn a_budget_is_checked_and_tidied() {
        let now = Utc::now();
        let b = input().into_budget(Uuid::now_v7(), now, now).unwrap();
        assert_eq!((b.quarter.to_string(), b.amount_minor, b.currency.as_str()), ("2026Q1".into(), 1_200_000, "EUR"));
        assert_eq!(b.alerts, vec![50, 80, 100]);
        assert_eq!(b.input().into_budget(b.id, now, now).unwrap(), b);
    }

    #[test]
    fn bad_budgets_name_the_field() {
        let now = Utc::now();
        let field = |i: BudgetInput| match i.into_budget(Uuid::now_v7(), now, now) {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(BudgetInput { quarter: "2026Q5".into(), ..input() }), "quarter");
        assert_eq!(field(BudgetInput { currency: "EUX".into(), ..input() }), "currency");
        assert_eq!(field(BudgetInput { amount: "12,000".into(), ..input() }), "amount");
        assert_eq!(field(BudgetInput { amount: "-1".into(), ..input() }), "amount");
        assert_eq!(field(BudgetInput { alerts: vec![50, 0], ..input() }), "alerts[1]");
    }
}
