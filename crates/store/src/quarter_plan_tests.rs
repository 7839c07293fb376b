//! The quarter plan on a small plan built through the store: every lane, goal
//! progress by stage, balance by function, and outcomes beside effort and cost.

use chrono::{NaiveDate, NaiveDateTime};
use uuid::Uuid;

use crate::Store;
use crate::domain::event::sample_input as event_input;
use crate::domain::person::sample_input as person_input;
use crate::domain::quarter::Quarter;
use crate::domain::quarter_plan::*;
use crate::domain::talk::sample_input as talk_input;
use crate::domain::trip::{CostCategory, CostLineInput, Payer, TripStatus, sample_input as trip_input};
use crate::domain::{
    ContentStatus, EventKind, EventStatus, ParticipantInput, ParticipationRole, SubmissionInput, SubmissionStatus,
    TimeOffInput, TimeOffKind,
};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

const TODAY: &str = "2026-03-20";

struct Fixture {
    store: Store,
    maya: Uuid,
    summit: Uuid,
    meetup: Uuid,
    talk: Uuid,
    submission: Uuid,
    post: Uuid,
}

/// Maya (40 h over five days: 8 h a day) speaks at a three-day summit she flew
/// to (1.5 h, 400 EUR), goes to a meetup, publishes a post, takes a day off;
/// the team considers a conference whose CFP closes in the quarter.
fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
    let maya = store.save_person(&person_input()).unwrap().id;
    let with = |role| ParticipantInput { person_id: maya, role };
    let mut e = event_input();
    e.status = EventStatus::Done;
    e.participants = vec![with(ParticipationRole::Speaker)];
    let summit = store.save_event(&e).unwrap().id;
    let mut m = event_input();
    m.name = "API Craft Meetup".into();
    m.kind = EventKind::Meetup;
    m.start_date = day("2026-02-05");
    m.end_date = day("2026-02-05");
    m.status = EventStatus::Confirmed;
    m.participants = vec![with(ParticipationRole::Attendee)];
    let meetup = store.save_event(&m).unwrap().id;
    let mut c = event_input();
    c.name = "Rust Systems Conf".into();
    c.start_date = day("2026-03-25");
    c.end_date = day("2026-03-26");
    c.cfp_deadline = Some(at("2026-02-28T23:59:00"));
    store.save_event(&c).unwrap();

    let mut t = talk_input();
    t.owner_id = Some(maya);
    let talk = store.save_talk(&t).unwrap().id;
    let submission = store
        .save_submission(&SubmissionInput {
            id: None,
            talk_id: talk,
            event_id: summit,
            speaker_id: maya,
            status: SubmissionStatus::Accepted,
            submitted_on: Some(day("2026-01-05")),
            decided_on: Some(day("2026-01-20")),
            title: t.title.clone(),
            abstract_text: t.abstract_text.clone(),
            notes: String::new(),
        })
        .unwrap()
        .id;

    let mut post = crate::domain::content::sample_input();
    post.owner_id = Some(maya);
    post.status = ContentStatus::Published;
    post.due_on = Some(day("2026-03-12"));
    post.publish_at = Some(at("2026-03-16T09:00:00"));
    post.effort_hours = Some(5.0);
    let post = store.save_content(&post).unwrap().id;

    let mut trip = trip_input(maya);
    trip.status = TripStatus::Confirmed;
    trip.event_ids = vec![summit];
    trip.segments.truncate(1);
    trip.segments[0].from.text = "BER".into();
    trip.segments[0].to.text = "AMS".into();
    trip.segments[0].depart_at = at("2026-03-09T09:00:00");
    trip.segments[0].arrive_at = at("2026-03-09T10:30:00");
    trip.costs = vec![CostLineInput {
        id: None,
        category: CostCategory::Flight,
        description: String::new(),
        currency: "EUR".into(),
        planned: "400".into(),
        actual: String::new(),
        date: day("2026-02-01"),
        payer: Payer::Company,
    }];
    store.save_trip(&trip).unwrap();
    store
        .save_time_off(&TimeOffInput {
            id: None,
            person_id: maya,
            kind: TimeOffKind::Vacation,
            start_date: day("2026-02-16"),
            end_date: day("2026-02-20"),
            note: String::new(),
        })
        .unwrap();
    Fixture { store, maya, summit, meetup, talk, submission, post }
}

