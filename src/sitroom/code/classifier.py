"""Event-type classifier: logistic regression over [sentence embedding ; cue indicators].

The weights are a small JSON file (``model/event_types.v1.json``) rebuilt by
``python -m sitroom.code.train``. Texts are embedded with :class:`~sitroom.code.embed.Embedder`;
cues come from :class:`~sitroom.code.cues.CueSet`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .cues import CueSet
from .embed import Embedder

#: The shipped model file.
DEFAULT_MODEL = Path(__file__).parent / "model" / "event_types.v1.json"
#: Weight of the cue indicators relative to the unit-norm embedding.
CUE_WEIGHT = 0.25
#: Inverse regularisation strength of the logistic regression.
C = 8.0


def text_hash(text: str) -> str:
    """RETURNS (str): a short hash of a training text (so a model can tell what it saw)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class TypeModel:
    """Trained weights. classes (tuple[str, ...]): labels, in row order of ``coef``."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    cue_names: tuple[str, ...]
    cue_weight: float = CUE_WEIGHT
    seen: frozenset[str] = frozenset()
    meta: dict[str, Any] = field(default_factory=dict)

    def proba(self, features: np.ndarray) -> np.ndarray:
        """RETURNS (np.ndarray): ``(n, len(classes))`` class probabilities (softmax)."""
        logits = features @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        """Write the model as JSON (weights rounded to 5 decimals)."""
        data = {
            "classes": list(self.classes), "cue_names": list(self.cue_names),
            "cue_weight": self.cue_weight, "meta": self.meta, "seen": sorted(self.seen),
            "intercept": np.round(self.intercept, 5).tolist(),
            "coef": np.round(self.coef, 5).tolist(),
        }
        Path(path).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> TypeModel:
        """RETURNS (TypeModel): the model stored at ``path``."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"E203 event-type model {path} is missing or unreadable: rebuild it with "
                "`python -m sitroom.code.train`") from exc
        return cls(classes=tuple(data["classes"]), coef=np.asarray(data["coef"], np.float32),
                   intercept=np.asarray(data["intercept"], np.float32),
                   cue_names=tuple(data["cue_names"]), cue_weight=data["cue_weight"],
                   seen=frozenset(data.get("seen", ())), meta=data.get("meta", {}))


def featurize(embeddings: np.ndarray, cue_features: np.ndarray, cue_weight: float) -> np.ndarray:
    """RETURNS (np.ndarray): ``[embedding ; cue_weight * (cues > 0)]`` rows."""
    return np.hstack([embeddings, cue_weight * (cue_features > 0)]).astype(np.float32)


def fit(features: np.ndarray, labels: Sequence[str], *, c: float = C, cue_names: Sequence[str],
        cue_weight: float = CUE_WEIGHT, seen: frozenset[str] = frozenset(),
        meta: dict[str, Any] | None = None) -> TypeModel:
    """Train a balanced multinomial logistic regression.

    features (np.ndarray): rows from :func:`featurize`. labels (Sequence[str]): one per row.
    RETURNS (TypeModel): the fitted weights.
    """
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(features, np.asarray(labels))
    return TypeModel(classes=tuple(str(x) for x in model.classes_),
                     coef=model.coef_.astype(np.float32),
                     intercept=model.intercept_.astype(np.float32), cue_names=tuple(cue_names),
                     cue_weight=cue_weight, seen=seen, meta=dict(meta or {}))


class EventTypeClassifier:
    """Scores texts against the 30 event labels.

    model_path (Path): the weights file. embedder (Embedder | None): shared embedder.
    Nothing loads until the first call.
    """

    def __init__(self, *, model_path: Path = DEFAULT_MODEL,
                 embedder: Embedder | None = None, cues: CueSet | None = None) -> None:
        self.model_path = Path(model_path)
        self.embedder = embedder or Embedder()
        self.cues = cues or CueSet()
        self._model: TypeModel | None = None

    @property
    def model(self) -> TypeModel:
        """RETURNS (TypeModel): the weights, loaded on first use."""
        if self._model is None:
            model = TypeModel.load(self.model_path)
            if model.cue_names != self.cues.names:
                raise ModelError(f"E204 {self.model_path} was trained with other cues: retrain it")
            self._model = model
        return self._model

    def features(self, texts: Sequence[str], cue_features: np.ndarray | None = None) -> np.ndarray:
        """RETURNS (np.ndarray): classifier input rows for ``texts`` (cue rows if precomputed)."""
        cue_rows = self.cues.features(list(texts)) if cue_features is None else cue_features
        return featurize(self.embedder(texts), cue_rows, self.model.cue_weight)

    def proba(self, texts: Sequence[str], cue_features: np.ndarray | None = None) -> np.ndarray:
        """RETURNS (np.ndarray): ``(len(texts), 30)`` probabilities in ``model.classes`` order."""
        if not texts:
            return np.zeros((0, len(self.model.classes)), dtype=np.float32)
        return self.model.proba(self.features(texts, cue_features))
