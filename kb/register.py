"""The decision register: every stored decision with its meeting and citation, listed by
filters or found by a question, and one subject followed through its meetings.

Read-only over the store, like `kb.search`; the CLI and `kb serve` call only this.

This is the `kb serve` branch's implementation of the interface in issue 14's register
API, over the `decisions` table as the parser fills it (outcome, votes, mover, seconder and
named voters where the minutes print them, else None). Limited: a query ranks decisions by
the passages that hold them (the search engine, filtered to decisions), and a timeline is
the engine's best passages for the subject in date order, each with the earlier minutes
it says it follows ("follows minute 5 of 12 July 2016") where the papers print that.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from kb.errors import BadQuery
from kb.model import Citation, Hit, Reference
from kb.search import Filters, SearchEngine
from kb.search.candidates import committee_matches
from kb.store import db
from kb.store.generation import current_generation

OUTCOMES = ("carried", "lost", "noted", "approved", "agreed", "deferred", "withdrawn")
QUERY_DEPTH = 3  # passages asked of the search engine per decision wanted
TIMELINE_DEPTH = 100  # passages searched for a timeline
# A unit is about the subject when its passage holds words and two-word phrases of the
# subject worth this share of the subject's weight (each weighted by how rare it is in the
# papers). Two thirds lets a word or phrase of three be missing or printed otherwise; it
# is not tuned on any question.
TIMELINE_COVERAGE = 2 / 3
DOC_ORDER = (
    "agenda",
    "report",
    "presentation",
    "appendix",
    "questions",
    "minutes",
    "letter",
    "other",
)


def _unit_key(c: Citation) -> tuple[object, ...]:
    """Which unit of the papers a passage belongs to: its minute, else its document."""
    if c.minute:
        return (c.source, c.meeting_date, c.minute)
    return (c.source, c.meeting_date, c.doc_type, c.agenda_item, c.title)


def _entry_order(e: TimelineEntry) -> tuple[int, int, str]:
    c = e.citation
    number = re.match(r"\d+", c.minute or c.agenda_item or "")
    rank = DOC_ORDER.index(c.doc_type) if c.doc_type in DOC_ORDER else len(DOC_ORDER)
    return (rank, int(number.group()) if number else 0, c.source)


@dataclass(frozen=True)
class RegisterFilters:
    """Restrictions on decisions; committee is fuzzy, as `kb ask --committee`."""

    committee: str | None = None
    since: str | None = None  # YYYY-MM-DD
    until: str | None = None
    outcome: str | None = None  # one of OUTCOMES
    member: str | None = None  # decisions a named member moved, seconded or voted on
    public: bool = False  # leave out exempt decisions


@dataclass(frozen=True)
class DecisionRecord:
    """One decision: the contract's `kb decisions --json` entry, plus extras."""

    decision_id: str
    committee: str | None
    meeting_date: str | None
    minute: str | None
    agenda_item: str | None
    title: str | None
    text: str
    outcome: str | None
    votes: dict[str, int] | None
    mover: str | None
    seconder: str | None
    citation: Citation
    chunk_id: str | None = None
    voters: dict[str, list[str]] | None = None
    kind: str = "resolution"


@dataclass(frozen=True)
class Register:
    """Decisions for a query (or for the filters alone when `query` is None)."""

    query: str | None
    decisions: tuple[DecisionRecord, ...]


@dataclass(frozen=True)
class TimelineEntry:
    """One unit of the papers about the subject (a minute, a report, an appendix): the
    passage of it that answers best, its decisions, and the earlier minutes it follows."""

    kind: str  # decision, when the unit holds one; else its document type
    chunk_id: str
    text: str
    citation: Citation
    decision: DecisionRecord | None = None  # the unit's last decision (its outcome)
    follows: str | None = None  # 'follows minute 5 of 12 July 2016'
    decisions: tuple[DecisionRecord, ...] = ()
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class TimelineMeeting:
    """The entries of one meeting."""

    meeting_date: str | None
    committee: str | None
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class Timeline:
    """A subject through its meetings, oldest first."""

    query: str
    meetings: tuple[TimelineMeeting, ...]


