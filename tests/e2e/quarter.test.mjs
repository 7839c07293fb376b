// The quarter plan, the home screen, in the real window on the demo plan: the
// current quarter's timeline with every lane, quarters stepped with the arrow
// keys, one person's quarter, a record opened from the timeline; a goal added
// and refused; an outcome recorded for a past event, seen in the impact totals
// and in the report saved beside the plan file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { saveInChooser } from './dialogs.mjs';
import { NOW, appSession, application, chooseOption, click, gone, screenshot, setDate, texts, type, visible } from './harness.mjs';

const session = appSession();
// The demo plan goes into the database the app will open, before it opens (appSession opens it in `before`).
mkdirSync(dirname(session.home.db), { recursive: true });
execFileSync(application, ['--db', session.home.db, 'demo'], { stdio: 'ignore', env: { ...process.env, ...session.home.env } });

const LANES = ['events', 'talks', 'content', 'cfp', 'time_off'];
const timeline = '[data-testid="quarter-timeline"]';
/** A figure as the screen shows it ("4,321", "—") as a number (0 for none). */
const number = (text) => Number(String(text).replace(/[^0-9.]/g, '')) || 0;

function quarterOf(date) {
  return `${date.getFullYear()}Q${Math.floor(date.getMonth() / 3) + 1}`;
}

