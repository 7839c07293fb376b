// The deletions of this session that can be undone: each delete shows a toast
// offering Undo for a while, and Ctrl+Z brings back the latest one still kept.
// Undo restores through the backend, then reloads the plan.
import { api } from './ipc/commands';
import { toApiError } from './ipc/errors';
import type { Deletion } from './ipc/types';
import { plan } from './plan.svelte';
import { OFFER_MS, RESTORED_MS, deletedText, failedText, remember, restoredText } from './undo';

export type UndoToast = {
  deletion: Deletion;
  state: 'deleted' | 'undoing' | 'restored' | 'failed';
  text: string;
};

class Deletions {
  toasts = $state<UndoToast[]>([]);
  /** Deletions still undoable, newest last. */
  private undoable: Deletion[] = [];
  private undoing = new Set<string>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** After a delete: offer to undo it. */
  offer(d: Deletion): void {
    this.undoable = remember(this.undoable, d);
    this.show({ deletion: d, state: 'deleted', text: deletedText(d) }, OFFER_MS);
  }

  /** Brings back the latest deletion not being undone already; false when there is none. */
  undoLatest(): boolean {
    const latest = this.undoable.filter((d) => !this.undoing.has(d.token)).at(-1);
    if (latest) void this.undo(latest);
    return latest !== undefined;
  }

  async undo(d: Deletion): Promise<void> {
    if (this.undoing.has(d.token)) return;
    this.undoing.add(d.token);
    this.show({ deletion: d, state: 'undoing', text: deletedText(d) }, null);
    try {
      await plan.commit(() => api.undoDelete(d.token));
      this.undoable = this.undoable.filter((u) => u.token !== d.token);
      this.show({ deletion: d, state: 'restored', text: restoredText(d) }, RESTORED_MS);
    } catch (err) {
      // Still undoable: once what it needs is back (an earlier undo), it can come back too.
      this.show({ deletion: d, state: 'failed', text: failedText(d, toApiError(err).message) }, OFFER_MS);
    } finally {
      this.undoing.delete(d.token);
    }
  }

  dismiss(token: string): void {
    clearTimeout(this.timers.get(token));
    this.timers.delete(token);
    this.toasts = this.toasts.filter((t) => t.deletion.token !== token);
  }

  /** Shows `toast` in place of the same deletion's, for `ms` (null: until replaced). */
  private show(toast: UndoToast, ms: number | null): void {
    const token = toast.deletion.token;
    clearTimeout(this.timers.get(token));
    this.timers.delete(token);
    const at = this.toasts.findIndex((t) => t.deletion.token === token);
    this.toasts = at < 0 ? [...this.toasts, toast] : this.toasts.map((t, i) => (i === at ? toast : t));
    if (ms !== null)
      this.timers.set(
        token,
        setTimeout(() => this.dismiss(token), ms),
      );
  }
}

export const deletions = new Deletions();
