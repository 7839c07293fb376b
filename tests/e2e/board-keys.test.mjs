// The boards by keyboard: a focused card moves to the next or previous status column with Alt+→ / Alt+←,
// is saved as a drag saves it, is announced to screen readers, and keeps the keyboard focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { appSession, click, screenshot, visible } from './harness.mjs';

const session = appSession();
let moved = '';

async function column(driver, status, attribute = 'data-event') {
  const cards = await driver.findElements(By.css(`[data-column="${status}"] .board-card`));
  return Promise.all(cards.map((c) => c.getAttribute(attribute)));
}

/** Presses Alt with an arrow on whatever has the focus, as a person would. */
async function altArrow(driver, arrow) {
  await driver.actions().keyDown(Key.ALT).sendKeys(arrow).keyUp(Key.ALT).perform();
}

/** Focuses the button of the card named `name` in `status`'s column (where Tab would bring a person). */
async function focusCard(driver, status, selector) {
  const button = await visible(driver, `[data-column="${status}"] ${selector} .board-card-body`);
  await driver.executeScript('arguments[0].focus()', button);
}

const announced = (driver, testid) => driver.findElement(By.css(`[data-testid="${testid}-announcement"]`)).getAttribute('textContent');

test('Alt+→ moves a focused event card to the next column and saves it', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="events"]');
  await visible(driver, '[data-testid="pipeline-board"]');
  [moved] = await column(driver, 'considering');
  assert.ok(moved, 'the sample pipeline has an event being considered');
  await focusCard(driver, 'considering', `[data-event="${moved}"]`);
  await altArrow(driver, Key.ARROW_RIGHT);

  await driver.wait(async () => (await column(driver, 'cfp_open')).includes(moved), 10_000, `${moved} never reached CFP open`);
  await driver.wait(async () => (await announced(driver, 'pipeline-board')) === `${moved} moved to CFP open.`, 10_000, 'the move was not announced');
  // The keyboard stays on the card, now in its new column, so a second press moves it on.
  const focused = await driver.executeScript(
    "const c = document.activeElement.closest('[data-card-id]'); return c && [c.dataset.event, c.closest('[data-column]').dataset.column]",
  );
  assert.deepEqual(focused, [moved, 'cfp_open']);
  assert.ok(!(await column(driver, 'considering')).includes(moved), 'it left its old column');
  await screenshot(driver, 'board-keyboard-move');

  // Saved, not only shown: the list is the plan as read back after the save.
  await click(driver, '[data-testid="show-list"]');
  await driver.wait(
    async () => /CFP open/.test(await (await visible(driver, `tr[data-event="${moved}"]`)).getText()),
    10_000,
    `${moved} was not saved as CFP open`,
  );
});

test('Alt+← moves it back, and the first column says there is nowhere further', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="show-board"]');
  await focusCard(driver, 'cfp_open', `[data-event="${moved}"]`);
  await altArrow(driver, Key.ARROW_LEFT);
  await driver.wait(async () => (await column(driver, 'considering')).includes(moved), 10_000, `${moved} never came back`);
  await driver.wait(async () => (await announced(driver, 'pipeline-board')) === `${moved} moved to Considering.`, 10_000);

  await focusCard(driver, 'considering', `[data-event="${moved}"]`);
  await altArrow(driver, Key.ARROW_LEFT);
  await driver.wait(
    async () => (await announced(driver, 'pipeline-board')) === `${moved} is already in the first column, Considering.`,
    10_000,
    'the first column did not say so',
  );
  assert.ok((await column(driver, 'considering')).includes(moved));
});

test('the content board moves the same way', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="content"]');
  await click(driver, '[data-testid="show-board"]');
  await visible(driver, '[data-testid="content-board"]');
  const [piece] = await column(driver, 'idea', 'data-content');
  assert.ok(piece, 'the sample team has a content idea');
  await focusCard(driver, 'idea', `[data-content="${piece}"]`);
  await altArrow(driver, Key.ARROW_RIGHT);
  await driver.wait(
    async () => (await column(driver, 'drafting', 'data-content')).includes(piece),
    10_000,
    `${piece} never reached drafting`,
  );
  await click(driver, '[data-testid="show-list"]');
  await driver.wait(
    async () => /Drafting/.test(await (await visible(driver, `tr[data-content="${piece}"]`)).getText()),
    10_000,
    `${piece} was not saved as drafting`,
  );
});
