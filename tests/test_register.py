"""The decision register and the timeline through the CLI, on real packs and on constructed
minutes of other bodies (recorded votes, movers, amendments), with the fake embedder."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.model import OUTCOMES

from .conftest import CORPUS, SEFTON

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bodies"
DECISION_KEYS = {
    "decision_id", "committee", "meeting_date", "minute", "agenda_item", "title", "text",
    "outcome", "votes", "mover", "seconder", "citation",
}  # fmt: skip
CITATION_KEYS = {
    "source", "committee", "meeting_date", "pack_date", "doc_type", "agenda_item", "minute",
    "title", "page", "exempt",
}  # fmt: skip
EXEMPT_PACK = """\
CABINET
AGENDA
Date: Wednesday 1 May 2024
Time: 10.00 am
1. Apologies for Absence
2. Declarations of Interest
3. Minutes of the meeting held on 3 April 2024 (Pages 3 - 4)
EXEMPT ITEMS
4. Exempt Minutes of the meeting held on 3 April 2024 (Pages 5 - 6)

Agenda Item 4

CABINET
MINUTES of a meeting of the Cabinet held at the Town Hall on Wednesday, 3 April 2024.
PRESENT: Councillor Amos (in the Chair), Councillors Berry and Cole

12. DISPOSAL OF THE OLD DEPOT SITE (EXEMPT)
The Cabinet considered the exempt report of the Director of Place.
RESOLVED: That the canary depot be sold to the highest bidder for not less than £1.2m.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sefton, Kent and Merton minutes, constructed minutes of three other bodies and a
    pack whose exempt minutes hold a decision, ingested with the fake embedder."""
    from kb.ingest import ingest

    from .conftest import FakeEmbedder

    root = tmp_path_factory.mktemp("register")
    corpus = root / "corpus"
    shutil.copytree(SEFTON, corpus / "sefton")
    (corpus / "kent").mkdir()
    shutil.copy(CORPUS / "kent" / "kent-cabinet-2025-01-30-printed-minutes.pdf", corpus / "kent")
    shutil.copytree(CORPUS / "merton", corpus / "merton")
    (corpus / "other").mkdir()
    for name in (
        "westmarch-cc-council-2024-02-15-minutes.pdf",
        "aldermoor-city-housing-2024-03-12-minutes.pdf",
        "upper-coldbrook-pc-2024-04-08-minutes.pdf",
    ):
        shutil.copy(FIXTURES / name, corpus / "other")
    (corpus / "other" / "exempt-cabinet-2024-05-01.txt").write_text(EXEMPT_PACK, encoding="utf-8")
    report = ingest([corpus], index=root / "index", embedder=FakeEmbedder())
    assert not report.failed, report.failed
    return root / "index"


@pytest.fixture(autouse=True)
def _fake_queries(fake_embedder) -> None:  # noqa: ANN001
    """Questions are embedded by the fake embedder the index was built with."""


def kb(index: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--index", str(index)])
    assert result.exit_code == 0, result.output
    return result.stdout


def register(index: Path, *args: str) -> list[dict]:
    found = json.loads(kb(index, "decisions", *args, "--json"))
    assert set(found) == {"query", "decisions"}
    return found["decisions"]


def test_json_follows_the_contract_newest_meeting_first(built: Path) -> None:
    decisions = register(built)
    conn = sqlite3.connect(next(built.glob("gen-*")) / "kb.sqlite")
    assert len(decisions) == conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
    for d in decisions:
        assert set(d) >= DECISION_KEYS and set(d["citation"]) >= CITATION_KEYS
        assert d["outcome"] in (*OUTCOMES, None)
        assert d["citation"]["meeting_date"] == d["meeting_date"]
    dates = [d["meeting_date"] or "" for d in decisions]
    assert dates == sorted(dates, reverse=True)
    # minutes printed in a later pack keep the minuted meeting, and cite the pack and page
    m18 = next(d for d in decisions if d["minute"] == "18" and d["meeting_date"] == "2024-09-24")
    assert m18["citation"]["pack_date"] == "2024-11-12" and m18["outcome"] == "noted"
    assert m18["citation"]["page"] == 11 and m18["text"].startswith("RESOLVED: That")


def test_filters_committee_dates_and_outcome(built: Path) -> None:
    hwb = register(built, "--committee", "health and wellbeing")
    assert hwb and {d["committee"] for d in hwb} == {"Health and Wellbeing Board"}
    assert {d["minute"] for d in hwb} >= {"71", "73", "79"}
    window = register(built, "--since", "2017-06-01", "--until", "2017-06-30")
    assert window and all("2017-06-01" <= d["meeting_date"] <= "2017-06-30" for d in window)
    assert {d["meeting_date"] for d in window} == {"2017-06-21", "2017-06-30"}
    lost = register(built, "--outcome", "lost")
    assert lost and all(d["outcome"] == "lost" for d in lost)
    assert {d["citation"]["source"].rsplit("/", 1)[-1] for d in lost} == {
        "westmarch-cc-council-2024-02-15-minutes.pdf",
        "aldermoor-city-housing-2024-03-12-minutes.pdf",
    }


def test_bad_outcome_is_one_error_line(built: Path) -> None:
    result = runner.invoke(app, ["decisions", "--outcome", "passed", "--index", str(built)])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: --outcome takes one of carried, lost")


def test_public_leaves_out_exempt_decisions(built: Path) -> None:
    everything = register(built)
    exempt = [d for d in everything if d["citation"]["exempt"]]
    assert [d["minute"] for d in exempt] == ["12"] and "canary depot" in exempt[0]["text"]
    public = register(built, "--public")
    assert len(public) == len(everything) - 1
    assert not any("canary" in d["text"] for d in public)


def test_recorded_votes_movers_and_amendments(built: Path) -> None:
    westmarch = [d for d in register(built) if d["committee"] == "County Council"]
    budget = [d for d in westmarch if d["minute"] == "13"]
    assert [(d["kind"], d["outcome"]) for d in budget] == [
        ("amendment", "lost"),
        ("amendment", "withdrawn"),
        ("motion", "carried"),
    ]
    assert budget[0]["votes"] == {"for": 23, "against": 45, "abstain": 2}
    assert len(budget[0]["voters"]["for"]) == 23 and "Mrs A Lindqvist" in budget[0]["voters"]["for"]
    assert (budget[2]["mover"], budget[2]["seconder"]) == ("Mr R Hawthorne", "Mr S Pryce")
    assert budget[2]["votes"] == {"for": 46, "against": 22, "abstain": 2}
    housing = [
        d for d in register(built) if d["committee"] == "Housing and Neighbourhoods Committee"
    ]
    allocations = next(d for d in housing if d["minute"] == "35/24")
    assert allocations["votes"] == {"for": 7, "against": 2} and allocations["outcome"] == "carried"
    assert (allocations["mover"], allocations["seconder"]) == (
        "Councillor Adeyemi",
        "Councillor Hollis",
    )


def test_member_filter_finds_what_a_member_moved_seconded_or_voted_on(built: Path) -> None:
    found = register(built, "--member", "Lindqvist")
    assert found
    for d in found:
        named = [d["mover"], d["seconder"], *(n for v in (d["voters"] or {}).values() for n in v)]
        assert any(n and "Lindqvist" in n for n in named)
    kinds = {(d["minute"], d["kind"]) for d in found}
    assert ("13", "amendment") in kinds  # she moved it
    assert ("15", "motion") in kinds  # she seconded it
    assert not register(built, "--member", "Nobody Atall")


def test_csv_is_parseable_and_matches_the_json(built: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(kb(built, "decisions", "--csv"))))
    decisions = register(built)
    assert len(rows) == len(decisions)
    assert [r["decision_id"] for r in rows] == [d["decision_id"] for d in decisions]
    first = next(r for r in rows if r["minute"] == "13" and r["outcome"] == "lost")
    assert (first["votes_for"], first["votes_against"], first["votes_abstain"]) == ("23", "45", "2")


def test_markdown_is_a_table(built: Path) -> None:
    lines = kb(built, "decisions", "--committee", "audit", "--markdown").strip().splitlines()
    assert lines[0].startswith("| meeting | committee | minute |") and lines[1].startswith("| ---")
    assert len(lines) == 2 + len(register(built, "--committee", "audit"))
    assert all(line.startswith("| 2009-09-24 | Audit Committee |") for line in lines[2:])


def test_a_query_finds_the_matching_decisions_first(built: Path) -> None:
    found = register(built, "Better Care Fund plan ratified")
    assert found[0]["minute"] == "73" and found[0]["committee"] == "Health and Wellbeing Board"


def _lost_on_a_terminal(built: Path, width: int):  # type: ignore[no-untyped-def]
    """The register's lost decisions, and how a terminal `width` columns wide shows them."""
    from rich.console import Console

    from kb.present import print_register
    from kb.register import DecisionRegister, RegisterFilters

    reg = DecisionRegister(built)
    try:
        found = reg.find(filters=RegisterFilters(outcome="lost"))
    finally:
        reg.close()
    console = Console(width=width, record=True)
    print_register(console, found)
    return found, console.export_text()