fn q1() -> Quarter {
    Quarter::parse("quarter", "2026Q1").unwrap()
}

fn goal(quarter: &str, person: Option<Uuid>, metric: GoalMetric, target: &str) -> GoalInput {
    GoalInput {
        id: None,
        quarter: quarter.into(),
        person_id: person,
        metric,
        target: target.into(),
        note: String::new(),
    }
}

#[test]
fn the_timeline_has_every_lane_with_travel_days_and_the_prep_window() {
    let f = fixture();
    let view = f.store.quarter_view(q1(), Some(f.maya), day(TODAY)).unwrap();
    assert_eq!(view.weeks.len(), 14, "Q1 2026 touches 14 weeks, from Mon 29 Dec");
    assert_eq!(view.weeks[0], day("2025-12-29"));
    assert_eq!(view.load.len(), view.weeks.len());
    let lane = |k: LaneKind| view.lanes.iter().find(|l| l.kind == k).unwrap();
    let summit = lane(LaneKind::Events).items.iter().find(|i| i.opens.id == f.summit).unwrap();
    assert_eq!(
        (summit.lead_from, summit.start, summit.end),
        (Some(day("2026-03-09")), day("2026-03-10"), day("2026-03-12"))
    );
    assert_eq!(summit.stage, Stage::Done);
    let talk = &lane(LaneKind::Talks).items[0];
    assert_eq!(talk.opens.id, f.submission);
    assert_eq!(talk.start, day("2026-03-10"));
    assert!(talk.lead_from.unwrap() < talk.start, "the preparation window runs before the talk");
    assert_eq!(lane(LaneKind::Content).items[0].opens.id, f.post);
    let cfp = &lane(LaneKind::Cfp).items[0];
    assert_eq!((cfp.label.as_str(), cfp.start), ("CFP: Rust Systems Conf", day("2026-02-28")));
    assert_eq!(lane(LaneKind::TimeOff).items.len(), 1);
    assert!(
        !lane(LaneKind::Events).items.iter().any(|i| i.label == "Rust Systems Conf"),
        "an event Maya has no part in is not on her timeline"
    );
    let team = f.store.quarter_view(q1(), None, day(TODAY)).unwrap();
    assert_eq!(team.scope_name, "Team");
    assert!(
        team.lanes[0].items.len() > lane(LaneKind::Events).items.len(),
        "the team sees the considered conference too"
    );
}

#[test]
fn goals_count_planned_confirmed_and_done_and_show_the_gap() {
    let mut f = fixture();
    f.store.save_goal(&goal("2026Q1", Some(f.maya), GoalMetric::Talks, "2")).unwrap();
    f.store.save_goal(&goal("2026Q1", Some(f.maya), GoalMetric::Meetups, "1")).unwrap();
    f.store.save_goal(&goal("2026Q1", None, GoalMetric::Posts, "1")).unwrap();
    // Before the meetup, it is confirmed but not done.
    let early = f.store.quarter_view(q1(), Some(f.maya), day("2026-02-01")).unwrap();
    let meetups = early.goals.iter().find(|g| g.goal.metric == GoalMetric::Meetups).unwrap();
    assert_eq!((meetups.planned, meetups.confirmed, meetups.done, meetups.state), (1, 1, 0, GoalState::OnTrack));

    let view = f.store.quarter_view(q1(), Some(f.maya), day(TODAY)).unwrap();
    assert_eq!(view.goals.len(), 2, "the team's goal is not Maya's");
    let talks = view.goals.iter().find(|g| g.goal.metric == GoalMetric::Talks).unwrap();
    assert_eq!((talks.planned, talks.confirmed, talks.done, talks.gap), (1, 1, 1, 1));
    assert_eq!(talks.state, GoalState::Short);
    assert_eq!(talks.sentence, "1 planned of 2 (1 short); 1 confirmed, 1 done");
    assert_eq!(talks.items, vec!["Zero to Production with Rust at Cloud Native Summit".to_string()]);
    let team = f.store.quarter_view(q1(), None, day(TODAY)).unwrap();
    assert_eq!(team.goals[0].state, GoalState::Met, "the published post meets the team's goal of one");
    // Next quarter has no goals.
    assert!(f.store.quarter_view(q1().next(), Some(f.maya), day(TODAY)).unwrap().goals.is_empty());
}

