"""evaluate: score sitroom against the annotated sets of ``../shared/data``.

Each kind lives in its own module exposing ``evaluate(path, *, limit=None, **options)
-> EvalReport``; :data:`KINDS` maps the ``sitroom eval KIND`` names to those modules.
The metric names are fixed by the evaluation contract in ``docs/architecture.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from ..errors import EvalError

#: ``sitroom eval`` kinds and the modules implementing them.
KINDS: dict[str, str] = {
    "figures": "sitroom.evaluate.figures",
    "displacement": "sitroom.evaluate.displacement",
    "attribution": "sitroom.evaluate.attribution",
    "events": "sitroom.evaluate.events",
    "geo": "sitroom.evaluate.geo",
}


@dataclass(slots=True)
class EvalReport:
    """The result of one evaluation run.

    kind (str): the eval kind. dataset (str): the path scored. n (int): documents scored.
    metrics (dict): fixed metric names to values. errors (list): worst cases, each
    ``{"id", "expected", "got", ...}``. details (dict): extra tables (confusion matrix…).
    """

    kind: str
    dataset: str
    n: int
    metrics: dict[str, float]
    errors: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        """RETURNS (str): the contract's JSON object."""
        return json.dumps(asdict(self), ensure_ascii=False, default=str)


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Read an evaluation set in the shared JSON Lines format.

    path (Path): the ``.jsonl`` file. limit (int | None): stop after this many documents.
    YIELDS (dict): one document per line.
    """
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and number > limit:
                return
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{number}: not a JSON object ({exc.msg})") from exc


def run(kind: str, path: Path, **options: Any) -> EvalReport:
    """Run the evaluator for ``kind`` on ``path``.

    RETURNS (EvalReport): metrics and worst errors.
    """
    if kind not in KINDS:
        raise EvalError(f"unknown eval kind {kind!r}; choose one of {', '.join(KINDS)}")
    module = import_module(KINDS[kind])
    return module.evaluate(Path(path), **options)
