"""Component ``sitroom_attribution``: who (source) says (cue) what (content).

Walks the dependency parse the spaCy model already made; no extra model. Cues are
reporting verbs (``said``, ``told``, ``announced``…, or any verb with a "that"-clause
and a named or personal subject), ``according to``, nouns of saying with an owner
("the army's claim that…"), stance adjectives ("was confident that…"), a speaker line
at the start of a line ("Mayor Jo Banda: …") and the poll a finding sits in ("In a
poll …, 40 percent …"). A verb's content is its clausal complement
(``ccomp``/``xcomp``), the clause it is a ``parataxis`` of ("…, police said.") or that
its "as"-clause modifies ("As the paper reported, …"), its object ("police reported no
arrests") or a prepositional object ("called for calm"), else a quotation right before
the cue and its subject ('"A?" she said.') or right after the cue; content that starts
or ends in a quotation is widened to the whole quotation, and a quotation right after
a post-posed cue joins it. The source is the verb's subject (inherited through
``conj``/``advcl``/``xcomp``), an inverted subject the parser took for an object, the
agent of a passive ("was reported by X"; none for "it was reported") or the object of
``according to``. "X, citing Y" makes Y the source and X the ``via`` ("citing" is also
its own attribution). Cues inside a quotation are skipped: the quoted speaker owns
them. He/she resolve to the latest named person. Writes ``doc._.attributions`` in text
order; :func:`source_for` picks the attribution that covers a claim.

DOCS: docs/attribution.md
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp import register_extensions
from ..schema import SourceKind
from .mentions import Attribution, Span
from .source_kinds import classify


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Reporting verbs (lemmas). Their content is a clausal complement, an infinitive, the
#: direct object ("police reported no arrests") or a prepositional object ("called for
#: calm"); the list keeps verbs whose attributions this component gets mostly right on
#: PolNeAR train (see docs/attribution.md), plus speech verbs common in conflict reports.
CUE_VERBS: frozenset[str] = _words(
    """say tell add ask write show suggest note argue report announce claim criticize
    criticise point endorse describe explain refer tweet accuse declare mention insist
    respond defend recall acknowledge conclude urge praise vow confirm refuse hope hop
    promise warn propose state cite question predict express denounce reveal reply echo
    dismiss assure emphasize emphasise joke reject blame applaud decline deny admit mock
    boast blast tout apologize fear demand comment complain rail assert estimate cheer
    indicate concede shout recommend portray slam deem lament decry yell disavow plead
    disclose reiterate articulate caution assail allege testify stress observe recount
    clarify remark proclaim forecast suspect agree pledge threaten contend condemn call
    believe thank wonder prefer quote list view think talk offer push oppose worry
    discuss continue read answer chant seek post charge expect"""
)  # "hop": the model's lemma of "hopes"; QUOTE_VERBS need a quotation
#: Nouns of saying or stance; a cue only with a possessive or "by" source ("the
#: ministry's statement that…", "her embrace of the plan", "claims by the army that…").
CUE_NOUNS: frozenset[str] = _words(
    """claim claims remark remarks announcement report reports warning warnings
    allegation allegations assertion estimate estimates endorsement criticism embrace
    opposition call calls promise pledge view views belief argument denial admission
    testimony account proposal praise threat vow prediction suggestion complaint reply
    tweet tweets words question questions"""
)
#: Verbs that report speech only with a quotation ("“We will win,” he continued.").
QUOTE_VERBS: frozenset[str] = _words("continue read answer chant")
#: Polls and studies, whose "found" is a cue ("a study found that …").
SURVEY_NOUNS: frozenset[str] = _words(
    "poll polls survey surveys study studies analysis report paper"
)
SURVEY_VERBS: frozenset[str] = _words("find")
#: One-word answers a "say" reports ("55 percent said yes", "she said so").
SHORT_ANSWERS: frozenset[str] = _words("yes no so sorry")
#: "In a poll …, 50 percent chose X": the poll is the source when its clause holds a
#: share of the people asked or a standing ("lead", "ahead", "points").
POLL_NOUNS: frozenset[str] = _words("poll polls survey surveys")
POLL_FIGURES: frozenset[str] = _words(
    "percent respondents voters lead leads led leading ahead trails trailed behind points"
)
#: Adjectives of stance after a copula ("was confident that", "is skeptical of").
STANCE_ADJECTIVES: frozenset[str] = _words(
    """confident sure certain convinced clear adamant optimistic pessimistic hopeful
    skeptical sceptical critical supportive opposed aware worried concerned afraid
    insistent doubtful unsure uncertain determined eager reluctant"""
)
#: Verbs with a "that"-clause that are not claims ("it means that", "make sure that").
NOT_CUES: frozenset[str] = _words("be mean make ensure seem appear happen matter require")
#: Prepositions whose object is the content when a cue has no clause or object
#: ("called for calm", "warned of reprisals", "spoke about the attack").
CONTENT_PREPS: frozenset[str] = frozenset({"for", "to", "about", "of", "on", "against"})
#: Relative and person pronouns used as sources.
RELATIVE: frozenset[str] = frozenset({"who", "which", "that"})
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
#: Dependencies through which a verb shares its head's subject ("…, adding that").
INHERIT_DEPS: frozenset[str] = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep"})
EXPLETIVES: frozenset[str] = frozenset({"it", "this", "there", "that"})
#: Honorifics and abbreviated titles kept in front of a name ("Mr. Okafor", "Gov. Lee").
HONORIFICS: frozenset[str] = _words(
    """mr mr. mrs mrs. ms ms. dr dr. miss sir dame sen. rep. gov. gen. lt. col. maj. capt.
    sgt. adm. prof. rev. pres. insp. supt."""
)
#: A speaker line ("Mayor Jo Banda: …"): the longest speaker, the entities a last word
#: may have when the tagger took it for something else, what may precede the speaker,
#: and first words that head a label, not a speaker ("Update: …", "Note: …").
SPEAKER_TOKENS: int = 8
SPEAKER_ENTS: frozenset[str] = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NOT_IN_SPEAKER: frozenset[str] = frozenset({"VERB", "AUX", "CCONJ", "INTJ", "ADV", "PRON"})
DASHES: frozenset[str] = frozenset({"-", "–", "—", "--"})
NOT_SPEAKERS: frozenset[str] = _words(
    """update updated note editor correction read watch related photo video
    q a question answer topic subject warning step part chapter by email name"""
)
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj"})
SMALL_WORDS: frozenset[str] = frozenset({"of", "for", "the", "and", "in", "on", "at", "to"})
QUOTES = ("\"", "“", "”", "«", "»", "''")
_QUOTE_MARK = re.compile(r"[“”«»\"]|''")
_OPENERS = frozenset("“«")
_CLOSERS = frozenset("”»")


@dataclass(slots=True)
class _Context:
    """One document's text (read once) and quotations, shared by the helpers."""

    doc: Doc
    text: str
    quotes: list[tuple[int, int]]
    starts: list[int]


