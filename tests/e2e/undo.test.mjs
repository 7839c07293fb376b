// Undo for deletions in the real window: on the sample team, delete two trips
// (two toasts, stacked), bring one back with Undo and the other with Ctrl+Z;
// delete a talk with its submissions and bring it back with Ctrl+Z; after a
// reload all of them are still there, as they were. A trip whose traveller was
// deleted after it is refused, saying why, until the traveller is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { appSession, click, gone, screenshot, visible } from './harness.mjs';

const session = appSession();
const toast = (kind, label) => `[data-testid="undo-toast"][data-kind="${kind}"][data-label="${label}"]`;
const tripCard = (title) => `li[data-trip="${title}"] .trip-card`;
const talkRow = (title) => `tr[data-talk="${title}"]`;
/** What was deleted, with the text it showed before, to compare after it is back. */
const was = {};

async function pressUndo(driver) {
  await driver.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform();
}

/** Closes the toasts, which float over the bottom of the view, as a person would before clicking there. */
async function dismissToasts(driver) {
  for (const button of await driver.findElements(By.css('[data-testid="undo-toast"] .undo-dismiss'))) await button.click();
  await gone(driver, '[data-testid="undo-toast"]');
}

/** Deletes the record open in `form`, once the form has settled (`settled` shown: a trip's facts load after it opens and push Delete down). */
async function deleteFrom(driver, form, settled = null) {
  if (settled) await visible(driver, `[data-testid="${form}"] ${settled}`);
  await click(driver, `[data-testid="${form}"] .danger-quiet`);
  await click(driver, '[data-testid="confirm-delete"]');
  await gone(driver, `[data-testid="${form}"]`);
}

test('deleting two trips offers to undo each', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="travel"]');
  await visible(driver, '[data-testid="trip-list"]');
  const titles = await driver.executeScript(
    "return [...document.querySelectorAll('li[data-trip]')].map((li) => li.dataset.trip);",
  );
  // Two travellers to one event make two trips of one title: take titles only one trip has.
  const [first, second] = titles.filter((t) => titles.indexOf(t) === titles.lastIndexOf(t));
  assert.ok(first && second, `the sample team has trips: ${titles}`);
  was.trips = [first, second];
  for (const title of was.trips) {
    was[title] = await (await visible(driver, tripCard(title))).getText();
    await click(driver, tripCard(title));
    await deleteFrom(driver, 'trip-form', '[data-testid="trip-facts"]');
    await gone(driver, tripCard(title));
  }
  const first_ = await visible(driver, toast('trip', first));
  assert.match(await first_.getText(), new RegExp(`Trip “${first}” deleted`));
  await visible(driver, toast('trip', second));
  assert.equal((await driver.findElements(By.css('[data-testid="undo-toast"]'))).length, 2, 'stacked, one per delete');
  await screenshot(driver, 'undo');
});

test('Undo brings the trip back, and Ctrl+Z the other', async () => {
  const { driver } = session.app;
  const [first, second] = was.trips;
  await click(driver, `${toast('trip', first)} [data-testid="undo"]`);
  const back = await visible(driver, tripCard(first));
  assert.equal(await back.getText(), was[first], 'as it was: route, figures and cost');
  await visible(driver, `${toast('trip', first)}[data-state="restored"]`);

  await pressUndo(driver);
  assert.equal(await (await visible(driver, tripCard(second))).getText(), was[second]);
  await visible(driver, `${toast('trip', second)}[data-state="restored"]`);
});

test('a deleted talk comes back with its submissions on Ctrl+Z', async () => {
  const { driver } = session.app;
  await dismissToasts(driver);
  await click(driver, '[data-nav="talks"]');
  await visible(driver, '[data-testid="talks-table"]');
  // A talk that has been sent somewhere, so that its submissions go with it.
  const title = await driver.executeScript(
    `const rows = [...document.querySelectorAll('tr[data-talk]')];
     const sent = rows.find((r) => r.querySelector('[data-testid="talk-rate"]').textContent.trim() !== '—');
     return (sent ?? rows[0]).dataset.talk;`,
  );
  was.talk = title;
  was[title] = await (await visible(driver, talkRow(title))).getText();
  await click(driver, `${talkRow(title)} td`);
  await deleteFrom(driver, 'talk-form');
  await gone(driver, talkRow(title));
  await visible(driver, toast('talk', title));

  await pressUndo(driver);
  const row = await visible(driver, talkRow(title));
  assert.equal(await row.getText(), was[title], 'versions, submissions and rate as they were');
});

test('after a reload everything brought back is still there', async () => {
  const { driver } = session.app;
  await driver.navigate().refresh();
  await click(driver, '[data-nav="talks"]');
  assert.equal(await (await visible(driver, talkRow(was.talk))).getText(), was[was.talk]);
  await click(driver, '[data-nav="travel"]');
  for (const title of was.trips) {
    assert.equal(await (await visible(driver, tripCard(title))).getText(), was[title]);
  }
  assert.equal((await driver.findElements(By.css('[data-testid="undo-toast"]'))).length, 0, 'a reload starts afresh');
});

test('a trip whose traveller was deleted since comes back only once they are back', async () => {
  const { driver } = session.app;
  await dismissToasts(driver);
  await click(driver, '[data-nav="travel"]');
  const title = was.trips[0];
  const who = await driver.executeScript(
    'return document.querySelector(arguments[0]).textContent.split(" · ")[0].trim();',
    `li[data-trip="${title}"] .trip-card .muted`,
  );
  await click(driver, tripCard(title));
  await deleteFrom(driver, 'trip-form', '[data-testid="trip-facts"]');
  await click(driver, '[data-nav="people"]');
  await click(driver, `tr[data-person="${who}"] .person-name`);
  await deleteFrom(driver, 'person-form');
  await gone(driver, `tr[data-person="${who}"]`);

  await click(driver, `${toast('trip', title)} [data-testid="undo"]`);
  const refused = await visible(driver, `${toast('trip', title)}[data-state="failed"]`);
  assert.match(await refused.getText(), /could not come back: its person was deleted since; undo that deletion first/);
  assert.equal(await refused.getAttribute('role'), 'alert');
  await screenshot(driver, 'undo-refused');

  // Ctrl+Z takes the newest deletion: the person. Then the trip's Undo works.
  await pressUndo(driver);
  await visible(driver, `${toast('person', who)}[data-state="restored"]`);
  await visible(driver, `tr[data-person="${who}"]`);
  await click(driver, `${toast('trip', title)} [data-testid="undo"]`);
  await visible(driver, `${toast('trip', title)}[data-state="restored"]`);
  await click(driver, '[data-nav="travel"]');
  assert.equal(await (await visible(driver, tripCard(title))).getText(), was[title]);
});
