// The plan as the window sees it: loaded once, reloaded after every write so
// that every view shows what the database holds.
import { setClock } from './clock';
import { api } from './ipc/commands';
import { toApiError } from './ipc/errors';
import type {
  AcceptanceReport,
  ApiError,
  AppInfo,
  Budget,
  CatalogEntry,
  CfpClosing,
  ContentItem,
  EffortDefault,
  Event,
  ImportedCalendar,
  Participation,
  Person,
  Settings,
  Submission,
  Talk,
  TalkVersion,
  TeamLoad,
  ThresholdsView,
  TimeOff,
  Trip,
  TripFigures,
} from './ipc/types';

class Plan {
  people = $state<Person[]>([]);
  events = $state<Event[]>([]);
  participations = $state<Participation[]>([]);
  timeOff = $state<TimeOff[]>([]);
  catalog = $state<CatalogEntry[]>([]);
  /** Calls for papers closing in the next 30 days. */
  cfpsClosing = $state<CfpClosing[]>([]);
  talks = $state<Talk[]>([]);
  talkVersions = $state<TalkVersion[]>([]);
  submissions = $state<Submission[]>([]);
  acceptance = $state<AcceptanceReport>({ talks: [], people: [] });
  /** Each event's score under the saved weights (absent: not rated). */
  scores = $state<Map<string, number>>(new Map());
  content = $state<ContentItem[]>([]);
  /** Late content by id, with why. */
  contentOverdue = $state<Map<string, string>>(new Map());
  effortDefaults = $state<EffortDefault[]>([]);
  trips = $state<Trip[]>([]);
  /** Each trip's derived figures and converted costs, by trip id. */
  travel = $state<Map<string, TripFigures>>(new Map());
  budgets = $state<Budget[]>([]);
  /** Everyone's weekly load (12 weeks back to 16 ahead), recomputed on every reload. */
  teamLoad = $state<TeamLoad | null>(null);
  thresholds = $state<ThresholdsView | null>(null);
  /** Other calendars imported as people's busy time. */
  calendars = $state<ImportedCalendar[]>([]);
  settings = $state<Settings | null>(null);
  zones = $state<string[]>([]);
  info = $state<AppInfo | null>(null);
  loaded = $state(false);
  error = $state<ApiError | null>(null);
  /** Counts the reloads: what the backend derives outside the plan (the quarter view) fetches again when it moves. */
  revision = $state(0);

  peopleById = $derived(new Map(this.people.map((p) => [p.id, p])));
  /** Participations grouped by event, built once per reload rather than per table row. */
  participationsByEvent = $derived(groupBy(this.participations, (p) => p.event_id));
  participationsByPerson = $derived(groupBy(this.participations, (p) => p.person_id));

  async load(): Promise<void> {
    try {
      const [zones, info] = await Promise.all([api.listTimeZones(), api.appInfo()]);
      setClock(info.now);
      this.zones = zones;
      this.info = info;
      await Promise.all([this.refresh(), this.refreshCatalog()]);
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /**
   * Runs a write, then reloads what it can have changed: the plan, or the
   * catalog (which no plan edit touches). Resolves with the write's result;
   * a failed write rejects and reloads nothing.
   */
  async commit<T>(write: () => Promise<T>, changes: 'plan' | 'catalog' = 'plan'): Promise<T> {
    const result = await write();
    await (changes === 'plan' ? this.refresh() : this.refreshCatalog());
    return result;
  }

  async refresh(): Promise<void> {
    try {
      const view = await api.loadPlan();
      this.people = view.people;
      this.events = view.events;
      this.participations = view.participations;
      this.timeOff = view.time_off;
      this.cfpsClosing = view.cfps_closing;
      this.talks = view.talks;
      this.talkVersions = view.talk_versions;
      this.submissions = view.submissions;
      this.acceptance = view.acceptance;
      this.scores = new Map(view.scores.flatMap((s) => (s.score === null ? [] : [[s.event_id, s.score] as const])));
      this.content = view.content;
      this.contentOverdue = new Map(view.content_overdue.map((o) => [o.content_id, o.reason]));
      this.effortDefaults = view.effort_defaults;
      this.trips = view.trips;
      this.travel = new Map(view.travel.map((t) => [t.trip_id, t]));
      this.budgets = view.budgets;
      this.teamLoad = view.load;
      this.thresholds = view.thresholds;
      this.calendars = view.calendars;
      this.settings = view.settings;
      this.error = null;
      this.revision += 1;
    } catch (e) {
      this.error = toApiError(e);
    } finally {
      this.loaded = true;
    }
  }

  async refreshCatalog(): Promise<void> {
    try {
      this.catalog = await api.listCatalog();
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /** The pipeline event made from a catalog entry: same name and first day. */
  eventFor(entry: CatalogEntry): Event | undefined {
    const name = entry.name.toLowerCase();
    return this.events.find((e) => e.start_date === entry.start_date && e.name.toLowerCase() === name);
  }

  eventsById = $derived(new Map(this.events.map((e) => [e.id, e])));
  talksById = $derived(new Map(this.talks.map((t) => [t.id, t])));
  versionsById = $derived(new Map(this.talkVersions.map((v) => [v.id, v])));
  submissionsByTalk = $derived(groupBy(this.submissions, (s) => s.talk_id));
  submissionsByEvent = $derived(groupBy(this.submissions, (s) => s.event_id));
  contentById = $derived(new Map(this.content.map((c) => [c.id, c])));
  contentByEvent = $derived(groupBy(this.content.filter((c) => c.event_id), (c) => c.event_id ?? ''));
  contentByTalk = $derived(groupBy(this.content.filter((c) => c.talk_id), (c) => c.talk_id ?? ''));

  participantsOf(eventId: string): Participation[] {
    return this.participationsByEvent.get(eventId) ?? [];
  }

  /** How many events a person goes to (in any role). */
  eventCountOf(personId: string): number {
    return new Set((this.participationsByPerson.get(personId) ?? []).map((p) => p.event_id)).size;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const plan = new Plan();
