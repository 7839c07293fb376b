// "Update catalog" against a listing server on a loopback port (node's http
// module serving tests/fixtures/catalog-update): progress while it downloads,
// then the change report and the day of the update; a server that is down
// says so, naming its address; a filter matching only past entries says how many.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By, Key } from 'selenium-webdriver';
import { appSession, click, screenshot, type, visible } from './harness.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/catalog-update');
const session = appSession();

// The last file an update asks for is held until the test has seen the progress bar.
let release = () => {};
let held = new Promise((resolve) => (release = resolve));
const asked = [];
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  asked.push(path);
  if (path.endsWith('/2027/ux.json')) await held;
  const file = path.startsWith('/conferences/') && !path.includes('..') ? join(fixtures, path.slice(13)) : null;
  const body = file ? await readFile(file).catch(() => null) : null;
  res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
  res.end(body ?? '404: Not Found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/conferences`;
after(() => {
  release();
  server.close();
});

async function setSource(driver, url) {
  await click(driver, '[data-testid="source-edit"]');
  await type(driver, '[data-testid="source-input"]', url);
  await click(driver, '[data-testid="source-save"]');
  await driver.wait(
    async () => (await (await visible(driver, '[data-testid="catalog-source"]')).getText()).includes(url),
    10_000,
    'the source line never named the new address',
  );
}

test('Update catalog shows its progress, then what changed and the day it ran', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="catalog"]');
  assert.match(await (await visible(driver, '[data-testid="catalog-updated"]')).getText(), /Never updated/);
  await setSource(driver, `${base}/v1`);

  await click(driver, '[data-testid="update-catalog"]');
  const progress = await visible(driver, '[data-testid="import-progress"]');
  await driver.wait(async () => /Downloading listings: \d+ of \d+/.test(await progress.getText()), 10_000);
  const [, done, total] = /(\d+) of (\d+)/.exec(await progress.getText()).map(Number);
  assert.ok(total >= 40 && done < total, `this and next year of each topic, not finished yet: ${done} of ${total}`);
  await screenshot(driver, 'catalog-update-progress');
  release();

  const report = await visible(driver, '[data-testid="import-report"]');
  assert.match(await report.getText(), /^4 new, 0 updated, 0 unchanged/);
  assert.ok(!(await report.getText()).includes('skipped'), 'the 404s of topics the source lacks are not reported');
  assert.ok(asked.includes('/conferences/v1/2027/css.json'), 'next year is asked for too');
  // The harness's day (2026-11-18) is the day of the update.
  await driver.wait(
    async () => (await (await visible(driver, '[data-testid="catalog-updated"]')).getText()) === 'Updated Nov 18, 2026',
    10_000,
    'the update day never showed',
  );
  assert.equal((await driver.findElements(By.css('tr[data-catalog="Rust Nation UK"]'))).length, 0);

  await setSource(driver, `${base}/v2`);
  await click(driver, '[data-testid="update-catalog"]');
  await driver.wait(async () => /^1 new, 1 updated, 3 unchanged/.test(await report.getText()), 15_000);
  await visible(driver, 'tr[data-catalog="Rust Nation UK"]');
  await screenshot(driver, 'catalog-update');
});

test('a filter matching only past conferences says how many and shows them on request', async () => {
  const { driver } = session.app;
  await type(driver, 'input[aria-label="Filter conferences"]', 'EuroRust');
  const none = await visible(driver, '[data-testid="no-match"]');
  assert.equal(await none.getText(), 'No upcoming conferences match; 1 past one does — show it');
  await screenshot(driver, 'catalog-past-matches');
  await click(driver, '[data-testid="show-past"]');
  await visible(driver, 'tr[data-catalog="EuroRust"]');
  const filter = await visible(driver, 'input[aria-label="Filter conferences"]');
  await filter.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
});

test('a catalog source that is down gives an offline message naming its address', async () => {
  const { driver } = session.app;
  const down = createServer();
  await new Promise((resolve) => down.listen(0, '127.0.0.1', resolve));
  const port = down.address().port;
  await new Promise((resolve) => down.close(resolve));
  // Plain HTTP across a network is refused where it is typed.
  await click(driver, '[data-testid="source-edit"]');
  await type(driver, '[data-testid="source-input"]', 'http://conferences.example.org/data');
  await click(driver, '[data-testid="source-save"]');
  assert.match(await (await visible(driver, '#source-error')).getText(), /not encrypted: use https:\/\//);
  await screenshot(driver, 'catalog-source-refused');
  await click(driver, '.source-form button[type="button"]');
  await setSource(driver, `http://127.0.0.1:${port}/conferences`);
  await click(driver, '[data-testid="update-catalog"]');
  const alert = await visible(driver, '.view [role="alert"]');
  const message = await alert.getText();
  assert.match(message, new RegExp(`cannot reach 127\\.0\\.0\\.1:${port}: you may be offline`));
  assert.equal(await (await visible(driver, '[data-testid="catalog-updated"]')).getText(), 'Updated Nov 18, 2026');
  assert.equal((await driver.findElements(By.css('[data-testid="import-report"]'))).length, 0, 'no stale report');
  await screenshot(driver, 'catalog-update-offline');
});
