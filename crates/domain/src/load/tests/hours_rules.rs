//! Rules 1, 2, 10 and 11 at their thresholds (just under, at, over): planned
//! load, long weeks, after-hours and focus time, built from meetings, meetups
//! and writing in the week of Monday 2 March 2026 (Berlin, UTC+1).

use super::world::*;
use crate::TimeOffKind;
use crate::load::{Flag, Level, RuleId};

const MON: &str = "2026-03-02";
const WORKDAYS: [&str; 5] = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];

/// Meetings from 09:00 on each working day of the week, `hours` long on each.
fn meetings_from_nine(w: &mut World, hours: [f64; 5]) {
    for (day, h) in WORKDAYS.iter().zip(hours) {
        if h > 0.0 {
            w.meeting(day, "09:00", h);
        }
    }
}

/// The flag `rule` raised in the week, failing when it did not.
fn fired(w: &World, rule: RuleId) -> Flag {
    w.flag(MON, rule).unwrap_or_else(|| panic!("{rule:?} did not fire: {:#?}", w.week(MON).flags))
}

fn says(flag: &Flag, text: &str) {
    assert!(flag.sentence.contains(text), "{:?} does not say {text:?}", flag.sentence);
}

// Rule 1: planned load, amber above 90 %, red above 110 %.

#[test]
fn load_at_90_percent_is_not_yet_amber() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 8.0, 4.0]);
    let week = w.week(MON);
    assert_eq!((week.planned_hours, week.available_hours, week.load_percent), (36.0, 40.0, Some(90.0)));
    assert_eq!(w.level(MON, RuleId::LoadPercent), None);
}

#[test]
fn load_just_over_90_percent_is_amber_with_its_numbers() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 8.0, 4.5]);
    let flag = fired(&w, RuleId::LoadPercent);
    assert_eq!(flag.level, Level::Amber);
    assert_eq!(flag.number, 1);
    says(&flag, "36.5 h planned against 40 h available (91 %)");
}

#[test]
fn load_at_110_percent_is_still_amber() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 8.0, 12.0]);
    let flag = fired(&w, RuleId::LoadPercent);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "44 h planned against 40 h available (110 %)");
}

#[test]
fn load_over_110_percent_is_red() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 8.0, 12.5]);
    let flag = fired(&w, RuleId::LoadPercent);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "44.5 h planned against 40 h available (111 %)");
}

#[test]
fn a_day_off_lowers_what_is_available() {
    let mut w = World::new();
    w.off(TimeOffKind::Vacation, "2026-03-06", "2026-03-06");
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 7.0, 0.0]);
    // 31 of 32 h is 97 %: amber here, though it would be 78 % of a full week.
    let flag = fired(&w, RuleId::LoadPercent);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "31 h planned against 32 h available (97 %)");
}

#[test]
fn work_planned_in_a_week_off_is_amber_without_a_percentage() {
    let mut w = World::new();
    w.off(TimeOffKind::Vacation, "2026-03-02", "2026-03-06");
    w.meeting("2026-03-04", "10:00", 1.5);
    let week = w.week(MON);
    assert_eq!((week.available_hours, week.load_percent), (0.0, None));
    let flag = fired(&w, RuleId::LoadPercent);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "1.5 h planned in a week with no working time");
}

#[test]
fn load_lines_follow_the_thresholds() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 8.0, 4.0]);
    w.set("load_amber_percent", 89.0);
    assert_eq!(w.level(MON, RuleId::LoadPercent), Some(Level::Amber));
    w.set("load_red_percent", 89.5);
    assert_eq!(w.level(MON, RuleId::LoadPercent), Some(Level::Red));
}

// Rule 2: long week, amber from 50 h, red from 55 h, travel included.

#[test]
fn a_week_just_under_50_hours_is_not_long() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [10.0, 10.0, 10.0, 10.0, 9.5]);
    assert_eq!(w.week(MON).planned_hours, 49.5);
    assert_eq!(w.level(MON, RuleId::LongWeek), None);
}

#[test]
fn a_50_hour_week_is_amber() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [10.0; 5]);
    let flag = fired(&w, RuleId::LongWeek);
    assert_eq!((flag.level, flag.number), (Level::Amber, 2));
    assert_eq!(flag.sentence, "50 h planned this week");
}

#[test]
fn a_week_just_under_55_hours_is_amber() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [11.0, 11.0, 11.0, 11.0, 10.5]);
    let flag = fired(&w, RuleId::LongWeek);
    assert_eq!(flag.level, Level::Amber);
    assert_eq!(flag.sentence, "54.5 h planned this week");
}

