//! IPC commands: one-line adapters over the store. `async` so that none of
//! them runs on the UI thread.

use chrono::{Datelike, NaiveDate};
use tauri::State;
use tauri::ipc::Channel;
use uuid::Uuid;

use super::calendar_sync::{CalendarSyncState, ServerLogin};
use super::{CalendarSync, Db, DeletedShelf, Deletion, ReminderClock, UnsavedChanges};
use crate::Result;
use crate::demo::{self, DemoOptions};
use crate::domain::budget::{Budget, BudgetInput};
use crate::domain::budget_report::BudgetReport;
use crate::domain::catalog::{self, CatalogEntry, ImportProgress};
use crate::domain::catalog_source::CatalogSource;
use crate::domain::exchange_rate::{ExchangeRate, RateInput, RateSummary};
use crate::domain::follow_up::{FollowUpInput, FollowUpPlan};
use crate::domain::ics::plan_items::{self, CalendarKind, ExportScope};
use crate::domain::load::{self, Horizon, ThresholdValues, WeekChange};
use crate::domain::place::{self, Place};
use crate::domain::quarter::Quarter;
use crate::domain::quarter_plan::{
    FunctionChoice, Goal, GoalInput, Outcome, OutcomeInput, QuarterView, TargetMix, TargetMixInput,
};
use crate::domain::similar::DuplicateWarning;
use crate::domain::travel::TripFacts;
use crate::domain::trip::{Trip, TripInput};
use crate::domain::{
    ContentInput, ContentItem, Event, EventId, EventInput, Person, PersonInput, Ratings, ScoreWeights, Settings,
    Submission, SubmissionInput, Talk, TalkId, TalkInput, TimeOff, TimeOffInput, zone,
};
use crate::ipc::{AppInfo, PlanView};
use crate::store::{CatalogImport, ImportSummary, Me, PlanChange};
use crate::sync::{CalendarChoice, CountsAs};

/// How far ahead a what-if looks: a year, so a CFP for next autumn shows too.
const WHAT_IF_WEEKS_AHEAD: u32 = 52;

/// How many places the picker suggests.
const PLACE_SUGGESTIONS: usize = 12;

#[tauri::command(async)]
pub fn app_info(db: State<Db>) -> Result<AppInfo> {
    db.with(|s| AppInfo::of(s))
}

/// The whole plan as the window shows it, read in one transaction.
#[tauri::command(async)]
pub fn load_plan(db: State<Db>) -> Result<PlanView> {
    db.with(|s| PlanView::of(s, crate::clock::now(), crate::clock::today()))
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
pub fn delete_person(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_person(id)).map(|rows| shelf.keep(rows))
}

#[tauri::command(async)]
pub fn save_event(db: State<Db>, clock: State<ReminderClock>, input: EventInput) -> Result<Event> {
    db.with(|s| s.save_event(&input)).inspect(|_| clock.nudge())
}

#[tauri::command(async)]
pub fn delete_event(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_event(id)).map(|rows| shelf.keep(rows))
}

#[tauri::command(async)]
pub fn save_time_off(db: State<Db>, input: TimeOffInput) -> Result<TimeOff> {
    db.with(|s| s.save_time_off(&input))
}

#[tauri::command(async)]
pub fn delete_time_off(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_time_off(id)).map(|rows| shelf.keep(rows))
}

#[tauri::command(async)]
pub fn load_sample_team(db: State<Db>, clock: State<ReminderClock>) -> Result<ImportSummary> {
    let options = DemoOptions::for_today(crate::clock::today());
    db.with(|s| demo::fill(s, &options)).inspect(|_| clock.nudge())
}

#[tauri::command(async)]
pub fn list_catalog(db: State<Db>) -> Result<Vec<CatalogEntry>> {
    db.with(|s| s.catalog())
}

#[tauri::command(async)]
pub fn import_bundled_catalog(db: State<Db>) -> Result<CatalogImport> {
    let (listings, skipped) = catalog::bundled();
    db.with(|s| s.import_listings(&listings, skipped))
}

#[tauri::command(async)]
pub fn catalog_source(db: State<Db>) -> Result<CatalogSource> {
    db.with(|s| s.catalog_source())
}

#[tauri::command(async)]
pub fn save_catalog_source(db: State<Db>, base_url: String) -> Result<CatalogSource> {
    db.with(|s| s.save_catalog_source(&base_url))
}

/// Downloads the current listings outside the store's lock (the window stays
/// usable meanwhile), then merges them and notes the update in one write.
#[tauri::command(async)]
pub fn update_catalog(db: State<Db>, on_progress: Channel<ImportProgress>) -> Result<CatalogImport> {
    // A closed window drops the channel; the update goes on regardless.
    let mut report = |p: ImportProgress| drop(on_progress.send(p));
    let source = db.with(|s| s.catalog_source())?;
    let year = crate::clock::today().year();
    let (listings, skipped) = crate::web::catalog_download::download(&source.base_url, year, &mut report)?;
    db.with(|s| s.update_catalog_reporting(&listings, skipped, crate::clock::now(), &mut report))
}

