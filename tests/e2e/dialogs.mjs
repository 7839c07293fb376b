// Drives the native dialogs the app opens from Rust (GTK, under Xvfb) with
// xdotool, as a person would with the keyboard: the page cannot name a file,
// so an end-to-end test has to pick one in the real file chooser. No window
// manager runs under Xvfb: focus goes to the dialog with `windowfocus`, never
// `windowactivate` (which needs one).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const run = promisify(execFile);

async function xdotool(...args) {
  // A bounded wait: a focus that never comes fails the test instead of hanging it.
  const { stdout } = await run('xdotool', args.map(String), { timeout: 15_000 });
  return stdout.trim();
}

/** The id of the visible window titled exactly `title`, once it shows (the newest if several). */
export async function dialogWindow(title, ms = 20_000) {
  const deadline = Date.now() + ms;
  const exact = `^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  while (Date.now() < deadline) {
    try {
      const ids = (await xdotool('search', '--onlyvisible', '--name', exact)).split('\n').filter(Boolean);
      if (ids.length > 0) return ids[ids.length - 1];
    } catch {
      // xdotool exits 1 while no window matches
    }
    await sleep(150);
  }
  throw new Error(`no dialog titled "${title}" showed within ${ms} ms`);
}

/** Waits until the window `id` has gone (the dialog closed). */
async function closed(id, title, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await isOpen(id))) return;
    await sleep(150);
  }
  throw new Error(`the dialog "${title}" stayed open`);
}

/**
 * Focuses the dialog, then types through XTEST, as a keyboard would: GTK
 * ignores the synthetic events `--window` would send.
 */
async function keys(id, ...sequence) {
  await xdotool('windowfocus', '--sync', id);
  for (const k of sequence) {
    if (k.type !== undefined) await xdotool('type', '--delay', 15, k.type);
    else await xdotool('key', '--clearmodifiers', k);
    await sleep(150);
  }
}

/**
 * In the open (or folder) chooser titled `title`, picks `path`: Ctrl+L opens
 * the location field, the path is typed whole, Return accepts it.
 */
export async function pickInChooser(title, path) {
  const id = await dialogWindow(title);
  await sleep(800); // the chooser fills its file list before it takes keys
  // On a busy machine GTK can lose keys typed while it completes the path; a
  // chooser still open after Return is given the path again (at most thrice).
  for (let attempt = 1; ; attempt += 1) {
    await keys(id, 'ctrl+l');
    await typeLocation(id, path);
    await keys(id, 'Return');
    try {
      await closed(id, title, attempt === 3 ? 20_000 : 6_000);
      return;
    } catch (stillOpen) {
      if (attempt === 3) throw stillOpen;
    }
  }
}

/**
 * Types `path` into the chooser's location field once it has opened. GTK
 * builds that field on the first key and drops keys typed meanwhile (a run
 * showed `/mp/…` for `/tmp/…`), so it waits, then replaces whatever landed.
 */
async function typeLocation(id, path) {
  await sleep(700);
  await keys(id, 'ctrl+a', { type: path });
}

/**
 * In the folder chooser titled `title`, picks the folder `path`. Typed
 * straight into the chooser (a leading / opens its location field), Return
 * goes into the folder and a second Return selects it; the location field
 * that Ctrl+L opens does not select folders under Xvfb. Only for a folder
 * with no subfolders: in one that has some, the second Return goes on into
 * the first of them.
 */
export async function pickFolderInChooser(title, path) {
  const id = await dialogWindow(title);
  await sleep(800);
  await keys(id, { type: '/' }); // opens the location field
  await typeLocation(id, path);
  await sleep(1_200); // the location field settles its completion first
  await keys(id, 'Return');
  await sleep(1_200);
  if (await isOpen(id)) await keys(id, 'Return');
  await closed(id, title);
}

async function isOpen(id) {
  const visible = await xdotool('search', '--onlyvisible', '--name', '.').catch(() => '');
  return visible.split('\n').includes(id);
}

/** In the save chooser titled `title`, replaces the suggested name with the full `path` and saves. */
export async function saveInChooser(title, path) {
  const id = await dialogWindow(title);
  await sleep(800);
  await keys(id, 'ctrl+a', { type: path }, 'Return');
  await closed(id, title);
}

/** Cancels the chooser titled `title` with Escape. */
export async function cancelChooser(title) {
  const id = await dialogWindow(title);
  await sleep(800);
  await keys(id, 'Escape');
  await closed(id, title);
}

/** Answers the native question titled `title` with Return (its first button) or Escape. */
export async function answerQuestion(title, agree) {
  const id = await dialogWindow(title);
  await sleep(300);
  await keys(id, agree ? 'Return' : 'Escape');
  await closed(id, title);
}
