#!/usr/bin/env python3
"""Write a deterministic iCalendar file with exactly 100,000 VEVENT occurrences.

Usage: make_100k.py OUT [--no-verify]

Contents (all dates 2020-01-01 .. 2030-12-31):
  * 90,000 single VEVENTs: 9,000 all-day (VALUE=DATE, some multi-day), 40,500 timed in UTC,
    40,500 timed with TZID=Europe/Berlin (a VTIMEZONE for Europe/Berlin is included);
  * 400 weekly RRULE VEVENTs with COUNT=25 (half UTC, half Europe/Berlin), 10,000 occurrences.
SUMMARY/LOCATION/DESCRIPTION use non-ASCII text and the escapes \\\\ \\; \\, \\n, and every
tenth DESCRIPTION is long, so lines get folded. CRLF line endings, folded at 75 octets without
splitting a UTF-8 sequence.

Unless --no-verify is given, the file is then parsed with icalendar and expanded with
recurring-ical-events between 2019-01-01 and 2032-01-01, the count is printed, and the exit status
is non-zero unless it is exactly 100000.
"""

from __future__ import annotations

import datetime
import sys

SINGLE_EVENTS = 90_000
ALL_DAY_EVERY = 10  # every 10th single event is all-day
SERIES = 400
SERIES_COUNT = 25
EXPECTED = SINGLE_EVENTS + SERIES * SERIES_COUNT  # 100,000
FIRST_DAY = datetime.date(2020, 1, 1)
DAYS = (datetime.date(2030, 12, 31) - FIRST_DAY).days + 1  # 4018
DTSTAMP = "20250101T000000Z"

VTIMEZONE_BERLIN = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]

TOPICS = [
    "Café talk",
    "Zürich meetup",
    "東京 conference",
    "Kraków workshop",
    "São Paulo summit",
    "Øresund hack night",
    "Ελληνικά review",
    "Plain ASCII sync",
]
PLACES = [
    "Room 1; Building A",
    "Hauptstraße 5, 10115 Berlin",
    "Salle «Étoile»",
    "C:\\Rooms\\Big",
    "Online",
]
LONG_TEXT = (
    "Agenda: welcome, keynote; then breakout sessions, lunch (vegetarian, vegan, halal), "
    "afternoon talks — «Ünïcödé» in the title, and a backslash \\ plus a semicolon; finally "
    "drinks at the Bäckerei next door. Bring your badge, laptop, charger, and good mood! "
)


def escape(text: str) -> str:
    """RFC 5545 TEXT escaping."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuations start with one space), CRLF-terminated."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts = []
    start, limit = 0, 75
    while len(data) - start > limit:
        end = start + limit
        while end > start and (data[end] & 0xC0) == 0x80:  # do not split a UTF-8 sequence
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines carry a leading space
    parts.append(data[start:])
    return "\r\n ".join(p.decode("utf-8") for p in parts) + "\r\n"


def text_props(i: int) -> list[str]:
    topic = TOPICS[i % len(TOPICS)]
    summary = f"{topic} #{i}"
    location = PLACES[i % len(PLACES)]
    if i % 10 == 0:
        description = f"Event {i}\n" + LONG_TEXT * (1 + i % 3)
    else:
        description = f"Event {i}: {topic}; see you there,\nbye"
    return [
        f"SUMMARY:{escape(summary)}",
        f"LOCATION:{escape(location)}",
        f"DESCRIPTION:{escape(description)}",
    ]


def single_event(i: int) -> list[str]:
    day = FIRST_DAY + datetime.timedelta(days=(i * 7919) % DAYS)  # spread deterministically
    lines = ["BEGIN:VEVENT", f"UID:single-{i:06d}@bench.quarterdeck.invalid", f"DTSTAMP:{DTSTAMP}"]
    if i % ALL_DAY_EVERY == 0:
        length = 1 + (i // ALL_DAY_EVERY) % 3  # 1, 2 or 3 days
        end = min(day + datetime.timedelta(days=length), FIRST_DAY + datetime.timedelta(days=DAYS))
        lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    else:
        hour = 8 + i % 12  # 08..19: never in a DST gap or fold
        minute = (i * 5) % 60
        start = datetime.datetime.combine(day, datetime.time(hour, minute))
        end = start + datetime.timedelta(minutes=30 + 15 * (i % 8))
        if i % 2 == 0:
            lines += [f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}", f"DTEND;TZID=Europe/Berlin:{end:%Y%m%dT%H%M%S}"]
        else:
            lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}Z", f"DTEND:{end:%Y%m%dT%H%M%S}Z"]
    return lines + text_props(i) + ["END:VEVENT"]


def series_event(k: int) -> list[str]:
    # Start days stay before mid-2030 so that all 25 weekly occurrences fall in 2020..2030.
    day = FIRST_DAY + datetime.timedelta(days=(k * 97) % (DAYS - 7 * SERIES_COUNT - 7))
    start = datetime.datetime.combine(day, datetime.time(9 + k % 9, 0))
    end = start + datetime.timedelta(hours=1)
    lines = ["BEGIN:VEVENT", f"UID:series-{k:04d}@bench.quarterdeck.invalid", f"DTSTAMP:{DTSTAMP}"]
    if k % 2 == 0:
        lines += [f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}", f"DTEND;TZID=Europe/Berlin:{end:%Y%m%dT%H%M%S}"]
    else:
        lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}Z", f"DTEND:{end:%Y%m%dT%H%M%S}Z"]
    lines.append(f"RRULE:FREQ=WEEKLY;COUNT={SERIES_COUNT}")
    return lines + text_props(100_000 + k) + ["END:VEVENT"]


def write(path: str) -> int:
    with open(path, "w", encoding="utf-8", newline="") as out:
        header = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Quarterdeck//bench make_100k//EN",
            "CALSCALE:GREGORIAN",
            *VTIMEZONE_BERLIN,
        ]
        for line in header:
            out.write(fold(line))
        for i in range(SINGLE_EVENTS):
            for line in single_event(i):
                out.write(fold(line))
        for k in range(SERIES):
            for line in series_event(k):
                out.write(fold(line))
        out.write(fold("END:VCALENDAR"))
    return EXPECTED


def count(path: str) -> int:
    import icalendar
    import recurring_ical_events

    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    window = (datetime.date(2019, 1, 1), datetime.date(2032, 1, 1))
    return len(recurring_ical_events.of(calendar).between(*window))


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2 or (len(argv) == 2 and argv[1] != "--no-verify"):
        print(__doc__, file=sys.stderr)
        return 2
    written = write(argv[0])
    if len(argv) == 2:
        print(written)
        return 0
    found = count(argv[0])
    print(found)
    if found != EXPECTED:
        print(f"expected {EXPECTED} occurrences, recurring-ical-events counts {found}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
