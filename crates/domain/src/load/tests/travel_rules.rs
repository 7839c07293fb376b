//! Rules 3, 4, 5, 6, 7, 8 and 14 at their thresholds (just under, at, over):
//! nights away, trip-weeks, jet lag, buffer days, red-eyes, back-to-back trips
//! and long stretches, and the hours a travel day counts. Flights to North
//! America are in February, before either side changes its clocks.

use super::world::*;
use crate::TimeOffKind;
use crate::load::{Flag, Level, RuleId};
use crate::travel::TravelMode;

fn fired(w: &World, monday: &str, rule: RuleId) -> Flag {
    w.flag(monday, rule).unwrap_or_else(|| panic!("{rule:?} did not fire: {:#?}", w.week(monday).flags))
}

fn says(flag: &Flag, text: &str) {
    assert!(flag.sentence.contains(text), "{:?} does not say {text:?}", flag.sentence);
}

/// Amsterdam and back (same zone, 1 h 25 min each way): out `out` at 10:00, back `back` at 18:00.
fn amsterdam(w: &mut World, title: &str, out: &str, back: &str) {
    w.trip(
        title,
        &[
            ("BER", "AMS", &format!("{out}T10:00:00"), &format!("{out}T11:25:00")),
            ("AMS", "BER", &format!("{back}T18:00:00"), &format!("{back}T19:20:00")),
        ],
    );
}

/// New York and back: out `out` 10:00 (9 h, landing 13:00), back overnight from
/// `back` 18:00, landing in Berlin at 08:00 the next morning (a red-eye).
fn new_york(w: &mut World, title: &str, out: &str, back: &str) {
    let land = (d(back) + chrono::Duration::days(1)).to_string();
    w.trip(
        title,
        &[
            ("BER", "JFK", &format!("{out}T10:00:00"), &format!("{out}T13:00:00")),
            ("JFK", "BER", &format!("{back}T18:00:00"), &format!("{land}T08:00:00")),
        ],
    );
}

// Travel days: door-to-door hours, at least 4; long-haul or 3+ zones at least 8.

#[test]
fn a_short_flight_counts_the_four_hour_minimum() {
    let mut w = World::new();
    // 1 h 25 min in the air, 1.5 h before and 1 h after: 3.9 h, counted as 4.
    amsterdam(&mut w, "Amsterdam", "2026-03-03", "2026-03-05");
    let week = w.week("2026-03-02");
    assert_eq!((week.planned.travel, week.nights_away), (8.0, 2));
    w.set("travel_day_min_hours", 3.0);
    assert_eq!(w.week("2026-03-02").planned.travel, 7.8);
}

#[test]
fn a_train_counts_its_door_to_door_hours() {
    let mut w = World::new();
    let maya = w.maya();
    // 4.5 h on the train, half an hour to the platform and a quarter from it.
    w.trip_by(
        maya,
        "Munich",
        TravelMode::Train,
        &[
            ("BER", "MUC", "2026-03-03T08:00:00", "2026-03-03T12:30:00"),
            ("MUC", "BER", "2026-03-04T16:00:00", "2026-03-04T20:30:00"),
        ],
    );
    assert_eq!(w.week("2026-03-02").planned.travel, 10.5);
}

#[test]
fn a_long_haul_day_counts_at_least_eight_and_an_overnight_flight_splits_at_midnight() {
    let mut w = World::new();
    new_york(&mut w, "New York", "2026-02-02", "2026-02-06");
    // Out: 9 h flight + 2.5 h = 11.5 h. Back: 6 h to midnight + 1.5 h = 7.5 h on
    // Friday and 3 h on Saturday, each raised to the long-haul 8 h.
    assert_eq!(w.week("2026-02-02").planned.travel, 27.5);
    w.set("long_haul_day_hours", 7.0);
    assert_eq!(w.week("2026-02-02").planned.travel, 11.5 + 7.5 + 7.0);
}

