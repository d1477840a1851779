#!/usr/bin/env python3
"""Side-by-side helper for scripts/bench-border-compare: `Border::locate` against Shapely 2
and PostGIS on the same 1,000,000 points. Not run by CI.

Subcommands (all paths are explicit; nothing is written into the repository):

  points   OUT.csv                 the bench's points (benches/border.rs generator, ported)
  shapely  POINTS.csv REF.csv OUT  time the Shapely variants, compare a sample with REF
  compare  REF.csv OTHER.csv       compare another tool's id,km,distance_m,side with REF
  table    RESULTS.json            print the summary table

REF.csv is our engine's output: `id,border_km,distance_m,side` (side `cn`/`abroad`), one row
per point in the order of POINTS.csv (id = 0-based row number).

Needs numpy, pyproj and shapely (the bash script installs them in a venv).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
BORDER_GEOJSON = REPO / "geodata" / "border.geojson"
MERGED_FEATURE_ID = "CN-XSBN-INTL"

POINTS = 1_000_000
MAX_DISTANCE_M = 50_000.0
SEED = 0x5EED_B0DE_2024
MASK64 = (1 << 64) - 1
LCG_MUL = 6_364_136_223_846_793_005
LCG_ADD = 1_442_695_040_888_963_407

# Rows compared for accuracy: every STRIDE-th point, 10,000 of the million.
SAMPLE_STRIDE = 100


def geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def load_line() -> np.ndarray:
    """Vertices (n, 2) lon/lat of the merged line, consecutive exact repeats dropped (as the
    engine does)."""
    data = json.loads(BORDER_GEOJSON.read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f.get("id") == MERGED_FEATURE_ID)
    assert feature["geometry"]["type"] == "LineString"
    kept: list[tuple[float, float]] = []
    for lon, lat in feature["geometry"]["coordinates"]:
        vertex = (float(lon), float(lat))
        if not kept or kept[-1] != vertex:
            kept.append(vertex)
    return np.array(kept, dtype=np.float64)


def normalize_deg(angle: np.ndarray) -> np.ndarray:
    """Degrees into [0, 360), like the engine's `normalize_deg`."""
    a = np.mod(angle, 360.0)
    return np.where(a >= 360.0, 0.0, a)


class Line:
    """The line with the engine's per-vertex geodesic km and per-segment start azimuths."""

    def __init__(self) -> None:
        self.g = geod()
        self.v = load_line()
        lon, lat = self.v[:, 0], self.v[:, 1]
        az, _, dist = self.g.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
        # The engine sums km one segment at a time: total += d / 1000 (cumsum is sequential).
        self.cum_km = np.concatenate([[0.0], np.cumsum(np.asarray(dist) / 1000.0)])
        self.azimuth = normalize_deg(np.asarray(az))
        self.length_km = float(self.cum_km[-1])


def lcg_units(count: int, seed: int = SEED) -> np.ndarray:
    """`count` successive draws of the bench's 64-bit LCG, uniform in [0, 1)."""
    state = seed
    out = np.empty(count, dtype=np.float64)
    scale = float(1 << 53)
    for k in range(count):
        state = (state * LCG_MUL + LCG_ADD) & MASK64
        out[k] = (state >> 11) / scale
    return out


