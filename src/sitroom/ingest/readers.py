"""Readers: files, standard input and URLs in, ``Report`` or ``IngestFailure`` out.

One bad input (or one bad JSON Lines record) becomes an :class:`IngestFailure` in
the stream; the stream goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import IngestError
from ..schema import Report
from .dateline import parse_dateline
from .detect import SAMPLE_BYTES, binary_kind, check_english, decode_bytes
from .fetch import display_url, fetch_url, is_url, printable, too_large
from .html import looks_like_html, meta_charset, parse_html
from .normalize import normalize_text

STDIN = "-"
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_JSONL_TYPES = frozenset({"application/jsonl", "application/x-ndjson", "application/x-jsonlines",
                          "application/json", "application/jsonlines"})
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                 "application/gzip", "application/octet-stream")


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be read; ``str()`` is a one-line error naming it.

    source (str): the input as given (file name, URL with credentials hidden, ``<stdin>``).
    message (str): what is wrong.
    line (int | None): the line of a JSON Lines file, if the failure is one record.
    """

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


def report_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> Report:
    """Make a report from raw text: normalise it, check it, date it.

    text (str): the report's text (decoded; HTML already extracted).
    id (str | None): the report id; default a hash of the normalised text.
    title (str | None): headline.
    published (dt.date | None): publication date; default the dateline's date, if any.
    publisher (str | None): the outlet.
    url (str | None): where the report was published.
    RETURNS (Report): the report, its ``text`` normalised.
    RAISES (IngestError): the text is empty or not English.
    DOCS: docs/ingest.md#python-api
    """
    normalised = normalize_text(text)
    if not normalised:
        raise IngestError("no text (empty or whitespace only)")
    check_english(normalised)
    return Report(
        id=id or text_id(normalised),
        title=_one_line(title),
        published=published or parse_dateline(normalised),
        publisher=_one_line(publisher),
        url=url,
        language="en",
        text=normalised,
    )


