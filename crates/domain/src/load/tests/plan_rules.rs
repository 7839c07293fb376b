//! Rules 9, 12, 13 and 15, how the rules combine into a week's level, and the
//! hours model behind them all: preparation for new, refreshed and repeated
//! talks and workshops, event days, booths, meetups, jet lag and time off, and
//! thresholds set for one person over the team's.

use super::world::*;
use crate::load::{Flag, Level, RuleId};
use crate::{EventKind, ParticipationRole, SubmissionStatus, TalkFormat, TimeOffKind};

const MON: &str = "2026-03-02";

fn fired(w: &World, monday: &str, rule: RuleId) -> Flag {
    w.flag(monday, rule).unwrap_or_else(|| panic!("{rule:?} did not fire: {:#?}", w.week(monday).flags))
}

fn says(flag: &Flag, text: &str) {
    assert!(flag.sentence.contains(text), "{:?} does not say {text:?}", flag.sentence);
}

/// Talk preparation in each of the weeks starting on these Mondays.
fn talk_prep(w: &World, mondays: &[&str]) -> Vec<f64> {
    mondays.iter().map(|m| w.week(m).planned.talk_prep).collect()
}

const FIVE_WEEKS: [&str; 6] = ["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"];

// The hours model.

#[test]
fn a_new_talk_costs_an_hour_a_minute_spread_over_the_four_weeks_before() {
    let mut w = World::new();
    // 40 minutes on Monday 30 March: 40 h over the 20 working days from 2 to 27 March.
    w.give("Observability 101", 40, TalkFormat::Talk, "2026-03-30");
    assert_eq!(talk_prep(&w, &FIVE_WEEKS), [0.0, 10.0, 10.0, 10.0, 10.0, 0.0]);
}

#[test]
fn preparation_goes_around_the_days_away() {
    let mut w = World::new();
    w.give("Observability 101", 40, TalkFormat::Talk, "2026-03-30");
    // Three days at a conference in the second week leave 17 desk days for 40 h.
    w.attend("KubeCon", "2026-03-10", "2026-03-12");
    let prep = talk_prep(&w, &FIVE_WEEKS[1..5]);
    let per_day = 40.0 / 17.0;
    let expected = [5.0 * per_day, 2.0 * per_day, 5.0 * per_day, 5.0 * per_day];
    for (got, want) in prep.iter().zip(expected) {
        assert!((got - want).abs() < 0.051, "{prep:?}");
    }
}

#[test]
fn a_repeated_talk_costs_two_hours() {
    let mut w = World::new();
    let talk = w.give("Observability 101", 40, TalkFormat::Talk, "2026-01-05");
    let again = w.speak_at("DevOps Days", "2026-03-30");
    w.submit(talk, again, SubmissionStatus::Accepted, "v1");
    assert_eq!(talk_prep(&w, &FIVE_WEEKS), [0.0, 0.5, 0.5, 0.5, 0.5, 0.0]);
    assert_eq!(w.level(MON, RuleId::NewMaterial), None);
}

#[test]
fn a_refreshed_talk_costs_a_quarter_of_a_new_one() {
    let mut w = World::new();
    let talk = w.give("Observability 101", 40, TalkFormat::Talk, "2026-01-05");
    let again = w.speak_at("DevOps Days", "2026-03-30");
    // A new abstract: 25 % of 40 h.
    w.submit(talk, again, SubmissionStatus::Confirmed, "v2, now with eBPF");
    assert_eq!(talk_prep(&w, &FIVE_WEEKS), [0.0, 2.5, 2.5, 2.5, 2.5, 0.0]);
    w.set("refresh_percent", 50.0);
    assert_eq!(w.week(MON).planned.talk_prep, 5.0);
}

#[test]
fn a_workshop_costs_ten_hours_a_delivered_hour_new_and_two_repeated() {
    let mut w = World::new();
    let workshop = w.give("Hands-on Rust", 120, TalkFormat::Workshop, "2026-03-30");
    let week = w.week(MON);
    assert_eq!((week.planned.workshop_prep, week.planned.talk_prep), (5.0, 0.0));
    let again = w.speak_at("RustFest", "2026-05-04");
    w.submit(workshop, again, SubmissionStatus::Confirmed, "v1");
    // 2 h per delivered hour: 4 h over the four weeks from 6 April.
    assert_eq!(w.week("2026-04-13").planned.workshop_prep, 1.0);
    w.set("new_workshop_hours_per_hour", 12.0);
    assert_eq!(w.week(MON).planned.workshop_prep, 6.0);
}

