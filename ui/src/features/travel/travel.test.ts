import { describe, expect, it } from 'vitest';
import type { BudgetRow, Trip } from '../../lib/ipc/types';
import { budgetBar, formatMoney, minorToDecimal, nextSegment, route, shiftText, tripDraft, tripInput } from './travel';

describe('money in minor units', () => {
  it('prints exactly, in the currency’s own digits', () => {
    expect(minorToDecimal(123450, 'EUR')).toBe('1234.50');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(-7, 'USD')).toBe('-0.07');
    expect(minorToDecimal(15000, 'JPY')).toBe('15000');
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
    expect(formatMoney(123456789, 'EUR')).toBe('1,234,567.89 EUR');
    expect(formatMoney(-30885, 'EUR')).toBe('-308.85 EUR');
  });
});

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
      { id: 's1', mode: 'flight', from: place('SFO', 'America/Los_Angeles', 37.6), to: place('AMS', 'Europe/Amsterdam', 52.3), depart_at: '2026-11-02T13:30:00', arrive_at: '2026-11-03T09:05:00', reference: 'KL 606' },
      { id: 's2', mode: 'car', from: place('AMS', 'Europe/Amsterdam', 52.3), to: place('Villa Erba', 'Europe/Rome', null), depart_at: '2026-11-04T08:00:00', arrive_at: '2026-11-04T20:00:00', reference: '' },
    ],
    costs: [{ id: 'c1', category: 'hotel', description: '', currency: 'JPY', planned_minor: 15000, actual_minor: null, date: '2026-11-03', payer: 'company' }],
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

describe('budget bars', () => {
  const row = (budget: number | null, actual: number, committed: number, forecast: number): BudgetRow => ({
    person_id: 'p',
    name: 'Maya',
    budget_id: null,
    budget_minor: budget,
    budget_entered: null,
    alerts: [50, 80, 100],
    spend: { planned: forecast, committed, actual, forecast, sponsor: 0, traveller: 0 },
    remaining_minor: null,
    used_percent: null,
    alert: null,
  });

  it('stacks paid, committed and planned against the budget', () => {
    expect(budgetBar(row(1000, 200, 300, 800))).toEqual({ actual: 20, committed: 30, planned: 30, marker: 100, over: false });
  });

  it('rescales to the forecast when over budget and marks where the budget ends', () => {
    const bar = budgetBar(row(1000, 1000, 0, 2000));
    expect(bar).toEqual({ actual: 50, committed: 0, planned: 50, marker: 50, over: true });
  });

  it('draws nothing to scale without a budget', () => {
    expect(budgetBar(row(null, 0, 0, 0)).marker).toBeNull();
  });
});
