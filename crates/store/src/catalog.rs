//! SQL for `catalog_entry`: merging listings so that a re-import never duplicates.

use rusqlite::{Connection, Row, params};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::rows::{id_text, uuid};
use super::{Store, now};
use crate::Result;
use crate::domain::catalog::{CatalogEntry, ImportProgress, ImportStage, Listing, Skipped, name_key};

const COLUMNS: &str = "id, name, start_date, end_date, url, city, country, online, locales, cfp_url, \
                       cfp_end_date, topics, created_at, updated_at";

/// A listing whose start date moved by at most this much, in the same place,
/// is the same edition with new dates; further, or elsewhere, it is another
/// edition (a conference held in spring and autumn, or in two cities).
const MOVED_DAYS: i64 = 56;

/// What a catalog import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct CatalogImport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// One line per updated conference: what changed.
    pub changes: Vec<String>,
    pub skipped: Vec<Skipped>,
}

impl Store {
    /// The catalog, soonest first.
    pub fn catalog(&self) -> Result<Vec<CatalogEntry>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM catalog_entry ORDER BY start_date, name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Merges listings in one transaction: new ones added, known ones updated
    /// when their dates, links or CFP changed (topics accumulate), the rest unchanged.
    pub fn import_listings(&mut self, listings: &[Listing], skipped: Vec<Skipped>) -> Result<CatalogImport> {
        self.import_listings_reporting(listings, skipped, &mut |_| {})
    }

