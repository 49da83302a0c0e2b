"""The ``sitroom`` command line, run as a user runs it: a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPORT = (
    "Clashes in southern town leave 11 dead\n\n"
    "Eleven people were killed and more than 170 were injured in clashes in the town of Osh "
    "on Friday, police said. Local media reported that 47 people were arrested.\n"
)


def sitroom(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitroom", *args],
        input=stdin, capture_output=True, text=True, timeout=300, check=False,
    )


def test_help_lists_commands() -> None:
    result = sitroom("--help")
    assert result.returncode == 0
    for command in ("extract", "eval", "gazetteer"):
        assert command in result.stdout


def test_extract_json_gives_typed_sourced_figures(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = sitroom("extract", str(path), "--published", "2020-02-09", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["report"]["published"] == "2020-02-09"
    main = [e for e in record["events"] if not e["background"]]
    assert main, record
    figures = {f["category"]: f for e in main for f in e["figures"]}
    assert figures["killed"]["value"] == 11
    assert figures["killed"]["source"]["kind"] == "security"
    assert figures["injured"]["value"] == 170
    assert figures["injured"]["qualifier"] == "at_least"
    assert figures["arrested"]["value"] == 47
    assert figures["arrested"]["source"]["kind"] == "media"
    assert main[0]["fatalities"] == 11
    assert main[0]["date_start"] == "2020-02-07"
    evidence = figures["killed"]["evidence"]
    text = REPORT.replace("\n\n", "\n\n")
    assert "Eleven people were killed" in evidence["text"]
    assert evidence["start"] < evidence["end"] <= len(text) + 1


def test_extract_jsonl_keeps_going_after_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"id": "a", "published": "2020-02-09", "text": REPORT}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "published": "2020-02-09",
                      "text": "Three soldiers were wounded by a roadside bomb on Monday."}) + "\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = sitroom("extract", str(empty), str(good), "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["report"]["id"] for r in lines] == ["a", "b"]
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert any("empty.txt" in line for line in errors)
    assert any("good.jsonl:2" in line for line in errors)


def test_extract_reads_stdin_and_prints_a_table() -> None:
    result = sitroom("extract", "-", "--published", "2020-02-09", stdin=REPORT)
    assert result.returncode == 0, result.stderr
    assert "killed" in result.stdout
    assert "170" in result.stdout
