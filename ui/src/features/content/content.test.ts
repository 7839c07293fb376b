import { describe, expect, it } from 'vitest';
import {
  NO_CONTENT_FILTER,
  calendarEntries,
  contentDraft,
  contentInput,
  defaultEffort,
  floating,
  matchesContent,
  moved,
  tagsOf,
  withStatus,
} from './content';
import type { ContentItem, EffortDefault } from '../../lib/ipc/types';

const item: ContentItem = {
  id: 'c1',
  title: 'Shipping Rust on Fridays',
  kind: 'blog_post',
  owner_id: 'p1',
  channel: 'Company blog',
  status: 'drafting',
  due_on: '2026-11-24',
  publish_at: '2026-11-26T09:00:00',
  timezone: 'Europe/Berlin',
  effort_hours: 4,
  effort_custom: false,
  finished_minutes: null,
  draft_url: '',
  published_url: '',
  tags: ['rust', 'backend'],
  event_id: null,
  talk_id: null,
  notes: '',
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
};

describe('content drafts', () => {
  it('round-trips an item to the input the backend takes', () => {
    const input = contentInput(contentDraft(item));
    expect(input).toMatchObject({
      id: 'c1',
      due_on: '2026-11-24',
      publish_at: '2026-11-26T09:00:00',
      timezone: 'Europe/Berlin',
      tags: ['rust', 'backend'],
      effort_hours: null,
      event_id: null,
    });
  });

  it('sends a hand-set effort, and no zone without a publish time', () => {
    const custom = contentInput(contentDraft({ ...item, effort_custom: true, effort_hours: 2.5 }));
    expect(custom.effort_hours).toBe(2.5);
    const undated = contentInput({ ...contentDraft(item), publish_at: '', due_on: '' });
    expect([undated.publish_at, undated.timezone, undated.due_on]).toEqual([null, null, null]);
  });

  it('fills a new draft from a preset', () => {
    const draft = contentDraft(null, { due_on: '2026-12-01', owner_id: 'p2' });
    expect([draft.due_on, draft.owner_id, draft.status, draft.kind]).toEqual(['2026-12-01', 'p2', 'idea', 'blog_post']);
  });
});

describe('effort defaults', () => {
  const video: EffortDefault = { kind: 'video', hours: 6, hours_per_finished_minute: 2.5, source: '' };
  it('prices a video by its finished minutes, at least the minimum', () => {
    expect(defaultEffort(video, 8)).toBe(20);
    expect(defaultEffort(video, 1)).toBe(6);
    expect(defaultEffort(video, null)).toBe(6);
    expect(defaultEffort(undefined, 3)).toBeNull();
  });
});

describe('filters', () => {
  const overdue = new Map([['c1', 'late']]);
  it('match by person, kind, status, tag, overdue and words', () => {
    const f = NO_CONTENT_FILTER;
    expect(matchesContent(item, f, overdue)).toBe(true);
    expect(matchesContent(item, { ...f, personId: 'p2' }, overdue)).toBe(false);
    expect(matchesContent(item, { ...f, kind: 'video' }, overdue)).toBe(false);
    expect(matchesContent(item, { ...f, status: 'drafting' }, overdue)).toBe(true);
    expect(matchesContent(item, { ...f, tag: 'rust' }, overdue)).toBe(true);
    expect(matchesContent(item, { ...f, tag: 'go' }, overdue)).toBe(false);
    expect(matchesContent(item, { ...f, overdueOnly: true }, new Map())).toBe(false);
    // The channel matches too.
    expect(matchesContent(item, { ...f, query: 'company' }, overdue)).toBe(true);
  });

  it('lists tags once, in order', () => {
    expect(tagsOf([item, { tags: ['ai', 'rust'] }])).toEqual(['ai', 'backend', 'rust']);
  });
});

describe('calendar entries', () => {
  it('puts the due day all day and the publish time on the grid', () => {
    const [due, publish] = calendarEntries(item, true);
    expect(due).toMatchObject({ id: 'c1:due', start: '2026-11-24', allDay: true });
    expect(due?.classNames).toEqual(['kind-blog_post', 'status-drafting', 'overdue', 'entry-due']);
    expect(publish).toMatchObject({
      id: 'c1:publish',
      start: '2026-11-26T09:00',
      end: '2026-11-26T09:45',
      allDay: false,
    });
    expect(calendarEntries({ ...item, due_on: null, publish_at: null }, false)).toEqual([]);
  });

  it('a drop moves only the date it stands for', () => {
    expect(moved(item, 'due', '2026-11-25', true)).toMatchObject({
      due_on: '2026-11-25',
      publish_at: '2026-11-26T09:00:00',
    });
    expect(moved(item, 'publish', '2026-11-27T14:30', false).publish_at).toBe('2026-11-27T14:30:00');
    // Dropped on a whole day, a publish entry keeps its time.
    expect(moved(item, 'publish', '2026-11-28T00:00', true).publish_at).toBe('2026-11-28T09:00:00');
  });

  it('a status move keeps everything else', () => {
    expect(withStatus(item, 'review')).toMatchObject({ status: 'review', due_on: '2026-11-24', title: item.title });
  });
});

describe('floating times', () => {
  it('reads the calendar’s UTC-based dates as floating times', () => {
    expect(floating(new Date('2026-11-26T09:00:00Z'))).toBe('2026-11-26T09:00');
  });
});
