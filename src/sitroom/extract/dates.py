"""PLACEHOLDER component sitroom_dates: writes ``doc._.dates`` (list[DateMention]). To be implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import register_extensions


@Language.factory("sitroom_dates")
def make_dates(nlp: Language, name: str) -> "DateMentionComponent":
    """Build the component."""
    return DateMentionComponent()


class DateMentionComponent:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc
