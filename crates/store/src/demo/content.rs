//! The sample team's content calendar: recaps and videos after the events they
//! spoke at (made by the same repurposing chain the window offers), each
//! advocate's own pieces every few weeks, and a fortnightly newsletter. Status
//! follows the dates, with a few drafts running late as they do.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::{DemoOptions, id};
use crate::domain::follow_up::{self, FollowUpPlan};
use crate::domain::{ContentInput, ContentItem, ContentKind, ContentStatus, EventStatus, ParticipationRole, Person};
use crate::plan_file::Plan;

const TOPICS: &[(&str, &str)] = &[
    ("Rust error handling", "rust"),
    ("Kubernetes cost controls", "kubernetes"),
    ("Postgres indexing", "postgres"),
    ("WebAssembly components", "wasm"),
    ("OpenTelemetry tracing", "observability"),
    ("evaluating LLM features", "ai"),
    ("GraphQL federation", "graphql"),
    ("edge functions", "serverless"),
    ("CI caching", "ci"),
    ("offline sync on mobile", "mobile"),
];

/// The kinds an advocate's own pieces rotate through.
const ROTATION: &[ContentKind] = &[
    ContentKind::BlogPost,
    ContentKind::Tutorial,
    ContentKind::Video,
    ContentKind::DocsPage,
    ContentKind::BlogPost,
    ContentKind::SampleApp,
    ContentKind::SocialThread,
    ContentKind::Podcast,
];

