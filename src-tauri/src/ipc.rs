//! Shapes that exist only to cross IPC (the domain types cross as they are).

use serde::Serialize;
use ts_rs::TS;

use crate::Result;
use crate::store::Store;

/// What the window shows about the running app and its database.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: u32,
}

impl AppInfo {
    pub fn of(store: &Store) -> Result<AppInfo> {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: store.path().map_or_else(|| ":memory:".to_string(), |p| p.display().to_string()),
            schema_version: store.schema_version()? as u32,
        })
    }
}
