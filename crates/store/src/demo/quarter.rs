//! The sample team's quarter plan: the quarter before the one planned, done
//! (its events, talks and posts, with their outcomes), and goals, target mixes,
//! chosen functions and outcomes for both quarters. A generator of its own, so
//! that the rest of the sample plan (and its ids) stays as it was.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::{DemoOptions, EVENTS, event, id, monday_of, participants};
use crate::domain::quarter::Quarter;
use crate::domain::quarter_plan::{
    ActivityFunction, ActivityRef, DevrelFunction, Goal, GoalMetric, Outcome, OutcomeOf, TargetMix,
};
use crate::domain::{
    ContentInput, ContentItem, ContentKind, ContentStatus, Event, EventKind, EventStatus, ParticipationRole,
    Submission, SubmissionStatus, Talk, TalkFormat, TalkLevel, TalkStatus, TalkVersion,
};
use crate::plan_file::Plan;

/// Talks given only in the past quarter, so that this quarter's talks stay new.
const PAST_TALKS: &[(&str, TalkFormat, u16)] = &[
    ("Shipping Faster with Feature Flags", TalkFormat::Talk, 30),
    ("Observability from Day One", TalkFormat::Talk, 40),
    ("Hands-on: Your First Plugin", TalkFormat::Workshop, 120),
];
const PAST_CONTENT: &[(&str, ContentKind, u64)] = &[
    ("What we learned shipping feature flags", ContentKind::BlogPost, 2),
    ("Tracing a request end to end", ContentKind::Tutorial, 4),
    ("Plugin workshop recording", ContentKind::Video, 6),
    ("Community roundup", ContentKind::BlogPost, 9),
];

/// The quarter the sample plan is about: the one its first full week falls in.
pub fn planned_quarter(options: &DemoOptions) -> Quarter {
    Quarter::of(options.from + Days::new(6))
}

pub fn add(plan: &mut Plan, options: &DemoOptions, stamp: DateTime<Utc>) {
    if plan.people.is_empty() {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x0051_5541_5254_4552);
    let current = planned_quarter(options);
    let past = current.previous();
    add_past_quarter(plan, past, options, &mut rng, stamp);
    add_goals(plan, past, current, &mut rng, stamp);
    add_mixes(plan, past, current, stamp);
    add_functions(plan, current);
    add_outcomes(plan, options.today, &mut rng, stamp);
}

