"""The CLI through Typer's CliRunner, with the fake embedder: JSON contract, exit codes, errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app

from .conftest import OtherFakeEmbedder

runner = CliRunner()
CITATION_KEYS = {
    "source",
    "committee",
    "meeting_date",
    "pack_date",
    "doc_type",
    "agenda_item",
    "minute",
    "title",
    "page",
    "exempt",
}


@pytest.fixture
def built(fake_embedder, sefton_corpus: Path, isolated_paths: Path) -> Path:
    result = runner.invoke(app, ["ingest", str(sefton_corpus), "--quiet"])
    assert result.exit_code == 0, result.output
    return isolated_paths / "index"


def test_ask_json_follows_the_contract(built: Path) -> None:
    result = runner.invoke(app, ["ask", "two members of the public questions", "--json", "-k", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == "two members of the public questions"
    assert len(data["results"]) == 3
    assert isinstance(data["confident"], bool)
    assert 0.0 <= data["confidence"] <= 1.0
    for rank, hit in enumerate(data["results"], 1):
        assert hit["rank"] == rank
        assert set(hit) >= {"rank", "score", "chunk_id", "text", "citation"}
        assert set(hit["citation"]) >= CITATION_KEYS
        assert len(hit["text"]) <= 2000
    scores = [h["score"] for h in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_a_low_confidence_answer_says_so_before_the_matches(built: Path) -> None:
    result = runner.invoke(app, ["ask", "zorbleflax quantum marmalade wibble", "-k", "2"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("No confident answer (confidence 0.")
    assert "closest matches follow" in first and "[1]" in result.stdout


def test_eval_reports_files_splits_types_and_confidence(built: Path, tmp_path: Path) -> None:
    dev_a = tmp_path / "dev_a.jsonl"
    dev_a.write_text(
        json.dumps(
            {
                "id": "t1",
                "query": "two members of the public questions",
                "type": "decision",
                "gold": [
                    {"source": "000_2633af0776d5691b.txt", "contains": "two members of the public"}
                ],
            }
        )
        + "\n"
        + json.dumps({"id": "t2", "query": "zorbleflax wibble", "type": "unanswerable", "gold": []})
        + "\n"
    )
    result = runner.invoke(app, ["eval", str(dev_a), "--no-misses"])
    assert result.exit_code == 0, result.output
    assert "| tune | dev_a | 2 | 1 |" in result.stdout
    assert "| decision |" in result.stdout and "flagged not confident" in result.stdout
    data = json.loads(runner.invoke(app, ["eval", str(dev_a), "--json"]).stdout)
    assert set(data["confidence"]) == {"tune", "all"} and data["by_file"]["dev_a"]["questions"] == 2


def test_batch_prints_one_json_line_per_question(built: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.txt"
    questions.write_text("SEND backlog\n\nwho chaired the board\nfoster carer training\n")
    result = runner.invoke(app, ["ask", "--batch", str(questions), "--json", "-k", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["query"] for line in lines] == [
        "SEND backlog",
        "who chaired the board",
        "foster carer training",
    ]
    assert all(len(json.loads(line)["results"]) == 2 for line in lines)


def test_ask_without_an_index_is_a_one_line_error(fake_embedder) -> None:
    result = runner.invoke(app, ["ask", "anything", "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no index at ")
    assert "run `kb ingest` first" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_wrong_usage_exits_2() -> None:
    assert runner.invoke(app, ["ask", "x", "-k", "zero"]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "x", "--since", "2024-13-45"],
        ["decisions", "--until", "yesterday"],
        ["timeline", "x", "--since", "2024/01/01"],
    ],
)
def test_a_date_filter_that_is_no_date_is_wrong_usage(args: list[str], tmp_path: Path) -> None:
    """'--since 2024-13-45' was compared as text and quietly filtered by it; it is refused,
    before any index is opened, saying the form to give."""
    result = runner.invoke(app, [*args, "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "is not a date; give YYYY-MM-DD" in result.stderr


def test_ask_with_another_model_is_a_clear_error(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "kb.search.engine.load_query_embedder",
        lambda folder, manifest, spinning=True: OtherFakeEmbedder(),
    )
    result = runner.invoke(app, ["ask", "SEND backlog", "--json"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: index was built with fake-hash-embedder")


def test_show_gives_the_passage_in_context(built: Path) -> None:
    ask = json.loads(
        runner.invoke(app, ["ask", "questions and responses be noted", "--json", "-k", "1"]).stdout
    )
    chunk_id = ask["results"][0]["chunk_id"]
    result = runner.invoke(app, ["show", chunk_id, "--json"])
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    assert view["passage"]["chunk_id"] == chunk_id
    assert view["passage"]["citation"] == ask["results"][0]["citation"]
    assert view["before"] or view["after"]
    missing = runner.invoke(app, ["show", "no-such-chunk"])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no passage 'no-such-chunk'")


def test_stats_counts_match_the_database(built: Path) -> None:
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["packs"] == 5 and stats["model"] == "fake-hash-embedder"
    conn = sqlite3.connect(Path(stats["index_folder"]) / "kb.sqlite")
    assert stats["passages"] == conn.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    assert stats["decisions"] == conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 24
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'backlog'"
        ).fetchone()[0]
        >= 3
    )


def test_filters_restrict_results(built: Path) -> None:
    args = ["ask", "report be noted", "--json", "-k", "10"]
    minutes = json.loads(runner.invoke(app, [*args, "--type", "minutes", "--decisions"]).stdout)
    assert minutes["results"] and all(
        h["citation"]["doc_type"] == "minutes" for h in minutes["results"]
    )
    assert all("RESOLVED" in h["text"] for h in minutes["results"])
    hwb = json.loads(runner.invoke(app, [*args, "--committee", "health and wellbeing"]).stdout)
    assert hwb["results"] and all(
        h["citation"]["committee"] == "Health and Wellbeing Board" for h in hwb["results"]
    )
    dated = json.loads(
        runner.invoke(app, [*args, "--since", "2024-01-01", "--until", "2024-12-31"]).stdout
    )
    assert dated["results"] and all(
        "2024-01-01" <= h["citation"]["meeting_date"] <= "2024-12-31" for h in dated["results"]
    )


def test_ingest_reports_bad_files_and_keeps_the_rest(fake_embedder, sefton_corpus: Path) -> None:
    (sefton_corpus / "sefton" / "empty.txt").write_text("")
    (sefton_corpus / "sefton" / "junk.pdf").write_bytes(b"\x00\x01 not a pdf")
    result = runner.invoke(app, ["ingest", str(sefton_corpus), "--quiet"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2
    assert any("empty.txt" in e and "empty file" in e for e in errors)
    assert any("junk.pdf" in e and "PDF" in e for e in errors)
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert stats["packs"] == 5


def test_reingest_of_an_unchanged_corpus_embeds_nothing(built: Path, sefton_corpus: Path) -> None:
    result = runner.invoke(app, ["ingest", str(sefton_corpus), "--json", "--quiet"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert report["passages_embedded"] == 0 and len(report["unchanged"]) == 5
    assert report["added"] == report["changed"] == report["removed"] == []


def test_changed_and_deleted_packs(built: Path, sefton_corpus: Path) -> None:
    before = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    conn = sqlite3.connect(Path(before["index_folder"]) / "kb.sqlite")
    exempt_passages = conn.execute(
        "SELECT COUNT(*) FROM passages WHERE source LIKE '%/004_%'"
    ).fetchone()[0]
    exempt_decisions = conn.execute(
        "SELECT COUNT(*) FROM decisions JOIN packs ON packs.id = decisions.pack_id WHERE packs.source LIKE '%/004_%'"
    ).fetchone()[0]
    conn.close()
    assert exempt_passages > 0
    (sefton_corpus / "sefton" / "004_0a649f34eee39f0a.txt").unlink()
    pack = sefton_corpus / "sefton" / "002_d82a2967a2835cfe.txt"
    pack.write_text(pack.read_text().replace("29 people", "31 people"))
    report = json.loads(
        runner.invoke(app, ["ingest", str(sefton_corpus), "--json", "--quiet"]).stdout
    )
    assert report["removed"] == [f"{sefton_corpus}/sefton/004_0a649f34eee39f0a.txt"]
    assert report["changed"] == [f"{sefton_corpus}/sefton/002_d82a2967a2835cfe.txt"]
    assert report["passages_embedded"] == 1  # only the edited passage
    after = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert after["packs"] == 4
    assert after["passages"] == before["passages"] - exempt_passages
    assert after["decisions"] == before["decisions"] - exempt_decisions
    hit = json.loads(
        runner.invoke(
            app, ["ask", "governor recruitment campaign 31 people", "--json", "-k", "1"]
        ).stdout
    )
    assert "31 people" in hit["results"][0]["text"]


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert command.callback.__doc__, name  # type: ignore[union-attr]
        assert f"kb {name}" in readme, name
        help_text = runner.invoke(app, [name, "--help"])
        assert help_text.exit_code == 0 and "Usage" in help_text.stdout
