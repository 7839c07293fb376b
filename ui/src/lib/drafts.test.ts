import { describe, expect, it } from 'vitest';
import { eventDraft, eventInput, personDraft } from './drafts';
import type { Event } from './ipc/types';

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
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('drafts', () => {
  it('starts a new person on a full-time week', () => {
    const draft = personDraft(null);
    expect(draft.id).toBeUndefined();
    expect(draft.working_days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(draft.capacity_hours).toBe(40);
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
