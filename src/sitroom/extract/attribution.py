"""PLACEHOLDER component sitroom_attribution: writes ``doc._.attributions`` (list[Attribution]). To be implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import register_extensions


@Language.factory("sitroom_attribution")
def make_attribution(nlp: Language, name: str) -> "AttributionComponent":
    """Build the component."""
    return AttributionComponent()


class AttributionComponent:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = []
        return doc
