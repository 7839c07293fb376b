// Generated from the command list (src-tauri/src/app/command_list.rs) by src-tauri/src/app/surface.rs.
// Do not edit: run `UPDATE_BINDINGS=1 cargo test bindings` after changing the list.
import { Channel, invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  BackupList,
  BackupShown,
  Budget,
  BudgetInput,
  BudgetReport,
  CalendarChoice,
  CalendarExport,
  CalendarImport,
  CalendarProgress,
  CalendarSyncState,
  CatalogEntry,
  CatalogImport,
  CatalogSource,
  ChosenFile,
  ContentInput,
  ContentItem,
  CountsAs,
  Deletion,
  DuplicateWarning,
  Event,
  EventId,
  EventInput,
  ExchangeRate,
  FollowUpInput,
  FollowUpPlan,
  FunctionChoice,
  Goal,
  GoalInput,
  HolidayImport,
  ImportProgress,
  ImportSummary,
  Me,
  Outcome,
  OutcomeInput,
  Person,
  PersonInput,
  Picked,
  Place,
  PlanChange,
  PlanView,
  QuarterView,
  RateInput,
  RateSummary,
  RatesImport,
  Ratings,
  RestoreShown,
  ScoreWeights,
  ServerLogin,
  Settings,
  Submission,
  SubmissionInput,
  Talk,
  TalkId,
  TalkInput,
  TargetMix,
  TargetMixInput,
  TimeOff,
  TimeOffInput,
  Trip,
  TripFacts,
  TripInput,
  WeekChange,
  WrittenCalendar,
  WrittenKind,
} from './types';

