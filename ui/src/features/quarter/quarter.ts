// The quarter plan's front-end logic: quarters and their days, the timeline's
// geometry (days to pixels, a lane's items stacked into rows, where each label
// goes), the goal, budget and balance bars, form drafts and how figures read.
// Pure, tested in quarter.test.ts; the figures themselves come from the backend
// (`quarter_view`, src-tauri/src/domain/quarter_plan/).
import { addDays, dayParts, daysUntil, monthDay, monthShort, quarterLabel, shiftQuarter } from '../../lib/dates';
import { GOAL_METRICS } from '../../lib/ipc/types';
import type {
  BudgetProgress,
  DevrelFunction,
  FunctionShare,
  GoalInput,
  GoalMetric,
  GoalProgress,
  GoalState,
  KindCount,
  LaneItem,
  LaneKind,
  Outcome,
  OutcomeInput,
  OutcomeOf,
  Stage,
  TargetMix,
  TargetMixInput,
  WeekStrip,
} from '../../lib/ipc/types';
import { formatNumber } from '../../lib/locale';
import { type BarParts, budgetBar, formatMoney } from '../../lib/money';

// ---- Words ------------------------------------------------------------------

/** What a goal counts, as the goal form offers it. */
export const METRIC_LABELS: Record<GoalMetric, string> = {
  talks: 'Talks',
  new_talks: 'New talks',
  workshops: 'Workshops',
  conferences: 'Conferences',
  meetups: 'Community meetups',
  events: 'Events (any kind)',
  posts: 'Posts',
  videos: 'Videos',
  content: 'Content (any kind)',
};

export const FUNCTION_LABELS: Record<DevrelFunction, string> = {
  engagement: 'Engagement',
  education: 'Education',
  advocacy: 'Advocacy',
  outreach: 'Outreach',
};

/** What each function means (function.rs), for tooltips. */
export const FUNCTION_HINTS: Record<DevrelFunction, string> = {
  engagement: 'Time with an existing community',
  education: 'Teaching developers to succeed',
  advocacy: 'Championing developers and their feedback, and the product’s ideas, in front of people',
  outreach: 'Reaching developers who do not know the product yet',
};

export const STAGE_LABELS: Record<Stage, string> = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  done: 'Done',
  dropped: 'Dropped',
};

/** What a lane's + (or a click on an empty spot, at `day`) asks to add; the events lane also adds trips. */
export type AddRequest = { kind: LaneKind | 'trip'; day: string | null };

/** What the lane's + adds. */
export const LANE_ADD_LABELS: Record<LaneKind, string> = {
  events: 'Add an event or a trip',
  talks: 'Add a talk to the library',
  content: 'Add content',
  cfp: 'Add an event with an open call for papers',
  time_off: 'Add time off',
};

/** The badge of a goal: met, on track, planned, or how many short. */
export function goalStateText(g: Pick<GoalProgress, 'state' | 'gap'>): string {
  const words: Record<GoalState, string> = {
    met: 'Met',
    on_track: 'On track',
    planned: 'Planned',
    short: `${g.gap} short`,
  };
  return words[g.state];
}

// ---- Quarters and days -------------------------------------------------------

export const nextQuarter = (quarter: string): string => shiftQuarter(quarter, 1);
export const previousQuarter = (quarter: string): string => shiftQuarter(quarter, -1);

/** "2026 Q4 · 1 Oct – 31 Dec". */
export function quarterTitle(quarter: string, firstDay: string, lastDay: string): string {
  return `${quarterLabel(quarter)} · ${monthDay(firstDay)} – ${monthDay(lastDay)}`;
}

// ---- The timeline's scale ------------------------------------------------------

/** Days to pixels across the plot: the quarter's weeks, Monday of the first to Sunday of the last. */
export type TimelineScale = { from: string; days: number; width: number; dayWidth: number };

export type Box = { x: number; width: number };

export function timelineScale(weeks: readonly string[], width: number): TimelineScale {
  const days = Math.max(1, weeks.length) * 7;
  const w = Math.max(0, width);
  return { from: weeks[0] ?? '1970-01-05', days, width: w, dayWidth: w / days };
}

/** The left edge of `day`, unclamped. */
export function dayX(scale: TimelineScale, day: string): number {
  return daysUntil(day, scale.from) * scale.dayWidth;
}

