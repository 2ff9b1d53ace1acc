"""Stage 3, features: one row of numbers per candidate passage, for the ranker.

Every feature is general — a retrieval score, how much of the question the passage, its
unit or its pack holds, whether its meeting lies in the time the question names, whether
its committee is the one named, whether it holds what the kind of question asks for (a
resolution, a vote record, a number, a person, a date), its document type — never a word
list or rule made for one question. `FEATURES` names the columns; `kb/search/ranker.json`
holds the weights `scripts/train_ranker.py` learns for them.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np

from kb.store import evidence
from kb.store.db import StoredPassage

from .answer_types import holds
from .candidates import CandidateSet
from .understand import Query
from .units import Units
from .when import Window

FEATURES = (
    # retrieval
    "dense",  # cosine of question and passage (with its heading context)
    "dense_gap",  # cosine minus the best cosine of any candidate
    "dense_rank",  # -log(1 + rank) in the dense list
    "bm25",  # BM25 over title, context and text, over the best of this question
    "bm25_rank",
    "neighbour_bm25",  # BM25 of the corpus words nearest the question's rare words
    "coverage",  # IDF-weighted share of the question's keywords the passage holds
    "coverage_title",  # ... in its title (minute or document title)
    "coverage_context",  # ... in its heading context (committee, date, item, section)
    "coverage_text",  # ... in its text
    # unit: the minute, report section or public question
    "unit_dense",  # best cosine of any passage of the unit
    "unit_coverage",  # share of the keywords found anywhere in the unit
    "unit_size",
    "pack_coverage",  # keywords frequent in the passage's pack ('Kent', 'Merton', a topic)
    # time
    "time_in",  # meeting in the time named: 'Sept 2024', 'last spring', 'the December
    # meeting', or for 'now' / 'latest' the newest meeting of its committee
    "time_after",  # within a year after an explicit window (reports on a period come later)
    "time_far",  # years between the meeting and the explicit windows named
    "time_text",  # the passage mentions the period ('2016/17', 'December 2016')
    "time_recent",  # 'now', 'latest': 1 for its committee's newest meeting, 1/2 the one before …
    # committee
    "committee",  # how clearly the question names the passage's committee
    "committee_other",  # the question names another committee
    # what the kind of question asks for
    "decision_resolution",  # a decision question and a RESOLVED passage
    "decision_minutes",  # a decision question and a passage of minutes
    "answer_present",  # the passage holds the kind of answer asked for (an amount, a name ...)
    # document
    "doc_minutes",
    "doc_report",
    "doc_appendix",
    "doc_agenda",
    "doc_letter",
    "doc_questions",
    "doc_other",
    "duplicates",  # how many candidates print the same text
    "length",
)
INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass
class CorpusStats:
    """What features need to know about the whole index; read once, kept by the engine."""

    conn: sqlite3.Connection
    total: int
    pack_sizes: dict[int, int]
    meetings: dict[str | None, list[str]]  # committee → its meeting dates, newest first
    _terms: dict[str, dict[int, int]]

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> CorpusStats:
        """Pack sizes and meeting dates of the index behind `conn`."""
        sizes = evidence.pack_sizes(conn)
        meetings: dict[str | None, list[str]] = {}
        for committee, day in evidence.meeting_dates(conn):
            meetings.setdefault(committee, []).append(day)
            meetings.setdefault(None, []).append(day)
        for days in meetings.values():
            days[:] = sorted(set(days), reverse=True)
        return cls(conn, sum(sizes.values()), sizes, meetings, {})

    def packs_of(self, term: str) -> dict[int, int]:
        """pack id → passages holding `term` (stemmed as FTS5 does); cached."""
        if term not in self._terms:
            if len(self._terms) > 5000:
                self._terms.clear()
            self._terms[term] = evidence.pack_counts(self.conn, term)
        return self._terms[term]

    def latest(self, committee: str | None) -> date | None:
        """The newest meeting of `committee` (None: of the whole index)."""
        days = self.meetings.get(committee) or self.meetings.get(None) or []
        return date.fromisoformat(days[0]) if days else None

    def recency(self, committee: str | None, day: str) -> float:
        """1 for the committee's newest meeting, 1/2 the one before, 1/3 ..."""
        days = self.meetings.get(committee) or self.meetings.get(None) or []
        newer = sum(1 for d in days if d > day)
        return 1.0 / (1 + newer)


