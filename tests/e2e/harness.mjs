// Drives the real Quarterdeck window: tauri-driver starts WebKitWebDriver,
// which launches the built app. Run under Xvfb (scripts/test.sh). Both listen
// on loopback ports free at the time, so that two suites (two worktrees) can
// share a machine without one driving the other's app.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { By, Capabilities, WebDriver, until } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

const root = resolve(import.meta.dirname, '../..');
export const application = process.env.QUARTERDECK_APP ?? join(root, 'target/debug/quarterdeck');
const screenshotDir = process.env.SCREENSHOT_DIR ?? join(root, 'target/screenshots');
// On PATH after setup; cargo installs it in $CARGO_HOME/bin (~/.cargo/bin).
const installed = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin/tauri-driver');
const tauriDriver = process.env.TAURI_DRIVER ?? (existsSync(installed) ? installed : 'tauri-driver');
/**
 * The day under test. The app, the CLI and the tests all read the clock through
 * QUARTERDECK_NOW, so no test depends on the day it runs; QUARTERDECK_E2E_NOW
 * moves it, to show that the tests hold on any other day too.
 */
export const NOW = new Date(process.env.QUARTERDECK_E2E_NOW ?? '2026-11-18T12:00:00Z');
if (Number.isNaN(NOW.getTime())) throw new Error(`QUARTERDECK_E2E_NOW is not a time: ${process.env.QUARTERDECK_E2E_NOW}`);
/** Every process the tests start (tauri-driver, so the app; the CLI) inherits it. */
process.env.QUARTERDECK_NOW = NOW.toISOString();
/** Numbers and dates as in English, whatever the machine's LANG; a test's home may set another locale. */
process.env.QUARTERDECK_LOCALE ??= 'en-US';
/** When NOW was, on the machine's clock: the tests' clock runs on from there, as the app's does. */
const STARTED = Date.now();
/**
 * `count` loopback ports free right now, all different (the OS picks them,
 * held open together until all are known).
 */
export async function freePorts(count) {
  const servers = [];
  for (let i = 0; i < count; i += 1) {
    const server = createServer();
    await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
    servers.push(server);
  }
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
  return ports;
}

/** A fresh home for one app: its own XDG folders, so its database is its own. */
export function freshHome() {
  const dir = mkdtempSync(join(tmpdir(), 'quarterdeck-e2e-'));
  const env = {
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  for (const d of Object.values(env)) mkdirSync(d, { recursive: true });
  return { dir, env, db: join(env.XDG_DATA_HOME, 'dev.quarterdeck.app', 'quarterdeck.db') };
}

export async function waitForPort(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`no WebDriver server listened on ${port} within ${ms} ms`);
}

/**
 * Starts tauri-driver with `home`'s environment (the app inherits it) and opens
 * a session on the app. Returns { driver, stop }.
 */
export async function openApp(home) {
  if (!existsSync(application)) throw new Error(`build the app first: ${application} is missing`);
  const [PORT, NATIVE_PORT] = await freePorts(2);
  const proc = spawn(tauriDriver, ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
    env: { ...process.env, ...home.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(PORT, 15_000);
  const caps = new Capabilities({ 'tauri:options': { application } });
  const driver = WebDriver.createSession(new Executor(new HttpClient(`http://127.0.0.1:${PORT}/`)), caps);
  await driver.getSession();
  await driver.wait(until.elementLocated(By.css('.shell')), 20_000, 'the window never showed the app shell');
  const stop = async () => {
    try {
      await driver.quit();
    } finally {
      // SIGTERM, not SIGKILL: tauri-driver must stop WebKitWebDriver too.
      proc.kill('SIGTERM');
      await new Promise((done) => proc.once('exit', done));
      await endLeftovers(home);
    }
  };
  return { driver, stop };
}

/**
 * The app processes still running on `home`. Now and then WebKitWebDriver ends
 * its session without closing the app's window; the app then outlives the
 * test, holding the test runner's output pipe open so that the run never ends.
 */
function appsOn(home) {
  const exe = realpathSync(application);
  return processesOn(home, (pid) => realpathSync(`/proc/${pid}/exe`) === exe);
}

/** The processes started for `home` (they inherit its XDG_DATA_HOME) that `is` picks by pid. */
export function processesOn(home, is) {
  const mine = `XDG_DATA_HOME=${home.env.XDG_DATA_HOME}`;
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return is(pid) && readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(mine);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);
}

/** Ends what is left of the app on `home`: asked first (SIGTERM), then made to (SIGKILL). */
async function endLeftovers(home) {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    const left = appsOn(home);
    if (left.length === 0) return;
    for (const pid of left) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
    await sleep(2_000);
  }
}

/**
 * One app for a test file: opened before its tests, stopped after them.
 * `session.app` is the running app; `session.home` its folders (to reopen it).
 */
export function appSession() {
  const session = { home: freshHome(), app: null };
  before(async () => {
    session.app = await openApp(session.home);
  });
  after(async () => {
    await session.app?.stop();
  });
  return session;
}

