"""Toponym resolution speed (and optionally gazetteer build time).

Resolves the gold toponym spans of a GeoWebNews-format file, one document at a time,
with the configured gazetteer::

    python bench/geo_resolve.py [--data PATH] [--limit N] [--build] [--json]

Reports per-toponym latency of a lone look-up (``resolve_name``, no document cache:
median and p95), per-toponym time of whole-document resolution (context ranking
included), fuzzy-free share, and with ``--build`` the wall time of a gazetteer build
into a temporary file.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from sitroom.geo.resolve import Geocoder, Mention

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geowebnews" / "dev.jsonl"
)


def measure(data: Path, limit: int | None, build: bool) -> dict[str, float | int]:
    """RETURNS (dict): the benchmark numbers."""
    docs = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    docs = docs[:limit] if limit else docs
    geocoder = Geocoder()
    if not geocoder.available():
        raise SystemExit(f"gazetteer not built at {geocoder.path}: run `sitroom gazetteer build`")
    geocoder.resolve_name("warm up")
    single: list[float] = []
    per_doc: list[float] = []
    toponyms = 0
    for doc in docs:
        mentions = [Mention(t["start"], t["end"], t["text"]) for t in doc["gold"]["toponyms"]]
        if not mentions:
            continue
        for m in mentions:
            start = time.perf_counter()
            geocoder.resolve_name(m.text)
            single.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        geocoder.resolve(doc["text"], mentions)
        per_doc.append((time.perf_counter() - start) * 1000 / len(mentions))
        toponyms += len(mentions)
    single.sort()
    out: dict[str, float | int] = {
        "documents": len(per_doc),
        "toponyms": toponyms,
        "single_median_ms": round(statistics.median(single), 3),
        "single_p95_ms": round(single[int(len(single) * 0.95)], 3),
        "doc_median_ms_per_toponym": round(statistics.median(per_doc), 3),
        "doc_mean_ms_per_toponym": round(statistics.fmean(per_doc), 3),
        "cores": os.cpu_count() or 1,
    }
    if build:
        from sitroom.geo.build import build as run_build

        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            run_build(Path(tmp) / "gazetteer.sqlite")
            out["build_s"] = round(time.perf_counter() - start, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="documents (default: all)")
    parser.add_argument("--build", action="store_true", help="also time a gazetteer build")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = measure(args.data, args.limit, args.build)
    if args.json:
        print(json.dumps(result))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"geo resolution: {args.data.name}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.items():
        table.add_row(key, str(value))
    Console().print(table)


if __name__ == "__main__":
    main()
