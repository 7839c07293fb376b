//! Counts typed by people: goals and outcomes. They arrive as text or as JSON
//! numbers and must be whole and not negative; the error names the field.

use serde::{Deserialize, Deserializer};

use crate::{Error, Result};

/// The largest count a goal or an outcome holds (SQLite stores it as INTEGER).
const MAX: u64 = 1_000_000_000;

/// `"6"`, `6` or `6.0` is 6; `-1`, `2.5`, `"six"` and `""` are errors naming `field`.
pub fn parse(field: &str, text: &str) -> Result<u32> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::invalid(field, "enter a number"));
    }
    let value: f64 = t.parse().map_err(|_| Error::invalid(field, format!("{t:?} is not a number")))?;
    if !value.is_finite() {
        return Err(Error::invalid(field, format!("{t:?} is not a number")));
    }
    if value < 0.0 {
        return Err(Error::invalid(field, format!("{t} is negative; a count starts at 0")));
    }
    if value.fract() != 0.0 {
        return Err(Error::invalid(field, format!("{t} is not a whole number; a count has no fractions")));
    }
    if value > MAX as f64 {
        return Err(Error::invalid(field, format!("{t} is more than {MAX}")));
    }
    Ok(value as u32)
}

/// Like `parse`, with an empty field meaning "not recorded".
pub fn parse_optional(field: &str, text: Option<&str>) -> Result<Option<u32>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse(field, t).map(Some),
    }
}

/// Reads a JSON string or number as its text, so that a bad count reaches
/// `parse` and is refused there with the field's name, not by serde.
pub fn as_text<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    Ok(text_of(serde_json::Value::deserialize(d)?))
}

pub fn as_optional_text<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => None,
        other => Some(text_of(other)),
    })
}

fn text_of(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_non_negative_counts_only() {
        assert_eq!(parse("target", "6").unwrap(), 6);
        assert_eq!(parse("target", " 6.0 ").unwrap(), 6);
        assert_eq!(parse("target", "0").unwrap(), 0);
        for (bad, why) in [("-1", "negative"), ("2.5", "whole number"), ("six", "not a number"), ("", "enter")] {
            let e = parse("target", bad).unwrap_err().to_string();
            assert!(e.starts_with("target: ") && e.contains(why), "{bad:?}: {e}");
        }
        assert_eq!(parse_optional("views", Some(" ")).unwrap(), None);
        assert_eq!(parse_optional("views", Some("1200")).unwrap(), Some(1200));
    }
}
