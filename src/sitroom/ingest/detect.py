"""Recognise bad input: binary data, unknown encodings, text that is not English.

Each check raises :class:`sitroom.errors.IngestError` with a message that says what
is wrong; readers prefix it with the input's name.
"""

from __future__ import annotations

import codecs
import logging
import re
from functools import lru_cache
from typing import Any

from ..errors import IngestError

logger = logging.getLogger(__name__)

#: Bytes sampled for binary and encoding checks.
SAMPLE_BYTES = 64 * 1024
#: Characters sampled for language identification.
SAMPLE_CHARS = 3000

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (convert it to text first)"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_SINGLE_BYTE_PRIOR = "cp1252"  # English news that is not UTF-8 is almost always Windows-1252

# Frequent English words that are rare in other languages written in Latin script.
_ENGLISH = frozenset({
    "the", "of", "and", "to", "is", "was", "were", "are", "been", "has", "have", "had", "said",
    "says", "that", "which", "who", "with", "for", "from", "by", "at", "this", "these",
    "those", "their", "they", "them", "he", "she", "his", "her", "it", "its", "would", "will",
    "not", "but", "after", "before", "during", "where", "when", "than", "more", "people",
    "police", "two", "three", "killed",
})
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 5  # fewer words than this are too short to judge
_ENGLISH_SHARE = 0.12  # this share of frequent English words settles it without a model
_CONFIDENCE_SHORT = 0.99  # langid confidence needed to refuse a text of < 12 words
_CONFIDENCE = 0.9
_ENGLISH_LIKE = frozenset({"en", "pcm"})  # py3langid calls some English headlines Nigerian Pidgin


def binary_kind(head: bytes) -> str | None:
    """Recognise a binary file from its first bytes.

    head (bytes): the first bytes of the input (at least 16 for every signature).
    RETURNS (str | None): what it looks like ("a PNG image"), or None if it may be text.
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def decode_bytes(data: bytes) -> str:
    """Decode an input's bytes to text, refusing binary data.

    A byte-order mark decides first, then strict UTF-8, then charset-normalizer's
    best guess (with a prior for Windows-1252 when the bytes are mostly ASCII). A
    guess is logged at INFO on the ``sitroom.ingest.detect`` logger.

    data (bytes): the whole input.
    RETURNS (str): the decoded text.
    RAISES (IngestError): binary data, or bytes in no encoding we can tell.
    """
    kind = binary_kind(data[:16])
    if kind:
        raise IngestError(f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess(data)
    return _checked(text)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SAMPLE_BYTES]).best()
    sample = data[:SAMPLE_BYTES]
    if best is None:
        if b"\x00" in sample:
            raise IngestError("binary file (NUL bytes), not text")
        raise IngestError("cannot tell the text encoding; convert the file to UTF-8")
    encoding = best.encoding
    if b"\x00" in sample and not encoding.startswith(("utf_16", "utf_32")):
        raise IngestError("binary file (NUL bytes), not text")
    ascii_share = sum(b < 0x80 for b in sample) / max(len(sample), 1)
    if not encoding.startswith("utf") and ascii_share >= 0.9:
        try:
            text = data.decode(_SINGLE_BYTE_PRIOR)
        except UnicodeDecodeError:
            pass
        else:
            logger.info("not UTF-8; decoded as %s (mostly ASCII)", _SINGLE_BYTE_PRIOR)
            return text
    logger.info("not UTF-8; decoded as %s (charset-normalizer, chaos %.2f)",
                encoding, best.chaos)
    return data.decode(encoding, errors="replace")


def _checked(text: str) -> str:
    sample = text[:SAMPLE_BYTES]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE:
        raise IngestError("binary file (control characters), not text")
    return text


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Tell whether a text is English; ``None`` when it is too short to judge.

    Frequent English words settle most texts without a model; otherwise py3langid
    classifies a sample (its model loads once, on first use, in about a second).

    text (str): normalised text.
    RETURNS (str | None): "en", another ISO 639 code when confidently not English,
        or None for texts too short to judge.
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        return None
    if sum(w in _ENGLISH for w in words) / len(words) >= _ENGLISH_SHARE:
        return "en"
    lang, confidence = _identifier().classify(sample)
    if lang in _ENGLISH_LIKE:
        return "en"
    needed = _CONFIDENCE_SHORT if len(words) < 12 else _CONFIDENCE
    return lang if confidence >= needed else None


def check_english(text: str) -> None:
    """Refuse text that is confidently not English.

    text (str): normalised text.
    RAISES (IngestError): the text is in another language (the message names its code).
    """
    lang = detect_language(text)
    if lang is not None and lang != "en":
        raise IngestError(f"language {lang!r} is not supported (English only)")
