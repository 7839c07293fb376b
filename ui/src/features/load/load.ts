// Workload risk as the Load view and the what-if panel show it: week labels, the
// chart's scale and stacked bars, which week to open first, sorting and roll-ups.
// Pure, tested in load.test.ts; the numbers themselves come from the backend.
import { MONTHS, addDays, dateRange, dayParts, monthDay } from '../../lib/dates';
import type {
  EventStatus,
  Flag,
  HoursByKind,
  Level,
  PersonLoad,
  SubmissionStatus,
  TeamLoad,
  ThresholdGroup,
  ThresholdSpec,
  WeekLoad,
} from '../../lib/ipc/types';

export const LEVEL_LABELS: Record<Level, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
const LEVEL_RANK: Record<Level, number> = { green: 0, amber: 1, red: 2 };

/** Where planned hours go, bottom of the bar first. */
export const KINDS: ReadonlyArray<{ key: keyof HoursByKind; label: string; hint?: string }> = [
  { key: 'events', label: 'Events' },
  { key: 'travel', label: 'Travel' },
  { key: 'talk_prep', label: 'Talk prep' },
  { key: 'workshop_prep', label: 'Workshop prep' },
  { key: 'content', label: 'Content' },
  { key: 'meetings', label: 'Meetings', hint: 'Busy time from calendars imported for this person' },
];

// ---- Days and weeks -------------------------------------------------------

/** "Nov 16": the Monday a week starts. */
export function weekLabel(week: string): string {
  return monthDay(week);
}

/** "Nov 16–22, 2026": the whole week, Monday to Sunday. */
export function weekSpan(week: string): string {
  return dateRange(week, addDays(week, 6));
}

/** The heat map's month heading: one run per month of consecutive Mondays, the year on a run that has room. */
export function monthRuns(weeks: readonly string[]): Array<{ label: string; span: number }> {
  const runs: Array<{ key: string; label: string; span: number }> = [];
  let lastYear = -1;
  for (const week of weeks) {
    const d = dayParts(week);
    const key = week.slice(0, 7);
    const run = runs.at(-1);
    if (run?.key === key) {
      run.span += 1;
      continue;
    }
    const month = MONTHS[d.m - 1] ?? '';
    runs.push({ key, label: d.y !== lastYear ? `${month} ${d.y}` : month, span: 1 });
    lastYear = d.y;
  }
  // A year does not fit over one or two narrow columns.
  return runs.map(({ label, span }) => ({ label: span < 3 ? (label.split(' ')[0] ?? label) : label, span }));
}

// ---- Numbers ---------------------------------------------------------------

