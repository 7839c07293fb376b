//! SQL for `submission`: saving one forks or edits its talk version and moves
//! its event along the pipeline, all in the same transaction.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::deleted::{DeletedRows, by_id};
use super::rows::{id_text, uuid};
use super::{Store, events, now, people, talks};
use crate::domain::deletion::{self, RecordKind};
use crate::domain::similar::{self, DuplicateWarning};
use crate::domain::submission::event_status_after;
use crate::domain::{
    Event, ParticipationRole, Submission, SubmissionInput, SubmissionStatus, TalkVersion, participation::Participation,
};
use crate::{Error, Result};

const COLUMNS: &str =
    "id, talk_id, version_id, event_id, speaker_id, status, submitted_on, decided_on, notes, created_at, updated_at";

impl Store {
    /// Every submission, oldest first.
    pub fn submissions(&self) -> Result<Vec<Submission>> {
        let mut stmt =
            self.conn().prepare_cached(&format!("SELECT {COLUMNS} FROM submission ORDER BY created_at, id"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a submission. A new one forks the talk into a new version with
    /// the input's title and abstract; an existing one edits its version. The
    /// event then moves forward to match its submissions, and an accepted
    /// speaker is added to the event as a speaker.
    pub fn save_submission(&mut self, input: &SubmissionInput) -> Result<Submission> {
        let clean = input.validate()?;
        self.write(|tx| {
            let now = now();
            if talks::find(tx, clean.talk_id)?.is_none() {
                return Err(Error::invalid(
                    "talk_id",
                    format!("the talk {} is no longer in the library; it was deleted", clean.talk_id),
                ));
            }
            let event = events::find(tx, clean.event_id)?
                .ok_or_else(|| Error::invalid("event_id", format!("no event with id {}", clean.event_id)))?;
            let speaker = people::find(tx, clean.speaker_id)?
                .ok_or_else(|| Error::invalid("speaker_id", format!("no person with id {}", clean.speaker_id)))?;
            let before = match clean.id {
                Some(id) => {
                    Some(find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "submission", id: id.to_string() })?)
                }
                None => None,
            };
            if let Some(old) = &before
                && old.talk_id != clean.talk_id
            {
                return Err(Error::invalid(
                    "talk_id",
                    "a submission stays with its talk; withdraw this one and submit the other talk",
                ));
            }
            if let Some(other) = same_triple(tx, clean.talk_id, clean.event_id, clean.speaker_id, clean.id)? {
                return Err(Error::invalid(
                    "event_id",
                    format!("{} already submitted this talk to {} (submission {other})", speaker.name, event.name),
                ));
            }
            let version = match &before {
                Some(old) => {
                    let v = talks::find_version(tx, old.version_id)?
                        .ok_or_else(|| Error::NotFound { entity: "talk version", id: old.version_id.to_string() })?;
                    let changed = v.title != clean.title || v.abstract_text != clean.abstract_text;
                    TalkVersion {
                        title: clean.title.clone(),
                        abstract_text: clean.abstract_text.clone(),
                        updated_at: if changed { now } else { v.updated_at },
                        ..v
                    }
                }
                None => TalkVersion {
                    id: Uuid::now_v7(),
                    talk_id: clean.talk_id,
                    number: talks::next_version_number(tx, clean.talk_id)?,
                    title: clean.title.clone(),
                    abstract_text: clean.abstract_text.clone(),
                    created_at: now,
                    updated_at: now,
                },
            };
            talks::put_version(tx, &version)?;
            let submission = Submission {
                id: before.as_ref().map_or_else(Uuid::now_v7, |b| b.id),
                talk_id: clean.talk_id,
                version_id: version.id,
                event_id: clean.event_id,
                speaker_id: clean.speaker_id,
                status: clean.status,
                submitted_on: clean.submitted_on,
                decided_on: clean.decided_on,
                notes: clean.notes.clone(),
                created_at: before.as_ref().map_or(now, |b| b.created_at),
                updated_at: now,
            };
            put(tx, &submission)?;
            follow_submissions(tx, &event)?;
            if submission.status.is_accepted() {
                add_speaker(tx, submission.event_id, submission.speaker_id)?;
            }
            Ok(submission)
        })
    }

    /// Deletes a submission and the version forked for it (unless another submission
    /// uses it); what went comes back for an undo. The event keeps its status.
    pub fn delete_submission(&mut self, id: Uuid) -> Result<DeletedRows> {
        self.write(|tx| {
            let s = find(tx, id)?.ok_or_else(|| Error::NotFound { entity: "submission", id: id.to_string() })?;
            let talk = talks::find(tx, s.talk_id)?.map(|t| t.title).unwrap_or_default();
            let event = events::find(tx, s.event_id)?.map(|e| e.name).unwrap_or_default();
            let label = deletion::submission_label(&talk, &event);
            let mut deleted = DeletedRows::take(tx, RecordKind::Submission, label, "submission", &by_id(id))?;
            let unused: bool = tx.query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM submission WHERE version_id = ?1)",
                [id_text(s.version_id)],
                |r| r.get(0),
            )?;
            if unused {
                deleted.take_more(tx, "talk_version", &by_id(s.version_id))?;
            }
            Ok(deleted)
        })
    }

    /// Teammates' submissions to the same event that are the same or a similar talk.
    pub fn submission_warnings(&self, input: &SubmissionInput) -> Result<Vec<DuplicateWarning>> {
        let mut stmt =
            self.conn().prepare_cached(&format!("SELECT {COLUMNS} FROM submission WHERE event_id = ?1 ORDER BY id"))?;
        let others: Vec<Submission> =
            stmt.query_map([id_text(input.event_id)], from_row)?.collect::<rusqlite::Result<_>>()?;
        let versions = others
            .iter()
            .map(|s| talks::find_version(self.conn(), s.version_id))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect::<Vec<TalkVersion>>();
        Ok(similar::duplicates(input, &others, &versions))
    }
}

