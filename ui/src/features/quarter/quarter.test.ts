import { describe, expect, it } from 'vitest';
import {
  GOAL_METRICS,
  type BudgetProgress,
  type FunctionShare,
  type LaneItem,
  type Outcome,
  type WeekStrip,
} from '../../lib/ipc/types';
import {
  LANE,
  amountText,
  balanceBars,
  budgetProgressBar,
  budgetSentence,
  count,
  countText,
  dayX,
  fitText,
  goalBar,
  goalDraft,
  goalInput,
  goalStateText,
  layoutLane,
  mixDraft,
  mixInput,
  mixSum,
  money,
  nextQuarter,
  outcomeDraft,
  outcomeInput,
  outcomeSummary,
  outsideQuarter,
  perThousandViews,
  previousQuarter,
  quarterTitle,
  share,
  spanBox,
  stripText,
  timelineScale,
  todayX,
  weekAt,
  weekColumns,
} from './quarter';

// The Mondays of the weeks that touch 2026 Q4 (28 Sep to 28 Dec): 14 of them.
const Q4_WEEKS = Array.from({ length: 14 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 8, 28 + i * 7));
  return d.toISOString().slice(0, 10);
});
// 14 weeks of 7 days on 980 px: 10 px a day.
const scale = timelineScale(Q4_WEEKS, 980);
const mono = (text: string) => text.length * 6;

function item(label: string, start: string, end: string, more: Partial<LaneItem> = {}): LaneItem {
  return {
    opens: { kind: 'event', id: label },
    label,
    detail: '',
    start,
    end,
    lead_from: null,
    tail_to: null,
    status: 'confirmed',
    stage: 'confirmed',
    person_ids: [],
    ...more,
  };
}

describe('quarters', () => {
  it('steps across years both ways', () => {
    expect(nextQuarter('2026Q4')).toBe('2027Q1');
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
    expect(previousQuarter(nextQuarter('2026Q2'))).toBe('2026Q2');
  });

  it('names a quarter with its days', () => {
    expect(quarterTitle('2026Q4', '2026-10-01', '2026-12-31')).toBe('2026 Q4 · Oct 1 – Dec 31');
  });
});

describe('the timeline scale', () => {
  it('puts each day at its own column of pixels from the first Monday', () => {
    expect(Q4_WEEKS[0]).toBe('2026-09-28');
    expect(Q4_WEEKS.at(-1)).toBe('2026-12-28');
    expect(scale.dayWidth).toBe(10);
    expect(dayX(scale, '2026-09-28')).toBe(0);
    expect(dayX(scale, '2026-10-01')).toBe(30);
    expect(spanBox(scale, '2026-10-12', '2026-10-14')).toEqual({ x: 140, width: 30 });
  });

  it('clips spans to the plot and drops what lies outside it', () => {
    expect(spanBox(scale, '2026-09-20', '2026-09-29')).toEqual({ x: 0, width: 20 });
    expect(spanBox(scale, '2026-12-30', '2027-01-10')).toEqual({ x: 930, width: 50 });
    expect(spanBox(scale, '2027-01-04', '2027-01-05')).toBeNull();
  });

  it('marks today in the middle of its day, only when on the plot', () => {
    expect(todayX(scale, '2026-10-01')).toBe(35);
    expect(todayX(scale, '2027-02-01')).toBeNull();
  });

  it('finds the week under a point', () => {
    expect(weekAt(scale, Q4_WEEKS, 0)).toBe('2026-09-28');
    expect(weekAt(scale, Q4_WEEKS, 75)).toBe('2026-10-05');
    expect(weekAt(scale, Q4_WEEKS, 979)).toBe('2026-12-28');
    expect(weekAt(scale, Q4_WEEKS, 1200)).toBeNull();
  });

  it('labels weeks by their Monday and marks the current one and month starts', () => {
    const columns = weekColumns(scale, Q4_WEEKS, '2026-11-21');
    expect(columns).toHaveLength(14);
    expect(columns[2]).toMatchObject({ label: 'Oct 12', x: 140, width: 70, current: false });
    expect(columns.filter((c) => c.current).map((c) => c.week)).toEqual(['2026-11-16']);
    expect(columns.filter((c) => c.monthStart).map((c) => c.label)).toEqual(['Sep 28', 'Oct 5', 'Nov 2', 'Dec 7']);
  });

  it('shortens the labels when a week is narrower than "Sep 28"', () => {
    const narrow = timelineScale(Q4_WEEKS, 14 * 30);
    const columns = weekColumns(narrow, Q4_WEEKS, '2026-11-21', (text) => text.length * 6);
    expect(columns.map((c) => c.label).slice(0, 6)).toEqual(['Sep', 'Oct', '12', '19', '26', 'Nov']);
    // Wide enough for every label, each keeps its day and month.
    const wide = weekColumns(timelineScale(Q4_WEEKS, 14 * 44), Q4_WEEKS, '2026-11-21', (text) => text.length * 6);
    expect(wide[2]?.label).toBe('Oct 12');
  });

  it('shades the days of the edge weeks outside the quarter', () => {
    expect(outsideQuarter(scale, '2026-10-01', '2026-12-31')).toEqual([
      { x: 0, width: 30 },
      { x: 950, width: 30 },
    ]);
  });
});

