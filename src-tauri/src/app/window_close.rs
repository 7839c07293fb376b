//! Closing the window with a form not yet saved: the page tells Rust whether
//! it holds unsaved changes (only when that answer changes), and while it
//! does, a close is held back and handed to the page, which asks the person
//! (Save, Discard, Keep editing) and closes the window itself if they agree.
//! A page that never said so, or that died, never keeps the window open.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{Emitter, Manager, Runtime, Window, WindowEvent};

/// The event the page receives when the window is asked to close.
pub const CLOSE_REQUESTED: &str = "close-requested";

type Closer = Box<dyn Fn() -> tauri::Result<()> + Send + Sync>;

/// Whether the page holds changes not yet saved, and how to close its window.
#[derive(Default)]
pub struct UnsavedChanges {
    held: AtomicBool,
    closer: OnceLock<Closer>,
}

impl UnsavedChanges {
    pub fn set(&self, unsaved: bool) {
        self.held.store(unsaved, Ordering::SeqCst);
    }

    fn held(&self) -> bool {
        self.held.load(Ordering::SeqCst)
    }

    /// Learns how to close the app's window (once it runs).
    pub fn close_with<R: Runtime>(&self, app: &tauri::AppHandle<R>) {
        let app = app.clone();
        let _ = self.closer.set(Box::new(move || app.webview_windows().values().try_for_each(|w| w.destroy())));
    }

    /// The page agreed to close (its changes saved or discarded).
    pub fn close(&self) -> tauri::Result<()> {
        self.set(false);
        self.closer.get().map_or(Ok(()), |close| close())
    }
}

/// Holds back a close while the page has unsaved changes, and asks the page.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent, unsaved: &UnsavedChanges) {
    if let WindowEvent::CloseRequested { api, .. } = event
        && unsaved.held()
    {
        match window.emit(CLOSE_REQUESTED, ()) {
            Ok(()) => api.prevent_close(),
            // The page cannot be asked: nothing would ever close the window, so let it go.
            Err(e) => log::warn!("unsaved changes: the page could not be asked before closing: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_held_until_the_page_says_so() {
        let unsaved = UnsavedChanges::default();
        assert!(!unsaved.held());
        unsaved.set(true);
        assert!(unsaved.held());
        unsaved.set(false);
        assert!(!unsaved.held());
    }
}
