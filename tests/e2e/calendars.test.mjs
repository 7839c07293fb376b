// Calendars in and out in the real window, on the sample team: a work calendar
// (a weekly series in Berlin time with its own VTIMEZONE, one day excluded, one
// moved) dropped on the window and imported as Maya's busy time, seen as
// meeting hours in her weeks; the plan written as a file per kind into the
// default folder and into one picked in the native chooser, and as one file
// saved through the native save chooser, the
// imported-busy-time file checked from here and dropped again for Liam, who
// gains the same hours, then picked in the chooser to import it once more; a
// broken file refused with its line; a file that is no calendar refused on the
// drop; a drop the page forges reads nothing; and a calendar removed.
//
// The page cannot name a file. Drops are real: a small GTK drag source is
// dragged onto the window with xdotool (tests/e2e/drop.mjs), so the file goes
// through X's drag and drop to the window's own event, where Rust keeps it
// behind a token. The chooser is GTK's, opened by Rust, answered with xdotool
// (tests/e2e/dialogs.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { pickFolderInChooser, pickInChooser, saveInChooser } from './dialogs.mjs';
import { dropFile } from './drop.mjs';
import { NOW, appSession, application, chooseOption, click, gone, screenshot, texts, type, visible } from './harness.mjs';

const session = appSession();
const MAYA = 'Maya Okafor'; // Berlin
const LIAM = "Liam O'Connor"; // Dublin
const UID = 'team-sync-e2e@quarterdeck.test';
const files = mkdtempSync(join(tmpdir(), 'quarterdeck-calendars-'));

// ---- Days: the sample plan is made for the app's today (the harness's NOW), so the fixture is too.

const pad = (n) => String(n).padStart(2, '0');
const addDays = (d, n) => new Date(d.getTime() + n * 86_400_000);
const iso = (d) => d.toISOString().slice(0, 10);
const basic = (d) => iso(d).replaceAll('-', '');
const now = NOW;
const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
const thisMonday = addDays(today, -((today.getUTCDay() + 6) % 7));
/** The Monday `n` weeks from this one. */
const monday = (n) => addDays(thisMonday, 7 * n);

// Two hours every weekday at 09:00 in Berlin, six weeks from two weeks ago:
// 10 h a week; the Tuesday of next week is excluded (8 h), the Wednesday of the
// week after moves to 13:00–16:00 (11 h). Then a to-do, and an event with no start.
const EXCLUDED = addDays(monday(1), 1);
const MOVED = addDays(monday(2), 2);
const WEEKS = { now: iso(monday(0)), excluded: iso(monday(1)), moved: iso(monday(2)), plain: iso(monday(3)) };
const EXPECTED = { now: 10, excluded: 8, moved: 11, plain: 10 };

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function calendar(lines) {
  return [...lines, ''].join('\r\n');
}

const teamMeetings = calendar([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Quarterdeck e2e//EN',
  'X-WR-CALNAME:Team meetings',
  ...VTIMEZONE,
  'BEGIN:VEVENT',
  `UID:${UID}`,
  'DTSTAMP:20260101T000000Z',
  'SUMMARY:Team sync',
  `DTSTART;TZID=Europe/Berlin:${basic(monday(-2))}T090000`,
  `DTEND;TZID=Europe/Berlin:${basic(monday(-2))}T110000`,
  'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=30',
  `EXDATE;TZID=Europe/Berlin:${basic(EXCLUDED)}T090000`,
  'END:VEVENT',
  'BEGIN:VEVENT',
  `UID:${UID}`,
  `RECURRENCE-ID;TZID=Europe/Berlin:${basic(MOVED)}T090000`,
  'DTSTAMP:20260101T000000Z',
  'SEQUENCE:1',
  'SUMMARY:Team sync (moved to the afternoon)',
  `DTSTART;TZID=Europe/Berlin:${basic(MOVED)}T130000`,
  `DTEND;TZID=Europe/Berlin:${basic(MOVED)}T160000`,
  'END:VEVENT',
  'BEGIN:VTODO',
  'UID:todo-e2e@quarterdeck.test',
  'DTSTAMP:20260101T000000Z',
  'SUMMARY:Book flights',
  'END:VTODO',
  'BEGIN:VEVENT',
  'UID:no-start-e2e@quarterdeck.test',
  'DTSTAMP:20260101T000000Z',
  'SUMMARY:A meeting with no start',
  'END:VEVENT',
  'END:VCALENDAR',
]);

