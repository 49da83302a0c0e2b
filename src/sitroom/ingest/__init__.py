"""ingest: read reports from files, URLs and standard input; normalise their text.

The stage's output is a stream of :class:`sitroom.schema.Report` (text normalised,
publication date found) and :class:`IngestFailure` (one line saying what was wrong).
DOCS: docs/ingest.md
"""

from .dateline import parse_dateline
from .detect import detect_language
from .normalize import normalize_text
from .readers import IngestFailure, read_inputs, report_from_text

__all__ = [
    "IngestFailure",
    "detect_language",
    "normalize_text",
    "parse_dateline",
    "read_inputs",
    "report_from_text",
]
