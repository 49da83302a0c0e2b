"""Component ``sitroom_figures``: typed counts of people and things affected.

Trigger-driven: every word that types a figure (``killed``, ``died``, ``fled``,
``deaths``, ``protesters``, ``destroyed``…) looks up its affected argument in the
dependency parse (passive subject, object, subject of an intransitive verb, the noun an
adjective or participle modifies, ``left 5 dead``, ``the deaths of 11 people``) and
counts it: a quantity from :mod:`sitroom.extract.numbers`, or an enumeration of
singular people ("a father and his two daughters" → 3), or zero ("no one was hurt").
The rules are documented in ``docs/figures.md``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp import register_extensions
from ..schema import FigureCategory as C
from ..schema import Qualifier
from .mentions import FigureMention
from .numbers import Quantity, find_quantities


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs whose object (or passive subject) is affected: lemma → category.
TRANSITIVE: dict[str, C] = {
    **dict.fromkeys(_words("kill murder slay execute behead massacre assassinate slaughter "
                           "lynch gun strangle"), C.KILLED),
    **dict.fromkeys(_words("injure wound hurt maim hospitalize hospitalise shoot stab graze"),
                    C.INJURED),
    **dict.fromkeys(_words("kidnap abduct"), C.KIDNAPPED),
    **dict.fromkeys(_words("evacuate displace relocate uproot shelter accommodate"),
                    C.DISPLACED),
    **dict.fromkeys(_words("arrest detain apprehend nab"), C.ARRESTED),
    **dict.fromkeys(_words("charge prosecute indict"), C.CHARGED),
    **dict.fromkeys(_words("destroy damage burn raze torch flatten demolish loot vandalize "
                           "vandalise ransack flood submerge gut inundate bury wash sweep"),
                    C.STRUCTURES_DAMAGED),
}
#: Verbs whose subject is affected.
INTRANSITIVE: dict[str, C] = {
    **dict.fromkeys(_words("die perish drown succumb"), C.KILLED),
    **dict.fromkeys(_words("flee evacuate"), C.DISPLACED),
    **dict.fromkeys(_words("disappear vanish"), C.MISSING),
    **dict.fromkeys(_words("protest march rally gather demonstrate riot assemble"),
                    C.PARTICIPANTS),
    **dict.fromkeys(_words("collapse"), C.STRUCTURES_DAMAGED),
}
#: Adjectives / participles used predicatively or as modifiers.
ADJECTIVES: dict[str, C] = {
    "dead": C.KILLED,
    "injured": C.INJURED,
    "wounded": C.INJURED,
    "hurt": C.INJURED,
    "hospitalized": C.INJURED,
    "hospitalised": C.INJURED,
    "missing": C.MISSING,
    "homeless": C.DISPLACED,
    "displaced": C.DISPLACED,
    "evacuated": C.DISPLACED,
    "killed": C.KILLED,
}
#: Nouns that are counted themselves ("11 deaths", "200 refugees").
NOUNS: dict[str, C] = {
    **dict.fromkeys(_words("death fatality body"), C.KILLED),
    **dict.fromkeys(_words("injury"), C.INJURED),
    **dict.fromkeys(_words("refugee evacuee idp idps asylum-seeker evacuation relocation "
                           "displacement"), C.DISPLACED),
    "destruction": C.STRUCTURES_DAMAGED,
    **dict.fromkeys(_words("hostage abductee"), C.KIDNAPPED),
    **dict.fromkeys(_words("arrest detainee"), C.ARRESTED),
    **dict.fromkeys(_words("protester protestor demonstrator marcher rioter participant "
                           "attacker gunman gunmen assailant militant"), C.PARTICIPANTS),
}
#: Nouns of people: singular ones count 1 in an enumeration ("a man and his son").
PERSONS = _words(
    """man woman boy girl person teen teenager child kid baby infant toddler victim resident
    student officer deputy trooper driver passenger father mother son daughter brother sister
    husband wife girlfriend boyfriend uncle aunt cousin nephew niece grandmother grandfather
    grandson granddaughter friend neighbor neighbour suspect worker employee clerk owner
    customer guard soldier policeman policewoman pedestrian bystander youth male female adult
    individual civilian journalist juvenile cashier patron motorist cyclist rider pastor
    security teacher mom dad stepfather stepson stepdaughter fiance fiancee partner relative
    gunman shooter attacker robber intruder homeowner roommate tenant landlord sergeant
    detective agent ranger marshal firefighter nurse doctor body""")
#: Nouns of a shooter: not a victim when the sentence tells a suicide.
SHOOTERS = _words("gunman shooter attacker assailant suspect perpetrator killer")
STRUCTURES = _words(
    """house home building shop store structure dwelling hut school church mosque temple
    hospital office apartment residence business property shelter tent market stall
    village bridge road factory warehouse farm barn shack household""")
VEHICLES = _words("car vehicle bus truck motorcycle motorbike van lorry boat tanker train "
                  "suv pickup jeep")
SUICIDE_CUES = ("himself", "herself", "themselves", "self-inflicted", "self inflicted",
                "suicide", "own life", "own lives", "turned the gun on")
DEATH_CUES = _words("dead fatally death deadly mortally")
UPDATE_VERBS = _words("rise climb increase jump grow reach soar mount")
TOLL_VERBS = UPDATE_VERBS | _words("stand be hit remain top")
CUMULATIVE_CUES = ("this year", "so far this", "since january", "year to date", "last year",
                   "in the past year", "this month")
SUBJECTS = ("nsubj", "nsubjpass")
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
#: Counted nouns that name an outcome, not people: never the argument of another category.
OUTCOMES = _words("death fatality injury arrest evacuation relocation displacement destruction")
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4}
CONDITIONS = _words("critical serious stable grave fair life-threatening")
_SINCE_YEAR = re.compile(r"\bsince\b[^.]*\b(?:1[89]|20)\d\d\b|\bsince (?:the start|records)")
FOREIGN_WINDOW = 32  # characters
_FOREIGN = re.compile(r"\b(?:evacuad|desplazad|desalojad|refugiad|desabrigad|déplacé|deplace|"
                      r"évacué|evacue|sinistré|pdi\b|idp)\w*", re.IGNORECASE)
AGGREGATES = _words("total number figure tally lives")
LABEL_MAX_TOKENS = 9
LABEL_STEMS: tuple[tuple[str, C], ...] = (
    ("displac", C.DISPLACED), ("deplac", C.DISPLACED), ("evacu", C.DISPLACED),
    ("idp", C.DISPLACED), ("homeless", C.DISPLACED), ("relocat", C.DISPLACED),
    ("refugee", C.DISPLACED), ("destroy", C.STRUCTURES_DAMAGED),
    ("damage", C.STRUCTURES_DAMAGED), ("dead", C.KILLED), ("death", C.KILLED),
    ("injur", C.INJURED), ("missing", C.MISSING))
SHELTER_NOUNS = _words("shelter centre center camp")
BORDERS = _words("border frontier")
#: People who cross a border as fighters, not as refugees.
ARMED = _words("soldier troop militant fighter rebel gunman gunmen insurgent army police "
               "officer jihadist force smuggler tank")
MODALS = _words("could would might may will should can must 'd 'll")
FORCING = _words("force compel oblige have cause begin start need")
NEGATIONS = _words("no nobody none noone")
#: Modifiers of "body" that make it an organisation, not a corpse.
BODY_ORGANS = _words("governing advisory regulatory legislative investigative independent "
                     "international national judicial electoral official oversight")
#: Object words that say nothing about who was counted: the object is "people".
VOID_OBJECTS = _words("others more dozens scores hundreds thousands millions deaths death "
                      "fatalities injuries bodies body arrests")
#: Where people are taken for treatment, not displaced ("evacuated to hospital").
MEDICAL = _words("hospital hospitals clinic clinics ward infirmary")
#: Structures whose evacuation counts households ("evacuated 40 homes").
HOUSEHOLDS = _words("house home household dwelling family")

_QUALIFIER_RANK = {Qualifier.EXACT: 0, Qualifier.APPROXIMATELY: 1, Qualifier.AT_MOST: 2,
                   Qualifier.RANGE: 3, Qualifier.AT_LEAST: 4}


@dataclass(slots=True)
class _Count:
    """A counted argument: value and bounds, the tokens counted and the object noun;
    ``numeric`` is false for enumerations ("a man and his son") and zeros."""

    value: int
    low: int
    high: int
    qualifier: Qualifier
    tokens: list[int]
    noun: str
    negated: bool = False
    numeric: bool = True


class _Sentences:
    """The sentences of one Doc, looked up by token index (``Token.sent`` rescans)."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]
        self._texts: dict[int, str] = {}

    def start(self, i: int) -> int:
        """RETURNS (int): the index of the first token of token ``i``'s sentence."""
        return self.starts[bisect_right(self.starts, i) - 1]

    def text(self, i: int) -> str:
        """RETURNS (str): token ``i``'s sentence, lower-cased."""
        k = bisect_right(self.starts, i) - 1
        if k not in self._texts:
            self._texts[k] = self.spans[k].text.lower()
        return self._texts[k]


