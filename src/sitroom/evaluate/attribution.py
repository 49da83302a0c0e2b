"""``sitroom eval attribution``: source, cue and content spans against PolNeAR.

Runs the bare spaCy model plus ``sitroom_attribution`` (no other sitroom component)
over the documents with ``nlp.pipe``. Matching and scoring are defined in
``docs/attribution.md``: predictions are paired one-to-one with gold attributions whose
cue or content they overlap; each role then scores its soft (token-overlap F1) credit
over the predicted and the gold roles.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..config import get_settings
from ..extract import attribution as _attribution  # noqa: F401  (registers the factory)
from ..extract.mentions import Attribution
from ..nlp import load_model, register_extensions
from . import EvalReport, read_jsonl

ROLES: tuple[str, ...] = ("source", "cue", "content")
#: A pair whose contents overlap at least this much (token F1) matches even without
#: overlapping cues.
CONTENT_MATCH: float = 0.5
MAX_ERRORS: int = 30
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(slots=True)
class _Item:
    """One attribution as token-index sets per role (``None`` when the role is absent)."""

    roles: dict[str, frozenset[int] | None]
    texts: dict[str, str | None]


@lru_cache(maxsize=2)
def _pipeline(model: str) -> Language:
    register_extensions()
    nlp = load_model.__wrapped__(model)  # a private copy: we add a pipe to it
    nlp.add_pipe("sitroom_attribution")
    return nlp


class _Tokens:
    """Word/punctuation tokens of a text, to turn character spans into token sets."""

    def __init__(self, text: str) -> None:
        matches = list(_TOKEN.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def of(self, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
        found: set[int] = set()
        for start, end in fragments:
            first = bisect_right(self.ends, start)  # first token ending after start
            last = bisect_left(self.starts, end)  # tokens starting before end
            found.update(range(first, last))
        return frozenset(found)


def _gold_item(tokens: _Tokens, gold: dict[str, Any]) -> _Item:
    roles: dict[str, frozenset[int] | None] = {}
    texts: dict[str, str | None] = {}
    for role in ROLES:
        value = gold.get(role)
        if not value:
            roles[role], texts[role] = None, None
            continue
        pieces = value.get("fragments") or [value]
        roles[role] = tokens.of((p["start"], p["end"]) for p in pieces) or None
        texts[role] = " … ".join(p["text"] for p in pieces)
    return _Item(roles, texts)


def _pred_item(tokens: _Tokens, pred: Attribution) -> _Item:
    roles: dict[str, frozenset[int] | None] = {}
    texts: dict[str, str | None] = {}
    for role in ROLES:
        span = getattr(pred, role)
        roles[role] = tokens.of([(span.start, span.end)]) or None if span else None
        texts[role] = span.text if span else None
    return _Item(roles, texts)


def overlap_f1(a: frozenset[int] | None, b: frozenset[int] | None) -> float:
    """RETURNS (float): token-overlap F1 of two token sets (0 when either is absent)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b)) if common else 0.0