#[test]
fn balance_shares_hours_by_function_and_follows_a_chosen_function() {
    let mut f = fixture();
    f.store
        .save_target_mix(&TargetMixInput {
            quarter: "2026Q1".into(),
            person_id: None,
            engagement: "25".into(),
            education: "25".into(),
            advocacy: "25".into(),
            outreach: "25".into(),
        })
        .unwrap();
    let view = f.store.quarter_view(q1(), Some(f.maya), day(TODAY)).unwrap();
    let share = |v: &QuarterView, fun: DevrelFunction| v.balance.functions[fun.index()].clone();
    // Three days at the summit (8 h each), the 1.5 h flight and the 5 h post; a day at the meetup.
    assert_eq!(share(&view, DevrelFunction::Outreach).hours, 30.5);
    assert_eq!(share(&view, DevrelFunction::Engagement).hours, 8.0);
    let education = share(&view, DevrelFunction::Education).hours;
    assert!(education > 5.0, "the talk's preparation: {education}");
    let sum: f64 = view.balance.functions.iter().map(|f| f.percent).sum();
    assert!((sum - 100.0).abs() < 0.2, "{sum}");
    assert_eq!(view.balance.mix_source, "the team's");
    assert_eq!(share(&view, DevrelFunction::Advocacy).target, Some(25));

    f.store
        .set_function(&FunctionChoice {
            activity: ActivityRef::Event(f.summit),
            function: Some(DevrelFunction::Advocacy),
        })
        .unwrap();
    let moved = f.store.quarter_view(q1(), Some(f.maya), day(TODAY)).unwrap();
    assert_eq!(share(&moved, DevrelFunction::Outreach).hours, 5.0);
    assert_eq!(share(&moved, DevrelFunction::Advocacy).hours, 25.5);
    let summit = moved.balance.activities.iter().find(|a| a.activity == ActivityRef::Event(f.summit)).unwrap();
    assert_eq!((summit.function, summit.default_function), (DevrelFunction::Advocacy, DevrelFunction::Outreach));
    f.store.set_function(&FunctionChoice { activity: ActivityRef::Event(f.summit), function: None }).unwrap();
    let back = f.store.quarter_view(q1(), Some(f.maya), day(TODAY)).unwrap();
    assert_eq!(share(&back, DevrelFunction::Outreach).hours, 30.5, "no choice: the kind's default again");
    assert!(f.store.activity_functions().unwrap().is_empty());
    let _ = (f.meetup, f.talk);
}

