"""What the benchmark scripts share: the default corpus and the output habit."""

from __future__ import annotations

import json
from pathlib import Path

#: The openly licensed news corpus beside the repository (``../shared/data/corpus``).
DEFAULT_DATA = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
                / "articles.jsonl")


def print_result(result: dict[str, object], as_json: bool) -> None:
    """Print ``result`` as one JSON object (machines) or an aligned table (people)."""
    if as_json:
        print(json.dumps(result))
        return
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