#[test]
fn three_zones_make_a_long_travel_day_even_on_a_shorter_flight() {
    // Berlin to Istanbul crosses 2 zones, to Dubai 3; with long-haul from 7 h both flights are short.
    let day_out = |to: &str, arrive: &str| {
        let mut w = World::new();
        w.set("long_haul_flight_hours", 7.0);
        w.set("long_haul_day_hours", 10.0);
        w.trip("Out", &[("BER", to, "2026-03-03T08:00:00", arrive)]);
        w.week("2026-03-02").planned.travel
    };
    // 3 h + 2.5 h; 6 h + 2.5 h raised to 10 h.
    assert_eq!(day_out("IST", "2026-03-03T13:00:00"), 5.5);
    assert_eq!(day_out("DXB", "2026-03-03T17:00:00"), 10.0);
}

// Rule 3: nights away in 30 days, amber from 14, red from 21.

/// Nights away in the week of 23 March after a trip of `nights` leaving 2 March.
fn away_for(nights: i64) -> World {
    let mut w = World::new();
    let back = (d("2026-03-02") + chrono::Duration::days(nights)).to_string();
    amsterdam(&mut w, "Long stay", "2026-03-02", &back);
    w
}

#[test]
fn thirteen_nights_away_are_fine() {
    assert_eq!(away_for(13).level("2026-03-23", RuleId::NightsAway), None);
}

#[test]
fn fourteen_nights_away_are_amber() {
    let flag = fired(&away_for(14), "2026-03-23", RuleId::NightsAway);
    assert_eq!((flag.level, flag.number), (Level::Amber, 3));
    assert_eq!(flag.sentence, "14 nights away from home in the 30 days to Sun 29 Mar");
}

#[test]
fn twenty_nights_away_are_amber_and_twenty_one_red() {
    let flag = fired(&away_for(20), "2026-03-23", RuleId::NightsAway);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "20 nights away");
    let flag = fired(&away_for(21), "2026-03-23", RuleId::NightsAway);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "21 nights away from home in the 30 days to Sun 29 Mar");
}

#[test]
fn nights_away_add_up_across_trips_and_leave_the_window_after_30_days() {
    let mut w = World::new();
    amsterdam(&mut w, "First", "2026-03-02", "2026-03-12");
    amsterdam(&mut w, "Second", "2026-03-16", "2026-03-27");
    let flag = fired(&w, "2026-03-23", RuleId::NightsAway);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "21 nights away");
    // By Sunday 5 April the window starts on 7 March: 5 + 11 nights.
    let flag = fired(&w, "2026-03-30", RuleId::NightsAway);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "16 nights away from home in the 30 days to Sun 5 Apr");
}

// Rule 4: weeks with a night away in 12 months, amber above 7, red above 12.

/// One night in Amsterdam (Tuesday to Wednesday) in each of `weeks` weeks, every
/// other week, the last in the week of 2 March.
fn trip_weeks(weeks: i64) -> World {
    let mut w = World::new();
    for k in 0..weeks {
        let tue = d("2026-03-03") - chrono::Duration::weeks(2 * k);
        amsterdam(&mut w, &format!("Trip {k}"), &tue.to_string(), &(tue + chrono::Duration::days(1)).to_string());
    }
    w
}

#[test]
fn seven_trip_weeks_are_fine() {
    let w = trip_weeks(7);
    assert_eq!(w.week("2026-03-02").nights_away, 1);
    assert_eq!(w.level("2026-03-02", RuleId::TripWeeks), None);
}

#[test]
fn eight_trip_weeks_are_amber() {
    let w = trip_weeks(8);
    let flag = fired(&w, "2026-03-02", RuleId::TripWeeks);
    assert_eq!((flag.level, flag.number), (Level::Amber, 4));
    assert_eq!(flag.sentence, "8 weeks with a night away in the last 12 months, this one included");
    // Said only in the weeks that add one.
    assert_eq!(w.level("2026-03-09", RuleId::TripWeeks), None);
}

#[test]
fn twelve_trip_weeks_are_amber_and_thirteen_red() {
    assert_eq!(trip_weeks(12).level("2026-03-02", RuleId::TripWeeks), Some(Level::Amber));
    let flag = fired(&trip_weeks(13), "2026-03-02", RuleId::TripWeeks);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "13 weeks with a night away");
}

