"""End to end with the real bundled model on the real Sefton packs: ingest → ask → cited passage.

Marked slow (about a minute: one full embedding of the corpus); CI runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.embed import load_embedder
from kb.ingest import ingest
from kb.query_model import MODEL_FILE, OnnxEmbedder
from kb.search import SearchEngine
from kb.store.generation import current_generation
from kb.store.manifest import read_manifest
from kb.verify import verify_index

from .conftest import REPO, SEFTON, SHARED

pytestmark = pytest.mark.slow
COMMITTEE = "Overview and Scrutiny Committee (Children's Services and Safeguarding)"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    index = tmp_path_factory.mktemp("real") / "index"
    report = ingest([SEFTON], index=index)
    assert not report.failed and len(report.added) == 5
    return SearchEngine(index)


def test_send_backlog_question_finds_the_report_and_the_minute(engine: SearchEngine) -> None:
    answer = engine.ask("what was resolved on SEND backlog", k=5)
    texts = [h.text for h in answer.results]
    report = next(
        h for h in answer.results if "backlog of cases has reduced from 240+ cases to 38" in h.text
    )
    c = report.citation
    assert (c.committee, c.meeting_date, c.pack_date, c.agenda_item) == (
        COMMITTEE,
        "2024-11-12",
        "2024-11-12",
        "8",
    )
    assert c.doc_type in ("report", "appendix") and c.source.endswith("000_2633af0776d5691b.txt")
    minute = next(h for h in answer.results if "reducing the EHCP backlog" in h.text)
    assert (minute.citation.meeting_date, minute.citation.minute, minute.citation.agenda_item) == (
        "2024-09-24",
        "18",
        "4",
    )
    assert len(texts) == 5


def test_minutes_printed_in_a_later_pack_cite_both_dates(engine: SearchEngine) -> None:
    answer = engine.ask(
        "Sept 2024 public question time - how many members of the public put questions?", k=5
    )
    hit = next(
        h for h in answer.results if "questions raised by two members of the public" in h.text
    )
    c = hit.citation
    assert (c.meeting_date, c.pack_date, c.minute, c.agenda_item, c.doc_type) == (
        "2024-09-24",
        "2024-11-12",
        "17",
        "4",
        "minutes",
    )
    assert c.title == "Public Question Time" and c.page == 9


def test_unrelated_question_is_not_confident(engine: SearchEngine) -> None:
    assert engine.ask("recipe for banana bread with walnuts").confident is False
    assert (
        engine.ask("how many schools have done the EEF adaptive teaching training?").confident
        is True
    )


def test_default_model_is_checksum_verified() -> None:
    embedder = load_embedder(None)
    assert embedder.checksum == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    assert embedder.dimension == 384 and embedder.max_tokens == 256


def test_cli_ask_json_with_the_real_model(tmp_path: Path) -> None:
    index = tmp_path / "index"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "002.txt").write_bytes((SEFTON / "002_d82a2967a2835cfe.txt").read_bytes())
    env = {"KB_INDEX": str(index), "PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path)}
    run = [sys.executable, "-m", "kb.cli"]
    built = subprocess.run(
        [*run, "ingest", str(corpus), "--quiet"], env=env, capture_output=True, text=True, cwd=REPO
    )
    assert built.returncode == 0, built.stderr
    asked = subprocess.run(
        [
            *run,
            "ask",
            "how many people responded to the school governor recruitment campaign?",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert asked.returncode == 0, asked.stderr
    data = json.loads(asked.stdout)
    assert "29 people" in data["results"][0]["text"]
    assert data["results"][0]["citation"]["meeting_date"] == "2024-01-30"


HEAVY = ("torch", "transformers", "sentence_transformers")
# Runs the CLI in-process, then reports which heavy packages ended up imported.
PROBE = f"""
import runpy, sys
sys.argv = ["kb", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("kb.cli", run_name="__main__")
except SystemExit as exc:
    code = exc.code
print("HEAVY=" + ",".join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)
sys.exit(code)
"""


def _kb(index: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"KB_INDEX": str(index), "PATH": str(Path(sys.executable).parent), "HOME": str(index)}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, cwd=REPO
    )


def _questions() -> list[str]:
    fixed = [
        "what was resolved on SEND backlog",
        "how many children were reviewed",
        "who chaired the December board",
        "school governor recruitment campaign",
        "EHCP timeliness within 20 weeks",
    ]
    dev = sorted(SHARED.glob("eval/dev_*.jsonl")) if SHARED.is_dir() else []
    return fixed + [json.loads(line)["query"] for f in dev for line in f.open() if line.strip()]


def test_queries_run_on_the_onnx_export(engine: SearchEngine) -> None:
    record = engine.manifest.query_model
    assert isinstance(engine.embedder, OnnxEmbedder)
    assert record["source_checksum"] == engine.manifest.model_checksum
    assert record["parity_min_cosine"] >= 0.999
    assert (engine.folder / MODEL_FILE).is_file()


def test_onnx_export_matches_sentence_transformers_on_real_passages(engine: SearchEngine) -> None:
    rows = engine.conn.execute(
        "SELECT context, text FROM passages ORDER BY id LIMIT 400"
    ).fetchall()
    texts = [f"{context}\n{text}" if context else text for context, text in rows]
    assert len(texts) >= 300
    onnx = OnnxEmbedder(engine.folder, engine.manifest.query_model, name="onnx").encode(texts)
    reference = load_embedder(None).encode(texts)
    cosines = (onnx * reference).sum(axis=1)
    assert cosines.min() >= 0.999, (cosines.argmin(), cosines.min())


def test_onnx_and_sentence_transformers_give_the_same_top_10(engine: SearchEngine) -> None:
    reference = SearchEngine(engine.folder.parent, embedder=load_embedder(None))
    questions = _questions()
    for question in questions:
        got = [h.chunk_id for h in engine.ask(question, k=10).results]
        want = [h.chunk_id for h in reference.ask(question, k=10).results]
        assert got == want, question
    assert len(questions) >= 5


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("stats", "--json"),
        ("ask", "what was resolved on SEND backlog", "--json"),
        ("ask", "--batch", "-", "--json"),
    ],
)
def test_cli_never_imports_torch_or_transformers(
    engine: SearchEngine, args: tuple[str, ...]
) -> None:
    env = {"KB_INDEX": str(engine.folder.parent), "PATH": str(Path(sys.executable).parent)}
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env={**env, "HOME": str(engine.folder.parent)},
        input="who chaired the December board\nSEND backlog\n",
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "HEAVY=", run.stderr
    assert "kb: note" not in run.stderr  # the fast path, not the fallback
    if args[0] == "ask":
        assert json.loads(run.stdout.splitlines()[0])["results"]


def test_missing_onnx_model_falls_back_then_ingest_restores_it(
    engine: SearchEngine, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    shutil.copytree(engine.folder.parent, index)
    (current_generation(index) / MODEL_FILE).unlink()
    assert any(MODEL_FILE in problem for problem in verify_index(index))
    asked = _kb(index, "ask", "what was resolved on SEND backlog", "--json")
    assert asked.returncode == 0, asked.stderr
    assert f"kb: note: {MODEL_FILE} is missing" in asked.stderr
    assert "sentence-transformers" in asked.stderr
    assert json.loads(asked.stdout)["results"]
    report = ingest([SEFTON], index=index)
    assert not report.added and not report.changed and len(report.unchanged) == 5
    assert report.notes == ["exported the ONNX query model again (it was missing or damaged)"]
    assert read_manifest(current_generation(index)).query_model["sha256"]
    assert verify_index(index) == []
    again = _kb(index, "ask", "what was resolved on SEND backlog", "--json")
    assert again.returncode == 0 and "kb: note" not in again.stderr
    assert again.stderr.strip().splitlines()[-1] == "HEAVY="