#[test]
fn a_55_hour_week_is_red_and_more_stays_red() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [11.0; 5]);
    let flag = fired(&w, RuleId::LongWeek);
    assert_eq!(flag.level, Level::Red);
    assert_eq!(flag.sentence, "55 h planned this week");
    w.meeting("2026-03-07", "10:00", 3.0);
    assert_eq!(fired(&w, RuleId::LongWeek).sentence, "58 h planned this week");
    assert_eq!(w.level(MON, RuleId::LongWeek), Some(Level::Red));
}

#[test]
fn travel_counts_towards_a_long_week_and_is_named() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 8.0, 9.0]);
    // A Saturday day trip to London: 2 h flights with 1.5 h before and 1 h after each, 9 h.
    w.trip(
        "London day",
        &[
            ("BER", "LHR", "2026-03-07T07:00:00", "2026-03-07T08:00:00"),
            ("LHR", "BER", "2026-03-07T18:00:00", "2026-03-07T21:00:00"),
        ],
    );
    let week = w.week(MON);
    assert_eq!((week.planned.travel, week.planned.meetings, week.planned_hours), (9.0, 41.0, 50.0));
    let flag = fired(&w, RuleId::LongWeek);
    assert_eq!(flag.level, Level::Amber);
    assert_eq!(flag.sentence, "50 h planned this week, 9 h of it travel");
}

#[test]
fn the_long_week_lines_follow_the_thresholds() {
    let mut w = World::new();
    meetings_from_nine(&mut w, [9.0; 5]);
    assert_eq!(w.level(MON, RuleId::LongWeek), None);
    w.set("long_week_amber_hours", 45.0);
    assert_eq!(w.level(MON, RuleId::LongWeek), Some(Level::Amber));
    w.set("long_week_red_hours", 45.0);
    assert_eq!(w.level(MON, RuleId::LongWeek), Some(Level::Red));
}

// Rule 10: after-hours, amber above 5 h, red above 10 h.

#[test]
fn five_evening_hours_are_not_yet_amber() {
    let mut w = World::new();
    for day in WORKDAYS {
        // A full working day and a call after it: only the call is after hours.
        w.meeting(day, "09:00", 8.0);
        w.meeting(day, "18:00", 1.0);
    }
    let week = w.week(MON);
    assert_eq!((week.planned.meetings, week.after_hours), (45.0, 5.0));
    assert_eq!(w.level(MON, RuleId::AfterHours), None);
}

#[test]
fn just_over_five_after_hours_is_amber() {
    let mut w = World::new();
    for day in WORKDAYS {
        w.meeting(day, "18:00", 1.0);
    }
    // Anything on a Saturday is outside the working day.
    w.meeting("2026-03-07", "11:00", 0.5);
    let flag = fired(&w, RuleId::AfterHours);
    assert_eq!((flag.level, flag.number), (Level::Amber, 10));
    says(&flag, "5.5 h planned after hours");
}

#[test]
fn ten_after_hours_are_amber_and_more_is_red() {
    let mut w = World::new();
    for day in WORKDAYS {
        w.meeting(day, "17:00", 2.0);
    }
    assert_eq!(w.week(MON).after_hours, 10.0);
    assert_eq!(w.level(MON, RuleId::AfterHours), Some(Level::Amber));
    // An early call before the day starts at 09:00.
    w.meeting("2026-03-04", "08:30", 0.5);
    let flag = fired(&w, RuleId::AfterHours);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "10.5 h planned after hours");
}

#[test]
fn meetups_and_speaker_dinners_are_after_hours() {
    let mut w = World::new();
    // The speaker dinner on the day of an in-person talk (2 h) and a meetup (3 h): 5 h.
    w.give("Edge caching", 30, crate::TalkFormat::Talk, "2026-03-03");
    w.meetup("2026-03-05");
    let week = w.week(MON);
    assert_eq!((week.after_hours, week.planned.events), (5.0, 13.0));
    assert_eq!(w.level(MON, RuleId::AfterHours), None);
    w.meetup("2026-03-04");
    let flag = fired(&w, RuleId::AfterHours);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "8 h planned after hours");
}

#[test]
fn a_call_across_midnight_is_split_between_the_days() {
    let mut w = World::new();
    // Sunday 23:00 to Monday 01:00 in Berlin: one hour belongs to this week.
    w.meeting("2026-03-01", "23:00", 2.0);
    let week = w.week(MON);
    assert_eq!((week.planned.meetings, week.after_hours), (1.0, 1.0));
    assert_eq!(w.week("2026-02-23").planned.meetings, 1.0);
}

