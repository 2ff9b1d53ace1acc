"""Read-only views of an index for `kb show` and `kb stats`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb.config import index_dir
from kb.errors import NotFound
from kb.store import db
from kb.store.db import StoredDecision, StoredPassage
from kb.store.generation import current_generation
from kb.store.manifest import read_manifest
from kb.store.vectors import APPROXIMATE, EXACT, HNSW, VECTORS


@dataclass(frozen=True)
class PassageView:
    """A passage with the passages just before and after it in its pack, and the decisions
    it holds (each whole, with its outcome, votes, mover and seconder)."""

    passage: StoredPassage
    before: tuple[StoredPassage, ...]
    after: tuple[StoredPassage, ...]
    decisions: tuple[StoredDecision, ...] = ()


def show_passage(chunk_id: str, around: int = 1, index: Path | None = None) -> PassageView:
    """The passage `chunk_id` in its context; raise `NotFound` when there is no such passage."""
    folder = current_generation(index_dir(index))
    conn = db.connect(folder, readonly=True)
    try:
        passage = db.passage_by_chunk_id(conn, chunk_id)
        if passage is None:
            raise NotFound(f"no passage {chunk_id!r} in this index; copy a chunk_id from `kb ask`")
        nearby = db.neighbours(conn, passage, around, around)
        held = db.decisions(conn, chunk_ids=[chunk_id])
    finally:
        conn.close()
    return PassageView(
        passage,
        tuple(p for p in nearby if p.seq < passage.seq),
        tuple(p for p in nearby if p.seq > passage.seq),
        tuple(held),
    )


def index_stats(index: Path | None = None) -> dict[str, object]:
    """Counts, model and size of the live index."""
    folder = current_generation(index_dir(index))
    manifest = read_manifest(folder)
    conn = db.connect(folder, readonly=True)
    try:
        counts = db.counts(conn)
        by_outcome = db.decisions_by_outcome(conn)
    finally:
        conn.close()
    size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
    index_type = str(manifest.settings.get("index_type", EXACT))
    return {
        **counts,
        "decisions_by_outcome": by_outcome,
        "model": manifest.model,
        "model_checksum": manifest.model_checksum,
        "dimension": manifest.dimension,
        "built_at": manifest.built_at,
        "public": manifest.public,
        "index_bytes": size,
        "index_folder": str(folder),
        "vectors_file": APPROXIMATE if index_type == HNSW else VECTORS,
        "index_type": index_type,
        "query_model": "onnx" if manifest.query_model.get("file") else "sentence-transformers",
    }
