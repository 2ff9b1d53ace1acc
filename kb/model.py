"""The data that flows through kb, stage to stage, as small frozen dataclasses.

This module imports nothing from kb: every other module may import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOC_TYPES = (
    "agenda",
    "minutes",
    "report",
    "questions",
    "presentation",
    "appendix",
    "letter",
    "other",
)


@dataclass(frozen=True)
class Page:
    """One page of a source file: its text, printed page label (if any) and 0-based index."""

    text: str
    label: int | None
    index: int


@dataclass(frozen=True)
class Line:
    """One cleaned line of passage text, with the printed page it sits on (None if unknown)."""

    text: str
    page: int | None = None


@dataclass(frozen=True)
class Meeting:
    """A meeting of a committee: who met, when and where. Unknown fields are None."""

    committee: str | None
    date: str | None  # ISO yyyy-mm-dd
    time: str | None = None
    venue: str | None = None
    chair: str | None = None
    present: str | None = None
    apologies: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    """One item of a meeting's agenda as printed on the front sheet."""

    number: str
    title: str
    page_start: int | None = None
    page_end: int | None = None
    report_of: str | None = None
    note: str | None = None
    exempt: bool = False  # listed under 'EXEMPT ITEMS' / 'Part 2' of the agenda


@dataclass(frozen=True)
class Minute:
    """One numbered minute of a set of minutes, with its RESOLVED text if it has one."""

    number: str
    title: str
    lines: tuple[Line, ...]
    resolution_text: str | None = None
    heading: Line | None = None
    agenda_item: str | None = None  # the '(Item N)' a minute names, when it names one


@dataclass(frozen=True)
class Document:
    """One document inside a pack: the front sheet, a set of minutes, a report, an appendix ...

    `meeting` is the meeting the document belongs to: for minutes, the meeting they record.
    """

    doc_type: str
    title: str | None
    agenda_item: str | None
    meeting: Meeting
    lines: tuple[Line, ...]
    minutes: tuple[Minute, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)
    exempt: bool = False
    page_start: int | None = None
    page_end: int | None = None


@dataclass(frozen=True)
class Pack:
    """A parsed agenda pack (or a standalone report): its meeting, agenda and documents."""

    source: str
    meeting: Meeting
    agenda: tuple[AgendaItem, ...]
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class Citation:
    """Where a passage comes from, as shown to users and printed by `--json`."""

    source: str
    committee: str | None
    meeting_date: str | None
    pack_date: str | None
    doc_type: str
    agenda_item: str | None
    minute: str | None
    title: str | None
    page: int | None
    exempt: bool


@dataclass(frozen=True)
class Passage:
    """A retrievable unit of text with its citation and the heading context embedded with it."""

    chunk_id: str
    text: str
    context: str
    citation: Citation
    is_decision: bool = False
    section: str | None = None
    seq: int = 0

    @property
    def embed_text(self) -> str:
        """The text the embedder sees: heading context, then the passage."""
        return f"{self.context}\n{self.text}" if self.context else self.text


@dataclass(frozen=True)
class Decision:
    """A RESOLVED block: the decision of one minute."""

    chunk_id: str
    minute: str | None
    title: str | None
    text: str


@dataclass(frozen=True)
class Hit:
    """One search result: a passage, its score and every other place the same text appears."""

    rank: int
    score: float
    chunk_id: str
    text: str
    citation: Citation
    also_in: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What `kb ask` returns for one question."""

    query: str
    results: tuple[Hit, ...]
    confident: bool = True  # confidence ≥ the threshold chosen on the tune split
    confidence: float | None = None  # estimated probability that the first result answers
