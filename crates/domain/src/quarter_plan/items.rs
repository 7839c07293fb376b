//! The quarter's items for one scope, read once: each event, talk and content
//! item with its stage, people, hours and function. Lanes, goals, balance and
//! impact all read these, so they agree with each other.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use uuid::Uuid;

use super::QuarterInput;
use super::function::{ActivityRef, DevrelFunction};
use super::stages;
use super::view::Stage;
use crate::Result;
use crate::bounds;
use crate::budget_report::convert_line;
use crate::load::{self, TalkDelivery};
use crate::trip::{Payer, Trip, TripStatus};
use crate::{ContentItem, Event, EventStatus, Person, Submission, Talk};

/// One person, or everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope(pub Option<Uuid>);

impl Scope {
    pub fn includes(self, person: Uuid) -> bool {
        self.0.is_none_or(|p| p == person)
    }

    /// Owned by someone in scope; an item nobody owns belongs to the team.
    pub fn owns(self, owner: Option<Uuid>) -> bool {
        match (self.0, owner) {
            (None, _) => true,
            (Some(p), Some(o)) => p == o,
            (Some(_), None) => false,
        }
    }
}

pub struct EventItem<'a> {
    pub event: &'a Event,
    pub stage: Stage,
    /// Everyone in scope at the event, in any role.
    pub people: Vec<Uuid>,
    /// Their days at the event and their travel to it.
    pub hours: f64,
    pub travel_from: Option<NaiveDate>,
    pub travel_to: Option<NaiveDate>,
    /// Company cost of those trips (actual, else planned), shared between the events a trip serves.
    pub cost_minor: Option<i64>,
    pub function: DevrelFunction,
    pub default_function: DevrelFunction,
    pub starts_in: bool,
}

pub struct TalkItem<'a> {
    pub submission: &'a Submission,
    pub talk: &'a Talk,
    pub event: &'a Event,
    pub stage: Stage,
    /// No earlier accepted delivery of this talk in the plan.
    pub new: bool,
    pub prep_hours: f64,
    pub prep_from: NaiveDate,
    pub function: DevrelFunction,
    pub default_function: DevrelFunction,
}

pub struct ContentEntry<'a> {
    pub item: &'a ContentItem,
    pub stage: Stage,
    pub day: NaiveDate,
    pub function: DevrelFunction,
    pub default_function: DevrelFunction,
}

pub struct Items<'a> {
    pub events: Vec<EventItem<'a>>,
    pub talks: Vec<TalkItem<'a>>,
    pub content: Vec<ContentEntry<'a>>,
    /// Trips in the quarter that serve no event shown.
    pub other_trips: Vec<&'a Trip>,
    pub unconverted: Vec<String>,
}