class FigureFinder:
    """Finds typed figures in one parsed Doc (stateless between Docs)."""

    def __call__(self, doc: Doc) -> list[FigureMention]:
        """RETURNS (list[FigureMention]): the Doc's figures, deduplicated, in text order."""
        quantities = find_quantities(doc)
        sents = _Sentences(doc)
        qmap: dict[int, Quantity] = {}
        for q in quantities:
            for i in range(q.start, q.end):
                qmap[i] = q
        mentions: list[FigureMention] = []
        used: set[tuple[int, C]] = set()
        counted: set[int] = set()
        found = [(token, t) for token in doc for t in self._triggers(token, qmap)]
        # verbs and adjectives first: "arrested 12 protesters" is not a crowd of 12
        found.sort(key=lambda item: (item[0].pos_ in NOMINAL, item[0].i))
        apart = [(token, (category, term, [m], update))
                 for token, (category, term, args, update) in found
                 for a in args for m in a.conjuncts
                 if _kind(m) in ("structure", "vehicle") and _kind(m) != _kind(a)]
        for token, (category, term, args, update) in found + apart:
            if token.pos_ in NOMINAL and any(a.i in counted for a in args):
                continue  # a counted noun yields to the verb: "3 refugees were killed"
            if any(a.lemma_.lower() in OUTCOMES and NOUNS[a.lemma_.lower()] is not category
                   for a in args):
                continue  # "three deaths had to evacuate": a misparse
            if self._is_suicide(sents.text(token.i), args):
                continue
            negated = any(c.dep_ == "neg" for c in token.children)  # "was not injured"
            for count in self._count_group(args, qmap):
                if negated:
                    count = _Count(0, 0, 0, Qualifier.EXACT, count.tokens, count.noun,
                                   negated=True, numeric=False)
                typed = self._refine(category, token, count)
                if typed is None:
                    continue
                key = (min(count.tokens), typed)
                if key in used:
                    continue
                used.add(key)
                counted.update(a.i for a in args)
                mentions.append(self._mention(doc, sents.text(token.i), token, typed, term,
                                              count, update))
        taken = {i for m in mentions for i in range(m.start, m.end)}
        mentions.extend(m for m in _labelled(doc, sents, quantities) if m.start not in taken)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        mentions.extend(m for m in _foreign(doc, quantities) if m.start not in taken)
        return _dedupe(mentions, sents)

    # -- triggers --------------------------------------------------------------------------

    def _triggers(self, token: Token, qmap: dict[int, Quantity]
                  ) -> Iterator[tuple[C, str, list[Token], bool]]:
        lemma = token.lemma_.lower()
        low = token.lower_
        pos = token.pos_
        if low in ("fatally", "mortally") and token.head.i in qmap and token.head.i < token.i:
            yield C.KILLED, low, [token.head], False  # "four people were shot, two fatally"
            return
        if pos in ("VERB", "AUX") and not (low in ADJECTIVES and token.dep_ == "amod"):
            if _irrealis(token):
                return
            if lemma in TRANSITIVE:
                category = TRANSITIVE[lemma]
                if lemma == "shoot" and any(c.lower_ == "at" for c in token.children):
                    return  # "shot at": fired at, not hit
                if lemma in ("shoot", "stab") and self._fatal(token):
                    category = C.KILLED
                elif lemma in ("shoot", "stab") and self._has_fatal_partner(token):
                    return
                if category is C.DISPLACED and _medical(token):
                    return  # "evacuated to hospital": treated, not displaced
                args = self._patients(token)
                if category is C.DISPLACED and args and all(
                        a.lemma_ in ("home", "house") and not _numbered(a, qmap)
                        for a in args):
                    args = self._agents(token)  # "had to evacuate their homes"
                if args:
                    yield category, token.text, args, False
                    return
            if lemma in INTRANSITIVE:
                args = self._agents(token)
                if args:
                    yield INTRANSITIVE[lemma], token.text, args, False
                    return
            if lemma == "lose" and any(c.lower_ == "lives" or c.lemma_ == "life"
                                       for c in token.children if c.dep_ == "dobj"):
                args = self._agents(token)
                if args:
                    yield C.KILLED, "lost their lives", args, False
                return
            if lemma in ("claim", "take") and any(c.lower_ == "lives" for c in token.children):
                for child in token.children:
                    if child.lower_ == "lives":
                        yield C.KILLED, "lives", [child], False
                return
            if lemma in TOLL_VERBS:
                yield from self._toll(token, lemma)
                return
            moved = self._moved(token)
            if moved is not None:
                yield moved
                return
        if low in ADJECTIVES and pos in ("ADJ", "VERB", "NOUN"):
            args = self._adjective_args(token)
            if args:
                yield ADJECTIVES[low], token.text, args, False
            return
        if lemma in ("wound", "injury", "condition") and pos == "NOUN":
            hurt = self._hurt(token)
            if hurt is not None:
                yield hurt
                return
        if lemma in ("homicide", "murder") and pos == "NOUN" and token.dep_ != "compound" \
                and token.morph.get("Number") != ["Plur"] and not any(
                    t.lower_.replace("\xad", "") in ("attempted", "attempt", "conspiracy")
                    for t in (*token.lefts, token.head)):
            yield C.KILLED, token.lower_, [token], False  # "investigating a homicide": 1
            return
        if lemma == "victim" and any(c.lower_ in ("homicide", "murder") for c in token.lefts):
            yield C.KILLED, f"{token.nbor(-1).text} victim", [token], False
            return
        if pos in ("NOUN", "PROPN", "PRON", "NUM") and lemma in NOUNS:
            args = self._noun_args(token, qmap)
            if args:
                yield NOUNS[lemma], token.text, args, False

    def _hurt(self, noun: Token) -> tuple[C, str, list[Token], bool] | None:
        """``a man with a gunshot wound``, ``suffered injuries``, ``left a man in critical
        condition``: someone hit, outcome unknown (term ``wounds`` / ``condition``)."""
        lemma = noun.lemma_.lower()
        if lemma == "condition":
            if not any(c.lower_ in CONDITIONS for c in noun.children):
                return None
            term = "condition"
        else:
            term = "wounds"
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_ in ("suffer", "sustain", "receive") \
                and term == "wounds":
            args = self._agents(head)
            return (C.INJURED, term, args, False) if args else None
        if noun.dep_ != "pobj" or head.lower_ not in ("with", "for", "in"):
            return None
        if (head.lower_ == "in") != (term == "condition"):
            return None
        owner = head.head
        if owner.pos_ in ("NOUN", "PROPN", "PRON"):
            return C.INJURED, term, [owner], False
        if owner.pos_ in ("VERB", "AUX"):
            args = ([c for c in owner.children if c.dep_ == "dobj"]
                    or _subjects(owner) or _governing_subject(owner))
            return (C.INJURED, term, args, False) if args else None
        return None

    def _moved(self, verb: Token) -> tuple[C, str, list[Token], bool] | None:
        """``lost their homes``, ``forced 2,500 people out of their homes``, ``placed in
        shelters``: people moved out of their homes or into shelters are displaced."""
        children = list(verb.children)
        objects = [c for c in children if c.dep_ == "dobj"]
        if verb.lemma_ in ("leave", "lose", "abandon") and any(
                o.lemma_ in ("home", "house") for o in objects):
            args = self._agents(verb)
            return (C.DISPLACED, verb.text, args, False) if args else None
        if verb.lemma_ == "cross" and (
                any(o.lemma_ in BORDERS for o in objects)
                or any(p.lower_ in ("into", "over") and any(g.ent_type_ == "GPE"
                                                             for g in p.children)
                       for p in children if p.dep_ == "prep")):
            # "24,000 people had crossed the border", "crossed into Kyrgyzstan"
            args = [a for a in self._agents(verb) if a.lemma_.lower() not in ARMED]
            border = next((o for o in objects if o.lemma_ in BORDERS), None)
            term = verb.text if border is None else _verb_phrase(verb, border)
            return (C.DISPLACED, term, args, False) if args else None
        refuge = [o for o in objects if o.lemma_ in ("shelter", "refuge", "asylum")]
        if verb.lemma_ in ("take", "seek", "find") and refuge:  # "took shelter in camps"
            args = self._agents(verb)
            return (C.DISPLACED, refuge[0].text, args, False) if args else None
        for prep in children:
            if (prep.dep_ == "prep" and prep.lower_ == "without" and verb.lemma_ == "leave"
                    and any(g.lemma_ in ("shelter", "home", "house", "roof")
                            for g in prep.children)):
                args = objects or [c for c in children if c.dep_ == "nsubjpass"]
                return (C.DISPLACED, "without shelter", args, False) if args else None
            if prep.dep_ not in ("prep", "advmod", "prt") or prep.lower_ not in (
                    "from", "out", "into", "in", "at", "to"):
                continue
            pobjs = [g for g in prep.subtree if g.dep_ == "pobj"]
            if not pobjs:
                continue
            place = pobjs[0].lemma_.lower()
            if place in SHELTER_NOUNS or (place in ("home", "house") and prep.lower_ in (
                    "from", "out") and verb.lemma_ in FORCING | _words("drive chase")):
                passive = [c for c in children if c.dep_ == "nsubjpass"]
                args = objects or passive or self._agents(verb)
                term = pobjs[0].text if place in SHELTER_NOUNS else verb.text
                return (C.DISPLACED, term, args, False) if args else None
        if verb.lemma_ == "shelter" and not objects and any(
                p.dep_ == "prep" and p.lower_ in ("in", "at", "inside") for p in children):
            args = self._agents(verb)  # "1,000 people are sheltering in schools"
            return (C.DISPLACED, verb.text, args, False) if args else None
        return None

    def _toll(self, verb: Token, lemma: str) -> Iterator[tuple[C, str, list[Token], bool]]:
        """``the death toll rose to 11``, ``the toll stands at 11``, ``the toll is 11``."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.lemma_ == "toll"]
        if not subjects:
            return
        toll = subjects[0]
        category = C.INJURED if any(c.lower_ in ("injury", "injuries") for c in toll.children) \
            else C.KILLED
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                args = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("attr", "dobj"):
                args = [child]
            else:
                continue
            if args:
                yield category, "toll", args, lemma in UPDATE_VERBS
                return

    @staticmethod
    def _fatal(verb: Token) -> bool:
        """``shot dead``, ``fatally shot``, ``shot to death``."""
        for child in verb.children:
            if child.lower_ in DEATH_CUES and child.dep_ in ("oprd", "acomp", "advmod", "xcomp",
                                                             "amod", "ccomp"):
                return True
            if child.dep_ == "prep" and child.lower_ == "to" and any(
                    g.lower_ == "death" for g in child.children):
                return True
        return False

    @staticmethod
    def _has_fatal_partner(verb: Token) -> bool:
        """``shot and killed``: the killing verb counts, not the shooting."""
        partners = list(verb.conjuncts)
        return any(p.lemma_ in ("kill", "die", "murder", "injure", "wound", "hurt")
                   or p.lower_ in ("wounded", "injured") for p in partners)

    def _patients(self, verb: Token) -> list[Token]:
        """The affected argument of a transitive verb (active, passive or participle)."""
        children = list(verb.children)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        if passive:
            args = [c for c in children if c.dep_ == "nsubjpass"]
            if args:
                return args
        objects = [c for c in children if c.dep_ == "dobj"]
        if objects:
            return objects
        if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):  # "5 people killed"
            return [verb.head]
        if verb.tag_ == "VBN" and not passive:  # headline style "12 injured"
            subjects = [c for c in children if c.dep_ == "nsubj"]
            if subjects and not any(c.dep_ == "aux" for c in children):
                return subjects
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "shot and killed"
            head = verb.head
            if passive or verb.tag_ == "VBN":
                inherited = [c for c in head.children if c.dep_ == "nsubjpass"]
                if inherited:
                    return inherited
            inherited = [c for c in head.children if c.dep_ == "dobj"]
            if inherited and verb.i > inherited[-1].i:  # "damaged or destroyed 120 houses"
                return []
            if inherited:
                return inherited
        if passive or verb.tag_ == "VBN":  # "charged ... after being shot"
            return _governing_subject(verb)
        return []

    def _agents(self, verb: Token) -> list[Token]:
        """The subject of an intransitive verb, inherited through ``and`` / ``forced to``."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects
        if verb.dep_ == "acl":  # "people fleeing the violence"
            return [verb.head]
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp") and head.pos_ == "VERB":  # forced 200 people to flee
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return objects
            return [c for c in head.children if c.dep_ in SUBJECTS]
        if verb.dep_ == "conj" and head.pos_ == "VERB":
            passive = [c for c in head.children if c.dep_ == "nsubjpass"]
            return passive or [c for c in head.children if c.dep_ == "nsubj"]
        return []

    def _adjective_args(self, adj: Token) -> list[Token]:
        """``5 people dead``, ``left 5 dead``, ``were found dead``, ``the injured man``."""
        head = adj.head
        prev = adj.nbor(-1) if adj.i > 0 else None
        if prev is not None and prev.lemma_ in ("leave", "render", "make") and prev.tag_ in (
                "VBN", "VBD", "VBG", "VBZ", "VBP"):  # "have been left homeless"
            found = [c for c in prev.children if c.dep_ == "dobj"] or _subjects(prev)
            if not found and prev.dep_ == "acl":  # "1 000 rendered homeless"
                found = [prev.head]
            if found:
                return found
        numbers = [c for c in adj.children if c.i < adj.i and c.like_num
                   and c.dep_ in (*SUBJECTS, "nummod", "quantmod", "npadvmod")]
        if numbers:  # "25 missing" hanging off the adjective
            return numbers
        if adj.dep_ in ("amod", "acl", "appos") and head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            return [head]
        if adj.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl", "conj") and head is not adj:
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects and adj.dep_ == "oprd":
                return objects
            subjects = [c for c in head.children if c.dep_ in SUBJECTS]
            if subjects:
                return subjects
            if adj.dep_ == "conj" and head.pos_ in ("NUM", "NOUN"):
                return []
        own = _subjects(adj)
        if own:
            return own
        if adj.dep_ in ("ROOT", "conj", "appos", "dobj", "nsubj",
                        "npadvmod") and adj.pos_ != "VERB":
            # "5 dead, 12 injured": the number hangs off the adjective
            nums = [c for c in adj.children if c.dep_ in ("nummod", "quantmod", "compound")
                    and c.i < adj.i]
            if nums:
                return nums
        return []

    def _noun_args(self, noun: Token, qmap: dict[int, Quantity]) -> list[Token]:
        """``11 deaths``, ``thousands of protesters``, ``the deaths of 11 people``."""
        if any(c.i in qmap for c in noun.lefts):
            return [noun]
        if (noun.lemma_.lower() == "body" and noun.morph.get("Number") != ["Plur"]
                and noun.dep_ in (*SUBJECTS, "dobj")  # not "shot in the upper body"
                and not any(c.dep_ == "compound" or c.lower_ in BODY_ORGANS
                            for c in noun.children)):  # "an investigation body"
            return [noun]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i in qmap:
            return [noun.head.head]
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects
        return []

    # -- counting --------------------------------------------------------------------------

    def _count_group(self, args: Iterable[Token], qmap: dict[int, Quantity]) -> list[_Count]:
        """Count an argument with its conjuncts: "two men and a woman" → one count of 3;
        conjuncts with numbers of their own stay apart ("burned 30 houses, 17 shops and
        47 cars" → 30 houses, 17 shops; the tally adds them up by trigger)."""
        args = [a for a in args if not a.is_punct]
        if len(args) > 1 and all(a.dep_ in SUBJECTS for a in args):
            args = [max(args, key=lambda a: a.i)]  # a misparse: one verb, one subject
        members: list[Token] = []
        for arg in args:
            kind = _kind(arg)
            for member in (arg, *arg.conjuncts):
                if member in members:
                    continue
                if member is not arg and (_kind(member) not in (kind, "other")
                                          or _typed_apart(member)
                                          or (member.pos_ == "PROPN"
                                              and member.ent_type_ != "PERSON")):
                    continue
                members.append(member)
        counts = [self._count(m, qmap) for m in members]
        if not counts or counts[0] is None:
            return []  # conjuncts that cannot be counted are left out: a lower bound
        known: list[_Count] = []
        for c in counts:  # "between 20 and 30": both conjuncts are one quantity
            if c is not None and not any(k.tokens == c.tokens for k in known):
                known.append(c)
        if len(known) == 1 or sum(c.numeric for c in known) > 1:
            return known
        qualifier = max((c.qualifier for c in known), key=_QUALIFIER_RANK.__getitem__)
        return [_Count(
            value=sum(c.value for c in known), low=sum(c.low for c in known),
            high=sum(c.high for c in known), qualifier=qualifier,
            tokens=sorted(i for c in known for i in c.tokens),
            noun=known[0].noun, negated=all(c.negated for c in known),
            numeric=any(c.numeric for c in known),
        )]

    def _count(self, token: Token, qmap: dict[int, Quantity]) -> _Count | None:
        low = token.lower_
        if low in ("who", "that", "which") and token.head.dep_ == "relcl":
            return self._count(token.head.head, qmap)  # "Jon Boring, who was shot"
        if token.lemma_.lower() in ("homicide", "murder") and token.i not in qmap:
            n = next((MULTIPLES[c.lower_] for c in token.lefts if c.lower_ in MULTIPLES), 1)
            return _Count(n, n, n, Qualifier.EXACT, [token.i], "people", numeric=False)
        if low == "both" or any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj")
                                for c in token.children):
            return _Count(2, 2, 2, Qualifier.EXACT, [token.i], _object(token))
        if token.lemma_.lower() in AGGREGATES and token.i not in qmap:
            counted = self._counted_noun(token)  # "a total of 77 houses"
            if counted is not None:
                return self._count(counted, qmap)
        if low in NEGATIONS or any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
            return _Count(0, 0, 0, Qualifier.EXACT, [token.i], "people", negated=True,
                          numeric=False)
        quantity = qmap.get(token.i)
        if quantity is None and token.pos_ in ("NOUN", "PROPN"):
            # "over 25,000 mud-and-thatch homes": a quantity in the noun's left modifiers
            for i in range(token.i - 1, token.left_edge.i - 1, -1):
                if i in qmap and qmap[i].end <= token.i:
                    quantity = qmap[i]
                    break
        noun = token
        if quantity is not None:
            if token.i in qmap:  # the number is the nominal: look for "of people" / next noun
                noun = self._counted_noun(token) or token
            return _Count(quantity.value, quantity.low, quantity.high, quantity.qualifier,
                          list(range(quantity.start, max(quantity.end, token.i + 1))),
                          _object(noun))
        if self._single(token):
            return _Count(1, 1, 1, Qualifier.EXACT, [token.i], _object(token), numeric=False)
        return None

    @staticmethod
    def _counted_noun(number: Token) -> Token | None:
        for child in number.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        return None

    @staticmethod
    def _single(token: Token) -> bool:
        """A singular person, named person or a house: counts 1 in an enumeration."""
        morph = token.morph.get("Number")
        if token.pos_ == "PRON":
            return token.lower_ in ("he", "she", "him", "her", "someone", "somebody")
        if token.pos_ == "PROPN":
            return token.dep_ != "compound" and token.ent_type_ in ("PERSON", "")
        if token.pos_ != "NOUN" or morph == ["Plur"]:
            return False
        lemma = token.lemma_.lower()
        if lemma in PERSONS:  # headlines drop articles: "Man shot, killed"
            return token.dep_ != "compound"
        if lemma in STRUCTURES or lemma in VEHICLES:
            return any(c.dep_ in ("det", "poss", "amod", "compound") for c in token.children)
        return False

    # -- typing and output -----------------------------------------------------------------

    @staticmethod
    def _refine(category: C, trigger: Token, count: _Count) -> C | None:
        """Damage verbs type houses and vehicles; people are never structures."""
        noun = count.noun
        if category is C.STRUCTURES_DAMAGED and noun in ("others", "more"):
            # "damaged 350 homes and destroyed 120 others": the kind named before
            before = trigger.doc[trigger.sent.start:min(count.tokens)]
            named = [t.lower_ for t in before if _kind(t) in ("structure", "vehicle")]
            noun = named[-1] if named else noun
            count.noun = noun
        if category is C.STRUCTURES_DAMAGED:
            if _is_a(noun, STRUCTURES):
                return C.STRUCTURES_DAMAGED
            if _is_a(noun, VEHICLES):
                return C.VEHICLES_DAMAGED
            return None
        if category is C.DISPLACED and _is_a(noun, STRUCTURES):
            # "evacuated 40 homes" counts households; "evacuated 3 schools" counts nobody
            return C.DISPLACED if trigger.lemma_ != "shelter" and _is_a(
                noun, HOUSEHOLDS) else None
        if not count.numeric and not count.negated and category in (C.PARTICIPANTS,
                                                                     C.DISPLACED):
            return None  # "the suspect fled the scene" is no displacement
        return category

    @staticmethod
    def _is_suicide(text: str, args: list[Token]) -> bool:
        """A shooter who killed himself is not a victim (``text``: the sentence, lower)."""
        if not any(cue in text for cue in SUICIDE_CUES):
            return False
        return any(a.lemma_.lower() in SHOOTERS or a.pos_ == "PRON" for a in args)

    @staticmethod
    def _mention(doc: Doc, sentence: str, trigger: Token, category: C, term: str,
                 count: _Count,
                 update: bool) -> FigureMention:
        first = min(*count.tokens, trigger.i)
        last = max(*count.tokens, trigger.i)
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        cumulative = any(cue in sentence for cue in CUMULATIVE_CUES) or bool(
            _SINCE_YEAR.search(sentence))
        update = update or trigger.lemma_ in UPDATE_VERBS
        noun = count.noun
        if noun in VOID_OBJECTS and category not in (C.STRUCTURES_DAMAGED,
                                                     C.VEHICLES_DAMAGED):
            noun = "people"  # "25 others injured", "dozens died", "six deaths"
        return FigureMention(category=category, value=count.value, low=count.low,
                             high=count.high, qualifier=count.qualifier, object=noun,
                             term=term.lower(), start=start, end=end, trigger=trigger.i,
                             update=update, negated=count.negated, cumulative=cumulative)


