// Which calendar dialog is open, shared by the places that open them: the
// sidebar and its shortcut (export), the Load view and a drop on the window
// (import). The dialogs themselves live once, in App.svelte.

export type ImportRequest = {
  /** Tells one request from the next, so that a new file starts the dialog afresh. */
  key: number;
  path: string;
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

  openImport(path: string, person: string | null = this.loadPerson): boolean {
    if (this.busy) return false;
    this.exportOpen = false;
    this.importing = { key: this.#next++, path, person };
    return true;
  }

  closeImport(): void {
    if (!this.busy) this.importing = null;
  }
}

export const calendarDialogs = new CalendarDialogs();
