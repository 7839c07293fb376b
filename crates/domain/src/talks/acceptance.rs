//! Acceptance rates: of the submissions the organisers answered, how many
//! said yes, per talk and per speaker.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::{Submission, SubmissionStatus};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Acceptance {
    /// The talk or the person this counts for.
    pub id: Uuid,
    /// Sent to organisers (everything but drafts).
    pub sent: u32,
    /// Sent and not answered yet (submitted, waitlisted).
    pub pending: u32,
    pub accepted: u32,
    pub rejected: u32,
    /// Accepted over answered, 0 to 1; none before the first answer.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AcceptanceReport {
    pub talks: Vec<Acceptance>,
    pub people: Vec<Acceptance>,
}

impl AcceptanceReport {
    pub fn of(submissions: &[Submission]) -> AcceptanceReport {
        AcceptanceReport { talks: tally(submissions, |s| s.talk_id), people: tally(submissions, |s| s.speaker_id) }
    }

    pub fn for_talk(&self, id: Uuid) -> Option<&Acceptance> {
        self.talks.iter().find(|a| a.id == id)
    }
}

fn tally(submissions: &[Submission], key: impl Fn(&Submission) -> Uuid) -> Vec<Acceptance> {
    let mut by: BTreeMap<Uuid, Acceptance> = BTreeMap::new();
    for s in submissions.iter().filter(|s| s.status != SubmissionStatus::Draft) {
        let id = key(s);
        let a = by.entry(id).or_insert(Acceptance { id, sent: 0, pending: 0, accepted: 0, rejected: 0, rate: None });
        a.sent += 1;
        match s.status {
            status if status.is_accepted() => a.accepted += 1,
            SubmissionStatus::Rejected => a.rejected += 1,
            SubmissionStatus::Submitted | SubmissionStatus::Waitlisted => a.pending += 1,
            _ => {}
        }
    }
    by.into_values()
        .map(|a| {
            let answered = a.accepted + a.rejected;
            Acceptance { rate: (answered > 0).then(|| f64::from(a.accepted) / f64::from(answered)), ..a }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubmissionStatus as S;

    fn sub(talk: Uuid, speaker: Uuid, status: S) -> Submission {
        let now = chrono::Utc::now();
        Submission {
            id: Uuid::now_v7(),
            talk_id: talk,
            version_id: Uuid::now_v7(),
            event_id: Uuid::now_v7(),
            speaker_id: speaker,
            status,
            submitted_on: None,
            decided_on: None,
            notes: String::new(),
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn rates_count_answers_only() {
        let (talk, other_talk, maya, li) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let subs = vec![
            sub(talk, maya, S::Accepted),
            sub(talk, maya, S::Confirmed),
            sub(talk, li, S::Rejected),
            sub(talk, li, S::Submitted),
            sub(talk, li, S::Draft),
            sub(other_talk, li, S::Withdrawn),
        ];
        let report = AcceptanceReport::of(&subs);
        let t = report.for_talk(talk).unwrap();
        assert_eq!((t.sent, t.pending, t.accepted, t.rejected), (4, 1, 2, 1));
        assert!((t.rate.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        let withdrawn_only = report.for_talk(other_talk).unwrap();
        assert_eq!((withdrawn_only.sent, withdrawn_only.rate), (1, None));
        let li_rate = report.people.iter().find(|a| a.id == li).unwrap();
        assert_eq!((li_rate.sent, li_rate.rate), (3, Some(0.0)));
    }
}
