// Workload risk in the real window, on the sample team: the heat map with
// everyone's weeks, one person's red week with its reasons, the what-if of
// accepting a draft submission (seen before saving, nothing saved), and a
// person's threshold saved, then refused out of range next to its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { pickInChooser } from './dialogs.mjs';
import { appSession, chooseOption, click, gone, screenshot, texts, type, visible } from './harness.mjs';

const session = appSession();
const WHO = 'Priya Raman';
const THRESHOLD = 'long_week_red_hours';

/** The rows of the heat map whose person has a red week from this week on. */
async function redAhead(driver) {
  const rows = await driver.findElements(By.css('[data-testid="heatmap"] tbody tr[data-person]'));
  const names = [];
  for (const row of rows) {
    if ((await row.findElements(By.css('td.heat[data-level="red"]:not(.past)'))).length) names.push(await row.getAttribute('data-person'));
  }
  return names;
}

test('the team heat map shows every person, red weeks among them', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  const people = await driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=\"people-table\"] tr[data-person]')].map((r) => r.dataset.person)",
  );
  assert.ok(people.length >= 5, `the sample team has people: ${people}`);

  await click(driver, '[data-nav="load"]');
  await click(driver, '[data-tab="team"]');
  await visible(driver, '[data-testid="heatmap"]');
  const rows = await driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=\"heatmap\"] tbody tr[data-person]')].map((r) => r.dataset.person)",
  );
  assert.deepEqual([...rows].sort(), [...people].sort(), 'one row per person');
  const red = await driver.findElements(By.css('[data-testid="heatmap"] td[data-week][data-level="red"]'));
  assert.ok(red.length > 0, 'the sample quarter has red weeks');
  assert.equal((await driver.findElements(By.css('[data-testid="heatmap"] thead th.current'))).length, 1, 'this week is marked');

  // Six people: the roll-up is shown, not hidden.
  const strip = await visible(driver, '[data-testid="team-strip"]');
  assert.equal((await strip.findElements(By.css('[data-testid="strip-hidden"]'))).length, 0);
  assert.ok((await strip.findElements(By.css('td[data-strip-week]'))).length > 0, 'a share per week');

  // A cell's reasons show on click: a red week ahead when there is one.
  const [cell = red[0]] = await driver.findElements(By.css('[data-testid="heatmap"] td[data-level="red"]:not(.past)'));
  await cell.findElement(By.css('button')).click();
  const detail = await visible(driver, '[data-testid="cell-detail"]');
  assert.equal(await detail.getAttribute('data-week'), await cell.getAttribute('data-week'));
  assert.ok((await detail.findElements(By.css('[data-flag]'))).length > 0, 'a red cell has its reasons');

  // Sorting by name, then back to most at risk first as delivered.
  await click(driver, '[data-sort="name"]');
  const byName = await driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=\"heatmap\"] tbody tr[data-person]')].map((r) => r.dataset.person)",
  );
  assert.deepEqual(byName, [...people].sort((a, b) => a.localeCompare(b)));
  await click(driver, '[data-sort="risk"]');

  const sidebarCount = await (await visible(driver, '[data-nav="load"] .count')).getText();
  assert.equal(Number(sidebarCount), (await redAhead(driver)).length, 'the sidebar counts the people with a red week ahead');
  await driver.executeScript("document.querySelectorAll('.content, html').forEach((el) => el.scrollTo(0, 0))");
  await screenshot(driver, 'team-load');
});

test('My load opens on the red week ahead, with its reasons', async () => {
  const { driver } = session.app;
  const [name] = await redAhead(driver);
  assert.ok(name, 'someone has a red week ahead');
  await click(driver, `[data-testid="heatmap"] tr[data-person="${name}"] th button`);
  const picker = await visible(driver, '[data-testid="load-person"]');
  const chosen = await driver.executeScript('return arguments[0].selectedOptions[0].textContent', picker);
  assert.equal(chosen, name);

  const detail = await visible(driver, '[data-testid="week-detail"]');
  assert.equal(await detail.getAttribute('data-level'), 'red', 'the first red week ahead opens');
  const week = await detail.getAttribute('data-week');
  assert.equal(await (await visible(driver, `[data-testid="week-chart"] [data-week="${week}"]`)).getAttribute('data-level'), 'red');
  const sentences = await texts(driver, '[data-testid="week-detail"] [data-flag] .flag-sentence');
  assert.ok(sentences.length > 0 && sentences[0].length > 10, `a red week says why: ${sentences}`);
  assert.match(await detail.getText(), /rule \d+/);

  // Another week, chosen from the list of weeks at risk.
  const other = await driver.findElements(By.css(`[data-testid="risk-weeks"] [data-risk-week]:not([data-risk-week="${week}"])`));
  if (other.length) {
    const at = await other[0].getAttribute('data-risk-week');
    await other[0].click();
    await driver.wait(async () => (await (await visible(driver, '[data-testid="week-detail"]')).getAttribute('data-week')) === at, 5_000);
    await click(driver, `[data-testid="week-chart"] [data-week="${week}"] .hit`);
    await driver.wait(async () => (await (await visible(driver, '[data-testid="week-detail"]')).getAttribute('data-week')) === week, 5_000);
  }
  await driver.executeScript("document.querySelectorAll('.content, html').forEach((el) => el.scrollTo(0, 0))");
  await screenshot(driver, 'my-load');
});

