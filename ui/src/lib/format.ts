// Display helpers: places, deadlines, names, labels, sizes. Pure functions, tested in format.test.ts.
// Days and quarters are in dates.ts.
import { formatNumber } from './locale';
import { now as clockNow } from './clock';
import { dateRange } from './dates';
import type { Event, EventStatus, Weekday } from './ipc/types';

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
  const when = `${dateRange(date, date)} ${time.slice(0, 5)}`;
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

/** "rust, , Web APIs " → ["rust", "Web APIs"]; the backend lower-cases and de-duplicates. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
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
  const digits = value < 10 ? 1 : 0;
  return `${formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${units[unit]}`;
}
