import { describe, expect, it } from 'vitest';
import {
  KIND_LABELS,
  calendarCount,
  calendarsOf,
  dropNote,
  droppedCalendar,
  exportChoice,
  exportProblems,
  exportRequest,
  fileName,
  importCounts,
  importProblem,
  importedOn,
  isIcs,
  kindOfFile,
  notEventsNote,
  progressShare,
  toggled,
  type ExportChoice,
} from './calendars';
import { CALENDAR_KINDS, type ImportedCalendar } from '../../lib/ipc/types';

/** Dropped files as the backend hands them to the page: a token and a name, never a path. */
const chosen = (...names: string[]) => names.map((name) => ({ token: `t-${name}`, name }));

describe('the export request', () => {
  it('is the whole team, every kind, no dates and 7d,1d reminders by default', () => {
    expect(exportRequest(exportChoice(), 'file')).toEqual({
      person_ids: [],
      kinds: [...CALENDAR_KINDS],
      from: null,
      to: null,
      cfp_alarms: '7d,1d',
    });
  });

  it('names the chosen people, keeps the kinds in their usual order and trims the reminders', () => {
    const choice: ExportChoice = {
      everyone: false,
      people: ['p2', 'p1'],
      kinds: ['imported', 'events'],
      from: '2026-11-02',
      to: '',
      cfpAlarms: ' 3d ',
    };
    const request = exportRequest(choice, 'file');
    expect(request).toEqual({
      person_ids: ['p2', 'p1'],
      kinds: ['events', 'imported'],
      from: '2026-11-02',
      to: null,
      cfp_alarms: '3d',
    });
  });

  it('asks for every kind when writing a file per kind, whatever is ticked', () => {
    expect(exportRequest({ ...exportChoice(), kinds: [] }, 'folder').kinds).toEqual([...CALENDAR_KINDS]);
  });

  it('sends chosen people only while the team is not chosen', () => {
    expect(exportRequest({ ...exportChoice(), everyone: true, people: ['p1'] }, 'file').person_ids).toEqual([]);
  });

  it('refuses no people (which would mean everyone) and, for one file, no kinds', () => {
    const none = { ...exportChoice(), everyone: false, people: [], kinds: [] };
    expect(exportProblems(none, 'file')).toEqual({ person_ids: expect.any(String), kinds: 'pick at least one kind' });
    expect(exportProblems(none, 'folder')).toEqual({ person_ids: expect.any(String) });
    expect(exportProblems(exportChoice(), 'file')).toEqual({});
  });

  it('starts on me alone when the plan knows who I am, else on the whole team', () => {
    expect(exportChoice('me-id')).toMatchObject({ everyone: false, people: ['me-id'] });
    expect(exportRequest(exportChoice('me-id'), 'file').person_ids).toEqual(['me-id']);
    expect(exportChoice(null)).toMatchObject({ everyone: true, people: [] });
  });

  it('labels every kind in plain words', () => {
    expect(CALENDAR_KINDS.map((k) => KIND_LABELS[k])).toEqual([
      'Events',
      'Trips',
      'CFP deadlines',
      'Talks',
      'Content',
      'Imported busy time',
    ]);
  });

  it('toggles an item in a list without repeating it', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('file names', () => {
  it('tells the kind of a file written per kind', () => {
    expect(kindOfFile('/tmp/cal/quarterdeck-cfp.ics')).toBe('cfp');
    expect(kindOfFile('C:\\cal\\quarterdeck-imported.ics')).toBe('imported');
    expect(kindOfFile('/tmp/cal/quarterdeck-other.ics')).toBeNull();
    expect(kindOfFile('/tmp/cal/quarterdeck.ics')).toBeNull();
  });

  it('takes the last part of a path with either separator', () => {
    expect(fileName('/home/me/cal/quarterdeck-trips.ics')).toBe('quarterdeck-trips.ics');
    expect(fileName('C:\\Users\\me\\work.ics')).toBe('work.ics');
    expect(fileName('plain.ics')).toBe('plain.ics');
  });
});

describe('dropped files', () => {
  it('knows a calendar by its extension, in any case', () => {
    expect(isIcs('/a/b/Work.ICS')).toBe(true);
    expect(isIcs('/a/b/work.ics.pdf')).toBe(false);
    expect(isIcs('/a/b/ics')).toBe(false);
  });

  it('takes the first .ics and names the files left out', () => {
    expect(droppedCalendar(chosen('notes.pdf', 'work.ics', 'home.ics'))).toEqual({
      file: { token: 't-work.ics', name: 'work.ics' },
      left: ['notes.pdf', 'home.ics'],
    });
    expect(dropNote(droppedCalendar(chosen('work.ics')))).toBeNull();
    expect(dropNote(droppedCalendar(chosen('notes.pdf', 'work.ics')))).toBe(
      'One calendar at a time: importing work.ics, leaving out notes.pdf.',
    );
  });

  it('says clearly when nothing dropped is a calendar', () => {
    expect(droppedCalendar(chosen('notes.pdf'))).toEqual({ file: null, left: ['notes.pdf'] });
    expect(dropNote(droppedCalendar(chosen('notes.pdf')))).toBe(
      'notes.pdf is not a calendar: only .ics files can be imported.',
    );
    expect(dropNote(droppedCalendar(chosen('a.pdf', 'b.png')))).toBe(
      'None of the 2 files is a calendar: only .ics files can be imported.',
    );
    expect(dropNote(droppedCalendar([]))).toBeNull();
  });
});

describe('imported calendars', () => {
  const cal = (person_id: string, calendar: string): ImportedCalendar => ({
    person_id,
    calendar,
    events: 3,
    changes: 0,
    imported_at: '2026-11-21T10:00:00Z',
  });

  it('counts events as an import’s sentence does: a series once, its changed occurrences apart', () => {
    expect(calendarCount({ events: 1, changes: 0 })).toBe('1 event');
    expect(calendarCount({ events: 58, changes: 6 })).toBe('58 events, 6 changes to single occurrences');
    expect(calendarCount({ events: 2, changes: 1 })).toBe('2 events, 1 change to a single occurrence');
  });

  it('lists one person’s calendars by name', () => {
    const all = [cal('p1', 'Work'), cal('p2', 'Team'), cal('p1', 'Conference calls'), cal('p1', 'after-hours')];
    expect(calendarsOf(all, 'p1').map((c) => c.calendar)).toEqual(['after-hours', 'Conference calls', 'Work']);
    expect(calendarsOf(all, 'nobody')).toEqual([]);
  });

  it('reads an import’s result', () => {
    expect(importCounts({ added: 3, updated: 1, unchanged: 0 })).toBe('3 added, 1 updated, 0 unchanged');
    expect(notEventsNote(0)).toBeNull();
    expect(notEventsNote(1)).toBe('1 to-do or note left out: not busy time.');
    expect(notEventsNote(2)).toBe('2 to-dos and notes left out: not busy time.');
  });

  it('names the line of a refused file before what is wrong with it', () => {
    expect(importProblem({ field: 'line 4, END', message: 'END:VEVENT is missing' })).toBe(
      'line 4, END: END:VEVENT is missing',
    );
    expect(importProblem({ field: null, message: 'no such file' })).toBe('no such file');
  });

  it('measures progress, nothing before the backend counts', () => {
    expect(progressShare(null)).toBe(0);
    expect(progressShare({ done: 0, total: 0 })).toBe(0);
    expect(progressShare({ done: 500, total: 2000 })).toBe(0.25);
    expect(progressShare({ done: 3, total: 2 })).toBe(1);
  });

  it('gives the day of an import', () => {
    expect(importedOn('2026-11-21T12:00:00Z')).toMatch(/^Nov (20|21|22), 2026$/);
  });
});
