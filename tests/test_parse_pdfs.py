"""The parser on every real Kent and Merton PDF: meetings, documents and items, minutes and
RESOLVED texts, printed pages, no furniture in passages."""

from __future__ import annotations

import re
from functools import cache

import pytest

from kb.chunk import chunk_pack
from kb.model import Pack
from kb.parse import parse_pack
from kb.read import read_pages

from .conftest import CORPUS

KENT = CORPUS / "kent"
MERTON = CORPUS / "merton"


@cache
def pack(path_name: str) -> Pack:
    path = next(CORPUS.glob(f"*/{path_name}"))
    return parse_pack(read_pages(path), f"corpus/{path.parent.name}/{path.name}")


@cache
def passages(path_name: str):
    return chunk_pack(pack(path_name), path_name).passages


def test_kent_agenda_front_sheet() -> None:
    p = pack("kent-cabinet-2025-01-30-agenda-frontsheet.pdf")
    assert (p.meeting.committee, p.meeting.date, p.meeting.time) == (
        "Cabinet",
        "2025-01-30",
        "10.00 am",
    )
    items = {a.number: a for a in p.agenda}
    assert list(items) == [str(n) for n in range(1, 10)]
    assert (items["3"].title, items["3"].page_start, items["3"].page_end) == (
        "Minutes of the Meeting held on 9th January 2025",
        1,
        10,
    )
    assert items["6"].title.endswith(
        "and Treasury Management Strategy"
    )  # title wrapped over two lines
    assert (items["9"].title, items["9"].page_start, items["9"].page_end) == (
        "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29",
        461,
        610,
    )


def test_kent_printed_minutes() -> None:
    p = pack("kent-cabinet-2025-01-30-printed-minutes.pdf")
    (doc,) = p.documents
    assert doc.doc_type == "minutes"
    assert (doc.meeting.committee, doc.meeting.date, doc.meeting.chair) == (
        "Cabinet",
        "2025-01-30",
        "Mr R W Gough",
    )
    assert [m.number for m in doc.minutes] == [str(n) for n in range(84, 93)]
    assert [m.agenda_item for m in doc.minutes] == [str(n) for n in range(1, 10)]
    minutes = {m.number: m for m in doc.minutes}
    assert minutes["84"].title == "Apologies"
    assert minutes["89"].title.endswith(
        "Draft Capital Programme 2025-35 and Treasury Management Strategy"
    )
    assert minutes["86"].resolution_text is not None
    assert minutes["86"].resolution_text.startswith(
        "RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record"
    )
    assert (minutes["90"].resolution_text or "").startswith(
        "5. RESOLVED that Cabinet agree to transfer the statutory functions delivered by"
    )
    assert minutes["84"].resolution_text is None
    assert (minutes["88"].heading.page, minutes["90"].heading.page, minutes["92"].heading.page) == (
        9,
        13,
        16,
    )


def test_kent_printed_minutes_passages_cite_minute_and_item() -> None:
    hit = next(
        p
        for p in passages("kent-cabinet-2025-01-30-printed-minutes.pdf")
        if "Cabinet agree to transfer the statutory functions" in p.text
    )
    c = hit.citation
    assert (c.committee, c.meeting_date, c.minute, c.agenda_item, c.doc_type, c.page) == (
        "Cabinet",
        "2025-01-30",
        "90",
        "7",
        "minutes",
        14,  # heading on page 13, resolution on 14
    )
    assert hit.is_decision


def test_kent_supplementary_pack_with_covering_letter() -> None:
    p = pack("kent-cabinet-2025-01-30-item7-supplementary-pack.pdf")
    # the meeting of the letter's subject line, not the date the letter was written
    assert (p.meeting.committee, p.meeting.date) == ("Cabinet", "2025-01-30")
    assert [(d.doc_type, d.agenda_item) for d in p.documents] == [
        ("letter", None),
        ("report", "7"),
        ("appendix", "7"),
    ]
    report = p.documents[1]
    assert report.fields["decision_no"] == "24/00109"
    assert report.fields["report_to"] == "Cabinet - 30 January 2025"
    assert report.fields["subject"].startswith(
        "Transfer the 18-25 section of the Strengthening Independence"
    )
    assert report.fields["exempt"] == "Unrestricted" and report.exempt is False
    assert (report.page_start, report.page_end) == (1, 9)
    transitions = next(
        x
        for x in passages("kent-cabinet-2025-01-30-item7-supplementary-pack.pdf")
        if "1.1 Transitions is the process of a minor" in x.text
    )
    assert transitions.citation.page == 2


