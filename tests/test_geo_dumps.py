"""Small GeoNames-format files, written by hand for the geo tests (no real dump is used)."""

from __future__ import annotations

from pathlib import Path


def place(gid, name, lat, lon, fcl, fcode, cc, a1="", a2="", pop=0, alts=""):
    """One line of a GeoNames places dump (19 tab-separated columns)."""
    cols = [
        gid,
        name,
        name,
        alts,
        lat,
        lon,
        fcl,
        fcode,
        cc,
        "",
        a1,
        a2,
        "",
        "",
        pop,
        "",
        "",
        "Asia/Almaty",
        "2024-01-01",
    ]
    return "\t".join(str(c) for c in cols)


KZ = [
    place(1522867, "Kazakhstan", 48.0, 68.0, "A", "PCLI", "KZ", "00", pop=18_000_000),
    place(
        1524444,
        "Zhambyl Region",
        44.0,
        72.0,
        "A",
        "ADM1",
        "KZ",
        "17",
        alts="Zhambyl,Jambyl,Жамбылская область",
    ),
    place(
        1521754,
        "Korday District",
        43.1,
        74.8,
        "A",
        "ADM2",
        "KZ",
        "17",
        "1521754",
        alts="Kordayskiy Rayon,Kordai",
    ),
    place(1516905, "Taraz", 42.9, 71.37, "P", "PPLA", "KZ", "17", pop=358_000),
    place(1524243, "Korday", 43.04, 74.71, "P", "PPLA2", "KZ", "17", "1521754", pop=9_800),
    place(9000001, "Masanchi", 42.93, 75.30, "P", "PPL", "KZ", "17", "1521754", pop=9_000),
    place(9000002, "Sortobe", 42.85, 75.25, "P", "PPL", "KZ", "17", "1521754", pop=8_000),
    place(1526384, "Almaty", 43.25, 76.92, "P", "PPLA", "KZ", "02", pop=2_000_000),
]
WORLD = [
    place(614540, "Georgia", 42.0, 43.5, "A", "PCLI", "GE", "00", pop=3_700_000),
    place(611717, "Tbilisi", 41.69, 44.83, "P", "PPLC", "GE", "04", pop=1_100_000),
    place(6252001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", pop=327_000_000),
    place(4197000, "Georgia", 32.75, -83.5, "A", "ADM1", "US", "GA", pop=10_000_000),
    place(4180439, "Atlanta", 33.75, -84.39, "P", "PPLA", "US", "GA", pop=500_000),
    place(4221552, "Savannah", 32.08, -81.1, "P", "PPLA2", "US", "GA", pop=147_000),
    place(2017370, "Russia", 60.0, 100.0, "A", "PCLI", "RU", "00", pop=144_000_000),
    place(1528675, "Karakemer", 42.6, 75.9, "P", "PPL", "KG", "02", pop=900),
    place(1527534, "Kyrgyzstan", 41.5, 75.0, "A", "PCLI", "KG", "00", pop=6_000_000),
]
ADMIN1 = [
    "KZ.17\tZhambyl\tZhambyl\t1524444",
    "US.GA\tGeorgia\tGeorgia\t4197000",
    "KZ.02\tAlmaty\tAlmaty\t1537162",
]
ADMIN2 = ["KZ.17.1521754\tKorday District\tKorday District\t1521754"]
ALTERNATES = [
    "1\t9000001\tru\tМасанчи\t\t\t\t\t\t",
    "2\t9000002\tlink\thttps://x.test/Sortobe\t\t\t\t\t\t",
]


def write(folder: Path, name: str, lines: list[str]) -> Path:
    """Write lines to ``folder/name`` and return the path."""
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dumps(folder: Path) -> list[Path]:
    """The full fixture set: admin codes, KZ.txt, a world file, alternate names."""
    return [
        write(folder, "admin1CodesASCII.txt", ADMIN1),
        write(folder, "admin2Codes.txt", ADMIN2),
        write(folder, "KZ.txt", KZ),
        write(folder, "XX.txt", WORLD),
        write(folder, "alternateNamesV2.txt", ALTERNATES),
    ]


def test_fixture_files_are_valid_geonames_format(tmp_path: Path) -> None:
    from sitroom.geo.geonames import _lines, sources

    found = sources(dumps(tmp_path))
    assert [s.kind for s in found] == ["admin1", "admin2", "places", "places", "alternates"]
    assert sum(1 for s in found for _ in _lines(s)) == len(
        ADMIN1 + ADMIN2 + KZ + WORLD + ALTERNATES
    )
