//! The plan as calendar items, by kind: events, trips (the stay and each
//! leg), CFP deadlines with reminders, talks to give, content due and
//! publish dates, and the busy time imported from other calendars.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use uuid::Uuid;

use crate::bounds;

use super::export::{CalendarItem, ItemStatus};
use super::import::ImportedEvent;
use super::value::Stamp;
use crate::load::LoadRecords;
use crate::{ContentStatus, EventStatus, SubmissionStatus, cfp, trip::TripStatus};
use crate::{Error, Result};

text_enum!(
    /// What one calendar file holds, so each can be subscribed to apart.
    CalendarKind {
        Events = "events",
        Trips = "trips",
        Cfp = "cfp",
        Talks = "talks",
        Content = "content",
        Imported = "imported",
    }
);

impl CalendarKind {
    /// The calendar's name in other apps, after "Quarterdeck — ".
    pub fn title(self) -> &'static str {
        match self {
            CalendarKind::Events => "Events",
            CalendarKind::Trips => "Trips",
            CalendarKind::Cfp => "CFP deadlines",
            CalendarKind::Talks => "Talks",
            CalendarKind::Content => "Content",
            CalendarKind::Imported => "Imported busy time",
        }
    }
}

/// Whose plan, over which days, with which reminders.
#[derive(Debug, Clone, Default)]
pub struct ExportScope {
    /// None: the whole team.
    pub people: Option<Vec<Uuid>>,
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Reminders before each CFP deadline.
    pub cfp_alarms: Vec<Duration>,
}

impl ExportScope {
    fn has(&self, person: Uuid) -> bool {
        self.people.as_ref().is_none_or(|p| p.contains(&person))
    }

    /// Whether days `first..=last` touch the scope's dates.
    fn covers(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.from.is_none_or(|f| last >= f) && self.to.is_none_or(|t| first <= t)
    }
}

/// `7d,1d,2h,30m`: reminders before a deadline. Empty text: none.
pub fn parse_alarms(field: &str, text: &str) -> Result<Vec<Duration>> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (n, unit) = part.split_at(part.len() - 1);
        let n: i64 =
            n.trim().parse().map_err(|_| Error::invalid(field, format!("{part:?} is not like 7d, 12h or 30m")))?;
        let d = match unit {
            "d" | "D" => Duration::days(n),
            "h" | "H" => Duration::hours(n),
            "m" | "M" => Duration::minutes(n),
            _ => return Err(Error::invalid(field, format!("{part:?} is not like 7d, 12h or 30m"))),
        };
        if n <= 0 || d > Duration::days(90) {
            return Err(Error::invalid(field, format!("{part:?}: a reminder is between 1 minute and 90 days before")));
        }
        out.push(d);
    }
    out.sort();
    out.dedup();
    out.reverse();
    Ok(out)
}

/// Reminders a CFP deadline gets unless the user says otherwise: a week and a day.
pub fn default_cfp_alarms() -> Vec<Duration> {
    vec![Duration::days(7), Duration::days(1)]
}

const UID_HOST: &str = "quarterdeck.app";

fn uid(kind: &str, id: Uuid) -> String {
    format!("{kind}-{id}@{UID_HOST}")
}

fn item(uid: String, summary: String, start: Stamp, end: Stamp) -> CalendarItem {
    CalendarItem {
        uid,
        summary,
        description: String::new(),
        location: String::new(),
        url: String::new(),
        categories: Vec::new(),
        status: None,
        start,
        end,
        rrule: None,
        rdates: Vec::new(),
        exdates: Vec::new(),
        recurrence_id: None,
        this_and_future: false,
        alarms: Vec::new(),
        transparent: false,
        sequence: 0,
        last_modified: None,
    }
}

/// All-day from `first` to `last` inclusive: DTEND is the day after.
fn days(first: NaiveDate, last: NaiveDate) -> (Stamp, Stamp) {
    (Stamp::Date(first), Stamp::Date(bounds::shift(last.max(first), 1)))
}

