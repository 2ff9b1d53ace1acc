"""The parser on every real Sefton pack: meetings, agenda, documents, minutes, decisions, pages."""

from __future__ import annotations

import re
from functools import cache

import pytest

from kb.chunk import chunk_pack
from kb.model import Pack
from kb.parse import parse_pack
from kb.read import read_pages

from .conftest import SEFTON

COMMITTEE = "Overview and Scrutiny Committee (Children's Services and Safeguarding)"


@cache
def pack(name: str) -> Pack:
    path = next(SEFTON.glob(f"{name}_*.txt"))
    return parse_pack(read_pages(path), f"corpus/sefton/{path.name}")


def minutes_of(p: Pack, date: str):
    return next(d for d in p.documents if d.doc_type == "minutes" and d.meeting.date == date)


def test_front_sheet_meeting_and_agenda_nov_2024() -> None:
    p = pack("000")
    assert p.meeting.committee == COMMITTEE
    assert p.meeting.date == "2024-11-12"
    assert p.meeting.time == "6.30 pm"
    assert p.meeting.venue and "Bootle Town Hall" in p.meeting.venue
    items = {a.number: a for a in p.agenda}
    assert list(items) == [str(n) for n in range(1, 11)]
    assert items["4"].title == "Minutes of the Previous Meeting"
    assert (items["4"].page_start, items["4"].page_end) == (9, 16)
    assert items["8"].title == "Children, Schools and Families - SEND Data"
    assert (items["10"].page_start, items["10"].page_end) == (
        61,
        76,
    )  # range wrapped over two lines
    assert items["5"].report_of == "Chief Legal and Democratic Officer"


def test_minutes_of_24_september_2024_in_the_november_pack() -> None:
    doc = minutes_of(pack("000"), "2024-09-24")
    assert doc.agenda_item == "4"
    assert doc.meeting.committee == COMMITTEE
    numbers = [m.number for m in doc.minutes]
    assert numbers == [str(n) for n in range(14, 24)]
    titles = {m.number: m.title for m in doc.minutes}
    assert titles["14"] == "Apologies for Absence"
    assert titles["17"] == "Public Question Time"
    assert titles["18"] == "Cabinet Member Reports"
    assert titles["22"] == "OFSTED Inspections Spring/Summer 2024"
    assert titles["23"] == "Work Programme Key Decision Forward Plan"
    resolved = {m.number: m.resolution_text for m in doc.minutes}
    assert resolved["14"] is None and resolved["15"] is None
    assert resolved["17"] == "RESOLVED:\nThat the questions and responses, be noted."
    assert (
        "a visit be arranged for the Committee to meet with the Social Work Academy Graduates"
        in (resolved["19"] or "")
    )
    assert doc.meeting.chair == "Councillor Danny Burns"
    assert doc.meeting.present and "Prendergast" in doc.meeting.present
    assert doc.meeting.apologies and "Hardman" in doc.meeting.apologies


def test_documents_and_their_agenda_items_nov_2024() -> None:
    docs = [(d.doc_type, d.agenda_item) for d in pack("000").documents]
    assert docs[0] == ("agenda", None)
    assert ("questions", "3") in docs
    assert ("minutes", "4") in docs
    assert ("report", "5") in docs and ("report", "7") in docs and ("report", "8") in docs
    assert ("report", "10") in docs
    send = [d for d in pack("000").documents if d.agenda_item == "8"]
    assert [d.doc_type for d in send] == ["report", "appendix"]
    assert send[0].fields["report_to"].startswith("Overview and Scrutiny")
    assert send[0].exempt is False


def test_two_sets_of_minutes_in_the_september_2017_pack() -> None:
    p = pack("001")
    assert (p.meeting.committee, p.meeting.date) == (COMMITTEE, "2017-09-26")
    june21 = minutes_of(p, "2017-06-21")
    june30 = minutes_of(p, "2017-06-30")
    assert [m.number for m in june21.minutes] == [str(n) for n in range(1, 10)]
    assert [m.number for m in june30.minutes] == ["10", "11", "12"]
    assert june21.agenda_item == june30.agenda_item == "3"
    minute3 = june21.minutes[2]
    assert minute3.title == "Minutes of the Previous Meeting"
    assert "being amended to include the attendance of Mrs. C. Palmer" in (
        minute3.resolution_text or ""
    )