#[test]
fn trip_weeks_older_than_a_year_drop_out() {
    let mut w = trip_weeks(7);
    // The week of 3 March 2025 is 52 weeks back, out of the 12 months.
    amsterdam(&mut w, "Last spring", "2025-03-04", "2025-03-05");
    assert_eq!(w.level("2026-03-02", RuleId::TripWeeks), None);
    amsterdam(&mut w, "Last spring, a week later", "2025-03-11", "2025-03-12");
    assert_eq!(w.level("2026-03-02", RuleId::TripWeeks), Some(Level::Amber));
}

// Rule 5: jet lag. New York from Berlin is 6 zones: 5 days of recovery flying
// west (x 0.67, rounded up), 6 flying east; a talk or deadline inside is amber,
// a talk on day 1 after >= 6 zones east or another long-haul flight red.

/// A week in New York, 2 to 8 Feb, landing back in Berlin on Monday 9 Feb.
fn week_in_new_york() -> World {
    let mut w = World::new();
    new_york(&mut w, "New York", "2026-02-02", "2026-02-08");
    w
}

#[test]
fn a_talk_on_day_one_after_six_zones_east_is_red() {
    let mut w = week_in_new_york();
    w.talk_at("Berlin Dev", "Platform teams", 30, "2026-02-09", Some("Europe/Berlin"));
    let flag = fired(&w, "2026-02-09", RuleId::JetLag);
    assert_eq!((flag.level, flag.number), (Level::Red, 5));
    assert_eq!(
        flag.sentence,
        "jet lag after JFK\u{2192}BER (6 zones east, 6 days recovery from Mon 9 Feb): \u{201c}Platform teams\u{201d} at Berlin Dev on day 1"
    );
    assert_eq!(flag.fix, "Arrive 6 days earlier, or move what falls in the recovery days out of them.");
}

#[test]
fn the_red_line_for_a_talk_on_day_one_follows_its_zones() {
    let mut w = week_in_new_york();
    w.talk_at("Berlin Dev", "Platform teams", 30, "2026-02-09", Some("Europe/Berlin"));
    w.set("jet_lag_red_zones", 6.5);
    assert_eq!(w.level("2026-02-09", RuleId::JetLag), Some(Level::Amber));
    w.set("jet_lag_red_zones", 5.5);
    assert_eq!(w.level("2026-02-09", RuleId::JetLag), Some(Level::Red));
}

#[test]
fn a_talk_on_day_two_is_amber() {
    let mut w = week_in_new_york();
    w.talk_at("Berlin Dev", "Platform teams", 30, "2026-02-10", Some("Europe/Berlin"));
    let flag = fired(&w, "2026-02-09", RuleId::JetLag);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "\u{201c}Platform teams\u{201d} at Berlin Dev on day 2");
}

#[test]
fn the_window_is_six_days_after_six_zones_east() {
    let mut w = week_in_new_york();
    // Day 6 is Saturday 14 Feb; Monday 16 Feb is day 8.
    w.talk_at("Weekend Dev", "Platform teams", 30, "2026-02-14", Some("Europe/Berlin"));
    w.talk_at("Monday Dev", "Platform teams", 30, "2026-02-16", Some("Europe/Berlin"));
    says(&fired(&w, "2026-02-09", RuleId::JetLag), "at Weekend Dev on day 6");
    assert_eq!(w.level("2026-02-16", RuleId::JetLag), None);
    // Two recovery days per zone east would reach it.
    w.set("jet_lag_east_days_per_zone", 2.0);
    says(&fired(&w, "2026-02-16", RuleId::JetLag), "12 days recovery from Mon 9 Feb");
}

#[test]
fn flying_west_six_zones_gives_five_days_and_a_talk_there_is_amber() {
    let mut w = week_in_new_york();
    // Landing in New York at 13:00: day 1 is the next day, Tuesday 3 Feb.
    w.talk_at("NYC Dev", "Platform teams", 30, "2026-02-03", Some("America/New_York"));
    let flag = fired(&w, "2026-02-02", RuleId::JetLag);
    assert_eq!(flag.level, Level::Amber);
    assert_eq!(
        flag.sentence,
        "jet lag after BER\u{2192}JFK (6 zones west, 5 days recovery from Tue 3 Feb): \u{201c}Platform teams\u{201d} at NYC Dev on day 1"
    );
}

