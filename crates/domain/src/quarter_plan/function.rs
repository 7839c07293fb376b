//! The DevRel function each activity serves. Every event, talk and content
//! item has one: its kind's default unless someone chose another. The defaults
//! and their reasons are in docs/quarter-plan.md.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{ContentId, Error, EventId, Result, TalkId};
use crate::{ContentKind, EventKind, TalkFormat};

text_enum!(
    /// Engagement: time with an existing community. Education: teaching
    /// developers to succeed. Advocacy: championing developers and their
    /// feedback, and the product's ideas, in front of people. Outreach: reaching
    /// developers who do not know the product yet.
    DevrelFunction {
        Engagement = "engagement",
        Education = "education",
        Advocacy = "advocacy",
        Outreach = "outreach",
    }
);

impl DevrelFunction {
    pub fn label(self) -> &'static str {
        match self {
            DevrelFunction::Engagement => "Engagement",
            DevrelFunction::Education => "Education",
            DevrelFunction::Advocacy => "Advocacy",
            DevrelFunction::Outreach => "Outreach",
        }
    }

    pub fn index(self) -> usize {
        DevrelFunction::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    pub fn for_event(kind: EventKind) -> DevrelFunction {
        match kind {
            EventKind::Conference => DevrelFunction::Outreach,
            EventKind::Workshop | EventKind::Webinar => DevrelFunction::Education,
            EventKind::Meetup | EventKind::Hackathon | EventKind::Livestream | EventKind::Other => {
                DevrelFunction::Engagement
            }
        }
    }

    pub fn for_talk(format: TalkFormat) -> DevrelFunction {
        match format {
            TalkFormat::Workshop | TalkFormat::Talk | TalkFormat::Lightning => DevrelFunction::Education,
            TalkFormat::Keynote | TalkFormat::Panel => DevrelFunction::Advocacy,
        }
    }

    pub fn for_content(kind: ContentKind) -> DevrelFunction {
        match kind {
            ContentKind::Tutorial | ContentKind::DocsPage | ContentKind::SampleApp => DevrelFunction::Education,
            ContentKind::BlogPost | ContentKind::Video | ContentKind::Podcast => DevrelFunction::Outreach,
            ContentKind::Newsletter => DevrelFunction::Engagement,
            ContentKind::SocialThread => DevrelFunction::Advocacy,
        }
    }
}

/// The record an activity is: exactly one of an event, a talk or a content item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum ActivityRef {
    Event(Uuid),
    Talk(Uuid),
    Content(Uuid),
}

impl ActivityRef {
    pub fn id(self) -> Uuid {
        match self {
            ActivityRef::Event(id) | ActivityRef::Talk(id) | ActivityRef::Content(id) => id,
        }
    }

    /// The three foreign keys as the table stores them: one set, two empty.
    pub fn columns(self) -> (Option<Uuid>, Option<Uuid>, Option<Uuid>) {
        match self {
            ActivityRef::Event(id) => (Some(id), None, None),
            ActivityRef::Talk(id) => (None, Some(id), None),
            ActivityRef::Content(id) => (None, None, Some(id)),
        }
    }

    pub fn from_columns(
        event: Option<EventId>,
        talk: Option<TalkId>,
        content: Option<ContentId>,
    ) -> Result<ActivityRef> {
        match (event, talk, content) {
            (Some(EventId(id)), None, None) => Ok(ActivityRef::Event(id)),
            (None, Some(TalkId(id)), None) => Ok(ActivityRef::Talk(id)),
            (None, None, Some(ContentId(id))) => Ok(ActivityRef::Content(id)),
            _ => Err(Error::invalid("activity", "name exactly one of an event, a talk or a content item")),
        }
    }
}

/// A function chosen for one activity, overriding its kind's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActivityFunction {
    pub activity: ActivityRef,
    pub function: DevrelFunction,
}

/// Sets an activity's function; `None` goes back to its kind's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FunctionChoice {
    pub activity: ActivityRef,
    pub function: Option<DevrelFunction>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_default_and_all_four_functions_are_someones_default() {
        let mut seen: Vec<DevrelFunction> = EventKind::ALL.iter().map(|k| DevrelFunction::for_event(*k)).collect();
        seen.extend(TalkFormat::ALL.iter().map(|f| DevrelFunction::for_talk(*f)));
        seen.extend(ContentKind::ALL.iter().map(|k| DevrelFunction::for_content(*k)));
        for f in DevrelFunction::ALL {
            assert!(seen.contains(f), "{f} is nobody's default");
        }
    }

    #[test]
    fn an_activity_names_exactly_one_record() {
        let id = Uuid::now_v7();
        assert_eq!(ActivityRef::from_columns(None, Some(TalkId(id)), None).unwrap(), ActivityRef::Talk(id));
        assert!(ActivityRef::from_columns(Some(EventId(id)), Some(TalkId(id)), None).is_err());
        assert!(ActivityRef::from_columns(None, None, None).is_err());
        let json = serde_json::to_string(&ActivityRef::Content(id)).unwrap();
        assert_eq!(json, format!(r#"{{"kind":"content","id":"{id}"}}"#));
    }
}