function shift(quarter, steps) {
  const [y, q] = quarter.split('Q').map(Number);
  const index = y * 4 + q - 1 + steps;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** Waits until the timeline shows `quarter` for `scope` ('team' or a person's id). */
async function showing(driver, quarter, scope = null) {
  const selector = `${timeline}[data-quarter="${quarter}"]${scope ? `[data-scope="${scope}"]` : ''}`;
  await visible(driver, selector, 10_000);
  // The previous quarter dims while the next is fetched; wait until it is the one on screen.
  await driver.wait(async () => (await driver.findElements(By.css('.quarter-body.stale'))).length === 0, 10_000);
}

/** Presses a key with the focus on the page itself, not in a field. */
async function press(driver, key) {
  await driver.executeScript('document.activeElement?.blur()');
  await driver.actions().sendKeys(key).perform();
}

async function choosePerson(driver, name) {
  await chooseOption(driver, '[data-testid="quarter-person"]', name);
  const id = await driver.executeScript("return document.querySelector('[data-testid=\"quarter-person\"]').value");
  assert.ok(id, `${name} is in the picker`);
  return id;
}

async function scrollTo(driver, selector) {
  await driver.executeScript(`document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })`, selector);
}

test('the app opens on this quarter of the demo team, with every lane, and steps quarters by keyboard', async () => {
  const { driver } = session.app;
  const current = quarterOf(NOW);
  // The plan asks once who you are (me.test.mjs answers it); here the person looks at the team's quarter first.
  await click(driver, '[data-testid="who-are-you-later"]');
  await gone(driver, '[data-testid="who-are-you"]');
  await showing(driver, current, 'team');
  const nav = await visible(driver, '[data-nav="quarter"]');
  assert.equal(await nav.getAttribute('aria-current'), 'page', 'a plan with people opens on the quarter');
  assert.match(await (await visible(driver, '[data-testid="quarter-title"]')).getText(), /^\d{4} Q[1-4] · \w{3} \d+ – \w{3} \d+$/);

  for (const lane of LANES) {
    const items = await driver.findElements(By.css(`${timeline} [data-lane="${lane}"] [data-item]`));
    assert.ok(items.length > 0, `the ${lane} lane has items`);
  }
  // One load cell per week, and the quarter fits the window without scrolling sideways.
  const weeks = await texts(driver, `${timeline} .week-label`);
  assert.ok(weeks.length >= 13 && weeks.length <= 14, `13–14 weeks: ${weeks}`);
  assert.equal((await driver.findElements(By.css('[data-testid="load-strip"] [data-strip-week]'))).length, weeks.length);
  const [scrollWidth, clientWidth] = await driver.executeScript(
    "const c = document.querySelector('.content'); return [c.scrollWidth, c.clientWidth];",
  );
  assert.ok(scrollWidth <= clientWidth, `no sideways scrolling: ${scrollWidth} > ${clientWidth}`);
  const done = await driver.findElements(By.css(`${timeline} [data-stage="done"]`));
  const planned = await driver.findElements(By.css(`${timeline} [data-stage="planned"]`));
  assert.ok(done.length > 0 && planned.length > 0, 'past work is done, the rest still planned');
  await screenshot(driver, 'quarter-timeline');

  await press(driver, Key.ARROW_LEFT);
  await showing(driver, shift(current, -1), 'team');
  await press(driver, Key.ARROW_RIGHT);
  await press(driver, Key.ARROW_RIGHT);
  await showing(driver, shift(current, 1), 'team');
  await click(driver, '[data-testid="quarter-today"]');
  await showing(driver, current, 'team');
  await click(driver, '[data-testid="quarter-prev"]');
  await showing(driver, shift(current, -1), 'team');
  await click(driver, '[data-testid="quarter-next"]');
  await showing(driver, current, 'team');

  // Arrows typed in a field stay in the field.
  await click(driver, '[data-testid="add-goal"] input[name="target"]');
  await driver.actions().sendKeys(Key.ARROW_LEFT).perform();
  await driver.sleep(300);
  await showing(driver, current, 'team');
});

test('the person picker shows one person’s quarter, and an event opens from the timeline', async () => {
  const { driver } = session.app;
  const current = quarterOf(NOW);
  const teamEvents = (await driver.findElements(By.css(`${timeline} [data-lane="events"] [data-item]`))).length;
  const name = 'Maya Okafor';
  const id = await choosePerson(driver, name);
  await showing(driver, current, id);
  const mine = (await driver.findElements(By.css(`${timeline} [data-lane="events"] [data-item]`))).length;
  assert.ok(mine > 0 && mine < teamEvents, `${name} goes to some of the team's events: ${mine} of ${teamEvents}`);
  // A person's strip shows their load as a share of their hours.
  assert.ok((await texts(driver, '[data-testid="load-strip"] text')).some((t) => t.endsWith('%')));
  assert.match(await (await visible(driver, '[data-testid="quarter-goals"] .panel-head')).getText(), new RegExp(name));
  await driver.executeScript("document.querySelector('.content').scrollTo(0, 0)");
  await screenshot(driver, 'quarter-person');

  const [item] = await driver.findElements(By.css(`${timeline} [data-lane="events"] [data-item^="event:"]`));
  assert.ok(item, 'an event on the timeline');
  const label = await item.getAttribute('aria-label');
  // WebKitWebDriver calls an SVG group not interactable; a person clicks the shape in it.
  await (await item.findElement(By.css('.hit'))).click();
  await visible(driver, '[data-testid="event-form"]');
  const eventName = await (await visible(driver, '[data-testid="event-form"] #f-name')).getAttribute('value');
  assert.ok(label.startsWith(eventName), `the item “${label}” opened the event “${eventName}”`);
  await click(driver, '.drawer button[aria-label="Close"]');
  await gone(driver, '[data-testid="event-form"]');
});

test('time off added from its lane shows on the timeline, opens from there, and deletes with undo', async () => {
  const { driver } = session.app;
  const lane = `${timeline} [data-lane="time_off"]`;
  const before = (await driver.findElements(By.css(`${lane} [data-item]`))).length;
  const person = await driver.executeScript("return document.querySelector('[data-testid=\"quarter-person\"]').value");
  // The quarter's last full week: a Monday inside it whatever today is.
  const weeks = await driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=\"load-strip\"] [data-strip-week]')].map((c) => c.dataset.stripWeek)",
  );
  const monday = weeks.at(-2);
  const wednesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);

  const form = '[data-testid="time-off-form"]';
  // A click on an empty spot of the lane asks for time off in that week: the first week whose middle is clear.
  const svg = await visible(driver, `${lane} svg`);
  const { width, height } = await svg.getRect();
  const column = width / weeks.length;
  const y = Math.round(-height / 2 + 12);
  const free = await driver.executeScript(
    `const [svg, column, y] = arguments;
     const box = svg.getBoundingClientRect();
     const at = box.top + box.height / 2 + y;
     const taken = [...svg.querySelectorAll('[data-item] .hit')].map((h) => h.getBoundingClientRect()).filter((r) => r.top <= at && r.bottom >= at);
     for (let i = 1; i < ${weeks.length} - 1; i++) {
       const x = box.left + column * (i + 0.5);
       if (!taken.some((r) => r.left <= x && r.right >= x)) return i;
     }
     return null;`,
    svg,
    column,
    y,
  );
  assert.notEqual(free, null, 'a week without time off');
  await driver.actions().move({ origin: svg, x: Math.round(-width / 2 + column * (free + 0.5)), y }).click().perform();
  assert.equal(await (await visible(driver, `${form} #f-start_date`)).getAttribute('value'), weeks[free], 'dated by the week clicked');
  await click(driver, `${form} .form-actions button[type="button"]`);
  await gone(driver, form);

  await click(driver, '[data-add-lane="time_off"]');
  await visible(driver, form);
  assert.equal(await (await visible(driver, `${form} #f-person_id`)).getAttribute('value'), person, 'for the person shown');
  await setDate(driver, `${form} #f-start_date`, monday);
  await setDate(driver, `${form} #f-end_date`, wednesday);
  await type(driver, `${form} #f-note`, 'Team offsite');
  await click(driver, '[data-testid="save-time-off"]');
  await gone(driver, form);
  await driver.wait(async () => (await driver.findElements(By.css(`${lane} [data-item]`))).length === before + 1, 10_000);

  const item = await driver.wait(async () => {
    for (const el of await driver.findElements(By.css(`${lane} [data-item]`))) {
      if ((await el.getAttribute('aria-label')).endsWith('Team offsite')) return el;
    }
    return null;
  }, 10_000);
  await (await item.findElement(By.css('.hit'))).click();
  assert.equal(await (await visible(driver, `${form} #f-start_date`)).getAttribute('value'), monday);
  await click(driver, `${form} .danger-quiet`);
  await click(driver, '[data-testid="confirm-delete"]');
  await gone(driver, form);
  await visible(driver, '[data-testid="undo-toast"][data-kind="time_off"]');
  await driver.wait(async () => (await driver.findElements(By.css(`${lane} [data-item]`))).length === before, 10_000);
  // The toast would sit over the panels below for a while: dismissed, as a person would.
  await click(driver, '[data-testid="undo-toast"][data-kind="time_off"] .undo-dismiss');
  await gone(driver, '[data-testid="undo-toast"]');
});

