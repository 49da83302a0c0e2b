"""Import official GeoNames dumps into the gazetteer, streaming.

Accepted files (plain ``.txt`` or a ``.zip`` holding them): a places dump
(``allCountries``, ``XX`` - 19 tab-separated columns), ``alternateNamesV2`` (or the
older ``alternateNames``), ``admin1CodesASCII.txt`` and ``admin2Codes.txt``.

Each file is first read through once to validate it: a malformed line raises
:class:`~sitroom.errors.GazetteerError` naming the file and line, before anything is
written. It is then written in batches, each its own transaction, with the number of
lines done recorded in the ``imports`` table, so an interrupted import resumes where
it stopped. Rows are upserted by GeoNames id, so importing a file twice changes
nothing. Memory stays bounded by the batch size.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from .aliases import add_curated_aliases
from .gazetteer import connect
from .store import add_hierarchy, add_names, name_rows, upsert_places

#: GeoNames alternate-name "languages" that are codes or links, not names.
SKIP_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"})
Progress = Callable[[str, int, int], None]  # (file label, units done, units total)


@dataclass(frozen=True, slots=True)
class Source:
    """One text stream to import: a file, or a member of a zip archive."""

    path: Path
    member: str | None
    kind: str  # places | alternates | admin1 | admin2
    size: int

    @property
    def label(self) -> str:
        """RETURNS (str): ``file`` or ``file:member``."""
        return f"{self.path.name}:{self.member}" if self.member else self.path.name

    @contextmanager
    def open(self) -> Iterator[io.TextIOBase]:
        """Open the stream as UTF-8 text."""
        try:
            if self.member is None:
                with self.path.open(encoding="utf-8", newline="\n") as fh:
                    yield fh
            else:
                with zipfile.ZipFile(self.path) as zf, zf.open(self.member) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        except (zipfile.BadZipFile, EOFError) as exc:
            raise GazetteerError(f"{self.label}: not a readable zip archive ({exc})") from exc


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.startswith("readme") or lower.startswith("iso-languagecodes"):
        return None
    if "alternatename" in lower:
        return "alternates"
    if lower.startswith("admin1codes"):
        return "admin1"
    if lower.startswith("admin2codes"):
        return "admin2"
    return "places"


def sources(paths: list[Path]) -> list[Source]:
    """The importable streams in ``paths``, admin codes first, alternate names last.

    RETURNS (list[Source]): one per text file or zip member.
    """
    out = []
    for path in map(Path, paths):
        if not path.is_file():
            raise GazetteerError(f"{path}: no such file")
        if path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as zf:
                    infos = zf.infolist()
            except zipfile.BadZipFile as exc:
                raise GazetteerError(f"{path.name}: not a readable zip archive ({exc})") from exc
            for info in infos:
                kind = _kind(Path(info.filename).name)
                if kind and info.filename.endswith(".txt"):
                    out.append(Source(path, info.filename, kind, info.file_size))
        else:
            kind = _kind(path.name)
            if kind:
                out.append(Source(path, None, kind, path.stat().st_size))
    order = {"admin1": 0, "admin2": 1, "places": 2, "alternates": 3}
    return sorted(out, key=lambda s: order[s.kind])


def _parse(kind: str, fields: list[str]) -> tuple:
    """Check and convert one line's fields; raises ValueError on bad input."""
    if kind == "places":
        if len(fields) != 19:
            raise ValueError(f"expected 19 tab-separated columns, found {len(fields)}")
        lat, lon = float(fields[4]), float(fields[5])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"coordinates out of range ({lat}, {lon})")
        return (
            int(fields[0]),
            fields[1],
            fields[2],
            fields[3],
            lat,
            lon,
            fields[6],
            fields[7],
            fields[8],
            fields[10],
            fields[11],
            int(fields[14] or 0),
        )
    if kind == "alternates":
        if len(fields) < 4:
            raise ValueError(f"expected at least 4 columns, found {len(fields)}")
        historic = len(fields) > 7 and fields[7] == "1"
        return int(fields[0]), int(fields[1]), fields[2], fields[3], historic
    if len(fields) != 4:
        raise ValueError(f"expected 4 tab-separated columns, found {len(fields)}")
    return fields[0], fields[1], int(fields[3])


def _lines(source: Source) -> Iterator[tuple[int, int, tuple]]:
    """YIELDS (tuple): ``(line number, characters read, parsed fields)``."""
    with source.open() as fh:
        done = 0
        try:
            for number, line in enumerate(fh, 1):
                done += len(line)
                text = line.rstrip("\n").rstrip("\r")
                if not text or text.startswith("#"):
                    continue
                try:
                    yield number, done, _parse(source.kind, text.split("\t"))
                except ValueError as exc:
                    raise GazetteerError(f"{source.label}: line {number}: {exc}") from exc
        except (zipfile.BadZipFile, EOFError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"{source.label}: unreadable after line {done}: {exc}") from exc


