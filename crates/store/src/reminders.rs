//! SQL for `cfp_reminder_sent`: which CFP reminders went out, so none goes twice.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::rows::{id_text, uuid};
use super::{Store, now};
use crate::Result;
use crate::domain::reminder::{self, DueReminder, SentKey};

impl Store {
    pub fn sent_reminders(&self) -> Result<HashSet<SentKey>> {
        let mut stmt = self.conn().prepare_cached("SELECT event_id, closes_at, days_before FROM cfp_reminder_sent")?;
        let rows = stmt.query_map([], |r| Ok((uuid(r, "event_id")?, r.get("closes_at")?, r.get("days_before")?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The reminders due at `at` that are neither recorded as sent nor in
    /// `also_sent` (shown this session but not recorded: a plan that cannot be written).
    pub fn due_reminders(&self, at: DateTime<Utc>, also_sent: &HashSet<SentKey>) -> Result<Vec<DueReminder>> {
        let days = self.settings()?.cfp_reminder_days;
        let mut sent = self.sent_reminders()?;
        sent.extend(also_sent.iter().copied());
        Ok(reminder::due(&self.events()?, at, &days, &sent))
    }

    /// The reminders due at `now`, recorded as sent before they are returned:
    /// a crash between the two loses a notification rather than repeating it.
    pub fn take_due_reminders(&mut self, at: DateTime<Utc>) -> Result<Vec<DueReminder>> {
        let due = self.due_reminders(at, &HashSet::new())?;
        if due.is_empty() {
            return Ok(due);
        }
        self.write(|tx| {
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO cfp_reminder_sent (event_id, closes_at, days_before, sent_at) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let sent_at = now();
            for (event_id, closes_at, days) in due.iter().flat_map(|r| r.marks.iter()) {
                stmt.execute(params![id_text(*event_id), closes_at, days, sent_at])?;
            }
            Ok(())
        })?;
        Ok(due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EventInput, EventStatus, event};

    #[test]
    fn a_reminder_is_taken_once_even_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let mut store = Store::open(&path).unwrap();
        store
            .save_event(&EventInput {
                status: EventStatus::CfpOpen,
                cfp_deadline: "2026-03-01T23:59:00".parse().ok(),
                cfp_timezone: Some("UTC".into()),
                ..event::sample_input()
            })
            .unwrap();
        let six_days_before: DateTime<Utc> = "2026-02-23T12:00:00Z".parse().unwrap();
        assert_eq!(store.take_due_reminders(six_days_before).unwrap().len(), 1);
        assert!(store.take_due_reminders(six_days_before).unwrap().is_empty());
        drop(store);
        let mut reopened = Store::open(&path).unwrap();
        assert!(reopened.take_due_reminders(six_days_before).unwrap().is_empty());
        let hours_before: DateTime<Utc> = "2026-03-01T12:00:00Z".parse().unwrap();
        let last = reopened.take_due_reminders(hours_before).unwrap();
        assert_eq!(last.iter().map(|r| r.days_before).collect::<Vec<_>>(), vec![1]);
    }
}
