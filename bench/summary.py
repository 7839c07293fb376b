#!/usr/bin/env python3
"""The table of figures for docs/benchmarks.md, each beside its reference, from one bench/run.sh run.

Usage: summary.py LOG CRITERION_DIR

LOG is run.sh's output (the lines app-start.sh, app-memory.sh and bench/ics/python_ics.py print);
CRITERION_DIR is target/criterion, read for the store, load and ICS benches of the same run.
Criterion figures are the median of the samples' per-iteration times, with the fastest in brackets.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

FRAME_60HZ_MS = 1000 / 60


def criterion(root: Path, bench: str) -> tuple[float, float] | None:
    """(median, best) per-iteration time in ms, or None when the bench did not run."""
    base = root / bench / "new"
    try:
        estimates = json.loads((base / "estimates.json").read_text())
        sample = json.loads((base / "sample.json").read_text())
    except FileNotFoundError:
        return None
    best = min(t / n for t, n in zip(sample["times"], sample["iters"]))
    return estimates["median"]["point_estimate"] / 1e6, best / 1e6


def ms(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def timed(pair: tuple[float, float] | None) -> str:
    return "—" if pair is None else f"{ms(pair[0])} ({ms(pair[1])})"


def ratio(a: float | None, b: float | None) -> str:
    if not a or not b:
        return ""
    r = a / b
    return f"{r:.3f}×" if r < 0.1 else f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    log = Path(argv[0]).read_text()
    crit = Path(argv[1])

    starts: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    for kind, app, mark, med, low, n in re.findall(
        r"^start (\w+) (\S+) to (\w+) paint: median ([\d.]+) ms, min ([\d.]+) ms \((\d+) runs\)", log, re.M
    ):
        starts[(kind, app, mark)] = (float(med), float(low), int(n))
    memory = {
        (app, proc): (float(mib), int(n))
        for app, proc, mib, n in re.findall(r"^memory (\S+) (\S+): median ([\d.]+) MiB PSS \((\d+) runs\)", log, re.M)
    }
    sizes = {app: int(b) for app, b in re.findall(r"^size (\S+): (\d+) bytes", log, re.M)}
    python = next((json.loads(line) for line in log.splitlines() if line.startswith('{"parse_s"')), None)

    rows = ["| Figure | Quarterdeck | Reference | Quarterdeck ÷ reference |", "|---|---|---|---|"]

    def start_row(kind: str, mark: str, what: str, ref_mark: str | None) -> None:
        q = starts.get((kind, "quarterdeck", mark))
        h = starts.get((kind, "hello-window", ref_mark)) if ref_mark else None
        if q is None:
            return
        shown = f"{q[0]:.0f} ms (min {q[1]:.0f}; {q[2]} runs)"
        ref = f"hello-window: {h[0]:.0f} ms (min {h[1]:.0f})" if h else "—"
        rows.append(f"| {what} | {shown} | {ref} | {ratio(q[0], h[0]) if h else ''} |")

    for kind in ("cold", "warm"):
        start_row(kind, "first", f"Start to first paint, {kind} (median, min)", "first")
        start_row(kind, "plan", f"Start to the sample plan painted, {kind}", "first")

    q_total, h_total = memory.get(("quarterdeck", "total")), memory.get(("hello-window", "total"))
    if q_total and h_total:
        rows.append(
            f"| Idle memory after 10 s, PSS of app + WebKit (median of {q_total[1]}) | {q_total[0]:.0f} MiB "
            f"| hello-window: {h_total[0]:.0f} MiB | {ratio(q_total[0], h_total[0])} |"
        )
        for proc, label in (("WebKitWebProces", "WebKitWebProcess"), ("WebKitNetworkPr", "WebKitNetworkProcess")):
            q, h = memory.get(("quarterdeck", proc)), memory.get(("hello-window", proc))
            if q and h:
                rows.append(f"| &nbsp;&nbsp;of which {label} | {q[0]:.0f} MiB | {h[0]:.0f} MiB | |")
        q, h = memory.get(("quarterdeck", "quarterdeck")), memory.get(("hello-window", "hello-window"))
        if q and h:
            rows.append(f"| &nbsp;&nbsp;of which the app process | {q[0]:.0f} MiB | {h[0]:.0f} MiB | |")
    if "quarterdeck" in sizes and "hello-window" in sizes:
        q, h = sizes["quarterdeck"], sizes["hello-window"]
        rows.append(
            f"| Release binary (stripped) | {q / 1e6:.1f} MB ({q} B) | hello-window: {h / 1e6:.1f} MB ({h} B) "
            f"| {ratio(q, h)} |"
        )

    store = criterion(crit, "store_insert_100k_events/store_import_plan")
    raw = criterion(crit, "store_insert_100k_events/raw_rusqlite")
    if store or raw:
        rows.append(
            f"| Insert 100,000 events, one transaction, WAL file: `Store::import_plan` (median, best) "
            f"| {timed(store)} | raw rusqlite, one prepared INSERT: {timed(raw)} "
            f"| {ratio(store and store[0], raw and raw[0])} |"
        )

    recompute = criterion(crit, "load_50p_156w/recompute")
    read = criterion(crit, "load_50p_156w/read_records_from_file")
    both = criterion(crit, "load_50p_156w/read_and_recompute")
    if recompute:
        rows.append(
            f"| Load recompute, `demo --people 50 --weeks 156`, records in memory | {timed(recompute)} "
            f"| reading those records from the file: {timed(read)} | {ratio(recompute[0], read and read[0])} |"
        )
        rows.append(
            f"| &nbsp;&nbsp;the same recompute | {ms(recompute[0])} | a 60 Hz frame: {ms(FRAME_60HZ_MS)} "
            f"| {ratio(recompute[0], FRAME_60HZ_MS)} |"
        )
        if both:
            rows.append(f"| &nbsp;&nbsp;read + recompute (`Store::load`) | {timed(both)} | | |")

    py = python or {}
    for bench, key, what in (
        ("parse", "parse_s", "ICS import: parse 100,000 occurrences (31 MB)"),
        ("expand", "expand_s", "ICS: expand every occurrence"),
        ("serialise", "serialise_s", "ICS export: serialise them"),
    ):
        ours = criterion(crit, f"ics_100k/{bench}")
        theirs = py.get(key)
        if ours:
            ref = f"Python icalendar: {ms(theirs * 1000)} (best of 3)" if theirs else "—"
            rows.append(f"| {what} | {timed(ours)} | {ref} | {ratio(ours[0], theirs and theirs * 1000)} ({ratio(theirs and theirs * 1000, ours[0])} faster) |")
    into_store = criterion(crit, "ics_100k/import_into_store")
    if into_store:
        rows.append(f"| ICS import into the store (parse + one transaction) | {timed(into_store)} | — | |")

    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
