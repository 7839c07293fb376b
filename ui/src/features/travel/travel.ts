// Travel's front-end logic: trips, their legs and costs as the form edits them,
// and how a trip reads. Pure functions, tested in travel.test.ts.
import { addDays, quarterLabel } from '../../lib/dates';
import { fromToday } from '../../lib/from-today';
import type {
  BudgetRow,
  CostCategory,
  CostLine,
  CostLineInput,
  Payer,
  Segment,
  SegmentInput,
  ShiftDirection,
  TravelMode,
  Trip,
  TripInput,
  TripStatus,
} from '../../lib/ipc/types';
import { formatNumber, localDecimal, parseAmount } from '../../lib/locale';
import { formatMoney, minorToDecimal } from '../../lib/money';

export const MODE_LABELS: Record<TravelMode, string> = {
  flight: 'Flight',
  train: 'Train',
  car: 'Car',
  bus: 'Bus',
  other: 'Other',
};

export const CATEGORY_LABELS: Record<CostCategory, string> = {
  flight: 'Flight',
  rail: 'Rail',
  hotel: 'Hotel',
  ground: 'Ground transport',
  meals: 'Meals / per diem',
  registration: 'Registration',
  visa: 'Visa',
  other: 'Other',
};

export const PAYER_LABELS: Record<Payer, string> = {
  company: 'Company',
  sponsor: 'Sponsor / event',
  self: 'Traveller (not reimbursed)',
};

export const STATUS_LABELS: Record<TripStatus, string> = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};

/**
 * A budget's alert in the locale's figures: "Maya Okafor's 2026 Q4 travel is at 137.6 % of budget: 3,163.90 EUR of
 * 2,300.00 EUR spent, committed or planned (alert at 100 %)". The backend's words, its figures written here.
 */
export function budgetAlertText(row: BudgetRow, quarter: string, currency: string): string {
  if (!row.alert) return '';
  if (row.budget_minor === null) return row.alert.message;
  const whose = row.person_id ? `${row.name}'s` : "The team's";
  const share =
    row.used_percent === null ? 'over' : `${formatNumber(row.used_percent, { maximumFractionDigits: 1 })} %`;
  const spent = `${formatMoney(row.spend.forecast, currency)} of ${formatMoney(row.budget_minor, currency)}`;
  return `${whose} ${quarterLabel(quarter)} travel is at ${share} of budget: ${spent} spent, committed or planned (alert at ${row.alert.threshold} %)`;
}

/** "9 h east", "5.5 h west", "no shift". */
export function shiftText(minutes: number, direction: ShiftDirection): string {
  if (minutes === 0 || direction === 'none') return 'no shift';
  const hours = Math.abs(minutes) / 60;
  return `${formatNumber(hours, { maximumFractionDigits: 1 })} h ${direction}`;
}

/** "SFO → AMS → SFO". */
export function route(segments: readonly Segment[]): string {
  const first = segments[0];
  if (!first) return '';
  return [first.from.label, ...segments.map((s) => s.to.label)].join(' → ');
}

/** "12,340 km". */
export function km(value: number): string {
  return `${formatNumber(Math.round(value))} km`;
}

export type SegmentDraft = {
  id?: string;
  mode: TravelMode;
  from: string;
  from_timezone: string;
  to: string;
  to_timezone: string;
  /** `datetime-local` precision: `YYYY-MM-DDTHH:MM`. */
  depart_at: string;
  arrive_at: string;
  reference: string;
};

export type CostDraft = Omit<CostLineInput, 'id'> & { id?: string };

export type TripDraft = {
  id?: string;
  person_id: string;
  title: string;
  status: TripStatus;
  event_ids: string[];
  segments: SegmentDraft[];
  costs: CostDraft[];
  notes: string;
};

function segmentDraft(s: Segment): SegmentDraft {
  // A place the airport table knows comes back from its label; only a custom one keeps its zone.
  return {
    id: s.id,
    mode: s.mode,
    from: s.from.label,
    from_timezone: s.from.lat === null ? s.from.timezone : '',
    to: s.to.label,
    to_timezone: s.to.lat === null ? s.to.timezone : '',
    depart_at: s.depart_at.slice(0, 16),
    arrive_at: s.arrive_at.slice(0, 16),
    reference: s.reference,
  };
}

