//! Calendar quarters (`2026Q1`): how budgets and plans are reviewed.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::{Error, Result};

/// A calendar quarter; crosses IPC and files as its text, `2026Q1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(type = "string")]
pub struct Quarter {
    year: i32,
    number: u8,
}

impl Quarter {
    /// Parses `2026Q1` (also `2026-Q1`, `2026q1`), naming `field` when it does not.
    pub fn parse(field: &str, text: &str) -> Result<Quarter> {
        let t = text.trim().to_ascii_uppercase();
        let bad = || Error::invalid(field, format!("{text:?} is not a quarter; write it like 2026Q1 (Q1 to Q4)"));
        let (year, number) = t.split_once('Q').ok_or_else(bad)?;
        let year: i32 = year.trim_end_matches('-').parse().map_err(|_| bad())?;
        let number: u8 = number.parse().map_err(|_| bad())?;
        if !(1..=4).contains(&number) {
            return Err(bad());
        }
        let years = super::bounds::FIRST_DAY.year()..=super::bounds::LAST_DAY.year();
        if !years.contains(&year) {
            return Err(Error::invalid(
                field,
                format!("{text:?}: a quarter's year is {} to {}", years.start(), years.end()),
            ));
        }
        Ok(Quarter { year, number })
    }

    /// The quarter a day falls in.
    pub fn of(day: NaiveDate) -> Quarter {
        Quarter { year: day.year(), number: (day.month0() / 3 + 1) as u8 }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.number - 1) * 3 + 1, 1).expect("quarters start on real days")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("a quarter's last day exists")
    }

    pub fn next(self) -> Quarter {
        if self.number == 4 {
            Quarter { year: self.year + 1, number: 1 }
        } else {
            Quarter { number: self.number + 1, ..self }
        }
    }

    pub fn previous(self) -> Quarter {
        if self.number == 1 {
            Quarter { year: self.year - 1, number: 4 }
        } else {
            Quarter { number: self.number - 1, ..self }
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        Quarter::of(day) == self
    }

    /// The quarter as people read it, `2026 Q1`, as the window writes it too (`2026Q1` is for files and flags).
    pub fn label(self) -> String {
        format!("{} Q{}", self.year, self.number)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.number)
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Quarter, D::Error> {
        let text = String::deserialize(d)?;
        Quarter::parse("quarter", &text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "sql")]
impl rusqlite::types::ToSql for Quarter {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.to_string().into())
    }
}

#[cfg(feature = "sql")]
impl rusqlite::types::FromSql for Quarter {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        Quarter::parse("quarter", value.as_str()?).map_err(|e| rusqlite::types::FromSqlError::Other(e.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn quarters_parse_print_and_bound_their_days() {
        let q = Quarter::parse("quarter", " 2026q1 ").unwrap();
        assert_eq!(q.to_string(), "2026Q1");
        assert_eq!(q.label(), "2026 Q1", "people read the quarter with a space, as the window writes it");
        assert_eq!(Quarter::parse("quarter", "2026-Q4").unwrap().last_day(), day("2026-12-31"));
        assert_eq!((q.first_day(), q.last_day()), (day("2026-01-01"), day("2026-03-31")));
        assert_eq!(q.next().next().next().next(), Quarter::parse("q", "2027Q1").unwrap());
        assert_eq!(Quarter::of(day("2026-11-21")).to_string(), "2026Q4");
        assert!(q.contains(day("2026-03-31")) && !q.contains(day("2026-04-01")));
    }

    #[test]
    fn a_quarter_that_does_not_parse_names_the_field() {
        for bad in ["2026Q5", "2026Q0", "Q1", "2026", "twenty", ""] {
            let err = Quarter::parse("--quarter", bad).unwrap_err();
            assert!(err.to_string().starts_with("--quarter: "), "{bad}: {err}");
        }
        let json: std::result::Result<Quarter, _> = serde_json::from_str("\"2026Q5\"");
        assert!(json.is_err());
        assert_eq!(serde_json::to_string(&Quarter::parse("q", "2026Q2").unwrap()).unwrap(), "\"2026Q2\"");
    }

    #[test]
    fn a_quarter_outside_the_plans_years_is_refused() {
        assert!(Quarter::parse("q", "1900Q1").is_ok() && Quarter::parse("q", "2199Q4").is_ok());
        for bad in ["1899Q4", "2200Q1", "9999Q4"] {
            let err = Quarter::parse("quarter", bad).unwrap_err().to_string();
            assert!(err.starts_with("quarter: ") && err.contains("1900 to 2199"), "{err}");
        }
    }
}
