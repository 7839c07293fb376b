// The app as a desktop citizen: one window per plan file (a second launch
// hands over to the first), web addresses opened in the system browser (once
// the person agrees in a native dialog) and never in the window, the plan
// backed up daily and restored from Settings, and a copy saved and restored
// through the native file chooser (driven with xdotool, tests/e2e/dialogs.mjs),
// and a log file that Settings names.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { By } from 'selenium-webdriver';
import { answerQuestion, cancelChooser, pickInChooser, saveInChooser } from './dialogs.mjs';
import { application, click, discardDrawer, freshHome, openApp, screenshot, type, visible } from './harness.mjs';

const home = freshHome();

// A session bus of our own, so the single-instance check has one to use (CI runs without a desktop session).
const bus = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
  stdio: ['ignore', 'pipe', 'ignore'],
});
const busAddress = await new Promise((resolve, reject) => {
  createInterface({ input: bus.stdout }).once('line', resolve);
  bus.once('error', reject);
});

// The "system browser": an xdg-open that writes down what it was asked to open.
const bin = join(home.dir, 'bin');
const opened = join(home.dir, 'opened.txt');
mkdirSync(bin);
writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
chmodSync(join(bin, 'xdg-open'), 0o755);

home.env = { ...home.env, DBUS_SESSION_BUS_ADDRESS: busAddress, PATH: `${bin}:${process.env.PATH}` };
const app = await openApp(home);
after(async () => {
  await app.stop();
  bus.kill('SIGTERM');
});

/** Starts the app binary as a person would from a launcher; resolves with its exit code, or null if still running after `ms`. */
async function launch(args, ms) {
  const proc = spawn(application, args, { env: { ...process.env, ...home.env }, stdio: 'ignore' });
  const exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  const code = await Promise.race([exited, sleep(ms).then(() => null)]);
  if (code === null) {
    proc.kill('SIGTERM');
    await exited;
  }
  return code;
}

test('launching Quarterdeck again on the same plan hands over to the open window', async () => {
  const { driver } = app;
  const code = await launch([], 15_000);
  assert.equal(code, 0, 'the second launch gives way to the first and exits cleanly');
  // The first window carries on as before.
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
});

test('another plan file opens in its own window', async () => {
  const code = await launch(['--db', join(home.dir, 'other-team.db')], 6_000);
  assert.equal(code, null, 'a launch on another file keeps running beside the first');
});

test('a web address opens in the system browser, never in the window', async () => {
  const { driver } = app;
  await click(driver, '[data-nav="events"]');
  await click(driver, '[data-testid="add-event"]');
  const open = await visible(driver, 'button[data-open-url="url"]');
  assert.equal(await open.getAttribute('disabled'), 'true', 'nothing to open until the address is complete');
  await type(driver, '#f-url', 'rustconf.com');
  assert.equal(await open.getAttribute('disabled'), 'true', 'an address without https:// is not opened');
  await type(driver, '#f-url', 'https://rustconf.com/2026');
  // The person is asked first, in a dialog the page cannot answer: no, and nothing opens.
  await click(driver, 'button[data-open-url="url"]');
  await answerQuestion('Open in browser', false);
  await sleep(500);
  assert.equal(existsSync(opened), false, 'nothing opened without a yes');
  await click(driver, 'button[data-open-url="url"]');
  await answerQuestion('Open in browser', true);
  await driver.wait(() => existsSync(opened), 10_000, 'the system browser was never asked');
  assert.deepEqual(readFileSync(opened, 'utf8').trim().split('\n'), ['https://rustconf.com/2026']);
  assert.match(await driver.getCurrentUrl(), /^tauri:\/\/localhost|^http:\/\/tauri\.localhost/, 'the window stays on the app');
  await discardDrawer(driver); // the address typed is a change: asked first
});

async function restoreFrom(driver, row) {
  await click(driver, `li[data-backup${row}] button`);
  await visible(driver, '[data-testid="restore-confirm"]');
  await click(driver, '[data-testid="restore-yes"]');
  const status = await visible(driver, '[data-testid="backup-status"]', 20_000);
  return status.getText();
}

