//! Time zones named by TZID: IANA names (chrono-tz), Windows names (as
//! Outlook writes them), and zones a file defines only by its VTIMEZONE.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;

use chrono::{Duration, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::reader::Component;
use super::recur;
use super::value::{self, Stamp};
use super::windows_zones::iana_for_windows;
use crate::{Error, Result};

/// Custom zones are worked out up to this year; recurrences beyond it keep
/// the last offset.
const LAST_YEAR: i32 = 2100;

#[derive(Debug, Clone)]
pub enum Zone {
    Iana(Tz),
    Custom(Arc<CustomZone>),
}

/// A zone known only from a VTIMEZONE: its transitions, worked out once.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomZone {
    pub tzid: String,
    /// The VTIMEZONE as read, so that an export can write it back.
    pub definition: String,
    before_first: i32,
    /// (UTC instant, offset in seconds from then on), in time order.
    transitions: Vec<(NaiveDateTime, i32)>,
}

impl Zone {
    /// The zone an IANA or Windows name stands for.
    pub fn named(tzid: &str) -> Option<Zone> {
        let name = tzid.trim().trim_matches('"');
        if let Ok(tz) = Tz::from_str(name) {
            return Some(Zone::Iana(tz));
        }
        if let Some(iana) = iana_for_windows(name) {
            return Tz::from_str(iana).ok().map(Zone::Iana);
        }
        // Old Mozilla and Evolution exports prefix the IANA name with a path.
        let mut parts: Vec<&str> = name.split('/').filter(|s| !s.is_empty()).collect();
        while parts.len() > 1 {
            parts.remove(0);
            if let Ok(tz) = Tz::from_str(&parts.join("/")) {
                return Some(Zone::Iana(tz));
            }
        }
        None
    }

    /// The name to write as TZID.
    pub fn tzid(&self) -> &str {
        match self {
            Zone::Iana(tz) => tz.name(),
            Zone::Custom(c) => &c.tzid,
        }
    }

    /// Seconds east of UTC at a UTC instant.
    pub fn offset_at(&self, utc: NaiveDateTime) -> i32 {
        match self {
            Zone::Iana(tz) => tz.offset_from_utc_datetime(&utc).fix().local_minus_utc(),
            Zone::Custom(c) => c.offset_at(utc),
        }
    }

    pub fn to_local(&self, utc: NaiveDateTime) -> NaiveDateTime {
        utc + Duration::seconds(i64::from(self.offset_at(utc)))
    }

    /// The UTC instant of a wall-clock time. A time that happens twice (the
    /// hour the clocks go back) is the first; a time that never happens (the
    /// hour they go forward) is read with the offset from before the change,
    /// as RFC 5545 3.3.5 says.
    pub fn to_utc(&self, local: NaiveDateTime) -> NaiveDateTime {
        let before = self.offset_at(local - Duration::hours(26));
        let after = self.offset_at(local + Duration::hours(26));
        let valid = |o: i32| {
            let utc = local - Duration::seconds(i64::from(o));
            (self.offset_at(utc) == o).then_some(utc)
        };
        match (valid(before), valid(after)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => local - Duration::seconds(i64::from(before)),
        }
    }
}

impl CustomZone {
    /// A zone from its VTIMEZONE: every STANDARD and DAYLIGHT onset, from its
    /// DTSTART, RRULE and RDATEs, up to `LAST_YEAR`.
    pub fn from_vtimezone(c: &Component, definition: String) -> Result<CustomZone> {
        let tzid = c
            .value("TZID")
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| Error::invalid(format!("line {}, VTIMEZONE", c.line), "has no TZID".to_string()))?;
        let last = chrono::NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or_default().and_time(Default::default());
        let mut transitions = Vec::new();
        let mut earliest: Option<(NaiveDateTime, i32)> = None;
        for obs in c.children.iter().filter(|o| o.name == "STANDARD" || o.name == "DAYLIGHT") {
            let need = |name: &str| {
                obs.property(name).ok_or_else(|| Error::invalid(obs.at(), format!("{tzid} {} has no {name}", obs.name)))
            };
            let from = value::utc_offset(need("TZOFFSETFROM")?)?;
            let to = value::utc_offset(need("TZOFFSETTO")?)?;
            let start_prop = need("DTSTART")?;
            let start = value::stamp(start_prop)?.wall();
            let mut rdates = Vec::new();
            for p in obs.all("RDATE") {
                rdates.extend(value::stamps(p)?.iter().map(Stamp::wall));
            }
            // An onset's UNTIL is in UTC; our wall clock is the offset before it.
            let until_to_wall = |utc: NaiveDateTime| utc + Duration::seconds(i64::from(from));
            let rule = obs.property("RRULE");
            let onsets = recur::wall_starts(
                start,
                rule.map(|p| p.value.as_str()),
                &rdates,
                &[],
                until_to_wall,
                last,
                usize::MAX,
            )
            .map_err(|e| Error::invalid(rule.map_or_else(|| start_prop.at(), |r| r.at()), e))?;
            for onset in onsets {
                let utc = onset - Duration::seconds(i64::from(from));
                if earliest.is_none_or(|(t, _)| utc < t) {
                    earliest = Some((utc, from));
                }
                transitions.push((utc, to));
            }
        }
        let Some((_, before_first)) = earliest else {
            return Err(Error::invalid(
                format!("line {}, VTIMEZONE", c.line),
                format!("{tzid} has no STANDARD or DAYLIGHT"),
            ));
        };
        transitions.sort_by_key(|&(t, _)| t);
        Ok(CustomZone { tzid: tzid.to_string(), definition, before_first, transitions })
    }

    fn offset_at(&self, utc: NaiveDateTime) -> i32 {
        match self.transitions.partition_point(|&(t, _)| t <= utc) {
            0 => self.before_first,
            i => self.transitions[i - 1].1,
        }
    }
}