#[test]
fn a_day_at_an_event_is_eight_hours_a_booth_one_more_and_online_two() {
    let mut w = World::new();
    w.event(
        "FOSDEM",
        EventKind::Conference,
        "2026-03-02",
        "2026-03-03",
        Some("Europe/Brussels"),
        ParticipationRole::Booth,
    );
    assert_eq!(w.week(MON).planned.events, 18.0);
    let mut w = World::new();
    w.event(
        "FOSDEM",
        EventKind::Conference,
        "2026-03-02",
        "2026-03-03",
        Some("Europe/Brussels"),
        ParticipationRole::Attendee,
    );
    assert_eq!(w.week(MON).planned.events, 16.0);
    let mut w = World::new();
    w.event("Virtual booth", EventKind::Conference, "2026-03-02", "2026-03-03", None, ParticipationRole::Booth);
    let week = w.week(MON);
    assert_eq!((week.planned.events, week.after_hours), (4.0, 0.0));
}

#[test]
fn a_meetup_is_three_hours_after_hours_and_leaves_the_day_at_the_desk() {
    let mut w = World::new();
    w.meetup("2026-03-04");
    let week = w.week(MON);
    assert_eq!((week.planned.events, week.after_hours, week.focus_hours), (3.0, 3.0, 40.0));
}

#[test]
fn time_off_takes_its_days_out_of_the_capacity() {
    let mut w = World::new();
    w.off(TimeOffKind::Vacation, "2026-03-02", "2026-03-04");
    w.off(TimeOffKind::PublicHoliday, "2026-03-08", "2026-03-08");
    let week = w.week(MON);
    // A Sunday holiday takes nothing; three vacation days take 24 h.
    assert_eq!((week.available_hours, week.focus_hours), (16.0, 16.0));
}

#[test]
fn jet_lag_days_count_four_fifths() {
    let mut w = World::new();
    // Back from New York on Monday 9 Feb, 6 zones east: 6 recovery days, Mon to Sat.
    w.trip(
        "New York",
        &[
            ("BER", "JFK", "2026-02-02T10:00:00", "2026-02-02T13:00:00"),
            ("JFK", "BER", "2026-02-08T18:00:00", "2026-02-09T08:00:00"),
        ],
    );
    let week = w.week("2026-02-09");
    // The arrival day is a travel day, so only Tue to Fri are at the desk.
    assert_eq!((week.available_hours, week.focus_hours), (32.0, 25.6));
    w.set("jet_lag_capacity_percent", 50.0);
    assert_eq!(w.week("2026-02-09").available_hours, 20.0);
}

#[test]
fn a_persons_own_threshold_beats_the_team_layer() {
    let mut w = World::new();
    for day in ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] {
        w.meeting(day, "09:00", 11.0);
    }
    assert_eq!(w.level(MON, RuleId::LongWeek), Some(Level::Red));
    w.set("long_week_red_hours", 60.0);
    assert_eq!(w.level(MON, RuleId::LongWeek), Some(Level::Amber));
    w.own("long_week_red_hours", 55.0);
    assert_eq!(w.level(MON, RuleId::LongWeek), Some(Level::Red));
    // A key the person did not set keeps the team's value.
    w.set("long_week_amber_hours", 56.0);
    w.own("long_week_red_hours", 58.0);
    assert_eq!(w.level(MON, RuleId::LongWeek), None);
}

// Rule 9: weekend days travelling or at events, not given back: amber 1, red 3; named in the
// week worked and in the weeks after that can still give a day in lieu (three), never in a
// week with nothing planned.

#[test]
fn no_weekend_work_owes_nothing() {
    let mut w = World::new();
    w.attend("Friday summit", "2026-03-06", "2026-03-06");
    assert_eq!(w.level(MON, RuleId::WeekendOwed), None);
}

