// The native menu bar, driven as a person with a keyboard drives it: keys go
// through XTEST to the focused window (no window manager runs under Xvfb, see
// dialogs.mjs), so GTK's own menu bar and accelerators handle them, not the
// page. Alt+letter opens a menu, arrows move, Return picks.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { dialogWindow, pickInChooser } from './dialogs.mjs';
import { application, click, discardDrawer, freshHome, gone, openApp, processesOn, screenshot, type, visible } from './harness.mjs';

const run = promisify(execFile);
const screenshots = process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../target/screenshots');
mkdirSync(screenshots, { recursive: true });
const home = freshHome();
const other = join(home.dir, 'other plan.db');

async function xdotool(...args) {
  const { stdout } = await run('xdotool', args.map(String), { timeout: 15_000 });
  return stdout.trim();
}

/** Focuses the window titled `title` and presses `sequence` there through XTEST, one key at a time. */
async function press(title, ...sequence) {
  const id = await dialogWindow(title);
  await xdotool('windowfocus', '--sync', id);
  for (const k of sequence) {
    await xdotool('key', '--clearmodifiers', k);
    await sleep(350);
  }
}

/** The app processes on `plan` (its own window), by pid. */
function windowsOn(plan) {
  const exe = realpathSync(application);
  return processesOn(home, (pid) => {
    if (realpathSync(`/proc/${pid}/exe`) !== exe) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(plan);
  });
}

async function closeWindowsOn(plan) {
  for (const pid of windowsOn(plan)) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (windowsOn(plan).length > 0 && Date.now() < deadline) await sleep(200);
}

const MAIN = 'quarterdeck.db — Quarterdeck';
const OTHER = 'other plan.db — Quarterdeck';

mkdirSync(dirname(home.db), { recursive: true });
for (const plan of [home.db, other]) {
  execFileSync(application, ['--db', plan, 'demo'], { stdio: 'ignore', env: { ...process.env, ...home.env } });
}

let app;
before(async () => {
  app = await openApp(home);
});
after(async () => {
  await closeWindowsOn(other);
  await app?.stop();
});

test('a View accelerator and the View menu switch the screen', async () => {
  const { driver } = app;
  await visible(driver, '[data-nav="quarter"][aria-current="page"]');
  await press(MAIN, 'ctrl+3');
  await visible(driver, '[data-nav="events"][aria-current="page"]');
  // Only the menu bar answers Alt+V: View, then down the list of screens to Travel (the sixth).
  await press(MAIN, 'alt+v', 'Down', 'Down', 'Down', 'Down', 'Down');
  // The menu is GTK's, outside the page: only the screen shows it.
  await run('import', ['-window', 'root', join(screenshots, 'menu-view.png')], { timeout: 15_000 });
  await press(MAIN, 'Return');
  await visible(driver, '[data-nav="travel"][aria-current="page"]');
});

test('Help → About shows the version, the schema and the plan file', async () => {
  const { driver } = app;
  await press(MAIN, 'alt+h', 'a');
  await visible(driver, '[data-testid="about-dialog"]');
  assert.match(await (await visible(driver, '[data-testid="about-version"]')).getText(), /^\d+\.\d+\.\d+/);
  assert.match(await (await visible(driver, '[data-testid="about-schema"]')).getText(), /^\d+$/);
  assert.equal(await (await visible(driver, '[data-testid="about-plan"]')).getText(), home.db);
  await screenshot(driver, 'menu-about');
  await click(driver, '[data-testid="about-dialog"] .form-actions button');
  await gone(driver, '[data-testid="about-dialog"]');
  await press(MAIN, 'ctrl+slash');
  await visible(driver, '[data-testid="shortcuts-dialog"]');
  await screenshot(driver, 'menu-shortcuts');
  await click(driver, '[data-testid="shortcuts-dialog"] [aria-label="Close"]');
});

test('View → Appearance tells the page which appearance was picked', async () => {
  const { driver } = app;
  await driver.executeScript(
    "window.__appearances = []; window.addEventListener('quarterdeck:appearance', (e) => window.__appearances.push(e.detail));",
  );
  await press(MAIN, 'alt+v', 'a', 'd');
  await press(MAIN, 'alt+v', 'a', 'l');
  await driver.wait(async () => (await driver.executeScript('return window.__appearances.length')) === 2, 5_000);
  assert.deepEqual(await driver.executeScript('return window.__appearances'), ['dark', 'light']);
});

test('a file that is no plan is refused with a message, and no window opens on it', async () => {
  const { driver } = app;
  const notes = join(home.dir, 'notes.db');
  writeFileSync(notes, 'shopping list\n'.repeat(200));
  await press(MAIN, 'ctrl+o');
  await pickInChooser('Open plan', notes);
  assert.match(await (await visible(driver, '[data-testid="menu-problem"]')).getText(), /not a Quarterdeck|not a plan|database/i);
  assert.equal(windowsOn(notes).length, 0);
  await click(driver, '[data-testid="menu-problem"] [aria-label="Dismiss"]');
  await gone(driver, '[data-testid="menu-problem"]');
});

test('Edit: Undo takes back typing in a field; Select all, Copy and Paste work on the field', async () => {
  const { driver } = app;
  await press(MAIN, 'ctrl+2');
  await visible(driver, '[data-nav="people"][aria-current="page"]');
  await click(driver, '[data-testid="add-person"]');
  const name = await type(driver, '#f-name', 'Ana Lima');
  await press(MAIN, 'ctrl+z');
  await driver.wait(async () => (await name.getAttribute('value')) !== 'Ana Lima', 5_000, 'Undo left the typing as it was');
  assert.ok('Ana Lima'.startsWith(await name.getAttribute('value')), 'what is left is what was typed before');
  await type(driver, '#f-name', 'Noor Haddad');
  await press(MAIN, 'ctrl+a', 'ctrl+c');
  await click(driver, '#f-role');
  await press(MAIN, 'ctrl+v');
  await driver.wait(async () => (await (await visible(driver, '#f-role')).getAttribute('value')) === 'Noor Haddad', 5_000, 'Paste never filled the role');
  await discardDrawer(driver);
});

test('Open plan opens another plan in its own window, and Open recent lists it after a restart', async () => {
  await press(MAIN, 'ctrl+o');
  await pickInChooser('Open plan', other);
  await dialogWindow(OTHER);
  assert.equal(windowsOn(other).length, 1, 'one window on the other plan');
  await closeWindowsOn(other);

  // Across a restart: this plan is the latest (it opened last), the other one next; the window comes back at
  // the size it was left and on the screen it showed last (People, from the test before).
  const main = await dialogWindow(MAIN);
  await xdotool('windowsize', main, 1000, 700);
  await sleep(500);
  // File → Quit (Ctrl+Q) closes the window as a person would, which is when its size is kept.
  await press(MAIN, 'ctrl+q');
  const deadline = Date.now() + 10_000;
  while ((await xdotool('search', '--onlyvisible', '--name', '^quarterdeck').catch(() => '')) && Date.now() < deadline) {
    await sleep(200);
  }
  await app.stop().catch(() => {}); // the session's window is gone already
  app = await openApp(home);
  await visible(app.driver, '[data-nav="people"][aria-current="page"]');
  assert.match(await xdotool('getwindowgeometry', await dialogWindow(MAIN)), /Geometry: 1000x700/);
  // File, then down to Open recent (New plan, Open plan, Open recent), into it, the second entry.
  await press(MAIN, 'alt+f', 'Down', 'Down', 'Right', 'Down', 'Return');
  await dialogWindow(OTHER);
  assert.equal(windowsOn(other).length, 1, 'Open recent opened the other plan');
});
