"""Stage 2, candidates: the passages worth scoring, from dense (FAISS) and keyword (FTS5
BM25) search, with the scores later stages start from: cosine, BM25 and each passage's
rank in each list. Filters are applied inside both searches, so a narrow filter still
fills the answer.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kb.model import Citation
from kb.store import db, evidence
from kb.store.keywords import KeywordLists
from kb.store.memo import Memo
from kb.store.vectors import FaissIndex

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

PARALLEL_KEYWORDS_ABOVE = 20_000  # passages; below this one FTS5 query is quicker than threads


@dataclass(frozen=True)
class Filters:
    """Restrictions on results: committee (fuzzy), date range, document type, decisions only."""

    committee: str | None = None
    since: str | None = None
    until: str | None = None
    doc_type: str | None = None
    decisions: bool = False
    public: bool = False  # leave out exempt passages

    def active(self) -> bool:
        """True when any filter is set."""
        return any(
            (self.committee, self.since, self.until, self.doc_type, self.decisions, self.public)
        )


@dataclass
class Candidate:
    """One passage worth scoring and what retrieval knows about it."""

    pid: int
    dense: float = 0.0
    keyword: float = 0.0  # BM25 over title, context and text (FTS5's weights 2, 0.5, 1)
    dense_rank: int | None = None
    keyword_rank: int | None = None


@dataclass
class CandidateSet:
    """The candidates of one question, their stored passages and the question's vector."""

    candidates: dict[int, Candidate]
    passages: dict[int, db.StoredPassage]
    vector: np.ndarray
    terms: list[str] = field(default_factory=list)  # the keywords searched


