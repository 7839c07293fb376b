//! A plan built by hand for the load model: one person in Berlin (40 h, Monday
//! to Friday) unless a test adds more, and helpers that add each kind of record.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use super::super::*;
use crate::place;
use crate::travel::{Segment, TravelMode};
use crate::trip::{Trip, TripStatus};
use crate::{
    ContentItem, ContentKind, ContentStatus, Event, EventKind, EventStatus, Participation, ParticipationRole, Person,
    Submission, SubmissionStatus, Talk, TalkFormat, TalkLevel, TalkStatus, TalkVersion, TimeOff, TimeOffKind, Weekday,
};

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn dt(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn stamp() -> DateTime<Utc> {
    "2026-01-01T00:00:00Z".parse().unwrap()
}

/// The plan under test; reads and writes its records directly (`w.trips`).
#[derive(Default)]
pub struct World(LoadRecords);

impl std::ops::Deref for World {
    type Target = LoadRecords;
    fn deref(&self) -> &LoadRecords {
        &self.0
    }
}

impl std::ops::DerefMut for World {
    fn deref_mut(&mut self) -> &mut LoadRecords {
        &mut self.0
    }
}

impl World {
    /// One person, Maya, in Berlin.
    pub fn new() -> World {
        let mut w = World::default();
        w.person("Maya", "Europe/Berlin");
        w
    }

    pub fn maya(&self) -> Uuid {
        self.people[0].id
    }

    pub fn person(&mut self, name: &str, zone: &str) -> Uuid {
        let id = Uuid::now_v7();
        self.0.people.push(Person {
            id,
            name: name.into(),
            role: "Developer Advocate".into(),
            home_city: String::new(),
            timezone: zone.into(),
            capacity_hours: 40.0,
            working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
            created_at: stamp(),
            updated_at: stamp(),
        });
        id
    }

    pub fn set(&mut self, key: &str, value: f64) {
        self.team_thresholds.insert(key.into(), value);
    }

    pub fn off(&mut self, kind: TimeOffKind, from: &str, to: &str) {
        self.0.time_off.push(TimeOff {
            id: Uuid::now_v7(),
            person_id: self.maya(),
            kind,
            start_date: d(from),
            end_date: d(to),
            note: String::new(),
            created_at: stamp(),
            updated_at: stamp(),
        });
    }

    /// A confirmed event Maya goes to in `role`; `zone` None makes it online.
    pub fn event(
        &mut self,
        name: &str,
        kind: EventKind,
        from: &str,
        to: &str,
        zone: Option<&str>,
        role: ParticipationRole,
    ) -> Uuid {
        let id = Uuid::now_v7();
        self.0.events.push(Event {
            id,
            name: name.into(),
            kind,
            start_date: d(from),
            end_date: d(to),
            online: zone.is_none(),
            city: String::new(),
            country: String::new(),
            timezone: zone.map(Into::into),
            url: String::new(),
            status: EventStatus::Confirmed,
            cfp_url: String::new(),
            cfp_deadline: None,
            cfp_timezone: None,
            notes: String::new(),
            ratings: Default::default(),
            created_at: stamp(),
            updated_at: stamp(),
        });
        self.join(id, role);
        id
    }

    pub fn join(&mut self, event_id: Uuid, role: ParticipationRole) {
        self.0.participations.push(Participation {
            id: Uuid::now_v7(),
            event_id,
            person_id: self.maya(),
            role,
            created_at: stamp(),
            updated_at: stamp(),
        });
    }

    pub fn talk(&mut self, title: &str, minutes: u16, format: TalkFormat) -> Uuid {
        let id = Uuid::now_v7();
        self.0.talks.push(Talk {
            id,
            title: title.into(),
            abstract_text: String::new(),
            duration_minutes: minutes,
            format,
            level: TalkLevel::Intermediate,
            tags: vec![],
            status: TalkStatus::Ready,
            owner_id: None,
            notes: String::new(),
            created_at: stamp(),
            updated_at: stamp(),
        });
        id
    }

    /// Maya gives `talk` at `event` (a submission in `status`), with `abstract` as its version.
    pub fn submit(&mut self, talk: Uuid, event: Uuid, status: SubmissionStatus, abstract_text: &str) -> Uuid {
        let version = Uuid::now_v7();
        let title = self.talks.iter().find(|t| t.id == talk).unwrap().title.clone();
        self.0.versions.push(TalkVersion {
            id: version,
            talk_id: talk,
            number: 1,
            title,
            abstract_text: abstract_text.into(),
            created_at: stamp(),
            updated_at: stamp(),
        });
        let id = Uuid::now_v7();
        self.0.submissions.push(Submission {
            id,
            talk_id: talk,
            version_id: version,
            event_id: event,
            speaker_id: self.maya(),
            status,
            submitted_on: None,
            decided_on: None,
            notes: String::new(),
            created_at: stamp(),
            updated_at: stamp(),
        });
        id
    }

    /// A talk of `minutes` given at a new in-person event in Berlin on `day`.
    pub fn give(&mut self, title: &str, minutes: u16, format: TalkFormat, day: &str) -> Uuid {
        let event = self.event(
            &format!("{title} conf"),
            EventKind::Conference,
            day,
            day,
            Some("Europe/Berlin"),
            ParticipationRole::Speaker,
        );
        let talk = self.talk(title, minutes, format);
        self.submit(talk, event, SubmissionStatus::Confirmed, "v1");
        talk
    }

    pub fn content(&mut self, title: &str, hours: f64, due: &str) {
        self.0.content.push(ContentItem {
            id: Uuid::now_v7(),
            title: title.into(),
            kind: ContentKind::BlogPost,
            owner_id: Some(self.maya()),
            channel: String::new(),
            status: ContentStatus::Drafting,
            due_on: Some(d(due)),
            publish_at: None,
            timezone: None,
            effort_hours: hours,
            effort_custom: true,
            finished_minutes: None,
            draft_url: String::new(),
            published_url: String::new(),
            tags: vec![],
            event_id: None,
            talk_id: None,
            notes: String::new(),
            created_at: stamp(),
            updated_at: stamp(),
        });
    }

    /// A trip of flights, each `(from, to, depart local, arrive local)` by IATA code.
    pub fn trip(&mut self, title: &str, legs: &[(&str, &str, &str, &str)]) -> Uuid {
        self.trip_by(self.maya(), title, TravelMode::Flight, legs)
    }

    pub fn trip_by(&mut self, person: Uuid, title: &str, mode: TravelMode, legs: &[(&str, &str, &str, &str)]) -> Uuid {
        let id = Uuid::now_v7();
        let segments = legs
            .iter()
            .map(|(from, to, dep, arr)| Segment {
                id: Uuid::now_v7(),
                mode,
                from: place::resolve("from", from).unwrap(),
                to: place::resolve("to", to).unwrap(),
                depart_at: dt(dep),
                arrive_at: dt(arr),
                reference: String::new(),
            })
            .collect();
        self.0.trips.push(Trip {
            id,
            person_id: person,
            title: title.into(),
            status: TripStatus::Confirmed,
            event_ids: vec![],
            segments,
            costs: vec![],
            notes: String::new(),
            created_at: stamp(),
            updated_at: stamp(),
        });
        id
    }

    /// Busy time from another calendar, in UTC.
    pub fn busy(&mut self, title: &str, start: &str, end: &str) {
        self.0.busy.push(BusyBlock {
            person_id: self.maya(),
            title: title.into(),
            start: start.parse().unwrap(),
            end: end.parse().unwrap(),
            counts_as: CountsAs::Busy,
        });
    }

    /// Busy time from another calendar, `hours` long from `at` ("09:00") on `day`, in Maya's own zone.
    pub fn meeting(&mut self, day: &str, at: &str, hours: f64) {
        self.block(day, at, hours, CountsAs::Busy);
    }

    /// Out of office (from a calendar counted so), `hours` long from `at` on `day`, in Maya's own zone.
    pub fn away(&mut self, day: &str, at: &str, hours: f64) {
        self.block(day, at, hours, CountsAs::OutOfOffice);
    }

    fn block(&mut self, day: &str, at: &str, hours: f64, counts_as: CountsAs) {
        let zone: chrono_tz::Tz = self.people[0].timezone.parse().unwrap();
        let start = zone.from_local_datetime(&dt(&format!("{day}T{at}:00"))).earliest().unwrap().with_timezone(&Utc);
        let end = start + Duration::minutes((hours * 60.0).round() as i64);
        let title = if counts_as == CountsAs::Busy { "meeting" } else { "out of office" };
        self.0.busy.push(BusyBlock { person_id: self.maya(), title: title.into(), start, end, counts_as });
    }

    /// An evening meetup in Berlin that Maya attends.
    pub fn meetup(&mut self, day: &str) -> Uuid {
        self.event(
            &format!("Meetup {day}"),
            EventKind::Meetup,
            day,
            day,
            Some("Europe/Berlin"),
            ParticipationRole::Attendee,
        )
    }

    /// A one-day in-person conference in Berlin where Maya speaks (submit a talk to it).
    pub fn speak_at(&mut self, name: &str, day: &str) -> Uuid {
        self.event(name, EventKind::Conference, day, day, Some("Europe/Berlin"), ParticipationRole::Speaker)
    }

    /// An in-person conference in Berlin that Maya attends from `from` to `to`.
    pub fn attend(&mut self, name: &str, from: &str, to: &str) -> Uuid {
        self.event(name, EventKind::Conference, from, to, Some("Europe/Berlin"), ParticipationRole::Attendee)
    }

    /// A talk of `minutes`, new, that Maya gives at a conference called `event` on
    /// `day` in `zone` (None: online).
    pub fn talk_at(&mut self, event: &str, title: &str, minutes: u16, day: &str, zone: Option<&str>) -> Uuid {
        let event = self.event(event, EventKind::Conference, day, day, zone, ParticipationRole::Speaker);
        let talk = self.talk(title, minutes, TalkFormat::Talk);
        self.submit(talk, event, SubmissionStatus::Confirmed, "v1");
        talk
    }

    /// Overrides a threshold for Maya alone (the person layer, over the team's).
    pub fn own(&mut self, key: &str, value: f64) {
        let id = self.maya();
        self.person_thresholds.entry(id).or_default().insert(key.into(), value);
    }

    pub fn input(&self) -> LoadInput<'_> {
        self.0.input()
    }

    /// Maya's week that starts on `monday`, computed with history and a few weeks around it.
    pub fn week(&self, monday: &str) -> WeekLoad {
        let m = d(monday);
        let horizon = Horizon { from: m, weeks: 1, as_of: m };
        let person = compute_person(&self.input(), &self.people[0], horizon);
        assert!(person.skipped.is_empty(), "{:?}", person.skipped);
        person.weeks.into_iter().next().unwrap()
    }

    /// The flag `rule` raised in Maya's week of `monday`, if any.
    pub fn flag(&self, monday: &str, rule: RuleId) -> Option<Flag> {
        self.week(monday).flags.into_iter().find(|f| f.rule == rule)
    }

    pub fn level(&self, monday: &str, rule: RuleId) -> Option<Level> {
        self.flag(monday, rule).map(|f| f.level)
    }
}
