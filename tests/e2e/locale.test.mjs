// Numbers in the system's locale, in the real window started with a German
// locale: a trip cost typed as "612,40" is 612.40 euros, the budget writes it
// "612,40 EUR", the command line (the plan as it is stored) reads 612.40, and
// an amount that cannot be read is refused naming its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  appSession,
  application,
  chooseOption,
  click,
  gone,
  isoDaysFromNow,
  pickZone,
  screenshot,
  setDate,
  type,
  visible,
} from './harness.mjs';

const session = appSession();
// The app inherits its home's environment: QUARTERDECK_LOCALE stands for a German LANG, which it overrides.
session.home.env.QUARTERDECK_LOCALE = 'de-DE';
const WHO = 'Lena Schmidt';
const field = (name) => `[id="f-${name}"]`;

test('a cost typed with a decimal comma in German is saved as 612.40 and shown as 612,40', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="add-person"]');
  await type(driver, '#f-name', WHO);
  await pickZone(driver, '#f-timezone', 'Berl', 'Europe/Berlin');
  await click(driver, '[data-testid="save-person"]');
  await visible(driver, `tr[data-person="${WHO}"]`);

  await click(driver, '[data-nav="travel"]');
  await click(driver, '[data-testid="add-trip"]');
  await visible(driver, '[data-testid="trip-form"]');
  await chooseOption(driver, field('person_id'), WHO);
  // Today, so that the budget view (this quarter's) counts it.
  const out = isoDaysFromNow(0);
  await click(driver, '[data-testid="add-segment"]');
  await type(driver, field('segments[0].from'), 'FRA');
  await type(driver, field('segments[0].to'), 'LHR');
  await setDate(driver, field('segments[0].depart_at'), `${out}T09:00`);
  await setDate(driver, field('segments[0].arrive_at'), `${out}T10:00`);
  await click(driver, '[data-testid="add-cost"]');
  await chooseOption(driver, field('costs[0].category'), 'Hotel');
  await type(driver, field('costs[0].currency'), 'EUR');
  await setDate(driver, field('costs[0].date'), out);

  // Three groups of digits with two commas are no German amount: refused, naming the field.
  await type(driver, field('costs[0].planned'), '1,234,5');
  await click(driver, '[data-testid="save-trip"]');
  const problem = await visible(driver, '[data-error-for="costs[0].planned"]');
  assert.match(await problem.getText(), /1\.234,50/, 'the error shows how to write an amount here');

  await type(driver, field('costs[0].planned'), '612,40');
  await click(driver, '[data-testid="save-trip"]');
  await gone(driver, '[data-testid="trip-form"]');

  await click(driver, '[data-tab="budget"]');
  const row = await visible(driver, `tr[data-budget-row="${WHO}"]`);
  await driver.wait(async () => /612,40 EUR/.test(await row.getText()), 10_000, 'the budget shows 612,40 EUR');
  await screenshot(driver, 'locale-de-budget');

  const [year, month] = out.split('-').map(Number);
  const quarter = `${year}Q${Math.floor((month - 1) / 3) + 1}`;
  const cli = execFileSync(application, ['--db', session.home.db, 'budget', '--quarter', quarter], {
    env: { ...process.env, ...session.home.env },
  }).toString();
  const line = cli.split('\n').find((l) => l.startsWith(WHO)) ?? '';
  assert.match(line, /\b612\.40\b/, `the CLI reads the stored amount: ${line}`);
});
