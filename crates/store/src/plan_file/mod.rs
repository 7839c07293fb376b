//! The plan file: the whole plan (or one person's) as versioned JSON. It is what
//! an advocate sends a manager for review, and a portable backup. The format is
//! documented in docs/plan-format.md; bump `VERSION` when it changes shape.

// Reading a plan file into the store and writing one from it.
mod merge;
mod quarter;
mod travel;

pub use merge::{Counts, ImportSummary};

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::budget::Budget;
use crate::domain::exchange_rate::ExchangeRate;
use crate::domain::quarter_plan::{ActivityFunction, Goal, Outcome, TargetMix};
use crate::domain::trip::Trip;
use crate::domain::{ContentItem, Event, Participation, Person, Submission, Talk, TalkVersion, TimeOff};
use crate::{Error, Result};

pub const FORMAT: &str = "quarterdeck-plan";
/// The newest version this build reads and the one it writes.
/// Version 2 added talks, talk versions, submissions and event ratings; version 3 added content;
/// version 4 added trips, budgets and exchange rates; version 5 added quarter goals,
/// target mixes, chosen DevRel functions and outcomes. Older files still read.
pub const VERSION: u32 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Plan {
    /// Always `quarterdeck-plan`.
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    /// Whose plan this is, when one person's plan was exported; absent for the whole team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub person: Option<String>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub time_off: Vec<TimeOff>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub participations: Vec<Participation>,
    #[serde(default)]
    pub talks: Vec<Talk>,
    #[serde(default)]
    pub talk_versions: Vec<TalkVersion>,
    #[serde(default)]
    pub submissions: Vec<Submission>,
    #[serde(default)]
    pub content: Vec<ContentItem>,
    #[serde(default)]
    pub trips: Vec<Trip>,
    #[serde(default)]
    pub budgets: Vec<Budget>,
    /// Units per euro on the days the file's costs and budgets convert at.
    #[serde(default)]
    pub rates: Vec<ExchangeRate>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub target_mixes: Vec<TargetMix>,
    /// Activities whose DevRel function is not their kind's default.
    #[serde(default)]
    pub functions: Vec<ActivityFunction>,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
}

impl Plan {
    pub fn new(person: Option<String>) -> Plan {
        Plan {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: crate::clock::now(),
            person,
            people: vec![],
            time_off: vec![],
            events: vec![],
            participations: vec![],
            talks: vec![],
            talk_versions: vec![],
            submissions: vec![],
            content: vec![],
            trips: vec![],
            budgets: vec![],
            rates: vec![],
            goals: vec![],
            target_mixes: vec![],
            functions: vec![],
            outcomes: vec![],
        }
    }

    /// Reads a plan file, refusing other JSON and newer versions with a clear message.
    pub fn parse(text: &str) -> Result<Plan> {
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u64>,
        }
        let header: Header = serde_json::from_str(text).map_err(json_error)?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(Error::invalid(
                "format",
                format!("this is not a Quarterdeck plan file (expected \"format\": \"{FORMAT}\")"),
            ));
        }
        match header.version {
            None | Some(0) => return Err(Error::invalid("version", "the plan file has no format version")),
            Some(found) if found > u64::from(VERSION) => {
                return Err(Error::UnsupportedFormat { found, supported: u64::from(VERSION) });
            }
            Some(_) => {}
        }
        serde_json::from_str(text).map_err(json_error)
    }

    pub fn read(path: &Path) -> Result<Plan> {
        Self::parse(&crate::files::read_text(path, crate::files::PLAN)?)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a plan always serialises") + "\n"
    }

    pub fn write(&self, path: &Path) -> Result<()> {
        crate::files::write_whole(path, &self.to_json())
    }
}

fn json_error(err: serde_json::Error) -> Error {
    // serde_json ends its message with "at line L column C"; the field says the line already.
    let text = err.to_string();
    let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m);
    Error::invalid(format!("line {}", err.line()), format!("column {}: {message}", err.column()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_round_trips_through_json() {
        let plan = Plan::new(Some("Maya".into()));
        assert_eq!(Plan::parse(&plan.to_json()).unwrap(), plan);
    }

    #[test]
    fn newer_versions_are_refused_by_name() {
        let text = r#"{"format":"quarterdeck-plan","version":6,"people":[{"some":"future shape"}]}"#;
        let err = Plan::parse(text).unwrap_err();
        assert!(matches!(err, Error::UnsupportedFormat { found: 6, supported: 5 }), "{err}");
        assert!(err.to_string().contains("Update Quarterdeck"));
    }

    #[test]
    fn a_version_1_file_without_talks_still_reads() {
        let text = r#"{"format":"quarterdeck-plan","version":1,"exported_at":"2026-01-05T00:00:00Z","people":[]}"#;
        let plan = Plan::parse(text).unwrap();
        assert!(plan.talks.is_empty() && plan.submissions.is_empty() && plan.content.is_empty());
    }

    #[test]
    fn an_unknown_content_kind_is_named_with_its_line() {
        let text = "{\"format\":\"quarterdeck-plan\",\"version\":3,\"exported_at\":\"2026-01-01T00:00:00Z\",\n\"content\":[{\"kind\":\"vlog\"}]}";
        let err = Plan::parse(text).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "line 2"), "{err}");
        assert!(err.to_string().contains("unknown variant `vlog`"), "{err}");
    }

    #[test]
    fn the_documented_example_imports_and_exports_back_the_same() {
        let doc = include_str!("../../../../docs/plan-format.md");
        let example = doc.split("## Example").nth(1).unwrap();
        let json = example.split("```json").nth(1).unwrap().split("```").next().unwrap();
        let plan = Plan::parse(json).unwrap();
        assert_eq!(plan.version, VERSION, "the example shows the current version");
        let mut store = crate::Store::open_in_memory().unwrap();
        store.import_plan(&plan).unwrap();
        let back = store.export_plan(Some("Maya Okafor")).unwrap();
        assert_eq!((back.people.len(), back.content.len()), (1, 1));
        assert_eq!(Plan { exported_at: plan.exported_at, ..back }, plan, "the same fifteen arrays");
    }

    #[test]
    fn other_json_is_not_a_plan() {
        let err = Plan::parse(r#"{"hello": 1}"#).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "format"), "{err}");
    }

    #[test]
    fn broken_records_name_their_line() {
        let text = "{\"format\":\"quarterdeck-plan\",\"version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\",\n\"events\":[{\"name\":3}]}";
        let err = Plan::parse(text).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "line 2"), "{err}");
    }
}
