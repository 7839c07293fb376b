//! How the report writes text, figures, money and days.

use chrono::NaiveDate;

use crate::money::{Currency, Money};

/// `text` safe inside HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

pub fn count(n: impl Into<u64>) -> String {
    thousands(n.into())
}

/// Digits after the decimal point of the reporting currency (2 when the code is not one).
fn minor_digits(currency: &str) -> u32 {
    Currency::parse("currency", currency).map_or(2, Currency::minor_digits)
}

/// `minor` units of `currency` as `12,000.00 EUR`, ready for HTML.
pub fn money(minor: i64, currency: &str) -> String {
    // The view's currency is always a code Currency made; cents otherwise, so no amount is lost.
    let amount = match Currency::parse("currency", currency) {
        Ok(c) => Money { minor, currency: c }.decimal(),
        Err(_) => {
            let sign = if minor < 0 { "-" } else { "" };
            format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
        }
    };
    let (sign, unsigned) = amount.strip_prefix('-').map_or(("", amount.as_str()), |rest| ("-", rest));
    let (whole, part) = unsigned.split_once('.').map_or((unsigned, None), |(w, p)| (w, Some(p)));
    let whole = thousands(whole.parse().unwrap_or(0));
    let currency = escape(currency);
    match part {
        Some(p) => format!("{sign}{whole}.{p} {currency}"),
        None => format!("{sign}{whole} {currency}"),
    }
}

/// `minor` units as whole major units, for chart axes.
pub fn major(minor: i64, currency: &str) -> f64 {
    minor as f64 / 10_f64.powi(minor_digits(currency) as i32)
}

/// `12.5 h`.
pub fn hours(h: f64) -> String {
    format!("{h:.1} h")
}

/// `42 %`.
pub fn percent(p: f64) -> String {
    format!("{p:.0} %")
}

/// `12 Jan 2026`.
pub fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// `12 Jan`: a day within the quarter, or a week by its Monday.
pub fn day_month(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// A figure that may not be known: `—` when it is not.
pub fn or_dash<T>(value: Option<T>, show: impl FnOnce(T) -> String) -> String {
    value.map_or_else(|| "—".to_string(), show)
}
