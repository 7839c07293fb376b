//! Workload risk: each person's planned hours per week against what they have,
//! and the fifteen rules of docs/workload-model.md that flag weeks at risk of
//! burnout, each with a sentence and a fix. A pure function of the plan.

mod by_person;
mod days_owed;
mod deliveries;
mod journeys;
mod rules;
mod team;
pub mod thresholds;
mod timeline;
mod what_if;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::trip::Trip;
use super::{ContentItem, Event, Participation, Person, Submission, Talk, TalkVersion, TimeOff};
pub use team::{MIN_GROUP, TeamLoad, TeamWeek};
pub use thresholds::{ThresholdSpec, ThresholdValues, Thresholds};
pub use what_if::{WeekChange, changes};

text_enum!(
    /// A week's (or a rule's) risk, mildest first so that `max` is the worst.
    Level { Green = "green", Amber = "amber", Red = "red" }
);

text_enum!(
    /// The fifteen rules, in the order of docs/workload-model.md.
    RuleId {
        LoadPercent = "load_percent",
        LongWeek = "long_week",
        NightsAway = "nights_away",
        TripWeeks = "trip_weeks",
        JetLag = "jet_lag",
        NoBuffer = "no_buffer",
        RedEyeWork = "red_eye_work",
        BackToBack = "back_to_back",
        WeekendOwed = "weekend_owed",
        AfterHours = "after_hours",
        FocusTime = "focus_time",
        NewMaterial = "new_material",
        DeadlineOnTravel = "deadline_on_travel",
        LongStretch = "long_stretch",
        Chronic = "chronic",
    }
);

impl RuleId {
    /// Its number in the workload model (1 to 15).
    pub fn number(self) -> u8 {
        RuleId::ALL.iter().position(|r| *r == self).map_or(0, |i| i as u8 + 1)
    }
}

text_enum!(
    /// How a calendar read as busy time counts for its person's load.
    CountsAs { Busy = "busy", OutOfOffice = "out_of_office" }
);

/// Busy time taken from another calendar: counted as meetings, its duration
/// (overlaps once); out of office, as a day off where it takes half the
/// working day or more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BusyBlock {
    pub person_id: Uuid,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[serde(default = "busy")]
    pub counts_as: CountsAs,
}

fn busy() -> CountsAs {
    CountsAs::Busy
}

/// One rule that fired in one week: what, how bad, and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Flag {
    pub rule: RuleId,
    /// The rule's number in the workload model, 1 to 15.
    pub number: u8,
    pub level: Level,
    /// One sentence with the numbers that triggered it.
    pub sentence: String,
    pub fix: String,
}

/// Planned hours in a week by what they are spent on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
pub struct HoursByKind {
    /// Days at events (speaking, booth, organising, attending) and their evenings.
    pub events: f64,
    pub travel: f64,
    pub talk_prep: f64,
    pub workshop_prep: f64,
    pub content: f64,
    /// Busy time imported from other calendars.
    pub meetings: f64,
}

impl HoursByKind {
    pub fn total(&self) -> f64 {
        self.events + self.travel + self.talk_prep + self.workshop_prep + self.content + self.meetings
    }

    fn add(&mut self, other: &HoursByKind) {
        self.events += other.events;
        self.travel += other.travel;
        self.talk_prep += other.talk_prep;
        self.workshop_prep += other.workshop_prep;
        self.content += other.content;
        self.meetings += other.meetings;
    }

    fn rounded(&self) -> HoursByKind {
        HoursByKind {
            events: tenths(self.events),
            travel: tenths(self.travel),
            talk_prep: tenths(self.talk_prep),
            workshop_prep: tenths(self.workshop_prep),
            content: tenths(self.content),
            meetings: tenths(self.meetings),
        }
    }
}

