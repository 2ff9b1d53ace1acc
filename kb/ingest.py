"""The build wing: find packs, parse, chunk, embed and store them as one new index generation.

File content hashes decide what is redone: unchanged files are skipped, changed files are
re-parsed (and only their new passage texts embedded, thanks to the embedding cache),
deleted files' passages are removed. A run writes a complete generation and publishes it
atomically; a file that fails costs nothing else.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from kb.chunk import ChunkedPack, ChunkSettings, chunk_pack
from kb.config import INDEX_FORMAT_VERSION, REPO_ROOT, corpus_dir, display_path, index_dir
from kb.embed import Embedder, SentenceTransformerEmbedder, load_embedder, sha256_file
from kb.errors import REBUILD, IndexNotPublic, KbError, ModelMismatch, UnreadableDocument
from kb.model import Pack
from kb.parse import PARSER_VERSION, parse_pack
from kb.query_model import MODEL_FILE, QueryModelError, carry_over, export_query_model
from kb.read import SUPPORTED_SUFFIXES, read_pages
from kb.store import db, keywords
from kb.store.cache import CACHE_FILE, EmbeddingCache, text_hash
from kb.store.generation import (
    CURRENT,
    IngestLock,
    current_generation,
    discard,
    is_live,
    new_generation,
    publish,
)
from kb.store.manifest import Manifest, read_manifest, write_manifest
from kb.store.vectors import (
    APPROXIMATE,
    EXACT,
    HNSW,
    FaissIndex,
    build_hnsw,
    exact_limit,
    index_type_for,
)
from kb.store.writes import writing

Progress = Callable[[str, int, int], None]
EMBED_BATCH = 128
MAX_BYTES = {".pdf": 250 * 1024 * 1024}  # PDFs carry images; text files do not
MAX_TEXT_BYTES = 20 * 1024 * 1024
PAUSE_ENV = "KB_INGEST_PAUSE"  # fault-injection seam for tests: stages at which to stop and wait


def _pause_point(stage: str) -> None:
    """When $KB_INGEST_PAUSE names `stage`, say so on stderr and wait (tests kill the process here)."""
    import os
    import sys

    if stage in os.environ.get(PAUSE_ENV, "").split(","):
        print(f"kb: paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(120)


@dataclass
class IngestReport:
    """What an ingest did: files added, changed, removed, unchanged and failed, and passage counts."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    passages_added: int = 0
    passages_removed: int = 0
    passages_embedded: int = 0
    passages_total: int = 0
    withheld_documents: int = 0  # exempt documents kept out of a public index
    public: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    index: str = ""
    notes: list[str] = field(default_factory=list)  # things worth knowing that are not failures


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Supported files under `paths` (sorted), and the paths that could not be used.

    Hidden files and folders are passed over; other files of unsupported types are reported.
    """
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if not p.is_file() or any(
                    part.startswith(".") for part in p.relative_to(path).parts
                ):
                    continue
                if p.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(p)
                else:
                    problems.append((display_path(p), _unsupported()))
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                files.append(path)
            else:
                problems.append((display_path(path), _unsupported()))
        else:
            problems.append((str(path), "no such file or folder; check the path"))
    return sorted(dict.fromkeys(files)), problems


def _unsupported() -> str:
    return f"unsupported file type, skipped; convert it to one of {', '.join(SUPPORTED_SUFFIXES)}"


def _roots(paths: Iterable[Path]) -> list[str]:
    roots = []
    for path in paths:
        shown = display_path(path)
        roots.append(shown.rstrip("/") + "/" if path.is_dir() else shown)
    return roots


def _under(source: str, roots: list[str]) -> bool:
    return any(source == r or (r.endswith("/") and source.startswith(r)) for r in roots)


def ingest(
    paths: list[Path] | None = None,
    index: Path | None = None,
    model: str | None = None,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    settings: ChunkSettings | None = None,
    public: bool = False,
) -> IngestReport:
    """Bring the index at `index` up to date with the packs under `paths` (default: corpus/).

    With `public` (or when the index is already public) exempt documents are withheld:
    none of their text reaches the database, keyword index, vectors or embedding cache.
    Raises `KbError` subclasses for problems with the index or model (`IndexCorrupt` for a
    damaged live index, which `rebuild` replaces without reading it; `IndexWriteFailed` for
    a full disk, after removing the half-written generation); problems with single files
    are reported in `IngestReport.failed` and never stop the run.
    """
    started = time.perf_counter()
    paths = [Path(p) for p in (paths or [corpus_dir()])]
    index = index_dir(index)
    report = IngestReport(index=str(index))
    note = progress or (lambda stage, done, total: None)
    files, problems = discover(paths)
    report.failed.extend(problems)
    if not files and problems and not (index / CURRENT).exists():
        return report  # nothing to index and no index to update: write no empty one
    with IngestLock(index):
        live, live_manifest, was_public = _live(index, rebuild, report)
        previous = None if rebuild else live
        old_manifest = None if rebuild else live_manifest
        if previous is not None and live_manifest is not None:
            parsed_by = live_manifest.settings.get("parser", 1)
            if parsed_by != PARSER_VERSION:
                report.notes.append(
                    f"the index was parsed by another version of kb's parser ({parsed_by}, now "
                    f"{PARSER_VERSION}); every file is parsed again"
                )
                files = _with_indexed(files, previous, paths)
                previous = None
        elif not rebuild and live is None and live_manifest is not None:
            # written by an older kb (see _live): parsed again whole, the packs not named too
            files = _with_indexed(files, current_generation(index), paths)
        if embedder is None:
            embedder = load_embedder(model or (old_manifest.model if old_manifest else None))
        if public and was_public is False:
            raise IndexNotPublic(
                f"{index} holds a members' index with exempt papers; build the public one in a folder "
                "of its own: kb ingest --public --index DIR"
            )
        public = public or bool(was_public)  # a public index stays public
        report.public = public
        if old_manifest and old_manifest.model_checksum != embedder.checksum:
            raise ModelMismatch(
                f"index was built with {old_manifest.model}, not {embedder.name}; "
                "run `kb ingest --rebuild` (with --model) to re-embed everything"
            )
        settings = settings or ChunkSettings(window=embedder.max_tokens)
        folder = new_generation(index)
        try:
            changed = _build(
                folder, previous, files, paths, embedder, settings, report, note, public
            )
            if changed:
                publish(index, folder)
            else:
                discard(folder)
        except BaseException as exc:
            if not is_live(index, folder):
                discard(folder)
            damaged = db.damage(exc) if previous else None  # found past what opening it checks
            if damaged is not None:
                raise damaged from exc
            raise
        report.passages_total = report.passages_total or _passage_count(previous)
        report.seconds["total"] = time.perf_counter() - started
    return report


def _with_indexed(files: list[Path], live: Path, paths: list[Path]) -> list[Path]:
    """`files` and every pack of the live generation outside `paths`, for an ingest that
    cannot build on the live generation (another parser or schema) and so must parse all
    it keeps: an ingest of one new file, or of a mistyped path, keeps every pack indexed.
    Raises `KbError`, before anything is written, when such a pack is no longer on disk."""
    roots = _roots(paths)
    given = {display_path(f) for f in files}
    extra: list[Path] = []
    missing: list[str] = []
    for source in _indexed_sources(live):
        if source in given or _under(source, roots):
            continue  # named: parsed, or removed when it is gone, as in any ingest
        found = _source_file(source)
        if found is None:
            missing.append(source)
        else:
            extra.append(found)
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        raise KbError(
            f"this version of kb must parse the whole index again, but {len(missing)} indexed "
            f"file(s) are no longer where they were ({shown}); put them back, or run "
            "`kb ingest --rebuild` with the folders to index"
        )
    return sorted({*files, *extra})


def _indexed_sources(live: Path) -> list[str]:
    """The source of every pack of a generation (none when its database cannot be read)."""
    try:
        conn = sqlite3.connect(f"file:{live / db.DATABASE}?mode=ro", uri=True)
        try:
            return [row[0] for row in conn.execute("SELECT source FROM packs")]
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def _source_file(source: str) -> Path | None:
    """The file a cited source names (relative to the repository, or as given), if it exists."""
    path = Path(source)
    for candidate in [path] if path.is_absolute() else [REPO_ROOT / path, Path.cwd() / path]:
        if candidate.is_file():
            return candidate
    return None


def _live(
    index: Path, rebuild: bool, report: IngestReport
) -> tuple[Path | None, Manifest | None, bool | None]:
    """The live generation, its manifest and whether it is public, checked whole (database
    and vectors) when the ingest will build on it. A rebuild reads neither, so for it damage
    is only noted, and whether the index was public is taken from whatever still tells."""
    if not (index / CURRENT).exists():
        return None, None, None
    try:
        live = current_generation(index)
        manifest = read_manifest(live)
        schema = _schema_of(live)
        intact = db.file_problem(live / db.DATABASE) is None
        if not rebuild and intact and schema is not None and 1 <= schema < db.SCHEMA_VERSION:
            # written by an older kb: every file is parsed again (the embedding cache keeps
            # the vectors, so only new text is embedded); model and public flag carry over
            report.notes.append(
                f"the index was written by an older version of kb (schema {schema}); "
                "every file is parsed again"
            )
            return None, manifest, manifest.public
        if not rebuild:
            db.connect(live, readonly=True).close()
            FaissIndex.load(live, EXACT, mapped=True)
    except KbError as exc:
        if not rebuild:
            raise
        report.notes.append(
            f"rebuilt over a damaged index: {str(exc).removesuffix(f'; {REBUILD}')}"
        )
        was_public = _was_public(index)
        if was_public is None:
            report.notes.append(
                f"nothing in {index} tells whether it was a public index; if it was, run "
                f"`kb ingest --rebuild --public --index {index}` now"
            )
        return None, None, was_public
    return live, manifest, manifest.public


def _was_public(index: Path) -> bool | None:
    """Whether a damaged index was public: from any readable manifest of its generations, else
    from a readable database (withheld documents: public; exempt passages: members'); None
    when nothing tells."""
    folders = sorted(index.glob("gen-*"), reverse=True)
    for folder in folders:
        try:
            return read_manifest(folder).public
        except KbError:
            continue
    for folder in folders:
        try:
            conn = db.connect(folder, readonly=True)
            try:
                counts = db.counts(conn)
            finally:
                conn.close()
        except (KbError, sqlite3.DatabaseError):
            continue
        if counts["withheld_documents"]:
            return True
        if counts["exempt_passages"]:
            return False
    return None


def _build(
    folder: Path,
    previous: Path | None,
    files: list[Path],
    paths: list[Path],
    embedder: Embedder,
    settings: ChunkSettings,
    report: IngestReport,
    note: Progress,
    public: bool,
) -> bool:
    """Write the next generation into `folder`; False when nothing changed (nothing written)."""
    known: dict[str, str] = {}
    if previous:
        old = db.connect(previous, readonly=True)
        known = db.pack_hashes(old)
        old.close()
    roots = _roots(paths)
    seen: set[str] = set()
    parsed: list[tuple[str, str, Pack, ChunkedPack]] = []
    withheld: dict[str, int] = {}
    t0 = time.perf_counter()
    for n, path in enumerate(files, 1):
        source = display_path(path)
        note("parse", n, len(files))
        limit = MAX_BYTES.get(path.suffix.lower(), MAX_TEXT_BYTES)
        try:
            size = path.stat().st_size
            if size > limit:
                report.failed.append(
                    (
                        source,
                        f"too large ({size / 2**20:.0f} MB, limit {limit / 2**20:.0f} MB); "
                        "split it into its packs or reports",
                    )
                )
                seen.add(source)
                continue
            data = path.read_bytes()
        except OSError as exc:
            report.failed.append((source, _os_message(exc)))
            seen.add(source)  # keep what was indexed before
            continue
        seen.add(source)
        sha = hashlib.sha256(data).hexdigest()
        if known.get(source) == sha:
            report.unchanged.append(source)
            continue
        try:
            pages = read_pages(path)
            pack = parse_pack(pages, source)
            if public:
                kept = tuple(d for d in pack.documents if not d.exempt)
                withheld[source] = len(pack.documents) - len(kept)
                report.withheld_documents += withheld[source]
                pack = replace(pack, documents=kept)
                del pages  # the exempt text goes no further than this
            chunked = chunk_pack(pack, source, embedder.count_tokens, settings)
        except KbError as exc:
            report.failed.append(
                (
                    source,
                    str(exc).split(": ", 1)[-1] if str(exc).startswith(str(path)) else str(exc),
                )
            )
            continue
        except Exception as exc:  # a parser bug must not cost the other files
            report.failed.append(
                (source, f"could not be parsed ({type(exc).__name__}: {exc}); please report it")
            )
            continue
        if not chunked.passages and not (public and not pack.documents):
            report.failed.append((source, "no text found; check the file is a complete pack"))
            continue
        parsed.append((source, sha, pack, chunked))
        if n == 1:
            _pause_point("parse")
    report.seconds["parse"] = time.perf_counter() - t0
    gone = [source for source in sorted(set(known) - seen) if _under(source, roots)]
    graph_whole = previous is None or _graph_whole(previous)
    lists_whole = previous is None or _keyword_lists_whole(previous)
    if (
        previous
        and not parsed
        and not gone
        and graph_whole
        and lists_whole
        and _query_model_current(previous, embedder)
    ):
        return False  # nothing to do: the live generation stays as it is
    if not graph_whole:
        report.notes.append("rebuilt the HNSW graph (it was missing or damaged)")
    if not lists_whole:
        report.notes.append("built the keyword lists (they were missing or damaged)")

    t0 = time.perf_counter()
    vectors_by_hash = _embed_all(folder.parent, embedder, [c for *_, c in parsed], report, note)
    report.seconds["embed"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    _pause_point("write")
    with writing("database", folder / db.DATABASE):
        if previous:
            source_conn = db.connect(previous, readonly=True)
            target = sqlite3.connect(str(folder / db.DATABASE))
            try:
                source_conn.backup(target)
            finally:
                source_conn.close()
                target.close()
            vectors = FaissIndex.load(previous)
        else:
            vectors = FaissIndex.create(embedder.dimension)
        conn = db.connect(folder)
        try:
            with conn:
                for source in gone:
                    removed = db.delete_pack(conn, source)
                    vectors.remove(np.asarray(removed, dtype="int64"))
                    report.removed.append(source)
                    report.passages_removed += len(removed)
                for source, sha, pack, chunked in parsed:
                    if source in known:
                        removed = db.delete_pack(conn, source)
                        vectors.remove(np.asarray(removed, dtype="int64"))
                        report.passages_removed += len(removed)
                        report.changed.append(source)
                    else:
                        report.added.append(source)
                    hashes = {p.chunk_id: text_hash(p.embed_text) for p in chunked.passages}
                    ids = db.insert_pack(
                        conn,
                        pack,
                        source,
                        sha,
                        chunked.passages,
                        chunked.decisions,
                        hashes,
                        stamp,
                        withheld.get(source, 0),
                    )
                    order = [p.chunk_id for p in chunked.passages]
                    if order:
                        vectors.add(
                            np.asarray([ids[c] for c in order], dtype="int64"),
                            np.stack([vectors_by_hash[hashes[c]] for c in order]),
                        )
                    report.passages_added += len(order)
            with conn:
                db.refresh_glossary(conn)
            t1 = time.perf_counter()
            keyword_counts = keywords.build(conn, folder)
            report.seconds["keywords"] = time.perf_counter() - t1
            counts = db.counts(conn)
            conn.execute("INSERT OR REPLACE INTO metadata VALUES ('built_at', ?)", (stamp,))
            conn.commit()
        finally:
            conn.close()
    vectors.save(folder)
    index_type = index_type_for(len(vectors))
    if index_type == HNSW:
        t1 = time.perf_counter()
        build_hnsw(vectors).save(folder, APPROXIMATE)
        report.seconds["hnsw"] = time.perf_counter() - t1
    query_model = _query_model(previous, folder, embedder, report)
    report.passages_total = counts["passages"]
    write_manifest(
        folder,
        Manifest(
            format_version=INDEX_FORMAT_VERSION,
            model=embedder.name,
            model_checksum=embedder.checksum,
            dimension=embedder.dimension,
            built_at=stamp,
            counts={**counts, "vectors": len(vectors)},
            settings={
                "window": settings.window,
                "target": settings.target,
                "minimum": settings.minimum,
                "index_type": index_type,
                "exact_limit": exact_limit(),
                "parser": PARSER_VERSION,
                "keyword_lists": keyword_counts,
            },
            generation=folder.name,
            public=public,
            query_model=query_model,
        ),
    )
    report.seconds["write"] = time.perf_counter() - t0 - report.seconds.get("export", 0.0)
    _pause_point("publish")
    return True


def _query_model_current(previous: Path, embedder: Embedder) -> bool:
    """Whether the live generation already has the ONNX query model it should have."""
    if not isinstance(embedder, SentenceTransformerEmbedder):
        return True  # only sentence-transformers models are exported
    record = read_manifest(previous).query_model
    if not record or record.get("source_checksum") != embedder.checksum:
        return False
    if "error" in record:
        return True  # this model could not be exported; not retried until --rebuild
    try:
        return all(
            sha256_file(previous / str(record.get(key))) == record.get(checksum)
            for key, checksum in (("file", "sha256"), ("tokenizer", "tokenizer_sha256"))
        )
    except OSError:
        return False


def _query_model(
    previous: Path | None, folder: Path, embedder: Embedder, report: IngestReport
) -> dict[str, Any]:
    """Carry the ONNX query model over from the previous generation, or export it afresh.

    A model that cannot be exported is noted (queries then load sentence-transformers); a
    disk that refuses the file raises `IndexWriteFailed`.
    """
    if not isinstance(embedder, SentenceTransformerEmbedder):
        return {}
    with writing("query-model", folder / MODEL_FILE):
        if previous:
            record = read_manifest(previous).query_model
            if record.get("source_checksum") == embedder.checksum and "error" in record:
                return record
            if record.get("source_checksum") == embedder.checksum and carry_over(
                previous, folder, record
            ):
                return record
        t0 = time.perf_counter()
        try:
            record = export_query_model(embedder, folder)
        except QueryModelError as exc:
            report.notes.append(f"{exc}; queries will load sentence-transformers (slower)")
            return {"error": str(exc), "source_checksum": embedder.checksum}
    report.seconds["export"] = time.perf_counter() - t0
    if previous and not report.added and not report.changed and not report.removed:
        report.notes.append("exported the ONNX query model again (it was missing or damaged)")
    return record


def _schema_of(folder: Path) -> int | None:
    """The schema version of a generation's database, read without judging it (None when
    it cannot be read at all: then the full checks say what is wrong)."""
    try:
        conn = sqlite3.connect(f"file:{folder / db.DATABASE}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _graph_whole(previous: Path) -> bool:
    """Whether the live generation's HNSW graph, when it has one, is there and readable."""
    if read_manifest(previous).settings.get("index_type") != HNSW:
        return True
    try:
        FaissIndex.load(previous, HNSW, mapped=True)
    except KbError:
        return False
    return True


