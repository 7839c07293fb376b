//! The app's notion of now. Normally the system clock; `QUARTERDECK_NOW`
//! moves it, so that tests (and a user rehearsing next quarter) can tell the
//! window and the CLI which day it is. The moved clock still runs: it starts at
//! the given instant when the process starts, so reminders and "in 3 days"
//! behave as they would on that day.

use std::sync::OnceLock;

use chrono::{DateTime, Local, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};

use crate::{Error, Result};

/// The variable that moves the clock: an RFC 3339 instant
/// (`2026-11-18T12:00:00Z`) or a day (`2026-11-18`, read as local noon).
pub const VARIABLE: &str = "QUARTERDECK_NOW";

static OFFSET: OnceLock<TimeDelta> = OnceLock::new();

/// Reads `QUARTERDECK_NOW` once, at start. A value that is not a time is an
/// error naming the variable rather than a silently real clock.
pub fn init() -> Result<()> {
    let offset = match std::env::var(VARIABLE) {
        Ok(value) => offset_to(parse(&value)?, Utc::now()),
        Err(std::env::VarError::NotPresent) => TimeDelta::zero(),
        Err(std::env::VarError::NotUnicode(_)) => return Err(invalid("is not text")),
    };
    // A second init (tests call it more than once) keeps the first reading.
    let _ = OFFSET.set(offset);
    Ok(())
}

/// The instant now, on the app's clock.
pub fn now() -> DateTime<Utc> {
    let real = Utc::now();
    real.checked_add_signed(*OFFSET.get().unwrap_or(&TimeDelta::zero())).unwrap_or(real)
}

/// Today's date in the user's zone, on the app's clock.
pub fn today() -> NaiveDate {
    now().with_timezone(&Local).date_naive()
}

fn offset_to(target: DateTime<Utc>, real: DateTime<Utc>) -> TimeDelta {
    target.signed_duration_since(real)
}

fn parse(value: &str) -> Result<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(value) {
        return Ok(instant.with_timezone(&Utc));
    }
    let day: NaiveDate =
        value.parse().map_err(|_| invalid("must be a day (2026-11-18) or an instant (2026-11-18T12:00:00Z)"))?;
    let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
    Local
        .from_local_datetime(&noon)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| invalid("names a time that does not exist in this time zone"))
}

fn invalid(message: &str) -> Error {
    Error::invalid(VARIABLE, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_or_a_day_moves_the_clock() {
        assert_eq!(parse("2026-11-18T12:00:00Z").unwrap().to_rfc3339(), "2026-11-18T12:00:00+00:00");
        assert_eq!(parse("2026-11-18T13:00:00+01:00").unwrap().to_rfc3339(), "2026-11-18T12:00:00+00:00");
        let noon = parse("2027-01-05").unwrap().with_timezone(&Local);
        assert_eq!(noon.date_naive().to_string(), "2027-01-05");
        assert_eq!(noon.time(), NaiveTime::from_hms_opt(12, 0, 0).unwrap());
    }

    #[test]
    fn the_moved_clock_keeps_running_from_its_start() {
        let real = parse("2030-06-01T08:00:00Z").unwrap();
        let offset = offset_to(parse("2026-11-18T12:00:00Z").unwrap(), real);
        let later = real + TimeDelta::minutes(90);
        assert_eq!((later + offset).to_rfc3339(), "2026-11-18T13:30:00+00:00");
    }

    #[test]
    fn anything_else_is_refused_by_name() {
        for bad in ["", "tomorrow", "2026-13-01", "2026-11-18 12:00"] {
            let e = parse(bad).unwrap_err().to_string();
            assert!(e.starts_with("QUARTERDECK_NOW: "), "{bad}: {e}");
        }
    }
}
