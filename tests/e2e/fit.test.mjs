// The window fits its sizes: every main view, at the minimum window (900×600) and at the default
// (1280×800), with the sidebar open and folded, has nothing wider than its box where that box does not
// scroll, no sideways scrolling of the page, no squeezed buttons, and the quarter's week labels and the
// load cards clear of each other. Each view is saved as target/screenshots/fit-<view>-<size>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { appSession, click, gone, isoDaysFromNow, openApp, screenshot, visible } from './harness.mjs';
import { collisions, overflows, resize } from './layout.mjs';

const session = appSession();

/** Each main view, and the tabs within it that change its layout: how to reach it and what shows it is there. */
const SCREENS = [
  { name: 'quarter', nav: 'quarter', ready: '.quarter-head' },
  { name: 'people', nav: 'people', ready: 'tr[data-person]' },
  { name: 'events-board', nav: 'events', tab: '[data-testid="show-board"]', ready: '[data-testid="pipeline-board"]' },
  { name: 'events-list', nav: 'events', tab: '[data-testid="show-list"]', ready: 'tr[data-event]' },
  { name: 'talks', nav: 'talks', ready: 'tr[data-talk]' },
  { name: 'content-month', nav: 'content', tab: '[data-testid="show-month"]', ready: '.content-calendar' },
  { name: 'content-board', nav: 'content', tab: '[data-testid="show-board"]', ready: '[data-testid="content-board"]' },
  { name: 'content-list', nav: 'content', tab: '[data-testid="show-list"]', ready: '[data-testid="content-table"]' },
  { name: 'travel', nav: 'travel', tab: '[data-tab="trips"]', ready: '[data-testid="trip-list"]' },
  { name: 'travel-budget', nav: 'travel', tab: '[data-tab="budget"]', ready: '.budget-view' },
  { name: 'travel-rates', nav: 'travel', tab: '[data-tab="rates"]', ready: '.rates-panel' },
  { name: 'load-mine', nav: 'load', tab: '[data-tab="mine"]', ready: '.my-load' },
  { name: 'load-team', nav: 'load', tab: '[data-tab="team"]', ready: '.team-load' },
  { name: 'load-thresholds', nav: 'load', tab: '[data-tab="thresholds"]', ready: '.thresholds-panel' },
  { name: 'catalog', nav: 'catalog', ready: '[data-testid="catalog-table"]' },
  { name: 'settings', nav: 'settings', ready: '[data-testid="settings-form"]' },
];
/** Drawers and the dialog: how to open one from the view before it, and what shows it. */
const OVERLAYS = [
  { name: 'event-drawer', nav: 'events', tab: '[data-testid="show-list"]', open: 'tr[data-event] td', ready: '.drawer' },
  { name: 'trip-drawer', nav: 'travel', tab: '[data-tab="trips"]', open: '[data-trip] .trip-card', ready: '.drawer' },
  { name: 'export-dialog', nav: 'people', open: '[data-testid="open-export"]', ready: '.dialog' },
];
const SIZES = [
  [1280, 800],
  [900, 600],
];

async function reach(driver, { nav, tab, ready }) {
  await click(driver, `[data-nav="${nav}"]`);
  await visible(driver, `[data-nav="${nav}"][aria-current="page"]`);
  if (tab) await click(driver, tab);
  await visible(driver, ready, 15_000);
}

/** Overflows and collisions on the screen as it is now, each naming the screen. */
async function problemsOn(driver, label) {
  const found = [
    ...(await overflows(driver)),
    ...(await collisions(driver, '.tl-weeks .week-label')),
    ...(await collisions(driver, '.week-chart .week-label')),
    ...(await collisions(driver, '.load .card')),
    ...(await collisions(driver, '.quarter .panel')),
  ];
  return found.map((p) => `${label}: ${p}`);
}

async function closeOverlay(driver) {
  while ((await driver.findElements(By.css('.drawer, .dialog'))).length > 0) {
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await driver.sleep(150);
  }
}

test('the sample team, with the bundled conference catalog', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await click(driver, '[data-nav="catalog"]');
  await click(driver, '[data-testid="import-bundled"]');
  await visible(driver, '[data-testid="catalog-table"]', 20_000);
});