@dataclass(frozen=True)
class FeatureTable:
    """Candidate passages and their feature rows, in the order of `FEATURES`."""

    pids: list[int]
    rows: np.ndarray  # float32, len(pids) × len(FEATURES)

    def column(self, name: str) -> np.ndarray:
        """One feature for every candidate."""
        return self.rows[:, INDEX[name]]


def period_pattern(windows: tuple[Window, ...]) -> re.Pattern[str] | None:
    """A pattern for how papers write the periods named ('2016/17', '2016-2017', 'December
    2016', 'Dec 2016'): years for windows of a year or more, months for shorter ones."""
    forms: set[str] = set()
    for w in windows:
        if w.start.year < 1990 or w.end.year > 2100:
            continue
        span = (w.end - w.start).days
        if span >= 360 and w.start.month >= 4 and w.end.year == w.start.year + 1:
            y, z = w.start.year, w.end.year
            forms.add(rf"{y}\s*[/-]\s*(?:{z % 100:02d}|{z})\b")
        elif span >= 360:
            forms.update(
                str(y) for y in range(w.start.year, w.end.year + 1) if w.end.year - w.start.year < 6
            )
        elif span >= 27:
            month = w.start
            while month <= w.end:
                name = month.strftime("%B")
                forms.add(rf"{name[:3]}[a-z]*\.?,?\s+{month.year}")
                month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(forms)) + ")", re.IGNORECASE)


