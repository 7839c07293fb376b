/// The IPC command surface, declared once: every command the window may call,
/// as `module::name(argument: Type, …) -> Answer;` with the arguments the page
/// sends (not the `State`s Tauri injects, which come first in the function) and
/// the answer inside the function's `Result`. Doc lines become the TypeScript
/// wrapper's doc.
///
/// From this list come the invoke handler (`surface::handler`), the
/// `allow-<name>` permissions (`build.rs` includes this file), the window's
/// capability (`capabilities/main-window.json`) and the typed wrappers in
/// `ui/src/lib/ipc/commands.ts` (`surface::typescript`). The compiler checks
/// each line against its function's argument and answer types; tests check
/// the argument names, the capability, and that `tests/ipc.rs` feeds it.
///
/// Adding a command:
/// 1. Write the function (`#[tauri::command(async)]`, a one-line adapter) in
///    `commands.rs` or, when it reads or writes a file, `file_commands.rs`.
/// 2. Declare it below, arguments in the function's order.
/// 3. `UPDATE_BINDINGS=1 cargo test --features custom-protocol bindings`
///    rewrites commands.ts and the capability; commit them.
/// 4. Add its well-formed call to `valid_calls` in `tests/ipc.rs`.
///
/// `build.rs` includes this file before the crate compiles, so it holds
/// nothing but this macro: `command_list!(then)` hands the list to `then!`.
macro_rules! command_list {
    ($then:ident) => {
        $then! {
            commands::app_info() -> AppInfo;
            /// Tells the window whether a form holds changes not yet saved (then a close asks the page first).
            commands::set_unsaved_changes(held: bool) -> ();
            /// Closes the window, once the page has asked about its unsaved changes.
            commands::close_window() -> ();
            /// The whole plan, read at one moment, with CFPs closing, scores and acceptance rates.
            commands::load_plan() -> PlanView;
            commands::list_time_zones() -> Vec<&'static str>;
            commands::save_person(input: PersonInput) -> Person;
            commands::delete_person(id: Uuid) -> Deletion;
            commands::save_event(input: EventInput) -> Event;
            commands::delete_event(id: Uuid) -> Deletion;
            commands::save_time_off(input: TimeOffInput) -> TimeOff;
            commands::delete_time_off(id: Uuid) -> Deletion;
            commands::load_sample_team() -> ImportSummary;
            commands::list_catalog() -> Vec<CatalogEntry>;
            /// Opens the dialog for listing files (or with wholeFolder, a folder of them) and imports what is picked.
            file_commands::import_catalog(whole_folder: bool, on_progress: Channel<ImportProgress>)
                -> Picked<CatalogImport>;
            commands::import_bundled_catalog() -> CatalogImport;
            /// Where "Update catalog" downloads from, and when it last did.
            commands::catalog_source() -> CatalogSource;
            /// Saves the catalog source's address (empty for confs.tech's own).
            commands::save_catalog_source(base_url: String) -> CatalogSource;
            /// Downloads this and next year's listings from the catalog source and merges them.
            commands::update_catalog(on_progress: Channel<ImportProgress>) -> CatalogImport;
            commands::save_talk(input: TalkInput) -> Talk;
            commands::delete_talk(id: Uuid) -> Deletion;
            commands::save_submission(input: SubmissionInput) -> Submission;
            commands::delete_submission(id: Uuid) -> Deletion;
            /// Teammates' submissions of the same or a similar talk to the same event; saves nothing.
            commands::submission_warnings(input: SubmissionInput) -> Vec<DuplicateWarning>;
            commands::save_settings(input: Settings) -> Settings;
            /// Remembers which person uses this plan file (or that nobody in it does); refused for a stranger.
            commands::set_me(me: Me) -> Me;
            /// The score the ratings would get under the weights, for the forms' live preview; saves nothing.
            commands::score_ratings(ratings: Ratings, weights: ScoreWeights) -> Option<u8>;
            commands::save_content(input: ContentInput) -> ContentItem;
            commands::delete_content(id: Uuid) -> Deletion;
            /// The usual follow-ups of an event (or a talk given there), for the chain dialog; saves nothing.
            commands::follow_up_defaults(event_id: EventId, talk_id: Option<TalkId>) -> Vec<FollowUpInput>;
            /// Creates a whole repurposing chain in one transaction.
            commands::save_follow_ups(input: FollowUpPlan) -> Vec<ContentItem>;
            commands::save_trip(input: TripInput) -> Trip;
            commands::delete_trip(id: Uuid) -> Deletion;
            /// What a trip being edited would do to its traveller; saves nothing.
            commands::preview_trip(input: TripInput) -> TripFacts;
            /// Airports and cities matching what is typed, for the place picker.
            commands::search_places(query: String) -> Vec<Place>;
            commands::save_budget(input: BudgetInput) -> Budget;
            commands::delete_budget(id: Uuid) -> Deletion;
            commands::budget_report(quarter: String) -> BudgetReport;
            commands::rate_summaries() -> Vec<RateSummary>;
            commands::save_rate(input: RateInput) -> ExchangeRate;
            commands::delete_rate(currency: String, day: NaiveDate) -> Deletion;
            /// Brings back what a delete took (the token it returned), as it was; refused when a record it needs is gone.
            commands::undo_delete(token: Uuid) -> Deletion;
            /// Opens the dialog for an ECB rates CSV and imports it.
            file_commands::import_rates() -> Picked<RatesImport>;
            /// Opens the save dialog and writes the cost lines there; resolves with the file's name.
            file_commands::export_costs(quarter: Option<String>) -> Picked<String>;
            /// Replaces the load thresholds of the team (personId null) or of one person.
            commands::save_thresholds(person_id: Option<Uuid>, values: ThresholdValues) -> ThresholdValues;
            /// The weeks a change about to be saved would alter, before and after; saves nothing.
            commands::what_if(change: PlanChange) -> Vec<WeekChange>;
            /// Opens the dialog for a holiday .ics and adds its days off for the people.
            file_commands::import_holidays(person_ids: Vec<Uuid>) -> Picked<HolidayImport>;
            /// Imports the file behind a token as one person's busy time; importing it again updates its events by UID.
            file_commands::import_calendar(token: Uuid, person_id: Uuid, on_progress: Channel<CalendarProgress>)
                -> CalendarImport;
            /// Forgets one imported calendar of one person; resolves with how many stored events went.
            commands::remove_imported_calendar(person_id: Uuid, calendar: String) -> u32;
            /// Opens the save dialog and writes one .ics file of the chosen kinds there.
            file_commands::export_calendar(request: CalendarExport) -> Picked<WrittenCalendar>;
            /// Writes quarterdeck-<kind>.ics for every kind into the calendars folder (or with choose, one picked
            /// in a dialog); resolves with the files' names.
            file_commands::export_calendar_folder(request: CalendarExport, choose: bool) -> Picked<Vec<String>>;
            /// The automatic daily backups beside the plan file, newest first, by name.
            file_commands::list_backups() -> BackupList;
            /// Opens the save dialog and writes a copy of the whole plan there.
            file_commands::backup_database() -> Picked<BackupShown>;
            /// Replaces the plan with the backup of that name (or with null, a file picked in a dialog); the plan
            /// as it was is kept in the backup folder.
            file_commands::restore_database(backup: Option<String>) -> Picked<RestoreShown>;
            /// One person's quarter (personId null: the team's): lanes, load strip, goals, balance, impact.
            commands::quarter_view(quarter: String, person_id: Option<Uuid>) -> QuarterView;
            /// Without an id, replaces the goal already set for the same scope, quarter and metric.
            commands::save_goal(input: GoalInput) -> Goal;
            commands::delete_goal(id: Uuid) -> Deletion;
            commands::save_target_mix(input: TargetMixInput) -> TargetMix;
            /// Removes a person's own mix (they follow the team's again), or the team's; resolves with whether one
            /// was set.
            commands::clear_target_mix(quarter: String, person_id: Option<Uuid>) -> bool;
            /// Sets an activity's DevRel function; function null goes back to its kind's default.
            commands::set_function(choice: FunctionChoice) -> ();
            /// A second outcome for the same record replaces the first.
            commands::save_outcome(input: OutcomeInput) -> Outcome;
            commands::delete_outcome(id: Uuid) -> Deletion;
            /// Writes the quarter report (self-contained HTML) to reports/quarterdeck-<scope>-<quarter>.html
            /// beside the plan file, or with choose where the save dialog says; resolves with where it went.
            file_commands::save_quarter_report(quarter: String, person_id: Option<Uuid>, choose: bool)
                -> Picked<String>;
            /// Opens the last file of that kind written in this session (the report, an export) with the system's app.
            file_commands::open_written(kind: WrittenKind) -> ();
            /// Shows the last file of that kind written in this session in the file manager.
            file_commands::show_written(kind: WrittenKind) -> ();
            /// Opens the dialog for an .ics to import; resolves with its token and name, as a drop on the window does.
            file_commands::choose_calendar() -> Picked<ChosenFile>;
            /// Opens a web address in the system browser once the person agrees to it in a native dialog.
            file_commands::open_link(address: String) -> Picked<()>;
            /// Finds the account on the server, makes Quarterdeck's calendars there and keeps the password in the
            /// keychain; nothing is kept when any of it fails. Then syncs in the background.
            commands::connect_calendar_server(login: ServerLogin) -> CalendarSyncState;
            /// Forgets the account and its password (the server keeps its calendars).
            commands::disconnect_calendar_server() -> CalendarSyncState;
            /// The calendar sync's state now; the `calendar-sync` event brings each change.
            commands::calendar_sync_state() -> CalendarSyncState;
            /// Asks for a sync now (coalesced with one under way); resolves at once.
            commands::sync_calendars_now() -> CalendarSyncState;
            /// The account's calendars on the server, each with how it counts for the load.
            commands::server_calendars() -> Vec<CalendarChoice>;
            /// Sets how one of the account's calendars counts; resolves with the calendars again.
            commands::set_calendar_counts_as(href: String, counts_as: CountsAs) -> Vec<CalendarChoice>;
        }
    };
}