#[test]
fn outcomes_sit_beside_effort_and_cost() {
    let mut f = fixture();
    let before = f.store.quarter_view(q1(), Some(f.maya), day(TODAY)).unwrap();
    assert_eq!(before.impact.awaiting, 4, "summit, meetup, talk and post are done, none recorded");
    let input = |of, attendance: Option<&str>, views: Option<&str>| OutcomeInput {
        id: None,
        of,
        attendance: attendance.map(String::from),
        rating: None,
        views: views.map(String::from),
        signups: None,
        leads: Some("12".into()),
        feedback_items: None,
        notes: String::new(),
        recorded_on: day(TODAY),
    };
    f.store.save_outcome(&input(OutcomeOf::Event(f.summit), Some("200"), None)).unwrap();
    f.store.save_outcome(&input(OutcomeOf::Content(f.post), None, Some("2500"))).unwrap();
    let view = f.store.quarter_view(q1(), Some(f.maya), day(TODAY)).unwrap();
    assert_eq!(view.impact.awaiting, 2);
    let summit = view.impact.rows.iter().find(|r| r.of == OutcomeOf::Event(f.summit)).unwrap();
    assert_eq!(summit.cost_minor, Some(40_000));
    assert_eq!(summit.cost_per_attendee_minor, Some(200), "400 EUR over 200 people: 2 EUR each");
    let post = view.impact.rows.iter().find(|r| r.of == OutcomeOf::Content(f.post)).unwrap();
    assert_eq!(post.hours_per_view, Some(5.0 / 2500.0));
    let t = &view.impact.totals;
    assert_eq!((t.attendance, t.views, t.leads, t.cost_minor), (200, 2500, 24, 40_000));
    assert_eq!(t.cost_per_attendee_minor, Some(200));

    // A second outcome for the same record replaces the first.
    f.store.save_outcome(&input(OutcomeOf::Event(f.summit), Some("250"), None)).unwrap();
    assert_eq!(f.store.outcomes().unwrap().len(), 2);
    // Deleting the event takes its outcome along (a real foreign key).
    f.store.delete_event(f.summit).unwrap();
    assert_eq!(f.store.outcomes().unwrap().len(), 1);
}

#[test]
fn bad_input_is_refused_naming_the_field_and_nothing_is_written() {
    let mut f = fixture();
    for (target, field) in [("-1", "target"), ("2.5", "target"), ("lots", "target")] {
        let e = f.store.save_goal(&goal("2026Q1", None, GoalMetric::Talks, target)).unwrap_err();
        assert!(matches!(&e, crate::Error::Invalid { field: got, .. } if got == field), "{target}: {e}");
    }
    let e = f.store.save_goal(&goal("2026Q5", None, GoalMetric::Talks, "3")).unwrap_err();
    assert!(matches!(&e, crate::Error::Invalid { field, .. } if field == "quarter"), "{e}");
    let e = f
        .store
        .save_target_mix(&TargetMixInput {
            quarter: "2026Q1".into(),
            person_id: None,
            engagement: "30".into(),
            education: "30".into(),
            advocacy: "30".into(),
            outreach: "30".into(),
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "mix: the shares add up to 120 %; a target mix adds up to 100 %");
    let e = f
        .store
        .save_outcome(&OutcomeInput {
            id: None,
            of: OutcomeOf::Event(f.summit),
            attendance: Some("-5".into()),
            rating: None,
            views: None,
            signups: None,
            leads: None,
            feedback_items: None,
            notes: String::new(),
            recorded_on: day(TODAY),
        })
        .unwrap_err();
    assert!(e.to_string().starts_with("attendance: -5 is negative"), "{e}");
    let e = f
        .store
        .set_function(&FunctionChoice {
            activity: ActivityRef::Talk(Uuid::now_v7()),
            function: Some(DevrelFunction::Outreach),
        })
        .unwrap_err();
    assert!(e.to_string().starts_with("activity: no talk with id"), "{e}");
    assert!(f.store.goals().unwrap().is_empty() && f.store.target_mixes().unwrap().is_empty());
    assert!(f.store.outcomes().unwrap().is_empty() && f.store.activity_functions().unwrap().is_empty());
}

#[test]
fn a_goal_set_again_replaces_it_and_a_deleted_goal_comes_back_with_undo() {
    let mut f = fixture();
    let first = f.store.save_goal(&goal("2026Q1", Some(f.maya), GoalMetric::Talks, "2")).unwrap();
    let again = f.store.save_goal(&goal("2026Q1", Some(f.maya), GoalMetric::Talks, "4")).unwrap();
    assert_eq!((again.id, again.target), (first.id, 4));
    assert_eq!(f.store.goals().unwrap().len(), 1);
    let deleted = f.store.delete_goal(first.id).unwrap();
    assert!(f.store.goals().unwrap().is_empty());
    f.store.restore(&deleted).unwrap();
    assert_eq!(f.store.goals().unwrap(), vec![again]);
}
