//! The CFP reminder loop: once a minute, take the reminders that are due from
//! the store (which records them, so none fires twice) and show each as a
//! native notification, and in the window for those who mute them.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use ts_rs::TS;
use uuid::Uuid;

use super::Db;

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
                    eprintln!("quarterdeck: CFP reminders: {e}");
                }
                app.state::<ReminderClock>().sleep();
            }
        })
        .expect("a thread can be started at launch");
}

fn tick<R: Runtime>(app: &AppHandle<R>) {
    let due = match app.state::<Db>().with(|s| s.take_due_reminders(chrono::Utc::now())) {
        Ok(due) => due,
        Err(e) => return eprintln!("quarterdeck: CFP reminders: {e}"),
    };
    for r in due {
        let shown =
            CfpReminderShown { event_id: r.cfp.event_id, title: r.title(), body: r.body(), days_before: r.days_before };
        // Without a notification service (a bare X session) the window still shows it.
        if let Err(e) = app.notification().builder().title(&shown.title).body(&shown.body).show() {
            eprintln!("quarterdeck: notification not shown: {e}");
        }
        if let Err(e) = app.emit("cfp-reminder", &shown) {
            eprintln!("quarterdeck: reminder not sent to the window: {e}");
        }
    }
}
