"""Toponym resolution on GeoWebNews-style data (``sitroom eval geo PATH``).

Metrics (fixed names):

- ``in_gazetteer_accuracy``: of the toponyms whose gold GeoNames id is in our
  gazetteer, the share resolved to exactly that id.
- ``exact_id``: the same over every toponym with a gold id.
- ``coverage``: of the toponyms with gold coordinates, the share given a point.
- ``acc161``: of the toponyms with gold coordinates, the share within 161 km
  (unresolved ones count as misses).
- ``median_km`` / ``mean_km``: error distance over resolved toponyms with coordinates.
- ``auc``: area under the curve of log error distances (Gritta et al. 2018; 0 is
  perfect, unresolved = 20,039 km).

``details["acc161_gap"]`` splits the acc@161 misses into ``unresolved``,
``missing_place`` (gold id not in the gazetteer), ``wrong_choice`` (gold id in the
gazetteer, another one chosen) and ``point`` (right id, point over 161 km away).
"""

from __future__ import annotations

import itertools
import math
import statistics
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..geo.resolve import Geocoder, Mention
from . import EvalReport, read_jsonl

EARTH_KM = 6371.0088
MAX_KM = 20039.0
NER_LABELS = ("GPE", "LOC", "FAC", "NORP")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """RETURNS (float): great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _ner_mentions(nlp, text: str) -> list[Mention]:
    return [
        Mention(e.start_char, e.end_char, e.text) for e in nlp(text).ents if e.label_ in NER_LABELS
    ]


def _align(gold: list[dict], predicted: list[Mention]) -> list[Mention | None]:
    """Each gold span's overlapping predicted mention (best overlap), or None."""
    out: list[Mention | None] = []
    for g in gold:
        best, overlap = None, 0
        for m in predicted:
            o = min(g["end"], m.end) - max(g["start"], m.start)
            if o > overlap:
                best, overlap = m, o
        out.append(best)
    return out


def evaluate(
    path: Path,
    *,
    limit: int | None = None,
    spans: str = "gold",
    geocoder: Geocoder | None = None,
) -> EvalReport:
    """Score toponym resolution on a JSON Lines set with ``gold.toponyms``.

    path (Path): e.g. ``../shared/data/geowebnews/dev.jsonl``.
    limit (int | None): score only the first documents.
    spans (str): ``gold`` resolves the gold spans; ``ner`` resolves spaCy's GPE, LOC, FAC
        and NORP entities and scores them against the gold spans they overlap.
    geocoder (Geocoder | None): default one over the configured gazetteer.
    RETURNS (EvalReport): the fixed metrics, worst misses, and the acc@161 gap.
    """
    if spans not in ("gold", "ner"):
        raise EvalError(f"--spans must be 'gold' or 'ner', not {spans!r}")
    geocoder = geocoder or Geocoder()
    if not geocoder.available():
        raise EvalError(f"gazetteer not built at {geocoder.path}: run `sitroom gazetteer build`")
    nlp = None
    if spans == "ner":
        from ..config import get_settings
        from ..nlp import load_model

        nlp = load_model(get_settings().spacy_model)
    rows: list[dict[str, Any]] = []
    n = predicted = matched = 0
    for doc in read_jsonl(path, limit):
        n += 1
        gold = doc.get("gold", {}).get("toponyms", [])
        if spans == "gold":
            mentions = [Mention(t["start"], t["end"], t["text"]) for t in gold]
            aligned: list[Mention | None] = list(mentions)
        else:
            mentions = _ner_mentions(nlp, doc["text"])
            aligned = _align(gold, mentions)
        predicted += len(mentions)
        matched += sum(1 for m in mentions if any(_overlaps(m, t) for t in gold))
        resolved = dict(zip(mentions, geocoder.resolve(doc["text"], mentions), strict=True))
        for t, m in zip(gold, aligned, strict=True):
            r = resolved.get(m) if m else None
            rows.append(_score(doc["id"], t, r.candidate if r else None, geocoder))
            rows[-1]["found"] = m is not None
    report = _report(path, n, rows, spans)
    if spans == "ner":
        found = sum(1 for r in rows if r["found"])
        report.details["ner_precision"] = round(matched / predicted, 4) if predicted else 0.0
        report.details["ner_recall"] = round(found / len(rows), 4) if rows else 0.0
    return report