def test_cabinet_member_report_is_placed_by_majority_of_its_stamps() -> None:
    # The cover page of item 10 follows an 'Agenda Item 8' stamp from the page before.
    docs = pack("001").documents
    cabinet = next(d for d in docs if d.title and d.title.startswith("Cabinet Member Report"))
    assert cabinet.agenda_item == "10"
    assert cabinet.doc_type == "report"


def test_supplementary_pack_takes_its_meeting_from_the_covering_letter() -> None:
    p = pack("002")
    assert (p.meeting.committee, p.meeting.date) == (COMMITTEE, "2024-01-30")
    assert p.agenda == ()  # the letter's own numbering is not the agenda's
    assert [d.doc_type for d in p.documents][0] == "letter"
    report = next(d for d in p.documents if d.doc_type == "report")
    assert report.agenda_item == "4"
    assert report.fields["date"] == "30 January 2024"
    assert report.page_start == 3  # from the letter's '(Pages 3 - 20)'


def test_health_and_wellbeing_board_pack() -> None:
    p = pack("003")
    assert (p.meeting.committee, p.meeting.date) == ("Health and Wellbeing Board", "2023-03-08")
    minutes = minutes_of(p, "2022-12-07")
    assert minutes.agenda_item == "2"
    assert (
        minutes.meeting.committee == "Health and Wellbeing Board"
    )  # not the 'call in' notice above it
    assert [m.number for m in minutes.minutes] == [str(n) for n in range(70, 80)]
    assert minutes.minutes[6].title.startswith("Liverpool John Moore's Emotional Wellbeing Survey")
    items: dict[str, str] = {}
    for d in p.documents:
        if d.agenda_item:
            items.setdefault(d.agenda_item, d.doc_type)  # an item's first document
    # Item 8 has no stamp: it is found by its title after a gap.
    assert items["8"] == "report" and items["11"] == "report" and items["4"] == "report"
    # A report first written for another committee is still cited to this meeting.
    scorecard = next(d for d in p.documents if d.agenda_item == "4")
    assert scorecard.meeting.date == "2023-03-08"


def test_standalone_exempt_report() -> None:
    p = pack("004")
    assert (p.meeting.committee, p.meeting.date) == (COMMITTEE, "2025-01-28")
    (report,) = p.documents
    assert report.doc_type == "report" and report.exempt is True
    assert report.agenda_item is None  # not printed anywhere: never guessed


FURNITURE = [
    re.compile(r"^\s*Agenda Item \d+\s*$", re.M),
    re.compile(r"^\s*Page \d+\s*$", re.M),
    re.compile(r"intentionally left blank", re.I),
    re.compile(r"<\s*/?\s*(p|ul|li|sup|br)\b", re.I),
    re.compile(r"^[A-Z ()',&-]+ - (MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY) \d", re.M),
    re.compile(r"Page \d+ Agenda Item \d+"),
    re.compile(r"\*\*"),
]


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_no_passage_holds_page_furniture(name: str) -> None:
    passages = chunk_pack(pack(name), name).passages
    assert passages
    for passage in passages:
        for pattern in FURNITURE:
            assert not pattern.search(passage.text), (pattern.pattern, passage.text[:200])


def test_pages_of_minutes_follow_the_agenda_page_range() -> None:
    doc = minutes_of(pack("000"), "2024-09-24")
    assert doc.page_start == 9
    assert doc.page_end is not None and 9 < doc.page_end <= 16
    minute18 = next(m for m in doc.minutes if m.number == "18")
    assert minute18.lines[0].page == 9  # title is on the first page ...
    assert any(
        ln.page == 10 for ln in minute18.lines
    )  # ... and it runs on after the running header


def test_printed_page_footers_set_passage_pages() -> None:
    passages = chunk_pack(pack("000"), "000").passages
    backlog = next(p for p in passages if p.text.startswith("June's compliance was 57%"))
    assert backlog.citation.page == 46  # text after the 'Page 45' footer