fn event_status(s: EventStatus) -> ItemStatus {
    match s {
        EventStatus::Accepted | EventStatus::Confirmed | EventStatus::Done => ItemStatus::Confirmed,
        EventStatus::Rejected | EventStatus::Cancelled => ItemStatus::Cancelled,
        _ => ItemStatus::Tentative,
    }
}

/// Every item of one kind in scope, in start order. Each item's
/// `last_modified` is its record's; SEQUENCE is the store's to give.
pub fn items(
    kind: CalendarKind,
    r: &LoadRecords,
    imported: &[(Uuid, ImportedEvent)],
    scope: &ExportScope,
) -> Vec<CalendarItem> {
    let names: HashMap<Uuid, &str> = r.people.iter().map(|p| (p.id, p.name.as_str())).collect();
    let mut out = match kind {
        CalendarKind::Events => events(r, scope, &names),
        CalendarKind::Trips => trips(r, scope, &names),
        CalendarKind::Cfp => cfps(r, scope),
        CalendarKind::Talks => talks(r, scope, &names),
        CalendarKind::Content => content(r, scope),
        CalendarKind::Imported => imported_items(imported, scope),
    };
    if kind != CalendarKind::Imported {
        out.retain(|i| scope.covers(i.start.wall().date(), i.end.wall().date()));
    }
    out.sort_by(|a, b| a.start.wall().cmp(&b.start.wall()).then_with(|| a.uid.cmp(&b.uid)));
    out
}

