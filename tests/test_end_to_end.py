"""End to end with the real bundled model on the real Sefton packs: ingest → ask → cited passage.

Marked slow (about a minute: one full embedding of the corpus); CI runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb.embed import load_embedder
from kb.ingest import ingest
from kb.search import SearchEngine

from .conftest import REPO, SEFTON

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