// END:VEVENT is missing: the file is refused whole, naming the line.
const broken = calendar([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'X-WR-CALNAME:Broken',
  'BEGIN:VEVENT',
  'UID:broken-e2e@quarterdeck.test',
  `DTSTART:${basic(monday(1))}T090000Z`,
  `DTEND:${basic(monday(1))}T100000Z`,
  'SUMMARY:Never ends',
  'END:VCALENDAR',
]);

const TEAM_FILE = join(files, 'team-meetings.ics');
const BROKEN_FILE = join(files, 'broken.ics');
const NOTES_FILE = join(files, 'notes.txt');
writeFileSync(TEAM_FILE, teamMeetings);
writeFileSync(BROKEN_FILE, broken);
writeFileSync(NOTES_FILE, 'not a calendar\n');

// ---- Helpers ------------------------------------------------------------------

/** Emits an event from the page, as a page may (and as a compromised one would). */
function emit(driver, event, payload) {
  return driver.executeAsyncScript(
    `const [event, payload, done] = arguments;
     window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event, payload }).then(() => done(null), (e) => done(String(e)));`,
    event,
    payload,
  );
}

/** Drops `file` on the window for real; with `hint`, pictures the hint shown while it hovers. */
async function drop(driver, file, { hint = false } = {}) {
  const whileOver = async () => {
    await visible(driver, '[data-testid="drop-hint"]');
    if (hint) await screenshot(driver, 'calendar-drop');
  };
  await dropFile(file, { whileOver });
  await gone(driver, '[data-testid="drop-hint"]');
}

/** "Import .ics…" in My load, and `file` picked in the native chooser. */
async function importThroughChooser(driver, file) {
  await click(driver, '[data-testid="import-calendar"]');
  await pickInChooser('Import a calendar', file);
  await visible(driver, '[data-testid="import-dialog"]');
}

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

async function showLoadOf(driver, name) {
  await click(driver, '[data-nav="load"]');
  await click(driver, '[data-tab="mine"]');
  await chooseOption(driver, '[data-testid="load-person"]', name);
  await driver.wait(
    async () => (await visible(driver, '[data-testid="imported-calendars"]')) && (await selectedText(driver, '[data-testid="load-person"]')) === name,
    5_000,
  );
}

async function selectedText(driver, selector) {
  return driver.executeScript('return arguments[0].selectedOptions[0].textContent', await visible(driver, selector));
}

/** The calendars My load lists, read in one go (a reload redraws the list). */
async function calendarsListed(driver) {
  await visible(driver, '[data-testid="imported-calendars"]');
  return driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=\"imported-calendars\"] li[data-calendar]')].map((li) => li.dataset.calendar)",
  );
}

/** Imports the file the import dialog shows, for the person it offers; returns the result's text. */
async function importOffered(driver, who) {
  await visible(driver, '[data-testid="import-dialog"]');
  assert.equal(await selectedText(driver, '[data-testid="import-person"]'), who, 'the dialog offers the person the Load view shows');
  await click(driver, '[data-testid="import-start"]');
  return visible(driver, '[data-testid="import-result"]', 20_000);
}

