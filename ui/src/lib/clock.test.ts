import { afterEach, describe, expect, it } from 'vitest';
import { now, setClock } from './clock';
import { localToday } from './dates';

describe('clock', () => {
  afterEach(() => setClock(new Date().toISOString()));

  it('follows the app when it names another day, and keeps running', () => {
    const readAt = Date.now();
    setClock('2031-02-03T12:00:00Z', readAt);
    const shown = now().getTime();
    expect(shown - Date.parse('2031-02-03T12:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(shown - Date.parse('2031-02-03T12:00:00Z')).toBeLessThan(5_000);
  });

  it('gives today on that clock', () => {
    setClock('2031-02-03T12:00:00Z');
    // Noon UTC is the same day in every zone from UTC−11 to UTC+11.
    expect(localToday()).toBe('2031-02-03');
  });

  it('stays the system clock for an answer that is not a time', () => {
    setClock('not a time');
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
