// The calendar server's sync state as the window knows it: fetched once, then
// kept by the `calendar-sync` event Rust emits at each change, and fetched
// again after each plan reload (an edit changes what is waiting to go out).
import { dayAndTime } from '../../lib/dates';
import { listen } from '@tauri-apps/api/event';
import { api } from '../../lib/ipc/commands';
import { toApiError } from '../../lib/ipc/errors';
import type { CalendarSyncState, CountsAs } from '../../lib/ipc/types';

/** What each way of counting is called in the select; a new `CountsAs` value fails to compile until it has one. */
export const COUNTS_AS_LABELS: Record<CountsAs, string> = {
  busy: 'Busy',
  'out-of-office': 'Out of office',
  ignore: 'Ignore',
};

class CalendarSync {
  state = $state<CalendarSyncState | null>(null);
  /** Why the state could not be read (not a sync's error, which is in the state). */
  failure = $state<string | null>(null);

  async refresh(): Promise<void> {
    try {
      this.state = await api.calendarSyncState();
      this.failure = null;
    } catch (e) {
      this.failure = toApiError(e).message;
    }
  }

  /** Takes a state Rust sent (what the sync wrote to the plan arrives as a plan change of its own). */
  receive(state: CalendarSyncState): void {
    this.state = state;
  }

  /** Listens for the sync's changes; resolves with the function that stops. */
  async listen(): Promise<() => void> {
    const stop = await listen<CalendarSyncState>('calendar-sync', ({ payload }) => this.receive(payload));
    await this.refresh();
    return stop;
  }
}

export const calendarSync = new CalendarSync();

/** "just now", "3 minutes ago", "2 hours ago", or the day and time for anything older. */
export function ago(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  return dayAndTime(then);
}
