// Which calendar dialog is open, shared by the places that open them: the
// sidebar and its shortcut (export), the Load view and a drop on the window
// (import). The dialogs themselves live once, in App.svelte.

import type { ChosenFile } from '../../lib/ipc/types';

export type ImportRequest = {
  /** Tells one request from the next, so that a new file starts the dialog afresh. */
  key: number;
  /** The file dropped or chosen, by its token: the page never holds its path. */
  file: ChosenFile;
  /** Whose busy time the file is, as first offered; the dialog may change it. */
  person: string | null;
};

class CalendarDialogs {
  exportOpen = $state(false);
  importing = $state<ImportRequest | null>(null);
  /** An import is running: a new drop must not replace it. */
  busy = $state(false);
  /** The person the Load view showed last: whose calendar a dropped file is, unless changed. */
  loadPerson = $state<string | null>(null);
  #next = 0;

  openImport(file: ChosenFile, person: string | null = this.loadPerson): boolean {
    if (this.busy) return false;
    this.exportOpen = false;
    this.importing = { key: this.#next++, file, person };
    return true;
  }

  closeImport(): void {
    if (!this.busy) this.importing = null;
  }
}

export const calendarDialogs = new CalendarDialogs();
