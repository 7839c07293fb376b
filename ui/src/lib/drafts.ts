// Form drafts: what a form edits before Save, built from a stored record or blank.
import type { Event, EventInput, ParticipantInput, Person, PersonInput } from './ipc/types';

export function personDraft(person: Person | null): PersonInput {
  return {
    id: person?.id,
    name: person?.name ?? '',
    role: person?.role ?? '',
    home_city: person?.home_city ?? '',
    timezone: person?.timezone ?? '',
    capacity_hours: person?.capacity_hours ?? 40,
    working_days: person ? [...person.working_days] : ['mon', 'tue', 'wed', 'thu', 'fri'],
  };
}

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
    participants: participants.map((p) => ({ person_id: p.person_id, role: p.role })),
  };
}

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
