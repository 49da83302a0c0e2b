"""``sitroom eval geo`` on a tiny self-written set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.errors import EvalError
from sitroom.evaluate import KINDS
from sitroom.evaluate.geo import evaluate, haversine_km
from sitroom.geo.geonames import Importer
from sitroom.geo.resolve import Geocoder
from test_geo_dumps import dumps

METRICS = {"in_gazetteer_accuracy", "coverage", "exact_id", "acc161", "median_km", "mean_km", "auc"}


def toponym(text: str, name: str, gid: int | None, lat: float | None, lon: float | None):
    start = text.index(name)
    return {
        "start": start,
        "end": start + len(name),
        "text": name,
        "type": "Literal",
        "geonameid": gid,
        "lat": lat,
        "lon": lon,
    }


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Geocoder]:
    folder = tmp_path_factory.mktemp("eval")
    Importer(folder / "g.sqlite").run(dumps(folder))
    text = "Fighting in Masanchi spread to Atlanta. Nobody knows Xanadu Springs."
    doc = {
        "id": "d1",
        "text": text,
        "gold": {
            "toponyms": [
                toponym(text, "Masanchi", 9000001, 42.93, 75.30),
                toponym(text, "Atlanta", 4180439, 33.75, -84.39),
                toponym(text, "Xanadu Springs", 123, 10.0, 10.0),  # not in the gazetteer
            ]
        },
    }
    data = folder / "set.jsonl"
    data.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return data, Geocoder(path=folder / "g.sqlite")


def test_metrics_and_gap(setup) -> None:
    data, geocoder = setup
    report = evaluate(data, geocoder=geocoder)
    assert set(report.metrics) == METRICS
    assert report.metrics["in_gazetteer_accuracy"] == 1.0
    assert report.metrics["exact_id"] == pytest.approx(2 / 3, abs=1e-3)
    assert report.metrics["coverage"] == pytest.approx(2 / 3, abs=1e-3)
    assert report.metrics["acc161"] == pytest.approx(2 / 3, abs=1e-3)
    assert report.details["acc161_gap"]["unresolved"] == 1
    assert KINDS["geo"] == "sitroom.evaluate.geo"


def test_bad_spans_option(setup) -> None:
    with pytest.raises(EvalError):
        evaluate(setup[0], spans="words", geocoder=setup[1])


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert haversine_km(51.5, -0.1, 51.5, -0.1) == 0