describe('placing a lane', () => {
  it('draws lead and tail beside the main bar', () => {
    const [placed] = layoutLane(
      [item('KubeCon', '2026-11-10', '2026-11-12', { lead_from: '2026-11-08', tail_to: '2026-11-14' })],
      scale,
      mono,
    ).items;
    expect(placed?.main).toEqual({ x: 430, width: 30 });
    expect(placed?.lead).toEqual({ x: 410, width: 20 });
    expect(placed?.tail).toEqual({ x: 460, width: 20 });
    // 30 px cannot hold "KubeCon" (42 px + padding): the label goes to the right of the travel home.
    expect(placed?.label).toMatchObject({ inside: false, anchor: 'start', x: 480 + LANE.pad, text: 'KubeCon' });
    expect(placed?.to).toBe(480 + LANE.pad + 42);
  });

  it('keeps a label inside a bar wide enough for it', () => {
    const [placed] = layoutLane([item('Berlin', '2026-10-05', '2026-10-11')], scale, mono).items;
    expect(placed?.label).toMatchObject({ inside: true, text: 'Berlin', x: 70 + LANE.pad });
    expect([placed?.from, placed?.to]).toEqual([70, 140]);
  });

  it('stacks items that would touch into rows, and reuses a row once it is free', () => {
    const lane = layoutLane(
      [
        item('A', '2026-10-05', '2026-10-11'),
        item('B', '2026-10-08', '2026-10-15'),
        item('C', '2026-10-09', '2026-10-09'),
        item('D', '2026-11-02', '2026-11-08'),
      ],
      scale,
      mono,
    );
    expect(lane.items.map((p) => [p.item.label, p.row])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
      ['D', 0],
    ]);
    expect(lane.rows).toBe(3);
  });

  it('counts a label beside its bar as taken room', () => {
    // One-day CFP deadlines three days apart: bars apart, but the first label runs over the second.
    const lane = layoutLane(
      [item('CFP: JSConf', '2026-10-05', '2026-10-05'), item('CFP: RustConf', '2026-10-08', '2026-10-08')],
      scale,
      mono,
    );
    expect(lane.items.map((p) => p.row)).toEqual([0, 1]);
  });

  it('draws a one-day item at least the narrowest bar wide, and a done one with a check', () => {
    // 5 px a day: a day is narrower than the narrowest bar, which is centred on it.
    const narrow = timelineScale(Q4_WEEKS, 490);
    const [placed] = layoutLane([item('Meetup', '2026-10-20', '2026-10-20', { stage: 'done' })], narrow, mono).items;
    expect(placed?.main.width).toBe(LANE.minBar);
    expect(placed?.main.x).toBe(112.5 - LANE.minBar / 2);
    expect(placed?.label.text).toBe('✓ Meetup');
  });

  it('puts a label on the left when the plot ends on the right', () => {
    const [placed] = layoutLane([item('New Year livestream', '2027-01-02', '2027-01-02')], scale, mono).items;
    expect(placed?.label.anchor).toBe('end');
    expect(placed?.label.x).toBeLessThan(placed?.main.x ?? 0);
    expect(placed?.from).toBeLessThan(placed?.main.x ?? 0);
  });

  it('leaves out dropped items and items off the plot; an empty lane keeps one row', () => {
    const lane = layoutLane(
      [item('Gone', '2026-10-05', '2026-10-06', { stage: 'dropped' }), item('Later', '2027-02-01', '2027-02-02')],
      scale,
      mono,
    );
    expect(lane.items).toEqual([]);
    expect(lane.rows).toBe(1);
  });

  it('shortens text with an ellipsis to fit', () => {
    expect(fitText('Observability for humans', 60, mono)).toBe('Observabi…');
    expect(fitText('Short', 60, mono)).toBe('Short');
    expect(fitText('Anything', 10, mono)).toBe('');
  });
});

