//! Team de-duplication: before a speaker submits, find teammates who already
//! sent the same talk, or one that reads alike, to the same event.

use std::collections::HashSet;

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::{Submission, SubmissionInput, SubmissionStatus, TalkVersion};

/// Word-set overlap (Jaccard) at or above which two titles count as alike.
pub const SIMILAR_TITLE: f64 = 0.5;
/// The same for abstracts, which share more filler, so a higher bar.
pub const SIMILAR_ABSTRACT: f64 = 0.6;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DuplicateWarning {
    /// The teammate's submission.
    pub submission_id: Uuid,
    pub speaker_id: Uuid,
    pub title: String,
    pub status: SubmissionStatus,
    /// The very same library talk, not just a similar one.
    pub same_talk: bool,
    /// How alike, 0 to 100.
    pub similarity: u8,
}

/// Other speakers' live submissions to the input's event that are the same
/// talk or read alike. `versions` must hold the versions those submissions use.
pub fn duplicates(input: &SubmissionInput, others: &[Submission], versions: &[TalkVersion]) -> Vec<DuplicateWarning> {
    let title = words(&input.title);
    let summary = words(&input.abstract_text);
    let mut out: Vec<DuplicateWarning> = others
        .iter()
        .filter(|s| s.event_id == input.event_id && s.speaker_id != input.speaker_id && Some(s.id) != input.id)
        .filter(|s| !matches!(s.status, SubmissionStatus::Withdrawn))
        .filter_map(|s| {
            let version = versions.iter().find(|v| v.id == s.version_id)?;
            let same_talk = s.talk_id == input.talk_id;
            let by_title = jaccard(&title, &words(&version.title));
            let by_abstract = jaccard(&summary, &words(&version.abstract_text));
            let alike = by_title >= SIMILAR_TITLE || by_abstract >= SIMILAR_ABSTRACT;
            let similarity = if same_talk { 1.0 } else { by_title.max(by_abstract) };
            (same_talk || alike).then(|| DuplicateWarning {
                submission_id: s.id,
                speaker_id: s.speaker_id,
                title: version.title.clone(),
                status: s.status,
                same_talk,
                similarity: (similarity * 100.0).round() as u8,
            })
        })
        .collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.similarity));
    out
}

const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "your", "you", "from", "into", "how", "what", "why", "our", "are", "this", "that",
    "not", "can", "will", "all", "its", "use", "using", "about", "more", "less", "than", "when", "who", "one",
];

/// Lower-case content words, plural `s` dropped, so "Building APIs" meets "build api".
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| {
            let w = w.strip_suffix("ing").filter(|s| s.chars().count() >= 3).unwrap_or(&w);
            w.strip_suffix('s').filter(|s| s.chars().count() >= 3).unwrap_or(w).to_string()
        })
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / a.union(b).count() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(talk_id: Uuid, title: &str, summary: &str) -> TalkVersion {
        let now = chrono::Utc::now();
        TalkVersion {
            id: Uuid::now_v7(),
            talk_id,
            number: 1,
            title: title.into(),
            abstract_text: summary.into(),
            created_at: now,
            updated_at: now,
        }
    }

    fn submission(v: &TalkVersion, event_id: Uuid, speaker_id: Uuid, status: SubmissionStatus) -> Submission {
        let now = chrono::Utc::now();
        Submission {
            id: Uuid::now_v7(),
            talk_id: v.talk_id,
            version_id: v.id,
            event_id,
            speaker_id,
            status,
            submitted_on: None,
            decided_on: None,
            notes: String::new(),
            created_at: now,
            updated_at: now,
        }
    }

    fn input(talk_id: Uuid, event_id: Uuid, speaker_id: Uuid, title: &str) -> SubmissionInput {
        SubmissionInput {
            id: None,
            talk_id,
            event_id,
            speaker_id,
            status: SubmissionStatus::Draft,
            submitted_on: None,
            decided_on: None,
            title: title.into(),
            abstract_text: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn warns_about_a_teammates_same_or_similar_talk_at_the_same_event() {
        let (event, elsewhere, maya, li) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let (talk, other_talk) = (Uuid::now_v7(), Uuid::now_v7());
        let same = version(talk, "Zero to Production with Rust", "");
        let alike = version(other_talk, "Rust in production: zero to one", "");
        let unrelated = version(Uuid::now_v7(), "Docs that developers love", "");
        let versions = vec![same.clone(), alike.clone(), unrelated.clone()];
        let others = vec![
            submission(&same, event, li, SubmissionStatus::Submitted),
            submission(&alike, event, li, SubmissionStatus::Accepted),
            submission(&unrelated, event, li, SubmissionStatus::Submitted),
            submission(&alike, elsewhere, li, SubmissionStatus::Submitted),
            submission(&alike, event, maya, SubmissionStatus::Submitted),
        ];
        let found = duplicates(&input(talk, event, maya, "Zero to Production with Rust"), &others, &versions);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].same_talk && found[0].similarity == 100);
        assert!(!found[1].same_talk && found[1].similarity >= 50, "{found:?}");
    }

    #[test]
    fn withdrawn_and_dissimilar_talks_do_not_warn() {
        let (event, maya, li) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let talk = Uuid::now_v7();
        let v = version(talk, "Zero to Production with Rust", "");
        let others = vec![submission(&v, event, li, SubmissionStatus::Withdrawn)];
        assert!(
            duplicates(&input(talk, event, maya, "Zero to Production with Rust"), &others, std::slice::from_ref(&v))
                .is_empty()
        );
        let live = vec![submission(&v, event, li, SubmissionStatus::Submitted)];
        assert!(duplicates(&input(Uuid::now_v7(), event, maya, "Kubernetes cost tuning"), &live, &[v]).is_empty());
    }

    #[test]
    fn word_forms_meet() {
        assert_eq!(words("Building APIs"), words("build api"));
    }
}
