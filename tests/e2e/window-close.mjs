// Closes the app's window as a person does with its close button: the window
// manager's WM_DELETE_WINDOW message, sent by a small X client (close-request.c,
// built here once per run), which the app may hold back while a form is unsaved.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { application, processesOn } from './harness.mjs';

let built;

function closeRequest() {
  if (built && existsSync(built)) return built;
  const out = join(mkdtempSync(join(tmpdir(), 'quarterdeck-close-')), 'close-request');
  const x11 = execFileSync('pkg-config', ['--cflags', '--libs', 'x11'], { encoding: 'utf8' }).trim().split(/\s+/);
  execFileSync('cc', ['-o', out, join(import.meta.dirname, 'close-request.c'), ...x11], { stdio: 'inherit' });
  built = out;
  return out;
}

/** Asks the app's window (titled "<plan file> — Quarterdeck") to close. */
export function askToClose() {
  const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', ' — Quarterdeck$'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  if (ids.length !== 1) throw new Error(`expected one Quarterdeck window, found ${ids.length}`);
  execFileSync(closeRequest(), [ids[0]]);
}

/** The app's processes on `home` still running. */
export function appsRunning(home) {
  const exe = realpathSync(application);
  return processesOn(home, (pid) => realpathSync(`/proc/${pid}/exe`) === exe);
}

/** Waits until no app process runs on `home`; fails after `ms`. */
export async function appEnded(home, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (appsRunning(home).length === 0) return;
    await sleep(200);
  }
  throw new Error(`the app was still running ${ms} ms after its window was closed`);
}
