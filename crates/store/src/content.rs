//! SQL for `content`: the content calendar's items.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, opt_uuid, uuid};
use super::{Store, events, now, people, talks};
use crate::domain::deletion::RecordKind;
use crate::domain::follow_up::{self, FollowUpInput, FollowUpPlan};
use crate::domain::{ContentInput, ContentItem, EventId, TalkId, Valid};
use crate::{Error, Result};

const COLUMNS: &str = "id, title, kind, owner_id, channel, status, due_on, publish_at, timezone, effort_hours, \
                       effort_custom, finished_minutes, draft_url, published_url, tags, event_id, talk_id, notes, \
                       created_at, updated_at";

impl Store {
    /// Every item, earliest date first (undated ideas last).
    pub fn content(&self) -> Result<Vec<ContentItem>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM content
             ORDER BY coalesce(due_on, substr(publish_at, 1, 10)) IS NULL,
                      coalesce(due_on, substr(publish_at, 1, 10)), title COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn content_item(&self, id: Uuid) -> Result<ContentItem> {
        find(self.conn(), id)?.ok_or_else(|| Error::NotFound { entity: "content item", id: id.to_string() })
    }

    pub fn save_content(&mut self, input: &ContentInput) -> Result<ContentItem> {
        let clean = input.validate()?;
        self.write(|tx| save(tx, clean))
    }

    /// Creates every follow-up of a repurposing chain in one transaction.
    pub fn save_follow_ups(&mut self, chain: &FollowUpPlan) -> Result<Vec<ContentItem>> {
        self.write(|tx| {
            let event = events::find(tx, chain.event_id)?
                .ok_or_else(|| Error::invalid("event_id", format!("no event with id {}", chain.event_id)))?;
            let owner = match chain.owner_id {
                Some(id) => Some(
                    people::find(tx, id)?
                        .ok_or_else(|| Error::invalid("owner_id", format!("no person with id {id}")))?,
                ),
                None => None,
            };
            // Publish times are the owner's mornings; with no owner, the venue's.
            let zone = owner.map(|p| p.timezone).or(event.timezone.clone()).unwrap_or_else(|| "UTC".to_string());
            chain.contents(&event, &zone)?.into_iter().map(|input| save(tx, input)).collect()
        })
    }

    /// The usual chain for an event, or for a talk given there.
    pub fn follow_up_defaults(&self, event: EventId, talk: Option<TalkId>) -> Result<Vec<FollowUpInput>> {
        let event = self.event(event.0)?;
        let talk = talk.map(|TalkId(id)| self.talk(id)).transpose()?;
        Ok(follow_up::defaults(&event, talk.as_ref()))
    }

    pub fn delete_content(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let item = find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "content item", id: id.to_string() })?;
            DeletedRows::take(tx, RecordKind::Content, item.title, "content", &by_id(id))
        })
    }
}

/// Saves a validated input, checking that what it links to exists.
fn save(conn: &Connection, clean: Valid<ContentInput>) -> Result<ContentItem> {
    let now = now();
    let created_at = match clean.id {
        Some(id) => {
            find(conn, id)?.ok_or_else(|| Error::NotFound { entity: "content item", id: id.to_string() })?.created_at
        }
        None => now,
    };
    check_links(conn, &clean)?;
    let id = clean.id.unwrap_or_else(Uuid::now_v7);
    let item = clean.into_item(id, created_at, now);
    put(conn, &item)?;
    Ok(item)
}

/// The owner, event and talk an item names must exist; errors name the field.
pub(super) fn check_links(conn: &Connection, c: &ContentInput) -> Result<()> {
    if let Some(id) = c.owner_id
        && people::find(conn, id)?.is_none()
    {
        return Err(Error::invalid("owner_id", format!("no person with id {id}")));
    }
    if let Some(id) = c.event_id
        && events::find(conn, id)?.is_none()
    {
        return Err(Error::invalid("event_id", format!("no event with id {id}")));
    }
    if let Some(id) = c.talk_id
        && talks::find(conn, id)?.is_none()
    {
        return Err(Error::invalid("talk_id", format!("no talk with id {id}")));
    }
    Ok(())
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<ContentItem>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM content WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], from_row).optional()?)
}

