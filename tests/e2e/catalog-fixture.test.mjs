// The catalog fixture (a slice of confs.tech, tests/fixtures/conference-data)
// imported with the CLI into the app's own database, twice, and one of its
// files once more, picked in the window's native chooser (xdotool): the
// window lists each conference once, and one of them becomes a pipeline event
// in one click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { By } from 'selenium-webdriver';
import { pickInChooser } from './dialogs.mjs';
import { application, click, freshHome, gone, openApp, pickZone, type, visible } from './harness.mjs';

const fixture = resolve(import.meta.dirname, '../fixtures/conference-data');
const home = freshHome();
let app;
const importFixture = () =>
  JSON.parse(execFileSync(application, ['--db', home.db, 'import-conferences', fixture, '--json'], { encoding: 'utf8' }));

before(async () => {
  const first = importFixture();
  assert.equal(first.added, 92, 'the fixture holds 92 conferences once topics are merged');
  app = await openApp(home);
});
after(async () => {
  await app?.stop();
});

test('the fixture imported beside the running app is listed once per conference', async () => {
  const { driver } = app;
  const again = importFixture();
  assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 92], 'the second import adds nothing');
  await click(driver, '[data-nav="catalog"]');
  await click(driver, '[data-testid="upcoming-only"]');
  const rows = await driver.findElements(By.css('[data-testid="catalog-table"] tr[data-catalog]'));
  assert.equal(rows.length, 92);
});

test('a listing file picked in the window adds nothing new', async () => {
  const { driver } = app;
  await click(driver, '[data-testid="import-files"]');
  await pickInChooser('Import conference listings', join(fixture, '2026', 'rust.json'));
  const report = await visible(driver, '[data-testid="import-report"]', 30_000);
  assert.match(await report.getText(), /^0 new, 0 updated, [1-9]\d* unchanged/);
});

test('TokioConf is promoted into the pipeline with its dates, online, and its CFP read as AoE', async () => {
  const { driver } = app;
  await type(driver, 'input[type="search"]', 'TokioConf');
  await click(driver, 'tr[data-catalog="TokioConf"] [data-testid="promote"]');
  const form = await visible(driver, '[data-testid="event-form"]');
  assert.equal(await (await form.findElement(By.css('#f-start_date'))).getAttribute('value'), '2026-04-20');
  assert.equal(await (await form.findElement(By.css('#f-end_date'))).getAttribute('value'), '2026-04-22');
  assert.equal(await (await form.findElement(By.css('#f-cfp_deadline'))).getAttribute('value'), '2025-12-08T23:59');
  assert.equal(await (await form.findElement(By.css('#f-cfp_timezone'))).getAttribute('value'), '', 'no zone: AoE');
  if (!(await (await form.findElement(By.css('#f-timezone'))).getAttribute('value'))) {
    await pickZone(driver, '#f-timezone', 'Los Angeles', 'America/Los_Angeles');
  }
  await click(driver, '[data-testid="save-event"]');
  await gone(driver, '[data-testid="event-form"]');
  await visible(driver, 'tr[data-catalog="TokioConf"] [data-testid="in-pipeline"]');
  await click(driver, '[data-nav="events"]');
  await visible(driver, '[data-testid="pipeline-board"] [data-event="TokioConf"]');
});