fn add_past_quarter(plan: &mut Plan, past: Quarter, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) {
    let earlier = DemoOptions { from: monday_of(past.first_day()) + Days::new(7), weeks: 11, ..options.clone() };
    let templates = [
        EVENTS.iter().find(|t| t.1 == EventKind::Conference),
        EVENTS.iter().find(|t| t.1 == EventKind::Meetup),
        EVENTS.iter().find(|t| t.1 == EventKind::Workshop),
        EVENTS.iter().filter(|t| t.1 == EventKind::Conference).nth(1),
        EVENTS.iter().filter(|t| t.1 == EventKind::Meetup).nth(1),
    ];
    let mut talks_given = 0;
    for template in templates.into_iter().flatten() {
        let mut e: Event = event(*template, &earlier, rng, stamp);
        e.status = EventStatus::Done;
        e.cfp_deadline = None;
        e.cfp_timezone = None;
        e.cfp_url = String::new();
        let mut people = participants(&e, plan, rng, stamp);
        if matches!(e.kind, EventKind::Conference | EventKind::Workshop) && talks_given < PAST_TALKS.len() {
            let at = people.iter().position(|p| p.role == ParticipationRole::Speaker).unwrap_or(0);
            if let Some(speaker) = people.get_mut(at) {
                speaker.role = ParticipationRole::Speaker;
                let (title, format, minutes) = PAST_TALKS[talks_given];
                talks_given += 1;
                give_talk(plan, &e, speaker.person_id, title, format, minutes, rng, stamp);
            }
        }
        plan.participations.extend(people);
        plan.events.push(e);
    }
    for (i, (title, kind, week)) in PAST_CONTENT.iter().enumerate() {
        let owner = &plan.people[i % plan.people.len()];
        let publish = monday_of(past.first_day()) + Days::new(week * 7 + 1);
        let input = ContentInput {
            id: None,
            title: (*title).to_string(),
            kind: *kind,
            owner_id: Some(owner.id),
            channel: if *kind == ContentKind::Video { "YouTube" } else { "Company blog" }.to_string(),
            status: ContentStatus::Published,
            due_on: Some(publish - Days::new(4)),
            publish_at: Some(publish.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 exists"))),
            timezone: Some(owner.timezone.clone()),
            effort_hours: None,
            finished_minutes: None,
            draft_url: String::new(),
            published_url: format!("https://blog.example.org/{}", crate::files::slug(title)),
            tags: vec![],
            event_id: None,
            talk_id: None,
            notes: String::new(),
        };
        let item: ContentItem = input.validate().expect("demo content is valid").into_item(id(rng), stamp, stamp);
        plan.content.push(item);
    }
    plan.events.sort_by_key(|e| (e.start_date, e.name.clone()));
}

#[allow(clippy::too_many_arguments)]
fn give_talk(
    plan: &mut Plan,
    at: &Event,
    speaker: Uuid,
    title: &str,
    format: TalkFormat,
    minutes: u16,
    rng: &mut ChaCha8Rng,
    stamp: DateTime<Utc>,
) {
    let talk = Talk {
        id: id(rng),
        title: title.to_string(),
        abstract_text: format!("{title}: what the team learned, and how to start."),
        duration_minutes: minutes,
        format,
        level: TalkLevel::Intermediate,
        tags: vec![],
        status: TalkStatus::Ready,
        owner_id: Some(speaker),
        notes: String::new(),
        created_at: stamp,
        updated_at: stamp,
    };
    let version = TalkVersion {
        id: id(rng),
        talk_id: talk.id,
        number: 1,
        title: talk.title.clone(),
        abstract_text: talk.abstract_text.clone(),
        created_at: stamp,
        updated_at: stamp,
    };
    plan.submissions.push(Submission {
        id: id(rng),
        talk_id: talk.id,
        version_id: version.id,
        event_id: at.id,
        speaker_id: speaker,
        status: SubmissionStatus::Confirmed,
        submitted_on: Some(at.start_date - Days::new(70)),
        decided_on: Some(at.start_date - Days::new(40)),
        notes: String::new(),
        created_at: stamp,
        updated_at: stamp,
    });
    plan.talks.push(talk);
    plan.talk_versions.push(version);
}

fn add_goals(plan: &mut Plan, past: Quarter, current: Quarter, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) {
    let mut goal = |quarter: Quarter, person_id: Option<Uuid>, metric: GoalMetric, target: u32, note: &str| Goal {
        id: id(rng),
        quarter,
        person_id,
        metric,
        target,
        note: note.to_string(),
        created_at: stamp,
        updated_at: stamp,
    };
    let mut goals = vec![
        goal(past, None, GoalMetric::Talks, 3, ""),
        goal(past, None, GoalMetric::Meetups, 2, ""),
        goal(past, None, GoalMetric::Posts, 4, "Two posts a month across the team"),
        goal(current, None, GoalMetric::Talks, 6, "Half of them at conferences new to us"),
        goal(current, None, GoalMetric::NewTalks, 2, ""),
        goal(current, None, GoalMetric::Workshops, 2, ""),
        goal(current, None, GoalMetric::Meetups, 3, "Community meetups in our home cities"),
        goal(current, None, GoalMetric::Posts, 10, ""),
    ];
    // The advocates each carry a share of the talks and the writing.
    let advocates: Vec<Uuid> =
        plan.people.iter().filter(|p| p.role.contains("Advocate")).map(|p| p.id).take(3).collect();
    for person in advocates {
        goals.push(goal(current, Some(person), GoalMetric::Talks, 2, ""));
        goals.push(goal(current, Some(person), GoalMetric::Posts, 2, ""));
    }
    plan.goals = goals;
}

fn add_mixes(plan: &mut Plan, past: Quarter, current: Quarter, stamp: DateTime<Utc>) {
    let mix = |quarter, person_id, [engagement, education, advocacy, outreach]: [u8; 4]| TargetMix {
        quarter,
        person_id,
        engagement,
        education,
        advocacy,
        outreach,
        updated_at: stamp,
    };
    plan.target_mixes = vec![mix(past, None, [25, 35, 15, 25]), mix(current, None, [30, 30, 15, 25])];
    // The community manager's quarter leans on engagement.
    if let Some(cm) = plan.people.iter().find(|p| p.role.contains("Community")) {
        plan.target_mixes.push(mix(current, Some(cm.id), [50, 20, 10, 20]));
    }
}

/// A keynote-like conference counted as advocacy, a newsletter as outreach: functions someone chose.
fn add_functions(plan: &mut Plan, current: Quarter) {
    let conference = plan.events.iter().find(|e| e.kind == EventKind::Conference && current.contains(e.start_date));
    let newsletter = plan.content.iter().find(|c| c.kind == ContentKind::Newsletter);
    plan.functions = conference
        .map(|e| ActivityFunction { activity: ActivityRef::Event(e.id), function: DevrelFunction::Advocacy })
        .into_iter()
        .chain(
            newsletter
                .map(|c| ActivityFunction { activity: ActivityRef::Content(c.id), function: DevrelFunction::Outreach }),
        )
        .collect();
}

/// Outcomes for what is done, except the latest event, talk and piece: those the app still asks for.
fn add_outcomes(plan: &mut Plan, today: NaiveDate, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) {
    let attended = |e: &Event| plan.participations.iter().any(|p| p.event_id == e.id);
    let mut events: Vec<&Event> =
        plan.events.iter().filter(|e| e.end_date < today && e.status == EventStatus::Done && attended(e)).collect();
    events.sort_by_key(|e| e.end_date);
    events.pop();
    let mut talks: Vec<(&Submission, NaiveDate)> = (plan.submissions.iter())
        .filter(|s| s.status.is_accepted())
        .filter_map(|s| {
            plan.events
                .iter()
                .find(|e| e.id == s.event_id && e.end_date < today && e.status == EventStatus::Done)
                .map(|e| (s, e.start_date))
        })
        .collect();
    talks.sort_by_key(|(_, d)| *d);
    talks.pop();
    let mut content: Vec<&ContentItem> = (plan.content.iter())
        .filter(|c| c.status == ContentStatus::Published && c.publish_at.is_some_and(|p| p.date() < today))
        .collect();
    content.sort_by_key(|c| c.publish_at);
    content.pop();

    let mut outcomes = vec![];
    let mut outcome =
        |of: OutcomeOf, day: NaiveDate, rng: &mut ChaCha8Rng, fill: &dyn Fn(&mut Outcome, &mut ChaCha8Rng)| {
            let mut o = Outcome {
                id: id(rng),
                of,
                attendance: None,
                rating: None,
                views: None,
                signups: None,
                leads: None,
                feedback_items: None,
                notes: String::new(),
                recorded_on: (day + Days::new(3)).min(today),
                created_at: stamp,
                updated_at: stamp,
            };
            fill(&mut o, rng);
            outcomes.push(o);
        };
    for e in events {
        let big = e.kind == EventKind::Conference;
        outcome(OutcomeOf::Event(e.id), e.end_date, rng, &|o, rng| {
            o.attendance = Some(if big { rng.random_range(30..=90) * 10 } else { rng.random_range(25..=90) });
            o.leads = Some(rng.random_range(3..=30));
            o.signups = Some(rng.random_range(5..=60));
            o.feedback_items = Some(rng.random_range(1..=8));
            o.notes = if big {
                "Busy booth on day one; ask for a bigger stand."
            } else {
                "Good questions, people stayed late."
            }
            .into();
        });
    }
    for (s, day) in talks {
        outcome(OutcomeOf::Submission(s.id), day, rng, &|o, rng| {
            o.attendance = Some(rng.random_range(4..=30) * 10);
            o.rating = Some(f64::from(rng.random_range(36..=49)) / 10.0);
            o.feedback_items = Some(rng.random_range(0..=4));
        });
    }
    for c in content {
        let day = c.publish_at.map_or(today, |p| p.date());
        outcome(OutcomeOf::Content(c.id), day, rng, &|o, rng| {
            o.views = Some(rng.random_range(3..=80) * 100);
            o.signups = Some(rng.random_range(0..=40));
        });
    }
    plan.outcomes = outcomes;
}
