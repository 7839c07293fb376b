//! The CFP reminder loop: once a minute, take the reminders that are due from
//! the store (which records them, so none fires twice) and show each as a
//! native notification, and in the window for those who mute them.

use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
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

pub fn start(app: AppHandle) {
    std::thread::Builder::new()
        .name("cfp-reminders".into())
        .spawn(move || {
            loop {
                tick(&app);
                std::thread::sleep(EVERY);
            }
        })
        .expect("a thread can be started at launch");
}

fn tick(app: &AppHandle) {
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
