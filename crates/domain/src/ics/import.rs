//! Other apps' calendars as busy time: every VEVENT of a file, with its
//! recurrence kept whole (RRULE, RDATE, EXDATE and RECURRENCE-ID overrides),
//! so that an export of it gives back the same occurrences.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::import_count::ImportCount;
use super::reader::{self, Component, Property, unescape};
use super::value::{self, Stamp};
use super::write::Lines;
use super::zone::{CustomZone, Zone, Zones};
use crate::{Error, Result};

/// How many occurrences one file's rules may have in their first 800 days (the
/// span `check_rule` reads), together. Each load expands them again: past this,
/// a rule is left out with a warning naming its line (300 hourly series are
/// 5.8 million; a busy work calendar a few tens of thousands).
pub const FILE_BUDGET: usize = 200_000;
/// The most one rule may have in those 800 days (FREQ=SECONDLY is not a calendar).
const RULE_MAX: usize = 200_000;

/// The first and last days the store keeps spans in: endless rules end here.
pub const EVER: NaiveDate = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
pub const FOREVER: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();

/// One VEVENT from another calendar: a series (with `rrule`/`rdates`) or one
/// changed occurrence of a series (`recurrence_id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEvent {
    pub uid: String,
    pub recurrence_id: Option<Stamp>,
    pub sequence: i64,
    pub summary: String,
    pub location: String,
    pub start: Stamp,
    pub end: Stamp,
    /// The RRULE; several (as older writers give) one a line, their
    /// occurrences united.
    pub rrule: Option<String>,
    pub rdates: Vec<Stamp>,
    pub exdates: Vec<Stamp>,
    /// TENTATIVE, CONFIRMED or CANCELLED, as the file says.
    pub status: Option<String>,
    /// TRANSP:TRANSPARENT: shown as free, so not busy.
    pub transparent: bool,
    /// RECURRENCE-ID;RANGE=THISANDFUTURE: the change holds for every later
    /// occurrence too.
    pub this_and_future: bool,
}

impl ImportedEvent {
    /// The days its occurrences can touch, a day wider each side for zones:
    /// to the end of a bounded rule, to the year 9999 for an endless one. A
    /// changed occurrence also covers the day of the occurrence it replaces.
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        let mut first = self.start.wall().date();
        let mut last = self.end.wall().date().max(first);
        for s in self.rdates.iter().chain(&self.recurrence_id) {
            first = first.min(s.wall().date());
            last = last.max(s.wall().date() + (self.end.wall() - self.start.wall()));
        }
        if let Some(rule) = &self.rrule {
            let length = self.end.wall() - self.start.wall();
            let far = NaiveDate::MAX.and_time(Default::default());
            let upper = rule.to_ascii_uppercase();
            let bounded = upper.lines().all(|r| r.contains("UNTIL=") || r.contains("COUNT="));
            last = match bounded {
                // A dense bounded rule is taken as endless rather than expanded at length.
                true => match super::recur::wall_starts(self.start.wall(), Some(rule), &[], &[], |u| u, far, 10_000) {
                    Ok(starts) => last.max(starts.last().map_or(last, |s| (*s + length).date())),
                    Err(_) => FOREVER,
                },
                false => FOREVER,
            };
        }
        // Four-digit years, so that the store can compare them as text.
        let clamp = |d: NaiveDate| d.clamp(EVER, FOREVER);
        (clamp(first.pred_opt().unwrap_or(first)), clamp(last.succ_opt().unwrap_or(last)))
    }

    /// Counts as busy time: not cancelled, not marked free, and with a time
    /// of day (an all-day entry marks a day, not hours of it).
    pub fn is_busy(&self) -> bool {
        !self.transparent && !self.start.is_date() && self.status.as_deref() != Some("CANCELLED")
    }

    /// An all-day event that takes the day (not marked free, not cancelled).
    pub fn is_busy_all_day(&self) -> bool {
        !self.transparent && self.start.is_date() && self.status.as_deref() != Some("CANCELLED")
    }
}

