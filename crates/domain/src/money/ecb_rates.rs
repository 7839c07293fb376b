//! The European Central Bank's euro reference rates as CSV (`eurofxref-hist.csv`):
//! a header `Date,USD,JPY,…` and one row per day, `N/A` where a currency had no
//! rate. A malformed line is reported with its number and the rest imports. The
//! full history has columns for currencies retired since 1999 (CYP, EEK, LTL, …),
//! which money here cannot hold: those columns are left out and named.

use chrono::NaiveDate;

use crate::money::{Currency, Rate};
use crate::{Error, Result};

/// One rate read from the file: units of `currency` per euro on `day`.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRate {
    pub day: NaiveDate,
    pub currency: Currency,
    pub rate: Rate,
}

/// A line left out, with why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct SkippedLine {
    /// 1-based, as an editor shows it.
    pub line: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct EcbRates {
    pub rates: Vec<DayRate>,
    pub skipped: Vec<SkippedLine>,
    /// Header columns that are not a current ISO 4217 currency (retired ones
    /// such as CYP or TRL), in file order: their cells are not read.
    pub skipped_columns: Vec<String>,
}

/// Parses the whole file. Only a file without a usable header is an error;
/// a bad row or cell (or a line that is not UTF-8) skips that line, named by
/// its number.
pub fn parse(bytes: &[u8]) -> Result<EcbRates> {
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix(b"\r").unwrap_or(l)))
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace));
    let (_, header) = lines.next().ok_or_else(|| Error::invalid("line 1", "the file is empty"))?;
    let header = std::str::from_utf8(header).map_err(|_| Error::invalid("line 1", "is not UTF-8 text"))?;
    let columns: Vec<&str> = header.trim_start_matches('\u{feff}').split(',').map(str::trim).collect();
    if !columns.first().is_some_and(|c| c.eq_ignore_ascii_case("date")) {
        return Err(Error::invalid("line 1", "expected a header starting with Date (the ECB's Date,USD,JPY,… layout)"));
    }
    let mut out = EcbRates::default();
    // Trailing commas leave empty column names; codes money cannot hold are left out.
    let currencies: Vec<Option<Currency>> = columns[1..]
        .iter()
        .map(|c| match Currency::parse("column", c) {
            Ok(currency) => Some(currency),
            Err(_) if c.is_empty() => None,
            Err(_) => {
                out.skipped_columns.push((*c).to_string());
                None
            }
        })
        .collect();
    if currencies.iter().all(Option::is_none) {
        return Err(Error::invalid("line 1", "names no current ISO 4217 currency (USD, JPY, …)"));
    }
    for (number, line) in lines {
        let parsed = std::str::from_utf8(line)
            .map_err(|_| "is not UTF-8 text".to_string())
            .and_then(|line| row(line, &currencies));
        match parsed {
            Ok(rates) => out.rates.extend(rates),
            Err(reason) => out.skipped.push(SkippedLine { line: number, reason }),
        }
    }
    Ok(out)
}

fn row(line: &str, currencies: &[Option<Currency>]) -> std::result::Result<Vec<DayRate>, String> {
    let cells: Vec<&str> = line.split(',').map(str::trim).collect();
    let day: NaiveDate = cells[0].parse().map_err(|_| format!("{:?} is not a date (YYYY-MM-DD)", cells[0]))?;
    if !crate::bounds::in_range(day) {
        return Err(format!("{day}: a day {}", crate::bounds::range_message()));
    }
    if cells.len() - 1 > currencies.len() && cells[currencies.len() + 1..].iter().any(|c| !c.is_empty()) {
        return Err(format!("{} values for {} currencies", cells.len() - 1, currencies.len()));
    }
    let mut rates = vec![];
    for (cell, currency) in cells[1..].iter().zip(currencies) {
        let Some(currency) = currency else { continue };
        if cell.is_empty() || cell.eq_ignore_ascii_case("N/A") {
            continue;
        }
        let rate = Rate::parse(currency.code(), cell).map_err(|e| e.to_string())?;
        rates.push(DayRate { day, currency: *currency, rate });
    }
    Ok(rates)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Date,USD,JPY,BGN,GBP,\n\
        2026-03-04,1.2000,161.50,N/A,0.8400,\n\
        2026-03-03,1.0900,,N/A,0.8350,\n\
        2026-03-02,1.08x,160.00,N/A,0.8300,\n\
        yesterday,1.07,159,N/A,0.83,\n";

    #[test]
    fn reads_rates_and_reports_bad_lines_by_number() {
        let parsed = parse(SAMPLE.as_bytes()).unwrap();
        let usd = parsed.rates.iter().filter(|r| r.currency.code() == "USD").count();
        assert_eq!(usd, 2, "the 4th and 3rd; the 2nd's line is bad");
        assert_eq!(parsed.rates.len(), 5, "N/A and empty cells are no rate");
        assert_eq!(parsed.skipped.len(), 2);
        assert_eq!(parsed.skipped[0].line, 4);
        assert!(parsed.skipped[0].reason.contains("1.08x"), "{:?}", parsed.skipped[0]);
        assert_eq!(parsed.skipped[1].line, 5);
        assert!(parsed.skipped[1].reason.contains("yesterday"));
    }

    #[test]
    fn a_file_without_the_header_or_any_known_currency_is_refused() {
        assert!(parse(b"").unwrap_err().to_string().starts_with("line 1: "));
        assert!(parse(b"Day,USD\n2026-01-01,1.1\n").unwrap_err().to_string().starts_with("line 1: "));
        assert!(parse(b"Date,CYP,EUX,\n2026-01-01,1,2,\n").unwrap_err().to_string().starts_with("line 1: "));
        assert!(parse(b"Date,U\xffSD\n").unwrap_err().to_string().starts_with("line 1: "));
    }

    #[test]
    fn retired_currency_columns_are_left_out_by_name_and_the_rest_imports() {
        let parsed = parse(b"Date,USD,CYP,EUX,GBP,\n2007-12-31,1.4721,0.5842,9,0.73335,\n").unwrap();
        assert_eq!(parsed.skipped_columns, ["CYP", "EUX"]);
        let codes: Vec<_> = parsed.rates.iter().map(|r| r.currency.code()).collect();
        assert_eq!(codes, ["USD", "GBP"]);
        assert!(parsed.skipped.is_empty());
    }

    #[test]
    fn a_line_that_is_not_utf8_is_skipped_by_number() {
        // Probe 18: one stray Latin-1 byte refused the whole file.
        let parsed = parse(b"Date,USD,\r\n2026-03-04,1.2,\r\n2026-03-03,1.1\xe9,\r\n2026-03-02,1.0,\r\n").unwrap();
        assert_eq!(parsed.rates.len(), 2);
        assert_eq!(parsed.skipped, [SkippedLine { line: 3, reason: "is not UTF-8 text".into() }]);
    }

    #[test]
    fn a_day_outside_the_plans_range_skips_its_line() {
        let text = "Date,USD\n2026-03-04,1.2\n1899-12-31,1.1\n2200-01-01,1.3\n0000-01-01,1.0\n";
        let parsed = parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.rates.len(), 1);
        let lines: Vec<usize> = parsed.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert_eq!(parsed.skipped[0].reason, "1899-12-31: a day must be between 1900-01-01 and 2199-12-31");
    }
}
