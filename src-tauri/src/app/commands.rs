//! IPC commands: one-line adapters over the store. `async` so that none of
//! them runs on the UI thread.

use std::path::PathBuf;

use tauri::State;
use tauri::ipc::Channel;
use uuid::Uuid;

use super::{Db, ReminderClock};
use crate::Result;
use crate::demo::{self, DemoOptions};
use crate::domain::catalog::{self, CatalogEntry, ImportProgress};
use crate::domain::follow_up::{FollowUpInput, FollowUpPlan};
use crate::domain::similar::DuplicateWarning;
use crate::domain::{
    ContentInput, ContentItem, Event, EventInput, Person, PersonInput, Ratings, ScoreWeights, Settings, Submission,
    SubmissionInput, Talk, TalkInput, TimeOff, TimeOffInput, zone,
};
use crate::ipc::{AppInfo, PlanView};
use crate::store::{CatalogImport, ImportSummary};

#[tauri::command(async)]
pub fn app_info(db: State<Db>) -> Result<AppInfo> {
    db.with(|s| AppInfo::of(s))
}

/// The whole plan as the window shows it, read in one transaction.
#[tauri::command(async)]
pub fn load_plan(db: State<Db>) -> Result<PlanView> {
    db.with(|s| PlanView::of(s, chrono::Utc::now(), chrono::Local::now().date_naive()))
}

#[tauri::command(async)]
pub fn list_time_zones() -> Vec<&'static str> {
    zone::names()
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
pub fn save_event(db: State<Db>, clock: State<ReminderClock>, input: EventInput) -> Result<Event> {
    db.with(|s| s.save_event(&input)).inspect(|_| clock.nudge())
}

#[tauri::command(async)]
pub fn delete_event(db: State<Db>, id: Uuid) -> Result<()> {
    db.with(|s| s.delete_event(id))
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
pub fn load_sample_team(db: State<Db>, clock: State<ReminderClock>) -> Result<ImportSummary> {
    let options = DemoOptions::for_today(chrono::Local::now().date_naive());
    db.with(|s| demo::fill(s, &options)).inspect(|_| clock.nudge())
}

#[tauri::command(async)]
pub fn list_catalog(db: State<Db>) -> Result<Vec<CatalogEntry>> {
    db.with(|s| s.catalog())
}

/// Imports the listing files or folders the user picked in the open dialog,
/// reporting progress on `on_progress` for the window's progress bar.
#[tauri::command(async)]
pub fn import_catalog(
    db: State<Db>,
    paths: Vec<PathBuf>,
    on_progress: Channel<ImportProgress>,
) -> Result<CatalogImport> {
    // A closed window drops the channel; the import goes on regardless.
    let mut report = |p: ImportProgress| drop(on_progress.send(p));
    let (listings, skipped) = catalog::read_paths_reporting(&paths, &mut report)?;
    db.with(|s| s.import_listings_reporting(&listings, skipped, &mut report))
}

#[tauri::command(async)]
pub fn import_bundled_catalog(db: State<Db>) -> Result<CatalogImport> {
    let (listings, skipped) = catalog::bundled();
    db.with(|s| s.import_listings(&listings, skipped))
}

#[tauri::command(async)]
pub fn save_talk(db: State<Db>, input: TalkInput) -> Result<Talk> {
    db.with(|s| s.save_talk(&input))
}

#[tauri::command(async)]
pub fn delete_talk(db: State<Db>, id: Uuid) -> Result<()> {
    db.with(|s| s.delete_talk(id))
}

#[tauri::command(async)]
pub fn save_submission(db: State<Db>, input: SubmissionInput) -> Result<Submission> {
    db.with(|s| s.save_submission(&input))
}

#[tauri::command(async)]
pub fn delete_submission(db: State<Db>, id: Uuid) -> Result<()> {
    db.with(|s| s.delete_submission(id))
}

/// Teammates' submissions of the same or a similar talk to the same event; saves nothing.
#[tauri::command(async)]
pub fn submission_warnings(db: State<Db>, input: SubmissionInput) -> Result<Vec<DuplicateWarning>> {
    db.with(|s| s.submission_warnings(&input))
}

#[tauri::command(async)]
pub fn save_settings(db: State<Db>, clock: State<ReminderClock>, input: Settings) -> Result<Settings> {
    db.with(|s| s.save_settings(&input)).inspect(|_| clock.nudge())
}

/// The score `ratings` would get under `weights`, for the forms' live preview; saves nothing.
#[tauri::command(async)]
pub fn score_ratings(ratings: Ratings, weights: ScoreWeights) -> Result<Option<u8>> {
    Ok(ratings.validate("ratings")?.score(&weights.validate()?))
}

#[tauri::command(async)]
pub fn save_content(db: State<Db>, input: ContentInput) -> Result<ContentItem> {
    db.with(|s| s.save_content(&input))
}

#[tauri::command(async)]
pub fn delete_content(db: State<Db>, id: Uuid) -> Result<()> {
    db.with(|s| s.delete_content(id))
}

/// The usual follow-ups of an event (or a talk given there), for the chain dialog; saves nothing.
#[tauri::command(async)]
pub fn follow_up_defaults(db: State<Db>, event_id: Uuid, talk_id: Option<Uuid>) -> Result<Vec<FollowUpInput>> {
    db.with(|s| s.follow_up_defaults(event_id, talk_id))
}

/// Creates a whole repurposing chain in one transaction.
#[tauri::command(async)]
pub fn save_follow_ups(db: State<Db>, input: FollowUpPlan) -> Result<Vec<ContentItem>> {
    db.with(|s| s.save_follow_ups(&input))
}