#[test]
fn one_weekend_day_at_an_event_is_amber() {
    let mut w = World::new();
    w.attend("Hack weekend", "2026-03-07", "2026-03-07");
    let flag = fired(&w, MON, RuleId::WeekendOwed);
    assert_eq!((flag.level, flag.number), (Level::Amber, 9));
    assert_eq!(
        flag.sentence,
        "1 weekend day travelling or at events (Sat 7 Mar) without a day off in lieu yet, to give back by Sun 29 Mar"
    );
    assert_eq!(flag.fix, "Book 1 day off in lieu by Sun 29 Mar.");
}

#[test]
fn a_day_in_lieu_gives_a_weekend_day_back() {
    let mut w = World::new();
    w.attend("Hack weekend", "2026-03-07", "2026-03-07");
    w.off(TimeOffKind::DayInLieu, "2026-03-06", "2026-03-06");
    assert_eq!(w.level(MON, RuleId::WeekendOwed), None);
    // Plain vacation is not a day in lieu.
    let mut w = World::new();
    w.attend("Hack weekend", "2026-03-07", "2026-03-07");
    w.off(TimeOffKind::Vacation, "2026-03-06", "2026-03-06");
    assert_eq!(w.level(MON, RuleId::WeekendOwed), Some(Level::Amber));
}

#[test]
fn two_weekend_days_are_amber_and_three_red() {
    let mut w = World::new();
    w.attend("Hack weekend", "2026-03-07", "2026-03-08");
    let flag = fired(&w, MON, RuleId::WeekendOwed);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "2 weekend days travelling");
    // A Sunday flight home from a Saturday event two weeks earlier.
    w.trip(
        "Lisbon",
        &[
            ("BER", "LIS", "2026-02-20T09:00:00", "2026-02-20T11:45:00"),
            ("LIS", "BER", "2026-02-22T12:00:00", "2026-02-22T16:30:00"),
        ],
    );
    let flag = fired(&w, MON, RuleId::WeekendOwed);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "3 weekend days travelling or at events (Sun 22 Feb, Sat 7 Mar, Sun 8 Mar)");
    says(&flag, "to give back by Sun 15 Mar");
}

#[test]
fn the_week_worked_is_flagged_then_only_weeks_that_can_still_give_the_day() {
    let mut w = World::new();
    // Sunday 8 Feb worked: a day in lieu can be given until Sunday 1 Mar.
    w.attend("Hack weekend", "2026-02-08", "2026-02-08");
    // Something planned on the Tuesday of each week looked at.
    for tuesday in ["2026-02-10", "2026-02-24", "2026-03-03"] {
        w.meeting(tuesday, "10:00", 2.0);
    }
    let worked = fired(&w, "2026-02-02", RuleId::WeekendOwed);
    says(&worked, "(Sun 8 Feb) without a day off in lieu yet, to give back by Sun 1 Mar");
    assert_eq!(w.level("2026-02-09", RuleId::WeekendOwed), Some(Level::Amber), "can give it back");
    assert_eq!(w.level("2026-02-23", RuleId::WeekendOwed), Some(Level::Amber), "the last week that can");
    assert_eq!(w.level(MON, RuleId::WeekendOwed), None, "past the time to give it back: no more nagging");
}

#[test]
fn a_week_with_nothing_planned_is_never_amber_for_weekend_days_alone() {
    let mut w = World::new();
    w.attend("Hack weekend", "2026-02-08", "2026-02-08");
    // Nothing at all planned in the week of 16 Feb, though the day is still owed.
    let quiet = w.week("2026-02-16");
    assert_eq!(quiet.planned_hours, 0.0);
    assert_eq!(w.level("2026-02-16", RuleId::WeekendOwed), None);
    assert_eq!(quiet.level, Level::Green);
}

#[test]
fn a_day_in_lieu_given_later_stops_the_nagging_from_its_week() {
    let mut w = World::new();
    w.attend("Hack weekend", "2026-02-07", "2026-02-07");
    w.meeting("2026-02-10", "10:00", 2.0);
    w.meeting("2026-02-17", "10:00", 2.0);
    w.off(TimeOffKind::DayInLieu, "2026-02-16", "2026-02-16");
    assert_eq!(w.level("2026-02-02", RuleId::WeekendOwed), Some(Level::Amber), "owed in the week worked");
    assert_eq!(w.level("2026-02-09", RuleId::WeekendOwed), Some(Level::Amber));
    assert_eq!(w.level("2026-02-16", RuleId::WeekendOwed), None, "given back on Monday 16 Feb");
}

