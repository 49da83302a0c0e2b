"""PLACEHOLDER component sitroom_figures: writes ``doc._.figures`` (list[FigureMention]). To be implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import register_extensions


@Language.factory("sitroom_figures")
def make_figures(nlp: Language, name: str) -> "FigureMentionComponent":
    """Build the component."""
    return FigureMentionComponent()


class FigureMentionComponent:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = []
        return doc
