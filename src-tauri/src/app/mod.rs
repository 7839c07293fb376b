//! The window: registers the store as state and the command list. Nothing else
//! lives here; commands are thin adapters in `commands` and `file_commands`,
//! declared once in `command_list.rs` (see there to add one).

#[macro_use]
mod command_list;
pub mod calendar_sync;
pub mod chooser;
pub mod chosen_files;
pub mod commands;
mod daily_backup;
mod documentation;
pub mod file_commands;
mod log_file;
mod menu;
mod other_plans;
mod paint_probe;
mod plan_watch;
pub mod recent_plans;
mod reminders;
mod single_instance;
pub mod surface;
mod undo;
mod web_process;
pub mod window_close;
mod window_size;
pub mod written_files;

pub use calendar_sync::CalendarSync;
pub use chooser::{Chooser, Dialogs};
pub use chosen_files::ChosenFiles;
pub use reminders::{CfpReminderShown, ReminderClock};
pub use undo::{DeletedShelf, Deletion};
pub use window_close::UnsavedChanges;
pub use written_files::WrittenFiles;

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::{Builder, Manager, Runtime};

use crate::store::Store;
use crate::{Error, Result};

/// The open database, shared by the commands. SQLite serialises writers
/// anyway; one connection behind a mutex keeps that simple and ordered.
pub struct Db {
    store: Mutex<Store>,
}

impl Db {
    pub fn new(store: Store) -> Db {
        Db { store: Mutex::new(store) }
    }

    /// Runs one command's body on the store. A panic inside answers
    /// `Error::Internal` (Tauri would leave the window's promise unsettled),
    /// and whatever transaction it left open is rolled back, before and after,
    /// so no later save joins it.
    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        // A panic in another command must not lock the user out of their plan.
        let mut store = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        store.end_leftover_transaction();
        let out = crate::error::catch_panic(|| f(&mut store));
        store.end_leftover_transaction();
        out
    }
}

/// Opens the store at `db_path` and runs the window until it closes. A second
/// launch on the same file focuses this window instead of opening another.
pub fn run(db_path: PathBuf) -> Result<()> {
    let window_error = |e: tauri::Error| Error::file("window", std::io::Error::other(e.to_string()));
    // The single-instance plugin decides while the app is built: a second
    // launch on this file hands over to the first window and exits there,
    // before the store below opens (and perhaps migrates) the file under it.
    let first = tauri::Builder::default()
        .plugin(single_instance::plugin(&db_path))
        .plugin(log_file::plugin())
        .plugin(window_size::plugin())
        .manage(other_plans::OpenedPlans::with_current(&db_path))
        .menu(menu::build)
        .on_menu_event(menu::on_event);
    let app =
        with_commands_on(first, Some(db_path.clone()), None).build(tauri::generate_context!()).map_err(window_error)?;
    // Managed before the event loop starts: the window and `setup` come after.
    app.manage(Db::new(Store::open(&db_path)?));
    log::info!("Quarterdeck {} opened {}", env!("CARGO_PKG_VERSION"), db_path.display());
    app.run(|_, _| {});
    Ok(())
}

/// The app on any runtime with `store` as its plan, with the platform's own
/// dialogs.
pub fn with_commands<R: Runtime>(builder: Builder<R>, store: Store) -> Builder<R> {
    with_desktop(builder, store, None)
}

/// `with_commands`, with `desktop` answering the dialogs instead of the
/// platform's: the IPC tests build it so on Tauri's mock runtime.
pub fn with_desktop<R: Runtime>(builder: Builder<R>, store: Store, desktop: Option<Box<dyn Chooser>>) -> Builder<R> {
    let db_file = store.path().map(PathBuf::from);
    with_commands_on(builder.manage(Db::new(store)), db_file, desktop)
}

/// Plugins, state, the reminder loop and every command; the `Db` is managed
/// by the caller. `db_file` is the plan's file, for the daily backup;
/// `desktop`, when given, answers the dialogs instead of the platform's.
fn with_commands_on<R: Runtime>(
    builder: Builder<R>,
    db_file: Option<PathBuf>,
    desktop: Option<Box<dyn Chooser>>,
) -> Builder<R> {
    // The platform's dialogs need the running app, so they join in `setup`.
    let (builder, native) = match desktop {
        Some(desktop) => (builder.manage(Dialogs(desktop)), false),
        None => (builder, true),
    };
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(ReminderClock::default())
        .manage(DeletedShelf::default())
        .manage(ChosenFiles::default())
        .manage(UnsavedChanges::default())
        .manage(WrittenFiles::default())
        .on_window_event(|window, event| {
            chosen_files::on_window_event(window, event);
            if let Some(unsaved) = window.try_state::<UnsavedChanges>() {
                window_close::on_window_event(window, event, &unsaved);
            }
            // Coming back to the window brings the calendars up to date.
            if let tauri::WindowEvent::Focused(true) = event
                && let Some(sync) = window.try_state::<CalendarSync>()
            {
                sync.sync_now();
            }
        })
        .setup(move |app| {
            if native {
                app.manage(Dialogs(Box::new(chooser::NativeDialogs(app.handle().clone()))));
            }
            app.state::<UnsavedChanges>().close_with(app.handle());
            match app.get_webview_window("main") {
                Some(window) => {
                    web_process::reload_when_it_dies(&window);
                    // The title names the plan, as a document window does.
                    if let Some(name) = db_file.as_deref().and_then(|p| p.file_name()) {
                        let _ = window.set_title(&format!("{} — Quarterdeck", name.to_string_lossy()));
                    }
                }
                None => log::warn!("no main window at setup: its web process is not watched"),
            }
            reminders::start(app.handle().clone());
            plan_watch::start(app.handle().clone());
            app.manage(CalendarSync::start(app.handle(), db_file.clone()));
            if let Some(db) = db_file {
                daily_backup::start(db);
            }
            paint_probe::start(app);
            Ok(())
        })
        .invoke_handler(surface::handler())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_that_panics_answers_an_error_and_the_next_save_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        let db = Db::new(Store::open(&path).unwrap());
        // A panic with a transaction open and no guard to end it (as `rehearse` was).
        let err = db
            .with(|s| -> Result<()> {
                s.raw_connection().execute_batch("BEGIN IMMEDIATE")?;
                panic!("attempt to add with overflow")
            })
            .unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::Internal, "{err}");
        let input: crate::domain::PersonInput = serde_json::from_value(serde_json::json!({
            "name": "Maya", "role": "Advocate", "home_city": "Berlin", "timezone": "Europe/Berlin",
            "capacity_hours": 40.0, "working_days": ["mon", "tue"],
        }))
        .unwrap();
        db.with(|s| s.save_person(&input)).unwrap();
        drop(db);
        let people = Store::open(&path).unwrap().people().unwrap();
        assert_eq!(people.len(), 1, "the save after the panic reached the file");
    }
}