def _overlaps(m: Mention, t: dict) -> bool:
    return min(m.end, t["end"]) > max(m.start, t["start"])


def _score(doc_id: str, t: dict, cand, geocoder: Geocoder) -> dict[str, Any]:
    gid = t.get("geonameid")
    row: dict[str, Any] = {
        "id": doc_id,
        "text": t["text"],
        "type": t.get("type"),
        "expected": gid,
        "expected_name": t.get("name"),
        "got": cand.geonameid if cand else None,
        "got_name": f"{cand.name} ({cand.fcode}, {cand.country})" if cand else None,
        "has_point": t.get("lat") is not None,
        "in_gazetteer": bool(gid) and geocoder.gazetteer.get(gid) is not None,
        "km": None,
    }
    if row["has_point"] and cand is not None and cand.lat is not None:
        row["km"] = haversine_km(t["lat"], t["lon"], cand.lat, cand.lon)
    return row


def _report(path: Path, n: int, rows: list[dict[str, Any]], spans: str) -> EvalReport:
    with_id = [r for r in rows if r["expected"]]
    in_gaz = [r for r in with_id if r["in_gazetteer"]]
    pointed = [r for r in rows if r["has_point"]]
    dists = [r["km"] for r in pointed if r["km"] is not None]
    all_km = [r["km"] if r["km"] is not None else MAX_KM for r in pointed]

    def share(part: list, whole: list) -> float:
        return round(len(part) / len(whole), 4) if whole else 0.0

    misses = [r for r in pointed if r["km"] is None or r["km"] > 161]
    gap = {"unresolved": 0, "missing_place": 0, "wrong_choice": 0, "point": 0, "no_id": 0}
    for r in misses:
        if r["got"] is None:
            gap["unresolved"] += 1
        elif not r["expected"]:
            gap["no_id"] += 1
        elif r["got"] == r["expected"]:
            gap["point"] += 1
        elif r["in_gazetteer"]:
            gap["wrong_choice"] += 1
        else:
            gap["missing_place"] += 1
    metrics = {
        "in_gazetteer_accuracy": share([r for r in in_gaz if r["got"] == r["expected"]], in_gaz),
        "coverage": share([r for r in pointed if r["km"] is not None], pointed),
        "exact_id": share([r for r in with_id if r["got"] == r["expected"]], with_id),
        "acc161": share([k for k in all_km if k <= 161], pointed),
        "median_km": round(statistics.median(dists), 1) if dists else 0.0,
        "mean_km": round(statistics.fmean(dists), 1) if dists else 0.0,
        "auc": round(_auc(all_km), 4),
    }
    worst = sorted((r for r in misses if r["km"] is not None), key=lambda r: -r["km"])[:25]
    errors = [
        {
            "id": r["id"],
            "text": r["text"],
            "expected": f"{r['expected']} {r['expected_name']}",
            "got": f"{r['got']} {r['got_name']}",
            "km": round(r["km"]),
        }
        for r in worst
    ]
    details = {
        "spans": spans,
        "toponyms": len(rows),
        "with_id": len(with_id),
        "in_gazetteer": len(in_gaz),
        "with_point": len(pointed),
        "acc161_gap": gap,
    }
    return EvalReport("geo", str(path), n, metrics, errors, details)


def _auc(km: list[float]) -> float:
    """Normalised area under the sorted log-error curve (0 best, 1 worst)."""
    if not km:
        return 0.0
    logs = sorted(math.log(k + 1) for k in km)
    if len(logs) == 1:
        return logs[0] / math.log(MAX_KM)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    return area / ((len(logs) - 1) * math.log(MAX_KM))