/// What one file holds, ready to store.
#[derive(Debug, Default)]
pub struct CalendarFile {
    /// X-WR-CALNAME of the first calendar that has one.
    pub name: Option<String>,
    pub events: Vec<ImportedEvent>,
    /// The file's own zones that the events name, to keep for reading them later.
    pub zones: Vec<Arc<CustomZone>>,
    /// A component left out, named with its line and why.
    pub warnings: Vec<String>,
    /// VTODO, VJOURNAL and the like: not busy time.
    pub not_events: u32,
    /// VEVENTs in the file, read or not.
    pub vevents: u32,
    /// VEVENTs left out as unreadable (each with a warning).
    pub left_out: u32,
    /// Older copies of an event (same UID and RECURRENCE-ID, lower SEQUENCE) skipped.
    pub superseded: u32,
}

impl CalendarFile {
    /// The file's own zones, for reading its events.
    pub fn zones(&self) -> Zones {
        let mut zones = Zones::default();
        for z in &self.zones {
            zones.insert(Zone::Custom(z.clone()));
        }
        zones
    }
}

/// Reads a whole file. A structural fault refuses it, naming the line; one
/// bad VEVENT is left out with a warning naming it and the rest is read. A
/// file with nothing readable is refused with its first fault.
pub fn read(bytes: &[u8]) -> Result<CalendarFile> {
    let roots = reader::parse(bytes)?;
    let mut file = CalendarFile::default();
    let mut first_fault: Option<Error> = None;
    let mut zones_kept: HashSet<String> = HashSet::new();
    let mut from_periods = Vec::new();
    let mut notes = Vec::new();
    let mut budget = FILE_BUDGET;
    for cal in &roots {
        if cal.name != "VCALENDAR" {
            file.warnings.push(format!("{} left out: not a VCALENDAR", cal.at()));
            continue;
        }
        if file.name.is_none() {
            file.name = cal.value("X-WR-CALNAME").map(unescape).filter(|n| !n.trim().is_empty());
        }
        let zones = Zones::of(cal, |c| {
            let mut lines = Lines::default();
            lines.component(c);
            lines.finish()
        });
        let calendar_zone = cal.value("X-WR-TIMEZONE").and_then(Zone::named);
        for c in &cal.children {
            file.vevents += u32::from(c.name == "VEVENT");
            match c.name.as_str() {
                "VEVENT" => match event(c, &zones, calendar_zone.as_ref(), &mut notes, &mut budget) {
                    Ok((e, periods)) => {
                        file.warnings.append(&mut notes);
                        if let Some(tz) = zoned_custom(&e, &zones)
                            && zones_kept.insert(tz.tzid.clone())
                        {
                            file.zones.push(tz);
                        }
                        file.events.push(e);
                        from_periods.extend(periods);
                    }
                    Err(err) => {
                        file.left_out += 1;
                        notes.clear();
                        file.warnings.push(format!("{} left out: {err}", c.at()));
                        first_fault.get_or_insert(err);
                    }
                },
                "VTIMEZONE" => {}
                _ => file.not_events += 1,
            }
        }
    }
    if file.events.is_empty() {
        return Err(first_fault.unwrap_or_else(|| Error::invalid("file", "no events in it (VEVENT)")));
    }
    // Counted before the RDATE periods join, so that only the file's own copies count.
    let distinct: HashSet<(&str, Option<&Stamp>)> =
        file.events.iter().map(|e| (e.uid.as_str(), e.recurrence_id.as_ref())).collect();
    file.superseded = (file.events.len() - distinct.len()) as u32;
    // An RDATE PERIOD is an occurrence with a length of its own: kept as a
    // change of that occurrence, unless the file changes it itself.
    file.events.extend(from_periods);
    file.events = newest_only(std::mem::take(&mut file.events));
    Ok(file)
}