def bench_points(line: Line, count: int = POINTS) -> np.ndarray:
    """The bench's points: per point three draws (km, distance, side), then `Border::offset`
    (station at km, then a geodesic walked at a right angle, China on the left). The engine's
    offset never fails for these draws, so exactly 3 × count draws are used."""
    u = lcg_units(3 * count).reshape(count, 3)
    km = u[:, 0] * line.length_km
    distance_m = u[:, 1] * MAX_DISTANCE_M
    cn = u[:, 2] < 0.5

    g, v, cum, azs = line.g, line.v, line.cum_km, line.azimuth
    last_segment = len(azs) - 1
    i = np.minimum(np.maximum(np.searchsorted(cum, km, side="right") - 1, 0), last_segment)
    along_m = np.maximum((km - cum[i]) * 1000.0, 0.0)
    start, end = v[i], v[i + 1]
    segment_m = (cum[i + 1] - cum[i]) * 1000.0
    left_m = segment_m - along_m

    here = start.copy()
    walk = (along_m != 0.0) & ~(left_m < 1e-4)
    at_end = (along_m != 0.0) & (left_m < 1e-4)
    here[at_end] = end[at_end]
    lon_w, lat_w, _ = g.fwd(start[walk, 0], start[walk, 1], azs[i[walk]], along_m[walk])
    here[walk, 0], here[walk, 1] = lon_w, lat_w

    bearing = azs[i].copy()
    moved = along_m != 0.0
    forward = moved & (left_m > 1e-3)
    reverse = moved & ~(left_m > 1e-3)
    if forward.any():
        az, _, _ = g.inv(here[forward, 0], here[forward, 1], end[forward, 0], end[forward, 1])
        bearing[forward] = normalize_deg(np.asarray(az))
    if reverse.any():
        az, _, _ = g.inv(end[reverse, 0], end[reverse, 1], start[reverse, 0], start[reverse, 1])
        bearing[reverse] = normalize_deg(normalize_deg(np.asarray(az)) + 180.0)

    turn = np.where(cn, -90.0, 90.0)
    azimuth = normalize_deg(bearing + turn)
    lon, lat, _ = g.fwd(here[:, 0], here[:, 1], azimuth, distance_m)
    return np.column_stack([np.asarray(lon), np.asarray(lat)])


def write_points(path: Path, pts: np.ndarray) -> None:
    with path.open("w", encoding="ascii", newline="") as f:
        f.write("lon,lat\n")
        # repr() round-trips every double exactly, so every tool reads the same bits.
        f.writelines(f"{lon!r},{lat!r}\n" for lon, lat in pts.tolist())


def read_points(path: Path) -> np.ndarray:
    return np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)


def read_results(path: Path) -> dict[str, np.ndarray]:
    """id,border_km,distance_m,side (extra columns ignored), sorted by id."""
    ids, km, dist, side = [], [], [], []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            ids.append(int(row["id"]))
            km.append(float(row["border_km"]))
            dist.append(float(row["distance_m"]))
            side.append(row["side"].strip().lower() in ("cn", "1", "t", "true", "left"))
    order = np.argsort(ids)
    return {
        "id": np.asarray(ids)[order],
        "km": np.asarray(km)[order],
        "distance_m": np.asarray(dist)[order],
        "cn": np.asarray(side)[order],
    }


def differences(ref: dict, ids: np.ndarray, km: np.ndarray, dist: np.ndarray,
                cn: np.ndarray) -> dict:
    """Differences of another tool's answers (at point `ids`) from ours, over all the points.
    `km_over_1km` counts the points whose km is off by more than 1 km (another part of the
    line, or a distorted km); `km_over_1km_ties` those of them whose distance agrees within
    1 m (near-ties between two parts of the line)."""
    pos = np.searchsorted(ref["id"], ids)
    if not np.array_equal(ref["id"][pos], ids):
        raise SystemExit("reference is missing some ids")
    dkm_m = np.abs(km - ref["km"][pos]) * 1000.0
    ddist = np.abs(dist - ref["distance_m"][pos])
    far = dkm_m > 1000.0
    tie = far & (ddist < 1.0)

    def stats(x: np.ndarray) -> dict:
        if x.size == 0:
            return {"median": None, "p99": None, "max": None}
        return {
            "median": float(np.median(x)),
            "p99": float(np.percentile(x, 99)),
            "max": float(np.max(x)),
        }

    return {
        "n": int(ids.size),
        "km_diff_m": stats(dkm_m),
        "km_over_1km": int(far.sum()),
        "km_over_1km_ties": int(tie.sum()),
        "distance_diff_m": stats(ddist),
        "distance_rel_max": float(np.max(ddist / np.maximum(ref["distance_m"][pos], 1.0))),
        "side_mismatch": int((cn != ref["cn"][pos]).sum()),
    }


