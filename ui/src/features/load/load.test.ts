import { describe, expect, it } from 'vitest';
import type { Flag, HoursByKind, Level, PersonLoad, TeamLoad, ThresholdSpec, WeekLoad } from '../../lib/ipc/types';
import {
  CHART,
  cellLabel,
  defaultWeek,
  eventWantsWhatIf,
  headline,
  hours,
  monthRuns,
  newSentences,
  peopleWithRedAhead,
  scaleMax,
  sortPeople,
  stack,
  submissionWantsWhatIf,
  teamTotals,
  thresholdGroups,
  thresholdValues,
  weekChart,
  weekLabel,
  weekSpan,
  weeksAtRisk,
} from './load';

const NONE: HoursByKind = { events: 0, travel: 0, talk_prep: 0, workshop_prep: 0, content: 0, meetings: 0 };

function flag(rule: Flag['rule'], level: Level, sentence = `${rule} fired`): Flag {
  return { rule, number: 1, level, sentence, fix: 'do less' };
}

function week(
  day: string,
  level: Level = 'green',
  planned: Partial<HoursByKind> = {},
  available = 40,
  flags: Flag[] = [],
): WeekLoad {
  const kinds = { ...NONE, ...planned };
  const total = Object.values(kinds).reduce((a, b) => a + b, 0);
  return {
    week: day,
    available_hours: available,
    planned: kinds,
    planned_hours: total,
    after_hours: 0,
    focus_hours: 10,
    load_percent: available ? (total / available) * 100 : null,
    nights_away: 0,
    level,
    flags,
  };
}

function person(name: string, risk: number, weeks: WeekLoad[] = []): PersonLoad {
  return {
    person_id: name,
    name,
    weeks,
    nights_away_30d: 0,
    trip_weeks_this_year: 0,
    days_off_owed: 0,
    risk,
    skipped: [],
  };
}

describe('weeks', () => {
  it('labels a week by its Monday, or spelled out Monday to Sunday', () => {
    expect(weekLabel('2026-11-16')).toBe('Nov 16');
    expect(weekSpan('2026-11-16')).toBe('Nov 16–22, 2026');
    expect(weekSpan('2026-11-30')).toBe('Nov 30 – Dec 6, 2026');
    expect(weekSpan('2026-12-28')).toBe('Dec 28, 2026 – Jan 3, 2027');
  });

  it('heads the heat map with one run per month, the year only where it fits', () => {
    const weeks = ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04'];
    expect(monthRuns(weeks)).toEqual([
      { label: 'Nov', span: 2 },
      { label: 'Dec', span: 4 },
      { label: 'Jan', span: 1 },
    ]);
    expect(monthRuns(['2026-12-07', '2026-12-14', '2026-12-21', '2027-01-04', '2027-01-11', '2027-01-18'])).toEqual([
      { label: 'Dec 2026', span: 3 },
      { label: 'Jan 2027', span: 3 },
    ]);
  });

  it('prints hours with at most one decimal', () => {
    expect(hours(68.5)).toBe('68.5 h');
    expect(hours(8)).toBe('8 h');
    expect(hours(36.84)).toBe('36.8 h');
  });
});

describe('which week opens first', () => {
  const weeks = [
    week('2026-11-02', 'red'),
    week('2026-11-09', 'amber'),
    week('2026-11-16'),
    week('2026-11-23', 'amber'),
    week('2026-11-30', 'red'),
  ];

  it('is the first red week from this week on, never a past one', () => {
    expect(defaultWeek(weeks, '2026-11-16')).toBe('2026-11-30');
  });

  it('else the first amber week ahead, else this week', () => {
    expect(defaultWeek(weeks.slice(0, 4), '2026-11-16')).toBe('2026-11-23');
    expect(defaultWeek(weeks.slice(0, 3), '2026-11-16')).toBe('2026-11-16');
    expect(defaultWeek([], '2026-11-16')).toBeNull();
  });

  it('splits the weeks at risk into what is coming and what has been', () => {
    const { ahead, earlier } = weeksAtRisk(weeks, '2026-11-16');
    expect(ahead.map((w) => w.week)).toEqual(['2026-11-23', '2026-11-30']);
    expect(earlier.map((w) => w.week)).toEqual(['2026-11-02', '2026-11-09']);
  });

  it('shows three reasons first and keeps the rest under “more”', () => {
    const flags = [
      flag('long_week', 'red'),
      flag('jet_lag', 'red'),
      flag('after_hours', 'amber'),
      flag('focus_time', 'amber'),
    ];
    const { top, more } = headline(flags);
    expect(top.map((f) => f.rule)).toEqual(['long_week', 'jet_lag', 'after_hours']);
    expect(more.map((f) => f.rule)).toEqual(['focus_time']);
  });
});

