"""Feature rows on real passages (Sefton packs, fake embedder): one column per name in
FEATURES, shares in [0, 1], the kind of answer asked for and the committee named."""

from __future__ import annotations

import re

import numpy as np
import pytest

from kb.ingest import ingest
from kb.search import SearchEngine
from kb.search.features import FEATURES, period_pattern
from kb.search.when import read_time

from .conftest import SEFTON, FakeEmbedder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    index = tmp_path_factory.mktemp("features") / "index"
    embedder = FakeEmbedder()
    assert not ingest([SEFTON], index=index, embedder=embedder).failed
    return SearchEngine(index, embedder=embedder)


def test_one_row_per_candidate_and_shares_in_range(engine: SearchEngine) -> None:
    ev = engine.evidence("how many people responded to the school governor recruitment campaign")
    rows = ev.table.rows
    assert rows.shape == (len(ev.table.pids), len(FEATURES)) and len(ev.table.pids) > 50
    for name in ("coverage", "coverage_title", "coverage_text", "unit_coverage", "pack_coverage"):
        column = ev.table.column(name)
        assert column.min() >= 0.0 and column.max() <= 1.0 + 1e-6, name
    doc = rows[:, [FEATURES.index(f) for f in FEATURES if f.startswith("doc_")]]
    assert np.all(doc.sum(axis=1) == 1.0)  # exactly one document type
    assert (ev.table.column("unit_coverage") >= ev.table.column("coverage") - 1e-6).all()


def test_the_kind_of_answer_asked_for(engine: SearchEngine) -> None:
    ev = engine.evidence("how much funding did the council receive")
    present = ev.table.column("answer_present")
    texts = [ev.candidates.passages[p].text for p in ev.table.pids]
    assert all(
        v == 0 for v, t in zip(present, texts, strict=True) if not any(c.isdigit() for c in t)
    )
    assert all(v > 0 for v, t in zip(present, texts, strict=True) if re.search(r"£\s?\d", t))
    assert any(re.search(r"£\s?\d", t) for t in texts)


def test_the_committee_named(engine: SearchEngine) -> None:
    ev = engine.evidence("what did the health and wellbeing board say about sub-groups")
    for pid, value in zip(ev.table.pids, ev.table.column("committee"), strict=True):
        hwb = ev.candidates.passages[pid].citation.committee == "Health and Wellbeing Board"
        assert value == (1.0 if hwb else 0.0)


def test_decision_questions_mark_resolutions(engine: SearchEngine) -> None:
    ev = engine.evidence("what was resolved about public question time")
    for pid, value in zip(ev.table.pids, ev.table.column("decision_resolution"), strict=True):
        assert value == float(ev.candidates.passages[pid].is_decision)
    plain = engine.evidence("public question time")
    assert not plain.table.column("decision_resolution").any()


def test_how_papers_write_a_period() -> None:
    pattern = period_pattern(read_time("in 2016/17", None).windows)
    assert pattern is not None
    for text in ("In 2016/2017 the team", "during 2016-17", "for 2016 / 17"):
        assert pattern.search(text), text
    assert not pattern.search("in 2017/18")
    month = period_pattern(read_time("December 2016", None).windows)
    assert month is not None and month.search("As of 9 December 2016") and month.search("Dec 2016")


def test_keyword_evidence_for_the_scored_passages_equals_the_whole_index_read(
    engine: SearchEngine,
) -> None:
    """A big index reads keyword evidence only for the passages the ranker scores; it must
    be exactly what reading every posting gives (IDF, which keywords exist, masks)."""
    from kb.search.features import TermEvidence
    from kb.store.memo import Memo

    for question in (
        "what was resolved on the 18-25 service transfer",
        "how many children's EHC plans were issued within 20 weeks",
        "o&s work programme",
    ):
        ev = engine.evidence(question)
        words = list(ev.candidates.terms)
        asked = [ev.candidates.passages[p] for p in ev.table.pids]
        whole = TermEvidence.read(engine.conn, words, len(engine.vectors))
        some = TermEvidence.read(engine.conn, words, len(engine.vectors), asked)
        # a small index: whole postings kept in memory, masks only of the passages asked
        kept = TermEvidence.read(
            engine.conn, words, len(engine.vectors), asked, Memo(engine.conn), whole=True
        )
        for other in (some, kept):
            assert other.words == whole.words and other.present == whole.present
            assert other.idf == pytest.approx(whole.idf)
            for p in asked:
                assert other.masks.get(p.id, (0, 0, 0)) == whole.masks.get(p.id, (0, 0, 0))
            assert any(other.masks.get(p.id) for p in asked)


def test_pack_counts_from_the_keyword_index_alone(engine: SearchEngine) -> None:
    """How many passages of each pack hold a word: read from FTS5 row ids and an id → pack
    map, the same as counting through a join with the passages table."""
    from kb.search.features import CorpusStats
    from kb.store import evidence

    stats = CorpusStats.read(engine.conn)
    for term in ("report", "send", "18", "schools", "nosuchword"):
        assert stats.packs_of(term) == evidence.pack_counts(engine.conn, term), term
    assert stats.packs_of("report")


def test_reranking_the_best_150_by_fusion_answers_as_reranking_all(engine: SearchEngine) -> None:
    """Answers score only the best `rerank` candidates by fusion of the two lists; those
    beyond never reach the top (the reason for the default, measured on the tune split)."""
    from dataclasses import replace

    questions = (
        "how many people responded to the school governor recruitment campaign",
        "what was resolved on the 18-25 service transfer",
        "who chaired the meeting about the SEND inspection",
        "o&s work programme",
    )
    default = engine.settings
    assert default.rerank == 150
    short = [[h.chunk_id for h in engine.ask(q, k=5).results] for q in questions]
    engine.settings = replace(default, rerank=400)
    try:
        every = [[h.chunk_id for h in engine.ask(q, k=5).results] for q in questions]
    finally:
        engine.settings = default
    assert [s[0] for s in short] == [e[0] for e in every]
