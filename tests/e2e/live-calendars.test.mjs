// Named to sort after calendars.test.mjs, whose third test fails when any file runs before it under the same Xvfb
// (its "Import a calendar" dialog stays open; seen with people.test.mjs first as well): a separate, older flake.
// Live calendars in the real window, against a real CalDAV server (Radicale
// on loopback): connect in Settings as Maya Okafor of the sample team and see
// the first sync; add an event in the window, "Sync now", and find it on the
// server with an independent client; then a "Work" calendar another app made
// on the server, picked as Busy in Settings, brings its meeting into Maya's
// load. No timed syncs run (the interval is off), and the password stays in
// memory rather than in whatever keychain the machine has.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { appSession, chooseOption, click, gone, NOW, pickZone, screenshot, setDate, texts, type, visible } from './harness.mjs';
import { ADD_MEETING, caldavClient, ITEMS, startRadicale } from './radicale.mjs';

process.env.QUARTERDECK_SYNC_INTERVAL_SECS = '0';
process.env.QUARTERDECK_KEYCHAIN = 'memory';

const MAYA = 'Maya Okafor';
const EVENT = 'CalDAV Summit';
const MEETING_UID = 'quarterly-planning-e2e@other.example';

// The meeting: two hours on the Thursday of the app's week (the sample plan is made for the harness's NOW).
const addDays = (d, n) => new Date(d.getTime() + n * 86_400_000);
const iso = (d) => d.toISOString().slice(0, 10);
const today = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate()));
const thisMonday = addDays(today, -((today.getUTCDay() + 6) % 7));
const WEEK = iso(thisMonday);
const basic = (d, hour) => `${iso(d).replaceAll('-', '')}T${String(hour).padStart(2, '0')}0000Z`;
const THURSDAY = addDays(thisMonday, 3);
const EVENT_DAY = iso(addDays(thisMonday, 21));

let server;
before(async () => {
  server = await startRadicale();
});
after(async () => {
  await server?.stop();
});
const session = appSession();

/** Opens `week` in My load and returns its meeting hours (0 when the week detail lists none). */
async function meetingHours(driver, week) {
  await click(driver, `[data-testid="week-chart"] [data-week="${week}"] .hit`);
  await driver.wait(
    async () => (await (await visible(driver, '[data-testid="week-detail"]')).getAttribute('data-week')) === week,
    5_000,
    `the week of ${week} never opened`,
  );
  const [meetings] = await texts(driver, '[data-testid="week-detail"] [data-kind="meetings"]');
  if (meetings === undefined) return 0;
  const match = /^Meetings ([\d.]+) h$/.exec(meetings.trim());
  assert.ok(match, `the week detail labels the meetings: ${meetings}`);
  return Number(match[1]);
}

async function mayasMeetings(driver) {
  await click(driver, '[data-nav="load"]');
  await click(driver, '[data-tab="mine"]');
  await chooseOption(driver, '[data-testid="load-person"]', MAYA);
  await visible(driver, '[data-testid="week-chart"]');
  return meetingHours(driver, WEEK);
}

/** Waits until the sync state shows a finished sync with nothing left to send; returns the status text. */
async function synced(driver, ms = 20_000) {
  await driver.wait(
    async () => {
      const [status] = await texts(driver, '[data-testid="sync-status"]');
      const [waiting] = await texts(driver, '[data-testid="changes-waiting"]');
      return /^Synced/.test(status ?? '') && /Nothing waiting/.test(waiting ?? '');
    },
    ms,
    'the sync never finished with nothing waiting',
  );
  return (await texts(driver, '[data-testid="sync-status"]'))[0];
}

function onServer() {
  return JSON.parse(caldavClient(server.url, 'alice', ITEMS));
}

