//! The plan's outer limits: the days it may name and the amounts it may hold.
//! Every input path checks them (record validation, plan files, calendar and
//! CSV imports, command-line flags), so that the arithmetic downstream (weeks,
//! lead times, sums) stays far from chrono's and i64's edges.

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::{Error, Result};

/// The first day a plan may name. Old enough for any history file (the ECB's starts in 1999).
pub const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a real day");
/// The last day a plan may name.
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(2199, 12, 31).expect("a real day");

/// The largest amount in minor units (10^13: a hundred billion euros). Two
/// hundred cost lines of it, converted at any accepted rate, still fit an i64.
pub const MAX_AMOUNT_MINOR: i64 = 10_000_000_000_000;

/// `day` if it lies in the plan's range, else an error naming `field`.
pub fn day(field: &str, day: NaiveDate) -> Result<NaiveDate> {
    if (FIRST_DAY..=LAST_DAY).contains(&day) { Ok(day) } else { Err(out_of_range(field)) }
}

/// An optional day, checked when present.
pub fn opt_day(field: &str, value: Option<NaiveDate>) -> Result<Option<NaiveDate>> {
    value.map(|d| day(field, d)).transpose()
}

/// A local date-time whose day lies in the plan's range.
pub fn moment(field: &str, at: NaiveDateTime) -> Result<NaiveDateTime> {
    day(field, at.date()).map(|_| at)
}

/// An optional date-time, checked when present.
pub fn opt_moment(field: &str, value: Option<NaiveDateTime>) -> Result<Option<NaiveDateTime>> {
    value.map(|at| moment(field, at)).transpose()
}

/// True when `day` is one a plan may name (for readers that skip rather than refuse).
pub fn in_range(day: NaiveDate) -> bool {
    (FIRST_DAY..=LAST_DAY).contains(&day)
}

/// The message every out-of-range day gets, so that users see one rule.
pub fn range_message() -> String {
    format!("must be between {FIRST_DAY} and {LAST_DAY}")
}

fn out_of_range(field: &str) -> Error {
    Error::invalid(field, range_message())
}

/// A non-negative amount of at most `MAX_AMOUNT_MINOR`, else an error naming `field`.
pub fn amount(field: &str, minor: i64) -> Result<i64> {
    if minor.unsigned_abs() > MAX_AMOUNT_MINOR.unsigned_abs() {
        return Err(Error::invalid(
            field,
            "is larger than 10^13 of the currency's smallest unit (100,000,000,000.00 EUR); check the amount",
        ));
    }
    Ok(minor)
}

/// A command-line day (`--today 2026-03-02`): clap reports a bad one as a usage error.
pub fn parse_cli_day(text: &str) -> std::result::Result<NaiveDate, String> {
    let parsed: NaiveDate = text.parse().map_err(|e| format!("{text:?} is not a day (YYYY-MM-DD): {e}"))?;
    if in_range(parsed) { Ok(parsed) } else { Err(format!("{parsed} {}", range_message())) }
}

/// `day` moved `days` days (back when negative), held at chrono's first or last day
/// instead of panicking. Checked inputs never get near those; records stored before
/// the range was enforced might, and must not take the load or an export down.
pub fn shift(day: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    if days >= 0 {
        day.checked_add_days(magnitude).unwrap_or(NaiveDate::MAX)
    } else {
        day.checked_sub_days(magnitude).unwrap_or(NaiveDate::MIN)
    }
}

/// Sums amounts, naming `what` when the total leaves i64 (it cannot while amounts are capped,
/// but stored plans predate the cap).
pub fn sum(what: &str, amounts: impl IntoIterator<Item = i64>) -> Result<i64> {
    amounts.into_iter().try_fold(0_i64, |total, a| total.checked_add(a)).ok_or_else(|| overflow(what))
}

/// The error for a total too large to hold.
pub fn overflow(what: &str) -> Error {
    Error::invalid(what, "the total is too large to compute; check for a mistyped amount")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_range_holds_its_ends_and_refuses_the_day_beyond() {
        assert!(day("start_date", d("1900-01-01")).is_ok());
        assert!(day("start_date", d("2199-12-31")).is_ok());
        for bad in [NaiveDate::MIN, NaiveDate::MAX, d("0000-01-01"), d("9999-12-31"), d("1899-12-31"), d("2200-01-01")]
        {
            let err = day("start_date", bad).unwrap_err();
            assert_eq!(err.to_string(), "start_date: must be between 1900-01-01 and 2199-12-31");
        }
    }

    #[test]
    fn cli_days_outside_the_range_are_refused_with_the_rule() {
        assert_eq!(parse_cli_day("2026-03-02"), Ok(d("2026-03-02")));
        assert!(parse_cli_day("+262142-12-31").unwrap_err().contains("must be between"));
        assert!(parse_cli_day("2026-02-30").unwrap_err().contains("not a day"));
    }

    #[test]
    fn shifting_holds_at_chronos_ends() {
        assert_eq!(shift(d("2026-03-02"), -1), d("2026-03-01"));
        assert_eq!(shift(d("2026-03-02"), 7), d("2026-03-09"));
        assert_eq!(shift(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(shift(NaiveDate::MIN, -100_000_000), NaiveDate::MIN);
        assert_eq!(shift(d("2026-03-02"), i64::MIN), NaiveDate::MIN);
    }

    #[test]
    fn amounts_are_capped_and_sums_never_wrap() {
        assert_eq!(amount("planned", MAX_AMOUNT_MINOR).unwrap(), MAX_AMOUNT_MINOR);
        assert!(amount("planned", MAX_AMOUNT_MINOR + 1).is_err());
        assert_eq!(sum("total", [1, 2, 3]).unwrap(), 6);
        let err = sum("total", [i64::MAX, 1]).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "total"), "{err}");
    }
}
