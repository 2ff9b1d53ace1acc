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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np

from kb.store import evidence
from kb.store.db import StoredPassage
from kb.store.keywords import KeywordLists
from kb.store.memo import Memo

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
    _pack_of: np.ndarray | None = None  # passage id → pack id, read when first needed
    # the ids of the passages holding a word (default: asked of FTS5; the engine answers
    # from the keyword lists where the index has them)
    rowids: Callable[[str], np.ndarray] | None = None

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
            if self._pack_of is None:
                self._pack_of = evidence.pack_of_passages(self.conn)
            ids = self.rowids(term) if self.rowids else evidence.term_rowids(self.conn, term)
            ids = ids[ids < len(self._pack_of)]
            packs, counts = np.unique(self._pack_of[ids], return_counts=True)
            self._terms[term] = {
                int(p): int(n)
                for p, n in zip(packs.tolist(), counts.tolist(), strict=True)
                if p >= 0
            }
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
    and for every passage holding any of them a bit mask of the keywords it holds, per
    field (0 title, 1 context, 2 text), so shares of the question are table lookups."""

    words: tuple[str, ...]
    idf: dict[str, float]
    masks: dict[int, tuple[int, int, int]]  # passage id → keyword bits in title, context, text
    present: int = 0  # bits of the keywords some passage of the index holds

    @classmethod
    def read(
        cls,
        conn: sqlite3.Connection,
        words: list[str],
        total: int,
        passages: Iterable[StoredPassage] | None = None,
        memo: Memo | None = None,
        whole: bool = False,
        lists: KeywordLists | None = None,
    ) -> TermEvidence:
        """The evidence for `words` over an index of `total` passages: how many passages
        hold each word (for its IDF), and which fields of `passages` hold it (their masks;
        without `passages`, of every passage of the index).

        How the fields are found: with `whole` (a small index) or without `passages`, from
        the index's every posting of each term; else from the generation's keyword `lists`
        where it has them, or by tokenizing just `passages` (the cost does not grow with
        the index). `memo` keeps what is read for the next query."""
        stemmed = memo.stems(words) if memo else evidence.stems(conn, words)
        terms = sorted({t for ts in stemmed.values() for t in ts})
        known = [w for w in words if stemmed.get(w)]
        keep: set[int] | None = None
        if passages is None or whole:
            found = memo.term_fields(terms) if memo else evidence.term_fields(conn, terms)
            counts = {
                w: len(set.intersection(*(set(found.get(t, {})) for t in stemmed[w])))
                for w in known
            }
            keep = {p.id for p in passages} if passages is not None else None
        else:
            found = (
                lists.fields_in(terms, (p.id for p in passages))  # the same, from the postings
                if lists is not None
                else evidence.fields_in(conn, terms, passages)
            )
            counts = memo.word_counts(known) if memo else evidence.word_counts(conn, known)
        idf: dict[str, float] = {}
        masks: dict[int, list[int]] = {}
        present = 0
        for bit, word in enumerate(known):
            parts = stemmed[word]
            held = set.intersection(*(set(found.get(t, {})) for t in parts))  # 'o&s': both
            if keep is not None:
                held &= keep
            for pid in held:
                cols = set().union(*(found[t][pid] for t in parts))
                row = masks.setdefault(pid, [0, 0, 0])
                for col in cols:
                    row[col] |= 1 << bit
            n = counts.get(word, 0)
            if n:
                present |= 1 << bit
            idf[word] = math.log((total - n + 0.5) / (n + 0.5) + 1.0)
        return cls(tuple(known), idf, {p: (m[0], m[1], m[2]) for p, m in masks.items()}, present)

    @cached_property
    def _weights(self) -> list[float]:
        total = sum(self.idf.values()) or 1.0
        return [self.idf[w] / total for w in self.words]

    def unknown_share(self) -> float:
        """Share (by IDF) of the keywords no passage holds (1 when there are none)."""
        total = sum(self.idf.values())
        if not total:
            return 1.0
        return 1.0 - self.share_of(self.present)

    def mask(self, pids: set[int] | list[int], field: int | None = None) -> int:
        """The keywords any of `pids` holds (in `field`, or any field), as bits."""
        out = 0
        for p in pids:
            m = self.masks.get(p)
            if m is not None:
                out |= (m[0] | m[1] | m[2]) if field is None else m[field]
        return out

    def share_of(self, mask: int) -> float:
        """IDF-weighted share of the keywords in `mask`."""
        weights = self._weights
        return sum(weights[bit] for bit in range(len(weights)) if mask >> bit & 1)

    def share(self, pids: set[int] | list[int], field: int | None = None) -> float:
        """IDF-weighted share of the keywords held by any of `pids` (in `field`, or any)."""
        return self.share_of(self.mask(pids, field))


DOC_KINDS = ("minutes", "report", "appendix", "agenda", "letter", "questions")


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
    n = len(pids)
    rows = np.zeros((n, len(FEATURES)), dtype="float32")
    if not n:
        return FeatureTable([], rows)
    cands = [cs.candidates[p] for p in pids]
    passages: list[StoredPassage] = [cs.passages[p] for p in pids]
    depth = max(len(cs.candidates), 1)

    def column(name: str, values: list[float] | np.ndarray) -> None:
        rows[:, INDEX[name]] = values

    dense = np.array([c.dense for c in cands])
    keyword = np.array([c.keyword for c in cands])
    column("dense", dense)
    column("dense_gap", dense - dense.max())
    column(
        "dense_rank", -np.log1p([depth if c.dense_rank is None else c.dense_rank for c in cands])
    )
    column("bm25", keyword / (keyword.max() or 1.0))
    column(
        "bm25_rank", -np.log1p([depth if c.keyword_rank is None else c.keyword_rank for c in cands])
    )
    # shares of the question's keywords: bit masks, weighed once per distinct mask
    weights = np.array(terms._weights or [0.0])
    bits = np.arange(len(weights))

    def share(masks: list[int]) -> np.ndarray:
        m = np.array(masks, dtype="int64")[:, None]
        return ((m >> bits) & 1) @ weights

    own = [terms.masks.get(p, (0, 0, 0)) for p in pids]
    column("coverage", share([a | b | c for a, b, c in own]))
    for j, name in enumerate(("coverage_title", "coverage_context", "coverage_text")):
        column(name, share([m[j] for m in own]))
    unit_masks, unit_best, unit_sizes = [], [], []
    for pid, c in zip(pids, cands, strict=True):
        ids = {u.id for u in units.siblings(pid)} | {pid}
        unit_masks.append(terms.mask(ids))
        unit_best.append(max(unit_dense.get(u, c.dense) for u in ids))
        unit_sizes.append(len(ids))
    column("unit_dense", unit_best)
    column("unit_coverage", share(unit_masks))
    column("unit_size", np.log1p(unit_sizes))
    column("pack_coverage", _pack_shares(passages, terms, stats))
    _times(rows, query, passages, stats)
    named = query.committees[:1]
    committee = {c: query.committee_score(c) for c in {p.citation.committee for p in passages}}
    column("committee", [committee[p.citation.committee] for p in passages])
    column(
        "committee_other",
        [
            float(
                bool(named)
                and p.citation.committee not in named
                and committee[p.citation.committee] < 0.5
            )
            for p in passages
        ],
    )
    copies = Counter(p.text_hash for p in passages)
    for i, (pid, p) in enumerate(zip(pids, passages, strict=True)):
        _intent(rows[i], query, p, pid in units.votes)
        kind = p.citation.doc_type if p.citation.doc_type in DOC_KINDS else "other"
        rows[i, INDEX[f"doc_{kind}"]] = 1.0
        rows[i, INDEX["duplicates"]] = math.log(copies[p.text_hash])
        rows[i, INDEX["length"]] = math.log(max(len(p.text), 20)) / 7.0
    return FeatureTable(list(pids), rows)


def _pack_shares(
    passages: list[StoredPassage], terms: TermEvidence, stats: CorpusStats
) -> list[float]:
    """Per passage, the share of keywords frequent in its pack ('Kent', 'Merton', a topic)."""
    total = sum(terms.idf.values()) or 1.0
    shares: dict[int, float] = {}
    for pack in {p.pack_id for p in passages}:
        size = stats.pack_sizes.get(pack, 1) or 1
        shares[pack] = (
            sum(
                v * min(1.0, 10.0 * stats.packs_of(t).get(pack, 0) / size)
                for t, v in terms.idf.items()
            )
            / total
        )
    return [shares[p.pack_id] for p in passages]


def _times(
    rows: np.ndarray, query: Query, passages: list[StoredPassage], stats: CorpusStats
) -> None:
    """The time features, worked out once per meeting (and committee) of the candidates."""
    if not query.time:
        return
    explicit = tuple(w for w in query.time.windows if w.explicit)
    relative = tuple(w for w in query.time.windows if not w.explicit)
    period = period_pattern(query.time.windows)
    per_meeting: dict[tuple[str | None, str | None], tuple[float, float, float, float]] = {}
    for i, p in enumerate(passages):
        key = (p.citation.committee, p.citation.meeting_date)
        if key not in per_meeting:
            per_meeting[key] = _meeting_time(query, key[1], key[0], explicit, relative, stats)
        inside, after, far, recent = per_meeting[key]
        rows[i, INDEX["time_in"]] = inside
        rows[i, INDEX["time_after"]] = after
        rows[i, INDEX["time_far"]] = far
        rows[i, INDEX["time_recent"]] = recent
        if period is not None and period.search(f"{p.context}\n{p.text}"):
            rows[i, INDEX["time_text"]] = 1.0


def _meeting_time(
    query: Query,
    meeting_date: str | None,
    committee: str | None,
    explicit: tuple[Window, ...],
    relative: tuple[Window, ...],
    stats: CorpusStats,
) -> tuple[float, float, float, float]:
    """(inside, after, far, recent) for one meeting."""
    day = _date(meeting_date)
    if day is None:
        return 0.0, 0.0, 0.0, 0.0
    recency = stats.recency(committee, day.isoformat()) if query.time.recent else 0.0
    # one feature for however the time was named, so every kind shares what the explicit
    # windows of the tune questions taught
    inside = (
        any(w.contains(day) for w in explicit + relative)
        or day.month in query.time.months
        or recency == 1.0
    )
    after = far = 0.0
    if explicit and not inside:
        after = float(any(0 < (day - w.end).days <= 365 for w in explicit))
        far = min(5.0, min(w.distance_days(day) for w in explicit) / 365)
    return float(inside), after, far, recency


def _intent(row: np.ndarray, query: Query, p: StoredPassage, vote_recorded: bool) -> None:
    if query.intent in ("decision", "vote"):
        row[INDEX["decision_resolution"]] = float(p.is_decision)
        row[INDEX["decision_minutes"]] = float(p.citation.doc_type == "minutes")
    if query.answer_type == "vote" and vote_recorded:
        row[INDEX["answer_present"]] = 1.0
    elif query.answer_type:
        row[INDEX["answer_present"]] = min(1.0, holds(query.answer_type, p.text) / 2)
