//! Small checks shared by the records' `validate` functions. Each returns an
//! `Error::Invalid` that names the field, in words a user can act on.

use chrono::NaiveDate;

use crate::{Error, Result};

pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 20_000;

/// A required one-line name: trimmed, not empty, not absurdly long.
pub fn name(field: &str, value: &str) -> Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if trimmed.chars().count() > MAX_NAME {
        return Err(Error::invalid(field, format!("is longer than {MAX_NAME} characters")));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(field, "must be one line of text"));
    }
    Ok(trimmed.to_string())
}

/// Optional one-line text (city, role): trimmed, may be empty.
pub fn line(field: &str, value: &str) -> Result<String> {
    if value.trim().is_empty() { Ok(String::new()) } else { name(field, value) }
}

/// Free text (notes): may span lines, bounded in size.
pub fn text(field: &str, value: &str) -> Result<String> {
    if value.chars().count() > MAX_TEXT {
        return Err(Error::invalid(field, format!("is longer than {MAX_TEXT} characters")));
    }
    Ok(value.trim().to_string())
}

/// An optional web address: empty, or http(s) with a host.
pub fn url(field: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| Error::invalid(field, "must start with https:// or http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || value.chars().any(char::is_whitespace) || value.len() > 2_000 {
        return Err(Error::invalid(field, format!("{value:?} is not a web address")));
    }
    Ok(value.to_string())
}

/// `end` on or after `start`, both inclusive dates in the plan's range.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> Result<()> {
    super::bounds::day("start_date", start)?;
    super::bounds::day("end_date", end)?;
    if end < start {
        return Err(Error::invalid("end_date", format!("ends on {end}, before it starts on {start}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(name("name", "  Maya  ").unwrap(), "Maya");
        assert!(matches!(name("name", "   "), Err(Error::Invalid { field, .. }) if field == "name"));
        assert!(name("name", "two\nlines").is_err());
        assert!(name("name", &"x".repeat(201)).is_err());
    }

    #[test]
    fn urls_need_a_scheme_and_host() {
        assert_eq!(url("url", "").unwrap(), "");
        assert_eq!(url("url", " https://rustconf.com/ ").unwrap(), "https://rustconf.com/");
        assert!(url("url", "rustconf.com").is_err());
        assert!(url("url", "https://").is_err());
        assert!(url("url", "javascript:alert(1)").is_err());
    }

    #[test]
    fn date_range_rejects_end_before_start() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(date_range(d("2026-03-02"), d("2026-03-02")).is_ok());
        let err = date_range(d("2026-03-03"), d("2026-03-02")).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "end_date"), "{err}");
    }
}
