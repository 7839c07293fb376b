//! Writing a calendar: VEVENTs with everything other apps use to keep a
//! subscribed item in step (stable UID, SEQUENCE, LAST-MODIFIED, STATUS), and
//! one VTIMEZONE for each TZID the events name.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};

use super::value::{self, Stamp};
use super::write::Lines;
use super::zone::{Zone, Zones};

pub const PRODID: &str = "-//Quarterdeck//Quarterdeck DevRel planner//EN";

text_enum!(
    /// STATUS of an exported event.
    ItemStatus {
        Tentative = "TENTATIVE",
        Confirmed = "CONFIRMED",
        Cancelled = "CANCELLED",
    }
);

/// One VEVENT to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarItem {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub categories: Vec<String>,
    pub status: Option<ItemStatus>,
    pub start: Stamp,
    pub end: Stamp,
    pub rrule: Option<String>,
    pub rdates: Vec<Stamp>,
    pub exdates: Vec<Stamp>,
    pub recurrence_id: Option<Stamp>,
    /// RANGE=THISANDFUTURE on the RECURRENCE-ID.
    pub this_and_future: bool,
    /// VALARM reminders this long before the start.
    pub alarms: Vec<Duration>,
    pub transparent: bool,
    pub sequence: i64,
    pub last_modified: Option<DateTime<Utc>>,
}

impl CalendarItem {
    /// What the item says, for noticing that it changed since the last export
    /// (everything but SEQUENCE and LAST-MODIFIED).
    pub fn digest_text(&self) -> String {
        let codes = |v: &[Stamp]| v.iter().map(Stamp::code).collect::<Vec<_>>().join(",");
        format!(
            "{}|{}|{}|{}|{}|{:?}|{:?}|{}|{}|{:?}|{}|{}|{:?}|{:?}|{}",
            self.summary,
            self.description,
            self.location,
            self.url,
            self.categories.join(","),
            self.status,
            self.start,
            self.end.code(),
            codes(&self.rdates),
            self.rrule,
            codes(&self.exdates),
            self.recurrence_id.as_ref().map(Stamp::code).unwrap_or_default(),
            self.alarms,
            self.transparent,
            self.uid,
        )
    }
}

/// A whole calendar file. `name` becomes X-WR-CALNAME, so that each kind
/// can be subscribed to as its own calendar.
pub fn calendar(name: &str, items: &[CalendarItem], zones: &Zones, now: DateTime<Utc>) -> String {
    // RFC 5545 writes four-digit years. Checked input stays in the plan's days; an item
    // stored before they were enforced is left out rather than written as `-0010301`.
    let kept: Vec<CalendarItem>;
    let items = if items.iter().all(writable) {
        items
    } else {
        kept = items.iter().filter(|i| writable(i)).cloned().collect();
        &kept
    };
    let mut lines = Lines::with_capacity(512 + items.len() * 420);
    lines.begin("VCALENDAR");
    lines.raw("VERSION", &[], "2.0");
    lines.raw("PRODID", &[], PRODID);
    lines.raw("CALSCALE", &[], "GREGORIAN");
    lines.raw("METHOD", &[], "PUBLISH");
    lines.text("X-WR-CALNAME", name);
    for zone in zones_used(items, zones) {
        match &zone {
            Zone::Custom(c) => match super::reader::parse(c.definition.as_bytes()) {
                Ok(roots) => roots.iter().for_each(|r| lines.component(r)),
                Err(_) => continue,
            },
            Zone::Iana(tz) => vtimezone(&mut lines, *tz, years(items)),
        }
    }
    let stamp = format!("{}Z", value::date_time_text(now.naive_utc()));
    for item in items {
        event(&mut lines, item, zones, &stamp);
    }
    lines.end("VCALENDAR");
    lines.finish()
}

