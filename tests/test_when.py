"""Time expressions: each kind read into a window, and on the real packs the window
favours the meetings inside it (fake embedder, so only the time evidence separates
passages that say the same thing at different meetings)."""

from __future__ import annotations

from datetime import date

import pytest

from kb.ingest import ingest
from kb.search import Filters, SearchEngine
from kb.search.when import read_time

from .conftest import CORPUS, FakeEmbedder

REFERENCE = date(2025, 3, 13)  # the newest meeting of the corpus (Kent Cabinet)


def window(text: str, reference: date | None = REFERENCE) -> tuple[str, str]:
    reading = read_time(text, reference)
    assert reading.windows, text
    w = reading.windows[0]
    return w.start.isoformat(), w.end.isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("who chaired on 24/9/09", ("2009-09-24", "2009-09-24")),
        ("Kent Cabinet 30 Jan 2025", ("2025-01-30", "2025-01-30")),
        ("the meeting of January 30, 2025", ("2025-01-30", "2025-01-30")),
        ("Sept 2024 public question time", ("2024-09-01", "2024-09-30")),
        ("interim director jan 25", ("2025-01-01", "2025-01-31")),
        ("SGOs granted in 2016-17", ("2016-04-01", "2017-05-31")),
        ("support in 2016/2017", ("2016-04-01", "2017-05-31")),
        ("FY 2019/20 outturn", ("2019-04-01", "2020-05-31")),
        ("Q3 2024/25 figures", ("2024-10-01", "2024-12-31")),
        ("first quarter of 2024", ("2024-01-01", "2024-03-31")),
        ("the autumn 2024 SEND report", ("2024-09-01", "2024-11-30")),
        ("winter 2024", ("2024-12-01", "2025-02-28")),
        ("at the end of 2016", ("2016-10-01", "2016-12-31")),
        ("in 2019", ("2019-01-01", "2019-12-31")),
        ("the plan for 2025-29", ("2025-01-01", "2029-12-31")),
        ("appeals since sep 23", ("2023-09-01", "2025-03-13")),
        ("anything before 2020", ("1900-01-01", "2019-12-31")),
        ("just before Christmas 2022", ("2022-12-01", "2022-12-31")),
    ],
)
def test_explicit_time_expressions(text: str, expected: tuple[str, str]) -> None:
    assert window(text) == expected
    assert all(w.explicit for w in read_time(text, REFERENCE).windows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what happened last spring", ("2024-03-01", "2024-05-31")),
        ("last March", ("2024-03-01", "2024-03-31")),  # the newest meeting is in March 2025
        ("earlier this year", ("2025-01-01", "2025-12-31")),
        ("last year", ("2024-01-01", "2024-12-31")),
        ("this winter", ("2024-12-01", "2025-02-28")),
        ("last quarter", ("2024-10-01", "2024-12-31")),
    ],
)
def test_relative_time_expressions_read_against_the_newest_meeting(
    text: str, expected: tuple[str, str]
) -> None:
    assert window(text) == expected
    assert not read_time(text, REFERENCE).windows[0].explicit


def test_months_of_any_year_and_the_present() -> None:
    assert read_time("the December meeting", REFERENCE).months == {12}
    assert read_time("the summer report", REFERENCE).months == {6, 7, 8}
    assert read_time("what is the latest position", REFERENCE).recent
    assert read_time("how many are there now?", REFERENCE).recent
    assert not read_time("how many schools took part", REFERENCE)
    # 'may' and 'march' are words before they are months
    assert not read_time("officers may report back", REFERENCE)
    assert not read_time("in may we will", REFERENCE).months
    assert read_time("last March", None).windows == ()  # nothing to read it against


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    index = tmp_path_factory.mktemp("when") / "index"
    embedder = FakeEmbedder()
    assert not ingest([CORPUS], index=index, embedder=embedder).failed
    return SearchEngine(index, embedder=embedder)


def _first_date(engine: SearchEngine, question: str) -> str:
    return engine.ask(question, k=1).results[0].citation.meeting_date or ""


def test_reference_is_the_newest_meeting_of_the_committee_named(engine: SearchEngine) -> None:
    assert engine.glossary.latest_meeting() == date(2025, 3, 13)
    hwb = engine.understand("what did the health and wellbeing board hear last December")
    assert hwb.committees == ("Health and Wellbeing Board",)
    w = hwb.time.windows[0]  # the board's newest meeting is 8 March 2023
    assert (w.start, w.end) == (date(2022, 12, 1), date(2022, 12, 31))


# Every set of minutes in the corpus has its declarations of interest and apologies: the same
# words at six meetings (2009-09-24, 2017-06-21, 2017-06-30, 2022-12-07, 2024-09-24,
# 2025-01-30), so only the time named can pick the meeting.
@pytest.mark.parametrize(
    ("question", "meeting"),
    [
        ("declarations of interest on 24/9/09", "2009-09-24"),  # a date
        ("declarations of interest in September 2024", "2024-09-24"),  # a month and year
        ("declarations of interest in 2017/18", "2017-06-21"),  # a financial year
        ("declarations of interest in Q3 2024", "2024-09-24"),  # a quarter
        ("declarations of interest in autumn 2024", "2024-09-24"),  # a season
        ("declarations of interest at the end of 2022", "2022-12-07"),  # part of a year
        ("declarations of interest in 2009", "2009-09-24"),  # a year
        ("declarations of interest at the December meeting", "2022-12-07"),  # a month, any year
        ("declarations of interest at the health board last December", "2022-12-07"),  # relative
        ("declarations of interest this year", "2025-01-30"),  # relative to the newest meeting
        ("apologies for absence in September 2024", "2024-09-24"),
        ("who sent apologies to the most recent cabinet", "2025-01-30"),  # the present
    ],
)
def test_the_time_named_picks_the_meeting(
    engine: SearchEngine, question: str, meeting: str
) -> None:
    # among the minutes of the six meetings (the fake embedder makes the words alike): an
    # agenda that prints a minuted meeting's date ('Minutes of the meeting held on 7
    # December 2022') is the text-period feature's case, not the meeting's window
    first = engine.ask(question, k=1, filters=Filters(doc_type="minutes")).results[0]
    assert first.citation.meeting_date == meeting


def test_time_features_mark_the_meetings_inside_the_window(engine: SearchEngine) -> None:
    ev = engine.evidence("declarations of interest in September 2024")
    inside = ev.table.column("time_in")
    for pid, flag in zip(ev.table.pids, inside, strict=True):
        day = ev.candidates.passages[pid].citation.meeting_date or ""
        assert bool(flag) == day.startswith("2024-09"), day
    after = ev.table.column("time_after")
    assert any(after)  # the November 2024 papers report on September: 'after', not 'in'


def test_loosely_named_committees(engine: SearchEngine) -> None:
    assert engine.understand("what did the health board agree").committees == (
        "Health and Wellbeing Board",
    )
    assert (
        engine.understand("scrutiny work programme")
        .committees[0]
        .startswith("Overview and Scrutiny Committee")
    )
    assert engine.understand("number of audits completed").committees == ()
    assert engine.understand("jan 2024 cabinet member update").committees == ()
    answer = engine.ask("minutes of the health board", k=1)
    assert answer.results[0].citation.committee == "Health and Wellbeing Board"
