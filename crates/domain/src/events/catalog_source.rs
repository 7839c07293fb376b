//! Where "Update catalog" reads the current confs.tech listings, which files it
//! asks for, and how strictly it reads what came back. The download itself is
//! the app's; here are only the rules, so that they hold on any machine.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::catalog::{Listing, Skipped, read_listings};
use crate::{Error, Result};

/// The public `tech-conferences/conference-data` repository's listing folder:
/// `<base>/<year>/<topic>.json`.
pub const CONFS_TECH_BASE: &str = "https://raw.githubusercontent.com/tech-conferences/conference-data/main/conferences";

/// The team's catalog source and when the catalog was last brought up to date from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CatalogSource {
    /// The folder holding `<year>/<topic>.json`, without a trailing slash.
    pub base_url: String,
    /// When an update last finished; none before the first.
    pub updated_at: Option<DateTime<Utc>>,
}

/// The listing base a person typed: `https://…`, or plain `http://` only to
/// this machine (a local mirror, the tests' server), never across a network.
/// Empty means confs.tech's own.
pub fn base_url(field: &str, text: &str) -> Result<String> {
    let text = text.trim().trim_end_matches('/');
    if text.is_empty() {
        return Ok(CONFS_TECH_BASE.to_string());
    }
    let (plain, rest) = match (text.strip_prefix("https://"), text.strip_prefix("http://")) {
        (Some(rest), _) => (false, rest),
        (None, Some(rest)) => (true, rest),
        _ => return Err(Error::invalid(field, format!("{text:?} must start with https://"))),
    };
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) || text.len() > 2_000 || rest.contains(['?', '#']) {
        return Err(Error::invalid(field, format!("{text:?} is not a web address of a folder")));
    }
    let authority = rest.split('/').next().unwrap_or("");
    let host = host_of(authority);
    if host.is_empty() {
        return Err(Error::invalid(field, format!("{text:?} names no server")));
    }
    if plain && !is_loopback(host) {
        return Err(Error::invalid(
            field,
            format!("{text:?} is not encrypted: use https:// (plain http only reaches a server on this machine)"),
        ));
    }
    Ok(text.to_string())
}

/// The host of `host[:port]` or `[v6]:port`, without user info.
fn host_of(authority: &str) -> &str {
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

fn is_loopback(host: &str) -> bool {
    // `core::net` only parses text: the address is never reached from here.
    host.eq_ignore_ascii_case("localhost") || host.parse::<core::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The topics the bundled snapshot covers, which an update asks for again.
pub fn bundled_topics() -> Vec<String> {
    let files: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(include_str!("../../data/conference-data.json")).expect("the bundled catalog is JSON");
    let topics: BTreeSet<String> =
        files.keys().filter_map(|name| name.rsplit('/').next()?.strip_suffix(".json").map(str::to_string)).collect();
    topics.into_iter().collect()
}

/// The files an update asks for: this year's and next year's, per topic (`2026/rust.json`).
pub fn update_files(this_year: i32, topics: &[String]) -> Vec<String> {
    [this_year, this_year + 1]
        .iter()
        .flat_map(|year| topics.iter().map(move |topic| format!("{year}/{topic}.json")))
        .collect()
}

/// Reads downloaded listing files as a file import does (a bad entry is
/// skipped with its place), except that a file which is not a listing at all
/// fails the whole update, naming the file and where it broke: a half-served
/// or wrong file is a fault of the source, not something to merge around.
pub fn read_downloaded(files: &[(String, String)]) -> Result<(Vec<Listing>, Vec<Skipped>)> {
    let (listings, skipped) = read_listings(files);
    if let Some(broken) = skipped.iter().find(|s| s.index.is_none()) {
        return Err(Error::invalid(broken.file.clone(), broken.reason.clone()));
    }
    Ok((listings, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_plain_http_only_to_this_machine_and_empty_is_confs_tech() {
        assert_eq!(base_url("base_url", "").unwrap(), CONFS_TECH_BASE);
        assert_eq!(
            base_url("base_url", " https://mirror.example.org/confs/ ").unwrap(),
            "https://mirror.example.org/confs"
        );
        assert_eq!(base_url("base_url", "http://127.0.0.1:8123/c").unwrap(), "http://127.0.0.1:8123/c");
        assert!(base_url("base_url", "http://[::1]:8123").is_ok());
        assert!(base_url("base_url", "http://localhost/x").is_ok());
        let plain = base_url("base_url", "http://mirror.example.org/").unwrap_err();
        assert!(plain.to_string().contains("not encrypted"), "{plain}");
        assert!(base_url("base_url", "http://127.0.0.1.example.org/").is_err(), "a name is not a loopback address");
        let ftp = base_url("base_url", "ftp://example.org").unwrap_err();
        assert!(matches!(&ftp, Error::Invalid { field, .. } if field == "base_url"), "{ftp}");
        assert!(base_url("base_url", "https:///nohost").is_err());
        assert!(base_url("base_url", "https://example.org/a b").is_err());
    }

    #[test]
    fn an_update_asks_for_this_and_next_year_of_each_bundled_topic() {
        let topics = bundled_topics();
        assert!(topics.contains(&"rust".to_string()) && topics.contains(&"general".to_string()), "{topics:?}");
        assert_eq!(topics.len(), topics.iter().collect::<BTreeSet<_>>().len(), "each topic once");
        let files = update_files(2026, &["rust".into(), "general".into()]);
        assert_eq!(files, ["2026/rust.json", "2026/general.json", "2027/rust.json", "2027/general.json"]);
    }

    #[test]
    fn a_file_that_is_not_a_listing_fails_naming_it_and_the_line() {
        let good = r#"[{"name":"RustWeek","startDate":"2026-05-18","online":true}]"#;
        let bad = "[\n  {\"name\": \"Half\",\n";
        let files = vec![("2026/rust.json".to_string(), good.to_string()), ("2026/css.json".to_string(), bad.into())];
        let err = read_downloaded(&files).unwrap_err();
        let Error::Invalid { field, message } = &err else { panic!("{err}") };
        assert_eq!(field, "2026/css.json");
        assert!(message.contains("line 3"), "{message}");
        let entry =
            r#"[{"name":"RustWeek","startDate":"2026-05-18","online":true},{"name":"Vague","startDate":"May"}]"#;
        let (listings, skipped) = read_downloaded(&[("2026/rust.json".into(), entry.into())]).unwrap();
        assert_eq!((listings.len(), skipped.len()), (1, 1), "a bad entry is skipped as a file import skips it");
    }
}
