//! A submission: one talk sent to one event's call for papers, by one speaker,
//! and how that moves the event along the pipeline.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{Error, Result, Valid};
use crate::{EventStatus, check};

text_enum!(
    SubmissionStatus {
        Draft = "draft",
        Submitted = "submitted",
        Accepted = "accepted",
        Rejected = "rejected",
        Waitlisted = "waitlisted",
        Withdrawn = "withdrawn",
        Confirmed = "confirmed",
    }
);

impl SubmissionStatus {
    /// Accepted, and possibly confirmed since.
    pub fn is_accepted(self) -> bool {
        matches!(self, SubmissionStatus::Accepted | SubmissionStatus::Confirmed)
    }

    /// The organisers have answered yes or no.
    pub fn is_decided(self) -> bool {
        self.is_accepted() || self == SubmissionStatus::Rejected
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Submission {
    pub id: Uuid,
    pub talk_id: Uuid,
    /// The talk version (title and abstract) sent with this submission.
    pub version_id: Uuid,
    pub event_id: Uuid,
    pub speaker_id: Uuid,
    pub status: SubmissionStatus,
    pub submitted_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the submission form sends. A new submission forks the talk into a new
/// version holding `title` and `abstract`; saving again edits that version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SubmissionInput {
    #[ts(optional)]
    #[serde(default)]
    pub id: Option<Uuid>,
    pub talk_id: Uuid,
    pub event_id: Uuid,
    pub speaker_id: Uuid,
    pub status: SubmissionStatus,
    pub submitted_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub title: String,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub notes: String,
}

impl SubmissionInput {
    pub fn validate(&self) -> Result<Valid<SubmissionInput>> {
        self.cleaned().map(Valid::checked)
    }

    fn cleaned(&self) -> Result<SubmissionInput> {
        crate::bounds::opt_day("submitted_on", self.submitted_on)?;
        crate::bounds::opt_day("decided_on", self.decided_on)?;
        if let (Some(sent), Some(decided)) = (self.submitted_on, self.decided_on)
            && decided < sent
        {
            return Err(Error::invalid("decided_on", format!("decided on {decided}, before it was sent on {sent}")));
        }
        if self.decided_on.is_some() && matches!(self.status, SubmissionStatus::Draft) {
            return Err(Error::invalid(
                "decided_on",
                "a draft has not been decided; clear the date or change the status",
            ));
        }
        Ok(SubmissionInput {
            title: check::name("title", &self.title)?,
            abstract_text: check::text("abstract", &self.abstract_text)?,
            notes: check::text("notes", &self.notes)?,
            ..self.clone()
        })
    }
}

impl Submission {
    pub fn input(&self, title: &str, abstract_text: &str) -> SubmissionInput {
        SubmissionInput {
            id: Some(self.id),
            talk_id: self.talk_id,
            event_id: self.event_id,
            speaker_id: self.speaker_id,
            status: self.status,
            submitted_on: self.submitted_on,
            decided_on: self.decided_on,
            title: title.to_string(),
            abstract_text: abstract_text.to_string(),
            notes: self.notes.clone(),
        }
    }
}

/// Where an event stands given its submissions: the furthest any of them got
/// (confirmed, accepted, waitlisted, submitted), or rejected when every answered
/// submission was turned down. The pipeline only moves forward this way: an
/// event the team moved further by hand, done or cancelled keeps its status.
pub fn event_status_after(current: EventStatus, submissions: &[SubmissionStatus]) -> EventStatus {
    use EventStatus as E;
    use SubmissionStatus as S;
    let has = |s: S| submissions.contains(&s);
    let derived = if has(S::Confirmed) {
        E::Confirmed
    } else if has(S::Accepted) {
        E::Accepted
    } else if has(S::Waitlisted) {
        E::Waitlisted
    } else if has(S::Submitted) {
        E::Submitted
    } else if has(S::Rejected) {
        E::Rejected
    } else {
        return current;
    };
    let rank = |s: E| match s {
        E::Considering => 0,
        E::CfpOpen => 1,
        E::Submitted => 2,
        E::Waitlisted | E::Rejected => 3,
        E::Accepted => 4,
        E::Confirmed => 5,
        E::Done | E::Cancelled => 6,
    };
    let moves_on = rank(derived) > rank(current)
        // A waitlist place that turns into a rejection, or back, is news too.
        || (rank(derived) == 3 && rank(current) == 3);
    if moves_on { derived } else { current }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EventStatus as E;
    use SubmissionStatus as S;

    #[test]
    fn the_event_follows_its_best_submission_forward() {
        assert_eq!(event_status_after(E::Considering, &[S::Draft]), E::Considering);
        assert_eq!(event_status_after(E::CfpOpen, &[S::Submitted]), E::Submitted);
        assert_eq!(event_status_after(E::Submitted, &[S::Rejected, S::Accepted]), E::Accepted);
        assert_eq!(event_status_after(E::Submitted, &[S::Waitlisted]), E::Waitlisted);
        assert_eq!(event_status_after(E::Waitlisted, &[S::Rejected]), E::Rejected);
        assert_eq!(event_status_after(E::Rejected, &[S::Waitlisted]), E::Waitlisted);
        assert_eq!(event_status_after(E::Accepted, &[S::Confirmed]), E::Confirmed);
        assert_eq!(event_status_after(E::Submitted, &[S::Withdrawn]), E::Submitted);
    }

    #[test]
    fn it_never_moves_back_or_out_of_done() {
        assert_eq!(event_status_after(E::Accepted, &[S::Submitted]), E::Accepted);
        assert_eq!(event_status_after(E::Confirmed, &[S::Rejected]), E::Confirmed);
        assert_eq!(event_status_after(E::Done, &[S::Accepted]), E::Done);
        assert_eq!(event_status_after(E::Cancelled, &[S::Confirmed]), E::Cancelled);
    }

    #[test]
    fn dates_must_be_in_order() {
        let input = SubmissionInput {
            id: None,
            talk_id: Uuid::nil(),
            event_id: Uuid::nil(),
            speaker_id: Uuid::nil(),
            status: S::Accepted,
            submitted_on: "2026-03-02".parse().ok(),
            decided_on: "2026-03-01".parse().ok(),
            title: "T".into(),
            abstract_text: String::new(),
            notes: String::new(),
        };
        let err = input.validate().unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "decided_on"), "{err}");
        let err = SubmissionInput { title: "".into(), decided_on: None, ..input }.validate().unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "title"), "{err}");
    }
}
