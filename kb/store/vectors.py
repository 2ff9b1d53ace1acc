"""The vector index: FAISS inner product over unit vectors, ids = passage ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import numpy as np

VECTORS = "vectors.faiss"


class VectorIndex(Protocol):
    """add / remove / search / save: all kb needs of a vector index."""

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...
    def remove(self, ids: np.ndarray) -> None: ...
    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...
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
    def load(cls, folder: Path) -> FaissIndex:
        """Read vectors.faiss from `folder`."""
        import faiss

        return cls(faiss.read_index(str(folder / VECTORS)))

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

    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The `k` nearest ids and their cosine scores for one query vector."""
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, dtype="int64"), np.zeros(0, dtype="float32")
        scores, ids = self.index.search(
            np.ascontiguousarray(vector.reshape(1, -1), dtype="float32"), k
        )
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def ids(self) -> np.ndarray:
        """Every stored id."""
        import faiss

        return faiss.vector_to_array(self.index.id_map).astype("int64")

    def save(self, folder: Path) -> None:
        """Write vectors.faiss into `folder`."""
        import faiss

        faiss.write_index(self.index, str(folder / VECTORS))

    def __len__(self) -> int:
        return int(self.index.ntotal)
