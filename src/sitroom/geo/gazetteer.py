"""The gazetteer: a ``Gazetteer`` protocol and its SQLite implementation.

One SQLite file holds ``places`` (GeoNames rows), ``names`` (every alias with its
folded ``key``), ``hierarchy`` (parent -> child ids), ``admin_codes`` (``KZ.17`` ->
name and id) and ``keys_fts`` (an FTS5 trigram index of distinct keys, for fuzzy
look-ups). :class:`SQLiteGazetteer` opens the file lazily, on first query.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from spacy.util import registry

from ..errors import GazetteerError
from .text import fold

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL,
    fclass TEXT, fcode TEXT, country TEXT, admin1 TEXT, admin2 TEXT,
    admin1_name TEXT, admin2_name TEXT, population INTEGER DEFAULT 0,
    point_source TEXT, source TEXT);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, alias TEXT NOT NULL, lang TEXT,
    PRIMARY KEY (key, geonameid, alias)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_geonameid ON names(geonameid);
CREATE TABLE IF NOT EXISTS hierarchy (
    parent INTEGER NOT NULL, child INTEGER NOT NULL, kind TEXT,
    PRIMARY KEY (parent, child)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS hierarchy_child ON hierarchy(child);
CREATE TABLE IF NOT EXISTS admin_codes (
    code TEXT PRIMARY KEY, name TEXT, geonameid INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keys (key TEXT PRIMARY KEY);
CREATE VIRTUAL TABLE IF NOT EXISTS keys_fts USING fts5(
    key, content='keys', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS keys_ai AFTER INSERT ON keys BEGIN
    INSERT INTO keys_fts(rowid, key) VALUES (new.rowid, new.key); END;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS imports (
    file TEXT PRIMARY KEY, size INTEGER, mtime REAL, lines INTEGER, done INTEGER);
"""

#: ``names.lang`` values of hand-kept aliases (see ``geo.aliases``).
CURATED_LANGS = frozenset({"alias", "abbr", "demonym"})
_PLACE_COLUMNS = (
    "p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, p.admin1, p.admin2, "
    "p.admin1_name, p.admin2_name, p.population"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    fclass: str
    fcode: str
    country: str
    admin1: str
    admin2: str
    admin1_name: str | None
    admin2_name: str | None
    population: int
    alias: str = ""  # the name as matched
    curated: bool = False  # matched through a hand-kept alias, demonym or abbreviation
    name_key: str = ""  # fold(name), when the gazetteer computed it

    @property
    def is_country(self) -> bool:
        """RETURNS (bool): a sovereign or dependent political entity."""
        return self.fcode.startswith("PCL") or self.fcode == "TERR"

    @property
    def admin_level(self) -> int:
        """RETURNS (int): 0 continent, 1 country, 2 ADM1, 3 ADM2, 4 anything finer."""
        if self.fcode == "CONT":
            return 0
        if self.is_country:
            return 1
        if self.fcode in ("ADM1", "ADM1H"):
            return 2
        if self.fcode in ("ADM2", "ADM2H"):
            return 3
        return 4


@runtime_checkable
class Gazetteer(Protocol):
    """What the resolver needs from a gazetteer."""

    def lookup(self, key: str) -> list[Candidate]:
        """RETURNS (list[Candidate]): entries with an alias folding exactly to ``key``."""
        ...

    def fuzzy(self, key: str, limit: int = 20) -> list[str]:
        """RETURNS (list[str]): stored keys sharing trigrams with ``key``, best first."""
        ...

    def get(self, geonameid: int) -> Candidate | None:
        """RETURNS (Candidate | None): the entry with this id."""
        ...

    def country_name(self, iso2: str) -> str | None:
        """RETURNS (str | None): the name of the country with this ISO code."""
        ...


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) a gazetteer file for writing, with its schema."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript(SCHEMA)
    return con