#[test]
fn three_zones_are_travel_fatigue_and_more_is_jet_lag() {
    // Dubai is 3 zones east of Berlin in winter, Delhi 4.5.
    let trip = |to: &str, arrive: &str, back_from: &str, back_at: &str| {
        let mut w = World::new();
        w.trip("Out and back", &[("BER", to, "2026-02-02T08:00:00", arrive), (to, "BER", back_from, back_at)]);
        w.content("Trip report", 3.0, "2026-02-09");
        w
    };
    let dubai = trip("DXB", "2026-02-02T17:00:00", "2026-02-06T09:00:00", "2026-02-06T13:00:00");
    assert_eq!(dubai.level("2026-02-09", RuleId::JetLag), None);
    // Back from Delhi on Friday morning: 4.5 zones west, 4 days, to Monday.
    let mut delhi = trip("DEL", "2026-02-02T19:30:00", "2026-02-06T03:00:00", "2026-02-06T08:00:00");
    let flag = fired(&delhi, "2026-02-09", RuleId::JetLag);
    assert_eq!(flag.level, Level::Amber);
    assert_eq!(
        flag.sentence,
        "jet lag after DEL\u{2192}BER (4.5 zones west, 4 days recovery from Fri 6 Feb): draft of \u{201c}Trip report\u{201d} due on day 4"
    );
    delhi.set("jet_lag_min_zones", 4.5);
    assert_eq!(delhi.level("2026-02-09", RuleId::JetLag), None);
}

#[test]
fn a_stay_of_two_nights_keeps_home_time_and_three_do_not() {
    let stay = |back: &str| {
        let mut w = World::new();
        new_york(&mut w, "New York", "2026-02-02", back);
        w.content("Trip report", 3.0, "2026-02-06");
        w.level("2026-02-02", RuleId::JetLag)
    };
    // Back on Wednesday evening: 2 nights there, no recovery window.
    assert_eq!(stay("2026-02-04"), None);
    // Back on Thursday evening: 3 nights, and Friday is day 1 of 6.
    assert_eq!(stay("2026-02-05"), Some(Level::Amber));
}

/// Singapore (7 zones east) from Sunday 1 Feb, landing Monday 16:00 (recovery
/// from Tuesday 3 Feb for 7 days), on to Sydney on `onward` (8 h) and home from there.
fn singapore_then_sydney(onward: &str) -> World {
    let mut w = World::new();
    let land = (d(onward) + chrono::Duration::days(1)).to_string();
    w.trip(
        "Singapore and Sydney",
        &[
            ("BER", "SIN", "2026-02-01T21:00:00", "2026-02-02T16:00:00"),
            ("SIN", "SYD", &format!("{onward}T22:00:00"), &format!("{land}T09:00:00")),
            ("SYD", "BER", "2026-02-20T21:00:00", "2026-02-21T06:00:00"),
        ],
    );
    w
}

#[test]
fn another_long_haul_flight_inside_the_window_is_red() {
    // On to Sydney on Friday, day 4.
    let w = singapore_then_sydney("2026-02-06");
    let flag = fired(&w, "2026-02-02", RuleId::JetLag);
    assert_eq!(flag.level, Level::Red);
    assert_eq!(
        flag.sentence,
        "jet lag after BER\u{2192}SIN (7 zones east, 7 days recovery from Tue 3 Feb): long-haul flight SIN\u{2192}SYD on day 4"
    );
}

#[test]
fn a_long_haul_flight_after_the_window_is_not_flagged() {
    // Day 7 is Monday 9 Feb: on to Sydney on day 7 is red, on Tuesday 10 Feb it is after the window.
    let w = singapore_then_sydney("2026-02-09");
    says(&fired(&w, "2026-02-09", RuleId::JetLag), "long-haul flight SIN\u{2192}SYD on day 7");
    let w = singapore_then_sydney("2026-02-10");
    assert_eq!(w.level("2026-02-02", RuleId::JetLag), None);
    assert_eq!(w.level("2026-02-09", RuleId::JetLag), None);
}

