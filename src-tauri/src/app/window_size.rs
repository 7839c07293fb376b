//! The window opens where and as big as it was left (the minimum, 900×600,
//! stays in tauri.conf.json). Kept in the app's config folder by
//! `tauri-plugin-window-state`, from Rust only: the page has no permission on it.

use tauri::Runtime;
use tauri::plugin::TauriPlugin;
use tauri_plugin_window_state::StateFlags;

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    // Size, place and maximised; not visibility or decorations, which the app sets itself.
    tauri_plugin_window_state::Builder::default()
        .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
        .build()
}
