"""Text normalisation: the one text that every character offset indexes.

``normalize_text`` is deterministic, idempotent and linear in the input length. The
rules, in order (docs/ingest.md#normalisation has examples):

1. Line breaks: ``\\r\\n``, ``\\r``, vertical tab, form feed, NEL and U+2028 become
   ``\\n``; U+2029 (paragraph separator) becomes ``\\n\\n``.
2. Control characters (Unicode ``Cc`` except ``\\n``; tab becomes a space), invisible
   format characters (soft hyphen, zero-width spaces and joiners, BOM, bidi marks) and
   lone surrogates are dropped.
3. Unicode NFC.
4. Quotes: curly, low-9, prime and angle quotes become ASCII ``"`` and ``'``. Dashes:
   hyphen-like characters (U+2010, U+2011, minus sign…) become ``-``; figure dash and
   en dash become ``–`` (U+2013); em dash, horizontal bar, two/three-em dashes become
   ``—`` (U+2014). Ligatures (ﬁ, ﬂ…) are spelled out. Every other whitespace
   character (no-break and typographic spaces) becomes a space.
5. HTML entities left in plain text (``&amp;``, ``&#39;``, ``&rsquo;``, double-escaped
   ``&amp;quot;``) are decoded, only when they end in ``;``; decoded characters go
   through steps 2-4 (a decoded line break becomes a space); entities nested more than
   8 deep stay encoded.
6. Between two digits, ``—`` becomes ``–``: ``10—12`` → ``10–12``; the ASCII hyphen
   stays (``2020-02-20``), so a range is ``–`` or ``-``, never ``—``.
7. Whitespace: runs of spaces collapse to one; lines are stripped; one or more blank
   lines become one paragraph break ``\\n\\n``; the text is stripped.
8. Lines broken mid-sentence (text from PDFs or hard-wrapped mail) are rejoined: when a
   line does not end with sentence punctuation (``. ! ? : ; …``, possibly followed by
   closing quotes or brackets) and the next line starts with a lowercase letter, they
   are joined with a space; a line ending in ``letter-`` is joined without the hyphen
   (``displace-`` / ``ment`` → ``displacement``). Other line breaks stay ``\\n``.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata

_ZERO_WIDTH = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufeff\uffa0\ufff9\ufffa\ufffb\ufffe\uffff"
)


def _drop_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {c: None for c in range(0x20) if c != 0x0A}
    table.update({c: None for c in range(0x7F, 0xA0)})
    table.update({ord(c): None for c in _ZERO_WIDTH})
    table.update({c: None for c in range(0xD800, 0xE000)})  # lone surrogates
    # Line breaks first (so they survive the drop), then tabs as spaces.
    table.update({0x0B: "\n", 0x0C: "\n", 0x0D: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n\n"})
    table[0x09] = " "
    return table


def _map_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for chars, repl in (
        ("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2036\u301d\u301e\u301f\uff02", '"'),
        ("\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u2035\u02bc\uff07", "'"),
        ("\u2010\u2011\u2043\u2212\ufe63\uff0d", "-"),
        ("\u2012\u2013\ufe32", "\u2013"),
        ("\u2014\u2015\u2e3a\u2e3b\ufe31\ufe58", "\u2014"),
        ("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
         "\u202f\u205f\u3000", " "),
    ):
        table.update({ord(c): repl for c in chars})
    table.update({0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl",
                  0xFB05: "st", 0xFB06: "st"})
    return table


def _char_class(table: dict[int, str | None]) -> re.Pattern[str]:
    codes = sorted(table)
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{body}]+")


def _translator(table: dict[int, str | None]):
    # str.translate visits every character; a regex finds the rare ones much faster.
    pattern = _char_class(table)

    def translate(text: str) -> str:
        return pattern.sub(lambda m: m.group().translate(table), text)

    return translate


_DROP_TABLE = _drop_table()
_drop = _translator(_DROP_TABLE)
_map = _translator(_map_table())
_CRLF = re.compile(r"\r\n")
_ENTITY = re.compile(
    r"&(?P<amps>(?:(?:amp|AMP|#0*38|#[xX]0*26);)*)(?P<ent>#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}"
    r"|[A-Za-z][A-Za-z0-9]{1,31});"
)
_DIGIT_DASH = re.compile(r"[\u2013\u2014](?=\d)")  # other dashes are mapped to these
_SPACES = re.compile(r" {2,}")
_SENTENCE_END = frozenset(".!?:;…")
_CLOSERS = "\"')]}»’”"
_MAX_ENTITY_ROUNDS = 8
_TAIL = 64


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _clean(text: str) -> str:
    return _map(_nfc(_drop(text)))


def _decode_entity(match: re.Match[str]) -> str:
    ent = match.group("ent")
    if ent[0] == "#":
        decoded = html.unescape(f"&{ent};")
    else:
        decoded = html.entities.html5.get(f"{ent};", f"&{ent};")
    # A decoded character is cleaned like a literal one; whitespace becomes a space.
    return _clean(decoded).replace("\n", " ")


def _decode_entities(text: str) -> str:
    # Decoding can expose a new entity ("&a&#109;p;" -> "&amp;"); repeat until none is
    # left. Each round shortens the text; nesting deeper than the cap is left as is.
    changed = False
    for _ in range(_MAX_ENTITY_ROUNDS):
        decoded = _ENTITY.sub(_decode_entity, text)
        if decoded == text:
            break
        text, changed = decoded, True
    return _nfc(text) if changed else text  # a decoded combining mark composes


def _range_dash(match: re.Match[str]) -> str:
    start = match.start()
    return "\u2013" if start and match.string[start - 1].isdecimal() else match.group()


def _ends_sentence(tail: str) -> bool:
    stripped = tail.rstrip(_CLOSERS)
    return not stripped or stripped[-1] in _SENTENCE_END


def _paragraphs(text: str) -> str:
    paragraphs: list[str] = []
    lines: list[str] = []  # finished lines of the current paragraph
    parts: list[str] = []  # pieces of the line being built
    tail = ""  # the end of the line being built, for the join test

    def end_line() -> None:
        if parts:
            lines.append("".join(parts))
            parts.clear()

    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip(" ")
        if not line:
            end_line()
            if lines:
                paragraphs.append("\n".join(lines))
                lines.clear()
            continue
        if parts and line[0].islower() and not _ends_sentence(tail):
            # "displace-" + "ment": drop the hyphen (never next to "&", which could
            # forge an HTML entity).
            if tail[-1] == "-" and len(tail) >= 2 and tail[-2].isalpha() and "&" not in tail:
                parts[-1] = parts[-1][:-1]
                tail = tail[:-1] + line
            else:
                parts.append(" ")
                tail = tail + " " + line
            parts.append(line)
            tail = tail[-_TAIL:]
        else:
            end_line()
            parts.append(line)
            tail = line[-_TAIL:]
    end_line()
    if lines:
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def normalize_text(raw: str) -> str:
    """Normalise a report's text; every character offset indexes the result.

    raw (str): text as read (decoded, HTML already stripped).
    RETURNS (str): the normalised text; ``normalize_text`` of it is itself.
    DOCS: docs/ingest.md#normalisation
    """
    text = _clean(_CRLF.sub("\n", raw))
    if "&" in text:
        text = _decode_entities(text)
    text = _DIGIT_DASH.sub(_range_dash, text)
    text = _paragraphs(text)
    return _nfc(text)  # a join can meet a combining mark
