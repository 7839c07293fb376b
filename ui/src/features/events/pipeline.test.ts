import { describe, expect, it } from 'vitest';
import type { Event } from '../../lib/ipc/types';
import { NO_FILTER, countriesOf, matches, quartersOf, sorted } from './pipeline';

function event(over: Partial<Event>): Event {
  return {
    id: over.name ?? 'e',
    name: 'Summit',
    kind: 'conference',
    start_date: '2026-03-10',
    end_date: '2026-03-11',
    online: false,
    city: 'Amsterdam',
    country: 'Netherlands',
    timezone: 'Europe/Amsterdam',
    url: '',
    status: 'considering',
    cfp_url: '',
    cfp_deadline: null,
    cfp_timezone: null,
    notes: '',
    ratings: { audience_fit: null, reach: null, cost: null, travel_burden: null, strategic_value: null },
    created_at: '',
    updated_at: '',
    ...over,
  };
}

describe('quarters', () => {
  it('lists each quarter once, in order', () => {
    const events = [
      event({ start_date: '2027-01-05' }),
      event({ start_date: '2026-11-02' }),
      event({ start_date: '2026-12-01' }),
    ];
    expect(quartersOf(events)).toEqual(['2026Q4', '2027Q1']);
  });
});

describe('matches', () => {
  const none = () => [];
  it('filters by kind, country (or online), quarter and person', () => {
    const berlin = event({ name: 'B', country: 'Germany', kind: 'meetup' });
    const online = event({ name: 'O', online: true, country: '' });
    expect(matches(berlin, { ...NO_FILTER, kind: 'meetup' }, '2026-01-01', none)).toBe(true);
    expect(matches(berlin, { ...NO_FILTER, kind: 'conference' }, '2026-01-01', none)).toBe(false);
    expect(matches(berlin, { ...NO_FILTER, country: 'Germany' }, '2026-01-01', none)).toBe(true);
    expect(matches(online, { ...NO_FILTER, country: 'Germany' }, '2026-01-01', none)).toBe(false);
    expect(matches(online, { ...NO_FILTER, country: 'online' }, '2026-01-01', none)).toBe(true);
    expect(matches(berlin, { ...NO_FILTER, country: 'online' }, '2026-01-01', none)).toBe(false);
    expect(matches(berlin, { ...NO_FILTER, quarter: '2026Q1' }, '2026-01-01', none)).toBe(true);
    expect(matches(berlin, { ...NO_FILTER, quarter: '2026Q2' }, '2026-01-01', none)).toBe(false);
    expect(matches(berlin, { ...NO_FILTER, personId: 'p1' }, '2026-01-01', () => [{ person_id: 'p1' }])).toBe(true);
    expect(matches(berlin, { ...NO_FILTER, personId: 'p2' }, '2026-01-01', () => [{ person_id: 'p1' }])).toBe(false);
    expect(matches(berlin, { ...NO_FILTER, showPast: false }, '2026-04-01', none)).toBe(false);
  });

  it('lists countries without online events', () => {
    expect(
      countriesOf([event({ country: 'Japan' }), event({ online: true, country: '' }), event({ country: 'Brazil' })]),
    ).toEqual(['Brazil', 'Japan']);
  });
});

describe('sorted', () => {
  const a = event({ name: 'A', start_date: '2026-05-01', cfp_deadline: '2026-02-01T23:59:00' });
  const b = event({ name: 'B', start_date: '2026-04-01', cfp_deadline: null });
  const c = event({ name: 'C', start_date: '2026-06-01', cfp_deadline: '2026-01-15T12:00:00' });

  it('by date, by CFP deadline with no-CFP events last, by score with unrated last', () => {
    expect(sorted([a, b, c], 'date', new Map()).map((e) => e.name)).toEqual(['B', 'A', 'C']);
    expect(sorted([a, b, c], 'cfp', new Map()).map((e) => e.name)).toEqual(['C', 'A', 'B']);
    expect(
      sorted(
        [a, b, c],
        'score',
        new Map([
          ['A', 40],
          ['C', 90],
        ]),
      ).map((e) => e.name),
    ).toEqual(['C', 'A', 'B']);
  });
});
