//! The content calendar: posts, videos, docs pages and newsletters, each moving
//! from an idea to published, with a draft due date and a publish time.

pub mod follow_up;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{Error, Result, Valid};
use crate::{check, talk, zone};

text_enum!(
    ContentKind {
        BlogPost = "blog_post",
        Tutorial = "tutorial",
        Video = "video",
        DocsPage = "docs_page",
        Newsletter = "newsletter",
        Podcast = "podcast",
        SampleApp = "sample_app",
        SocialThread = "social_thread",
    }
);

text_enum!(
    /// Where a piece stands, in the order it usually moves; `Dropped` ends it unpublished.
    ContentStatus {
        Idea = "idea",
        Drafting = "drafting",
        Review = "review",
        Scheduled = "scheduled",
        Published = "published",
        Dropped = "dropped",
    }
);

impl ContentStatus {
    /// Still being written: its draft due date matters.
    pub fn in_draft(self) -> bool {
        matches!(self, ContentStatus::Idea | ContentStatus::Drafting | ContentStatus::Review)
    }

    /// Finished one way or the other: no date of it can be overdue.
    pub fn closed(self) -> bool {
        matches!(self, ContentStatus::Published | ContentStatus::Dropped)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContentItem {
    pub id: Uuid,
    pub title: String,
    pub kind: ContentKind,
    pub owner_id: Option<Uuid>,
    /// Where it appears: "Company blog", "YouTube", "dev.to".
    pub channel: String,
    pub status: ContentStatus,
    /// The day the draft is due.
    pub due_on: Option<NaiveDate>,
    /// Local date-time it goes out, in `timezone`.
    pub publish_at: Option<NaiveDateTime>,
    /// IANA zone of `publish_at`; present exactly when `publish_at` is.
    pub timezone: Option<String>,
    /// Estimated hours of work; the kind's default unless `effort_custom`.
    pub effort_hours: f64,
    pub effort_custom: bool,
    /// Length of a finished video, which sets its default effort.
    pub finished_minutes: Option<u16>,
    pub draft_url: String,
    pub published_url: String,
    pub tags: Vec<String>,
    /// The event it follows up (a recap) or the talk it repurposes (a video of it).
    pub event_id: Option<Uuid>,
    pub talk_id: Option<Uuid>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the content form sends. `effort_hours` absent means the kind's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContentInput {
    #[ts(optional)]
    #[serde(default)]
    pub id: Option<Uuid>,
    pub title: String,
    pub kind: ContentKind,
    pub owner_id: Option<Uuid>,
    pub channel: String,
    pub status: ContentStatus,
    pub due_on: Option<NaiveDate>,
    pub publish_at: Option<NaiveDateTime>,
    pub timezone: Option<String>,
    pub effort_hours: Option<f64>,
    pub finished_minutes: Option<u16>,
    pub draft_url: String,
    pub published_url: String,
    pub tags: Vec<String>,
    pub event_id: Option<Uuid>,
    pub talk_id: Option<Uuid>,
    pub notes: String,
}

/// The default effort of one kind of content, with where the figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EffortDefault {
    pub kind: ContentKind,
    /// Hours for one piece, or the minimum when it is priced per finished minute.
    pub hours: f64,
    /// Hours per finished minute (video), if the effort grows with length.
    pub hours_per_finished_minute: Option<f64>,
    pub source: String,
}

impl ContentKind {
    /// Defaults from docs/workload-model.md where it gives one; the rest are
    /// judgement, said so in `source`, and every one is editable per item.
    pub fn effort_default(self) -> EffortDefault {
        let (hours, per_minute, source) = match self {
            ContentKind::BlogPost => (4.0, None, "workload model: blog post 4 h (Orbit Media 2016: ~2.5 h typical)"),
            ContentKind::Tutorial => (8.0, None, "workload model: technical post with runnable code 8 h"),
            ContentKind::Video => (6.0, Some(2.5), "workload model: 2.5 h per finished minute, at least 6 h"),
            ContentKind::DocsPage => (4.0, None, "judgement: as a blog post"),
            ContentKind::Newsletter => (2.0, None, "judgement: curating and writing one issue"),
            ContentKind::Podcast => (3.0, None, "judgement: preparation, an hour's recording, review"),
            ContentKind::SampleApp => (16.0, None, "judgement: two days of code, README and review"),
            ContentKind::SocialThread => (1.0, None, "judgement"),
        };
        EffortDefault { kind: self, hours, hours_per_finished_minute: per_minute, source: source.to_string() }
    }