// Rule 12: new talks or workshops prepared at once: amber 2, red 3 or a talk and a workshop.

#[test]
fn one_new_talk_in_preparation_is_fine() {
    let mut w = World::new();
    w.give("Talk A", 30, TalkFormat::Talk, "2026-03-16");
    assert_eq!(w.level(MON, RuleId::NewMaterial), None);
}

#[test]
fn two_new_talks_in_preparation_are_amber() {
    let mut w = World::new();
    w.give("Talk A", 30, TalkFormat::Talk, "2026-03-16");
    w.give("Talk B", 20, TalkFormat::Lightning, "2026-04-05");
    let flag = fired(&w, MON, RuleId::NewMaterial);
    assert_eq!((flag.level, flag.number), (Level::Amber, 12));
    assert_eq!(
        flag.sentence,
        "2 new talks due within 4 weeks \u{2248} 50 h of preparation (\u{201c}Talk A\u{201d} at Talk A conf, \u{201c}Talk B\u{201d} at Talk B conf)"
    );
}

#[test]
fn a_talk_whose_window_starts_after_the_week_does_not_overlap() {
    let mut w = World::new();
    w.give("Talk A", 30, TalkFormat::Talk, "2026-03-16");
    // Monday 6 April: preparation starts Monday 9 March, after this week.
    w.give("Talk B", 20, TalkFormat::Talk, "2026-04-06");
    assert_eq!(w.level(MON, RuleId::NewMaterial), None);
    // Talk given on this week's Monday: its preparation ended on Sunday.
    let mut w = World::new();
    w.give("Talk A", 30, TalkFormat::Talk, "2026-03-16");
    w.give("Talk B", 20, TalkFormat::Talk, "2026-03-02");
    assert_eq!(w.level(MON, RuleId::NewMaterial), None);
}

#[test]
fn three_new_talks_in_preparation_are_red() {
    let mut w = World::new();
    w.give("Talk A", 30, TalkFormat::Talk, "2026-03-16");
    w.give("Talk B", 20, TalkFormat::Talk, "2026-03-20");
    w.give("Talk C", 45, TalkFormat::Keynote, "2026-03-26");
    let flag = fired(&w, MON, RuleId::NewMaterial);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "3 new talks due within 4 weeks \u{2248} 95 h of preparation");
}

#[test]
fn a_new_talk_and_a_new_workshop_are_red() {
    let mut w = World::new();
    w.give("Talk A", 30, TalkFormat::Talk, "2026-03-16");
    w.give("Rust lab", 90, TalkFormat::Workshop, "2026-03-20");
    let flag = fired(&w, MON, RuleId::NewMaterial);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "1 new talk and 1 new workshop due within 4 weeks \u{2248} 45 h of preparation");
}

#[test]
fn a_repeat_and_a_panel_are_not_new_material() {
    let mut w = World::new();
    w.give("Talk A", 30, TalkFormat::Talk, "2026-03-16");
    w.give("Future of CI", 60, TalkFormat::Panel, "2026-03-18");
    let old = w.give("Talk Old", 30, TalkFormat::Talk, "2025-11-03");
    let again = w.speak_at("Again conf", "2026-03-19");
    w.submit(old, again, SubmissionStatus::Confirmed, "v1");
    assert_eq!(w.level(MON, RuleId::NewMaterial), None);
    w.set("new_material_amber", 1.0);
    assert_eq!(
        fired(&w, MON, RuleId::NewMaterial).sentence,
        "1 new talk due within 4 weeks \u{2248} 30 h of preparation (\u{201c}Talk A\u{201d} at Talk A conf)"
    );
}

// Rule 13: deadlines on a travel or jet-lag day: amber 1, red 2 in a week.

/// Two nights in Amsterdam, out Wednesday 4 March and back Friday 6 March.
fn amsterdam(w: &mut World) {
    w.trip(
        "Amsterdam",
        &[
            ("BER", "AMS", "2026-03-04T10:00:00", "2026-03-04T11:25:00"),
            ("AMS", "BER", "2026-03-06T18:00:00", "2026-03-06T19:20:00"),
        ],
    );
}

