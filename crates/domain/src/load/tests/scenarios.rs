//! Whole scenarios from the issue: each one a plausible quarter, checked for
//! the levels and the reasons a person would read.

use super::world::*;
use crate::load::{Horizon, Level, RuleId, compute_person};
use crate::{EventKind, ParticipationRole, SubmissionStatus, TalkFormat};

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
        &[
            ("BER", "JFK", "2026-03-02T10:00:00", "2026-03-02T13:30:00"),
            ("JFK", "BER", "2026-03-04T18:00:00", "2026-03-05T08:00:00"),
        ],
    );
    let event = w.event(
        "Berlin Summit",
        EventKind::Conference,
        "2026-03-05",
        "2026-03-05",
        Some("Europe/Berlin"),
        ParticipationRole::Speaker,
    );
    let talk = w.talk("Opening keynote", 45, TalkFormat::Keynote);
    w.submit(talk, event, SubmissionStatus::Confirmed, "v1");
    let week = w.week("2026-03-02");
    assert_eq!(week.level, Level::Red, "{:#?}", week.flags);
    let buffer = w.flag("2026-03-02", RuleId::NoBuffer).expect("no buffer before the keynote");
    assert_eq!(buffer.level, Level::Red);
    assert!(buffer.sentence.contains("red-eye") && buffer.sentence.contains("Opening keynote"), "{}", buffer.sentence);
    assert_eq!(w.level("2026-03-02", RuleId::RedEyeWork), Some(Level::Amber));
}

/// Three weeks in Asia-Pacific with a new talk in Singapore: Berlin, Singapore
/// (5 nights), Tokyo (5), Sydney (8) and home through Dubai, 21 nights from
/// Saturday 7 February.
fn apac_tour() -> World {
    let mut w = World::new();
    w.trip(
        "APAC tour",
        &[
            // 12 h overnight, landing Sunday morning: 7 zones east.
            ("BER", "SIN", "2026-02-07T12:00:00", "2026-02-08T07:00:00"),
            // 7 h, long-haul: inside the recovery from the first flight.
            ("SIN", "NRT", "2026-02-13T09:00:00", "2026-02-13T17:00:00"),
            // 10 h overnight, landing Thursday 08:00: a red-eye into a working day.
            ("NRT", "SYD", "2026-02-18T20:00:00", "2026-02-19T08:00:00"),
            // Home through Dubai, one journey of 10 zones west.
            ("SYD", "DXB", "2026-02-27T21:00:00", "2026-02-28T05:00:00"),
            ("DXB", "BER", "2026-02-28T07:30:00", "2026-02-28T11:30:00"),
        ],
    );
    let event = w.event(
        "Singapore DevDays",
        EventKind::Conference,
        "2026-02-11",
        "2026-02-12",
        Some("Asia/Singapore"),
        ParticipationRole::Speaker,
    );
    let talk = w.talk("Platform engineering without the platform team", 45, TalkFormat::Talk);
    w.submit(talk, event, SubmissionStatus::Confirmed, "v1");
    w.event(
        "Tokyo meetup",
        EventKind::Meetup,
        "2026-02-16",
        "2026-02-16",
        Some("Asia/Tokyo"),
        ParticipationRole::Speaker,
    );
    w.event(
        "Sydney booth",
        EventKind::Conference,
        "2026-02-24",
        "2026-02-25",
        Some("Australia/Sydney"),
        ParticipationRole::Booth,
    );
    // The write-up is due in the week back.
    w.content("APAC tour recap", 6.0, "2026-03-03");
    w
}

