"""Embeddings cached by model checksum and text hash, so identical text is embedded once.

The cache only saves time: when its file turns out to be damaged it is started afresh
(`damage` says why) rather than stopping an ingest. Write failures (a full disk) are raised
as `IndexWriteFailed`.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

from kb.store.db import file_problem
from kb.store.writes import sqlite_write_failure, writing

CACHE_FILE = "embeddings-cache.sqlite"


def text_hash(text: str) -> str:
    """The content hash that keys a passage's embedding."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """A SQLite table of (model checksum, text hash) → float32 vector, beside the generations."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.damage: str | None = None  # why the cache was started afresh, when it was
        problem = file_problem(path) if path.exists() else None
        if problem is not None and problem != "is empty (0 bytes)":
            self._start_afresh(problem)
            return
        try:
            with writing("embedding-cache", path):
                self._open()
                self.conn.execute("SELECT model, hash, vector FROM embeddings LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            self._start_afresh(f"cannot be read ({exc})")

    def _open(self) -> None:
        self.conn = sqlite3.connect(str(self.path), timeout=30)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS embeddings (model TEXT, hash TEXT, vector BLOB, PRIMARY KEY (model, hash))"
        )

    def _start_afresh(self, problem: str) -> None:
        if getattr(self, "conn", None) is not None:
            self.conn.close()
        self.damage = self.damage or problem
        for stale in (self.path, self.path.with_name(self.path.name + "-journal")):
            stale.unlink(missing_ok=True)
        with writing("embedding-cache", self.path):
            self._open()

    def get_many(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors for whichever of `hashes` are known (none, if the cache is damaged)."""
        found: dict[str, np.ndarray] = {}
        try:
            for start in range(0, len(hashes), 500):
                part = hashes[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self.conn.execute(
                    f"SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN ({marks})",
                    [model, *part],
                )
                for h, blob in rows:
                    found[h] = np.frombuffer(blob, dtype="float32")
        except sqlite3.DatabaseError as exc:
            self._start_afresh(f"cannot be read ({exc})")
            return {}
        return found

    def put_many(self, model: str, items: list[tuple[str, np.ndarray]]) -> None:
        """Store vectors under their hashes; raise `IndexWriteFailed` when the disk refuses."""
        rows = [(model, h, np.asarray(v, dtype="float32").tobytes()) for h, v in items]
        with writing("embedding-cache", self.path):
            try:
                with self.conn:
                    self.conn.executemany(
                        "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows
                    )
            except sqlite3.DatabaseError as exc:
                if sqlite_write_failure(exc):
                    raise
                self._start_afresh(f"cannot be written ({exc})")
                with self.conn:
                    self.conn.executemany(
                        "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows
                    )

    def close(self) -> None:
        """Close the database."""
        self.conn.close()