for (const [width, height] of SIZES) {
  for (const collapsed of [false, true]) {
    const size = `${width}x${height}`;
    const fold = collapsed ? '-folded' : '';
    test(`every view fits ${size}${collapsed ? ' with the sidebar folded' : ''}`, async () => {
      const { driver } = session.app;
      await resize(driver, width, height);
      const isFolded = async () => (await driver.findElements(By.css('.shell.collapsed'))).length > 0;
      if ((await isFolded()) !== collapsed) await click(driver, '[data-testid="sidebar-toggle"]');
      assert.equal(await isFolded(), collapsed);
      const problems = [];
      for (const screen of SCREENS) {
        await reach(driver, screen);
        problems.push(...(await problemsOn(driver, screen.name)));
        // Folded, only the minimum size is worth a picture: it is where the room matters.
        if (!collapsed || width === 900) await screenshot(driver, `fit-${screen.name}-${size}${fold}`);
      }
      if (!collapsed) {
        for (const overlay of OVERLAYS) {
          await reach(driver, { ...overlay, ready: 'main.content' });
          await click(driver, overlay.open);
          await visible(driver, overlay.ready);
          problems.push(...(await problemsOn(driver, overlay.name)));
          await screenshot(driver, `fit-${overlay.name}-${size}`);
          await closeOverlay(driver);
          await gone(driver, overlay.ready);
        }
      }
      assert.deepEqual(problems, [], `overflows at ${size}${fold}:\n${problems.join('\n')}`);
    });
  }
}

test('the lists of trips, events and content open at today, the past below', async () => {
  const { driver } = session.app;
  const today = isoDaysFromNow(0);
  /** The list's items in order, each as [its last day, whether it comes after the "earlier" divider]. */
  const order = (items, divider, lastDay) =>
    driver.executeScript(
      `const [items, divider, lastDay] = arguments;
       const mark = document.querySelector(divider);
       return [...document.querySelectorAll(items)].map((el) => [
         el.getAttribute(lastDay),
         !!mark && !!(mark.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
       ]);`,
      items,
      divider,
      lastDay,
    );
  const check = (rows, what) => {
    assert.ok(rows.length > 0, `${what}: the sample team has some`);
    assert.ok(rows.some(([, past]) => past), `${what}: some are over, below the divider`);
    assert.equal(rows[0][1], false, `${what}: the list starts with what is ahead`);
    for (const [last, past] of rows) assert.equal(past, last < today, `${what}: one ending ${last} is on the wrong side`);
  };
  await reach(driver, { nav: 'travel', tab: '[data-tab="trips"]', ready: '[data-testid="trip-list"]' });
  check(await order('li[data-trip]', '[data-testid="past-trips"]', 'data-last-day'), 'trips');
  await reach(driver, { nav: 'events', tab: '[data-testid="show-list"]', ready: 'tr[data-event]' });
  check(await order('tr[data-event]', '[data-testid="past-events"]', 'data-last-day'), 'events');
  await reach(driver, { nav: 'content', tab: '[data-testid="show-list"]', ready: '[data-testid="content-table"]' });
  check(await order('tr[data-content]', '[data-testid="past-content"]', 'data-last-day'), 'content');
});

test('the sidebar folds by keyboard, keeps its sections named, and stays folded after a restart', async () => {
  const { driver } = session.app;
  const folded = async () => (await driver.findElements(By.css('.shell.collapsed'))).length > 0;
  if (!(await folded())) await click(driver, '[data-testid="sidebar-toggle"]');
  const toggle = await visible(driver, '[data-testid="sidebar-toggle"]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.getAttribute('aria-label'), 'Expand the sidebar');
  const width = await driver.executeScript("return document.querySelector('.sidebar').getBoundingClientRect().width");
  assert.ok(width <= 64, `the folded sidebar leaves the content the room (${width}px)`);
  // Each section keeps its full name for screen readers; the initials are only what the eye sees.
  const talks = await visible(driver, '[data-nav="talks"]');
  assert.equal(await (await talks.findElement(By.css('.nav-label'))).getAttribute('textContent'), 'Talk library');
  assert.equal(await (await talks.findElement(By.css('.nav-initial'))).getAttribute('aria-hidden'), 'true');
  assert.equal(await (await talks.findElement(By.css('.nav-initial'))).getText(), 'Ta');

  // The toggle is the Tab stop after the skip link, and Enter works it.
  await driver.executeScript('document.activeElement?.blur(); document.body.focus();');
  await driver.actions().sendKeys(Key.TAB, Key.TAB).perform();
  assert.equal(await driver.executeScript('return document.activeElement.dataset.testid'), 'sidebar-toggle');
  await driver.actions().sendKeys(Key.ENTER).perform();
  await driver.wait(async () => !(await folded()), 5_000, 'Enter did not unfold the sidebar');
  await driver.actions().sendKeys(Key.ENTER).perform();
  await driver.wait(folded, 5_000, 'Enter did not fold the sidebar again');

  await session.app.stop();
  session.app = await openApp(session.home);
  await session.app.driver.wait(
    async () => (await session.app.driver.findElements(By.css('.shell.collapsed'))).length > 0,
    10_000,
    'the sidebar opened unfolded after a restart',
  );
});