/// The zones one file's times may name, resolved once per TZID.
#[derive(Debug, Default)]
pub struct Zones {
    by_tzid: HashMap<String, std::result::Result<Zone, String>>,
}

impl Zones {
    /// Every VTIMEZONE of a calendar. An IANA or Windows name wins over the
    /// file's own definition (as other readers do); a definition that does
    /// not read makes its TZID unusable, with the reason kept for whoever
    /// names it.
    pub fn of(calendar: &Component, text_of: impl Fn(&Component) -> String) -> Zones {
        let mut zones = Zones::default();
        for c in calendar.children.iter().filter(|c| c.name == "VTIMEZONE") {
            let Some(tzid) = c.value("TZID").map(|t| t.trim().to_string()) else { continue };
            let zone = match Zone::named(&tzid) {
                Some(z) => Ok(z),
                None => CustomZone::from_vtimezone(c, text_of(c))
                    .map(|z| Zone::Custom(Arc::new(z)))
                    .map_err(|e| e.to_string()),
            };
            zones.by_tzid.insert(tzid, zone);
        }
        zones
    }

    pub fn insert(&mut self, zone: Zone) {
        self.by_tzid.insert(zone.tzid().to_string(), Ok(zone));
    }

    /// The zone for a TZID, or why there is none.
    pub fn get(&self, tzid: &str) -> std::result::Result<Zone, String> {
        match self.by_tzid.get(tzid.trim()) {
            Some(found) => found.clone(),
            None => Zone::named(tzid).ok_or_else(|| format!("unknown TZID {tzid:?}: no VTIMEZONE defines it")),
        }
    }

    /// The UTC instant of a time with a zone (or in UTC); None for dates,
    /// floating times and unknown zones.
    pub fn instant(&self, stamp: &Stamp) -> Option<NaiveDateTime> {
        match stamp {
            Stamp::Utc(t) => Some(*t),
            Stamp::Zoned(t, tz) => self.get(tz).ok().map(|z| z.to_utc(*t)),
            Stamp::Floating(_) | Stamp::Date(_) => None,
        }
    }

    /// A stamp as a UTC instant; floating times and dates are read in `home`.
    pub fn utc(&self, stamp: &Stamp, home: &Zone) -> std::result::Result<NaiveDateTime, String> {
        Ok(match stamp {
            Stamp::Zoned(t, tz) => self.get(tz)?.to_utc(*t),
            Stamp::Utc(t) => *t,
            Stamp::Floating(_) | Stamp::Date(_) => home.to_utc(stamp.wall()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::reader;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    const CUSTOM: &str = "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Custom Berlin\r\n\
        BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n\
        BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n\
        END:VTIMEZONE\r\nEND:VCALENDAR\r\n";

    #[test]
    fn a_custom_vtimezone_agrees_with_the_iana_zone_it_copies() {
        let cal = &reader::parse(CUSTOM.as_bytes()).unwrap()[0];
        let zones = Zones::of(cal, |_| String::new());
        let custom = zones.get("Custom Berlin").unwrap();
        assert!(matches!(custom, Zone::Custom(_)));
        let berlin = Zone::Iana(chrono_tz::Europe::Berlin);
        for local in [
            "2026-03-29 01:30",
            "2026-03-29 02:30",
            "2026-03-29 03:30",
            "2026-10-25 02:30",
            "2026-07-01 12:00",
            "2026-12-01 12:00",
            "1999-10-31 02:30",
        ] {
            assert_eq!(custom.to_utc(t(local)), berlin.to_utc(t(local)), "{local}");
        }
        // The gap reads with the offset before it; the repeated hour is the first one.
        assert_eq!(berlin.to_utc(t("2026-03-29 02:30")), t("2026-03-29 01:30"));
        assert_eq!(berlin.to_utc(t("2026-10-25 02:30")), t("2026-10-25 00:30"));
    }

    #[test]
    fn windows_and_prefixed_names_resolve_to_iana_zones() {
        assert_eq!(Zone::named("W. Europe Standard Time").unwrap().tzid(), "Europe/Berlin");
        assert_eq!(Zone::named("/mozilla.org/20050126_1/America/New_York").unwrap().tzid(), "America/New_York");
        assert!(Zone::named("Mars/Olympus_Mons").is_none());
        assert!(Zones::default().get("Mars/Olympus_Mons").unwrap_err().contains("unknown TZID"));
    }

    #[test]
    fn a_vtimezone_with_a_bad_offset_makes_its_tzid_unusable() {
        let bad = CUSTOM.replace("TZOFFSETTO:+0100", "TZOFFSETTO:+01");
        let cal = &reader::parse(bad.as_bytes()).unwrap()[0];
        let err = Zones::of(cal, |_| String::new()).get("Custom Berlin").unwrap_err();
        assert!(err.starts_with("line 8, TZOFFSETTO"), "{err}");
    }
}
