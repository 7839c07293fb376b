//! Recurrence (RRULE, RDATE, EXDATE) expanded on the wall clock, as RFC 5545
//! defines it: "every Monday at 09:00" stays at 09:00 across a DST change.
//! The `rrule` crate does the rule arithmetic; we feed it wall-clock times
//! posing as UTC so that it never sees a zone it does not know.

use chrono::{NaiveDateTime, NaiveTime, TimeZone};
use rrule::{RRule, Tz, Unvalidated};

use super::value::{self, Stamp};
use super::zone::Zones;

/// More occurrences than this between the start and the end of a window is
/// a rule too dense to be a calendar (FREQ=SECONDLY for years).
pub const MAX_STEPS: usize = 2_000_000;

/// Wall-clock starts of a recurrence, in order, up to `last` inclusive:
/// DTSTART (always the first, RFC 5545 3.8.2.4), the RRULE's, and RDATEs, less
/// EXDATEs. `until_to_wall` turns a UTC UNTIL into this recurrence's wall clock.
pub fn wall_starts(
    start: NaiveDateTime,
    rule: Option<&str>,
    rdates: &[NaiveDateTime],
    exdates: &[NaiveDateTime],
    until_to_wall: impl Fn(NaiveDateTime) -> NaiveDateTime,
    last: NaiveDateTime,
    max: usize,
) -> Result<Vec<NaiveDateTime>, String> {
    wall_starts_from(start, rule, rdates, exdates, until_to_wall, start, last, max)
}

/// As `wall_starts`, for a caller that needs only the starts from `first` on:
/// a rule with a fixed period (SECONDLY to WEEKLY, no COUNT or BYSETPOS) is
/// expanded from its last period boundary before `first`, not from DTSTART, so
/// that an hourly series begun years ago costs a window's worth of steps. Starts
/// before `first` may still be returned; `max` counts only the steps taken.
#[allow(clippy::too_many_arguments)]
pub fn wall_starts_from(
    start: NaiveDateTime,
    rule: Option<&str>,
    rdates: &[NaiveDateTime],
    exdates: &[NaiveDateTime],
    until_to_wall: impl Fn(NaiveDateTime) -> NaiveDateTime,
    first: NaiveDateTime,
    last: NaiveDateTime,
    max: usize,
) -> Result<Vec<NaiveDateTime>, String> {
    let mut out: Vec<NaiveDateTime> = Vec::new();
    let mut steps = 0;
    // Several rules, one a line (as older writers give them): the union.
    for text in rule.into_iter().flat_map(str::lines).filter(|r| !r.trim().is_empty()) {
        let rule = wall_rule(text, &until_to_wall)?;
        let anchor = period_anchor(start, text, first);
        // Moved past its UNTIL, a rule no longer builds: it has nothing in the window, but
        // building it from DTSTART keeps its own error messages for the rules that are wrong.
        let set = match rule.clone().build(fake_utc(anchor)) {
            Ok(set) => Some(set.limit()),
            Err(_) if anchor != start => None,
            Err(e) => return Err(format!("RRULE {e}")),
        };
        for t in set.iter().flatten() {
            let t = t.naive_utc();
            if t > last {
                break;
            }
            steps += 1;
            if steps > MAX_STEPS.min(max) {
                return Err(format!("repeats more than {} times before {}", MAX_STEPS.min(max), last.date()));
            }
            out.push(t);
        }
    }
    out.extend(singles(start, rdates, exdates, last));
    out.sort_unstable();
    out.dedup();
    if !exdates.is_empty() {
        let mut ex = exdates.to_vec();
        ex.sort_unstable();
        out.retain(|t| ex.binary_search(t).is_err());
    }
    Ok(out)
}

