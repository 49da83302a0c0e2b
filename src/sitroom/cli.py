"""The ``sitroom`` command line: extract events from reports, evaluate, manage data."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .config import get_settings
from .errors import SitroomError
from .geo.cli import app as gazetteer_app
from .schema import ExtractResult, Report

app = typer.Typer(
    help="sitroom: news reports in, sourced and geocoded incident records out.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(gazetteer_app, name="gazetteer")
out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(StrEnum):
    """How ``sitroom extract`` writes its results."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    acled_csv = "acled-csv"


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _progress(total: int | None) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _result_json(result: ExtractResult, with_text: bool) -> dict:
    data = result.model_dump(mode="json", exclude_none=False)
    if with_text:
        data["report"]["text"] = result.report.text
    if result.error is None:
        data.pop("error", None)
    return data


def _print_table(result: ExtractResult) -> None:
    report = result.report
    out.rule(f"[bold]{report.title or report.id}[/bold]  ({report.published or 'no date'})")
    if not result.events:
        out.print("  no events found")
        return
    for event in result.events:
        kind = " / ".join(t for t in (event.event_type, event.sub_event_type) if t) or "event"
        names = [p.name for p in event.places[:3]]
        where = event.location.name if event.location else ", ".join(names)
        when = event.date_start if event.date_start == event.date_end else (
            f"{event.date_start} – {event.date_end}")
        flag = " [dim](background)[/dim]" if event.background else ""
        out.print(f"[bold]{kind}[/bold]{flag}  date: {when}  place: {where or '?'}  "
                  f"fatalities: {event.fatalities if event.fatalities is not None else '?'}")
        if not event.figures:
            continue
        table = Table(show_header=True, header_style="bold", expand=False)
        for column in ("category", "value", "qualifier", "object", "term", "source"):
            table.add_column(column, no_wrap=column != "source", max_width=32)
        table.add_column("evidence", overflow="fold", min_width=40)
        for f in event.figures:
            value = str(f.value) if f.low == f.high else f"{f.low}–{f.high}"
            table.add_row(f.category, value, f.qualifier, f.object, f.term,
                          f"{f.source.name} ({f.source.kind})", f.evidence.text)
        out.print(table)


def _reports(inputs: list[str], published: dt.date | None, failures: list[str]) -> Iterator[Report]:
    from .ingest import read_inputs

    for item in read_inputs(inputs, published=published, max_bytes=get_settings().max_bytes):
        if isinstance(item, Report):
            yield item
        else:
            failures.append(str(item))
            err.print(f"[red]error[/red]: {item}")


def _emit(results: Iterable[ExtractResult], fmt: OutputFormat, with_text: bool) -> int:
    """Write results in ``fmt``; RETURNS (int): how many reports failed during extraction."""
    failed = 0
    if fmt is OutputFormat.acled_csv:
        from .export.acled import write_acled_csv

        def counted() -> Iterator[ExtractResult]:
            nonlocal failed
            for r in results:
                failed += r.error is not None
                yield r

        write_acled_csv(counted(), sys.stdout)
        return failed
    collected: list[dict] = []
    for result in results:
        if result.error is not None:
            failed += 1
            err.print(f"[red]error[/red]: {result.report.id}: {result.error}")
        if fmt is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(_result_json(result, with_text), ensure_ascii=False) + "\n")
        elif fmt is OutputFormat.json:
            collected.append(_result_json(result, with_text))
        else:
            _print_table(result)
    if fmt is OutputFormat.json:
        payload = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return failed


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Report files (.txt, .html, .jsonl), http(s) URLs, or - for standard input.")],
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) used to resolve relative dates; it overrides "
             "dates found in metadata or datelines.")] = None,
    fmt: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="table (for people), json (DESIGN records), jsonl (one result "
        "per line), acled-csv (ACLED columns plus figure columns).")] = OutputFormat.table,
    text: Annotated[bool, typer.Option(
        "--text", help="Include the normalised report text (which offsets index) in JSON.",
    )] = False,
) -> None:
    """Extract events, figures, sources, dates and places from news reports.

    Bad inputs are reported on standard error, one line each; the others are still
    processed, and the exit status is 1 if any input failed.
    """
    from .pipeline import Extractor

    failures: list[str] = []
    extractor = Extractor()
    reports = _reports(inputs, _parse_date(published), failures)
    with _progress(None) as progress:
        task = progress.add_task("extracting", total=None)

        def tracked() -> Iterator[ExtractResult]:
            for result in extractor.pipe(reports):
                progress.advance(task)
                yield result

        try:
            failed = _emit(tracked(), fmt, text)
        except SitroomError as exc:
            err.print(f"[red]error[/red]: {exc}")
            raise typer.Exit(1) from exc
    if failures or failed:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    kind: Annotated[str, typer.Argument(
        help="figures (GVDB), displacement (IDETECT), attribution (PolNeAR), events (CASE 2021), "
             "geo (GeoWebNews).")],
    path: Annotated[Path, typer.Argument(help="Dataset in the shared JSON Lines format.",
                                         exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    spans: Annotated[str | None, typer.Option(
        help="geo only: 'gold' (gold toponym spans) or 'ner' (spans from our NER).")] = None,
    errors: Annotated[int, typer.Option(help="How many worst errors to show in the table.")] = 10,
) -> None:
    """Score sitroom against an annotated dataset and print metrics and worst errors."""
    from .evaluate import run

    options: dict = {"limit": limit}
    if spans is not None:
        options["spans"] = spans
    try:
        report = run(kind, path, **options)
    except SitroomError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1) from exc
    if as_json:
        sys.stdout.write(report.to_json() + "\n")
        return
    table = Table(title=f"sitroom eval {kind} {path} (n={report.n})")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in report.metrics.items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
    out.print(table)
    if report.errors and errors > 0:
        worst = Table(title="worst errors", show_lines=False)
        for column in ("id", "expected", "got"):
            worst.add_column(column, overflow="fold")
        for e in report.errors[:errors]:
            worst.add_row(str(e.get("id")), str(e.get("expected")), str(e.get("got")))
        out.print(worst)


def main() -> None:  # pragma: no cover - console entry point
    """Run the CLI."""
    app()
