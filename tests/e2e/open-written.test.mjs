// After saving the quarter report or exporting calendars, "Open" and "Show in
// folder" hand what Rust wrote to the system: the real `gio open` (or
// xdg-open) finds the default app for the file's type through the XDG
// folders, where this test registers a recording app (a .desktop entry whose
// Exec writes down its argument), so the whole desktop path runs; only the
// app at its end is ours. The page never sends a path: only the kind. Help →
// Documentation goes the same way, with the manual built into the app.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { dialogWindow, saveInChooser } from './dialogs.mjs';
import { application, click, freshHome, openApp, screenshot, visible } from './harness.mjs';

const home = freshHome();
const recorded = join(home.dir, 'opened.txt');

/** Registers the recording app as the default for `types` in `home`'s XDG folders. */
function registerRecorder(types) {
  const script = join(home.dir, 'record-open');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${recorded}'\n`);
  chmodSync(script, 0o755);
  const apps = join(home.env.XDG_DATA_HOME, 'applications');
  mkdirSync(apps, { recursive: true });
  writeFileSync(
    join(apps, 'quarterdeck-test-recorder.desktop'),
    ['[Desktop Entry]', 'Type=Application', 'Name=Recorder', `Exec=${script} %f`, `MimeType=${types.join(';')};`, 'NoDisplay=true', ''].join('\n'),
  );
  const defaults = types.map((t) => `${t}=quarterdeck-test-recorder.desktop`).join('\n');
  writeFileSync(join(home.env.XDG_CONFIG_HOME, 'mimeapps.list'), `[Default Applications]\n${defaults}\n`);
}

/** The paths the recording app was given so far, once there are `count` of them. */
async function opened(count) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const lines = existsSync(recorded) ? readFileSync(recorded, 'utf8').split('\n').filter(Boolean) : [];
    if (lines.length >= count || Date.now() > deadline) return lines;
    await sleep(200);
  }
}

registerRecorder(['text/html', 'text/calendar', 'inode/directory', 'text/markdown']);
// No session bus: no file manager answers FileManager1, so "Show in folder" opens the folder with the
// system's app for folders, which is what happens on a desktop without one.
home.env = { ...home.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home.dir, 'no-bus')}` };
mkdirSync(dirname(home.db), { recursive: true });
execFileSync(application, ['--db', home.db, 'demo'], { stdio: 'ignore', env: { ...process.env, ...home.env } });

let app;
before(async () => {
  app = await openApp(home);
});
after(async () => {
  await app?.stop();
});

test('the saved quarter report opens in the default app and its folder opens too', async () => {
  const { driver } = app;
  await click(driver, '[data-nav="quarter"]');
  await click(driver, '[data-testid="save-report"]');
  const name = await (await visible(driver, '[data-testid="report-path"]')).getText();
  const report = join(dirname(home.db), 'reports', name.split('/').pop());
  assert.ok(existsSync(report), `the report was written: ${report}`);
  await click(driver, '.report-written [data-testid="open-written"]');
  assert.deepEqual(await opened(1), [report], 'the default app for HTML got the report');
  await click(driver, '.report-written [data-testid="show-written"]');
  assert.deepEqual((await opened(2))[1], dirname(report), 'the folder the report is in was opened');
  await screenshot(driver, 'open-written-report');
});

test('an export to the calendars folder opens that folder', async () => {
  const { driver } = app;
  await click(driver, '[data-testid="open-export"]');
  await visible(driver, '[data-testid="export-dialog"]');
  await click(driver, '[data-testid="export-folder-write"]');
  await visible(driver, '[data-testid="export-files"]');
  const folder = join(dirname(home.db), 'calendars');
  await click(driver, '[data-testid="export-result"] [data-testid="open-written"]');
  assert.equal((await opened(3))[2], folder, 'the calendars folder was opened');
  await screenshot(driver, 'open-written-calendars');
});

test('one calendar file saved through the dialog opens in the default calendar app', async () => {
  const { driver } = app;
  const single = join(home.dir, 'whole-plan');
  await click(driver, '[data-testid="export-save"]');
  await saveInChooser('Export a calendar', single);
  await visible(driver, '[data-testid="export-count"]', 15_000);
  await click(driver, '[data-testid="export-result"] [data-testid="open-written"]');
  assert.equal((await opened(4))[3], `${single}.ics`, 'the default app for text/calendar got the file just written');
});

test('Help → Documentation (F1) opens the manual built into the app with the Markdown viewer', async () => {
  const run = promisify(execFile);
  const id = await dialogWindow('quarterdeck.db — Quarterdeck');
  await run('xdotool', ['windowfocus', '--sync', id], { timeout: 15_000 });
  await run('xdotool', ['key', '--clearmodifiers', 'F1'], { timeout: 15_000 });
  const manual = (await opened(5))[4];
  assert.match(manual ?? '', /Quarterdeck manual\.md$/, 'the manual was handed to the viewer');
  const text = readFileSync(manual, 'utf8');
  assert.ok(text.startsWith('# Quarterdeck'), 'it is the README');
  assert.match(text, /\*\*The menu bar\.\*\*/, 'of this version, which has the menu bar');
});