def segment_side(xy_line: np.ndarray, seg_len: np.ndarray, cum: np.ndarray, s: np.ndarray,
                 px: np.ndarray, py: np.ndarray) -> np.ndarray:
    """Left of the oriented planar line at the closest point (True = China): the sign of the
    cross product with the direction of the segment holding arc length `s`; at a vertex, with
    the bisector of the two adjacent segments' unit directions (the engine's rule)."""
    nseg = len(seg_len)
    j = np.clip(np.searchsorted(cum, s, side="right") - 1, 0, nseg - 1)
    d = xy_line[1:] - xy_line[:-1]
    unit = d / np.maximum(seg_len, 1e-300)[:, None]
    direction = unit[j].copy()
    # On a vertex (s equal to a vertex's arc length, within 1 µm): bisector.
    at_start = (np.abs(s - cum[j]) < 1e-6) & (j > 0)
    at_end = (np.abs(s - cum[j + 1]) < 1e-6) & (j + 1 < nseg)
    direction[at_start] = unit[j[at_start] - 1] + unit[j[at_start]]
    direction[at_end] = unit[j[at_end]] + unit[j[at_end] + 1]
    foot_x = xy_line[j, 0] + unit[j, 0] * (s - cum[j])
    foot_y = xy_line[j, 1] + unit[j, 1] * (s - cum[j])
    cross = direction[:, 0] * (py - foot_y) - direction[:, 1] * (px - foot_x)
    return cross >= 0.0