fn event(lines: &mut Lines, item: &CalendarItem, zones: &Zones, dtstamp: &str) {
    lines.begin("VEVENT");
    lines.raw("UID", &[], &item.uid);
    lines.raw("DTSTAMP", &[], dtstamp);
    stamp_line(lines, "DTSTART", &item.start);
    // A DTEND equal to DTSTART is not allowed (RFC 5545 3.6.1): an instant
    // (a deadline, a publish time) has none; a day with no length, which
    // another calendar can give us, says so (without DTEND it would last the day).
    match (&item.start, &item.end) {
        (start, end) if start != end => stamp_line(lines, "DTEND", end),
        (Stamp::Date(_), _) => lines.raw("DURATION", &[], "P0D"),
        _ => {}
    }
    if let Some(rid) = &item.recurrence_id {
        let range: &[(&str, &str)] = if item.this_and_future { &[("RANGE", "THISANDFUTURE")] } else { &[] };
        stamp_line_with(lines, "RECURRENCE-ID", rid, range);
    }
    if let Some(rules) = &item.rrule {
        for rule in super::recur::rules_to_write(rules, &item.start, zones) {
            lines.raw("RRULE", &[], &rule);
        }
    }
    for (name, list) in [("RDATE", &item.rdates), ("EXDATE", &item.exdates)] {
        for s in list {
            stamp_line(lines, name, s);
        }
    }
    lines.text("SUMMARY", &item.summary);
    lines.text("DESCRIPTION", &item.description);
    lines.text("LOCATION", &item.location);
    if !item.url.trim().is_empty() {
        lines.raw("URL", &[], item.url.trim());
    }
    if !item.categories.is_empty() {
        let escaped: Vec<String> = item.categories.iter().map(|c| super::write::escape(c)).collect();
        lines.raw("CATEGORIES", &[], &escaped.join(","));
    }
    if let Some(status) = item.status {
        lines.raw("STATUS", &[], status.as_str());
    }
    lines.raw("TRANSP", &[], if item.transparent { "TRANSPARENT" } else { "OPAQUE" });
    lines.raw("SEQUENCE", &[], &item.sequence.to_string());
    if let Some(at) = item.last_modified {
        lines.raw("LAST-MODIFIED", &[], &format!("{}Z", value::date_time_text(at.naive_utc())));
    }
    for before in &item.alarms {
        lines.begin("VALARM");
        lines.raw("ACTION", &[], "DISPLAY");
        lines.text("DESCRIPTION", &item.summary);
        lines.raw("TRIGGER", &[], &value::duration_text(-*before));
        lines.end("VALARM");
    }
    lines.end("VEVENT");
}

fn stamp_line(lines: &mut Lines, name: &str, s: &Stamp) {
    stamp_line_with(lines, name, s, &[]);
}

fn stamp_line_with(lines: &mut Lines, name: &str, s: &Stamp, more: &[(&str, &str)]) {
    let mut params: Vec<(&str, &str)> = match s {
        Stamp::Date(_) => vec![("VALUE", "DATE")],
        Stamp::Zoned(_, tz) => vec![("TZID", tz.as_str())],
        _ => vec![],
    };
    params.extend_from_slice(more);
    lines.raw(name, &params, &s.value_text());
}

/// Each zone the items name, once, in name order.
fn zones_used(items: &[CalendarItem], zones: &Zones) -> Vec<Zone> {
    let mut used = BTreeMap::new();
    for item in items {
        let all =
            [&item.start, &item.end].into_iter().chain(&item.rdates).chain(&item.exdates).chain(&item.recurrence_id);
        for tz in all.filter_map(Stamp::tzid) {
            if !used.contains_key(tz)
                && let Ok(z) = zones.get(tz)
            {
                used.insert(tz.to_string(), z);
            }
        }
    }
    used.into_values().collect()
}

/// The years the items cover (recurring ones a decade on), for the zone rules
/// to describe.
/// Every date of the item lies in the plan's range, so in four-digit years.
fn writable(item: &CalendarItem) -> bool {
    let stamps =
        [&item.start, &item.end].into_iter().chain(&item.recurrence_id).chain(&item.rdates).chain(&item.exdates);
    stamps.into_iter().all(|s| crate::bounds::in_range(s.wall().date()))
}

fn years(items: &[CalendarItem]) -> (i32, i32) {
    let first = items.iter().map(|i| i.start.wall().year()).min().unwrap_or(2026);
    let last = items
        .iter()
        .map(|i| i.end.wall().year() + if i.rrule.is_some() { 10 } else { 0 })
        .chain(items.iter().flat_map(|i| i.rdates.iter().map(|r| r.wall().year())))
        .max()
        .unwrap_or(first);
    (first - 1, last.max(first) + 1)
}

