// The content calendar in the real window: add a piece, drag it to another day
// on the month grid and to another status on the board, reload the window and
// find it where it was left; then plan a repurposing chain from an event of
// the sample team and find its follow-ups on the calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { NOW, appSession, chooseOption, click, drag, gone, pickZone, screenshot, setDate, type, visible } from './harness.mjs';

const session = appSession();
const TITLE = 'Launch week recap';

// Two days of this month, so both sit on the month grid the calendar opens on.
const now = NOW;
const pad = (n) => String(n).padStart(2, '0');
const day = (d) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(d)}`;
const FROM = day(10);
const TO = day(12);

/** The month grid's cell for a day. */
const cell = (driver, date) =>
  driver.findElement(By.xpath(`//time[@datetime="${date}"]/ancestor::div[contains(concat(' ', @class, ' '), ' ec-day ')][1]`));

/**
 * The day an entry shows on, by its `data-entry`. Entries float in a layer
 * above the grid, so this finds the day cell under the entry's centre. It asks
 * the page afresh each time rather than holding an element, because the grid
 * redraws its entries whenever the plan reloads.
 */
async function dayOf(driver, entry) {
  const ask = () =>
    driver.executeScript(
      `const el = document.querySelector(arguments[0]);
       if (!el || !el.offsetParent) return null;
       const r = el.getBoundingClientRect();
       const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
       for (const day of document.querySelectorAll('.ec-day')) {
         const b = day.getBoundingClientRect();
         if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return day.querySelector('time')?.getAttribute('datetime');
       }
       return null;`,
      `[data-entry="${entry}"]`,
    );
  return driver.wait(ask, 10_000, `${entry} never showed on a day`);
}

async function reload(driver) {
  await driver.executeScript('location.reload()');
  await visible(driver, '.shell');
  await click(driver, '[data-nav="content"]');
}

test('a new piece shows on its due day in the month view', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="content"]');
  await click(driver, '[data-testid="add-content"]');
  await visible(driver, '[data-testid="content-form"]');
  await type(driver, '#f-title', TITLE);
  await chooseOption(driver, '#f-kind', 'Blog post');
  await setDate(driver, '#f-due_on', FROM);
  // The kind's default effort and its source are shown before any is typed.
  const hint = await (await visible(driver, '[data-field="effort_hours"] .field-hint')).getText();
  assert.match(hint, /Default 4 h/);
  await click(driver, '[data-testid="save-content"]');
  await gone(driver, '[data-testid="content-form"]');
  assert.equal(await dayOf(driver, `due:${TITLE}`), FROM);
});

test('dragging it to another day saves the new due date, still there after a reload', async () => {
  const { driver } = session.app;
  await drag(
    driver,
    () => visible(driver, `[data-entry="due:${TITLE}"]`),
    () => cell(driver, TO),
  );
  await driver.wait(async () => (await dayOf(driver, `due:${TITLE}`)) === TO, 10_000, 'the entry never reached its new day');
  await reload(driver);
  await visible(driver, '[data-testid="content-calendar"]');
  assert.equal(await dayOf(driver, `due:${TITLE}`), TO, 'the new day was saved');
  await click(driver, '[data-testid="show-list"]');
  const row = await visible(driver, `tr[data-content="${TITLE}"]`);
  assert.match(await row.getText(), new RegExp(TO));
});

test('dragging it on the board moves it to drafting, still there after a reload', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="show-board"]');
  await drag(
    driver,
    () => visible(driver, `[data-column="idea"] [data-content="${TITLE}"]`),
    () => visible(driver, '[data-column="drafting"] .board-cards'),
  );
  await visible(driver, `[data-column="drafting"] [data-content="${TITLE}"]`);
  // Wait for the save (the list is the plan as reloaded), then reload the window.
  await click(driver, '[data-testid="show-list"]');
  await driver.wait(
    async () => /Drafting/.test(await (await visible(driver, `tr[data-content="${TITLE}"]`)).getText()),
    10_000,
    'the status was not saved',
  );
  await reload(driver);
  await click(driver, '[data-testid="show-board"]');
  await visible(driver, `[data-column="drafting"] [data-content="${TITLE}"]`);
});