#[tauri::command(async)]
pub fn save_talk(db: State<Db>, input: TalkInput) -> Result<Talk> {
    db.with(|s| s.save_talk(&input))
}

#[tauri::command(async)]
pub fn delete_talk(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_talk(id)).map(|rows| shelf.keep(rows))
}

#[tauri::command(async)]
pub fn save_submission(db: State<Db>, input: SubmissionInput) -> Result<Submission> {
    db.with(|s| s.save_submission(&input))
}

#[tauri::command(async)]
pub fn delete_submission(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_submission(id)).map(|rows| shelf.keep(rows))
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

#[tauri::command(async)]
pub fn set_me(db: State<Db>, me: Me) -> Result<Me> {
    db.with(|s| s.set_me(me))
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
pub fn delete_content(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_content(id)).map(|rows| shelf.keep(rows))
}

/// The usual follow-ups of an event (or a talk given there), for the chain dialog; saves nothing.
#[tauri::command(async)]
pub fn follow_up_defaults(db: State<Db>, event_id: EventId, talk_id: Option<TalkId>) -> Result<Vec<FollowUpInput>> {
    db.with(|s| s.follow_up_defaults(event_id, talk_id))
}

/// Creates a whole repurposing chain in one transaction.
#[tauri::command(async)]
pub fn save_follow_ups(db: State<Db>, input: FollowUpPlan) -> Result<Vec<ContentItem>> {
    db.with(|s| s.save_follow_ups(&input))
}

#[tauri::command(async)]
pub fn save_trip(db: State<Db>, input: TripInput) -> Result<Trip> {
    db.with(|s| s.save_trip(&input))
}

#[tauri::command(async)]
pub fn delete_trip(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_trip(id)).map(|rows| shelf.keep(rows))
}

/// What a trip being edited would do to its traveller (zones, red-eyes, nights); saves nothing.
#[tauri::command(async)]
pub fn preview_trip(db: State<Db>, input: TripInput) -> Result<TripFacts> {
    db.with(|s| s.preview_trip(&input))
}

/// Airports and cities matching what is typed, for the place picker.
#[tauri::command(async)]
pub fn search_places(query: String) -> Vec<Place> {
    place::search(&query, PLACE_SUGGESTIONS)
}

#[tauri::command(async)]
pub fn save_budget(db: State<Db>, input: BudgetInput) -> Result<Budget> {
    db.with(|s| s.save_budget(&input))
}

#[tauri::command(async)]
pub fn delete_budget(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_budget(id)).map(|rows| shelf.keep(rows))
}

#[tauri::command(async)]
pub fn budget_report(db: State<Db>, quarter: String) -> Result<BudgetReport> {
    let quarter = Quarter::parse("quarter", &quarter)?;
    db.with(|s| s.budget_report(quarter))
}

#[tauri::command(async)]
pub fn rate_summaries(db: State<Db>) -> Result<Vec<RateSummary>> {
    db.with(|s| s.rate_summaries())
}

#[tauri::command(async)]
pub fn save_rate(db: State<Db>, input: RateInput) -> Result<ExchangeRate> {
    db.with(|s| s.save_rate(&input))
}

#[tauri::command(async)]
pub fn delete_rate(db: State<Db>, shelf: State<DeletedShelf>, currency: String, day: NaiveDate) -> Result<Deletion> {
    db.with(|s| s.delete_rate(&currency, day)).map(|rows| shelf.keep(rows))
}

/// Brings back a deleted record with all that went with it, as it was.
#[tauri::command(async)]
pub fn undo_delete(
    db: State<Db>,
    shelf: State<DeletedShelf>,
    clock: State<ReminderClock>,
    token: Uuid,
) -> Result<Deletion> {
    shelf.restore(token, |rows| db.with(|s| s.restore(rows))).inspect(|_| clock.nudge())
}

/// Replaces the load thresholds of the team (no person) or of one person.
#[tauri::command(async)]
pub fn save_thresholds(db: State<Db>, person_id: Option<Uuid>, values: ThresholdValues) -> Result<ThresholdValues> {
    db.with(|s| s.save_thresholds(person_id, &values))
}

/// The weeks a change about to be saved would alter, with nothing saved.
#[tauri::command(async)]
pub fn what_if(db: State<Db>, change: PlanChange) -> Result<Vec<WeekChange>> {
    let horizon = Horizon::around(crate::clock::today(), load::WEEKS_BACK, WHAT_IF_WEEKS_AHEAD);
    db.with(|s| s.what_if(&change, horizon))
}

/// What the export dialog asks for. No people: the whole team.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
pub struct CalendarExport {
    pub person_ids: Vec<Uuid>,
    pub kinds: Vec<CalendarKind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Reminders before CFP deadlines, like `7d,1d`.
    pub cfp_alarms: String,
}