function occurrences(file) {
  const db = join(files, 'occurrences.db');
  const out = execFileSync(application, ['--db', db, 'occurrences', '--from', iso(monday(-4)), '--to', iso(monday(6)), '--json', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out).map(({ uid, start, end }) => ({ uid, start, end }));
}

// ---- The story --------------------------------------------------------------

test('a calendar dropped on the window becomes the chosen person’s meeting hours', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, `tr[data-person="${MAYA}"]`);

  await showLoadOf(driver, MAYA);
  assert.deepEqual(await calendarsListed(driver), []);
  assert.match(await (await visible(driver, '[data-testid="imported-calendars"]')).getText(), /No calendar imported for Maya Okafor/);
  for (const week of Object.values(WEEKS)) assert.equal(await meetingHours(driver, week), 0, `no meetings in ${week} before`);

  await drop(driver, TEAM_FILE, { hint: true });
  assert.equal(await (await visible(driver, '[data-testid="import-file"]')).getText(), 'team-meetings.ics');
  const result = await importOffered(driver, MAYA);
  const counts = await visible(driver, '[data-testid="import-counts"]');
  assert.equal(await counts.getAttribute('data-added'), '2', 'the series and its moved occurrence');
  assert.equal(await counts.getAttribute('data-updated'), '0');
  assert.equal(await (await visible(driver, '[data-testid="imported-name"]')).getText(), 'Team meetings');
  // Counted as the CLI counts and the Calendars panel lists: the series once, its moved occurrence apart.
  const read = await (await visible(driver, '[data-testid="import-read"]')).getText();
  assert.match(read, /^\d+ events read: 1 event \(a series counts once\), 1 change to a single occurrence/);
  assert.match(await (await visible(driver, '[data-testid="import-not-events"]')).getText(), /^1 to-do or note left out/);
  const warnings = await texts(driver, '[data-testid="import-warnings"] li');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /line \d+.*has no DTSTART/, 'the warning names the line of the event left out');
  assert.match(await result.getText(), /Maya Okafor’s busy time/);
  // The plan has reloaded under the dialog before the result shows: let the view behind it settle for the picture.
  await driver.wait(async () => (await calendarsListed(driver)).includes('Team meetings'), 5_000, 'the calendar is listed');
  await screenshot(driver, 'calendar-import');
  await click(driver, '[data-testid="import-done"]');
  await gone(driver, '[data-testid="import-dialog"]');

  // The calendar is listed, and its hours are in Maya's weeks.
  assert.match(
    await (await visible(driver, 'li[data-calendar="Team meetings"]')).getText(),
    /1 event, 1 change to a single occurrence · imported/,
    'the panel counts as the import said',
  );
  for (const [which, week] of Object.entries(WEEKS)) {
    assert.equal(await meetingHours(driver, week), EXPECTED[which], `${which} week of ${week}`);
  }
  const bar = await driver.findElements(By.css(`[data-testid="week-chart"] [data-week="${WEEKS.plain}"] rect.kind-meetings`));
  assert.equal(bar.length, 1, 'the week chart stacks the meetings');
  await meetingHours(driver, WEEKS.now);
  await driver.executeScript("document.querySelectorAll('.content, html').forEach((el) => el.scrollTo(0, 0))");
  await screenshot(driver, 'calendar-load');
});

