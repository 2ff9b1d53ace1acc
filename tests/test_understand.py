"""Query understanding and filters, each on real passages of the Sefton packs."""

from __future__ import annotations

import pytest

from kb.glossary import mine_acronyms
from kb.ingest import ingest
from kb.search import Filters, SearchEngine
from kb.search.understand import analyse, understand

from .conftest import SEFTON, FakeEmbedder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    index = tmp_path_factory.mktemp("query") / "index"
    embedder = FakeEmbedder()
    assert not ingest([SEFTON], index=index, embedder=embedder).failed
    return SearchEngine(index, embedder=embedder)


def test_acronyms_are_mined_from_the_papers() -> None:
    found = mine_acronyms(p.read_text() for p in SEFTON.glob("*.txt"))
    assert found["ehcp"] == "education health and care plans"
    assert found["ceiag"] == "careers education information advice and guidance"
    assert found["mash"] == "multi-agency safeguarding hub"
    assert found["sgo"] == "special guardianship orders"


def test_long_form_in_the_question_adds_the_acronym(engine: SearchEngine) -> None:
    query = understand(
        analyse("careers education information advice and guidance duties"), engine.glossary
    )
    assert "ceiag" in query.terms


def test_acronym_the_papers_never_use_is_spelt_out(engine: SearchEngine) -> None:
    assert not engine.glossary.is_known("dsg")
    query = understand(analyse("how big is the DSG deficit"), engine.glossary)
    assert ("dsg", "dedicated schools grant") in query.expansions
    assert {"dedicated", "schools", "grant"} <= set(query.terms)
    assert "dedicated schools grant" in query.dense_text


def test_acronym_the_papers_use_is_left_alone(engine: SearchEngine) -> None:
    query = understand(analyse("EHCP backlog"), engine.glossary)
    assert query.terms == ("ehcp", "backlog") and query.expansions == ()


def test_typos_are_mended_from_the_corpus_vocabulary(engine: SearchEngine) -> None:
    query = understand(analyse("Ofstead inspections of primary schools"), engine.glossary)
    assert ("ofstead", "ofsted") in query.corrections
    assert "ofsted" in query.terms and query.dense_text.startswith("ofsted inspections")
    answer = engine.ask("Ofstead inspections spring summer", k=3)
    assert any("Ofsted" in h.text for h in answer.results)


def test_committee_named_in_the_question(engine: SearchEngine) -> None:
    hwb = understand(
        analyse("what did the health and wellbeing board note about sub-groups"), engine.glossary
    )
    assert hwb.committees == ("Health and Wellbeing Board",)
    assert understand(analyse("jan 2024 cabinet member update"), engine.glossary).committees == ()
    answer = engine.ask("what did the health and wellbeing board say about sub-group updates", k=3)
    assert answer.results[0].citation.committee == "Health and Wellbeing Board"


def test_decision_intent_favours_resolutions_with_their_minute_title(engine: SearchEngine) -> None:
    query = analyse("What was resolved about public question time?")
    assert query.wants_decision and "resolved" not in query.terms
    top = engine.ask("what was resolved about public question time", k=3).results[0]
    assert "RESOLVED" in top.text
    assert (top.citation.minute, top.citation.title) == ("17", "Public Question Time")


def test_month_named_in_the_question_favours_that_meeting(engine: SearchEngine) -> None:
    window = analyse("the Sept 2024 meeting").time.windows[0]
    assert (window.start.isoformat(), window.end.isoformat()) == ("2024-09-01", "2024-09-30")
    top = engine.ask("education scorecard at the September 2024 meeting", k=1).results[0]
    assert top.citation.meeting_date == "2024-09-24"


def test_sort_by_date_gives_a_timeline(engine: SearchEngine) -> None:
    answer = engine.ask("cabinet member reports", k=8, sort="date")
    dates = [h.citation.meeting_date or "9999" for h in answer.results]
    assert dates == sorted(dates) and len(set(dates)) > 1
    assert [h.rank for h in answer.results] == list(range(1, 9))


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (
            Filters(committee="health wellbeing"),
            lambda c, d: c.committee == "Health and Wellbeing Board",
        ),
        (Filters(since="2024-01-01"), lambda c, d: (c.meeting_date or "") >= "2024-01-01"),
        (
            Filters(until="2017-12-31"),
            lambda c, d: c.meeting_date is not None and c.meeting_date <= "2017-12-31",
        ),
        (Filters(doc_type="questions"), lambda c, d: c.doc_type == "questions"),
        (Filters(decisions=True), lambda c, d: d),
        (Filters(public=True), lambda c, d: not c.exempt),
    ],
)
def test_filters(engine: SearchEngine, filters: Filters, check) -> None:
    answer = engine.ask("children services improvement", k=10, filters=filters)
    assert answer.results
    for hit in answer.results:
        assert check(hit.citation, "RESOLVED" in hit.text), hit.citation


def test_nothing_relevant_is_said_plainly(engine: SearchEngine) -> None:
    assert engine.ask("zzzz qqqq xylophone", k=3).confident is False


@pytest.mark.parametrize(
    ("question", "answer_type", "intent"),
    [
        ("How much did it cost to repair the toilets?", "money", "number"),
        ("What percentage of care leavers are in work?", "percent", "number"),
        ("how many people responded to the campaign", "count", "number"),
        ("How quickly are care proceedings completed?", "duration", "number"),
        ("What rating did the inspectors give?", "rating", "number"),
        ("When will the pier reopen?", "date", "date"),
        ("who chaired the December board", "person", "person"),
        ("whos the interim director of finance", "person", "person"),
        ("who seconded the motion on bus services", "vote", "vote"),
        ("what was resolved on SEND backlog", None, "decision"),
        ("Did the council approve the budget?", None, "decision"),
        ("families who need help but are not at child protection stage", None, "topic"),
        ("did Ofsted take the incident into account when inspecting schools", None, "topic"),
    ],
)
def test_what_kind_of_answer_a_question_wants(
    question: str, answer_type: str | None, intent: str
) -> None:
    query = analyse(question)
    assert (query.answer_type, query.intent) == (answer_type, intent)


def test_no_question_specific_synonyms_and_general_abbreviations() -> None:
    assert analyse("involving dads in planning").terms == ("involving", "dads", "planning")
    assert analyse("merton audit cttee").terms == ("merton", "audit")  # 'committee' is a stopword
    assert "councillor" in analyse("which cllr asked").terms
