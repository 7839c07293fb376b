//! How the report writes text, figures, money and days: figures and days as
//! the reader's locale writes them (its digit grouping, decimal mark and month
//! names, from glibc's locale data), as the window does.

use std::cell::Cell;

use chrono::{Locale, NaiveDate};

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

/// How one locale writes figures and days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    locale: Locale,
    decimal: &'static str,
    group: &'static str,
    /// English keeps the window's own compact forms ("Jan 12", "Jan 12, 2026").
    english: bool,
}

impl Figures {
    pub const ENGLISH: Figures = Figures { locale: Locale::en_US, decimal: ".", group: ",", english: true };

    /// The figures of a BCP 47 tag (`de-DE`) or POSIX name (`de_DE.UTF-8`); English when the locale is unknown.
    pub fn of(tag: &str) -> Figures {
        let name = tag.split(['.', '@']).next().unwrap_or_default().replace('-', "_");
        let language = name.split('_').next().unwrap_or_default().to_ascii_lowercase();
        let locale = Locale::try_from(name.as_str())
            .or_else(|_| Locale::try_from(format!("{language}_{}", language.to_ascii_uppercase()).as_str()));
        match locale {
            Ok(locale) => Figures {
                locale,
                decimal: pure_rust_locales::locale_match!(locale => LC_NUMERIC::DECIMAL_POINT),
                group: pure_rust_locales::locale_match!(locale => LC_NUMERIC::THOUSANDS_SEP),
                english: language == "en",
            },
            Err(_) => Figures::ENGLISH,
        }
    }
}

thread_local! {
    static FIGURES: Cell<Figures> = const { Cell::new(Figures::ENGLISH) };
}

/// Renders with `figures` for every figure and day written meanwhile. One render is one
/// locale, so the report's many small writers read it here rather than each taking it.
pub fn writing_as<T>(figures: Figures, render: impl FnOnce() -> T) -> T {
    struct Restore(Figures);
    impl Drop for Restore {
        fn drop(&mut self) {
            FIGURES.with(|f| f.set(self.0));
        }
    }
    let _restore = Restore(FIGURES.with(|f| f.replace(figures)));
    render()
}

fn figures() -> Figures {
    FIGURES.with(Cell::get)
}

/// `1234567` as `1,234,567` (`1.234.567` in German).
pub fn thousands(n: u64) -> String {
    let group = figures().group;
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * group.len());
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(d);
    }
    out
}

/// A decimal written with `.` as the locale writes it.
pub fn decimal_mark(text: String) -> String {
    match figures().decimal {
        "." => text,
        mark => text.replacen('.', mark, 1),
    }
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
        Some(p) => format!("{sign}{whole}{}{p} {currency}", figures().decimal),
        None => format!("{sign}{whole} {currency}"),
    }
}

/// `minor` units as whole major units, for chart axes.
pub fn major(minor: i64, currency: &str) -> f64 {
    minor as f64 / 10_f64.powi(minor_digits(currency) as i32)
}

/// `12.5 h`.
pub fn hours(h: f64) -> String {
    format!("{} h", decimal_mark(format!("{h:.1}")))
}

/// `42 %`.
pub fn percent(p: f64) -> String {
    format!("{p:.0} %")
}

/// `Jan 12, 2026` (`12 Jan 2026` in German).
pub fn day(d: NaiveDate) -> String {
    let f = figures();
    if f.english { d.format("%b %-d, %Y").to_string() } else { d.format_localized("%-d %b %Y", f.locale).to_string() }
}

/// `Jan 1 – Mar 31, 2026` (`1 Jan – 31 Mar 2026` in German), the year once when both days share it.
pub fn range(first: NaiveDate, last: NaiveDate) -> String {
    use chrono::Datelike;
    if first.year() != last.year() {
        return format!("{} – {}", day(first), day(last));
    }
    format!("{} – {}", day_month(first), day(last))
}

/// `Jan 12`: a day within the quarter, or a week by its Monday.
pub fn day_month(d: NaiveDate) -> String {
    let f = figures();
    if f.english { d.format("%b %-d").to_string() } else { d.format_localized("%-d %b", f.locale).to_string() }
}

/// A figure that may not be known: `—` when it is not.
pub fn or_dash<T>(value: Option<T>, show: impl FnOnce(T) -> String) -> String {
    value.map_or_else(|| "—".to_string(), show)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jan(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
    }

    #[test]
    fn english_is_the_windows_style() {
        writing_as(Figures::of("en-US"), || {
            assert_eq!(money(1_234_550, "EUR"), "12,345.50 EUR");
            assert_eq!(hours(12.25), "12.2 h");
            assert_eq!(day(jan(12)), "Jan 12, 2026");
            assert_eq!(range(jan(1), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()), "Jan 1 – Mar 31, 2026");
        });
    }

    #[test]
    fn german_groups_with_points_and_marks_decimals_with_a_comma() {
        writing_as(Figures::of("de_DE.UTF-8"), || {
            assert_eq!(money(1_234_550, "EUR"), "12.345,50 EUR");
            assert_eq!(thousands(1_234_567), "1.234.567");
            assert_eq!(hours(12.5), "12,5 h");
            assert_eq!(day(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()), "2 Mär 2026");
        });
        // The render is over: the next writes English again.
        assert_eq!(money(1_234_550, "EUR"), "12,345.50 EUR");
    }

    #[test]
    fn a_language_alone_or_an_unknown_locale_is_read_sensibly() {
        assert_eq!(Figures::of("de"), Figures::of("de-DE"));
        assert_eq!(Figures::of("xx-YY"), Figures::ENGLISH);
        assert_eq!(Figures::of("C"), Figures::ENGLISH);
    }
}
