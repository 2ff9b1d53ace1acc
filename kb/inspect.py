"""What the parser finds in one file, without indexing it (`kb inspect`).

A maintainer dropping in a new council's packs uses this to see why one parses badly:
the meeting, each document (type, title, item, pages, exempt), each minute (number,
title, page) with its decisions (text, outcome, votes, mover, seconder), and the page
furniture that was taken out of the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.config import display_path
from kb.model import Decision, Document, Minute, Pack
from kb.parse import parse_pack
from kb.parse.furniture import classify_lines
from kb.read import read_pages

FURNITURE_KINDS = ("header", "footer", "stamp", "blank", "notice")


@dataclass(frozen=True)
class InspectedDecision:
    """One decision as the parser read it."""

    text: str
    outcome: str | None
    votes: dict[str, int] | None
    mover: str | None
    seconder: str | None
    kind: str = "resolution"
    page: int | None = None
    voters: dict[str, list[str]] | None = None


@dataclass(frozen=True)
class InspectedMinute:
    """One numbered minute (or decision-notice item), with the meeting it records; `number`
    is None for an item printed without one (a web page of one item)."""

    number: str | None
    title: str
    committee: str | None
    meeting_date: str | None
    agenda_item: str | None
    page: int | None
    decisions: list[InspectedDecision] = field(default_factory=list)


@dataclass(frozen=True)
class InspectedDocument:
    """One document of the file: its type, title, item, meeting, printed pages, exempt flag."""

    doc_type: str
    title: str | None
    agenda_item: str | None
    committee: str | None
    meeting_date: str | None
    pages: list[int | None]
    exempt: bool
    minutes: int = 0
    decisions: int = 0


@dataclass(frozen=True)
class Furniture:
    """A piece of page furniture removed from the passage text."""

    kind: str
    text: str
    page_index: int


@dataclass(frozen=True)
class Inspection:
    """Everything the parser found in one file (the `kb inspect --json` object)."""

    source: str
    meeting: dict[str, str | None]
    documents: list[InspectedDocument]
    minutes: list[InspectedMinute]
    furniture: list[Furniture]
    pages: int = 0


def inspect_file(path: Path) -> Inspection:
    """Read and parse `path` as ingest would, and report what was found; raise
    `UnreadableDocument` (one line, what to do) when the file cannot be read."""
    pages = read_pages(path)
    source = display_path(path)
    pack = parse_pack(pages, source)
    furniture = [
        Furniture(line.kind, line.text.strip(), line.page_index)
        for line in classify_lines(pages)
        if line.kind in FURNITURE_KINDS and line.text.strip()
    ]
    return inspection_of(pack, source, furniture, len(pages))


def inspection_of(
    pack: Pack, source: str, furniture: list[Furniture] | None = None, pages: int = 0
) -> Inspection:
    """The inspection of an already parsed pack."""
    m = pack.meeting
    return Inspection(
        source=source,
        meeting={
            "committee": m.committee,
            "meeting_date": m.date,
            "time": m.time,
            "venue": m.venue,
            "chair": m.chair,
        },
        documents=[_document(d) for d in pack.documents],
        minutes=[_minute(minute, d) for d in pack.documents for minute in d.minutes],
        furniture=furniture or [],
        pages=pages,
    )


def _document(doc: Document) -> InspectedDocument:
    return InspectedDocument(
        doc_type=doc.doc_type,
        title=doc.title,
        agenda_item=doc.agenda_item,
        committee=doc.meeting.committee,
        meeting_date=doc.meeting.date,
        pages=[doc.page_start, doc.page_end],
        exempt=doc.exempt,
        minutes=len(doc.minutes),
        decisions=sum(len(m.decisions) for m in doc.minutes),
    )


def _minute(minute: Minute, doc: Document) -> InspectedMinute:
    return InspectedMinute(
        number=minute.number or None,
        title=minute.printed_title or minute.title,
        committee=doc.meeting.committee,
        meeting_date=doc.meeting.date,
        agenda_item=minute.agenda_item,
        page=minute.page,
        decisions=[_decision(d) for d in minute.decisions],
    )


def _decision(d: Decision) -> InspectedDecision:
    return InspectedDecision(
        text=d.text,
        outcome=d.outcome,
        votes=d.votes,
        mover=d.mover,
        seconder=d.seconder,
        kind=d.kind,
        page=d.page,
        voters={k: list(v) for k, v in d.voters.items()} if d.voters else None,
    )