class KeywordSearch:
    """BM25 over the passages: summed from the generation's keyword lists where it has
    them (`kb/store/keywords.py`: the same scores and order, no row scored in SQLite);
    else by FTS5, on one connection or, on a big index, over id ranges on parallel
    connections (SQLite lets go of the GIL; scores are those of the whole index, as FTS5
    takes IDF from all rows) while the caller embeds the question."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        folder: Path,
        parallel: bool,
        lists: KeywordLists | None = None,
        memo: Memo | None = None,
    ) -> None:
        self.conn, self.folder, self.parallel = conn, folder, parallel
        self.lists, self.memo = lists, memo
        self._shards: list[tuple[sqlite3.Connection, tuple[int, int]]] | None = None
        self._pool: ThreadPoolExecutor | None = None

    def start(
        self,
        terms: list[str],
        depth: int,
        where: tuple[str, list[object]] | None,
        allowed: np.ndarray | None = None,
    ) -> Callable[[], list[tuple[int, float]]]:
        """Start a search; the returned call gives [(passage id, score)], best first.
        `allowed` are the ids `where` lets through, when the caller has them."""
        if self.lists is not None and (where is None or allowed is not None):
            tokens = self.memo.stems(terms) if self.memo else evidence.stems(self.conn, terms)
            found = self.lists.search(
                terms, tokens, depth, lambda t: db.phrase_scores(self.conn, t), allowed
            )
            return lambda: found
        if not self.parallel:
            found = db.keyword_search(self.conn, terms, depth, where=where)
            return lambda: found
        if self._shards is None:
            from concurrent.futures import ThreadPoolExecutor

            ranges = db.id_ranges(self.conn, min(4, os.cpu_count() or 1))
            self._shards = [(db.connect(self.folder, readonly=True), r) for r in ranges]
            self._pool = ThreadPoolExecutor(len(self._shards), thread_name_prefix="kb-fts")
        assert self._pool is not None
        jobs = [
            self._pool.submit(db.keyword_search, conn, terms, depth, where=where, rowids=r)
            for conn, r in self._shards
        ]
        return lambda: sorted(
            (hit for job in jobs for hit in job.result()), key=lambda h: h[1], reverse=True
        )[:depth]

    def close(self) -> None:
        """Stop the threads and close the extra connections."""
        if self._pool is not None:
            self._pool.shutdown()
        for conn, _ in self._shards or []:
            conn.close()


def retrieve(
    vector_of: Callable[[], np.ndarray],
    terms: list[str],
    vectors: FaissIndex,
    keywords: KeywordSearch,
    conn: sqlite3.Connection,
    depth: int,
    filters: Filters,
    where: tuple[str, list[object]] | None,
) -> CandidateSet:
    """Dense and keyword candidates for one question, filters applied in both searches.

    `vector_of` embeds the question; it runs while the keyword search does.
    """
    allowed = (
        np.asarray(db.filtered_ids(conn, where), dtype="int64") if where else None
    )  # both retrieval legs search only what the filters let through
    keyword_job = keywords.start(terms, depth, where, allowed)
    vector = vector_of()
    ids, scores = vectors.search(vector, depth, allowed)
    candidates: dict[int, Candidate] = {}
    for rank, (pid, score) in enumerate(zip(ids.tolist(), scores.tolist(), strict=True)):
        candidates[pid] = Candidate(pid, dense=float(score), dense_rank=rank)
    for rank, (pid, score) in enumerate(keyword_job()):
        cand = candidates.setdefault(pid, Candidate(pid))
        cand.keyword, cand.keyword_rank = score, rank
    fill_dense(
        vectors, candidates, [p for p, c in candidates.items() if c.dense_rank is None], vector
    )
    return CandidateSet(candidates, {}, vector, terms)


def first_cut(cs: CandidateSet, limit: int, only: str | None = None) -> list[int]:
    """The candidates worth features: the best `limit` by reciprocal-rank fusion of the two
    lists; with `only` ("dense" or "keyword") every candidate of that list, by its score."""
    if only == "dense":
        return sorted(cs.candidates, key=lambda p: cs.candidates[p].dense, reverse=True)
    if only == "keyword":
        found = [p for p, c in cs.candidates.items() if c.keyword_rank is not None]
        return sorted(found, key=lambda p: cs.candidates[p].keyword, reverse=True)

    def fused(pid: int) -> float:
        c = cs.candidates[pid]
        return sum(1.0 / (20 + r) for r in (c.dense_rank, c.keyword_rank) if r is not None)

    return sorted(cs.candidates, key=fused, reverse=True)[:limit]


def read_passages(
    cs: CandidateSet,
    pids: list[int],
    conn: sqlite3.Connection,
    filters: Filters,
    memo: Memo | None = None,
) -> list[int]:
    """Read the stored passages of `pids` into `cs` (through `memo` when given); return
    those the filters let through."""
    stored = memo.passages(pids) if memo else db.passages_by_id(conn, pids)
    cs.passages.update(stored)
    return [
        p
        for p in pids
        if p in stored and passes(stored[p].citation, stored[p].is_decision, filters)
    ]


def fill_dense(
    vectors: FaissIndex, candidates: dict[int, Candidate], pids: list[int], vector: np.ndarray
) -> None:
    """The cosine of candidates found by keywords only, from their stored vectors."""
    for pid, score in cosines(vectors, pids, vector).items():
        candidates[pid].dense = score


def cosines(vectors: FaissIndex, pids: list[int], vector: np.ndarray) -> dict[int, float]:
    """Cosine of `vector` with the stored vectors of `pids` (ids not stored are left out)."""
    if not pids:
        return {}
    ids = np.asarray(pids, dtype="int64")
    try:
        return dict(
            zip(pids, (vectors.index.reconstruct_batch(ids) @ vector).tolist(), strict=True)
        )
    except RuntimeError:  # some id is not stored: one at a time
        out = {}
        for pid in pids:
            try:
                out[pid] = float(np.dot(vectors.index.reconstruct(int(pid)), vector))
            except RuntimeError:
                continue
        return out


def selective(
    terms: tuple[str, ...] | list[str],
    frequency: Callable[[str], int],
    total: int,
    common: float = 0.2,
) -> list[str]:
    """The question's keywords without the common ones (the two rarest always stay).

    FTS5 scores every passage that holds any keyword, so a word found in a large share
    of passages ("children", "report") makes keyword search slow on a big index while
    adding little to BM25 (its IDF is low); the dense search still sees it.
    """
    df = {t: frequency(t) for t in terms}
    limit = common * max(1, total)
    rarest = set(sorted(terms, key=lambda t: df[t])[:2])
    return [t for t in terms if df[t] <= limit or t in rarest]


def passes(c: Citation, is_decision: bool, f: Filters) -> bool:
    """True when a passage with citation `c` is let through by the filters."""
    if f.decisions and not is_decision:
        return False
    if f.public and c.exempt:
        return False
    if f.doc_type and c.doc_type != f.doc_type:
        return False
    if f.since and (c.meeting_date or "") < f.since:
        return False
    if f.until and (not c.meeting_date or c.meeting_date > f.until):
        return False
    return not f.committee or committee_matches(f.committee, c.committee)


def committee_matches(wanted: str, committee: str | None) -> bool:
    """Fuzzy committee match: every word asked for is in the name, allowing typos and
    abbreviations ('health wellbeing', 'helth and wellbeing', 'O&S childrens')."""
    from rapidfuzz import fuzz

    if not committee:
        return False
    words = [w for w in re.findall(r"[a-z0-9&]+", wanted.lower()) if w not in ("and", "the", "of")]
    names = re.findall(r"[a-z0-9&]+", committee.lower().replace("'", ""))
    if words and all(any(n.startswith(w) or fuzz.ratio(w, n) >= 80 for n in names) for w in words):
        return True
    return fuzz.partial_ratio(wanted.lower(), committee.lower()) >= 90


def filter_where(filters: Filters, committees: list[str]) -> tuple[str, list[object]]:
    """The SQL restriction for `filters` over the index's `committees`."""
    chosen = (
        [c for c in committees if committee_matches(filters.committee, c)]
        if filters.committee
        else None
    )
    return db.filter_clause(
        chosen, filters.since, filters.until, filters.doc_type, filters.decisions, filters.public
    )
