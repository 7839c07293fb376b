//! `talks`: the talk library with each talk's versions, submissions and
//! acceptance rate, as the command line prints it.

use std::io::Write;

use super::output::{print_json, table};
use crate::domain::acceptance::{Acceptance, AcceptanceReport};
use crate::domain::{Submission, Talk, TalkVersion};
use crate::store::Store;
use crate::{Error, Result};

/// Prints every talk, as a table or a JSON array of talk records.
pub fn list(store: &Store, json: bool, out: &mut dyn Write) -> Result<()> {
    let records = talk_records(store)?;
    if json {
        return print_json(out, &records);
    }
    write!(out, "{}", talks_table(&records)).map_err(|e| Error::file("standard output", e))
}

/// A talk as `talks` prints it: the talk, where each version went, and how it fared.
#[derive(serde::Serialize)]
struct TalkRecord {
    #[serde(flatten)]
    talk: Talk,
    owner: Option<String>,
    versions: Vec<TalkVersion>,
    submissions: Vec<Submission>,
    acceptance: Option<Acceptance>,
}

fn talk_records(store: &Store) -> Result<Vec<TalkRecord>> {
    let (versions, submissions, people) = (store.talk_versions()?, store.submissions()?, store.people()?);
    let rates = AcceptanceReport::of(&submissions);
    Ok(store
        .talks()?
        .into_iter()
        .map(|talk| TalkRecord {
            owner: people.iter().find(|p| Some(p.id) == talk.owner_id).map(|p| p.name.clone()),
            versions: versions.iter().filter(|v| v.talk_id == talk.id).cloned().collect(),
            submissions: submissions.iter().filter(|s| s.talk_id == talk.id).cloned().collect(),
            acceptance: rates.for_talk(talk.id).cloned(),
            talk,
        })
        .collect())
}

fn talks_table(records: &[TalkRecord]) -> String {
    let rows = records
        .iter()
        .map(|r| {
            let (sent, rate) = match &r.acceptance {
                Some(a) => (a.sent.to_string(), a.rate.map_or("–".to_string(), |x| format!("{:.0} %", x * 100.0))),
                None => ("0".to_string(), "–".to_string()),
            };
            vec![
                r.talk.title.clone(),
                r.talk.format.to_string(),
                format!("{} min", r.talk.duration_minutes),
                r.talk.status.to_string(),
                r.owner.clone().unwrap_or_default(),
                r.versions.len().to_string(),
                sent,
                rate,
            ]
        })
        .collect();
    table(&["TITLE", "FORMAT", "LENGTH", "STATUS", "OWNER", "VERSIONS", "SENT", "ACCEPTED"], rows)
}