#[test]
fn the_flight_home_ends_the_stay_rather_than_conflicting_with_it() {
    let mut w = World::new();
    // Four nights in Singapore, home on Friday (day 4): nothing else inside the window.
    w.trip(
        "Singapore",
        &[
            ("BER", "SIN", "2026-02-01T21:00:00", "2026-02-02T16:00:00"),
            ("SIN", "BER", "2026-02-06T23:00:00", "2026-02-07T06:00:00"),
        ],
    );
    assert_eq!(w.level("2026-02-02", RuleId::JetLag), None);
}

#[test]
fn the_way_home_from_a_tour_counts_the_whole_time_away() {
    let mut w = World::new();
    // Five nights in San Francisco, two in Los Angeles, then home: 9 zones east
    // after a week on Pacific time, whatever the last stop's length.
    w.trip(
        "California",
        &[
            ("BER", "SFO", "2026-02-02T10:00:00", "2026-02-02T13:30:00"),
            ("SFO", "LAX", "2026-02-07T10:00:00", "2026-02-07T11:30:00"),
            ("LAX", "BER", "2026-02-09T15:00:00", "2026-02-10T12:30:00"),
        ],
    );
    w.content("Trip report", 3.0, "2026-02-13");
    let flag = fired(&w, "2026-02-09", RuleId::JetLag);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "jet lag after LAX\u{2192}BER (9 zones east, 9 days recovery from Wed 11 Feb)");
    says(&flag, "due on day 3");
}

// Rule 6: no buffer day before or after an in-person talk.

/// A talk in Amsterdam on Wednesday 4 March.
fn talk_in_amsterdam() -> World {
    let mut w = World::new();
    w.talk_at("Amsterdam Dev", "Edge caching", 30, "2026-03-04", Some("Europe/Amsterdam"));
    w
}

#[test]
fn arriving_the_evening_before_and_leaving_the_day_after_is_a_buffer() {
    let mut w = talk_in_amsterdam();
    w.trip(
        "Amsterdam",
        &[
            ("BER", "AMS", "2026-03-03T18:00:00", "2026-03-03T19:25:00"),
            ("AMS", "BER", "2026-03-05T10:00:00", "2026-03-05T11:20:00"),
        ],
    );
    assert_eq!(w.level("2026-03-02", RuleId::NoBuffer), None);
}

#[test]
fn arriving_on_the_morning_of_the_talk_is_amber() {
    let mut w = talk_in_amsterdam();
    w.trip(
        "Amsterdam",
        &[
            ("BER", "AMS", "2026-03-04T07:00:00", "2026-03-04T08:25:00"),
            ("AMS", "BER", "2026-03-05T10:00:00", "2026-03-05T11:20:00"),
        ],
    );
    let flag = fired(&w, "2026-03-02", RuleId::NoBuffer);
    assert_eq!((flag.level, flag.number), (Level::Amber, 6));
    assert_eq!(flag.sentence, "arrives (BER\u{2192}AMS) on the day of \u{201c}Edge caching\u{201d} at Amsterdam Dev");
}

#[test]
fn leaving_on_the_evening_of_the_talk_is_amber() {
    let mut w = talk_in_amsterdam();
    w.trip(
        "Amsterdam",
        &[
            ("BER", "AMS", "2026-03-03T18:00:00", "2026-03-03T19:25:00"),
            ("AMS", "BER", "2026-03-04T20:00:00", "2026-03-04T21:20:00"),
        ],
    );
    let flag = fired(&w, "2026-03-02", RuleId::NoBuffer);
    assert_eq!(flag.level, Level::Amber);
    assert_eq!(flag.sentence, "leaves (AMS\u{2192}BER) on the day of \u{201c}Edge caching\u{201d} at Amsterdam Dev");
}