class SQLiteGazetteer:
    """A read-only :class:`Gazetteer` over one SQLite file; opened on first use.

    path (Path): the gazetteer file, as written by ``sitroom gazetteer build``.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._countries: dict[str, str | None] = {}

    def __getstate__(self) -> dict:
        return {"path": self.path}  # connections stay behind (Dask, multiprocessing)

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    def exists(self) -> bool:
        """RETURNS (bool): whether the file has been built."""
        return self.path.is_file() and self.path.stat().st_size > 0

    @property
    def con(self) -> sqlite3.Connection:
        """The connection of this thread (opened lazily, read-only)."""
        con = getattr(self._local, "con", None)
        if con is None:
            if not self.exists():
                raise GazetteerError(
                    f"gazetteer not built: run `sitroom gazetteer build` (expected {self.path})"
                )
            try:
                con = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
                )
                con.execute("SELECT 1 FROM places LIMIT 1")
            except sqlite3.DatabaseError as exc:
                raise GazetteerError(f"gazetteer {self.path} is unreadable: {exc}") from exc
            self._local.con = con
        return con

    def lookup(self, key: str) -> list[Candidate]:
        """RETURNS (list[Candidate]): entries with an alias folding to ``key``, one per id."""
        rows = self.con.execute(
            f"SELECT {_PLACE_COLUMNS}, n.alias, n.lang FROM names n "
            "JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ?",
            (key,),
        ).fetchall()
        seen: dict[int, Candidate] = {}
        for row in rows:
            curated = row[13] in CURATED_LANGS
            if row[0] not in seen or (curated and not seen[row[0]].curated):
                seen[row[0]] = _candidate(row, curated)
        return list(seen.values())

    def fuzzy(self, key: str, limit: int = 20) -> list[str]:
        """Stored keys that share every trigram of the first or of the second half of
        ``key`` (one typo leaves one half intact), best FTS5 rank first.

        RETURNS (list[str]): up to ``limit`` keys.
        """
        mid = len(key) // 2
        halves = [key[: mid + 1], key[mid:]]
        clauses = []
        for half in halves:
            grams = sorted({half[i : i + 3] for i in range(len(half) - 2)} - {""})
            grams = [g for g in grams if '"' not in g]
            if grams:
                clauses.append("(" + " AND ".join(f'"{g}"' for g in grams) + ")")
        if not clauses:
            return []
        try:
            rows = self.con.execute(
                "SELECT key FROM keys_fts WHERE keys_fts MATCH ? ORDER BY rank LIMIT ?",
                (" OR ".join(clauses), limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return [r[0] for r in rows]

    def get(self, geonameid: int) -> Candidate | None:
        """RETURNS (Candidate | None): the entry with this id."""
        row = self.con.execute(
            f"SELECT {_PLACE_COLUMNS}, p.name FROM places p WHERE p.geonameid = ?",
            (geonameid,),
        ).fetchone()
        return _candidate(row) if row else None

    def country_name(self, iso2: str) -> str | None:
        """RETURNS (str | None): the name of the country with this ISO code."""
        if iso2 not in self._countries:
            row = self.con.execute(
                "SELECT name FROM places WHERE country = ? AND fcode IN ('PCLI', 'PCLD', 'PCLF',"
                " 'PCLS', 'PCLIX', 'PCL', 'TERR') ORDER BY population DESC LIMIT 1",
                (iso2,),
            ).fetchone()
            self._countries[iso2] = row[0] if row else None
        return self._countries[iso2]

    def admin_name(self, code: str) -> str | None:
        """RETURNS (str | None): the name of admin code ``KZ.17`` or ``KZ.17.1521754``."""
        row = self.con.execute("SELECT name FROM admin_codes WHERE code = ?", (code,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        """Close this thread's connection."""
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None


def _candidate(row: tuple, curated: bool = False) -> Candidate:
    return Candidate(
        geonameid=row[0],
        name=row[1],
        lat=row[2],
        lon=row[3],
        fclass=row[4] or "",
        fcode=row[5] or "",
        country=row[6] or "",
        admin1=row[7] or "",
        admin2=row[8] or "",
        admin1_name=row[9],
        admin2_name=row[10],
        population=row[11] or 0,
        alias=row[12],
        curated=curated,
        name_key=fold(row[1]),
    )


@registry.misc("sitroom.sqlite_gazetteer.v1")
def make_sqlite_gazetteer(path: str | None = None) -> SQLiteGazetteer:
    """Registry entry for the default gazetteer (config: ``@misc = "sitroom.sqlite_gazetteer.v1"``).

    path (str | None): the file; default ``Settings().data_dir / "gazetteer.sqlite"``.
    RETURNS (SQLiteGazetteer): not yet opened.
    """
    from ..config import get_settings

    return SQLiteGazetteer(Path(path) if path else get_settings().data_dir / "gazetteer.sqlite")
