//! Money without floats: amounts in integer minor units of an ISO 4217
//! currency, exchange rates as exact decimals, and conversion at the rate of a
//! day (the nearest earlier day with a rate, never a silent 1:1).

pub mod budget;
pub mod budget_quarter;
pub mod budget_report;
pub mod cost_export;
pub mod ecb_rates;
pub mod exchange_rate;

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use iso_currency::Currency as Iso;

use crate::{Error, Result};

/// An active ISO 4217 currency (`EUR`, `JPY`), with its number of minor digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(Iso);

impl Currency {
    /// Parses a three-letter code, naming `field` when it is not a currency.
    pub fn parse(field: &str, code: &str) -> Result<Currency> {
        let code = code.trim();
        match Iso::from_code(&code.to_ascii_uppercase()) {
            // Funds and metals (XAU, XDR) have no minor unit and are no one's travel money.
            Some(c) if c.exponent().is_some() && code.len() == 3 => Ok(Currency(c)),
            _ => Err(Error::invalid(
                field,
                format!("{code:?} is not an ISO 4217 currency code (for example EUR, USD, JPY)"),
            )),
        }
    }

    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.
    pub fn minor_digits(self) -> u32 {
        u32::from(self.0.exponent().unwrap_or(2))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount in minor units (cents) of one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// Parses `"1234.5"` in `currency` exactly; more decimals than the currency has are refused.
    pub fn parse(field: &str, text: &str, currency: Currency) -> Result<Money> {
        let minor = decimal(text, currency.minor_digits())
            .map_err(|why| Error::invalid(field, format!("{text:?} is not an amount in {currency}: {why}")))?;
        Ok(Money { minor, currency })
    }

    /// The amount as plain decimal text in its currency's digits: `1234.50`, `15000`.
    pub fn decimal(&self) -> String {
        let digits = self.currency.minor_digits();
        let scale = 10_u64.pow(digits);
        let sign = if self.minor < 0 { "-" } else { "" };
        let (whole, part) = (self.minor.unsigned_abs() / scale, self.minor.unsigned_abs() % scale);
        if digits == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{part:0width$}", width = digits as usize)
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.decimal(), self.currency)
    }
}

/// How many units of a currency one unit of the base buys, exactly, in millionths
/// (ECB reference rates have at most four decimals; six leaves room for hand-entered ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rate(i64);

const RATE_DIGITS: u32 = 6;

impl Rate {
    pub fn parse(field: &str, text: &str) -> Result<Rate> {
        match decimal(text, RATE_DIGITS) {
            Ok(micro) if micro > 0 => Ok(Rate(micro)),
            Ok(_) => Err(Error::invalid(field, format!("{text:?}: a rate must be above zero"))),
            Err(why) => Err(Error::invalid(field, format!("{text:?} is not a rate: {why}"))),
        }
    }

    pub fn micro(self) -> i64 {
        self.0
    }

