"""Generations: each ingest writes a complete new index folder, then switches `CURRENT` to it
with one atomic rename. Readers open whatever `CURRENT` names and always see a whole index."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path

from kb.errors import REBUILD, IndexLocked, IndexNotFound
from kb.store.writes import writing

CURRENT = "CURRENT"
LOCK = "ingest.lock"


def current_generation(index: Path) -> Path:
    """The live generation folder; raise `IndexNotFound` when there is none."""
    pointer = index / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError as exc:
        raise IndexNotFound(f"no index at {index}; run `kb ingest` first") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexNotFound(f"{pointer} cannot be read; {REBUILD}") from exc
    if not name:
        raise IndexNotFound(f"{pointer} is empty; {REBUILD}")
    folder = index / name
    if Path(name).name != name or name in (".", "..") or not folder.is_dir():
        raise IndexNotFound(f"index {index} names a missing generation {name!r}; {REBUILD}")
    return folder


def is_live(index: Path, folder: Path) -> bool:
    """Whether `CURRENT` names `folder`."""
    try:
        return (index / CURRENT).read_text(encoding="utf-8").strip() == folder.name
    except (OSError, UnicodeDecodeError):
        return False


def new_generation(index: Path) -> Path:
    """Create an empty folder for the next generation."""
    name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 100000:05d}"
    folder = index / name
    with writing("generation", folder):
        index.mkdir(parents=True, exist_ok=True)
        folder.mkdir()
    return folder


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(str(folder), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(index: Path, folder: Path) -> None:
    """Make `folder` the live generation (atomic rename), then drop all but the previous one."""
    previous = None
    with contextlib.suppress(IndexNotFound):
        previous = current_generation(index)
    tmp = index / f"{CURRENT}.tmp-{os.getpid()}"
    with writing("generation", folder):  # a full disk may only show when the data is flushed
        for item in folder.iterdir():
            if item.is_file():
                with item.open("rb") as handle:
                    os.fsync(handle.fileno())
        _fsync_dir(folder)
    try:
        with writing("publish", index / CURRENT):
            with tmp.open("w", encoding="utf-8") as handle:
                handle.write(folder.name)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, index / CURRENT)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(index)
    keep = {folder.name, previous.name if previous else ""}
    for other in index.glob("gen-*"):
        if other.name not in keep and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)


def discard(folder: Path) -> None:
    """Remove an unpublished generation."""
    shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class IngestLock:
    """An exclusive lock file holding the PID of the ingest that updates the index.

    A second ingest fails at once with the holder's PID; a lock left by a dead process
    is taken over.
    """

    def __init__(self, index: Path) -> None:
        self.path = index / LOCK

    def __enter__(self) -> IngestLock:
        with writing("lock", self.path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._take()

    def _take(self) -> IngestLock:
        for _ in range(3):
            try:
                fd = os.open(str(self.path), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    pid = int(self.path.read_text().strip() or "0")
                except (OSError, ValueError):
                    pid = 0
                if pid and _alive(pid) and pid != os.getpid():
                    raise IndexLocked(
                        f"index is being updated by PID {pid}; wait for it to finish"
                    ) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()  # stale: its process is gone
                continue
            try:
                with os.fdopen(fd, "w") as handle:
                    handle.write(str(os.getpid()))
            except OSError:
                self.path.unlink(missing_ok=True)
                raise
            return self
        raise IndexLocked(f"could not take {self.path}; remove it if no ingest is running")

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
