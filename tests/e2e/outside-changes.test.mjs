// The window notices when its plan changes outside it: the command line
// writing to the same file shows in the open window without a restart, and
// a form open at the time keeps what was typed in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appSession, application, click, type, visible } from './harness.mjs';

const session = appSession();

test('the sample team written by the CLI shows in the open window, and an open form keeps its draft', async () => {
  const { driver } = session.app;
  await visible(driver, '[data-testid="load-sample"]'); // an empty plan
  await click(driver, '[data-testid="add-person"]');
  await type(driver, '[id="f-name"]', 'Draft Person');

  execFileSync(application, ['--db', session.home.db, 'demo', '--today', '2026-11-18'], { stdio: 'ignore' });
  await visible(driver, 'tr[data-person="Maya Okafor"]', 15_000);
  const name = await visible(driver, '[id="f-name"]');
  assert.equal(await name.getAttribute('value'), 'Draft Person');
});
