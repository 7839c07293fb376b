// Light and dark: the window follows the system until told otherwise (Settings, or the
// `quarterdeck:appearance` event the native View menu sends), remembers the choice across a restart,
// and keeps body text at WCAG AA contrast (4.5:1) on the main views in both themes.
// Dark screenshots: target/screenshots/<view>-dark.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { appSession, click, gone, openApp, screenshot, visible } from './harness.mjs';
import { lowContrast } from './layout.mjs';

const session = appSession();
const theme = (driver) => driver.executeScript('return document.documentElement.dataset.theme');
const systemDark = (driver) => driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches");
const dispatch = (driver, detail) =>
  driver.executeScript("window.dispatchEvent(new CustomEvent('quarterdeck:appearance', { detail: arguments[0] }))", detail);

/** The views whose text is checked, and what shows each is there. */
const VIEWS = [
  { nav: 'quarter', ready: '.quarter-head' },
  { nav: 'people', ready: 'tr[data-person]' },
  { nav: 'events', tab: '[data-testid="show-list"]', ready: 'tr[data-event]', name: 'events-list' },
  { nav: 'events', tab: '[data-testid="show-board"]', ready: '[data-testid="pipeline-board"]', name: 'events-board' },
  { nav: 'talks', ready: 'tr[data-talk]' },
  { nav: 'content', tab: '[data-testid="show-list"]', ready: '[data-testid="content-table"]', name: 'content-list' },
  { nav: 'content', tab: '[data-testid="show-month"]', ready: '.content-calendar', name: 'content-month' },
  { nav: 'travel', ready: '[data-testid="trip-list"]' },
  { nav: 'load', ready: '.my-load' },
  { nav: 'settings', ready: '[data-testid="settings-form"]' },
];
/** Text a person reads: headings, the sidebar, tables, labels, buttons, hints, chips. */
const TEXT = [
  'h1',
  'h2',
  '.nav-label',
  '.table td',
  '.table th',
  'main p',
  'main .muted',
  'main .small',
  'label',
  'main button',
  '.badge',
  '.chip',
  'dt',
  'dd',
  '.board-card .strong',
  // Calendar entries, but not those faded on purpose (published, dropped).
  '.ec-event:not(.status-published):not(.status-dropped) .entry-title',
  '.ec-button',
];
/** Deliberately faded: a cancelled, dropped or retired record reads as struck out, not as text to read. */
const FADED = /status-(cancelled|dropped|retired|withdrawn)|\.past|\.retired/;

async function contrastProblems(driver, label) {
  const problems = [];
  for (const view of VIEWS) {
    await click(driver, `[data-nav="${view.nav}"]`);
    if (view.tab) await click(driver, view.tab);
    await visible(driver, view.ready, 15_000);
    for (const selector of TEXT)
      for (const p of await lowContrast(driver, selector)) if (!FADED.test(p)) problems.push(`${label} ${view.name ?? view.nav}: ${p}`);
    if (label === 'dark') await screenshot(driver, `${view.name ?? view.nav}-dark`);
  }
  // A drawer: its form fields and labels on the drawer's surface.
  await click(driver, '[data-nav="events"]');
  await click(driver, '[data-testid="show-list"]');
  await click(driver, 'tr[data-event] td');
  await visible(driver, '.drawer');
  for (const selector of ['.drawer h2', '.drawer label', '.drawer .field-hint', '.drawer button', '.drawer legend'])
    for (const p of await lowContrast(driver, selector)) problems.push(`${label} event drawer: ${p}`);
  if (label === 'dark') await screenshot(driver, 'event-drawer-dark');
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await gone(driver, '.drawer');
  return problems;
}

test('it starts as the system is, light here, with readable text', async () => {
  const { driver } = session.app;
  assert.equal(await theme(driver), (await systemDark(driver)) ? 'dark' : 'light');
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  await dispatch(driver, 'light');
  const problems = await contrastProblems(driver, 'light');
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('Dark in Settings paints the window dark, with readable text', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="settings"]');
  await click(driver, '[data-appearance="dark"]');
  assert.equal(await theme(driver), 'dark');
  const background = await driver.executeScript("return getComputedStyle(document.querySelector('main.content')).backgroundColor");
  const scheme = await driver.executeScript('return getComputedStyle(document.documentElement).colorScheme');
  assert.equal(scheme, 'dark', 'form controls and scrollbars follow');
  assert.notEqual(background, 'rgb(255, 255, 255)');
  const problems = await contrastProblems(driver, 'dark');
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the appearance event switches it and Settings shows the choice', async () => {
  const { driver } = session.app;
  await click(driver, '[data-nav="settings"]');
  await dispatch(driver, 'light');
  assert.equal(await theme(driver), 'light');
  assert.equal(await (await visible(driver, '[data-appearance="light"]')).isSelected(), true);
  await dispatch(driver, 'system');
  assert.equal(await theme(driver), (await systemDark(driver)) ? 'dark' : 'light');
  assert.equal(await (await visible(driver, '[data-appearance="system"]')).isSelected(), true);
  // Anything else is no appearance: ignored.
  await dispatch(driver, 'sepia');
  assert.equal(await (await visible(driver, '[data-appearance="system"]')).isSelected(), true);
  await dispatch(driver, 'dark');
  assert.equal(await theme(driver), 'dark');
  assert.equal(await (await visible(driver, '[data-appearance="dark"]')).isSelected(), true);
});

test('the choice outlives a restart, and is painted before the app starts', async () => {
  await session.app.stop();
  session.app = await openApp(session.home);
  const { driver } = session.app;
  assert.equal(await theme(driver), 'dark');
  // public/appearance.js, a classic script in <head>, set it before the body was parsed.
  const early = await driver.executeScript(
    "return [...document.head.querySelectorAll('script:not([type=module])')].some((s) => s.src.endsWith('/appearance.js'))",
  );
  assert.ok(early, 'the appearance is applied from <head>, before the first paint');
  await click(driver, '[data-nav="settings"]');
  assert.equal(await (await visible(driver, '[data-appearance="dark"]')).isSelected(), true);
  assert.equal((await driver.findElements(By.css('[data-testid="settings-form"]'))).length, 1);
});
