// The figures users noticed: which quarter a trip's costs count in is a team
// setting, chosen in Settings and named in the budget view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, click, screenshot, visible } from './harness.mjs';

const session = appSession();

async function budgetRule(driver) {
  await click(driver, '[data-nav="travel"]');
  await click(driver, '[data-tab="budget"]');
  await visible(driver, '[data-testid="budget-table"]');
  const note = await visible(driver, '[data-testid="budget-rule"]');
  return { rule: await note.getAttribute('data-rule'), text: await note.getText() };
}

test('the budget view names the rule, and Settings switches it to the booking date', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');

  const before = await budgetRule(driver);
  assert.equal(before.rule, 'trip_start', 'by default a trip counts in the quarter it starts in');
  assert.match(before.text, /Costs count in the quarter the trip starts in/);

  await click(driver, '[data-nav="settings"]');
  const choice = await visible(driver, '[data-testid="budget-rule"] input[value="trip_start"]');
  assert.ok(await choice.isSelected(), 'Settings shows the rule in force');
  await click(driver, '[data-testid="budget-rule"] input[value="booking_date"]');
  await driver.executeScript("document.querySelector('[data-testid=\"budget-rule\"]').scrollIntoView({ block: 'center' })");
  await screenshot(driver, 'settings-budget-rule');
  await click(driver, '[data-testid="save-settings"]');
  await visible(driver, '.form-actions [role="status"]');

  const after = await budgetRule(driver);
  assert.equal(after.rule, 'booking_date');
  assert.match(after.text, /Costs count in the quarter of each cost's date \(booking date\)/);
  await screenshot(driver, 'budget-rule');

  // Saved with the plan: Settings opens on the new choice.
  await click(driver, '[data-nav="settings"]');
  assert.ok(await (await visible(driver, '[data-testid="budget-rule"] input[value="booking_date"]')).isSelected());
});
