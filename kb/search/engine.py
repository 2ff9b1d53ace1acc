"""The query wing wired together: understand → candidates → units → features → rank →
answer passages → duplicates → confidence. Each stage is its own module; this one loads an
index generation once and passes each question through them."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from kb.config import index_dir
from kb.embed import Embedder
from kb.errors import BadQuery, IndexCorrupt, ModelMismatch
from kb.model import Answer, Hit
from kb.query_model import load_query_embedder
from kb.store import db, evidence
from kb.store.db import StoredPassage
from kb.store.generation import current_generation
from kb.store.keywords import KeywordLists
from kb.store.manifest import Manifest, read_manifest
from kb.store.memo import Memo
from kb.store.vectors import EXACT, FaissIndex

from . import units as answer_units
from .candidates import (
    PARALLEL_KEYWORDS_ABOVE,
    CandidateSet,
    Filters,
    KeywordSearch,
    cosines,
    filter_where,
    first_cut,
    read_passages,
    retrieve,
    selective,
)
from .confidence import Calibration, signals
from .corpus import CorpusGlossary
from .duplicates import collapse
from .features import INDEX, CorpusStats, FeatureTable, TermEvidence, build
from .held import with_decisions
from .rank import Ranker, load_models
from .understand import Query, analyse, understand

__all__ = ["Evidence", "Filters", "SearchEngine", "Settings"]


WHOLE_TERMS_UP_TO = 20_000  # passages; the same features either way (tests/test_features.py)


@dataclass(frozen=True)
class Settings:
    """How deep to look; which stages run (the benchmark and ablation switch them off)."""

    depth: int = 200  # candidates from each of dense and keyword search
    # candidates given features and scored by the ranker, best by fusion of the two lists:
    # on the tune split every depth from 100 to 400 ranks the same (60 loses answers), so
    # 150 leaves a margin; the ranker is trained on all of them (scripts/train_ranker.py)
    rerank: int = 150
    unit_search: int = 40  # the best of them whose units are gathered
    understand: bool = True  # acronyms, typos, committees and time from the corpus
    units: bool = True  # show each unit's answering passage
    keyword_common: float = 0.2  # keywords in a larger share of passages are left to dense search
    only: str | None = None  # "dense" or "keyword": one retrieval signal, nothing else
    drop: frozenset[str] = frozenset()  # features held at 0 (an ablation retrains without them)


@dataclass(frozen=True)
class Evidence:
    """Everything the ranking saw for one question (for training and for confidence)."""

    query: Query
    candidates: CandidateSet
    table: FeatureTable
    units: answer_units.Units
    unknown: float


def _single_threaded_search() -> None:
    """One query vector at a time: FAISS's thread pool costs more than it saves (0.4 ms vs 0.06 ms)."""
    import faiss

    faiss.omp_set_num_threads(1)