    /// The default hours for one piece of this kind (a video by its length).
    pub fn default_effort(self, finished_minutes: Option<u16>) -> f64 {
        let d = self.effort_default();
        match (d.hours_per_finished_minute, finished_minutes) {
            (Some(per), Some(min)) => quarter_hours((per * f64::from(min)).max(d.hours)),
            _ => d.hours,
        }
    }
}

/// Every kind's default effort, for the form's hints.
pub fn effort_defaults() -> Vec<EffortDefault> {
    ContentKind::ALL.iter().map(|k| k.effort_default()).collect()
}

/// More than this for one piece is a typo (a sample app is a few weeks at most).
const MAX_EFFORT_HOURS: f64 = 500.0;
const MAX_FINISHED_MINUTES: u16 = 600;

impl ContentInput {
    pub fn validate(&self) -> Result<Valid<ContentInput>> {
        self.cleaned().map(Valid::checked)
    }

    fn cleaned(&self) -> Result<ContentInput> {
        let title = check::name("title", &self.title)?;
        crate::bounds::opt_day("due_on", self.due_on)?;
        crate::bounds::opt_moment("publish_at", self.publish_at)?;
        if let Some(h) = self.effort_hours
            && (!h.is_finite() || !(0.0..=MAX_EFFORT_HOURS).contains(&h))
        {
            return Err(Error::invalid(
                "effort_hours",
                format!("{h} hours; effort runs from 0 to {MAX_EFFORT_HOURS} hours"),
            ));
        }
        if let Some(m) = self.finished_minutes
            && (m == 0 || m > MAX_FINISHED_MINUTES)
        {
            return Err(Error::invalid(
                "finished_minutes",
                format!("{m} minutes; a finished piece runs from 1 to {MAX_FINISHED_MINUTES} minutes"),
            ));
        }
        let timezone = match (self.publish_at, self.timezone.as_deref().map(str::trim)) {
            (None, _) => None,
            (Some(_), Some(tz)) if !tz.is_empty() => Some(zone::parse("timezone", tz)?.name().to_string()),
            (Some(_), _) => return Err(Error::invalid("timezone", "choose the time zone the publish time is in")),
        };
        if let (Some(due), Some(publish)) = (self.due_on, self.publish_at)
            && publish.date() < due
        {
            return Err(Error::invalid(
                "publish_at",
                format!("publishes on {}, before its draft is due on {due}", publish.date()),
            ));
        }
        if self.publish_at.is_none() && matches!(self.status, ContentStatus::Scheduled | ContentStatus::Published) {
            return Err(Error::invalid("publish_at", format!("a {} item needs a publish date", self.status.as_str())));
        }
        Ok(ContentInput {
            id: self.id,
            title,
            kind: self.kind,
            owner_id: self.owner_id,
            channel: check::line("channel", &self.channel)?,
            status: self.status,
            due_on: self.due_on,
            publish_at: self.publish_at,
            timezone,
            effort_hours: self.effort_hours.map(quarter_hours),
            finished_minutes: self.finished_minutes,
            draft_url: check::url("draft_url", &self.draft_url)?,
            published_url: check::url("published_url", &self.published_url)?,
            tags: talk::tags("tags", &self.tags)?,
            event_id: self.event_id,
            talk_id: self.talk_id,
            notes: check::text("notes", &self.notes)?,
        })
    }

    /// The effort this input stands for, and whether it was set by hand.
    pub fn effort(&self) -> (f64, bool) {
        match self.effort_hours {
            Some(h) => (h, true),
            None => (self.kind.default_effort(self.finished_minutes), false),
        }
    }
}

impl ContentItem {
    pub fn input(&self) -> ContentInput {
        ContentInput {
            id: Some(self.id),
            title: self.title.clone(),
            kind: self.kind,
            owner_id: self.owner_id,
            channel: self.channel.clone(),
            status: self.status,
            due_on: self.due_on,
            publish_at: self.publish_at,
            timezone: self.timezone.clone(),
            effort_hours: self.effort_custom.then_some(self.effort_hours),
            finished_minutes: self.finished_minutes,
            draft_url: self.draft_url.clone(),
            published_url: self.published_url.clone(),
            tags: self.tags.clone(),
            event_id: self.event_id,
            talk_id: self.talk_id,
            notes: self.notes.clone(),
        }
    }