/** A typed wrapper of each IPC command, its arguments in their declared order. */
export const api = {
  appInfo: () => invoke<AppInfo>('app_info'),
  /** Tells the window whether a form holds changes not yet saved (then a close asks the page first). */
  setUnsavedChanges: (held: boolean) => invoke<null>('set_unsaved_changes', { held }),
  /** Closes the window, once the page has asked about its unsaved changes. */
  closeWindow: () => invoke<null>('close_window'),
  /** The whole plan, read at one moment, with CFPs closing, scores and acceptance rates. */
  loadPlan: () => invoke<PlanView>('load_plan'),
  listTimeZones: () => invoke<Array<string>>('list_time_zones'),
  savePerson: (input: PersonInput) => invoke<Person>('save_person', { input }),
  deletePerson: (id: string) => invoke<Deletion>('delete_person', { id }),
  saveEvent: (input: EventInput) => invoke<Event>('save_event', { input }),
  deleteEvent: (id: string) => invoke<Deletion>('delete_event', { id }),
  saveTimeOff: (input: TimeOffInput) => invoke<TimeOff>('save_time_off', { input }),
  deleteTimeOff: (id: string) => invoke<Deletion>('delete_time_off', { id }),
  loadSampleTeam: () => invoke<ImportSummary>('load_sample_team'),
  listCatalog: () => invoke<Array<CatalogEntry>>('list_catalog'),
  /** Opens the dialog for listing files (or with wholeFolder, a folder of them) and imports what is picked. */
  importCatalog: (wholeFolder: boolean, onProgress: (p: ImportProgress) => void) =>
    invoke<Picked<CatalogImport>>('import_catalog', { wholeFolder, onProgress: new Channel(onProgress) }),
  importBundledCatalog: () => invoke<CatalogImport>('import_bundled_catalog'),
  /** Where "Update catalog" downloads from, and when it last did. */
  catalogSource: () => invoke<CatalogSource>('catalog_source'),
  /** Saves the catalog source's address (empty for confs.tech's own). */
  saveCatalogSource: (baseUrl: string) => invoke<CatalogSource>('save_catalog_source', { baseUrl }),
  /** Downloads this and next year's listings from the catalog source and merges them. */
  updateCatalog: (onProgress: (p: ImportProgress) => void) =>
    invoke<CatalogImport>('update_catalog', { onProgress: new Channel(onProgress) }),
  saveTalk: (input: TalkInput) => invoke<Talk>('save_talk', { input }),
  deleteTalk: (id: string) => invoke<Deletion>('delete_talk', { id }),
  saveSubmission: (input: SubmissionInput) => invoke<Submission>('save_submission', { input }),
  deleteSubmission: (id: string) => invoke<Deletion>('delete_submission', { id }),
  /** Teammates' submissions of the same or a similar talk to the same event; saves nothing. */
  submissionWarnings: (input: SubmissionInput) => invoke<Array<DuplicateWarning>>('submission_warnings', { input }),
  saveSettings: (input: Settings) => invoke<Settings>('save_settings', { input }),
  /** Remembers which person uses this plan file (or that nobody in it does); refused for a stranger. */
  setMe: (me: Me) => invoke<Me>('set_me', { me }),
  /** The score the ratings would get under the weights, for the forms' live preview; saves nothing. */
  scoreRatings: (ratings: Ratings, weights: ScoreWeights) =>
    invoke<number | null>('score_ratings', { ratings, weights }),
  saveContent: (input: ContentInput) => invoke<ContentItem>('save_content', { input }),
  deleteContent: (id: string) => invoke<Deletion>('delete_content', { id }),
  /** The usual follow-ups of an event (or a talk given there), for the chain dialog; saves nothing. */
  followUpDefaults: (eventId: EventId, talkId: TalkId | null) =>
    invoke<Array<FollowUpInput>>('follow_up_defaults', { eventId, talkId }),
  /** Creates a whole repurposing chain in one transaction. */
  saveFollowUps: (input: FollowUpPlan) => invoke<Array<ContentItem>>('save_follow_ups', { input }),
  saveTrip: (input: TripInput) => invoke<Trip>('save_trip', { input }),
  deleteTrip: (id: string) => invoke<Deletion>('delete_trip', { id }),
  /** What a trip being edited would do to its traveller; saves nothing. */
  previewTrip: (input: TripInput) => invoke<TripFacts>('preview_trip', { input }),
  /** Airports and cities matching what is typed, for the place picker. */
  searchPlaces: (query: string) => invoke<Array<Place>>('search_places', { query }),
  saveBudget: (input: BudgetInput) => invoke<Budget>('save_budget', { input }),
  deleteBudget: (id: string) => invoke<Deletion>('delete_budget', { id }),
  budgetReport: (quarter: string) => invoke<BudgetReport>('budget_report', { quarter }),
  rateSummaries: () => invoke<Array<RateSummary>>('rate_summaries'),
  saveRate: (input: RateInput) => invoke<ExchangeRate>('save_rate', { input }),
  deleteRate: (currency: string, day: string) => invoke<Deletion>('delete_rate', { currency, day }),
  /** Brings back what a delete took (the token it returned), as it was; refused when a record it needs is gone. */
  undoDelete: (token: string) => invoke<Deletion>('undo_delete', { token }),
  /** Opens the dialog for an ECB rates CSV and imports it. */
  importRates: () => invoke<Picked<RatesImport>>('import_rates'),
  /** Opens the save dialog and writes the cost lines there; resolves with the file's name. */
  exportCosts: (quarter: string | null) => invoke<Picked<string>>('export_costs', { quarter }),
  /** Replaces the load thresholds of the team (personId null) or of one person. */
  saveThresholds: (personId: string | null, values: { [key in string]: number }) =>
    invoke<{ [key in string]: number }>('save_thresholds', { personId, values }),
  /** The weeks a change about to be saved would alter, before and after; saves nothing. */
  whatIf: (change: PlanChange) => invoke<Array<WeekChange>>('what_if', { change }),
  /** Opens the dialog for a holiday .ics and adds its days off for the people. */
  importHolidays: (personIds: Array<string>) => invoke<Picked<HolidayImport>>('import_holidays', { personIds }),
  /** Imports the file behind a token as one person's busy time; importing it again updates its events by UID. */
  importCalendar: (token: string, personId: string, onProgress: (p: CalendarProgress) => void) =>
    invoke<CalendarImport>('import_calendar', { token, personId, onProgress: new Channel(onProgress) }),
  /** Forgets one imported calendar of one person; resolves with how many stored events went. */
  removeImportedCalendar: (personId: string, calendar: string) =>
    invoke<number>('remove_imported_calendar', { personId, calendar }),
  /** Opens the save dialog and writes one .ics file of the chosen kinds there. */
  exportCalendar: (request: CalendarExport) => invoke<Picked<WrittenCalendar>>('export_calendar', { request }),
  /**
   * Writes quarterdeck-<kind>.ics for every kind into the calendars folder (or with choose, one picked
   * in a dialog); resolves with the files' names.
   */
  exportCalendarFolder: (request: CalendarExport, choose: boolean) =>
    invoke<Picked<Array<string>>>('export_calendar_folder', { request, choose }),
  /** The automatic daily backups beside the plan file, newest first, by name. */
  listBackups: () => invoke<BackupList>('list_backups'),
  /** Opens the save dialog and writes a copy of the whole plan there. */
  backupDatabase: () => invoke<Picked<BackupShown>>('backup_database'),
  /**
   * Replaces the plan with the backup of that name (or with null, a file picked in a dialog); the plan
   * as it was is kept in the backup folder.
   */
  restoreDatabase: (backup: string | null) => invoke<Picked<RestoreShown>>('restore_database', { backup }),
  /** One person's quarter (personId null: the team's): lanes, load strip, goals, balance, impact. */
  quarterView: (quarter: string, personId: string | null) => invoke<QuarterView>('quarter_view', { quarter, personId }),
  /** Without an id, replaces the goal already set for the same scope, quarter and metric. */
  saveGoal: (input: GoalInput) => invoke<Goal>('save_goal', { input }),
  deleteGoal: (id: string) => invoke<Deletion>('delete_goal', { id }),
  saveTargetMix: (input: TargetMixInput) => invoke<TargetMix>('save_target_mix', { input }),
  /**
   * Removes a person's own mix (they follow the team's again), or the team's; resolves with whether one
   * was set.
   */
  clearTargetMix: (quarter: string, personId: string | null) =>
    invoke<boolean>('clear_target_mix', { quarter, personId }),
  /** Sets an activity's DevRel function; function null goes back to its kind's default. */
  setFunction: (choice: FunctionChoice) => invoke<null>('set_function', { choice }),
  /** A second outcome for the same record replaces the first. */
  saveOutcome: (input: OutcomeInput) => invoke<Outcome>('save_outcome', { input }),
  deleteOutcome: (id: string) => invoke<Deletion>('delete_outcome', { id }),
  /**
   * Writes the quarter report (self-contained HTML) to reports/quarterdeck-<scope>-<quarter>.html
   * beside the plan file, or with choose where the save dialog says; resolves with where it went.
   */
  saveQuarterReport: (quarter: string, personId: string | null, choose: boolean) =>
    invoke<Picked<string>>('save_quarter_report', { quarter, personId, choose }),
  /** Opens the last file of that kind written in this session (the report, an export) with the system's app. */
  openWritten: (kind: WrittenKind) => invoke<null>('open_written', { kind }),
  /** Shows the last file of that kind written in this session in the file manager. */
  showWritten: (kind: WrittenKind) => invoke<null>('show_written', { kind }),
  /** Opens the dialog for an .ics to import; resolves with its token and name, as a drop on the window does. */
  chooseCalendar: () => invoke<Picked<ChosenFile>>('choose_calendar'),
  /** Opens a web address in the system browser once the person agrees to it in a native dialog. */
  openLink: (address: string) => invoke<Picked<null>>('open_link', { address }),
  /**
   * Finds the account on the server, makes Quarterdeck's calendars there and keeps the password in the
   * keychain; nothing is kept when any of it fails. Then syncs in the background.
   */
  connectCalendarServer: (login: ServerLogin) => invoke<CalendarSyncState>('connect_calendar_server', { login }),
  /** Forgets the account and its password (the server keeps its calendars). */
  disconnectCalendarServer: () => invoke<CalendarSyncState>('disconnect_calendar_server'),
  /** The calendar sync's state now; the `calendar-sync` event brings each change. */
  calendarSyncState: () => invoke<CalendarSyncState>('calendar_sync_state'),
  /** Asks for a sync now (coalesced with one under way); resolves at once. */
  syncCalendarsNow: () => invoke<CalendarSyncState>('sync_calendars_now'),
  /** The account's calendars on the server, each with how it counts for the load. */
  serverCalendars: () => invoke<Array<CalendarChoice>>('server_calendars'),
  /** Sets how one of the account's calendars counts; resolves with the calendars again. */
  setCalendarCountsAs: (href: string, countsAs: CountsAs) =>
    invoke<Array<CalendarChoice>>('set_calendar_counts_as', { href, countsAs }),
};
