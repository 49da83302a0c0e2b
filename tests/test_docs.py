"""Documentation travels with features: every command, setting and eval kind is documented."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer.main

from sitroom.cli import app
from sitroom.config import Settings
from sitroom.evaluate import KINDS

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCS = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)


def _commands(group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        names.append(full)
        if hasattr(command, "commands"):
            names.extend(_commands(command, f"{full} "))
    return names


def test_every_cli_command_is_documented() -> None:
    for command in _commands(typer.main.get_command(app)):
        assert f"sitroom {command}" in DOCS, f"`sitroom {command}` is not in README.md or docs/"


def test_every_setting_is_documented() -> None:
    for field in dataclasses.fields(Settings):
        assert f"SITROOM_{field.name.upper()}" in DOCS, field.name


def test_every_eval_kind_is_documented() -> None:
    for kind in KINDS:
        assert f"sitroom eval {kind}" in DOCS, kind


def test_benchmarks_page_names_its_commands() -> None:
    page = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    for script in sorted((ROOT / "bench").glob("*.py")):
        if '__name__ == "__main__"' not in script.read_text(encoding="utf-8"):
            continue  # a shared helper, not a benchmark
        assert f"bench/{script.name}" in page, script.name
