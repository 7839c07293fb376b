//! The impact log: what came of an event, a talk (a submission given) or a
//! content item once it is done.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::count;
use crate::check;
use crate::{ContentId, Error, EventId, Result, SubmissionId};

/// What an outcome belongs to: one record, through its own foreign key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum OutcomeOf {
    Event(Uuid),
    Submission(Uuid),
    Content(Uuid),
}

impl OutcomeOf {
    pub fn columns(self) -> (Option<Uuid>, Option<Uuid>, Option<Uuid>) {
        match self {
            OutcomeOf::Event(id) => (Some(id), None, None),
            OutcomeOf::Submission(id) => (None, Some(id), None),
            OutcomeOf::Content(id) => (None, None, Some(id)),
        }
    }

    pub fn id(self) -> Uuid {
        match self {
            OutcomeOf::Event(id) | OutcomeOf::Submission(id) | OutcomeOf::Content(id) => id,
        }
    }

    pub fn from_columns(
        event: Option<EventId>,
        submission: Option<SubmissionId>,
        content: Option<ContentId>,
    ) -> Result<OutcomeOf> {
        match (event, submission, content) {
            (Some(EventId(id)), None, None) => Ok(OutcomeOf::Event(id)),
            (None, Some(SubmissionId(id)), None) => Ok(OutcomeOf::Submission(id)),
            (None, None, Some(ContentId(id))) => Ok(OutcomeOf::Content(id)),
            _ => Err(Error::invalid("of", "name exactly one of an event, a submission or a content item")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Outcome {
    pub id: Uuid,
    pub of: OutcomeOf,
    /// People in the room (or watching live).
    pub attendance: Option<u32>,
    /// The talk's rating from its audience, 1 to 5.
    pub rating: Option<f64>,
    pub views: Option<u32>,
    pub signups: Option<u32>,
    pub leads: Option<u32>,
    /// Product feedback items brought back.
    pub feedback_items: Option<u32>,
    pub notes: String,
    pub recorded_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutcomeInput {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<Uuid>,
    pub of: OutcomeOf,
    /// Each figure is a whole number of at least 0, as text or a number; empty or null when not known.
    #[serde(default, deserialize_with = "count::as_optional_text")]
    #[ts(type = "string | number | null")]
    pub attendance: Option<String>,
    /// 1 to 5, decimals allowed.
    #[serde(default, deserialize_with = "count::as_optional_text")]
    #[ts(type = "string | number | null")]
    pub rating: Option<String>,
    #[serde(default, deserialize_with = "count::as_optional_text")]
    #[ts(type = "string | number | null")]
    pub views: Option<String>,
    #[serde(default, deserialize_with = "count::as_optional_text")]
    #[ts(type = "string | number | null")]
    pub signups: Option<String>,
    #[serde(default, deserialize_with = "count::as_optional_text")]
    #[ts(type = "string | number | null")]
    pub leads: Option<String>,
    #[serde(default, deserialize_with = "count::as_optional_text")]
    #[ts(type = "string | number | null")]
    pub feedback_items: Option<String>,
    #[serde(default)]
    pub notes: String,
    pub recorded_on: NaiveDate,
}

impl OutcomeInput {
    pub fn into_outcome(&self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> Result<Outcome> {
        let n = |field: &str, v: &Option<String>| count::parse_optional(field, v.as_deref());
        let outcome = Outcome {
            id,
            of: self.of,
            attendance: n("attendance", &self.attendance)?,
            rating: rating(self.rating.as_deref())?,
            views: n("views", &self.views)?,
            signups: n("signups", &self.signups)?,
            leads: n("leads", &self.leads)?,
            feedback_items: n("feedback_items", &self.feedback_items)?,
            notes: check::text("notes", &self.notes)?,
            recorded_on: crate::bounds::day("recorded_on", self.recorded_on)?,
            created_at,
            updated_at,
        };
        if outcome.is_empty() {
            return Err(Error::invalid("attendance", "record at least one figure or a note"));
        }
        Ok(outcome)
    }
}

impl Outcome {
    fn is_empty(&self) -> bool {
        let figures = [self.attendance, self.views, self.signups, self.leads, self.feedback_items];
        figures.iter().all(Option::is_none) && self.rating.is_none() && self.notes.is_empty()
    }

    pub fn input(&self) -> OutcomeInput {
        let text = |v: Option<u32>| v.map(|n| n.to_string());
        OutcomeInput {
            id: Some(self.id),
            of: self.of,
            attendance: text(self.attendance),
            rating: self.rating.map(|r| r.to_string()),
            views: text(self.views),
            signups: text(self.signups),
            leads: text(self.leads),
            feedback_items: text(self.feedback_items),
            notes: self.notes.clone(),
            recorded_on: self.recorded_on,
        }
    }
}

fn rating(text: Option<&str>) -> Result<Option<f64>> {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    let r: f64 = t.parse().map_err(|_| Error::invalid("rating", format!("{t:?} is not a number")))?;
    if !(1.0..=5.0).contains(&r) {
        return Err(Error::invalid("rating", format!("{t} is outside 1 to 5")));
    }
    Ok(Some((r * 100.0).round() / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> OutcomeInput {
        OutcomeInput {
            id: None,
            of: OutcomeOf::Event(Uuid::nil()),
            attendance: Some("120".into()),
            rating: Some("4.6".into()),
            views: None,
            signups: Some("".into()),
            leads: Some("14".into()),
            feedback_items: None,
            notes: "Booth was busy".into(),
            recorded_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        }
    }

    #[test]
    fn figures_are_optional_whole_counts_and_the_rating_is_1_to_5() {
        let now = Utc::now();
        let o = input().into_outcome(Uuid::nil(), now, now).unwrap();
        assert_eq!((o.attendance, o.signups, o.leads, o.rating), (Some(120), None, Some(14), Some(4.6)));
        let e = OutcomeInput { attendance: Some("-3".into()), ..input() }.into_outcome(Uuid::nil(), now, now);
        assert!(e.unwrap_err().to_string().starts_with("attendance: -3 is negative"));
        let e = OutcomeInput { views: Some("10.5".into()), ..input() }.into_outcome(Uuid::nil(), now, now);
        assert!(e.unwrap_err().to_string().starts_with("views: 10.5 is not a whole number"));
        let e = OutcomeInput { rating: Some("6".into()), ..input() }.into_outcome(Uuid::nil(), now, now);
        assert!(e.unwrap_err().to_string().starts_with("rating: 6 is outside 1 to 5"));
        let blank = OutcomeInput { attendance: None, rating: None, leads: None, notes: " ".into(), ..input() };
        assert!(blank.into_outcome(Uuid::nil(), now, now).is_err(), "an outcome with nothing in it is refused");
    }
}