def _date(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


@dataclass(frozen=True)
class TermEvidence:
    """Where each keyword of a question occurs: the index terms FTS5 makes of it, its IDF,
    and the passages and fields holding it."""

    idf: dict[str, float]
    fields: dict[
        str, dict[int, set[int]]
    ]  # keyword → passage id → fields (0 title, 1 context, 2 text)
    _held: dict[int, list[tuple[str, set[int]]]] | None = (
        None  # passage → its keywords, on first use
    )

    @classmethod
    def read(cls, conn: sqlite3.Connection, words: list[str], total: int) -> TermEvidence:
        """The evidence for `words` over an index of `total` passages."""
        stemmed = evidence.stems(conn, words)
        terms = sorted({t for ts in stemmed.values() for t in ts})
        found = evidence.term_fields(conn, terms)
        fields: dict[str, dict[int, set[int]]] = {}
        idf: dict[str, float] = {}
        for word, parts in stemmed.items():
            if not parts:
                continue
            merged: dict[int, set[int]] = {}
            for part in parts:  # 'o&s' is two terms; each passage must hold both
                for pid, cols in found.get(part, {}).items():
                    merged.setdefault(pid, set()).update(cols)
            if len(parts) > 1:
                merged = {
                    p: c for p, c in merged.items() if all(p in found.get(t, {}) for t in parts)
                }
            fields[word] = merged
            df = len(merged)
            idf[word] = math.log((total - df + 0.5) / (df + 0.5) + 1.0)
        return cls(idf, fields)

    def unknown_share(self) -> float:
        """Share (by IDF) of the keywords no passage holds (1 when there are none)."""
        total = sum(self.idf.values())
        if not total:
            return 1.0
        return sum(v for w, v in self.idf.items() if not self.fields[w]) / total

    def share(self, pids: set[int], field: int | None = None) -> float:
        """IDF-weighted share of the keywords held by any of `pids` (in `field`, or any)."""
        if self._held is None:
            held: dict[int, list[tuple[str, set[int]]]] = {}
            for word, where in self.fields.items():
                for pid, cols in where.items():
                    held.setdefault(pid, []).append((word, cols))
            object.__setattr__(self, "_held", held)
        assert self._held is not None
        words = {
            w for p in pids for w, cols in self._held.get(p, ()) if field is None or field in cols
        }
        return sum(self.idf[w] for w in words) / (sum(self.idf.values()) or 1.0)


def build(
    query: Query,
    cs: CandidateSet,
    pids: list[int],
    units: Units,
    stats: CorpusStats,
    unit_dense: dict[int, float],
    terms: TermEvidence,
) -> FeatureTable:
    """The feature rows of candidates `pids` (a subset of `cs`) for `query`.

    `unit_dense` holds the cosine of every gathered unit passage with the question;
    `terms` where the question's keywords occur.
    """
    cands = cs.candidates
    idf = terms.idf
    total_idf = sum(idf.values()) or 1.0
    best_dense = max((cands[p].dense for p in pids), default=0.0)
    best_kw = max((cands[p].keyword for p in pids), default=0.0) or 1.0
    best_neighbour = max((cands[p].neighbour for p in pids), default=0.0) or 1.0
    depth = max(len(cands), 1)
    explicit = tuple(w for w in query.time.windows if w.explicit)
    relative = tuple(w for w in query.time.windows if not w.explicit)
    period = period_pattern(query.time.windows)
    named = query.committees[:1]
    copies = Counter(cs.passages[p].text_hash for p in pids)
    pack_share: dict[int, float] = {}
    rows = np.zeros((len(pids), len(FEATURES)), dtype="float32")
    for i, pid in enumerate(pids):
        c = cands[pid]
        p: StoredPassage = cs.passages[pid]
        cit = p.citation
        row = rows[i]
        row[INDEX["dense"]] = c.dense
        row[INDEX["dense_gap"]] = c.dense - best_dense
        row[INDEX["dense_rank"]] = -math.log1p(c.dense_rank if c.dense_rank is not None else depth)
        row[INDEX["bm25"]] = c.keyword / best_kw
        row[INDEX["bm25_rank"]] = -math.log1p(
            c.keyword_rank if c.keyword_rank is not None else depth
        )
        row[INDEX["neighbour_bm25"]] = c.neighbour / best_neighbour
        row[INDEX["coverage"]] = terms.share({pid})
        for j, name in enumerate(("coverage_title", "coverage_context", "coverage_text")):
            row[INDEX[name]] = terms.share({pid}, j)
        unit = units.siblings(pid) or [p]
        ids = {u.id for u in unit} | {pid}
        row[INDEX["unit_dense"]] = max(unit_dense.get(u, c.dense) for u in ids)
        row[INDEX["unit_coverage"]] = terms.share(ids)
        row[INDEX["unit_size"]] = math.log1p(len(unit))
        if p.pack_id not in pack_share:
            size = stats.pack_sizes.get(p.pack_id, 1) or 1
            pack_share[p.pack_id] = (
                sum(
                    idf[t] * min(1.0, 10.0 * stats.packs_of(t).get(p.pack_id, 0) / size)
                    for t in idf
                )
                / total_idf
            )
        row[INDEX["pack_coverage"]] = pack_share[p.pack_id]
        _time(row, query, p, explicit, relative, period, stats)
        score = query.committee_score(cit.committee)
        row[INDEX["committee"]] = score
        row[INDEX["committee_other"]] = float(
            bool(named) and cit.committee not in named and score < 0.5
        )
        _intent(row, query, p, pid in units.votes)
        kind = (
            cit.doc_type
            if cit.doc_type in ("minutes", "report", "appendix", "agenda", "letter", "questions")
            else "other"
        )
        row[INDEX[f"doc_{kind}"]] = 1.0
        row[INDEX["duplicates"]] = math.log(copies[p.text_hash])
        row[INDEX["length"]] = math.log(max(len(p.text), 20)) / 7.0
    return FeatureTable(list(pids), rows)


def _time(
    row: np.ndarray,
    query: Query,
    p: StoredPassage,
    explicit: tuple[Window, ...],
    relative: tuple[Window, ...],
    period: re.Pattern[str] | None,
    stats: CorpusStats,
) -> None:
    day = _date(p.citation.meeting_date)
    if day is not None:
        # one feature for however the time was named, so every kind shares what the
        # explicit windows of the tune questions taught
        inside = (
            any(w.contains(day) for w in explicit + relative)
            or day.month in query.time.months
            or query.time.recent
            and stats.recency(p.citation.committee, day.isoformat()) == 1.0
        )
        row[INDEX["time_in"]] = float(inside)
        if explicit and not inside:
            row[INDEX["time_after"]] = float(any(0 < (day - w.end).days <= 365 for w in explicit))
            row[INDEX["time_far"]] = min(5.0, min(w.distance_days(day) for w in explicit) / 365)
        if query.time.recent:
            row[INDEX["time_recent"]] = stats.recency(p.citation.committee, day.isoformat())
    if period is not None and period.search(f"{p.context}\n{p.text}"):
        row[INDEX["time_text"]] = 1.0


def _intent(row: np.ndarray, query: Query, p: StoredPassage, vote_recorded: bool) -> None:
    if query.intent in ("decision", "vote"):
        row[INDEX["decision_resolution"]] = float(p.is_decision)
        row[INDEX["decision_minutes"]] = float(p.citation.doc_type == "minutes")
    if query.answer_type == "vote" and vote_recorded:
        row[INDEX["answer_present"]] = 1.0
    elif query.answer_type:
        row[INDEX["answer_present"]] = min(1.0, holds(query.answer_type, p.text) / 2)