/** `first` to `last` inclusive, clipped to the plot; null when wholly outside it. */
export function spanBox(scale: TimelineScale, first: string, last: string): Box | null {
  const a = Math.max(0, dayX(scale, first));
  const b = Math.min(scale.width, dayX(scale, last) + scale.dayWidth);
  return b > a ? { x: a, width: b - a } : null;
}

/** The middle of today's column, when today is on the plot. */
export function todayX(scale: TimelineScale, today: string): number | null {
  const x = dayX(scale, today) + scale.dayWidth / 2;
  return x >= 0 && x <= scale.width ? x : null;
}

/** The week under a point of the plot. */
export function weekAt(scale: TimelineScale, weeks: readonly string[], x: number): string | null {
  if (scale.dayWidth <= 0) return null;
  return weeks[Math.floor(x / (scale.dayWidth * 7))] ?? null;
}

export type WeekColumn = {
  week: string;
  x: number;
  width: number;
  label: string;
  current: boolean;
  monthStart: boolean;
};

/** One column per week, labelled by its Monday; the week holding `today` is current. */
export function weekColumns(
  scale: TimelineScale,
  weeks: readonly string[],
  today: string,
  measure: Measure = (text) => text.length * 6,
): WeekColumn[] {
  const width = scale.dayWidth * 7;
  // In a narrow window "Sep 28" no longer fits a week: the month's first week says "Oct", the others their day.
  const roomy = weeks.every((week) => measure(monthDay(week)) + WEEK_LABEL_GAP <= width);
  return weeks.map((week, i) => {
    // The first Monday of a month: the label says a new month starts.
    const monthStart = i === 0 || dayParts(week).m !== dayParts(weeks[i - 1] ?? week).m;
    const { d } = dayParts(week);
    return {
      week,
      x: i * width,
      width,
      label: roomy ? monthDay(week) : monthStart ? monthShort(week) : String(d),
      current: today >= week && today <= addDays(week, 6),
      monthStart,
    };
  });
}

/** Space kept between two week labels: the 4 px they are drawn in from their column's edge, and as much again. */
const WEEK_LABEL_GAP = 8;

/** The days of the first and last weeks that fall outside the quarter, to shade them. */
export function outsideQuarter(scale: TimelineScale, firstDay: string, lastDay: string): Box[] {
  const boxes: Box[] = [];
  const before = dayX(scale, firstDay);
  if (before > 0) boxes.push({ x: 0, width: Math.min(before, scale.width) });
  const after = dayX(scale, lastDay) + scale.dayWidth;
  if (after < scale.width) boxes.push({ x: Math.max(0, after), width: scale.width - Math.max(0, after) });
  return boxes;
}

// ---- A lane's items, placed --------------------------------------------------

/** How wide a label is drawn, in pixels (a canvas in the window; a fixed width per character in tests). */
export type Measure = (text: string) => number;

export const LANE = {
  /** Narrowest bar drawn, so a one-day item stays visible and clickable. */
  minBar: 6,
  /** A bar at least this wide holds its label inside, shortened if need be. */
  labelInside: 56,
  /** Padding of a label inside its bar, and the gap to a label beside it. */
  pad: 5,
  /** Longest label beside a bar. */
  labelMax: 170,
  /** Space kept between two items on one row. */
  gap: 8,
};

export type ItemLabel = { x: number; text: string; inside: boolean; anchor: 'start' | 'end' };

export type PlacedItem = {
  item: LaneItem;
  /** Sub-row within the lane, 0 at the top. */
  row: number;
  /** Travel out, preparation or drafting before the main bar. */
  lead: Box | null;
  main: Box;
  /** Travel home after it. */
  tail: Box | null;
  label: ItemLabel;
  /** What the item takes on its row, label included. */
  from: number;
  to: number;
};

export type LaneLayout = { items: PlacedItem[]; rows: number };

/** `text` cut with an ellipsis to fit `width`; empty when not even two characters fit. */
export function fitText(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  for (let n = text.length - 1; n >= 2; n--) {
    const cut = `${text.slice(0, n).trimEnd()}…`;
    if (measure(cut) <= width) return cut;
  }
  return '';
}

/** The label shown: done items carry a check. */
export function itemText(item: Pick<LaneItem, 'label' | 'stage'>): string {
  return item.stage === 'done' ? `✓ ${item.label}` : item.label;
}

