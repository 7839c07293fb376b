// Saving who "me" is, shared by the first-start question and Settings: the
// answer lives in the plan file (`set_me`), and the plan reloads with it.
import { api } from '../../lib/ipc/commands';
import { toApiError } from '../../lib/ipc/errors';
import type { Me } from '../../lib/ipc/types';
import { plan } from '../../lib/plan.svelte';

/** The answer for a value of the person picker: a person's id, or '' for "I'm not in this plan". */
export function meFor(personId: string): Me {
  return personId ? { kind: 'person', id: personId } : { kind: 'not_in_plan' };
}

/** Saves the answer; resolves with the error's message, or null once saved. */
export async function saveMe(me: Me): Promise<string | null> {
  try {
    await plan.commit(() => api.setMe(me));
    return null;
  } catch (err) {
    return toApiError(err).message;
  }
}
