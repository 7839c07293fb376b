// The plan as the window sees it: loaded once, reloaded after every write so
// that every view shows what the database holds. It keeps `load_plan`'s answer
// whole, so a new PlanView field reaches the views with no edit here; the
// indexes below are derived from it, once per reload rather than per row.
import { setClock } from './clock';
import { setLocale } from './locale';
import { api } from './ipc/commands';
import { myPersonId } from './me';
import { toApiError } from './ipc/errors';
import type { ApiError, AppInfo, CatalogEntry, Event, Participation, PlanView } from './ipc/types';

class Plan {
  #view = $state<PlanView | null>(null);
  /** The conference catalog, read on its own: no plan edit touches it. */
  catalog = $state<CatalogEntry[]>([]);
  zones = $state<string[]>([]);
  info = $state<AppInfo | null>(null);
  /** The first load has finished, whether or not it brought a plan (see `error`). */
  loaded = $state(false);
  /** A plan has arrived: `view` may be read. */
  ready = $derived(this.#view !== null);
  error = $state<ApiError | null>(null);
  /** Counts the reloads: what the backend derives outside the plan (the quarter view) fetches again when it moves. */
  revision = $state(0);

  /**
   * The plan as `load_plan` last answered. The window shows the sections only
   * once `ready`, so they read it without checking; before that it throws.
   */
  get view(): PlanView {
    if (!this.#view) throw new Error('The plan has not loaded yet');
    return this.#view;
  }

  peopleById = $derived(byId(this.#view?.people));
  eventsById = $derived(byId(this.#view?.events));
  talksById = $derived(byId(this.#view?.talks));
  versionsById = $derived(byId(this.#view?.talk_versions));
  contentById = $derived(byId(this.#view?.content));
  participationsByEvent = $derived(groupBy(this.#view?.participations, (p) => p.event_id));
  participationsByPerson = $derived(groupBy(this.#view?.participations, (p) => p.person_id));
  submissionsByTalk = $derived(groupBy(this.#view?.submissions, (s) => s.talk_id));
  submissionsByEvent = $derived(groupBy(this.#view?.submissions, (s) => s.event_id));
  contentByEvent = $derived(
    groupBy(
      this.#view?.content.filter((c) => c.event_id),
      (c) => c.event_id ?? '',
    ),
  );
  contentByTalk = $derived(
    groupBy(
      this.#view?.content.filter((c) => c.talk_id),
      (c) => c.talk_id ?? '',
    ),
  );
  /** Each event's score under the saved weights (absent: not rated). */
  scoresByEvent = $derived(
    new Map((this.#view?.scores ?? []).flatMap((s) => (s.score === null ? [] : [[s.event_id, s.score] as const]))),
  );
  /** Late content by id, with why. */
  overdueByContent = $derived(new Map((this.#view?.content_overdue ?? []).map((o) => [o.content_id, o.reason])));
  /** The person this window's user is, while they are in the plan (see `me.ts`). */
  myId = $derived(this.#view ? myPersonId(this.#view.me, this.#view.people) : null);
  /** Each trip's derived figures and converted costs, by trip id. */
  figuresByTrip = $derived(new Map((this.#view?.travel ?? []).map((t) => [t.trip_id, t])));

  async load(): Promise<void> {
    try {
      const [zones, info] = await Promise.all([api.listTimeZones(), api.appInfo()]);
      setClock(info.now);
      setLocale(info.locale);
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
      this.#view = await api.loadPlan();
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
    return this.#view?.events.find((e) => e.start_date === entry.start_date && e.name.toLowerCase() === name);
  }

  participantsOf(eventId: string): Participation[] {
    return this.participationsByEvent.get(eventId) ?? [];
  }

  /** How many events a person goes to (in any role). */
  eventCountOf(personId: string): number {
    return new Set((this.participationsByPerson.get(personId) ?? []).map((p) => p.event_id)).size;
  }
}

function byId<T extends { id: string }>(items: readonly T[] = []): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupBy<T>(items: readonly T[] = [], key: (item: T) => string): Map<string, T[]> {
  // Built whole inside a $derived and never changed after, so nothing needs to track it (no SvelteMap).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
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
