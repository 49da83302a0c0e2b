"""Cost of event coding relative to extraction, over the same articles in one process::

    python bench/coding.py [--n 100] [--data PATH] [--skip-background] [--json]

Extraction = the ``Extractor`` stream (spaCy + sitroom components) plus ``events_from_doc``;
coding = :func:`sitroom.code.code_events` on those events. Both are timed per article,
interleaved, in CPU seconds of this process (robust on a shared machine) and wall seconds.
Prints a table, or with ``--json`` one object: articles, events, typed, abstained,
extract_cpu_s, code_cpu_s, overhead (code / extract, CPU), extract_wall_s, code_wall_s, cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from common import DEFAULT_DATA, print_result
from sitroom.code import EventCoder, code_events
from sitroom.extract.convert import events_from_doc
from sitroom.ingest import report_from_text
from sitroom.pipeline import Extractor
from sitroom.schema import Report


def _reports(path: Path, n: int) -> list[Report]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            a = json.loads(line)
            day = dt.date.fromisoformat(a["published"]) if a.get("published") else None
            out.append(report_from_text(a["text"], id=a["id"], title=a.get("title"),
                                        published=day))
    return out


def measure(reports: list[Report], *, background: bool = True) -> dict[str, float | int]:
    """Time extraction and coding per article; RETURNS (dict): the numbers.

    background (bool): also code background events (``EventCoder(background=…)``).
    """
    extractor, coder = Extractor(), EventCoder(background=background)
    for doc, report in extractor.docs(reports[:3]):  # warm-up: load models once
        code_events(doc, events_from_doc(doc, report), coder=coder)
    totals = {"extract_cpu_s": 0.0, "code_cpu_s": 0.0, "extract_wall_s": 0.0, "code_wall_s": 0.0}
    events = typed = 0
    stream: Iterator = extractor.docs(reports)
    while True:
        c0, w0 = time.process_time(), time.perf_counter()
        try:
            doc, report = next(stream)
        except StopIteration:
            break
        found = events_from_doc(doc, report)
        c1, w1 = time.process_time(), time.perf_counter()
        code_events(doc, found, coder=coder)
        c2, w2 = time.process_time(), time.perf_counter()
        totals["extract_cpu_s"] += c1 - c0
        totals["code_cpu_s"] += c2 - c1
        totals["extract_wall_s"] += w1 - w0
        totals["code_wall_s"] += w2 - w1
        events += len(found)
        typed += sum(e.event_type is not None for e in found)
    return {
        "articles": len(reports), "events": events, "typed": typed, "abstained": events - typed,
        **{k: round(v, 2) for k, v in totals.items()},
        "overhead": round(totals["code_cpu_s"] / max(totals["extract_cpu_s"], 1e-9), 3),
        "cores": len(os.sched_getaffinity(0)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="articles (default 100)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON Lines articles")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--skip-background", action="store_true",
                        help="leave background events uncoded (EventCoder(background=False))")
    args = parser.parse_args()
    result = measure(_reports(args.data, args.n), background=not args.skip_background)
    print_result(result, args.json)


if __name__ == "__main__":
    main()
