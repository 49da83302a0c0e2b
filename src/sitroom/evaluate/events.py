"""``sitroom eval events``: event-type classification on CASE 2021 Task 2 snippets.

Metrics: ``accuracy``, ``macro_f1``, ``weighted_f1`` over the 30 CASE labels. The
shipped model is trained on the CASE 2021 dev set, so when the scored documents were
in its training data the figures come from k-fold cross-validation (each fold scored
by a model trained on the seeds and the other folds), never from the shipped weights;
``details["protocol"]`` says which was used. As in the pipeline, the rules of
:mod:`sitroom.code.rules` then refine the classifier's label (family rules: explicit words
restrict the label to a family; territory: who took it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from ..code.actors import assign_actors, find_mentions
from ..code.classifier import C, EventTypeClassifier, featurize, fit, text_hash
from ..code.labels import LABELS
from ..code.rules import TERRITORY, family_rule, territory_rule
from ..code.train import seed_examples
from ..config import get_settings
from ..errors import EvalError
from ..nlp import load_model
from . import EvalReport, read_jsonl

#: Folds for cross-validation.
FOLDS = 5
#: Abstention thresholds reported in ``details["abstention"]``.
THRESHOLDS = (0.2, 0.25, 0.3, 0.4, 0.5)


def _cv_predict(clf: EventTypeClassifier, features: np.ndarray, gold: list[str],
                folds: int, seed: int = 0) -> np.ndarray:
    """RETURNS (np.ndarray): out-of-fold class probabilities, columns in ``clf.model.classes``."""
    from sklearn.model_selection import KFold, StratifiedKFold

    seeds = seed_examples()
    seed_texts = [t for t, _ in seeds]
    seed_x = featurize(clf.embedder(seed_texts), clf.cues.features(seed_texts),
                       clf.model.cue_weight)
    seed_y = [lab for _, lab in seeds]
    classes = clf.model.classes
    out = np.zeros((len(gold), len(classes)), dtype=np.float32)
    y = np.asarray(gold)
    enough = min(Counter(gold).values()) >= folds
    splitter = (StratifiedKFold(folds, shuffle=True, random_state=seed) if enough
                else KFold(folds, shuffle=True, random_state=seed))
    for train_idx, test_idx in splitter.split(features, y):
        model = fit(np.vstack([seed_x, features[train_idx]]), seed_y + list(y[train_idx]),
                    c=C, cue_names=clf.cues.names, cue_weight=clf.model.cue_weight)
        proba = model.proba(features[test_idx])
        for col, label in enumerate(model.classes):
            out[test_idx, classes.index(label)] = proba[:, col]
    return out


def _apply_rules(texts: list[str], pred: list[str], proba: np.ndarray,
                 classes: tuple[str, ...]) -> tuple[int, int]:
    """Apply the coder's rules to predicted labels, in place (as the pipeline does).

    RETURNS (tuple[int, int]): how many labels the family rules and the territory rule changed.
    """
    by_family = 0
    for i, text in enumerate(texts):
        rule = family_rule(text)
        if rule is None or pred[i] in rule[0].labels:
            continue
        labels = rule[0].labels
        pred[i] = (max(labels, key=lambda lab: proba[i, classes.index(lab)])
                   if rule[0].choose else labels[0])
        by_family += 1
    todo = [i for i, label in enumerate(pred) if label in TERRITORY]
    if not todo:
        return by_family, 0
    nlp = load_model(get_settings().spacy_model)
    changed = 0
    for i, doc in zip(todo, nlp.pipe(texts[i] for i in todo), strict=True):
        actors = assign_actors(find_mentions(doc[:], country=None, riot=False))
        label, _ = territory_rule(pred[i], actors)
        changed += label != pred[i]
        pred[i] = label
    return by_family, changed


def _scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "accuracy": float(accuracy_score(gold, pred)),
        "macro_f1": float(f1_score(gold, pred, average="macro", zero_division=0)),
        "weighted_f1": float(f1_score(gold, pred, average="weighted", zero_division=0)),
    }


def _abstention(gold: list[str], pred: list[str], conf: np.ndarray) -> dict[str, dict]:
    """RETURNS (dict): per threshold, the share of documents typed and accuracy on those."""
    out = {}
    for threshold in THRESHOLDS:
        kept = conf >= threshold
        hits = sum(g == p for g, p, k in zip(gold, pred, kept, strict=True) if k)
        out[f"{threshold:.2f}"] = {"coverage": round(float(kept.mean()), 4),
                                   "accuracy": round(hits / max(int(kept.sum()), 1), 4)}
    return out


def evaluate(path: Path, *, limit: int | None = None, folds: int = FOLDS,
             classifier: EventTypeClassifier | None = None) -> EvalReport:
    """Score event-type classification on a CASE 2021 set.

    path (Path): JSON Lines with ``gold.label``. limit (int | None): first N documents.
    folds (int): cross-validation folds, used when the model has seen the documents.
    RETURNS (EvalReport): metrics, the confusion matrix and per-label F1 in ``details``.
    """
    docs = list(read_jsonl(path, limit))
    if not docs:
        raise EvalError(f"E501 {path}: no documents")
    gold = [d["gold"]["label"] for d in docs]
    unknown = set(gold) - set(LABELS)
    if unknown:
        raise EvalError(f"E502 {path}: labels outside the CASE 2021 set: {sorted(unknown)}")
    clf = classifier or EventTypeClassifier()
    texts = [d["text"] for d in docs]
    features = clf.features(texts)
    seen = sum(text_hash(t) in clf.model.seen for t in texts)
    if seen:
        proba = _cv_predict(clf, features, gold, folds)
        protocol = f"{folds}-fold cross-validation ({seen}/{len(docs)} documents in training data)"
    else:
        proba = clf.model.proba(features)
        protocol = "shipped model (no document in its training data)"
    classes = clf.model.classes
    best = proba.argmax(axis=1)
    pred = [classes[i] for i in best]
    conf = proba[np.arange(len(docs)), best]
    by_family, changed = _apply_rules(texts, pred, proba, classes)

    confusion: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, pred, strict=True):
        confusion.setdefault(g, {}).setdefault(p, 0)
        confusion[g][p] += 1
    from sklearn.metrics import f1_score

    labels = sorted(set(gold) | set(pred))
    per_label = dict(zip(labels, (float(x) for x in f1_score(
        gold, pred, labels=labels, average=None, zero_division=0)), strict=True))
    coarse = _scores([LABELS[g].event_type for g in gold], [LABELS[p].event_type for p in pred])
    errors: list[dict[str, Any]] = sorted(
        ({"id": d["id"], "expected": g, "got": p, "confidence": round(float(c), 3)}
         for d, g, p, c in zip(docs, gold, pred, conf, strict=True) if g != p),
        key=lambda e: -e["confidence"])[:25]
    return EvalReport(
        kind="events", dataset=str(path), n=len(docs), metrics=_scores(gold, pred),
        errors=errors,
        details={"protocol": protocol, "confusion": confusion, "per_label_f1": per_label,
                 "event_type_accuracy": coarse["accuracy"],
                 "event_type_weighted_f1": coarse["weighted_f1"],
                 "mean_confidence": float(conf.mean()),
                 "changed_by_family_rules": by_family,
                 "changed_by_rules": changed,
                 "abstention": _abstention(gold, pred, conf)},
    )