#[test]
fn a_deadline_the_day_before_travel_is_fine() {
    let mut w = World::new();
    amsterdam(&mut w);
    w.content("Launch post", 4.0, "2026-03-03");
    assert_eq!(w.level(MON, RuleId::DeadlineOnTravel), None);
}

#[test]
fn a_deadline_on_a_travel_day_is_amber() {
    let mut w = World::new();
    amsterdam(&mut w);
    w.content("Launch post", 4.0, "2026-03-04");
    let flag = fired(&w, MON, RuleId::DeadlineOnTravel);
    assert_eq!((flag.level, flag.number), (Level::Amber, 13));
    assert_eq!(
        flag.sentence,
        "1 deadline on a travel or jet-lag day: draft of \u{201c}Launch post\u{201d} due Wed 4 Mar"
    );
}

#[test]
fn two_deadlines_on_travel_days_are_red() {
    let mut w = World::new();
    amsterdam(&mut w);
    w.content("Launch post", 4.0, "2026-03-04");
    // A draft CFP submission whose call closes on the way home.
    let event = w.event(
        "JSConf",
        EventKind::Conference,
        "2026-06-10",
        "2026-06-11",
        Some("Europe/Madrid"),
        ParticipationRole::Speaker,
    );
    w.events.last_mut().unwrap().cfp_deadline = Some(dt("2026-03-06T23:59:00"));
    let talk = w.talk("Signals", 30, TalkFormat::Talk);
    w.submit(talk, event, SubmissionStatus::Draft, "v1");
    let flag = fired(&w, MON, RuleId::DeadlineOnTravel);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "2 deadlines on a travel or jet-lag day");
    says(&flag, "CFP for JSConf closes Fri 6 Mar");
}

#[test]
fn a_deadline_on_a_jet_lag_day_counts() {
    let mut w = World::new();
    // Back from New York on Monday 9 Feb: 6 recovery days to Saturday.
    w.trip(
        "New York",
        &[
            ("BER", "JFK", "2026-02-02T10:00:00", "2026-02-02T13:00:00"),
            ("JFK", "BER", "2026-02-08T18:00:00", "2026-02-09T08:00:00"),
        ],
    );
    w.content("Trip report", 3.0, "2026-02-12");
    let flag = fired(&w, "2026-02-09", RuleId::DeadlineOnTravel);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "due Thu 12 Feb");
    w.set("deadline_travel_red", 1.0);
    assert_eq!(w.level("2026-02-09", RuleId::DeadlineOnTravel), Some(Level::Red));
}

// Rule 15: a step up when 3 of the last 4 weeks were amber or red, or no week in 6 was a rest.

/// Two meetups in the week of `monday`: 6 h after hours, amber on rule 10 alone.
fn busy_evenings(w: &mut World, monday: &str) {
    let m = d(monday);
    w.meetup(&(m + chrono::Duration::days(1)).to_string());
    w.meetup(&(m + chrono::Duration::days(3)).to_string());
}

#[test]
fn two_amber_weeks_of_four_are_not_a_pattern() {
    let mut w = World::new();
    busy_evenings(&mut w, "2026-02-09");
    busy_evenings(&mut w, "2026-02-16");
    let week = w.week(MON);
    assert_eq!(week.level, Level::Green, "{:#?}", week.flags);
    assert_eq!(w.level(MON, RuleId::Chronic), None);
}

#[test]
fn three_amber_weeks_of_four_raise_a_green_week_to_amber() {
    let mut w = World::new();
    for monday in ["2026-02-09", "2026-02-16", "2026-02-23"] {
        busy_evenings(&mut w, monday);
    }
    let week = w.week(MON);
    assert_eq!(week.level, Level::Amber);
    assert_eq!(week.flags.len(), 1, "{:#?}", week.flags);
    let flag = &week.flags[0];
    assert_eq!((flag.rule, flag.number), (RuleId::Chronic, 15));
    assert_eq!(flag.sentence, "3 of the last 4 weeks were amber or red: the strain is building up");
    // A week later the first of them has left the last 4 weeks.
    assert_eq!(w.week("2026-03-09").level, Level::Green);
}

