"""PLACEHOLDER component sitroom_segments: writes ``doc._.segments`` (list[Segment]). To be implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import register_extensions


@Language.factory("sitroom_segments")
def make_segments(nlp: Language, name: str) -> "SegmentComponent":
    """Build the component."""
    return SegmentComponent()


class SegmentComponent:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.segments = []
        return doc
