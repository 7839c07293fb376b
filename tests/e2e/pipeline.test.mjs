// The pipeline board and the talk library on the sample team: drag an event
// to another status; write a talk, submit it to an event, accept it, and see
// the event move along the board and the talk's acceptance rate change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { appSession, chooseOption, click, drag, gone, screenshot, type, visible } from './harness.mjs';

const session = appSession();
const TALK = 'Typed IPC for Tauri Apps';
let dragged = '';
let submittedTo = '';
/** Submissions the sample team already had on that event (some days it has a draft there). */
let othersOnTarget = 0;

/** The names of the cards in one board column. */
async function column(driver, status) {
  const cards = await driver.findElements(By.css(`[data-column="${status}"] .board-card`));
  return Promise.all(cards.map((c) => c.getAttribute('data-event')));
}

/** How many submissions an event's card counts (none shows no count). */
async function submissionsOn(driver, status, name) {
  const text = await (await visible(driver, `[data-column="${status}"] [data-event="${name}"]`)).getText();
  return Number(/(\d+) submissions?/.exec(text)?.[1] ?? 0);
}

async function waitInColumn(driver, status, name) {
  await driver.wait(async () => (await column(driver, status)).includes(name), 10_000, `${name} never reached ${status}`);
}

test('the board shows the sample pipeline in status columns, with scores', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="events"]');
  await visible(driver, '[data-testid="pipeline-board"]');
  const columns = await driver.findElements(By.css('[data-column]'));
  assert.equal(columns.length, 9, 'one column per status');
  assert.ok((await column(driver, 'done')).length > 0, 'the sample quarter has events done');
  const scores = await driver.findElements(By.css('[data-testid="event-score"]'));
  assert.ok(scores.length > 0, 'rated conferences show their score');
  await screenshot(driver, 'pipeline');
});

test('dragging a card to another column saves its new status', async () => {
  const { driver } = session.app;
  const [name] = await column(driver, 'considering');
  dragged = name;
  assert.ok(name, 'the sample pipeline has an event being considered');
  const card = await visible(driver, `[data-column="considering"] [data-event="${name}"]`);
  const target = await visible(driver, '[data-column="cfp_open"] .board-cards');
  await drag(driver, card, target);
  await waitInColumn(driver, 'cfp_open', name);
  // Saved, not just moved on screen: the list shows the plan as reloaded after the save.
  await click(driver, '[data-testid="show-list"]');
  await driver.wait(
    async () => /CFP open/.test(await (await visible(driver, `tr[data-event="${name}"]`)).getText()),
    10_000,
    `${name} was not saved as CFP open`,
  );
  await click(driver, '[data-testid="show-board"]');
  assert.ok(!(await column(driver, 'considering')).includes(name), 'it left its old column');
});

/** Opens the talk in the library and, when given, one of its submissions. */
async function openTalk(driver, submissionTo) {
  await click(driver, '[data-nav="talks"]');
  await click(driver, `tr[data-talk="${TALK}"] td`);
  await visible(driver, '[data-testid="talk-form"]');
  if (submissionTo) await click(driver, `.submission-row[data-submission="${submissionTo}"]`);
}

async function closeDrawers(driver) {
  while ((await driver.findElements(By.css('.drawer'))).length > 0) {
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await driver.sleep(100);
  }
}

async function rateOf(driver) {
  return (await visible(driver, `tr[data-talk="${TALK}"] [data-testid="talk-rate"]`)).getText();
}

