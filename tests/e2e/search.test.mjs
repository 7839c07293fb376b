// Search across everything (Ctrl+K) in the real window: part of a talk's title,
// typed in any case, finds it, and Enter opens its drawer; Escape closes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { By, Key } from 'selenium-webdriver';
import { appSession, application, gone, screenshot, visible } from './harness.mjs';

const session = appSession();
execFileSync(application, ['--db', session.home.db, 'demo'], {
  stdio: 'ignore',
  env: { ...process.env, ...session.home.env },
});
const talks = JSON.parse(
  execFileSync(application, ['--db', session.home.db, 'talks', '--json'], { env: { ...process.env, ...session.home.env } }),
);

async function openPalette(driver) {
  await driver.actions().keyDown(Key.CONTROL).sendKeys('k').keyUp(Key.CONTROL).perform();
  return visible(driver, '[data-testid="palette-query"]');
}

test('Ctrl+K, part of a talk title, Enter: the talk opens', async () => {
  const { driver } = session.app;
  await visible(driver, '[data-testid="quarter-title"]');
  // A talk's title without its first word, in upper case: a part of it, typed in another case.
  const talk = talks.find(
    (t) =>
      t.title.split(/\s+/).length >= 3 &&
      !talks.some((o) => o !== t && o.title.toLowerCase().includes(t.title.toLowerCase())),
  );
  const part = talk.title.split(/\s+/).slice(1).join(' ').toUpperCase();
  const query = await openPalette(driver);
  await query.sendKeys(part.toUpperCase());
  await driver.wait(
    async () => {
      const active = await driver.findElements(By.css('[data-testid="palette-option"][aria-selected="true"]'));
      return active.length === 1 && (await active[0].getAttribute('data-kind')) === 'talk';
    },
    10_000,
    `a talk is the best match for "${part}"`,
  );
  // The field names the active option, and it is the talk.
  const active = await driver.executeScript(
    'return document.getElementById(arguments[0].getAttribute("aria-activedescendant"))?.textContent ?? "";',
    query,
  );
  assert.ok(active.includes(talk.title), `the active option is the talk: ${active}`);
  await screenshot(driver, 'search-palette');
  await query.sendKeys(Key.ENTER);
  await gone(driver, '[data-testid="palette"]');
  const form = await visible(driver, '[data-testid="talk-form"]');
  const title = await driver.executeScript(
    'return arguments[0].closest("[role=dialog]").querySelector("h2").textContent;',
    form,
  );
  assert.equal(title, talk.title);
});

test('arrows move through the results, Escape closes the palette', async () => {
  const { driver } = session.app;
  await driver.actions().sendKeys(Key.ESCAPE).perform(); // the talk drawer, unchanged, closes at once
  await gone(driver, '[data-testid="talk-form"]');
  const query = await openPalette(driver);
  await query.sendKeys('go to');
  const first = await query.getAttribute('aria-activedescendant');
  await query.sendKeys(Key.ARROW_DOWN);
  assert.notEqual(await query.getAttribute('aria-activedescendant'), first);
  await query.sendKeys(Key.ARROW_UP);
  assert.equal(await query.getAttribute('aria-activedescendant'), first);
  await query.sendKeys(Key.ESCAPE);
  await gone(driver, '[data-testid="palette"]');
});