def _record(row: db.StoredDecision) -> DecisionRecord:
    c = row.passage.citation
    if row.page is not None and row.page != c.page:
        c = replace(c, page=row.page)  # the page the decision itself is printed on
    return DecisionRecord(
        decision_id=row.decision_id,
        committee=c.committee,
        meeting_date=c.meeting_date,
        minute=row.minute if row.minute is not None else c.minute,
        agenda_item=c.agenda_item,
        title=row.title if row.title is not None else c.title,
        text=row.text,
        outcome=row.outcome,
        votes=row.votes,
        mover=row.mover,
        seconder=row.seconder,
        citation=c,
        chunk_id=row.passage.chunk_id,
        voters=row.voters,
        kind=row.kind,
    )


def _records(rows: list[db.StoredDecision]) -> list[DecisionRecord]:
    return [_record(row) for row in rows]


def _wanted(record: DecisionRecord, f: RegisterFilters) -> bool:
    """The filters that the store cannot apply: outcome and member."""
    if f.outcome and record.outcome != f.outcome:
        return False
    if f.member:
        named = [record.mover, record.seconder]
        named += [n for names in (record.voters or {}).values() for n in names]
        wanted = f.member.lower()
        return any(n and wanted in n.lower() for n in named)
    return True


def _check(f: RegisterFilters) -> None:
    if f.outcome and f.outcome not in OUTCOMES:
        raise BadQuery(f"--outcome takes one of {', '.join(OUTCOMES)}, not {f.outcome!r}")