#[test]
fn a_three_week_apac_tour_with_a_new_talk() {
    let w = apac_tour();

    // The new talk: 45 h of preparation over the 20 working days before it,
    // 2.25 h a day from Wednesday 14 Jan, the last two days in Singapore.
    let prep: Vec<f64> = ["2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09"]
        .iter()
        .map(|m| w.week(m).planned.talk_prep)
        .collect();
    assert_eq!(prep, [6.8, 11.3, 11.3, 11.3, 4.5]);

    // Singapore week: the talk on day 4 of 7 days of recovery, and the long-haul
    // flight to Tokyo on day 6.
    let jet = w.flag("2026-02-09", RuleId::JetLag).expect("jet lag in Singapore");
    assert_eq!(jet.level, Level::Red);
    assert!(
        jet.sentence.starts_with("jet lag after BER\u{2192}SIN (7 zones east, 7 days recovery from Sun 8 Feb)"),
        "{}",
        jet.sentence
    );
    assert!(jet.sentence.contains("at Singapore DevDays on day 4"), "{}", jet.sentence);
    assert!(jet.sentence.contains("long-haul flight SIN\u{2192}NRT on day 6"), "{}", jet.sentence);
    assert_eq!(w.week("2026-02-09").level, Level::Red);

    // Sydney week: a red-eye into Thursday.
    let red_eye = w.flag("2026-02-16", RuleId::RedEyeWork).expect("red-eye into Sydney");
    assert_eq!(red_eye.level, Level::Amber);
    assert!(red_eye.sentence.contains("(NRT\u{2192}SYD) lands Thu 19 Feb"), "{}", red_eye.sentence);

    // Nights away build up: 16 by Sunday 22 Feb, 21 by Sunday 1 Mar.
    assert_eq!(w.level("2026-02-16", RuleId::NightsAway), Some(Level::Amber));
    let nights = w.flag("2026-02-23", RuleId::NightsAway).expect("nights away");
    assert_eq!(nights.level, Level::Red);
    assert_eq!(nights.sentence, "21 nights away from home in the 30 days to Sun 1 Mar");
    let long = w.flag("2026-02-23", RuleId::LongStretch).expect("long trip");
    assert_eq!(long.level, Level::Red);
    assert!(long.sentence.contains("\u{201c}APAC tour\u{201d} keeps you 21 nights away"), "{}", long.sentence);
    // Three weekend days travelling: Sat 7, Sun 8 and Sat 28 Feb.
    let owed = w.flag("2026-02-23", RuleId::WeekendOwed).expect("weekend days owed");
    assert_eq!(owed.level, Level::Red);
    assert!(owed.sentence.starts_with("3 weekend days"), "{}", owed.sentence);
    assert_eq!(w.week("2026-02-23").level, Level::Red);

    // The week back: 7 days of recovery from 10 zones west, at 80 % capacity,
    // with the recap due on day 4.
    let back = w.week("2026-03-02");
    assert_eq!(back.available_hours, 32.0);
    let jet = w.flag("2026-03-02", RuleId::JetLag).expect("jet lag at home");
    assert_eq!(jet.level, Level::Amber);
    assert_eq!(
        jet.sentence,
        "jet lag after SYD\u{2192}BER (10 zones west, 7 days recovery from Sat 28 Feb): draft of \u{201c}APAC tour recap\u{201d} due on day 4"
    );
    assert_eq!(w.level("2026-03-02", RuleId::DeadlineOnTravel), Some(Level::Amber));

    // What a manager sees on the last day of the tour.
    let person =
        compute_person(&w.input(), &w.people[0], Horizon { from: d("2026-02-02"), weeks: 6, as_of: d("2026-02-28") });
    assert_eq!((person.nights_away_30d, person.trip_weeks_this_year, person.days_off_owed), (21, 4, 3));
    let levels: Vec<Level> = person.weeks.iter().map(|w| w.level).collect();
    assert_eq!(levels[1..5], [Level::Red; 4], "{levels:?}");
}

