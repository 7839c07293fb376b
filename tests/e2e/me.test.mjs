// "Me" in the real window: the first start of a plan with people asks which
// person you are; after a restart on the same plan nothing is asked and My load
// opens on that person.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { By } from 'selenium-webdriver';
import { application, chooseOption, click, freshHome, gone, openApp, screenshot, visible } from './harness.mjs';

const ME = 'Priya Raman';
const home = freshHome();
// A plan with people, written before the first start.
execFileSync(application, ['--db', home.db, 'demo'], { stdio: 'ignore', env: { ...process.env, ...home.env } });
let app = null;
after(async () => {
  await app?.stop();
});

/** The text of the option a select shows. */
async function chosen(driver, selector) {
  return driver.executeScript('const s = document.querySelector(arguments[0]); return s.options[s.selectedIndex]?.text;', selector);
}

test('the first start asks who I am, once', async () => {
  app = await openApp(home);
  const { driver } = app;
  await visible(driver, '[data-testid="who-are-you"]');
  await chooseOption(driver, '[data-testid="who-are-you-person"]', ME);
  await screenshot(driver, 'me-first-start');
  await click(driver, '[data-testid="who-are-you-me"]');
  await gone(driver, '[data-testid="who-are-you"]');
  await click(driver, '[data-nav="settings"]');
  await visible(driver, '[data-testid="me-panel"]');
  assert.equal(await chosen(driver, '[data-testid="me-person"]'), ME, 'Settings shows who I am');
});

test('after a restart on the same plan nothing is asked and My load opens on me', async () => {
  await app.stop();
  app = await openApp(home);
  const { driver } = app;
  // The window opens on the view it showed last (Settings); the quarter's title shows once the plan has loaded.
  await click(driver, '[data-nav="quarter"]');
  await visible(driver, '[data-testid="quarter-title"]');
  assert.equal((await driver.findElements(By.css('[data-testid="who-are-you"]'))).length, 0, 'not asked again');
  await click(driver, '[data-nav="load"]');
  await visible(driver, '[data-testid="load-person"]');
  assert.equal(await chosen(driver, '[data-testid="load-person"]'), ME);
  await screenshot(driver, 'me-my-load');
});