def _object(token: Token) -> str:
    """The object noun of a figure, lower-cased lemma for people ("people" by default)."""
    if token.pos_ in ("NOUN",) and not token.like_num:
        lemma = token.lemma_.lower()
        if lemma in PERSONS or lemma in ("people", "person"):
            return "people"
        return token.lower_
    return "people"


def _labelled(doc: Doc, sents: _Sentences, quantities: list[Quantity]
              ) -> Iterator[FigureMention]:
    """Table-like lines: ``Number of displaced: 452``, ``Destroyed housing: 146``."""
    for sent in sents.spans:
        inside = [q for q in quantities if sent.start <= q.start and q.end <= sent.end]
        if len(sent) > LABEL_MAX_TOKENS or len(inside) != 1:
            continue
        q = inside[0]
        words = [t for t in sent if not t.is_punct]
        if not words or (q.start > words[0].i and q.end - 1 < words[-1].i):
            continue  # a table line has its number at one end
        if any(t.dep_ in ("aux", "auxpass") for t in sent):
            continue  # "were evacuated to hospital": a clause, not a label
        for token in sent:
            if q.start <= token.i < q.end:
                continue
            low = token.lower_
            category = next((c for stem, c in LABEL_STEMS if low.startswith(stem)), None)
            if category is C.STRUCTURES_DAMAGED and not any(
                    t.lemma_.lower() in STRUCTURES or t.lower_ == "housing" for t in sent):
                continue
            if category is not None:
                first, last = min(token.i, q.start), max(token.i, q.end - 1)
                yield FigureMention(
                    category=category, value=q.value, low=q.low, high=q.high,
                    qualifier=q.qualifier,
                    object="houses" if category is C.STRUCTURES_DAMAGED else "people",
                    term=low, start=doc[first].idx, end=doc[last].idx + len(doc[last]),
                    trigger=token.i)
                break


