//! File → New plan…, Open plan… and Open recent: another plan opens in a window
//! of its own (another Quarterdeck process on that file), as a document app
//! does, so nothing typed in this window is at stake and no state of this
//! plan (its undo shelf, watcher, sync, backups) has to be swapped out. The
//! single-instance lock brings an already open plan's window forward instead.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::chooser::{self, Ask, Dialogs, Filter};
use super::recent_plans::RecentPlans;
use crate::disk::paths::APP_IDENTIFIER;
use crate::store::Store;
use crate::{Error, Result};

const PLAN: Filter = ("Quarterdeck plan", &["db"]);

/// The recent plans as this window knows them, and the file that keeps them.
pub struct OpenedPlans {
    file: PathBuf,
    recent: Mutex<RecentPlans>,
}

impl OpenedPlans {
    /// The list in the app's config folder, with `current` (this window's plan) first.
    pub fn with_current(current: &Path) -> OpenedPlans {
        let file = dirs::config_dir().unwrap_or_default().join(APP_IDENTIFIER).join("recent-plans.json");
        let mut recent = RecentPlans::load(&file);
        recent.opened(current);
        let opened = OpenedPlans { file, recent: Mutex::new(recent) };
        opened.save();
        opened
    }

    /// The plans File → Open recent offers, most recent first.
    pub fn existing(&self) -> Vec<PathBuf> {
        self.lock().existing()
    }

    fn opened(&self, path: &Path) {
        self.lock().opened(path);
        self.save();
    }

    fn save(&self) {
        // A list of shortcuts that could not be written costs the person a
        // dialog next time, not their work: logged, not shown.
        if let Err(e) = self.lock().save(&self.file) {
            log::warn!("the recent plans list was not saved: {e}");
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, RecentPlans> {
        self.recent.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// What the person asked for in the File menu.
pub enum Request {
    New,
    Open,
    Recent(usize),
}

/// Runs `request` off the main thread (its dialogs need the event loop free);
/// a failure reaches the page as `menu-failed` (`{code, message, field}`).
pub fn open<R: Runtime>(app: &AppHandle<R>, request: Request) {
    let app = app.clone();
    std::thread::spawn(move || {
        if let Err(e) = open_now(&app, request) {
            log::warn!("opening another plan failed: {e}");
            let _ = app.emit("menu-failed", &e);
        }
    });
}

fn open_now<R: Runtime>(app: &AppHandle<R>, request: Request) -> Result<()> {
    let dialogs = app.state::<Dialogs>();
    let path = match request {
        Request::New => {
            let ask = Ask::new("New plan").of(PLAN).named("plan.db");
            let Some(path) = dialogs.0.save_file(&ask).map(|p| chooser::with_extension(p, "db")) else {
                return Ok(());
            };
            if path.exists() {
                // The save dialog's "replace?" must not throw a plan away: a new plan needs a new file.
                return Err(Error::invalid(
                    "file",
                    format!("{} already exists; open it with Open plan… or pick a new name", chooser::file_name(&path)),
                ));
            }
            path
        }
        Request::Open => {
            let Some(path) = dialogs.0.open_file(&Ask::new("Open plan").of(PLAN)) else {
                return Ok(());
            };
            // Read it here first, so that a file that is no plan gets a message rather than a window that never opens.
            Store::open_read_only(&path)?;
            path
        }
        Request::Recent(index) => {
            let recent = app.state::<OpenedPlans>().existing();
            recent.get(index).cloned().ok_or_else(|| Error::invalid("recent", "that plan is no longer there"))?
        }
    };
    launch(&path)?;
    app.state::<OpenedPlans>().opened(&path);
    super::menu::refresh(app);
    Ok(())
}

/// Starts Quarterdeck on `plan` in its own process (and window).
fn launch(plan: &Path) -> Result<()> {
    let exe = std::env::current_exe().map_err(|e| Error::file("quarterdeck", e))?;
    let mut child = std::process::Command::new(&exe).arg("--db").arg(plan).spawn().map_err(|e| Error::file(&exe, e))?;
    log::info!("opened {} in a window of its own (process {})", plan.display(), child.id());
    // Reaped when it ends, so that no finished window lingers as a zombie.
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}
