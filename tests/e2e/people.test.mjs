// A person is added in the real window, listed, survives a reload and a restart;
// bad input shows the backend's message next to the field and saves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, openApp, click, discardDrawer, gone, pickZone, texts, type, visible } from './harness.mjs';

const session = appSession();

test('a new user sees the empty state offering the sample team', async () => {
  await visible(session.app.driver, '[data-testid="empty-state"]');
  await visible(session.app.driver, '[data-testid="load-sample"]');
});

test('an empty name is refused next to the name field, and nothing is saved', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="add-person"]');
  await pickZone(driver, '#f-timezone', 'Lond', 'Europe/London');
  await click(driver, '[data-testid="save-person"]');
  const error = await visible(driver, '[data-error-for="name"]');
  assert.match(await error.getText(), /must not be empty/);
  await discardDrawer(driver); // the time zone picked is a change: asked first
  await gone(driver, '[data-testid="person-form"]');
  await visible(driver, '[data-testid="empty-state"]');
});

test('a negative capacity is refused by the backend with the field named', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="add-person"]');
  await type(driver, '#f-name', 'Grace Hopper');
  await pickZone(driver, '#f-timezone', 'New Y', 'America/New_York');
  await type(driver, '#f-capacity_hours', '-5');
  await click(driver, '[data-testid="save-person"]');
  const error = await visible(driver, '[data-error-for="capacity_hours"]');
  assert.match(await error.getText(), /zero or more/);
  await discardDrawer(driver);
});

test('adding a person lists them', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="add-person"]');
  await type(driver, '#f-name', 'Ada Lovelace');
  await type(driver, '#f-role', 'Developer Advocate');
  await type(driver, '#f-home_city', 'London');
  await pickZone(driver, '#f-timezone', 'Lond', 'Europe/London');
  await click(driver, '[data-testid="save-person"]');
  await gone(driver, '[data-testid="person-form"]');
  const row = await visible(driver, 'tr[data-person="Ada Lovelace"]');
  assert.match(await row.getText(), /Europe\/London/);
  assert.deepEqual(await texts(driver, 'tbody .person-name'), ['Ada Lovelace']);
});

test('after a reload the person is still there', async () => {
  const { driver } = session.app;
  await driver.navigate().refresh();
  await visible(driver, 'tr[data-person="Ada Lovelace"]');
});

test('after closing and reopening the app the person is still there', async () => {
  await session.app.stop();
  session.app = await openApp(session.home);
  const row = await visible(session.app.driver, 'tr[data-person="Ada Lovelace"]');
  assert.match(await row.getText(), /Developer Advocate/);
});
