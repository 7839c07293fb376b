// "Me": which person of the plan uses this window. Views and forms that pick a
// person start on them. Pure, tested in me.test.ts; the answer itself lives in
// the plan file (`plan.view.me`, saved by `set_me`).
import type { Me, Person } from './ipc/types';

/** The person "me" names, when they are still in the plan. */
export function myPersonId(me: Me, people: readonly Pick<Person, 'id'>[]): string | null {
  return me.kind === 'person' && people.some((p) => p.id === me.id) ? me.id : null;
}

/** The window asks once, when the plan has people and nobody has answered yet. */
export function shouldAskWhoIAm(me: Me, people: readonly unknown[]): boolean {
  return me.kind === 'unasked' && people.length > 0;
}

/** The person a new record or a filter starts on: what was already chosen, else me, else `fallback`. */
export function startingPerson(chosen: string | null | undefined, mine: string | null, fallback = ''): string {
  return chosen || mine || fallback;
}

/** A new submission's speaker: the talk's owner, else me. */
export function defaultSpeaker(talkOwner: string | null, mine: string | null): string {
  return talkOwner ?? mine ?? '';
}
