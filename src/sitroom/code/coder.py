"""Code events: ACLED/PLOVER type, actors, civilian targeting and a one-sentence note.

:func:`code_events` is the pipeline's entry point; :class:`EventCoder` holds the
classifier (which loads its weights and the embedding model on first use).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span
from spacy.util import registry

from ..schema import Actor, Event, Evidence, Plover
from .actors import assign_actors, find_mentions, interaction
from .classifier import EventTypeClassifier
from .labels import LABELS, NON_CONFLICT, LabelInfo
from .lexicon import GROUPS
from .notes import make_note
from .rules import TERRITORY, FamilyRule, guard, lead_rule, territory_rule

#: Below this probability the coder abstains (event_type stays None, with a reason).
THRESHOLD = 0.25
#: Events with fewer words than this are not typed.
MIN_WORDS = 6
#: Words of the event's opening sentences given to the classifier.
MAX_WORDS = 80
#: At most this many opening sentences are candidates per event.
MAX_SENTS = 4
#: Of those, this many (most cues first) are embedded and scored.
SENTENCES = 1
#: Sentences of the event (after the title, when given) that family rules read.
RULE_SENTS = 3
#: Least confidence reported for a label a family rule decided (hand-judged rule precision).
RULE_CONFIDENCE = 0.5


@dataclass(slots=True)
class Coding:
    """What the coder decided for one event, with its evidence.

    label (str | None): CASE label, None when abstaining. confidence (float): top probability.
    reason (str): why the label (cues) or why none. evidence (Evidence | None): the sentence.
    """

    label: str | None
    confidence: float
    reason: str
    evidence: Evidence | None = None
    info: LabelInfo | None = None
    actors: list[Actor] = field(default_factory=list)
    civilian_targeting: bool | None = None
    interaction: int | None = None
    plover_mode: str | None = None


class EventCoder:
    """Types events and finds their actors.

    threshold (float): abstain below this class probability. min_words (int): abstain on
    shorter texts. sentences (int): sentences embedded per event (cost grows linearly;
    see docs/coding.md). background (bool): also code background events (history and
    context; ~16% of events, not exported to ACLED CSV). classifier: shared classifier.
    Construction does no I/O; the model loads on the first event coded.
    """

    def __init__(self, *, threshold: float = THRESHOLD, min_words: int = MIN_WORDS,
                 sentences: int = SENTENCES, background: bool = True,
                 classifier: EventTypeClassifier | None = None) -> None:
        self.threshold = threshold
        self.min_words = min_words
        self.sentences = sentences
        self.background = background
        self.classifier = classifier or EventTypeClassifier()
        self._countries: dict[str, str | None] = {}

    def code_spans(self, spans: list[Span], *, countries: list[str | None],
                   title: str | None = None) -> list[Coding]:
        """Code one event per span.

        Of the span's opening sentences, the ``sentences`` with most distinct cues (ties:
        the earliest) are scored on their own, as the classifier was trained on one- or
        two-sentence snippets; a label's score is its best sentence's probability, and that
        sentence is the evidence. The lead (``title`` for an event that opens the report,
        then the first :data:`RULE_SENTS` sentences) is read by the family rules
        (:data:`~sitroom.code.rules.FAMILY_RULES`): when one applies, the label is the
        classifier's best within that rule's family, whatever its probability.
        spans (list[Span]): each event's text in a parsed Doc. countries: the events' countries
        if already known. title (str | None): the report's headline.
        RETURNS (list[Coding]): one decision per span.
        """
        chosen: list[list[tuple[Span, dict[str, list[str]]]]] = []
        regions: list[Span] = []  # the opening sentences: where actors are looked for
        rules: list[tuple[FamilyRule, str] | None] = []
        leads: list[str] = []
        for span in spans:
            sents = _lead(span)
            regions.append(span.doc[sents[0].start:sents[-1].end])
            opens = title and not span.doc.text[:span.start_char].strip(" \n\t-—,.")
            lead_text = " ".join(s.text for s in sents[:RULE_SENTS])
            first = f"{title}. {sents[0].text}" if opens else sents[0].text
            rule = lead_rule(first, " ".join(s.text for s in sents[1:RULE_SENTS]))
            rules.append(rule)
            leads.append(lead_text)
            long = [s for s in sents if _words(s.text) >= self.min_words]
            lead = [(s, self.classifier.cues.matches(s.text)) for s in long]
            # a sentence without any cue is not scored: it saves the embedding (and the
            # classifier rarely types such text with confidence)
            lead = [(s, found) for s, found in lead if found]
            if not lead and rule and len(rule[0].labels) > 1:
                lead = [(s, {}) for s in (long or sents)[:1]]  # the rule needs a choice
            ranked = sorted(range(len(lead)), key=lambda i: (-len(lead[i][1]), i))
            chosen.append([lead[i] for i in sorted(ranked[:self.sentences])])
        # a rule with a one-label family decides alone: its event is not embedded
        decided = [rule is not None and len(rule[0].labels) == 1 for rule in rules]
        todo = [picks for picks, done in zip(chosen, decided, strict=True) if not done]
        flat = [" ".join(s.text.split()) for picks in todo for s, _ in picks]
        cue_rows = np.zeros((len(flat), len(self.classifier.cues)), dtype=np.float32)
        for i, found in enumerate(f for picks in todo for _, f in picks):
            cue_rows[i] = self.classifier.cues.vector(found)
        proba = self.classifier.proba(flat, cue_rows)
        n_classes = len(self.classifier.model.classes)
        out: list[Coding] = []
        row = 0
        for span, picks, known, rule, text, done in zip(regions, chosen, countries, rules,
                                                         leads, decided, strict=True):
            if not picks and rule is None:
                out.append(Coding(None, 0.0, f"too little text to type (no sentence of "
                                             f"{self.min_words}+ words with an event cue)"))
                continue
            if done:
                block = np.zeros((max(len(picks), 1), n_classes), dtype=np.float32)
            else:
                block = proba[row:row + len(picks)]
                row += len(picks)
            if not picks:  # a one-label rule on a lead without cue sentences
                block = np.zeros((1, len(self.classifier.model.classes)), dtype=np.float32)
                picks = [(_lead(span)[0], {})]
            out.append(self._decide(block, picks, span, known or self._country(span), rule,
                                    text))
        return out

    def _decide(self, block: np.ndarray, picks: list[tuple[Span, dict[str, list[str]]]],
                span: Span, country: str | None,
                rule: tuple[FamilyRule, str] | None = None, lead: str = "") -> Coding:
        model = self.classifier.model
        scores = block.max(axis=0)
        order = np.argsort(-scores)
        best, conf = model.classes[order[0]], float(scores[order[0]])
        sent, found = picks[int(block[:, order[0]].argmax())]
        why_rule = ""
        if rule is not None:
            family, words = rule
            why_rule = f"rule: {family.name} ({words})"
            if best not in family.labels or conf < self.threshold:
                if family.choose:
                    best = max(family.labels, key=lambda lab: scores[model.classes.index(lab)])
                else:
                    best = family.labels[0]
                mass = float(sum(scores[model.classes.index(lab)] for lab in family.labels))
                conf = max(mass, RULE_CONFIDENCE)
                sent, found = picks[int(block[:, model.classes.index(best)].argmax())]
                sent = _sentence_with(span, words.split(" + ")[0]) or sent
            else:
                why_rule += " agrees"
        evidence = Evidence(text=sent.text.strip(), start=sent.start_char, end=sent.end_char)
        if conf < self.threshold:
            runner = model.classes[order[1]]
            return Coding(None, conf, f"abstained: best {best} {conf:.2f} < {self.threshold:.2f}"
                          f" (next {runner} {float(scores[order[1]]):.2f})", evidence)
        if rule is None and lead and not guard(best, lead):
            return Coding(None, conf, f"abstained: best {best} {conf:.2f} but the lead has no "
                                      f"words of that kind", evidence)
        info = LABELS[best]
        cues = self._cues_for(best, found)
        reason = f"{best} {conf:.2f}; " + (f"{why_rule}; " if why_rule else "") + (
            f"cues: {', '.join(cues) or 'none'}")
        actors: list[Actor] = []
        if info.disorder_type != NON_CONFLICT:
            riot = info.event_type in ("Riots", "Protests")
            actors = assign_actors(find_mentions(span, country=country, riot=riot),
                                   focus=sent.start)
        label, why = territory_rule(best, actors)
        if why:  # the classifier found a territory change; the parse says who took it
            conf = float(sum(scores[model.classes.index(t)] for t in TERRITORY))
            reason = f"{label} {conf:.2f}; {why}; cues: {', '.join(cues) or 'none'}"
            info = LABELS[label]
        coding = Coding(label, conf, reason, evidence, info, actors=actors,
                        plover_mode=info.plover_mode)
        if actors:
            inter = {a.role: a.inter for a in actors if a.inter}
            coding.interaction = interaction(inter.get("actor1"), inter.get("actor2"))
            if info.disorder_type and "Political violence" in info.disorder_type:
                coding.civilian_targeting = inter.get("actor2") == 7
        if label == "ATTACK":
            coding.plover_mode = _attack_mode(span.text.lower())
        return coding

    def _cues_for(self, label: str, found: dict[str, list[str]]) -> list[str]:
        """RETURNS (list[str]): the matched cue words whose weight supports ``label``."""
        model = self.classifier.model
        row = model.coef[model.classes.index(label), -len(model.cue_names):]
        return [found[c][0] for c in found if row[model.cue_names.index(c)] > 0]

    def _country(self, span: Span) -> str | None:
        for ent in span.ents:
            if ent.label_ in ("GPE", "NORP"):
                name = self._country_name(ent.text)
                if name:
                    return name
        for token in span:
            group = GROUPS.get(token.lower_)
            if group and group.country:
                return group.country
        return None

    def _country_name(self, text: str) -> str | None:
        if text not in self._countries:
            import pycountry

            try:
                found: Any = pycountry.countries.lookup(text)
                self._countries[text] = getattr(found, "common_name", None) or found.name
            except LookupError:
                self._countries[text] = None
        return self._countries[text]


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalpha() for ch in w))


def _lead(span: Span) -> list[Span]:
    """RETURNS (list[Span]): the span's first sentences, up to :data:`MAX_WORDS` words."""
    sents, words = [], 0
    for sent in span.sents:
        sents.append(sent)
        words += _words(sent.text)
        if words >= MAX_WORDS or len(sents) >= MAX_SENTS:
            break
    return sents or [span]