def test_terminal_table(built: Path) -> None:
    found, out = _lost_on_a_terminal(built, 250)
    assert "Selective Licensing Scheme – Northgate Ward" in out and "3 for, 6 against" in out
    assert "Councillor Brennan /" in out and "12 March 2024" in out and "38/24" in out
    assert out.strip().splitlines()[-1] == f"{len(found.decisions)} decisions"


def test_narrow_terminal_gets_one_block_per_decision(built: Path) -> None:
    _, out = _lost_on_a_terminal(built, 80)
    flat = " ".join(out.split())
    assert (
        "12 March 2024 · Housing and Neighbourhoods Committee · minute 38/24 · lost (3 for, 6 against)"
        in flat
    )
    assert "moved by Councillor Brennan · seconded by Councillor Lomax" in flat
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "┃" not in out  # no table squeezed into 80 columns


def test_ask_shows_the_decision_beside_the_citation(built: Path) -> None:
    answer = json.loads(kb(built, "ask", "amendment highways drainage budget", "--json", "-k", "3"))
    held = [h for h in answer["results"] if h["decisions"]]
    assert held
    d = held[0]["decisions"][0]
    assert {"decision_id", "outcome", "votes", "mover", "seconder", "kind"} <= set(d)
    out = kb(built, "ask", "amendment highways drainage budget", "-k", "3")
    assert (
        "decision: lost (23 for, 45 against, 2 abstaining) · amendment · moved by Mrs A Lindqvist"
        in out
    )


