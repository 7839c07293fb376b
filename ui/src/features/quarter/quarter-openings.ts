// What the quarter screen opens: the form of a record clicked on the timeline
// (or in a panel), or a new one asked for from a lane, prefilled for the person
// shown and the week clicked. Pure: the plan's records come in as arguments.
import type { ContentDraft } from '../content';
import type { EventDraft } from '../events';
import type {
  ContentItem,
  Event,
  PlanView,
  RecordRef,
  Submission,
  Talk,
  TimeOff,
  TimeOffInput,
  Trip,
} from '../../lib/ipc/types';
import type { AddRequest } from './quarter';
import type { TripDraft } from '../travel';

export type Opening =
  | { kind: 'event'; event: Event | null; preset?: Partial<EventDraft> }
  | { kind: 'submission'; talk: Talk; submission: Submission }
  | { kind: 'talk'; talk: Talk | null }
  | { kind: 'content'; item: ContentItem | null; preset?: Partial<ContentDraft> }
  | { kind: 'trip'; trip: Trip | null; preset?: Partial<TripDraft> }
  | { kind: 'time_off'; timeOff: TimeOff | null; preset?: Partial<TimeOffInput> };

/** The records an opening is looked up in: the plan's, some by id. */
export type Records = {
  eventsById: ReadonlyMap<string, Event>;
  talksById: ReadonlyMap<string, Talk>;
  contentById: ReadonlyMap<string, ContentItem>;
  view: Pick<PlanView, 'submissions' | 'trips' | 'time_off'>;
};

/** The form of a stored record; null when the plan no longer has it (deleted meanwhile). */
export function recordOpening(ref: RecordRef, records: Records): Opening | null {
  switch (ref.kind) {
    case 'event': {
      const event = records.eventsById.get(ref.id);
      return event ? { kind: 'event', event } : null;
    }
    case 'submission': {
      const submission = records.view.submissions.find((s) => s.id === ref.id);
      const talk = submission && records.talksById.get(submission.talk_id);
      return submission && talk ? { kind: 'submission', talk, submission } : null;
    }
    case 'talk': {
      const talk = records.talksById.get(ref.id);
      return talk ? { kind: 'talk', talk } : null;
    }
    case 'content': {
      const item = records.contentById.get(ref.id);
      return item ? { kind: 'content', item } : null;
    }
    case 'trip': {
      const trip = records.view.trips.find((t) => t.id === ref.id);
      return trip ? { kind: 'trip', trip } : null;
    }
    case 'time_off': {
      const timeOff = records.view.time_off.find((t) => t.id === ref.id);
      return timeOff ? { kind: 'time_off', timeOff } : null;
    }
    default:
      return null;
  }
}

/**
 * A new record for a lane: the person shown goes to the event (as an attendee),
 * owns the content, travels, takes the time off; the week clicked dates it.
 */
export function addOpening(request: AddRequest, personId: string | null): Opening {
  const day = request.day;
  const people = personId ? [{ person_id: personId, role: 'attendee' as const }] : [];
  switch (request.kind) {
    case 'events':
      return {
        kind: 'event',
        event: null,
        preset: { participants: people, start_date: day ?? '', end_date: day ?? '' },
      };
    case 'cfp':
      return {
        kind: 'event',
        event: null,
        preset: { participants: people, status: 'cfp_open', cfp_deadline: day ? `${day}T23:59` : '' },
      };
    case 'talks':
      return { kind: 'talk', talk: null };
    case 'content':
      return { kind: 'content', item: null, preset: { owner_id: personId ?? '', ...(day ? { due_on: day } : {}) } };
    case 'trip':
      return { kind: 'trip', trip: null, preset: personId ? { person_id: personId } : {} };
    case 'time_off':
      return {
        kind: 'time_off',
        timeOff: null,
        preset: { person_id: personId ?? '', ...(day ? { start_date: day, end_date: day } : {}) },
      };
  }
}