test('a goal of 3 talks shows its progress from the plan; a negative target is refused next to the field', async () => {
  const { driver } = session.app;
  const form = '[data-testid="add-goal"]';
  await chooseOption(driver, `${form} select[name="metric"]`, 'Talks');
  await type(driver, `${form} input[name="target"]`, '3');
  await type(driver, `${form} input[name="note"]`, 'One of them new');
  await click(driver, '[data-testid="add-goal-save"]');
  const row = '[data-testid="quarter-goals"] [data-goal="talks"][data-target="3"]';
  const goal = await visible(driver, row);
  // Planned counts the talks on the timeline; done the ones given.
  const talks = await driver.findElements(By.css(`${timeline} [data-lane="talks"] [data-item]`));
  const given = await driver.findElements(By.css(`${timeline} [data-lane="talks"] [data-stage="done"]`));
  const [planned, confirmed, done] = await Promise.all(['data-planned', 'data-confirmed', 'data-done'].map((a) => goal.getAttribute(a)));
  assert.equal(Number(planned), talks.length, 'every talk on the timeline counts as planned');
  assert.equal(Number(done), given.length, 'the talks given count as done');
  assert.ok(Number(done) <= Number(confirmed) && Number(confirmed) <= Number(planned), 'done ⊆ confirmed ⊆ planned');
  const sentence = await (await goal.findElement(By.css('[data-testid="goal-sentence"]'))).getText();
  assert.match(sentence, new RegExp(`^${planned} planned of 3`));
  assert.match(sentence, new RegExp(`${confirmed} confirmed, ${done} done$`));
  assert.match(await goal.getText(), /One of them new/);

  await scrollTo(driver, '.quarter-panels');
  await screenshot(driver, 'quarter-goals');

  // A count below zero: the backend's message under the target, and no goal saved.
  const rows = (await driver.findElements(By.css('[data-testid="quarter-goals"] [data-goal]'))).length;
  const metric = await driver.executeScript(`return document.querySelector('${form} select[name="metric"]').value`);
  await type(driver, `${form} input[name="target"]`, '-2');
  await click(driver, '[data-testid="add-goal-save"]');
  const error = await visible(driver, `${form} [data-error-for="target"]`);
  assert.match(await error.getText(), /negative/);
  assert.equal((await driver.findElements(By.css('[data-testid="quarter-goals"] [data-goal]'))).length, rows, 'nothing saved');
  assert.equal((await driver.findElements(By.css(`[data-testid="quarter-goals"] [data-goal="${metric}"]`))).length, 0);
  await (await visible(driver, `${form} input[name="target"]`)).clear();

  // Deleting the goal offers it back.
  await click(driver, `${row} [data-testid="delete-goal"]`);
  await gone(driver, row);
  await click(driver, '[data-testid="undo-toast"][data-kind="goal"] [data-testid="undo"]');
  await visible(driver, row);
  await click(driver, '[data-testid="undo-toast"][data-kind="goal"] .undo-dismiss');
  await gone(driver, '[data-testid="undo-toast"]');
});

