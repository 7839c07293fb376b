//! Where the embedded default database lives: the OS app-data folder
//! (`$XDG_DATA_HOME/dev.quarterdeck.app/` on Linux), the same folder Tauri's
//! `app_data_dir()` gives for our identifier.

use std::path::PathBuf;

use crate::{Error, Result};

/// Must match `identifier` in tauri.conf.json.
pub const APP_IDENTIFIER: &str = "dev.quarterdeck.app";
pub const DB_FILE_NAME: &str = "quarterdeck.db";

/// The log file's name, without the `.log` the log plugin adds.
pub const LOG_NAME: &str = "quarterdeck";

/// The folder the window's log goes to: `$XDG_DATA_HOME/dev.quarterdeck.app/logs`
/// on Linux, where Tauri's `app_log_dir()` points, whatever plan is open.
pub fn log_folder() -> Option<PathBuf> {
    Some(dirs::data_local_dir()?.join(APP_IDENTIFIER).join("logs"))
}

pub fn default_db() -> Result<PathBuf> {
    let data = dirs::data_dir().ok_or_else(|| {
        Error::file("app-data folder", std::io::Error::other("no home or XDG data folder is set; pass --db FILE"))
    })?;
    Ok(data.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}

#[cfg(test)]
mod tests {
    #[test]
    fn identifier_matches_the_tauri_config() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json is JSON");
        assert_eq!(conf["identifier"], super::APP_IDENTIFIER);
    }
}
