"""The vector index: FAISS inner product over unit vectors, ids = passage ids.

`vectors.faiss` is always the exact store (flat inner product): ingest adds and removes
vectors in it, `kb verify` checks it, and small indexes search it directly. Once an
index holds more than `EXACT_LIMIT` vectors, each build also writes `vectors.hnsw`, an
HNSW graph over the same vectors, and queries search that instead. Which one a build
chose is recorded in the manifest (`settings.index_type`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from kb.errors import REBUILD, IndexCorrupt
from kb.store.writes import writing

VECTORS = "vectors.faiss"
APPROXIMATE = "vectors.hnsw"
EXACT, HNSW = "flat-ip", "hnsw-flat-ip"
EXACT_LIMIT = 50_000  # flat search of 50k 384-wide vectors is ~5 ms on one core
SCAN_LIMIT = 20_000  # a filter allowing at most this many vectors is scored directly
HNSW_M = 48  # neighbours per node
HNSW_EF_CONSTRUCTION = 200
# Measured on the 100x bench index (135,272 real-text vectors, 190 questions): M 32/efC 80
# reached recall@10 0.956 at efSearch 512 and 0.976 at 1024; M 48/efC 200 reaches 0.989-0.991
# at 1024 for about 1-2 ms a query, and builds in about 25 s on two cores.
HNSW_EF_SEARCH = 1024


def exact_limit() -> int:
    """Vectors up to which search stays exact (KB_EXACT_LIMIT overrides, for tests and benchmarks)."""
    try:
        return int(os.environ.get("KB_EXACT_LIMIT", EXACT_LIMIT))
    except ValueError:
        return EXACT_LIMIT


def index_type_for(count: int) -> str:
    """Exact search up to the limit, HNSW above it."""
    return HNSW if count > exact_limit() else EXACT


def build_hnsw(exact: FaissIndex) -> FaissIndex:
    """An HNSW index over every vector of the exact store, under the same ids."""
    import faiss

    ids = exact.ids()
    vectors = exact.index.index.reconstruct_n(0, len(ids)) if len(ids) else None
    graph = faiss.IndexHNSWFlat(exact.dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    graph.hnsw.efSearch = HNSW_EF_SEARCH
    index = FaissIndex(faiss.IndexIDMap2(graph))
    if vectors is not None:
        index.add(ids, vectors)
    return index


class VectorIndex(Protocol):
    """add / remove / search / save: all kb needs of a vector index."""

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...
    def remove(self, ids: np.ndarray) -> None: ...
    def search(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]: ...
    def save(self, folder: Path) -> None: ...
    def __len__(self) -> int: ...


class FaissIndex:
    """Exact inner-product search (cosine on unit vectors) with passage ids as FAISS ids."""

    def __init__(self, index: Any) -> None:
        self.index = index

    @classmethod
    def create(cls, dimension: int) -> FaissIndex:
        """An empty index for `dimension`-wide vectors."""
        import faiss

        return cls(faiss.IndexIDMap2(faiss.IndexFlatIP(dimension)))

    @classmethod
    def load(cls, folder: Path, index_type: str = EXACT, mapped: bool = False) -> FaissIndex:
        """Read the exact store, or the HNSW graph when `index_type` says so; `mapped` maps
        the file instead of reading it (a cheap check that it is whole: do not modify it).

        Raises `IndexCorrupt` when the file is missing, empty, truncated or not the index
        it should be.
        """
        import faiss

        name = APPROXIMATE if index_type == HNSW else VECTORS
        path = folder / name
        # the graph is derived from the exact store, so a plain ingest makes it again
        mend = "run `kb ingest` to rebuild it" if index_type == HNSW else REBUILD
        if not path.is_file():
            raise IndexCorrupt(f"vector index {path} is missing; {mend}")
        if path.stat().st_size == 0:
            raise IndexCorrupt(f"vector index {path} is empty (0 bytes); {mend}")
        lib: Any = faiss
        flags = getattr(lib, "IO_FLAG_MMAP_IFC", lib.IO_FLAG_MMAP) if mapped else 0
        try:
            index: Any = faiss.read_index(str(path), flags)
            inner: Any = faiss.downcast_index(index.index) if hasattr(index, "id_map") else None
        except (RuntimeError, MemoryError) as exc:  # FAISS reports every bad file so
            raise IndexCorrupt(
                f"vector index {path} is damaged or truncated (FAISS cannot read it); {mend}"
            ) from exc
        wanted: Any = faiss.IndexHNSW if index_type == HNSW else faiss.IndexFlat
        if not isinstance(index, faiss.IndexIDMap2) or not isinstance(inner, wanted):
            raise IndexCorrupt(f"vector index {path} holds another kind of index; {mend}")
        if index_type == HNSW:
            inner.hnsw.efSearch = HNSW_EF_SEARCH
        return cls(index)

    @property
    def dimension(self) -> int:
        """Width of the stored vectors."""
        return int(self.index.d)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under the given int64 ids."""
        if len(ids):
            self.index.add_with_ids(
                np.ascontiguousarray(vectors, dtype="float32"), np.asarray(ids, dtype="int64")
            )

    def remove(self, ids: np.ndarray) -> None:
        """Remove the vectors with these ids (absent ids are ignored)."""
        import faiss

        if len(ids):
            self.index.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, dtype="int64")))

    def search(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The `k` nearest ids and their cosine scores for one query vector.

        With `allowed`, only those ids are considered: exactly, by scoring their stored
        vectors directly when there are few of them (a graph search with a narrow filter
        would miss), else through a FAISS id selector.
        """
        import faiss

        query = np.ascontiguousarray(vector.reshape(1, -1), dtype="float32")
        if allowed is not None:
            allowed = np.asarray(allowed, dtype="int64")
            if len(allowed) <= SCAN_LIMIT:
                return self._scan(query[0], allowed, k)
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, dtype="int64"), np.zeros(0, dtype="float32")
        params = None
        if allowed is not None:
            lib: Any = faiss  # its type stubs lack the search-parameter classes
            selector = lib.IDSelectorBatch(allowed)
            inner = lib.downcast_index(self.index.index)
            params = (
                lib.SearchParametersHNSW(sel=selector, efSearch=inner.hnsw.efSearch)
                if isinstance(inner, lib.IndexHNSW)
                else lib.SearchParameters(sel=selector)
            )
        scores, ids = self.index.search(query, k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def _scan(self, query: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        if not len(ids) or k <= 0:
            return np.zeros(0, dtype="int64"), np.zeros(0, dtype="float32")
        scores = self.index.reconstruct_batch(ids) @ query
        top = np.argsort(-scores, kind="stable")[:k]
        return ids[top], scores[top].astype("float32")

    def ids(self) -> np.ndarray:
        """Every stored id."""
        import faiss

        return faiss.vector_to_array(self.index.id_map).astype("int64")

    def save(self, folder: Path, name: str = VECTORS) -> None:
        """Write the index into `folder` (as vectors.faiss unless named otherwise); raise
        `IndexWriteFailed` when the disk refuses it."""
        import faiss

        path = folder / name
        # through a Python file, so that a full disk is an OSError with its errno
        with writing("hnsw" if name == APPROXIMATE else "vectors", path), path.open("wb") as out:
            lib: Any = faiss  # its type stubs lack the Python-callback writer
            lib.write_index(self.index, lib.PyCallbackIOWriter(out.write))

    def __len__(self) -> int:
        return int(self.index.ntotal)
