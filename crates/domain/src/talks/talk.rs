//! The talk library: talks a team reuses across events, and the versions of
//! their abstracts forked for each submission.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::check;
use crate::{Error, Result, Valid};

text_enum!(
    TalkFormat {
        Talk = "talk",
        Lightning = "lightning",
        Keynote = "keynote",
        Workshop = "workshop",
        Panel = "panel",
    }
);

text_enum!(
    TalkLevel {
        Beginner = "beginner",
        Intermediate = "intermediate",
        Advanced = "advanced",
        AllLevels = "all_levels",
    }
);

text_enum!(
    /// Where a talk stands in the library, from a first idea to retired.
    TalkStatus {
        Idea = "idea",
        Drafting = "drafting",
        Ready = "ready",
        Retired = "retired",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Talk {
    pub id: Uuid,
    pub title: String,
    /// The current abstract; each submission keeps its own forked copy.
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub duration_minutes: u16,
    pub format: TalkFormat,
    pub level: TalkLevel,
    pub tags: Vec<String>,
    pub status: TalkStatus,
    /// Who wrote it; any teammate may submit it.
    pub owner_id: Option<Uuid>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TalkInput {
    #[ts(optional)]
    #[serde(default)]
    pub id: Option<Uuid>,
    pub title: String,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub duration_minutes: u16,
    pub format: TalkFormat,
    pub level: TalkLevel,
    pub tags: Vec<String>,
    pub status: TalkStatus,
    pub owner_id: Option<Uuid>,
    pub notes: String,
}

/// The title and abstract as sent to one event: version 1 is the first fork.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TalkVersion {
    pub id: Uuid,
    pub talk_id: Uuid,
    pub number: u32,
    pub title: String,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const MAX_MINUTES: u16 = 8 * 60;
const MAX_TAGS: usize = 20;
const MAX_TAG: usize = 40;

impl TalkInput {
    pub fn validate(&self) -> Result<Valid<TalkInput>> {
        self.cleaned().map(Valid::checked)
    }

    fn cleaned(&self) -> Result<TalkInput> {
        if self.duration_minutes == 0 || self.duration_minutes > MAX_MINUTES {
            return Err(Error::invalid(
                "duration_minutes",
                format!("{} minutes; a talk runs from 1 to {MAX_MINUTES} minutes", self.duration_minutes),
            ));
        }
        Ok(TalkInput {
            id: self.id,
            title: check::name("title", &self.title)?,
            abstract_text: check::text("abstract", &self.abstract_text)?,
            duration_minutes: self.duration_minutes,
            format: self.format,
            level: self.level,
            tags: tags("tags", &self.tags)?,
            status: self.status,
            owner_id: self.owner_id,
            notes: check::text("notes", &self.notes)?,
        })
    }
}

impl Talk {
    pub fn input(&self) -> TalkInput {
        TalkInput {
            id: Some(self.id),
            title: self.title.clone(),
            abstract_text: self.abstract_text.clone(),
            duration_minutes: self.duration_minutes,
            format: self.format,
            level: self.level,
            tags: self.tags.clone(),
            status: self.status,
            owner_id: self.owner_id,
            notes: self.notes.clone(),
        }
    }
}

/// Tags trimmed, lower-cased and de-duplicated in their first order. Commas
/// are refused because the store joins tags with them.
pub fn tags(field: &str, values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in values.iter().enumerate() {
        let tag = raw.trim().to_lowercase();
        if tag.is_empty() {
            continue;
        }
        if tag.contains(',') || tag.chars().any(char::is_control) || tag.chars().count() > MAX_TAG {
            return Err(Error::invalid(
                format!("{field}[{i}]"),
                format!("{raw:?} is not a tag (one word or phrase, no commas, up to {MAX_TAG} characters)"),
            ));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::invalid(field, format!("{} tags; keep it to {MAX_TAGS}", out.len())));
    }
    Ok(out)
}

impl Valid<TalkInput> {
    /// The stored talk this checked input becomes.
    pub fn into_talk(self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> Talk {
        let input = self.into_inner();
        Talk {
            id,
            title: input.title,
            abstract_text: input.abstract_text,
            duration_minutes: input.duration_minutes,
            format: input.format,
            level: input.level,
            tags: input.tags,
            status: input.status,
            owner_id: input.owner_id,
            notes: input.notes,
            created_at,
            updated_at,
        }
    }
}

#[cfg(any(test, feature = "samples"))]
pub fn sample_input() -> TalkInput {
    TalkInput {
        id: None,
        title: "Zero to Production with Rust".into(),
        abstract_text: "How we shipped a Rust service in six weeks.".into(),
        duration_minutes: 40,
        format: TalkFormat::Talk,
        level: TalkLevel::Intermediate,
        tags: vec!["rust".into(), "backend".into()],
        status: TalkStatus::Ready,
        owner_id: None,
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(input: TalkInput) -> String {
        match input.validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn a_good_talk_validates_and_its_tags_are_tidied() {
        let input =
            TalkInput { tags: vec![" Rust ".into(), "rust".into(), "".into(), "WASM".into()], ..sample_input() };
        assert_eq!(input.validate().unwrap().tags, vec!["rust", "wasm"]);
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(field_of(TalkInput { title: " ".into(), ..sample_input() }), "title");
        assert_eq!(field_of(TalkInput { duration_minutes: 0, ..sample_input() }), "duration_minutes");
        assert_eq!(field_of(TalkInput { duration_minutes: 600, ..sample_input() }), "duration_minutes");
        assert_eq!(field_of(TalkInput { tags: vec!["ok".into(), "a,b".into()], ..sample_input() }), "tags[1]");
        assert_eq!(field_of(TalkInput { abstract_text: "x".repeat(20_001), ..sample_input() }), "abstract");
    }

    #[test]
    fn the_abstract_crosses_ipc_under_its_own_name() {
        let json = serde_json::to_value(sample_input()).unwrap();
        assert!(json.get("abstract").is_some(), "{json}");
    }
}