describe('the week chart', () => {
  it('scales to the biggest week, planned or available, rounded up to a tick', () => {
    expect(scaleMax([week('2026-11-16', 'red', { events: 68.5 }, 36.8)])).toEqual({ max: 70, step: 10 });
    expect(scaleMax([week('2026-11-16', 'green', {}, 40)])).toEqual({ max: 40, step: 10 });
    expect(scaleMax([week('2026-11-16', 'green', {}, 0)])).toEqual({ max: 10, step: 10 });
    expect(scaleMax([week('2026-11-16', 'red', { travel: 95 })])).toEqual({ max: 100, step: 20 });
  });

  it('stacks the kinds bottom up, leaving out empty ones, to the exact total', () => {
    const px = (h: number) => h * 2;
    const segments = stack({ ...NONE, events: 10, talk_prep: 5, meetings: 1 }, px, 100);
    expect(segments).toEqual([
      { kind: 'events', y: 80, height: 20 },
      { kind: 'talk_prep', y: 70, height: 10 },
      { kind: 'meetings', y: 68, height: 2 },
    ]);
  });

  it('lays the weeks out in columns with their marker, level and labels', () => {
    const chart = weekChart(
      [
        week('2026-11-23', 'green', { events: 20 }, 40),
        week('2026-11-30', 'red', { travel: 40 }, 20),
        week('2026-12-07'),
      ],
      '2026-11-30',
    );
    expect(chart.max).toBe(40);
    expect(chart.ticks.map((t) => t.label)).toEqual(['0 h', '10 h', '20 h', '30 h', '40 h']);
    expect(chart.ticks[0]?.y).toBe(chart.plotBottom);
    expect(chart.ticks.at(-1)?.y).toBe(chart.plotTop);
    const [first, second, third] = chart.columns;
    expect(first?.x).toBe(CHART.left);
    expect(second?.x).toBe(CHART.left + CHART.column);
    expect(chart.width).toBe(CHART.left + 3 * CHART.column + CHART.right);
    // 20 of 40 h: half the plot; the marker at full height for 40 h available.
    expect(first?.segments[0]?.height).toBe(CHART.plot / 2);
    expect(first?.availableY).toBe(chart.plotTop);
    expect(second?.availableY).toBe(chart.plotBottom - CHART.plot / 2);
    expect([first?.current, second?.current, third?.current]).toEqual([false, true, false]);
    expect(second?.level).toBe('red');
    expect([first?.label, second?.label, third?.label]).toEqual(['Nov 23', '30', 'Dec 7']);
  });
});