function place(item: LaneItem, scale: TimelineScale, measure: Measure): Omit<PlacedItem, 'row'> | null {
  let main = spanBox(scale, item.start, item.end < item.start ? item.start : item.end);
  if (!main) return null;
  if (main.width < LANE.minBar) {
    const centre = main.x + main.width / 2;
    const x = Math.min(Math.max(0, centre - LANE.minBar / 2), Math.max(0, scale.width - LANE.minBar));
    main = { x, width: LANE.minBar };
  }
  const lead =
    item.lead_from && item.lead_from < item.start ? spanBox(scale, item.lead_from, addDays(item.start, -1)) : null;
  const tail = item.tail_to && item.tail_to > item.end ? spanBox(scale, addDays(item.end, 1), item.tail_to) : null;
  const x0 = Math.min(main.x, lead?.x ?? main.x);
  const x1 = Math.max(main.x + main.width, tail ? tail.x + tail.width : 0);

  const text = itemText(item);
  const full = measure(text);
  let label: ItemLabel;
  let from = x0;
  let to = x1;
  if (main.width >= full + 2 * LANE.pad || main.width >= LANE.labelInside) {
    label = {
      x: main.x + LANE.pad,
      text: fitText(text, main.width - 2 * LANE.pad, measure),
      inside: true,
      anchor: 'start',
    };
  } else {
    const right = scale.width - (x1 + LANE.pad);
    const left = x0 - LANE.pad;
    // Beside the bar on the right, unless the plot ends first and there is more room on the left.
    if (right >= Math.min(full, LANE.labelMax) || right >= left) {
      const shown = fitText(text, Math.min(right, LANE.labelMax), measure);
      label = { x: x1 + LANE.pad, text: shown, inside: false, anchor: 'start' };
      if (shown) to = x1 + LANE.pad + measure(shown);
    } else {
      const shown = fitText(text, Math.min(left, LANE.labelMax), measure);
      label = { x: x0 - LANE.pad, text: shown, inside: false, anchor: 'end' };
      if (shown) from = x0 - LANE.pad - measure(shown);
    }
  }
  return { item, lead, main, tail, label, from, to };
}

/**
 * Places a lane's items on the plot and stacks those that would touch (bars or
 * labels) into sub-rows, each on the first row with room, in order of where
 * they start. Dropped items are not drawn; items off the plot are left out.
 */
export function layoutLane(items: readonly LaneItem[], scale: TimelineScale, measure: Measure): LaneLayout {
  const placed = items
    .filter((i) => i.stage !== 'dropped')
    .map((i) => place(i, scale, measure))
    .filter((p): p is Omit<PlacedItem, 'row'> => p !== null);
  const order = placed.map((p, i) => ({ p, i })).sort((a, b) => a.p.from - b.p.from || a.i - b.i);
  const rowEnds: number[] = [];
  const rows = new Array<number>(placed.length).fill(0);
  for (const { p, i } of order) {
    let row = rowEnds.findIndex((end) => end + LANE.gap <= p.from);
    if (row < 0) row = rowEnds.push(p.to) - 1;
    rowEnds[row] = p.to;
    rows[i] = row;
  }
  return { items: placed.map((p, i) => ({ ...p, row: rows[i] ?? 0 })), rows: Math.max(1, rowEnds.length) };
}

// ---- The load strip ------------------------------------------------------------

/** A strip cell's text: the person's load, or how many on the team are red and amber. */
export function stripText(w: WeekStrip, person: boolean): string {
  if (person) return w.load_percent === null ? '—' : `${Math.round(w.load_percent)}%`;
  const parts = [w.red ? `${w.red} red` : '', w.amber ? `${w.amber} amb` : ''].filter(Boolean);
  return parts.join(' ') || 'ok';
}

/** The strip cell's tooltip: the week, its figures and why. */
export function stripTitle(w: WeekStrip, person: boolean): string {
  const week = `Week of ${monthDay(w.week)}`;
  const figures = person
    ? `${round1(w.planned_hours)} h planned of ${round1(w.available_hours)} h available`
    : `${w.red} red, ${w.amber} amber`;
  return `${week}: ${figures}. ${w.reason}`;
}

// ---- Bars ------------------------------------------------------------------------

/** A goal's bar as percentages of its track: done, then confirmed beyond it, then planned beyond that, and the target's tick. */
export type GoalBar = { done: number; confirmed: number; planned: number; target: number };

