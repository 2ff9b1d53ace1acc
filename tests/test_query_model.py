"""The light query path's fallbacks, and the index type chosen by size (fast: fake embedder).

Parity of the ONNX export with sentence-transformers and the no-torch import check need
the real model; they are in test_end_to_end.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kb.ingest import ingest
from kb.query_model import load_query_embedder
from kb.search import SearchEngine
from kb.store.generation import current_generation
from kb.store.manifest import MANIFEST, read_manifest
from kb.store.vectors import APPROXIMATE, EXACT, HNSW, FaissIndex, build_hnsw, exact_limit
from kb.verify import verify_index

from .conftest import FakeEmbedder

QUESTIONS = (
    "what was resolved on SEND backlog",
    "who chaired the meeting",
    "school governor recruitment campaign responses",
    "children missing education",
)


@pytest.fixture
def built(sefton_corpus: Path, fake_embedder: FakeEmbedder, tmp_path: Path) -> Path:
    ingest([sefton_corpus], index=tmp_path / "index", embedder=fake_embedder)
    return tmp_path / "index"


def _fallback_stderr(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    fake = FakeEmbedder()
    monkeypatch.setattr("kb.query_model.load_embedder", lambda name=None: fake)
    assert load_query_embedder(folder, read_manifest(folder)) is fake
    return capsys.readouterr().err


def test_index_without_an_onnx_model_falls_back_with_a_note(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _fallback_stderr(current_generation(built), monkeypatch, capsys)
    assert err.startswith("kb: note: this index has no ONNX query model")
    assert "Run `kb ingest`" in err and err.count("\n") == 1


def _record_query_model(folder: Path, checksum: str) -> Path:
    """Pretend the build exported a query model: manifest record plus a file that is not it."""
    (folder / "query-model.onnx").write_bytes(b"not an onnx model")
    (folder / "query-tokenizer.json").write_text("{}")
    data = json.loads((folder / MANIFEST).read_text())
    data["query_model"] = {
        "file": "query-model.onnx",
        "tokenizer": "query-tokenizer.json",
        "sha256": checksum,
        "tokenizer_sha256": "0" * 64,
        "source_checksum": data["model_checksum"],
        "dimension": data["dimension"],
        "max_tokens": 256,
    }
    (folder / MANIFEST).write_text(json.dumps(data))
    return folder


def test_damaged_onnx_model_falls_back_and_verify_names_it(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _record_query_model(current_generation(built), "f" * 64)
    err = _fallback_stderr(folder, monkeypatch, capsys)
    assert "query-model.onnx fails its SHA-256 check" in err
    problems = verify_index(built, check_model=False)
    assert "query model file query-model.onnx fails its SHA-256 check; run `kb ingest`" in problems


def test_missing_onnx_model_falls_back_and_verify_names_it(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _record_query_model(current_generation(built), "f" * 64)
    (folder / "query-model.onnx").unlink()
    err = _fallback_stderr(folder, monkeypatch, capsys)
    assert "query-model.onnx is missing" in err
    assert any("query-model.onnx is missing" in p for p in verify_index(built, check_model=False))


def test_small_index_is_exact(built: Path) -> None:
    folder = current_generation(built)
    assert read_manifest(folder).settings["index_type"] == EXACT
    assert not (folder / APPROXIMATE).exists()


def test_index_above_the_exact_limit_gets_hnsw_with_the_same_answers(
    sefton_corpus: Path,
    fake_embedder: FakeEmbedder,
    tmp_path: Path,
    built: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KB_EXACT_LIMIT", "100")
    assert exact_limit() == 100
    approximate = tmp_path / "approximate"
    ingest([sefton_corpus], index=approximate, embedder=fake_embedder)
    folder = current_generation(approximate)
    manifest = read_manifest(folder)
    assert manifest.settings["index_type"] == HNSW and manifest.settings["exact_limit"] == 100
    assert (folder / APPROXIMATE).is_file()
    assert verify_index(approximate, check_model=False) == []
    exact_engine, hnsw_engine = SearchEngine(built), SearchEngine(approximate)
    assert len(hnsw_engine.vectors) == len(exact_engine.vectors) > 100
    for question in QUESTIONS:
        assert [h.chunk_id for h in hnsw_engine.ask(question, k=10).results] == [
            h.chunk_id for h in exact_engine.ask(question, k=10).results
        ]


def test_bad_exact_limit_setting_keeps_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_EXACT_LIMIT", "lots")
    assert exact_limit() == 50_000


def test_hnsw_recall_at_10_against_exact_search_on_hard_data() -> None:
    """20,000 noisy clustered unit vectors (harder than real embeddings): recall@10 ≥ 0.98."""
    rng = np.random.default_rng(0)
    n, d = 20_000, 384
    centres = rng.normal(size=(200, d)).astype("float32")
    x = centres[rng.integers(0, 200, n)] + 0.6 * rng.normal(size=(n, d)).astype("float32")
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    exact = FaissIndex.create(d)
    exact.add(np.arange(n, dtype="int64") * 3 + 7, x)  # ids that are not positions
    graph = build_hnsw(exact)
    queries = x[rng.integers(0, n, 200)] + 0.3 * rng.normal(size=(200, d)).astype("float32")
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    recall = np.mean(
        [len(set(exact.search(q, 10)[0]) & set(graph.search(q, 200)[0][:10])) / 10 for q in queries]
    )
    assert recall >= 0.98, recall


@pytest.mark.parametrize("scan_limit", [20_000, 0])  # score directly / FAISS id selector
@pytest.mark.parametrize("approximate", [False, True])
def test_filtered_vector_search_returns_the_best_allowed_ids(
    monkeypatch: pytest.MonkeyPatch, scan_limit: int, approximate: bool
) -> None:
    monkeypatch.setattr("kb.store.vectors.SCAN_LIMIT", scan_limit)
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2_000, 32)).astype("float32")
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    ids = np.arange(2_000, dtype="int64") * 5 + 3
    index = FaissIndex.create(32)
    index.add(ids, x)
    if approximate:
        index = build_hnsw(index)
    allowed = ids[rng.choice(2_000, 150, replace=False)]
    query = x[0]
    got_ids, got_scores = index.search(query, 20, allowed)
    scores = {int(i): float(v @ query) for i, v in zip(ids, x, strict=True)}
    want = sorted(allowed.tolist(), key=lambda i: -scores[i])[:20]
    assert got_ids.tolist() == want
    assert np.allclose(got_scores, [scores[i] for i in want], atol=1e-5)


def test_a_narrow_filter_still_fills_the_answer(built: Path) -> None:
    """A committee far down the unfiltered ranking still gets k passages of its own."""
    from kb.search import Filters

    engine = SearchEngine(built)
    answer = engine.ask(
        "school governor recruitment campaign", k=8, filters=Filters(committee="health wellbeing")
    )
    assert len(answer.results) == 8
    assert {h.citation.committee for h in answer.results} == {"Health and Wellbeing Board"}


def test_a_model_that_cannot_be_exported_is_noted_once_and_still_answers(
    sefton_corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kb.embed import SentenceTransformerEmbedder
    from kb.query_model import QueryModelError

    class Exportable(FakeEmbedder, SentenceTransformerEmbedder):
        """The fake embedder, taken for a sentence-transformers model."""

    embedder = object.__new__(Exportable)
    calls: list[str] = []

    def refuse(model: object, folder: Path) -> dict[str, object]:
        calls.append(folder.name)
        raise QueryModelError("could not export fake to ONNX (no graph)")

    monkeypatch.setattr("kb.ingest.export_query_model", refuse)
    index = tmp_path / "index"
    first = ingest([sefton_corpus], index=index, embedder=embedder)
    assert first.notes == [
        "could not export fake to ONNX (no graph); queries will load sentence-transformers (slower)"
    ]
    manifest = read_manifest(current_generation(index))
    assert manifest.query_model["error"].startswith("could not export fake")
    again = ingest([sefton_corpus], index=index, embedder=embedder)
    assert again.notes == [] and len(calls) == 1  # not retried on every ingest
    assert verify_index(index, check_model=False) == []
    err = _fallback_stderr(current_generation(index), monkeypatch, capsys)
    assert err.startswith("kb: note: no ONNX query model (could not export fake")
    assert "Run `kb ingest`" not in err


def test_keyword_search_in_parallel_id_ranges_gives_the_same_answers(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kb.search import Filters
    from kb.store import db

    single = SearchEngine(built)
    listed = {q: [h.chunk_id for h in single.ask(q, k=10).results] for q in QUESTIONS}
    single.keywords.lists = None  # FTS5's own scoring: an index built before keyword lists
    expected = {q: [(h.chunk_id, h.score) for h in single.ask(q, k=10).results] for q in QUESTIONS}
    assert {q: [c for c, _ in want] for q, want in expected.items()} == listed
    filtered = single.ask(QUESTIONS[0], k=10, filters=Filters(since="2024-01-01")).results
    ranges = db.id_ranges(single.conn, 3)
    assert len(ranges) == 3 and ranges[0][0] == min(db.all_passage_ids(single.conn))
    assert all(a[1] + 1 == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    monkeypatch.setattr("kb.search.engine.PARALLEL_KEYWORDS_ABOVE", 0)
    parallel = SearchEngine(built)
    parallel.keywords.lists = None
    for question, want in expected.items():
        assert [(h.chunk_id, h.score) for h in parallel.ask(question, k=10).results] == want
    assert parallel.keywords._shards is not None and len(parallel.keywords._shards) >= 2
    again = parallel.ask(QUESTIONS[0], k=10, filters=Filters(since="2024-01-01")).results
    assert [h.chunk_id for h in again] == [h.chunk_id for h in filtered]
    parallel.close()


PROBE_ALLOCATOR = """
import sqlite3, sys
from kb.store import db
if sys.argv[1] == "busy":
    held = sqlite3.connect(":memory:")
print(db.stop_counting_allocations())
conn = sqlite3.connect(":memory:")
conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
conn.executemany("INSERT INTO t VALUES (?)", [("minutes resolved",), ("budget",)])
print(conn.execute("SELECT count(*) FROM t WHERE t MATCH 'resolved'").fetchone()[0])
"""


@pytest.mark.skipif(
    __import__("sys").platform != "linux", reason="the shared libsqlite3 is a Linux build"
)
def test_sqlite_allocation_count_goes_off_only_while_nothing_is_open() -> None:
    """Parallel keyword search needs SQLite's global allocation mutex off; that needs a
    shutdown, which must never happen under an open connection."""
    import subprocess
    import sys

    def probe(mode: str) -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", PROBE_ALLOCATOR, mode], capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.split()

    assert probe("fresh") == ["True", "1"]
    assert probe("busy") == ["False", "1"]  # a connection was open: left alone, still works