describe('the team', () => {
  const people = [person('Diego', 38), person('Aiko', 27), person('Maya', 21)];

  it('keeps the most at risk first, or sorts by name', () => {
    expect(sortPeople(people, 'risk').map((p) => p.name)).toEqual(['Diego', 'Aiko', 'Maya']);
    expect(sortPeople(people, 'name').map((p) => p.name)).toEqual(['Aiko', 'Diego', 'Maya']);
    expect(people[0]?.name).toBe('Diego'); // a copy is sorted, not the plan
  });

  const team = (overrides: Partial<TeamLoad>): TeamLoad => ({
    from: '2026-08-24',
    weeks: 29,
    as_of: '2026-11-21',
    people: [],
    strip: [],
    min_group: 5,
    nights_away_30d: 22,
    trip_weeks_this_year: 11,
    days_off_owed: 4,
    ...overrides,
  });

  it('shows the team totals, or says why a small group’s are hidden', () => {
    expect(teamTotals(team({})).figures.map((f) => f.value)).toEqual(['22', '11', '4']);
    expect(teamTotals(team({})).hidden).toBeNull();
    const small = teamTotals(team({ nights_away_30d: null, trip_weeks_this_year: null, days_off_owed: null }));
    expect(small).toEqual({ hidden: 'Hidden for groups smaller than 5 people', figures: [] });
  });

  it('counts the people with a red week from this week on', () => {
    const load = team({
      people: [
        person('Past red only', 3, [week('2026-11-09', 'red'), week('2026-11-16', 'amber')]),
        person('Red this week', 3, [week('2026-11-16', 'red')]),
        person('Red ahead', 3, [week('2026-11-16'), week('2026-11-23', 'red')]),
      ],
    });
    expect(peopleWithRedAhead(load, '2026-11-16')).toBe(2);
    expect(peopleWithRedAhead(null, '2026-11-16')).toBe(0);
  });

  it('reads a cell aloud with its first reason', () => {
    const w = week('2026-11-16', 'red', {}, 40, [flag('long_week', 'red', '68.5 h planned this week')]);
    expect(cellLabel('Diego', w)).toBe('Diego, week of Nov 16: red. 68.5 h planned this week');
    expect(cellLabel('Diego', week('2026-11-23'))).toBe('Diego, week of Nov 23: green');
  });
});

describe('what-if', () => {
  it('marks the reasons a change adds', () => {
    const before = week('2026-11-16', 'amber', {}, 40, [flag('after_hours', 'amber', 'six hours after hours')]);
    const after = week('2026-11-16', 'red', {}, 40, [
      flag('long_week', 'red', '58 h planned'),
      flag('after_hours', 'amber', 'six hours after hours'),
    ]);
    expect([...newSentences(before, after)]).toEqual(['58 h planned']);
  });

  it('is asked for a submission about to be accepted or confirmed', () => {
    expect(submissionWantsWhatIf('accepted', 'draft')).toBe(true);
    expect(submissionWantsWhatIf('confirmed', null)).toBe(true);
    expect(submissionWantsWhatIf('accepted', 'accepted')).toBe(false);
    expect(submissionWantsWhatIf('submitted', 'draft')).toBe(false);
  });

  it('is asked for an event that starts to count', () => {
    expect(eventWantsWhatIf('accepted', 'cfp_open')).toBe(true);
    expect(eventWantsWhatIf('confirmed', null)).toBe(true);
    expect(eventWantsWhatIf('confirmed', 'accepted')).toBe(false);
    expect(eventWantsWhatIf('considering', 'accepted')).toBe(false);
  });
});

describe('thresholds', () => {
  const spec = (key: string, group: ThresholdSpec['group']): ThresholdSpec => ({
    key,
    group,
    label: key,
    unit: 'h',
    default: 1,
    min: 0,
    max: 10,
    source: 'judgement',
  });

  it('groups the specs in the order given, with the rule named', () => {
    const groups = thresholdGroups([spec('a', 'hours'), spec('b', 'hours'), spec('c', 'long_week')]);
    expect(groups.map((g) => [g.label, g.specs.map((s) => s.key)])).toEqual([
      ['Hours the model counts', ['a', 'b']],
      ['Rule 2 · Long week', ['c']],
    ]);
  });

  it('sends the filled-in values as numbers and names what is no number', () => {
    expect(
      thresholdValues({ long_week_red_hours: '52', nights_away_red: ' ', jet_lag_west_days_per_zone: '0,5' }),
    ).toEqual({
      values: { long_week_red_hours: 52, jet_lag_west_days_per_zone: 0.5 },
      problems: {},
    });
    expect(thresholdValues({ focus_red_hours: 'five' }).problems).toHaveProperty(['thresholds.focus_red_hours']);
  });
});
