"""Throughput: bare spaCy ``nlp.pipe`` versus the full ``sitroom extract`` pipeline.

Both run in this one process, over the same N articles, with the same spaCy model::

    python bench/throughput.py [--n 500] [--data PATH] [--json]

Prints a table, or with ``--json`` one object: articles, words, spacy_articles_per_s,
pipeline_articles_per_s, ratio, peak_rss_mb, cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import time
from collections.abc import Iterator
from pathlib import Path

from common import DEFAULT_DATA, print_result
from sitroom.config import get_settings
from sitroom.ingest import report_from_text
from sitroom.pipeline import COMPONENTS, Extractor, batched
from sitroom.schema import Report

LONG_FORM = {"wikinews", "wikinews-gum", "globalvoices"}


def load_articles(path: Path, n: int) -> list[dict]:
    """RETURNS (list[dict]): the first ``n`` long-form articles (or any records if too few)."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    long_form = [r for r in records if r.get("collection", "wikinews") in LONG_FORM]
    rest = [r for r in records if r.get("collection", "wikinews") not in LONG_FORM]
    return (long_form + rest)[:n]


def _timed(run: Iterator[object]) -> float:
    start = time.perf_counter()
    for _ in run:
        pass
    return time.perf_counter() - start


def measure(articles: list[dict]) -> dict[str, float | int]:
    """Time bare spaCy and the full pipeline over ``articles``; RETURNS (dict): the numbers.

    Both see the same batches (bounded by count and characters, as the pipeline batches);
    the pipeline's time includes reading (normalisation, language check) and everything
    after spaCy (figures, sources, dates, events, geocoding).
    """
    settings = get_settings()
    texts = [a["text"] for a in articles]
    extractor = Extractor(settings)
    nlp = extractor.nlp  # bare spaCy = the same loaded model with sitroom's components off
    with nlp.select_pipes(disable=list(COMPONENTS)):
        list(nlp.pipe(texts[:10]))
    list(extractor.pipe(report_from_text(a["text"], id=a["id"]) for a in articles[:10]))

    raw = [Report(id=a["id"], text=a["text"]) for a in articles]

    def bare_docs() -> Iterator[object]:
        with nlp.select_pipes(disable=list(COMPONENTS)):
            for batch in batched(raw, settings.batch_size, settings.batch_chars):
                yield from nlp.pipe([r.text for r in batch], batch_size=len(batch))

    def reports() -> Iterator[Report]:
        for a in articles:
            day = dt.date.fromisoformat(a["published"]) if a.get("published") else None
            yield report_from_text(a["text"], id=a["id"], title=a.get("title"), published=day)

    spacy_s = _timed(bare_docs())
    pipeline_s = _timed(extractor.pipe(reports()))
    n = len(articles)
    return {
        "articles": n,
        "words": sum(len(t.split()) for t in texts),
        "spacy_articles_per_s": round(n / spacy_s, 2),
        "pipeline_articles_per_s": round(n / pipeline_s, 2),
        "ratio": round(spacy_s / pipeline_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cores": len(os.sched_getaffinity(0)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles to process (default 500)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON Lines articles")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = measure(load_articles(args.data, args.n))
    print_result(result, args.json)


if __name__ == "__main__":
    main()
