"""A full disk, or another OS write error, during `kb ingest`: one `Error:` line naming what
was being written and saying what to do, exit 1, the half-written generation removed, the
previous generation still live, consistent and answering the same; the next ingest, given
space, completes.

Each named write is failed through the test-only seam KB_FAIL_WRITE. Where tests may mount
a small tmpfs (as root), the disk really fills, at every point of an ingest in turn, and a
read-only remount gives a real EROFS. The ONNX export on a full disk needs the real model
(slow).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.errors import IndexWriteFailed
from kb.ingest import ingest
from kb.store.generation import CURRENT, LOCK, current_generation
from kb.store.writes import FAIL_ENV, WRITES, writing
from kb.verify import verify_index

from .conftest import REPO, SEFTON, FakeEmbedder

runner = CliRunner()
QUESTION = "school governor recruitment campaign"
BASE, EXTRA = "002_d82a2967a2835cfe.txt", "004_0a649f34eee39f0a.txt"
ADVICE = "; free space and run `kb ingest` again (the index is as it was)"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small index built once with the fake embedder: base/corpus and base/index."""
    base = tmp_path_factory.mktemp("full-disk")
    (base / "corpus").mkdir()
    shutil.copy(SEFTON / BASE, base / "corpus")
    ingest([base / "corpus"], index=base / "index", embedder=FakeEmbedder())
    return base


@pytest.fixture
def index(pristine: Path, isolated_paths: Path, fake_embedder: FakeEmbedder) -> Path:
    """A copy of the pristine index at $KB_INDEX."""
    shutil.copytree(pristine / "index", isolated_paths / "index")
    return isolated_paths / "index"


