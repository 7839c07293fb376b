//! SQL for `setting`: team preferences as JSON values under fixed keys.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Store;
use crate::domain::Settings;
use crate::{Error, Result};

const SCORE_WEIGHTS: &str = "score_weights";
const CFP_REMINDER_DAYS: &str = "cfp_reminder_days";
const REPORTING_CURRENCY: &str = "reporting_currency";
const BUDGET_QUARTER: &str = "budget_quarter";

impl Store {
    /// The saved settings, with defaults for any never saved.
    pub fn settings(&self) -> Result<Settings> {
        let defaults = Settings::default();
        Ok(Settings {
            score_weights: self.setting(SCORE_WEIGHTS)?.unwrap_or(defaults.score_weights),
            cfp_reminder_days: self.setting(CFP_REMINDER_DAYS)?.unwrap_or(defaults.cfp_reminder_days),
            reporting_currency: self.setting(REPORTING_CURRENCY)?.unwrap_or(defaults.reporting_currency),
            budget_quarter: self.setting(BUDGET_QUARTER)?.unwrap_or(defaults.budget_quarter),
        })
    }

    pub fn save_settings(&mut self, input: &Settings) -> Result<Settings> {
        let clean = input.validate()?;
        self.write(|tx| {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?;
            stmt.execute(params![SCORE_WEIGHTS, json(&clean.score_weights)])?;
            stmt.execute(params![CFP_REMINDER_DAYS, json(&clean.cfp_reminder_days)])?;
            stmt.execute(params![REPORTING_CURRENCY, json(&clean.reporting_currency)])?;
            stmt.execute(params![BUDGET_QUARTER, json(&clean.budget_quarter)])?;
            Ok(())
        })?;
        Ok(clean.into_inner())
    }

    /// One saved value by key; none if never saved.
    pub(crate) fn setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let text: Option<String> =
            self.conn().query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        text.map(|t| serde_json::from_str(&t).map_err(|e| Error::invalid(key, format!("stored value is damaged: {e}"))))
            .transpose()
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("settings always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ScoreWeights;
    use crate::domain::budget_quarter::BudgetQuarterRule;

    #[test]
    fn defaults_until_saved_then_what_was_saved() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.settings().unwrap(), Settings::default());
        let wanted = Settings {
            score_weights: ScoreWeights { reach: 9, ..ScoreWeights::default() },
            cfp_reminder_days: vec![3, 14],
            reporting_currency: "usd".into(),
            budget_quarter: BudgetQuarterRule::BookingDate,
        };
        store.save_settings(&wanted).unwrap();
        let saved = store.settings().unwrap();
        assert_eq!(saved.score_weights.reach, 9);
        assert_eq!(saved.cfp_reminder_days, vec![14, 3]);
        assert_eq!(saved.reporting_currency, "USD");
        assert_eq!(saved.budget_quarter, BudgetQuarterRule::BookingDate);
    }

    #[test]
    fn bad_settings_write_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let bad = Settings { cfp_reminder_days: vec![0], ..Settings::default() };
        assert!(store.save_settings(&bad).is_err());
        assert_eq!(store.settings().unwrap(), Settings::default());
    }
}
