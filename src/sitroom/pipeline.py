"""Compose the stages for reports: ``Report`` in, ``ExtractResult`` (events) out.

There is one code path from text to events: the CLI, the evaluators, the benchmarks
and (later) batch and the service all call :class:`Extractor`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .code import EventCoder, code_events
from .config import Settings, get_settings
from .errors import SitroomError
from .extract import attribution as _attribution  # noqa: F401  (registers factories)
from .extract import dates as _dates  # noqa: F401
from .extract import figures as _figures  # noqa: F401
from .extract import segments as _segments  # noqa: F401
from .extract.convert import events_from_doc
from .geo import Geocoder, locate_events
from .nlp import load_model, register_extensions
from .schema import ExtractResult, Report

#: sitroom components, in the order they run after the spaCy model's own.
COMPONENTS: tuple[str, ...] = (
    "sitroom_dates",
    "sitroom_figures",
    "sitroom_attribution",
    "sitroom_segments",
)


@lru_cache(maxsize=4)
def build_nlp(model: str) -> Language:
    """Load ``model`` and add sitroom's components, once per process.

    model (str): spaCy pipeline package name.
    RETURNS (Language): the pipeline with sitroom components appended.
    """
    register_extensions()
    nlp = load_model.__wrapped__(model)  # a private copy: we add pipes to it
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def batched(reports: Iterable[Report], max_count: int, max_chars: int) -> Iterator[list[Report]]:
    """Group reports into batches bounded by count and by characters (bounds memory).

    YIELDS (list[Report]): consecutive reports; a single longer report forms its own batch.
    """
    batch: list[Report] = []
    size = 0
    for report in reports:
        if batch and (len(batch) >= max_count or size + len(report.text) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(report)
        size += len(report.text)
    if batch:
        yield batch


class Extractor:
    """Turns reports into events; heavy resources load lazily, once.

    settings (Settings): run-time settings; defaults from the environment.
    geocode (bool): resolve places with the gazetteer (unresolved, with a reason, when
        the gazetteer is not built).
    code (bool): give events ACLED / PLOVER types, actors and notes. Background events
        are not typed (ACLED codes the news event), which keeps coding within 15 % of
        extraction time.
    """

    def __init__(self, settings: Settings | None = None, *, geocode: bool = True,
                 code: bool = True) -> None:
        self.settings = settings or get_settings()
        self._nlp: Language | None = None
        self.geocoder = (
            Geocoder(path=self.settings.data_dir / "gazetteer.sqlite") if geocode else None
        )
        self.coder = EventCoder(background=False) if code else None

    @property
    def nlp(self) -> Language:
        """RETURNS (Language): the spaCy pipeline with sitroom components."""
        if self._nlp is None:
            self._nlp = build_nlp(self.settings.spacy_model)
        return self._nlp

    def make_doc(self, report: Report) -> Doc:
        """RETURNS (Doc): the tokenised report with its publication date attached."""
        doc = self.nlp.make_doc(report.text)
        doc._.published = report.published
        return doc

    def _annotated(self, reports: Iterable[Report]) -> Iterator[tuple[Report, Doc | None, str]]:
        """Run the spaCy pipeline, in input order; a report that breaks it comes with its error."""
        nlp = self.nlp
        for batch in batched(reports, self.settings.batch_size, self.settings.batch_chars):
            errors: dict[int, str] = {}
            for i, report in enumerate(batch):
                if len(report.text) > nlp.max_length:
                    errors[i] = (f"text of {len(report.text):,} characters is longer than the "
                                 f"model's limit of {nlp.max_length:,}")
            runnable = [i for i in range(len(batch)) if i not in errors]
            docs: dict[int, Doc] = {}
            try:
                pairs = [(self.make_doc(batch[i]), i) for i in runnable]
                docs = dict((i, doc) for doc, i in nlp.pipe(pairs, as_tuples=True,
                                                            batch_size=len(pairs) or 1))
            except Exception:  # isolate the failing report: retry one by one
                for i in runnable:
                    try:
                        docs[i] = nlp(self.make_doc(batch[i]))
                    except Exception as exc:
                        errors[i] = f"extraction failed: {type(exc).__name__}: {exc}"
            for i, report in enumerate(batch):
                yield report, docs.get(i), errors.get(i, "")

    def docs(self, reports: Iterable[Report]) -> Iterator[tuple[Doc, Report]]:
        """Run the spaCy pipeline over reports, streaming; reports that fail are skipped.

        YIELDS (tuple[Doc, Report]): each processed Doc with its report, in input order.
        """
        for report, doc, _ in self._annotated(reports):
            if doc is not None:
                yield doc, report

    def pipe(self, reports: Iterable[Report]) -> Iterator[ExtractResult]:
        """Extract events from a stream of reports.

        A report that fails is yielded with its ``error`` set; the stream goes on.
        YIELDS (ExtractResult): one result per report, in input order.
        """
        for report, doc, error in self._annotated(reports):
            if doc is None:
                yield ExtractResult(report=report, error=error)
                continue
            try:
                events = events_from_doc(doc, report)
                if self.geocoder is not None:
                    locate_events(doc, events, geocoder=self.geocoder)
                if self.coder is not None:  # after geo: actor names take the event's country
                    code_events(doc, events, coder=self.coder, title=report.title)
            except SitroomError as exc:
                yield ExtractResult(report=report, error=str(exc))
                continue
            yield ExtractResult(report=report, events=events)

    def process(self, report: Report) -> ExtractResult:
        """RETURNS (ExtractResult): the events of one report."""
        return next(self.pipe([report]))
