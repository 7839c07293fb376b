// Undo for deletions, the parts that need no window: the words a toast shows,
// which keys undo, and the list of deletions still undoable.
import type { Deletion, RecordKind } from './ipc/types';

/** As many as the backend keeps (src-tauri/src/app/undo.rs): older ones can no longer be undone. */
export const UNDO_KEPT = 20;
/** How long a deletion's toast offers Undo (Ctrl+Z still undoes it after). */
export const OFFER_MS = 10_000;
/** How long "… is back" stays. */
export const RESTORED_MS = 4_000;

const NOUNS: Record<RecordKind, string> = {
  person: 'Person',
  event: 'Event',
  time_off: 'Time off',
  talk: 'Talk',
  submission: 'Submission',
  content: 'Content',
  trip: 'Trip',
  budget: 'Budget',
  rate: 'Exchange rate',
  goal: 'Goal',
  outcome: 'Outcome',
};

/** `Trip “Berlin, JSConf”` */
export function named(d: Deletion): string {
  return `${NOUNS[d.kind]} “${d.label}”`;
}

export function deletedText(d: Deletion): string {
  return `${named(d)} deleted`;
}

export function restoredText(d: Deletion): string {
  return `${named(d)} is back`;
}

export function failedText(d: Deletion, reason: string): string {
  return `${named(d)} could not come back: ${reason}`;
}

/** `history` with `d` added last, keeping the newest `UNDO_KEPT`. */
export function remember(history: readonly Deletion[], d: Deletion): Deletion[] {
  return [...history, d].slice(-UNDO_KEPT);
}

type Keys = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** Ctrl+Z (Cmd+Z on a Mac keyboard); Ctrl+Shift+Z is redo elsewhere, so not this. */
export function isUndoKey(e: Keys): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
}

const NOT_TYPED = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

type Focused = { tagName?: string; type?: string; isContentEditable?: boolean } | null;

/** Whether Ctrl+Z belongs to the field being typed in (its own text undo) rather than to us. */
export function isTextField(el: Focused): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName?.toLowerCase();
  if (tag === 'textarea') return true;
  return tag === 'input' && !NOT_TYPED.has((el.type || 'text').toLowerCase());
}
