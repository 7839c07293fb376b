import { describe, expect, it } from 'vitest';
import type { BudgetRow } from './ipc/types';
import { budgetBar, formatMoney, minorToDecimal } from './money';

describe('money in minor units', () => {
  it('prints exactly, in the currency’s own digits', () => {
    expect(minorToDecimal(123450, 'EUR')).toBe('1234.50');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(-7, 'USD')).toBe('-0.07');
    expect(minorToDecimal(15000, 'JPY')).toBe('15000');
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
    expect(formatMoney(123456789, 'EUR')).toBe('1,234,567.89 EUR');
    expect(formatMoney(-30885, 'EUR')).toBe('-308.85 EUR');
    expect(formatMoney(61240, 'EUR', 'de-DE')).toBe('612,40 EUR');
    expect(formatMoney(123456789, 'EUR', 'de-DE')).toBe('1.234.567,89 EUR');
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
    expect(budgetBar(row(1000, 200, 300, 800))).toEqual({
      actual: 20,
      committed: 30,
      planned: 30,
      marker: 100,
      over: false,
    });
  });

  it('rescales to the forecast when over budget and marks where the budget ends', () => {
    const bar = budgetBar(row(1000, 1000, 0, 2000));
    expect(bar).toEqual({ actual: 50, committed: 0, planned: 50, marker: 50, over: true });
  });

  it('draws nothing to scale without a budget', () => {
    expect(budgetBar(row(null, 0, 0, 0)).marker).toBeNull();
  });
});
