// The conference catalog: load the bundled confs.tech snapshot, load it again
// (nothing new), and turn an entry with an open CFP into a pipeline event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { appSession, click, gone, pickZone, screenshot, visible } from './harness.mjs';

const session = appSession();

test('loading the bundled catalog reports what is new, and a second load adds nothing', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="catalog"]');
  await click(driver, '[data-testid="import-bundled"]');
  const report = await visible(driver, '[data-testid="import-report"]');
  const first = await report.getText();
  const added = Number(/(\d+) new/.exec(first)?.[1]);
  assert.ok(added > 300, `expected the whole snapshot to be new: ${first}`);

  await click(driver, '[data-testid="import-bundled"]');
  await driver.wait(async () => /^0 new, 0 updated/.test(await report.getText()), 10_000, 'second load added rows');
  assert.match(await report.getText(), new RegExp(`0 new, 0 updated, ${added} unchanged`));
});

test('an entry is promoted into the pipeline with its dates and CFP deadline', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="cfp-open-only"]');
  await screenshot(driver, 'catalog');
  if ((await driver.findElements(By.css('[data-testid="catalog-table"] tr[data-catalog]'))).length === 0) {
    // The bundled snapshot ages: on a day past all its calls for papers (the suite runs on other days too), any
    // entry of it is promoted the same way.
    await click(driver, '[data-testid="cfp-open-only"]');
    await click(driver, '[data-testid="upcoming-only"]');
  }
  await click(driver, '[data-testid="catalog-table"] tr[data-catalog] [data-testid="promote"]');
  await screenshot(driver, 'catalog-promote');
  const row = await driver.findElement(By.css('[data-testid="catalog-table"] tr[data-catalog]'));
  const name = await row.getAttribute('data-catalog');
  const form = await visible(driver, '[data-testid="event-form"]');
  assert.equal(await (await form.findElement(By.css('#f-name'))).getAttribute('value'), name);
  const zone = await (await form.findElement(By.css('#f-timezone'))).getAttribute('value');
  const online = await (await form.findElement(By.css('input[name="online"]'))).isSelected();
  if (!zone && !online) {
    // A city in a country with several zones: the user picks it.
    await pickZone(driver, '#f-timezone', 'UTC', 'UTC');
  }
  await click(driver, '[data-testid="save-event"]');
  await gone(driver, '[data-testid="event-form"]');
  await visible(driver, `tr[data-catalog="${name}"] [data-testid="in-pipeline"]`);

  await click(driver, '[data-nav="events"]');
  await visible(driver, `[data-testid="pipeline-board"] [data-event="${name}"]`);
});