/** "68.5 h", "8 h": at most one decimal. */
export function hours(value: number): string {
  return `${Math.round(value * 10) / 10} h`;
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} %`;
}

export function levelRank(level: Level): number {
  return LEVEL_RANK[level];
}

// ---- Which week ------------------------------------------------------------

/** The week to open: the first red one from this week on, else the first amber, else this week. */
export function defaultWeek(weeks: readonly WeekLoad[], thisWeek: string): string | null {
  const ahead = weeks.filter((w) => w.week >= thisWeek);
  return (
    ahead.find((w) => w.level === 'red')?.week ??
    ahead.find((w) => w.level === 'amber')?.week ??
    weeks.find((w) => w.week === thisWeek)?.week ??
    weeks.at(-1)?.week ??
    null
  );
}

/** Amber and red weeks, split at this week: what is coming, and what has been. */
export function weeksAtRisk(weeks: readonly WeekLoad[], thisWeek: string): { ahead: WeekLoad[]; earlier: WeekLoad[] } {
  const risky = weeks.filter((w) => w.level !== 'green');
  return { ahead: risky.filter((w) => w.week >= thisWeek), earlier: risky.filter((w) => w.week < thisWeek) };
}

/** How many people have a red week from this week on (the sidebar's count). */
export function peopleWithRedAhead(load: TeamLoad | null, thisWeek: string): number {
  return load?.people.filter((p) => p.weeks.some((w) => w.week >= thisWeek && w.level === 'red')).length ?? 0;
}

/** The reasons a week shows first (the model's top three, worst first) and the rest. */
export function headline(flags: readonly Flag[]): { top: Flag[]; more: Flag[] } {
  return { top: flags.slice(0, 3), more: flags.slice(3) };
}

// ---- The week chart ----------------------------------------------------------

export type BarSegment = { kind: keyof HoursByKind; y: number; height: number };
export type ChartColumn = {
  week: string;
  level: Level;
  current: boolean;
  /** The column's slot, for its highlight and its click target. */
  x: number;
  barX: number;
  barWidth: number;
  segments: BarSegment[];
  /** Where the available-hours marker sits. */
  availableY: number;
  /** Under the axis: the day of the month, with the month where one starts. */
  label: string;
};
export type WeekChart = {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  left: number;
  max: number;
  ticks: Array<{ y: number; label: string }>;
  columns: ChartColumn[];
};

export const CHART = { column: 34, bar: 22, plot: 190, top: 12, left: 40, right: 8, bottom: 50 } as const;

/** The top of the scale: the biggest week rounded up to a tick, at least one tick. */
export function scaleMax(weeks: readonly WeekLoad[]): { max: number; step: number } {
  const biggest = Math.max(0, ...weeks.map((w) => Math.max(w.planned_hours, w.available_hours)));
  const step = biggest > 80 ? 20 : 10;
  return { max: Math.max(step, Math.ceil(biggest / step) * step), step };
}

/** Planned hours stacked by kind from the axis up, empty kinds left out. */
export function stack(planned: HoursByKind, toPixels: (h: number) => number, bottom: number): BarSegment[] {
  const out: BarSegment[] = [];
  let y = bottom;
  for (const { key } of KINDS) {
    const height = toPixels(planned[key]);
    if (height <= 0) continue;
    y -= height;
    out.push({ kind: key, y, height });
  }
  return out;
}

export function weekChart(weeks: readonly WeekLoad[], thisWeek: string): WeekChart {
  const { max, step } = scaleMax(weeks);
  const plotTop = CHART.top;
  const plotBottom = CHART.top + CHART.plot;
  const toPixels = (h: number) => (Math.max(0, h) / max) * CHART.plot;
  const ticks = [];
  for (let h = 0; h <= max; h += step) ticks.push({ y: plotBottom - toPixels(h), label: `${h} h` });
  const columns = weeks.map((w, i): ChartColumn => {
    const x = CHART.left + i * CHART.column;
    const day = dayParts(w.week).d;
    const newMonth = i === 0 || w.week.slice(0, 7) !== weeks[i - 1]?.week.slice(0, 7);
    return {
      week: w.week,
      level: w.level,
      current: w.week === thisWeek,
      x,
      barX: x + (CHART.column - CHART.bar) / 2,
      barWidth: CHART.bar,
      segments: stack(w.planned, toPixels, plotBottom),
      availableY: plotBottom - toPixels(w.available_hours),
      label: newMonth ? monthDay(w.week) : String(day),
    };
  });
  return {
    width: CHART.left + weeks.length * CHART.column + CHART.right,
    height: plotBottom + CHART.bottom,
    plotTop,
    plotBottom,
    left: CHART.left,
    max,
    ticks,
    columns,
  };
}

// ---- Team ----------------------------------------------------------------------

export type PeopleOrder = 'risk' | 'name';

/** Most at risk first as the backend delivers them, or by name. */
export function sortPeople(people: readonly PersonLoad[], order: PeopleOrder): PersonLoad[] {
  return order === 'risk' ? [...people] : [...people].sort((a, b) => a.name.localeCompare(b.name));
}

export const SMALL_GROUP_NOTE = (min: number) => `Hidden for groups smaller than ${min} people`;

/** The team's totals as the strip shows them, or why they are hidden. */
export function teamTotals(load: TeamLoad): {
  hidden: string | null;
  figures: Array<{ label: string; value: string }>;
} {
  const { nights_away_30d: nights, trip_weeks_this_year: tripWeeks, days_off_owed: owed } = load;
  if (nights === null || tripWeeks === null || owed === null)
    return { hidden: SMALL_GROUP_NOTE(load.min_group), figures: [] };
  return {
    hidden: null,
    figures: [
      { label: 'Nights away, last 30 days', value: String(nights) },
      { label: 'Trip-weeks this year', value: String(tripWeeks) },
      { label: 'Days off owed', value: String(owed) },
    ],
  };
}

/** One heat-map cell read aloud: whose, which week, its level and first reason. */
export function cellLabel(name: string, week: WeekLoad): string {
  const reason = week.flags[0]?.sentence;
  return `${name}, week of ${weekLabel(week.week)}: ${LEVEL_LABELS[week.level].toLowerCase()}${reason ? `. ${reason}` : ''}`;
}

// ---- What-if ---------------------------------------------------------------

/** The after-week's reasons that the week did not have before. */
export function newSentences(before: WeekLoad, after: WeekLoad): Set<string> {
  const had = new Set(before.flags.map((f) => f.sentence));
  return new Set(after.flags.map((f) => f.sentence).filter((s) => !had.has(s)));
}

/** Statuses that put a talk or an event into the plan (and so into the load). */
const COMMITTING_SUBMISSION: readonly SubmissionStatus[] = ['accepted', 'confirmed'];
const COMMITTED_EVENT: readonly EventStatus[] = ['accepted', 'confirmed', 'done'];

/** Try a submission first when it is about to be accepted or confirmed (and was not already so). */
export function submissionWantsWhatIf(status: SubmissionStatus, saved: SubmissionStatus | null): boolean {
  return COMMITTING_SUBMISSION.includes(status) && status !== saved;
}

/** Try an event first when it becomes accepted or confirmed from a status the load does not count. */
export function eventWantsWhatIf(status: EventStatus, saved: EventStatus | null): boolean {
  return (status === 'accepted' || status === 'confirmed') && (saved === null || !COMMITTED_EVENT.includes(saved));
}

// ---- Thresholds ------------------------------------------------------------

export const GROUP_LABELS: Record<ThresholdGroup, string> = {
  hours: 'Hours the model counts',
  load_percent: 'Rule 1 · Planned load',
  long_week: 'Rule 2 · Long week',
  nights_away: 'Rule 3 · Nights away',
  trip_weeks: 'Rule 4 · Trip-weeks',
  jet_lag: 'Rule 5 · Jet lag',
  no_buffer: 'Rule 6 · No buffer day',
  red_eye_work: 'Rule 7 · Red-eye, then work',
  back_to_back: 'Rule 8 · Back-to-back trips',
  weekend_owed: 'Rule 9 · Weekend days owed',
  after_hours: 'Rule 10 · After-hours',
  focus_time: 'Rule 11 · Focus time',
  new_material: 'Rule 12 · New material at once',
  deadline_on_travel: 'Rule 13 · Deadline on a travel day',
  long_stretch: 'Rule 14 · Long trips and stretches',
  chronic: 'Rule 15 · Chronic pattern',
};

/** Specs in their groups, in the order the backend lists them. */
export function thresholdGroups(
  specs: readonly ThresholdSpec[],
): Array<{ group: ThresholdGroup; label: string; specs: ThresholdSpec[] }> {
  const groups: Array<{ group: ThresholdGroup; label: string; specs: ThresholdSpec[] }> = [];
  for (const spec of specs) {
    const last = groups.at(-1);
    if (last?.group === spec.group) last.specs.push(spec);
    else groups.push({ group: spec.group, label: GROUP_LABELS[spec.group], specs: [spec] });
  }
  return groups;
}

/** A threshold as typed: '' keeps the value beneath (the team's, else the default). */
export type ThresholdDraft = Record<string, string>;

export function thresholdDraft(overrides: Record<string, number> | undefined): ThresholdDraft {
  return Object.fromEntries(Object.entries(overrides ?? {}).map(([k, v]) => [k, String(v)]));
}

/** What Save sends: the filled-in overrides as numbers; text that is no number is named instead. */
export function thresholdValues(draft: ThresholdDraft): {
  values: Record<string, number>;
  problems: Record<string, string>;
} {
  const values: Record<string, number> = {};
  const problems: Record<string, string> = {};
  for (const [key, text] of Object.entries(draft)) {
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') continue;
    const n = Number(trimmed);
    if (Number.isFinite(n)) values[key] = n;
    else problems[`thresholds.${key}`] = 'type a number, or Reset to use the value beneath';
  }
  return { values, problems };
}
