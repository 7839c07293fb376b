//! The automatic backup: once at launch (off the UI's path) and then hourly,
//! so a window left open past midnight still gets the next day's copy.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use super::Db;
use crate::backups;

const EVERY: Duration = Duration::from_secs(60 * 60);

pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::Builder::new()
        .name("daily-backup".into())
        .spawn(move || {
            loop {
                let today = chrono::Local::now().date_naive();
                if let Err(e) = app.state::<Db>().with(|s| backups::daily(s, today)) {
                    eprintln!("quarterdeck: daily backup: {e}");
                }
                std::thread::sleep(EVERY);
            }
        })
        .expect("a thread can be started at launch");
}
