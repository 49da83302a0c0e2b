"""normalize_text: the text every offset indexes."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.ingest import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # quotes
        ("“Stay inside,” he said. ‘OK’ – don’t", "\"Stay inside,\" he said. 'OK' – don't"),
        ("„low“ «angle» ‹single›", "\"low\" \"angle\" 'single'"),
        # dashes: hyphens, en, em; ranges between digits become an en dash
        ("non‑binding self‐defence −5", "non-binding self-defence -5"),
        ("10—12 killed, 3‒4 hurt, 5―6 missing", "10–12 killed, 3–4 hurt, 5–6 missing"),
        ("The army — not police — fired", "The army — not police — fired"),
        ("2020-02-20 and 20–25 May", "2020-02-20 and 20–25 May"),
        # HTML entities left in plain text, also double-escaped
        ("AT&amp;T said &#39;no&#39; &quot;ok&quot; &rsquo;", "AT&T said 'no' \"ok\" '"),
        ("&amp;lt;b&amp;gt; &amp;amp; &nbsp;x", "<b> & x"),
        ("R&D; &unknown; & more", "R&D; &unknown; & more"),
        # NFC
        ("cafe\u0301 Zu\u0308rich", "café Zürich"),
        # whitespace
        ("a \t b\u00a0\u2009c   d", "a b c d"),
        ("  para one.\r\n\r\n\r\n\n  para two.  \n", "para one.\n\npara two."),
        ("one.\u2029two.", "one.\n\ntwo."),
        # broken lines are joined, hyphenated words repaired
        ("Floods forced the\ndisplace-\nment of 3,000", "Floods forced the displacement of 3,000"),
        ("Police said\nthree were killed.\nAn aide", "Police said three were killed.\nAn aide"),
        ("It ended.\nthe next day", "It ended.\nthe next day"),
        ("Headline\nBody text.", "Headline\nBody text."),
        ("anti-\nAmerican", "anti-\nAmerican"),
        ("signed on 5 -\nmore", "signed on 5 - more"),
        # control and invisible characters
        ("a\x00b\x07c\x1bd\u200be\ufeff\u00adf", "abcdef"),
        ("ﬁre ﬂood", "fire flood"),
        ("", ""),
        (" \n\t\r\n ", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_whitespace_characters_all_become_space_or_newline() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    out = normalize_text("a" + "a".join(spaces) + "a")
    assert set(out) <= {"a", " ", "\n"}


def test_large_and_pathological_inputs_finish() -> None:
    for raw in ("&amp;" * 50_000, "x-\n" * 50_000, "a\n" * 100_000, " " * 200_000, "—1" * 50_000):
        out = normalize_text(raw)
        assert normalize_text(out) == out


_FRAGMENTS = st.sampled_from([
    "&amp;", "&#38;", "&", "amp;", "lt;", "#109;", "&#x2029;", "&#10;", "&shy;", "&fllig;", "ﬂ",
    "-\n", "\n", "\n\n", "\r\n", "\r", " ", "\t", "\u00a0", "—", "–", "‒", "1", "a", "A", ".", '"',
    "’", "“", "\u0301", "e", "\x00", "\x85", "\u2028", "\u200b", "&#769;", "x-", "&am", "p;",
])
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=4)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_normalize_is_idempotent_and_clean(raw: str) -> None:
    out = normalize_text(raw)
    assert normalize_text(out) == out
    assert all(c == "\n" or unicodedata.category(c) not in {"Cc", "Cs"} for c in out)
    assert unicodedata.is_normalized("NFC", out)
    assert "\n\n\n" not in out and "  " not in out
    assert out == out.strip()
