//! The window's log: what a desktop launch has no terminal for (a reminder or
//! daily backup that failed, a notification the desktop refused) goes to
//! `quarterdeck.log` in the app's log folder, named in Settings, and to stderr.
//! Only the window installs it; the command line prints to stderr itself.

use log::LevelFilter;
use tauri::Runtime;
use tauri::plugin::TauriPlugin;
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

use crate::disk::paths;

/// A log file stays small enough to attach to a bug report; the previous few are kept.
const MAX_BYTES: u128 = 1 << 20;
const KEEP_FILES: usize = 3;

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    let mut targets = vec![Target::new(TargetKind::Stderr)];
    if let Some(path) = paths::log_folder() {
        targets.push(Target::new(TargetKind::Folder { path, file_name: Some(paths::LOG_NAME.into()) }));
    }
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets(targets)
        .level(LevelFilter::Info)
        // Our own records, not every dependency's chatter.
        .level_for("tao", LevelFilter::Warn)
        .level_for("wry", LevelFilter::Warn)
        .max_file_size(MAX_BYTES)
        .rotation_strategy(RotationStrategy::KeepSome(KEEP_FILES))
        .build()
}