    /// The days it occupies on a calendar: the draft due day and the publish day.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> {
        self.due_on.into_iter().chain(self.publish_at.map(|p| p.date()))
    }

    /// Why it is late on `today`, if it is.
    pub fn overdue(&self, today: NaiveDate) -> Option<String> {
        if self.status.closed() {
            return None;
        }
        let late = |day: NaiveDate| (today - day).num_days();
        let days = |n: i64| if n == 1 { "1 day".to_string() } else { format!("{n} days") };
        match (self.due_on, self.publish_at.map(|p| p.date())) {
            (_, Some(publish)) if publish < today => {
                Some(format!("was to publish {} ago and is still {}", days(late(publish)), self.status.as_str()))
            }
            (Some(due), _) if due < today && self.status.in_draft() => {
                Some(format!("draft was due {} ago and is still {}", days(late(due)), self.status.as_str()))
            }
            _ => None,
        }
    }
}

/// A late item and why, for the calendar's highlight and the CLI.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OverdueContent {
    pub content_id: Uuid,
    pub reason: String,
}

pub fn overdue(items: &[ContentItem], today: NaiveDate) -> Vec<OverdueContent> {
    items.iter().filter_map(|c| c.overdue(today).map(|reason| OverdueContent { content_id: c.id, reason })).collect()
}

/// Items with a due or publish day in `from..=to` (either bound may be open).
pub fn within(items: &[ContentItem], from: Option<NaiveDate>, to: Option<NaiveDate>) -> Vec<&ContentItem> {
    let inside = |d: NaiveDate| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t);
    items.iter().filter(|c| (from.is_none() && to.is_none()) || c.dates().any(inside)).collect()
}

/// Hours kept to the quarter hour, so that stored efforts compare exactly.
fn quarter_hours(h: f64) -> f64 {
    (h * 4.0).round() / 4.0
}