def text_id(text: str) -> str:
    """RETURNS (str): a stable id for a report without one: a hash of its text."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def read_inputs(
    sources: Iterable[str],
    *,
    published: dt.date | None = None,
    max_bytes: int,
    timeout: float = 20.0,
    stdin: BinaryIO | None = None,
) -> Iterator[Report | IngestFailure]:
    """Read reports from files, URLs and standard input, streaming.

    A source is ``-`` (standard input), an ``http(s)://`` URL, or a path: ``.jsonl``
    (one report per line), ``.html``/``.htm``, or text (``.txt`` or any other name;
    HTML and JSON Lines are recognised by their content).

    sources (Iterable[str]): the inputs, in order.
    published (dt.date | None): publication date given by the user; it overrides
        dates from metadata and datelines.
    max_bytes (int): refuse inputs larger than this (for JSON Lines: each line).
    timeout (float): seconds allowed for each URL download.
    stdin (BinaryIO | None): where ``-`` reads from; default ``sys.stdin.buffer``.
    YIELDS (Report | IngestFailure): one report per document, or why one failed.
    DOCS: docs/ingest.md
    """
    for source in sources:
        reader = _Reader(source, published, max_bytes, timeout, stdin)
        try:
            yield from reader.read()
        except IngestError as exc:
            yield IngestFailure(reader.name, str(exc))
        except OSError as exc:  # a file vanished or a device failed mid-read
            yield IngestFailure(reader.name, f"cannot read ({exc.strerror or exc})")


class _Reader:
    """Reads one source; raises IngestError for a failure of the whole source."""

    def __init__(self, source: str, published: dt.date | None, max_bytes: int,
                 timeout: float, stdin: BinaryIO | None) -> None:
        self.source = source
        self.published = published
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.stdin = stdin
        self.is_url = source != STDIN and is_url(source)  # unless a file has that name
        self.stem: str | None = None  # names JSON Lines records without an id
        if source == STDIN:
            self.name = "<stdin>"
        elif self.is_url:
            self.name = display_url(source)
        else:
            self.name = printable(source)
            self.stem = Path(source).stem or None

    def read(self) -> Iterator[Report | IngestFailure]:
        if self.source == STDIN:
            stream = self.stdin if self.stdin is not None else sys.stdin.buffer
            data = stream.read(self.max_bytes + 1)
            yield from self._document(self._capped(data), id=None, kind=None)
        elif self.is_url and not _is_file(self.source):
            yield from self._url()
        else:
            yield from self._file(Path(self.source))

    def _capped(self, data: bytes) -> bytes:
        if len(data) > self.max_bytes:
            raise IngestError(too_large(None, self.max_bytes))
        return data

    def _url(self) -> Iterator[Report | IngestFailure]:
        fetched = fetch_url(self.source, max_bytes=self.max_bytes, timeout=self.timeout)
        kind: str | None = None
        if fetched.content_type in _HTML_TYPES:
            kind = "html"
        elif fetched.content_type in _JSONL_TYPES:
            kind = "jsonl"
        elif fetched.content_type == "text/plain":
            kind = "text"
        elif fetched.content_type and fetched.content_type.startswith(_BINARY_TYPES):
            raise IngestError(f"content type {fetched.content_type} is not supported")
        yield from self._document(fetched.data, id=self.source, kind=kind, url=fetched.url,
                                  charset=fetched.charset)

    def _file(self, path: Path) -> Iterator[Report | IngestFailure]:
        try:
            info = path.stat()
        except FileNotFoundError:
            raise IngestError("no such file") from None
        except PermissionError:
            raise IngestError("permission denied") from None
        except ValueError:  # a NUL byte in the name
            raise IngestError("invalid file name") from None
        if stat.S_ISDIR(info.st_mode):
            raise IngestError("is a directory, not a file")
        suffix = path.suffix.lower()
        if suffix in _JSONL_SUFFIXES:
            yield from self._jsonl_file(path)
            return
        if stat.S_ISREG(info.st_mode) and info.st_size > self.max_bytes:
            raise IngestError(too_large(info.st_size, self.max_bytes))
        with path.open("rb") as handle:
            data = self._capped(handle.read(self.max_bytes + 1))
        kind = "html" if suffix in _HTML_SUFFIXES else None  # else sniffed from the content
        yield from self._document(data, id=path.stem or None, kind=kind)

    def _document(self, data: bytes, *, id: str | None, kind: str | None,
                  url: str | None = None, charset: str | None = None
                  ) -> Iterator[Report | IngestFailure]:
        if not data:
            raise IngestError("empty file")
        text = _decode(data, charset or (meta_charset(data) if kind != "text" else None))
        if kind is None:
            kind = _sniff(text)
        if kind == "jsonl":
            yield from self._jsonl((n, line) for n, line in enumerate(text.split("\n"), 1))
        elif kind == "html":
            page = parse_html(text, url=url)
            yield report_from_text(page.text, id=id, title=page.title,
                                   published=self.published or page.published,
                                   publisher=page.publisher, url=url or page.url)
        else:
            yield report_from_text(text, id=id, published=self.published, url=url)

    def _jsonl_file(self, path: Path) -> Iterator[Report | IngestFailure]:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
            kind = binary_kind(head) or ("NUL bytes" if b"\x00" in head else None)
            if kind:
                raise IngestError(f"binary file ({kind}), not text")
            handle.seek(0)
            yield from self._jsonl(_lines(handle, self.max_bytes))

    def _jsonl(self, lines: Iterable[tuple[int, str | bytes | None]]
               ) -> Iterator[Report | IngestFailure]:
        seen = False
        for number, line in lines:
            try:
                report = self._record(number, line)
            except IngestError as exc:
                seen = True
                yield IngestFailure(self.name, str(exc), line=number)
                continue
            if report is not None:
                seen = True
                yield report
        if not seen:
            raise IngestError("no records (empty JSON Lines file)")

    def _record(self, number: int, line: str | bytes | None) -> Report | None:
        if line is None:
            raise IngestError(too_large(None, self.max_bytes))
        if isinstance(line, bytes):
            line = _decode(line.removeprefix(b"\xef\xbb\xbf"), None) if line.strip() else ""
        line = line.lstrip("\ufeff").strip()
        if not line:
            return None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(f"malformed JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise IngestError(f"not a JSON object but {type(record).__name__}")
        text = record.get("text")
        if not isinstance(text, str):
            raise IngestError("no 'text' string")
        given = record.get("id")
        rid = str(given) if isinstance(given, str | int) and str(given) else None
        return report_from_text(
            text,
            id=rid or (f"{self.stem}-{number}" if self.stem else None),
            title=_string(record.get("title")),
            published=self.published or _published(record.get("published")),
            publisher=_string(record.get("publisher")),
            url=_string(record.get("url")),
        )


def _is_file(source: str) -> bool:
    try:
        return Path(source).exists()
    except (OSError, ValueError):
        return False


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Read a file's lines, none longer than max_bytes; an overlong line yields None."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the line
                line = handle.readline(1 << 20)
            yield number, None
        else:
            yield number, line


def _decode(data: bytes, charset: str | None) -> str:
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: detect it instead
    return decode_bytes(data)


def _sniff(text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            record = None
        if isinstance(record, dict) and "text" in record:
            return "jsonl"
    return "html" if looks_like_html(head) else "text"


def _published(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
        found = parse_dateline(value)
        if found is not None:
            return found
    raise IngestError(f"'published' is not a date ({str(value)[:40]!r}); use YYYY-MM-DD")


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalize_text(value).split())
    return value or None