#[test]
fn an_amber_week_after_two_more_becomes_red() {
    let mut w = World::new();
    for monday in ["2026-02-16", "2026-02-23", "2026-03-02"] {
        busy_evenings(&mut w, monday);
    }
    let week = w.week(MON);
    assert_eq!(week.level, Level::Red);
    assert_eq!(w.level(MON, RuleId::AfterHours), Some(Level::Amber));
    assert_eq!(w.level(MON, RuleId::Chronic), Some(Level::Red));
    w.set("chronic_weeks", 4.0);
    assert_eq!(w.week(MON).level, Level::Amber);
}

/// One night in Amsterdam, Tuesday to Wednesday, in the week of `monday`.
fn overnight(w: &mut World, monday: &str) {
    let m = d(monday);
    let (tue, wed) = (m + chrono::Duration::days(1), m + chrono::Duration::days(2));
    w.trip(
        &format!("Amsterdam {tue}"),
        &[
            ("BER", "AMS", &format!("{tue}T10:00:00"), &format!("{tue}T11:25:00")),
            ("AMS", "BER", &format!("{wed}T18:00:00"), &format!("{wed}T19:20:00")),
        ],
    );
}

#[test]
fn six_weeks_without_a_rest_week_raise_the_level() {
    let mut w = World::new();
    for monday in ["2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02"] {
        overnight(&mut w, monday);
    }
    let week = w.week(MON);
    assert_eq!(week.level, Level::Amber, "{:#?}", week.flags);
    let flag = fired(&w, MON, RuleId::Chronic);
    assert_eq!(flag.sentence, "no week in the last 6 was travel-free at or under 100 % load");
}

#[test]
fn one_rest_week_in_six_is_enough() {
    let mut w = World::new();
    for monday in ["2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02"] {
        overnight(&mut w, monday);
    }
    assert_eq!(w.week(MON).level, Level::Green);
    // A week over 100 % is no rest, even without travel.
    for day in ["2026-01-26", "2026-01-27", "2026-01-28", "2026-01-29", "2026-01-30"] {
        w.meeting(day, "09:00", 8.5);
    }
    assert_eq!(w.week("2026-01-26").level, Level::Amber);
    assert_eq!(w.level(MON, RuleId::Chronic), Some(Level::Amber));
}

// Combining: the worst rule, and three ambers make red.

/// Amber on after-hours (two meetups) and on weekend days owed (a Saturday event).
fn two_ambers() -> World {
    let mut w = World::new();
    busy_evenings(&mut w, MON);
    w.attend("Hack weekend", "2026-03-07", "2026-03-07");
    w
}

#[test]
fn two_ambers_make_an_amber_week() {
    let w = two_ambers();
    let week = w.week(MON);
    let levels: Vec<_> = week.flags.iter().map(|f| (f.rule, f.level)).collect();
    assert_eq!(levels, [(RuleId::WeekendOwed, Level::Amber), (RuleId::AfterHours, Level::Amber)]);
    assert_eq!(week.level, Level::Amber);
}

#[test]
fn three_ambers_make_a_red_week() {
    let mut w = two_ambers();
    // Two new talks whose preparation overlaps this week only: amber on rule 12.
    w.give("Talk A", 20, TalkFormat::Talk, "2026-03-03");
    w.give("Talk B", 20, TalkFormat::Talk, "2026-03-30");
    let week = w.week(MON);
    let rules: Vec<_> = week.flags.iter().map(|f| f.rule).collect();
    assert_eq!(rules, [RuleId::WeekendOwed, RuleId::AfterHours, RuleId::NewMaterial], "{:#?}", week.flags);
    assert!(week.flags.iter().all(|f| f.level == Level::Amber), "{:#?}", week.flags);
    assert_eq!(week.level, Level::Red);
}

#[test]
fn a_single_red_rule_makes_a_red_week_and_comes_first() {
    let mut w = two_ambers();
    w.meetup("2026-03-02");
    w.meetup("2026-03-05");
    let week = w.week(MON);
    assert_eq!(week.level, Level::Red);
    assert_eq!((week.flags[0].rule, week.flags[0].level), (RuleId::AfterHours, Level::Red));
    assert_eq!(week.flags.len(), 2, "{:#?}", week.flags);
}