test('a new talk, submitted then accepted, moves its event along the board and sets its rate', async () => {
  const { driver } = session.app;
  // The event: one with an open CFP that the team has not submitted to yet.
  await click(driver, '[data-nav="events"]');
  const target = (await column(driver, 'cfp_open')).find((n) => n !== dragged);
  assert.ok(target, 'the sample pipeline has a second event with an open CFP');
  submittedTo = target;
  // On some days the sample team already has a draft for it: ours is one more.
  othersOnTarget = await submissionsOn(driver, 'cfp_open', target);

  await click(driver, '[data-nav="talks"]');
  await click(driver, '[data-testid="add-talk"]');
  await type(driver, '#f-title', TALK);
  await type(driver, '#f-abstract', 'Generating TypeScript from Rust so the UI never copies a shape by hand.');
  await type(driver, '#f-duration_minutes', '30');
  await chooseOption(driver, '#f-owner_id', 'Maya Okafor');
  await type(driver, '#f-tags', 'tauri, rust, typescript');
  await click(driver, '[data-testid="save-talk"]');
  await gone(driver, '[data-testid="talk-form"]');
  assert.match(await rateOf(driver), /^(—|no answers yet)$/, 'a talk never sent has no rate');

  await openTalk(driver);
  await click(driver, '[data-testid="submit-talk"]');
  await visible(driver, '[data-testid="submission-form"]');
  await chooseOption(driver, '#f-event_id', target);
  await chooseOption(driver, '#f-speaker_id', 'Maya Okafor');
  await type(driver, '#f-title', `${TALK} (${target.split(' ')[0]} cut)`);
  await chooseOption(driver, '#f-status', 'Submitted');
  await click(driver, '[data-testid="save-submission"]');
  await gone(driver, '[data-testid="submission-form"]');
  await visible(driver, `.submission-row[data-submission="${target}"]`);
  const versions = await (await visible(driver, '[data-testid="talk-versions"]')).getText();
  assert.match(versions, /v1/, 'submitting forked version 1 of the talk');
  await closeDrawers(driver);

  await click(driver, '[data-nav="events"]');
  await waitInColumn(driver, 'submitted', target);

  await openTalk(driver, target);
  await visible(driver, '[data-testid="submission-form"]');
  assert.equal(await (await visible(driver, '#f-title')).getAttribute('value'), `${TALK} (${target.split(' ')[0]} cut)`);
  await chooseOption(driver, '#f-status', 'Accepted');
  await click(driver, '[data-testid="save-submission"]');
  await gone(driver, '[data-testid="submission-form"]');
  await screenshot(driver, 'talk-form');
  await closeDrawers(driver);
  assert.match(await rateOf(driver), /^100 %/);
  await driver.executeScript("document.querySelectorAll('.content, html').forEach((el) => el.scrollTo(0, 0))");
  await screenshot(driver, 'talks');

  await click(driver, '[data-nav="events"]');
  await waitInColumn(driver, 'accepted', target);
  const card = await visible(driver, `[data-column="accepted"] [data-event="${target}"]`);
  assert.equal(await submissionsOn(driver, 'accepted', target), othersOnTarget + 1, 'the card counts our submission');
  assert.ok((await card.findElements(By.css('.avatar'))).length > 0, 'the accepted speaker now goes to the event');
});

test('a teammate submitting the same talk to that event is warned', async () => {
  const { driver } = session.app;
  const target = submittedTo;
  await openTalk(driver);
  await click(driver, '[data-testid="submit-talk"]');
  await chooseOption(driver, '#f-event_id', target);
  await chooseOption(driver, '#f-speaker_id', 'Diego Alvarez');
  const warning = await visible(driver, '[data-testid="duplicate-warning"]');
  assert.match(await warning.getText(), /Maya Okafor .*same talk/s);
  await closeDrawers(driver);
});

test('changing the score weights in Settings re-scores the board', async () => {
  const { driver } = session.app;
  const scores = async () => {
    await click(driver, '[data-nav="events"]');
    await visible(driver, '[data-testid="pipeline-board"]');
    const cards = await driver.findElements(By.css('.board-card'));
    const out = {};
    for (const card of cards) {
      const badge = await card.findElements(By.css('[data-testid="event-score"]'));
      if (badge.length) out[await card.getAttribute('data-event')] = await badge[0].getText();
    }
    return out;
  };
  const before = await scores();
  await click(driver, '[data-nav="settings"]');
  for (const [key, value] of Object.entries({ audience_fit: 0, reach: 0, cost: 10, travel_burden: 0, strategic_value: 0 })) {
    const slider = await visible(driver, `#w-${key}`);
    await driver.executeScript(
      `const [el, v] = arguments; el.value = v; el.dispatchEvent(new Event('input', { bubbles: true }));`,
      slider,
      String(value),
    );
  }
  await click(driver, '[data-testid="save-settings"]');
  await visible(driver, '[data-testid="settings-form"] [role="status"]');
  await screenshot(driver, 'settings');
  const after = await scores();
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'the same events are scored');
  const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
  assert.ok(changed.length > 0, `weighing only cost changes some scores: ${JSON.stringify({ before, after })}`);
  // With only cost weighed, a score is (5 − cost) / 4 × 100: a multiple of 25.
  assert.ok(Object.values(after).every((s) => Number(s) % 25 === 0), JSON.stringify(after));
});

test('deleting the talk asks first, then removes it with its submission', async () => {
  const { driver } = session.app;
  await openTalk(driver);
  await click(driver, '[data-testid="talk-form"] .danger-quiet');
  const warning = await visible(driver, '[data-testid="talk-form"] .confirm-text');
  assert.match(await warning.getText(), /Also deletes its 1 submission/);
  await click(driver, '[data-testid="confirm-delete"]');
  await gone(driver, '[data-testid="talk-form"]');
  await gone(driver, `tr[data-talk="${TALK}"]`);
  await click(driver, '[data-nav="events"]');
  assert.equal(await submissionsOn(driver, 'accepted', submittedTo), othersOnTarget, 'its submission went with it');
});
