//! A deterministic sample team: the same seed and dates always give the same
//! plan (same ids too), so running `demo` twice changes nothing. Written
//! through the plan import, in one transaction.

mod content;
mod quarter;
mod travel;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use crate::Result;
use crate::domain::bounds;
use crate::domain::quarter::Quarter;
use crate::domain::{
    Event, EventKind, EventStatus, Participation, ParticipationRole, Person, Ratings, Submission, SubmissionStatus,
    Talk, TalkFormat, TalkLevel, TalkStatus, TalkVersion, TimeOff, TimeOffKind, Weekday,
};
use crate::plan_file::Plan;
use crate::{ImportSummary, Store};

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub people: usize,
    /// How many weeks of plan to generate, from `from`.
    pub weeks: u32,
    pub seed: u64,
    /// First Monday of the plan.
    pub from: NaiveDate,
    /// Events before this date are done; near ones confirmed.
    pub today: NaiveDate,
}

impl DemoOptions {
    /// Six people, this quarter (from the Monday of its first week), seed 42.
    pub fn for_today(today: NaiveDate) -> DemoOptions {
        DemoOptions { people: 6, weeks: 13, seed: 42, from: monday_of(Quarter::of(today).first_day()), today }
    }
}

pub use crate::domain::load::monday as monday_of;

/// Fills the store with the sample team; returns what was added.
pub fn fill(store: &mut Store, options: &DemoOptions) -> Result<ImportSummary> {
    options.check()?;
    store.import_plan(&plan(options))
}

/// The sample plan reaches this far around its weeks: past quarters' talks, trips booked
/// weeks ahead, next quarter's calls for papers.
const DEMO_MARGIN_DAYS: i64 = 200;

impl DemoOptions {
    /// The sample plan, margins included, must lie in the plan's range of days.
    fn check(&self) -> Result<()> {
        let first = bounds::shift(self.from.min(self.today), -DEMO_MARGIN_DAYS);
        let last = bounds::shift(self.from.max(self.today), i64::from(self.weeks) * 7 + DEMO_MARGIN_DAYS);
        if !bounds::in_range(first) || !bounds::in_range(last) {
            return Err(crate::Error::invalid(
                "from",
                format!("the sample plan would run from {first} to {last}; its days {}", bounds::range_message()),
            ));
        }
        Ok(())
    }
}

/// The sample plan itself, without touching any store.
pub fn plan(options: &DemoOptions) -> Plan {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let stamp = Utc.from_utc_datetime(&options.from.and_time(NaiveTime::MIN));
    let mut plan = Plan::new(None);
    plan.exported_at = stamp;
    plan.people = (0..options.people).map(|i| person(i, &mut rng, stamp)).collect();
    plan.time_off = plan.people.iter().flat_map(|p| time_off(p, options, &mut rng, stamp)).collect();

    let event_count = (options.people * options.weeks as usize).div_ceil(5).max(1);
    // Walk the templates in a shuffled order so a quarter rarely repeats an event.
    let mut order: Vec<usize> = (0..EVENTS.len()).collect();
    order.shuffle(&mut rng);
    for i in 0..event_count {
        let event = event(EVENTS[order[i % order.len()]], options, &mut rng, stamp);
        let speakers = participants(&event, &plan, &mut rng, stamp);
        plan.participations.extend(speakers);
        plan.events.push(event);
    }
    // Next quarter's candidates: conferences whose calls for papers close in the coming weeks.
    let candidates: Vec<EventTemplate> = EVENTS.iter().copied().filter(|t| t.1 == EventKind::Conference).collect();
    for i in 0..options.people.div_ceil(2) {
        let template = candidates[(order[i % order.len()] + i) % candidates.len()];
        plan.events.push(candidate(template, options, &mut rng, stamp));
    }
    plan.events.sort_by_key(|e| (e.start_date, e.name.clone()));
    let mut next_template = 0;
    for owner in &plan.people {
        let theirs = talks(&mut next_template, owner, &mut rng, stamp);
        plan.talks.extend(theirs);
    }
    let (versions, submissions) = submissions(&plan, options, &mut rng, stamp);
    plan.talk_versions = versions;
    plan.submissions = submissions;
    plan.content = content::content(&plan, options, &mut rng, stamp);
    let travel = travel::travel(&plan, options, &mut rng, stamp);
    (plan.trips, plan.budgets, plan.rates) = (travel.trips, travel.budgets, travel.rates);
    plan.time_off.extend(travel.time_off);
    // Nobody books a holiday over their own trip: move it to the next free week.
    let busy = travel::busy_days(&plan, &plan.trips);
    for off in plan.time_off.iter_mut().filter(|o| o.kind == TimeOffKind::Vacation) {
        let Some(theirs) = busy.get(&off.person_id) else { continue };
        for _ in 0..options.weeks {
            if !off.start_date.iter_days().take_while(|d| *d <= off.end_date).any(|d| theirs.contains(&d)) {
                break;
            }
            off.start_date = off.start_date + Days::new(7);
            off.end_date = off.end_date + Days::new(7);
        }
    }
    quarter::add(&mut plan, options, stamp);
    plan
}

