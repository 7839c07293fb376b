// Typed wrappers over the Rust commands (src-tauri/src/app/commands.rs). Shapes come from types.ts.
import { invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  CatalogEntry,
  CatalogImport,
  CfpClosing,
  Event,
  EventInput,
  ImportSummary,
  Participation,
  Person,
  PersonInput,
  TimeOff,
  TimeOffInput,
} from './types';

export const api = {
  appInfo: () => invoke<AppInfo>('app_info'),
  timeZones: () => invoke<string[]>('list_time_zones'),
  people: () => invoke<Person[]>('list_people'),
  savePerson: (input: PersonInput) => invoke<Person>('save_person', { input }),
  deletePerson: (id: string) => invoke<null>('delete_person', { id }),
  events: () => invoke<Event[]>('list_events'),
  participations: () => invoke<Participation[]>('list_participations'),
  saveEvent: (input: EventInput) => invoke<Event>('save_event', { input }),
  deleteEvent: (id: string) => invoke<null>('delete_event', { id }),
  timeOff: () => invoke<TimeOff[]>('list_time_off'),
  saveTimeOff: (input: TimeOffInput) => invoke<TimeOff>('save_time_off', { input }),
  deleteTimeOff: (id: string) => invoke<null>('delete_time_off', { id }),
  loadSampleTeam: () => invoke<ImportSummary>('load_sample_team'),
  catalog: () => invoke<CatalogEntry[]>('list_catalog'),
  importCatalog: (paths: string[]) => invoke<CatalogImport>('import_catalog', { paths }),
  importBundledCatalog: () => invoke<CatalogImport>('import_bundled_catalog'),
  cfpsClosing: (days: number) => invoke<CfpClosing[]>('list_cfps_closing', { days }),
};
