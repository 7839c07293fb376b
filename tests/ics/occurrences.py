#!/usr/bin/env python3
"""Independent oracle for Quarterdeck's iCalendar import: expand a .ics file with python's
``icalendar`` + ``recurring-ical-events`` and print the occurrences as normalised JSON.

Usage:
    occurrences.py FILE FROM TO     FROM/TO are YYYY-MM-DD; FROM inclusive, TO exclusive
    occurrences.py --check FILE     parse, re-serialise with to_ical(), parse again; prints "ok"

Output of the first form (stdout, UTF-8): a JSON list, sorted by (start, end, uid, summary), of
    {"uid": str, "start": S, "end": S, "summary": str}
where S is "YYYY-MM-DD" for a DATE value, "YYYY-MM-DDTHH:MM:SSZ" (converted to UTC) for a
timezone-aware DATE-TIME, and "YYYY-MM-DDTHH:MM:SS" for a floating DATE-TIME.

Notes on recurring-ical-events semantics (see tests/ics/README.md):
  * FROM/TO are passed as plain dates, so the window is "floating": it starts at midnight
    in each event's own time zone, not at midnight UTC.
  * recurring_ical_events.of() applies X-WR-TIMEZONE first (via the x-wr-timezone package):
    UTC and floating DATE-TIMEs of VEVENTs are moved into that zone.
  * Only VEVENTs are expanded.
  * Time zones come from the pinned ``tzdata`` package, never from the host.

Any parse or expansion error: message on stderr, exit status 1.
"""

from __future__ import annotations

import datetime
import json
import sys
import zoneinfo

# Use the pinned ``tzdata`` package (requirements.txt), not whatever /usr/share/zoneinfo the
# machine has, so that results do not depend on the host's time-zone database.
zoneinfo.reset_tzpath(to=[])


def _load(path: str):
    import icalendar

    with open(path, "rb") as f:
        data = f.read()
    calendars = icalendar.Calendar.from_ical(data, multiple=True)
    if not calendars:
        raise ValueError(f"{path}: no VCALENDAR found")
    for component in calendars:
        if component.name != "VCALENDAR":
            raise ValueError(f"{path}: top-level {component.name} outside a VCALENDAR")
    return calendars


def _norm(value) -> str:
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            utc = value.astimezone(datetime.timezone.utc)
            return f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}Z"
        v = value
        return f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}"
    if isinstance(value, datetime.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    raise TypeError(f"unexpected date/time value {value!r}")


def _text(component, name: str) -> str:
    value = component.get(name)
    return "" if value is None else str(value)


def occurrences(path: str, start: datetime.date, stop: datetime.date) -> list[dict]:
    import recurring_ical_events

    result = []
    for calendar in _load(path):
        for event in recurring_ical_events.of(calendar).between(start, stop):
            result.append(
                {
                    "uid": _text(event, "UID"),
                    "start": _norm(event["DTSTART"].dt),
                    "end": _norm(event["DTEND"].dt),
                    "summary": _text(event, "SUMMARY"),
                }
            )
    result.sort(key=lambda o: (o["start"], o["end"], o["uid"], o["summary"]))
    return result


def check(path: str) -> None:
    import icalendar

    for calendar in _load(path):
        icalendar.Calendar.from_ical(calendar.to_ical())


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        print(f"not a YYYY-MM-DD date: {text!r}", file=sys.stderr)
        raise SystemExit(2) from None


def main(argv: list[str]) -> int:
    try:
        if len(argv) == 2 and argv[0] == "--check":
            check(argv[1])
            print("ok")
            return 0
        if len(argv) != 3:
            print(__doc__, file=sys.stderr)
            return 2
        start, stop = _date(argv[1]), _date(argv[2])
        found = occurrences(argv[0], start, stop)
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - the oracle reports every failure the same way
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    sys.stdout.reconfigure(encoding="utf-8")
    json.dump(found, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