fn id(rng: &mut ChaCha8Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

const TEAM: &[(&str, &str, usize)] = &[
    ("Maya Okafor", "Lead Developer Advocate", 0),
    ("Diego Alvarez", "Developer Advocate", 1),
    ("Priya Raman", "Developer Advocate", 2),
    ("Sam Whitfield", "DevRel Manager", 3),
    ("Aiko Tanaka", "Developer Advocate", 4),
    ("Liam O'Connor", "Community Manager", 5),
];
const FIRST: &[&str] = &[
    "Ana", "Ben", "Chloé", "Dev", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kwame", "Lena", "Mateo", "Nia",
    "Omar", "Paula", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yusuf", "Zoë",
];
const LAST: &[&str] = &[
    "Andersen",
    "Bianchi",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Osei",
    "Petrov",
    "Quispe",
    "Rossi",
    "Silva",
    "Thompson",
    "Ueda",
    "Varga",
];
/// (city, country, IANA zone)
const CITIES: &[(&str, &str, &str)] = &[
    ("Berlin", "Germany", "Europe/Berlin"),
    ("Mexico City", "Mexico", "America/Mexico_City"),
    ("Bengaluru", "India", "Asia/Kolkata"),
    ("San Francisco", "United States", "America/Los_Angeles"),
    ("Tokyo", "Japan", "Asia/Tokyo"),
    ("Dublin", "Ireland", "Europe/Dublin"),
    ("Toronto", "Canada", "America/Toronto"),
    ("São Paulo", "Brazil", "America/Sao_Paulo"),
    ("Lagos", "Nigeria", "Africa/Lagos"),
    ("Sydney", "Australia", "Australia/Sydney"),
    ("Amsterdam", "Netherlands", "Europe/Amsterdam"),
    ("Singapore", "Singapore", "Asia/Singapore"),
    ("New York", "United States", "America/New_York"),
    ("Warsaw", "Poland", "Europe/Warsaw"),
];

fn person(i: usize, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Person {
    let (name, role, city) = match TEAM.get(i) {
        Some(&(name, role, city)) => (name.to_string(), role.to_string(), city),
        None => {
            let name = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / FIRST.len() + i) % LAST.len()]);
            let name = if i >= FIRST.len() * LAST.len() { format!("{name} {}", i) } else { name };
            (name, "Developer Advocate".to_string(), rng.random_range(0..CITIES.len()))
        }
    };
    let (home_city, _, timezone) = CITIES[city];
    let part_time = i % 5 == 4;
    let working_days = if part_time {
        vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu]
    } else {
        vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]
    };
    Person {
        id: id(rng),
        name,
        role,
        home_city: home_city.to_string(),
        timezone: timezone.to_string(),
        capacity_hours: if part_time { 32.0 } else { 40.0 },
        working_days,
        created_at: stamp,
        updated_at: stamp,
    }
}

