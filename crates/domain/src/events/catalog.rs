//! The conference catalog: public conference listings (confs.tech's open data,
//! one JSON array per year and topic) that a team browses and promotes into
//! its pipeline. Parsing is here; merging into the store is in store::catalog.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::check;

/// One conference in the catalog: a listing as stored, with its id and stamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CatalogEntry {
    pub id: Uuid,
    #[serde(flatten)]
    #[ts(flatten)]
    pub listing: Listing,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A conference as a listing file describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Listing {
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub url: String,
    pub city: String,
    pub country: String,
    pub online: bool,
    /// Languages of the talks, as listed (`EN`, `EN,FR`).
    pub locales: String,
    pub cfp_url: String,
    /// Last day of the call for papers; the listing gives no time or zone (read as Anywhere on Earth).
    pub cfp_end_date: Option<NaiveDate>,
    /// Topic files the conference was listed in (`javascript`, `devops`).
    pub topics: Vec<String>,
}

impl Listing {
    /// Conferences are the same when their names match (ignoring case and spacing) and they start the same day.
    pub fn key(&self) -> (String, NaiveDate) {
        (name_key(&self.name), self.start_date)
    }
}

pub fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// An entry or file left out of an import, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Skipped {
    pub file: String,
    /// Position in the file's array; absent when the whole file was skipped.
    pub index: Option<u32>,
    pub reason: String,
}

/// The shape of one confs.tech record; unknown fields (twitter, cocUrl…) are ignored.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConfsTechRecord {
    name: String,
    url: Option<String>,
    start_date: String,
    end_date: Option<String>,
    city: Option<String>,
    country: Option<String>,
    #[serde(default)]
    online: bool,
    locales: Option<String>,
    cfp_url: Option<String>,
    cfp_end_date: Option<String>,
}

/// How far a catalog import has got, for a progress bar: files read, then rows saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ImportProgress {
    pub stage: ImportStage,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStage {
    /// Files fetched from the catalog source ("Update catalog").
    Downloading,
    Reading,
    Saving,
}

/// The confs.tech snapshot (2026–2027) that ships inside the app; see data/README.md.
pub fn bundled() -> (Vec<Listing>, Vec<Skipped>) {
    let files: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(include_str!("../../data/conference-data.json")).expect("the bundled catalog is JSON");
    let texts: Vec<(String, String)> = files.into_iter().map(|(name, items)| (name, items.to_string())).collect();
    read_listings(&texts)
}

/// Reads listing files into de-duplicated listings (topics merged), and what was skipped.
pub fn read_listings(files: &[(String, String)]) -> (Vec<Listing>, Vec<Skipped>) {
    let mut merged: BTreeMap<(String, NaiveDate), Listing> = BTreeMap::new();
    let mut skipped = vec![];
    for (file, text) in files {
        let topic = Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let records: Vec<serde_json::Value> = match serde_json::from_str(text) {
            Ok(serde_json::Value::Array(items)) => items,
            Ok(_) => {
                skipped.push(Skipped {
                    file: file.clone(),
                    index: None,
                    reason: "not a JSON array of conferences".into(),
                });
                continue;
            }
            Err(e) => {
                skipped.push(Skipped { file: file.clone(), index: None, reason: format!("not valid JSON: {e}") });
                continue;
            }
        };
        for (index, value) in records.into_iter().enumerate() {
            match listing(value, &topic) {
                Ok(listing) => {
                    let key = listing.key();
                    match merged.get_mut(&key) {
                        Some(seen) => {
                            if !seen.topics.contains(&topic) {
                                seen.topics.push(topic.clone());
                                seen.topics.sort();
                            }
                        }
                        None => {
                            merged.insert(key, listing);
                        }
                    }
                }
                Err(reason) => skipped.push(Skipped { file: file.clone(), index: Some(index as u32), reason }),
            }
        }
    }
    (merged.into_values().collect(), skipped)
}

