"""Answer units: a decision question gets the minute's resolution, a vote question the vote
record, on real packs (Kent Cabinet, Sefton) and on the constructed papers of other bodies
that print votes (tests/fixtures/bodies); units are minutes, public questions, sections."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.ingest import ingest
from kb.search import SearchEngine
from kb.search.units import _keys, answer_passage, has_vote_record, unit_key

from .conftest import CORPUS, FakeEmbedder

BODIES = Path(__file__).parent / "fixtures" / "bodies"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    root = tmp_path_factory.mktemp("units")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "bodies").mkdir()
    for f in BODIES.iterdir():
        if f.suffix in (".txt", ".pdf", ".html"):
            shutil.copy(f, corpus / "bodies" / f.name)
    embedder = FakeEmbedder()
    assert not ingest([corpus], index=root / "index", embedder=embedder).failed
    return SearchEngine(root / "index", embedder=embedder)


@pytest.mark.parametrize(
    ("question", "minute", "phrase"),
    [
        (
            "What did Kent Cabinet resolve about the Commissioning Plan for Education Provision?",
            "92",
            "RESOLVED that Cabinet agree the Commissioning Plan for Education",
        ),
        (
            "what did the cabinet agree about the integrated care strategy delivery plan",
            "91",
            "RESOLVED that Cabinet agree to",
        ),
        ("what was resolved about public question time", "17", "RESOLVED"),
    ],
)
def test_a_decision_question_gets_the_resolution(
    engine: SearchEngine, question: str, minute: str, phrase: str
) -> None:
    first = engine.ask(question, k=3).results[0]
    assert first.citation.minute == minute
    assert phrase in first.text


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("who seconded the provisional revenue outturn", "seconded by Councillor Abbasi"),
        (
            "who proposed the motion on rural bus services",
            "Mr K Obi proposed and Mrs A Lindqvist seconded",
        ),
    ],
)
def test_a_vote_question_gets_the_vote_record(
    engine: SearchEngine, question: str, phrase: str
) -> None:
    answer = engine.ask(question, k=3)
    assert phrase in answer.results[0].text
    assert has_vote_record(answer.results[0].text)


def test_the_vote_record_leads_its_minute_even_below_the_resolution(engine: SearchEngine) -> None:
    ev = engine.evidence("who seconded the provisional revenue outturn")
    scores = dict(zip(ev.table.pids, engine.score(ev).tolist(), strict=True))
    resolution = next(
        pid
        for pid in ev.table.pids
        if "provisional revenue outturn" in ev.candidates.passages[pid].text
        and ev.candidates.passages[pid].is_decision
    )
    members = ev.units.siblings(resolution)
    assert len(members) >= 2  # the minute's discussion and its resolution
    lead = answer_passage(members, "vote", scores, ev.units)
    assert "seconded by" in lead.text
    decision_lead = answer_passage(members, "decision", scores, ev.units)
    assert decision_lead.is_decision


def test_units_are_minutes_questions_and_sections(engine: SearchEngine) -> None:
    rows = engine.conn.execute(
        "SELECT id FROM passages WHERE doc_type = 'questions' ORDER BY pack_id, seq"
    ).fetchall()
    from kb.store import db

    passages = list(db.passages_by_id(engine.conn, [r[0] for r in rows]).values())
    passages.sort(key=lambda p: (p.pack_id, p.seq))
    keys = _keys(passages)
    numbered = {keys[p.id][-1] for p in passages}
    assert {"1", "3", "4", "7"} <= numbered  # each public question is its own unit
    minute = db.passages_by_id(
        engine.conn,
        [engine.conn.execute("SELECT id FROM passages WHERE minute = '90'").fetchone()[0]],
    )
    p = next(iter(minute.values()))
    assert unit_key(p)[:1] == ("minute",) and unit_key(p)[-1] == "90"