/** Waits until `selector` is present and visible, and returns it. */
export async function visible(driver, selector, ms = 10_000) {
  const deadline = Date.now() + ms;
  const left = () => Math.max(deadline - Date.now(), 1);
  for (;;) {
    const el = await driver.wait(until.elementLocated(By.css(selector)), left(), `${selector} never appeared`);
    try {
      await driver.wait(until.elementIsVisible(el), left(), `${selector} never became visible`);
      return el;
    } catch (err) {
      // The view re-rendered (a save reloads the plan) between finding and checking: find it again.
      if (!stale(err) || Date.now() > deadline) throw err;
    }
  }
}

function stale(err) {
  return err?.name === 'StaleElementReferenceError';
}

export async function gone(driver, selector, ms = 10_000) {
  await driver.wait(async () => (await driver.findElements(By.css(selector))).length === 0, ms, `${selector} stayed`);
}

export async function click(driver, selector) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await visible(driver, selector)).click();
    } catch (err) {
      if (attempt === 5) throw err;
      // A CFP reminder that came due while the test ran sits over the target: close it, as a person would.
      if (err?.name === 'ElementClickInterceptedError' && (await closeReminders(driver)) > 0) continue;
      if (!stale(err)) throw err;
    }
  }
}

/** Closes the CFP reminder toasts on screen; returns how many there were. */
async function closeReminders(driver) {
  const buttons = await driver.findElements(By.css('[data-testid="reminder"] button'));
  for (const b of buttons) await b.click().catch(() => {});
  return buttons.length;
}

/** Clears a field and types into it, as a person would. */
export async function type(driver, selector, text) {
  const el = await visible(driver, selector);
  await el.clear();
  await el.sendKeys(text);
  return el;
}

/** Picks a zone in a ZonePicker by typing part of the city and choosing the match. */
export async function pickZone(driver, inputSelector, query, zone) {
  await type(driver, inputSelector, query);
  await click(driver, `li[data-zone="${zone}"]`);
}

/**
 * Drags `from` onto `to` the way a person does: press, nudge a few pixels,
 * travel, settle, release. Both the boards (svelte-dnd-action, mouse events)
 * and the calendar (@event-calendar, pointer events) follow it. The action
 * state is cleared first, so no button is still down from an earlier drag.
 * Given functions that find the elements, it finds them again and retries when
 * the view redrew them in between (a stale element), as a person would aim again.
 */
export async function drag(driver, from, to) {
  const find = (x) => (typeof x === 'function' ? x() : x);
  for (let attempt = 1; ; attempt++) {
    try {
      const [source, target] = [await find(from), await find(to)];
      await driver.actions().clear();
      await driver
        .actions({ async: true })
        .move({ origin: source })
        .press()
        .move({ origin: source, x: 8, y: 8 })
        .pause(150)
        .move({ origin: target })
        .pause(250)
        .move({ origin: target, x: 4, y: 12 })
        .pause(250)
        .release()
        .perform();
      return;
    } catch (err) {
      if (!stale(err) || typeof from !== 'function' || attempt === 5) throw err;
      await driver.actions().clear();
      await driver.sleep(500);
    }
  }
}

/** Saves a PNG of the window after two frames have painted. */
export async function screenshot(driver, name) {
  await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  writeFileSync(file, await driver.takeScreenshot(), 'base64');
  return file;
}

export async function texts(driver, selector) {
  const els = await driver.findElements(By.css(selector));
  return Promise.all(els.map((e) => e.getText()));
}

/**
 * WebKitGTK's segmented date and date-time controls ignore WebDriver key
 * events (typed digits leave them empty or scrambled), so tests set the value
 * the way the picker does: assign it and fire `input` and `change`.
 */
export async function setDate(driver, selector, value) {
  const el = await visible(driver, selector);
  await driver.executeScript(
    `const [el, value] = arguments;
     el.value = value;
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    el,
    value,
  );
  if ((await el.getAttribute('value')) !== value) throw new Error(`${selector} did not take ${value}`);
}

/** Chooses the option of a <select> whose text contains `text`. */
export async function chooseOption(driver, selector, text) {
  const select = await visible(driver, selector);
  const options = await select.findElements(By.css('option'));
  for (const option of options) {
    if ((await option.getText()).includes(text)) {
      await option.click();
      return;
    }
  }
  throw new Error(`${selector} has no option containing ${JSON.stringify(text)}`);
}

/** `YYYY-MM-DD` for `days` from now, in local time (as the app's date inputs read it). */
export function isoDaysFromNow(days) {
  const d = new Date(NOW.getTime() + (Date.now() - STARTED) + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Closes the open drawer with ✕, letting go of what was typed in it: the
 * question about unsaved changes is answered Discard (it must come when
 * `typed`, and must not when nothing was).
 */
export async function discardDrawer(driver, { typed = true } = {}) {
  await click(driver, '.drawer [aria-label="Close"]');
  if (typed) await click(driver, '[data-testid="unsaved-discard"]');
  else assert.equal((await driver.findElements(By.css('[data-testid="unsaved-question"]'))).length, 0);
  await gone(driver, '.drawer');
}