export function goalBar(
  g: Pick<GoalProgress, 'planned' | 'confirmed' | 'done'> & { goal: { target: number } },
): GoalBar {
  const scale = Math.max(g.goal.target, g.planned, 1);
  const pct = (n: number) => (Math.max(0, n) / scale) * 100;
  const confirmed = Math.max(g.confirmed, g.done);
  const planned = Math.max(g.planned, confirmed);
  return {
    done: pct(g.done),
    confirmed: pct(confirmed - g.done),
    planned: pct(planned - confirmed),
    target: pct(g.goal.target),
  };
}

/** The travel budget's bar: paid, committed, planned against the ceiling. */
/**
 * The budget's sentence with amounts as the locale writes them: "12,540.00 EUR forecast, 540.00 EUR over the budget of
 * 12,000.00 EUR". A budget set in another currency says how it was converted; one that could not be converted keeps
 * the backend's sentence, which says why.
 */
export function budgetSentence(b: BudgetProgress, currency: string): string {
  if (b.budget_minor === null) return b.sentence;
  const budget = formatMoney(b.budget_minor, currency);
  const converted = b.entered.includes(' at ') ? ` (set as ${b.entered})` : '';
  const forecast = formatMoney(b.forecast, currency);
  return b.within
    ? `${forecast} forecast, within the budget of ${budget}${converted}`
    : `${forecast} forecast, ${formatMoney(b.forecast - b.budget_minor, currency)} over the budget of ${budget}${converted}`;
}

export function budgetProgressBar(b: BudgetProgress): BarParts {
  return budgetBar({
    budget_minor: b.budget_minor,
    spend: { actual: b.actual, committed: b.committed, forecast: b.forecast },
  });
}

export type BalanceBar = FunctionShare & {
  label: string;
  /** Bar lengths as percentages of the scale. */
  actualWidth: number;
  targetWidth: number | null;
  /** Off target by 10 points or more. */
  off: 'over' | 'under' | null;
};

/** Paired bars, actual share beside target share, on one scale rounded up to tens. */
export function balanceBars(functions: readonly FunctionShare[]): { scale: number; bars: BalanceBar[] } {
  const top = Math.max(10, ...functions.map((f) => Math.max(f.percent, f.target ?? 0)));
  const scale = Math.min(100, Math.ceil(top / 10) * 10);
  const bars = functions.map((f) => {
    const off =
      f.target === null || Math.abs(f.percent - f.target) < 10 ? null : f.percent > f.target ? 'over' : 'under';
    return {
      ...f,
      label: FUNCTION_LABELS[f.function],
      actualWidth: (f.percent / scale) * 100,
      targetWidth: f.target === null ? null : (f.target / scale) * 100,
      off,
    } satisfies BalanceBar;
  });
  return { scale, bars };
}

// ---- Figures ---------------------------------------------------------------------

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** "12,345" ("12.345" in German). */
export function count(n: number): string {
  return formatNumber(n);
}

/** "43 %". */
export function share(percent: number): string {
  return `${Math.round(percent)} %`;
}

/** "12.5 h". */
export function hoursText(h: number): string {
  return `${formatNumber(round1(h))} h`;
}

/** Money in minor units of `currency`, or a dash when there is none. */
export function money(minor: number | null, currency: string): string {
  return minor === null ? '—' : formatMoney(minor, currency);
}

/** An amount without its currency, where a heading names it: "1,234.50". */
export function amountText(minor: number | null, currency: string): string {
  return minor === null ? '—' : formatMoney(minor, currency).slice(0, -(currency.length + 1));
}

/** Hours per view, read per 1,000 views: "3.2 h". */
export function perThousandViews(hoursPerView: number | null): string {
  return hoursPerView === null ? '—' : hoursText(hoursPerView * 1000);
}

/** A talk rating to one decimal, "4.6". */
export function ratingText(rating: number | null): string {
  return rating === null ? '—' : formatNumber(rating, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A figure or a dash. */
export function figure(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : count(n);
}

/** A kind's plural label said of `n`: the backend's labels are plural ("conferences", "sample apps"). */
export function kindLabel(label: string, n: number): string {
  return n === 1 && label.endsWith('s') ? label.slice(0, -1) : label;
}

/** "3 conferences: 2 confirmed, 1 done". */
export function countText(k: KindCount): string {
  const stages = [k.confirmed ? `${k.confirmed} confirmed` : '', k.done ? `${k.done} done` : '']
    .filter(Boolean)
    .join(', ');
  return `${k.planned} ${kindLabel(k.label, k.planned)}${stages ? `: ${stages}` : ''}`;
}

// ---- Form drafts -------------------------------------------------------------

export type GoalDraft = { id?: string; metric: GoalMetric; target: string; note: string };

/** A stored goal to edit, or a new one for the first metric without a goal yet (one goal per metric). */
export function goalDraft(g: GoalProgress | null, taken: readonly GoalMetric[] = []): GoalDraft {
  if (g) return { id: g.goal.id, metric: g.goal.metric, target: String(g.goal.target), note: g.goal.note };
  return { metric: GOAL_METRICS.find((m) => !taken.includes(m)) ?? 'talks', target: '', note: '' };
}

/** The target goes as typed: the backend says what is wrong with it, next to the field. */
export function goalInput(d: GoalDraft, quarter: string, personId: string | null): GoalInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    quarter,
    person_id: personId,
    metric: d.metric,
    target: d.target.trim(),
    note: d.note.trim(),
  };
}

