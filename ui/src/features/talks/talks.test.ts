import { describe, expect, it } from 'vitest';
import type { Acceptance, DuplicateWarning, Event, Submission, Talk, TalkVersion } from '../../lib/ipc/types';
import {
  durationProblem,
  eventChoices,
  excerpt,
  rateParts,
  ratePercent,
  rateText,
  submissionDraft,
  submissionInput,
  talkDraft,
  talkInput,
  warningText,
  withStatus,
} from './talks';

const talk: Talk = {
  id: 't1',
  title: 'Designing APIs Developers Love',
  abstract: 'What makes an API a joy to use.',
  duration_minutes: 40,
  format: 'talk',
  level: 'intermediate',
  tags: ['api', 'dx'],
  status: 'ready',
  owner_id: 'p1',
  notes: '',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const submission: Submission = {
  id: 's1',
  talk_id: 't1',
  version_id: 'v2',
  event_id: 'e1',
  speaker_id: 'p2',
  status: 'submitted',
  submitted_on: '2026-02-01',
  decided_on: null,
  notes: 'sent early',
  created_at: '2026-02-01T00:00:00Z',
  updated_at: '2026-02-01T00:00:00Z',
};

const version: TalkVersion = {
  id: 'v2',
  talk_id: 't1',
  number: 2,
  title: 'APIs Developers Love (Berlin cut)',
  abstract: 'Tailored for Berlin.',
  created_at: '2026-02-01T00:00:00Z',
  updated_at: '2026-02-01T00:00:00Z',
};

function acceptance(accepted: number, rejected: number, pending = 0): Acceptance {
  const answered = accepted + rejected;
  return {
    id: 'x',
    sent: answered + pending,
    pending,
    accepted,
    rejected,
    rate: answered ? accepted / answered : null,
  };
}

function event(id: string, start: string, status: Event['status'] = 'cfp_open'): Event {
  return {
    id,
    name: id,
    kind: 'conference',
    start_date: start,
    end_date: start,
    online: true,
    city: '',
    country: '',
    timezone: null,
    url: '',
    status,
    cfp_url: '',
    cfp_deadline: null,
    cfp_timezone: null,
    notes: '',
    ratings: { audience_fit: null, reach: null, cost: null, travel_burden: null, strategic_value: null },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

describe('talk drafts', () => {
  it('round-trips a stored talk through the form', () => {
    const input = talkInput(talkDraft(talk));
    expect(input).toEqual({
      id: 't1',
      title: talk.title,
      abstract: talk.abstract,
      duration_minutes: 40,
      format: 'talk',
      level: 'intermediate',
      tags: ['api', 'dx'],
      status: 'ready',
      owner_id: 'p1',
      notes: '',
    });
  });

  it('starts a new talk as an unowned idea', () => {
    const draft = talkDraft(null);
    expect(draft.id).toBeUndefined();
    expect(draft.status).toBe('idea');
    expect(talkInput(draft).owner_id).toBeNull();
    expect(talkInput(draft).tags).toEqual([]);
  });

  it('a new talk is owned by me; an unowned saved talk stays unowned', () => {
    expect(talkDraft(null, 'me').owner_id).toBe('me');
    expect(talkDraft({ ...talk, owner_id: null }, 'me').owner_id).toBe('');
  });

  it('splits tags on commas, trimming and dropping empties', () => {
    const draft = { ...talkDraft(null), tags: '  rust , , Web APIs,,   ,dx  ' };
    expect(talkInput(draft).tags).toEqual(['rust', 'Web APIs', 'dx']);
    expect(talkInput({ ...draft, tags: ' , ' }).tags).toEqual([]);
  });

  it('accepts whole minutes from 1 to 480 only', () => {
    expect(durationProblem(1)).toBeNull();
    expect(durationProblem(480)).toBeNull();
    for (const bad of [null, 0, -5, 481, 45.5, Number.NaN]) expect(durationProblem(bad)).not.toBeNull();
  });
});

describe('submission drafts', () => {
  it('prefills a new submission from the talk and its owner', () => {
    const draft = submissionDraft(talk, null, undefined);
    expect(draft).toMatchObject({ talk_id: 't1', event_id: '', speaker_id: 'p1', status: 'draft' });
    expect(draft.title).toBe(talk.title);
    expect(draft.abstract).toBe(talk.abstract);
    expect(submissionDraft({ ...talk, owner_id: null }, null, undefined).speaker_id).toBe('');
  });

  it("a new submission's speaker is the talk's owner, else me", () => {
    expect(submissionDraft(talk, null, undefined, 'me').speaker_id).toBe('p1');
    expect(submissionDraft({ ...talk, owner_id: null }, null, undefined, 'me').speaker_id).toBe('me');
  });

  it('edits an existing submission with the version it sent', () => {
    const draft = submissionDraft(talk, submission, version);
    expect(draft).toMatchObject({ id: 's1', speaker_id: 'p2', title: version.title, abstract: version.abstract });
    expect(draft.decided_on).toBe('');
    const input = submissionInput(draft);
    expect(input.submitted_on).toBe('2026-02-01');
    expect(input.decided_on).toBeNull();
    expect(input.notes).toBe('sent early');
  });

  it('dates a status change today, keeping dates already given', () => {
    const blank = submissionDraft(talk, null, undefined);
    expect(withStatus(blank, 'submitted', '2026-03-01')).toMatchObject({ submitted_on: '2026-03-01', decided_on: '' });
    for (const s of ['accepted', 'rejected', 'waitlisted', 'confirmed'] as const) {
      expect(withStatus(blank, s, '2026-03-01').decided_on).toBe('2026-03-01');
    }
    expect(withStatus(blank, 'withdrawn', '2026-03-01')).toMatchObject({ submitted_on: '', decided_on: '' });
    const dated = { ...blank, submitted_on: '2026-01-10', decided_on: '2026-02-10' };
    expect(withStatus(dated, 'submitted', '2026-03-01').submitted_on).toBe('2026-01-10');
    expect(withStatus(dated, 'accepted', '2026-03-01').decided_on).toBe('2026-02-10');
  });
});

describe('acceptance rate', () => {
  it('says so before any answer', () => {
    expect(rateText(undefined)).toBe('no answers yet');
    expect(rateText(acceptance(0, 0, 3))).toBe('no answers yet');
    expect(ratePercent(acceptance(0, 0, 3))).toBe('—');
  });

  it('rounds to whole percent and counts answers', () => {
    expect(rateText(acceptance(2, 1))).toBe('67 % · 2 of 3 answered');
    expect(rateText(acceptance(1, 2, 4))).toBe('33 % · 1 of 3 answered');
    expect(rateText(acceptance(1, 7))).toBe('13 % · 1 of 8 answered');
  });

  it('splits into the rate and its answers for tables', () => {
    expect(rateParts(acceptance(2, 1))).toEqual(['67 %', '2 of 3 answered']);
    expect(rateParts(undefined)).toBeNull();
    expect(rateParts(acceptance(0, 0, 1))).toBeNull();
  });

  it('shows 0 % and 100 % only when they are exact', () => {
    expect(rateText(acceptance(0, 2))).toBe('0 % · 0 of 2 answered');
    expect(rateText(acceptance(3, 0))).toBe('100 % · 3 of 3 answered');
    expect(ratePercent(acceptance(399, 1))).toBe('99 %');
    expect(ratePercent(acceptance(1, 399))).toBe('1 %');
  });
});

describe('duplicate warnings', () => {
  const w: DuplicateWarning = {
    submission_id: 's9',
    speaker_id: 'p3',
    title: 'Designing APIs Developers Love',
    status: 'submitted',
    same_talk: true,
    similarity: 100,
  };

  it('names the teammate, the talk and its status', () => {
    expect(warningText(w, 'Priya Raman')).toBe(
      'Priya Raman already submitted “Designing APIs Developers Love” to this event (submitted) — the same talk.',
    );
  });

  it('gives how alike a similar talk is', () => {
    expect(warningText({ ...w, same_talk: false, similarity: 62, status: 'waitlisted' }, 'Sam')).toBe(
      'Sam already submitted “Designing APIs Developers Love” to this event (waitlisted) — a similar talk (62 % alike).',
    );
  });

  it('does not call a draft submitted', () => {
    expect(warningText({ ...w, status: 'draft' }, 'Sam')).toBe(
      'Sam is preparing “Designing APIs Developers Love” for this event (draft) — the same talk.',
    );
  });
});

describe('event choices', () => {
  const events = [
    event('past', '2026-01-05'),
    event('later', '2026-06-01'),
    event('soon', '2026-03-10'),
    event('older', '2025-11-01'),
    event('cancelled', '2026-04-01', 'cancelled'),
    event('done', '2026-02-01', 'done'),
  ];

  it('lists upcoming events soonest first, then past ones', () => {
    const ids = eventChoices(events, '2026-03-01', false).map((e) => e.id);
    expect(ids).toEqual(['soon', 'cancelled', 'later', 'done', 'past', 'older']);
  });

  it('leaves done and cancelled events out of a new submission', () => {
    const ids = eventChoices(events, '2026-03-01', true).map((e) => e.id);
    expect(ids).toEqual(['soon', 'later', 'past', 'older']);
  });
});

describe('excerpt', () => {
  it('keeps short text and cuts long text at a word', () => {
    expect(excerpt('  short\n text ')).toBe('short text');
    const long = 'word '.repeat(50);
    const cut = excerpt(long, 22);
    expect(cut).toBe('word word word word…');
    expect(cut.length).toBeLessThanOrEqual(23);
  });
});
