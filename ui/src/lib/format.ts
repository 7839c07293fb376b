// Display helpers: dates, places, deadlines. Pure functions, tested in format.test.ts.
import { now as clockNow } from './clock';
import type { Event, EventStatus, Weekday } from './ipc/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `YYYY-MM-DD` → its parts, without time-zone surprises from `new Date(string)`. */
function parts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

/** "Mar 10–12, 2026", "Mar 30 – Apr 2, 2026", "Dec 30, 2026 – Jan 2, 2027", "Mar 10, 2026". */
export function dateRange(start: string, end: string): string {
  const a = parts(start);
  const b = parts(end);
  const month = (p: { m: number }) => MONTHS[p.m - 1];
  if (start === end) return `${month(a)} ${a.d}, ${a.y}`;
  if (a.y !== b.y) return `${month(a)} ${a.d}, ${a.y} – ${month(b)} ${b.d}, ${b.y}`;
  if (a.m !== b.m) return `${month(a)} ${a.d} – ${month(b)} ${b.d}, ${a.y}`;
  return `${month(a)} ${a.d}–${b.d}, ${a.y}`;
}

/** Whole days from `today` to `date` (both `YYYY-MM-DD`), negative when past. */
export function daysUntil(date: string, today: string): number {
  const utc = (s: string) => {
    const p = parts(s);
    return Date.UTC(p.y, p.m - 1, p.d);
  };
  return Math.round((utc(date) - utc(today)) / 86_400_000);
}

/** Today's date in the user's local zone, as `YYYY-MM-DD`. */
export function localToday(now: Date = clockNow()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "in 3 days", "tomorrow", "today", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The wall-clock time now in `timeZone`, "14:05". */
export function clockIn(timeZone: string, now: Date = clockNow()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
}

/** UTC offset of `timeZone` at `now`, "UTC+5:30", "UTC−8", "UTC". */
export function utcOffset(timeZone: string, now: Date = clockNow()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (!name || name === 'GMT') return 'UTC';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return name.replace('GMT', 'UTC');
  const [, sign, hh, mm] = match;
  if (hh === '00' && mm === '00') return 'UTC';
  const hours = String(Number(hh));
  return `UTC${sign === '-' ? '−' : '+'}${hours}${mm === '00' ? '' : `:${mm}`}`;
}

/** Where an event happens, in one short line. */
export function place(event: Pick<Event, 'online' | 'city' | 'country'>): string {
  if (event.online) return 'Online';
  return [event.city, event.country].filter(Boolean).join(', ') || '—';
}

/** The CFP deadline as a person should read it: zone spelled out, AoE when none was given. */
export function cfpDeadline(event: Pick<Event, 'cfp_deadline' | 'cfp_timezone'>): string | null {
  if (!event.cfp_deadline) return null;
  const [date = '', time = ''] = event.cfp_deadline.split('T');
  const p = parts(date);
  const when = `${MONTHS[p.m - 1]} ${p.d}, ${p.y} ${time.slice(0, 5)}`;
  return `${when} ${event.cfp_timezone ?? 'AoE (UTC−12)'}`;
}

export const STATUS_LABELS: Record<EventStatus, string> = {
  considering: 'Considering',
  cfp_open: 'CFP open',
  submitted: 'Submitted',
  accepted: 'Accepted',
  waitlisted: 'Waitlisted',
  rejected: 'Rejected',
  confirmed: 'Confirmed',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** "Sam Whitfield" → "SW"; one name → its first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return (words[0] ?? '').slice(0, 2).toUpperCase();
  return ((words[0]?.[0] ?? '') + (words[words.length - 1]?.[0] ?? '')).toUpperCase();
}

/** A stable colour slot (0–7) for a person, from their id. */
export function colourSlot(id: string): number {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 8;
}

/** "Word-like" words for enum values: `sponsor_host` → "Sponsor host". */
export function humanize(word: string): string {
  const spaced = word.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A countdown to a deadline: "2 d 5 h", "5 h", "closing now". */
export function countdown(hoursLeft: number): string {
  if (hoursLeft < 1) return 'closing now';
  const days = Math.floor(hoursLeft / 24);
  const hours = hoursLeft % 24;
  return days === 0 ? `${hours} h` : `${days} d ${hours} h`;
}

/** A file size as people read it: 912 B, 48 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