fn events(r: &LoadRecords, scope: &ExportScope, names: &HashMap<Uuid, &str>) -> Vec<CalendarItem> {
    let mut going: HashMap<Uuid, Vec<String>> = HashMap::new();
    for p in &r.participations {
        if let Some(name) = names.get(&p.person_id) {
            going.entry(p.event_id).or_default().push(format!("{name} ({})", p.role.as_str().replace('_', " ")));
        }
    }
    let mine: HashSet<Uuid> = r.participations.iter().filter(|p| scope.has(p.person_id)).map(|p| p.event_id).collect();
    r.events
        .iter()
        .filter(|e| scope.people.is_none() || mine.contains(&e.id))
        .map(|e| {
            let (start, end) = days(e.start_date, e.end_date);
            let mut i = item(uid("event", e.id), e.name.clone(), start, end);
            i.location = if e.online {
                "Online".into()
            } else {
                [e.city.as_str(), e.country.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            i.url = e.url.clone();
            i.categories = vec![e.kind.as_str().replace('_', " ")];
            i.status = Some(event_status(e.status));
            let mut who = going.get(&e.id).cloned().unwrap_or_default();
            who.sort();
            i.description =
                if who.is_empty() { e.notes.clone() } else { format!("Going: {}\n{}", who.join(", "), e.notes) };
            i.description = i.description.trim().to_string();
            i.last_modified = Some(e.updated_at);
            i
        })
        .collect()
}

fn trips(r: &LoadRecords, scope: &ExportScope, names: &HashMap<Uuid, &str>) -> Vec<CalendarItem> {
    let mut out = Vec::new();
    for t in r.trips.iter().filter(|t| scope.has(t.person_id)) {
        let status = match t.status {
            TripStatus::Planned => ItemStatus::Tentative,
            TripStatus::Confirmed => ItemStatus::Confirmed,
            TripStatus::Cancelled => ItemStatus::Cancelled,
        };
        let who = names.get(&t.person_id).copied().unwrap_or_default();
        let (Some(first), Some(last)) = (t.segments.first(), t.segments.last()) else { continue };
        let (start, end) = days(first.depart_at.date(), last.arrive_at.date());
        let mut stay = item(uid("trip", t.id), format!("Trip: {}", t.title), start, end);
        stay.description = format!("{who}\n{}", t.notes).trim().to_string();
        stay.categories = vec!["Travel".into()];
        stay.status = Some(status);
        stay.transparent = true;
        stay.last_modified = Some(t.updated_at);
        out.push(stay);
        for s in &t.segments {
            let mode = s.mode.as_str().replace('_', " ");
            let reference = if s.reference.is_empty() { String::new() } else { format!(" {}", s.reference) };
            let summary = format!("{}{reference}: {} → {}", capitalised(&mode), s.from.label, s.to.label);
            let mut leg = item(
                uid("leg", s.id),
                summary,
                Stamp::Zoned(s.depart_at, s.from.timezone.clone()),
                Stamp::Zoned(s.arrive_at, s.to.timezone.clone()),
            );
            leg.location = s.from.name.clone();
            leg.description = format!("{who}: {} to {} ({})", s.from.name, s.to.name, t.title);
            leg.categories = vec!["Travel".into()];
            leg.status = Some(status);
            leg.last_modified = Some(t.updated_at);
            out.push(leg);
        }
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The CFPs a person should see: those of events they submitted to or are
/// part of, and those nobody on the team has taken up yet.
fn cfps(r: &LoadRecords, scope: &ExportScope) -> Vec<CalendarItem> {
    let mut involved: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    // Events someone already sent a proposal to: their CFP needs no reminder.
    let mut answered: HashSet<Uuid> = HashSet::new();
    for s in &r.submissions {
        involved.entry(s.event_id).or_default().push(s.speaker_id);
        if s.status != SubmissionStatus::Draft {
            answered.insert(s.event_id);
        }
    }
    for p in &r.participations {
        involved.entry(p.event_id).or_default().push(p.person_id);
    }
    r.events
        .iter()
        .filter_map(|e| Some((e, e.cfp_deadline?)))
        .filter(|(e, _)| {
            scope.people.is_none() || involved.get(&e.id).is_none_or(|who| who.iter().any(|p| scope.has(*p)))
        })
        .filter_map(|(e, deadline)| {
            let at = match e.cfp_timezone.as_deref() {
                Some(tz) if tz.parse::<chrono_tz::Tz>().is_ok() => Stamp::Zoned(deadline, tz.to_string()),
                _ => Stamp::Utc(cfp::closes_at(deadline, None)?.naive_utc()),
            };
            let mut i = item(uid("cfp", e.id), format!("CFP closes: {}", e.name), at.clone(), at);
            i.url = if e.cfp_url.is_empty() { e.url.clone() } else { e.cfp_url.clone() };
            i.categories = vec!["CFP".into()];
            i.description = format!("Call for papers of {} ({}–{})", e.name, e.start_date, e.end_date);
            i.status = Some(if matches!(e.status, EventStatus::Cancelled) {
                ItemStatus::Cancelled
            } else {
                ItemStatus::Confirmed
            });
            if cfp::is_answerable(e.status) && !answered.contains(&e.id) {
                i.alarms = scope.cfp_alarms.clone();
            }
            i.transparent = true;
            i.last_modified = Some(e.updated_at);
            Some(i)
        })
        .collect()
}

fn talks(r: &LoadRecords, scope: &ExportScope, names: &HashMap<Uuid, &str>) -> Vec<CalendarItem> {
    let events: HashMap<Uuid, _> = r.events.iter().map(|e| (e.id, e)).collect();
    let titles: HashMap<Uuid, &str> = r.versions.iter().map(|v| (v.id, v.title.as_str())).collect();
    r.submissions
        .iter()
        .filter(|s| s.status != SubmissionStatus::Draft && scope.has(s.speaker_id))
        .filter_map(|s| {
            let e = events.get(&s.event_id)?;
            let title = titles.get(&s.version_id).copied().unwrap_or("Talk");
            let (start, end) = days(e.start_date, e.start_date);
            let mut i = item(uid("talk", s.id), format!("Talk: {title} at {}", e.name), start, end);
            i.status = Some(match (s.status, e.status) {
                (_, EventStatus::Cancelled) => ItemStatus::Cancelled,
                (SubmissionStatus::Accepted | SubmissionStatus::Confirmed, _) => ItemStatus::Confirmed,
                (SubmissionStatus::Rejected | SubmissionStatus::Withdrawn, _) => ItemStatus::Cancelled,
                _ => ItemStatus::Tentative,
            });
            i.description =
                format!("{} speaks; submission {}", names.get(&s.speaker_id).copied().unwrap_or(""), s.status);
            i.location = if e.online { "Online".into() } else { e.city.clone() };
            i.url = e.url.clone();
            i.categories = vec!["Talk".into()];
            i.last_modified = Some(s.updated_at.max(e.updated_at));
            Some(i)
        })
        .collect()
}

fn content(r: &LoadRecords, scope: &ExportScope) -> Vec<CalendarItem> {
    let zones: HashMap<Uuid, &str> = r.people.iter().map(|p| (p.id, p.timezone.as_str())).collect();
    let mut out = Vec::new();
    for c in r
        .content
        .iter()
        .filter(|c| c.owner_id.is_none_or(|o| scope.has(o)) && (scope.people.is_none() || c.owner_id.is_some()))
    {
        let status = match c.status {
            ContentStatus::Published | ContentStatus::Scheduled => ItemStatus::Confirmed,
            ContentStatus::Dropped => ItemStatus::Cancelled,
            _ => ItemStatus::Tentative,
        };
        let kind = c.kind.as_str().replace('_', " ");
        let url = if c.published_url.is_empty() { c.draft_url.clone() } else { c.published_url.clone() };
        if let Some(due) = c.due_on {
            let (start, end) = days(due, due);
            let mut i = item(uid("content-due", c.id), format!("Due: {}", c.title), start, end);
            i.categories = vec!["Content".into(), kind.clone()];
            i.status = Some(status);
            i.url = url.clone();
            i.description = format!("{kind} for {}", c.channel).trim().to_string();
            i.transparent = true;
            i.last_modified = Some(c.updated_at);
            out.push(i);
        }
        if let Some(at) = c.publish_at {
            let zone = c.timezone.as_deref().or_else(|| c.owner_id.and_then(|o| zones.get(&o).copied()));
            let start = match zone {
                Some(tz) if tz.parse::<chrono_tz::Tz>().is_ok() => Stamp::Zoned(at, tz.to_string()),
                _ => Stamp::Floating(at),
            };
            let mut i = item(uid("content-publish", c.id), format!("Publish: {}", c.title), start.clone(), start);
            i.categories = vec!["Content".into(), kind.clone()];
            i.status = Some(status);
            i.url = url.clone();
            i.transparent = true;
            i.last_modified = Some(c.updated_at);
            out.push(i);
        }
    }
    out
}

/// Imported events go back out as they came in: same UID, SEQUENCE, rule and
/// exceptions. An event imported for two people is written once.
fn imported_items(imported: &[(Uuid, ImportedEvent)], scope: &ExportScope) -> Vec<CalendarItem> {
    let mut seen = HashSet::new();
    imported
        .iter()
        .filter(|(p, _)| scope.has(*p))
        .map(|(_, e)| e)
        .filter(|e| {
            let last = e.end.wall().date();
            let from_ok = scope.from.is_none_or(|f| last >= f || e.rrule.is_some() || !e.rdates.is_empty());
            from_ok && scope.to.is_none_or(|t| e.start.wall().date() <= t)
        })
        .filter(|e| seen.insert((e.uid.clone(), e.recurrence_id.clone())))
        .map(|e| {
            let mut i = item(e.uid.clone(), e.summary.clone(), e.start.clone(), e.end.clone());
            i.location = e.location.clone();
            i.rrule = e.rrule.clone();
            i.rdates = e.rdates.clone();
            i.exdates = e.exdates.clone();
            i.recurrence_id = e.recurrence_id.clone();
            i.this_and_future = e.this_and_future;
            i.status = e.status.as_deref().and_then(|s| s.parse().ok());
            i.transparent = e.transparent;
            i.sequence = e.sequence;
            i
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_read_and_write_as_short_text() {
        let a = parse_alarms("cfp_alarms", "1d, 7d,90m").unwrap();
        assert_eq!(a, [Duration::days(7), Duration::days(1), Duration::minutes(90)]);
        assert!(parse_alarms("cfp_alarms", "").unwrap().is_empty());
        for bad in ["7", "x1d", "-1d", "100d", "1w"] {
            let err = parse_alarms("cfp_alarms", bad).unwrap_err();
            assert!(matches!(err, Error::Invalid { ref field, .. } if field == "cfp_alarms"), "{bad}");
        }
    }
}