def test_show_prints_the_whole_resolution_with_its_votes(built: Path) -> None:
    decisions = register(built, "--outcome", "lost", "--committee", "county")
    chunk = next(d["decision_id"].rsplit("-d", 1)[0] for d in decisions)
    out = runner.invoke(app, ["show", chunk, "--index", str(built)], env={"COLUMNS": "200"}).stdout
    assert "decision: lost (23 for, 45 against, 2 abstaining)" in out
    assert "against (45): Mr H Abbott" in out
    view = json.loads(kb(built, "show", chunk, "--json"))
    assert view["decisions"][0]["votes"] == {"for": 23, "against": 45, "abstain": 2}


def test_stats_count_decisions_by_outcome_and_verify_checks_them(built: Path) -> None:
    stats = json.loads(kb(built, "stats", "--json"))
    by_outcome = stats["decisions_by_outcome"]
    assert sum(by_outcome.values()) == stats["decisions"]
    assert by_outcome["noted"] >= 20 and by_outcome["lost"] >= 3
    assert runner.invoke(app, ["verify", "--skip-model", "--index", str(built)]).exit_code == 0


def test_verify_finds_a_decision_cited_to_another_meeting(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(built, copy)
    db_file = next(copy.glob("gen-*")) / "kb.sqlite"
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE decisions SET meeting_date = '1999-01-01' WHERE id = 1")
    result = runner.invoke(app, ["verify", "--skip-model", "--index", str(copy)])
    assert result.exit_code == 1
    assert "1 decisions are cited to another meeting or source than the passage holding them" in (
        result.output
    )


def test_timeline_groups_units_by_meeting_oldest_first_with_links(built: Path) -> None:
    found = json.loads(kb(built, "timeline", "SEND inspection statement of action", "--json"))
    meetings = found["meetings"]
    dates = [m["meeting_date"] for m in meetings]
    assert dates == sorted(dates)
    assert dates[:2] == ["2017-06-21", "2017-06-30"]
    june30 = meetings[1]["entries"]
    minute12 = next(e for e in june30 if e["citation"]["minute"] == "12")
    assert minute12["follows"] == "follows minute 6 of 21 June 2017"
    assert minute12["decision"]["outcome"] == "approved"
    out = kb(built, "timeline", "SEND inspection statement of action")
    assert (
        "30 June 2017 · Overview and Scrutiny Committee" in out
        and "follows minute 6 of 21 June 2017" in out
    )


def test_register_searches_passages_without_merging_copies(built: Path) -> None:
    """The register asks for every passage, not one per text: near-identical words at two
    places are two passages (two decisions where they are resolutions)."""
    from kb.search import SearchEngine

    engine = SearchEngine(built)
    try:
        merged = engine.ask("SEND improvement backlog of cases", k=10)
        copies = [h for h in merged.results if h.also_in]
        assert copies, "the packs print the SEND update twice"
        every = engine.ask("SEND improvement backlog of cases", k=40, distinct=False)
        places = {(h.citation.source, h.citation.page) for h in every.results}
        for hit in copies:
            for other in hit.also_in:
                assert (other.source, other.page) in places
    finally:
        engine.close()