impl CalendarExport {
    pub(crate) fn scope(&self) -> Result<ExportScope> {
        crate::domain::bounds::opt_day("from", self.from)?;
        crate::domain::bounds::opt_day("to", self.to)?;
        if let (Some(f), Some(t)) = (self.from, self.to)
            && t < f
        {
            return Err(crate::Error::invalid("to", "is before the first day"));
        }
        if self.kinds.is_empty() {
            return Err(crate::Error::invalid("kinds", "pick at least one kind"));
        }
        Ok(ExportScope {
            people: (!self.person_ids.is_empty()).then(|| self.person_ids.clone()),
            from: self.from,
            to: self.to,
            cfp_alarms: plan_items::parse_alarms("cfp_alarms", &self.cfp_alarms)?,
        })
    }
}

/// Progress of a calendar import: events stored of all in the file.
#[derive(Debug, Clone, Copy, serde::Serialize, ts_rs::TS)]
pub struct CalendarProgress {
    pub done: u32,
    pub total: u32,
}

#[tauri::command(async)]
pub fn remove_imported_calendar(db: State<Db>, person_id: Uuid, calendar: String) -> Result<u32> {
    db.with(|s| s.remove_imported_calendar(person_id, &calendar))
}

/// One person's quarter (or the team's): the home screen.
#[tauri::command(async)]
pub fn quarter_view(db: State<Db>, quarter: String, person_id: Option<Uuid>) -> Result<QuarterView> {
    let quarter = Quarter::parse("quarter", &quarter)?;
    db.with(|s| s.quarter_view(quarter, person_id, crate::clock::today()))
}

#[tauri::command(async)]
pub fn save_goal(db: State<Db>, input: GoalInput) -> Result<Goal> {
    db.with(|s| s.save_goal(&input))
}

#[tauri::command(async)]
pub fn delete_goal(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_goal(id)).map(|rows| shelf.keep(rows))
}

#[tauri::command(async)]
pub fn save_target_mix(db: State<Db>, input: TargetMixInput) -> Result<TargetMix> {
    db.with(|s| s.save_target_mix(&input))
}

/// Removes a person's own mix (they follow the team's again), or the team's.
#[tauri::command(async)]
pub fn clear_target_mix(db: State<Db>, quarter: String, person_id: Option<Uuid>) -> Result<bool> {
    let quarter = Quarter::parse("quarter", &quarter)?;
    db.with(|s| s.clear_target_mix(quarter, person_id))
}

#[tauri::command(async)]
pub fn set_function(db: State<Db>, choice: FunctionChoice) -> Result<()> {
    db.with(|s| s.set_function(&choice))
}

#[tauri::command(async)]
pub fn save_outcome(db: State<Db>, input: OutcomeInput) -> Result<Outcome> {
    db.with(|s| s.save_outcome(&input))
}

#[tauri::command(async)]
pub fn delete_outcome(db: State<Db>, shelf: State<DeletedShelf>, id: Uuid) -> Result<Deletion> {
    db.with(|s| s.delete_outcome(id)).map(|rows| shelf.keep(rows))
}

/// Connects the plan to a calendar server (see `calendar_sync`), then syncs.
#[tauri::command(async)]
pub fn connect_calendar_server(
    db: State<Db>,
    sync: State<CalendarSync>,
    login: ServerLogin,
) -> Result<CalendarSyncState> {
    sync.connect(login).and_then(|()| db.with(|s| sync.state(s)))
}

#[tauri::command(async)]
pub fn disconnect_calendar_server(db: State<Db>, sync: State<CalendarSync>) -> Result<CalendarSyncState> {
    sync.disconnect().and_then(|()| db.with(|s| sync.state(s)))
}

#[tauri::command(async)]
pub fn calendar_sync_state(db: State<Db>, sync: State<CalendarSync>) -> Result<CalendarSyncState> {
    db.with(|s| sync.state(s))
}

#[tauri::command(async)]
pub fn sync_calendars_now(db: State<Db>, sync: State<CalendarSync>) -> Result<CalendarSyncState> {
    sync.sync_now();
    db.with(|s| sync.state(s))
}

#[tauri::command(async)]
pub fn server_calendars(sync: State<CalendarSync>) -> Result<Vec<CalendarChoice>> {
    sync.calendars()
}

#[tauri::command(async)]
pub fn set_calendar_counts_as(
    sync: State<CalendarSync>,
    href: String,
    counts_as: CountsAs,
) -> Result<Vec<CalendarChoice>> {
    sync.count_as(href, counts_as)
}

#[tauri::command(async)]
pub fn set_unsaved_changes(unsaved: State<UnsavedChanges>, held: bool) -> Result<()> {
    unsaved.set(held);
    Ok(())
}

#[tauri::command(async)]
pub fn close_window(unsaved: State<UnsavedChanges>) -> Result<()> {
    unsaved.close().map_err(|e| crate::Error::Internal(format!("closing the window: {e}")))
}