function costDraft(c: CostLine): CostDraft {
  return {
    id: c.id,
    category: c.category,
    description: c.description,
    currency: c.currency,
    planned: c.planned_minor === null ? '' : localDecimal(minorToDecimal(c.planned_minor, c.currency), false),
    actual: c.actual_minor === null ? '' : localDecimal(minorToDecimal(c.actual_minor, c.currency), false),
    date: c.date,
    payer: c.payer,
  };
}

/** A new trip's traveller is the preset's, else `mine` (the window's user). */
export function tripDraft(trip: Trip | null, preset: Partial<TripDraft> = {}, mine: string | null = null): TripDraft {
  return {
    id: trip?.id,
    person_id: trip?.person_id ?? mine ?? '',
    title: trip?.title ?? '',
    status: trip?.status ?? 'planned',
    event_ids: trip ? [...trip.event_ids] : [],
    segments: trip?.segments.map(segmentDraft) ?? [],
    costs: trip?.costs.map(costDraft) ?? [],
    notes: trip?.notes ?? '',
    ...preset,
  };
}

/** A new leg: from where the last one arrived, a day later at the same hour. */
export function nextSegment(previous: SegmentDraft | undefined, fallbackDay: string): SegmentDraft {
  const later = (at: string) => (at ? `${addDays(at.slice(0, 10), 1)}${at.slice(10)}` : '');
  return {
    mode: previous?.mode ?? 'flight',
    from: previous?.to ?? '',
    from_timezone: previous?.to_timezone ?? '',
    to: previous?.from ?? '',
    to_timezone: previous?.from_timezone ?? '',
    depart_at: previous ? later(previous.depart_at) : `${fallbackDay}T09:00`,
    arrive_at: previous ? later(previous.arrive_at) : `${fallbackDay}T12:00`,
    reference: '',
  };
}

export function newCost(currency: string, day: string): CostDraft {
  return { category: 'flight', description: '', currency, planned: '', actual: '', date: day, payer: 'company' };
}

/**
 * What the backend receives: seconds on the times, blank zones left out,
 * amounts as typed in the locale read into plain decimals ("612,40" → "612.40").
 * `strict` (saving) throws an amount that cannot be read, naming its field; the
 * live previews pass it on as typed, for the backend to refuse.
 */
export function tripInput(draft: TripDraft, strict = false): TripInput {
  const amount = (typed: string, field: string) => {
    try {
      return parseAmount(typed, field);
    } catch (problem) {
      if (strict) throw problem;
      return typed;
    }
  };
  const place = (text: string, timezone: string) => (timezone ? { text, timezone } : { text });
  const segment = (s: SegmentDraft): SegmentInput => ({
    ...(s.id ? { id: s.id } : {}),
    mode: s.mode,
    from: place(s.from, s.from_timezone),
    to: place(s.to, s.to_timezone),
    depart_at: s.depart_at ? `${s.depart_at.slice(0, 16)}:00` : '',
    arrive_at: s.arrive_at ? `${s.arrive_at.slice(0, 16)}:00` : '',
    reference: s.reference,
  });
  return {
    ...(draft.id ? { id: draft.id } : {}),
    person_id: draft.person_id,
    title: draft.title,
    status: draft.status,
    event_ids: draft.event_ids,
    segments: draft.segments.map(segment),
    costs: draft.costs.map((c, i) => ({
      ...c,
      currency: c.currency.trim().toUpperCase(),
      planned: amount(c.planned, `costs[${i}].planned`),
      actual: amount(c.actual, `costs[${i}].actual`),
    })),
    notes: draft.notes,
  };
}

/** The form's error keys: every field of every row, as the backend names them. */
export function tripFields(segments: number, costs: number): string[] {
  const rows = (prefix: string, n: number, names: string[]) =>
    Array.from({ length: n }, (_, i) => names.map((f) => `${prefix}[${i}].${f}`)).flat();
  return [
    'person_id',
    'title',
    'status',
    'event_ids',
    'notes',
    ...rows('segments', segments, ['mode', 'from', 'to', 'depart_at', 'arrive_at', 'reference']),
    ...rows('costs', costs, ['category', 'description', 'currency', 'planned', 'actual', 'date', 'payer']),
    'segments',
    'costs',
  ];
}

/** The trips as the list shows them (lib/from-today): a trip is over once its last leg has arrived. */
export function tripsFromToday<T extends { segments: ReadonlyArray<Pick<Segment, 'depart_at' | 'arrive_at'>> }>(
  trips: readonly T[],
  today: string,
): { ahead: T[]; past: T[] } {
  return fromToday(trips, (t) => ({ start: t.segments[0]?.depart_at, end: t.segments.at(-1)?.arrive_at }), today);
}
