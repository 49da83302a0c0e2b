"""``sitroom eval displacement``: the displacement figure and term of IDETECT excerpts.

The predicted figure of an excerpt is chosen from the ``displaced`` figures of its
non-background events, or, when there is none, from its ``structures_damaged`` figures
(IDETECT's housing terms count houses, unit "Households"): the largest lower bound,
negated figures excluded. Our trigger word maps to IDETECT's term with :data:`TERMS`
(documented in ``docs/figures.md``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..pipeline import Extractor
from ..schema import ExtractResult, Figure, FigureCategory, Report
from . import EvalReport, read_jsonl
from .figures import main_figures

MAX_ERRORS = 50

#: Trigger-word stems (ours) → IDETECT reporting terms, first match wins.
TERMS: tuple[tuple[str, str], ...] = (
    ("evacu", "Evacuated"),
    ("relocat", "Relocated"),
    ("homeless", "Homeless"),
    ("lost", "Homeless"),
    ("accommodat", "Sheltered"),
    ("forc", "Forced to Flee"),
    ("leav", "Forced to Flee"),
    ("left", "Forced to Flee"),
    ("without shelter", "Homeless"),
    ("shelter", "Sheltered"),
    ("refuge", "Displaced"),
    ("camp", "In Relief Camp"),
    ("fle", "Forced to Flee"),
    ("displac", "Displaced"),
    ("idp", "Displaced"),
    ("uninhabitable", "Uninhabitable Housing"),
    ("damag", "Partially Destroyed Housing"),
    ("flood", "Partially Destroyed Housing"),
    ("inundat", "Partially Destroyed Housing"),
    ("submerg", "Partially Destroyed Housing"),
)
#: Term of a structures figure whose trigger maps to nothing above.
HOUSING = "Destroyed Housing"


def idetect_term(figure: Figure) -> str:
    """RETURNS (str): the IDETECT term for one of our displaced / structures figures."""
    term = figure.term.lower()
    for stem, label in TERMS:
        if term.startswith(stem):
            return label
    return HOUSING if figure.category == FigureCategory.STRUCTURES_DAMAGED else "Displaced"


def choose(result: ExtractResult, *, aggregate: bool = True) -> tuple[int, str] | None:
    """The excerpt's displacement figure and IDETECT term, if any.

    Displaced figures first, else houses (destroyed before damaged); distinct figures
    told with the same word as the largest one add up, as IDMC aggregates across places
    ("31 houses were destroyed in A and 36 houses were destroyed in B" → 67).

    result (ExtractResult): one excerpt's result.
    aggregate (bool): add up distinct figures told with the same word (IDMC's convention).
    RETURNS (tuple[int, str] | None): quantity and term.
    """
    figures = [f for f in main_figures(result) if f.value > 0]
    for category in (FigureCategory.DISPLACED, FigureCategory.STRUCTURES_DAMAGED):
        pool = [f for f in figures if f.category == category]
        if category == FigureCategory.STRUCTURES_DAMAGED:
            pool = [f for f in pool if idetect_term(f) == HOUSING] or pool
        if not pool:
            continue
        best = max(pool, key=lambda f: f.low)
        term = idetect_term(best)
        values = {f.low for f in pool if f.term == best.term}
        return (sum(values) if aggregate else best.low), term
    return None


def evaluate(path: Path, *, limit: int | None = None,
             extractor: Extractor | None = None) -> EvalReport:
    """Score the displacement figure (exact match) and its term.

    path (Path): an IDETECT-style ``.jsonl`` file. limit (int | None): first N documents.
    extractor (Extractor | None): the pipeline to use (a default one otherwise).
    RETURNS (EvalReport): ``quantity_accuracy``, ``term_accuracy``, plus
        ``quantity_accuracy_en`` (English excerpts only) and ``coverage``.
    """
    docs = list(read_jsonl(path, limit))
    extractor = extractor or Extractor()
    reports = [Report(id=d["id"], text=d["text"], language=d["gold"].get("lang") or "en")
               for d in docs]
    rows: list[dict[str, Any]] = []
    for doc, result in zip(docs, extractor.pipe(reports), strict=True):
        gold = doc["gold"]
        chosen = choose(result)
        got_q, got_t = chosen if chosen else (None, None)
        rows.append({
            "id": doc["id"], "expected": {"quantity": gold["quantity"], "term": gold["term"]},
            "got": {"quantity": got_q, "term": got_t}, "lang": gold.get("lang", "en"),
            "note": gold.get("note"),
            "figures": [f"{f.category} {f.value} ({f.term}, {f.object})"
                        for f in main_figures(result)],
        })
    n = len(rows)
    q_ok = [r["expected"]["quantity"] == r["got"]["quantity"] for r in rows]
    t_ok = [r["expected"]["term"] == r["got"]["term"] for r in rows]
    english = [ok for ok, r in zip(q_ok, rows, strict=True) if r["lang"] == "en"]
    metrics = {
        "quantity_accuracy": sum(q_ok) / max(n, 1),
        "term_accuracy": sum(t_ok) / max(n, 1),
        "quantity_accuracy_en": sum(english) / max(len(english), 1),
        "coverage": sum(r["got"]["quantity"] is not None for r in rows) / max(n, 1),
    }
    wrong = [r for r, ok in zip(rows, q_ok, strict=True) if not ok]
    return EvalReport(kind="displacement", dataset=str(path), n=n, metrics=metrics,
                      errors=wrong[:MAX_ERRORS], details={"wrong": len(wrong)})
