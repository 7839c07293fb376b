// Nothing typed is lost: a drawer with unsaved changes asks (Save, Discard,
// Keep editing) before Escape, a click beside it or a view switch throws them
// away, and closes at once when nothing changed. The keyboard stays inside an
// open drawer, and focus goes back to what opened it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { appSession, chooseOption, click, gone, pickZone, screenshot, texts, type, visible } from './harness.mjs';

const session = appSession();
const field = (name) => `[id="f-${name}"]`;

async function press(driver, ...keys) {
  await driver.actions().sendKeys(...keys).perform();
}

/** Ctrl (or Shift) with a key, held as a person holds it. */
async function chord(driver, modifier, key) {
  await driver.actions().keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
}

/** Whether the focused element is inside the open drawer. */
async function focusInDrawer(driver) {
  return driver.executeScript("return document.activeElement?.closest('.drawer') !== null");
}

test('a half-typed trip survives Escape, a click beside it and a view switch until Discard', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="travel"]');
  await visible(driver, '[data-testid="trip-list"]');
  const trips = (await texts(driver, 'li[data-trip]')).length;

  await click(driver, '[data-testid="add-trip"]');
  await visible(driver, '[data-testid="trip-form"]');
  await type(driver, field('title'), 'Offsite in Lisbon');
  await chooseOption(driver, field('person_id'), 'Priya Raman');

  await press(driver, Key.ESCAPE);
  const question = await visible(driver, '[data-testid="unsaved-question"]');
  assert.match(await question.getText(), /“New trip” has changes that are not saved/);
  await screenshot(driver, 'unsaved-question');
  await click(driver, '[data-testid="unsaved-keep"]');
  await gone(driver, '[data-testid="unsaved-question"]');
  assert.equal(await (await visible(driver, field('title'))).getAttribute('value'), 'Offsite in Lisbon');

  // A click beside the drawer asks too.
  await driver.executeScript("document.querySelector('.scrim').click()");
  await visible(driver, '[data-testid="unsaved-question"]');
  await press(driver, Key.ESCAPE); // Escape on the question keeps editing
  await gone(driver, '[data-testid="unsaved-question"]');
  await visible(driver, '[data-testid="trip-form"]');

  // So does switching views by shortcut (a click on the sidebar lands beside the drawer, asked above).
  await chord(driver, Key.CONTROL, '2');
  await click(driver, '[data-testid="unsaved-keep"]');
  await chord(driver, Key.CONTROL, '1');
  await click(driver, '[data-testid="unsaved-keep"]');
  assert.equal(await (await visible(driver, '[data-nav="travel"]')).getAttribute('aria-current'), 'page');
  assert.equal(await (await visible(driver, field('title'))).getAttribute('value'), 'Offsite in Lisbon');

  // Discard lets it go, and nothing was saved.
  await press(driver, Key.ESCAPE);
  await click(driver, '[data-testid="unsaved-discard"]');
  await gone(driver, '[data-testid="trip-form"]');
  assert.equal((await texts(driver, 'li[data-trip]')).length, trips);
});

test('a drawer with nothing changed closes at once, and focus goes back to what opened it', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="add-trip"]');
  await visible(driver, '[data-testid="trip-form"]');
  await press(driver, Key.ESCAPE);
  await gone(driver, '[data-testid="trip-form"]');
  assert.equal((await driver.findElements(By.css('[data-testid="unsaved-question"]'))).length, 0);
  const back = await driver.executeScript("return document.activeElement?.getAttribute('data-testid')");
  assert.equal(back, 'add-trip');
});

test('the keyboard stays inside an open drawer', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="add-trip"]');
  await visible(driver, '[data-testid="trip-form"]');
  assert.ok(await focusInDrawer(driver), 'focus moved into the drawer when it opened');
  const drawer = await visible(driver, '.drawer');
  assert.equal(await drawer.getAttribute('role'), 'dialog');
  assert.equal(await drawer.getAttribute('aria-modal'), 'true');
  for (let i = 0; i < 40; i++) {
    await press(driver, Key.TAB);
    assert.ok(await focusInDrawer(driver), `Tab ${i + 1} left the drawer`);
  }
  for (let i = 0; i < 5; i++) {
    await chord(driver, Key.SHIFT, Key.TAB);
    assert.ok(await focusInDrawer(driver), `Shift+Tab ${i + 1} left the drawer`);
  }
  await press(driver, Key.ESCAPE);
  await gone(driver, '[data-testid="trip-form"]');
});

test('Save in the question saves through the form: refused, it stays open with the reason; then saved and closed', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="people"]');
  await click(driver, '[data-testid="add-person"]');
  await type(driver, field('name'), 'Noor Haddad');
  await press(driver, Key.ESCAPE);
  await click(driver, '[data-testid="unsaved-save"]');
  const why = await visible(driver, '[data-error-for="timezone"]');
  assert.match(await why.getText(), /time zone/);
  await visible(driver, '.drawer');

  await pickZone(driver, '#f-timezone', 'Beir', 'Asia/Beirut');
  await press(driver, Key.ESCAPE);
  await click(driver, '[data-testid="unsaved-save"]');
  await gone(driver, '.drawer');
  await visible(driver, 'tr[data-person="Noor Haddad"]');
});
