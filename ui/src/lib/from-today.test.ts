import { describe, expect, it } from 'vitest';
import { fromToday } from './from-today';

describe('lists from today', () => {
  const item = (id: string, start?: string, end?: string) => ({ id, start, end });
  const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);

  it('puts what is ahead first, soonest at the top, then the past, latest first', () => {
    const items = [
      item('june', '2026-06-01', '2026-06-04'),
      item('december', '2026-12-01', '2026-12-02'),
      item('undated'),
      item('today', '2026-11-15T09:00', '2026-11-18T23:00'),
      item('october', '2026-10-01', '2026-10-01'),
    ];
    const { ahead, past } = fromToday(items, (x) => x, '2026-11-18');
    expect(ids(ahead)).toEqual(['today', 'december', 'undated']);
    expect(ids(past)).toEqual(['october', 'june']);
  });

  it('is over only after its last day', () => {
    const yesterday = item('y', '2026-11-17', '2026-11-17T12:00');
    expect(fromToday([yesterday], (x) => x, '2026-11-18').past).toEqual([yesterday]);
    expect(fromToday([yesterday], (x) => x, '2026-11-17').ahead).toEqual([yesterday]);
  });

  it('keeps the given order between items of the same day', () => {
    const items = [item('b', '2026-12-01', '2026-12-01'), item('a', '2026-12-01', '2026-12-01')];
    expect(ids(fromToday(items, (x) => x, '2026-11-18').ahead)).toEqual(['b', 'a']);
  });
});