/// A VTIMEZONE for an IANA zone over `years`: the offset in force at the
/// start, then every change, each observance with its onsets as RDATEs (the
/// form RFC 5545 3.6.5 allows for rules that are not yearly).
fn vtimezone(lines: &mut Lines, tz: Tz, (first, last): (i32, i32)) {
    let from = NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or_default().and_time(Default::default());
    let to = NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or_default().and_time(Default::default());
    let offset = |t: NaiveDateTime| tz.offset_from_utc_datetime(&t);
    // (onset on the wall clock before it, from, to, daylight?, abbreviation)
    let mut onsets: BTreeMap<(bool, i32, i32, String), Vec<NaiveDateTime>> = BTreeMap::new();
    let describe = |t: NaiveDateTime| {
        let o = offset(t);
        (!o.dst_offset().is_zero(), o.fix().local_minus_utc(), o.to_string())
    };
    let (dst0, off0, abbr0) = describe(from);
    onsets.entry((dst0, off0, off0, abbr0)).or_default().push(from + Duration::seconds(i64::from(off0)));
    let mut t = from;
    let mut before = offset(from).fix().local_minus_utc();
    while t < to {
        let next = t + Duration::days(7);
        if offset(next).fix().local_minus_utc() != before || describe(next).0 != describe(t).0 {
            // The change is within this week: find its second.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if describe(mid) == describe(lo) { lo = mid } else { hi = mid }
            }
            let (dst, after, abbr) = describe(hi);
            onsets.entry((dst, before, after, abbr)).or_default().push(hi + Duration::seconds(i64::from(before)));
            before = after;
        }
        t = next;
    }
    lines.begin("VTIMEZONE");
    lines.raw("TZID", &[], tz.name());
    for ((dst, from, to, abbr), times) in onsets {
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        lines.begin(kind);
        lines.raw("DTSTART", &[], &value::date_time_text(times[0]));
        for rest in times[1..].chunks(8) {
            let list: Vec<String> = rest.iter().map(|t| value::date_time_text(*t)).collect();
            lines.raw("RDATE", &[], &list.join(","));
        }
        lines.raw("TZOFFSETFROM", &[], &value::offset_text(from));
        lines.raw("TZOFFSETTO", &[], &value::offset_text(to));
        if !abbr.starts_with(['+', '-']) {
            lines.raw("TZNAME", &[], &abbr);
        }
        lines.end(kind);
    }
    lines.end("VTIMEZONE");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::{import, occurrences, reader};

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn item(uid: &str, start: Stamp, end: Stamp) -> CalendarItem {
        CalendarItem {
            uid: uid.into(),
            summary: "Flight LH 454, Frankfurt → San Francisco".into(),
            description: String::new(),
            location: "FRA".into(),
            url: "https://example.com/x".into(),
            categories: vec!["Travel".into()],
            status: Some(ItemStatus::Confirmed),
            start,
            end,
            rrule: None,
            rdates: vec![],
            exdates: vec![],
            recurrence_id: None,
            this_and_future: false,
            alarms: vec![Duration::days(1)],
            transparent: false,
            sequence: 2,
            last_modified: None,
        }
    }

    #[test]
    fn a_generated_vtimezone_reads_back_as_the_same_zone() {
        let la = Zone::Iana(chrono_tz::America::Los_Angeles);
        let items = [item(
            "a",
            Stamp::Zoned(t("2026-03-05 13:20"), "Europe/Berlin".into()),
            Stamp::Zoned(t("2026-03-05 16:05"), "America/Los_Angeles".into()),
        )];
        let text = calendar("Trips", &items, &Zones::default(), Utc::now());
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 2);
        // Read the zones as custom ones (their names hidden) and compare.
        let hidden = text.replace("America/Los_Angeles", "Hidden West").replace("Europe/Berlin", "Hidden Berlin");
        let cal = &reader::parse(hidden.as_bytes()).unwrap()[0];
        let zones = Zones::of(cal, |_| String::new());
        let west = zones.get("Hidden West").unwrap();
        assert!(matches!(west, Zone::Custom(_)));
        for local in
            ["2025-03-09 01:30", "2026-03-08 02:30", "2026-07-01 12:00", "2026-11-01 01:30", "2027-12-24 09:00"]
        {
            assert_eq!(west.to_utc(t(local)), la.to_utc(t(local)), "{local}");
        }
        let file = import::read(hidden.as_bytes()).unwrap();
        let (occ, _) = occurrences::between(&file.events, &zones, t("2026-01-01 00:00"), t("2027-01-01 00:00"));
        assert_eq!(occ.len(), 1);
        assert!(text.contains("TRIGGER:-P1D\r\n") && text.contains("STATUS:CONFIRMED\r\nTRANSP:OPAQUE\r\nSEQUENCE:2"));
    }

    #[test]
    fn no_year_outside_four_digits_is_written() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let items = [
            item("kept", Stamp::Date(d("2026-03-05")), Stamp::Date(d("2026-03-06"))),
            item("min", Stamp::Date(chrono::NaiveDate::MIN), Stamp::Date(d("2026-03-06"))),
            item("max", Stamp::Date(d("2026-03-05")), Stamp::Date(chrono::NaiveDate::MAX)),
            item("zero", Stamp::Date(d("0000-01-01")), Stamp::Date(d("0000-01-02"))),
            item("ten-thousand", Stamp::Date(d("+10000-01-01")), Stamp::Date(d("+10000-01-02"))),
        ];
        let text = calendar("Events", &items, &Zones::default(), Utc::now());
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "only the item inside the plan's days");
        for line in text.lines().filter(|l| l.starts_with("DT")) {
            let value = line.rsplit(':').next().unwrap();
            assert!(value.len() >= 8 && value[..4].chars().all(|c| c.is_ascii_digit()), "{line}");
            let year: i32 = value[..4].parse().unwrap();
            assert!((1900..=2199).contains(&year), "{line}");
        }
    }
}
