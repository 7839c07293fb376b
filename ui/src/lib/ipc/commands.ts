// Typed wrappers over the Rust commands (src-tauri/src/app/commands.rs). Shapes come from types.ts.
import { Channel, invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  BackupCopy,
  BackupList,
  Budget,
  BudgetInput,
  BudgetReport,
  CalendarExport,
  CalendarImport,
  CalendarProgress,
  CatalogEntry,
  CatalogImport,
  Deletion,
  ContentInput,
  ContentItem,
  DuplicateWarning,
  ExchangeRate,
  Event,
  EventInput,
  FollowUpInput,
  FunctionChoice,
  Goal,
  GoalInput,
  FollowUpPlan,
  HolidayImport,
  ImportProgress,
  ImportSummary,
  Person,
  PersonInput,
  Outcome,
  OutcomeInput,
  Place,
  PlanChange,
  PlanView,
  QuarterView,
  RateInput,
  RateSummary,
  RatesImport,
  Restored,
  Ratings,
  ScoreWeights,
  Settings,
  Submission,
  SubmissionInput,
  Talk,
  TalkInput,
  TargetMix,
  TargetMixInput,
  TimeOff,
  TimeOffInput,
  Trip,
  TripFacts,
  TripInput,
  WeekChange,
} from './types';