fn time_off(p: &Person, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Vec<TimeOff> {
    let week = rng.random_range(0..options.weeks.max(1));
    let start = options.from + Days::new(u64::from(week) * 7);
    let length = rng.random_range(2..=4);
    vec![TimeOff {
        id: id(rng),
        person_id: p.id,
        kind: TimeOffKind::Vacation,
        start_date: start,
        end_date: start + Days::new(length),
        note: String::new(),
        created_at: stamp,
        updated_at: stamp,
    }]
}

/// (name, kind, city index or None for online, days)
const EVENTS: &[EventTemplate] = &[
    ("Cloud Native Summit", EventKind::Conference, Some(10), 3),
    ("DevOps Days", EventKind::Conference, Some(5), 2),
    ("JS Nation Live", EventKind::Conference, Some(10), 2),
    ("API Craft Meetup", EventKind::Meetup, Some(0), 1),
    ("Rust Systems Conf", EventKind::Conference, Some(3), 2),
    ("PyData Forum", EventKind::Conference, Some(2), 3),
    ("Mobile Dev Summit", EventKind::Conference, Some(11), 2),
    ("Open Source Night", EventKind::Meetup, Some(13), 1),
    ("Data Engineering Workshop", EventKind::Workshop, Some(12), 1),
    ("Hack the Harbour", EventKind::Hackathon, Some(9), 2),
    ("Platform Engineering Webinar", EventKind::Webinar, None, 1),
    ("Live Coding Hour", EventKind::Livestream, None, 1),
    ("Frontend Forward", EventKind::Conference, Some(7), 2),
    ("Kotlin & Java Days", EventKind::Conference, Some(13), 2),
    ("Security BSides", EventKind::Conference, Some(6), 1),
    ("AI Engineers Meetup", EventKind::Meetup, Some(4), 1),
    ("TechWeek Lagos", EventKind::Conference, Some(8), 3),
    ("GraphQL Summit", EventKind::Conference, Some(1), 2),
];

type EventTemplate = (&'static str, EventKind, Option<usize>, u64);

fn event(template: EventTemplate, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Event {
    let (name, kind, city, days) = template;
    let week = rng.random_range(0..options.weeks.max(1));
    // Conferences mostly run Tuesday to Thursday.
    let start = options.from + Days::new(u64::from(week) * 7 + rng.random_range(1..=3));
    let end = start + Days::new(days - 1);
    let status = status_for(start, end, options.today, rng);
    let (city, country, timezone) = match city {
        Some(i) => (CITIES[i].0.to_string(), CITIES[i].1.to_string(), Some(CITIES[i].2.to_string())),
        None => (String::new(), String::new(), None),
    };
    let cfp_deadline = (kind == EventKind::Conference).then(|| {
        let weeks_before = rng.random_range(6..=12);
        (start - Days::new(weeks_before * 7)).and_time(NaiveTime::from_hms_opt(23, 59, 0).expect("valid time"))
    });
    let slug: String = name.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    Event {
        id: id(rng),
        name: format!("{name} {}", start.year()),
        kind,
        start_date: start,
        end_date: end,
        online: timezone.is_none(),
        cfp_timezone: cfp_deadline.and_then(|_| if rng.random_bool(0.5) { timezone.clone() } else { None }),
        city,
        country,
        timezone,
        url: format!("https://{slug}.example.org/{}", start.year()),
        status,
        cfp_url: cfp_deadline.map(|_| format!("https://{slug}.example.org/cfp")).unwrap_or_default(),
        cfp_deadline,
        notes: String::new(),
        ratings: if kind == EventKind::Conference { ratings(rng) } else { Ratings::default() },
        created_at: stamp,
        updated_at: stamp,
    }
}

fn ratings(rng: &mut ChaCha8Rng) -> Ratings {
    let mut rate = || Some(rng.random_range(1..=5));
    Ratings { audience_fit: rate(), reach: rate(), cost: rate(), travel_burden: rate(), strategic_value: rate() }
}

/// A conference after the planned weeks, still being considered, its CFP closing 3–28 days after `today`.
fn candidate(template: EventTemplate, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Event {
    let mut event = event(template, options, rng, stamp);
    let week = u64::from(options.weeks) + rng.random_range(2..12);
    event.start_date = options.from + Days::new(week * 7 + rng.random_range(1..=3));
    event.end_date = event.start_date + Days::new(template.3 - 1);
    event.name = format!("{} {}", template.0, event.start_date.year());
    let closes = options.today + Days::new(rng.random_range(3..=28));
    event.cfp_deadline =
        Some(closes.min(event.start_date).and_time(NaiveTime::from_hms_opt(23, 59, 0).expect("valid time")));
    event.status = if rng.random_bool(0.6) { EventStatus::CfpOpen } else { EventStatus::Considering };
    event
}

fn status_for(start: NaiveDate, end: NaiveDate, today: NaiveDate, rng: &mut ChaCha8Rng) -> EventStatus {
    let roll = rng.random_range(0..10);
    if end < today {
        return if roll == 0 { EventStatus::Cancelled } else { EventStatus::Done };
    }
    if (start - today).num_days() <= 28 {
        return if roll < 7 { EventStatus::Confirmed } else { EventStatus::Accepted };
    }
    [
        EventStatus::Considering,
        EventStatus::CfpOpen,
        EventStatus::CfpOpen,
        EventStatus::Submitted,
        EventStatus::Submitted,
        EventStatus::Accepted,
        EventStatus::Waitlisted,
        EventStatus::Rejected,
        EventStatus::Confirmed,
        EventStatus::Considering,
    ][roll]
}

/// Who goes to `event`: a speaker (an organiser at a hackathon), sometimes a
/// teammate at the booth or co-organising. Nobody is sent to two events within
/// three days of each other while someone else is free.
fn participants(event: &Event, plan: &Plan, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Vec<Participation> {
    let people = &plan.people;
    if people.is_empty() {
        return vec![];
    }
    let near = |i: usize| {
        plan.participations.iter().filter(|p| p.person_id == people[i].id).any(|p| {
            plan.events.iter().any(|e| {
                e.id == p.event_id
                    && e.start_date <= event.end_date + Days::new(3)
                    && e.end_date + Days::new(3) >= event.start_date
            })
        })
    };
    let free_from = |start: usize, skip: Option<usize>| {
        (0..people.len()).map(|k| (start + k) % people.len()).find(|i| Some(*i) != skip && !near(*i))
    };
    let first = rng.random_range(0..people.len());
    let lead = free_from(first, None).unwrap_or(first);
    let lead_role = match event.kind {
        EventKind::Hackathon => ParticipationRole::Organiser,
        _ => ParticipationRole::Speaker,
    };
    let mut roles = vec![(lead, lead_role)];
    if event.kind == EventKind::Conference && people.len() > 1 && rng.random_bool(0.5) {
        let pick = (lead + 1 + rng.random_range(0..people.len() - 1)) % people.len();
        let helper = free_from(pick, Some(lead)).unwrap_or(pick);
        roles.push((helper, ParticipationRole::Booth));
    }
    if event.kind == EventKind::Meetup && people.len() > 1 && rng.random_bool(0.4) {
        let pick = (lead + 1) % people.len();
        roles.push((free_from(pick, Some(lead)).unwrap_or(pick), ParticipationRole::Organiser));
    }
    roles
        .into_iter()
        .map(|(who, role)| Participation {
            id: id(rng),
            event_id: event.id,
            person_id: people[who].id,
            role,
            created_at: stamp,
            updated_at: stamp,
        })
        .collect()
}

/// (title, abstract, format, minutes, level, tags)
type TalkTemplate = (&'static str, &'static str, TalkFormat, u16, TalkLevel, &'static [&'static str]);

const TALKS: &[TalkTemplate] = &[
    (
        "Zero to Production with Rust",
        "What it took to ship our first Rust service: the crates we chose, the mistakes we made, and the latency graphs that convinced the rest of the team.",
        TalkFormat::Talk,
        40,
        TalkLevel::Intermediate,
        &["rust", "backend"],
    ),
    (
        "Designing APIs Developers Love",
        "Naming, pagination, errors and versioning: a tour of API decisions seen from the developer's side of the screen, with real support tickets as evidence.",
        TalkFormat::Talk,
        30,
        TalkLevel::AllLevels,
        &["api", "dx"],
    ),
    (
        "Docs as a Product",
        "Treat documentation like a product: research, roadmaps, metrics. How we doubled task completion in our quickstarts.",
        TalkFormat::Talk,
        30,
        TalkLevel::Beginner,
        &["docs", "dx"],
    ),
    (
        "Observability in Ten Minutes",
        "Traces, metrics and logs wired into a sample app live on stage, before the timer runs out.",
        TalkFormat::Lightning,
        10,
        TalkLevel::Beginner,
        &["observability"],
    ),
    (
        "Build Your First Data Pipeline",
        "A hands-on workshop: ingest, clean and query a public dataset with open-source tools. Bring a laptop.",
        TalkFormat::Workshop,
        180,
        TalkLevel::Beginner,
        &["data", "python"],
    ),
    (
        "The Future of Developer Experience",
        "Where developer tooling is heading, what AI assistants change, and what they never will.",
        TalkFormat::Keynote,
        45,
        TalkLevel::AllLevels,
        &["dx", "ai"],
    ),
    (
        "Offline-First Mobile Apps",
        "Sync engines, conflict resolution and the UX of being offline, from a team that shipped one to a million devices.",
        TalkFormat::Talk,
        40,
        TalkLevel::Advanced,
        &["mobile", "sync"],
    ),
    (
        "Securing the Software Supply Chain",
        "Signed builds, provenance and dependency review: a practical path for teams without a security department.",
        TalkFormat::Talk,
        30,
        TalkLevel::Intermediate,
        &["security"],
    ),
    (
        "Community Is a Verb",
        "Lessons from running forty meetups in three countries: what brought people back, and what did not.",
        TalkFormat::Talk,
        25,
        TalkLevel::AllLevels,
        &["community"],
    ),
    (
        "Platform Teams, Golden Paths",
        "How a small platform team paved golden paths without blocking anyone; a panel of the people who walked them.",
        TalkFormat::Panel,
        45,
        TalkLevel::Intermediate,
        &["platform", "devops"],
    ),
    (
        "GraphQL Federation in Practice",
        "Splitting one graph across teams: schema ownership, composition checks and the performance traps.",
        TalkFormat::Talk,
        40,
        TalkLevel::Advanced,
        &["graphql", "api"],
    ),
    (
        "Kubernetes Costs, Explained",
        "Why the cluster bill grew and how we cut it by a third, one namespace at a time.",
        TalkFormat::Talk,
        30,
        TalkLevel::Intermediate,
        &["kubernetes", "cost"],
    ),
];

/// Two or three talks per person, taking the templates in turn, most of them ready.
fn talks(next_template: &mut usize, owner: &Person, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Vec<Talk> {
    let count = 2 + usize::from(rng.random_bool(0.5));
    (0..count)
        .map(|_| {
            let n = *next_template;
            *next_template += 1;
            let (title, summary, format, minutes, level, tags) = TALKS[n % TALKS.len()];
            let status = match rng.random_range(0..20) {
                0 => TalkStatus::Retired,
                1 | 2 => TalkStatus::Idea,
                3..=5 => TalkStatus::Drafting,
                _ => TalkStatus::Ready,
            };
            // Beyond the named templates, titles repeat; tell people's copies apart.
            let title = if n < TALKS.len() { title.to_string() } else { format!("{title} ({})", owner.name) };
            Talk {
                id: id(rng),
                title,
                abstract_text: summary.to_string(),
                duration_minutes: minutes,
                format,
                level,
                tags: tags.iter().map(|t| t.to_string()).collect(),
                status,
                owner_id: Some(owner.id),
                notes: String::new(),
                created_at: stamp,
                updated_at: stamp,
            }
        })
        .collect()
}

/// The submission status that matches where an event stands.
fn submission_status(event: EventStatus) -> SubmissionStatus {
    match event {
        EventStatus::Considering | EventStatus::CfpOpen => SubmissionStatus::Draft,
        EventStatus::Submitted => SubmissionStatus::Submitted,
        EventStatus::Accepted => SubmissionStatus::Accepted,
        EventStatus::Waitlisted => SubmissionStatus::Waitlisted,
        EventStatus::Rejected => SubmissionStatus::Rejected,
        EventStatus::Confirmed | EventStatus::Done => SubmissionStatus::Confirmed,
        EventStatus::Cancelled => SubmissionStatus::Withdrawn,
    }
}

/// A submission for each conference speaker, with one of their talks, plus
/// some turned-down ones from teammates so that acceptance rates vary.
fn submissions(
    plan: &Plan,
    options: &DemoOptions,
    rng: &mut ChaCha8Rng,
    stamp: DateTime<Utc>,
) -> (Vec<TalkVersion>, Vec<Submission>) {
    let mut versions: Vec<TalkVersion> = vec![];
    let mut out: Vec<Submission> = vec![];
    let mut drafter = 0;
    for event in plan.events.iter().filter(|e| e.kind == EventKind::Conference && e.cfp_deadline.is_some()) {
        let open_call = matches!(event.status, EventStatus::CfpOpen | EventStatus::Considering)
            && !plan.participations.iter().any(|p| p.event_id == event.id);
        // Next quarter's open calls each have a draft someone is writing, not yet sent.
        let draft = open_call.then(|| {
            drafter += 1;
            (plan.people[(drafter * 2 + 1) % plan.people.len()].id, SubmissionStatus::Draft)
        });
        let speakers = plan
            .participations
            .iter()
            .filter(|p| p.event_id == event.id && p.role == ParticipationRole::Speaker)
            .map(|p| (p.person_id, submission_status(event.status)))
            .chain(draft);
        let goes = |person: Uuid| plan.participations.iter().any(|x| x.event_id == event.id && x.person_id == person);
        // Now and then a teammate was turned down here too (only for events near or past), so rates vary.
        let turned_down = plan
            .people
            .iter()
            .find(|p| rng.random_bool(0.15) && !goes(p.id))
            .filter(|_| event.start_date <= options.today + Days::new(28))
            .map(|p| (p.id, SubmissionStatus::Rejected));
        for (speaker, status) in speakers.chain(turned_down) {
            let theirs: Vec<&Talk> = plan.talks.iter().filter(|t| t.owner_id == Some(speaker)).collect();
            let Some(talk) = theirs.get(rng.random_range(0..theirs.len().max(1))) else { continue };
            let number = versions.iter().filter(|v| v.talk_id == talk.id).count() as u32 + 1;
            let short = event.name.rsplit_once(' ').map_or(event.name.as_str(), |(name, _)| name);
            let version = TalkVersion {
                id: id(rng),
                talk_id: talk.id,
                number,
                title: talk.title.clone(),
                abstract_text: format!("{} Tailored for the {short} audience.", talk.abstract_text),
                created_at: stamp,
                updated_at: stamp,
            };
            let deadline = event.cfp_deadline.map(|d| d.date());
            let decided = !matches!(status, SubmissionStatus::Draft | SubmissionStatus::Submitted);
            out.push(Submission {
                id: id(rng),
                talk_id: talk.id,
                version_id: version.id,
                event_id: event.id,
                speaker_id: speaker,
                status,
                submitted_on: if status == SubmissionStatus::Draft { None } else { deadline.map(|d| d - Days::new(3)) },
                decided_on: if decided {
                    deadline.map(|d| d + Days::new(21)).filter(|d| *d <= event.start_date)
                } else {
                    None
                },
                notes: String::new(),
                created_at: stamp,
                updated_at: stamp,
            });
            versions.push(version);
        }
    }
    (versions, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> DemoOptions {
        DemoOptions::for_today("2026-11-21".parse().unwrap())
    }

    #[test]
    fn the_default_team_is_six_people_in_a_quarter_of_events() {
        let plan = plan(&options());
        assert_eq!(plan.people.len(), 6);
        assert_eq!(plan.people[0].name, "Maya Okafor");
        assert!(plan.events.len() >= 12, "{} events", plan.events.len());
        let from = options().from;
        assert_eq!(from, "2026-09-28".parse::<NaiveDate>().unwrap(), "Monday of the week Q4 starts in");
        let quarter_end = from + Days::new(13 * 7 + 7);
        // The quarter before is done: its events are all before the planned weeks.
        let (earlier, planned): (Vec<&Event>, Vec<&Event>) = plan.events.iter().partition(|e| e.end_date < from);
        assert!(!earlier.is_empty() && earlier.iter().all(|e| e.status == EventStatus::Done));
        let (in_quarter, later): (Vec<&Event>, Vec<&Event>) =
            planned.into_iter().partition(|e| e.end_date < quarter_end);
        assert!(in_quarter.iter().all(|e| e.start_date > from));
        assert_eq!(later.len(), 3, "next quarter's candidates");
        assert!(later.iter().all(|e| e.cfp_deadline.is_some() && nobody_goes(e, &plan.participations)));
        assert!(plan.events.iter().any(|e| e.status == EventStatus::Done));
        assert!(plan.events.iter().any(|e| e.online));
    }

    fn nobody_goes(event: &Event, all: &[Participation]) -> bool {
        all.iter().all(|p| p.event_id != event.id)
    }

    #[test]
    fn there_are_cfps_closing_in_the_coming_weeks() {
        let options = options();
        let plan = plan(&options);
        let now = options.today.and_time(NaiveTime::MIN).and_utc();
        let closing = crate::domain::cfp::closing_within(&plan.events, now, 45);
        assert_eq!(closing.len(), 3, "{closing:?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_plan_and_another_seed_does_not() {
        assert_eq!(plan(&options()), plan(&options()));
        assert_ne!(plan(&options()).events, plan(&DemoOptions { seed: 7, ..options() }).events);
    }

    #[test]
    fn filling_twice_adds_nothing_the_second_time() {
        let mut store = Store::open_in_memory().unwrap();
        let first = fill(&mut store, &options()).unwrap();
        assert_eq!(first.people.added, 6);
        let second = fill(&mut store, &options()).unwrap();
        assert_eq!(second.people.added + second.events.added + second.participations.added, 0);
    }

    #[test]
    fn the_content_calendar_follows_the_quarter() {
        use crate::domain::ContentStatus;
        let options = options();
        let plan = plan(&options);
        let count = |s: ContentStatus| plan.content.iter().filter(|c| c.status == s).count();
        assert!(plan.content.len() >= 30, "{} items", plan.content.len());
        assert!(count(ContentStatus::Published) >= 5 && count(ContentStatus::Idea) >= 3, "a mix of statuses");
        let overdue = crate::domain::content::overdue(&plan.content, options.today);
        assert!((1..=6).contains(&overdue.len()), "a few late drafts, not a crisis: {overdue:?}");
        let recaps: Vec<_> = plan.content.iter().filter(|c| c.title.starts_with("Recap: ")).collect();
        assert!(!recaps.is_empty() && recaps.iter().all(|c| c.event_id.is_some()), "recaps follow events");
        assert!(plan.content.iter().any(|c| c.kind == crate::domain::ContentKind::Newsletter));
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(fill(&mut store, &options).unwrap().content.added, plan.content.len(), "all of it imports");
    }

    #[test]
    fn large_teams_get_unique_names() {
        let plan = plan(&DemoOptions { people: 50, weeks: 156, ..options() });
        let names: std::collections::HashSet<_> = plan.people.iter().map(|p| &p.name).collect();
        assert_eq!(names.len(), 50);
        assert!(plan.events.len() > 1_000);
    }
}
