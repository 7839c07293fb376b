// The sample team loads from the empty state; an event is added with people
// going, bad dates are refused next to the field; screenshots for the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { appSession, click, gone, pickZone, screenshot, setDate, texts, type, visible } from './harness.mjs';

const session = appSession();

test('"Load sample team" fills the people list', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  const names = await texts(driver, 'tbody .person-name');
  assert.equal(names.length, 6);
  assert.ok(names.includes('Priya Raman'));
  await screenshot(driver, 'people');
});

test('a person opens in the editor with their time zone and time off', async () => {
  const { driver } = session.app;
  await click(driver, 'tr[data-person="Priya Raman"] .person-name');
  const name = await visible(driver, '#f-name');
  assert.equal(await name.getAttribute('value'), 'Priya Raman');
  assert.equal(await (await visible(driver, '#f-timezone')).getAttribute('value'), 'Asia/Kolkata');
  await screenshot(driver, 'person-form');
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await gone(driver, '[data-testid="person-form"]');
});

test('the events list shows the sample pipeline', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="events"]');
  await click(driver, '[data-testid="show-list"]');
  await visible(driver, '[data-testid="events-table"]');
  const rows = await driver.findElements({ css: '[data-testid="events-table"] tbody tr[data-event]' });
  assert.ok(rows.length >= 12, `expected a quarter of events, saw ${rows.length}`);
  const cards = await driver.findElements({ css: '[data-testid="cfps-closing"] .cfp-card' });
  assert.equal(cards.length, 3, 'the sample team has three calls for papers closing within 30 days');
  assert.match(await cards[0].getText(), /\d+ d \d+ h|\d+ h/);
  await screenshot(driver, 'events');
});

test('an event that ends before it starts is refused next to the last day', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="add-event"]');
  await type(driver, '#f-name', 'Nordic Devs Summit');
  await setDate(driver, '#f-start_date', '2026-06-10');
  await setDate(driver, '#f-end_date', '2026-06-08');
  await type(driver, '#f-city', 'Oslo');
  await type(driver, '#f-country', 'Norway');
  await pickZone(driver, '#f-timezone', 'Oslo', 'Europe/Oslo');
  await click(driver, '[data-testid="save-event"]');
  const error = await visible(driver, '[data-error-for="end_date"]');
  assert.match(await error.getText(), /before it starts/);
});

test('fixing the date saves the event with its speaker', async () => {
  const { driver } = session.app;
  await setDate(driver, '#f-end_date', '2026-06-11');
  await (await visible(driver, 'select[name="new-participant"]')).sendKeys('Maya Okafor');
  await click(driver, '[data-testid="participants"] .inline-form button');
  await visible(driver, '[data-testid="participants"] li .avatar');
  await click(driver, '[data-testid="save-event"]');
  await gone(driver, '[data-testid="event-form"]');
  const row = await visible(driver, 'tr[data-event="Nordic Devs Summit"]');
  assert.match(await row.getText(), /Jun 10–11, 2026/);
  assert.match(await row.getText(), /Oslo, Norway/);
});
