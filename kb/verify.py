"""`kb verify`: check that the manifest, the SQLite database and the FAISS index agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kb.config import index_dir
from kb.embed import sha256_file
from kb.errors import REBUILD, KbError
from kb.model import OUTCOMES
from kb.store import db
from kb.store.generation import current_generation
from kb.store.keywords import KeywordLists
from kb.store.manifest import Manifest, read_manifest
from kb.store.vectors import APPROXIMATE, HNSW, VECTORS, FaissIndex


def verify_index(index: Path | None = None, check_model: bool = True) -> list[str]:
    """Every inconsistency found in the live index, one sentence each (empty when all is well).

    Never raises for a damaged index: each part that cannot be read is one problem.
    """
    try:
        folder = current_generation(index_dir(index))
        manifest = read_manifest(folder)
    except KbError as exc:
        return [str(exc)]
    problems: list[str] = []
    passage_ids = _database_problems(folder, manifest, problems)
    try:
        vectors = FaissIndex.load(folder)
    except KbError as exc:
        problems.append(str(exc))
    else:
        _vector_problems(folder, manifest, vectors, passage_ids, problems)
    problems.extend(_query_model_problems(folder, manifest))
    try:
        lists = KeywordLists.load(folder)
    except KbError as exc:
        problems.append(str(exc))
    else:
        wanted = manifest.settings.get("keyword_lists")
        if lists is None and wanted:
            problems.append("the keyword lists the manifest records are missing; run `kb ingest`")
        elif (
            lists is not None
            and isinstance(wanted, dict)
            and wanted.get("postings") != len(lists.ids)
        ):
            problems.append(
                f"manifest says {wanted.get('postings')} keyword postings, the lists hold "
                f"{len(lists.ids)}; run `kb ingest` to build them again"
            )
    if check_model:
        from kb.embed import resolve_model

        try:
            files = resolve_model(manifest.model)
            if files.checksum != manifest.model_checksum:
                problems.append(
                    f"model {manifest.model} on this machine has checksum {files.checksum[:12]}…, "
                    f"the index was built with {manifest.model_checksum[:12]}…"
                )
        except KbError as exc:
            problems.append(f"model {manifest.model} is not available: {exc}")
    return problems


def _database_problems(folder: Path, manifest: Manifest, problems: list[str]) -> set[int] | None:
    """Check the database against itself and the manifest; its passage ids, or None when it
    cannot be read."""
    try:
        conn = db.connect(folder, readonly=True)
    except KbError as exc:
        problems.append(str(exc))
        return None
    try:
        counts = db.counts(conn)
        passage_ids = set(db.all_passage_ids(conn))
        fts_rows = conn.execute("SELECT COUNT(*) FROM passages_fts").fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        orphan_decisions = conn.execute(
            "SELECT COUNT(*) FROM decisions WHERE passage_id IS NOT NULL AND passage_id NOT IN (SELECT id FROM passages)"
        ).fetchone()[0]
        problems.extend(db.decision_problems(conn, OUTCOMES))
    except sqlite3.DatabaseError as exc:
        problems.append(f"database {folder / db.DATABASE} cannot be read ({exc}); {REBUILD}")
        return None
    finally:
        conn.close()
    if integrity != "ok":
        problems.append(f"SQLite integrity check failed: {integrity}")
    if fts_rows != len(passage_ids):
        problems.append(f"keyword index holds {fts_rows} rows for {len(passage_ids)} passages")
    if orphan_decisions:
        problems.append(f"{orphan_decisions} decisions point at missing passages")
    for key, value in counts.items():
        if manifest.counts.get(key) != value:
            problems.append(
                f"manifest says {manifest.counts.get(key)} {key}, database holds {value}"
            )
    return passage_ids


def _vector_problems(
    folder: Path,
    manifest: Manifest,
    vectors: FaissIndex,
    passage_ids: set[int] | None,
    problems: list[str],
) -> None:
    """Check the vector store (and the HNSW graph) against the manifest and the passages."""
    if vectors.dimension != manifest.dimension:
        problems.append(f"vectors are {vectors.dimension}-wide, manifest says {manifest.dimension}")
    stored = set(vectors.ids().tolist())
    if passage_ids is not None and len(vectors) != len(passage_ids):
        problems.append(
            f"vector index holds {len(vectors)} vectors for {len(passage_ids)} passages"
        )
    if passage_ids is not None and stored != passage_ids:
        missing, extra = len(passage_ids - stored), len(stored - passage_ids)
        problems.append(
            f"vector ids differ from passage ids ({missing} passages without vectors, {extra} stray vectors)"
        )
    if manifest.counts.get("vectors") != len(vectors):
        problems.append(
            f"manifest says {manifest.counts.get('vectors')} vectors, index holds {len(vectors)}"
        )
    if manifest.settings.get("index_type") == HNSW:
        try:
            graph = FaissIndex.load(folder, HNSW)
        except KbError as exc:
            problems.append(str(exc))
        else:
            if set(graph.ids().tolist()) != stored:
                problems.append(f"HNSW index {APPROXIMATE} holds other ids than {VECTORS}")


def _query_model_problems(folder: Path, manifest: Manifest) -> list[str]:
    """The ONNX query model, when the manifest records one, must be there and intact."""
    record = manifest.query_model
    if not record or "error" in record:
        return []  # no export (fake embedder, or a model the exporter cannot handle)
    problems = []
    for key, checksum in (("file", "sha256"), ("tokenizer", "tokenizer_sha256")):
        path = folder / str(record.get(key))
        try:
            if not path.is_file():
                problems.append(f"query model file {path.name} is missing; run `kb ingest`")
            elif sha256_file(path) != record.get(checksum):
                problems.append(
                    f"query model file {path.name} fails its SHA-256 check; run `kb ingest`"
                )
        except OSError as exc:
            problems.append(f"query model file {path.name} cannot be read ({exc.strerror})")
    if record.get("source_checksum") != manifest.model_checksum:
        problems.append("query model was exported from another model than the index's")
    return problems
