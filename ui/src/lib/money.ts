// Money in minor units as people read it, exactly (never through a float), and
// a budget's bar: travel's budgets and the quarter's budget goal draw the same.
// Pure, tested in money.test.ts.
import type { BudgetRow } from './ipc/types';
import { localDecimal, locale } from './locale';

/** Currencies offered first in pickers; any ISO 4217 code may be typed. */
export const COMMON_CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'SGD',
  'INR',
  'PLN',
  'BRL',
  'MXN',
  'SEK',
];

/** Digits after the decimal point of an ISO 4217 currency (2 unless the platform knows better). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as plain decimal text, exactly: 123450 EUR → "1234.50", 15000 JPY → "15000". */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(Math.trunc(minor)));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** "1,234.50 EUR" ("1.234,50 EUR" in German): grouped for reading in the locale, never through a float. */
export function formatMoney(minor: number, currency: string, tag: string = locale()): string {
  return `${localDecimal(minorToDecimal(minor, currency), true, tag)} ${currency}`;
}

/** The budget bar's parts as percentages of its scale (the budget, or the forecast when over). */
export type BarParts = { actual: number; committed: number; planned: number; marker: number | null; over: boolean };

/** Takes a budget report row, or anything with its ceiling and spend (the quarter's budget progress). */
export function budgetBar(
  row: Pick<BudgetRow, 'budget_minor'> & { spend: Pick<BudgetRow['spend'], 'actual' | 'committed' | 'forecast'> },
): BarParts {
  const { actual, committed, forecast } = row.spend;
  const budget = row.budget_minor;
  const scale = Math.max(budget ?? 0, forecast, 1);
  const pct = (v: number) => Math.max(0, Math.min(100, (v / scale) * 100));
  // Committed money not yet paid, then whatever else is only planned.
  const committedLeft = Math.max(0, Math.min(committed, forecast - actual));
  const plannedLeft = Math.max(0, forecast - actual - committedLeft);
  return {
    actual: pct(actual),
    committed: pct(committedLeft),
    planned: pct(plannedLeft),
    marker: budget === null ? null : pct(budget),
    over: budget !== null && forecast > budget,
  };
}
