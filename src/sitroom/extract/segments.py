"""Component ``sitroom_segments``: split a report into the incidents it tells.

Sentence-level and cheap. The lead (first sentences) fixes the main event's date;
every later sentence is then labelled by its own dates and cue phrases:

* a date close to or after the main date → the main event;
* only dates well before it (another year, more than ``background_gap_days`` earlier),
  or a cue ("last year", "in a similar attack", "previously", "so far this year",
  "the third shooting this month") → a background incident (``background=True``);
* "in a separate attack", "elsewhere" → another news event of the report;
* no cue → the sentence continues the current incident; a background incident only
  continues through sentences that point back to it (past perfect, "that attack",
  a leading pronoun), in the same paragraph, else the text returns to the main event.

All main-event sentences form one segment. Each figure of ``doc._.figures`` lands in
exactly one segment (the one its sentence belongs to). Rules and defaults are
documented in ``docs/dates_and_events.md``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..nlp import register_extensions
from .mentions import DateMention, FigureMention, Segment, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_INCIDENT = (r"(?:incident|attack|shooting|killing|homicide|murder|clash|clashes|bombing|"
             r"blast|explosion|raid|ambush|riot|protest|case|violence|massacre|fire|flood|"
             r"earthquake|storm|strike|airstrike)")
_ORDINAL = (r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            r"\d+(?:st|nd|rd|th))")
INCIDENT = re.compile(rf"\b{_INCIDENT}s?\b|\b(?:killed|died|dead|wounded|injured|shot|stabbed|"
                      r"attacked|arrested|fled|displaced|destroyed)\b", re.IGNORECASE)
BACKGROUND_CUE = re.compile(
    rf"\b(?:last\s+year|(?:years?|decades?)\s+ago|in\s+(?:a|an|another)\s+similar\s+{_INCIDENT}"
    rf"|similar\s+{_INCIDENT}s?\s+(?:in|last|earlier)|earlier\s+this\s+year"
    r"|previously(?!\s+(?:been\s+)?(?:charged|arrested|said|reported|identified|named|told|"
    r"announced|released|unreleased|unidentified))"
    rf"|(?:the\s+)?latest\s+in\s+a\s+(?:series|string|spate|wave|number)"
    rf"|since\s+(?:19|20)\d\d|so\s+far\s+this\s+year|this\s+year\s+alone|to\s+date\s+this"
    rf"|{_ORDINAL}\s+(?:such\s+|fatal\s+|deadly\s+|mass\s+)?{_INCIDENT}s?"
    rf"\s+(?:this|in|since|of|at|on)\b|in\s+recent\s+(?:years|months)|back\s+in)\b",
    re.IGNORECASE)
SEPARATE_CUE = re.compile(
    rf"\b(?:in\s+(?:a|an|another)\s+(?:separate|unrelated)\s+{_INCIDENT}"
    rf"|in\s+another\s+{_INCIDENT})\b|^\W*(?:separately|elsewhere|in\s+other\s+news)\b",
    re.IGNORECASE)
CONTINUE_CUE = re.compile(
    rf"^\W*(?:he|she|they|it|his|her|their|its|then|those|there)\b"
    rf"|\b(?:that|the\s+same|the\s+earlier|the\s+previous|the\s+(?:19|20)\d\d)\s+{_INCIDENT}"
    r"|\bat\s+the\s+time\b|\b(?:was|were)\s+later\b|\bothers\b",
    re.IGNORECASE)


class Kind(Enum):
    """What a sentence tells."""

    MAIN = "main"
    BACKGROUND = "background"
    SEPARATE = "separate"
    CONTINUE = "continue"


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    span: SpacySpan
    new_paragraph: bool
    dates: list[DateMention] = field(default_factory=list)


def default_main_date(published: date) -> DateMention:
    """The main event's date when the report states none: publication day, precision 2.

    RETURNS (DateMention): an empty-text mention at offset 0 (``text == ""`` marks it).
    """
    return DateMention(start=0, end=0, text="", date_start=published, date_end=published,
                       precision=2)


def main_date(lead: list[list[DateMention]], published: date | None,
              gap: int = 14) -> DateMention | None:
    """Choose the main event's date: the incident the lead tells.

    The earliest date of the lead (not after publication, not a "since 2015" period),
    narrowed to a more precise date inside it.
    "Shot on Saturday, died on Monday" → Saturday; "an arrest Monday in the Aug. 6
    shooting" → Aug. 6 (a follow-up report tells the shooting); "last month … on Feb. 20"
    → Feb. 20.
    lead (list[list[DateMention]]): the dates of each lead sentence, in text order.
    published (date | None): the publication date.
    gap (int): a later lead sentence's date more than ``gap`` days before the first
        one's is history, not the lead's incident.
    RETURNS (DateMention | None): the main date, or None when the lead has none.
    """
    usable: list[DateMention] = []
    for dates in lead:
        found = [d for d in dates if (published is None or d.date_start <= published)
                 and not d.text.lower().startswith("since")]
        if usable:  # a later sentence may refine the lead's date, not go back years
            anchor = min(usable, key=lambda d: d.date_start)
            found = [d for d in found if not is_earlier(d, anchor, gap)]
        usable.extend(found)
    if not usable:
        return None
    first = min(usable, key=lambda d: (d.date_start, d.precision, d.start))
    inside = [d for d in usable if d.precision < first.precision
              and first.date_start <= d.date_start <= first.date_end]
    return min(inside, key=lambda d: (d.precision, d.start)) if inside else first


def is_earlier(mention: DateMention, main: DateMention, gap: int) -> bool:
    """Whether ``mention`` lies well before the main event.

    RETURNS (bool): it ends more than ``gap`` days before the main date, or it is a
    month-or-vaguer period ending before a day-or-week-precise main date ("last month").
    """
    if mention.date_end < main.date_start - timedelta(days=gap):
        return True
    return mention.precision == 3 and main.precision < 3 and mention.date_end < main.date_start


def _past_perfect(span: SpacySpan) -> bool:
    return any(t.lower_ == "had" and t.dep_ == "aux" and t.head.tag_ == "VBN" for t in span)


class SegmentComponent:
    """Annotate ``doc._.segments`` from sentences, ``doc._.dates`` and ``doc._.figures``.

    lead_sentences (int): how many first sentences tell the main event (the lead).
    background_gap_days (int): a date more than this many days before the main date
        starts a background incident.
    default_date (bool): without any lead date, date the main event on the publication
        day with precision 2.
    """

    def __init__(self, *, lead_sentences: int = 2, background_gap_days: int = 14,
                 default_date: bool = True) -> None:
        register_extensions()
        self.lead_sentences = lead_sentences
        self.gap = background_gap_days
        self.default_date = default_date

    def __call__(self, doc: Doc) -> Doc:
        """RETURNS (Doc): ``doc`` with ``doc._.segments`` set."""
        doc._.segments = self.split(doc)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """YIELDS (Doc): each Doc with ``doc._.segments`` set."""
        for doc in stream:
            yield self(doc)

    def split(self, doc: Doc) -> list[Segment]:
        """Split ``doc`` into segments (main event(s) first, then background, text order).

        doc (Doc): a parsed Doc with ``doc._.dates`` and ``doc._.figures``.
        RETURNS (list[Segment]): the segments; empty for an empty text.
        """
        sentences = self._sentences(doc)
        if not sentences:
            return []
        published: date | None = doc._.published
        # The first sentence tells the main event, whatever its date ("the shooting last
        # month"); later lead sentences count unless they sound like history.
        lead = [sentences[0].dates, *(
            [d for d in s.dates if not (published and d.precision == 3
                                        and d.date_end < published - timedelta(days=self.gap))]
            for s in sentences[1: self.lead_sentences] if not BACKGROUND_CUE.search(s.span.text))]
        main = main_date(lead, published, self.gap)
        if main is None and published is not None:
            recent = [d for s in sentences for d in s.dates if d.precision <= 2
                      and published - timedelta(days=self.gap) <= d.date_start <= published
                      and not BACKGROUND_CUE.search(s.span.text)]
            if recent:
                main = recent[0]
            elif self.default_date:
                main = default_main_date(published)
        # Without any main date, the latest date told stands for "now" when telling history.
        dated = [d for s in sentences for d in s.dates]
        reference = main or (max(dated, key=lambda d: d.date_end) if dated else None)
        owners, kinds = self._assign(sentences, reference)
        return self._build(doc, sentences, owners, kinds, main, reference)

    def _sentences(self, doc: Doc) -> list[_Sentence]:
        text = doc.text
        sentences: list[_Sentence] = []
        previous_end = 0
        for span in doc.sents:
            if not span.text.strip():
                continue
            gap = text[previous_end:span.start_char]
            new_paragraph = "\n" in gap or span.text.startswith("\n")
            sentences.append(_Sentence(span.start_char, span.end_char, span, new_paragraph))
            previous_end = span.end_char
        starts = [s.start for s in sentences]
        for mention in doc._.dates or []:
            index = max(bisect_right(starts, mention.start) - 1, 0)
            sentences[index].dates.append(mention)
        return sentences

    def _kind(self, index: int, sentence: _Sentence, main: DateMention | None) -> Kind:
        text = sentence.span.text
        earlier = anchored = False
        for d in sentence.dates:
            if main is not None and is_earlier(d, main, self.gap):
                earlier = True
            elif d.precision <= 2:
                anchored = True
        if index == 0:
            return Kind.MAIN
        if anchored:
            return Kind.SEPARATE if SEPARATE_CUE.search(text) else Kind.MAIN
        if earlier:
            return Kind.BACKGROUND
        if BACKGROUND_CUE.search(text):
            return Kind.BACKGROUND
        if SEPARATE_CUE.search(text):
            return Kind.SEPARATE
        return Kind.CONTINUE

    def _assign(self, sentences: list[_Sentence], main: DateMention | None
                ) -> tuple[list[int], dict[int, Kind]]:
        """Label sentences with incident groups.

        RETURNS (tuple[list[int], dict[int, Kind]]): per sentence its group (0 = the main
        event), and each group's kind (MAIN, SEPARATE or BACKGROUND).
        """
        owners: list[int] = []
        kinds: dict[int, Kind] = {0: Kind.MAIN}
        current = 0
        for index, sentence in enumerate(sentences):
            kind = self._kind(index, sentence, main)
            if kind is Kind.CONTINUE and kinds[current] is not Kind.MAIN:
                stays = not sentence.new_paragraph and (
                    kinds[current] is Kind.SEPARATE
                    or CONTINUE_CUE.search(sentence.span.text) is not None
                    or _past_perfect(sentence.span))
                kind = Kind.CONTINUE if stays else Kind.MAIN
            if kind is Kind.MAIN:
                current = 0
            elif kind is not Kind.CONTINUE:
                current = len(kinds)
                kinds[current] = kind
            owners.append(current)
        return owners, kinds

    def _build(self, doc: Doc, sentences: list[_Sentence], owners: list[int],
               kinds: dict[int, Kind], main: DateMention | None,
               reference: DateMention | None) -> list[Segment]:
        members: dict[int, list[_Sentence]] = {}
        for sentence, owner in zip(sentences, owners, strict=True):
            members.setdefault(owner, []).append(sentence)
        starts = [s.start for s in sentences]

        def owner_of(offset: int) -> int:
            return owners[max(bisect_right(starts, offset) - 1, 0)]

        figures: dict[int, list[FigureMention]] = {}
        for figure in doc._.figures or []:
            figures.setdefault(owner_of(figure.start), []).append(figure)
        places: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                places.setdefault(owner_of(ent.start_char), []).append(
                    Span(ent.start_char, ent.end_char, ent.text))
        segments: list[Segment] = []
        for owner, group in sorted(members.items()):
            dates = [d for s in group for d in s.dates]
            background = kinds[owner] is Kind.BACKGROUND
            if owner == 0 or not background:
                head = main if owner == 0 else (dates[0] if dates else main)
                dates = [d for d in dates if d is not head and (
                    reference is None or not is_earlier(d, reference, self.gap))]
                dates = [head, *dates] if head is not None else dates
            if background and not figures.get(owner) and not (dates and any(
                    INCIDENT.search(s.span.text) for s in group)):
                continue  # a passing mention of history, not an incident: nothing to record
            segments.append(Segment(start=group[0].start, end=group[-1].end,
                                    background=background, figures=figures.get(owner, []),
                                    dates=dates, places=places.get(owner, [])))
        return segments  # group 0 (the first sentence's, the main event) comes first


@Language.factory(
    "sitroom_segments",
    assigns=["doc._.segments"],
    default_config={"lead_sentences": 2, "background_gap_days": 14, "default_date": True},
)
def make_segments(nlp: Language, name: str, *, lead_sentences: int, background_gap_days: int,
                  default_date: bool) -> SegmentComponent:
    """Build the ``sitroom_segments`` component (runs last).

    lead_sentences (int): first sentences that tell the main event.
    background_gap_days (int): how far before the main date a date starts background.
    default_date (bool): date an undated main event on the publication day (precision 2).
    RETURNS (SegmentComponent): writes ``doc._.segments`` (list[Segment]).
    """
    return SegmentComponent(lead_sentences=lead_sentences,
                            background_gap_days=background_gap_days, default_date=default_date)
