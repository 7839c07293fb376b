// Calendars in and out, as the window handles them: the export dialog's request,
// file names, whose imported calendars are whose, what a drop holds, and how an
// import's result reads. Pure, tested in calendars.test.ts; the files themselves
// are read and written by the backend.
import { dateRange, localToday } from '../../lib/dates';
import { CALENDAR_KINDS } from '../../lib/ipc/types';
import type {
  CalendarExport,
  CalendarImport,
  CalendarKind,
  CalendarProgress,
  ChosenFile,
  ImportedCalendar,
} from '../../lib/ipc/types';

export const KIND_LABELS: Record<CalendarKind, string> = {
  events: 'Events',
  trips: 'Trips',
  cfp: 'CFP deadlines',
  talks: 'Talks',
  content: 'Content',
  imported: 'Imported busy time',
};

export const DEFAULT_CFP_ALARMS = '7d,1d';

/** What the export dialog holds: dates as the date inputs give them ('' for none). */
export type ExportChoice = {
  /** The whole team, or only `people`. */
  everyone: boolean;
  people: string[];
  kinds: CalendarKind[];
  from: string;
  to: string;
  cfpAlarms: string;
};

/** Starts on `mine` (the window's user) alone when there is one, else the whole team. */
export function exportChoice(mine: string | null = null): ExportChoice {
  return {
    everyone: mine === null,
    people: mine ? [mine] : [],
    kinds: [...CALENDAR_KINDS],
    from: '',
    to: '',
    cfpAlarms: DEFAULT_CFP_ALARMS,
  };
}

/**
 * What the backend is asked for. A file per kind writes every kind, whatever
 * is ticked for one file, so it passes them all.
 */
export function exportRequest(choice: ExportChoice, target: 'file' | 'folder'): CalendarExport {
  return {
    person_ids: choice.everyone ? [] : [...choice.people],
    kinds: target === 'folder' ? [...CALENDAR_KINDS] : CALENDAR_KINDS.filter((k) => choice.kinds.includes(k)),
    from: choice.from || null,
    to: choice.to || null,
    cfp_alarms: choice.cfpAlarms.trim(),
  };
}

/**
 * What the dialog can tell before asking the backend, by field. No people
 * chosen would mean the whole team to the backend, so it is refused here.
 */
export function exportProblems(choice: ExportChoice, target: 'file' | 'folder'): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!choice.everyone && choice.people.length === 0)
    problems.person_ids = 'pick at least one person, or the whole team';
  if (target === 'file' && choice.kinds.length === 0) problems.kinds = 'pick at least one kind';
  return problems;
}

/** Adds or removes one item of a list, keeping the rest in order. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}

export function isIcs(path: string): boolean {
  return /\.ics$/i.test(path.trim());
}

/** The last part of a path, either separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** What an export wrote: one file and its events, or a folder of files, one per kind. */
export type ExportResult =
  { target: 'file'; path: string; events: number } | { target: 'folder'; folder: string; files: string[] };

/** The kind a file of "write a file per kind" holds, from its name (`quarterdeck-trips.ics`). */
export function kindOfFile(path: string): CalendarKind | null {
  const match = /^quarterdeck-([a-z]+)\.ics$/.exec(fileName(path));
  return CALENDAR_KINDS.find((k) => k === match?.[1]) ?? null;
}

// ---- Importing ----------------------------------------------------------------

/** One person's imported calendars, by name. */
export function calendarsOf(calendars: readonly ImportedCalendar[], personId: string): ImportedCalendar[] {
  return calendars.filter((c) => c.person_id === personId).sort((a, b) => a.calendar.localeCompare(b.calendar));
}

/** The calendar a drop brings (the first .ics among the files), and the names of the files left out. */
export function droppedCalendar(files: readonly ChosenFile[]): { file: ChosenFile | null; left: string[] } {
  const file = files.find((f) => isIcs(f.name)) ?? null;
  return { file, left: files.filter((f) => f !== file).map((f) => f.name) };
}

/** What to tell the person who dropped the files, or null when there is nothing to say. */
export function dropNote(drop: { file: ChosenFile | null; left: string[] }): string | null {
  const { file, left } = drop;
  if (file === null) {
    if (left.length === 0) return null;
    return left.length === 1
      ? `${left[0]} is not a calendar: only .ics files can be imported.`
      : `None of the ${left.length} files is a calendar: only .ics files can be imported.`;
  }
  if (left.length === 0) return null;
  return `One calendar at a time: importing ${file.name}, leaving out ${left.join(', ')}.`;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** "3 added, 1 updated, 12 unchanged": what an import did to the stored events. */
export function importCounts(r: Pick<CalendarImport, 'added' | 'updated' | 'unchanged'>): string {
  return `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`;
}

/** "58 events, 6 changes to single occurrences": counted as an import's sentence counts them. */
export function calendarCount(c: Pick<ImportedCalendar, 'events' | 'changes'>): string {
  const events = plural(c.events, 'event');
  return c.changes === 0
    ? events
    : `${events}, ${plural(c.changes, 'change to a single occurrence', 'changes to single occurrences')}`;
}

/** To-dos, journal entries and the like: read, not busy time, so left out. */
export function notEventsNote(n: number): string | null {
  return n === 0 ? null : `${plural(n, 'to-do or note', 'to-dos and notes')} left out: not busy time.`;
}

/** How far an import is, 0 to 1 (0 before the backend has counted). */
export function progressShare(p: CalendarProgress | null): number {
  return p && p.total > 0 ? Math.min(1, p.done / p.total) : 0;
}

/** "Nov 21, 2026": the day an import ran, in the window's own zone. */
export function importedOn(stamp: string): string {
  const day = localToday(new Date(stamp));
  return dateRange(day, day);
}

/** An error as the import dialog shows it: where in the file, then what is wrong. */
export function importProblem(error: { message: string; field: string | null }): string {
  return error.field ? `${error.field}: ${error.message}` : error.message;
}
