//! Deletions that can be undone. Before a record is deleted, the rows that go
//! with it are kept: its own, every row `ON DELETE CASCADE` takes along, and
//! each link `ON DELETE SET NULL` cuts. Both are found by following the
//! schema's foreign keys, so a table added later is covered without code here.
//! `restore` puts them back in one transaction, parents first, or writes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use uuid::Uuid;

use super::Store;
use super::rows::id_text;
use crate::domain::deletion::RecordKind;
use crate::{Error, Result};

/// What one deletion took from the file, enough to put it back.
#[derive(Debug, Clone)]
pub struct DeletedRows {
    pub kind: RecordKind,
    /// How the user knows the record: a trip's title, a person's name.
    pub label: String,
    /// The table of the record itself (its cascaded rows are in others).
    root: String,
    /// The rows, by table, each in its table's column order.
    tables: BTreeMap<String, TableRows>,
    /// Links that were set to NULL, to set again.
    relinks: Vec<Relink>,
    /// Identities of the rows kept, so a row reached twice is kept once.
    seen: HashSet<String>,
}

#[derive(Debug, Clone)]
struct TableRows {
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

/// A row left in place whose link to a deleted row was set to NULL: its
/// `columns` held `values`, the `parent_columns` of a row of `parent`.
#[derive(Debug, Clone)]
struct Relink {
    table: String,
    /// The row's primary key (or rowid) columns and values.
    key: Vec<(String, Value)>,
    columns: Vec<String>,
    values: Vec<Value>,
    parent: String,
    parent_columns: Vec<String>,
}

impl DeletedRows {
    /// Deletes the rows of `table` matching `key` (column, value pairs), keeping them
    /// and everything the deletion takes along. Nothing matching is a not-found error.
    pub(super) fn take(
        conn: &Connection,
        kind: RecordKind,
        label: impl Into<String>,
        table: &str,
        key: &[(&str, Value)],
    ) -> Result<DeletedRows> {
        let mut deleted = DeletedRows {
            kind,
            label: label.into(),
            root: table.to_string(),
            tables: BTreeMap::new(),
            relinks: vec![],
            seen: HashSet::new(),
        };
        if deleted.take_more(conn, table, key)? == 0 {
            let id = key.iter().map(|(_, v)| shown(v)).collect::<Vec<_>>().join(" ");
            return Err(Error::NotFound { entity: kind.noun(), id });
        }
        Ok(deleted)
    }

    /// Deletes more rows as part of the same deletion (a submission's forked version).
    pub(super) fn take_more(&mut self, conn: &Connection, table: &str, key: &[(&str, Value)]) -> Result<usize> {
        let schema = Schema::read(conn)?;
        let columns: Vec<String> = key.iter().map(|(c, _)| c.to_string()).collect();
        let values: Vec<Value> = key.iter().map(|(_, v)| v.clone()).collect();
        let mut queue: Vec<(String, Vec<Value>)> = vec![];
        for (identity, row) in schema.rows(conn, table, &columns, &values)? {
            if self.keep(&schema, table, &identity, row.clone()) {
                queue.push((table.to_string(), row));
            }
        }
        while let Some((parent, row)) = queue.pop() {
            for (child, link) in schema.children(&parent) {
                let values: Vec<Value> = link.to.iter().map(|c| row[schema.table(&parent).column(c)].clone()).collect();
                if values.contains(&Value::Null) {
                    continue;
                }
                let found = schema.rows(conn, child, &link.from, &values)?;
                match link.on_delete {
                    OnDelete::Cascade => {
                        for (identity, row) in found {
                            if self.keep(&schema, child, &identity, row.clone()) {
                                queue.push((child.to_string(), row));
                            }
                        }
                    }
                    OnDelete::SetNull => {
                        let key_columns = &schema.table(child).key;
                        self.relinks.extend(found.into_iter().map(|(identity, _)| Relink {
                            table: child.to_string(),
                            key: key_columns.iter().cloned().zip(identity).collect(),
                            columns: link.from.clone(),
                            values: values.clone(),
                            parent: parent.clone(),
                            parent_columns: link.to.clone(),
                        }));
                    }
                    OnDelete::Other => {}
                }
            }
        }
        let sql = format!("DELETE FROM {} WHERE {}", quoted(table), matching(&columns));
        Ok(conn.execute(&sql, params_from_iter(values.iter()))?)
    }