/// Another submission (not `except`) of the same talk to the same event by the same speaker.
pub(super) fn same_triple(
    conn: &Connection,
    talk_id: Uuid,
    event_id: Uuid,
    speaker_id: Uuid,
    except: Option<Uuid>,
) -> Result<Option<Uuid>> {
    let found: Option<String> = conn
        .query_row(
            "SELECT id FROM submission WHERE talk_id = ?1 AND event_id = ?2 AND speaker_id = ?3 AND id <> ?4",
            params![id_text(talk_id), id_text(event_id), id_text(speaker_id), except.map(id_text).unwrap_or_default()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.and_then(|id| Uuid::parse_str(&id).ok()))
}

/// Moves the event forward to match all of its submissions.
fn follow_submissions(conn: &Connection, event: &Event) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT status FROM submission WHERE event_id = ?1")?;
    let statuses: Vec<SubmissionStatus> =
        stmt.query_map([id_text(event.id)], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let next = event_status_after(event.status, &statuses);
    if next != event.status {
        events::put(conn, &Event { status: next, updated_at: now(), ..event.clone() })?;
    }
    Ok(())
}

fn add_speaker(conn: &Connection, event_id: Uuid, person_id: Uuid) -> Result<()> {
    let role = ParticipationRole::Speaker;
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM participation WHERE event_id = ?1 AND person_id = ?2 AND role = ?3)",
        params![id_text(event_id), id_text(person_id), role],
        |r| r.get(0),
    )?;
    if !exists {
        let now = now();
        let p = Participation { id: Uuid::now_v7(), event_id, person_id, role, created_at: now, updated_at: now };
        events::put_participation(conn, &p)?;
    }
    Ok(())
}

pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<Submission>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM submission WHERE id = ?1"))?;
    Ok(stmt.query_row([id_text(id)], from_row).optional()?)
}