class Stopwatch:
    """Wall and CPU seconds of named stages; CPU time (this process) is less disturbed than
    wall time by other jobs on the machine."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def run(self, name: str, fn):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        self.wall[name] = time.perf_counter() - w0
        self.cpu[name] = time.process_time() - c0
        return out

    def total(self, names: list[str]) -> tuple[float, float]:
        return sum(self.wall[n] for n in names), sum(self.cpu[n] for n in names)


def run_shapely(points_csv: Path, ref_csv: Path, out_json: Path, runs: int) -> None:
    import pyproj
    import shapely
    from pyproj import Transformer

    line = Line()
    g = line.g
    t0 = time.perf_counter()
    pts = read_points(points_csv)
    read_s = time.perf_counter() - t0
    n = len(pts)
    lon, lat = pts[:, 0].copy(), pts[:, 1].copy()

    # Local transverse Mercator centred on the line (scale 1 on its central meridian): the
    # usual "project to a metric CRS" step, better than UTM 47N here (k = 0.9996 there).
    lon0 = float(np.round((line.v[:, 0].min() + line.v[:, 0].max()) / 2, 2))
    lat0 = float(np.round((line.v[:, 1].min() + line.v[:, 1].max()) / 2, 2))
    crs = f"+proj=tmerc +lat_0={lat0} +lon_0={lon0} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m"
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    lx, ly = fwd.transform(line.v[:, 0], line.v[:, 1])
    xy_line = np.column_stack([lx, ly])
    line_m = shapely.linestrings(xy_line)
    shapely.prepare(line_m)
    seg_len_m = np.hypot(*(xy_line[1:] - xy_line[:-1]).T)
    cum_m = np.concatenate([[0.0], np.cumsum(seg_len_m)])
    nseg = len(seg_len_m)
    segments = shapely.linestrings(np.stack([xy_line[:-1], xy_line[1:]], axis=1))
    tree = shapely.STRtree(segments)

    def geodesic_from_foot(s, foot_xy):
        """Foot back to lon/lat; pyproj.Geod distance to it, and km = the engine's geodesic
        km at the segment's start vertex + geodesic metres from there to the foot."""
        flon, flat = inv.transform(foot_xy[:, 0], foot_xy[:, 1])
        _, _, dist = g.inv(lon, lat, flon, flat)
        j = np.clip(np.searchsorted(cum_m, s, side="right") - 1, 0, nseg - 1)
        _, _, on_m = g.inv(line.v[j, 0], line.v[j, 1], flon, flat)
        return line.cum_km[j] + np.asarray(on_m) / 1000.0, np.asarray(dist)

    def strtree_locate(x, y):
        """Nearest segment by the STRtree (indexed), then the projection onto it (numpy)."""
        p = shapely.points(x, y)
        (_, j), dist = tree.query_nearest(p, return_distance=True, all_matches=False)
        a, b = xy_line[j], xy_line[j + 1]
        ab = b - a
        t = np.clip(((x - a[:, 0]) * ab[:, 0] + (y - a[:, 1]) * ab[:, 1])
                    / np.maximum(seg_len_m[j] ** 2, 1e-300), 0.0, 1.0)
        return cum_m[j] + t * seg_len_m[j], dist

    ref = read_results(ref_csv)
    sample = np.arange(0, n, SAMPLE_STRIDE)
    variants = {
        "shapely-planar-tmerc": (
            ["project", "line_locate_point", "distance", "side"],
            "pyproj to a local tmerc; shapely.line_locate_point + shapely.distance on a "
            "prepared LineString (planar metres); side from the segment cross product"),
        "shapely-geodesic": (
            ["project", "line_locate_point", "side", "line_interpolate_point", "geod"],
            "as planar, then the foot (line_interpolate_point) back to lon/lat; "
            "pyproj.Geod distance, km = geodesic km of the segment start + Geod to the foot"),
        "shapely-strtree-geodesic": (
            ["project", "strtree", "side_strtree", "foot_strtree", "geod_strtree"],
            "tuned: STRtree of the 3446 segments, query_nearest, projection in numpy; then "
            "geodesic as above"),
    }
    per_run = []
    answers = {}
    for _ in range(runs):
        w = Stopwatch()
        x, y = w.run("project", lambda: fwd.transform(lon, lat))
        p = shapely.points(x, y)
        s = w.run("line_locate_point", lambda: shapely.line_locate_point(line_m, p))
        dist = w.run("distance", lambda: shapely.distance(line_m, p))
        cn = w.run("side", lambda: segment_side(xy_line, seg_len_m, cum_m, s, x, y))
        answers["shapely-planar-tmerc"] = (s / 1000.0, dist, cn)
        foot = w.run("line_interpolate_point", lambda: shapely.get_coordinates(
            shapely.line_interpolate_point(line_m, s)))
        km_g, dist_g = w.run("geod", lambda: geodesic_from_foot(s, foot))
        answers["shapely-geodesic"] = (km_g, dist_g, cn)
        s_t, _ = w.run("strtree", lambda: strtree_locate(x, y))
        cn_t = w.run("side_strtree", lambda: segment_side(xy_line, seg_len_m, cum_m, s_t, x, y))
        foot_t = w.run("foot_strtree", lambda: np.column_stack(interp_on(xy_line, seg_len_m,
                                                                          cum_m, s_t)))
        km_t, dist_t = w.run("geod_strtree", lambda: geodesic_from_foot(s_t, foot_t))
        answers["shapely-strtree-geodesic"] = (km_t, dist_t, cn_t)
        per_run.append(w)
        print("stages (wall s): " + json.dumps({k: round(v, 3) for k, v in w.wall.items()}),
              file=sys.stderr)

    results = {
        "shapely": shapely.__version__,
        "geos": ".".join(map(str, shapely.geos_version)),
        "pyproj": pyproj.__version__,
        "proj": pyproj.proj_version_str,
        "numpy": np.__version__,
        "points": n,
        "csv_read_s": read_s,
        "crs": crs,
        "stages_wall_s": [w.wall for w in per_run],
        "stages_cpu_s": [w.cpu for w in per_run],
        "variants": {},
    }
    for name, (stages, what) in variants.items():
        totals = [w.total(stages) for w in per_run]
        km, dist, cn = answers[name]
        diff = differences(ref, sample, km[sample], dist[sample], cn[sample])
        results["variants"][name] = {
            "what": what,
            "stages": stages,
            "best_s": min(t[0] for t in totals),
            "runs_s": [t[0] for t in totals],
            "best_cpu_s": min(t[1] for t in totals),
            "accuracy": diff,
        }
        print(f"{name}: best {min(t[0] for t in totals):.3f} s wall", file=sys.stderr)
        print(json.dumps(diff), file=sys.stderr)
    out_json.write_text(json.dumps(results, indent=2))


def interp_on(xy_line: np.ndarray, seg_len: np.ndarray, cum: np.ndarray, s: np.ndarray):
    """The planar point at arc length `s` along the polyline (numpy)."""
    j = np.clip(np.searchsorted(cum, s, side="right") - 1, 0, len(seg_len) - 1)
    t = (s - cum[j]) / np.maximum(seg_len[j], 1e-300)
    a, b = xy_line[j], xy_line[j + 1]
    return a[:, 0] + t * (b[:, 0] - a[:, 0]), a[:, 1] + t * (b[:, 1] - a[:, 1])


