import { describe, expect, it } from 'vitest';
import { COUNTS_AS } from '../../lib/ipc/types';
import { ago, COUNTS_AS_LABELS } from './calendar-sync.svelte';

describe('ago', () => {
  const now = new Date('2026-11-18T12:00:00Z');
  const before = (ms: number) => new Date(now.getTime() - ms);

  it('says recent syncs in minutes and hours', () => {
    expect(ago(before(20_000), now)).toBe('just now');
    expect(ago(before(60_000), now)).toBe('1 minute ago');
    expect(ago(before(2 * 60_000 + 5_000), now)).toBe('2 minutes ago');
    expect(ago(before(3 * 3_600_000), now)).toBe('3 hours ago');
  });

  it('gives older ones a day and time', () => {
    expect(ago(before(3 * 86_400_000), now)).not.toMatch(/ago/);
  });
});

describe('counts-as labels', () => {
  it('names every value Rust declares', () => {
    for (const value of COUNTS_AS) expect(COUNTS_AS_LABELS[value]).toBeTruthy();
  });
});