/// DTSTART and the RDATEs up to `last`, less EXDATEs.
fn singles(
    start: NaiveDateTime,
    rdates: &[NaiveDateTime],
    exdates: &[NaiveDateTime],
    last: NaiveDateTime,
) -> Vec<NaiveDateTime> {
    let mut out: Vec<NaiveDateTime> = Vec::new();
    if start <= last {
        out.push(start);
    }
    out.extend(rdates.iter().copied().filter(|&t| t <= last));
    out.retain(|t| !exdates.contains(t));
    out
}

/// The last start of one of the rule's periods (DTSTART plus a whole number of
/// INTERVAL × FREQ) at or before `first`. Every BY part keeps its meaning from
/// there, and the rule's defaults (minute, hour, weekday) are DTSTART's. Rules
/// whose set depends on counting from DTSTART (COUNT, BYSETPOS) or whose period
/// has no fixed length (MONTHLY, YEARLY) keep DTSTART.
fn period_anchor(start: NaiveDateTime, rule: &str, first: NaiveDateTime) -> NaiveDateTime {
    if first <= start {
        return start;
    }
    let (mut unit, mut interval) = (None, 1_i64);
    for part in rule.trim().trim_start_matches("RRULE:").split(';') {
        let Some((key, value)) = part.split_once('=') else { continue };
        match key.trim().to_ascii_uppercase().as_str() {
            "COUNT" | "BYSETPOS" => return start,
            "INTERVAL" => interval = value.trim().parse().unwrap_or(1),
            "FREQ" => {
                unit = match value.trim().to_ascii_uppercase().as_str() {
                    "SECONDLY" => Some(1_i64),
                    "MINUTELY" => Some(60),
                    "HOURLY" => Some(3_600),
                    "DAILY" => Some(86_400),
                    "WEEKLY" => Some(7 * 86_400),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    let Some(period) = unit.and_then(|u| u.checked_mul(interval.max(1))) else { return start };
    let periods = (first - start).num_seconds() / period;
    start.checked_add_signed(chrono::Duration::seconds(periods * period)).unwrap_or(start)
}

fn fake_utc(t: NaiveDateTime) -> chrono::DateTime<Tz> {
    Tz::UTC.from_utc_datetime(&t)
}

/// Each rule of `rules` (one a line) as RFC 5545 wants it written: UNTIL of
/// the same kind as DTSTART (a DATE for a date, UTC for a time with a zone,
/// floating for a floating time) and meaning what it was read to mean.
pub fn rules_to_write(rules: &str, start: &Stamp, zones: &Zones) -> Vec<String> {
    let zone = start.tzid().and_then(|tz| zones.get(tz).ok());
    let until_to_wall = |utc: NaiveDateTime| zone.as_ref().map_or(utc, |z| z.to_local(utc));
    rules
        .lines()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|rule| {
            let parts = rule.trim_start_matches("RRULE:").split(';').filter(|p| !p.trim().is_empty()).map(|part| {
                let Some(value) = part.split_once('=').filter(|(k, _)| k.trim().eq_ignore_ascii_case("UNTIL")) else {
                    return part.trim().to_string();
                };
                let Some(wall) = until_wall(value.1.trim(), &until_to_wall) else { return part.trim().to_string() };
                let text = match (start, &zone) {
                    (Stamp::Date(_), _) => value::date_text(wall.date()),
                    (Stamp::Floating(_), _) => value::date_time_text(wall),
                    (Stamp::Zoned(..), Some(z)) => format!("{}Z", value::date_time_text(z.to_utc(wall))),
                    (Stamp::Zoned(..), None) => return part.trim().to_string(),
                    (Stamp::Utc(_), _) => format!("{}Z", value::date_time_text(wall)),
                };
                format!("UNTIL={text}")
            });
            parts.collect::<Vec<_>>().join(";")
        })
        .collect()
}

/// An UNTIL value on the recurrence's wall clock; see [`wall_rule`].
fn until_wall(value: &str, until_to_wall: &impl Fn(NaiveDateTime) -> NaiveDateTime) -> Option<NaiveDateTime> {
    if let Some(d) = value::parse_date(value) {
        Some(d.and_time(NaiveTime::MIN))
    } else if let Some(utc) = value.strip_suffix(['Z', 'z']).and_then(value::parse_date_time) {
        Some(until_to_wall(utc))
    } else {
        value::parse_date_time(value)
    }
}

/// The rule with UNTIL on our wall clock. A date UNTIL is the start of its
/// day, as dateutil (and so most Python and web calendars) read it: with a
/// DATE start that keeps the day, with a time start (which RFC 5545 does not
/// allow) it ends the day before.
fn wall_rule(
    rule: &str,
    until_to_wall: &impl Fn(NaiveDateTime) -> NaiveDateTime,
) -> Result<RRule<Unvalidated>, String> {
    let mut parts = Vec::new();
    for part in rule.trim().trim_start_matches("RRULE:").split(';').filter(|p| !p.trim().is_empty()) {
        let (key, value) = part.split_once('=').ok_or_else(|| format!("{part:?} is not NAME=VALUE"))?;
        if !key.trim().eq_ignore_ascii_case("UNTIL") {
            parts.push(part.trim().to_string());
            continue;
        }
        let value = value.trim();
        let wall = until_wall(value, until_to_wall).ok_or_else(|| format!("UNTIL {value:?} is not a date or time"))?;
        parts.push(format!("UNTIL={}Z", value::date_time_text(wall)));
    }
    parts.join(";").parse::<RRule<Unvalidated>>().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn starts(rule: &str, ex: &[&str], rd: &[&str]) -> Vec<String> {
        let ex: Vec<_> = ex.iter().map(|s| t(s)).collect();
        let rd: Vec<_> = rd.iter().map(|s| t(s)).collect();
        wall_starts(
            t("2026-03-23 09:00"),
            Some(rule),
            &rd,
            &ex,
            |u| u + Duration::hours(1),
            t("2026-12-31 00:00"),
            usize::MAX,
        )
        .unwrap()
        .iter()
        .map(|d| d.format("%m-%d %H:%M").to_string())
        .collect()
    }

    #[test]
    fn a_weekly_rule_keeps_its_wall_clock_time_with_exdates_and_rdates() {
        assert_eq!(
            starts("FREQ=WEEKLY;COUNT=4", &["2026-03-30 09:00"], &["2026-04-02 14:00"]),
            ["03-23 09:00", "04-02 14:00", "04-06 09:00", "04-13 09:00"]
        );
    }

    #[test]
    fn until_is_inclusive_and_read_on_the_wall_clock() {
        // 08:00Z is 09:00 on this wall clock (one hour east), so the 13 April one is kept.
        assert_eq!(starts("FREQ=WEEKLY;UNTIL=20260413T080000Z", &[], &[]).len(), 4);
        assert_eq!(starts("FREQ=WEEKLY;UNTIL=20260414", &[], &[]).len(), 4);
        assert_eq!(starts("FREQ=WEEKLY;UNTIL=20260413", &[], &[]).len(), 3);
    }

    #[test]
    fn dtstart_is_the_first_occurrence_even_off_the_rule() {
        // 23 March 2026 is a Monday; the rule says Tuesdays.
        assert_eq!(starts("FREQ=WEEKLY;BYDAY=TU;COUNT=2", &[], &[]), ["03-23 09:00", "03-24 09:00", "03-31 09:00"]);
    }

    #[test]
    fn several_rules_give_the_union_of_their_occurrences() {
        assert_eq!(
            starts("FREQ=WEEKLY;COUNT=2\nFREQ=WEEKLY;BYDAY=WE;COUNT=2", &[], &[]),
            ["03-23 09:00", "03-25 09:00", "03-30 09:00", "04-01 09:00"]
        );
    }

    #[test]
    fn until_is_written_as_the_kind_of_dtstart_and_means_the_same() {
        let zones = Zones::default();
        let day = |d: &str| Stamp::Date(d.parse().unwrap());
        let berlin = Stamp::Zoned(t("2026-03-23 09:00"), "Europe/Berlin".into());
        let utc = Stamp::Utc(t("2026-03-23 09:00"));
        let floating = Stamp::Floating(t("2026-03-23 09:00"));
        let write = |rule: &str, s: &Stamp| rules_to_write(rule, s, &zones).join("|");
        // A date UNTIL on a time: midnight starting that day, on the start's clock.
        assert_eq!(write("FREQ=DAILY;UNTIL=20260401", &berlin), "FREQ=DAILY;UNTIL=20260331T220000Z");
        assert_eq!(write("FREQ=DAILY;UNTIL=20260401", &utc), "FREQ=DAILY;UNTIL=20260401T000000Z");
        assert_eq!(write("FREQ=DAILY;UNTIL=20260401", &floating), "FREQ=DAILY;UNTIL=20260401T000000");
        // A time UNTIL on a date: the day it falls on.
        assert_eq!(write("FREQ=DAILY;UNTIL=20260401T120000Z", &day("2026-03-23")), "FREQ=DAILY;UNTIL=20260401");
        // Floating UNTIL on a zoned start: read on its wall clock, written in UTC.
        assert_eq!(write("FREQ=DAILY;UNTIL=20260401T090000", &berlin), "FREQ=DAILY;UNTIL=20260401T070000Z");
        // Already right, and several rules, kept in order.
        assert_eq!(
            write("FREQ=DAILY;UNTIL=20260401T070000Z;BYHOUR=9\nFREQ=WEEKLY;COUNT=2", &berlin),
            "FREQ=DAILY;UNTIL=20260401T070000Z;BYHOUR=9|FREQ=WEEKLY;COUNT=2"
        );
    }

    #[test]
    fn rules_that_do_not_read_say_why() {
        let bad =
            wall_starts(t("2026-03-23 09:00"), Some("FREQ=FORTNIGHTLY"), &[], &[], |u| u, t("2026-12-31 00:00"), 10);
        assert!(bad.is_err());
        let dense =
            wall_starts(t("2026-03-23 09:00"), Some("FREQ=MINUTELY"), &[], &[], |u| u, t("2026-12-31 00:00"), 1000);
        assert!(dense.unwrap_err().starts_with("repeats more than 1000 times"));
    }

    #[test]
    fn a_rule_expanded_from_a_window_has_the_same_starts_there() {
        let from = t("2031-06-10 00:00");
        let last = t("2031-07-01 00:00");
        for rule in [
            "FREQ=HOURLY;INTERVAL=5",
            "FREQ=DAILY;INTERVAL=3;BYHOUR=9,17",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            "FREQ=MINUTELY;INTERVAL=45;BYHOUR=10",
            "FREQ=WEEKLY;UNTIL=20310620T000000Z",
            "FREQ=DAILY;UNTIL=20300101T000000Z",
            "FREQ=MONTHLY;BYDAY=-1FR",
        ] {
            let all = wall_starts(t("2026-03-23 09:00"), Some(rule), &[], &[], |u| u, last, usize::MAX).unwrap();
            let windowed =
                wall_starts_from(t("2026-03-23 09:00"), Some(rule), &[], &[], |u| u, from, last, usize::MAX).unwrap();
            let within = |v: &[NaiveDateTime]| v.iter().copied().filter(|s| *s >= from).collect::<Vec<_>>();
            assert_eq!(within(&windowed), within(&all), "{rule}");
            assert!(windowed.len() <= all.len(), "{rule}");
        }
        // An hourly series begun five years before costs a window's worth of steps.
        let hourly = wall_starts_from(t("2026-03-23 09:00"), Some("FREQ=HOURLY"), &[], &[], |u| u, from, last, 600);
        assert_eq!(hourly.unwrap().len(), 21 * 24 + 2, "the window's hours, the one before it, and DTSTART");
    }
}
