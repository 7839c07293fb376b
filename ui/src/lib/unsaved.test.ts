import { describe, expect, it } from 'vitest';
import { Unsaved, type Answer, type Editor } from './unsaved.svelte';

/** An editor that is `dirty` and whose save succeeds when `saves`; its saves counted. */
function editor(title: string, dirty: boolean, saves = true): Editor & { saved: number } {
  const e = {
    title,
    saved: 0,
    dirty: () => dirty,
    save: async () => {
      e.saved += 1;
      return saves;
    },
  };
  return e;
}

/** Runs `mayLeave`, answering each question in turn; the titles asked about and the result. */
async function leave(unsaved: Unsaved, answers: Answer[]): Promise<{ asked: string[]; left: boolean }> {
  const asked: string[] = [];
  const result = unsaved.mayLeave();
  for (const answer of answers) {
    await Promise.resolve();
    await Promise.resolve();
    const q = unsaved.question;
    if (!q) break;
    asked.push(q.title);
    q.answer(answer);
  }
  return { asked, left: await result };
}

describe('unsaved changes', () => {
  const quiet = () => new Unsaved(async () => undefined);

  it('lets the view go at once when nothing is unsaved', async () => {
    const u = quiet();
    u.register(editor('Trip', false));
    expect(await leave(u, [])).toEqual({ asked: [], left: true });
  });

  it('keeps the view when the person keeps editing, and lets it go on discard', async () => {
    const u = quiet();
    u.register(editor('Trip', true));
    expect(await leave(u, ['keep'])).toEqual({ asked: ['Trip'], left: false });
    expect(await leave(u, ['discard'])).toEqual({ asked: ['Trip'], left: true });
  });

  it('saves first, and stays when the save is refused', async () => {
    const u = quiet();
    const refused = editor('Person', true, false);
    const release = u.register(refused);
    expect(await leave(u, ['save'])).toEqual({ asked: ['Person'], left: false });
    expect(refused.saved).toBe(1);
    release();
    const saved = editor('Person', true, true);
    u.register(saved);
    expect(await leave(u, ['save'])).toEqual({ asked: ['Person'], left: true });
  });

  it('asks about the innermost form first', async () => {
    const u = quiet();
    u.register(editor('Talk', true));
    u.register(editor('Submission', true));
    expect(await leave(u, ['discard', 'keep'])).toEqual({ asked: ['Submission', 'Talk'], left: false });
  });

  it('tells Rust only when the answer to "anything unsaved?" changes', async () => {
    const told: boolean[] = [];
    const u = new Unsaved(async (held) => void told.push(held));
    let dirty = false;
    const release = u.register({ title: 'Trip', dirty: () => dirty, save: async () => true });
    u.changed();
    dirty = true;
    u.changed();
    u.changed();
    release();
    expect(told).toEqual([true, false]);
  });
});