class DecisionRegister:
    """The decisions of one index. Pass `engine` to share an already-loaded SearchEngine
    (it answers the queries); without one it is loaded on the first query."""

    def __init__(self, index: Path | None = None, engine: SearchEngine | None = None) -> None:
        from kb.config import index_dir

        self._index = index
        self._engine = engine
        self._own_engine = engine is None
        folder = engine.folder if engine is not None else current_generation(index_dir(index))
        self.conn = db.connect(folder, readonly=True)

    @property
    def engine(self) -> SearchEngine:
        """The search engine that answers queries."""
        if self._engine is None:
            self._engine = SearchEngine(self._index)
        return self._engine

    def find(
        self, query: str | None = None, k: int = 20, filters: RegisterFilters | None = None
    ) -> Register:
        """Without `query`: every decision matching the filters, newest meeting first. With
        it: the `k` decisions whose passages best answer it, best first."""
        f = filters or RegisterFilters()
        _check(f)
        if query is None:
            rows = db.decisions(self.conn, self._where(f))
            return Register(None, tuple(r for r in _records(rows) if _wanted(r, f)))
        if k < 1:
            raise BadQuery("-k must be 1 or more")
        answer = self.engine.ask(
            query,
            k=k * QUERY_DEPTH,
            filters=Filters(f.committee, f.since, f.until, None, decisions=True, public=f.public),
            distinct=False,  # one resolution's words at two meetings are two decisions
        )
        order = [h.chunk_id for h in answer.results]
        held: dict[str, list[DecisionRecord]] = {}
        for record in _records(db.decisions(self.conn, self._where(f), chunk_ids=order)):
            held.setdefault(record.chunk_id or "", []).append(record)
        found = [r for chunk in order for r in held.get(chunk, []) if _wanted(r, f)]
        return Register(query, tuple(found[:k]))

    def timeline(
        self, query: str, filters: RegisterFilters | None = None, limit: int = 40
    ) -> Timeline:
        """One subject through its meetings, oldest meeting first.

        Each entry is one unit of the papers — a minute, a report, an appendix — that deals
        with the subject: its passage that answers best, every decision it holds, and the
        earlier minutes it says it follows ("Further to Minute No. 5 of 12 July 2016"); an
        earlier minute that a unit follows and the index holds is brought in even when the
        search did not find it. Units whose best passage scores well below the subject's
        best are left out, so the timeline holds what is about the subject, not all it mentions.
        """
        f = filters or RegisterFilters()
        _check(f)
        if limit < 1:
            raise BadQuery("the timeline limit must be 1 or more")
        answer = self.engine.ask(
            query,
            k=max(limit, TIMELINE_DEPTH),
            filters=Filters(f.committee, f.since, f.until, None, public=f.public),
        )
        if not answer.results:
            return Timeline(query, ())
        about = self._about(query, answer.results)
        units: dict[tuple[object, ...], Hit] = {}
        for hit in answer.results:
            if len(units) >= limit:
                break
            if hit.chunk_id in about:
                units.setdefault(_unit_key(hit.citation), hit)
        entries = [self._entry(hit, f) for hit in units.values()]
        for entry in list(entries):  # the earlier minutes the papers say these follow
            for ref in entry.references:
                linked = self._linked_minute(ref, f)
                if linked is not None and _unit_key(linked.citation) not in units:
                    units[_unit_key(linked.citation)] = linked
                    entries.append(self._entry(linked, f))
        meetings: dict[tuple[str | None, str | None], list[TimelineEntry]] = {}
        for entry in entries:
            c = entry.citation
            meetings.setdefault((c.meeting_date, c.committee), []).append(entry)
        ordered = sorted(meetings.items(), key=lambda m: (m[0][0] or "9999", m[0][1] or ""))
        return Timeline(
            query,
            tuple(
                TimelineMeeting(date, committee, tuple(sorted(e, key=_entry_order)))
                for (date, committee), e in ordered
            ),
        )

    def _about(self, query: str, hits: tuple[Hit, ...] | list[Hit]) -> set[str]:
        """The passages among `hits` that are about the subject: they hold enough of its
        words and of its two-word phrases (each weighted by how rare it is in the papers,
        so 'Annual Governance' counts, 'annual' and 'report' little, 'of the' nothing) —
        see TIMELINE_COVERAGE. A phrase no passage holds weighs nothing. When no passage
        qualifies, the best hit stands alone."""
        words = [w for w in re.findall(r"[\w'’]+", query.lower())]
        terms = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        chunk_ids = [h.chunk_id for h in hits]
        counts, holding = db.words_in(self.conn, terms, chunk_ids)
        total = db.passage_count(self.conn)
        weight = {t: math.log((total + 1) / (n + 0.5)) for t, n in counts.items() if n}
        weight = {t: w for t, w in weight.items() if w > 0}
        whole = sum(weight.values())
        if whole <= 0:
            return set(chunk_ids)
        about = {
            chunk
            for chunk in chunk_ids
            if sum(w for t, w in weight.items() if chunk in holding.get(t, ())) / whole
            >= TIMELINE_COVERAGE
        }
        return about or set(chunk_ids[:1])

    def _entry(self, hit: Hit, f: RegisterFilters) -> TimelineEntry:
        """A unit's entry: its best passage, its decisions and what it follows."""
        c = hit.citation
        where = self._unit_where(c, f)
        decisions = tuple(r for r in _records(db.decisions(self.conn, where)) if _wanted(r, f))
        refs: list[Reference] = []
        for found in db.links(self.conn, db.filtered_ids(self.conn, where)).values():
            refs.extend(r for r in found if r.follows and r not in refs)
        return TimelineEntry(
            kind="decision" if decisions else c.doc_type,
            chunk_id=hit.chunk_id,
            text=hit.text,
            citation=c,
            decision=decisions[-1] if decisions else None,
            follows="; ".join(r.describe() for r in refs) or None,
            decisions=decisions,
            references=tuple(refs),
        )

    def _unit_where(self, c: Citation, f: RegisterFilters) -> tuple[str, list[object]]:
        """The passages of the unit (minute or document) a citation belongs to."""
        clause, args = self._where(f)
        parts = [clause, "source = ?", "COALESCE(meeting_date, '') = ?"]
        values: list[object] = [*args, c.source, c.meeting_date or ""]
        if c.minute:
            parts.append("minute = ?")
            values.append(c.minute)
        else:
            parts += [
                "minute IS NULL",
                "doc_type = ?",
                "COALESCE(agenda_item, '') = ?",
                "COALESCE(title, '') = ?",
            ]
            values += [c.doc_type, c.agenda_item or "", c.title or ""]
        return " AND ".join(parts), values

    def _linked_minute(self, ref: Reference, f: RegisterFilters) -> Hit | None:
        """The first passage of the minute a reference names, when the index holds it."""
        if not ref.meeting_date:
            return None
        clause, args = self._where(f)
        ids = db.filtered_ids(
            self.conn,
            (
                f"{clause} AND minute = ? AND meeting_date = ?",
                [*args, ref.minute, ref.meeting_date],
            ),
        )
        if not ids:
            return None
        stored = db.passages_by_id(self.conn, [min(ids)])[min(ids)]
        return Hit(0, 0.0, stored.chunk_id, stored.text, stored.citation)

    def _where(self, f: RegisterFilters) -> tuple[str, list[object]]:
        committees = (
            [c for c in db.committees(self.conn) if committee_matches(f.committee, c)]
            if f.committee
            else None
        )
        return db.filter_clause(committees, f.since, f.until, None, False, f.public)

    def close(self) -> None:
        """Release the database connection (and the engine, when this register loaded it)."""
        self.conn.close()
        if self._own_engine and self._engine is not None:
            self._engine.close()
