"""The data that flows through kb, stage to stage, as small frozen dataclasses.

This module imports nothing from kb: every other module may import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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
class LineStyle:
    """How a line is printed, where the source format says (PDF text layers do).

    `size` is the effective font size in points of most of its characters, `bold` whether
    most of them are set in a bold face, `x` the left edge and `y` the baseline in points
    from the page's bottom-left corner.
    """

    size: float
    bold: bool
    x: float
    y: float


@dataclass(frozen=True)
class Page:
    """One page of a source file: its text, printed page label (if any) and 0-based index.

    `styles`, when the format carries layout, holds one `LineStyle` (or None for a line
    with no printed characters) for each line of `text.splitlines()`; else it is empty.
    """

    text: str
    label: int | None
    index: int
    styles: tuple[LineStyle | None, ...] = ()


@dataclass(frozen=True)
class Line:
    """One cleaned line of passage text, with the printed page it sits on (None if unknown)
    and how it is printed (None where the source carries no layout)."""

    text: str
    page: int | None = None
    style: LineStyle | None = field(default=None, compare=False)


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


OUTCOMES = ("carried", "lost", "noted", "approved", "agreed", "deferred", "withdrawn")


@dataclass(frozen=True)
class Decision:
    """One decision of a minute: a resolution, or an amendment or motion put to the vote.

    `text` is the decision as printed, its formula ('RESOLVED that', 'It was agreed')
    included; `outcome` one of `OUTCOMES` or None; `votes` the printed counts
    ({"for": 7, "against": 2, "abstain": 1}, a count not printed left out) or None;
    `voters` the names printed under each count, where listed. `start` and `end` are the
    lines of the minute's body the decision spans (end exclusive).
    """

    text: str
    outcome: str | None = None
    votes: dict[str, int] | None = field(default=None, hash=False)
    voters: dict[str, tuple[str, ...]] | None = field(default=None, hash=False)
    mover: str | None = None
    seconder: str | None = None
    kind: str = "resolution"  # resolution | amendment | motion
    page: int | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Minute:
    """One numbered minute of a set of minutes (or item of a decision notice), with its decisions."""

    number: str
    title: str
    lines: tuple[Line, ...]
    resolution_text: str | None = None  # the text of the minute's last decision
    heading: Line | None = None
    agenda_item: str | None = None  # the '(Item N)' a minute names, when it names one
    decisions: tuple[Decision, ...] = ()
    printed_title: str | None = None  # the title as printed (`title` is for display)

    @property
    def page(self) -> int | None:
        """The printed page the minute's heading is on."""
        return self.heading.page if self.heading else None

    @property
    def outcome(self) -> str | None:
        """The minute's outcome: that of its last decision."""
        return self.decisions[-1].outcome if self.decisions else None


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
class Reference:
    """A minute referred to: its number, and its meeting's date and committee where printed."""

    minute: str
    meeting_date: str | None = None
    committee: str | None = None
    follows: bool = True  # 'Further to …' or a dated earlier minute; else it only refers

    def describe(self) -> str:
        """'follows minute 5 of 12 July 2016' (or 'refers to minute 36/24')."""
        when = ""
        if self.meeting_date:
            d = date.fromisoformat(self.meeting_date)
            when = f" of {d.day} {d.strftime('%B %Y')}"
        body = f" ({self.committee})" if self.committee else ""
        verb = "follows" if self.follows else "refers to"
        return f"{verb} minute {self.minute}{when}{body}"


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
    references: tuple[Reference, ...] = ()  # minutes of earlier meetings it refers to

    @property
    def embed_text(self) -> str:
        """The text the embedder sees: heading context, then the passage."""
        return f"{self.context}\n{self.text}" if self.context else self.text


@dataclass(frozen=True)
class DecisionEntry:
    """A decision as indexed: the decision, the minute and meeting it belongs to, and the
    passage that holds its first line (`chunk_id`)."""

    chunk_id: str
    minute: str | None
    title: str | None
    decision: Decision
    seq: int = 0  # order within its minute

    @property
    def text(self) -> str:
        """The decision's text."""
        return self.decision.text


@dataclass(frozen=True)
class HeldDecision:
    """A decision a result's passage holds, as `kb ask` shows it beside the citation."""

    decision_id: str
    outcome: str | None
    votes: dict[str, int] | None = field(default=None, hash=False)
    mover: str | None = None
    seconder: str | None = None
    kind: str = "resolution"


@dataclass(frozen=True)
class Hit:
    """One search result: a passage, its score, every other place the same text appears,
    and the decisions it holds (outcome, votes, mover, seconder)."""

    rank: int
    score: float
    chunk_id: str
    text: str
    citation: Citation
    also_in: tuple[Citation, ...] = ()
    decisions: tuple[HeldDecision, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What `kb ask` returns for one question."""

    query: str
    results: tuple[Hit, ...]
    confident: bool = True  # confidence ≥ the threshold chosen on the tune split
    confidence: float | None = None  # estimated probability that the first result answers
