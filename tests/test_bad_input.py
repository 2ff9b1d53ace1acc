"""Bad input: each bad file is one clear line, the rest is ingested, nothing indexed is lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.ingest import ingest
from kb.verify import verify_index

from .conftest import SEFTON

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "good.txt").write_bytes((SEFTON / "002_d82a2967a2835cfe.txt").read_bytes())
    return folder


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty file; remove it or replace it with the full pack"),
        ("junk.txt", bytes(range(256)) * 40, "binary data, not text"),
        (
            "latin1.txt",
            "Caf\u00e9 minutes".encode("latin-1"),
            "not valid UTF-8 (byte 3); re-save the file as UTF-8",
        ),
        ("junk.pdf", b"%PDF-1.4 garbage \x00\x01\x02", "corrupt or truncated PDF"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_each_bad_file_is_one_line_and_the_rest_is_ingested(
    fake_embedder, corpus: Path, name: str, content: bytes, expected: str
) -> None:
    (corpus / name).write_bytes(content)
    result = runner.invoke(app, ["ingest", str(corpus), "--quiet"])
    assert result.exit_code == 1
    errors = errors_of(result)
    assert len(errors) == 1 and name in errors[0] and expected in errors[0], errors
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert stats["packs"] == 1 and stats["passages"] > 50


def test_a_mistyped_path_with_no_index_writes_no_empty_index(fake_embedder, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "no-such-packs"), "--quiet"])
    assert result.exit_code == 1
    (error,) = errors_of(result)
    assert "no-such-packs: no such file or folder; check the path" in error
    stats = runner.invoke(app, ["stats"])
    assert stats.exit_code == 1 and "no index at" in stats.stderr  # not an empty one


def test_too_large_file_is_refused_with_what_to_do(fake_embedder, corpus: Path) -> None:
    (corpus / "huge.txt").write_text("Minutes of a very long meeting.\n" * (50 * 2**20 // 32 + 1))
    result = runner.invoke(app, ["ingest", str(corpus), "--quiet"])
    assert result.exit_code == 1
    (error,) = errors_of(result)
    assert "huge.txt: too large (50 MB, limit 20 MB); split it into its packs or reports" in error


def test_unreadable_and_vanished_files_keep_what_was_indexed(
    fake_embedder, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus / "other.txt").write_bytes((SEFTON / "004_0a649f34eee39f0a.txt").read_bytes())
    assert not ingest([corpus]).failed
    (corpus / "good.txt").write_text("changed")
    (corpus / "other.txt").write_text("changed too")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "good.txt":
            raise PermissionError(13, "Permission denied")
        if self.name == "other.txt":
            raise FileNotFoundError(2, "No such file")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = ingest([corpus])
    assert dict(report.failed) == {
        str(corpus / "good.txt"): "permission denied; make the file readable (chmod +r)",
        str(corpus / "other.txt"): "file disappeared while reading; run the ingest again",
    }
    assert report.removed == [] and report.changed == []
    assert verify_index(check_model=False) == []


def test_text_without_pack_structure_is_indexed_as_plain_passages(
    fake_embedder, tmp_path: Path
) -> None:
    folder = tmp_path / "misc"
    folder.mkdir()
    (folder / "note.txt").write_text("Some notes.\n\nThe library opening hours changed in May.\n")
    report = ingest([folder])
    assert not report.failed and report.passages_total == 1
    answer = json.loads(runner.invoke(app, ["ask", "library opening hours", "--json"]).stdout)
    hit = answer["results"][0]
    assert "library opening hours changed in May" in hit["text"]
    assert hit["citation"]["committee"] is None and hit["citation"]["meeting_date"] is None
    assert hit["citation"]["doc_type"] == "other"


def test_verify_finds_a_damaged_index(fake_embedder, corpus: Path) -> None:
    ingest([corpus])
    assert runner.invoke(app, ["verify", "--skip-model"]).exit_code == 0
    folder = Path(json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["index_folder"])
    conn = sqlite3.connect(folder / "kb.sqlite")
    conn.execute("DELETE FROM passages WHERE id = (SELECT MAX(id) FROM passages)")
    conn.commit()
    conn.close()
    result = runner.invoke(app, ["verify", "--skip-model"])
    assert result.exit_code == 1
    problems = errors_of(result)
    assert any("vector index holds" in p for p in problems)
    assert any("manifest says" in p and "passages" in p for p in problems)


def test_a_new_parser_never_drops_what_a_narrower_ingest_did_not_name(
    fake_embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade (another parser version) every file is parsed again; an ingest of one
    new file, or of a mistyped path, must parse the packs already indexed too, not publish
    an index holding only what it was given. Where an indexed pack is no longer on disk, the
    ingest stops with what to do and the live index stays whole."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    (first / "one.txt").write_bytes((SEFTON / "002_d82a2967a2835cfe.txt").read_bytes())
    (second / "two.txt").write_bytes((SEFTON / "004_0a649f34eee39f0a.txt").read_bytes())
    index = tmp_path / "index"
    built = ingest([first, second], index=index)
    assert not built.failed and built.passages_total > 0
    monkeypatch.setattr("kb.ingest.PARSER_VERSION", 10_000)

    report = ingest([tmp_path / "no-such-folder"], index=index)
    assert report.passages_total == built.passages_total
    assert sorted(
        s.rsplit("/", 1)[-1] for s in report.unchanged + report.changed + report.added
    ) == [
        "one.txt",
        "two.txt",
    ]
    assert verify_index(index, check_model=False) == []

    monkeypatch.setattr("kb.ingest.PARSER_VERSION", 10_001)
    (second / "two.txt").unlink()
    result = runner.invoke(app, ["ingest", str(first), "--index", str(index)])
    assert result.exit_code == 1
    assert "two.txt" in result.stderr and "kb ingest --rebuild" in result.stderr
    from kb.store import db
    from kb.store.generation import current_generation

    conn = db.connect(current_generation(index), readonly=True)
    assert len(db.pack_hashes(conn)) == 2  # the live index is as it was
    conn.close()
