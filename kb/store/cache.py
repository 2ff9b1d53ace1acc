"""Embeddings cached by model checksum and text hash, so identical text is embedded once."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

CACHE_FILE = "embeddings-cache.sqlite"


def text_hash(text: str) -> str:
    """The content hash that keys a passage's embedding."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """A SQLite table of (model checksum, text hash) → float32 vector, beside the generations."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), timeout=30)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS embeddings (model TEXT, hash TEXT, vector BLOB, PRIMARY KEY (model, hash))"
        )

    def get_many(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors for whichever of `hashes` are known."""
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            part = hashes[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self.conn.execute(
                f"SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN ({marks})",
                [model, *part],
            )
            for h, blob in rows:
                found[h] = np.frombuffer(blob, dtype="float32")
        return found

    def put_many(self, model: str, items: list[tuple[str, np.ndarray]]) -> None:
        """Store vectors under their hashes."""
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                [(model, h, np.asarray(v, dtype="float32").tobytes()) for h, v in items],
            )

    def close(self) -> None:
        """Close the database."""
        self.conn.close()
