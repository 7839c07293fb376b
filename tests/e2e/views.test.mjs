// The window as a desktop window: its title names the plan file, and each
// view opens at its top, whatever the last one was scrolled to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appSession, click, visible } from './harness.mjs';

const session = appSession();
const scrolled = (driver) => driver.executeScript("return document.querySelector('main.content').scrollTop");

test('each view opens at its top, not at the last one’s scroll position', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="travel"]');
  await visible(driver, '[data-testid="trip-list"]');
  await driver.executeScript("const m = document.querySelector('main.content'); m.scrollTop = m.scrollHeight;");
  assert.ok((await scrolled(driver)) > 200, 'the trip list scrolls');

  await click(driver, '[data-nav="content"]');
  await visible(driver, '[data-nav="content"][aria-current="page"]');
  assert.equal(await scrolled(driver), 0);
  await driver.executeScript("const m = document.querySelector('main.content'); m.scrollTop = m.scrollHeight;");
  await click(driver, '[data-nav="travel"]');
  await visible(driver, '[data-testid="trip-list"]');
  assert.equal(await scrolled(driver), 0);
});

test('the window title names the plan file', () => {
  // xdotool reads the title the window manager shows (not the page's <title>).
  const found = execFileSync('xdotool', ['search', '--name', '^quarterdeck\\.db — Quarterdeck$'], { encoding: 'utf8' });
  assert.match(found.trim(), /^\d+$/);
});
