//! The window notices when its plan changed outside it: the CLI writing to
//! the same file, a restore from the command line, the calendar sync's own
//! connection. Once a second it asks SQLite whether another connection has
//! committed (`PRAGMA data_version`, a read of one page header) and, if so,
//! tells the page, which reads the plan again; an open form keeps its draft.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::Db;

/// The event the page reloads the plan on.
pub const PLAN_CHANGED: &str = "plan-changed";

const EVERY: Duration = Duration::from_secs(1);

pub fn start<R: Runtime>(app: AppHandle<R>) {
    let watching = std::thread::Builder::new().name("plan-watch".into()).spawn(move || {
        let mut seen: Option<i64> = None;
        let mut failed = false;
        // Read first, then every second: a change made while the page was loading is not missed.
        loop {
            let Some(db) = app.try_state::<Db>() else {
                std::thread::sleep(EVERY);
                continue;
            };
            match db.with(|store| store.outside_changes()) {
                Ok(now) => {
                    if seen.is_some_and(|before| before != now) {
                        log::info!("the plan file changed outside the window; the page reads it again");
                        if let Err(e) = app.emit(PLAN_CHANGED, ()) {
                            log::warn!("the page was not told the plan changed: {e}");
                        }
                    }
                    seen = Some(now);
                    failed = false;
                }
                // Said once, not every second.
                Err(e) if !failed => {
                    log::warn!("watching the plan file for outside changes: {e}");
                    failed = true;
                }
                Err(_) => {}
            }
            std::thread::sleep(EVERY);
        }
    });
    if let Err(e) = watching {
        log::warn!("the plan file is not watched for outside changes: {e}");
    }
}
