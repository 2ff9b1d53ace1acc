"""Writing a generation: a full disk or any other OS write error becomes one `IndexWriteFailed`
that names what was being written. The ingest then removes the half-written generation, so
the live one is untouched.

`KB_FAIL_WRITE` is a fault-injection seam for tests only: a comma-separated list of the
write names below at which `writing` raises `OSError(ENOSPC)` as a full disk would.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from kb.config import display_path
from kb.errors import IndexWriteFailed

FAIL_ENV = "KB_FAIL_WRITE"
WRITES = {
    "lock": "the ingest lock",
    "generation": "the new generation folder",
    "embedding-cache": "the embedding cache",
    "database": "the database",
    "keywords": "the keyword lists",
    "vectors": "the vector index",
    "hnsw": "the HNSW graph",
    "query-model": "the ONNX query model",
    "manifest": "the manifest",
    "publish": "the CURRENT pointer",
}
# SQLite result codes that mean the file could not be written (others mean a bad file or a bug)
_SQLITE_WRITE = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN")


def sqlite_write_failure(exc: BaseException) -> bool:
    """True when a SQLite error says the disk refused a write (full, I/O error, read-only)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return isinstance(exc, sqlite3.OperationalError) and (
        (name.startswith(_SQLITE_WRITE) and "READ" not in name.removeprefix("SQLITE_READONLY"))
        or str(exc) == "database or disk is full"
    )


@contextlib.contextmanager
def writing(what: str, path: Path) -> Iterator[None]:
    """Run a block that writes `what` (a key of WRITES) at `path`; raise `IndexWriteFailed`
    with what to do when the disk refuses it."""
    if what in os.environ.get(FAIL_ENV, "").split(","):
        raise _failure(what, path, errno.ENOSPC, os.strerror(errno.ENOSPC))
    try:
        yield
    except OSError as exc:
        raise _failure(what, path, exc.errno, exc.strerror or str(exc)) from exc
    except sqlite3.OperationalError as exc:
        if not sqlite_write_failure(exc):
            raise
        full = getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "full" in str(exc)
        raise _failure(what, path, errno.ENOSPC if full else None, str(exc)) from exc


def _failure(what: str, path: Path, code: int | None, reason: str) -> IndexWriteFailed:
    shown = f"{WRITES.get(what, what)} ({display_path(path)})"
    unchanged = "the index is as it was"
    if code == errno.EDQUOT:
        return IndexWriteFailed(
            f"disk quota exceeded while writing {shown}; free space and run `kb ingest` again "
            f"({unchanged})"
        )
    if code == errno.ENOSPC:
        return IndexWriteFailed(
            f"no space left on device while writing {shown}; free space and run `kb ingest` "
            f"again ({unchanged})"
        )
    return IndexWriteFailed(
        f"cannot write {shown} ({reason}); check that {display_path(path.parent)} is writable, "
        f"then run `kb ingest` again ({unchanged})"
    )