impl<'a> Items<'a> {
    pub fn of(q: &QuarterInput<'a>, scope: Scope) -> Result<Items<'a>> {
        let (first, last) = (q.quarter.first_day(), q.quarter.last_day());
        let chosen: HashMap<ActivityRef, DevrelFunction> =
            q.functions.iter().map(|f| (f.activity, f.function)).collect();
        let people: HashMap<Uuid, &Person> = q.load.people.iter().map(|p| (p.id, p)).collect();
        let events_by_id: HashMap<Uuid, &Event> = q.load.events.iter().map(|e| (e.id, e)).collect();
        let talks_by_id: HashMap<Uuid, &Talk> = q.load.talks.iter().map(|t| (t.id, t)).collect();
        let delivered: HashMap<Uuid, TalkDelivery> =
            load::deliveries(&q.load).into_iter().map(|d| (d.submission_id, d)).collect();
        let live_trips: Vec<&Trip> = q.load.trips.iter().filter(|t| t.status != TripStatus::Cancelled).collect();
        let mut unconverted = Vec::new();

        let mut events = Vec::new();
        for e in q.load.events.iter().filter(|e| e.start_date <= last && e.end_date >= first) {
            let mut at: Vec<Uuid> = (q.load.participations.iter())
                .filter(|p| p.event_id == e.id && scope.includes(p.person_id))
                .map(|p| p.person_id)
                .collect();
            at.sort();
            at.dedup();
            let speaking = q.load.submissions.iter().any(|s| s.event_id == e.id && scope.includes(s.speaker_id));
            if scope.0.is_some() && at.is_empty() && !speaking {
                continue;
            }
            let trips: Vec<&Trip> = (live_trips.iter().copied())
                .filter(|t| t.event_ids.contains(&e.id) && scope.includes(t.person_id))
                .collect();
            let days = (e.end_date - e.start_date).num_days() as f64 + 1.0;
            let mut hours: f64 = at.iter().filter_map(|p| people.get(p)).map(|p| days * day_hours(p)).sum();
            hours += trips.iter().map(|t| travel_hours(t) / t.event_ids.len().max(1) as f64).sum::<f64>();
            let spans: Vec<(NaiveDate, NaiveDate)> = trips.iter().filter_map(|t| trip_days(t)).collect();
            let travel_from = spans.iter().map(|d| d.0).min();
            let travel_to = spans.iter().map(|d| d.1).max();
            let cost_minor =
                cost_of(&trips, q, &mut unconverted).map_err(|err| err.within(&format!("event {:?}", e.name)))?;
            let default_function = DevrelFunction::for_event(e.kind);
            events.push(EventItem {
                event: e,
                stage: stages::event(e, q.today),
                people: at,
                hours: load_tenths(hours),
                travel_from: travel_from.filter(|d| *d < e.start_date),
                travel_to: travel_to.filter(|d| *d > e.end_date),
                cost_minor,
                function: chosen.get(&ActivityRef::Event(e.id)).copied().unwrap_or(default_function),
                default_function,
                starts_in: q.quarter.contains(e.start_date),
            });
        }
        events.sort_by_key(|i| (i.event.start_date, i.event.name.clone()));

        // A talk is new when no accepted delivery of it comes before this one.
        let mut accepted_days: HashMap<Uuid, Vec<(NaiveDate, Uuid)>> = HashMap::new();
        for s in q.load.submissions.iter().filter(|s| s.status.is_accepted()) {
            if let Some(e) = events_by_id.get(&s.event_id)
                && !matches!(e.status, EventStatus::Cancelled | EventStatus::Rejected)
            {
                accepted_days.entry(s.talk_id).or_default().push((e.start_date, s.id));
            }
        }
        let mut talks = Vec::new();
        for s in q.load.submissions.iter().filter(|s| scope.includes(s.speaker_id)) {
            let (Some(event), Some(talk)) = (events_by_id.get(&s.event_id), talks_by_id.get(&s.talk_id)) else {
                continue;
            };
            if !q.quarter.contains(event.start_date) {
                continue;
            }
            let earlier = accepted_days
                .get(&talk.id)
                .is_some_and(|days| days.iter().any(|(d, id)| (*d, *id) < (event.start_date, s.id)));
            let delivery = delivered.get(&s.id);
            let prep_from = delivery.map_or_else(
                || crate::bounds::shift(event.start_date, -load::prep_days(&q.load, s.speaker_id)),
                |d| d.prep_from,
            );
            let default_function = DevrelFunction::for_talk(talk.format);
            talks.push(TalkItem {
                submission: s,
                talk,
                event,
                stage: stages::talk(s.status, event, q.today),
                new: !earlier,
                prep_hours: delivery.map_or(0.0, |d| d.prep_hours),
                prep_from,
                function: chosen.get(&ActivityRef::Talk(talk.id)).copied().unwrap_or(default_function),
                default_function,
            });
        }
        talks.sort_by_key(|t| (t.event.start_date, t.talk.title.clone()));

        let mut content: Vec<ContentEntry> = (q.load.content.iter())
            .filter(|c| scope.owns(c.owner_id))
            .filter_map(|c| {
                let day = stages::content_day(c).filter(|d| q.quarter.contains(*d))?;
                let default_function = DevrelFunction::for_content(c.kind);
                Some(ContentEntry {
                    item: c,
                    stage: stages::content(c),
                    day,
                    function: chosen.get(&ActivityRef::Content(c.id)).copied().unwrap_or(default_function),
                    default_function,
                })
            })
            .collect();
        content.sort_by_key(|c| (c.day, c.item.title.clone()));

        let shown: HashSet<Uuid> = events.iter().map(|e| e.event.id).collect();
        let other_trips = (q.load.trips.iter())
            .filter(|t| scope.includes(t.person_id) && !t.event_ids.iter().any(|id| shown.contains(id)))
            .filter(|t| trip_days(t).is_some_and(|(a, b)| a <= last && b >= first))
            .collect();
        Ok(Items { events, talks, content, other_trips, unconverted })
    }
}

/// A working day's hours for a person: contract hours over working days.
pub fn day_hours(p: &Person) -> f64 {
    if p.working_days.is_empty() { 0.0 } else { p.capacity_hours / p.working_days.len() as f64 }
}

/// Door to door, every segment's duration.
pub fn travel_hours(t: &Trip) -> f64 {
    t.segments.iter().filter_map(|s| s.validate("segment").ok()).map(|f| f.duration_minutes as f64 / 60.0).sum()
}

/// The first and last day a trip travels.
pub fn trip_days(t: &Trip) -> Option<(NaiveDate, NaiveDate)> {
    let days = t.segments.iter().flat_map(|s| [s.depart_at.date(), s.arrive_at.date()]);
    Some((days.clone().min()?, days.max()?))
}

/// The company cost charged to an event, shared among the events of each trip;
/// a sum too large for an i64 is an error, never a wrapped figure.
fn cost_of(trips: &[&Trip], q: &QuarterInput, unconverted: &mut Vec<String>) -> Result<Option<i64>> {
    let mut total = 0;
    let mut any = false;
    for t in trips {
        let share = t.event_ids.len().max(1) as i64;
        for line in t.costs.iter().filter(|c| c.payer == Payer::Company) {
            let c = convert_line(line, q.currency, q.rates);
            if let Some(problem) = c.problem {
                unconverted.push(format!("{} ({}): {problem}", t.title, line.category));
                continue;
            }
            if let Some(minor) = c.actual.or(c.planned).map(|a| a.minor) {
                total = bounds::sum("cost", [total, minor / share])?;
                any = true;
            }
        }
    }
    Ok(any.then_some(total))
}

fn load_tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
