"""Writing to a gazetteer file: batched upserts shared by ``build`` and ``import``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .text import fold, strip_admin

PLACE_FIELDS = (
    "geonameid",
    "name",
    "lat",
    "lon",
    "fclass",
    "fcode",
    "country",
    "admin1",
    "admin2",
    "admin1_name",
    "admin2_name",
    "population",
    "point_source",
    "source",
)
_UPSERT = (
    f"INSERT INTO places ({', '.join(PLACE_FIELDS)}) VALUES ({', '.join('?' * len(PLACE_FIELDS))}) "
    "ON CONFLICT(geonameid) DO UPDATE SET "
    + ", ".join(
        f"{f} = max(places.{f}, excluded.{f})"
        if f == "population"
        else f"{f} = coalesce(excluded.{f}, places.{f})"
        for f in PLACE_FIELDS[1:]
    )
)


def upsert_places(con: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """Insert or update places, each a tuple in :data:`PLACE_FIELDS` order.

    An update keeps the larger population and any admin name the new row lacks.
    """
    con.executemany(_UPSERT, rows)


def name_rows(
    geonameid: int, alias: str, lang: str | None, admin: bool, key: str | None = None
) -> list[tuple]:
    """RETURNS (list[tuple]): ``(key, geonameid, alias, lang)`` rows for one alias.

    Admin units also get their key without administrative words ("Korday District").
    ``key`` is ``fold(alias)`` when the caller has it already.
    """
    key = fold(alias) if key is None else key
    if not key:
        return []
    rows = [(key, geonameid, alias, lang)]
    if admin:
        short = strip_admin(key)
        if short != key and len(short) > 2:
            rows.append((short, geonameid, alias, lang))
    return rows


def add_names(con: sqlite3.Connection, rows: list[tuple]) -> None:
    """Insert ``(key, geonameid, alias, lang)`` rows (duplicates ignored) and index new keys."""
    con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", rows)
    con.executemany("INSERT OR IGNORE INTO keys(key) VALUES (?)", {(r[0],) for r in rows})


def add_hierarchy(con: sqlite3.Connection, rows: Iterable[tuple[int, int, str]]) -> None:
    """Insert ``(parent, child, kind)`` links (duplicates ignored)."""
    con.executemany("INSERT OR IGNORE INTO hierarchy VALUES (?, ?, ?)", rows)


def set_meta(con: sqlite3.Connection, key: str, value: str) -> None:
    """Record one ``meta`` entry (build date, sources, version)."""
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
