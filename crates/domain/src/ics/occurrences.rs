//! Imported events laid out as occurrences: each series expanded on its own
//! wall clock, its changed occurrences (RECURRENCE-ID) put in place of the
//! ones they change.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};

use super::import::ImportedEvent;
use super::recur;
use super::value::Stamp;
use super::zone::{Zone, Zones};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence<'a> {
    pub event: &'a ImportedEvent,
    pub start: Stamp,
    pub end: Stamp,
}

/// How many recurrence steps one window may take over all its series: a load
/// runs on every edit, so a file of dense rules (300 hourly series) must not
/// stall it. Past the budget, further series are skipped with the reason.
pub const WINDOW_BUDGET: usize = 100_000;

/// Every occurrence that overlaps `from..to`, read on each event's own wall
/// clock (as recurring-ical-events reads a window given as dates), in start
/// order. A series that cannot be expanded, or would exceed `WINDOW_BUDGET`,
/// is skipped with the reason.
pub fn between<'a>(
    events: &'a [ImportedEvent],
    zones: &Zones,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> (Vec<Occurrence<'a>>, Vec<String>) {
    let mut changed: HashMap<&str, Vec<&ImportedEvent>> = HashMap::new();
    for e in events.iter().filter(|e| e.recurrence_id.is_some()) {
        changed.entry(e.uid.as_str()).or_default().push(e);
    }
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    let overlaps = |start: &Stamp, end: &Stamp| {
        let (s, e) = (start.wall(), end.wall());
        if e > s { s < to && e > from } else { s >= from && s < to }
    };
    let mut dropped: Vec<&ImportedEvent> = Vec::new();
    let mut budget = WINDOW_BUDGET;
    for series in events.iter().filter(|e| e.recurrence_id.is_none()) {
        let overrides = changed.get(series.uid.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        // Which occurrence each change replaces, read like the series' own times.
        let rid = |o: &ImportedEvent| {
            let r = o.recurrence_id.clone()?;
            key(&super::import::aligned(r, &series.start, zones), zones)
        };
        let replaced: Vec<Key> = overrides.iter().filter(|o| !o.this_and_future).filter_map(|o| rid(o)).collect();
        let mut from_here: Vec<(Key, &ImportedEvent)> =
            overrides.iter().filter(|o| o.this_and_future).filter_map(|o| Some((rid(o)?, *o))).collect();
        from_here.sort_by(|a, b| a.0.cmp(&b.0));
        // A change to an occurrence the series excludes changes nothing.
        let excluded: Vec<Key> = series.exdates.iter().filter_map(|x| key(x, zones)).collect();
        dropped.extend(overrides.iter().filter(|o| rid(o).is_some_and(|k| excluded.contains(&k))));
        // Expanded from the window on, less its length; a change to this and later
        // occurrences may move one in from anywhere, so such a series starts at DTSTART.
        let first = match from_here.is_empty() {
            true => from.checked_sub_signed(length(series, zones) + Duration::days(1)).unwrap_or(from),
            false => series.start.wall(),
        };
        if budget == 0 && series.rrule.is_some() {
            problems.push(spent(series));
            continue;
        }
        match starts(series, zones, first, to, budget) {
            Ok(starts) => {
                budget = budget.saturating_sub(starts.len());
                let lasts = length(series, zones);
                for wall in starts {
                    let start = series.start.with_wall(wall);
                    let k = key(&start, zones);
                    if k.as_ref().is_some_and(|k| replaced.contains(k)) {
                        continue;
                    }
                    // RANGE=THISANDFUTURE: the latest such change at or before
                    // this occurrence moves it and sets its length.
                    let future = k.as_ref().and_then(|k| from_here.iter().rev().find(|(r, _)| r <= k));
                    let (event, start, end) = match future {
                        Some((_, o)) => {
                            let shift = o.start.wall() - o.recurrence_id.as_ref().map_or(o.start.wall(), Stamp::wall);
                            let start = o.start.with_wall(wall + shift);
                            let end = o.start.with_wall(wall + shift + length(o, zones));
                            (*o, start, end)
                        }
                        None => (series, start, series.start.with_wall(wall + lasts)),
                    };
                    if overlaps(&start, &end) {
                        out.push(Occurrence { event, start, end });
                    }
                }
            }
            // The window's budget ran out inside this series: it and every later one are left out.
            Err(why) if budget < recur::MAX_STEPS && why.starts_with("repeats more than") => {
                budget = 0;
                problems.push(spent(series));
            }
            Err(why) => problems.push(format!("{} ({}): {why}", series.summary, series.uid)),
        }
    }
    // A changed occurrence stands on its own time, whether or not its series
    // is in this file.
    for o in changed.values().flatten().filter(|o| !o.this_and_future) {
        if overlaps(&o.start, &o.end) && !dropped.iter().any(|d| std::ptr::eq(*d, *o)) {
            out.push(Occurrence { event: o, start: o.start.clone(), end: o.end.clone() });
        }
    }
    out.sort_by(|a, b| a.start.wall().cmp(&b.start.wall()).then_with(|| a.event.uid.cmp(&b.event.uid)));
    (out, problems)
}

fn spent(series: &ImportedEvent) -> String {
    format!(
        "{} ({}): left out, the {WINDOW_BUDGET} occurrences this window allows are spent",
        series.summary, series.uid
    )
}

/// Busy time for the load model: the busy occurrences between two UTC
/// instants, as UTC intervals. Floating times (and days) are read in `home`.
/// All-day events are free time in most calendars (birthdays, reminders), but
/// in a calendar of absences they are the absences: `all_day` keeps them.
pub fn busy_between(
    events: &[ImportedEvent],
    zones: &Zones,
    home: &Zone,
    from: NaiveDateTime,
    to: NaiveDateTime,
    all_day: bool,
) -> Vec<(NaiveDateTime, NaiveDateTime, String)> {
    // A day either side covers every zone's wall clock.
    let (occurrences, _) = between(events, zones, from - Duration::days(1), to + Duration::days(1));
    occurrences
        .into_iter()
        .filter(|o| o.event.is_busy() || (all_day && o.event.is_busy_all_day()))
        .filter_map(|o| {
            let start = zones.utc(&o.start, home).ok()?;
            let end = zones.utc(&o.end, home).ok()?;
            (end > from && start < to).then(|| (start, end, o.event.summary.clone()))
        })
        .collect()
}

/// Identity of an occurrence for matching RECURRENCE-IDs: the instant for a
/// time with a zone, the wall clock otherwise.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Instant(NaiveDateTime),
    Wall(NaiveDateTime),
}

