//! Repurposing chains: the content that follows an event or a talk (a recap
//! post, a video cut, a newsletter mention), planned in one step with dates
//! counted from the event's last day.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::content::{ContentInput, ContentKind, ContentStatus};
use crate::{Error, Result, Valid};
use crate::{Event, Talk, check};

/// One follow-up as the chain dialog edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FollowUpInput {
    pub kind: ContentKind,
    pub title: String,
    pub channel: String,
    /// Days after the event's last day that the draft is due.
    pub due_days: u16,
    /// Days after the event's last day that it publishes.
    pub publish_days: u16,
    /// Absent: the kind's default effort.
    pub effort_hours: Option<f64>,
}

/// A whole chain: every follow-up of one event (and, optionally, one talk given there).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FollowUpPlan {
    pub event_id: Uuid,
    pub talk_id: Option<Uuid>,
    pub owner_id: Option<Uuid>,
    pub items: Vec<FollowUpInput>,
}

/// Offsets beyond a year are not a follow-up any more.
const MAX_DAYS: u16 = 365;
const MAX_ITEMS: usize = 12;
/// Follow-ups go out at nine in the morning where their owner lives.
const PUBLISH_TIME: NaiveTime = NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 exists");

/// The usual chain: a recap post within the week, a cut of the recording two
/// weeks on (recordings usually take a week or two to appear), and a mention
/// in the next newsletter. Every offset and title is editable in the dialog.
pub fn defaults(event: &Event, talk: Option<&Talk>) -> Vec<FollowUpInput> {
    let (recap, video) = match talk {
        Some(t) => {
            (format!("Recap: {} at {}", t.title, event.name), format!("Talk video: {} at {}", t.title, event.name))
        }
        None => (format!("Recap: {}", event.name), format!("Video highlights: {}", event.name)),
    };
    vec![
        FollowUpInput {
            kind: ContentKind::BlogPost,
            title: recap,
            channel: "Company blog".into(),
            due_days: 3,
            publish_days: 5,
            effort_hours: None,
        },
        FollowUpInput {
            kind: ContentKind::Video,
            title: video,
            channel: "YouTube".into(),
            due_days: 10,
            publish_days: 14,
            effort_hours: None,
        },
        FollowUpInput {
            kind: ContentKind::Newsletter,
            title: format!("Newsletter mention: {}", event.name),
            channel: "Newsletter".into(),
            due_days: 6,
            publish_days: 7,
            // A mention, not a whole issue.
            effort_hours: Some(1.0),
        },
    ]
}

impl FollowUpPlan {
    /// The content items this chain creates for `event`, publishing in `zone`.
    /// Errors name the follow-up (`items[1].publish_days`).
    pub fn contents(&self, event: &Event, zone: &str) -> Result<Vec<Valid<ContentInput>>> {
        if self.items.is_empty() {
            return Err(Error::invalid("items", "choose at least one follow-up"));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(Error::invalid("items", format!("{} follow-ups; keep it to {MAX_ITEMS}", self.items.len())));
        }
        let after = |days: u16| -> NaiveDate { crate::bounds::shift(event.end_date, i64::from(days)) };
        self.items
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let at = format!("items[{i}]");
                for (field, days) in [("due_days", f.due_days), ("publish_days", f.publish_days)] {
                    if days > MAX_DAYS {
                        return Err(Error::invalid(
                            format!("{at}.{field}"),
                            format!("{days} days after the event; keep follow-ups within {MAX_DAYS} days"),
                        ));
                    }
                }
                if f.publish_days < f.due_days {
                    return Err(Error::invalid(
                        format!("{at}.publish_days"),
                        format!(
                            "publishes {} days after the event, before its draft is due ({})",
                            f.publish_days, f.due_days
                        ),
                    ));
                }
                let input = ContentInput {
                    id: None,
                    title: check::name("title", &f.title).map_err(|e| e.within(&at))?,
                    kind: f.kind,
                    owner_id: self.owner_id,
                    channel: f.channel.clone(),
                    status: ContentStatus::Idea,
                    due_on: Some(after(f.due_days)),
                    publish_at: Some(after(f.publish_days).and_time(PUBLISH_TIME)),
                    timezone: Some(zone.to_string()),
                    effort_hours: f.effort_hours,
                    finished_minutes: None,
                    draft_url: String::new(),
                    published_url: String::new(),
                    tags: vec![],
                    event_id: Some(self.event_id),
                    talk_id: self.talk_id,
                    notes: String::new(),
                };
                input.validate().map_err(|e| e.within(&at))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event;
    use chrono::Days;

    fn stored_event() -> Event {
        let input = event::sample_input();
        let stamp = chrono::Utc::now();
        Event {
            id: Uuid::now_v7(),
            name: input.name,
            kind: input.kind,
            start_date: input.start_date,
            end_date: input.end_date,
            online: input.online,
            city: input.city,
            country: input.country,
            timezone: input.timezone,
            url: input.url,
            status: input.status,
            cfp_url: input.cfp_url,
            cfp_deadline: input.cfp_deadline,
            cfp_timezone: input.cfp_timezone,
            notes: input.notes,
            ratings: input.ratings,
            created_at: stamp,
            updated_at: stamp,
        }
    }

    fn plan(event: &Event) -> FollowUpPlan {
        FollowUpPlan { event_id: event.id, talk_id: None, owner_id: None, items: defaults(event, None) }
    }

    #[test]
    fn the_default_chain_counts_from_the_last_day() {
        let event = stored_event();
        let items = plan(&event).contents(&event, "Europe/Berlin").unwrap();
        assert_eq!(items.len(), 3);
        let recap = &items[0];
        assert_eq!(recap.title, format!("Recap: {}", event.name));
        assert_eq!(recap.due_on, Some(event.end_date + Days::new(3)));
        assert_eq!(recap.publish_at, Some((event.end_date + Days::new(5)).and_time(PUBLISH_TIME)));
        assert_eq!(recap.event_id, Some(event.id));
        assert!(
            items.iter().all(|c| c.status == ContentStatus::Idea && c.timezone.as_deref() == Some("Europe/Berlin"))
        );
    }

    #[test]
    fn a_bad_follow_up_is_named_by_its_place() {
        let event = stored_event();
        let mut chain = plan(&event);
        chain.items[1].publish_days = 2;
        let err = chain.contents(&event, "UTC").unwrap_err();
        assert!(err.to_string().starts_with("items[1].publish_days: "), "{err}");
        let mut chain = plan(&event);
        chain.items[2].title = " ".into();
        assert!(chain.contents(&event, "UTC").unwrap_err().to_string().starts_with("items[2].title: "));
        let mut chain = plan(&event);
        chain.items[0].effort_hours = Some(-3.0);
        assert!(chain.contents(&event, "UTC").unwrap_err().to_string().starts_with("items[0].effort_hours: "));
        chain.items.clear();
        assert!(chain.contents(&event, "UTC").unwrap_err().to_string().starts_with("items: "));
    }
}
