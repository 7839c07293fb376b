//! Where the window's files come from and go to: native dialogs that Rust
//! opens inside a command, so that no IPC input is ever a path. A page that
//! is compromised can ask for a dialog, but only the person at the screen
//! picks what is read or written.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, MessageDialogButtons, MessageDialogResult};
use ts_rs::TS;

/// A kind of file a dialog offers, like `("iCalendar", ["ics"])`.
pub type Filter = (&'static str, &'static [&'static str]);

/// What a dialog asks: its title, the kind of file, a file name to start from.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    pub title: String,
    pub filter: Option<Filter>,
    pub file_name: Option<String>,
}

impl Ask {
    pub fn new(title: impl Into<String>) -> Ask {
        Ask { title: title.into(), filter: None, file_name: None }
    }

    pub fn of(mut self, filter: Filter) -> Ask {
        self.filter = Some(filter);
        self
    }

    pub fn named(mut self, file_name: impl Into<String>) -> Ask {
        self.file_name = Some(file_name.into());
        self
    }
}

/// What a command may ask of the desktop: dialogs, and the browser. The
/// window uses the native ones (`NativeDialogs`); the IPC tests answer with
/// files of their own. Dialogs block until the person answers: `None` or
/// `false` is a cancel.
pub trait Chooser: Send + Sync + 'static {
    fn open_file(&self, ask: &Ask) -> Option<PathBuf>;
    fn open_files(&self, ask: &Ask) -> Option<Vec<PathBuf>>;
    fn open_folder(&self, ask: &Ask) -> Option<PathBuf>;
    fn save_file(&self, ask: &Ask) -> Option<PathBuf>;
    /// A yes-or-no question; `yes` is the label of the button that agrees.
    fn confirm(&self, title: &str, message: &str, yes: &str) -> bool;
    /// Hands a web address to the system browser.
    fn browse(&self, url: &str) -> crate::Result<()>;
    /// Hands a file (or folder) Quarterdeck wrote to the system's app for its type.
    fn open_path(&self, path: &Path) -> crate::Result<()>;
    /// Shows a file (or folder) Quarterdeck wrote in the file manager.
    fn reveal(&self, path: &Path) -> crate::Result<()>;
}

/// The chooser the commands use, kept as app state.
pub struct Dialogs(pub Box<dyn Chooser>);

/// What a command that opened a dialog did: its answer, or nothing at all
/// because the person cancelled (which is not an error to show).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", content = "value", rename_all = "snake_case")]
pub enum Picked<T> {
    Done(T),
    Cancelled,
}

/// Runs `f` on what the dialog gave; a cancel stays a cancel.
pub fn then<P, T>(picked: Option<P>, f: impl FnOnce(P) -> crate::Result<T>) -> crate::Result<Picked<T>> {
    match picked {
        Some(p) => f(p).map(Picked::Done),
        None => Ok(Picked::Cancelled),
    }
}

/// `path` with `extension` added unless it already ends so: GTK's save
/// dialog takes a bare name as typed.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    let has = path.extension().is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if has {
        return path;
    }
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".{extension}"));
    path.with_file_name(name)
}

/// A file's name for the page to show: never its folder, which is the user's business.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The platform's dialogs, each over the main window.
pub struct NativeDialogs<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> NativeDialogs<R> {
    fn file(&self, ask: &Ask) -> FileDialogBuilder<R> {
        let mut dialog = self.0.dialog().file().set_title(&ask.title);
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        if let Some((name, extensions)) = ask.filter {
            dialog = dialog.add_filter(name, extensions);
        }
        if let Some(file_name) = &ask.file_name {
            dialog = dialog.set_file_name(file_name);
        }
        dialog
    }
}

impl<R: Runtime> Chooser for NativeDialogs<R> {
    fn open_file(&self, ask: &Ask) -> Option<PathBuf> {
        self.file(ask).blocking_pick_file()?.into_path().ok()
    }

    fn open_files(&self, ask: &Ask) -> Option<Vec<PathBuf>> {
        let picked = self.file(ask).blocking_pick_files()?;
        Some(picked.into_iter().filter_map(|p| p.into_path().ok()).collect())
    }

    fn open_folder(&self, ask: &Ask) -> Option<PathBuf> {
        self.file(ask).blocking_pick_folder()?.into_path().ok()
    }

    fn save_file(&self, ask: &Ask) -> Option<PathBuf> {
        self.file(ask).blocking_save_file()?.into_path().ok()
    }

    fn confirm(&self, title: &str, message: &str, yes: &str) -> bool {
        let mut dialog = self
            .0
            .dialog()
            .message(message)
            .title(title)
            .buttons(MessageDialogButtons::OkCancelCustom(yes.to_string(), "Cancel".to_string()));
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.parent(&window);
        }
        match dialog.blocking_show_with_result() {
            MessageDialogResult::Ok | MessageDialogResult::Yes => true,
            MessageDialogResult::Custom(label) => label == yes,
            _ => false,
        }
    }

    fn browse(&self, url: &str) -> crate::Result<()> {
        use tauri_plugin_opener::OpenerExt;
        self.0
            .opener()
            .open_url(url, None::<&str>)
            .map_err(|e| crate::Error::file("browser", std::io::Error::other(e.to_string())))
    }

    fn open_path(&self, path: &Path) -> crate::Result<()> {
        tauri_plugin_opener::open_path(path, None::<&str>).map_err(|e| opener_error(path, e))
    }

    fn reveal(&self, path: &Path) -> crate::Result<()> {
        // A file manager that answers D-Bus's FileManager1 shows the file
        // selected; without one (no session bus, a bare window manager) the
        // folder it is in opens with the system's app for folders.
        tauri_plugin_opener::reveal_item_in_dir(path).or_else(|e| {
            log::info!("no file manager showed {} ({e}); opening its folder", path.display());
            let folder = if path.is_dir() { path } else { path.parent().unwrap_or(path) };
            tauri_plugin_opener::open_path(folder, None::<&str>).map_err(|e| opener_error(folder, e))
        })
    }
}

fn opener_error(path: &Path, e: tauri_plugin_opener::Error) -> crate::Error {
    crate::Error::file(path, std::io::Error::other(format!("the system could not open it: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_gets_its_extension_and_a_named_one_keeps_it() {
        assert_eq!(with_extension("/tmp/costs".into(), "csv"), PathBuf::from("/tmp/costs.csv"));
        assert_eq!(with_extension("/tmp/costs.CSV".into(), "csv"), PathBuf::from("/tmp/costs.CSV"));
        assert_eq!(with_extension("/tmp/plan.v2".into(), "db"), PathBuf::from("/tmp/plan.v2.db"));
    }

    #[test]
    fn the_page_sees_names_not_folders() {
        assert_eq!(file_name(Path::new("/home/ana/plans/costs.csv")), "costs.csv");
    }

    #[test]
    fn a_cancel_is_an_answer_not_an_error() {
        let done = then(Some(2), |n| Ok(n * 2)).unwrap();
        assert_eq!(done, Picked::Done(4));
        let cancelled = then(None::<u32>, |n| Ok(n * 2)).unwrap();
        assert_eq!(cancelled, Picked::Cancelled);
        assert_eq!(serde_json::to_value(&cancelled).unwrap(), serde_json::json!({"outcome": "cancelled"}));
        assert_eq!(serde_json::to_value(&done).unwrap(), serde_json::json!({"outcome": "done", "value": 4}));
    }
}
