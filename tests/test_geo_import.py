"""Importing GeoNames dumps: upsert, validation, resumption, zip archives."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.errors import GazetteerError
from sitroom.geo.cli import app
from sitroom.geo.geonames import Importer
from sitroom.geo.resolve import Geocoder
from test_geo_dumps import KZ, dumps, place, write


def counts(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        return (
            con.execute("SELECT count(*) FROM places").fetchone()[0],
            con.execute("SELECT count(*) FROM names").fetchone()[0],
        )
    finally:
        con.close()


def test_imported_villages_become_resolvable(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    Importer(db).run(dumps(tmp_path))
    geocoder = Geocoder(path=db)
    masanchi = geocoder.resolve_name("Masanchi").candidate
    assert masanchi is not None and masanchi.geonameid == 9000001
    assert (masanchi.country, masanchi.admin1_name, masanchi.admin2_name) == (
        "KZ",
        "Zhambyl",
        "Korday District",
    )
    assert geocoder.resolve_name("Масанчи").candidate.geonameid == 9000001  # alternate name
    assert geocoder.resolve_name("Sortobe").candidate.geonameid == 9000002
    assert geocoder.resolve_name("Kordaysky Rayon").candidate.geonameid == 1521754
    assert geocoder.resolve_name("Russian").candidate.geonameid == 2017370  # curated demonym


def test_import_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    files = dumps(tmp_path)
    Importer(db).run(files)
    first = counts(db)
    assert Importer(db).run(files, force=True)
    assert counts(db) == first
    assert set(Importer(db).run(files).values()) == {0}  # done files are skipped


def test_corrupt_file_names_the_line_and_leaves_gazetteer_intact(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    Importer(db).run(dumps(tmp_path))
    before = counts(db)
    bad = write(tmp_path, "BAD.txt", [*KZ[:3], "9000009\tNowhere\tbroken line"])
    with pytest.raises(GazetteerError, match=r"BAD\.txt: line 4: expected 19"):
        Importer(db).run([bad])
    out_of_range = write(tmp_path, "OR.txt", [place(9000010, "Far", 95.0, 0.0, "P", "PPL", "KZ")])
    with pytest.raises(GazetteerError, match="line 1: coordinates out of range"):
        Importer(db).run([out_of_range])
    assert counts(db) == before


def test_interrupted_import_resumes(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    kz = write(tmp_path, "KZ.txt", KZ)

    def stop(label: str, done: int, total: int) -> None:
        if label == "KZ.txt" and 0 < done < total:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Importer(db, batch_size=3).run([kz], progress=stop)
    assert counts(db)[0] == 3  # the first batch was committed
    written = Importer(db, batch_size=3).run([kz])
    assert written == {"KZ.txt": len(KZ) - 3}
    assert counts(db)[0] == len(KZ)


def test_zip_archives_and_truncated_zip(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    archive = tmp_path / "KZ.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("KZ.txt", "\n".join(KZ) + "\n")
        zf.writestr("readme.txt", "not data")
    Importer(db).run([archive])
    assert counts(db)[0] == len(KZ)
    partial = tmp_path / "partial.zip"
    partial.write_bytes(archive.read_bytes()[:200])
    with pytest.raises(GazetteerError, match=r"partial\.zip"):
        Importer(db).run([partial])


def test_cli_import_and_error_exit(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    runner = CliRunner()
    result = runner.invoke(app, ["import-geonames", *map(str, dumps(tmp_path)), "--path", str(db)])
    assert result.exit_code == 0, result.output
    assert counts(db)[0] > 0
    bad = write(tmp_path, "ZZ.txt", ["not\ta\tplace"])
    result = runner.invoke(app, ["import-geonames", str(bad), "--path", str(db)])
    assert result.exit_code == 1
    assert "ZZ.txt: line 1" in result.output