export type MixDraft = Record<DevrelFunction, string>;

/** The mix in force, or an even split to start from. */
export function mixDraft(mix: TargetMix | null): MixDraft {
  if (!mix) return { engagement: '25', education: '25', advocacy: '25', outreach: '25' };
  return {
    engagement: String(mix.engagement),
    education: String(mix.education),
    advocacy: String(mix.advocacy),
    outreach: String(mix.outreach),
  };
}

/** The shares' sum as typed (blanks count 0); null while one is not a whole number. */
export function mixSum(d: MixDraft): number | null {
  let sum = 0;
  for (const text of Object.values(d)) {
    const t = text.trim();
    if (t === '') continue;
    if (!/^\d+$/.test(t)) return null;
    sum += Number(t);
  }
  return sum;
}

export function mixInput(d: MixDraft, quarter: string, personId: string | null): TargetMixInput {
  const share = (t: string) => t.trim() || '0';
  return {
    quarter,
    person_id: personId,
    engagement: share(d.engagement),
    education: share(d.education),
    advocacy: share(d.advocacy),
    outreach: share(d.outreach),
  };
}

export const OUTCOME_FIGURES = ['attendance', 'rating', 'views', 'signups', 'leads', 'feedback_items'] as const;
export type OutcomeFigure = (typeof OUTCOME_FIGURES)[number];

export const OUTCOME_LABELS: Record<OutcomeFigure, string> = {
  attendance: 'Attendance',
  rating: 'Rating (1–5)',
  views: 'Views',
  signups: 'Sign-ups',
  leads: 'Leads',
  feedback_items: 'Feedback items',
};

export type OutcomeDraft = Record<OutcomeFigure, string> & { id?: string; notes: string; recorded_on: string };

export function outcomeDraft(o: Outcome | null, today: string): OutcomeDraft {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    ...(o ? { id: o.id } : {}),
    attendance: text(o?.attendance),
    rating: text(o?.rating),
    views: text(o?.views),
    signups: text(o?.signups),
    leads: text(o?.leads),
    feedback_items: text(o?.feedback_items),
    notes: o?.notes ?? '',
    recorded_on: o?.recorded_on ?? today,
  };
}

/** Blank figures are not known (null); the rest go as typed, for the backend to check. */
export function outcomeInput(of: OutcomeOf, d: OutcomeDraft): OutcomeInput {
  const figure = (t: string) => (t.trim() === '' ? null : t.trim());
  return {
    ...(d.id ? { id: d.id } : {}),
    of,
    attendance: figure(d.attendance),
    rating: figure(d.rating),
    views: figure(d.views),
    signups: figure(d.signups),
    leads: figure(d.leads),
    feedback_items: figure(d.feedback_items),
    notes: d.notes.trim(),
    recorded_on: d.recorded_on,
  };
}

/** "120 attending · rated 4.6 · 14 leads": what an outcome recorded, in one line. */
export function outcomeSummary(o: Outcome): string {
  const parts = [
    o.attendance !== null ? `${count(o.attendance)} attending` : '',
    o.rating !== null ? `rated ${ratingText(o.rating)}` : '',
    o.views !== null ? `${count(o.views)} views` : '',
    o.signups !== null ? `${count(o.signups)} sign-ups` : '',
    o.leads !== null ? `${count(o.leads)} leads` : '',
    o.feedback_items !== null ? `${count(o.feedback_items)} feedback items` : '',
  ].filter(Boolean);
  return parts.join(' · ') || o.notes;
}

/** `event:…` — how the timeline and the impact log name a record for tests and keys. */
export function refKey(ref: { kind: string; id: string }): string {
  return `${ref.kind}:${ref.id}`;
}