def test_kent_proposed_record_of_decision_supplement() -> None:
    p = pack("kent-cabinet-2025-01-30-item9-prod-supplement-pack.pdf")
    assert (p.meeting.committee, p.meeting.date) == ("Cabinet", "2025-01-30")
    assert [(d.doc_type, d.agenda_item) for d in p.documents] == [("letter", None), ("report", "9")]
    assert (p.documents[1].page_start, p.documents[1].page_end) == (1, 3)


def test_kent_council_supplement_pack() -> None:
    p = pack("kent-council-2025-01-09-item3-supplement-pack.pdf")
    assert (p.meeting.committee, p.meeting.date) == ("County Council", "2025-01-09")
    report = p.documents[-1]
    assert (report.doc_type, report.agenda_item, report.title) == (
        "report",
        "3",
        "English Devolution White Paper",
    )


def test_kent_almost_empty_public_reports_pack() -> None:
    p = pack("kent-cabinet-2025-03-13-public-reports-pack.pdf")
    assert (p.meeting.committee, p.meeting.date, p.meeting.time) == (
        "Cabinet",
        "2025-03-13",
        "3.00 pm",
    )
    assert [a.title for a in p.agenda] == [
        "Apologies",
        "Declarations of Interest",
        "Consideration of Decision 24/00093 (if required)",
    ]
    assert [d.doc_type for d in p.documents] == ["agenda"]


def test_kent_standalone_report_takes_its_meeting_from_the_cover() -> None:
    p = pack("kent-cabinet-2025-01-30-report-24-00109.pdf")
    assert (p.meeting.committee, p.meeting.date) == ("Cabinet", "2025-01-30")
    (report,) = p.documents
    assert report.doc_type == "report" and report.agenda_item is None  # not printed: not guessed
    assert report.fields["key_decision"].startswith("Yes")


def test_standalone_report_and_its_copy_in_the_pack_give_the_same_passages() -> None:
    alone = [p.text for p in passages("kent-cabinet-2025-01-30-report-24-00109.pdf")]
    in_pack = {p.text for p in passages("kent-cabinet-2025-01-30-item7-supplementary-pack.pdf")}
    same = [t for t in alone if t in in_pack]
    # The pack holds the updated report (its section 7 on the equality assessment was revised).
    assert len(same) >= len(alone) - 4
    assert any("7.2 The EqIA has been updated in January 2025" in t for t in in_pack)


def test_merton_pack() -> None:
    p = pack("merton-audit-2009-10-22-pack.pdf")
    assert (p.meeting.committee, p.meeting.date, p.meeting.time) == (
        "Audit Committee",
        "2009-10-22",
        "19:15",
    )
    pages = {a.number: a.page_start for a in p.agenda}
    assert pages == {"1": 1, "2": None, "3": 3, "4": 9, "5": 23, "6": 53, "7": 155, "8": 169}
    minutes = [d for d in p.documents if d.doc_type == "minutes"]
    assert [(d.meeting.committee, d.meeting.date, d.agenda_item) for d in minutes] == [
        ("Audit Committee", "2009-09-24", "3"),
        ("Audit Committee and General Purposes Committee (Joint Session)", "2009-09-24", "3"),
    ]
    first = minutes[0]
    assert [m.number for m in first.minutes] == [str(n) for n in range(1, 8)]
    assert first.meeting.chair == "Dave Roberts"
    by_number = {m.number: m for m in first.minutes}
    assert by_number["2"].title == "Minutes of the Meeting Held on 23 June 2009"
    assert by_number["2"].agenda_item == "3"
    assert (by_number["2"].resolution_text or "").startswith(
        "RESOLVED: That the minutes of the meeting held on 23 June"
    )
    assert first.page_start == 3 and minutes[1].page_start == 5


FURNITURE = [
    re.compile(r"^\s*Page \d+\s*$", re.M),
    re.compile(r"^\s*Agenda Item \d+\s*$", re.M),
    re.compile(r"intentionally (left )?blank", re.I),
    re.compile(r"All minutes are draft until agreed"),
]
BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$", re.M)


@pytest.mark.parametrize(
    "path", sorted(p.name for p in [*KENT.glob("*.pdf"), *MERTON.glob("*.pdf")])
)
def test_no_furniture_in_pdf_passages(path: str) -> None:
    found = passages(path)
    assert found
    for passage in found:
        for pattern in FURNITURE:
            assert not pattern.search(passage.text), (path, pattern.pattern, passage.text[:200])
        if passage.citation.doc_type != "agenda":  # an agenda's page column is content
            assert not BARE_NUMBER.search(passage.text), (path, passage.text[:200])
