// Days, weeks and quarters as the backend writes them: a day is `YYYY-MM-DD`, a
// week is named by its Monday, a quarter is `2026Q4`. Arithmetic runs in UTC so
// that no time zone or daylight-saving change moves a day. Pure apart from
// `localToday`, which reads the app's clock; tested in dates.test.ts.
import { now as clockNow } from './clock';
import { locale } from './locale';

export const MONTHS: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

// ---- Days -------------------------------------------------------------------

/** `YYYY-MM-DD` → its parts, without time-zone surprises from `new Date(string)`. */
export function dayParts(day: string): { y: number; m: number; d: number } {
  const [y, m, d] = day.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

function utcDate(day: string): Date {
  const p = dayParts(day);
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus (or minus) whole days. */
export function addDays(day: string, days: number): string {
  const date = utcDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

/** A floating `YYYY-MM-DDTHH:MM` plus minutes, computed in UTC so no zone shifts it. */
export function addMinutes(local: string, minutes: number): string {
  const at = new Date(`${local.slice(0, 16)}:00Z`);
  return new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

/** Whole days from `today` to `day` (both `YYYY-MM-DD`), negative when past. */
export function daysUntil(day: string, today: string): number {
  return Math.round((utcDate(day).getTime() - utcDate(today).getTime()) / 86_400_000);
}

/** Today's date in the user's local zone, as `YYYY-MM-DD`. */
export function localToday(now: Date = clockNow()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The Monday of `day`'s week, as the backend names its weeks. */
export function mondayOf(day: string): string {
  return addDays(day, -((utcDate(day).getUTCDay() + 6) % 7));
}

// ---- Days as people read them ----------------------------------------------------

// One style for a day and one for a range of days, in the locale (locale.ts):
// English keeps its own compact forms ("Nov 16", "Mar 10–12, 2026"), other
// languages take the platform's ("16. Nov.", "10.–12. März 2026").

const english = (tag: string) => /^en\b/i.test(tag);
const DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
const DAYS: Intl.DateTimeFormatOptions = { ...DAY, year: 'numeric' };

/** A day without its year: "Nov 16" ("16. Nov." in German). */
export function monthDay(day: string, tag: string = locale()): string {
  if (!english(tag)) return new Intl.DateTimeFormat(tag, DAY).format(utcDate(day));
  const p = dayParts(day);
  return `${MONTHS[p.m - 1] ?? ''} ${p.d}`;
}

/** The month of a day, short: "Oct" ("Okt." in German). */
export function monthShort(day: string, tag: string = locale()): string {
  if (!english(tag)) return new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' }).format(utcDate(day));
  return MONTHS[dayParts(day).m - 1] ?? '';
}

/** "Mar 10–12, 2026", "Mar 30 – Apr 2, 2026", "Dec 30, 2026 – Jan 2, 2027", "Mar 10, 2026" (German: "10.–12. März 2026"). */
export function dateRange(start: string, end: string, tag: string = locale()): string {
  if (!english(tag)) {
    const format = new Intl.DateTimeFormat(tag, DAYS);
    return start === end ? format.format(utcDate(start)) : format.formatRange(utcDate(start), utcDate(end));
  }
  const a = dayParts(start);
  const b = dayParts(end);
  const month = (p: { m: number }) => MONTHS[p.m - 1];
  if (start === end) return `${month(a)} ${a.d}, ${a.y}`;
  if (a.y !== b.y) return `${month(a)} ${a.d}, ${a.y} – ${month(b)} ${b.d}, ${b.y}`;
  if (a.m !== b.m) return `${month(a)} ${a.d} – ${month(b)} ${b.d}, ${a.y}`;
  return `${month(a)} ${a.d}–${b.d}, ${a.y}`;
}

/** A moment with its time, in the locale: "Nov 18, 2026, 2:05 PM" ("18.11.2026, 14:05" in German). */
export function dayAndTime(at: Date, tag: string = locale()): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** "in 3 days", "tomorrow", "today", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

// ---- Quarters -------------------------------------------------------------------

const QUARTER = /^(\d{4})Q([1-4])$/;

/** The quarter of a `YYYY-MM-DD` day: `2026Q4`. */
export function quarterOf(day: string): string {
  const p = dayParts(day);
  return `${p.y}Q${Math.floor((p.m - 1) / 3) + 1}`;
}

/** The quarter `steps` after (or before) `quarter`; text that is no quarter comes back as it is. */
export function shiftQuarter(quarter: string, steps: number): string {
  const match = QUARTER.exec(quarter);
  if (!match) return quarter;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + steps;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** A quarter's first and last days, `2026Q4` → 2026-10-01 and 2026-12-31; null when it does not parse. */
export function quarterDays(quarter: string): { first: string; last: string } | null {
  const match = QUARTER.exec(quarter);
  if (!match) return null;
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3;
  return { first: dayOf(new Date(Date.UTC(year, first, 1))), last: dayOf(new Date(Date.UTC(year, first + 3, 0))) };
}

/** "2026Q4" → "2026 Q4": the one way a quarter is written for people; text that is no quarter comes back as it is. */
export function quarterLabel(quarter: string): string {
  const match = QUARTER.exec(quarter);
  return match ? `${match[1]} Q${match[2]}` : quarter;
}
