"""Shared fixtures: the pipeline is built once per test session."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.config import get_settings
from sitroom.pipeline import Extractor
from sitroom.schema import ExtractResult, Report


def pytest_report_header() -> str:
    return f"sitroom spaCy model: {get_settings().spacy_model}"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The full extraction pipeline, loaded once."""
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor: Extractor):
    """The spaCy pipeline with sitroom's components."""
    return extractor.nlp


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """Extract one text: ``extract(text, published="2020-02-20") -> ExtractResult``."""

    def run(text: str, published: str | None = "2020-02-20") -> ExtractResult:
        day = dt.date.fromisoformat(published) if published else None
        return extractor.process(Report(id="t", text=text, published=day))

    return run