@Language.factory(
    "sitroom_attribution",
    assigns=["doc._.attributions"],
    default_config={"max_quote_chars": 1500},
)
def make_attribution(nlp: Language, name: str, *, max_quote_chars: int) -> AttributionComponent:
    """Build the attribution component.

    nlp (Language): the pipeline (needs a parser). name (str): the component name.
    max_quote_chars (int): longest quotation the content of one cue is widened to.
    RETURNS (AttributionComponent): the component.
    """
    return AttributionComponent(max_quote_chars=max_quote_chars)


class AttributionComponent:
    """Find attributions in a parsed Doc.

    max_quote_chars (int): longest quotation the content of one cue is widened to.
    """

    def __init__(self, *, max_quote_chars: int = 1500) -> None:
        register_extensions()
        self.max_quote_chars = max_quote_chars

    def __call__(self, doc: Doc) -> Doc:
        """RETURNS (Doc): ``doc`` with ``doc._.attributions`` set."""
        doc._.attributions = find_attributions(doc, max_quote_chars=self.max_quote_chars)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """YIELDS (Doc): each Doc of ``stream`` annotated, in order."""
        for doc in stream:
            yield self(doc)


def source_for(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The innermost attribution whose content covers ``[start, end)``.

    attributions (Sequence[Attribution]): a Doc's attributions.
    start (int), end (int): character span of the claim (a figure's phrase).
    RETURNS (Attribution | None): the narrowest covering attribution, or None for the
        report's own voice.
    """
    covering = [a for a in attributions if a.content.start <= start and end <= a.content.end]
    if not covering:
        return None
    return min(covering, key=lambda a: a.content.end - a.content.start)


def quotations(text: str) -> list[tuple[int, int]]:
    """Find quotations, straight or curly, as character spans (marks included).

    A straight mark opens after whitespace or an opening bracket and closes otherwise; a
    quotation left open ends at its paragraph's end (the convention for quotes that run
    on into the next paragraph).
    text (str): the document text.
    RETURNS (list[tuple[int, int]]): ``(start, end)`` spans in text order.
    """
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text):
        start = mark.start()
        if opened is not None:
            newline = text.find("\n", opened, start)
            if newline != -1:
                found.append((opened, newline))
                opened = None
        char = mark.group()[0]
        before = text[start - 1] if start else " "
        straight_open = char not in _CLOSERS and (before.isspace() or before in "([{—-")
        opening = char in _OPENERS or straight_open
        if opening:
            opened = start
        elif opened is not None:
            found.append((opened, mark.end()))
            opened = None
    if opened is not None:
        end = text.find("\n", opened)
        found.append((opened, len(text) if end == -1 else end))
    return found


def find_attributions(doc: Doc, *, max_quote_chars: int = 1500) -> list[Attribution]:
    """Find the attributions of a parsed Doc.

    doc (Doc): a Doc with a dependency parse.
    max_quote_chars (int): longest quotation the content of one cue is widened to.
    RETURNS (list[Attribution]): attributions in order of their cue.
    """
    text = doc.text  # built from the tokens on each access: read it once
    quotes = [q for q in quotations(text) if q[1] - q[0] <= max_quote_chars]
    ctx = _Context(doc, text, quotes, [q[0] for q in quotes])
    found: list[Attribution] = []
    last_person: str | None = None
    for token in doc:
        if _quoted(token, ctx):
            continue  # speech inside a quotation belongs to the quoted speaker
        if token.lower_ == "according" and _according_to(token) is not None:
            attribution = _according(ctx, token)
        elif token.lower_ == "in" and _poll_in(token) is not None:
            attribution = _poll(ctx, token)
        elif _is_cue_verb(token):
            attribution = _verb(ctx, token)
        elif token.text == ":":
            attribution = _colon(ctx, token)
        elif token.dep_ == "acomp" and token.lower_ in STANCE_ADJECTIVES:
            attribution = _stance(ctx, token)
        elif token.pos_ == "NOUN" and token.lower_ in CUE_NOUNS:
            attribution = _noun(ctx, token)
        else:
            continue
        if attribution is None:
            continue
        if attribution.source is not None and attribution.name.lower() in PERSON_PRONOUNS:
            person = last_person or _preceding_person(doc, attribution.source.start)
            if person:
                attribution.name = person
                attribution.kind = classify(person)
        elif attribution.source is not None and _names_person(doc, attribution.source):
            last_person = attribution.name
        found.append(attribution)
    return found


def _quoted(token: Token, ctx: _Context) -> bool:
    """Whether ``token`` lies inside a quotation (quotations do not nest)."""
    at = bisect_left(ctx.starts, token.idx) - 1
    return at >= 0 and token.idx < ctx.quotes[at][1] - 1


def _names_person(doc: Doc, source: Span) -> bool:
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)


def _according_to(token: Token) -> Token | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        to = token.nbor()
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def _according(ctx: _Context, token: Token) -> Attribution | None:
    doc = ctx.doc
    pobj = _according_to(token)
    if pobj is None:
        return None
    to = pobj.head
    source_tokens = _phrase(pobj)
    skip = {token.i, to.i, *(t.i for t in source_tokens)}
    sent = token.sent
    # The content is the rest of the sentence, minus the "according to X" phrase.
    if token.i == sent.start or all(t.is_punct for t in doc[sent.start:token.i]):
        first, last = max(skip) + 1, sent.end - 1
    elif token.i > sent.start and max(skip) >= _last_word(sent).i:
        first, last = sent.start, token.i - 1
    else:
        first, last = sent.start, sent.end - 1
    tokens = [t for t in doc[first:last + 1] if t.i not in skip]
    content = _content_span(ctx, tokens)
    if content is None:
        return None
    cue = _span(doc, token.i, to.i + 1)
    return _make(doc, content, cue, source_tokens, pobj)


def _poll_in(token: Token) -> Token | None:
    """The poll of "In a Monmouth poll, 50 percent chose X", else None."""
    verb = token.head
    if token.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"} or verb.tag_ == "VBG":
        return None  # "87 percent viewing him favorably in a poll": not a finding
    if verb.dep_ in {"acl", "relcl", "advcl", "xcomp"} or verb.lemma_.lower() in {"find", "show"}:
        return None  # a clause of its own, or a poll a cue already reports
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lower_ not in POLL_NOUNS:
        return None
    subject = next(c for c in verb.children if c.dep_ in SUBJECT_DEPS)
    if token.i > subject.i and pobj.tag_ == "NNS":
        return None  # "slid in the polls": standing, not a fronted poll's finding
    return pobj


def _poll(ctx: _Context, token: Token) -> Attribution | None:
    """A poll finding: the clause the "in a poll" phrase hangs off, with a figure."""
    doc = ctx.doc
    pobj = _poll_in(token)
    if pobj is None:
        return None
    skip = {t.i for t in token.subtree}
    tokens = [t for t in token.head.subtree if t.i not in skip]
    if not any(t.lower_ in POLL_FIGURES or t.text == "%" for t in tokens):
        return None  # "in the polls" with no finding: not a reported result
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    content = _content_span(ctx, tokens)
    if content is None:
        return None
    return _make(doc, content, _span(doc, token.i, token.i + 1), _phrase(pobj), pobj)


def _verb(ctx: _Context, verb: Token) -> Attribution | None:
    doc = ctx.doc
    lemma = verb.lemma_.lower()
    if lemma == "say" and any(c.lower_ == "that" and c.dep_ in {"nsubj", "dobj"}
                              for c in verb.children):
        return None  # "That said, …", "Having said that, …"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        verb.dep_ in {"acl", "relcl"} or verb.head.lemma_.lower() in CUE_VERBS
    ):
        return None  # "declined to comment", "a chance to say": not a claim of its own
    content_tokens: list[Token] = []
    children = list(verb.children)
    head = next((c for c in children if c.dep_ in {"ccomp", "xcomp"}), None)
    if head is None and verb.dep_ in {"parataxis", "ccomp"} and verb.head.i != verb.i:
        subject = next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and (verb.dep_ == "parataxis" or verb.i > verb.head.i):
            # "Five people died, police said." / "The toll, he said, is 11.": the host
            # clause is the content.
            own = {t.i for t in verb.subtree}
            content_tokens = [t for t in verb.head.subtree if t.i not in own]
    if head is None and verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in children
    ) and any(c.dep_ == "nsubj" for c in children):
        # "As the paper reported, 40 died.": the host clause is the content
        own = {t.i for t in verb.subtree}
        content_tokens = [t for t in verb.head.subtree if t.i not in own]
    if head is None and not content_tokens:
        head = next((c for c in children if c.dep_ in {"dobj", "attr"}), None)
    if head is None and not content_tokens:
        content_tokens = _colon_content(doc, verb)
    if head is None and not content_tokens:
        prep = next((c for c in children
                     if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and c.i > verb.i), None)
        head = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) \
            if prep is not None else None
    if head is not None and head.lower_ in RELATIVE and verb.dep_ == "relcl":
        # "$2.9 billion, which Mr. Trump called a disgrace": the antecedent is the content
        content_tokens = _np_without_relcl(verb.head)
    elif head is not None:
        content_tokens = list(head.subtree)
    if not content_tokens:
        content_tokens = _preceding_quote(ctx, verb) or _following_quote(ctx, verb)
    if not content_tokens and lemma == "say":
        content_tokens = [c for c in children if c.lower_ in SHORT_ANSWERS and c.i > verb.i][:1]
    if not content_tokens:
        return None
    if lemma in QUOTE_VERBS and not _quoted_content(ctx, content_tokens):
        return None  # "continued to rise", "the sign read": speech only with a quotation
    subject = _subject(verb) or _inverted_object(verb, content_tokens) or _preceding_np(verb)
    agent = None
    if subject is None or subject.dep_ == "nsubjpass" or _is_expletive(subject):
        agent = _agent(verb)
    source_head = agent if agent is not None else (
        subject if subject is not None and subject.dep_ != "nsubjpass"
        and not _is_expletive(subject) else None)
    if source_head is not None and source_head.i in {t.i for t in content_tokens}:
        return None
    citing = _citing(verb, content_tokens)
    if citing:
        content_tokens = [t for t in content_tokens if t.i not in citing[1]]
    content = _content_span(ctx, content_tokens)
    if content is None:
        return None
    source_tokens = _phrase(source_head) if source_head is not None else []
    if source_tokens and source_tokens[-1].i > verb.i > source_tokens[0].i:
        source_tokens = [t for t in source_tokens if t.i < verb.i]  # "50 percent saying"
        while source_tokens and source_tokens[-1].is_punct:
            source_tokens.pop()
    if citing:
        source_tokens = [t for t in source_tokens if t.i not in citing[1]]
    cue = _cue_span(doc, verb)
    content = _continued_quote(ctx, content, verb)
    attribution = _make(doc, content, cue, source_tokens, source_head)
    if citing:
        original = citing[0]
        attribution.via = attribution.name
        attribution.name = _display(original, _phrase(original))
        attribution.kind = classify(attribution.name)
    if _anonymous(verb, content_tokens):
        attribution.kind = SourceKind.ANONYMOUS
    return attribution


def _quoted_content(ctx: _Context, tokens: list[Token]) -> bool:
    """Whether the content starts or ends in a quotation."""
    words = [t for t in tokens if not t.is_space and t.text not in {",", "."}]
    return bool(words) and (_quoted(words[0], ctx) or words[0].text in QUOTES
                            or words[-1].text in QUOTES)


def _preceding_quote(ctx: _Context, verb: Token) -> list[Token]:
    """'"A?" she said.': a quotation the parser left out of the cue's clause.

    RETURNS (list[Token]): the tokens of a quotation ending right before the cue and its
        subject (only a comma or dash between), or nothing.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    first = min(subject.left_edge.i, _cue_start(verb.doc, verb))
    before = ctx.doc[first].idx
    at = bisect_left(ctx.starts, before) - 1
    if at < 0:
        return []
    q_start, q_end = ctx.quotes[at]
    if q_end > before or ctx.text[q_end:before].strip(" \t,—–-"):
        return []
    return _tokens_between(ctx.doc, q_start, q_end)


def _following_quote(ctx: _Context, verb: Token) -> list[Token]:
    """'She said: "A."': a quotation the parser left out of the cue's clause.

    RETURNS (list[Token]): the tokens of a quotation opening right after the cue (only a
        comma or colon between) when the cue has a subject, or nothing.
    """
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    after = verb.idx + len(verb.text)
    at = bisect_left(ctx.starts, after)
    if at >= len(ctx.starts):
        return []
    q_start, q_end = ctx.quotes[at]
    if ctx.text[after:q_start].strip(" \t,:"):
        return []
    return _tokens_between(ctx.doc, q_start, q_end)


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _is_cue_verb(token: Token) -> bool:
    if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in CUE_VERBS:
        return True
    if token.pos_ == "VERB" and token.lemma_.lower() in SURVEY_VERBS:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.lemma_.lower() in SURVEY_NOUNS
    return token.pos_ == "VERB" and _clausal_claim(token)


def _colon(ctx: _Context, colon: Token) -> Attribution | None:
    """A headline or transcript line "Name: what they said".

    The speaker runs from the start of the line, of the sentence or after a dash
    ("Pollsters agree - Jo Li: …") to the colon: at most ``SPEAKER_TOKENS`` tokens,
    capitalised, without a verb, ending in a name or noun.
    """
    doc = ctx.doc
    if colon.i == 0 or colon.i + 1 >= len(doc):
        return None
    last = doc[colon.i - 1]
    if last.pos_ != "PROPN" and last.ent_type_ not in SPEAKER_ENTS and not (
        last.pos_ == "NOUN" and last.text[:1].isupper()  # "Poll: …", the tagger's "Sanders"
    ):
        return None
    first = colon.i - 1
    floor = max(colon.sent.start, colon.i - SPEAKER_TOKENS - 1)
    while first > floor and not doc[first - 1].is_space and doc[first - 1].text not in DASHES:
        first -= 1
    if first == floor and first > colon.sent.start:
        return None  # too long for a speaker
    words = doc[first:colon.i]
    if first > 0 and not (doc[first - 1].is_space or doc[first - 1].text in DASHES
                          or first == colon.sent.start):
        return None
    if not words[0].text[:1].isupper() or any(
        t.pos_ in NOT_IN_SPEAKER or t.text == "," for t in words
    ):
        return None
    if words[0].ent_type_ in {"DATE", "TIME"} or words[0].lower_ in NOT_SPEAKERS:
        return None
    end = ctx.text.find("\n", colon.idx)
    end = len(ctx.text) if end == -1 else end
    tokens = [t for t in doc[colon.i + 1:] if t.idx < end]
    quoted = any(t.text in QUOTES or t.text in {"‘", "'"} for t in tokens)  # "Jo: Go ‘now’"
    if not quoted and not any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return None  # a label or a subtitle ("Clinton: 547", "Iraq: A Lost War")
    content = _content_span(ctx, tokens)
    if content is None:
        return None
    return _make(doc, content, _span(doc, colon.i, colon.i + 1), list(words), words.root)


def _stance(ctx: _Context, adj: Token) -> Attribution | None:
    """A copula with a stance adjective and a clause: "the minister was confident that …"."""
    clause = next((c for c in adj.children if c.dep_ in {"ccomp", "xcomp"}), None)
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS), None)
    if clause is None and prep is not None:
        clause = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    subject = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if clause is None or subject is None or subject.lower_ in EXPLETIVES:
        return None
    content = _content_span(ctx, list(clause.subtree))
    if content is None:
        return None
    return _make(ctx.doc, content, _span(ctx.doc, adj.head.i, adj.i + 1), _phrase(subject),
                 subject)


