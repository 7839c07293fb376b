"""The peer in the CalDAV benchmark: Python's caldav client (pinned in
tests/caldav/requirements.txt) uploading the same items Quarterdeck publishes,
one resource per UID in a calendar per file, then listing them; and one
changed item uploaded again with the calendar's changes read by sync token.

    python_peer.py URL USER PASSWORD FOLDER   (FOLDER: export-ics --folder output)
Prints `peer publish: N items in S s` and `peer incremental: S s`.
"""
import pathlib
import sys
import time

import caldav
import icalendar

url, user, password, folder = sys.argv[1:5]
client = caldav.DAVClient(url=url, username=user, password=password)
principal = client.principal()

files = sorted(p for p in pathlib.Path(folder).glob("quarterdeck-*.ics") if "imported" not in p.name)
resources = []  # (calendar name, text of one item's calendar)
for path in files:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    zones = [c for c in cal.walk("VTIMEZONE")]
    for event in cal.walk("VEVENT"):
        one = icalendar.Calendar()
        one.add("prodid", "-//peer//EN")
        one.add("version", "2.0")
        for z in zones:
            one.add_component(z)
        one.add_component(event)
        resources.append((path.stem, one.to_ical().decode()))

started = time.perf_counter()
calendars = {}
for name in sorted({n for n, _ in resources}):
    calendars[name] = principal.make_calendar(name=name, cal_id=f"peer-{name}")
for name, text in resources:
    calendars[name].save_event(text)
listed = sum(len(c.events()) for c in calendars.values())
elapsed = time.perf_counter() - started
assert listed == len(resources), (listed, len(resources))
print(f"peer publish: {len(resources)} items in {elapsed:.3f} s")

name, text = resources[0]
calendar = calendars[name]
token = calendar.objects_by_sync_token(load_objects=False).sync_token
started = time.perf_counter()
calendar.save_event(text.replace("SUMMARY:", "SUMMARY:(changed) ", 1))
changed = calendar.objects_by_sync_token(sync_token=token, load_objects=True)
elapsed = time.perf_counter() - started
print(f"peer incremental: {elapsed:.3f} s ({len(list(changed))} changed)")