describe('the load strip', () => {
  const week: WeekStrip = {
    week: '2026-10-12',
    level: 'red',
    load_percent: 131.4,
    planned_hours: 52.5,
    available_hours: 40,
    red: 2,
    amber: 1,
    reason: 'red: Maya, Sam',
  };
  it('shows a person’s load, or the team’s red and amber counts', () => {
    expect(stripText(week, true)).toBe('131%');
    expect(stripText({ ...week, load_percent: null }, true)).toBe('—');
    expect(stripText(week, false)).toBe('2 red 1 amb');
    expect(stripText({ ...week, red: 0, amber: 0 }, false)).toBe('ok');
  });
});

describe('the budget sentence', () => {
  const b = (over: Partial<BudgetProgress>): BudgetProgress => ({
    budget_id: 'b',
    budget_minor: 1_200_000,
    entered: '12000.00 EUR',
    planned: 0,
    committed: 0,
    actual: 0,
    forecast: 1_254_000,
    within: false,
    sentence: 'from the backend',
    rule: '',
    ...over,
  });

  it('writes its amounts as the locale does, and says how a budget in another currency was converted', () => {
    expect(budgetSentence(b({}), 'EUR')).toBe('12,540.00 EUR forecast, 540.00 EUR over the budget of 12,000.00 EUR');
    expect(
      budgetSentence(b({ forecast: 100_000, within: true, entered: '13000.00 USD at 0.92 (2026-03-31)' }), 'EUR'),
    ).toBe('1,000.00 EUR forecast, within the budget of 12,000.00 EUR (set as 13000.00 USD at 0.92 (2026-03-31))');
    expect(budgetSentence(b({ budget_minor: null }), 'EUR')).toBe('from the backend');
  });
});

describe('bars', () => {
  it('stacks a goal’s done, confirmed and planned against its target', () => {
    const bar = goalBar({ planned: 4, confirmed: 3, done: 1, goal: { target: 8 } });
    expect(bar).toEqual({ done: 12.5, confirmed: 25, planned: 12.5, target: 100 });
  });

  it('scales a goal past its target to the plan, the tick inside the bar', () => {
    const bar = goalBar({ planned: 5, confirmed: 5, done: 5, goal: { target: 4 } });
    expect(bar).toEqual({ done: 100, confirmed: 0, planned: 0, target: 80 });
    expect(goalBar({ planned: 0, confirmed: 0, done: 0, goal: { target: 0 } }).target).toBe(0);
  });

  it('reads a goal’s state with its gap', () => {
    expect(goalStateText({ state: 'short', gap: 2 })).toBe('2 short');
    expect(goalStateText({ state: 'on_track', gap: 0 })).toBe('On track');
  });

  it('draws the travel budget as paid, committed and planned against the ceiling', () => {
    const b = {
      budget_id: 'b',
      budget_minor: 1_200_000,
      entered: '12,000.00 EUR',
      planned: 900_000,
      committed: 300_000,
      actual: 300_000,
      forecast: 900_000,
      within: true,
      rule: 'Costs count in the quarter the trip starts in.',
      sentence: '',
    };
    expect(budgetProgressBar(b)).toEqual({ actual: 25, committed: 25, planned: 25, marker: 100, over: false });
    expect(budgetProgressBar({ ...b, forecast: 2_400_000 }).over).toBe(true);
  });

  it('pairs actual and target shares on one scale, flagging those 10 points off', () => {
    const shares: FunctionShare[] = [
      { function: 'engagement', hours: 40, percent: 40, target: 25 },
      { function: 'education', hours: 30, percent: 30, target: 35 },
      { function: 'advocacy', hours: 5, percent: 5, target: 20 },
      { function: 'outreach', hours: 25, percent: 25, target: 20 },
    ];
    const { scale: top, bars } = balanceBars(shares);
    expect(top).toBe(40);
    expect(bars.map((b) => [b.label, b.actualWidth, b.targetWidth, b.off])).toEqual([
      ['Engagement', 100, 62.5, 'over'],
      ['Education', 75, 87.5, null],
      ['Advocacy', 12.5, 50, 'under'],
      ['Outreach', 62.5, 50, null],
    ]);
    expect(balanceBars(shares.map((s) => ({ ...s, percent: 0, target: null }))).scale).toBe(10);
  });
});

