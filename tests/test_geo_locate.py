"""Event geocoding: places filled, location = where it happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.config import get_settings
from sitroom.geo.geonames import Importer
from sitroom.geo.locate import choose_location, locate_events
from sitroom.geo.resolve import NOT_BUILT, Geocoder
from sitroom.nlp import load_model
from sitroom.schema import Event, Place
from test_geo_dumps import dumps

TEXT = (
    "Ethnic clashes broke out in Masanchi on Friday night. About 24,000 people fled to Almaty, "
    "the deputy prime minister told reporters in Taraz."
)


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    folder = tmp_path_factory.mktemp("gaz")
    Importer(folder / "g.sqlite").run(dumps(folder))
    return Geocoder(path=folder / "g.sqlite")


@pytest.fixture(scope="module")
def doc():
    return load_model(get_settings().spacy_model)(TEXT)


def event_with(*names: str) -> Event:
    places = [Place(name=n, start=TEXT.index(n), end=TEXT.index(n) + len(n)) for n in names]
    return Event(id="e1", places=places)


def test_places_are_geocoded_and_location_is_where_it_happened(doc, geocoder) -> None:
    event = event_with("Almaty", "Taraz", "Masanchi")
    locate_events(doc, [event], geocoder=geocoder)
    by_name = {p.name: p for p in event.places}
    masanchi = by_name["Masanchi"]
    assert masanchi.geonameid == 9000001 and masanchi.iso2 == "KZ"
    assert masanchi.country == "Kazakhstan" and masanchi.admin1 == "Zhambyl"
    assert masanchi.admin2 == "Korday District" and masanchi.geo_precision == 1
    assert masanchi.lat == pytest.approx(42.93)
    assert event.location is not None and event.location.name == "Masanchi"
    assert len(event.places) == 3  # the others stay in places


def test_unbuilt_gazetteer_leaves_reason(doc, tmp_path: Path) -> None:
    event = event_with("Masanchi")
    locate_events(doc, [event], geocoder=Geocoder(path=tmp_path / "none.sqlite"))
    assert event.places[0].lat is None and event.places[0].reason == NOT_BUILT
    assert event.location is None


def test_unknown_place_keeps_reason(doc, geocoder) -> None:
    event = Event(id="e2", places=[Place(name="Xanadu Springs")])
    locate_events(doc, [event], geocoder=geocoder)
    assert event.places[0].reason == "not in gazetteer" and event.location is None


def _place(name: str, start: int, iso2: str, precision: int) -> Place:
    return Place(name=name, start=start, end=start + len(name), lat=1.0, lon=1.0, iso2=iso2,
                 geo_precision=precision)


def test_location_skips_where_a_commentator_is_based() -> None:
    text = ("A suicide blast killed 90 soldiers in Yemen on Monday. "
            "A student activist based in Beirut said the army must be restructured.")
    parsed = load_model(get_settings().spacy_model)(text)
    yemen = _place("Yemen", text.index("Yemen"), "YE", 3)
    beirut = _place("Beirut", text.index("Beirut"), "LB", 1)
    assert choose_location(parsed, [yemen, beirut]) is yemen


def test_location_prefers_the_reports_main_country() -> None:
    text = ("Twin bombs struck a cathedral in the south of the country, killing 20. "
            "Philippine troops sealed the area; officials in Manila and in the Philippines "
            "condemned it, and a priest from Levant recalled earlier attacks.")
    parsed = load_model(get_settings().spacy_model)(text)
    manila = _place("Manila", text.index("Manila"), "PH", 1)
    country = _place("Philippines", text.index("Philippines"), "PH", 3)
    levant = _place("Levant", text.index("Levant"), "US", 1)
    assert choose_location(parsed, [manila, country, levant]) is not levant
