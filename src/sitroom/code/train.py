"""Rebuild the shipped event-type model: ``python -m sitroom.code.train [--data PATH]``.

Training data: the hand-written seed sentences in ``seeds.jsonl`` (composed for sitroom,
two or three per label) plus, when given, a labelled set in the shared JSON Lines format
(``gold.label`` a CASE 2021 label) — the shipped model uses
``../shared/data/case2021/dev.jsonl``. Only weights and hashes of the training texts are
stored, never the texts. Cross-validated scores: ``sitroom eval events PATH``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from .classifier import CUE_WEIGHT, DEFAULT_MODEL, C, TypeModel, featurize, fit, text_hash
from .cues import CueSet
from .embed import Embedder
from .labels import LABELS

SEEDS = Path(__file__).parent / "seeds.jsonl"


def seed_examples() -> list[tuple[str, str]]:
    """RETURNS (list[tuple[str, str]]): (text, label) seed sentences."""
    rows = [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line]
    return [(r["text"], r["label"]) for r in rows]


def train(examples: Iterable[tuple[str, str]], *, embedder: Embedder | None = None,
          cues: CueSet | None = None, meta: dict | None = None) -> TypeModel:
    """Fit a model on (text, label) pairs plus the seed sentences.

    RETURNS (TypeModel): the fitted model; ``seen`` holds hashes of the non-seed texts.
    """
    data = list(examples)
    unknown = {label for _, label in data} - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels: {sorted(unknown)}")
    everything = seed_examples() + data
    texts = [t for t, _ in everything]
    cues = cues or CueSet()
    features = featurize((embedder or Embedder())(texts), cues.features(texts), CUE_WEIGHT)
    return fit(features, [lab for _, lab in everything], c=C, cue_names=cues.names,
               seen=frozenset(text_hash(t) for t, _ in data), meta=meta)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point. RETURNS (int): exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="labelled JSON Lines set (gold.label)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    examples = []
    if args.data:
        with args.data.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        examples = [(d["text"], d["gold"]["label"]) for d in rows]
    meta = {"data": args.data.name if args.data else None, "n": len(examples),
            "seeds": len(seed_examples()), "C": C, "cue_weight": CUE_WEIGHT,
            "recipe": "python -m sitroom.code.train --data ../shared/data/case2021/dev.jsonl"}
    model = train(examples, meta=meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    sys.stderr.write(f"wrote {args.out} ({len(model.classes)} classes, "
                     f"{len(examples)} examples + seeds)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