export const api = {
  appInfo: () => invoke<AppInfo>('app_info'),
  /** The whole plan, read at one moment, with CFPs closing, scores and acceptance rates. */
  loadPlan: () => invoke<PlanView>('load_plan'),
  timeZones: () => invoke<string[]>('list_time_zones'),
  savePerson: (input: PersonInput) => invoke<Person>('save_person', { input }),
  deletePerson: (id: string) => invoke<Deletion>('delete_person', { id }),
  saveEvent: (input: EventInput) => invoke<Event>('save_event', { input }),
  deleteEvent: (id: string) => invoke<Deletion>('delete_event', { id }),
  scoreRatings: (ratings: Ratings, weights: ScoreWeights) => invoke<number | null>('score_ratings', { ratings, weights }),
  saveTimeOff: (input: TimeOffInput) => invoke<TimeOff>('save_time_off', { input }),
  deleteTimeOff: (id: string) => invoke<Deletion>('delete_time_off', { id }),
  loadSampleTeam: () => invoke<ImportSummary>('load_sample_team'),
  catalog: () => invoke<CatalogEntry[]>('list_catalog'),
  importCatalog: (paths: string[], progress: (p: ImportProgress) => void) => {
    const onProgress = new Channel<ImportProgress>();
    onProgress.onmessage = progress;
    return invoke<CatalogImport>('import_catalog', { paths, onProgress });
  },
  importBundledCatalog: () => invoke<CatalogImport>('import_bundled_catalog'),
  saveTalk: (input: TalkInput) => invoke<Talk>('save_talk', { input }),
  deleteTalk: (id: string) => invoke<Deletion>('delete_talk', { id }),
  saveSubmission: (input: SubmissionInput) => invoke<Submission>('save_submission', { input }),
  deleteSubmission: (id: string) => invoke<Deletion>('delete_submission', { id }),
  submissionWarnings: (input: SubmissionInput) => invoke<DuplicateWarning[]>('submission_warnings', { input }),
  saveSettings: (input: Settings) => invoke<Settings>('save_settings', { input }),
  saveContent: (input: ContentInput) => invoke<ContentItem>('save_content', { input }),
  deleteContent: (id: string) => invoke<Deletion>('delete_content', { id }),
  followUpDefaults: (eventId: string, talkId: string | null) =>
    invoke<FollowUpInput[]>('follow_up_defaults', { eventId, talkId }),
  saveFollowUps: (input: FollowUpPlan) => invoke<ContentItem[]>('save_follow_ups', { input }),
  saveTrip: (input: TripInput) => invoke<Trip>('save_trip', { input }),
  deleteTrip: (id: string) => invoke<Deletion>('delete_trip', { id }),
  /** What a trip being edited would do to its traveller; saves nothing. */
  previewTrip: (input: TripInput) => invoke<TripFacts>('preview_trip', { input }),
  searchPlaces: (query: string) => invoke<Place[]>('search_places', { query }),
  saveBudget: (input: BudgetInput) => invoke<Budget>('save_budget', { input }),
  deleteBudget: (id: string) => invoke<Deletion>('delete_budget', { id }),
  budgetReport: (quarter: string) => invoke<BudgetReport>('budget_report', { quarter }),
  rateSummaries: () => invoke<RateSummary[]>('rate_summaries'),
  saveRate: (input: RateInput) => invoke<ExchangeRate>('save_rate', { input }),
  deleteRate: (currency: string, day: string) => invoke<Deletion>('delete_rate', { currency, day }),
  /** Brings back what a delete took (the token it returned), as it was; refused when a record it needs is gone. */
  undoDelete: (token: string) => invoke<Deletion>('undo_delete', { token }),
  importRates: (path: string) => invoke<RatesImport>('import_rates', { path }),
  exportCosts: (path: string, quarter: string | null) => invoke<null>('export_costs', { path, quarter }),
  /** Replaces the load thresholds of the team (personId null) or of one person. */
  saveThresholds: (personId: string | null, values: Record<string, number>) =>
    invoke<Record<string, number>>('save_thresholds', { personId, values }),
  /** The weeks a change about to be saved would alter, before and after; saves nothing. */
  whatIf: (change: PlanChange) => invoke<WeekChange[]>('what_if', { change }),
  importHolidays: (path: string, personIds: string[]) =>
    invoke<HolidayImport>('import_holidays', { path, personIds }),
  /** Imports an .ics as one person's busy time; importing it again updates its events by UID. */
  importCalendar: (path: string, personId: string, progress: (p: CalendarProgress) => void) => {
    const onProgress = new Channel<CalendarProgress>();
    onProgress.onmessage = progress;
    return invoke<CalendarImport>('import_calendar', { path, personId, onProgress });
  },
  /** Forgets one imported calendar of one person; resolves with how many stored events went. */
  removeImportedCalendar: (personId: string, calendar: string) =>
    invoke<number>('remove_imported_calendar', { personId, calendar }),
  /** Writes one .ics file of the chosen kinds; resolves with how many events it holds. */
  exportCalendar: (path: string, request: CalendarExport) => invoke<number>('export_calendar', { path, request }),
  /** Writes quarterdeck-<kind>.ics for every kind into `folder`; resolves with the files written. */
  exportCalendarFolder: (folder: string, request: CalendarExport) =>
    invoke<string[]>('export_calendar_folder', { folder, request }),
  /** The automatic daily backups beside the plan file, newest first. */
  listBackups: () => invoke<BackupList>('list_backups'),
  /** Writes a copy of the whole plan to `path`. */
  backupDatabase: (path: string) => invoke<BackupCopy>('backup_database', { path }),
  /** Replaces the plan with the backup at `path`; the plan as it was is kept in the backup folder. */
  restoreDatabase: (path: string) => invoke<Restored>('restore_database', { path }),
  /** One person's quarter (personId null: the team's): lanes, load strip, goals, balance, impact. */
  quarterView: (quarter: string, personId: string | null) =>
    invoke<QuarterView>('quarter_view', { quarter, personId }),
  /** Without an id, replaces the goal already set for the same scope, quarter and metric. */
  saveGoal: (input: GoalInput) => invoke<Goal>('save_goal', { input }),
  deleteGoal: (id: string) => invoke<Deletion>('delete_goal', { id }),
  saveTargetMix: (input: TargetMixInput) => invoke<TargetMix>('save_target_mix', { input }),
  /** Removes a person's own mix (they follow the team's again), or the team's; resolves with whether one was set. */
  clearTargetMix: (quarter: string, personId: string | null) =>
    invoke<boolean>('clear_target_mix', { quarter, personId }),
  /** Sets an activity's DevRel function; function null goes back to its kind's default. */
  setFunction: (choice: FunctionChoice) => invoke<null>('set_function', { choice }),
  /** A second outcome for the same record replaces the first. */
  saveOutcome: (input: OutcomeInput) => invoke<Outcome>('save_outcome', { input }),
  deleteOutcome: (id: string) => invoke<Deletion>('delete_outcome', { id }),
  /**
   * Writes the quarter report (self-contained HTML) to `path`, or with path null to
   * reports/quarterdeck-<scope>-<quarter>.html beside the plan file; resolves with the path written.
   */
  saveQuarterReport: (quarter: string, personId: string | null, path: string | null) =>
    invoke<string>('save_quarter_report', { quarter, personId, path }),
};