pub(super) fn put(conn: &Connection, s: &Submission) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO submission ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET talk_id = excluded.talk_id, version_id = excluded.version_id,
           event_id = excluded.event_id, speaker_id = excluded.speaker_id, status = excluded.status,
           submitted_on = excluded.submitted_on, decided_on = excluded.decided_on, notes = excluded.notes,
           created_at = excluded.created_at, updated_at = excluded.updated_at"
    ))?;
    stmt.execute(params![
        id_text(s.id),
        id_text(s.talk_id),
        id_text(s.version_id),
        id_text(s.event_id),
        id_text(s.speaker_id),
        s.status,
        s.submitted_on,
        s.decided_on,
        s.notes,
        s.created_at,
        s.updated_at
    ])?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<Submission> {
    Ok(Submission {
        id: uuid(row, "id")?,
        talk_id: uuid(row, "talk_id")?,
        version_id: uuid(row, "version_id")?,
        event_id: uuid(row, "event_id")?,
        speaker_id: uuid(row, "speaker_id")?,
        status: row.get("status")?,
        submitted_on: row.get("submitted_on")?,
        decided_on: row.get("decided_on")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::acceptance::AcceptanceReport;
    use crate::domain::{EventInput, EventStatus, PersonInput, event, person, talk};

    struct World {
        store: Store,
        maya: Uuid,
        li: Uuid,
        talk: Uuid,
        event: Uuid,
    }

    fn world() -> World {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&person::sample_input()).unwrap().id;
        let li = store.save_person(&PersonInput { name: "Li Wei".into(), ..person::sample_input() }).unwrap().id;
        let talk = store.save_talk(&talk::sample_input()).unwrap().id;
        let event = store.save_event(&EventInput { status: EventStatus::CfpOpen, ..event::sample_input() }).unwrap().id;
        World { store, maya, li, talk, event }
    }

    fn input(w: &World, status: SubmissionStatus) -> SubmissionInput {
        SubmissionInput {
            id: None,
            talk_id: w.talk,
            event_id: w.event,
            speaker_id: w.maya,
            status,
            submitted_on: "2026-01-10".parse().ok(),
            decided_on: None,
            title: "Zero to Production with Rust (Summit cut)".into(),
            abstract_text: "Tailored for the summit.".into(),
            notes: String::new(),
        }
    }

    #[test]
    fn submitting_forks_a_version_and_moves_the_event() {
        let mut w = world();
        let sent = w.store.save_submission(&input(&w, SubmissionStatus::Submitted)).unwrap();
        let versions = w.store.talk_versions().unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!((versions[0].number, versions[0].id), (1, sent.version_id));
        assert_eq!(versions[0].title, "Zero to Production with Rust (Summit cut)");
        assert_eq!(w.store.talk(w.talk).unwrap().title, "Zero to Production with Rust", "the library talk is kept");
        assert_eq!(w.store.event(w.event).unwrap().status, EventStatus::Submitted);

        // Accepting moves the event on, adds the speaker, and the rate follows.
        let accepted = SubmissionInput {
            id: Some(sent.id),
            decided_on: "2026-02-01".parse().ok(),
            ..input(&w, SubmissionStatus::Accepted)
        };
        w.store.save_submission(&accepted).unwrap();
        assert_eq!(w.store.event(w.event).unwrap().status, EventStatus::Accepted);
        let speakers = w.store.participations().unwrap();
        assert_eq!((speakers.len(), speakers[0].person_id), (1, w.maya));
        let rate = AcceptanceReport::of(&w.store.submissions().unwrap()).for_talk(w.talk).unwrap().rate;
        assert_eq!(rate, Some(1.0));
        assert_eq!(w.store.talk_versions().unwrap().len(), 1, "editing keeps the same version");

        // A second event gets version 2.
        let other = w.store.save_event(&event::sample_input()).unwrap().id;
        let second = w
            .store
            .save_submission(&SubmissionInput { event_id: other, ..input(&w, SubmissionStatus::Draft) })
            .unwrap();
        let v2 = w.store.talk_versions().unwrap().into_iter().find(|v| v.id == second.version_id).unwrap();
        assert_eq!(v2.number, 2);
    }

    #[test]
    fn editing_a_submission_of_a_deleted_talk_fails_clearly() {
        let mut w = world();
        let sent = w.store.save_submission(&input(&w, SubmissionStatus::Submitted)).unwrap();
        w.store.delete_talk(w.talk).unwrap();
        assert!(w.store.submissions().unwrap().is_empty());
        let err =
            w.store.save_submission(&SubmissionInput { id: Some(sent.id), ..input(&w, SubmissionStatus::Accepted) });
        let err = err.unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "talk_id"), "{err}");
        assert!(err.to_string().contains("deleted"), "{err}");
    }

    #[test]
    fn the_same_talk_twice_to_one_event_by_one_speaker_is_refused() {
        let mut w = world();
        w.store.save_submission(&input(&w, SubmissionStatus::Submitted)).unwrap();
        let err = w.store.save_submission(&input(&w, SubmissionStatus::Draft)).unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "event_id"), "{err}");
        assert_eq!(w.store.talk_versions().unwrap().len(), 1, "no stray version is left behind");
    }

    #[test]
    fn a_teammate_sending_the_same_talk_is_warned() {
        let mut w = world();
        w.store.save_submission(&input(&w, SubmissionStatus::Submitted)).unwrap();
        let li_too = SubmissionInput { speaker_id: w.li, ..input(&w, SubmissionStatus::Draft) };
        let warnings = w.store.submission_warnings(&li_too).unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].same_talk);
        assert_eq!(warnings[0].speaker_id, w.maya);
    }

    #[test]
    fn deleting_a_submission_removes_its_version() {
        let mut w = world();
        let sent = w.store.save_submission(&input(&w, SubmissionStatus::Submitted)).unwrap();
        w.store.delete_submission(sent.id).unwrap();
        assert!(w.store.talk_versions().unwrap().is_empty());
        assert!(matches!(w.store.delete_submission(sent.id), Err(Error::NotFound { .. })));
    }
}