def _verb_phrase(verb: Token, noun: Token) -> str:
    """``crossed the border``: the verb and its object's phrase up to the noun."""
    return " ".join([verb.text, *(t.text for t in noun.doc[noun.left_edge.i:noun.i + 1])])


def _subjects(word: Token) -> list[Token]:
    """Subjects of ``word``, also those the parser hung on its auxiliary ("remained")."""
    found = [c for c in word.children if c.dep_ in SUBJECTS]
    if not found:
        found = [g for c in word.children if c.dep_ in ("aux", "auxpass")
                 for g in c.children if g.dep_ in SUBJECTS]
    return found


def _foreign(doc: Doc, quantities: list[Quantity]) -> Iterator[FigureMention]:
    """Spanish, French and Portuguese displacement words just after a number
    ("500 evacuados", "25,081 PDI", "2.000 mineros se han desplazado"): the English parse
    does not help there, so a short character window does."""
    closest: dict[int, tuple[Quantity, re.Match[str]]] = {}
    for q in quantities:  # one word, one number: the closest ("200 o 300 evacuados")
        end = doc[q.end - 1].idx + len(doc[q.end - 1])
        match = _FOREIGN.search(doc.text, end, end + FOREIGN_WINDOW)
        if match is not None:
            closest[match.start()] = (q, match)
    for q, match in closest.values():
        word = match.group(0).lower()
        trigger = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        yield FigureMention(
            category=C.DISPLACED, value=q.value, low=q.low, high=q.high,
            qualifier=q.qualifier, object="people", term=word, start=doc[q.start].idx,
            end=match.end(), trigger=trigger.start if trigger is not None else q.start)


