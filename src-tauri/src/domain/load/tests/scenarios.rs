//! Whole scenarios from the issue: each one a plausible quarter, checked for
//! the levels and the reasons a person would read.

use super::world::*;
use crate::domain::load::{Level, RuleId};
use crate::domain::{ParticipationRole, EventKind, TalkFormat};

#[test]
fn an_empty_week_is_green_with_its_capacity() {
    let w = World::new();
    let week = w.week("2026-03-02");
    assert_eq!((week.available_hours, week.planned_hours, week.level), (40.0, 0.0, Level::Green));
    assert!(week.flags.is_empty(), "{:?}", week.flags);
    assert_eq!(week.focus_hours, 40.0);
}

#[test]
fn a_red_eye_into_a_keynote() {
    let mut w = World::new();
    // Berlin to New York and back: the way back is overnight, landing Thursday morning.
    w.trip(
        "DevConf NYC",
        &[("BER", "JFK", "2026-03-02T10:00:00", "2026-03-02T13:30:00"), ("JFK", "BER", "2026-03-04T18:00:00", "2026-03-05T08:00:00")],
    );
    let event = w.event("Berlin Summit", EventKind::Conference, "2026-03-05", "2026-03-05", Some("Europe/Berlin"), ParticipationRole::Speaker);
    let talk = w.talk("Opening keynote", 45, TalkFormat::Keynote);
    w.submit(talk, event, crate::domain::SubmissionStatus::Confirmed, "v1");
    let week = w.week("2026-03-02");
    assert_eq!(week.level, Level::Red, "{:#?}", week.flags);
    let buffer = w.flag("2026-03-02", RuleId::NoBuffer).expect("no buffer before the keynote");
    assert_eq!(buffer.level, Level::Red);
    assert!(buffer.sentence.contains("red-eye") && buffer.sentence.contains("Opening keynote"), "{}", buffer.sentence);
    assert_eq!(w.level("2026-03-02", RuleId::RedEyeWork), Some(Level::Amber));
}
