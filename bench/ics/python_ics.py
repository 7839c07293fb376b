#!/usr/bin/env python3
"""Time python's icalendar + recurring-ical-events on one .ics file (the reference for our Rust code).

Usage: python_ics.py FILE

Prints JSON: {"parse_s", "serialise_s", "expand_s", "occurrences", "bytes", "from", "to"}
  parse_s      best of 3, icalendar.Calendar.from_ical(data, multiple=True)
  serialise_s  best of 3, to_ical() of every parsed VCALENDAR
  expand_s     best of 3, recurring_ical_events.of(cal).between(from, to) for every VCALENDAR
  occurrences  number of VEVENT occurrences found in [from, to)
  from, to     the file's span: one day before the earliest VEVENT DTSTART date, and two days
               after the latest DTSTART/DTEND/RDATE/RECURRENCE-ID/UNTIL date or last COUNT-limited
               recurrence (wall-clock dates; an RRULE with neither UNTIL nor COUNT is cut off one
               year after that).
Timings use time.perf_counter(). Install the pinned versions from tests/ics/requirements.txt.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
import time
import zoneinfo

zoneinfo.reset_tzpath(to=[])  # the pinned tzdata package, as tests/ics/occurrences.py does

import icalendar  # noqa: E402
import recurring_ical_events  # noqa: E402
from dateutil import rrule  # noqa: E402

REPEAT = 3


def best_of(fn):
    best, result = None, None
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def as_date(value) -> datetime.date:
    """The wall-clock date (the query window is interpreted in each event's own zone)."""
    return value.date() if isinstance(value, datetime.datetime) else value


def values(component, name):
    prop = component.get(name)
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    found = []
    for p in props:
        if hasattr(p, "dts"):  # RDATE/EXDATE lists
            for item in p.dts:
                dt = item.dt
                found.extend(dt if isinstance(dt, tuple) else [dt])
        elif hasattr(p, "dt"):
            found.append(p.dt)
    return [v for v in found if isinstance(v, datetime.date)]


def span(calendars) -> tuple[datetime.date, datetime.date]:
    starts, ends, unbounded = [], [], False
    for calendar in calendars:
        for event in calendar.walk("VEVENT"):
            start = values(event, "DTSTART")
            starts += [as_date(v) for v in start]
            for name in ("DTSTART", "DTEND", "RDATE", "RECURRENCE-ID"):
                ends += [as_date(v) for v in values(event, name)]
            rules = event.get("RRULE")
            for rule in rules if isinstance(rules, list) else ([rules] if rules is not None else []):
                if rule.get("UNTIL"):
                    ends += [as_date(v) for v in rule["UNTIL"]]
                elif rule.get("COUNT") and start:
                    first = start[0]
                    naive = first.replace(tzinfo=None) if isinstance(first, datetime.datetime) else first
                    if not isinstance(naive, datetime.datetime):
                        naive = datetime.datetime.combine(naive, datetime.time())
                    text = rule.to_ical().decode()
                    last = list(rrule.rrulestr(text, dtstart=naive))[-1]
                    ends.append(last.date() + datetime.timedelta(days=2))
                else:
                    unbounded = True
    if not starts:
        today = datetime.date(2000, 1, 1)
        return today, today + datetime.timedelta(days=1)
    stop = max(ends) + datetime.timedelta(days=2)
    if unbounded:
        stop += datetime.timedelta(days=365)
    return min(starts) - datetime.timedelta(days=1), stop


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[0]
    with open(path, "rb") as f:
        data = f.read()
    parse_s, calendars = best_of(lambda: icalendar.Calendar.from_ical(data, multiple=True))
    serialise_s, _ = best_of(lambda: [c.to_ical() for c in calendars])
    first, stop = span(calendars)
    expand_s, found = best_of(
        lambda: [o for c in calendars for o in recurring_ical_events.of(c).between(first, stop)]
    )
    print(
        json.dumps(
            {
                "parse_s": round(parse_s, 6),
                "serialise_s": round(serialise_s, 6),
                "expand_s": round(expand_s, 6),
                "occurrences": len(found),
                "bytes": os.path.getsize(path),
                "from": first.isoformat(),
                "to": stop.isoformat(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