test('accepting a draft submission shows the weeks it would change, and saves nothing', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="talks"]');
  await visible(driver, '[data-testid="talks-table"]');
  // The sample team drafts submissions for next quarter's open calls; the library marks them “+ 1 draft”.
  const rows = await driver.findElements(By.css('tr[data-talk]'));
  let talk = null;
  for (const row of rows) {
    if (/\+ \d+ drafts?/.test(await row.getText())) {
      talk = await row.getAttribute('data-talk');
      break;
    }
  }
  assert.ok(talk, 'a talk with a draft submission');
  const openDraft = async () => {
    await click(driver, `tr[data-talk="${talk}"] td`);
    await visible(driver, '[data-testid="talk-form"]');
    const draft = await visible(driver, '.submission-row[data-status="draft"]');
    const event = await draft.getAttribute('data-submission');
    await draft.click();
    await visible(driver, '[data-testid="submission-form"]');
    return event;
  };
  const event = await openDraft();
  assert.equal(await (await visible(driver, '#f-status')).getAttribute('value'), 'draft');
  assert.equal((await driver.findElements(By.css('[data-testid="what-if"]'))).length, 0, 'a draft changes no one’s weeks');

  await chooseOption(driver, '#f-status', 'Accepted');
  await visible(driver, '[data-testid="what-if"]');
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid="what-if"] [data-change-week]'))).length > 0,
    10_000,
    'the what-if lists the weeks accepting would change',
  );
  const changed = await driver.findElements(By.css('[data-testid="what-if"] [data-change-week]'));
  const first = changed[0];
  assert.match(await first.getAttribute('data-change-week'), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(await first.getAttribute('data-before'), /^(green|amber|red)$/);
  assert.match(await first.getAttribute('data-after'), /^(green|amber|red)$/);
  assert.match(await first.getText(), /\d+(\.\d)? h → \d+(\.\d)? h/, 'hours before and after');
  await driver.executeScript("document.querySelector('[data-testid=\"what-if\"]').scrollIntoView({ block: 'center' })");
  await screenshot(driver, 'what-if');

  // Cancel: nothing was saved, the submission is still a draft.
  await click(driver, '[data-testid="submission-form"] .form-actions button[type="button"]');
  await gone(driver, '[data-testid="submission-form"]');
  const row = await visible(driver, `.submission-row[data-submission="${event}"]`);
  assert.equal(await row.getAttribute('data-status'), 'draft');
  await row.click();
  assert.equal(await (await visible(driver, '#f-status')).getAttribute('value'), 'draft', 'still a draft when opened again');
  await click(driver, '[data-testid="submission-form"] .form-actions button[type="button"]');
  await gone(driver, '[data-testid="submission-form"]');
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await gone(driver, '.drawer');
});

test('a person’s threshold is saved, and an out-of-range one is refused next to its field', async () => {
  const { driver } = session.app;
  const input = `#t-${THRESHOLD}`;
  await click(driver, '[data-nav="load"]');
  await click(driver, '[data-tab="thresholds"]');
  await visible(driver, '[data-testid="thresholds-table"]');
  await chooseOption(driver, '[data-testid="threshold-scope"]', WHO);
  await type(driver, input, '52');
  await click(driver, '[data-testid="save-thresholds"]');
  const saved = await visible(driver, '[data-testid="thresholds-saved"]');
  assert.match(await saved.getText(), new RegExp(`1 override for ${WHO}`));

  // Stored, not only typed: the team's scope has no override, Priya's has hers.
  await chooseOption(driver, '[data-testid="threshold-scope"]', 'The team');
  assert.equal(await (await visible(driver, input)).getAttribute('value'), '');
  await chooseOption(driver, '[data-testid="threshold-scope"]', WHO);
  assert.equal(await (await visible(driver, input)).getAttribute('value'), '52');
  await driver.executeScript(`document.querySelector('tr[data-threshold="${THRESHOLD}"]').scrollIntoView({ block: 'center' })`);
  await screenshot(driver, 'thresholds');

  await type(driver, input, '999');
  await click(driver, '[data-testid="save-thresholds"]');
  const error = await visible(driver, `[data-error-for="thresholds.${THRESHOLD}"]`);
  assert.match(await error.getText(), /0 to 168/, 'the message gives the range');
  assert.equal(await (await visible(driver, `tr[data-threshold="${THRESHOLD}"]`)).findElements(By.css('.field-error')).then((e) => e.length), 1);
  assert.equal((await driver.findElements(By.css('[data-testid="thresholds-saved"]'))).length, 0);
  await driver.executeScript(`document.querySelector('tr[data-threshold="${THRESHOLD}"]').scrollIntoView({ block: 'center' })`);
  await screenshot(driver, 'thresholds-error');
});

test('public holidays import for the person shown, from the file picked in the chooser', async () => {
  const { driver } = session.app;
  const file = join(mkdtempSync(join(tmpdir(), 'quarterdeck-holidays-')), 'holidays.ics');
  writeFileSync(
    file,
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//e2e//EN',
     'BEGIN:VEVENT', 'UID:h1@e2e', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270102', 'SUMMARY:New Year', 'END:VEVENT',
     'BEGIN:VEVENT', 'UID:h2@e2e', 'DTSTART;VALUE=DATE:20270501', 'DTEND;VALUE=DATE:20270502', 'SUMMARY:Labour Day', 'END:VEVENT',
     'END:VCALENDAR', ''].join('\r\n'),
  );
  await chooseOption(driver, '[data-testid="threshold-scope"]', WHO);
  await click(driver, '[data-testid="import-holidays"]');
  await pickInChooser('Import public holidays (.ics)', file);
  const imported = await visible(driver, '[data-testid="holidays-imported"]', 15_000);
  assert.match(await imported.getText(), /^2 holidays in the file, for 1 person: 2 added as time off, 0 already there/);
});