/// One event per UID and RECURRENCE-ID: the highest SEQUENCE, the later one
/// on a tie (as calendar servers send updates), file order otherwise kept.
fn newest_only(events: Vec<ImportedEvent>) -> Vec<ImportedEvent> {
    let mut best: std::collections::HashMap<(String, Option<Stamp>), usize> = std::collections::HashMap::new();
    for (i, e) in events.iter().enumerate() {
        let key = (e.uid.clone(), e.recurrence_id.clone());
        match best.get(&key) {
            Some(&j) if events[j].sequence > e.sequence => {}
            _ => {
                best.insert(key, i);
            }
        }
    }
    let keep: HashSet<usize> = best.into_values().collect();
    events.into_iter().enumerate().filter(|(i, _)| keep.contains(i)).map(|(_, e)| e).collect()
}

fn zoned_custom(e: &ImportedEvent, zones: &Zones) -> Option<Arc<CustomZone>> {
    match zones.get(e.start.tzid()?) {
        Ok(Zone::Custom(c)) => Some(c),
        _ => None,
    }
}

/// One VEVENT. What other readers take but RFC 5545 forbids is read as they
/// read it (python icalendar with recurring-ical-events), with a warning
/// naming the line in `warnings`.
fn event(
    c: &Component,
    zones: &Zones,
    calendar_zone: Option<&Zone>,
    warnings: &mut Vec<String>,
    budget: &mut usize,
) -> Result<(ImportedEvent, Vec<ImportedEvent>)> {
    for p in c.properties.iter().filter(|p| p.empty_param) {
        warnings.push(format!("{}: an empty parameter (;;) is ignored", p.at()));
    }
    let mut starts = c.all("DTSTART");
    let start_prop =
        starts.next().ok_or_else(|| Error::invalid(format!("line {}, VEVENT", c.line), "has no DTSTART"))?;
    for again in starts {
        warnings.push(format!("{}: DTSTART given again; the first (line {}) is used", again.at(), start_prop.line));
    }
    let mut start = stamp(start_prop, zones, calendar_zone)?;
    in_plan_range(start_prop, &start)?;
    let mut end = match (c.property("DTEND"), c.property("DURATION")) {
        (Some(p), _) => {
            let mut end = stamp(p, zones, calendar_zone)?;
            in_plan_range(p, &end)?;
            // A date on one side and a time on the other: the date is midnight
            // on the other side's clock.
            if end.is_date() != start.is_date() {
                warnings.push(format!(
                    "{}: a date where DTSTART is a time, or the other way round; read as midnight",
                    p.at()
                ));
                if start.is_date() {
                    start = end.with_wall(start.wall());
                } else {
                    end = start.with_wall(end.wall());
                }
            }
            end
        }
        (None, Some(p)) => start.with_wall(start.wall() + value::duration(p)?),
        // RFC 5545 3.6.1: a date lasts the day, a time is an instant.
        (None, None) if start.is_date() => start.with_wall(start.wall() + Duration::days(1)),
        (None, None) => start.clone(),
    };
    let before = match (zones.instant(&end), zones.instant(&start)) {
        (Some(e), Some(s)) => e < s,
        _ => end.wall() < start.wall(),
    };
    if before {
        let p = c.property("DTEND").or_else(|| c.property("DURATION")).unwrap_or(start_prop);
        warnings.push(format!("{}: ends before DTSTART; read with start and end swapped", p.at()));
        std::mem::swap(&mut start, &mut end);
    }
    let mut rdates = Vec::new();
    let mut periods = Vec::new();
    for p in c.all("RDATE") {
        for (s, end) in value::periods(p)? {
            let s = like(s, &start, zones, calendar_zone);
            if let Some(end) = end {
                periods.push((s.clone(), like(end, &start, zones, calendar_zone)));
            }
            rdates.push(s);
        }
    }
    let mut exdates = Vec::new();
    for p in c.all("EXDATE") {
        exdates.extend(value::stamps(p)?.into_iter().map(|s| like(s, &start, zones, calendar_zone)));
    }
    for s in rdates.iter().chain(&exdates) {
        if let Some(tz) = s.tzid() {
            zones.get(tz).map_err(|e| Error::invalid(format!("line {}, EXDATE/RDATE", c.line), e))?;
        }
    }
    // Older writers give several RRULEs: the occurrences are those of all.
    let mut rules = Vec::new();
    for p in c.all("RRULE") {
        let rule = if p.value.contains('\\') {
            warnings.push(format!("{}: escaped separators (\\; \\,) read as plain ones", p.at()));
            unescape(&p.value)
        } else {
            p.value.clone()
        };
        let rule = rule.trim().to_string();
        check_rule(p, &rule, &start, budget)?;
        rules.push(rule);
    }
    let rrule = (!rules.is_empty()).then(|| rules.join("\n"));
    let recurrence_id = match c.property("RECURRENCE-ID") {
        Some(p) => Some(stamp(p, zones, calendar_zone).and_then(|s| in_plan_range(p, &s).map(|()| s))?),
        None => None,
    };
    let this_and_future = c
        .property("RECURRENCE-ID")
        .and_then(|p| p.param("RANGE"))
        .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"));
    let text = |name: &str| c.value(name).map(unescape).unwrap_or_default();
    let uid = c.value("UID").map(str::trim).filter(|u| !u.is_empty()).map_or_else(|| made_up_uid(c), str::to_string);
    let sequence = match c.property("SEQUENCE") {
        Some(p) => p.value.trim().parse::<i64>().map_err(|_| Error::invalid(p.at(), "is not a whole number"))?,
        None => 0,
    };
    let e = ImportedEvent {
        uid,
        recurrence_id,
        sequence,
        summary: text("SUMMARY"),
        location: text("LOCATION"),
        start,
        end,
        rrule,
        rdates,
        exdates,
        status: c.value("STATUS").map(|s| s.trim().to_ascii_uppercase()),
        transparent: c.value("TRANSP").is_some_and(|t| t.trim().eq_ignore_ascii_case("TRANSPARENT")),
        this_and_future,
    };
    let periods = periods
        .into_iter()
        .map(|(start, end)| ImportedEvent {
            recurrence_id: Some(start.clone()),
            start,
            end,
            rrule: None,
            rdates: Vec::new(),
            exdates: Vec::new(),
            this_and_future: false,
            ..e.clone()
        })
        .collect();
    Ok((e, periods))
}

