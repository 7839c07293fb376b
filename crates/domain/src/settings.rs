//! Team-wide preferences: how events are scored, when CFP reminders fire, and
//! the currency budgets are reported in, and which quarter a trip's costs count in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::money::Currency;
use super::money::budget_quarter::BudgetQuarterRule;
use super::score::ScoreWeights;
use crate::{Error, Result, Valid};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub score_weights: ScoreWeights,
    /// Days before a CFP closes to notify, most distant first; empty turns reminders off.
    pub cfp_reminder_days: Vec<u16>,
    /// ISO 4217 code every budget and cost is reported in.
    #[serde(default = "default_reporting_currency")]
    pub reporting_currency: String,
    /// Which quarter's budget a trip's costs count against.
    #[serde(default)]
    pub budget_quarter: BudgetQuarterRule,
}

fn default_reporting_currency() -> String {
    "EUR".to_string()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            score_weights: ScoreWeights::default(),
            cfp_reminder_days: vec![7, 1],
            reporting_currency: default_reporting_currency(),
            budget_quarter: BudgetQuarterRule::default(),
        }
    }
}

const MAX_REMINDER_DAYS: u16 = 90;
const MAX_REMINDERS: usize = 5;

impl Settings {
    pub fn validate(&self) -> Result<Valid<Settings>> {
        self.cleaned().map(Valid::checked)
    }

    fn cleaned(&self) -> Result<Settings> {
        let mut days = self.cfp_reminder_days.clone();
        for (i, d) in days.iter().enumerate() {
            if *d == 0 || *d > MAX_REMINDER_DAYS {
                return Err(Error::invalid(
                    format!("cfp_reminder_days[{i}]"),
                    format!("{d} days; a reminder comes 1 to {MAX_REMINDER_DAYS} days before the deadline"),
                ));
            }
        }
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        if days.len() > MAX_REMINDERS {
            return Err(Error::invalid("cfp_reminder_days", format!("keep it to {MAX_REMINDERS} reminders")));
        }
        Ok(Settings {
            score_weights: self.score_weights.validate()?,
            cfp_reminder_days: days,
            reporting_currency: Currency::parse("reporting_currency", &self.reporting_currency)?.code().to_string(),
            budget_quarter: self.budget_quarter,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_days_are_sorted_and_checked() {
        let s = Settings { cfp_reminder_days: vec![1, 14, 7, 7], ..Settings::default() };
        assert_eq!(s.validate().unwrap().cfp_reminder_days, vec![14, 7, 1]);
        let bad = Settings { cfp_reminder_days: vec![7, 0], ..Settings::default() };
        let err = bad.validate().unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "cfp_reminder_days[1]"), "{err}");
    }
}
