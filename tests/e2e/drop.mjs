// Drops a file on the app for real: a tiny GTK drag source (drag-source.c,
// built here once per run with the GTK headers the app's build needs)
// offers the file, and xdotool drags it onto the window with the mouse. The
// drop goes through X's drag and drop to the window's native event, where
// Rust keeps the file behind a token; a drop the page emits never gets there.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dialogWindow } from './dialogs.mjs';

let built;

function dragSource() {
  if (built && existsSync(built)) return built;
  const out = join(mkdtempSync(join(tmpdir(), 'quarterdeck-drag-')), 'drag-source');
  const gtk = execFileSync('pkg-config', ['--cflags', '--libs', 'gtk+-3.0'], { encoding: 'utf8' }).trim().split(/\s+/);
  execFileSync('cc', ['-o', out, join(import.meta.dirname, 'drag-source.c'), ...gtk], { stdio: 'inherit' });
  built = out;
  return out;
}

const xdotool = (...args) => execFileSync('xdotool', args.map(String), { encoding: 'utf8' });

/**
 * Drags `file` from a source window at the bottom right onto the point (x, y)
 * of the screen (the app's window fills it under Xvfb). `whileOver` runs while
 * the file hovers over the window, before it is let go.
 */
export async function dropFile(file, { x = 500, y = 400, whileOver = async () => {} } = {}) {
  const [left, top] = [1100, 650];
  const source = spawn(dragSource(), [file, left, top], { stdio: 'ignore' });
  const exited = new Promise((done) => source.once('exit', done));
  try {
    await dialogWindow('drag-source');
    await sleep(300);
    const [fromX, fromY] = [left + 50, top + 30];
    xdotool('mousemove', fromX, fromY);
    await sleep(150);
    xdotool('mousedown', 1);
    await sleep(150);
    const steps = 20;
    for (let i = 1; i <= steps; i++) {
      xdotool('mousemove', Math.round(fromX + ((x - fromX) * i) / steps), Math.round(fromY + ((y - fromY) * i) / steps));
      await sleep(40);
    }
    await sleep(300);
    await whileOver();
    xdotool('mouseup', 1);
    await Promise.race([exited, sleep(10_000)]);
  } finally {
    source.kill();
  }
}
