// The window's notion of now, kept in step with the app's clock (which
// QUARTERDECK_NOW can move, for tests and for rehearsing another day). Until
// the app has answered, it is the system clock.

let offsetMs = 0;

/** Sets the clock from the app's `now` (RFC 3339), read at `readAt` (ms since the epoch). */
export function setClock(appNow: string, readAt: number = Date.now()): void {
  const at = Date.parse(appNow);
  offsetMs = Number.isNaN(at) ? 0 : at - readAt;
}

/** Now, on the app's clock. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}