describe('figures', () => {
  it('reads money, shares and views', () => {
    expect(money(1_234_550, 'EUR')).toBe('12,345.50 EUR');
    expect(money(null, 'EUR')).toBe('—');
    expect(amountText(-1_234_550, 'EUR')).toBe('-12,345.50');
    expect(amountText(150_000, 'JPY')).toBe('150,000');
    expect(share(42.857)).toBe('43 %');
    expect(count(12345)).toBe('12,345');
    expect(perThousandViews(0.0125)).toBe('12.5 h');
    expect(perThousandViews(null)).toBe('—');
  });

  it('counts a kind by stage', () => {
    expect(countText({ kind: 'conference', label: 'conferences', planned: 3, confirmed: 2, done: 1 })).toBe(
      '3 conferences: 2 confirmed, 1 done',
    );
    expect(countText({ kind: 'talk', label: 'talks', planned: 2, confirmed: 0, done: 0 })).toBe('2 talks');
    expect(countText({ kind: 'sample_app', label: 'sample apps', planned: 1, confirmed: 1, done: 0 })).toBe(
      '1 sample app: 1 confirmed',
    );
  });
});

describe('drafts', () => {
  it('starts a new goal on the first kind without one', () => {
    expect(goalDraft(null).metric).toBe('talks');
    expect(goalDraft(null, ['talks', 'new_talks']).metric).toBe('workshops');
    expect(goalDraft(null, [...GOAL_METRICS]).metric).toBe('talks');
  });

  it('sends a goal’s target as typed, for the backend to judge', () => {
    const input = goalInput({ ...goalDraft(null), target: ' -2 ' }, '2026Q4', 'p1');
    expect(input).toEqual({ quarter: '2026Q4', person_id: 'p1', metric: 'talks', target: '-2', note: '' });
  });

  it('sums a mix as typed, blanks as 0, and gives up on a part that is not whole', () => {
    expect(mixSum(mixDraft(null))).toBe(100);
    expect(mixSum({ engagement: '30', education: '30', advocacy: '', outreach: '25' })).toBe(85);
    expect(mixSum({ engagement: '30.5', education: '30', advocacy: '15', outreach: '25' })).toBeNull();
    expect(mixInput({ engagement: '30', education: '30', advocacy: '', outreach: '40' }, '2026Q4', null).advocacy).toBe(
      '0',
    );
  });

  it('sends blank outcome figures as unknown', () => {
    const draft = { ...outcomeDraft(null, '2026-11-21'), attendance: '120', rating: ' 4.5 ' };
    const input = outcomeInput({ kind: 'event', id: 'e1' }, draft);
    expect(input).toMatchObject({
      attendance: '120',
      rating: '4.5',
      views: null,
      recorded_on: '2026-11-21',
      notes: '',
    });
    expect('id' in input).toBe(false);
  });

  it('sums an outcome up in one line', () => {
    const o = {
      attendance: 120,
      rating: 4.6,
      views: null,
      signups: null,
      leads: 14,
      feedback_items: null,
      notes: '',
    } as Outcome;
    expect(outcomeSummary(o)).toBe('120 attending · rated 4.6 · 14 leads');
  });
});
