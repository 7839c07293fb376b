// Lists that open at today: what is still ahead first, soonest at the top, and below it what is over,
// latest first. A person opening Events, Trips or Content looks for what comes next, not for last year;
// the past stays one scroll away rather than behind a filter. Tested in from-today.test.ts.

/** An item's dates, `YYYY-MM-DD` or later ISO text: when it starts, and the day it is over (none: undated). */
export type Span = { start: string | undefined; end: string | undefined };

export function fromToday<T>(items: readonly T[], span: (item: T) => Span, today: string): { ahead: T[]; past: T[] } {
  const ahead: Array<{ item: T; start: string }> = [];
  const past: Array<{ item: T; start: string }> = [];
  for (const item of items) {
    const { start, end } = span(item);
    const over = end !== undefined && end.slice(0, 10) < today;
    // An undated item is not over: it waits at the end of those ahead.
    (over ? past : ahead).push({ item, start: start ?? '9999' });
  }
  // Sorts are stable: items on the same day keep the order they came in.
  ahead.sort((a, b) => a.start.localeCompare(b.start));
  past.sort((a, b) => b.start.localeCompare(a.start));
  return { ahead: ahead.map((x) => x.item), past: past.map((x) => x.item) };
}