/// One person's week, Monday to Sunday.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekLoad {
    /// The Monday the week starts.
    pub week: NaiveDate,
    /// Contract hours on working days not taken off, less jet-lag recovery.
    pub available_hours: f64,
    pub planned: HoursByKind,
    pub planned_hours: f64,
    /// Planned hours outside the working day: meetups, speaker dinners, late calls.
    pub after_hours: f64,
    /// Hours in free blocks long enough to prepare in.
    pub focus_hours: f64,
    /// Planned over available, in percent; absent when nothing is available.
    pub load_percent: Option<f64>,
    pub nights_away: u32,
    pub level: Level,
    /// Every rule that fired, worst first; the first three are the ones to show.
    pub flags: Vec<Flag>,
}

/// One person's weeks and the running figures a manager looks at.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonLoad {
    pub person_id: Uuid,
    pub name: String,
    pub weeks: Vec<WeekLoad>,
    /// Nights away from home in the 30 days up to `as_of`.
    pub nights_away_30d: u32,
    /// Weeks with a night away in `as_of`'s calendar year, up to `as_of`.
    pub trip_weeks_this_year: u32,
    /// Weekend days worked (travel or events) not yet given back on `as_of`, while they still can be.
    pub days_off_owed: u32,
    /// Red weeks from `as_of` on count 3, amber 1: the sort key for "most at risk first".
    pub risk: u32,
    /// Records the model had to leave out, with why (a trip whose place lost its zone).
    pub skipped: Vec<String>,
}

/// The plan as the load model reads it.
#[derive(Debug, Clone, Copy)]
pub struct LoadInput<'a> {
    pub people: &'a [Person],
    pub time_off: &'a [TimeOff],
    pub events: &'a [Event],
    pub participations: &'a [Participation],
    pub talks: &'a [Talk],
    pub versions: &'a [TalkVersion],
    pub submissions: &'a [Submission],
    pub content: &'a [ContentItem],
    pub trips: &'a [Trip],
    pub busy: &'a [BusyBlock],
    pub team_thresholds: &'a ThresholdValues,
    pub person_thresholds: &'a BTreeMap<Uuid, ThresholdValues>,
}

/// The plan's records the load model reads, owned.
#[derive(Debug, Clone, Default)]
pub struct LoadRecords {
    pub people: Vec<Person>,
    pub time_off: Vec<TimeOff>,
    pub events: Vec<Event>,
    pub participations: Vec<Participation>,
    pub talks: Vec<Talk>,
    pub versions: Vec<TalkVersion>,
    pub submissions: Vec<Submission>,
    pub content: Vec<ContentItem>,
    pub trips: Vec<Trip>,
    pub busy: Vec<BusyBlock>,
    pub team_thresholds: ThresholdValues,
    pub person_thresholds: BTreeMap<Uuid, ThresholdValues>,
}

impl LoadRecords {
    pub fn input(&self) -> LoadInput<'_> {
        LoadInput {
            people: &self.people,
            time_off: &self.time_off,
            events: &self.events,
            participations: &self.participations,
            talks: &self.talks,
            versions: &self.versions,
            submissions: &self.submissions,
            content: &self.content,
            trips: &self.trips,
            busy: &self.busy,
            team_thresholds: &self.team_thresholds,
            person_thresholds: &self.person_thresholds,
        }
    }
}

/// The weeks to compute: `weeks` weeks from the Monday of `from`'s week, with
/// the running figures taken on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    pub from: NaiveDate,
    pub weeks: u32,
    pub as_of: NaiveDate,
}

impl Horizon {
    /// `back` weeks before `today`'s week through `ahead` weeks after it.
    pub fn around(today: NaiveDate, back: u32, ahead: u32) -> Horizon {
        Horizon { from: monday(today) - Duration::weeks(i64::from(back)), weeks: back + 1 + ahead, as_of: today }
    }

    pub fn first_monday(&self) -> NaiveDate {
        monday(self.from)
    }
}

