// What the Ctrl+K palette can find: the plan's records (from `plan.view`, as
// the window already holds it), the catalog, and the window's commands.
import { catalogDraft } from '../events';
import type { Opening } from '../quarter';
import { dateRange, localToday } from '../../lib/dates';
import { humanize, place } from '../../lib/format';
import type { CatalogEntry, Event, Person, PlanView } from '../../lib/ipc/types';
import type { SearchItem } from './search';

/** What choosing an item does: open a record's drawer, go to a view, or run a window command. */
export type PaletteAction =
  | { kind: 'open'; opening: Opening }
  | { kind: 'person'; person: Person | null }
  | { kind: 'view'; view: string }
  | { kind: 'export-calendar' }
  | { kind: 'import-calendar' };

export type PaletteItem = SearchItem<PaletteAction>;

/** A view the sidebar lists, as the palette offers it. */
export type ViewEntry = { id: string; label: string; key?: string };

/** The window's commands: each view, new records, calendars and backups. */
export function commandItems(views: readonly ViewEntry[]): PaletteItem[] {
  const command = (key: string, label: string, detail: string, action: PaletteAction): PaletteItem => ({
    key: `command:${key}`,
    kind: 'command',
    label,
    detail,
    action,
  });
  const today = localToday();
  return [
    ...views.map((v) =>
      command(`view:${v.id}`, `Go to ${v.label}`, v.key ? `Ctrl+${v.key}` : '', { kind: 'view', view: v.id }),
    ),
    command('new-event', 'New event', 'Add an event to the pipeline', {
      kind: 'open',
      opening: { kind: 'event', event: null, preset: { start_date: today, end_date: today } },
    }),
    command('new-talk', 'New talk', 'Add a talk to the library', {
      kind: 'open',
      opening: { kind: 'talk', talk: null },
    }),
    command('new-trip', 'New trip', 'Plan travel', { kind: 'open', opening: { kind: 'trip', trip: null } }),
    command('new-content', 'New content', 'Plan a post, video or recap', {
      kind: 'open',
      opening: { kind: 'content', item: null },
    }),
    command('new-person', 'New person', 'Add someone to the team', { kind: 'person', person: null }),
    command('export-calendar', 'Export calendar…', 'The plan as .ics files (Ctrl+Shift+E)', {
      kind: 'export-calendar',
    }),
    command('import-calendar', 'Import calendar…', "An .ics file as someone's busy time", {
      kind: 'import-calendar',
    }),
    command('backups', 'Backups', 'Back up or restore the plan, in Settings', { kind: 'view', view: 'settings' }),
    command('settings', 'Settings', 'Ctrl+,', { kind: 'view', view: 'settings' }),
  ];
}

/** The plan's records as the palette lists them, each with a second line to tell look-alikes apart. */
export function recordItems(
  view: PlanView,
  peopleById: ReadonlyMap<string, Person>,
  catalog: readonly CatalogEntry[],
  eventFor: (entry: CatalogEntry) => Event | undefined,
  zones: readonly string[],
): PaletteItem[] {
  const name = (id: string | null) => (id ? (peopleById.get(id)?.name ?? '') : '');
  const line = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ');
  const today = localToday();
  return [
    ...view.people.map<PaletteItem>((p) => ({
      key: `person:${p.id}`,
      kind: 'person',
      label: p.name,
      detail: line(p.role, p.home_city),
      action: { kind: 'person', person: p },
    })),
    ...view.events.map<PaletteItem>((e) => ({
      key: `event:${e.id}`,
      kind: 'event',
      label: e.name,
      detail: line(dateRange(e.start_date, e.end_date), place(e)),
      action: { kind: 'open', opening: { kind: 'event', event: e } },
    })),
    ...view.talks.map<PaletteItem>((t) => ({
      key: `talk:${t.id}`,
      kind: 'talk',
      label: t.title,
      detail: line(name(t.owner_id), humanize(t.status)),
      action: { kind: 'open', opening: { kind: 'talk', talk: t } },
    })),
    ...view.content.map<PaletteItem>((c) => ({
      key: `content:${c.id}`,
      kind: 'content',
      label: c.title,
      detail: line(humanize(c.kind), name(c.owner_id), c.due_on),
      action: { kind: 'open', opening: { kind: 'content', item: c } },
    })),
    ...view.trips.map<PaletteItem>((t) => ({
      key: `trip:${t.id}`,
      kind: 'trip',
      label: t.title,
      detail: line(name(t.person_id), humanize(t.status)),
      action: { kind: 'open', opening: { kind: 'trip', trip: t } },
    })),
    // A catalog entry opens its pipeline event when there is one, else the new event it would make.
    ...catalog.map<PaletteItem>((entry) => {
      const event = eventFor(entry);
      return {
        key: `catalog:${entry.id}`,
        kind: 'catalog',
        label: entry.name,
        detail: line(
          dateRange(entry.start_date, entry.end_date),
          entry.online ? 'Online' : line(entry.city, entry.country),
          event ? 'in the pipeline' : null,
        ),
        action: {
          kind: 'open',
          opening: event
            ? { kind: 'event', event }
            : { kind: 'event', event: null, preset: catalogDraft(entry, today, zones) },
        },
      };
    }),
  ];
}