class SearchEngine:
    """Answers questions from one index generation. Load once, ask many times."""

    def __init__(
        self,
        index: Path | None = None,
        embedder: Embedder | None = None,
        settings: Settings | None = None,
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
        # a generation never changes: what one query reads serves the next
        self.memo = Memo(self.conn)
        self.keywords = KeywordSearch(
            self.conn,
            self.folder,
            self._parallel_keywords,
            KeywordLists.load(self.folder),
            self.memo,
        )
        self.glossary = CorpusGlossary(self.conn)
        self._stats: CorpusStats | None = None
        models = load_models()
        self.ranker = Ranker.load(models)
        self.calibration = Calibration.load(models)
        self.settings = settings or Settings()
        if embedder is not None:
            self._check_model(embedder)

    def _check_model(self, embedder: Embedder) -> None:
        if embedder.checksum != self.manifest.model_checksum:
            raise ModelMismatch(
                f"index was built with {self.manifest.model}; query with the same model "
                f"(not {embedder.name}) or run `kb ingest --rebuild --model {embedder.name}`"
            )

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

    @property
    def stats(self) -> CorpusStats:
        """Pack sizes, meeting dates and word counts of the index, read on first use."""
        if self._stats is None:
            self._stats = CorpusStats.read(self.conn)
            if self.keywords.lists is not None:
                self._stats.rowids = self._rowids
        return self._stats

    def _rowids(self, word: str) -> np.ndarray:
        """The passages holding `word` (FTS5's reading of it), from the keyword lists."""
        tokens = self.memo.stems([word]).get(word, ())
        lists = self.keywords.lists
        if lists is not None and len(tokens) == 1:
            return lists.holding(tokens[0])
        return evidence.term_rowids(self.conn, word)  # a phrase: FTS5 matches it

    def understand(self, question: str) -> Query:
        """Stage 1: the question taken apart and read with what the corpus knows."""
        if not question.strip():
            raise BadQuery("the question is empty; type what you want to find")
        query = analyse(question)
        return understand(query, self.glossary) if self.settings.understand else query

    def evidence(self, question: str, filters: Filters | None = None) -> Evidence:
        """Stages 1–3: candidates for `question`, their units and their feature rows."""
        s = self.settings
        query = self.understand(question)
        filters = filters or Filters()
        where = filter_where(filters, self.glossary.committees()) if filters.active() else None
        total = len(self.vectors)
        words = selective(query.terms, self.glossary.frequency, total, s.keyword_common)
        cs = retrieve(
            lambda: self.embedder.encode([query.dense_text])[0],
            [] if s.only == "dense" else words,
            self.vectors,
            self.keywords,
            self.conn,
            min(s.depth, total),
            filters,
            where,
        )
        first = read_passages(cs, first_cut(cs, s.rerank, s.only), self.conn, filters, self.memo)
        found = answer_units.Units()
        if s.units and not s.only:
            found = answer_units.gather(
                self.conn, [cs.passages[p] for p in first[: s.unit_search]], memo=self.memo
            )
        unit_dense = _unit_cosines(self.vectors, found, cs)
        asked = {p: cs.passages[p] for p in first}
        for members in found.members.values():
            asked.update((m.id, m) for m in members)
        # a small index is read whole (its postings, kept from query to query, are cheaper
        # than tokenizing the passages asked about); a big one only for the passages scored
        term_evidence = TermEvidence.read(
            self.conn,
            words,
            total,
            asked.values(),
            self.memo,
            whole=total <= WHOLE_TERMS_UP_TO,
            lists=self.keywords.lists,
        )
        table = build(query, cs, first, found, self.stats, unit_dense, term_evidence)
        for name in s.drop:
            table.rows[:, INDEX[name]] = 0.0
        return Evidence(query, cs, table, found, term_evidence.unknown_share())

    def ask(
        self,
        question: str,
        k: int = 5,
        filters: Filters | None = None,
        sort: str = "relevance",
        distinct: bool = True,
    ) -> Answer:
        """The best `k` passages for `question`, with citations and the confidence that the
        first answers: best first, or with `sort="date"` in meeting-date order (a timeline).
        With `distinct` (the default) a passage printed twice is shown once with "also in";
        without, every passage stands alone (the register: the same words resolved at two
        meetings are two decisions)."""
        if k < 1:
            raise BadQuery("-k must be 1 or more")
        if sort not in ("relevance", "date"):
            raise BadQuery(f"--sort takes 'relevance' or 'date', not {sort!r}")
        ev = self.evidence(question, filters)
        scores = self.score(ev)
        order = np.argsort(-scores, kind="stable")
        ranked = [(float(scores[i]), ev.candidates.passages[ev.table.pids[i]]) for i in order]
        if self.settings.units and not self.settings.only:
            ranked = answer_units.order(ranked, ev.units, ev.query.intent, max(k * 10, 50))
        hits = collapse(ranked, k) if distinct else _every(ranked, k)
        if sort == "date":
            hits = [
                replace(h, rank=i + 1)
                for i, h in enumerate(sorted(hits, key=lambda h: h.citation.meeting_date or "9999"))
            ]
        confidence = self.calibration.probability(signals(ev.query, ev.table, scores, ev.unknown))
        if not hits:
            confidence = 0.0
        answer = Answer(
            query=question,
            results=tuple(hits),
            confident=confidence >= self.calibration.threshold,
            confidence=round(confidence, 4),
        )
        return with_decisions(answer, self.conn)  # the decisions each result holds

    def score(self, ev: Evidence) -> np.ndarray:
        """Stage 4: the ranker's score of every candidate row (one signal when `only`)."""
        if self.settings.only == "dense":
            return ev.table.column("dense").astype("float64")
        if self.settings.only == "keyword":
            return ev.table.column("bm25").astype("float64")
        return self.ranker.score(ev.table)

    def close(self) -> None:
        """Release the database connections and the keyword threads."""
        self.keywords.close()
        self.conn.close()


def _every(ranked: list[tuple[float, StoredPassage]], k: int) -> list[Hit]:
    """The first `k` passages of `ranked` as hits, none merged with another."""
    return [
        Hit(i + 1, round(score, 4), p.chunk_id, p.text, p.citation)
        for i, (score, p) in enumerate(ranked[:k])
    ]


def _unit_cosines(
    vectors: FaissIndex, found: answer_units.Units, cs: CandidateSet
) -> dict[int, float]:
    """Cosine of the question with every gathered unit passage (stored vectors)."""
    out = {pid: c.dense for pid, c in cs.candidates.items()}
    missing = [p.id for members in found.members.values() for p in members if p.id not in out]
    out.update(cosines(vectors, missing, cs.vector))
    return out