class Importer:
    """Stream GeoNames files into the gazetteer at ``path``.

    path (Path): the gazetteer file (created if missing).
    batch_size (int): lines per transaction (bounds memory; default 20,000).
    """

    def __init__(self, path: Path, *, batch_size: int = 20_000) -> None:
        self.path = Path(path)
        self.batch_size = batch_size

    def run(
        self, paths: list[Path], *, progress: Progress | None = None, force: bool = False
    ) -> dict[str, int]:
        """Validate then import every file. RETURNS (dict[str, int]): lines written per file.

        force (bool): re-import files already marked done (default: skip them).
        """
        todo = sources(paths)
        for source in todo:  # validate everything before writing anything
            for _number, done, _row in _lines(source):
                if progress and _number % 50_000 == 0:
                    progress(f"checking {source.label}", done, source.size)
        con = connect(self.path)
        try:
            codes = dict(con.execute("SELECT code, geonameid FROM admin_codes"))
            names = dict(con.execute("SELECT code, name FROM admin_codes"))
            written = {}
            for source in todo:
                written[source.label] = self._import(con, source, codes, names, progress, force)
            with con:
                add_curated_aliases(con)
            return written
        finally:
            con.close()

    def _import(
        self,
        con: sqlite3.Connection,
        source: Source,
        codes: dict,
        names: dict,
        progress: Progress | None,
        force: bool,
    ) -> int:
        ident = f"{source.path.resolve()}:{source.member or ''}"
        stat = source.path.stat()
        row = con.execute(
            "SELECT size, mtime, lines, done FROM imports WHERE file = ?", (ident,)
        ).fetchone()
        start = 0
        if row and row[0] == stat.st_size and row[1] == stat.st_mtime:
            if row[3] and not force:
                return 0
            start = 0 if force else row[2]
        batch: list[tuple] = []
        last = start
        for number, done, parsed in _lines(source):
            if number <= start:
                continue
            batch.append(parsed)
            last = number
            if len(batch) >= self.batch_size:
                self._write(con, source, batch, codes, names)
                self._checkpoint(con, ident, stat, last, False)
                batch = []
                if progress:
                    progress(source.label, done, source.size)
        self._write(con, source, batch, codes, names)
        self._checkpoint(con, ident, stat, last, True)
        if progress:
            progress(source.label, source.size, source.size)
        return last - start

    @staticmethod
    def _checkpoint(con, ident: str, stat, lines: int, finished: bool) -> None:
        con.execute(
            "INSERT OR REPLACE INTO imports VALUES (?, ?, ?, ?, ?)",
            (ident, stat.st_size, stat.st_mtime, lines, int(finished)),
        )
        con.commit()

    def _write(
        self, con: sqlite3.Connection, source: Source, batch: list[tuple], codes: dict, names: dict
    ) -> None:
        if not batch:
            return
        with con:
            if source.kind in ("admin1", "admin2"):
                con.executemany(
                    "INSERT OR REPLACE INTO admin_codes VALUES (?, ?, ?)",
                    [(code, name, gid) for code, name, gid in batch],
                )
                for code, name, gid in batch:
                    codes[code], names[code] = gid, name
                con.executemany(
                    "UPDATE places SET admin1_name = coalesce(admin1_name, ?) WHERE geonameid = ?",
                    [(name, gid) for _c, name, gid in batch if source.kind == "admin1"],
                )
            elif source.kind == "places":
                self._places(con, batch, codes, names)
            else:
                rows = []
                for _aid, gid, lang, alias, historic in batch:
                    if lang in SKIP_LANGS or historic:
                        continue
                    rows += name_rows(gid, alias, lang or None, False)
                known = sorted({r[1] for r in rows})
                present: set[int] = set()
                for i in range(0, len(known), 10_000):  # stay under SQLite's variable limit
                    chunk = known[i : i + 10_000]
                    marks = ",".join("?" * len(chunk))
                    present.update(
                        r[0]
                        for r in con.execute(
                            f"SELECT geonameid FROM places WHERE geonameid IN ({marks})", chunk
                        )
                    )
                rows = [r for r in rows if r[1] in present]
                add_names(con, rows)

    @staticmethod
    def _places(con: sqlite3.Connection, batch: list[tuple], codes: dict, names: dict) -> None:
        places, aliases, links = [], [], []
        for gid, name, ascii_name, alternates, lat, lon, fcl, fco, cc, a1, a2, pop in batch:
            c1, c2 = f"{cc}.{a1}", f"{cc}.{a1}.{a2}"
            places.append(
                (
                    gid,
                    name,
                    lat,
                    lon,
                    fcl,
                    fco,
                    cc,
                    a1,
                    a2,
                    names.get(c1) if a1 else None,
                    names.get(c2) if a2 else None,
                    pop,
                    "geonames",
                    "geonames-import",
                )
            )
            admin = fcl == "A"
            for alias in {name, ascii_name, *filter(None, alternates.split(","))}:
                aliases += name_rows(gid, alias, None, admin)
            parent = codes.get(c2) if a2 else None
            parent = parent or (codes.get(c1) if a1 else None)
            if parent and parent != gid:
                links.append((parent, gid, "admin"))
        upsert_places(con, places)
        add_names(con, aliases)
        add_hierarchy(con, links)