def _clausal_claim(verb: Token) -> bool:
    """Any verb with a "that"-clause and a named or personal subject ("X made clear that")."""
    if verb.lemma_.lower() in NOT_CUES:
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or subject.lower_ in {"he", "she", "they", "we", "i", "who"}
        or subject.pos_ == "NOUN"
    )


def _noun(ctx: _Context, noun: Token) -> Attribution | None:
    """A noun cue with its owner as source: "the army's claim that 12 militants died"."""
    doc = ctx.doc
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if owner is None:
        return None
    head = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if head is None:
        prep = next((c for c in noun.children if c.dep_ == "prep"
                     and c.lower_ in CONTENT_PREPS | {"that"} and c.i > noun.i), None)
        head = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) \
            if prep is not None else None
    if head is None:
        return None
    content = _content_span(ctx, list(head.subtree))
    if content is None:
        return None
    return _make(doc, content, _span(doc, noun.i, noun.i + 1), _phrase(owner), owner)


def _continued_quote(ctx: _Context, content: Span, verb: Token) -> Span:
    """'"A," he said. "B."': the quotation after a post-posed cue goes on the content."""
    if not content.text.startswith(QUOTES) or content.end > verb.idx:
        return content
    after = verb.sent.end_char
    while after < len(ctx.text) and ctx.text[after] in " \t":
        after += 1
    at = bisect_left(ctx.starts, after)
    if at < len(ctx.starts) and ctx.starts[at] == after:
        end = ctx.quotes[at][1]
        return Span(content.start, end, ctx.text[content.start:end])
    return content


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited through ``conj``/``advcl``/``xcomp`` heads."""
    if verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not any(
        c.dep_ in {"aux", "auxpass", "nsubj"} for c in verb.children
    ):
        return None  # "Asked about it, the minister said…": the asker is not the subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and verb.head.dep_ != "dobj":
        return verb.head  # "with 50 percent saying that…"
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and current is not verb and subject.lower_ in EXPLETIVES:
            # "It was a blow, as the minister spoke, saying …": a nearer named subject
            return next((t for t in reversed(verb.doc[verb.sent.start:verb.i])
                         if t.dep_ == "nsubj" and t.lower_ not in EXPLETIVES), subject)
        if subject is not None and current is not verb and current.dep_ == "ccomp":
            # "Jo said she saw it, adding …": the reporter, not the reported subject
            higher = next((c for c in current.head.children if c.dep_ == "nsubj"), None)
            if higher is not None and higher.lower_ not in EXPLETIVES:
                return higher
        if subject is not None:
            return subject
        if current.dep_ == "acl" and current.head.dep_ == "dobj":
            current = current.head.head  # "issued a statement saying …"
            continue
        if current.dep_ not in INHERIT_DEPS or current.head is current:
            return None
        current = current.head
    return None


def _inverted_object(verb: Token, content: list[Token]) -> Token | None:
    """'"…," added a local official.': the parser may take the speaker for an object."""
    if not content or content[-1].i > verb.i:
        return None
    return next((c for c in verb.children if c.dep_ in {"dobj", "attr"} and c.i > verb.i), None)


def _preceding_np(verb: Token) -> Token | None:
    """A misparsed subject: the noun phrase right before an active ``verb`` at the root."""
    if verb.dep_ != "ROOT" or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].is_punct or verb.doc[i].dep_ in {"advmod", "aux"}):
        i -= 1
    if i < verb.sent.start or verb.doc[i].pos_ not in {"NOUN", "PROPN", "PRON"} \
            or verb.doc[i].ent_type_ in {"DATE", "TIME"}:
        return None
    token = verb.doc[i]
    while token.dep_ in {"appos", "compound", "amod", "poss"} and token.head.i < verb.i:
        token = token.head
    return token


def _agent(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is None:
        return None
    return next((c for c in by.children if c.dep_ == "pobj"), None)


def _is_expletive(token: Token) -> bool:
    return token.lower_ == "it" and token.dep_ in {"nsubjpass", "expl"}


def _citing(verb: Token, content: list[Token]) -> tuple[Token, set[int]] | None:
    """Find "…, citing Y" near ``verb``: RETURNS (Y, indices of the citing phrase)."""
    sent = verb.sent
    for token in sent:
        if token.lemma_.lower() != "cite" or token.i == verb.i:
            continue
        obj = next((c for c in token.children if c.dep_ in {"dobj", "pobj"}), None)
        if obj is None:
            continue
        phrase = {t.i for t in token.subtree}
        # drop the commas around the citing phrase as well
        for i in (min(phrase) - 1, max(phrase) + 1):
            if 0 <= i < len(verb.doc) and verb.doc[i].is_punct and verb.doc[i].text == ",":
                phrase.add(i)
        if token.head.i == verb.i or token.head.i in {t.i for t in content} or (
            token.head.head.i == verb.i
        ):
            return obj, phrase
    return None


def _anonymous(verb: Token, content: list[Token]) -> bool:
    inside = {t.i for t in content}
    return any(t.lower_ in {"anonymity", "anonymously"} and t.i not in inside
               for t in verb.subtree)


def _colon_content(doc: Doc, verb: Token) -> list[Token]:
    """Content after ``said:`` (the rest of the sentence, or the next sentence)."""
    after = verb.i + 1
    while after < len(doc) and doc[after].dep_ in {"advmod", "prep", "pobj", "det", "amod"} \
            and doc[after].head.i in {verb.i, *(t.i for t in verb.subtree)}:
        after += 1
    if after >= len(doc) or doc[after].text != ":":
        return []
    rest = [t for t in doc[after + 1:verb.sent.end] if not t.is_space]
    if any(not t.is_punct for t in rest):
        return rest
    if verb.sent.end < len(doc):
        nxt = doc[verb.sent.end].sent
        return [t for t in nxt if not t.is_space]
    return []


def _phrase(head: Token) -> list[Token]:
    """The whole noun phrase of ``head`` (appositions and relative clauses included).

    A comma-set-off descriptive clause (``_set_off_adjunct``) and what follows it are cut.

    Cut at a paragraph break; an apposition's closing comma and an opened quotation's
    closing mark are kept ("Jo Li, a spokeswoman, said" → "Jo Li, a spokeswoman,").
    """
    doc = head.doc
    first, last = head.left_edge.i, head.right_edge.i
    for t in doc[first:head.i]:
        if t.is_space and "\n" in t.text:
            first = t.i + 1
    for t in doc[head.i:last + 1]:
        if t.is_space and "\n" in t.text:
            last = t.i - 1
            break
    adjunct = _set_off_adjunct(head, first, last)
    if adjunct is not None:
        last = adjunct - 2  # "Jo Li, speaking in Kano, said" → "Jo Li"
    tokens = [t for t in head.subtree if first <= t.i <= last]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if not tokens:
        return tokens
    after = tokens[-1].i + 1
    if after < len(doc) and doc[after].text in QUOTES and any(t.text in QUOTES for t in tokens):
        tokens.append(doc[after])
        after += 1
    if after < len(doc) and doc[after].text == "," and any(t.text == "," for t in tokens):
        tokens.append(doc[after])
    return tokens


def _set_off_adjunct(head: Token, first: int, last: int) -> int | None:
    """Where a comma-set-off clause after ``head`` that PolNeAR leaves out of a source starts.

    A participle or past-tense clause (*Jo Li, speaking in Kano,*) and a past-tense
    relative clause on a common noun (*the agency, which fell short,*) describe the
    source rather than name it.
    """
    doc = head.doc
    for child in head.children:
        edge = child.left_edge.i
        if child.i <= head.i or edge <= first + 1 or edge - 2 >= last \
                or doc[edge - 1].text != ",":
            continue
        if (child.dep_ == "acl" and child.tag_ in {"VBG", "VBD"}) or (
                child.dep_ == "relcl" and child.tag_ == "VBD" and head.pos_ == "NOUN"):
            return edge
    return None


def _last_word(sent: SpacySpan) -> Token:
    for token in reversed(sent):
        if not token.is_punct and not token.is_space:
            return token
    return sent[-1]


def _cue_start(doc: Doc, verb: Token) -> int:
    start = verb.i
    while start - 1 >= 0 and doc[start - 1].head.i == verb.i and doc[start - 1].dep_ in {
        "aux", "auxpass", "neg"
    }:
        start -= 1
    return start


def _cue_span(doc: Doc, verb: Token) -> Span:
    return _span(doc, _cue_start(doc, verb), verb.i + 1)


def _content_span(ctx: _Context, tokens: list[Token]) -> Span | None:
    words = [t for t in tokens if not t.is_space]
    while words and words[-1].is_punct and words[-1].text not in QUOTES:
        words.pop()
    while words and words[0].is_punct and words[0].text not in QUOTES:
        words.pop(0)
    if not any(not t.is_punct for t in words):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    for q_start, q_end in ctx.quotes:
        # widen to a quotation the content starts or ends in
        inside = q_start <= start < q_end or q_start < end <= q_end
        if inside and (q_start <= start + 1 or end >= q_end - 2):
                start, end = min(start, q_start), max(end, q_end)
    return Span(start, end, ctx.text[start:end])


def _span(doc: Doc, start: int, end: int) -> Span:
    span = doc[start:end]
    return Span(span.start_char, span.end_char, span.text)


def _make(doc: Doc, content: Span, cue: Span, source_tokens: list[Token],
          head: Token | None) -> Attribution:
    if not source_tokens or head is None:
        return Attribution(content=content, cue=cue, source=None, name="unnamed source",
                           kind=SourceKind.ANONYMOUS)
    source = _span(doc, source_tokens[0].i, source_tokens[-1].i + 1)
    name = _display(head, source_tokens)
    return Attribution(content=content, cue=cue, source=source, name=name,
                       kind=classify(name))


def _display(head: Token, tokens: list[Token]) -> str:
    """The source's display name: "Name, Title" for a person with a role, else its words."""
    if head.lower_ in RELATIVE and head.head.dep_ == "relcl":
        antecedent = head.head.head
        return _display(antecedent, _np_without_relcl(antecedent))
    if head.ent_type_ != "PERSON":
        appos = next((c for c in head.children
                      if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if appos is None:
            return _text(tokens)
        person = _ent(appos)
        title = [t for t in tokens if t.i not in {p.i for p in appos.subtree}]
        return _join(person, title)
    person = _ent(head)
    while person.start > 0 and person.doc[person.start - 1].lower_ in HONORIFICS:
        person = person.doc[person.start - 1:person.end]
    inside = {t.i for t in person}
    title = [t for t in tokens if t.i not in inside]
    return _join(person, title)


def _np_without_relcl(head: Token) -> list[Token]:
    skip = {t.i for c in head.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    return [t for t in head.subtree if t.i not in skip and not t.is_punct]


def _ent(token: Token) -> SpacySpan:
    """The entity ``token`` is part of (walking its IOB tags), or the token alone."""
    doc = token.doc
    if not token.ent_type_:
        return doc[token.i:token.i + 1]
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _join(person: SpacySpan, title: list[Token]) -> str:
    skip = {t.i for c in title if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    words = [t for t in title if not t.is_punct and t.i not in skip]
    while words and words[0].dep_ in {"det", "poss"} and words[0].pos_ != "PROPN":
        words.pop(0)
    if not words:
        return person.text
    role = " ".join(w.text if w.text[:1].isupper() or w.lower_ in SMALL_WORDS
                    else w.text[:1].upper() + w.text[1:] for w in words)
    return f"{person.text}, {role}"


def _text(tokens: list[Token]) -> str:
    if tokens and tokens[-1].dep_ == "case":  # "the army's claim": the army
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()


def _preceding_person(doc: Doc, before: int) -> str | None:
    """The latest PERSON entity ending before character ``before``, with its title."""
    for ent in reversed(doc.ents):
        if ent.label_ == "PERSON" and ent.end_char <= before:
            root = ent.root
            tokens = [t for t in root.subtree
                      if t.dep_ in {"compound", "amod", "appos"} or t.head.dep_ == "appos"
                      or t.i in range(ent.start, ent.end)]
            return _display(root, sorted(tokens, key=lambda t: t.i))
    return None
