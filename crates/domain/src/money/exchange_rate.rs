//! Exchange rates as the plan keeps them: units of a currency per euro on a day,
//! as the European Central Bank publishes its reference rates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ecb_rates::SkippedLine;
use crate::money::{Currency, Rate};
use crate::{Error, Result};

/// Every stored rate is against the euro, the ECB's base; other pairs cross through it.
pub const BASE: &str = "EUR";

text_enum!(
    RateSource {
        Ecb = "ecb",
        Manual = "manual",
        Sample = "sample",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExchangeRate {
    pub currency: String,
    pub day: NaiveDate,
    /// Units of `currency` per euro, as decimal text (`1.0823`).
    pub rate: String,
    pub source: RateSource,
}

/// A rate typed by hand: 1 EUR = `rate` `currency` on `day`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RateInput {
    pub currency: String,
    pub day: NaiveDate,
    pub rate: String,
}

impl RateInput {
    pub fn validate(&self) -> Result<(Currency, NaiveDate, Rate)> {
        let currency = Currency::parse("currency", &self.currency)?;
        if currency.code() == BASE {
            return Err(Error::invalid("currency", "rates are per euro, so the euro's own is always 1"));
        }
        let day = crate::bounds::day("day", self.day)?;
        Ok((currency, day, Rate::parse("rate", &self.rate)?))
    }
}

/// What the rates panel lists: one line per currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RateSummary {
    pub currency: String,
    pub days: u32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The rate on `last_day`.
    pub latest: String,
    pub latest_source: RateSource,
}

/// What an ECB file import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RatesImport {
    /// Rates written (new or changed).
    pub rates: u32,
    pub days: u32,
    pub currencies: Vec<String>,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    /// Lines left out, by number, with why.
    pub skipped: Vec<SkippedLine>,
    /// Columns left out: codes that are not a current ISO 4217 currency
    /// (the full history's retired CYP, EEK, LTL, …).
    pub skipped_columns: Vec<String>,
}

impl std::fmt::Display for RatesImport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.first_day, self.last_day) {
            (Some(a), Some(b)) => writeln!(
                f,
                "{} rates for {} days ({a} to {b}) in {} currencies",
                self.rates,
                self.days,
                self.currencies.len()
            )?,
            _ => writeln!(f, "no rates found")?,
        }
        if !self.skipped_columns.is_empty() {
            writeln!(f, "skipped columns (not a current ISO 4217 currency): {}", self.skipped_columns.join(", "))?;
        }
        for s in &self.skipped {
            writeln!(f, "skipped line {}: {}", s.line, s.reason)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_rate_is_per_euro_and_above_zero() {
        let day = "2026-03-02".parse().unwrap();
        let ok = RateInput { currency: "usd".into(), day, rate: "1.0823".into() }.validate().unwrap();
        assert_eq!((ok.0.code(), ok.2.micro()), ("USD", 1_082_300));
        let field = |c: &str, r: &str| match (RateInput { currency: c.into(), day, rate: r.into() }).validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field("EUR", "1"), "currency");
        assert_eq!(field("XYZ", "1"), "currency");
        assert_eq!(field("USD", "0"), "rate");
        assert_eq!(field("USD", "1,08"), "rate");
    }
}
