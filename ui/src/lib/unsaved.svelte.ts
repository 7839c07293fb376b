// Forms with changes not yet saved, innermost last, and the one question
// asked before any of them would be thrown away: by Escape or a click beside
// a drawer, by switching views, or by closing the window. Rust keeps the
// window open only while `any` is true, so a page that died never traps it.
import { tick } from 'svelte';
import { api } from './ipc/commands';

export type Answer = 'save' | 'discard' | 'keep';

export interface Editor {
  /** What the question calls it: the drawer's title. */
  title: string;
  dirty(): boolean;
  /** Saves as the form's Save button would; whether it was saved. */
  save(): Promise<boolean>;
}

export class Unsaved {
  private editors: Editor[] = [];
  private told = false;

  /** `tell` passes "anything unsaved?" on to Rust. */
  constructor(private readonly tell: (held: boolean) => Promise<unknown> = (held) => api.setUnsavedChanges(held)) {}

  /** The question shown now, if any. */
  question = $state<{ title: string; answer: (a: Answer) => void } | null>(null);

  register(editor: Editor): () => void {
    this.editors.push(editor);
    return () => {
      this.editors = this.editors.filter((e) => e !== editor);
      this.changed();
    };
  }

  get any(): boolean {
    return this.editors.some((e) => e.dirty());
  }

  /** Tells Rust when the answer to "anything unsaved?" changes (not at every key). */
  changed(): void {
    const now = this.any;
    if (now === this.told) return;
    this.told = now;
    this.tell(now).catch(() => (this.told = !now));
  }

  /** Asks what to do with the unsaved changes of `title`. */
  ask(title: string): Promise<Answer> {
    this.question?.answer('keep');
    // The view goes inert under the question, which takes its focus: given back after.
    const focused = typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null);
    return new Promise((resolve) => {
      this.question = {
        title,
        answer: (a) => {
          this.question = null;
          resolve(a);
          if (a === 'keep') void tick().then(() => focused?.isConnected && focused.focus?.());
        },
      };
    });
  }

  /** Whether the page may move on: each form with changes asked, innermost first; false if one is kept. */
  async mayLeave(): Promise<boolean> {
    for (const editor of [...this.editors].reverse()) {
      if (!editor.dirty()) continue;
      const answer = await this.ask(editor.title);
      if (answer === 'keep') return false;
      if (answer === 'save' && !(await editor.save())) return false;
    }
    return true;
  }
}

export const unsaved = new Unsaved();

/** The values of a form's fields, in order: what "changed" is measured against. */
export function snapshot(root: ParentNode): string {
  const values: string[] = [];
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    'input, select, textarea',
  )) {
    if (el instanceof HTMLInputElement) {
      if (['button', 'submit', 'reset', 'hidden', 'file'].includes(el.type)) continue;
      values.push(el.type === 'checkbox' || el.type === 'radio' ? String(el.checked) : el.value);
    } else if (el instanceof HTMLSelectElement && el.multiple) {
      values.push([...el.selectedOptions].map((o) => o.value).join('\u0001'));
    } else {
      values.push(el.value);
    }
  }
  return values.join('\u0000');
}