#[test]
fn back_to_back_trips() {
    let mut w = World::new();
    let trip = |w: &mut World, title: &str, to: &str, out: &str, back: &str| {
        w.trip(
            title,
            &[
                ("BER", to, &format!("{out}T08:00:00"), &format!("{out}T09:30:00")),
                (to, "BER", &format!("{back}T17:00:00"), &format!("{back}T19:30:00")),
            ],
        );
    };
    // A week in Amsterdam, home Friday; London from Monday, home Friday; Lisbon from Wednesday.
    trip(&mut w, "KubeCon EU", "AMS", "2026-03-02", "2026-03-06");
    trip(&mut w, "Devoxx UK", "LHR", "2026-03-09", "2026-03-13");
    trip(&mut w, "Lisbon summit", "LIS", "2026-03-18", "2026-03-20");

    let first = w.flag("2026-03-09", RuleId::BackToBack).expect("London straight after Amsterdam");
    assert_eq!(first.level, Level::Red);
    assert_eq!(
        first.sentence,
        "leaves for \u{201c}Devoxx UK\u{201d} 0 working days after 4 nights away on \u{201c}KubeCon EU\u{201d}"
    );
    let second = w.flag("2026-03-16", RuleId::BackToBack).expect("Lisbon two days after London");
    assert_eq!(second.level, Level::Amber);
    assert_eq!(
        second.sentence,
        "leaves for \u{201c}Lisbon summit\u{201d} 2 working days after 4 nights away on \u{201c}Devoxx UK\u{201d}"
    );
    // Two travel days: 2.5 h in the air out (an hour back to London time) and 1.5 h
    // home, each with 2.5 h to and from the airports: 5 h and the 4 h minimum.
    let london = w.week("2026-03-09");
    assert_eq!((london.nights_away, london.planned.travel), (4, 9.0));
    assert_eq!(w.week("2026-03-16").nights_away, 2);
    assert_eq!(w.level("2026-03-16", RuleId::NightsAway), None);
    assert_eq!(w.week("2026-03-09").level, Level::Red);

    // Leaving for Lisbon a day later gives three working days at home: no flag.
    w.trips.pop();
    trip(&mut w, "Lisbon summit", "LIS", "2026-03-19", "2026-03-20");
    assert_eq!(w.level("2026-03-16", RuleId::BackToBack), None);
}

#[test]
fn a_sixty_hour_week_of_imported_meetings() {
    let mut w = World::new();
    // Twelve hours a day from another calendar, in UTC: 08:00 to 20:00 in Berlin,
    // from the early stand-up to the calls with San Francisco.
    for day in ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] {
        w.busy("Stand-up and reviews", &format!("{day}T07:00:00Z"), &format!("{day}T11:00:00Z"));
        w.busy("Planning", &format!("{day}T11:00:00Z"), &format!("{day}T15:00:00Z"));
        w.busy("Calls with SF", &format!("{day}T15:00:00Z"), &format!("{day}T19:00:00Z"));
    }
    let week = w.week("2026-03-02");
    assert_eq!((week.planned.meetings, week.planned_hours, week.load_percent), (60.0, 60.0, Some(150.0)));
    // 08:00 to 09:00 and 17:00 to 20:00 each day are outside the working day.
    assert_eq!(week.after_hours, 20.0);
    assert_eq!(week.focus_hours, 0.0);
    assert_eq!(week.level, Level::Red);

    let long = w.flag("2026-03-02", RuleId::LongWeek).expect("long week");
    assert_eq!((long.level, long.sentence.as_str()), (Level::Red, "60 h planned this week"));
    let load = w.flag("2026-03-02", RuleId::LoadPercent).expect("load");
    assert_eq!(load.level, Level::Red);
    assert_eq!(load.sentence, "60 h planned against 40 h available (150 %)");
    let after = w.flag("2026-03-02", RuleId::AfterHours).expect("after hours");
    assert_eq!(after.level, Level::Red);
    assert!(after.sentence.starts_with("20 h planned after hours"), "{}", after.sentence);
    // Meetings only: no preparation is due, so no focus flag, and the three reds come first.
    assert_eq!(w.level("2026-03-02", RuleId::FocusTime), None);
    let top: Vec<RuleId> = week.flags.iter().take(3).map(|f| f.rule).collect();
    assert_eq!(top, [RuleId::LoadPercent, RuleId::LongWeek, RuleId::AfterHours]);
    // A blog post due that Friday finds no block of two free hours.
    w.content("Release notes", 4.0, "2026-03-06");
    let focus = w.flag("2026-03-02", RuleId::FocusTime).expect("focus");
    assert_eq!(focus.level, Level::Red);
    assert_eq!(focus.sentence, "0 h of focus time in blocks of 2 h or more for 4 h of preparation and writing");
}
