"""Compose the stages for reports: ``Report`` in, ``ExtractResult`` (events) out.

There is one code path from text to events: the CLI, the evaluators, the benchmarks
and (later) batch and the service all call :class:`Extractor`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

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


class Extractor:
    """Turns reports into events; heavy resources load lazily, once.

    settings (Settings): run-time settings; defaults from the environment.
    geocode (bool): resolve places with the gazetteer (unresolved, with a reason, when
        the gazetteer is not built).
    """

    def __init__(self, settings: Settings | None = None, *, geocode: bool = True) -> None:
        self.settings = settings or get_settings()
        self._nlp: Language | None = None
        self.geocoder = (
            Geocoder(path=self.settings.data_dir / "gazetteer.sqlite") if geocode else None
        )

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

    def docs(self, reports: Iterable[Report]) -> Iterator[tuple[Doc, Report]]:
        """Run the pipeline over reports, streaming.

        YIELDS (tuple[Doc, Report]): each processed Doc with its report, in input order.
        """
        pairs = ((self.make_doc(r), r) for r in reports)
        yield from self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size)

    def pipe(self, reports: Iterable[Report]) -> Iterator[ExtractResult]:
        """Extract events from a stream of reports.

        A report that fails is yielded with its ``error`` set; the stream goes on.
        YIELDS (ExtractResult): one result per report, in input order.
        """
        for doc, report in self.docs(reports):
            try:
                events = events_from_doc(doc, report)
                if self.geocoder is not None:
                    locate_events(doc, events, geocoder=self.geocoder)
            except SitroomError as exc:
                yield ExtractResult(report=report, error=str(exc))
                continue
            yield ExtractResult(report=report, events=events)

    def process(self, report: Report) -> ExtractResult:
        """RETURNS (ExtractResult): the events of one report."""
        return next(self.pipe([report]))
