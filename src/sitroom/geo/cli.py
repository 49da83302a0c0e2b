"""``sitroom gazetteer``: build the gazetteer and import GeoNames dumps."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from ..config import get_settings
from ..errors import GazetteerError

app = typer.Typer(
    help="Build the offline gazetteer and import GeoNames dumps.", no_args_is_help=True
)
console = Console(stderr=True)

PathOption = Annotated[
    Path | None,
    typer.Option("--path", help="Gazetteer file. Default: $SITROOM_DATA_DIR/gazetteer.sqlite."),
]


def _path(path: Path | None) -> Path:
    return path or get_settings().data_dir / "gazetteer.sqlite"


@app.command()
def build(
    path: PathOption = None,
    if_missing: Annotated[
        bool, typer.Option("--if-missing", help="Do nothing when the gazetteer already exists.")
    ] = False,
) -> None:
    """Build the gazetteer from the GeoNames data shipped on PyPI (about a minute).

    Replaces an existing gazetteer file, including places imported from dumps, unless
    --if-missing is given. The file is swapped in only when the build succeeds.
    """
    from .build import build as run_build

    target = _path(path)
    if if_missing and target.exists():
        console.print(f"gazetteer already built at {target}")
        return
    with console.status("building gazetteer") as status:
        counts = run_build(target, progress=lambda stage: status.update(f"building: {stage}"))
    console.print(
        f"[green]gazetteer built[/green] at {target}: {counts['places']:,} places, "
        f"{counts['names']:,} names in {counts['seconds']} s"
    )


@app.command("import-geonames")
def import_geonames(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="GeoNames dumps: allCountries.zip, XX.zip or XX.txt, alternateNamesV2.zip, "
            "admin1CodesASCII.txt, admin2Codes.txt."
        ),
    ],
    path: PathOption = None,
    force: Annotated[bool, typer.Option(help="Re-import files already imported.")] = False,
    batch_size: Annotated[int, typer.Option(help="Lines per transaction.")] = 20_000,
) -> None:
    """Stream GeoNames dumps into the gazetteer (upsert; resumable; validated first).

    A malformed line stops the import before anything is written, naming the line.
    """
    from .geonames import Importer

    columns = (TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def report(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=max(total, 1))
            bar.update(tasks[label], completed=done)

        try:
            written = Importer(_path(path), batch_size=batch_size).run(
                files, progress=report, force=force
            )
        except GazetteerError as exc:
            console.print(f"[red]error[/red] {exc}")
            raise typer.Exit(1) from exc
    for label, lines in written.items():
        console.print(
            f"{label}: {lines:,} lines imported"
            if lines
            else f"{label}: already imported (use --force to redo)"
        )
