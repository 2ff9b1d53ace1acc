"""Exempt papers: recognised, labelled for members, and absent from a public build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.model import Page
from kb.parse import parse_pack
from kb.parse.cover import is_exempt, parse_cover_fields

from .conftest import SEFTON

runner = CliRunner()
EXEMPT_PACK = "004_0a649f34eee39f0a.txt"
CANARIES = [
    "the framework for this will be trauma informed systemic practice",
    "there were 18 families who had been subject to child protection planning for over 12 months",
]


def every_byte_under(folder: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def canary_free(data: str | bytes) -> bool:
    raw = data if isinstance(data, bytes) else data.encode()
    return not any(c.encode() in raw or c.lower().encode() in raw.lower() for c in CANARIES)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    for name in (EXEMPT_PACK, "002_d82a2967a2835cfe.txt"):
        shutil.copy(SEFTON / name, folder / name)
    return folder


def test_canaries_are_in_the_exempt_report() -> None:
    text = (SEFTON / EXEMPT_PACK).read_text()
    assert all(c in text for c in CANARIES)


def test_public_index_holds_no_byte_of_exempt_text(
    fake_embedder, corpus: Path, tmp_path: Path
) -> None:
    index = tmp_path / "public-index"
    result = runner.invoke(app, ["ingest", str(corpus), "--public", "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "1 exempt documents withheld (public index)" in result.stderr
    assert canary_free(result.stdout + result.stderr)
    assert canary_free(every_byte_under(index))
    outputs = []
    # questions aimed at the exempt report, worded so that they do not themselves hold a canary
    questions = [
        "what framework will the new practice model be: trauma informed systemic?",
        "families subject to child protection planning for over a year",
        "Rapid Improvement Project",
    ]
    for question in questions:
        for extra in (["--json"], []):
            asked = runner.invoke(app, ["ask", question, "--index", str(index), "-k", "10", *extra])
            assert asked.exit_code == 0
            outputs.append(asked.stdout + asked.stderr)
    for canary in CANARIES:  # the question itself is echoed back; the results must not hold it
        results = json.loads(
            runner.invoke(app, ["ask", canary, "--index", str(index), "--json"]).stdout
        )["results"]
        outputs.append(json.dumps(results))
    ids = [
        h["chunk_id"]
        for h in json.loads(
            runner.invoke(
                app, ["ask", questions[0], "--index", str(index), "--json", "-k", "20"]
            ).stdout
        )["results"]
    ]
    for chunk_id in ids:
        shown = runner.invoke(app, ["show", chunk_id, "--index", str(index), "--around", "3"])
        outputs.append(shown.stdout + shown.stderr)
    stats = runner.invoke(app, ["stats", "--index", str(index), "--json"])
    outputs.append(stats.stdout)
    assert all(canary_free(o) for o in outputs)
    info = json.loads(stats.stdout)
    assert (
        info["public"] is True and info["withheld_documents"] == 1 and info["exempt_passages"] == 0
    )


def test_later_ingests_keep_a_public_index_public(
    fake_embedder, corpus: Path, tmp_path: Path
) -> None:
    index = tmp_path / "public-index"
    assert (
        runner.invoke(
            app, ["ingest", str(corpus), "--public", "--index", str(index), "-q"]
        ).exit_code
        == 0
    )
    shutil.copy(SEFTON / "003_e1d533a4d0f9a987.txt", corpus)
    (corpus / EXEMPT_PACK).write_text((SEFTON / EXEMPT_PACK).read_text() + "\nA late addition.\n")
    again = runner.invoke(
        app, ["ingest", str(corpus), "--index", str(index), "--json", "-q"]
    )  # no --public
    assert again.exit_code == 0
    report = json.loads(again.stdout)
    assert report["public"] is True and report["withheld_documents"] == 1
    assert canary_free(every_byte_under(index))
    assert (
        json.loads(runner.invoke(app, ["stats", "--index", str(index), "--json"]).stdout)["public"]
        is True
    )
    rebuilt = runner.invoke(
        app, ["ingest", str(corpus), "--index", str(index), "--rebuild", "--json", "-q"]
    )
    assert rebuilt.exit_code == 0 and json.loads(rebuilt.stdout)["public"] is True  # --rebuild too
    assert canary_free(every_byte_under(index))


def test_a_members_index_cannot_be_turned_public_in_place(fake_embedder, corpus: Path) -> None:
    assert runner.invoke(app, ["ingest", str(corpus), "-q"]).exit_code == 0
    for extra in ([], ["--rebuild"]):
        result = runner.invoke(app, ["ingest", str(corpus), "--public", *extra])
        assert result.exit_code == 1
        assert (
            "holds a members' index with exempt papers; build the public one in a folder of its own"
            in result.stderr
        )


def test_members_index_shows_exempt_passages_labelled(fake_embedder, corpus: Path) -> None:
    assert runner.invoke(app, ["ingest", str(corpus), "-q"]).exit_code == 0
    data = json.loads(runner.invoke(app, ["ask", CANARIES[0], "--json"]).stdout)
    top = data["results"][0]
    assert CANARIES[0] in top["text"] and top["citation"]["exempt"] is True
    human = runner.invoke(app, ["ask", CANARIES[0], "-k", "1"]).stdout
    assert "EXEMPT — not for publication" in human
    shown = runner.invoke(app, ["show", top["chunk_id"]]).stdout
    assert "EXEMPT — not for publication" in shown
    hidden = json.loads(
        runner.invoke(app, ["ask", CANARIES[0], "--json", "--public", "-k", "20"]).stdout
    )
    assert hidden["results"] and not any(h["citation"]["exempt"] for h in hidden["results"])
    assert canary_free(json.dumps(hidden["results"]))


def cover(exempt_line: str, body: str = "The report sets out the budget.") -> list[str]:
    return [
        "Report to:\tCabinet\tDate of Meeting:\t1 May 2024",
        "Subject:\tBudget",
        exempt_line,
        "",
        body,
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Exempt / Confidential Report:\tNo", False),
        ("Exempt/confidential report:\tN", False),
        ("Classification: Unrestricted", False),
        (
            "Exempt/confidential report:\tYes The report is NOT FOR PUBLICATION by virtue of Paragraph 3",
            True,
        ),
        ("Classification: Exempt", True),
        ("Classification: Restricted", True),
        ("Exempt / Confidential Report:\tYes", True),
    ],
)
def test_cover_sheet_exemption(line: str, expected: bool) -> None:
    lines = cover(line)
    assert is_exempt(parse_cover_fields(lines), lines) is expected


def test_schedule_12a_mentioned_in_passing_is_not_exempt() -> None:
    body = (
        "Members will recall that reports containing exempt information under Schedule 12A of the "
        "Local Government Act 1972 are considered in Part 2 of the agenda. This report is public."
    )
    lines = cover("Exempt / Confidential Report:\tNo", body)
    assert is_exempt(parse_cover_fields(lines), lines) is False


def test_items_in_the_exempt_part_of_an_agenda_are_exempt() -> None:
    text = "\n".join(
        [
            "MEETING: CABINET",
            "DATE: Thursday 1st May 2025",
            "",
            "AGENDA",
            "",
            "1. Apologies for Absence",
            "",
            "2. Budget Update (Pages 3 - 4)",
            "",
            "Report of the Treasurer",
            "",
            "EXEMPT ITEMS",
            "",
            "3. Sale of Land at Mill Lane (Pages 5 - 6)",
            "",
            "Report of the Head of Property",
            "",
            "This page is intentionally left blank",
            "",
            "Agenda Item 2",
            "",
            "Report to:\tCabinet\tDate of Meeting:\t1 May 2025",
            "Subject:\tBudget Update",
            "Report of:\tTreasurer",
            "Exempt / Confidential Report:\tNo",
            "",
            "The budget is balanced.",
            "",
            "This page is intentionally left blank",
            "",
            "Agenda Item 3",
            "",
            "Report to:\tCabinet\tDate of Meeting:\t1 May 2025",
            "Subject:\tSale of Land at Mill Lane",
            "Report of:\tHead of Property",
            "",
            "The offer for the land is 2.1 million pounds.",
        ]
    )
    pack = parse_pack([Page(text, None, 0)], "cabinet.txt")
    assert [(a.number, a.exempt) for a in pack.agenda] == [("1", False), ("2", False), ("3", True)]
    docs = {d.agenda_item: d.exempt for d in pack.documents if d.agenda_item}
    assert docs == {"2": False, "3": True}


def test_part_2_after_exclusion_of_the_press_and_public() -> None:
    text = "\n".join(
        [
            "MEETING: LICENSING COMMITTEE",
            "DATE: 2nd June 2025",
            "",
            "AGENDA",
            "",
            "1. Minutes",
            "",
            "2. Exclusion of the Press and Public",
            "",
            "3. Review of a Licence",
            "",
        ]
    )
    pack = parse_pack([Page(text, None, 0)], "lic.txt")
    assert [(a.number, a.exempt) for a in pack.agenda] == [("1", False), ("2", False), ("3", True)]
