"""ingest: readers for every input kind, and one clear failure for every kind of bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from sitroom.errors import IngestError
from sitroom.ingest import (
    IngestFailure,
    detect_language,
    parse_dateline,
    read_inputs,
    report_from_text,
)
from sitroom.schema import Report

ENGLISH = (
    "Police said three people were killed and at least 20 were injured when protesters "
    "clashed with security forces in the capital on Tuesday, officials said."
)
HTML = """<!DOCTYPE html><html><head><title>Flood displaces 3,000 | The Valley Herald</title>
<meta property="og:title" content="Flood displaces 3,000 in river valley">
<meta property="og:site_name" content="The Valley Herald">
<meta property="article:published_time" content="2021-05-04T10:00:00Z">
<link rel="canonical" href="https://herald.example/flood"></head>
<body><nav>Home | World | Sport</nav><article><h1>Flood displaces 3,000 in river valley</h1>
<p>Heavy rain caused the river to burst its banks on Monday, forcing about 3,000 people
from their homes, the regional governor said.</p>
<p>Two children drowned near the bridge, and rescue teams were still searching for a
fisherman who has been missing since the weekend.</p></article>
<footer>Copyright 2021 The Valley Herald</footer></body></html>"""
RAISE = "raise SITROOM_MAX_BYTES to read it"
ONLY_HTTP = "refused; only http and https are fetched"
SPANISH = (
    "El gobierno anunció hoy que al menos doce personas murieron en los enfrentamientos "
    "entre manifestantes y la policía en el centro de la capital, según fuentes oficiales."
)


def read(*sources: str, **options) -> list[Report | IngestFailure]:
    options.setdefault("max_bytes", 1_000_000)
    return list(read_inputs(sources, **options))


def only(items: list[Report | IngestFailure]) -> Report | IngestFailure:
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


# --- readers -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.txt", "report.story", "report"])
def test_plain_text_file(tmp_path: Path, name: str) -> None:
    report = only(read(write(tmp_path, name, ENGLISH + "\n")))
    assert isinstance(report, Report)
    assert report.id == "report"
    assert report.text == ENGLISH
    assert report.language == "en"
    assert report.published is None


def test_html_file_text_and_metadata(tmp_path: Path) -> None:
    report = only(read(write(tmp_path, "flood.html", HTML)))
    assert isinstance(report, Report)
    assert report.id == "flood"
    assert report.title == "Flood displaces 3,000 in river valley"
    assert report.published == dt.date(2021, 5, 4)
    assert report.publisher == "The Valley Herald"
    assert report.url == "https://herald.example/flood"
    assert "forcing about 3,000 people from their homes" in report.text
    assert "\n\n" in report.text  # paragraphs stay apart
    assert "Home | World" not in report.text and "Copyright" not in report.text


@pytest.mark.parametrize("name", ["page.dat", "page.htm", "saved-page.txt"])
def test_html_is_sniffed_or_known_by_extension(tmp_path: Path, name: str) -> None:
    report = only(read(write(tmp_path, name, HTML)))
    assert isinstance(report, Report) and report.title == "Flood displaces 3,000 in river valley"


def test_malformed_html_falls_back_to_stripping_tags(tmp_path: Path) -> None:
    markup = "<div><b>Police said</b> <i>two people died</i> in <p>the fire on Monday.<<</div></b>"
    report = only(read(write(tmp_path, "broken.html", markup)))
    assert isinstance(report, Report)
    assert "Police said two people died in" in report.text
    assert "<" not in report.text.replace("<<", "")


def test_html_without_text_fails(tmp_path: Path) -> None:
    failure = only(read(write(tmp_path, "empty.html", "<html><head><script>x=1</script></head>"
                                                      "<body><div></div></body></html>")))
    assert isinstance(failure, IngestFailure)
    assert str(failure).endswith("empty.html: no text found in HTML")


def test_jsonl_file(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "title": "Clashes", "published": "2020-02-20", "text": ENGLISH,
         "url": "https://news.example/a1", "publisher": "Example News", "licence": "CC BY"},
        {"id": 7, "text": "The army said that three soldiers were killed in an ambush."},
        {"text": "Officials said the fire destroyed 40 homes in the village."},
    ]
    path = write(tmp_path, "reports.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    first, second, third = read(path)
    assert isinstance(first, Report) and isinstance(second, Report) and isinstance(third, Report)
    assert (first.id, first.title, first.published) == ("a1", "Clashes", dt.date(2020, 2, 20))
    assert (first.url, first.publisher) == ("https://news.example/a1", "Example News")
    assert second.id == "7"
    assert third.id == "reports-3"


def test_jsonl_broken_line_in_the_middle_keeps_the_others(tmp_path: Path) -> None:
    content = (
        json.dumps({"id": "one", "text": ENGLISH}) + "\n"
        + '{"id": "two", "text": "Police said" "more"}\n'
        + "\n"
        + json.dumps(["not", "an", "object"]) + "\n"
        + json.dumps({"id": "no-text", "title": "x"}) + "\n"
        + json.dumps({"id": "bad-date", "text": ENGLISH, "published": "sometime"}) + "\n"
        + json.dumps({"id": "es", "text": SPANISH}) + "\n"
        + json.dumps({"id": "seven", "text": ENGLISH}) + "\n"
    )
    items = read(write(tmp_path, "reports.jsonl", content))
    assert [i.id for i in items if isinstance(i, Report)] == ["one", "seven"]
    failures = [str(i) for i in items if isinstance(i, IngestFailure)]
    prefix = str(tmp_path / "reports.jsonl")
    assert failures == [
        f"{prefix}:2: malformed JSON (Expecting ',' delimiter)",
        f"{prefix}:4: not a JSON object but list",
        f"{prefix}:5: no 'text' string",
        f"{prefix}:6: 'published' is not a date ('sometime'); use YYYY-MM-DD",
        f"{prefix}:7: language 'es' is not supported (English only)",
    ]
    assert all(isinstance(i, IngestFailure) and i.line for i in items if not isinstance(i, Report))


def test_jsonl_limit_applies_per_line(tmp_path: Path) -> None:
    small = json.dumps({"id": "small", "text": ENGLISH})
    big = json.dumps({"id": "big", "text": ENGLISH * 20})
    path = write(tmp_path, "mixed.jsonl", "\n".join([small, big, small.replace("small", "last")]))
    items = read(path, max_bytes=len(small) + 10)
    assert [i.id if isinstance(i, Report) else str(i) for i in items] == [
        "small", f"{path}:2: larger than the {len(small) + 10:,} bytes limit; {RAISE}", "last"]


def test_binary_jsonl_file_is_one_failure(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.jsonl", b"\x89PNG\r\n\x1a\n" + b"\n\x00{}\n" * 50)
    assert str(only(read(path))) == f"{path}: binary file (a PNG image), not text"


def test_stdin_text_html_and_jsonl() -> None:
    text = only(read("-", stdin=io.BytesIO(ENGLISH.encode())))
    assert isinstance(text, Report) and text.text == ENGLISH and len(text.id) == 12
    page = only(read("-", stdin=io.BytesIO(HTML.encode())))
    assert isinstance(page, Report) and page.publisher == "The Valley Herald"
    lines = (json.dumps({"id": "x", "text": ENGLISH}) + "\n{oops\n").encode()
    record, failure = read("-", stdin=io.BytesIO(lines))
    assert isinstance(record, Report) and record.id == "x"
    assert str(failure).startswith("<stdin>:2: malformed JSON")


def test_stdin_over_the_limit() -> None:
    failure = only(read("-", stdin=io.BytesIO(b"x" * 200), max_bytes=100))
    assert str(failure) == f"<stdin>: larger than the 100 bytes limit; {RAISE}"


def test_sources_keep_their_order_and_failures_do_not_stop_the_stream(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", ENGLISH)
    items = read(str(tmp_path / "missing.txt"), good, str(tmp_path), good)
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["IngestFailure", "Report", "IngestFailure", "Report"]
    assert str(items[0]) == f"{tmp_path / 'missing.txt'}: no such file"
    assert str(items[2]) == f"{tmp_path}: is a directory, not a file"


def test_unprintable_file_names_are_escaped(tmp_path: Path) -> None:
    nul, separator = only(read("a\x00b.txt")), only(read(str(tmp_path / "r\u2028.txt")))
    assert str(nul) == "a\\x00b.txt: invalid file name"
    assert str(separator) == f"{tmp_path}/r\\u2028.txt: no such file"


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  \n", "no text (empty or whitespace only)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
         "binary file (a PNG image), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
         "binary file (a PDF document (convert it to text first)), not text"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary file (gzip-compressed data), not text"),
        (bytes(range(256)) * 4, "binary file (NUL bytes), not text"),
        (b"ab\x01\x02\x03\x04\x05\x06cd\x0e\x0f\x10\x11" * 20,
         "binary file (control characters), not text"),
        (SPANISH.encode(), "language 'es' is not supported (English only)"),
        (b"Die Polizei hat am Dienstag drei Personen festgenommen, teilte ein Sprecher mit. "
         b"Es war die dritte Nacht in Folge mit Krawallen in der Stadt.",
         "language 'de' is not supported (English only)"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "gzip", "nul", "controls", "spanish", "german"],
)
def test_bad_input_gets_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path, "x.txt", content)
    failure = only(read(path))
    assert isinstance(failure, IngestFailure)
    assert str(failure) == f"{path}: {message}"
    assert "\n" not in str(failure)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig", "utf-16-le"])
def test_other_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = (
        "The café on the main square was looted during the protest, its owner said. "
        "“We lost everything,” she told reporters on Tuesday."
    )
    report = only(read(write(tmp_path, "x.txt", text.encode(encoding))))
    assert isinstance(report, Report), report
    assert "The café on the main square" in report.text
    assert '"We lost everything," she told' in report.text


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: refusing must not need to read it
        handle.truncate(3 * 2**20)
    failure = only(read(str(path), max_bytes=2**20))
    assert str(failure) == f"{path}: larger than the 1.0 MB limit (3.0 MB); {RAISE}"


@pytest.mark.parametrize(
    "text",
    [
        "Three dead",
        "Gunmen kill 7 in Kaduna",
        "Masanchi clashes: Kazakh, Dungan villagers",
        "GUNMEN KILL SEVEN IN KADUNA VILLAGE RAID",
        "BAGHDAD (AP) — A SUICIDE BOMBER KILLED AT LEAST 12 PEOPLE AT A MARKET ON TUESDAY, "
        "OFFICIALS SAID.",
        "A Houthi drone attack damages a hotel in Eilat, Israel.",
        ENGLISH,
    ],
)
def test_short_and_all_caps_english_is_accepted(text: str) -> None:
    assert detect_language(text) in {"en", None}
    assert report_from_text(text).language == "en"


def test_short_foreign_text_is_not_judged() -> None:
    assert detect_language("Hola amigos") is None


# --- URLs ----------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def do_GET(self) -> None:
        with contextlib.suppress(OSError):  # the client gave up (timeout, size limit)
            self._answer()

    def _answer(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/stream":  # no Content-Length, more than the limit
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"x" * 1024)
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", headers.get("Content-Length", str(len(body))))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _Handler.routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, HTML.encode()),
        "/plain": (200, {"Content-Type": "text/plain; charset=windows-1252"},
                   ("Police said the café owner was among " + ENGLISH).encode("cp1252")),
        "/lines": (200, {"Content-Type": "application/x-ndjson"},
                   (json.dumps({"id": "n1", "text": ENGLISH}) + "\n").encode()),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
        "/huge": (200, {"Content-Type": "text/plain", "Content-Length": "999999999"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-article": (301, {"Location": "/article"}, b""),
        "/empty": (200, {"Content-Type": "text/plain"}, b""),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html(server: str) -> None:
    report = only(read(f"{server}/article"))
    assert isinstance(report, Report)
    assert report.id == f"{server}/article"
    assert report.url == f"{server}/article"
    assert report.title == "Flood displaces 3,000 in river valley"
    assert report.published == dt.date(2021, 5, 4)


def test_url_plain_text_with_declared_charset(server: str) -> None:
    report = only(read(f"{server}/plain"))
    assert isinstance(report, Report) and report.text.startswith("Police said the café owner")


def test_url_jsonl_and_redirect(server: str) -> None:
    lines, redirected = read(f"{server}/lines", f"{server}/to-article")
    assert isinstance(lines, Report) and lines.id == "n1"
    assert isinstance(redirected, Report) and redirected.url == f"{server}/article"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/image", "content type image/png is not supported"),
        ("/huge", f"larger than the 1.0 MB limit (953.7 MB); {RAISE}"),
        ("/stream", f"larger than the 20,000 bytes limit; {RAISE}"),
        ("/to-file", f"redirect refused: URL scheme 'file:' {ONLY_HTTP}"),
        ("/empty", "empty file"),
        ("/slow", "timed out after 0.5 s"),
    ],
)
def test_url_failures(server: str, path: str, message: str) -> None:
    max_bytes = 20_000 if path == "/stream" else 2**20
    failure = only(read(f"{server}{path}", max_bytes=max_bytes, timeout=0.5))
    assert str(failure) == f"{server}{path}: {message}"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", f"URL scheme 'file:' {ONLY_HTTP}"),
        ("javascript:alert(document.cookie)", f"URL scheme 'javascript:' {ONLY_HTTP}"),
        ("data:text/html,<script>alert(1)</script>", f"URL scheme 'data:' {ONLY_HTTP}"),
        ("ftp://ftp.example.org/report.txt", f"URL scheme 'ftp:' {ONLY_HTTP}"),
        ("http:///no-host", "URL without a host refused"),
        ("http://127.0.0.1:99999/", "invalid URL (Port out of range 0-65535)"),
        ("https://example.org/a b", "URL with spaces or control characters refused"),
        ("https://example.org/\r\nHost: evil", "URL with spaces or control characters refused"),
        ("https://" + "a" * 3000 + ".org/", "URL longer than 2048 characters refused"),
        ("https://exa\u2028mple.org/", "URL with spaces or control characters refused"),
    ],
)
def test_hostile_urls_get_one_line(url: str, message: str) -> None:
    failure = only(read(url))
    assert isinstance(failure, IngestFailure)
    assert str(failure).endswith(f": {message}")
    assert "\n" not in str(failure) and "\r" not in str(failure)
    assert len(str(failure)) < 300


def test_credentials_in_urls_are_refused_and_not_echoed(server: str) -> None:
    failure = only(read(server.replace("http://", "http://admin:s3cret@") + "/article"))
    hidden = server.replace("http://", "http://***@")
    assert str(failure) == f"{hidden}/article: URL with credentials refused"
    assert "s3cret" not in str(failure)


def test_a_file_named_like_a_url_is_read_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "note:1.txt", ENGLISH)
    assert isinstance(only(read("note:1.txt")), Report)


# --- publication dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, Feb. 20, 2020 (Reuters) - Police said", dt.date(2020, 2, 20)),
        ("February 20, 2020 — Police said", dt.date(2020, 2, 20)),
        ("20 Feb 2020\nPolice said", dt.date(2020, 2, 20)),
        ("Clashes in the capital\nKABUL, Afghanistan, Thursday, Sept. 3, 2020 (AP) — x",
         dt.date(2020, 9, 3)),
        ("NAIROBI, Kenya, 3rd March 2019 (AFP) - x", dt.date(2019, 3, 3)),
        ("Posted on 2020-02-20 14:05 GMT | x", dt.date(2020, 2, 20)),
        ("Updated: February 20, 2020 at 5:40 p.m. EST\nx", dt.date(2020, 2, 20)),
        ("MOSCOW, JAN. 5, 2021 /PRNewswire/ -- x", dt.date(2021, 1, 5)),
        ("On February 20, 2020, police said", None),
        ("Police said on Feb 20, 2020 - that", None),
        ("BEIRUT, Feb. 30, 2020 - x", None),
        ("The riots of June 5, 2019 - a history", None),
        (ENGLISH, None),
    ],
)
def test_dateline(text: str, expected: dt.date | None) -> None:
    assert parse_dateline(text) == expected


def test_date_precedence(tmp_path: Path) -> None:
    dated = "MOSCOW, Jan. 5, 2021 (Reuters) - " + ENGLISH
    given = dt.date(2022, 1, 1)
    html_with_dateline = HTML.replace("<p>Heavy rain", "<p>RIVERTON, Jan. 5, 2021 — Heavy rain")
    txt = write(tmp_path, "d.txt", dated)
    page = write(tmp_path, "d.html", html_with_dateline)
    jsonl = write(tmp_path, "d.jsonl", json.dumps({"text": dated, "published": "2021-01-09"}))
    # metadata beats the dateline, the dateline is the fallback …
    assert [r.published for r in read(txt, page, jsonl)] == [
        dt.date(2021, 1, 5), dt.date(2021, 5, 4), dt.date(2021, 1, 9)]
    # … and the date the user gives beats both.
    assert [r.published for r in read(txt, page, jsonl, published=given)] == [given] * 3
    assert read(txt)[0].text.startswith("MOSCOW, Jan. 5, 2021 (Reuters) - ")  # dateline stays


# --- report_from_text ----------------------------------------------------------------------


def test_report_from_text() -> None:
    report = report_from_text("  Police said “two” died.\r\n", title=" A\n title ",
                              publisher="Wire", url="https://x.example/1")
    assert report.text == 'Police said "two" died.'
    assert report.title == "A title"
    assert report.id == report_from_text('Police said "two" died.').id  # hash of normalised text
    assert (report.publisher, report.url, report.language) == ("Wire", "https://x.example/1", "en")


@pytest.mark.parametrize("text", ["", " \n\u200b\t", SPANISH])
def test_report_from_text_refuses(text: str) -> None:
    with pytest.raises(IngestError):
        report_from_text(text)


def test_failure_str() -> None:
    assert str(IngestFailure("a.txt", "empty file")) == "a.txt: empty file"
    failure = IngestFailure("r.jsonl", "malformed JSON (x)", line=7)
    assert str(failure) == "r.jsonl:7: malformed JSON (x)"
