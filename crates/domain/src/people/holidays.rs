//! Public holidays from an iCalendar file (the kind governments and calendar
//! apps publish): each all-day event is a holiday, its DTEND exclusive.

use std::io::BufReader;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::bounds;
use crate::{Error, Result};

/// Holiday files are small; a bigger one is not a holiday calendar.
const MAX_HOLIDAYS: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Holiday {
    pub name: String,
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

/// What an import of holidays did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HolidayImport {
    /// Holidays in the file.
    pub holidays: u32,
    pub people: u32,
    /// Days off added, one per holiday per person.
    pub added: u32,
    /// Already there with the same dates, so left alone.
    pub unchanged: u32,
}

/// Every VEVENT of every VCALENDAR in `text`, as holidays, in date order.
pub fn parse(text: &str) -> Result<Vec<Holiday>> {
    let mut out = Vec::new();
    for (c, calendar) in ical::IcalParser::new(BufReader::new(text.as_bytes())).enumerate() {
        let calendar = calendar.map_err(|e| Error::invalid(format!("VCALENDAR {}", c + 1), e.to_string()))?;
        for (i, event) in calendar.events.iter().enumerate() {
            let prop = |name: &str| event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
            let name = prop("SUMMARY").map_or_else(|| "Public holiday".to_string(), |s| unescape(&s));
            let at = |key: &str| format!("VEVENT {} ({name}) {key}", i + 1);
            let start = match prop("DTSTART") {
                Some(v) => date(&v).ok_or_else(|| Error::invalid(at("DTSTART"), format!("{v:?} is not a date")))?,
                None => return Err(Error::invalid(at("DTSTART"), "missing: a holiday needs its day")),
            };
            bounds::day(&at("DTSTART"), start)?;
            let end = match prop("DTEND") {
                // DTEND of an all-day event is the day after the last one.
                Some(v) => {
                    let after = date(&v).ok_or_else(|| Error::invalid(at("DTEND"), format!("{v:?} is not a date")))?;
                    bounds::day(&at("DTEND"), after)?.pred_opt().unwrap_or(after)
                }
                None => start,
            };
            if end < start && prop("DTEND").is_some_and(|v| date(&v) != Some(start)) {
                return Err(Error::invalid(at("DTEND"), "ends before it starts"));
            }
            out.push(Holiday { name, start, end: end.max(start) });
            if out.len() > MAX_HOLIDAYS {
                return Err(Error::invalid("file", format!("more than {MAX_HOLIDAYS} events: not a holiday calendar")));
            }
        }
    }
    if out.is_empty() {
        return Err(Error::invalid("file", "no events in it: is it an iCalendar (.ics) file?"));
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

/// `20261225` or `20261225T000000Z`: the day.
fn date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d").ok()
}

/// A holiday's name on one line.
fn unescape(text: &str) -> String {
    crate::ics::reader::unescape(text).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
        BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas\\, both days\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20261003\r\nSUMMARY:Tag der Deutschen Einheit\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";

    #[test]
    fn all_day_events_become_holidays_with_an_inclusive_end() {
        let h = parse(FILE).unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(
            (h[0].name.as_str(), h[0].start, h[0].end),
            ("Tag der Deutschen Einheit", d("2026-10-03"), d("2026-10-03"))
        );
        assert_eq!(
            (h[1].name.as_str(), h[1].start, h[1].end),
            ("Christmas, both days", d("2026-12-25"), d("2026-12-26"))
        );
    }

    #[test]
    fn a_bad_date_names_the_event_and_property() {
        let bad = FILE.replace("DTSTART;VALUE=DATE:20261003", "DTSTART;VALUE=DATE:2026-13-03");
        let err = parse(&bad).unwrap_err();
        assert!(
            matches!(err, Error::Invalid { ref field, .. } if field == "VEVENT 2 (Tag der Deutschen Einheit) DTSTART"),
            "{err}"
        );
        assert!(parse("hello").is_err());
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_day_outside_the_plans_range_names_the_event() {
        for (from, to) in [
            ("DTSTART;VALUE=DATE:20261003", "DTSTART;VALUE=DATE:00001003"),
            ("DTSTART;VALUE=DATE:20261003", "DTSTART;VALUE=DATE:99991003"),
        ] {
            let err = parse(&FILE.replace(from, to)).unwrap_err();
            assert_eq!(
                err.to_string(),
                "VEVENT 2 (Tag der Deutschen Einheit) DTSTART: must be between 1900-01-01 and 2199-12-31"
            );
        }
    }
}
