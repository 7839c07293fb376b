// The plan as the window sees it: loaded once, reloaded after every write so
// that every view shows what the database holds.
import { api } from './ipc/commands';
import { toApiError } from './ipc/errors';
import type { ApiError, AppInfo, CatalogEntry, CfpClosing, Event, Participation, Person, TimeOff } from './ipc/types';

class Plan {
  people = $state<Person[]>([]);
  events = $state<Event[]>([]);
  participations = $state<Participation[]>([]);
  timeOff = $state<TimeOff[]>([]);
  catalog = $state<CatalogEntry[]>([]);
  /** Calls for papers closing in the next 30 days. */
  cfpsClosing = $state<CfpClosing[]>([]);
  zones = $state<string[]>([]);
  info = $state<AppInfo | null>(null);
  loaded = $state(false);
  error = $state<ApiError | null>(null);

  peopleById = $derived(new Map(this.people.map((p) => [p.id, p])));

  async load(): Promise<void> {
    try {
      const [zones, info] = await Promise.all([api.timeZones(), api.appInfo()]);
      this.zones = zones;
      this.info = info;
      await this.refresh();
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  async refresh(): Promise<void> {
    try {
      const [people, events, participations, timeOff, catalog, cfpsClosing] = await Promise.all([
        api.people(),
        api.events(),
        api.participations(),
        api.timeOff(),
        api.catalog(),
        api.cfpsClosing(30),
      ]);
      this.people = people;
      this.events = events;
      this.participations = participations;
      this.timeOff = timeOff;
      this.catalog = catalog;
      this.cfpsClosing = cfpsClosing;
      this.error = null;
    } catch (e) {
      this.error = toApiError(e);
    } finally {
      this.loaded = true;
    }
  }

  /** The pipeline event made from a catalog entry: same name and first day. */
  eventFor(entry: CatalogEntry): Event | undefined {
    const name = entry.name.toLowerCase();
    return this.events.find((e) => e.start_date === entry.start_date && e.name.toLowerCase() === name);
  }

  participantsOf(eventId: string): Participation[] {
    return this.participations.filter((p) => p.event_id === eventId);
  }

  eventsOf(personId: string): Event[] {
    const ids = new Set(this.participations.filter((p) => p.person_id === personId).map((p) => p.event_id));
    return this.events.filter((e) => ids.has(e.id));
  }
}

export const plan = new Plan();
