// CFP reminders: an event whose call for papers closes in two days brings a
// reminder at once (the OS notification and the window's own toast); after a
// restart the same deadline is never reminded again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { setTimeout as sleep } from 'node:timers/promises';
import { appSession, click, gone, isoDaysFromNow, openApp, setDate, type, visible } from './harness.mjs';

const session = appSession();
const NAME = 'Reminder Test Conf';

test('a CFP closing in two days is reminded as soon as the event is saved', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="events"]');
  await click(driver, '[data-testid="add-event"]');
  await type(driver, '#f-name', NAME);
  await setDate(driver, '#f-start_date', isoDaysFromNow(40));
  await setDate(driver, '#f-end_date', isoDaysFromNow(41));
  await click(driver, 'input[name="online"]');
  await setDate(driver, '#f-cfp_deadline', `${isoDaysFromNow(2)}T23:59`);
  await click(driver, '[data-testid="save-event"]');
  await gone(driver, '[data-testid="event-form"]');
  const toast = await visible(driver, '[data-testid="reminder"]', 15_000);
  assert.match(await toast.getText(), new RegExp(`CFP closing: ${NAME}`));
  assert.match(await toast.getText(), /closes .* AoE, in (\d+ h|\d+ days)/);
});

test('after a restart the same deadline is not reminded twice', async () => {
  await session.app.stop();
  session.app = await openApp(session.home);
  const { driver } = session.app;
  await click(driver, '[data-nav="events"]');
  await visible(driver, `[data-event="${NAME}"]`);
  // The reminder loop runs at launch; give it time to (wrongly) fire.
  await sleep(4_000);
  const toasts = await driver.findElements(By.css('[data-testid="reminder"]'));
  assert.equal(toasts.length, 0, 'no reminder for a deadline already reminded');
});
