"""Name folding: one lookup key for the many spellings of a place name.

``fold`` lowercases, strips diacritics and punctuation, transliterates Cyrillic and
merges common romanisation variants (Dzh/Zh/J, ai/ay, -skiy/-sky/-ski), so that
"Zhambyl", "Jambyl" and "Жамбыл" share a key. ``strip_admin`` drops a trailing
administrative word ("Korday District" -> "korday").
"""

from __future__ import annotations

import re
import unicodedata


def words(text: str) -> frozenset[str]:
    """RETURNS (frozenset[str]): the whitespace-separated words of ``text``."""
    return frozenset(text.split())


def _table(letters: str, romans: str) -> dict[str, str]:
    return dict(zip(letters, romans.split("|"), strict=True))


_CYRILLIC = _table(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўқғңүұһөә",
    "a|b|v|g|d|e|e|zh|z|i|y|k|l|m|n|o|p|r|s|t|u|f|kh|ts|ch|sh|shch||y||e|yu|ya|i|yi|ye|g|u|k|g|"
    "n|u|u|h|o|a",
)
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "þ": "th"})
_DROP = re.compile(r"[.'’‘`ʼʻ]")
_PUNCT = re.compile(r"[\s\-‐‑–—_,\"“”()/&:;!?]+")
# Ordered rewrites applied to the ASCII key (word-internal variants of romanisation).
_VARIANTS = (
    (re.compile(r"dzh|dj"), "j"),
    (re.compile(r"zh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(?<=[aeiou])y(?=[^aeiou]|$)"), "i"),
    (re.compile(r"(sk|ts)(?:iy|ii|yi|yy|y|i)(?=\b|$)"), r"\1"),
    (re.compile(r"(?<=\w\w)([a-z])\1(?=\w)"), r"\1"),
)
ADMIN_WORDS = words(
    "district region oblast oblys oblysy rayon raion province county governorate prefecture "
    "state territory municipality department krai kray okrug parish emirate division zone "
    "city shi sheng"
)
_ADMIN_PREFIX = re.compile(r"^(?:state|province|region|district|county|city|republic) of ")


def _translit(text: str) -> str:
    out = []
    for char in text:
        lower = char.lower()
        out.append(_CYRILLIC.get(lower, lower))
    return "".join(out)


def ascii_fold(text: str) -> str:
    """Lowercase ASCII form: diacritics removed, Cyrillic transliterated, punctuation spaced.

    text (str): a place name.
    RETURNS (str): e.g. ``"Aqtöbe oblysy" -> "aqtobe oblysy"``.
    """
    text = _translit(text).translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _PUNCT.sub(" ", _DROP.sub("", text)).strip()


def fold(text: str) -> str:
    """The lookup key of a name: :func:`ascii_fold` plus romanisation variants merged.

    RETURNS (str): the key; ``""`` for names with no Latin or Cyrillic letters.
    """
    key = ascii_fold(text)
    if not key.isascii():
        return ""
    words = []
    for word in key.split():
        before = ""
        while word != before:  # to a fixed point: one rewrite can enable another ("oyy");
            before = word  # every rewrite shortens the word or removes a "y", so this ends
            for pattern, repl in _VARIANTS:
                word = pattern.sub(repl, word)
        words.append(word)
    return " ".join(words)


def strip_admin(key: str) -> str:
    """Drop administrative words around a folded key (``"korday district" -> "korday"``).

    RETURNS (str): the shortened key, or ``key`` itself when nothing was stripped.
    """
    key = _ADMIN_PREFIX.sub("", key)
    words = key.split()
    stripped = False
    while len(words) > 1 and words[-1] in ADMIN_WORDS:
        words.pop()
        stripped = True
    if stripped and len(words[-1]) > 5 and words[-1].endswith("sk"):
        words[-1] = words[-1][:-2]  # "Kordayskiy Rayon" -> "korday"
    return " ".join(words)
