// Which quarter the home screen shows and for whom, and the quarter view the
// backend computed for it. Kept here rather than in the view, so that going to
// another section and back returns to the same quarter and person.
import { localToday, quarterOf } from '../../lib/dates';
import { api } from '../../lib/ipc/commands';
import { toApiError } from '../../lib/ipc/errors';
import type { QuarterView } from '../../lib/ipc/types';
import { plan } from '../../lib/plan.svelte';

class QuarterScreen {
  /** null until the user moves: the quarter holding today, read when asked (the app's clock arrives after start). */
  #chosen = $state<string | null>(null);
  get quarter(): string {
    return this.#chosen ?? quarterOf(localToday());
  }
  set quarter(quarter: string) {
    this.#chosen = quarter;
  }
  /** undefined until the user picks someone (or the team): until then the quarter is theirs, "me". */
  #person = $state<string | null | undefined>(undefined);
  /** null: the team. */
  get personId(): string | null {
    return this.#person === undefined ? plan.myId : this.#person;
  }
  set personId(id: string | null) {
    this.#person = id;
  }
  view = $state<QuarterView | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  private asked = 0;

  /** Fetches the quarter shown; an answer overtaken by a later question is dropped. */
  async fetch(): Promise<void> {
    const ask = ++this.asked;
    const [quarter, personId] = [this.quarter, this.personId];
    this.loading = true;
    try {
      const view = await api.quarterView(quarter, personId);
      if (ask !== this.asked) return;
      this.view = view;
      this.error = null;
    } catch (err) {
      if (ask === this.asked) this.error = toApiError(err).message;
    } finally {
      if (ask === this.asked) this.loading = false;
    }
  }

  /** The quarter holding today. */
  goToday(): void {
    this.quarter = quarterOf(localToday());
  }
}

export const quarterScreen = new QuarterScreen();
