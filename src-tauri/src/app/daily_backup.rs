//! The automatic backup: once at launch (off the UI's path) and then hourly,
//! so a window left open past midnight still gets the next day's copy.

use std::path::PathBuf;
use std::time::Duration;

use crate::disk::backups;

const EVERY: Duration = Duration::from_secs(60 * 60);

/// Backs up the plan file at `db` (its own connection: the window's store is never held).
pub fn start(db: PathBuf) {
    std::thread::Builder::new()
        .name("daily-backup".into())
        .spawn(move || {
            loop {
                let today = crate::clock::today();
                // A panic (a bug) is reported like any error and the loop goes on.
                match crate::error::catch_panic(|| backups::daily(&db, today)) {
                    Ok(Some(copy)) => log::info!("daily backup: {} ({} bytes)", copy.path.display(), copy.bytes),
                    Ok(None) => {}
                    Err(e) => log::error!("daily backup: {e}"),
                }
                std::thread::sleep(EVERY);
            }
        })
        .expect("a thread can be started at launch");
}
