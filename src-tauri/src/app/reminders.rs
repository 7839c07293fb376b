//! The CFP reminder loop: once a minute, take the reminders that are due from
//! the store (which records them, so none fires twice) and show each as a
//! native notification, and in the window for those who mute them.

use std::collections::HashSet;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use ts_rs::TS;
use uuid::Uuid;

use super::Db;
use crate::domain::reminder::{DueReminder, SentKey};
use crate::{Error, Result};

const EVERY: Duration = Duration::from_secs(60);

/// What the window receives as the `cfp-reminder` event.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CfpReminderShown {
    pub event_id: Uuid,
    pub title: String,
    pub body: String,
    pub days_before: u16,
}

/// Wakes the loop early after an edit that can bring a deadline near (a new
/// event, new lead times), so the reminder does not wait for the next minute.
#[derive(Default)]
pub struct ReminderClock {
    nudged: Mutex<bool>,
    wake: Condvar,
    /// Reminders shown but not recorded as sent, because the plan cannot be
    /// written (read-only media, a full disk): each is shown once a session
    /// rather than never.
    unrecorded: Mutex<HashSet<SentKey>>,
}

impl ReminderClock {
    pub fn nudge(&self) {
        *self.nudged.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.wake.notify_one();
    }

    fn sleep(&self) {
        let nudged = self.nudged.lock().unwrap_or_else(|p| p.into_inner());
        let (mut nudged, _) = self.wake.wait_timeout_while(nudged, EVERY, |n| !*n).unwrap_or_else(|p| p.into_inner());
        *nudged = false;
    }
}

pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::Builder::new()
        .name("cfp-reminders".into())
        .spawn(move || {
            loop {
                // A panic (a bug) is logged and the next minute tries again, rather than the loop dying silently.
                if let Err(e) = crate::error::catch_panic(|| {
                    tick(&app);
                    Ok(())
                }) {
                    log::error!("CFP reminders: {e}");
                }
                app.state::<ReminderClock>().sleep();
            }
        })
        .expect("a thread can be started at launch");
}

fn tick<R: Runtime>(app: &AppHandle<R>) {
    let due = match due_now(&app.state::<Db>(), &app.state::<ReminderClock>().unrecorded, crate::clock::now()) {
        Ok(due) => due,
        Err(e) => return log::error!("CFP reminders: {e}"),
    };
    for r in due {
        let shown =
            CfpReminderShown { event_id: r.cfp.event_id, title: r.title(), body: r.body(), days_before: r.days_before };
        // Without a notification service (a bare X session) the window still shows it.
        if let Err(e) = app.notification().builder().title(&shown.title).body(&shown.body).show() {
            log::warn!("notification not shown: {e}");
        }
        if let Err(e) = app.emit("cfp-reminder", &shown) {
            log::warn!("reminder not sent to the window: {e}");
        }
    }
}

/// The reminders to show now: taken (recorded as sent) from the store, or,
/// when the plan cannot be written, those not shown yet this session.
fn due_now(db: &Db, unrecorded: &Mutex<HashSet<SentKey>>, now: DateTime<Utc>) -> Result<Vec<DueReminder>> {
    match db.with(|s| s.take_due_reminders(now)) {
        Err(Error::ReadOnly(_) | Error::DiskFull(_)) => {
            let mut shown = unrecorded.lock().unwrap_or_else(|p| p.into_inner());
            let due = db.with(|s| s.due_reminders(now, &shown))?;
            shown.extend(due.iter().flat_map(|r| r.marks.iter().copied()));
            Ok(due)
        }
        taken => taken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EventInput, EventStatus, event};
    use crate::store::Store;

    #[test]
    fn a_plan_that_cannot_be_written_still_shows_each_reminder_once() {
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
        // Read-only from here on, as on read-only media.
        store.raw_connection().pragma_update(None, "query_only", true).unwrap();
        let db = Db::new(store);
        let unrecorded = Mutex::new(HashSet::new());
        let at: DateTime<Utc> = "2026-02-23T12:00:00Z".parse().unwrap();
        assert_eq!(due_now(&db, &unrecorded, at).unwrap().len(), 1, "shown although it cannot be recorded");
        assert!(due_now(&db, &unrecorded, at).unwrap().is_empty(), "and only once");
    }
}
