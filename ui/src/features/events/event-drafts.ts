// The event form's draft: what it edits before Save, built from a stored event,
// a catalog entry or blank. Pure, tested in event-drafts.test.ts.
import type { CatalogEntry, Event, EventInput, ParticipantInput, Ratings } from '../../lib/ipc/types';
import { guessZone } from '../../lib/zones';

/** The event form's fields; date-times in the minute precision of `datetime-local`. */
export type EventDraft = Omit<EventInput, 'timezone' | 'cfp_deadline' | 'cfp_timezone'> & {
  timezone: string;
  cfp_deadline: string;
  cfp_timezone: string;
};

export function eventDraft(event: Event | null, participants: ParticipantInput[]): EventDraft {
  return {
    id: event?.id,
    name: event?.name ?? '',
    kind: event?.kind ?? 'conference',
    status: event?.status ?? 'considering',
    start_date: event?.start_date ?? '',
    end_date: event?.end_date ?? '',
    online: event?.online ?? false,
    city: event?.city ?? '',
    country: event?.country ?? '',
    timezone: event?.timezone ?? '',
    url: event?.url ?? '',
    cfp_url: event?.cfp_url ?? '',
    cfp_deadline: event?.cfp_deadline?.slice(0, 16) ?? '',
    cfp_timezone: event?.cfp_timezone ?? '',
    notes: event?.notes ?? '',
    ratings: { ...(event?.ratings ?? NO_RATINGS) },
    participants: participants.map((p) => ({ person_id: p.person_id, role: p.role })),
  };
}

export const NO_RATINGS: Ratings = {
  audience_fit: null,
  reach: null,
  cost: null,
  travel_burden: null,
  strategic_value: null,
};

/** What the backend receives: blanks become nulls, a one-day event may leave its end empty. */
export function eventInput(draft: EventDraft): EventInput {
  return {
    ...draft,
    end_date: draft.end_date || draft.start_date,
    timezone: draft.timezone || null,
    cfp_deadline: draft.cfp_deadline ? `${draft.cfp_deadline.slice(0, 16)}:00` : null,
    cfp_timezone: draft.cfp_timezone || null,
  };
}

/**
 * A new pipeline event from a catalog entry. The listing's CFP date has no
 * time or zone, so the deadline is the end of that day, Anywhere on Earth.
 */
export function catalogDraft(entry: CatalogEntry, today: string, zones: readonly string[]): EventDraft {
  const cfpOpen = entry.cfp_end_date !== null && entry.cfp_end_date >= today;
  const venue = entry.city && !(entry.online && !entry.country);
  return {
    ...eventDraft(null, []),
    name: entry.name,
    start_date: entry.start_date,
    end_date: entry.end_date,
    online: entry.online && !entry.city,
    city: entry.city,
    country: entry.country,
    timezone: venue ? (guessZone(entry.city, entry.country, zones) ?? '') : '',
    url: entry.url,
    status: cfpOpen ? 'cfp_open' : 'considering',
    cfp_url: entry.cfp_url,
    cfp_deadline: entry.cfp_end_date ? `${entry.cfp_end_date}T23:59` : '',
    cfp_timezone: '',
  };
}
