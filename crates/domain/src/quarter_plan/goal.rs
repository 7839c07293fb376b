//! Quarter goals: what a person (or the team) means to achieve in a quarter,
//! counted from the plan as planned, confirmed and done.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::count;
use crate::Result;
use crate::check;
use crate::quarter::Quarter;

text_enum!(
    /// What a goal counts. A travel budget ceiling is the quarter's budget, not a goal.
    GoalMetric {
        Talks = "talks",
        NewTalks = "new_talks",
        Workshops = "workshops",
        Conferences = "conferences",
        Meetups = "meetups",
        Events = "events",
        Posts = "posts",
        Videos = "videos",
        Content = "content",
    }
);

impl GoalMetric {
    /// `6 talks`, `1 meetup`.
    pub fn count_label(self, n: u32) -> String {
        let (one, many) = match self {
            GoalMetric::Talks => ("talk", "talks"),
            GoalMetric::NewTalks => ("new talk", "new talks"),
            GoalMetric::Workshops => ("workshop", "workshops"),
            GoalMetric::Conferences => ("conference", "conferences"),
            GoalMetric::Meetups => ("community meetup", "community meetups"),
            GoalMetric::Events => ("event", "events"),
            GoalMetric::Posts => ("post", "posts"),
            GoalMetric::Videos => ("video", "videos"),
            GoalMetric::Content => ("content piece", "content pieces"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Goal {
    pub id: Uuid,
    pub quarter: Quarter,
    /// Absent for a team goal.
    pub person_id: Option<Uuid>,
    pub metric: GoalMetric,
    pub target: u32,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GoalInput {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<Uuid>,
    /// `2026Q1`.
    pub quarter: String,
    pub person_id: Option<Uuid>,
    pub metric: GoalMetric,
    /// A whole number of at least 0, as text or a number.
    #[serde(deserialize_with = "count::as_text")]
    #[ts(type = "string | number")]
    pub target: String,
    #[serde(default)]
    pub note: String,
}

impl GoalInput {
    pub fn into_goal(&self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> Result<Goal> {
        Ok(Goal {
            id,
            quarter: Quarter::parse("quarter", &self.quarter)?,
            person_id: self.person_id,
            metric: self.metric,
            target: count::parse("target", &self.target)?,
            note: check::text("note", &self.note)?,
            created_at,
            updated_at,
        })
    }
}

impl Goal {
    pub fn input(&self) -> GoalInput {
        GoalInput {
            id: Some(self.id),
            quarter: self.quarter.to_string(),
            person_id: self.person_id,
            metric: self.metric,
            target: self.target.to_string(),
            note: self.note.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(target: &str, quarter: &str) -> GoalInput {
        GoalInput {
            id: None,
            quarter: quarter.into(),
            person_id: None,
            metric: GoalMetric::Talks,
            target: target.into(),
            note: String::new(),
        }
    }

    #[test]
    fn bad_goals_name_their_field() {
        let now = Utc::now();
        assert_eq!(input("6", "2026Q1").into_goal(Uuid::nil(), now, now).unwrap().target, 6);
        let e = input("-2", "2026Q1").into_goal(Uuid::nil(), now, now).unwrap_err();
        assert!(e.to_string().starts_with("target: -2 is negative"), "{e}");
        let e = input("1.5", "2026Q1").into_goal(Uuid::nil(), now, now).unwrap_err();
        assert!(e.to_string().starts_with("target: 1.5 is not a whole number"), "{e}");
        let e = input("3", "2026Q5").into_goal(Uuid::nil(), now, now).unwrap_err();
        assert!(e.to_string().starts_with("quarter: \"2026Q5\" is not a quarter"), "{e}");
    }

    #[test]
    fn a_target_may_arrive_as_a_json_number() {
        let json = r#"{"quarter":"2026Q1","person_id":null,"metric":"posts","target":10}"#;
        let input: GoalInput = serde_json::from_str(json).unwrap();
        assert_eq!(input.target, "10");
        let json = r#"{"quarter":"2026Q1","person_id":null,"metric":"posts","target":-1}"#;
        let input: GoalInput = serde_json::from_str(json).unwrap();
        assert!(input.into_goal(Uuid::nil(), Utc::now(), Utc::now()).is_err());
    }
}
