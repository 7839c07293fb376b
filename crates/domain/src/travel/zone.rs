//! IANA time zones, validated against the tz database that chrono-tz embeds.

use chrono_tz::Tz;

use crate::{Error, Result};

/// Parses an IANA zone name (`Europe/Berlin`), naming the field when unknown.
pub fn parse(field: &str, name: &str) -> Result<Tz> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid(field, "choose a time zone"));
    }
    name.parse::<Tz>()
        .map_err(|_| Error::invalid(field, format!("{name:?} is not an IANA time zone (for example Europe/Berlin)")))
}

/// Canonical zone names for pickers: `Area/City` entries, no legacy aliases.
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> =
        chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).filter(|n| is_canonical(n)).collect();
    names.sort_unstable();
    names
}

fn is_canonical(name: &str) -> bool {
    const AREAS: &[&str] =
        &["Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];
    name == "UTC" || AREAS.iter().any(|a| name.starts_with(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_zones_parse_and_unknown_name_the_field() {
        assert_eq!(parse("timezone", "Asia/Kolkata").unwrap(), chrono_tz::Asia::Kolkata);
        let err = parse("timezone", "Mars/Olympus").unwrap_err();
        assert!(matches!(err, crate::Error::Invalid { .. }), "{err}");
        assert!(err.to_string().starts_with("timezone: "), "{err}");
    }

    #[test]
    fn picker_lists_cities_not_aliases() {
        let names = names();
        assert!(names.contains(&"Europe/Amsterdam"));
        assert!(names.contains(&"UTC"));
        assert!(!names.contains(&"US/Pacific"));
        assert!(names.len() > 300);
    }
}
