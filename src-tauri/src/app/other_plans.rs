//! File → New plan…, Open plan… and Open recent: another plan opens in a window
//! of its own (another Quarterdeck process on that file), as a document app
//! does, so nothing typed in this window is at stake and no state of this
//! plan (its undo shelf, watcher, sync, backups) has to be swapped out. The
//! single-instance lock brings an already open plan's window forward instead.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::chooser::{self, Ask, Chooser, Dialogs, Filter};
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
    let recent = app.state::<OpenedPlans>().existing();
    let Some(path) = plan_for(app.state::<Dialogs>().0.as_ref(), request, &recent)? else {
        return Ok(());
    };
    launch(&path)?;
    app.state::<OpenedPlans>().opened(&path);
    super::menu::refresh(app);
    Ok(())
}

/// The plan file `request` means, asked in a dialog where it needs one;
/// `None` when the person cancelled. `recent` is what Open recent lists.
fn plan_for(dialogs: &dyn Chooser, request: Request, recent: &[PathBuf]) -> Result<Option<PathBuf>> {
    match request {
        Request::New => {
            let ask = Ask::new("New plan").of(PLAN).named("plan.db");
            let Some(path) = dialogs.save_file(&ask).map(|p| chooser::with_extension(p, "db")) else {
                return Ok(None);
            };
            if path.exists() {
                // The save dialog's "replace?" must not throw a plan away: a new plan needs a new file.
                return Err(Error::invalid(
                    "file",
                    format!("{} already exists; open it with Open plan… or pick a new name", chooser::file_name(&path)),
                ));
            }
            Ok(Some(path))
        }
        Request::Open => {
            let Some(path) = dialogs.open_file(&Ask::new("Open plan").of(PLAN)) else {
                return Ok(None);
            };
            // Read it here first, so that a file that is no plan gets a message rather than a window that never opens.
            Store::check_plan(&path)?;
            Ok(Some(path))
        }
        Request::Recent(index) => {
            recent.get(index).cloned().map(Some).ok_or_else(|| Error::invalid("recent", "that plan is no longer there"))
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers every file dialog with one path (or cancels with none).
    struct Picks(Option<PathBuf>);

    impl Chooser for Picks {
        fn open_file(&self, _: &Ask) -> Option<PathBuf> {
            self.0.clone()
        }
        fn open_files(&self, _: &Ask) -> Option<Vec<PathBuf>> {
            self.0.clone().map(|p| vec![p])
        }
        fn open_folder(&self, _: &Ask) -> Option<PathBuf> {
            self.0.clone()
        }
        fn save_file(&self, _: &Ask) -> Option<PathBuf> {
            self.0.clone()
        }
        fn confirm(&self, _: &str, _: &str, _: &str) -> bool {
            false
        }
        fn browse(&self, _: &str) -> Result<()> {
            Ok(())
        }
        fn open_path(&self, _: &Path) -> Result<()> {
            Ok(())
        }
        fn reveal(&self, _: &Path) -> Result<()> {
            Ok(())
        }
    }

    fn field(err: &Error) -> &str {
        match err {
            Error::Invalid { field, .. } => field,
            other => panic!("not an invalid-input error: {other}"),
        }
    }

    #[test]
    fn a_new_plan_gets_its_extension_and_never_takes_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = plan_for(&Picks(Some(dir.path().join("team"))), Request::New, &[]).unwrap();
        assert_eq!(fresh, Some(dir.path().join("team.db")));
        let taken = dir.path().join("taken.db");
        std::fs::write(&taken, "anything").unwrap();
        let err = plan_for(&Picks(Some(taken.clone())), Request::New, &[]).unwrap_err();
        assert_eq!(field(&err), "file", "{err}");
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "anything", "the file is left as it was");
    }

    #[test]
    fn open_takes_a_plan_and_refuses_a_file_that_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.db");
        drop(Store::open(&plan).unwrap());
        assert_eq!(plan_for(&Picks(Some(plan.clone())), Request::Open, &[]).unwrap(), Some(plan));
        let notes = dir.path().join("notes.db");
        std::fs::write(&notes, "not a database, only notes\n".repeat(100)).unwrap();
        assert!(plan_for(&Picks(Some(notes)), Request::Open, &[]).is_err(), "a text file is no plan");
        // A plan of an older schema opens (its window migrates it, after a copy); this check leaves it as it was.
        let old = dir.path().join("v1.db");
        std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/db/v1.db"), &old).unwrap();
        let before = std::fs::read(&old).unwrap();
        assert_eq!(plan_for(&Picks(Some(old.clone())), Request::Open, &[]).unwrap(), Some(old.clone()));
        assert_eq!(std::fs::read(&old).unwrap(), before, "checking a plan does not change it");
    }

    #[test]
    fn a_cancelled_dialog_opens_nothing_and_a_recent_plan_is_taken_by_its_place() {
        assert_eq!(plan_for(&Picks(None), Request::New, &[]).unwrap(), None);
        assert_eq!(plan_for(&Picks(None), Request::Open, &[]).unwrap(), None);
        let recent = [PathBuf::from("/plans/a.db"), PathBuf::from("/plans/b.db")];
        assert_eq!(plan_for(&Picks(None), Request::Recent(1), &recent).unwrap(), Some(recent[1].clone()));
        let err = plan_for(&Picks(None), Request::Recent(2), &recent).unwrap_err();
        assert_eq!(field(&err), "recent", "{err}");
    }
}
