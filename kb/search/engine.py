"""Hybrid retrieval: dense (FAISS) and keyword (FTS5 BM25) candidates, fused, boosted,
filtered, with duplicate passages collapsed into one result listing every place."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kb.config import index_dir
from kb.embed import Embedder
from kb.errors import BadQuery, IndexCorrupt, ModelMismatch
from kb.glossary import BUILTIN
from kb.model import Answer, Citation, Hit
from kb.query_model import load_query_embedder
from kb.store import db
from kb.store.generation import current_generation
from kb.store.manifest import Manifest, read_manifest
from kb.store.vectors import EXACT, FaissIndex

from .held import with_decisions
from .query import Query, analyse, understand

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor


@dataclass(frozen=True)
class Weights:
    """How the evidence is combined; tuned on the development questions."""

    dense: float = 1.0
    keyword: float = 0.6
    decision: float = 0.06
    minute: float = 0.03
    month: float = 0.15
    year: float = 0.03
    committee: float = 0.05
    expand_dense: bool = True  # spell out acronyms in what the embedder sees
    understand: bool = True  # acronyms, typos and committees from the corpus
    depth: int = 200
    keyword_common: float = 0.2  # keywords in a larger share of passages are left to dense search
    confident_dense: float = 0.5


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
class _Candidate:
    pid: int
    dense: float = 0.0
    keyword: float = 0.0
    score: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


NEAR_DUPLICATE = 90
PARALLEL_KEYWORDS_ABOVE = 20_000  # passages; below this one FTS5 query is quicker than threads


def _near_duplicate(a: _Text, b: _Text, fuzz: object) -> bool:
    """Nearly the same text, or the shorter almost wholly inside the longer (at least half its size)."""
    short, long_ = sorted((a, b), key=lambda t: len(t.norm))
    if len(short.norm) < 0.5 * len(long_.norm):
        return False
    # cheap screen first: texts this alike share most of their words; most pairs stop here
    if len(short.words & long_.words) < 0.5 * len(short.words):
        return False
    if fuzz.ratio(a.norm, b.norm, score_cutoff=NEAR_DUPLICATE):  # type: ignore[attr-defined]
        return True
    # partial_ratio ≥ 95 means 95% of the shorter matches inside the longer, so ratio is at
    # least 1.9·r/(1 + r) for the length ratio r: from r ≥ 0.9 ratio would have passed above.
    # Skipping it then loses nothing, and partial_ratio is the costly call on long texts.
    if len(short.norm) >= 0.9 * len(long_.norm):
        return False
    return bool(fuzz.partial_ratio(short.norm, long_.norm, score_cutoff=95))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Text:
    """A passage text normalised for duplicate checks, with its set of words."""

    norm: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Text:
        norm = _normalised(text)
        return cls(norm, frozenset(norm.split()))


def _single_threaded_search() -> None:
    """One query vector at a time: FAISS's thread pool costs more than it saves (0.4 ms vs 0.06 ms)."""
    import faiss

    faiss.omp_set_num_threads(1)


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