/// A stamp whose zone is known: Windows and prefixed names become IANA ones,
/// and with X-WR-TIMEZONE (Google's exports) UTC and floating times are read
/// in the calendar's zone, so that their recurrences follow its DST.
fn stamp(p: &Property, zones: &Zones, calendar_zone: Option<&Zone>) -> Result<Stamp> {
    let s = value::stamp(p)?;
    resolve(s, zones, calendar_zone).map_err(|e| Error::invalid(p.at(), e))
}

fn resolve(s: Stamp, zones: &Zones, calendar_zone: Option<&Zone>) -> std::result::Result<Stamp, String> {
    Ok(match (s, calendar_zone) {
        (Stamp::Zoned(t, tz), _) => Stamp::Zoned(t, zones.get(&tz)?.tzid().to_string()),
        (Stamp::Utc(t), Some(z)) => Stamp::Zoned(z.to_local(t), z.tzid().to_string()),
        (Stamp::Floating(t), Some(z)) => Stamp::Zoned(t, z.tzid().to_string()),
        (s, _) => s,
    })
}

/// EXDATE and RDATE as the same kind of value as DTSTART, so that they match
/// its occurrences on the wall clock.
fn like(s: Stamp, start: &Stamp, zones: &Zones, calendar_zone: Option<&Zone>) -> Stamp {
    let s = resolve(s.clone(), zones, calendar_zone).unwrap_or(s);
    aligned(s, start, zones)
}

