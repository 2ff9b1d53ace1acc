"""What a query reads from an index generation, kept in memory for the next query.

A generation never changes once written (an ingest writes a new one), so a passage read
once, or the postings of an index term, are the same for every later query on the same
connection: an engine (and so `kb serve`) keeps them instead of reading and converting the
same rows again. Both stores are bounded, least recently used first out.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from . import db, evidence

PASSAGES = 50_000  # passages kept (about 1-2 kB each: under 100 MB)
POSTINGS = 500_000  # (term, passage) postings kept, only on indexes read whole (tens of MB)
STEMS = 20_000  # words whose index terms are kept


class _Bounded(OrderedDict):
    """A dict that forgets its least recently used entries once their total weight (one
    per entry unless told) passes `limit`."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit, self.weight = limit, 0
        self._weights: dict[object, int] = {}

    def take(self, key: object) -> object:
        value = self[key]
        self.move_to_end(key)
        return value

    def keep(self, key: object, value: object, weight: int = 1) -> None:
        if key in self:
            self.weight -= self._weights.pop(key)
        self[key] = value
        self._weights[key] = weight
        self.weight += weight
        while self.weight > self.limit and len(self) > 1:
            old, _ = self.popitem(last=False)
            self.weight -= self._weights.pop(old)

    def through(
        self,
        keys: Iterable[Any],
        fetch: Callable[[list[Any]], dict[Any, Any]],
        weigh: Callable[[Any], int] = lambda _: 1,
    ) -> dict[Any, Any]:
        """The value of each key (in order, once each): kept ones from here, the others
        `fetch`ed in one call and kept. A key `fetch` does not return is left out."""
        wanted = list(dict.fromkeys(keys))
        out: dict[Any, Any] = {}
        missing = []
        for key in wanted:
            if key in self:
                out[key] = self.take(key)
            else:
                missing.append(key)
        if missing:
            for key, value in fetch(missing).items():
                self.keep(key, value, weigh(value))
                out[key] = value  # from here, not the store: keeping more may evict it
        return {key: out[key] for key in wanted if key in out}


class Memo:
    """Passages by id, index-term postings, word stems and counts of one read-only generation."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._passages = _Bounded(PASSAGES)
        self._postings = _Bounded(POSTINGS)
        self._stems = _Bounded(STEMS)
        self._counts = _Bounded(STEMS)

    def passages(self, ids: Iterable[int]) -> dict[int, db.StoredPassage]:
        """Passages for the given ids (those stored), as `db.passages_by_id`."""
        return self._passages.through(
            (int(i) for i in ids), lambda missing: db.passages_by_id(self.conn, missing)
        )

    def passages_around(self, spans: Iterable[tuple[int, int, int]]) -> list[db.StoredPassage]:
        """As `evidence.passages_around`: only the ids come from SQLite, the passages from here."""
        found = self.passages(evidence.ids_around(self.conn, spans))
        return sorted(found.values(), key=lambda p: (p.pack_id, p.seq))

    def stems(self, words: list[str]) -> dict[str, tuple[str, ...]]:
        """As `evidence.stems`."""
        return self._stems.through(words, lambda missing: evidence.stems(self.conn, missing))

    def word_counts(self, words: list[str]) -> dict[str, int]:
        """As `evidence.word_counts`."""
        return self._counts.through(words, lambda missing: evidence.word_counts(self.conn, missing))

    def term_fields(self, terms: list[str]) -> dict[str, dict[int, set[int]]]:
        """As `evidence.term_fields` (callers must not change what it returns)."""
        return self._postings.through(
            terms,
            lambda missing: evidence.term_fields(self.conn, missing),
            lambda fields: max(1, len(fields)),
        )
