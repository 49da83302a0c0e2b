"""The figures and displacement evaluators, on small sets written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.evaluate import run
from sitroom.evaluate.displacement import idetect_term
from sitroom.schema import Evidence, Figure


def _write(path: Path, docs: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def gvdb_like(tmp_path: Path) -> Path:
    docs = [
        ("a", "A man was shot and killed outside a store on Main Street on Friday night. "
              "Two other men were wounded.", 1, 2),
        ("b", "Police said a 34-year-old woman was shot in the arm. She is expected to "
              "survive.", 0, 1),
        ("c", "Three people were killed and four were injured when a gunman opened fire "
              "at a party.", 3, 4),
        ("d", "No one was hurt when shots were fired at a parked car.", 0, 0),
    ]
    return _write(tmp_path / "gvdb.jsonl", [
        {"id": i, "dataset": "gvdb", "title": None, "published": None, "text": text,
         "gold": {"killed": k, "injured": w}} for i, text, k, w in docs])


def test_figures_eval_contract(gvdb_like: Path, extractor) -> None:
    report = run("figures", gvdb_like, extractor=extractor)
    assert report.kind == "figures" and report.n == 4
    assert {"killed_accuracy", "injured_accuracy", "killed_mae", "injured_mae"} <= set(
        report.metrics)
    assert report.metrics["killed_accuracy"] == 1.0
    assert report.metrics["injured_accuracy"] == 1.0
    assert report.errors == []
    payload = json.loads(report.to_json())
    assert payload["metrics"]["killed_mae"] == 0.0


def test_figures_eval_lists_errors(tmp_path: Path, extractor) -> None:
    path = _write(tmp_path / "wrong.jsonl", [
        {"id": "x", "dataset": "gvdb", "title": None, "published": None,
         "text": "Two men were shot dead in the park.", "gold": {"killed": 5, "injured": 0}}])
    report = run("figures", path, extractor=extractor)
    assert report.metrics["killed_accuracy"] == 0.0
    assert report.metrics["killed_mae"] == 3.0
    [error] = report.errors
    assert (error["id"], error["expected"]["killed"], error["got"]["killed"]) == ("x", 5, 2)


def test_displacement_eval(tmp_path: Path, extractor) -> None:
    docs = [
        ("p", "Floods forced more than 2,000 people to flee their homes.", 2000, "Forced to Flee"),
        ("q", "About 300 families were evacuated from the riverbank.", 300, "Evacuated"),
        ("r", "The storm destroyed 45 houses in the district.", 45, "Destroyed Housing"),
    ]
    path = _write(tmp_path / "idetect.jsonl", [
        {"id": i, "dataset": "idetect", "title": None, "published": None, "text": text,
         "gold": {"quantity": q, "term": t, "unit": "People", "lang": "en"}}
        for i, text, q, t in docs])
    report = run("displacement", path, extractor=extractor, limit=3)
    assert report.n == 3
    assert report.metrics["quantity_accuracy"] == 1.0
    assert report.metrics["term_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("category", "term", "expected"),
    [("displaced", "evacuated", "Evacuated"), ("displaced", "fled", "Forced to Flee"),
     ("displaced", "homeless", "Homeless"), ("displaced", "refugees", "Displaced"),
     ("structures_damaged", "destroyed", "Destroyed Housing"),
     ("structures_damaged", "damaged", "Partially Destroyed Housing")],
)
def test_term_mapping(category: str, term: str, expected: str) -> None:
    figure = Figure(category=category, value=1, low=1, high=1, term=term,
                    evidence=Evidence(text="", start=0, end=0))
    assert idetect_term(figure) == expected
