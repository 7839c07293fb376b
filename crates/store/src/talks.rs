//! SQL for `talk` and `talk_version`.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, opt_uuid, uuid};
use super::{Store, now, people};
use crate::domain::deletion::RecordKind;
use crate::domain::{Talk, TalkInput, TalkVersion};
use crate::{Error, Result};

const COLUMNS: &str =
    "id, title, abstract, duration_minutes, format, level, tags, status, owner_id, notes, created_at, updated_at";
const VERSION_COLUMNS: &str = "id, talk_id, number, title, abstract, created_at, updated_at";

impl Store {
    /// The library, by title.
    pub fn talks(&self) -> Result<Vec<Talk>> {
        let mut stmt =
            self.conn().prepare_cached(&format!("SELECT {COLUMNS} FROM talk ORDER BY title COLLATE NOCASE, id"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn talk(&self, id: Uuid) -> Result<Talk> {
        find(self.conn(), id)?.ok_or_else(|| Error::NotFound { entity: "talk", id: id.to_string() })
    }

    /// Every version of every talk, oldest first within a talk.
    pub fn talk_versions(&self) -> Result<Vec<TalkVersion>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT {VERSION_COLUMNS} FROM talk_version ORDER BY talk_id, number"))?;
        let rows = stmt.query_map([], version_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn save_talk(&mut self, input: &TalkInput) -> Result<Talk> {
        let clean = input.validate()?;
        self.write(|tx| {
            let now = now();
            let created_at = match clean.id {
                Some(id) => {
                    find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "talk", id: id.to_string() })?.created_at
                }
                None => now,
            };
            if let Some(owner) = clean.owner_id
                && people::find(tx, owner)?.is_none()
            {
                return Err(Error::invalid("owner_id", format!("no person with id {owner}")));
            }
            let id = clean.id.unwrap_or_else(Uuid::now_v7);
            let talk = clean.into_talk(id, created_at, now);
            put(tx, &talk)?;
            Ok(talk)
        })
    }

    /// Deletes a talk with its versions and submissions (content that follows it up
    /// stays, unlinked); what went comes back for an undo.
    pub fn delete_talk(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let talk = find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "talk", id: id.to_string() })?;
            DeletedRows::take(tx, RecordKind::Talk, talk.title, "talk", &by_id(id))
        })
    }
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<Talk>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM talk WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], from_row).optional()?)
}

pub(super) fn put(conn: &Connection, t: &Talk) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO talk ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, abstract = excluded.abstract,
           duration_minutes = excluded.duration_minutes, format = excluded.format, level = excluded.level,
           tags = excluded.tags, status = excluded.status, owner_id = excluded.owner_id, notes = excluded.notes,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(t.id),
        t.title,
        t.abstract_text,
        t.duration_minutes,
        t.format,
        t.level,
        t.tags.join(","),
        t.status,
        t.owner_id.map(id_text),
        t.notes,
        t.created_at,
        t.updated_at
    ])?;
    Ok(())
}

pub(super) fn find_version(conn: &Connection, id: Uuid) -> Result<Option<TalkVersion>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {VERSION_COLUMNS} FROM talk_version WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], version_from_row).optional()?)
}

/// The id of `talk_id`'s version `number`, if it has one.
pub(super) fn version_numbered(conn: &Connection, talk_id: Uuid, number: u32) -> Result<Option<Uuid>> {
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM talk_version WHERE talk_id = ?1 AND number = ?2",
            params![id_text(talk_id), number],
            |r| r.get(0),
        )
        .optional()?;
    Ok(id.and_then(|id| Uuid::parse_str(&id).ok()))
}

/// The number the next fork of `talk_id` gets.
pub(super) fn next_version_number(conn: &Connection, talk_id: Uuid) -> Result<u32> {
    let max: Option<u32> =
        conn.query_row("SELECT max(number) FROM talk_version WHERE talk_id = ?1", [id_text(talk_id)], |r| r.get(0))?;
    Ok(max.unwrap_or(0) + 1)
}

pub(super) fn put_version(conn: &Connection, v: &TalkVersion) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO talk_version ({VERSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET talk_id = excluded.talk_id, number = excluded.number,
           title = excluded.title, abstract = excluded.abstract,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(v.id),
        id_text(v.talk_id),
        v.number,
        v.title,
        v.abstract_text,
        v.created_at,
        v.updated_at
    ])?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<Talk> {
    let tags: String = row.get("tags")?;
    Ok(Talk {
        id: uuid(row, "id")?,
        title: row.get("title")?,
        abstract_text: row.get("abstract")?,
        duration_minutes: row.get("duration_minutes")?,
        format: row.get("format")?,
        level: row.get("level")?,
        tags: tags.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect(),
        status: row.get("status")?,
        owner_id: opt_uuid(row, "owner_id")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

fn version_from_row(row: &Row) -> rusqlite::Result<TalkVersion> {
    Ok(TalkVersion {
        id: uuid(row, "id")?,
        talk_id: uuid(row, "talk_id")?,
        number: row.get("number")?,
        title: row.get("title")?,
        abstract_text: row.get("abstract")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{person, talk};

    #[test]
    fn a_talk_round_trips_with_its_tags_and_owner() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let saved = store.save_talk(&TalkInput { owner_id: Some(maya.id), ..talk::sample_input() }).unwrap();
        assert_eq!(store.talks().unwrap(), vec![saved.clone()]);
        assert_eq!(saved.tags, vec!["rust", "backend"]);
        // Deleting the owner keeps the talk for the rest of the team.
        store.delete_person(maya.id).unwrap();
        assert_eq!(store.talk(saved.id).unwrap().owner_id, None);
    }

    #[test]
    fn an_unknown_owner_is_named_and_nothing_is_written() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.save_talk(&TalkInput { owner_id: Some(Uuid::now_v7()), ..talk::sample_input() }).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "owner_id"), "{err}");
        assert!(store.talks().unwrap().is_empty());
    }
}