test('a publish date before the draft is due is refused, naming the field', async () => {
  const { driver } = session.app;
  await click(driver, `[data-column="drafting"] [data-content="${TITLE}"] button`);
  await visible(driver, '[data-testid="content-form"]');
  await setDate(driver, '#f-publish_at', `${FROM}T09:00`);
  await pickZone(driver, '#f-timezone', 'Berlin', 'Europe/Berlin');
  await click(driver, '[data-testid="save-content"]');
  const error = await visible(driver, '[data-error-for="publish_at"]');
  assert.match(await error.getText(), /before its draft is due/);
  await click(driver, '[data-testid="content-form"] .form-actions button:not(.primary)');
  await gone(driver, '[data-testid="content-form"]');
});

test('a repurposing chain from an event plans its recap and video in one step', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="people"]');
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="events"]');
  await click(driver, '[data-testid="show-list"]');
  // An upcoming event, so that its follow-ups land ahead on the calendar.
  await visible(driver, '[data-testid="events-table"] tbody tr[data-event]');
  let row;
  for (const candidate of await driver.findElements(By.css('[data-testid="events-table"] tbody tr[data-event]'))) {
    if (/Confirmed/.test(await candidate.getText())) {
      row = candidate;
      break;
    }
  }
  assert.ok(row, 'the sample team has a confirmed event');
  const name = await row.getAttribute('data-event');
  await (await row.findElement(By.css('td'))).click();
  await visible(driver, '[data-testid="event-form"]');
  const before = (await driver.findElements(By.css('[data-testid="linked-content"] [data-linked]'))).length;
  await click(driver, '[data-testid="plan-follow-ups"]');
  await visible(driver, '[data-testid="follow-up-form"] [data-follow-up="2"]');
  // Keep the recap and the video, push the video a week later, leave out the newsletter mention.
  await type(driver, 'input[name="fu-publish-1"]', '21');
  await click(driver, 'input[name="fu-include-2"]');
  const dates = await (await visible(driver, '[data-follow-up="1"] [data-testid="follow-up-dates"]')).getText();
  assert.match(dates, /publishes/);
  await screenshot(driver, 'follow-ups');
  await click(driver, '[data-testid="save-follow-ups"]');
  await gone(driver, '[data-testid="follow-up-form"]');
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid="linked-content"] [data-linked]'))).length === before + 2,
    10_000,
    'the event lists its two new follow-ups',
  );
  await visible(driver, `[data-linked="Recap: ${name}"]`);
  await click(driver, '[data-testid="event-form"] .form-actions button:not(.primary)');
  await gone(driver, '[data-testid="event-form"]');

  await click(driver, '[data-nav="content"]');
  await click(driver, '[data-testid="show-list"]');
  await type(driver, 'input[aria-label="Filter content"]', name);
  const rows = await driver.findElements(By.css(`[data-testid="content-table"] tr[data-content]`));
  const titles = await Promise.all(rows.map((r) => r.getAttribute('data-content')));
  assert.ok(titles.includes(`Recap: ${name}`), titles.join(', '));
  assert.ok(titles.some((t) => t.includes(name) && /video/i.test(t)), titles.join(', '));
  assert.ok(!titles.includes(`Newsletter mention: ${name}`), 'the left-out follow-up was not created');
});

test('the month view and the board of the sample team, for the README', async () => {
  const { driver } = session.app;
  await type(driver, 'input[aria-label="Filter content"]', ' ');
  await (await visible(driver, 'input[aria-label="Filter content"]')).clear();
  await click(driver, '[data-testid="show-month"]');
  await visible(driver, '[data-testid="content-calendar"] .ec-event');
  await screenshot(driver, 'content-month');
  await click(driver, '[data-testid="show-week"]');
  await visible(driver, '[data-testid="content-calendar"][data-view="timeGridWeek"]');
  await screenshot(driver, 'content-week');
  await click(driver, '[data-testid="show-board"]');
  await visible(driver, '[data-testid="content-board"]');
  await screenshot(driver, 'content-board');
});