def _is_a(noun: str, kinds: frozenset[str]) -> bool:
    """Whether a lower-cased noun, singular or plural, is one of ``kinds`` ("churches")."""
    return (noun in kinds or noun.rstrip("s") in kinds
            or (noun.endswith("es") and noun[:-2] in kinds)
            or (noun.endswith("ies") and noun[:-3] + "y" in kinds))


def _medical(verb: Token) -> bool:
    """``were evacuated to hospital``, ``medically evacuated``: a transfer for treatment."""
    for child in verb.children:
        if child.lower_ in ("medically", "medevaced"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "into") and any(
                g.lower_ in MEDICAL for g in child.children):
            return True
    return False


def _numbered(token: Token, qmap: dict[int, Quantity]) -> bool:
    """Whether a quantity sits in ``token``'s left modifiers ("40 homes")."""
    return any(i in qmap for i in range(token.left_edge.i, token.i + 1))


def _irrealis(verb: Token) -> bool:
    """``could kill``, ``yelled to kill him``, ``within inches of killing``: not an event."""
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
        return True
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in MODALS
                                    for c in verb.head.children):
        return True  # "might have to be evacuated"
    if verb.tag_ == "VB":
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        return not (to and verb.head.lemma_ in FORCING)
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in (
        "of", "within", "without", "about", "from")