fn key(s: &Stamp, zones: &Zones) -> Option<Key> {
    Some(match s {
        Stamp::Utc(_) | Stamp::Zoned(..) => Key::Instant(zones.instant(s)?),
        Stamp::Floating(t) => Key::Wall(*t),
        Stamp::Date(_) => Key::Wall(s.wall()),
    })
}

/// How long each occurrence lasts on the wall clock: DTEND less DTSTART when
/// both are on the same clock, the true length when DTEND is in another zone.
fn length(e: &ImportedEvent, zones: &Zones) -> Duration {
    let same_clock = match (&e.start, &e.end) {
        (Stamp::Zoned(_, a), Stamp::Zoned(_, b)) => a == b,
        (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
    };
    if same_clock {
        return e.end.wall() - e.start.wall();
    }
    match (zones.instant(&e.start), zones.instant(&e.end)) {
        (Some(a), Some(b)) => b - a,
        _ => e.end.wall() - e.start.wall(),
    }
}

/// Wall-clock starts of a series up to `to`, from `first` on (some earlier ones may come too),
/// taking at most `budget` recurrence steps.
fn starts(
    e: &ImportedEvent,
    zones: &Zones,
    first: NaiveDateTime,
    to: NaiveDateTime,
    budget: usize,
) -> Result<Vec<NaiveDateTime>, String> {
    let rdates: Vec<NaiveDateTime> = e.rdates.iter().map(Stamp::wall).collect();
    let (day_ex, exact_ex): (Vec<&Stamp>, Vec<&Stamp>) =
        e.exdates.iter().partition(|s| s.is_date() && !e.start.is_date());
    let exdates: Vec<NaiveDateTime> = exact_ex.into_iter().map(Stamp::wall).collect();
    let zone = e.start.tzid().and_then(|tz| zones.get(tz).ok());
    let until_to_wall = |utc: NaiveDateTime| match &zone {
        Some(z) => z.to_local(utc),
        None => utc,
    };
    let mut walls = recur::wall_starts_from(
        e.start.wall(),
        e.rrule.as_deref(),
        &rdates,
        &exdates,
        until_to_wall,
        first,
        to,
        budget,
    )?;
    if !day_ex.is_empty() {
        walls.retain(|w| !day_ex.iter().any(|d| d.wall().date() == w.date()));
    }
    Ok(walls)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::import;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    const SERIES: &str = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:standup\r\nSUMMARY:Standup\r\n\
        DTSTART;TZID=Europe/Berlin:20260320T093000\r\nDTEND;TZID=Europe/Berlin:20260320T100000\r\n\
        RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Europe/Berlin:20260403T093000\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:standup\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260327T093000\r\nSUMMARY:Standup (late)\r\n\
        DTSTART;TZID=Europe/Berlin:20260327T160000\r\nDTEND;TZID=Europe/Berlin:20260327T170000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn a_series_keeps_its_wall_clock_across_dst_with_its_exceptions_and_changes() {
        let file = import::read(SERIES.as_bytes()).unwrap();
        let zones = Zones::default();
        let (occ, problems) = between(&file.events, &zones, t("2026-01-01 00:00"), t("2027-01-01 00:00"));
        assert!(problems.is_empty());
        let got: Vec<String> = occ.iter().map(|o| format!("{} {}", o.start.code(), o.event.summary)).collect();
        assert_eq!(
            got,
            [
                "TZID=Europe/Berlin:20260320T093000 Standup",
                "TZID=Europe/Berlin:20260327T160000 Standup (late)",
                "TZID=Europe/Berlin:20260410T093000 Standup",
            ]
        );
        // Before and after the clocks change, 09:30 in Berlin is 08:30Z then 07:30Z.
        let home = Zone::Iana(chrono_tz::UTC);
        let busy = busy_between(&file.events, &zones, &home, t("2026-03-01 00:00"), t("2026-05-01 00:00"), false);
        let starts: Vec<_> = busy.iter().map(|b| b.0.format("%m-%d %H:%M").to_string()).collect();
        assert_eq!(starts, ["03-20 08:30", "03-27 15:00", "04-10 07:30"]);
    }

    #[test]
    fn a_window_expands_rules_from_itself_within_its_budget() {
        // 30 hourly series begun in 2020, read over three weeks of 2026: each has 504 hours
        // there (and 55,000 since DTSTART, which a window must not walk through).
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:h\r\n\
            DTSTART:20200101T000000Z\r\nDURATION:PT10M\r\nRRULE:FREQ=HOURLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let first = import::read(text.as_bytes()).unwrap().events.remove(0);
        let series = |n: usize| -> Vec<ImportedEvent> {
            (0..n).map(|i| ImportedEvent { uid: format!("h{i}"), ..first.clone() }).collect()
        };
        let zones = Zones::default();
        let events = series(30);
        let (occ, problems) = between(&events, &zones, t("2026-03-02 00:00"), t("2026-03-23 00:00"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(occ.len(), 30 * 504);
        // Past the budget, a series is left out of the window with the reason.
        let events = series(230);
        let (occ, problems) = between(&events, &zones, t("2026-03-02 00:00"), t("2026-03-23 00:00"));
        assert!(occ.len() <= WINDOW_BUDGET, "{}", occ.len());
        assert!(!problems.is_empty() && problems.len() < 230, "{}", problems.len());
        assert!(problems.last().unwrap().contains("occurrences this window allows are spent"), "{problems:?}");
    }
}
