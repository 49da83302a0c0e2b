"""HTML pages: main text and metadata with trafilatura, tag stripping as a fallback."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..errors import IngestError

logger = logging.getLogger(__name__)

_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"</?(?:p|div|br|span|a|h[1-6]|article|section|table|li|ul|b|i|em)\b[^>]*>",
                  re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """What an HTML page holds: its main text and metadata.

    text (str): the main text, one paragraph per block (not yet normalised).
    title (str | None): the article's title.
    published (dt.date | None): the publication date from metadata.
    publisher (str | None): the site's name.
    url (str | None): the canonical URL, or the one the page was fetched from.
    """

    text: str
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """RETURNS (bool): whether text (its first few KB) is an HTML document or fragment."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 3


def meta_charset(data: bytes) -> str | None:
    """RETURNS (str | None): the charset a page declares in a ``<meta>`` tag, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def parse_html(markup: str, url: str | None = None) -> HtmlDocument:
    """Extract the main text and metadata of an HTML page.

    trafilatura finds the article body, title, date and site name. When it finds no
    text (fragments, malformed pages) the tags are stripped instead.

    markup (str): the decoded page.
    url (str | None): where the page came from; helps trafilatura and is the default url.
    RETURNS (HtmlDocument): the page's text and metadata.
    RAISES (IngestError): the page holds no text at all.
    """
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura and lxml fail in many ways on broken markup
        logger.info("trafilatura failed (%s); stripping tags instead", exc)
        found = None
        error: Exception | None = exc
    else:
        error = None
    meta = found.as_dict() if found is not None else {}
    text = (meta.get("text") or "").strip()
    if text:
        # trafilatura puts one block per line; blocks are paragraphs.
        text = "\n\n".join(line for line in text.split("\n") if line.strip())
    else:
        stripped = strip_tags(markup)
        text, title = stripped.text, meta.get("title") or stripped.title
        meta = {**meta, "title": title}
    if not text.strip():
        detail = f" ({error})" if error else ""
        raise IngestError(f"no text found in HTML{detail}")
    return HtmlDocument(
        text=text,
        title=_clean(meta.get("title")),
        published=_date(meta.get("date")),
        publisher=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        url=_clean(meta.get("url")) or url,
    )


def strip_tags(markup: str) -> HtmlDocument:
    """Strip tags from HTML, keeping block elements as paragraphs.

    Scripts and styles are dropped; entities are decoded.

    markup (str): HTML, possibly malformed.
    RETURNS (HtmlDocument): the text and the ``<title>``, without other metadata.
    """
    parser = _Stripper()
    parser.feed(markup)
    parser.close()
    return HtmlDocument(text=parser.text(), title=_clean("".join(parser.title)))


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        return "".join(self.parts).strip()


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
