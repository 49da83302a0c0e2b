"""Pieces of the gazetteer build that need no full build: unit points, aliases, registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.util import registry

from sitroom.geo.build import _unit_point
from sitroom.geo.gazetteer import SQLiteGazetteer
from sitroom.geo.geonames import Importer
from sitroom.geo.resolve import Geocoder
from test_geo_dumps import dumps


def test_unit_point_is_the_trimmed_box_midpoint() -> None:
    points = [(40.0, 10.0), (42.0, 12.0), (44.0, 14.0), (41.0, 11.0)]
    assert _unit_point(points) == pytest.approx((42.0, 12.0))
    assert _unit_point([]) is None


def test_unit_point_across_the_antimeridian_uses_the_median() -> None:
    points = [(52.0, 179.0), (52.5, -179.5), (53.0, 178.5)]
    lat, lon = _unit_point(points)
    assert lat == pytest.approx(52.5) and lon == pytest.approx(178.5)


def test_curated_aliases_need_their_target(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    Importer(db).run(dumps(tmp_path))
    geocoder = Geocoder(path=db)
    assert geocoder.resolve_name("Americans").candidate.geonameid == 6252001
    assert geocoder.resolve_name("Georgia").candidate.geonameid == 614540
    # "French" points at France, which this small gazetteer lacks: no alias, no answer.
    assert geocoder.resolve_name("French").candidate is None


def test_registry_entry_builds_a_lazy_gazetteer(tmp_path: Path) -> None:
    make = registry.misc.get("sitroom.sqlite_gazetteer.v1")
    gazetteer = make(str(tmp_path / "absent.sqlite"))
    assert isinstance(gazetteer, SQLiteGazetteer) and not gazetteer.exists()


def test_geocoder_pickles_without_its_connection(tmp_path: Path) -> None:
    import pickle

    db = tmp_path / "g.sqlite"
    Importer(db).run(dumps(tmp_path))
    geocoder = Geocoder(path=db)
    assert geocoder.resolve_name("Masanchi").candidate is not None  # connection opened
    clone = pickle.loads(pickle.dumps(geocoder))
    assert clone.resolve_name("Masanchi").candidate.geonameid == 9000001