test('the daily backup taken at launch can be restored, and so can the plan it replaced', async () => {
  const { driver } = app;
  await click(driver, '[data-nav="settings"]');
  // The day's backup was taken at launch, before the sample team was loaded: an empty plan.
  const daily = await visible(driver, 'li[data-backup^="quarterdeck-"]');
  assert.match(await daily.getText(), /\d{4}-\d{2}-\d{2}/);
  const emptied = await restoreFrom(driver, '^="quarterdeck-"');
  assert.match(emptied, /Restored 0 people/);
  assert.match(emptied, /before-restore-/);
  await click(driver, '[data-nav="people"]');
  await visible(driver, '[data-testid="load-sample"]');

  // Changed our mind: the plan as it was before the restore is in the list too.
  await click(driver, '[data-nav="settings"]');
  const back = await restoreFrom(driver, '^="before-restore-"');
  assert.match(back, /Restored 6 people/);
  await driver.executeScript('arguments[0].scrollIntoView({block: "end"})', await visible(driver, '[data-testid="backups"]'));
  await screenshot(driver, 'backups');
  await click(driver, '[data-nav="people"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  const rows = await driver.findElements(By.css('tr[data-person]'));
  assert.equal(rows.length, 6, 'the whole team is back');
});

test('Settings names the log file, where the launch and its daily backup were written down', async () => {
  const { driver } = app;
  await click(driver, '[data-nav="settings"]');
  const shown = await visible(driver, '[data-testid="log-file"]');
  await driver.executeScript('arguments[0].closest("section").scrollIntoView({block: "end"})', shown);
  await screenshot(driver, 'settings-log');
  const named = await shown.getText();
  const expected = join(home.env.XDG_DATA_HOME, 'dev.quarterdeck.app', 'logs', 'quarterdeck.log');
  assert.equal(named, expected);
  const log = readFileSync(expected, 'utf8');
  assert.match(log, /Quarterdeck \S+ opened .*quarterdeck\.db/);
  assert.match(log, /daily backup: .*quarterdeck-\d{4}-\d{2}-\d{2}\.db/);
});

test('a copy saved where the person chooses restores the plan from that file', async () => {
  const { driver } = app;
  const copies = join(home.dir, 'copies');
  mkdirSync(copies);
  const copy = join(copies, 'before-the-offsite.db');
  await click(driver, '[data-nav="settings"]');
  // Cancelled in the dialog: nothing written, nothing to report, no error.
  await click(driver, '[data-testid="backup-now"]');
  await cancelChooser('Save a backup of the plan');
  await driver.wait(async () => (await (await visible(driver, '[data-testid="backup-now"]')).isEnabled()), 10_000);
  assert.equal((await driver.findElements(By.css('[data-testid="backup-status"], [data-testid="backup-error"]'))).length, 0);
  await click(driver, '[data-testid="backup-now"]');
  await saveInChooser('Save a backup of the plan', copy);
  const saved = await visible(driver, '[data-testid="backup-status"]', 20_000);
  assert.match(await saved.getText(), /^Saved before-the-offsite\.db \(6 people, /);
  assert.ok(existsSync(copy), `${copy} was written`);

  // Restore it over an emptied plan: confirmed on the page, then the file picked in the chooser.
  await restoreFrom(driver, '^="quarterdeck-"');
  await click(driver, '[data-testid="restore-file"]');
  await visible(driver, '[data-testid="restore-confirm"]');
  await click(driver, '[data-testid="restore-yes"]');
  await pickInChooser('Restore the plan from a backup', copy);
  await driver.wait(
    async () => /Restored 6 people from before-the-offsite\.db/.test(await (await visible(driver, '[data-testid="backup-status"]')).getText()),
    20_000,
    'the restore from the picked file never reported',
  );
  await click(driver, '[data-nav="people"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
});