test('the plan is written as a file per kind, and the imported busy time re-imports for another person', async () => {
  const { driver } = session.app;
  // The shortcut opens the dialog; Escape closes it; the sidebar opens it again.
  await driver.actions().keyDown(Key.CONTROL).keyDown(Key.SHIFT).sendKeys('e').keyUp(Key.SHIFT).keyUp(Key.CONTROL).perform();
  await visible(driver, '[data-testid="export-dialog"]');
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await gone(driver, '[data-testid="export-dialog"]');
  await click(driver, '[data-testid="open-export"]');
  await visible(driver, '[data-testid="export-dialog"]');

  const folder = join(session.home.env.XDG_DATA_HOME, 'dev.quarterdeck.app', 'calendars');
  assert.equal(await (await visible(driver, '[data-testid="export-folder"]')).getText(), folder, 'the default folder is beside the database');
  const kinds = await driver.findElements(By.css('[data-testid="export-kinds"] input[type="checkbox"]'));
  assert.equal(kinds.length, 6);
  for (const k of kinds) assert.equal(await k.isSelected(), true, 'every kind is ticked at first');
  assert.equal(await (await visible(driver, '#f-cfp_alarms')).getAttribute('value'), '7d,1d');

  // Chosen people: none chosen is refused in the dialog (to the backend it would mean everyone).
  await click(driver, '[data-testid="export-some"]');
  const boxes = await driver.findElements(By.css('[data-testid="export-people"] input[type="checkbox"]'));
  assert.equal(boxes.length, 6, 'one box per person');
  await click(driver, '[data-testid="export-folder-write"]');
  assert.match(await (await visible(driver, '[data-error-for="person_ids"]')).getText(), /pick at least one person/);
  await click(driver, `[data-testid="export-people"] input[data-person="${MAYA}"]`);
  await screenshot(driver, 'calendar-export-people');
  await click(driver, '[data-testid="export-team"]');
  await gone(driver, '[data-testid="export-people"]');

  // Reminders the backend cannot read are refused next to their field, and nothing is written.
  await type(driver, '#f-cfp_alarms', '7d,soon');
  await click(driver, '[data-testid="export-folder-write"]');
  assert.match(await (await visible(driver, '[data-error-for="cfp_alarms"]')).getText(), /"soon" is not like 7d/);
  assert.equal(existsSync(join(folder, 'quarterdeck-imported.ics')), false);
  await type(driver, '#f-cfp_alarms', '7d,1d');

  await click(driver, '[data-testid="export-folder-write"]');
  await visible(driver, '[data-testid="export-files"]');
  assert.equal((await driver.findElements(By.css('[data-error-for="cfp_alarms"]'))).length, 0);
  const written = await driver.findElements(By.css('[data-testid="export-files"] li[data-file]'));
  const names = await Promise.all(written.map((li) => li.getAttribute('data-file')));
  assert.deepEqual(names, ['events', 'trips', 'cfp', 'talks', 'content', 'imported'].map((k) => `quarterdeck-${k}.ics`));
  assert.match(await (await visible(driver, '[data-testid="export-result"]')).getText(), /subscribe to each file/);
  await screenshot(driver, 'calendar-export');

  // On disk, the imported busy time went back out as it came in: same UID, rule and exception, same occurrences.
  const exported = join(folder, 'quarterdeck-imported.ics');
  assert.ok(existsSync(exported), `${exported} was written`);
  const text = readFileSync(exported, 'utf8');
  assert.match(text, new RegExp(`^UID:${UID.replaceAll('.', '\\.')}\\r?$`, 'm'));
  assert.match(text, /^RRULE:FREQ=WEEKLY;.*BYDAY=MO,TU,WE,TH,FR/m);
  assert.match(text, new RegExp(`^EXDATE[;:].*${basic(EXCLUDED)}`, 'm'));
  assert.match(text, new RegExp(`^RECURRENCE-ID[;:].*${basic(MOVED)}`, 'm'));
  const before = occurrences(TEAM_FILE);
  assert.equal(before.length, 29, 'thirty weekdays, one excluded');
  assert.deepEqual(occurrences(exported), before, 'the exported file reads to the same occurrences');
  for (const kind of ['events', 'trips', 'cfp']) assert.ok(existsSync(join(folder, `quarterdeck-${kind}.ics`)));

  // Or into another folder, picked in the native chooser.
  const elsewhere = join(files, 'subscribed');
  mkdirSync(elsewhere);
  await click(driver, '[data-testid="export-folder-choose"]');
  await pickFolderInChooser('Folder for the calendar files', elsewhere);
  await driver.wait(
    async () => (await (await visible(driver, '[data-testid="export-result"]')).getText()).includes('the folder you chose'),
    10_000,
    'the result names the chosen folder',
  );
  for (const kind of ['events', 'imported']) assert.ok(existsSync(join(elsewhere, `quarterdeck-${kind}.ics`)), `${kind} in ${elsewhere}`);

  // Or one file of every kind, saved where the person chooses (a bare name gets its .ics).
  const single = join(files, 'whole-plan');
  await click(driver, '[data-testid="export-save"]');
  await saveInChooser('Export a calendar', single);
  const count = await visible(driver, '[data-testid="export-count"]', 15_000);
  assert.match(await count.getText(), /^\d+ events?$/);
  assert.match(await (await visible(driver, '[data-testid="export-result"]')).getText(), /written to whole-plan\.ics/);
  assert.match(readFileSync(`${single}.ics`, 'utf8'), new RegExp(`^UID:${UID.replaceAll('.', '\\.')}\\r?$`, 'm'));

  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await gone(driver, '[data-testid="export-dialog"]');

  // Liam gains the same hours from the exported file, dropped while his weeks are shown.
  await showLoadOf(driver, LIAM);
  assert.equal(await meetingHours(driver, WEEKS.plain), 0);
  await drop(driver, exported);
  await importOffered(driver, LIAM);
  const counts = await visible(driver, '[data-testid="import-counts"]');
  assert.equal(await counts.getAttribute('data-added'), '2');
  await click(driver, '[data-testid="import-done"]');
  await gone(driver, '[data-testid="import-dialog"]');
  await driver.wait(async () => (await calendarsListed(driver)).length === 1, 5_000, 'Liam has one calendar');
  for (const [which, week] of Object.entries(WEEKS)) {
    assert.equal(await meetingHours(driver, week), EXPECTED[which], `Liam’s ${which} week of ${week}`);
  }

  // Importing the same file again, picked in the chooser this time, changes nothing.
  await importThroughChooser(driver, exported);
  await importOffered(driver, LIAM);
  const again = await visible(driver, '[data-testid="import-counts"]');
  assert.deepEqual(
    [await again.getAttribute('data-added'), await again.getAttribute('data-updated'), await again.getAttribute('data-unchanged')],
    ['0', '0', '2'],
  );
  await click(driver, '[data-testid="import-done"]');
  await gone(driver, '[data-testid="import-dialog"]');
});