    /// `import_listings`, reporting rows saved to `progress` every so often.
    pub fn import_listings_reporting(
        &mut self,
        listings: &[Listing],
        skipped: Vec<Skipped>,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<CatalogImport> {
        self.write(|tx| merge(tx, listings, skipped, progress))
    }

    /// Merges listings downloaded from the catalog source, as a file import
    /// does, and notes `at` as the catalog's last update: both or neither.
    pub fn update_catalog_reporting(
        &mut self,
        listings: &[Listing],
        skipped: Vec<Skipped>,
        at: chrono::DateTime<chrono::Utc>,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<CatalogImport> {
        self.write(|tx| {
            let report = merge(tx, listings, skipped, progress)?;
            super::catalog_source::note_update(tx, at)?;
            Ok(report)
        })
    }
}

fn merge(
    tx: &Connection,
    listings: &[Listing],
    skipped: Vec<Skipped>,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<CatalogImport> {
    let total = listings.len() as u32;
    let mut report_at = |done: usize| {
        if done.is_multiple_of(PROGRESS_EVERY) || done == listings.len() {
            progress(ImportProgress { stage: ImportStage::Saving, done: done as u32, total });
        }
    };
    let mut report = CatalogImport { skipped, ..CatalogImport::default() };
    let now = now();
    for (i, (listing, same)) in listings.iter().zip(editions(tx, listings)?).enumerate() {
        report_at(i);
        match same {
            None => {
                put(tx, &entry(Uuid::now_v7(), listing, vec![], now, now))?;
                report.added += 1;
            }
            Some(old) => {
                let next = entry(old.id, listing, old.listing.topics.clone(), old.created_at, now);
                let changed = differences(&old.listing, &next.listing);
                if changed.is_empty() {
                    report.unchanged += 1;
                } else {
                    put(tx, &next)?;
                    report.updated += 1;
                    report.changes.push(format!("{}: {}", next.listing.name, changed.join("; ")));
                }
            }
        }
    }
    report_at(listings.len());
    Ok(report)
}

/// Rows between two progress reports: often enough for a smooth bar, rarely
/// enough that reporting costs nothing next to the writes.
const PROGRESS_EVERY: usize = 50;

/// The stored form of `listing`, keeping topics the entry already had.
fn entry(
    id: Uuid,
    listing: &Listing,
    mut topics: Vec<String>,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
) -> CatalogEntry {
    topics.extend(listing.topics.iter().cloned());
    topics.sort();
    topics.dedup();
    CatalogEntry { id, listing: Listing { topics, ..listing.clone() }, created_at, updated_at }
}

/// What a person would call a change, in words.
fn differences(old: &Listing, new: &Listing) -> Vec<String> {
    let mut out = vec![];
    if (old.start_date, old.end_date) != (new.start_date, new.end_date) {
        out.push(format!("dates {}–{} → {}–{}", old.start_date, old.end_date, new.start_date, new.end_date));
    }
    if old.cfp_end_date != new.cfp_end_date {
        let show = |d: Option<chrono::NaiveDate>| d.map_or("none".to_string(), |d| d.to_string());
        out.push(format!("CFP closes {} → {}", show(old.cfp_end_date), show(new.cfp_end_date)));
    }
    if (&old.city, &old.country, old.online) != (&new.city, &new.country, new.online) {
        out.push("place".into());
    }
    if (&old.url, &old.cfp_url) != (&new.url, &new.cfp_url) {
        out.push("links".into());
    }
    if old.name != new.name || old.locales != new.locales {
        out.push("details".into());
    }
    if old.topics != new.topics {
        out.push(format!("topics {}", new.topics.join(", ")));
    }
    out
}

/// The stored entry each listing updates, if any. First every listing that
/// names a stored edition exactly (same name and start) takes it; then each
/// other listing takes the nearest edition left that is plausibly the same one
/// moved: same name, same place, start within [`MOVED_DAYS`]. An edition is
/// taken once, so two editions in one file never fold into one.
fn editions(conn: &Connection, listings: &[Listing]) -> Result<Vec<Option<CatalogEntry>>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM catalog_entry WHERE name_key = ?1"))?;
    let mut stored = |l: &Listing| -> Result<Vec<CatalogEntry>> {
        Ok(stmt.query_map([name_key(&l.name)], from_row)?.collect::<rusqlite::Result<_>>()?)
    };
    let mut taken = std::collections::HashSet::new();
    let mut found: Vec<Option<CatalogEntry>> = Vec::with_capacity(listings.len());
    for l in listings {
        let exact = stored(l)?.into_iter().find(|c| c.listing.start_date == l.start_date);
        taken.extend(exact.as_ref().map(|c| c.id));
        found.push(exact);
    }
    for (l, slot) in listings.iter().zip(found.iter_mut()).filter(|(_, slot)| slot.is_none()) {
        let moved = stored(l)?
            .into_iter()
            .filter(|c| !taken.contains(&c.id) && same_place(&c.listing, l))
            .map(|c| ((c.listing.start_date - l.start_date).num_days().abs(), c))
            .filter(|(days, _)| *days <= MOVED_DAYS)
            .min_by_key(|(days, _)| *days)
            .map(|(_, c)| c);
        taken.extend(moved.as_ref().map(|c| c.id));
        *slot = moved;
    }
    Ok(found)
}

/// The same city and country, ignoring case; a side that leaves one out
/// (a listing not yet placed) does not count against it.
fn same_place(a: &Listing, b: &Listing) -> bool {
    let agree = |x: &str, y: &str| x.is_empty() || y.is_empty() || name_key(x) == name_key(y);
    agree(&a.city, &b.city) && agree(&a.country, &b.country)
}

fn put(conn: &Connection, e: &CatalogEntry) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO catalog_entry (id, name, name_key, start_date, end_date, url, city, country, online, locales,
                                    cfp_url, cfp_end_date, topics, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
           start_date = excluded.start_date, end_date = excluded.end_date, url = excluded.url,
           city = excluded.city, country = excluded.country, online = excluded.online,
           locales = excluded.locales, cfp_url = excluded.cfp_url, cfp_end_date = excluded.cfp_end_date,
           topics = excluded.topics, updated_at = excluded.updated_at",
    )?;
    let l = &e.listing;
    stmt.execute(params![
        id_text(e.id),
        l.name,
        name_key(&l.name),
        l.start_date,
        l.end_date,
        l.url,
        l.city,
        l.country,
        l.online,
        l.locales,
        l.cfp_url,
        l.cfp_end_date,
        l.topics.join(","),
        e.created_at,
        e.updated_at
    ])?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<CatalogEntry> {
    let topics: String = row.get("topics")?;
    Ok(CatalogEntry {
        id: uuid(row, "id")?,
        listing: Listing {
            name: row.get("name")?,
            start_date: row.get("start_date")?,
            end_date: row.get("end_date")?,
            url: row.get("url")?,
            city: row.get("city")?,
            country: row.get("country")?,
            online: row.get("online")?,
            locales: row.get("locales")?,
            cfp_url: row.get("cfp_url")?,
            cfp_end_date: row.get("cfp_end_date")?,
            topics: topics.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect(),
        },
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::read_listings;

    fn listings(text: &str, file: &str) -> Vec<Listing> {
        let (listings, skipped) = read_listings(&[(file.to_string(), text.to_string())]);
        assert!(skipped.is_empty(), "{skipped:?}");
        listings
    }

    const CONF: &str = r#"[{"name":"JSNation","url":"https://jsnation.com","startDate":"2026-06-11",
        "endDate":"2026-06-12","city":"Amsterdam","country":"Netherlands","online":false,"locales":"EN",
        "cfpUrl":"https://jsnation.com/cfp","cfpEndDate":"2026-02-01"}]"#;

    #[test]
    fn importing_twice_adds_nothing_the_second_time() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store.import_listings(&listings(CONF, "javascript.json"), vec![]).unwrap();
        assert_eq!((first.added, first.updated, first.unchanged), (1, 0, 0));
        let second = store.import_listings(&listings(CONF, "javascript.json"), vec![]).unwrap();
        assert_eq!((second.added, second.updated, second.unchanged), (0, 0, 1));
        assert_eq!(store.catalog().unwrap().len(), 1);
    }

    #[test]
    fn a_moved_date_or_cfp_is_an_update_not_a_new_conference() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_listings(&listings(CONF, "javascript.json"), vec![]).unwrap();
        let moved = CONF.replace("2026-06-11", "2026-06-18").replace("2026-06-12", "2026-06-19");
        let report = store.import_listings(&listings(&moved, "javascript.json"), vec![]).unwrap();
        assert_eq!((report.added, report.updated), (0, 1));
        assert!(
            report.changes[0].contains("dates 2026-06-11–2026-06-12 → 2026-06-18–2026-06-19"),
            "{:?}",
            report.changes
        );
        let catalog = store.catalog().unwrap();
        assert_eq!(catalog.len(), 1);
        assert_eq!(catalog[0].listing.start_date.to_string(), "2026-06-18");
    }

