"""The keyword lists (kb/store/keywords.py): BM25 summed per term gives FTS5's scores and
order; an index without them answers the same; damaged ones are one error line, reported
by `kb verify` and mended by a plain `kb ingest`. Fast: the fake embedder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.ingest import ingest
from kb.search import SearchEngine
from kb.search.candidates import Filters, filter_where
from kb.store import db
from kb.store.generation import current_generation
from kb.store.keywords import FILES, IDS, TERMS

from .conftest import SEFTON, FakeEmbedder

runner = CliRunner()
PACKS = ["001_92f4cf0ba82fb1ac.txt", "002_d82a2967a2835cfe.txt"]
QUESTION = "school governor recruitment campaign"
SEARCHES = [
    ["school", "governor", "recruitment"],
    ["children", "looked", "after", "placements"],
    ["80-89", "score"],  # a phrase of two tokens, scored by FTS5 and added in
    ["send", "backlog", "ehcp"],
    ["zzzunknownword", "budget"],  # a word no passage holds
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("keywords")
    (base / "corpus").mkdir()
    for name in PACKS:
        shutil.copy(SEFTON / name, base / "corpus")
    ingest([base / "corpus"], index=base / "index", embedder=FakeEmbedder())
    return base


@pytest.fixture
def index(built: Path, isolated_paths: Path, fake_embedder: FakeEmbedder) -> Path:
    shutil.copytree(built / "index", isolated_paths / "index")
    return isolated_paths / "index"


def test_keyword_lists_give_fts5_scores_and_order(index: Path) -> None:
    engine = SearchEngine(index)
    lists = engine.keywords.lists
    assert lists is not None
    for filters in (None, Filters(since="2017-07-01"), Filters(doc_type="minutes")):
        where = filter_where(filters, engine.glossary.committees()) if filters else None
        allowed = np.asarray(db.filtered_ids(engine.conn, where), dtype="int64") if where else None
        for terms in SEARCHES:
            fts5 = db.keyword_search(engine.conn, terms, 50, where=where)
            ours = lists.search(
                terms,
                engine.memo.stems(terms),
                50,
                lambda t: db.phrase_scores(engine.conn, t),
                allowed,
            )
            assert [p for p, _ in ours] == [p for p, _ in fts5], (terms, filters)
            assert np.allclose([s for _, s in ours], [s for _, s in fts5], rtol=1e-12, atol=0)
    assert db.keyword_search(engine.conn, ["80-89"], 5)  # the phrase is held somewhere


def test_an_index_without_keyword_lists_answers_the_same(index: Path) -> None:
    with_lists = runner.invoke(app, ["ask", QUESTION, "--json"])
    assert with_lists.exit_code == 0
    for name in FILES:
        (current_generation(index) / name).unlink()
    assert SearchEngine(index).keywords.lists is None
    without = runner.invoke(app, ["ask", QUESTION, "--json"])
    assert without.exit_code == 0
    ids = [r["chunk_id"] for r in json.loads(without.stdout)["results"]]
    assert ids == [r["chunk_id"] for r in json.loads(with_lists.stdout)["results"]]


def test_damaged_keyword_lists_are_one_error_and_a_plain_ingest_mends_them(
    index: Path, built: Path
) -> None:
    before = runner.invoke(app, ["ask", QUESTION, "--json"]).stdout
    live = current_generation(index)
    (live / TERMS).write_text("{not json")
    for args in (["ask", QUESTION], ["ask", QUESTION, "--json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and "Traceback" not in result.output
        (line,) = result.stderr.splitlines()
        assert line.startswith("Error: ") and "keyword lists" in line
        assert line.endswith("run `kb ingest` to build them again")
    verified = runner.invoke(app, ["verify", "--skip-model"])
    assert verified.exit_code == 1 and "keyword lists" in verified.output
    mended = runner.invoke(app, ["ingest", str(built / "corpus"), "--quiet"])
    assert mended.exit_code == 0, mended.output
    assert mended.stderr == "Note: built the keyword lists (they were missing or damaged)\n"
    assert current_generation(index) != live
    assert runner.invoke(app, ["ask", QUESTION, "--json"]).stdout == before
    assert runner.invoke(app, ["verify", "--skip-model"]).exit_code == 0


def test_truncated_postings_are_caught(index: Path) -> None:
    live = current_generation(index)
    data = (live / IDS).read_bytes()
    (live / IDS).write_bytes(data[: len(data) // 2])
    result = runner.invoke(app, ["ask", QUESTION])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert "keyword lists" in line


def test_missing_keyword_lists_are_built_by_a_plain_ingest(index: Path, built: Path) -> None:
    for name in FILES:
        (current_generation(index) / name).unlink()
    mended = runner.invoke(app, ["ingest", str(built / "corpus"), "--quiet"])
    assert mended.exit_code == 0, mended.output
    assert mended.stderr == "Note: built the keyword lists (they were missing or damaged)\n"
    assert SearchEngine(index).keywords.lists is not None
    again = runner.invoke(app, ["ingest", str(built / "corpus"), "--quiet"])
    assert again.exit_code == 0 and again.stderr == ""  # nothing left to do


def test_pack_counts_from_the_lists_are_fts5s(index: Path) -> None:
    from kb.search.features import CorpusStats

    engine = SearchEngine(index)
    from_lists = engine.stats
    assert from_lists.rowids is not None
    from_fts5 = CorpusStats.read(engine.conn)
    for word in ["school", "governors", "children", "80-89", "zzzunknownword"]:
        assert from_lists.packs_of(word) == from_fts5.packs_of(word), word


def test_keyword_evidence_from_the_lists_is_that_of_tokenizing(index: Path) -> None:
    from kb.search.features import TermEvidence

    engine = SearchEngine(index)
    lists = engine.keywords.lists
    assert lists is not None
    passages = list(db.passages_by_id(engine.conn, db.all_passage_ids(engine.conn)[:300]).values())
    total = len(engine.vectors)
    for terms in SEARCHES:
        tokenized = TermEvidence.read(engine.conn, terms, total, passages)
        listed = TermEvidence.read(engine.conn, terms, total, passages, lists=lists)
        assert listed.masks == tokenized.masks and listed.masks, terms
        assert listed.idf == tokenized.idf