def _keyword_lists_whole(previous: Path) -> bool:
    """Whether the live generation has its keyword lists, readable (an index built before
    they existed has none: the next ingest builds them)."""
    try:
        return keywords.KeywordLists.load(previous) is not None
    except KbError:
        return False


def _passage_count(folder: Path | None) -> int:
    if folder is None:
        return 0
    conn = db.connect(folder, readonly=True)
    try:
        return db.counts(conn)["passages"]
    finally:
        conn.close()


def _embed_all(
    index: Path, embedder: Embedder, packs: list[ChunkedPack], report: IngestReport, note: Progress
) -> dict[str, np.ndarray]:
    texts = {text_hash(p.embed_text): p.embed_text for c in packs for p in c.passages}
    cache = EmbeddingCache(index / CACHE_FILE)
    try:
        found = {
            h: v
            for h, v in cache.get_many(embedder.checksum, list(texts)).items()
            if v.shape == (embedder.dimension,)  # a damaged row is embedded again
        }
        missing = [h for h in texts if h not in found]
        for start in range(0, len(missing), EMBED_BATCH):
            note("embed", start, len(missing))
            if start:
                _pause_point("embed")
            batch = missing[start : start + EMBED_BATCH]
            vectors = embedder.encode([texts[h] for h in batch])
            cache.put_many(embedder.checksum, list(zip(batch, vectors, strict=True)))
            found.update(zip(batch, vectors, strict=True))
        if missing:
            note("embed", len(missing), len(missing))
        report.passages_embedded = len(missing)
    finally:
        cache.close()
    if cache.damage:
        report.notes.append(
            f"the embedding cache {display_path(cache.path)} {cache.damage}; started a new one"
        )
    return found


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied; make the file readable (chmod +r)"
    if isinstance(exc, FileNotFoundError):
        return "file disappeared while reading; run the ingest again"
    return f"cannot be read ({exc.strerror or exc}); check the file"


__all__ = ["IngestReport", "UnreadableDocument", "discover", "ingest"]
