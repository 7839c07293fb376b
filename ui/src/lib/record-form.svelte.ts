// What every record form shares: saving, field errors and a general error,
// and the write-then-reload of a save or a delete through `plan.commit`.
import { deletions } from './deletions.svelte';
import { fieldErrors, toApiError, type FieldErrors } from './ipc/errors';
import type { Deletion } from './ipc/types';
import { plan } from './plan.svelte';

export class RecordForm {
  /**
   * The save a form's submit just started, for a drawer that submitted it on
   * the person's behalf ("Save" in the unsaved-changes question) to await.
   */
  static latest: Promise<boolean> | null = null;

  errors = $state<FieldErrors>({});
  general = $state<string | null>(null);
  saving = $state(false);

  /**
   * `fields`: the fields the form shows, so an error naming one lands under it.
   * `asGeneral`: fields the form does not edit, whose errors read as plain words.
   */
  constructor(
    private readonly fields: readonly string[],
    private readonly asGeneral: readonly string[] = [],
  ) {}

  /** Runs `write` (which may throw an ApiError-like object first), then `done` once saved; whether it saved. */
  save(write: () => Promise<unknown>, done: () => void): Promise<boolean> {
    const saved = this.run(write, done);
    RecordForm.latest = saved;
    return saved;
  }

  private async run(write: () => Promise<unknown>, done: () => void): Promise<boolean> {
    this.saving = true;
    this.errors = {};
    this.general = null;
    try {
      await plan.commit(write);
      done();
      return true;
    } catch (err) {
      const error = toApiError(err);
      if (error.field && this.asGeneral.includes(error.field)) {
        this.general = error.message;
      } else {
        ({ byField: this.errors, general: this.general } = fieldErrors(error, this.fields));
      }
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Deletes, then offers to undo it. */
  async remove(write: () => Promise<Deletion>, done: () => void): Promise<void> {
    try {
      deletions.offer(await plan.commit(write));
      done();
    } catch (err) {
      this.general = toApiError(err).message;
    }
  }
}