    /// Adds a row unless it is kept already; tells whether it was new.
    fn keep(&mut self, schema: &Schema, table: &str, identity: &[Value], row: Vec<Value>) -> bool {
        if !self.seen.insert(format!("{table}\u{0}{identity:?}")) {
            return false;
        }
        let rows = self
            .tables
            .entry(table.to_string())
            .or_insert_with(|| TableRows { columns: schema.table(table).columns.clone(), rows: vec![] });
        rows.rows.push(row);
        true
    }

    /// How many rows it holds, of every table.
    pub fn row_count(&self) -> usize {
        self.tables.values().map(|t| t.rows.len()).sum()
    }

    /// Inserts the rows again, parents first, then sets again the links that
    /// are still empty on rows still there. A row whose parent has gone since,
    /// or that clashes with one added since, stops it with nothing written.
    fn restore(&self, conn: &Connection) -> Result<()> {
        let schema = Schema::read(conn)?;
        let mut tables: Vec<(&String, &TableRows)> = self.tables.iter().collect();
        tables.sort_by_key(|(name, _)| schema.depth(name));
        for (name, kept) in tables {
            let table = schema.find(name).ok_or_else(|| Error::invalid(name.as_str(), "this table is gone"))?;
            let index: HashMap<&str, usize> = kept.columns.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                quoted(name),
                kept.columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "),
                vec!["?"; kept.columns.len()].join(", ")
            );
            let mut insert = conn.prepare(&sql)?;
            for row in &kept.rows {
                for link in &table.links {
                    let values: Vec<Value> = link.from.iter().map(|c| row[index[c.as_str()]].clone()).collect();
                    if !values.contains(&Value::Null) && !schema.exists(conn, &link.parent, &link.to, &values)? {
                        return Err(self.missing(name, link));
                    }
                }
                insert.execute(params_from_iter(row.iter())).map_err(|e| self.clash(name, e))?;
            }
        }
        for r in &self.relinks {
            if !schema.exists(conn, &r.parent, &r.parent_columns, &r.values)? {
                continue;
            }
            let set: Vec<String> = r.columns.iter().map(|c| format!("{} = ?", quoted(c))).collect();
            let empty: Vec<String> = r.columns.iter().map(|c| format!("{} IS NULL", quoted(c))).collect();
            let key: Vec<String> = r.key.iter().map(|(c, _)| c.clone()).collect();
            let sql = format!(
                "UPDATE {} SET {} WHERE {} AND {}",
                quoted(&r.table),
                set.join(", "),
                matching(&key),
                empty.join(" AND ")
            );
            let args = r.values.iter().chain(r.key.iter().map(|(_, v)| v));
            conn.execute(&sql, params_from_iter(args))?;
        }
        Ok(())
    }

    /// The error for a row whose parent was deleted after this deletion.
    fn missing(&self, table: &str, link: &Link) -> Error {
        let parent = noun(&link.parent);
        let message = if table == self.root {
            format!("its {parent} was deleted since; undo that deletion first")
        } else {
            format!(
                "one of its {}s belongs to {} that was deleted since; undo that deletion first",
                noun(table),
                with_article(&parent)
            )
        };
        Error::invalid(link.from.join(","), message)
    }

    /// A constraint failing on insert: a row with the same key, or one clashing
    /// with it (a budget for the same quarter), was added since.
    fn clash(&self, table: &str, err: rusqlite::Error) -> Error {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => {
                let what = if table == self.root { "it".to_string() } else { format!("one of its {}s", noun(table)) };
                let other = with_article(&noun(table));
                Error::invalid(table, format!("{other} clashing with {what} was added since; nothing was restored"))
            }
            _ => err.into(),
        }
    }
}

impl Store {
    /// Puts back what a deletion took, in one transaction: all of it or nothing.
    pub fn restore(&mut self, deleted: &DeletedRows) -> Result<()> {
        self.write(|tx| deleted.restore(tx))
    }
}

/// What the schema says about the tables' columns, keys and foreign keys.
struct Schema {
    tables: HashMap<String, Table>,
    /// For each table, the foreign keys that point at it: (child table, link index).
    children: HashMap<String, Vec<(String, usize)>>,
}

