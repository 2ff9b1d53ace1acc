"""What an engine keeps in memory from one query to the next (a generation never changes):
the same passages, postings and stems as reading them afresh, within its bounds, and the
same answers on a second asking."""

from __future__ import annotations

import pytest

from kb.ingest import ingest
from kb.search import SearchEngine
from kb.store import db, evidence
from kb.store.memo import Memo, _Bounded

from .conftest import SEFTON, FakeEmbedder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    index = tmp_path_factory.mktemp("memo") / "index"
    embedder = FakeEmbedder()
    assert not ingest([SEFTON], index=index, embedder=embedder).failed
    return SearchEngine(index, embedder=embedder)


def test_kept_passages_are_those_read_afresh(engine: SearchEngine) -> None:
    memo = Memo(engine.conn)
    ids = [int(r[0]) for r in engine.conn.execute("SELECT id FROM passages ORDER BY id LIMIT 40")]
    first = memo.passages(ids[:25])
    again = memo.passages([*ids[10:], 10**9])  # half kept, half new, one that is not stored
    assert first == db.passages_by_id(engine.conn, ids[:25])
    assert again == db.passages_by_id(engine.conn, ids[10:])
    assert list(again) == ids[10:]  # in the order asked


def test_passages_around_through_the_memo(engine: SearchEngine) -> None:
    memo = Memo(engine.conn)
    (pack,) = engine.conn.execute("SELECT pack_id FROM passages LIMIT 1").fetchone()
    spans = [(pack, 3, 8), (pack, 6, 12), (pack, 30, 31)]
    assert memo.passages_around(spans) == evidence.passages_around(engine.conn, spans)
    assert [p.seq for p in memo.passages_around(spans)] == [*range(3, 13), 30, 31]


def test_kept_postings_and_stems_are_those_read_afresh(engine: SearchEngine) -> None:
    memo = Memo(engine.conn)
    words = ["schools", "governors", "18-25", "nosuchword"]
    assert memo.stems(words) == evidence.stems(engine.conn, words)
    assert memo.word_counts(words) == evidence.word_counts(engine.conn, words)
    assert memo.word_counts(words[:1]) == evidence.word_counts(engine.conn, words[:1])
    terms = sorted({t for ts in memo.stems(words).values() for t in ts})
    assert memo.term_fields(terms) == evidence.term_fields(engine.conn, terms)
    assert memo.term_fields(terms[:2]) == evidence.term_fields(engine.conn, terms[:2])
    assert memo.term_fields(terms)["school"]  # a real word has postings


def test_bounded_forgets_the_least_recently_used_by_weight() -> None:
    kept = _Bounded(10)
    kept.keep("a", 1, 4)
    kept.keep("b", 2, 4)
    kept.take("a")  # a is now the most recently used
    kept.keep("c", 3, 4)  # 12 > 10: b goes
    assert list(kept) == ["a", "c"] and kept.weight == 8
    kept.keep("a", 9, 2)  # a replaced: its old weight is given back
    assert kept.weight == 6 and kept.take("a") == 9
    kept.keep("huge", 0, 50)  # heavier than the limit alone: kept, everything else goes
    assert list(kept) == ["huge"]


def test_a_second_asking_gives_the_same_answer(engine: SearchEngine) -> None:
    questions = [
        "how many people responded to the school governor recruitment campaign",
        "what was resolved on the 18-25 service transfer",
        "who chaired the meeting",
    ]
    first = [engine.ask(q, k=5) for q in questions]
    again = [engine.ask(q, k=5) for q in reversed(questions)][::-1]
    assert first == again
    fresh = SearchEngine(engine.folder.parent, embedder=FakeEmbedder())
    assert [fresh.ask(q, k=5) for q in questions] == first


def test_through_returns_what_it_fetched_even_when_keeping_it_evicts_some() -> None:
    kept = _Bounded(5)
    kept.keep("a", 1)
    calls: list[list[str]] = []

    def fetch(keys: list[str]) -> dict[str, int]:
        calls.append(keys)
        return {k: len(k) for k in keys if k != "absent"}

    got = kept.through(["a", "bbb", "cccc", "bbb", "absent"], fetch, weigh=lambda v: v)
    assert got == {"a": 1, "bbb": 3, "cccc": 4}  # in order, once each, none lost to eviction
    assert calls == [["bbb", "cccc", "absent"]]  # one fetch, only of what was not kept
    assert list(kept) == ["cccc"] and kept.weight == 4  # "a" and "bbb" made way
