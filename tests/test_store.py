"""Generations, locking and failure safety of the index."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.errors import IndexLocked, IndexNotFound
from kb.ingest import ingest
from kb.search import SearchEngine
from kb.store.generation import CURRENT, LOCK, IngestLock, current_generation

from .conftest import SEFTON


def test_second_ingest_fails_at_once_while_one_runs(tmp_path: Path) -> None:
    index = tmp_path / "index"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        index.mkdir()
        (index / LOCK).write_text(str(holder.pid))
        with (
            pytest.raises(IndexLocked, match=f"index is being updated by PID {holder.pid}"),
            IngestLock(index),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    index = tmp_path / "index"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    index.mkdir()
    (index / LOCK).write_text(str(dead.pid))
    with IngestLock(index):
        assert (index / LOCK).read_text() == str(os.getpid())
    assert not (index / LOCK).exists()


def test_failed_build_leaves_the_previous_generation_answering(
    fake_embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index"
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((SEFTON / "002_d82a2967a2835cfe.txt").read_bytes())
    ingest([corpus], index=index, embedder=fake_embedder)
    first = current_generation(index)
    (corpus / "b.txt").write_bytes((SEFTON / "000_2633af0776d5691b.txt").read_bytes())

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("kb.store.vectors.FaissIndex.save", explode)
    with pytest.raises(RuntimeError):
        ingest([corpus], index=index, embedder=fake_embedder)
    assert current_generation(index) == first
    assert sorted(p.name for p in index.glob("gen-*")) == [first.name]  # the half-built one is gone
    answer = SearchEngine(index, embedder=fake_embedder).ask("governor recruitment campaign", k=1)
    assert answer.results[0].citation.source.endswith("a.txt")
    assert not (index / LOCK).exists()


def test_missing_generation_is_reported(tmp_path: Path) -> None:
    index = tmp_path / "index"
    index.mkdir()
    (index / CURRENT).write_text("gen-gone")
    with pytest.raises(IndexNotFound, match="missing generation"):
        current_generation(index)