#[test]
fn a_red_eye_into_the_talk_is_red_and_an_online_talk_needs_no_buffer() {
    let mut w = World::new();
    w.talk_at("Amsterdam Dev", "Edge caching", 30, "2026-02-05", Some("Europe/Amsterdam"));
    w.trip(
        "New York and Amsterdam",
        &[
            ("BER", "JFK", "2026-02-02T10:00:00", "2026-02-02T13:00:00"),
            ("JFK", "AMS", "2026-02-04T18:00:00", "2026-02-05T07:30:00"),
            ("AMS", "BER", "2026-02-06T10:00:00", "2026-02-06T11:20:00"),
        ],
    );
    let flag = fired(&w, "2026-02-02", RuleId::NoBuffer);
    assert_eq!(flag.level, Level::Red);
    assert_eq!(
        flag.sentence,
        "arrives (JFK\u{2192}AMS) on a red-eye on the day of \u{201c}Edge caching\u{201d} at Amsterdam Dev"
    );
    let mut w = World::new();
    w.talk_at("Online Dev", "Edge caching", 30, "2026-03-04", None);
    amsterdam(&mut w, "Amsterdam", "2026-03-04", "2026-03-04");
    assert_eq!(w.level("2026-03-02", RuleId::NoBuffer), None);
}

// Rule 7: a red-eye followed by work: amber once in 14 days, red from 2.

#[test]
fn a_red_eye_landing_on_a_saturday_is_fine() {
    let mut w = World::new();
    new_york(&mut w, "New York", "2026-02-04", "2026-02-06");
    assert_eq!(w.level("2026-02-02", RuleId::RedEyeWork), None);
}

#[test]
fn a_red_eye_landing_on_a_working_day_is_amber() {
    let mut w = World::new();
    new_york(&mut w, "New York", "2026-02-02", "2026-02-04");
    let flag = fired(&w, "2026-02-02", RuleId::RedEyeWork);
    assert_eq!((flag.level, flag.number), (Level::Amber, 7));
    assert_eq!(flag.sentence, "a red-eye (JFK\u{2192}BER) lands Thu 5 Feb and the day is a working day");
}

#[test]
fn a_red_eye_landing_on_a_weekend_event_counts() {
    let mut w = World::new();
    new_york(&mut w, "New York", "2026-02-04", "2026-02-06");
    w.attend("Hack weekend", "2026-02-07", "2026-02-07");
    assert_eq!(w.level("2026-02-02", RuleId::RedEyeWork), Some(Level::Amber));
}

#[test]
fn two_worked_red_eyes_within_fourteen_days_are_red() {
    let mut w = World::new();
    new_york(&mut w, "New York", "2026-02-02", "2026-02-04");
    // Landing Wednesday 18 Feb, 13 days after Thursday 5 Feb.
    new_york(&mut w, "New York again", "2026-02-16", "2026-02-17");
    let flag = fired(&w, "2026-02-16", RuleId::RedEyeWork);
    assert_eq!(flag.level, Level::Red);
    assert_eq!(
        flag.sentence,
        "2 red-eyes followed by a day of work in 14 days, the last (JFK\u{2192}BER) landing Wed 18 Feb"
    );
    w.set("red_eye_red_count", 3.0);
    assert_eq!(w.level("2026-02-16", RuleId::RedEyeWork), Some(Level::Amber));
}

#[test]
fn red_eyes_fourteen_days_apart_are_amber_each() {
    let mut w = World::new();
    new_york(&mut w, "New York", "2026-02-02", "2026-02-04");
    // Landing Thursday 19 Feb, 14 days after Thursday 5 Feb.
    new_york(&mut w, "New York again", "2026-02-17", "2026-02-18");
    let flag = fired(&w, "2026-02-16", RuleId::RedEyeWork);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "lands Thu 19 Feb");
}

// Rule 8: back-to-back trips after one of >= 3 nights: amber under 3 working days, red under 1.

/// Three nights in Amsterdam, 2 to 5 March, then Lisbon from `leave`.
fn then_lisbon(first_back: &str, leave: &str) -> World {
    let mut w = World::new();
    amsterdam(&mut w, "Amsterdam", "2026-03-02", first_back);
    w.trip(
        "Lisbon",
        &[
            ("BER", "LIS", &format!("{leave}T09:00:00"), &format!("{leave}T11:45:00")),
            ("LIS", "BER", "2026-03-20T12:00:00", "2026-03-20T16:30:00"),
        ],
    );
    w
}

#[test]
fn three_working_days_between_trips_are_enough() {
    // Home Thursday; Friday, Monday, Tuesday at home; off Wednesday 11 March.
    let w = then_lisbon("2026-03-05", "2026-03-11");
    assert_eq!(w.level("2026-03-09", RuleId::BackToBack), None);
}

