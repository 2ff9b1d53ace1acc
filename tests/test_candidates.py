"""The candidates stage: dense and keyword lists, filters inside both, the first cut."""

from __future__ import annotations

import numpy as np
import pytest

from kb.ingest import ingest
from kb.search import Filters, SearchEngine
from kb.search.candidates import Candidate, CandidateSet, first_cut, selective

from .conftest import SEFTON, FakeEmbedder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    index = tmp_path_factory.mktemp("candidates") / "index"
    embedder = FakeEmbedder()
    assert not ingest([SEFTON], index=index, embedder=embedder).failed
    return SearchEngine(index, embedder=embedder)


def test_common_keywords_are_left_to_dense_search_but_the_two_rarest_stay() -> None:
    df = {"children": 900, "report": 800, "school": 700, "ofsted": 12}.get
    assert selective(["children", "report", "ofsted"], lambda t: df(t, 0), 1000) == [
        "report",
        "ofsted",
    ]
    assert selective(["children", "ofsted"], lambda t: df(t, 0), 1000) == ["children", "ofsted"]


def test_first_cut_fuses_the_two_ranks() -> None:
    cs = CandidateSet(
        {
            1: Candidate(1, dense=0.9, dense_rank=0),
            2: Candidate(2, keyword=5.0, keyword_rank=0),
            3: Candidate(3, dense=0.8, dense_rank=1, keyword=4.0, keyword_rank=1),
        },
        {},
        np.zeros(3),
    )
    assert first_cut(cs, 2) == [3, 1]  # in both lists beats first in one
    assert first_cut(cs, 10, only="keyword") == [2, 3]
    assert first_cut(cs, 10, only="dense") == [1, 3, 2]


def test_both_lists_and_every_candidate_scored(engine: SearchEngine) -> None:
    ev = engine.evidence("school governor recruitment campaign")
    cands = ev.candidates.candidates
    assert any(c.dense_rank is not None for c in cands.values())
    assert any(c.keyword_rank is not None and c.dense_rank is None for c in cands.values())
    only_keyword = [c for c in cands.values() if c.dense_rank is None]
    for c in only_keyword[:20]:  # keyword-only ones get their cosine from the stored vector
        stored = engine.vectors.index.reconstruct(int(c.pid))
        assert c.dense == pytest.approx(float(np.dot(stored, ev.candidates.vector)), abs=1e-5)


def test_filters_apply_inside_both_lists(engine: SearchEngine) -> None:
    ev = engine.evidence("school governor recruitment campaign", Filters(since="2024-09-01"))
    assert ev.table.pids
    for pid in ev.table.pids:
        assert (ev.candidates.passages[pid].citation.meeting_date or "") >= "2024-09-01"
