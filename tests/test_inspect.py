"""`kb inspect FILE`: what the parser finds in one file, on a terminal and as the contract's JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bodies"
runner = CliRunner()


def test_json_follows_the_contract() -> None:
    pdf = REPO / "corpus" / "kent" / "kent-cabinet-2025-01-30-printed-minutes.pdf"
    result = runner.invoke(app, ["inspect", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert {"source", "meeting", "documents", "minutes"} <= set(found)
    assert found["meeting"]["committee"] == "Cabinet"
    assert found["meeting"]["meeting_date"] == "2025-01-30"
    doc = found["documents"][0]
    assert {
        "doc_type",
        "title",
        "agenda_item",
        "committee",
        "meeting_date",
        "pages",
        "exempt",
    } <= set(doc)
    assert doc["doc_type"] == "minutes" and doc["pages"] == [1, 17]
    minutes = {m["number"]: m for m in found["minutes"]}
    assert list(minutes) == [str(n) for n in range(84, 93)]
    m86 = minutes["86"]
    assert {
        "number",
        "title",
        "committee",
        "meeting_date",
        "agenda_item",
        "page",
        "decisions",
    } <= set(m86)
    assert (m86["title"], m86["agenda_item"], m86["page"]) == (
        "Minutes of the Meeting held on 9th January 2025",
        "3",
        1,
    )
    (decision,) = m86["decisions"]
    assert {"text", "outcome", "votes", "mover", "seconder"} <= set(decision)
    assert decision["outcome"] == "approved" and decision["votes"] is None
    assert minutes["87"]["decisions"] == []  # the Cabinet Member updates decide nothing


def test_votes_movers_and_amendments_in_json() -> None:
    pdf = FIXTURES / "westmarch-cc-council-2024-02-15-minutes.pdf"
    found = json.loads(runner.invoke(app, ["inspect", str(pdf), "--json"]).stdout)
    budget = next(m for m in found["minutes"] if m["number"] == "13")
    assert [d["kind"] for d in budget["decisions"]] == ["amendment", "amendment", "motion"]
    lost, withdrawn, carried = budget["decisions"]
    assert (lost["outcome"], lost["votes"]) == ("lost", {"for": 23, "against": 45, "abstain": 2})
    assert len(lost["voters"]["against"]) == 45
    assert withdrawn["outcome"] == "withdrawn"
    assert (carried["outcome"], carried["mover"], carried["seconder"]) == (
        "carried",
        "Mr R Hawthorne",
        "Mr S Pryce",
    )


def test_terminal_output_shows_minutes_decisions_and_furniture() -> None:
    pdf = FIXTURES / "aldermoor-city-housing-2024-03-12-minutes.pdf"
    result = runner.invoke(app, ["inspect", str(pdf), "--furniture"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "meeting: Housing and Neighbourhoods Committee · 12 March 2024" in out
    assert "38/24 Selective Licensing Scheme – Northgate Ward" in out
    assert "lost (3 for, 6 against)" in out
    assert "moved by Councillor Brennan" in out
    assert "furniture removed:" in out and "Page 2" in out


def test_unreadable_file_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    result = subprocess.run(
        [sys.executable, "-m", "kb.cli", "inspect", str(bad)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "broken.pdf" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "said"),
    [("no-such.pdf", "no such file; check the path"), ("a-folder", "is a folder; give a file")],
)
def test_a_missing_file_or_a_folder_is_said_so_not_called_corrupt(
    tmp_path: Path, name: str, said: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    result = runner.invoke(app, ["inspect", str(tmp_path / name)])
    assert result.exit_code == 1
    assert said in result.stderr and "corrupt" not in result.stderr


def test_structure_report_script_prints_a_table_per_body() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/structure_report.py", str(FIXTURES)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "| Westmarch County Council |" in result.stdout
    assert "pages/s" in result.stdout
