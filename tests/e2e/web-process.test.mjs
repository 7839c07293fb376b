// A window that never stays blank: when WebKit's web process dies, the app
// loads the page again. WebKitWebDriver ends its session with the crash, so
// what the test sees is the app's own log and its processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appSession, click, processesOn, visible } from './harness.mjs';

const session = appSession();

/** The WebKit web processes of this test's app. */
function webProcesses() {
  return processesOn(session.home, (pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('WebKitWebProces'));
}

/** What the app has written to its log file so far. */
function log() {
  const folder = join(session.home.env.XDG_DATA_HOME, 'dev.quarterdeck.app', 'logs');
  if (!existsSync(folder)) return '';
  return readdirSync(folder)
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .join('\n');
}

test('when the web page crashes the window loads it again instead of staying blank', async () => {
  const { driver } = session.app;
  await click(driver, '[data-testid="load-sample"]');
  await visible(driver, 'tr[data-person="Maya Okafor"]');
  const before = webProcesses();
  assert.equal(before.length, 1, `one web process for the window: ${before}`);

  process.kill(before[0], 'SIGKILL');
  const deadline = Date.now() + 20_000;
  while (!/the window's page is loaded again/.test(log())) {
    assert.ok(Date.now() < deadline, `the page was not loaded again; the log says:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(log(), /the window's web process ended \(Crashed\); loading the page again/);
  const after = webProcesses();
  assert.equal(after.length, 1, 'a new web process took over');
  assert.notEqual(after[0], before[0]);
});