test('a broken calendar is refused naming its line, a file that is no calendar is refused on the drop, and a drop the page forges reads nothing', async () => {
  const { driver } = session.app;
  const listed = await calendarsListed(driver);
  await importThroughChooser(driver, BROKEN_FILE);
  await click(driver, '[data-testid="import-start"]');
  const error = await visible(driver, '[data-testid="import-error"]');
  assert.match(await error.getText(), /line \d+.*END:VEVENT is missing/);
  assert.match(await error.getText(), /Nothing was imported/);
  assert.equal((await driver.findElements(By.css('[data-testid="import-result"]'))).length, 0);
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await gone(driver, '[data-testid="import-dialog"]');
  assert.deepEqual(await calendarsListed(driver), listed, 'nothing imported');

  // The drop event Tauri's page API knows, emitted with a path: only the page hears it, nothing opens.
  assert.equal(await emit(driver, 'tauri://drag-drop', { paths: [TEAM_FILE], position: { x: 640, y: 400 } }), null);
  await driver.sleep(500);
  assert.equal((await driver.findElements(By.css('[data-testid="import-dialog"]'))).length, 0);

  // Rust's own drop event, forged with a made-up token: the dialog opens, and the import reads nothing.
  const forged = { token: '0193a1c2-7b4e-7c11-9a2f-5d6e7f809aff', name: 'team-meetings.ics' };
  assert.equal(await emit(driver, 'files-dropped', [forged]), null);
  await visible(driver, '[data-testid="import-dialog"]');
  await click(driver, '[data-testid="import-start"]');
  assert.match(await (await visible(driver, '[data-testid="import-error"]')).getText(), /no longer at hand/);
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await gone(driver, '[data-testid="import-dialog"]');
  assert.deepEqual(await calendarsListed(driver), listed, 'nothing imported');

  // A file that is no calendar, dropped: a note, not the dialog.
  await drop(driver, NOTES_FILE);
  assert.equal(
    await (await visible(driver, '[data-testid="drop-note"] span')).getText(),
    'notes.txt is not a calendar: only .ics files can be imported.',
  );
  assert.equal((await driver.findElements(By.css('[data-testid="import-dialog"]'))).length, 0);
  await click(driver, '[data-testid="drop-note"] button');
  await gone(driver, '[data-testid="drop-note"]');
});

test('removing a calendar, after a confirm, takes its hours out of the load', async () => {
  const { driver } = session.app;
  const [calendar] = await calendarsListed(driver);
  assert.ok(calendar, `${LIAM} has a calendar to remove`);
  await click(driver, `li[data-calendar="${calendar}"] [data-testid="remove-calendar"]`);
  await click(driver, `li[data-calendar="${calendar}"] [data-testid="confirm-remove"]`);
  await driver.wait(async () => (await calendarsListed(driver)).length === 0, 5_000, 'the calendar is gone');
  assert.equal(await meetingHours(driver, WEEKS.plain), 0);
  // Maya's own copy stays.
  await chooseOption(driver, '[data-testid="load-person"]', MAYA);
  await driver.wait(async () => (await calendarsListed(driver)).includes('Team meetings'), 5_000);
  assert.equal(await meetingHours(driver, WEEKS.plain), EXPECTED.plain);
});