def _governing_subject(verb: Token) -> list[Token]:
    """The subject of the clause a subjectless participle hangs from ("after being shot")."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("advcl", "pcomp", "xcomp", "conj", "pobj", "prep"):
            return []
        dep = node.dep_
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            objects = [c for c in node.children if c.dep_ == "dobj"]
            if dep == "xcomp" and objects:  # "forced 78,900 people to be evacuated"
                return objects
            subjects = [c for c in node.children if c.dep_ in SUBJECTS]
            if subjects:
                return subjects
    return []


def _kind(token: Token) -> str:
    """``person``, ``structure``, ``vehicle`` or ``other``: conjuncts of one kind add up."""
    lemma = token.lemma_.lower()
    if lemma in PERSONS or lemma in ("people", "person", "other") or token.pos_ in ("PROPN",
                                                                                      "PRON"):
        return "person"
    if lemma in STRUCTURES:
        return "structure"
    if lemma in VEHICLES:
        return "vehicle"
    return "other"


def _typed_apart(token: Token) -> bool:
    """``11 people and 170 injured``: a conjunct with its own trigger is a separate figure."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in ADJECTIVES:
        return True
    if token.lemma_.lower() in NOUNS:
        return True
    return any(c.lower_ in ADJECTIVES for c in token.children)


