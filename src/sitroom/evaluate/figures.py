"""``sitroom eval figures``: killed / injured counts per article against GVDB gold.

The prediction for an article comes from the user-visible result: the figures of its
non-background events (``Extractor().pipe``), reduced with :func:`sitroom.extract.tally.
tally` over the union of those events (a GVDB article tells one shooting); no figure
means 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..extract.mentions import FigureMention
from ..extract.tally import tally
from ..pipeline import Extractor
from ..schema import ExtractResult, Figure, FigureCategory, Report
from . import EvalReport, read_jsonl

#: How many of the worst cases go into ``errors``.
MAX_ERRORS = 50


def as_mention(figure: Figure) -> FigureMention:
    """RETURNS (FigureMention): a schema ``Figure`` back as a mention, for :func:`tally`."""
    return FigureMention(
        category=FigureCategory(figure.category), value=figure.value, low=figure.low,
        high=figure.high, qualifier=figure.qualifier, object=figure.object, term=figure.term,
        start=figure.evidence.start, end=figure.evidence.end, update=figure.update,
        negated=figure.negated, cumulative=figure.cumulative,
    )


def main_figures(result: ExtractResult) -> list[Figure]:
    """RETURNS (list[Figure]): the figures of the result's non-background events."""
    return [f for event in result.events if not event.background for f in event.figures]


def predict(result: ExtractResult, category: FigureCategory) -> int:
    """The article's count for ``category``: 0 when nothing is stated.

    Killed is the largest ``fatalities`` of the main events (tallied from the mentions,
    with their update and running-total flags); other categories are tallied from the
    main events' figures.
    RETURNS (int): the predicted count.
    """
    main = [e for e in result.events if not e.background]
    if category == FigureCategory.KILLED:
        return max((e.fatalities or 0 for e in main), default=0)
    return tally([as_mention(f) for f in main_figures(result)], category) or 0


def _reports(docs: Iterable[dict[str, Any]]) -> list[Report]:
    return [Report(id=d["id"], title=d.get("title"), text=d["text"], language="en")
            for d in docs]


def evaluate(path: Path, *, limit: int | None = None,
             extractor: Extractor | None = None) -> EvalReport:
    """Score killed / injured per article.

    path (Path): a GVDB-style ``.jsonl`` file. limit (int | None): first N documents only.
    extractor (Extractor | None): the pipeline to use (a default one otherwise).
    RETURNS (EvalReport): ``killed_accuracy``, ``injured_accuracy``, ``killed_mae``,
        ``injured_mae``, plus ``any_killed_f1`` (did the article report a death).
    """
    docs = list(read_jsonl(path, limit))
    extractor = extractor or Extractor()
    rows: list[dict[str, Any]] = []
    for doc, result in zip(docs, extractor.pipe(_reports(docs)), strict=True):
        gold = doc["gold"]
        got = {c: predict(result, FigureCategory(c)) for c in ("killed", "injured")}
        expected = {c: int(gold.get(c) or 0) for c in ("killed", "injured")}
        figures = [f"{f.category} {f.value} ({f.term}): {f.evidence.text[:120]}"
                   for f in main_figures(result) if f.category in ("killed", "injured")]
        rows.append({"id": doc["id"], "expected": expected, "got": got, "figures": figures,
                     "error": result.error})
    n = len(rows)
    metrics: dict[str, float] = {"n": float(n)}
    for c in ("killed", "injured"):
        metrics[f"{c}_accuracy"] = sum(r["expected"][c] == r["got"][c] for r in rows) / max(n, 1)
        metrics[f"{c}_mae"] = sum(abs(r["expected"][c] - r["got"][c]) for r in rows) / max(n, 1)
    tp = sum(r["expected"]["killed"] > 0 and r["got"]["killed"] > 0 for r in rows)
    fp = sum(r["expected"]["killed"] == 0 and r["got"]["killed"] > 0 for r in rows)
    fn = sum(r["expected"]["killed"] > 0 and r["got"]["killed"] == 0 for r in rows)
    metrics["any_killed_f1"] = 2 * tp / max(2 * tp + fp + fn, 1)
    del metrics["n"]
    wrong = [r for r in rows if r["expected"] != r["got"]]
    wrong.sort(key=lambda r: -sum(abs(r["expected"][c] - r["got"][c]) for c in r["got"]))
    return EvalReport(kind="figures", dataset=str(path), n=n, metrics=metrics,
                      errors=wrong[:MAX_ERRORS], details={"wrong": len(wrong)})