fn listing(value: serde_json::Value, topic: &str) -> std::result::Result<Listing, String> {
    let record: ConfsTechRecord = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let name = check::name("name", &record.name).map_err(|e| e.to_string())?;
    let start_date = date("startDate", &record.start_date)?;
    let end_date = match record.end_date.as_deref() {
        Some(text) => date("endDate", text)?,
        None => start_date,
    };
    if end_date < start_date {
        return Err(format!("{name}: endDate {end_date} is before startDate {start_date}"));
    }
    let cfp_end_date = record.cfp_end_date.as_deref().map(|t| date("cfpEndDate", t)).transpose()?;
    let web = |field: &str, value: Option<String>| {
        // A malformed link is dropped rather than losing the conference.
        check::url(field, value.as_deref().unwrap_or("")).unwrap_or_default()
    };
    Ok(Listing {
        name,
        start_date,
        end_date,
        url: web("url", record.url),
        city: record.city.unwrap_or_default().trim().to_string(),
        country: record.country.unwrap_or_default().trim().to_string(),
        online: record.online,
        locales: record.locales.unwrap_or_default(),
        cfp_url: web("cfpUrl", record.cfp_url),
        cfp_end_date,
        topics: vec![topic.to_string()],
    })
}

fn date(field: &str, text: &str) -> std::result::Result<NaiveDate, String> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{field} {text:?} is not a YYYY-MM-DD date"))?;
    crate::bounds::day(field, day).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(files: &[(&str, &str)]) -> (Vec<Listing>, Vec<Skipped>) {
        let owned: Vec<(String, String)> = files.iter().map(|(f, t)| (f.to_string(), t.to_string())).collect();
        read_listings(&owned)
    }

    const RUSTWEEK: &str = r#"{"name":"RustWeek","url":"https://2026.rustweek.org","startDate":"2026-05-18",
        "endDate":"2026-05-23","city":"Utrecht","country":"Netherlands","online":false,"locales":"EN"}"#;

    #[test]
    fn the_same_conference_in_two_topic_files_is_one_entry_with_both_topics() {
        let (listings, skipped) =
            read(&[("2026/rust.json", &format!("[{RUSTWEEK}]")), ("2026/general.json", &format!("[{RUSTWEEK}]"))]);
        assert!(skipped.is_empty());
        assert_eq!(listings.len(), 1);
        assert_eq!(listings[0].topics, vec!["general", "rust"]);
    }

    #[test]
    fn bad_entries_are_skipped_with_file_and_index_and_the_rest_kept() {
        let text = format!(
            r#"[{RUSTWEEK},
            {{"name":"Backwards","startDate":"2026-05-10","endDate":"2026-05-01","online":true}},
            {{"name":"Vague","startDate":"May 2026","online":true}},
            {{"startDate":"2026-01-01"}}]"#
        );
        let (listings, skipped) = read(&[("rust.json", &text)]);
        assert_eq!(listings.len(), 1);
        let at: Vec<(Option<u32>, &str)> = skipped.iter().map(|s| (s.index, s.reason.as_str())).collect();
        assert_eq!(at.len(), 3);
        assert_eq!(at[0].0, Some(1));
        assert!(at[0].1.contains("before startDate"), "{}", at[0].1);
        assert_eq!(at[1].0, Some(2));
        assert!(at[1].1.contains("startDate \"May 2026\""), "{}", at[1].1);
        assert!(at[2].1.contains("name"), "{}", at[2].1);
    }

    #[test]
    fn the_bundled_snapshot_reads_cleanly() {
        let (listings, skipped) = bundled();
        assert!(skipped.is_empty(), "{skipped:?}");
        assert!(listings.len() > 300, "{} conferences", listings.len());
        assert!(listings.iter().any(|l| l.name == "RustWeek" && l.topics.contains(&"rust".to_string())));
    }

    #[test]
    fn a_file_that_is_not_a_listing_is_skipped_whole() {
        let (listings, skipped) = read(&[("a.json", "{\"not\": \"an array\"}"), ("b.json", "[oops"), ("c.json", "[]")]);
        assert!(listings.is_empty());
        assert_eq!(skipped.len(), 2);
        assert!(skipped.iter().all(|s| s.index.is_none()));
    }
}
