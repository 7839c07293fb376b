// A real CalDAV server for the end-to-end tests, as tests/caldav/radicale.rs
// starts it for the Rust ones: Radicale from the pinned venv
// (QUARTERDECK_CALDAV_PYTHON, or target/caldav-venv), in a temporary folder,
// htpasswd users on a free loopback port; and the independent `caldav`
// client, to see what the server holds and to play another calendar app.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The users the server knows, with their passwords. */
export const USERS = { alice: 'alice-secret', bob: 'bob-secret' };

/** The Python that has Radicale and the `caldav` client. */
export function python() {
  const path = process.env.QUARTERDECK_CALDAV_PYTHON ?? join(root, 'target/caldav-venv/bin/python');
  if (!existsSync(path)) throw new Error(`Radicale is missing: run scripts/setup.sh --test (looked for ${path})`);
  return path;
}

/** Starts Radicale; resolves with `{ url, stop() }`. */
export async function startRadicale() {
  const dir = mkdtempSync(join(tmpdir(), 'quarterdeck-radicale-'));
  const [port] = await freePorts(1);
  const users = join(dir, 'users');
  writeFileSync(users, Object.entries(USERS).map(([u, p]) => `${u}:${p}\n`).join(''));
  const config = join(dir, 'config');
  writeFileSync(
    config,
    `[server]\nhosts = 127.0.0.1:${port}\n\n[auth]\ntype = htpasswd\nhtpasswd_filename = ${users}\nhtpasswd_encryption = plain\n\n` +
      `[rights]\ntype = owner_write\n\n[storage]\nfilesystem_folder = ${join(dir, 'collections')}\n\n[logging]\nlevel = warning\n`,
  );
  const log = openSync(join(dir, 'radicale.log'), 'a');
  const child = spawn(python(), ['-m', 'radicale', '--config', config], { stdio: ['ignore', log, log] });
  await listening(port, 30_000);
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until something accepts connections on `port`. */
async function listening(port, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Radicale did not start on port ${port}`);
    await sleep(50);
  }
}

/** Runs `script` with the `caldav` client as `user` on `url` (sys.argv[1..3], then `args`); its stdout. */
export function caldavClient(url, user, script, ...args) {
  return execFileSync(python(), ['-c', script, url, user, USERS[user], ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Every item on the server, as `{calendar path: {UID: SUMMARY}}`. */
export const ITEMS = `
import json, sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
out = {}
for cal in client.principal().calendars():
    out[cal.url.path] = {str(e["UID"]): str(e["SUMMARY"]) for o in cal.events() for e in o.icalendar_instance.walk("VEVENT")}
print(json.dumps(out))
`;

/** A "Work" calendar made as another calendar app would, with one meeting: UID, start, end (UTC, basic format). */
export const ADD_MEETING = `
import sys, caldav
client = caldav.DAVClient(url=sys.argv[1], username=sys.argv[2], password=sys.argv[3])
principal = client.principal()
cals = [c for c in principal.calendars() if c.url.path.rstrip("/").endswith("/work")]
cal = cals[0] if cals else principal.make_calendar(name="Work", cal_id="work")
cal.save_event("""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Someone else's calendar//EN
BEGIN:VEVENT
UID:%s
DTSTAMP:20261110T090000Z
DTSTART:%s
DTEND:%s
SUMMARY:Quarterly planning
END:VEVENT
END:VCALENDAR
""" % (sys.argv[4], sys.argv[5], sys.argv[6]))
print(cal.url.path)
`;
