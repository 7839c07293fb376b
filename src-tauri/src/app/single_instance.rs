//! One window per database file: launching Quarterdeck again on a file that is
//! already open brings that window forward instead of opening a second one
//! (two windows on one plan would each show the other's edits late).
//! Another file (`--db other.db`) opens its own window.

use std::path::Path;

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime};

use crate::disk::paths::APP_IDENTIFIER;

pub fn plugin<R: Runtime>(db_path: &Path) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(db_path))
        .callback(|app, _argv, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                // Best effort: a window manager may refuse focus, the window is there either way.
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        })
        .build()
}

/// A D-Bus name for this database: the app's identifier and a stable hash of
/// the file's absolute path (FNV-1a, so every build agrees on it).
pub fn instance_id(db_path: &Path) -> String {
    let absolute = std::path::absolute(db_path).unwrap_or_else(|_| db_path.to_path_buf());
    let canonical = absolute.canonicalize().unwrap_or(absolute);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in canonical.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{APP_IDENTIFIER}.db{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_one_name_another_file_another() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.db");
        std::fs::write(&a, b"").unwrap();
        let via_dots = dir.path().join("sub/../a.db");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert_eq!(instance_id(&a), instance_id(&via_dots), "the same file by another path");
        assert_ne!(instance_id(&a), instance_id(&dir.path().join("b.db")));
        let id = instance_id(&a);
        // A D-Bus well-known name: dot-separated elements of [A-Za-z0-9_-], none starting with a digit.
        assert!(id.starts_with("dev.quarterdeck.app.db"), "{id}");
        assert!(id.split('.').all(|e| !e.is_empty() && !e.starts_with(|c: char| c.is_ascii_digit())), "{id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-'), "{id}");
    }
}