test('a person’s own target mix must add up to 100 %, and the team’s mix comes back; an activity changes function', async () => {
  const { driver } = session.app;
  const balance = '[data-testid="quarter-balance"]';
  const source = async () => (await visible(driver, `${balance} [data-testid="mix-source"]`)).getText();
  assert.match(await source(), /the team's mix|no target mix/);
  await click(driver, '[data-testid="edit-mix"]');
  const form = '[data-testid="mix-form"]';
  for (const [f, v] of [['engagement', '40'], ['education', '30'], ['advocacy', '20'], ['outreach', '20']]) {
    await type(driver, `${form} input[name="${f}"]`, v);
  }
  assert.equal(await (await visible(driver, '[data-testid="mix-sum"] strong')).getText(), '110 %', 'the sum shows as it is typed');
  await click(driver, '[data-testid="save-mix"]');
  assert.match(await (await visible(driver, `${form} [data-error-for="mix"]`)).getText(), /add up to 110 %/);
  assert.match(await source(), /the team's mix|no target mix/, 'nothing saved');

  await type(driver, `${form} input[name="outreach"]`, '10');
  await click(driver, '[data-testid="save-mix"]');
  await gone(driver, form);
  await driver.wait(async () => /Maya Okafor's own mix/.test(await source()), 10_000);
  assert.equal(await (await visible(driver, `${balance} [data-function="engagement"]`)).getAttribute('data-target'), '40');

  await click(driver, '[data-testid="use-team-mix"]');
  await driver.wait(async () => !/own mix/.test(await source()), 10_000);

  // An activity's function, away from its kind's default and back.
  const activity = await (await visible(driver, `${balance} tr[data-activity]`)).getAttribute('data-activity');
  const row = `${balance} tr[data-activity="${activity}"] [data-testid="activity-function"]`;
  const [other, otherText] = await driver.executeScript(
    `const o = [...document.querySelector(arguments[0]).options].find((o) => o.value); return [o.value, o.textContent];`,
    row,
  );
  await chooseOption(driver, row, otherText);
  await driver.wait(async () => (await (await visible(driver, row)).getAttribute('value')) === other, 10_000);
  await chooseOption(driver, row, '(default)');
  await driver.wait(async () => (await (await visible(driver, row)).getAttribute('value')) === '', 10_000);
});

test('an outcome recorded for a past event shows in the impact totals and in the saved report', async () => {
  const { driver } = session.app;
  await chooseOption(driver, '[data-testid="quarter-person"]', 'Team');
  await showing(driver, quarterOf(NOW), 'team');
  const impact = '[data-testid="quarter-impact"]';
  await visible(driver, impact);
  // A done event of the quarter: one still waiting for its outcome if there is one.
  const pick = await driver.executeScript(
    `const rows = [...document.querySelectorAll('${impact} tr[data-outcome-of^="event:"]')];
     const row = rows.find((r) => r.dataset.recorded === 'no') ?? rows[0];
     return row ? [row.dataset.outcomeOf, row.querySelector('[data-figure="attendance"]')?.textContent ?? '—'] : null;`,
  );
  assert.ok(pick, 'a done event in the impact log');
  const [of, was] = pick;
  const row = `${impact} tr[data-outcome-of="${of}"]`;
  const totalBefore = number(await (await visible(driver, `${impact} [data-total="attendance"]`)).getText());

  await click(driver, `${row} [data-testid="record-outcome"], ${row} [data-testid="edit-outcome"]`);
  const form = '[data-testid="outcome-form"]';
  await visible(driver, form);
  await type(driver, `${form} #f-attendance`, '4321');
  await type(driver, `${form} #f-rating`, '7');
  await click(driver, '[data-testid="save-outcome"]');
  assert.match(await (await visible(driver, `${form} [data-error-for="rating"]`)).getText(), /outside 1 to 5/);
  await screenshot(driver, 'quarter-outcome-form');
  await type(driver, `${form} #f-rating`, '4.5');
  await click(driver, '[data-testid="save-outcome"]');
  await gone(driver, form);

  await driver.wait(async () => (await (await visible(driver, `${row} [data-figure="attendance"]`)).getText()) === '4,321', 10_000);
  const totalAfter = number(await (await visible(driver, `${impact} [data-total="attendance"]`)).getText());
  assert.equal(totalAfter, totalBefore - number(was) + 4321, 'the totals add the attendance recorded');
  await scrollTo(driver, impact);
  await screenshot(driver, 'quarter-impact');

  await click(driver, '[data-testid="save-report"]');
  const path = await (await visible(driver, '[data-testid="report-path"]', 15_000)).getText();
  assert.equal(dirname(path), join(dirname(session.home.db), 'reports'), 'beside the plan file, in reports/');
  assert.ok(path.endsWith('.html') && existsSync(path), `the report is on disk: ${path}`);
  const html = readFileSync(path, 'utf8');
  assert.match(html, /4,?321/, 'the report carries the attendance recorded');
  await screenshot(driver, 'quarter-report-saved');

  // "Save as…" asks where, in the native save chooser; a bare name gets its .html.
  const chosen = join(mkdtempSync(join(tmpdir(), 'quarterdeck-report-')), 'for-the-manager');
  await click(driver, '[data-testid="save-report-as"]');
  await saveInChooser('Save quarter report', chosen);
  await driver.wait(
    async () => (await (await visible(driver, '[data-testid="report-path"]')).getText()) === `${chosen}.html`,
    15_000,
    'the report says where the person saved it',
  );
  assert.match(readFileSync(`${chosen}.html`, 'utf8'), /4,?321/);
});
