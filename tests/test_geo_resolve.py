"""Context-aware resolution over a small imported gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.geo.gazetteer import Candidate, Gazetteer
from sitroom.geo.geonames import Importer
from sitroom.geo.resolve import NOT_BUILT, Geocoder, Mention
from sitroom.geo.text import fold
from test_geo_dumps import dumps


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    folder = tmp_path_factory.mktemp("gaz")
    Importer(folder / "g.sqlite").run(dumps(folder))
    return Geocoder(path=folder / "g.sqlite")


def resolve(geocoder: Geocoder, text: str, names: list[str]):
    mentions = []
    for name in names:
        start = text.index(name, mentions[-1].end if mentions else 0)
        mentions.append(Mention(start, start + len(name), name))
    return geocoder.resolve(text, mentions)


def test_country_without_context(geocoder: Geocoder) -> None:
    assert geocoder.resolve_name("Georgia").candidate.geonameid == 614540


def test_us_context_turns_georgia_into_the_state(geocoder: Geocoder) -> None:
    text = "Protests spread across Georgia. Police in Atlanta and Savannah made arrests."
    got = resolve(geocoder, text, ["Georgia", "Atlanta", "Savannah"])
    assert got[0].candidate.geonameid == 4197000
    assert got[0].geo_precision == 3
    assert got[1].candidate.geonameid == 4180439 and got[1].geo_precision == 1


def test_georgia_with_tbilisi_stays_the_country(geocoder: Geocoder) -> None:
    text = "Georgia said the talks in Tbilisi would resume."
    assert resolve(geocoder, text, ["Georgia", "Tbilisi"])[0].candidate.geonameid == 614540


def test_unknown_village_falls_back_to_named_district(geocoder: Geocoder) -> None:
    text = "Clashes broke out in the village of Kenen in Korday District on Friday."
    village, district = resolve(geocoder, text, ["Kenen", "Korday District"])
    assert village.candidate.geonameid == 1521754
    assert village.match == "fallback" and village.geo_precision == 2
    assert "not in gazetteer" in village.reason
    assert district.candidate.geonameid == 1521754


def test_never_a_same_named_place_in_another_country(geocoder: Geocoder) -> None:
    # Karakemer exists only in Kyrgyzstan here; the report places it in Zhambyl Region.
    text = "Residents of Karakemer, Zhambyl Region, fled overnight."
    village, region = resolve(geocoder, text, ["Karakemer", "Zhambyl Region"])
    assert region.candidate.geonameid == 1524444
    assert village.candidate.geonameid == 1524444
    assert village.geo_precision == 3 and "no 'Karakemer' in" in village.reason


def test_admin_chain_prefers_the_contained_place(geocoder: Geocoder) -> None:
    text = "Masanchi, Korday District, saw fighting."
    masanchi = resolve(geocoder, text, ["Masanchi", "Korday District"])[0]
    assert masanchi.candidate.geonameid == 9000001 and masanchi.geo_precision == 1


def test_demonyms_and_abbreviations(geocoder: Geocoder) -> None:
    assert geocoder.resolve_name("Russian").candidate.geonameid == 2017370
    assert geocoder.resolve_name("U.S.").candidate.geonameid == 6252001
    assert geocoder.resolve_name("Ga.").candidate.geonameid == 4197000
    assert geocoder.resolve_name("Kazakh").candidate.geonameid == 1522867


def test_variants_and_fuzzy(geocoder: Geocoder) -> None:
    assert geocoder.resolve_name("Jambyl Oblast").candidate.geonameid == 1524444
    assert geocoder.resolve_name("Masanchy").candidate.geonameid == 9000001  # fuzzy
    assert geocoder.resolve_name("Masanchy").match == "fuzzy"


def test_unknown_name_is_null_with_reason(geocoder: Geocoder) -> None:
    got = geocoder.resolve_name("Xanadu Springs")
    assert got.candidate is None and got.reason == "not in gazetteer"


def test_missing_gazetteer_gives_reason_not_error(tmp_path: Path) -> None:
    geocoder = Geocoder(path=tmp_path / "absent.sqlite")
    assert not geocoder.available()
    got = geocoder.resolve_name("Almaty")
    assert got.candidate is None and got.reason == NOT_BUILT


class DictGazetteer:
    """A minimal in-memory gazetteer: the resolver needs only the protocol."""

    def __init__(self, places: list[Candidate]) -> None:
        self.places = places

    def lookup(self, key: str) -> list[Candidate]:
        return [p for p in self.places if fold(p.name) == key]

    def fuzzy(self, key: str, limit: int = 20) -> list[str]:
        return []

    def get(self, geonameid: int) -> Candidate | None:
        return next((p for p in self.places if p.geonameid == geonameid), None)

    def country_name(self, iso2: str) -> str | None:
        return None


def test_any_gazetteer_satisfying_the_protocol_can_be_injected() -> None:
    paris = Candidate(1, "Paris", 48.85, 2.35, "P", "PPLC", "FR", "11", "", None, None, 2_100_000)
    texas = Candidate(2, "Paris", 33.66, -95.55, "P", "PPL", "US", "TX", "", None, None, 25_000)
    gazetteer = DictGazetteer([paris, texas])
    assert isinstance(gazetteer, Gazetteer)
    assert Geocoder(gazetteer).resolve_name("Paris").candidate.geonameid == 1


def test_same_named_towns_without_context_are_ambiguous() -> None:
    a = Candidate(1, "Novoselovka", 50.0, 40.0, "P", "PPL", "RU", "01", "", None, None, 900)
    b = Candidate(2, "Novoselovka", 47.0, 35.0, "P", "PPL", "UA", "02", "", None, None, 880)
    got = Geocoder(DictGazetteer([a, b])).resolve_name("Novoselovka")
    assert got.candidate is None and got.reason.startswith("ambiguous: Novoselovka (RU)")
