//! IPC commands: one-line adapters over the store. `async` so that none of
//! them runs on the UI thread.

use std::path::PathBuf;

use tauri::State;
use uuid::Uuid;

use super::Db;
use crate::Result;
use crate::demo::{self, DemoOptions};
use crate::domain::catalog::{self, CatalogEntry};
use crate::domain::cfp::{self, CfpClosing};
use crate::domain::{Event, EventInput, Participation, Person, PersonInput, TimeOff, TimeOffInput, zone};
use crate::ipc::AppInfo;
use crate::store::{CatalogImport, ImportSummary};

#[tauri::command(async)]
pub fn app_info(db: State<Db>) -> Result<AppInfo> {
    db.with(|s| AppInfo::of(s))
}

#[tauri::command(async)]
pub fn list_time_zones() -> Vec<&'static str> {
    zone::names()
}

#[tauri::command(async)]
pub fn list_people(db: State<Db>) -> Result<Vec<Person>> {
    db.with(|s| s.people())
}

#[tauri::command(async)]
pub fn save_person(db: State<Db>, input: PersonInput) -> Result<Person> {
    db.with(|s| s.save_person(&input))
}

#[tauri::command(async)]
pub fn delete_person(db: State<Db>, id: Uuid) -> Result<()> {
    db.with(|s| s.delete_person(id))
}

#[tauri::command(async)]
pub fn list_events(db: State<Db>) -> Result<Vec<Event>> {
    db.with(|s| s.events())
}

#[tauri::command(async)]
pub fn list_participations(db: State<Db>) -> Result<Vec<Participation>> {
    db.with(|s| s.participations())
}

#[tauri::command(async)]
pub fn save_event(db: State<Db>, input: EventInput) -> Result<Event> {
    db.with(|s| s.save_event(&input))
}

#[tauri::command(async)]
pub fn delete_event(db: State<Db>, id: Uuid) -> Result<()> {
    db.with(|s| s.delete_event(id))
}

#[tauri::command(async)]
pub fn list_time_off(db: State<Db>) -> Result<Vec<TimeOff>> {
    db.with(|s| s.time_off())
}

#[tauri::command(async)]
pub fn save_time_off(db: State<Db>, input: TimeOffInput) -> Result<TimeOff> {
    db.with(|s| s.save_time_off(&input))
}

#[tauri::command(async)]
pub fn delete_time_off(db: State<Db>, id: Uuid) -> Result<()> {
    db.with(|s| s.delete_time_off(id))
}

#[tauri::command(async)]
pub fn load_sample_team(db: State<Db>) -> Result<ImportSummary> {
    let options = DemoOptions::for_today(chrono::Local::now().date_naive());
    db.with(|s| demo::fill(s, &options))
}

#[tauri::command(async)]
pub fn list_catalog(db: State<Db>) -> Result<Vec<CatalogEntry>> {
    db.with(|s| s.catalog())
}

/// Imports the listing files or folders the user picked in the open dialog.
#[tauri::command(async)]
pub fn import_catalog(db: State<Db>, paths: Vec<PathBuf>) -> Result<CatalogImport> {
    let (listings, skipped) = catalog::read_paths(&paths)?;
    db.with(|s| s.import_listings(&listings, skipped))
}

#[tauri::command(async)]
pub fn import_bundled_catalog(db: State<Db>) -> Result<CatalogImport> {
    let (listings, skipped) = catalog::bundled();
    db.with(|s| s.import_listings(&listings, skipped))
}

#[tauri::command(async)]
pub fn list_cfps_closing(db: State<Db>, days: u32) -> Result<Vec<CfpClosing>> {
    db.with(|s| Ok(cfp::closing_within(&s.events()?, chrono::Utc::now(), days)))
}