    /// A stored rate back from its millionths; none when not above zero.
    pub fn from_micro(micro: i64) -> Option<Rate> {
        (micro > 0).then_some(Rate(micro))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = format!("{}.{:06}", self.0 / 1_000_000, self.0 % 1_000_000);
        f.write_str(text.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// A plain decimal (`-12.5`, `1.0823`) as an integer scaled by 10^`digits`.
fn decimal(text: &str, digits: u32) -> std::result::Result<i64, String> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (whole, part) = t.split_once('.').unwrap_or((t, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(part) || (t.contains('.') && part.is_empty()) {
        return Err("write digits with an optional decimal point, like 1234.50".into());
    }
    if part.len() > digits as usize {
        return Err(format!("at most {digits} decimal places"));
    }
    let scaled = format!("{whole}{part:0<width$}", width = digits as usize);
    let value: i64 = scaled.parse().map_err(|_| "too large".to_string())?;
    Ok(if negative { -value } else { value })
}

/// Reference rates by day against one base currency (EUR for the ECB).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RateTable {
    base: Option<Currency>,
    days: BTreeMap<NaiveDate, BTreeMap<Currency, Rate>>,
}

/// A conversion and the rate it used, so that the window can say which.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub amount: Money,
    /// The day whose rates were used: the cost's day or the nearest earlier one.
    pub rate_day: NaiveDate,
    /// Units of the target per unit of the source on that day.
    pub rate: Rate,
}

impl RateTable {
    pub fn new(base: Currency) -> RateTable {
        RateTable { base: Some(base), days: BTreeMap::new() }
    }

    pub fn insert(&mut self, day: NaiveDate, currency: Currency, rate: Rate) {
        self.days.entry(day).or_default().insert(currency, rate);
    }

    /// The rate of `currency` against the base on `day` or the nearest earlier day that has one.
    fn rate_on(&self, currency: Currency, day: NaiveDate) -> Option<(NaiveDate, Rate)> {
        if Some(currency) == self.base {
            return Some((day, Rate(1_000_000)));
        }
        self.days.range(..=day).rev().find_map(|(d, rates)| rates.get(&currency).map(|r| (*d, *r)))
    }

    /// Converts `amount` into `to` at the rates of `day` (or the nearest earlier day
    /// with both rates). No rate is an error naming the currency and the day.
    pub fn convert(&self, amount: Money, to: Currency, day: NaiveDate) -> Result<Converted> {
        if amount.currency == to {
            return Ok(Converted { amount, rate_day: day, rate: Rate(1_000_000) });
        }
        let missing = |c: Currency| {
            Error::invalid("currency", format!("no exchange rate for {c} on or before {day}; import or enter one"))
        };
        let (from_day, from_rate) = self.rate_on(amount.currency, day).ok_or_else(|| missing(amount.currency))?;
        let (to_day, to_rate) = self.rate_on(to, day).ok_or_else(|| missing(to))?;
        // amount / from_rate * to_rate, rescaled between the currencies' minor digits,
        // in 128-bit integers and rounded half away from zero once at the end.
        let num = i128::from(amount.minor) * i128::from(to_rate.0) * 10_i128.pow(to.minor_digits());
        let den = i128::from(from_rate.0) * 10_i128.pow(amount.currency.minor_digits());
        let minor = i64::try_from(round_div(num, den))
            .map_err(|_| Error::invalid("amount", format!("{amount} is too large to convert")))?;
        let rate = Rate(
            i64::try_from(round_div(i128::from(to_rate.0) * 1_000_000, i128::from(from_rate.0))).unwrap_or(i64::MAX),
        );
        Ok(Converted { amount: Money { minor, currency: to }, rate_day: from_day.min(to_day), rate })
    }
}

fn round_div(num: i128, den: i128) -> i128 {
    let (q, r) = (num / den, num % den);
    if 2 * r.abs() >= den.abs() { q + num.signum() * den.signum() } else { q }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::parse("currency", code).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn currencies_are_iso_codes_with_their_minor_digits() {
        assert_eq!((cur("eur").code(), cur("EUR").minor_digits()), ("EUR", 2));
        assert_eq!(cur("JPY").minor_digits(), 0);
        assert_eq!(cur("KWD").minor_digits(), 3);
        let err = Currency::parse("cost_lines[0].currency", "EUX").unwrap_err();
        assert!(err.to_string().starts_with("cost_lines[0].currency: \"EUX\" is not an ISO 4217"), "{err}");
        assert!(Currency::parse("currency", "XAU").is_err(), "gold is not travel money");
    }

    #[test]
    fn amounts_parse_exactly_and_print_back() {
        let eur = Money::parse("amount", "1234.5", cur("EUR")).unwrap();
        assert_eq!(eur.minor, 123_450);
        assert_eq!(eur.to_string(), "1234.50 EUR");
        assert_eq!(Money::parse("amount", "-0.07", cur("USD")).unwrap().to_string(), "-0.07 USD");
        assert_eq!(Money::parse("amount", "15000", cur("JPY")).unwrap().to_string(), "15000 JPY");
        for bad in ["1.234", "12,50", "", "1.", "abc", "99999999999999999999"] {
            let err = Money::parse("amount", bad, cur("EUR")).unwrap_err();
            assert!(err.to_string().starts_with("amount: "), "{bad}: {err}");
        }
        assert!(Money::parse("amount", "1.5", cur("JPY")).is_err(), "yen have no cents");
    }

    #[test]
    fn rates_are_exact_decimals_above_zero() {
        assert_eq!(Rate::parse("USD", "1.0823").unwrap().micro(), 1_082_300);
        assert_eq!(Rate::parse("USD", "1.0823").unwrap().to_string(), "1.0823");
        assert!(Rate::parse("USD", "0").is_err());
        assert!(Rate::parse("USD", "N/A").is_err());
    }

    #[test]
    fn conversion_uses_the_nearest_earlier_day_and_names_what_is_missing() {
        let mut table = RateTable::new(cur("EUR"));
        table.insert(day("2026-03-02"), cur("USD"), Rate::parse("USD", "1.0800").unwrap());
        table.insert(day("2026-03-02"), cur("JPY"), Rate::parse("JPY", "160.00").unwrap());
        table.insert(day("2026-03-04"), cur("USD"), Rate::parse("USD", "1.2000").unwrap());

        // 108.00 USD on Tuesday the 3rd: Monday's rate, 1.08 per euro, gives 100.00 EUR.
        let usd = Money::parse("amount", "108.00", cur("USD")).unwrap();
        let c = table.convert(usd, cur("EUR"), day("2026-03-03")).unwrap();
        assert_eq!((c.amount.to_string(), c.rate_day), ("100.00 EUR".to_string(), day("2026-03-02")));
        // The same on the 4th uses that day's 1.20: 90.00 EUR.
        assert_eq!(table.convert(usd, cur("EUR"), day("2026-03-04")).unwrap().amount.minor, 9_000);
        // Cross rate through the euro: 16,000 JPY on the 2nd = 100 EUR = 108.00 USD.
        let yen = Money::parse("amount", "16000", cur("JPY")).unwrap();
        assert_eq!(table.convert(yen, cur("USD"), day("2026-03-02")).unwrap().amount.to_string(), "108.00 USD");
        // Rounded half away from zero, once: 0.01 USD is 0.00925… EUR → 0.01 EUR.
        let cent = Money::parse("amount", "0.01", cur("USD")).unwrap();
        assert_eq!(table.convert(cent, cur("EUR"), day("2026-03-02")).unwrap().amount.minor, 1);

        let err = table.convert(usd, cur("EUR"), day("2026-03-01")).unwrap_err();
        assert_eq!(err.to_string(), "currency: no exchange rate for USD on or before 2026-03-01; import or enter one");
        let gbp = Money::parse("amount", "10", cur("GBP")).unwrap();
        assert!(table.convert(gbp, cur("EUR"), day("2026-03-04")).unwrap_err().to_string().contains("GBP"));
    }
}