def _sentence_with(span: Span, words: str) -> Span | None:
    """RETURNS (Span | None): the span's first sentence containing ``words`` (any case)."""
    for sent in _lead(span)[:RULE_SENTS]:
        if words in " ".join(sent.text.lower().split()):
            return sent
    return None


def _attack_mode(text: str) -> str | None:
    if any(w in text for w in ("shot", "gun", "rifle", "opened fire")):
        return "firearms"
    if any(w in text for w in ("stab", "machete", "knife", "hacked", "beat", "stone")):
        return "primitive"
    return None


def apply_coding(event: Event, coding: Coding, location: str | None) -> None:
    """Write a :class:`Coding` onto an Event."""
    info = coding.info
    event.event_type = info.event_type if info else None
    event.sub_event_type = info.sub_event_type if info else None
    event.disorder_type = info.disorder_type if info else None
    event.plover = (Plover(event_type=info.plover_type, mode=coding.plover_mode)
                    if info and info.plover_type else None)
    event.actors = coding.actors
    event.notes = make_note(event, coding.label, location)
    event.coding_confidence = round(coding.confidence, 3)
    event.coding_evidence = coding.evidence
    event.coding_reason = coding.reason
    event.civilian_targeting = coding.civilian_targeting
    event.interaction = coding.interaction


