//! Help → Documentation: the README (the user's manual) is built into the
//! binary, so it works offline and matches this version; it is written to the
//! app's cache folder and opened with the system's app for Markdown text.

use std::path::PathBuf;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::chooser::Dialogs;
use crate::disk::paths::APP_IDENTIFIER;
use crate::{Error, Result, files};

const MANUAL: &str = include_str!("../../../README.md");

/// Writes the manual out and opens it, off the main thread; a failure reaches the page as `menu-failed`.
pub fn open<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::spawn(move || {
        let opened = write().and_then(|manual| app.state::<Dialogs>().0.open_path(&manual));
        if let Err(e) = opened {
            log::warn!("the documentation did not open: {e}");
            let _ = app.emit("menu-failed", &e);
        }
    });
}

/// The manual in the cache folder, rewritten each time (another version may have left its own).
fn write() -> Result<PathBuf> {
    let folder = dirs::cache_dir().unwrap_or_else(std::env::temp_dir).join(APP_IDENTIFIER);
    std::fs::create_dir_all(&folder).map_err(|e| Error::file(&folder, e))?;
    let manual = folder.join("Quarterdeck manual.md");
    files::write_whole(&manual, MANUAL)?;
    Ok(manual)
}