pub fn content(plan: &Plan, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Vec<ContentItem> {
    let mut out = follow_ups(plan, options, rng, stamp);
    let mut topic = 0;
    for (i, person) in plan.people.iter().enumerate() {
        if person.role.contains("Community") {
            out.extend(newsletters(person, options, rng, stamp));
            continue;
        }
        // Managers write less; advocates about one piece every three weeks.
        let every = if person.role.contains("Manager") { 6 } else { 3 };
        let mut week = (i % 3) as u64;
        let mut n = i;
        while week < u64::from(options.weeks) {
            let kind = ROTATION[n % ROTATION.len()];
            let (subject, tag) = TOPICS[topic % TOPICS.len()];
            let due = options.from + Days::new(week * 7 + rng.random_range(0..5));
            let publish = due + Days::new(rng.random_range(2..=6));
            let input = ContentInput {
                title: title(kind, subject),
                kind,
                channel: channel(kind, rng).to_string(),
                finished_minutes: (kind == ContentKind::Video).then(|| rng.random_range(4..=10)),
                tags: vec![tag.to_string()],
                ..dated(person, due, publish)
            };
            out.push(with_status(input, options.today, rng, stamp));
            week += every + rng.random_range(0..2);
            n += 1;
            topic += 1;
        }
    }
    running_late(&mut out, options.today);
    out
}

/// Plans slip: the advocate piece due most recently before `today` is still
/// being drafted, unless the dice already made something late.
fn running_late(items: &mut [ContentItem], today: NaiveDate) {
    if items.iter().any(|c| c.overdue(today).is_some()) {
        return;
    }
    let latest = items
        .iter_mut()
        .filter(|c| c.kind != ContentKind::Newsletter && c.due_on.is_some_and(|d| d < today))
        .max_by_key(|c| c.due_on);
    if let Some(item) = latest {
        item.status = ContentStatus::Drafting;
        item.published_url.clear();
    }
}

/// A recap, and for conference talks a video, after each event a teammate
/// spoke at that is done or confirmed.
fn follow_ups(plan: &Plan, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Vec<ContentItem> {
    let mut out = vec![];
    for event in plan.events.iter().filter(|e| matches!(e.status, EventStatus::Done | EventStatus::Confirmed)) {
        let Some(speaker) = plan
            .participations
            .iter()
            .find(|p| p.event_id == event.id && p.role == ParticipationRole::Speaker)
            .and_then(|p| plan.people.iter().find(|x| x.id == p.person_id))
        else {
            continue;
        };
        let talk = plan
            .submissions
            .iter()
            .find(|s| s.event_id == event.id && s.speaker_id == speaker.id)
            .and_then(|s| plan.talks.iter().find(|t| t.id == s.talk_id));
        let mut items = follow_up::defaults(event, talk);
        // The newsletter mention comes from the community manager's issue; keep recap and video.
        items.truncate(if talk.is_some() { 2 } else { 1 });
        let chain = FollowUpPlan { event_id: event.id, talk_id: talk.map(|t| t.id), owner_id: Some(speaker.id), items };
        let inputs = chain.contents(event, &speaker.timezone).expect("the default chain is valid");
        out.extend(inputs.into_iter().map(|c| with_status(c.into_inner(), options.today, rng, stamp)));
    }
    out
}

fn newsletters(owner: &Person, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Vec<ContentItem> {
    (0..options.weeks.div_ceil(2))
        .map(|n| {
            // Thursdays, fortnightly, the draft due two days before.
            let publish = options.from + Days::new(u64::from(n) * 14 + 3);
            let input = ContentInput {
                title: format!("Developer newsletter, {} {}", month(publish), publish.day()),
                kind: ContentKind::Newsletter,
                channel: "Newsletter".into(),
                tags: vec!["newsletter".into()],
                ..dated(owner, publish - Days::new(2), publish)
            };
            with_status(input, options.today, rng, stamp)
        })
        .collect()
}

/// An idea owned by `owner`, due and publishing on the given days (09:00 their time).
fn dated(owner: &Person, due: NaiveDate, publish: NaiveDate) -> ContentInput {
    ContentInput {
        id: None,
        title: String::new(),
        kind: ContentKind::BlogPost,
        owner_id: Some(owner.id),
        channel: String::new(),
        status: ContentStatus::Idea,
        due_on: Some(due),
        publish_at: Some(publish.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 exists"))),
        timezone: Some(owner.timezone.clone()),
        effort_hours: None,
        finished_minutes: None,
        draft_url: String::new(),
        published_url: String::new(),
        tags: vec![],
        event_id: None,
        talk_id: None,
        notes: String::new(),
    }
}

/// The status its dates suggest on `today`; a few pieces run late, as they do.
fn with_status(mut c: ContentInput, today: NaiveDate, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> ContentItem {
    let due = c.due_on.expect("demo items have a due day");
    let publish = c.publish_at.expect("demo items have a publish time").date();
    c.status = if publish < today {
        if rng.random_ratio(1, 30) {
            ContentStatus::Dropped
        } else if (today - publish).num_days() <= 7 && rng.random_ratio(1, 3) {
            // Last week's piece still waiting on review.
            ContentStatus::Review
        } else {
            ContentStatus::Published
        }
    } else if due < today {
        if rng.random_ratio(1, 4) { ContentStatus::Drafting } else { ContentStatus::Scheduled }
    } else if (due - today).num_days() <= 3 {
        // Some finish early.
        if rng.random_ratio(1, 3) { ContentStatus::Scheduled } else { ContentStatus::Review }
    } else if (due - today).num_days() <= 14 {
        ContentStatus::Drafting
    } else {
        ContentStatus::Idea
    };
    let slug: String = c.title.to_lowercase().chars().filter(char::is_ascii_alphanumeric).take(40).collect();
    if c.status != ContentStatus::Idea {
        c.draft_url = format!("https://docs.example.org/drafts/{slug}");
    }
    if c.status == ContentStatus::Published {
        c.published_url = format!("https://blog.example.org/{slug}");
    }
    let item = c.validate().expect("demo content is valid");
    item.into_item(id(rng), stamp, stamp)
}

fn title(kind: ContentKind, subject: &str) -> String {
    let capital = |s: &str| {
        let mut chars = s.chars();
        chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
    };
    match kind {
        ContentKind::BlogPost => format!("What we learned about {subject}"),
        ContentKind::Tutorial => format!("Tutorial: {subject} in 15 minutes"),
        ContentKind::Video => format!("{}, explained", capital(subject)),
        ContentKind::DocsPage => format!("Docs: {subject} quickstart"),
        ContentKind::SampleApp => format!("Sample app: {subject}"),
        ContentKind::SocialThread => format!("Thread: five tips on {subject}"),
        ContentKind::Podcast => format!("Podcast: {subject} with a customer"),
        ContentKind::Newsletter => format!("Newsletter: {subject}"),
    }
}

fn channel(kind: ContentKind, rng: &mut ChaCha8Rng) -> &'static str {
    match kind {
        ContentKind::BlogPost | ContentKind::Tutorial => {
            if rng.random_bool(0.7) {
                "Company blog"
            } else {
                "dev.to"
            }
        }
        ContentKind::Video => "YouTube",
        ContentKind::DocsPage => "Docs site",
        ContentKind::SampleApp => "GitHub",
        ContentKind::SocialThread => "LinkedIn",
        ContentKind::Podcast => "DevRel podcast",
        ContentKind::Newsletter => "Newsletter",
    }
}

fn month(day: NaiveDate) -> &'static str {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month0() as usize]
}