struct Table {
    columns: Vec<String>,
    /// The primary key's columns, or `rowid` for a table without one.
    key: Vec<String>,
    links: Vec<Link>,
}

/// A foreign key: this table's `from` columns hold the `parent`'s `to` columns.
struct Link {
    parent: String,
    from: Vec<String>,
    to: Vec<String>,
    on_delete: OnDelete,
}

#[derive(Clone, Copy)]
enum OnDelete {
    Cascade,
    SetNull,
    /// Restrict, no action, set default: nothing to keep (the delete fails, or
    /// the schema has none).
    Other,
}

impl Schema {
    fn read(conn: &Connection) -> Result<Schema> {
        let mut stmt = conn.prepare_cached(
            r"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'",
        )?;
        let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let mut tables = HashMap::new();
        for name in names {
            let mut stmt = conn.prepare_cached("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
            let columns: Vec<(String, i64)> =
                stmt.query_map([&name], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
            let mut key: Vec<&(String, i64)> = columns.iter().filter(|(_, pk)| *pk > 0).collect();
            key.sort_by_key(|(_, pk)| *pk);
            let key = if key.is_empty() {
                vec!["rowid".to_string()]
            } else {
                key.into_iter().map(|(c, _)| c.clone()).collect()
            };
            let mut stmt = conn.prepare_cached(
                r#"SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?1) ORDER BY id, seq"#,
            )?;
            let parts: Vec<(i64, String, String, Option<String>, String)> = stmt
                .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut links: Vec<(i64, Link, Vec<Option<String>>)> = vec![];
            for (id, parent, from, to, on_delete) in parts {
                if links.last().is_none_or(|(last, ..)| *last != id) {
                    let on_delete = match on_delete.as_str() {
                        "CASCADE" => OnDelete::Cascade,
                        "SET NULL" => OnDelete::SetNull,
                        _ => OnDelete::Other,
                    };
                    links.push((id, Link { parent, from: vec![], to: vec![], on_delete }, vec![]));
                }
                let (_, link, to_columns) = links.last_mut().expect("pushed above");
                link.from.push(from);
                to_columns.push(to);
            }
            let columns = columns.into_iter().map(|(c, _)| c).collect();
            let links = links
                .into_iter()
                .map(|(_, mut link, to)| {
                    // No `to` column: the key names the parent's primary key, filled in below.
                    link.to = to.into_iter().flatten().collect();
                    link
                })
                .collect();
            tables.insert(name, Table { columns, key, links });
        }
        let keys: HashMap<String, Vec<String>> = tables.iter().map(|(n, t)| (n.clone(), t.key.clone())).collect();
        let mut children: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for (name, table) in &mut tables {
            for (i, link) in table.links.iter_mut().enumerate() {
                if link.to.len() != link.from.len() {
                    link.to = keys.get(&link.parent).cloned().unwrap_or_default();
                }
                children.entry(link.parent.clone()).or_default().push((name.clone(), i));
            }
        }
        Ok(Schema { tables, children })
    }

    fn find(&self, table: &str) -> Option<&Table> {
        self.tables.get(table)
    }

    /// A table the schema was just read from; a name not in it is a bug here.
    fn table(&self, table: &str) -> &Table {
        self.find(table).unwrap_or_else(|| panic!("no table {table} in the schema"))
    }

    fn children(&self, parent: &str) -> Vec<(&str, &Link)> {
        let Some(list) = self.children.get(parent) else { return vec![] };
        list.iter().map(|(child, i)| (child.as_str(), &self.table(child).links[*i])).collect()
    }

    /// How far a table is from the tables that point at no other: restoring
    /// by ascending depth puts every parent back before its children.
    fn depth(&self, table: &str) -> usize {
        fn walk(schema: &Schema, table: &str, path: &mut Vec<String>) -> usize {
            if path.iter().any(|t| t == table) {
                return 0; // a cycle (or a table pointing at itself) adds nothing
            }
            path.push(table.to_string());
            let links = schema.find(table).map(|t| t.links.as_slice()).unwrap_or_default();
            let depth = links
                .iter()
                .filter(|l| l.parent != table)
                .map(|l| walk(schema, &l.parent, path) + 1)
                .max()
                .unwrap_or(0);
            path.pop();
            depth
        }
        walk(self, table, &mut vec![])
    }

    /// The rows of `table` whose `columns` equal `values`: each as its identity
    /// (key values) and its values in column order.
    fn rows(
        &self,
        conn: &Connection,
        table: &str,
        columns: &[String],
        values: &[Value],
    ) -> Result<Vec<(Vec<Value>, Vec<Value>)>> {
        let spec = self.table(table);
        let selected: Vec<String> = spec.key.iter().chain(&spec.columns).map(|c| quoted(c)).collect();
        let sql = format!("SELECT {} FROM {} WHERE {}", selected.join(", "), quoted(table), matching(columns));
        let mut stmt = conn.prepare_cached(&sql)?;
        let split = spec.key.len();
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            let mut all = (0..selected.len()).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()?;
            let row = all.split_off(split);
            Ok((all, row))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn exists(&self, conn: &Connection, table: &str, columns: &[String], values: &[Value]) -> Result<bool> {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {} WHERE {})", quoted(table), matching(columns));
        Ok(conn.prepare_cached(&sql)?.query_row(params_from_iter(values.iter()), |r| r.get(0))?)
    }
}

impl Table {
    fn column(&self, name: &str) -> usize {
        self.columns.iter().position(|c| c == name).unwrap_or_else(|| panic!("no column {name}"))
    }
}

/// The `id` key of most tables.
pub(super) fn by_id(id: Uuid) -> [(&'static str, Value); 1] {
    [("id", Value::Text(id_text(id)))]
}

/// A key value as an error shows it.
fn shown(value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => r.to_string(),
        Value::Null => "null".into(),
        Value::Blob(b) => format!("{} bytes", b.len()),
    }
}

/// `"a" = ? AND "b" = ?`
fn matching(columns: &[String]) -> String {
    columns.iter().map(|c| format!("{} = ?", quoted(c))).collect::<Vec<_>>().join(" AND ")
}

/// A name from the schema as an SQL identifier.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A table's name as words: `talk_version` is a talk version.
fn noun(table: &str) -> String {
    table.replace('_', " ")
}

/// `an event`, `a talk`.
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{self, DemoOptions};
    use crate::domain::ics::import;
    use crate::domain::trip;
    use crate::domain::{ContentInput, SubmissionInput, SubmissionStatus, content, event, person, talk};

    /// Every row of every table, as text, sorted: two equal dumps are the same plan.
    fn dump(store: &Store) -> BTreeMap<String, Vec<String>> {
        let conn = store.conn();
        let mut stmt = conn
            .prepare(r"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'")
            .unwrap();
        let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|n| n.unwrap()).collect();
        names
            .into_iter()
            .map(|name| {
                let mut stmt = conn.prepare(&format!("SELECT * FROM {}", quoted(&name))).unwrap();
                let width = stmt.column_count();
                let mut rows: Vec<String> = stmt
                    .query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>())
                    .unwrap()
                    .map(|row| format!("{:?}", row.unwrap()))
                    .collect();
                rows.sort();
                (name, rows)
            })
            .collect()
    }

    fn count(store: &Store, table: &str) -> i64 {
        store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
    }

    struct World {
        store: Store,
        maya: uuid::Uuid,
        event: uuid::Uuid,
        talk: uuid::Uuid,
    }

    /// Maya, an event, a talk submitted to it, and a blog post following both up.
    fn world() -> World {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap().id;
        let event = store.save_event(&event::sample_input()).unwrap().id;
        let talk = store.save_talk(&talk::TalkInput { owner_id: Some(maya), ..talk::sample_input() }).unwrap().id;
        let submission = SubmissionInput {
            id: None,
            talk_id: talk,
            event_id: event,
            speaker_id: maya,
            status: SubmissionStatus::Accepted,
            submitted_on: "2026-01-10".parse().ok(),
            decided_on: "2026-02-01".parse().ok(),
            title: "Zero to Production with Rust (Summit cut)".into(),
            abstract_text: "Tailored for the summit.".into(),
            notes: String::new(),
        };
        store.save_submission(&submission).unwrap();
        let post = ContentInput {
            owner_id: Some(maya),
            event_id: Some(event),
            talk_id: Some(talk),
            ..content::sample_input()
        };
        store.save_content(&post).unwrap();
        World { store, maya, event, talk }
    }

    #[test]
    fn a_trip_comes_back_with_its_segments_costs_and_event_links() {
        let mut w = world();
        let input = trip::TripInput { event_ids: vec![w.event], ..trip::sample_input(w.maya) };
        let saved = w.store.save_trip(&input).unwrap();
        assert!(!saved.segments.is_empty() && !saved.costs.is_empty());
        let before = dump(&w.store);

        let deleted = w.store.delete_trip(saved.id).unwrap();
        assert_eq!((deleted.kind, deleted.label.as_str()), (RecordKind::Trip, saved.title.as_str()));
        assert_eq!(
            deleted.row_count(),
            1 + 1 + saved.segments.len() + saved.costs.len(),
            "trip, event link, legs, costs"
        );
        assert_eq!(
            (count(&w.store, "trip_segment"), count(&w.store, "cost_line"), count(&w.store, "trip_event")),
            (0, 0, 0)
        );

        w.store.restore(&deleted).unwrap();
        assert_eq!(dump(&w.store), before, "every row as it was");
        assert_eq!(w.store.trip(saved.id).unwrap(), saved);
    }

    #[test]
    fn a_talk_comes_back_with_its_versions_and_submissions_and_relinks_its_content() {
        let mut w = world();
        let before = dump(&w.store);
        let deleted = w.store.delete_talk(w.talk).unwrap();
        assert_eq!((count(&w.store, "talk_version"), count(&w.store, "submission")), (0, 0));
        assert_eq!(w.store.content().unwrap()[0].talk_id, None, "the post stayed, unlinked");

        w.store.restore(&deleted).unwrap();
        assert_eq!(dump(&w.store), before);
        assert_eq!(w.store.content().unwrap()[0].talk_id, Some(w.talk), "the post follows the talk up again");
    }

    #[test]
    fn a_link_changed_since_is_left_as_it_is() {
        let mut w = world();
        let deleted = w.store.delete_talk(w.talk).unwrap();
        let other =
            w.store.save_talk(&talk::TalkInput { title: "Another talk".into(), ..talk::sample_input() }).unwrap();
        let mut post = w.store.content().unwrap().remove(0).input();
        post.talk_id = Some(other.id);
        w.store.save_content(&post).unwrap();

        w.store.restore(&deleted).unwrap();
        assert_eq!(w.store.content().unwrap()[0].talk_id, Some(other.id), "the user's later choice stands");
    }

    #[test]
    fn a_restore_whose_parent_is_gone_is_refused_and_writes_nothing() {
        let mut w = world();
        let original = dump(&w.store);
        let talk = w.store.delete_talk(w.talk).unwrap();
        let event = w.store.delete_event(w.event).unwrap();
        let before = dump(&w.store);

        let err = w.store.restore(&talk).unwrap_err();
        assert!(matches!(&err, Error::Invalid { field, .. } if field == "event_id"), "{err}");
        assert!(err.to_string().contains("one of its submissions belongs to an event that was deleted since"), "{err}");
        assert_eq!(dump(&w.store), before, "not even the talk came back");

        // Undone in the opposite order, both come back as they were.
        w.store.restore(&event).unwrap();
        w.store.restore(&talk).unwrap();
        assert_eq!(dump(&w.store), original);
    }

    #[test]
    fn a_submission_comes_back_with_its_forked_version() {
        let mut w = world();
        let before = dump(&w.store);
        let id = w.store.submissions().unwrap()[0].id;
        let deleted = w.store.delete_submission(id).unwrap();
        let (talk, event) = (w.store.talk(w.talk).unwrap().title, w.store.event(w.event).unwrap().name);
        assert_eq!(deleted.label, format!("{talk} to {event}"));
        assert_eq!(count(&w.store, "talk_version"), 0, "its version went with it");
        w.store.restore(&deleted).unwrap();
        assert_eq!(dump(&w.store), before);
    }

    #[test]
    fn a_restore_clashing_with_a_newer_record_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let input = crate::domain::budget::BudgetInput {
            id: None,
            quarter: "2026Q1".into(),
            person_id: Some(maya.id),
            amount: "5000".into(),
            currency: "EUR".into(),
            alerts: vec![50, 80, 100],
        };
        let budget = store.save_budget(&input).unwrap();
        let deleted = store.delete_budget(budget.id).unwrap();
        assert_eq!(deleted.label, format!("2026Q1, {}", maya.name));
        store.save_budget(&crate::domain::budget::BudgetInput { amount: "7000".into(), ..input }).unwrap();
        let before = dump(&store);
        let err = store.restore(&deleted).unwrap_err();
        assert!(matches!(&err, Error::Invalid { field, .. } if field == "budget"), "{err}");
        assert_eq!(dump(&store), before);
    }

    #[test]
    fn a_rate_comes_back_and_a_missing_one_is_not_found() {
        let mut store = Store::open_in_memory().unwrap();
        let day = "2026-03-04".parse().unwrap();
        let input = crate::domain::exchange_rate::RateInput { currency: "usd".into(), day, rate: "1.25".into() };
        store.save_rate(&input).unwrap();
        let before = dump(&store);
        let deleted = store.delete_rate("USD", day).unwrap();
        assert_eq!(deleted.label, "USD on 2026-03-04");
        assert_eq!(count(&store, "exchange_rate"), 0);
        store.restore(&deleted).unwrap();
        assert_eq!(dump(&store), before);
        assert!(matches!(store.delete_rate("JPY", day), Err(Error::NotFound { entity: "exchange rate", .. })));
    }

    #[test]
    fn every_person_of_the_sample_team_deleted_then_undone_leaves_the_plan_as_it_was() {
        let mut store = Store::open_in_memory().unwrap();
        demo::fill(&mut store, &DemoOptions::for_today("2026-11-21".parse().unwrap())).unwrap();
        let people = store.people().unwrap();
        // What the sample lacks: thresholds (a table without a key) and an imported calendar.
        let values = [("nights_away_red".to_string(), 20.0)].into();
        store.save_thresholds(Some(people[0].id), &values).unwrap();
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Sync\r\n\
                    DTSTART:20260105T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let file = import::read(text.as_bytes()).unwrap();
        store.import_calendar(people[0].id, "Work", &file, chrono::Utc::now(), &mut |_, _| {}).unwrap();
        let before = dump(&store);

        let mut deletions = vec![];
        for p in &people {
            deletions.push(store.delete_person(p.id).unwrap());
        }
        for table in ["person", "trip", "submission", "participation", "time_off", "threshold", "imported_event"] {
            assert_eq!(count(&store, table), 0, "{table} emptied");
        }
        assert!(store.talks().unwrap().iter().all(|t| t.owner_id.is_none()));
        for deleted in deletions.iter().rev() {
            store.restore(deleted).unwrap();
        }
        assert_eq!(dump(&store), before);
    }

    #[test]
    fn every_record_of_the_sample_team_deleted_then_undone_leaves_the_plan_as_it_was() {
        let mut store = Store::open_in_memory().unwrap();
        demo::fill(&mut store, &DemoOptions::for_today("2026-11-21".parse().unwrap())).unwrap();
        let before = dump(&store);
        let mut deletions = vec![];
        for s in store.submissions().unwrap().into_iter().step_by(2) {
            deletions.push(store.delete_submission(s.id).unwrap());
        }
        for t in store.trips().unwrap() {
            deletions.push(store.delete_trip(t.id).unwrap());
        }
        for b in store.budgets().unwrap() {
            deletions.push(store.delete_budget(b.id).unwrap());
        }
        for e in store.events().unwrap() {
            deletions.push(store.delete_event(e.id).unwrap());
        }
        for t in store.talks().unwrap() {
            deletions.push(store.delete_talk(t.id).unwrap());
        }
        for c in store.content().unwrap() {
            deletions.push(store.delete_content(c.id).unwrap());
        }
        for t in store.time_off().unwrap() {
            deletions.push(store.delete_time_off(t.id).unwrap());
        }
        for table in ["event", "talk", "content", "trip", "budget", "time_off", "cfp_reminder_sent", "talk_version"] {
            assert_eq!(count(&store, table), 0, "{table} emptied");
        }
        for deleted in deletions.iter().rev() {
            store.restore(deleted).unwrap();
        }
        assert_eq!(dump(&store), before);
    }
}
