"""ACLED CSV export: column set and order, one row per event, conventions."""

from __future__ import annotations

import csv
import datetime as dt
import io

from sitroom.export import ACLED_COLUMNS, COLUMNS, write_acled_csv
from sitroom.schema import (
    Actor,
    Event,
    Evidence,
    ExtractResult,
    Figure,
    Place,
    Plover,
    Report,
    Source,
)

ACLED_ORDER = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


def _figure(category: str, value: int, source: str) -> Figure:
    return Figure(category=category, value=value, low=value, high=value, term="t",
                  source=Source(name=source, kind="official"),
                  evidence=Evidence(text="…", start=0, end=1))


def _result() -> ExtractResult:
    main = Event(
        id="abc123", event_type="Riots", sub_event_type="Mob violence",
        disorder_type="Political violence", plover=Plover(event_type="ASSAULT", mode="primitive"),
        date_start=dt.date(2020, 2, 7), time_precision=1,
        location=Place(name="Masanchi", lat=42.93, lon=75.3, admin1="Zhambyl", admin2="Korday",
                       country="Kazakhstan", iso2="KZ", geo_precision=1),
        actors=[Actor(name="Rioters (Kazakhstan)", role="actor1", inter=5),
                Actor(name="Kazakh Ethnic Group", role="assoc_actor1"),
                Actor(name="Civilians (Kazakhstan)", role="actor2", inter=7),
                Actor(name="Dungan Ethnic Group", role="assoc_actor2")],
        fatalities=11,
        figures=[_figure("injured", 170, "report"), _figure("displaced", 24000, "Deputy PM"),
                 _figure("displaced", 20000, "ministry")],
        notes="In Masanchi, rioters attacked civilians.")
    history = Event(id="old", background=True, event_type="Battles")
    return ExtractResult(report=Report(id="r1", publisher="Example News"),
                         events=[main, history])


def _rows(**kwargs) -> tuple[list[str], list[dict[str, str]]]:
    fh = io.StringIO()
    write_acled_csv([_result(), ExtractResult(report=Report(id="bad"), error="E100 boom")], fh,
                    timestamp=1700000000, **kwargs)
    reader = csv.DictReader(io.StringIO(fh.getvalue()))
    return list(reader.fieldnames or []), list(reader)


def test_header_is_acled_columns_then_extras():
    header, _ = _rows()
    assert tuple(header[:len(ACLED_ORDER)]) == tuple(ACLED_ORDER) == ACLED_COLUMNS
    assert tuple(header) == COLUMNS
    assert header.index("injured") > header.index("timestamp")
    assert "displaced_source" in header


def test_row_follows_acled_conventions():
    _, rows = _rows()
    assert len(rows) == 1  # background event and failed report left out
    row = rows[0]
    assert row["event_id_cnty"] == "KAZabc123"
    assert row["iso"] == "398" and row["country"] == "Kazakhstan"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2020-02-07", "2020", "1")
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("5", "7", "57")
    assert row["assoc_actor_1"] == "Kazakh Ethnic Group"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["fatalities"] == "11" and row["timestamp"] == "1700000000"
    assert (row["displaced"], row["displaced_source"]) == ("24000", "Deputy PM")
    assert row["injured"] == "170" and row["arrested"] == ""
    assert (row["plover_event_type"], row["plover_mode"]) == ("ASSAULT", "primitive")
    assert row["source"] == "Example News"


def test_background_events_on_request():
    _, rows = _rows(include_background=True)
    assert [r["tags"] for r in rows] == ["", "background"]
    assert rows[1]["event_id_cnty"] == "XXXold" and rows[1]["fatalities"] == "0"
