import { describe, expect, it } from 'vitest';
import { personDraft } from './people';

describe('person drafts', () => {
  it('starts a new person on a full-time week', () => {
    const draft = personDraft(null);
    expect(draft.id).toBeUndefined();
    expect(draft.working_days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(draft.capacity_hours).toBe(40);
  });
});
