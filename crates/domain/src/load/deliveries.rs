//! Talk deliveries: an accepted or confirmed submission is a talk to give on
//! the event's first day, new the first time the team gives it, refreshed when
//! its title or abstract changed since the last time, repeated otherwise.

use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::{LoadInput, Thresholds, by_person};
use crate::{Event, EventStatus, Talk, TalkFormat};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Novelty {
    New,
    Refreshed,
    Repeat,
}

#[derive(Debug, Clone)]
pub(super) struct Delivery<'a> {
    pub submission: Uuid,
    pub speaker: Uuid,
    pub day: NaiveDate,
    pub talk: &'a Talk,
    pub event: &'a Event,
    pub novelty: Novelty,
}

impl Delivery<'_> {
    pub fn is_workshop(&self) -> bool {
        self.talk.format == TalkFormat::Workshop
    }

    /// New material: a new talk or workshop, which rule 12 counts.
    pub fn is_new(&self) -> bool {
        self.novelty == Novelty::New && self.talk.format != TalkFormat::Panel
    }

    /// Hours of preparation before the delivery.
    pub fn prep_hours(&self, t: &Thresholds) -> f64 {
        let minutes = f64::from(self.talk.duration_minutes);
        let new = if self.is_workshop() {
            minutes / 60.0 * t.new_workshop_hours_per_hour
        } else {
            minutes * t.new_talk_hours_per_minute
        };
        match (self.talk.format, self.novelty) {
            // A panel needs a read of the questions, not a deck.
            (TalkFormat::Panel, _) => t.repeat_talk_hours,
            (_, Novelty::New) => new,
            (_, Novelty::Refreshed) => new * t.refresh_percent / 100.0,
            (TalkFormat::Workshop, Novelty::Repeat) => minutes / 60.0 * t.repeat_workshop_hours_per_hour,
            (_, Novelty::Repeat) => t.repeat_talk_hours,
        }
    }

    pub fn label(&self) -> String {
        format!("\u{201c}{}\u{201d} at {}", self.talk.title, self.event.name)
    }
}

/// An event that is happening with the team in it: what the load counts.
pub(super) fn committed(status: EventStatus) -> bool {
    matches!(status, EventStatus::Accepted | EventStatus::Confirmed | EventStatus::Done)
}

/// What every person's timeline reads: events by id and the team's deliveries.
pub(super) struct Shared<'a> {
    pub events: HashMap<Uuid, &'a Event>,
    pub deliveries: Vec<Delivery<'a>>,
    pub by_person: HashMap<Uuid, by_person::Mine<'a>>,
}

impl<'a> Shared<'a> {
    pub fn of(input: &LoadInput<'a>) -> Shared<'a> {
        let events: HashMap<Uuid, &Event> = input.events.iter().map(|e| (e.id, e)).collect();
        let talks: HashMap<Uuid, &Talk> = input.talks.iter().map(|t| (t.id, t)).collect();
        let versions: HashMap<Uuid, (&str, &str)> =
            input.versions.iter().map(|v| (v.id, (v.title.as_str(), v.abstract_text.as_str()))).collect();
        let mut given: Vec<_> = input
            .submissions
            .iter()
            .filter(|s| s.status.is_accepted())
            .filter_map(|s| {
                let event = *events.get(&s.event_id)?;
                let live = !matches!(event.status, EventStatus::Cancelled | EventStatus::Rejected);
                live.then_some((s, event, *talks.get(&s.talk_id)?))
            })
            .collect();
        given.sort_by_key(|(s, event, _)| (event.start_date, s.id));
        let mut last_text: HashMap<Uuid, (&str, &str)> = HashMap::new();
        let deliveries = given
            .into_iter()
            .map(|(s, event, talk)| {
                let text = versions.get(&s.version_id).copied().unwrap_or(("", ""));
                let novelty = match last_text.insert(talk.id, text) {
                    None => Novelty::New,
                    Some(before) if before != text => Novelty::Refreshed,
                    Some(_) => Novelty::Repeat,
                };
                Delivery { submission: s.id, speaker: s.speaker_id, day: event.start_date, talk, event, novelty }
            })
            .collect();
        Shared { events, deliveries, by_person: by_person::group(input) }
    }
}