def _dedupe(mentions: list[FigureMention], sents: _Sentences) -> list[FigureMention]:
    """One mention per (sentence, category, value): the same figure told twice is one;
    conjuncts of one trigger stay apart ("burned 5 houses and 5 shops")."""
    seen: dict[tuple[int, C, int], int | None] = {}
    kept: list[FigureMention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        sent_start = sents.start(m.trigger) if m.trigger is not None else -1
        key = (sent_start, C(m.category), m.value)
        if key in seen and (m.trigger is None or seen[key] != m.trigger):
            continue
        seen.setdefault(key, m.trigger)
        kept.append(m)
    return kept


@Language.factory("sitroom_figures", assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> FigureMentionComponent:
    """Build the ``sitroom_figures`` component.

    nlp (Language): the pipeline. name (str): the component's name.
    RETURNS (FigureMentionComponent): writes ``doc._.figures``.
    """
    return FigureMentionComponent()


class FigureMentionComponent:
    """Writes ``doc._.figures`` (list[FigureMention]) from the parse of each Doc."""

    def __init__(self) -> None:
        register_extensions()
        self.finder = FigureFinder()

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc. RETURNS (Doc): the Doc with ``doc._.figures`` set."""
        doc._.figures = self.finder(doc)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """YIELDS (Doc): each Doc of ``stream`` annotated, in order."""
        for doc in stream:
            yield self(doc)