/// `s` as the same kind of value as `start`: same zone, date for a date.
pub fn aligned(s: Stamp, start: &Stamp, zones: &Zones) -> Stamp {
    match (&s, start) {
        (Stamp::Date(_), _) | (_, Stamp::Floating(_)) => s,
        (_, Stamp::Date(_)) => Stamp::Date(s.wall().date()),
        (Stamp::Floating(t), _) => start.with_wall(*t),
        (_, Stamp::Utc(_)) => Stamp::Utc(zones.instant(&s).unwrap_or(s.wall())),
        (_, Stamp::Zoned(_, tz)) => match (zones.instant(&s), zones.get(tz)) {
            (Some(utc), Ok(z)) => Stamp::Zoned(z.to_local(utc), tz.clone()),
            _ => s,
        },
    }
}

/// A time outside the plan's days (1900 to 2199) leaves its VEVENT out: the
/// load, the calendars and the exports never meet a year they cannot write.
fn in_plan_range(p: &Property, s: &Stamp) -> Result<()> {
    let day = s.wall().date();
    if crate::bounds::in_range(day) {
        return Ok(());
    }
    Err(Error::invalid(p.at(), format!("{day} is outside the plan's days; dates {}", crate::bounds::range_message())))
}

/// The rule reads, is not absurdly dense, and fits what is left of the file's
/// occurrence budget, which it then spends.
fn check_rule(p: &Property, rule: &str, start: &Stamp, budget: &mut usize) -> Result<()> {
    let last = start.wall() + Duration::days(800);
    let allowed = RULE_MAX.min(*budget);
    match super::recur::wall_starts(start.wall(), Some(rule), &[], &[], |u| u, last, allowed) {
        Ok(starts) => {
            *budget -= starts.len().min(*budget);
            Ok(())
        }
        Err(e) if allowed < RULE_MAX && e.starts_with("repeats more than") => {
            // Spent: later rules stop at their first step, so the file costs the budget at most.
            *budget = 0;
            Err(Error::invalid(
                p.at(),
                format!(
                    "the file's rules already repeat close to {FILE_BUDGET} times in their first 800 days, the most one calendar may"
                ),
            ))
        }
        Err(e) => Err(Error::invalid(p.at(), e)),
    }
}

/// A VEVENT without a UID still has to update in place when imported again:
/// its UID is made from what it is.
fn made_up_uid(c: &Component) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for name in ["DTSTART", "SUMMARY", "RRULE", "RECURRENCE-ID"] {
        c.value(name).unwrap_or_default().hash(&mut h);
    }
    format!("no-uid-{:016x}@imported.quarterdeck", h.finish())
}

