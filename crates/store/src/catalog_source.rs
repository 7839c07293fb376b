//! The catalog's source and last update, kept in `setting` under keys of
//! their own (no migration, and the team settings' form stays as it is).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::Store;
use crate::Result;
use crate::domain::catalog_source::{self, CatalogSource};

const BASE_URL: &str = "catalog_base_url";
const UPDATED_AT: &str = "catalog_updated_at";

impl Store {
    /// Where "Update catalog" reads from (confs.tech's until changed) and when it last did.
    pub fn catalog_source(&self) -> Result<CatalogSource> {
        Ok(CatalogSource {
            base_url: self.setting(BASE_URL)?.unwrap_or_else(|| catalog_source::CONFS_TECH_BASE.to_string()),
            updated_at: self.setting(UPDATED_AT)?,
        })
    }

    /// Saves the source's base address (empty for confs.tech's), checked first.
    pub fn save_catalog_source(&mut self, base_url: &str) -> Result<CatalogSource> {
        let clean = catalog_source::base_url("base_url", base_url)?;
        self.write(|tx| put(tx, BASE_URL, &clean))?;
        self.catalog_source()
    }
}

/// Notes when an update finished, inside the update's own transaction.
pub(crate) fn note_update(tx: &Connection, at: DateTime<Utc>) -> Result<()> {
    put(tx, UPDATED_AT, &at)
}

fn put<T: serde::Serialize>(tx: &Connection, key: &str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value).expect("a string or a time always serialises");
    tx.prepare_cached(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, json])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::read_listings;

    #[test]
    fn confs_tech_until_changed_and_a_bad_address_saves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.catalog_source().unwrap().base_url, catalog_source::CONFS_TECH_BASE);
        let saved = store.save_catalog_source("http://127.0.0.1:9/conferences/").unwrap();
        assert_eq!(saved.base_url, "http://127.0.0.1:9/conferences");
        let err = store.save_catalog_source("http://example.org/conferences").unwrap_err();
        assert_eq!(err.to_api().field.as_deref(), Some("base_url"));
        assert_eq!(store.catalog_source().unwrap().base_url, "http://127.0.0.1:9/conferences");
        assert_eq!(store.save_catalog_source("").unwrap().base_url, catalog_source::CONFS_TECH_BASE);
    }

    #[test]
    fn an_update_notes_its_time_with_the_listings() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.catalog_source().unwrap().updated_at, None);
        let text = r#"[{"name":"RustWeek","startDate":"2026-05-18","online":true}]"#;
        let (listings, skipped) = read_listings(&[("2026/rust.json".into(), text.into())]);
        let at = "2026-12-03T10:00:00Z".parse().unwrap();
        let report = store.update_catalog_reporting(&listings, skipped, at, &mut |_| {}).unwrap();
        assert_eq!(report.added, 1);
        assert_eq!(store.catalog_source().unwrap().updated_at, Some(at));
    }
}
