// The event pipeline's filters and orderings, shared by the board and the list.
// Pure functions over the plan's records, tested in pipeline.test.ts.
import { quarterOf } from '../../lib/dates';
import type { Event, EventKind, EventStatus, Participation } from '../../lib/ipc/types';

/** Every quarter an event starts in, in order. */
export function quartersOf(events: readonly Pick<Event, 'start_date'>[]): string[] {
  return [...new Set(events.map((e) => quarterOf(e.start_date)))].sort();
}

/** Countries with events, by name; online-only events have none. */
export function countriesOf(events: readonly Pick<Event, 'country' | 'online'>[]): string[] {
  return [...new Set(events.filter((e) => !e.online && e.country).map((e) => e.country))].sort((a, b) =>
    a.localeCompare(b),
  );
}

export type PipelineFilter = {
  query: string;
  status: EventStatus | '';
  kind: EventKind | '';
  /** A country name, `online`, or empty for anywhere. */
  country: string;
  quarter: string;
  personId: string;
  showPast: boolean;
};

export const NO_FILTER: PipelineFilter = {
  query: '',
  status: '',
  kind: '',
  country: '',
  quarter: '',
  personId: '',
  showPast: true,
};

export function matches(
  e: Event,
  f: PipelineFilter,
  today: string,
  participants: (eventId: string) => readonly Pick<Participation, 'person_id'>[],
): boolean {
  if (f.status && e.status !== f.status) return false;
  if (f.kind && e.kind !== f.kind) return false;
  if (f.country === 'online' ? !e.online : f.country && (e.online || e.country !== f.country)) return false;
  if (f.quarter && quarterOf(e.start_date) !== f.quarter) return false;
  if (!f.showPast && e.end_date < today) return false;
  if (f.personId && !participants(e.id).some((p) => p.person_id === f.personId)) return false;
  const q = f.query.trim().toLowerCase();
  return !q || [e.name, e.city, e.country, e.kind].some((s) => s.toLowerCase().includes(q));
}

export type SortKey = 'date' | 'cfp' | 'score';

export const SORT_LABELS: Record<SortKey, string> = {
  date: 'Sort by date',
  cfp: 'Sort by CFP deadline',
  score: 'Sort by score',
};

/**
 * Events in the order asked for. By CFP deadline: the soonest first, events
 * without a CFP last. By score: highest first, unrated last. Ties by date.
 * Deadlines compare as written (local times): close enough to order a list.
 */
export function sorted(events: readonly Event[], key: SortKey, scores: ReadonlyMap<string, number>): Event[] {
  const byDate = (a: Event, b: Event) => a.start_date.localeCompare(b.start_date) || a.name.localeCompare(b.name);
  const order: Record<SortKey, (a: Event, b: Event) => number> = {
    date: byDate,
    cfp: (a, b) => {
      if (a.cfp_deadline && b.cfp_deadline) return a.cfp_deadline.localeCompare(b.cfp_deadline) || byDate(a, b);
      if (a.cfp_deadline) return -1;
      if (b.cfp_deadline) return 1;
      return byDate(a, b);
    },
    score: (a, b) => (scores.get(b.id) ?? -1) - (scores.get(a.id) ?? -1) || byDate(a, b),
  };
  return [...events].sort(order[key]);
}

/** The board's columns: the pipeline in the order events move along it. */
export const BOARD_COLUMNS: readonly EventStatus[] = [
  'considering',
  'cfp_open',
  'submitted',
  'waitlisted',
  'accepted',
  'confirmed',
  'done',
  'rejected',
  'cancelled',
];