/// Weeks the window shows by default: 12 back, this one, 16 ahead.
pub const WEEKS_BACK: u32 = 12;
pub const WEEKS_AHEAD: u32 = 16;

/// Computes every person's weeks over `horizon`.
pub fn compute(input: &LoadInput, horizon: Horizon) -> Vec<PersonLoad> {
    let shared = deliveries::Shared::of(input);
    input.people.iter().map(|p| person_load(input, &shared, p, horizon)).collect()
}

/// One person's weeks; `compute` for a single person.
pub fn compute_person(input: &LoadInput, person: &Person, horizon: Horizon) -> PersonLoad {
    person_load(input, &deliveries::Shared::of(input), person, horizon)
}

fn person_load(input: &LoadInput, shared: &deliveries::Shared, person: &Person, horizon: Horizon) -> PersonLoad {
    let empty = ThresholdValues::new();
    let own = input.person_thresholds.get(&person.id).unwrap_or(&empty);
    let t = Thresholds::layered(&[input.team_thresholds, own]);
    let timeline = timeline::Timeline::build(shared, person, &t, horizon);
    let weeks = rules::weeks(&timeline, &t, horizon);
    // What is ahead is what a manager can still change: past weeks do not sort.
    let this_week = monday(horizon.as_of);
    let risk = weeks
        .iter()
        .filter(|w| w.week >= this_week)
        .map(|w| match w.level {
            Level::Red => 3,
            Level::Amber => 1,
            Level::Green => 0,
        })
        .sum();
    PersonLoad {
        person_id: person.id,
        name: person.name.clone(),
        nights_away_30d: timeline.nights_away_in(horizon.as_of - Duration::days(29), horizon.as_of),
        trip_weeks_this_year: timeline.trip_weeks_in_year_to(horizon.as_of),
        days_off_owed: timeline.days_owed_at(horizon.as_of),
        risk,
        skipped: timeline.skipped.clone(),
        weeks,
    }
}

/// A talk the plan has someone giving (an accepted or confirmed submission),
/// with the preparation the load model spreads over the weeks before it.
#[derive(Debug, Clone, PartialEq)]
pub struct TalkDelivery {
    pub submission_id: Uuid,
    pub speaker_id: Uuid,
    pub day: NaiveDate,
    /// The team gives this talk for the first time.
    pub new: bool,
    pub prep_hours: f64,
    /// Where preparation starts: `prep_weeks` before the day.
    pub prep_from: NaiveDate,
}

/// Every delivery in the plan, with each speaker's own thresholds applied.
pub fn deliveries(input: &LoadInput) -> Vec<TalkDelivery> {
    let empty = ThresholdValues::new();
    deliveries::Shared::of(input)
        .deliveries
        .iter()
        .map(|d| {
            let own = input.person_thresholds.get(&d.speaker).unwrap_or(&empty);
            let t = Thresholds::layered(&[input.team_thresholds, own]);
            TalkDelivery {
                submission_id: d.submission,
                speaker_id: d.speaker,
                day: d.day,
                new: d.novelty == deliveries::Novelty::New,
                prep_hours: tenths(d.prep_hours(&t)),
                prep_from: crate::bounds::shift(d.day, -timeline::prep_days(&t)),
            }
        })
        .collect()
}

/// The preparation window a talk not yet accepted would have, with the team's thresholds.
pub fn prep_days(input: &LoadInput, speaker: Uuid) -> i64 {
    let empty = ThresholdValues::new();
    let own = input.person_thresholds.get(&speaker).unwrap_or(&empty);
    (Thresholds::layered(&[input.team_thresholds, own]).prep_weeks * 7.0).round() as i64
}

/// The Monday of `day`'s week.
pub fn monday(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

pub(crate) fn tenths(x: f64) -> f64 {
    // `+ 0.0` turns the -0.0 an empty float sum starts from into 0.
    (x * 10.0).round() / 10.0 + 0.0
}

#[cfg(test)]
mod tests;