#[test]
fn two_or_one_working_days_between_trips_are_amber() {
    let w = then_lisbon("2026-03-05", "2026-03-10");
    let flag = fired(&w, "2026-03-09", RuleId::BackToBack);
    assert_eq!((flag.level, flag.number), (Level::Amber, 8));
    assert_eq!(
        flag.sentence,
        "leaves for \u{201c}Lisbon\u{201d} 2 working days after 3 nights away on \u{201c}Amsterdam\u{201d}"
    );
    assert_eq!(flag.fix, "Leave at least 3 working days at home between trips.");
    let w = then_lisbon("2026-03-05", "2026-03-09");
    let flag = fired(&w, "2026-03-09", RuleId::BackToBack);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "1 working day after");
}

#[test]
fn no_working_day_between_trips_is_red() {
    // Home Friday, off again Monday: only a weekend between.
    let w = then_lisbon("2026-03-06", "2026-03-09");
    let flag = fired(&w, "2026-03-09", RuleId::BackToBack);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "0 working days after 4 nights away");
    // A day off in between is not a day at work at home either.
    let mut w = then_lisbon("2026-03-05", "2026-03-09");
    w.off(TimeOffKind::Vacation, "2026-03-06", "2026-03-06");
    assert_eq!(w.level("2026-03-09", RuleId::BackToBack), Some(Level::Red));
}

#[test]
fn a_trip_of_two_nights_does_not_need_a_gap() {
    let w = then_lisbon("2026-03-04", "2026-03-05");
    assert_eq!(w.level("2026-03-02", RuleId::BackToBack), None);
    let mut w = then_lisbon("2026-03-04", "2026-03-05");
    w.set("back_to_back_min_nights", 2.0);
    assert_eq!(w.level("2026-03-02", RuleId::BackToBack), Some(Level::Red));
}

// Rule 14: a trip over 7 nights amber, over 14 red; 7 days in a row amber, 12 red.

#[test]
fn a_trip_of_seven_nights_is_not_long() {
    let w = away_for(7);
    assert_eq!(w.level("2026-03-02", RuleId::LongStretch), None);
}

#[test]
fn a_trip_over_seven_nights_is_amber_and_over_fourteen_red() {
    let flag = fired(&away_for(8), "2026-03-02", RuleId::LongStretch);
    assert_eq!((flag.level, flag.number), (Level::Amber, 14));
    assert_eq!(flag.sentence, "\u{201c}Long stay\u{201d} keeps you 8 nights away");
    assert_eq!(away_for(14).level("2026-03-09", RuleId::LongStretch), Some(Level::Amber));
    let flag = fired(&away_for(15), "2026-03-09", RuleId::LongStretch);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "keeps you 15 nights away");
}

#[test]
fn six_days_in_a_row_are_fine_and_seven_amber() {
    let mut w = World::new();
    w.attend("Hack weekend", "2026-03-07", "2026-03-07");
    assert_eq!(w.level("2026-03-02", RuleId::LongStretch), None);
    w.attend("Hack weekend, day 2", "2026-03-08", "2026-03-08");
    let flag = fired(&w, "2026-03-02", RuleId::LongStretch);
    assert_eq!(flag.level, Level::Amber);
    assert_eq!(flag.sentence, "7 days in a row working or travelling to Sun 8 Mar");
}

#[test]
fn eleven_days_in_a_row_are_amber_and_twelve_red() {
    let mut w = World::new();
    w.attend("Hack weekend", "2026-03-07", "2026-03-08");
    w.off(TimeOffKind::Vacation, "2026-03-13", "2026-03-13");
    let flag = fired(&w, "2026-03-09", RuleId::LongStretch);
    assert_eq!(flag.level, Level::Amber);
    says(&flag, "11 days in a row working or travelling to Thu 12 Mar");
    let mut w = World::new();
    w.attend("Hack weekend", "2026-03-07", "2026-03-08");
    let flag = fired(&w, "2026-03-09", RuleId::LongStretch);
    assert_eq!(flag.level, Level::Red);
    says(&flag, "12 days in a row working or travelling to Fri 13 Mar");
}