def run_compare(ref_csv: Path, other_csv: Path) -> None:
    ref = read_results(ref_csv)
    other = read_results(other_csv)
    print(json.dumps(differences(ref, other["id"], other["km"], other["distance_m"],
                                 other["cn"])))


def cmd_points(out: Path, check: Path | None) -> None:
    line = Line()
    t0 = time.perf_counter()
    pts = bench_points(line)
    print(f"generated {len(pts)} points in {time.perf_counter() - t0:.1f} s "
          f"(line {len(line.v)} vertices, {line.length_km:.3f} km)", file=sys.stderr)
    write_points(out, pts)
    if check is not None:
        # The Rust generator's own points (same CSV layout): the port must agree.
        rust = read_points(check)
        gap = np.abs(rust - pts)
        exact = int(np.all(gap == 0.0, axis=1).sum())
        print(json.dumps({"identical_points": exact, "max_abs_deg": float(gap.max()),
                          "max_m": float(gap.max() * 111_320.0)}))


def fmt_m(x) -> str:
    if x is None:
        return "-"
    if x == 0:
        return "0"
    if x < 0.001:
        return f"{x * 1000:.2g} mm" if x >= 1e-6 else f"{x:.1e} m"
    return f"{x:.3g} m" if x < 1000 else f"{x / 1000:.3g} km"


def table(results_json: Path) -> None:
    r = json.loads(results_json.read_text())
    rows = r["rows"]
    head = (f"{'tool / variant':34} {'wall s':>8} {'CPU s':>8}  {'km diff med/p99/max':>28}  "
            f"{'distance diff med/p99/max':>28}  side≠  km>1km")
    print(head)
    print("-" * len(head))
    for row in rows:
        a = row.get("accuracy")
        best, cpu = row.get("best_s"), row.get("cpu_s")
        best_txt = f"{best:.3f}" if isinstance(best, (int, float)) else str(best)
        cpu_txt = f"{cpu:.3f}" if isinstance(cpu, (int, float)) else "-"
        if a:
            k, d = a["km_diff_m"], a["distance_diff_m"]
            ktxt = " / ".join(fmt_m(k[q]) for q in ("median", "p99", "max"))
            dtxt = " / ".join(fmt_m(d[q]) for q in ("median", "p99", "max"))
            extra = f"{a['side_mismatch']:>5}  {a['km_over_1km']:>6}"
        else:
            ktxt = dtxt = "(reference)" if row.get("reference") else "-"
            extra = f"{'-':>5}  {'-':>6}"
        print(f"{row['name']:34} {best_txt:>8} {cpu_txt:>8}  {ktxt:>28}  {dtxt:>28}  {extra}")
    print("\nwall s and CPU s: per 1,000,000 points, best of the runs. Accuracy: against our "
          "engine on every 100th point (10,000); side≠ = points on the other side; km>1km = "
          "points whose km is more than 1 km from ours.")
    for row in rows:
        print(f"  {row['name']}: {row.get('note', '')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("points")
    p.add_argument("out", type=Path)
    p.add_argument("--check", type=Path, help="the Rust generator's points CSV to compare")
    s = sub.add_parser("shapely")
    s.add_argument("points", type=Path)
    s.add_argument("ref", type=Path)
    s.add_argument("out", type=Path)
    s.add_argument("--runs", type=int, default=3)
    c = sub.add_parser("compare")
    c.add_argument("ref", type=Path)
    c.add_argument("other", type=Path)
    t = sub.add_parser("table")
    t.add_argument("results", type=Path)
    args = parser.parse_args()
    if args.cmd == "points":
        cmd_points(args.out, args.check)
    elif args.cmd == "shapely":
        run_shapely(args.points, args.ref, args.out, max(1, min(args.runs, 10)))
    elif args.cmd == "compare":
        run_compare(args.ref, args.other)
    else:
        table(args.results)


if __name__ == "__main__":
    main()