class SearchEngine:
    """Answers questions from one index generation. Load once, ask many times."""

    def __init__(
        self,
        index: Path | None = None,
        embedder: Embedder | None = None,
        weights: Weights | None = None,
    ):
        self.folder = current_generation(index_dir(index))
        self.manifest: Manifest = read_manifest(self.folder)
        self._parallel_keywords = (
            int(self.manifest.counts.get("passages", 0)) >= PARALLEL_KEYWORDS_ABOVE
            and (os.cpu_count() or 1) >= 2
        )
        if self._parallel_keywords:
            db.stop_counting_allocations()  # before the first connection, or not at all
        self.conn = db.connect(self.folder, readonly=True)
        if db.schema_version(self.conn) != db.SCHEMA_VERSION:
            raise IndexCorrupt(
                f"index schema {db.schema_version(self.conn)} is not {db.SCHEMA_VERSION}; run `kb ingest --rebuild`"
            )
        self.vectors = FaissIndex.load(
            self.folder, str(self.manifest.settings.get("index_type", EXACT))
        )
        _single_threaded_search()
        self._embedder = embedder
        self._shards: list[tuple[sqlite3.Connection, tuple[int, int]]] | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._glossary: CorpusGlossary | None = None
        self.weights = weights or Weights()
        if embedder is not None:
            self._check_model(embedder)

    def _check_model(self, embedder: Embedder) -> None:
        if embedder.checksum != self.manifest.model_checksum:
            raise ModelMismatch(
                f"index was built with {self.manifest.model}; query with the same model "
                f"(not {embedder.name}) or run `kb ingest --rebuild --model {embedder.name}`"
            )

    @property
    def glossary(self) -> CorpusGlossary:
        """Acronyms, vocabulary and committees of this index."""
        if self._glossary is None:
            self._glossary = CorpusGlossary(self.conn)
        return self._glossary

    @property
    def embedder(self) -> Embedder:
        """The query embedder: the index's own model, loaded on first use."""
        if self._embedder is None:
            # on a big index the keyword search runs on other threads while the question is
            # embedded: spinning onnxruntime threads took their cores (ask p50 53 ms, not 40)
            self._embedder = load_query_embedder(
                self.folder, self.manifest, spinning=not self._parallel_keywords
            )
            self._check_model(self._embedder)
        return self._embedder

    def ask(
        self, question: str, k: int = 5, filters: Filters | None = None, sort: str = "relevance"
    ) -> Answer:
        """The best `k` passages for `question`, with citations: best first, or with
        `sort="date"` the same passages in meeting-date order (a timeline)."""
        if not question.strip():
            raise BadQuery("the question is empty; type what you want to find")
        if k < 1:
            raise BadQuery("-k must be 1 or more")
        filters = filters or Filters()
        query = analyse(question)
        if self.weights.understand:
            query = understand(query, self.glossary)
        w = self.weights
        depth = min(w.depth, len(self.vectors))
        where = self._where(filters) if filters.active() else None
        allowed = (
            np.asarray(db.filtered_ids(self.conn, where), dtype="int64") if where else None
        )  # both retrieval legs search only what the filters let through
        candidates: dict[int, _Candidate] = {}
        keyword_job = self._keyword_search(self._selective(query.terms), depth, where)
        vector = self.embedder.encode([query.dense_text if w.expand_dense else query.text])[0]
        ids, scores = self.vectors.search(vector, depth, allowed)
        for pid, score in zip(ids.tolist(), scores.tolist(), strict=True):
            candidates[pid] = _Candidate(pid, dense=float(score))
        keyword = keyword_job()
        top_kw = keyword[0][1] if keyword else 1.0
        for pid, score in keyword:
            candidates.setdefault(pid, _Candidate(pid)).keyword = (
                score / top_kw if top_kw > 0 else 0.0
            )
        missing_dense = [pid for pid, c in candidates.items() if c.dense == 0.0]
        if missing_dense:
            self._fill_dense(candidates, missing_dense, vector)
        stored = db.passages_by_id(self.conn, candidates)
        results: list[tuple[float, db.StoredPassage]] = []
        for pid, cand in candidates.items():
            passage = stored.get(pid)
            if passage is None or not _passes(passage.citation, passage.is_decision, filters):
                continue
            cand.score = (
                w.dense * cand.dense + w.keyword * cand.keyword + self._boost(query, passage)
            )
            results.append((cand.score, passage))
        results.sort(key=lambda r: r[0], reverse=True)
        hits = _collapse(results, k)
        if sort == "date":
            hits = [
                replace(h, rank=i + 1)
                for i, h in enumerate(sorted(hits, key=lambda h: h.citation.meeting_date or "9999"))
            ]
        elif sort != "relevance":
            raise BadQuery(f"--sort takes 'relevance' or 'date', not {sort!r}")
        best_dense = max((c.dense for c in candidates.values()), default=0.0)
        coverage = (
            _coverage(query, results[0][1]) if hits else 0.0
        )  # the best passage is shown first
        confident = bool(hits) and (
            best_dense >= w.confident_dense or (coverage >= 0.5 and best_dense >= 0.2)
        )
        return with_decisions(
            Answer(query=question, results=tuple(hits), confident=confident), self.conn
        )

    def _keyword_search(
        self, terms: list[str], depth: int, where: tuple[str, list[object]] | None
    ) -> Callable[[], list[tuple[int, float]]]:
        """Start the keyword search; the returned call gives its results, best first.

        On a big index FTS5's BM25 is the slowest part of a query, and SQLite lets go of
        the GIL while it works: the passages are cut into id ranges searched at once on
        their own connections (same scores: FTS5 takes IDF from the whole index), while
        this thread embeds the question and searches the vectors.
        """
        if not self._parallel_keywords:
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

    def _selective(self, terms: tuple[str, ...]) -> list[str]:
        """The question's keywords without the common ones (the two rarest always stay).

        FTS5 scores every passage that holds any keyword, so a word found in a large share
        of passages ("children", "report") makes keyword search slow on a big index while
        adding little to BM25 (its IDF is low); the dense search still sees it.
        """
        total = max(1, len(self.vectors))
        frequency = {t: self.glossary.frequency(t) for t in terms}
        limit = self.weights.keyword_common * total
        rarest = set(sorted(terms, key=lambda t: frequency[t])[:2])
        return [t for t in terms if frequency[t] <= limit or t in rarest]

    def _where(self, f: Filters) -> tuple[str, list[object]]:
        committees = (
            [c for c in self.glossary.committees() if committee_matches(f.committee, c)]
            if f.committee
            else None
        )
        return db.filter_clause(committees, f.since, f.until, f.doc_type, f.decisions, f.public)

    def _fill_dense(
        self, candidates: dict[int, _Candidate], pids: list[int], vector: np.ndarray
    ) -> None:
        index = self.vectors.index
        for pid in pids:
            try:
                stored = index.reconstruct(int(pid))
            except RuntimeError:
                continue
            candidates[pid].dense = float(np.dot(stored, vector))

    def _boost(self, query: Query, passage: db.StoredPassage) -> float:
        w = self.weights
        boost = 0.0
        if query.wants_decision and passage.is_decision:
            boost += w.decision
        elif query.wants_decision and passage.citation.minute:
            boost += w.minute
        date = passage.citation.meeting_date or ""
        if query.months and date[:7] in query.months:
            boost += w.month
        elif not query.months and query.years and date[:4] in query.years:
            boost += w.year
        if query.committees and passage.citation.committee in query.committees:
            boost += w.committee
        return boost

    def close(self) -> None:
        """Release the database connections and the keyword threads."""
        if self._pool is not None:
            self._pool.shutdown()
        for conn, _ in self._shards or []:
            conn.close()
        self.conn.close()


