// Talk library helpers: form drafts and the wording of rates and warnings. Pure, tested in talks.test.ts.
import { defaultSpeaker } from '../../lib/me';
import type {
  Acceptance,
  DuplicateWarning,
  Event,
  Submission,
  SubmissionInput,
  SubmissionStatus,
  Talk,
  TalkFormat,
  TalkInput,
  TalkVersion,
} from '../../lib/ipc/types';
import { humanize, splitTags } from '../../lib/format';

/** Format names as menus show them (the other talk and submission words read as `humanize` gives them). */
export const TALK_FORMAT_LABELS: Record<TalkFormat, string> = {
  talk: 'Talk',
  lightning: 'Lightning talk',
  keynote: 'Keynote',
  workshop: 'Workshop',
  panel: 'Panel',
};

export const MAX_MINUTES = 480;

/** The talk form's fields: tags as the text the user types, no owner as ''. */
export type TalkDraft = Omit<TalkInput, 'tags' | 'owner_id' | 'duration_minutes'> & {
  tags: string;
  owner_id: string;
  /** `null` while the number input is empty. */
  duration_minutes: number | null;
};

/** A new talk is owned by `mine` (the window's user), when there is one. */
export function talkDraft(talk: Talk | null, mine: string | null = null): TalkDraft {
  return {
    id: talk?.id,
    title: talk?.title ?? '',
    abstract: talk?.abstract ?? '',
    duration_minutes: talk?.duration_minutes ?? 30,
    format: talk?.format ?? 'talk',
    level: talk?.level ?? 'intermediate',
    tags: talk?.tags.join(', ') ?? '',
    status: talk?.status ?? 'idea',
    owner_id: talk ? (talk.owner_id ?? '') : (mine ?? ''),
    notes: talk?.notes ?? '',
  };
}

/** Why the duration cannot be sent, or null; the backend would refuse it less kindly (it is a u16). */
export function durationProblem(minutes: number | null): string | null {
  if (minutes === null || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) {
    return `a talk runs from 1 to ${MAX_MINUTES} whole minutes`;
  }
  return null;
}

export function talkInput(draft: TalkDraft): TalkInput {
  return {
    ...draft,
    duration_minutes: Number(draft.duration_minutes ?? 0),
    tags: splitTags(draft.tags),
    owner_id: draft.owner_id || null,
  };
}

/** The submission form's fields: dates as '' when unset, ids as '' until chosen. */
export type SubmissionDraft = Omit<SubmissionInput, 'submitted_on' | 'decided_on'> & {
  submitted_on: string;
  decided_on: string;
};

/**
 * A new submission starts from the library talk (its owner speaks, else `mine`;
 * its title and abstract are sent); an existing one from the version it sent.
 */
export function submissionDraft(
  talk: Talk,
  submission: Submission | null,
  version: TalkVersion | undefined,
  mine: string | null = null,
): SubmissionDraft {
  if (!submission) {
    return {
      talk_id: talk.id,
      event_id: '',
      speaker_id: defaultSpeaker(talk.owner_id, mine),
      status: 'draft',
      submitted_on: '',
      decided_on: '',
      title: talk.title,
      abstract: talk.abstract,
      notes: '',
    };
  }
  return {
    id: submission.id,
    talk_id: submission.talk_id,
    event_id: submission.event_id,
    speaker_id: submission.speaker_id,
    status: submission.status,
    submitted_on: submission.submitted_on ?? '',
    decided_on: submission.decided_on ?? '',
    title: version?.title ?? talk.title,
    abstract: version?.abstract ?? talk.abstract,
    notes: submission.notes,
  };
}

export function submissionInput(draft: SubmissionDraft): SubmissionInput {
  return { ...draft, submitted_on: draft.submitted_on || null, decided_on: draft.decided_on || null };
}

const DECIDED: readonly SubmissionStatus[] = ['accepted', 'rejected', 'waitlisted', 'confirmed'];

/** The draft with a new status, dating what just happened today unless a date is already there. */
export function withStatus(draft: SubmissionDraft, status: SubmissionStatus, today: string): SubmissionDraft {
  const next = { ...draft, status };
  if (status === 'submitted' && !next.submitted_on) next.submitted_on = today;
  if (DECIDED.includes(status) && !next.decided_on) next.decided_on = today;
  return next;
}

/**
 * The rate as a whole percentage. Rounding never claims 100 % with a rejection
 * or 0 % with an acceptance: 199 of 200 reads 99 %, not 100 %.
 */
export function ratePercent(a: Acceptance | undefined): string {
  if (!a || a.rate === null) return '—';
  let pct = Math.round(a.rate * 100);
  if (pct === 100 && a.rejected > 0) pct = 99;
  if (pct === 0 && a.accepted > 0) pct = 1;
  return `${pct} %`;
}

/** ["67 %", "2 of 3 answered"], or null before the first answer; tables wrap between the two. */
export function rateParts(a: Acceptance | undefined): [string, string] | null {
  if (!a || a.rate === null) return null;
  return [ratePercent(a), `${a.accepted} of ${a.accepted + a.rejected} answered`];
}

/** "67 % · 2 of 3 answered", or "no answers yet" before the first answer. */
export function rateText(a: Acceptance | undefined): string {
  const parts = rateParts(a);
  return parts ? parts.join(' · ') : 'no answers yet';
}

/** "Priya Raman already submitted “Designing APIs” to this event (submitted) — the same talk." */
export function warningText(w: DuplicateWarning, speakerName: string): string {
  const how = w.same_talk ? 'the same talk' : `a similar talk (${w.similarity} % alike)`;
  const what =
    w.status === 'draft'
      ? `is preparing “${w.title}” for this event (draft)`
      : `already submitted “${w.title}” to this event (${humanize(w.status).toLowerCase()})`;
  return `${speakerName} ${what} — ${how}.`;
}

/**
 * Events a submission can go to, soonest upcoming first, then past ones latest
 * first. A new submission only offers events still open to it.
 */
export function eventChoices(events: readonly Event[], today: string, isNew: boolean, keepId = ''): Event[] {
  const open = events.filter((e) => e.id === keepId || !isNew || (e.status !== 'done' && e.status !== 'cancelled'));
  const upcoming = open.filter((e) => e.end_date >= today).sort((a, b) => a.start_date.localeCompare(b.start_date));
  const past = open.filter((e) => e.end_date < today).sort((a, b) => b.start_date.localeCompare(a.start_date));
  return [...upcoming, ...past];
}

/** The first `max` characters of an abstract, cut at a word with an ellipsis. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