impl Valid<ContentInput> {
    /// The stored item this checked input becomes.
    pub fn into_item(self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> ContentItem {
        let (effort_hours, effort_custom) = self.effort();
        let input = self.into_inner();
        ContentItem {
            id,
            title: input.title,
            kind: input.kind,
            owner_id: input.owner_id,
            channel: input.channel,
            status: input.status,
            due_on: input.due_on,
            publish_at: input.publish_at,
            timezone: input.timezone,
            effort_hours,
            effort_custom,
            finished_minutes: input.finished_minutes,
            draft_url: input.draft_url,
            published_url: input.published_url,
            tags: input.tags,
            event_id: input.event_id,
            talk_id: input.talk_id,
            notes: input.notes,
            created_at,
            updated_at,
        }
    }
}

#[cfg(any(test, feature = "samples"))]
pub fn sample_input() -> ContentInput {
    ContentInput {
        id: None,
        title: "Shipping Rust on Fridays".into(),
        kind: ContentKind::BlogPost,
        owner_id: None,
        channel: "Company blog".into(),
        status: ContentStatus::Drafting,
        due_on: Some("2026-11-24".parse().unwrap()),
        publish_at: Some("2026-11-26T09:00:00".parse().unwrap()),
        timezone: Some("Europe/Berlin".into()),
        effort_hours: None,
        finished_minutes: None,
        draft_url: String::new(),
        published_url: String::new(),
        tags: vec!["rust".into()],
        event_id: None,
        talk_id: None,
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(input: ContentInput) -> String {
        match input.validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_good_item_validates_with_its_kind_default_effort() {
        let clean = sample_input().validate().unwrap();
        assert_eq!(clean.effort(), (4.0, false));
        let video = ContentInput { kind: ContentKind::Video, finished_minutes: Some(8), ..sample_input() };
        assert_eq!(video.effort(), (20.0, false), "2.5 h per finished minute");
        let short = ContentInput { kind: ContentKind::Video, finished_minutes: Some(1), ..sample_input() };
        assert_eq!(short.effort(), (6.0, false), "at least 6 h");
        let custom = ContentInput { effort_hours: Some(2.6), ..sample_input() }.validate().unwrap();
        assert_eq!(custom.effort(), (2.5, true), "kept to the quarter hour");
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(field_of(ContentInput { title: "".into(), ..sample_input() }), "title");
        assert_eq!(field_of(ContentInput { effort_hours: Some(-1.0), ..sample_input() }), "effort_hours");
        assert_eq!(field_of(ContentInput { effort_hours: Some(f64::NAN), ..sample_input() }), "effort_hours");
        assert_eq!(field_of(ContentInput { finished_minutes: Some(0), ..sample_input() }), "finished_minutes");
        assert_eq!(field_of(ContentInput { timezone: None, ..sample_input() }), "timezone");
        assert_eq!(field_of(ContentInput { timezone: Some("Mars/Base".into()), ..sample_input() }), "timezone");
        assert_eq!(field_of(ContentInput { draft_url: "docs.google".into(), ..sample_input() }), "draft_url");
        assert_eq!(field_of(ContentInput { tags: vec!["a,b".into()], ..sample_input() }), "tags[0]");
    }

    #[test]
    fn publishing_before_the_draft_is_due_is_refused() {
        let early = ContentInput { publish_at: Some("2026-11-23T18:00:00".parse().unwrap()), ..sample_input() };
        let err = early.validate().unwrap_err();
        assert_eq!(err.to_string(), "publish_at: publishes on 2026-11-23, before its draft is due on 2026-11-24");
        let same_day = ContentInput { publish_at: Some("2026-11-24T18:00:00".parse().unwrap()), ..sample_input() };
        assert!(same_day.validate().is_ok(), "due and published the same day is fine");
    }

    #[test]
    fn scheduled_and_published_need_a_publish_date() {
        for status in [ContentStatus::Scheduled, ContentStatus::Published] {
            let input = ContentInput { status, publish_at: None, timezone: None, ..sample_input() };
            assert_eq!(field_of(input), "publish_at");
        }
        let idea = ContentInput { status: ContentStatus::Idea, publish_at: None, timezone: None, ..sample_input() };
        assert_eq!(idea.validate().unwrap().timezone, None);
    }

    fn item(status: ContentStatus, due: Option<&str>, publish: Option<&str>) -> ContentItem {
        let input = ContentInput {
            status,
            due_on: due.map(day),
            publish_at: publish.map(|p| day(p).and_hms_opt(9, 0, 0).unwrap()),
            ..sample_input()
        };
        input.validate().expect("a valid sample").into_item(Uuid::now_v7(), Utc::now(), Utc::now())
    }

    #[test]
    fn overdue_reads_the_date_that_matters_for_the_status() {
        let today = day("2026-11-21");
        let draft_late = item(ContentStatus::Drafting, Some("2026-11-20"), Some("2026-11-25"));
        assert_eq!(draft_late.overdue(today).as_deref(), Some("draft was due 1 day ago and is still drafting"));
        let in_review_on_time = item(ContentStatus::Scheduled, Some("2026-11-20"), Some("2026-11-25"));
        assert_eq!(in_review_on_time.overdue(today), None, "a scheduled item's draft is done");
        let not_out = item(ContentStatus::Scheduled, Some("2026-11-10"), Some("2026-11-18"));
        assert_eq!(not_out.overdue(today).as_deref(), Some("was to publish 3 days ago and is still scheduled"));
        assert_eq!(item(ContentStatus::Published, Some("2026-11-10"), Some("2026-11-18")).overdue(today), None);
        assert_eq!(item(ContentStatus::Dropped, Some("2026-11-10"), None).overdue(today), None);
        assert_eq!(item(ContentStatus::Idea, Some("2026-11-21"), None).overdue(today), None, "due today is not late");
    }

    #[test]
    fn within_keeps_items_with_either_date_in_range() {
        let items = vec![
            item(ContentStatus::Drafting, Some("2026-10-01"), Some("2026-10-05")),
            item(ContentStatus::Drafting, Some("2026-11-28"), Some("2026-12-02")),
            item(ContentStatus::Idea, None, None),
        ];
        let (from, to) = (Some(day("2026-12-01")), Some(day("2026-12-31")));
        assert_eq!(within(&items, from, to).len(), 1, "the publish day falls in December");
        assert_eq!(within(&items, None, None).len(), 3, "no bounds keeps undated ideas too");
        assert_eq!(within(&items, None, Some(day("2026-10-31"))).len(), 1);
    }
}
