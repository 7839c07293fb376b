import { describe, expect, it } from 'vitest';
import { defaultSpeaker, myPersonId, shouldAskWhoIAm, startingPerson } from './me';

const people = [{ id: 'ada' }, { id: 'bo' }];

describe('me', () => {
  it('names a person only while they are in the plan', () => {
    expect(myPersonId({ kind: 'person', id: 'bo' }, people)).toBe('bo');
    expect(myPersonId({ kind: 'person', id: 'gone' }, people)).toBeNull();
    expect(myPersonId({ kind: 'not_in_plan' }, people)).toBeNull();
    expect(myPersonId({ kind: 'unasked' }, people)).toBeNull();
  });

  it('asks once, and only when there is someone to pick', () => {
    expect(shouldAskWhoIAm({ kind: 'unasked' }, people)).toBe(true);
    expect(shouldAskWhoIAm({ kind: 'unasked' }, [])).toBe(false);
    expect(shouldAskWhoIAm({ kind: 'not_in_plan' }, people)).toBe(false);
    expect(shouldAskWhoIAm({ kind: 'person', id: 'ada' }, people)).toBe(false);
  });

  it('starts on what was chosen, then me, then the fallback', () => {
    expect(startingPerson('bo', 'ada')).toBe('bo');
    expect(startingPerson('', 'ada')).toBe('ada');
    expect(startingPerson(undefined, null, 'first')).toBe('first');
    expect(startingPerson(null, null)).toBe('');
  });

  it("gives a new submission the talk's owner as speaker, else me", () => {
    expect(defaultSpeaker('bo', 'ada')).toBe('bo');
    expect(defaultSpeaker(null, 'ada')).toBe('ada');
    expect(defaultSpeaker(null, null)).toBe('');
  });
});
