"""`kb timeline` on real subjects of the real packs, with the real bundled model: every
meeting that dealt with the subject appears, oldest first, and nothing unrelated is in the
first ten entries (issue 14). Marked slow: one full embedding of corpus/ (about a minute).

"Related" is judged here by plain words a reader would look for in an entry's passage or
title, not by the timeline's own weighting, so the test can fail when the timeline strays.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.ingest import ingest

from .conftest import CORPUS

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeline") / "index"
    report = ingest([CORPUS], index=folder)
    assert not report.failed, report.failed
    return folder


def timeline(index: Path, subject: str) -> list[dict]:
    result = runner.invoke(app, ["timeline", subject, "--json", "--index", str(index)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["meetings"]


def entries(meetings: list[dict]) -> list[dict]:
    return [dict(e, meeting_date=m["meeting_date"]) for m in meetings for e in m["entries"]]


def mentions(entry: dict, *words: str) -> bool:
    seen = f"{entry['citation']['title'] or ''} {entry['text']}".lower()
    return any(w.lower() in seen for w in words)


def in_order(found: list[str | None], wanted: list[str]) -> bool:
    """`wanted` appear in `found` in this order (others may sit between)."""
    it = iter(found)
    return all(any(d == w for d in it) for w in wanted)


def test_send_statement_of_action_through_june_and_september_2017(index: Path) -> None:
    meetings = timeline(index, "SEND statement of action")
    dates = [m["meeting_date"] for m in meetings]
    assert dates == sorted(dates)
    # the report and its first resolution (21 June), the special meeting that approved the
    # re-drafted statement (30 June), the update that Ofsted approved it (26 September)
    assert in_order(dates, ["2017-06-21", "2017-06-30", "2017-09-26"]), dates
    found = entries(meetings)
    june30 = next(e for e in found if e["meeting_date"] == "2017-06-30")
    assert june30["citation"]["minute"] == "12"
    assert june30["follows"] == "follows minute 6 of 21 June 2017"
    assert june30["decision"]["outcome"] == "approved"
    september = [e for e in found if e["meeting_date"] == "2017-09-26"]
    assert any(mentions(e, "approved by Ofsted") for e in september)
    for entry in found[:10]:
        assert mentions(entry, "statement of action", "SEND"), entry["citation"]


def test_kent_transfer_from_cabinet_report_to_record(index: Path) -> None:
    found = entries(timeline(index, "transfer of the 18-25 service"))
    kinds = [e["kind"] for e in found]
    assert {e["meeting_date"] for e in found} == {"2025-01-30"}
    decision = next(e for e in found if e["kind"] == "decision")
    assert decision["citation"]["minute"] == "90"
    assert decision["decision"]["outcome"] == "agreed"
    assert "report" in kinds[: kinds.index("decision")]  # the report before the minute
    for entry in found[:10]:
        assert mentions(entry, "18-25", "Strengthening Independence"), entry["citation"]


def test_annual_governance_report_is_not_every_annual_report(index: Path) -> None:
    found = entries(timeline(index, "Annual Governance Report"))
    minutes = {e["citation"]["minute"] for e in found if e["meeting_date"] == "2009-09-24"}
    assert {"5", "6"} <= minutes
    for entry in found[:10]:  # not the adoption, fostering or public health annual reports
        assert mentions(entry, "governance"), entry["citation"]


def test_childrens_social_care_improvement_plan_from_minute_to_report(index: Path) -> None:
    meetings = timeline(index, "Children's Social Care Improvement Plan")
    found = entries(meetings)
    assert in_order([m["meeting_date"] for m in meetings], ["2017-06-21", "2017-09-26"])
    june = next(e for e in found if e["meeting_date"] == "2017-06-21")
    assert june["citation"]["minute"] == "5"
    assert any(
        e["meeting_date"] == "2017-09-26" and e["citation"]["doc_type"] == "report" for e in found
    )
    for entry in found[:10]:
        assert mentions(entry, "improvement"), entry["citation"]
