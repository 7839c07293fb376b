import { describe, expect, it } from 'vitest';
import type { ContentItem, Event, Submission, Talk, TimeOff, Trip } from '../../lib/ipc/types';
import { addOpening, recordOpening, type Records } from './quarter-openings';

const event = { id: 'e1', name: 'JSConf' } as Event;
const talk = { id: 't1', title: 'Streams' } as Talk;
const submission = { id: 's1', talk_id: 't1', event_id: 'e1' } as Submission;
const item = { id: 'c1', title: 'Recap' } as ContentItem;
const trip = { id: 'tr1', title: 'Berlin' } as Trip;
const away = { id: 'o1', person_id: 'p1' } as TimeOff;

const records: Records = {
  eventsById: new Map([[event.id, event]]),
  talksById: new Map([[talk.id, talk]]),
  contentById: new Map([[item.id, item]]),
  view: { submissions: [submission], trips: [trip], time_off: [away] },
};

describe('opening a record from the quarter', () => {
  it('finds each kind the timeline names', () => {
    expect(recordOpening({ kind: 'event', id: 'e1' }, records)).toEqual({ kind: 'event', event });
    expect(recordOpening({ kind: 'submission', id: 's1' }, records)).toEqual({ kind: 'submission', talk, submission });
    expect(recordOpening({ kind: 'content', id: 'c1' }, records)).toEqual({ kind: 'content', item });
    expect(recordOpening({ kind: 'trip', id: 'tr1' }, records)).toEqual({ kind: 'trip', trip });
    expect(recordOpening({ kind: 'time_off', id: 'o1' }, records)).toEqual({ kind: 'time_off', timeOff: away });
  });

  it('opens nothing for a record gone from the plan, or one whose talk is gone', () => {
    expect(recordOpening({ kind: 'event', id: 'gone' }, records)).toBeNull();
    const orphan = { ...records, talksById: new Map<string, Talk>() };
    expect(recordOpening({ kind: 'submission', id: 's1' }, orphan)).toBeNull();
    expect(recordOpening({ kind: 'budget', id: 'b1' }, records)).toBeNull();
  });
});

describe('adding from a lane', () => {
  it('dates a new event by the week clicked and takes the person along', () => {
    const o = addOpening({ kind: 'events', day: '2026-10-12' }, 'p1');
    expect(o.kind).toBe('event');
    if (o.kind !== 'event') return;
    expect(o.preset).toMatchObject({
      start_date: '2026-10-12',
      end_date: '2026-10-12',
      participants: [{ person_id: 'p1', role: 'attendee' }],
    });
  });

  it('opens a call for papers closing at the end of the day clicked', () => {
    const o = addOpening({ kind: 'cfp', day: '2026-11-02' }, null);
    expect(o).toMatchObject({
      kind: 'event',
      preset: { status: 'cfp_open', cfp_deadline: '2026-11-02T23:59', participants: [] },
    });
  });

  it('gives new content its owner and draft day, time off its person, a trip its traveller', () => {
    expect(addOpening({ kind: 'content', day: '2026-10-19' }, 'p1')).toEqual({
      kind: 'content',
      item: null,
      preset: { owner_id: 'p1', due_on: '2026-10-19' },
    });
    expect(addOpening({ kind: 'time_off', day: null }, 'p2')).toEqual({
      kind: 'time_off',
      timeOff: null,
      preset: { person_id: 'p2' },
    });
    expect(addOpening({ kind: 'trip', day: null }, 'p3')).toEqual({
      kind: 'trip',
      trip: null,
      preset: { person_id: 'p3' },
    });
    expect(addOpening({ kind: 'talks', day: '2026-10-19' }, 'p1')).toEqual({ kind: 'talk', talk: null });
  });
});
