// Typed wrappers over the Rust commands (src-tauri/src/app/commands.rs). Shapes come from types.ts.
import { Channel, invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  CatalogEntry,
  CatalogImport,
  ContentInput,
  ContentItem,
  DuplicateWarning,
  Event,
  EventInput,
  FollowUpInput,
  FollowUpPlan,
  ImportProgress,
  ImportSummary,
  Person,
  PersonInput,
  PlanView,
  Ratings,
  ScoreWeights,
  Settings,
  Submission,
  SubmissionInput,
  Talk,
  TalkInput,
  TimeOff,
  TimeOffInput,
} from './types';

export const api = {
  appInfo: () => invoke<AppInfo>('app_info'),
  /** The whole plan, read at one moment, with CFPs closing, scores and acceptance rates. */
  loadPlan: () => invoke<PlanView>('load_plan'),
  timeZones: () => invoke<string[]>('list_time_zones'),
  savePerson: (input: PersonInput) => invoke<Person>('save_person', { input }),
  deletePerson: (id: string) => invoke<null>('delete_person', { id }),
  saveEvent: (input: EventInput) => invoke<Event>('save_event', { input }),
  deleteEvent: (id: string) => invoke<null>('delete_event', { id }),
  scoreRatings: (ratings: Ratings, weights: ScoreWeights) => invoke<number | null>('score_ratings', { ratings, weights }),
  saveTimeOff: (input: TimeOffInput) => invoke<TimeOff>('save_time_off', { input }),
  deleteTimeOff: (id: string) => invoke<null>('delete_time_off', { id }),
  loadSampleTeam: () => invoke<ImportSummary>('load_sample_team'),
  catalog: () => invoke<CatalogEntry[]>('list_catalog'),
  importCatalog: (paths: string[], progress: (p: ImportProgress) => void) => {
    const onProgress = new Channel<ImportProgress>();
    onProgress.onmessage = progress;
    return invoke<CatalogImport>('import_catalog', { paths, onProgress });
  },
  importBundledCatalog: () => invoke<CatalogImport>('import_bundled_catalog'),
  saveTalk: (input: TalkInput) => invoke<Talk>('save_talk', { input }),
  deleteTalk: (id: string) => invoke<null>('delete_talk', { id }),
  saveSubmission: (input: SubmissionInput) => invoke<Submission>('save_submission', { input }),
  deleteSubmission: (id: string) => invoke<null>('delete_submission', { id }),
  submissionWarnings: (input: SubmissionInput) => invoke<DuplicateWarning[]>('submission_warnings', { input }),
  saveSettings: (input: Settings) => invoke<Settings>('save_settings', { input }),
  saveContent: (input: ContentInput) => invoke<ContentItem>('save_content', { input }),
  deleteContent: (id: string) => invoke<null>('delete_content', { id }),
  followUpDefaults: (eventId: string, talkId: string | null) =>
    invoke<FollowUpInput[]>('follow_up_defaults', { eventId, talkId }),
  saveFollowUps: (input: FollowUpPlan) => invoke<ContentItem[]>('save_follow_ups', { input }),
};