/// What an import did, for the window and the CLI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct CalendarImport {
    pub calendar: String,
    /// Events and series kept, a series once: as the Calendars panel counts them.
    pub events: u32,
    /// How the file's VEVENTs came to `events`, and the sentence that says so.
    pub count: ImportCount,
    pub count_sentence: String,
    pub added: u32,
    pub updated: u32,
    /// Already there with the same or a newer SEQUENCE.
    pub unchanged: u32,
    /// VTODOs and other non-events, which are not busy time.
    pub not_events: u32,
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal(body: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n")
    }

    #[test]
    fn outlook_zones_become_iana_and_google_zones_apply_to_utc_times() {
        let text = cal(
            "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=W. Europe Standard Time:20260105T090000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
        );
        let e = &read(text.as_bytes()).unwrap().events[0];
        assert_eq!(e.start.code(), "TZID=Europe/Berlin:20260105T090000");
        assert_eq!(e.end.code(), "TZID=Europe/Berlin:20260105T100000");

        let google = cal(
            "X-WR-TIMEZONE:America/New_York\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260105T140000Z\r\nDTEND:20260105T150000Z\r\nRRULE:FREQ=WEEKLY\r\nEXDATE:20260112T140000Z\r\nEND:VEVENT\r\n",
        );
        let e = &read(google.as_bytes()).unwrap().events[0];
        assert_eq!(e.start.code(), "TZID=America/New_York:20260105T090000");
        assert_eq!(e.exdates[0].code(), "TZID=America/New_York:20260112T090000");
    }

    #[test]
    fn one_bad_event_is_left_out_with_a_warning_that_names_it() {
        let text = cal("BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20260105T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:bad\r\nDTSTART;TZID=Mars/Olympus:20260105T090000\r\nEND:VEVENT\r\n\
             BEGIN:VTODO\r\nUID:todo\r\nEND:VTODO\r\n");
        let file = read(text.as_bytes()).unwrap();
        assert_eq!(file.events.len(), 1);
        assert_eq!(file.not_events, 1);
        assert_eq!(
            file.warnings,
            ["VEVENT at line 8 left out: line 10, DTSTART: unknown TZID \"Mars/Olympus\": no VTIMEZONE defines it"]
        );
        let only_bad = cal("BEGIN:VEVENT\r\nUID:bad\r\nDTSTART:20261305T090000Z\r\nEND:VEVENT\r\n");
        let err = read(only_bad.as_bytes()).unwrap_err().to_string();
        assert_eq!(err, "line 6, DTSTART: \"20261305T090000Z\" is not a date or date-time");
    }

    #[test]
    fn what_other_readers_take_is_read_as_they_read_it_with_a_warning_naming_the_line() {
        let text = cal(
            "BEGIN:VEVENT\r\nUID:swap\r\nDTSTART:20260105T090000Z\r\nDTEND:20260105T080000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:day-then-time\r\nDTSTART;VALUE=DATE:20260105\r\nDTEND:20260106T100000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:time-then-day\r\nDTSTART:20260105T090000Z\r\nDTEND;VALUE=DATE:20260107\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:empty\r\nDTSTART;;VALUE=DATE:20260105\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:twice\r\nDTSTART:20260105T090000Z\r\nDTSTART:20260106T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:escaped\r\nDTSTART:20260105T090000Z\r\nRRULE:FREQ=WEEKLY\\;COUNT=3\\;BYDAY=MO\\,WE\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:negative\r\nDTSTART:20260105T090000Z\r\nDURATION:-PT1H\r\nEND:VEVENT\r\n",
        );
        let file = read(text.as_bytes()).unwrap();
        let by = |uid: &str| file.events.iter().find(|e| e.uid == uid).unwrap();
        let span = |uid: &str| format!("{} {}", by(uid).start.code(), by(uid).end.code());
        assert_eq!(span("swap"), "20260105T080000Z 20260105T090000Z");
        assert_eq!(span("negative"), "20260105T080000Z 20260105T090000Z");
        assert_eq!(span("day-then-time"), "20260105T000000Z 20260106T100000Z");
        assert_eq!(span("time-then-day"), "20260105T090000Z 20260107T000000Z");
        assert_eq!(span("empty"), "20260105 20260106");
        assert_eq!(span("twice"), "20260105T090000Z 20260105T090000Z");
        assert_eq!(by("escaped").rrule.as_deref(), Some("FREQ=WEEKLY;COUNT=3;BYDAY=MO,WE"));
        assert_eq!(
            file.warnings,
            [
                "line 7, DTEND: ends before DTSTART; read with start and end swapped",
                "line 12, DTEND: a date where DTSTART is a time, or the other way round; read as midnight",
                "line 17, DTEND: a date where DTSTART is a time, or the other way round; read as midnight",
                "line 21, DTSTART: an empty parameter (;;) is ignored",
                "line 26, DTSTART: DTSTART given again; the first (line 25) is used",
                "line 31, RRULE: escaped separators (\\; \\,) read as plain ones",
                "line 36, DURATION: ends before DTSTART; read with start and end swapped",
            ]
        );
    }

    #[test]
    fn several_rrules_are_all_kept() {
        let text = cal("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n\
             RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=2\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260105T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n\
             RRULE:FREQ=DAILY\r\nEND:VEVENT\r\n");
        let file = read(text.as_bytes()).unwrap();
        assert_eq!(file.events[0].rrule.as_deref(), Some("FREQ=WEEKLY;COUNT=3\nFREQ=WEEKLY;BYDAY=WE;COUNT=2"));
        assert_eq!(format!("{:?}", file.events[0].days()), "(2026-01-04, 2026-01-20)");
        assert_eq!(format!("{:?}", file.events[1].days()), "(2026-01-04, 9999-12-31)", "one endless rule: endless");
    }

    #[test]
    fn an_event_knows_the_days_its_occurrences_can_touch() {
        let text =
            cal("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260105T090000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID:20260112T090000Z\r\nDTSTART:20260301T090000Z\r\nEND:VEVENT\r\n");
        let file = read(text.as_bytes()).unwrap();
        let days: Vec<String> = file.events.iter().map(|e| format!("{:?}", e.days())).collect();
        assert_eq!(days, ["(2026-01-04, 2026-01-20)", "(2026-01-04, 9999-12-31)", "(2026-01-11, 2026-03-02)"]);
    }

    #[test]
    fn busy_means_timed_opaque_and_not_cancelled() {
        let text = cal("BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20260105\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260105T090000Z\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20260105T090000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260105T090000Z\r\nSUMMARY:Standup\\, daily\r\nEND:VEVENT\r\n");
        let file = read(text.as_bytes()).unwrap();
        let busy: Vec<_> = file.events.iter().filter(|e| e.is_busy()).map(|e| e.summary.as_str()).collect();
        assert_eq!(busy, ["Standup, daily"]);
        assert_eq!(file.events[0].end.code(), "20260106", "an all-day event lasts its day");
    }

    #[test]
    fn events_outside_the_plans_days_are_left_out_by_line() {
        let text = cal("BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20260105T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:old\r\nDTSTART;VALUE=DATE:00000101\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:far\r\nDTSTART;VALUE=DATE:99991231\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:before\r\nDTSTART:18991231T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:after\r\nDTSTART:22000101T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:ends-late\r\nDTSTART:21991231T090000Z\r\nDTEND:22000101T090000Z\r\nEND:VEVENT\r\n");
        let file = read(text.as_bytes()).unwrap();
        assert_eq!(file.events.iter().map(|e| e.uid.as_str()).collect::<Vec<_>>(), ["ok"]);
        assert_eq!(file.warnings.len(), 5, "{:#?}", file.warnings);
        assert_eq!(
            file.warnings[0],
            "VEVENT at line 8 left out: line 10, DTSTART: 0000-01-01 is outside the plan's days; \
             dates must be between 1900-01-01 and 2199-12-31"
        );
        assert!(file.warnings[4].contains("line 27, DTEND: 2200-01-01 is outside"), "{}", file.warnings[4]);
    }

    #[test]
    fn a_files_rules_share_one_occurrence_budget() {
        // 300 hourly series (probe 14): each has 19,201 starts in its first 800 days.
        let mut body = String::new();
        for i in 0..300 {
            body += &format!(
                "BEGIN:VEVENT\r\nUID:h{i}\r\nDTSTART:20200101T0{}0000Z\r\nRRULE:FREQ=HOURLY\r\nEND:VEVENT\r\n",
                i % 10
            );
        }
        let file = read(cal(&body).as_bytes()).unwrap();
        let kept = file.events.len();
        assert_eq!(kept, FILE_BUDGET / 19_201, "as many as the budget holds");
        assert_eq!(file.warnings.len(), 300 - kept);
        assert!(
            file.warnings[0].contains("RRULE: the file's rules already repeat close to 200000 times"),
            "{}",
            file.warnings[0]
        );
        assert!(
            file.warnings[0].starts_with(&format!("VEVENT at line {} left out", 4 + 5 * kept)),
            "{}",
            file.warnings[0]
        );
    }
}
