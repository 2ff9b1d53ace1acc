"""Shared fixtures: every path into tmp_path, a deterministic fake embedder, the real corpus."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from kb.chunk import approximate_tokens

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SEFTON = CORPUS / "sefton"
SHARED = REPO.parent / "shared"


class FakeEmbedder:
    """Bag-of-words hashed into 256 dimensions: deterministic, fast, good enough for plumbing."""

    name = "fake-hash-embedder"
    checksum = "fake-checksum-0001"
    dimension = 256
    max_tokens = 256

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype="float32")
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                h = int(hashlib.md5(word.encode()).hexdigest()[:8], 16)
                out[i, h % self.dimension] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
        return out

    def count_tokens(self, text: str) -> int:
        return approximate_tokens(text)


class OtherFakeEmbedder(FakeEmbedder):
    name = "other-fake-embedder"
    checksum = "fake-checksum-0002"


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point KB_INDEX and KB_CORPUS into tmp_path so tests never touch the repo's index/ or corpus/."""
    monkeypatch.setenv("KB_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("KB_CORPUS", str(tmp_path / "corpus"))
    return tmp_path


@pytest.fixture
def fake_embedder(monkeypatch: pytest.MonkeyPatch) -> FakeEmbedder:
    """Make every model load in kb return the fake embedder."""
    embedder = FakeEmbedder()
    monkeypatch.setattr("kb.ingest.load_embedder", lambda name=None: embedder)
    monkeypatch.setattr(
        "kb.search.engine.load_query_embedder", lambda folder, manifest, spinning=True: embedder
    )
    return embedder


@pytest.fixture
def sefton_corpus(tmp_path: Path) -> Path:
    """A copy of the Sefton packs in tmp_path/corpus/sefton."""
    target = tmp_path / "corpus" / "sefton"
    shutil.copytree(SEFTON, target)
    return tmp_path / "corpus"


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def real_engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The whole corpus (Sefton, Kent, Merton) indexed once with the real bundled model."""
    from kb.ingest import ingest
    from kb.search import SearchEngine

    index = tmp_path_factory.mktemp("real-corpus") / "index"
    assert not ingest([CORPUS], index=index).failed
    return SearchEngine(index)