def _one_error(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    return lines[0]


class Live:
    """What must survive a failed ingest: the index folder's entries, CURRENT, the answers."""

    def __init__(self, index: Path) -> None:
        self.index = index
        self.entries = sorted(os.listdir(index))
        self.current = (index / CURRENT).read_text()
        self.answer = runner.invoke(app, ["ask", QUESTION, "--json"]).stdout
        assert json.loads(self.answer)["results"]

    def unchanged(self) -> None:
        assert sorted(os.listdir(self.index)) == self.entries  # no half-written generation
        assert (self.index / CURRENT).read_text() == self.current
        assert not (self.index / LOCK).exists()
        assert verify_index(self.index, check_model=False) == []
        assert runner.invoke(app, ["ask", QUESTION, "--json"]).stdout == self.answer


@pytest.mark.parametrize("what", [w for w in WRITES if w != "query-model"])
def test_a_full_disk_at_each_write_keeps_the_previous_index(
    index: Path, pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    if what == "hnsw":
        monkeypatch.setenv("KB_EXACT_LIMIT", "10")  # this ingest writes an HNSW graph
    (tmp_path / "extra").mkdir()
    shutil.copy(SEFTON / EXTRA, tmp_path / "extra")
    args = ["ingest", str(pristine / "corpus"), str(tmp_path / "extra"), "--quiet"]
    live = Live(index)
    monkeypatch.setenv(FAIL_ENV, what)
    line = _one_error(runner.invoke(app, args))
    assert line.startswith(f"Error: no space left on device while writing {WRITES[what]} (")
    assert line.endswith(ADVICE)
    monkeypatch.delenv(FAIL_ENV)
    live.unchanged()

    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["packs"] == 2
    assert verify_index(index, check_model=False) == []


def test_a_full_disk_while_writing_the_onnx_model_keeps_the_previous_index(
    pristine: Path, tmp_path: Path, fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export refused by the disk is a failed ingest, not a model that cannot be exported
    (which would be recorded and never retried)."""
    from kb.embed import SentenceTransformerEmbedder

    class Exportable(FakeEmbedder, SentenceTransformerEmbedder):
        """The fake embedder, taken for a sentence-transformers model."""

    exportable = object.__new__(Exportable)
    monkeypatch.setattr("kb.ingest.load_embedder", lambda name=None: exportable)

    def export(embedder: object, folder: Path) -> dict[str, object]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("kb.ingest.export_query_model", export)
    index = tmp_path / "index"
    shutil.copytree(pristine / "index", index)
    live = Live(index)
    line = _one_error(runner.invoke(app, ["ingest", str(pristine / "corpus"), "--rebuild", "-q"]))
    assert line.startswith("Error: no space left on device while writing the ONNX query model (")
    assert line.endswith(ADVICE)
    live.unchanged()
    monkeypatch.setenv(FAIL_ENV, "query-model")  # the seam fails it the same way
    _one_error(runner.invoke(app, ["ingest", str(pristine / "corpus"), "--rebuild", "-q"]))
    live.unchanged()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "no space left on device while writing the manifest (m.json)" + ADVICE),
        (errno.EDQUOT, "disk quota exceeded while writing the manifest (m.json)" + ADVICE),
        (
            errno.EROFS,
            "cannot write the manifest (m.json) (Read-only file system); check that . is "
            "writable, then run `kb ingest` again (the index is as it was)",
        ),
    ],
)
def test_write_errors_say_what_was_written_and_what_to_do(code: int, expected: str) -> None:
    with pytest.raises(IndexWriteFailed) as caught, writing("manifest", Path("m.json")):
        raise OSError(code, os.strerror(code))
    assert str(caught.value) == expected


def test_a_damaged_embedding_cache_is_started_afresh(
    index: Path, pristine: Path, tmp_path: Path
) -> None:
    cache = index / "embeddings-cache.sqlite"
    cache.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    (tmp_path / "extra").mkdir()
    shutil.copy(SEFTON / EXTRA, tmp_path / "extra")
    args = ["ingest", str(pristine / "corpus"), str(tmp_path / "extra"), "--quiet"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Note: the embedding cache {cache} cannot be read (file is not a database); "
        "started a new one"
    ]
    assert verify_index(index, check_model=False) == []
    assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["packs"] == 2
    cache.write_bytes(cache.read_bytes()[:8192])  # truncated: started afresh again
    (tmp_path / "extra" / "more.txt").write_text("The library opening hours changed in May.\n")
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Note: the embedding cache" in result.stderr and "truncated" in result.stderr
    assert verify_index(index, check_model=False) == []


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder`; skips where mounting is not allowed (not root)."""
    folder.mkdir(exist_ok=True)
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs at tmp_path/disk."""
    with _tmpfs(tmp_path / "disk", "4m") as disk:
        yield disk


def _leave_free(disk: Path, free: int) -> None:
    """Fill `disk` with a filler file until only `free` bytes are left."""
    filler = disk / "filler"
    filler.unlink(missing_ok=True)
    stat = os.statvfs(disk)
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, stat.f_bavail * stat.f_frsize - free))


def test_a_really_full_disk_at_every_point_of_an_ingest(
    small_disk: Path, fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    index, corpus = small_disk / "index", small_disk / "corpus"
    monkeypatch.setenv("KB_INDEX", str(index))
    corpus.mkdir()
    shutil.copy(SEFTON / BASE, corpus)
    assert runner.invoke(app, ["ingest", str(corpus), "--quiet"]).exit_code == 0
    live = Live(index)
    shutil.copy(SEFTON / EXTRA, corpus)
    seen: list[str] = []
    free = 0
    while True:  # a page more room each time, until the ingest fits
        _leave_free(small_disk, free)
        result = runner.invoke(app, ["ingest", str(corpus), "--quiet"])
        if result.exit_code == 0:
            break
        line = _one_error(result)
        assert line.startswith("Error: no space left on device while writing ") and line.endswith(
            ADVICE
        )
        what = line.removeprefix("Error: no space left on device while writing ").split(" (")[0]
        if what not in seen:
            seen.append(what)
        live.unchanged()
        free += 4096
        assert free < 2**20, seen
    order = [WRITES[w] for w in WRITES]
    assert seen == sorted(seen, key=order.index)  # each write in turn, as the disk fills later
    # on this corpus: lock, embedding cache, database, vector index, manifest, CURRENT pointer
    assert {WRITES["lock"], WRITES["embedding-cache"], WRITES["database"]} <= set(seen), seen
    assert verify_index(index, check_model=False) == []
    assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["packs"] == 2


def test_a_read_only_disk_is_one_line(
    small_disk: Path, fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    index, corpus = small_disk / "index", small_disk / "corpus"
    monkeypatch.setenv("KB_INDEX", str(index))
    corpus.mkdir()
    shutil.copy(SEFTON / BASE, corpus)
    assert runner.invoke(app, ["ingest", str(corpus), "--quiet"]).exit_code == 0
    live = Live(index)
    shutil.copy(SEFTON / EXTRA, corpus)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    line = _one_error(runner.invoke(app, ["ingest", str(corpus), "--quiet"]))
    assert line == (
        f"Error: cannot write the ingest lock ({index / LOCK}) (Read-only file system); check "
        f"that {index} is writable, then run `kb ingest` again (the index is as it was)"
    )
    live.unchanged()
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert runner.invoke(app, ["ingest", str(corpus), "--quiet"]).exit_code == 0
    assert current_generation(index).name != live.current


@pytest.mark.slow
def test_a_full_disk_during_the_onnx_export_keeps_the_previous_index(tmp_path: Path) -> None:
    """The real model, the real exporter, a real disk: `kb ingest --rebuild` needs room for a
    second 90 MB query model and has not got it."""
    with _tmpfs(tmp_path / "disk", "150m") as disk:
        (disk / "corpus").mkdir()
        shutil.copy(SEFTON / BASE, disk / "corpus")
        env = {**os.environ, "KB_INDEX": str(disk / "index")}

        def kb(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "kb.cli", *args],
                env=env,
                capture_output=True,
                text=True,
                cwd=REPO,
            )

        assert kb("ingest", str(disk / "corpus"), "--quiet").returncode == 0
        entries, live = sorted(os.listdir(disk / "index")), current_generation(disk / "index")
        answer = kb("ask", QUESTION, "--json")
        assert answer.returncode == 0 and "kb: note" not in answer.stderr  # the ONNX path

        failed = kb("ingest", str(disk / "corpus"), "--rebuild", "--quiet")
        assert failed.returncode == 1 and "Traceback" not in failed.stderr
        (line,) = failed.stderr.splitlines()
        assert line.startswith("Error: no space left on device while writing the ONNX query model")
        assert line.endswith(ADVICE)
        assert sorted(os.listdir(disk / "index")) == entries
        assert current_generation(disk / "index") == live
        assert verify_index(disk / "index") == []
        again = kb("ask", QUESTION, "--json")
        assert again.stdout == answer.stdout and "kb: note" not in again.stderr

        subprocess.run(["mount", "-o", "remount,size=300m", str(disk)], check=True)
        rebuilt = kb("ingest", str(disk / "corpus"), "--rebuild", "--quiet")
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert current_generation(disk / "index") != live
        assert verify_index(disk / "index") == []
        assert kb("ask", QUESTION, "--json").stdout == answer.stdout