class CorpusGlossary:
    """The index's own acronyms (with the built-in glossary behind them), vocabulary and committees."""

    def __init__(self, conn: object) -> None:
        self.conn = conn
        self._acronyms: dict[str, str] | None = None
        self._committees: list[str] | None = None

    def acronyms(self) -> dict[str, str]:
        if self._acronyms is None:
            self._acronyms = {**BUILTIN, **db.acronyms(self.conn)}  # type: ignore[arg-type]
        return self._acronyms

    def is_known(self, word: str) -> bool:
        return db.known_word(self.conn, word)  # type: ignore[arg-type]

    def candidates(self, word: str) -> list[tuple[str, int]]:
        return db.similar_words(self.conn, word)  # type: ignore[arg-type]

    def frequency(self, word: str) -> int:
        return db.word_frequency(self.conn, word)  # type: ignore[arg-type]

    def committees(self) -> list[str]:
        if self._committees is None:
            self._committees = db.committees(self.conn)  # type: ignore[arg-type]
        return self._committees


def _coverage(query: Query, passage: db.StoredPassage) -> float:
    """Share of the question's keywords (by stem) found in the passage or its headings."""
    terms = [t for t in query.terms if len(t) > 2]
    if not terms:
        return 0.0
    haystack = f"{passage.context} {passage.text}".lower()
    found = sum(1 for t in terms if re.search(rf"\b{re.escape(t[: max(4, len(t) - 2)])}", haystack))
    return found / len(terms)


def _passes(c: Citation, is_decision: bool, f: Filters) -> bool:
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


def _collapse(results: list[tuple[float, db.StoredPassage]], k: int) -> list[Hit]:
    """Keep the best-scoring copy of each passage text; list the other places it appears."""
    order: list[str] = []
    best: dict[str, tuple[float, db.StoredPassage]] = {}
    others: dict[str, list[Citation]] = {}
    from rapidfuzz import fuzz

    texts: dict[str, _Text] = {}
    # only the head of the ranking can be shown or name a shown passage's other copies
    for position, (score, passage) in enumerate(results[: max(k * 10, 50)]):
        text = _Text.of(passage.text)
        key = hashlib.sha1(text.norm.encode()).hexdigest()
        # fuzzy comparison only near the top of the ranking: it is what is shown
        if key not in best and position < k * 4:
            # the same passage printed twice with small differences (report and its appendix)
            near = next((kk for kk, t in texts.items() if _near_duplicate(text, t, fuzz)), None)
            key = near or key
        if key in best:
            if passage.citation not in others[key] and passage.citation != best[key][1].citation:
                others[key].append(passage.citation)
            continue
        if len(order) >= k:
            continue
        order.append(key)
        texts[key] = text
        best[key] = (score, passage)
        others[key] = []
    return [
        Hit(
            rank=i + 1,
            score=round(best[key][0], 4),
            chunk_id=best[key][1].chunk_id,
            text=best[key][1].text,
            citation=best[key][1].citation,
            also_in=tuple(others[key]),
        )
        for i, key in enumerate(order)
    ]