    #[test]
    fn two_editions_in_one_year_are_both_kept_and_each_can_move() {
        let mut store = Store::open_in_memory().unwrap();
        let spring = CONF.trim_start_matches('[').trim_end_matches(']');
        let autumn = spring.replace("2026-06-1", "2026-08-0").replace("Amsterdam", "New York");
        let both = format!("[{spring},{autumn}]");
        let first = store.import_listings(&listings(&both, "javascript.json"), vec![]).unwrap();
        assert_eq!((first.added, first.updated), (2, 0), "{:?}", first.changes);
        // Three editions now: the spring one moves a week, the other two are new
        // (New York in August was there; a second Amsterdam one six months on is not a move).
        let later = spring.replace("2026-06-1", "2026-12-1");
        let spring_moved = spring.replace("2026-06-11", "2026-06-18").replace("2026-06-12", "2026-06-19");
        let file = format!("[{spring_moved},{autumn},{later}]");
        let report = store.import_listings(&listings(&file, "javascript.json"), vec![]).unwrap();
        assert_eq!((report.added, report.updated, report.unchanged), (1, 1, 1), "{:?}", report.changes);
        assert!(report.changes[0].contains("dates 2026-06-11–2026-06-12 → 2026-06-18–2026-06-19"));
        let starts: Vec<String> =
            store.catalog().unwrap().iter().map(|e| format!("{} {}", e.listing.start_date, e.listing.city)).collect();
        assert_eq!(starts, ["2026-06-18 Amsterdam", "2026-08-01 New York", "2026-12-11 Amsterdam"]);
    }

    #[test]
    fn a_date_change_in_another_city_is_another_edition() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_listings(&listings(CONF, "javascript.json"), vec![]).unwrap();
        let elsewhere = CONF.replace("2026-06-11", "2026-06-25").replace("2026-06-12", "2026-06-26");
        let elsewhere = elsewhere.replace("Amsterdam", "Berlin").replace("Netherlands", "Germany");
        let report = store.import_listings(&listings(&elsewhere, "javascript.json"), vec![]).unwrap();
        assert_eq!((report.added, report.updated), (1, 0));
        assert_eq!(store.catalog().unwrap().len(), 2);
    }

    #[test]
    fn topics_accumulate_across_files() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_listings(&listings(CONF, "javascript.json"), vec![]).unwrap();
        let report = store.import_listings(&listings(CONF, "general.json"), vec![]).unwrap();
        assert_eq!(report.updated, 1);
        assert_eq!(store.catalog().unwrap()[0].listing.topics, vec!["general", "javascript"]);
        let again = store.import_listings(&listings(CONF, "javascript.json"), vec![]).unwrap();
        assert_eq!(again.unchanged, 1, "re-importing one topic file keeps the other topic");
    }

    #[test]
    fn the_same_name_a_year_later_is_another_edition() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_listings(&listings(CONF, "javascript.json"), vec![]).unwrap();
        let next_year = CONF.replace("2026-", "2027-");
        let report = store.import_listings(&listings(&next_year, "javascript.json"), vec![]).unwrap();
        assert_eq!(report.added, 1);
        assert_eq!(store.catalog().unwrap().len(), 2);
    }
}
