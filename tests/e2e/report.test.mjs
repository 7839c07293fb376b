// The quarter report as a manager opens it: written by the command line from
// the sample team, then opened in a real WebKit browser (MiniBrowser, driven by
// WebKitWebDriver), where its sections, tables and SVG charts must render, with
// a print layout.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Builder, By } from 'selenium-webdriver';
import { NOW, application, freePorts, waitForPort } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'].find(existsSync);

let webdriver;
after(() => webdriver?.kill('SIGTERM'));

async function browser() {
  const [PORT] = await freePorts(1);
  webdriver = spawn('WebKitWebDriver', [`--port=${PORT}`], { stdio: 'ignore' });
  await waitForPort(PORT, 15_000);
  return new Builder()
    .usingServer(`http://127.0.0.1:${PORT}`)
    .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
    .build();
}

test('the quarter report opens in a browser with its sections and charts, and a print layout', async () => {
  assert.ok(MINIBROWSER, 'WebKitGTK ships MiniBrowser');
  const dir = mkdtempSync(join(tmpdir(), 'quarterdeck-report-'));
  const db = join(dir, 'team.db');
  const file = join(dir, 'report.html');
  const today = NOW.toISOString().slice(0, 10);
  const quarter = `${today.slice(0, 4)}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  execFileSync(application, ['--db', db, 'demo'], { stdio: 'ignore' });
  execFileSync(application, ['--db', db, 'report', '--quarter', quarter, '--out', file], { stdio: 'ignore' });
  const view = JSON.parse(execFileSync(application, ['--db', db, 'quarter', '--quarter', quarter, '--json'], { encoding: 'utf8' }));

  const driver = await browser();
  try {
    await driver.manage().window().setRect({ width: 1100, height: 1400 });
    await driver.get(`file://${file}`);
    const title = await driver.getTitle();
    // People read "2026 Q4", as in the window; "2026Q4" is for the file name and the command line.
    const label = quarter.replace('Q', ' Q');
    assert.match(title, new RegExp(label));
    const body = await driver.findElement(By.css('body')).getText();
    assert.match(body, new RegExp(`Quarter report — Team, ${label}`));
    for (const goal of view.goals) assert.ok(body.includes(goal.label), `the report lists the goal ${goal.label}`);
    for (const p of view.balance.functions) assert.ok(body.includes(p.function[0].toUpperCase() + p.function.slice(1)));
    const recorded = view.impact.rows.find((r) => r.outcome?.attendance);
    assert.ok(recorded, 'the sample quarter has an outcome with attendance');
    assert.ok(body.includes(recorded.label), `the outcome of ${recorded.label} is in the report`);
    // Charts are drawn: every inline SVG has a size and shapes in it.
    const charts = await driver.findElements(By.css('svg'));
    assert.ok(charts.length >= 4, `four charts for the team, found ${charts.length}`);
    for (const svg of charts) {
      const rect = await svg.getRect();
      assert.ok(rect.width > 200 && rect.height > 100, `a chart is drawn at ${rect.width}×${rect.height}`);
      assert.ok((await svg.findElements(By.css('rect, polyline, path, line'))).length > 3);
    }
    const shots = join(root, 'target/screenshots');
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'report.png'), await driver.takeScreenshot(), 'base64');
    // This WebKit cannot print to PDF through WebDriver: check the print layout is there instead.
    const printRules = await driver.executeScript(
      "return [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r.media && [...r.media].includes('print')).length",
    );
    assert.ok(printRules >= 1, 'the report has a print layout');
  } finally {
    await driver.quit();
  }
});
