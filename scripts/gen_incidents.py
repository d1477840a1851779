#!/usr/bin/env python3
"""Writes N synthetic cross-border incidents for `banna import incidents` benchmarks: the same
records as a GeoJSON FeatureCollection and/or a CSV (the importer's columns).

Points are uniform over the prefecture's box (lon 99.95..101.85, lat 21.15..22.55, WGS84),
all within 200 km of the border; times uniform over 2023-2024 in UTC+8; categories, counts
and descriptions drawn with a fixed seed, so every run writes the same files.

Usage: gen_incidents.py COUNT [--geojson FILE] [--csv FILE] [--seed N]
"""

import argparse
import csv
import json
import random
from datetime import datetime, timedelta, timezone

CATEGORIES = ["illegal_crossing", "smuggling", "drug_trafficking", "telecom_fraud", "human_trafficking", "other"]
WEIGHTS = [40, 20, 15, 15, 3, 7]
START = datetime(2023, 1, 1, tzinfo=timezone(timedelta(hours=8)))
SPAN_S = 2 * 365 * 86400


def records(count, seed):
    rng = random.Random(seed)
    for i in range(count):
        at = START + timedelta(seconds=rng.randrange(SPAN_S))
        yield {
            "lon": round(rng.uniform(99.95, 101.85), 6),
            "lat": round(rng.uniform(21.15, 22.55), 6),
            "occurred_at": at.isoformat(),
            "category": rng.choices(CATEGORIES, WEIGHTS)[0],
            "persons": rng.randrange(0, 6),
            "villagers": rng.randrange(0, 3),
            "description": f"synthetic record {i}" if rng.random() < 0.1 else None,
        }


def write_geojson(path, count, seed):
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        for i, r in enumerate(records(count, seed)):
            properties = {
                "occurred_at": r["occurred_at"],
                "category": r["category"],
                "persons_apprehended": r["persons"],
                "villagers_involved": r["villagers"],
            }
            if r["description"] is not None:
                properties["description"] = r["description"]
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                "properties": properties,
            }
            out.write(("," if i else "") + json.dumps(feature, ensure_ascii=False, separators=(",", ":")) + "\n")
        out.write("]}\n")


def write_csv(path, count, seed):
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["lon", "lat", "occurred_at", "category", "persons", "villagers", "description"])
        for r in records(count, seed):
            writer.writerow(
                [r["lon"], r["lat"], r["occurred_at"], r["category"], r["persons"], r["villagers"], r["description"] or ""]
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--geojson")
    parser.add_argument("--csv")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    if args.geojson:
        write_geojson(args.geojson, args.count, args.seed)
    if args.csv:
        write_csv(args.csv, args.count, args.seed)


if __name__ == "__main__":
    main()
