// Closing the window with a form not yet saved asks first, as Escape does:
// Keep editing leaves the window and what was typed; Save saves and closes;
// Discard closes without saving. With nothing typed the window closes at once.
// The close comes as a window manager sends it (WM_DELETE_WINDOW).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshHome, openApp, click, pickZone, type, visible } from './harness.mjs';
import { appEnded, appsRunning, askToClose } from './window-close.mjs';

const home = freshHome();

/** Opens the app on `home`; the session ends with the app, so its end is expected. */
async function open() {
  const app = await openApp(home);
  return {
    driver: app.driver,
    // The window is gone by then: WebDriver's own goodbye may find no session.
    stop: () => app.stop().catch(() => {}),
  };
}

async function typePerson(driver, name) {
  await click(driver, '[data-nav="people"]');
  await click(driver, '[data-testid="add-person"]');
  await type(driver, '#f-name', name);
  await pickZone(driver, '#f-timezone', 'Lisb', 'Europe/Lisbon');
}

test('closing with a half-typed person asks; Keep editing keeps both; Discard closes without saving', async () => {
  const app = await open();
  try {
    await typePerson(app.driver, 'Ines Duarte');
    askToClose();
    await visible(app.driver, '[data-testid="unsaved-question"]');
    await click(app.driver, '[data-testid="unsaved-keep"]');
    assert.equal(await (await visible(app.driver, '#f-name')).getAttribute('value'), 'Ines Duarte');
    assert.ok(appsRunning(home).length > 0, 'Keep editing left the window open');

    askToClose();
    await visible(app.driver, '[data-testid="unsaved-question"]');
    // The click closes the window under WebDriver, which may then answer with an error: the app's end is the test.
    await click(app.driver, '[data-testid="unsaved-discard"]').catch(() => {});
    await appEnded(home);
  } finally {
    await app.stop();
  }

  const again = await open();
  try {
    await visible(again.driver, '[data-testid="empty-state"]'); // nothing was saved
  } finally {
    askToClose(); // nothing typed: it closes at once, no question
    await appEnded(home);
    await again.stop();
  }
});

test('Save in the question saves the person, then the window closes', async () => {
  const app = await open();
  try {
    await typePerson(app.driver, 'Tomas Lindqvist');
    askToClose();
    await visible(app.driver, '[data-testid="unsaved-question"]');
    await click(app.driver, '[data-testid="unsaved-save"]').catch(() => {}); // as Discard above
    await appEnded(home);
  } finally {
    await app.stop();
  }

  const again = await open();
  try {
    await click(again.driver, '[data-nav="people"]');
    await visible(again.driver, 'tr[data-person="Tomas Lindqvist"]');
  } finally {
    await again.stop();
  }
});