pub(super) fn put(conn: &Connection, c: &ContentItem) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO content ({COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind, owner_id = excluded.owner_id,
           channel = excluded.channel, status = excluded.status, due_on = excluded.due_on,
           publish_at = excluded.publish_at, timezone = excluded.timezone, effort_hours = excluded.effort_hours,
           effort_custom = excluded.effort_custom, finished_minutes = excluded.finished_minutes,
           draft_url = excluded.draft_url, published_url = excluded.published_url, tags = excluded.tags,
           event_id = excluded.event_id, talk_id = excluded.talk_id, notes = excluded.notes,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(c.id),
        c.title,
        c.kind,
        c.owner_id.map(id_text),
        c.channel,
        c.status,
        c.due_on,
        c.publish_at,
        c.timezone,
        c.effort_hours,
        c.effort_custom,
        c.finished_minutes,
        c.draft_url,
        c.published_url,
        c.tags.join(","),
        c.event_id.map(id_text),
        c.talk_id.map(id_text),
        c.notes,
        c.created_at,
        c.updated_at
    ])?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<ContentItem> {
    let tags: String = row.get("tags")?;
    Ok(ContentItem {
        id: uuid(row, "id")?,
        title: row.get("title")?,
        kind: row.get("kind")?,
        owner_id: opt_uuid(row, "owner_id")?,
        channel: row.get("channel")?,
        status: row.get("status")?,
        due_on: row.get("due_on")?,
        publish_at: row.get("publish_at")?,
        timezone: row.get("timezone")?,
        effort_hours: row.get("effort_hours")?,
        effort_custom: row.get("effort_custom")?,
        finished_minutes: row.get("finished_minutes")?,
        draft_url: row.get("draft_url")?,
        published_url: row.get("published_url")?,
        tags: tags.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect(),
        event_id: opt_uuid(row, "event_id")?,
        talk_id: opt_uuid(row, "talk_id")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ContentStatus, content, event, person, talk};

    #[test]
    fn an_item_round_trips_and_survives_its_owner_and_event() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let event = store.save_event(&event::sample_input()).unwrap();
        let talk = store.save_talk(&talk::sample_input()).unwrap();
        let input = ContentInput {
            owner_id: Some(maya.id),
            event_id: Some(event.id),
            talk_id: Some(talk.id),
            ..content::sample_input()
        };
        let saved = store.save_content(&input).unwrap();
        assert_eq!(store.content().unwrap(), vec![saved.clone()]);
        assert_eq!((saved.effort_hours, saved.effort_custom), (4.0, false));
        let sent = ContentInput { id: Some(saved.id), ..input.clone() };
        assert_eq!(saved.input().validate().unwrap(), sent.validate().unwrap(), "an item edits as it was sent");

        let moved = ContentInput { id: Some(saved.id), due_on: Some("2026-11-25".parse().unwrap()), ..input };
        let moved = store.save_content(&moved).unwrap();
        assert_eq!((moved.created_at, moved.id), (saved.created_at, saved.id));

        store.delete_person(maya.id).unwrap();
        store.delete_event(event.id).unwrap();
        store.delete_talk(talk.id).unwrap();
        let left = store.content_item(saved.id).unwrap();
        assert_eq!((left.owner_id, left.event_id, left.talk_id), (None, None, None), "the item stays, unlinked");
    }

    #[test]
    fn bad_links_and_bad_fields_write_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        for (input, field) in [
            (ContentInput { owner_id: Some(Uuid::now_v7()), ..content::sample_input() }, "owner_id"),
            (ContentInput { event_id: Some(Uuid::now_v7()), ..content::sample_input() }, "event_id"),
            (ContentInput { talk_id: Some(Uuid::now_v7()), ..content::sample_input() }, "talk_id"),
            (ContentInput { effort_hours: Some(-2.0), ..content::sample_input() }, "effort_hours"),
        ] {
            let err = store.save_content(&input).unwrap_err();
            assert!(matches!(err, Error::Invalid { field: ref f, .. } if f == field), "{err}");
        }
        assert!(store.content().unwrap().is_empty());
        let err = store.save_content(&ContentInput { id: Some(Uuid::now_v7()), ..content::sample_input() });
        assert!(matches!(err, Err(Error::NotFound { .. })));
    }

    #[test]
    fn a_follow_up_chain_is_written_whole_or_not_at_all() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap();
        let event = store.save_event(&event::sample_input()).unwrap();
        let mut chain = FollowUpPlan {
            event_id: event.id,
            talk_id: None,
            owner_id: Some(maya.id),
            items: follow_up::defaults(&event, None),
        };
        chain.items[2].due_days = 400;
        let err = store.save_follow_ups(&chain).unwrap_err();
        assert!(err.to_string().starts_with("items[2].due_days"), "{err}");
        assert!(store.content().unwrap().is_empty(), "the first two were not kept");

        chain.items[2].due_days = 6;
        let made = store.save_follow_ups(&chain).unwrap();
        assert_eq!(made.len(), 3);
        assert!(made.iter().all(|c| c.event_id == Some(event.id) && c.owner_id == Some(maya.id)));
        assert!(made.iter().all(|c| c.timezone.as_deref() == Some(maya.timezone.as_str())), "the owner's mornings");
        assert!(made.iter().all(|c| c.status == ContentStatus::Idea));
        assert_eq!(store.content().unwrap().len(), 3);
    }
}
