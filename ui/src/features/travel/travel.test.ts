import { describe, expect, it } from 'vitest';
import type { BudgetRow, Trip } from '../../lib/ipc/types';
import { budgetAlertText, nextSegment, route, shiftText, tripDraft, tripInput, tripsFromToday } from './travel';

describe('trips', () => {
  const place = (label: string, timezone: string, lat: number | null) => ({
    label,
    name: label,
    city: label,
    country: 'XX',
    timezone,
    lat,
    lon: lat,
  });
  const trip: Trip = {
    id: 't1',
    person_id: 'p1',
    title: 'Trip to Amsterdam',
    status: 'planned',
    event_ids: [],
    segments: [
      {
        id: 's1',
        mode: 'flight',
        from: place('SFO', 'America/Los_Angeles', 37.6),
        to: place('AMS', 'Europe/Amsterdam', 52.3),
        depart_at: '2026-11-02T13:30:00',
        arrive_at: '2026-11-03T09:05:00',
        reference: 'KL 606',
      },
      {
        id: 's2',
        mode: 'car',
        from: place('AMS', 'Europe/Amsterdam', 52.3),
        to: place('Villa Erba', 'Europe/Rome', null),
        depart_at: '2026-11-04T08:00:00',
        arrive_at: '2026-11-04T20:00:00',
        reference: '',
      },
    ],
    costs: [
      {
        id: 'c1',
        category: 'hotel',
        description: '',
        currency: 'JPY',
        planned_minor: 15000,
        actual_minor: null,
        date: '2026-11-03',
        payer: 'company',
      },
    ],
    notes: '',
    created_at: '',
    updated_at: '',
  };

  it('edits as it was saved: codes by label, a custom place with its zone, amounts as decimals', () => {
    const input = tripInput(tripDraft(trip));
    expect(input.segments[0]?.from).toEqual({ text: 'SFO' });
    expect(input.segments[1]?.to).toEqual({ text: 'Villa Erba', timezone: 'Europe/Rome' });
    expect(input.segments[0]?.depart_at).toBe('2026-11-02T13:30:00');
    expect(input.costs[0]?.planned).toBe('15000');
    expect(input.costs[0]?.actual).toBe('');
    expect(route(trip.segments)).toBe('SFO → AMS → Villa Erba');
  });

  it('a new trip is my trip unless a preset names the traveller; a saved one keeps its own', () => {
    expect(tripDraft(null, {}, 'me').person_id).toBe('me');
    expect(tripDraft(null, { person_id: 'p2' }, 'me').person_id).toBe('p2');
    expect(tripDraft(trip, {}, 'me').person_id).toBe(trip.person_id);
    expect(tripDraft(null).person_id).toBe('');
  });

  it('a new leg starts where the last one arrived, a day later', () => {
    const back = nextSegment(tripDraft(trip).segments[0], '2026-01-01');
    expect([back.from, back.to, back.depart_at]).toEqual(['AMS', 'SFO', '2026-11-03T13:30']);
    expect(nextSegment(undefined, '2026-05-04').depart_at).toBe('2026-05-04T09:00');
  });

  it('reads a shift as hours and a direction', () => {
    expect(shiftText(540, 'east')).toBe('9 h east');
    expect(shiftText(-330, 'west')).toBe('5.5 h west');
    expect(shiftText(0, 'none')).toBe('no shift');
  });
});

describe('the trip list', () => {
  const leg = (depart_at: string, arrive_at: string) => ({ depart_at, arrive_at });
  const trip = (id: string, ...segments: Array<{ depart_at: string; arrive_at: string }>) => ({ id, segments });

  it('opens at today: trips not over yet soonest first, then the past latest first', () => {
    const trips = [
      trip('june', leg('2026-06-01T09:00', '2026-06-01T12:00'), leg('2026-06-04T09:00', '2026-06-04T12:00')),
      trip('december', leg('2026-12-01T09:00', '2026-12-01T12:00')),
      trip('undated'),
      trip('now', leg('2026-11-15T09:00', '2026-11-15T12:00'), leg('2026-11-18T20:00', '2026-11-18T23:00')),
      trip('october', leg('2026-10-01T09:00', '2026-10-01T12:00')),
    ];
    const { ahead, past } = tripsFromToday(trips, '2026-11-18');
    expect(ahead.map((t) => t.id)).toEqual(['now', 'december', 'undated']);
    expect(past.map((t) => t.id)).toEqual(['october', 'june']);
  });

  it('a trip whose last leg arrived yesterday is past', () => {
    const yesterday = trip('y', leg('2026-11-17T09:00', '2026-11-17T12:00'));
    expect(tripsFromToday([yesterday], '2026-11-18').past).toEqual([yesterday]);
    expect(tripsFromToday([yesterday], '2026-11-17').ahead).toEqual([yesterday]);
  });
});

describe('budget alerts', () => {
  it("write the backend's words with the locale's figures and the quarter as people write it", () => {
    const row = {
      person_id: 'p',
      name: 'Maya Okafor',
      budget_id: 'b',
      budget_minor: 230_000,
      budget_entered: '2300.00 EUR',
      alerts: [50, 80, 100],
      spend: { forecast: 316_390 },
      remaining_minor: -86_390,
      used_percent: 137.56,
      alert: { threshold: 100, message: 'from the backend' },
    } as unknown as BudgetRow;
    expect(budgetAlertText(row, '2026Q4', 'EUR')).toBe(
      "Maya Okafor's 2026 Q4 travel is at 137.6 % of budget: 3,163.90 EUR of 2,300.00 EUR spent, committed or planned (alert at 100 %)",
    );
    expect(budgetAlertText({ ...row, budget_minor: null }, '2026Q4', 'EUR')).toBe('from the backend');
  });
});