test('connecting in Settings refuses a wrong password next to its field, then syncs', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, `tr[data-person="${MAYA}"]`);
  await click(driver, '[data-nav="settings"]');
  await visible(driver, '[data-testid="calendar-login"]');
  await type(driver, '#f-server_url', server.url);
  await type(driver, '#f-user', 'alice');
  await type(driver, '#f-password', 'not-her-password');
  await chooseOption(driver, '#f-me', MAYA);
  await click(driver, '[data-testid="connect-calendar-server"]');
  const refused = await visible(driver, '[data-error-for="password"]');
  assert.match(await refused.getText(), /refused the user name or password/);
  assert.equal((await driver.findElements(By.css('[data-testid="calendar-account"]'))).length, 0, 'nothing connected');
  await driver.executeScript("document.querySelector('[data-testid=\"calendar-server\"]').scrollIntoView()");
  await screenshot(driver, 'calendar-server-login');

  await type(driver, '#f-password', 'alice-secret');
  await click(driver, '[data-testid="connect-calendar-server"]');
  const account = await visible(driver, '[data-testid="calendar-account"]', 20_000);
  assert.match(await account.getText(), new RegExp(`Connected as alice at ${server.url}.*${MAYA}'s plan`));
  assert.match(
    await (await visible(driver, '[data-testid="no-keychain"]')).getText(),
    /No keychain on this computer: the password is kept until Quarterdeck closes/,
  );
  assert.equal(await synced(driver), 'Synced just now');
  assert.match(await (await visible(driver, '[data-testid="last-sync"]')).getText(), /^Sent [1-9]\d* new/);

  // Quarterdeck's own calendars are listed as what it publishes, not as a choice.
  await visible(driver, '[data-testid="server-calendars"]');
  const ours = await texts(driver, '[data-testid="server-calendars"] li');
  assert.ok(ours.some((t) => /Quarterdeck publishes: CFP deadlines/.test(t)), ours.join(' | '));
  assert.equal((await driver.findElements(By.css('[data-testid="server-calendars"] select'))).length, 0);
  const items = onServer();
  assert.ok(Object.keys(items).some((path) => path.endsWith('/quarterdeck-events/')), Object.keys(items).join(', '));
});

test('an event added in the window reaches the server after Sync now', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="events"]');
  await click(driver, '[data-testid="add-event"]');
  await visible(driver, '[data-testid="event-form"]');
  await type(driver, '#f-name', EVENT);
  await setDate(driver, '#f-start_date', EVENT_DAY);
  await setDate(driver, '#f-end_date', EVENT_DAY);
  await type(driver, '#f-city', 'Lisbon');
  await type(driver, '#f-country', 'PT');
  await pickZone(driver, '#f-timezone', 'Lisbon', 'Europe/Lisbon');
  await chooseOption(driver, 'select[name="new-participant"]', MAYA);
  await click(driver, '[data-testid="participants"] .inline-form button');
  await click(driver, '[data-testid="save-event"]');
  await gone(driver, '[data-testid="event-form"]');

  await click(driver, '[data-nav="settings"]');
  const waiting = await visible(driver, '[data-testid="changes-waiting"]');
  await driver.wait(async () => /^1 change waiting/.test(await waiting.getText()), 10_000, 'the new event waits to be sent');
  await click(driver, '[data-testid="sync-now"]');
  await synced(driver);
  const events = Object.entries(onServer()).find(([path]) => path.endsWith('/quarterdeck-events/'))[1];
  assert.ok(Object.values(events).includes(EVENT), `the server holds ${EVENT}: ${JSON.stringify(events)}`);
});

test('a calendar picked as busy brings its meeting into My load', async () => {
  const { driver } = session.app;
  const before = await mayasMeetings(driver);
  const work = caldavClient(server.url, 'alice', ADD_MEETING, MEETING_UID, basic(THURSDAY, 10), basic(THURSDAY, 12)).trim();

  await click(driver, '[data-nav="settings"]');
  await click(driver, '[data-testid="reread-calendars"]');
  const select = `[data-testid="server-calendars"] li[data-calendar="${work}"] select`;
  assert.equal(await (await visible(driver, select)).getAttribute('value'), 'ignore', 'a new calendar does not count');
  await chooseOption(driver, select, 'Busy');
  await driver.wait(
    async () => /busy time from 1 calendar: 1 added/.test((await texts(driver, '[data-testid="last-sync"]'))[0] ?? ''),
    20_000,
    'the sync read the work calendar',
  );
  assert.equal(await (await visible(driver, select)).getAttribute('value'), 'busy');
  await driver.executeScript("document.querySelector('[data-testid=\"calendar-server\"]').scrollIntoView()");
  await screenshot(driver, 'calendar-server');

  assert.equal(await mayasMeetings(driver), before + 2, 'the two-hour meeting counts in Maya’s week');
});