def match(pred: list[_Item], gold: list[_Item]) -> list[tuple[int, int]]:
    """Pair predictions with gold attributions one-to-one, greedily by affinity.

    A pair is eligible when the cues share a token or the contents overlap with token
    F1 ≥ ``CONTENT_MATCH``; its affinity is the larger of the cue and content F1.
    RETURNS (list[tuple[int, int]]): (prediction index, gold index) pairs.
    """
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            cue = overlap_f1(p.roles["cue"], g.roles["cue"])
            content = overlap_f1(p.roles["content"], g.roles["content"])
            if cue > 0 or content >= CONTENT_MATCH:
                candidates.append((max(cue, content), cue, i, j))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _f1(credit: float, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = credit / predicted if predicted else 0.0
    recall = credit / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path, *, limit: int | None = None, batch_size: int = 16) -> EvalReport:
    """Score ``sitroom_attribution`` on a PolNeAR-format JSON Lines file.

    path (Path): e.g. ``../shared/data/polnear/dev.jsonl``.
    limit (int | None): score only the first ``limit`` documents.
    batch_size (int): documents per ``nlp.pipe`` batch.
    RETURNS (EvalReport): ``source_f1``, ``cue_f1``, ``content_f1`` and the worst errors.
    """
    docs = list(read_jsonl(path, limit))
    nlp = _pipeline(get_settings().spacy_model)
    credit = dict.fromkeys(ROLES, 0.0)
    n_pred = dict.fromkeys(ROLES, 0)
    n_gold = dict.fromkeys(ROLES, 0)
    errors: list[tuple[float, int, dict[str, Any]]] = []
    matched = 0
    for number, (record, doc) in enumerate(
        zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=batch_size), strict=True)
    ):
        tokens = _Tokens(record["text"])
        gold = [_gold_item(tokens, g) for g in record["gold"]["attributions"]]
        pred = [_pred_item(tokens, p) for p in doc._.attributions]
        pairs = match(pred, gold)
        matched += len(pairs)
        for role in ROLES:
            n_pred[role] += sum(p.roles[role] is not None for p in pred)
            n_gold[role] += sum(g.roles[role] is not None for g in gold)
            credit[role] += sum(overlap_f1(pred[i].roles[role], gold[j].roles[role])
                                for i, j in pairs)
        errors.extend(_errors(record, number, pred, gold, pairs))
    metrics: dict[str, float] = {}
    details: dict[str, Any] = {"matched": matched, "predicted": n_pred["cue"],
                               "gold": n_gold["cue"]}
    for role in ROLES:
        precision, recall, f1 = _f1(credit[role], n_pred[role], n_gold[role])
        metrics[f"{role}_f1"] = round(f1, 4)
        details[f"{role}_precision"] = round(precision, 4)
        details[f"{role}_recall"] = round(recall, 4)
    errors.sort(key=lambda e: (e[0], e[1]))
    return EvalReport(kind="attribution", dataset=str(path), n=len(docs), metrics=metrics,
                      errors=_spread(errors), details=details)


def _errors(record: dict[str, Any], number: int, pred: list[_Item], gold: list[_Item],
            pairs: list[tuple[int, int]]) -> list[tuple[float, int, dict[str, Any]]]:
    """Missed gold attributions, spurious predictions and wrong sources of one document."""
    found: list[tuple[float, int, dict[str, Any]]] = []
    by_gold = {j: i for i, j in pairs}
    by_pred = {i for i, _ in pairs}
    ids = [g.get("id") for g in record["gold"]["attributions"]]
    for j, g in enumerate(gold):
        i = by_gold.get(j)
        score = overlap_f1(pred[i].roles["source"], g.roles["source"]) if i is not None else 0.0
        if i is not None and (score >= 0.5 or g.roles["source"] is None):
            continue
        found.append((score, number, {"id": f"{record['id']}:{ids[j]}", "expected": _short(g),
                                      "got": _short(pred[i]) if i is not None else None}))
    for i, p in enumerate(pred):
        if i not in by_pred:
            found.append((0.0, number, {"id": record["id"], "expected": None, "got": _short(p)}))
    return found


def _short(item: _Item, limit: int = 160) -> dict[str, str | None]:
    """An attribution's role texts, long ones cut to ``limit`` characters."""
    return {role: text if text is None or len(text) <= limit else text[:limit] + "…"
            for role, text in item.texts.items()}


def _spread(errors: list[tuple[float, int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The worst errors, at most three per document, ``MAX_ERRORS`` in all."""
    per_doc: dict[int, int] = {}
    kept = []
    for _, number, error in errors:
        if per_doc.get(number, 0) < 3:
            per_doc[number] = per_doc.get(number, 0) + 1
            kept.append(error)
        if len(kept) == MAX_ERRORS:
            break
    return kept
