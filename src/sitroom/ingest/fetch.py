"""Fetch reports from http(s) URLs, refusing anything else.

Only ``http`` and ``https`` are fetched, also after redirects; URLs with credentials
(``https://user:pass@host/``), control characters or no host are refused. Downloads
stop at ``max_bytes`` and at ``timeout`` seconds in all.
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from ..errors import IngestError

#: Longest URL accepted.
MAX_URL_LENGTH = 2048
_SCHEMES = frozenset({"http", "https"})
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f]")
_CHUNK = 64 * 1024
_USER_AGENT = "sitroom/0.1 (+https://github.com/sitroom; news report reader)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded document.

    url (str): the URL it was finally fetched from (after redirects).
    data (bytes): the body, at most ``max_bytes``.
    content_type (str | None): the media type, lower case ("text/html"), if sent.
    charset (str | None): the charset named in ``Content-Type``, if any.
    """

    url: str
    data: bytes
    content_type: str | None = None
    charset: str | None = None


def is_url(source: str) -> bool:
    """RETURNS (bool): whether an input names a URL (``scheme:``) rather than a file."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:", source))  # "C:" is a drive


def display_url(url: str) -> str:
    """A URL fit for a one-line message: credentials hidden, controls escaped, shortened.

    url (str): any string given as a URL.
    RETURNS (str): the printable form.
    """
    return printable(re.sub(r"^([A-Za-z][\w+.-]*://)[^/@?#]*@", r"\1***@", url))


def printable(name: str, limit: int = 200) -> str:
    """A file name or URL fit for a one-line message.

    name (str): any string.
    limit (int): longest result; longer names are cut and end in "…".
    RETURNS (str): name with unprintable characters escaped (``\\n``, ``\\u2028``).
    """
    if not name.isprintable():
        name = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                       for c in name)
    return name if len(name) <= limit else name[: limit - 1] + "…"


def check_url(url: str) -> str:
    """Check that a URL may be fetched and make it ASCII.

    url (str): the URL as given.
    RETURNS (str): the URL to request (IDNA host, percent-encoded path, no fragment).
    RAISES (IngestError): not http(s), credentials in the URL, control characters or
        spaces, no host, a bad port, or longer than ``MAX_URL_LENGTH``.
    """
    if len(url) > MAX_URL_LENGTH:
        raise IngestError(f"URL longer than {MAX_URL_LENGTH} characters refused")
    if _UNSAFE.search(url) or not url.isprintable():
        raise IngestError("URL with spaces or control characters refused")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise IngestError(f"invalid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise IngestError(f"URL scheme {scheme + ':'!r} refused; only http and https are fetched")
    if parts.username is not None or parts.password is not None:
        raise IngestError("URL with credentials refused")
    if not parts.hostname:
        raise IngestError("URL without a host refused")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise IngestError("URL with an invalid host name refused") from exc
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return urlunsplit((scheme, netloc, path or "/", query, ""))


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most 5 redirects, each checked like the URL given."""

    max_redirections = 5

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[override]
        location = headers.get("Location") or headers.get("URI")
        if location:
            try:
                check_url(urljoin(req.full_url, location))
            except IngestError as exc:
                fp.close()
                raise IngestError(f"redirect refused: {exc}") from None
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _SafeRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch_url(url: str, *, max_bytes: int, timeout: float = 20.0) -> Fetched:
    """Download a document over http(s).

    url (str): the URL; checked with :func:`check_url`, and so is every redirect.
    max_bytes (int): refuse bodies larger than this (by ``Content-Length`` before
        reading, else while reading).
    timeout (float): seconds for the whole download.
    RETURNS (Fetched): the body and its media type.
    RAISES (IngestError): the URL is refused, the server fails or answers an error
        status, the body is too large, or the time runs out.
    """
    request = urllib.request.Request(check_url(url), headers={"User-Agent": _USER_AGENT})
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise IngestError(too_large(int(length), max_bytes))
            data = _read(response, max_bytes, deadline, timeout)
            content_type = headers.get_content_type() if headers.get("Content-Type") else None
            return Fetched(response.geturl(), data, content_type, headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise IngestError(f"HTTP {exc.code} {exc.reason}".strip()) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise IngestError(f"timed out after {timeout:g} s") from exc
        raise IngestError(f"cannot fetch ({exc.reason})") from exc
    except TimeoutError as exc:
        raise IngestError(f"timed out after {timeout:g} s") from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise IngestError(f"cannot fetch ({type(exc).__name__}: {exc})".replace("\n", " ")) from exc


def _read(response: http.client.HTTPResponse, max_bytes: int, deadline: float,
          timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(too_large(None, max_bytes))
        if time.monotonic() > deadline:
            raise IngestError(f"timed out after {timeout:g} s")


def too_large(size: int | None, max_bytes: int) -> str:
    """RETURNS (str): the message for an input over the size limit (with its size if known)."""
    actual = f" ({_mb(size)})" if size is not None else ""
    return (f"larger than the {_mb(max_bytes)} limit{actual}; "
            "raise SITROOM_MAX_BYTES to read it")


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