def code_events(doc: Doc, events: list[Event], *, coder: EventCoder,
                title: str | None = None) -> None:
    """Fill type, PLOVER, actors, notes (and confidence/evidence) on each event, in place.

    doc (Doc): the parsed report the events come from. events (list[Event]): its events;
    each event's ``evidence`` start/end delimit its text (the whole report when absent).
    coder (EventCoder): a coder built once per process. title (str | None): the report's
    headline, read by the family rules for the event that opens the report.
    """
    if not events:
        return
    spans = []
    for event in events:
        start, end = (event.evidence.start, event.evidence.end) if event.evidence else (
            0, len(doc.text))
        span = doc.char_span(start, end, alignment_mode="expand")
        spans.append(span if span is not None and len(span) else doc[:])
    todo = [i for i, e in enumerate(events) if coder.background or not e.background]
    countries = [events[i].location.country if events[i].location else None for i in todo]
    found = dict(zip(todo, coder.code_spans([spans[i] for i in todo], countries=countries,
                                            title=title), strict=True))
    for i, event in enumerate(events):
        coding = found.get(i) or Coding(None, 0.0, "background event: not coded "
                                                   "(EventCoder(background=True) codes it)")
        places = [p.name for p in event.places if p.name.lower() not in GROUPS]
        location = event.location.name if event.location else (places[0] if places else None)
        apply_coding(event, coding, location)


@registry.misc("sitroom.event_coder.v1")
def make_event_coder(threshold: float = THRESHOLD, min_words: int = MIN_WORDS,
                     sentences: int = SENTENCES, background: bool = True) -> EventCoder:
    """RETURNS (EventCoder): a coder (cheap to build; its model loads on first use)."""
    return EventCoder(threshold=threshold, min_words=min_words, sentences=sentences,
                      background=background)
