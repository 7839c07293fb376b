import { describe, expect, it } from 'vitest';
import { catalogDraft, eventDraft, eventInput } from './event-drafts';
import type { CatalogEntry, Event } from '../../lib/ipc/types';

const event: Event = {
  id: 'e1',
  name: 'Cloud Native Summit 2026',
  kind: 'conference',
  start_date: '2026-03-10',
  end_date: '2026-03-12',
  online: false,
  city: 'Amsterdam',
  country: 'Netherlands',
  timezone: 'Europe/Amsterdam',
  url: '',
  status: 'cfp_open',
  cfp_url: '',
  cfp_deadline: '2026-01-15T23:59:00',
  cfp_timezone: null,
  notes: '',
  ratings: { audience_fit: 4, reach: null, cost: 2, travel_burden: null, strategic_value: 5 },
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('drafts', () => {
  it("copies an event's ratings so the form edits its own copy", () => {
    const draft = eventDraft(event, []);
    expect(draft.ratings).toEqual(event.ratings);
    draft.ratings.reach = 3;
    expect(event.ratings.reach).toBeNull();
    expect(eventDraft(null, []).ratings.audience_fit).toBeNull();
  });

  it('round-trips an event through the form without changing it', () => {
    const input = eventInput(eventDraft(event, []));
    expect(input.cfp_deadline).toBe('2026-01-15T23:59:00');
    expect(input.cfp_timezone).toBeNull();
    expect(input.timezone).toBe('Europe/Amsterdam');
  });

  it('makes a one-day event when the last day is left empty', () => {
    const draft = { ...eventDraft(null, []), name: 'Meetup', start_date: '2026-05-05', timezone: '' };
    const input = eventInput(draft);
    expect(input.end_date).toBe('2026-05-05');
    expect(input.timezone).toBeNull();
    expect(input.cfp_deadline).toBeNull();
  });
});

describe('catalogDraft', () => {
  const entry: CatalogEntry = {
    id: 'c1',
    name: 'RustWeek',
    start_date: '2026-05-18',
    end_date: '2026-05-23',
    url: 'https://2026.rustweek.org',
    city: 'Utrecht',
    country: 'Netherlands',
    online: false,
    locales: 'EN',
    cfp_url: 'https://2026.rustweek.org/cfp',
    cfp_end_date: '2026-01-10',
    topics: ['rust'],
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
  const zones = ['Europe/Amsterdam', 'Europe/Berlin'];

  it('prefills the event, with the CFP closing at the end of its day, Anywhere on Earth', () => {
    const input = eventInput(catalogDraft(entry, '2026-01-05', zones));
    expect(input).toMatchObject({
      name: 'RustWeek',
      start_date: '2026-05-18',
      end_date: '2026-05-23',
      timezone: 'Europe/Amsterdam',
      status: 'cfp_open',
      cfp_deadline: '2026-01-10T23:59:00',
      cfp_timezone: null,
    });
  });

  it('is only being considered once its CFP has closed', () => {
    expect(catalogDraft(entry, '2026-02-01', zones).status).toBe('considering');
  });
});
