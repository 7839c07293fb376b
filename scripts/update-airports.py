#!/usr/bin/env python3
"""Regenerates the bundled airport table from the airportsdata package (MIT).

    pip download airportsdata==20260905 --no-deps -d /tmp/ad
    scripts/update-airports.py /tmp/ad/airportsdata-20260905-py3-none-any.whl

SOURCE is the wheel, or a directory where it was unpacked (the one holding
`airportsdata/` and `airportsdata-*.dist-info/`). Writes, under crates/domain/data/:

- airports.csv: airports that have an IATA code, sorted by code, with
  iata,name,city,subd,country,tz,lat,lon (coordinates to 4 decimals, about 10 m);
- city-codes.csv: multi-airport city codes (LON, NYC) as code,city,country,airports
  with the airports separated by spaces;
- LICENSE-airportsdata: the package's licence.

Standard library only, so that it runs anywhere Python 3 does.
"""

import csv
import io
import sys
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "crates" / "domain" / "data"


class Source:
    """Reads package files by their path inside the wheel, from the wheel or an unpacked copy."""

    def __init__(self, path: Path):
        self.path = path
        if path.is_file():
            self.zip = zipfile.ZipFile(path)
            self.names = self.zip.namelist()
        else:
            self.zip = None
            self.names = [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()]

    def find(self, suffix: str) -> str:
        found = sorted(n for n in self.names if n.endswith(suffix))
        if not found:
            sys.exit(f"{self.path}: no file ending in {suffix}")
        return found[0]

    def text(self, name: str) -> str:
        raw = self.zip.read(name) if self.zip else (self.path / name).read_bytes()
        return raw.decode("utf-8-sig")


def coordinate(text: str) -> str:
    return f"{round(float(text), 4):.4f}"


def airports(source: Source) -> dict:
    rows = csv.DictReader(io.StringIO(source.text(source.find("airportsdata/airports.csv"))))
    by_code = {}
    for row in rows:
        code = row["iata"].strip().upper()
        if not code:
            continue
        if code in by_code:
            sys.exit(f"airports.csv: IATA code {code} appears twice")
        by_code[code] = {
            "iata": code,
            "name": row["name"].strip(),
            "city": row["city"].strip(),
            "subd": row["subd"].strip(),
            "country": row["country"].strip(),
            "tz": row["tz"].strip(),
            "lat": coordinate(row["lat"]),
            "lon": coordinate(row["lon"]),
        }
    return by_code


def city_codes(source: Source, by_code: dict) -> list:
    rows = csv.DictReader(io.StringIO(source.text(source.find("airportsdata/iata_macs.csv"))))
    cities = {}
    for row in rows:
        code = row["City Code"].strip().upper()
        city = cities.setdefault(
            code, {"code": code, "city": row["City Name"].strip(), "country": row["Country"].strip(), "airports": []}
        )
        airport = row["Airport Code"].strip().upper()
        if airport not in by_code:
            print(f"note: city code {code}: airport {airport} is not in airports.csv; left out", file=sys.stderr)
        elif airport not in city["airports"]:
            city["airports"].append(airport)
    out = []
    for city in sorted(cities.values(), key=lambda c: c["code"]):
        if not city["airports"]:
            print(f"note: city code {city['code']} has no known airport; left out", file=sys.stderr)
            continue
        # The list has slips (St Lucia as SL, Sierra Leone); the airports' own country wins.
        countries = {by_code[a]["country"] for a in city["airports"]}
        if len(countries) == 1 and city["country"] not in countries:
            (country,) = countries
            print(f"note: city code {city['code']}: country {city['country']} -> {country}, as its airports", file=sys.stderr)
            city["country"] = country
        out.append({**city, "airports": " ".join(city["airports"])})
    return out


def write(path: Path, columns: list, rows: list) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = Source(Path(sys.argv[1]))
    by_code = airports(source)
    columns = ["iata", "name", "city", "subd", "country", "tz", "lat", "lon"]
    write(DATA / "airports.csv", columns, [by_code[c] for c in sorted(by_code)])
    write(DATA / "city-codes.csv", ["code", "city", "country", "airports"], city_codes(source, by_code))
    licence = source.text(source.find(".dist-info/licenses/LICENSE"))
    (DATA / "LICENSE-airportsdata").write_text(licence, encoding="utf-8")
    print(f"wrote {DATA / 'LICENSE-airportsdata'}")


if __name__ == "__main__":
    main()