// Rule 11: focus time in free blocks of at least 2 h against the writing due.

#[test]
fn only_free_blocks_of_two_hours_count_as_focus() {
    let mut w = World::new();
    // 09:00 to 15:00 leaves 15:00 to 17:00 free: 2 h, which counts.
    meetings_from_nine(&mut w, [6.0; 5]);
    assert_eq!(w.week(MON).focus_hours, 10.0);
    let mut w = World::new();
    // One more minute and the 1 h 59 min left is too short.
    meetings_from_nine(&mut w, [6.0 + 1.0 / 60.0; 5]);
    assert_eq!(w.week(MON).focus_hours, 0.0);
}

/// Ten hours of focus (two free hours a day) and a post of `hours` due on Friday.
fn focus_for_writing(hours: f64) -> World {
    let mut w = World::new();
    meetings_from_nine(&mut w, [6.0; 5]);
    w.content("Release notes", hours, "2026-03-06");
    w
}

#[test]
fn focus_time_equal_to_the_writing_due_is_enough() {
    let w = focus_for_writing(10.0);
    let week = w.week(MON);
    assert_eq!((week.focus_hours, week.planned.content), (10.0, 10.0));
    assert_eq!(w.level(MON, RuleId::FocusTime), None);
}

#[test]
fn focus_time_short_of_the_writing_due_is_amber() {
    let w = focus_for_writing(12.0);
    let flag = fired(&w, RuleId::FocusTime);
    assert_eq!((flag.level, flag.number), (Level::Amber, 11));
    assert_eq!(flag.sentence, "10 h of focus time in blocks of 2 h or more for 12 h of preparation and writing");
}

#[test]
fn focus_time_of_exactly_half_is_amber_and_under_half_is_red() {
    let w = focus_for_writing(20.0);
    assert_eq!(fired(&w, RuleId::FocusTime).level, Level::Amber);
    let w = focus_for_writing(21.0);
    let flag = fired(&w, RuleId::FocusTime);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "10 h of focus time in blocks of 2 h or more for 21 h");
}

#[test]
fn focus_time_under_five_hours_is_red_even_when_over_half() {
    // Two days with 2.5 h free (5 h): amber for 6 h of writing.
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 5.5, 5.5]);
    w.content("Changelog", 6.0, "2026-03-06");
    assert_eq!(w.week(MON).focus_hours, 5.0);
    assert_eq!(fired(&w, RuleId::FocusTime).level, Level::Amber);
    // Two days with 2.25 h free (4.5 h): more than half of 6 h, but under 5 h.
    let mut w = World::new();
    meetings_from_nine(&mut w, [8.0, 8.0, 8.0, 5.75, 5.75]);
    w.content("Changelog", 6.0, "2026-03-06");
    let flag = fired(&w, RuleId::FocusTime);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "4.5 h of focus time");
}

#[test]
fn the_focus_block_length_follows_its_threshold() {
    let mut w = focus_for_writing(8.0);
    assert_eq!(w.level(MON, RuleId::FocusTime), None);
    w.set("focus_block_hours", 2.5);
    let week = w.week(MON);
    assert_eq!(week.focus_hours, 0.0);
    let flag = fired(&w, RuleId::FocusTime);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "0 h of focus time in blocks of 2.5 h or more for 8 h");
}

// Busy time from other calendars is merged, not added up.

#[test]
fn a_meeting_inside_an_offsite_adds_no_hours() {
    let mut w = World::new();
    // An 8 h offsite from 09:00 with a 1 h meeting inside it, and one that runs 1 h past its end.
    w.meeting(WORKDAYS[0], "09:00", 8.0);
    w.meeting(WORKDAYS[0], "11:00", 1.0);
    w.meeting(WORKDAYS[1], "09:00", 8.0);
    w.meeting(WORKDAYS[1], "16:00", 2.0);
    assert_eq!(w.week(MON).planned.meetings, 17.0, "8 h, then 9 h: the overlaps count once");
}

// Calendars counted as out of office: a day off where they take half the working day.

#[test]
fn out_of_office_for_most_of_a_day_makes_it_a_day_off_and_a_short_absence_is_busy_time() {
    let mut w = World::new();
    w.away("2026-03-04", "09:00", 6.0);
    w.away("2026-03-05", "10:00", 1.5);
    let week = w.week(MON);
    assert_eq!(week.available_hours, 32.0, "Wednesday is off: four working days of eight hours");
    assert_eq!(week.planned.meetings, 1.5, "Thursday's hour and a half away is time not free to plan");
}
