"""What a query reads from an index generation, kept in memory for the next query.

A generation never changes once written (an ingest writes a new one), so a passage read
once, or the postings of an index term, are the same for every later query on the same
connection: an engine (and so `kb serve`) keeps them instead of reading and converting the
same rows again. Both stores are bounded, least recently used first out.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Iterable

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
        wanted = list(dict.fromkeys(int(i) for i in ids))
        out: dict[int, db.StoredPassage] = {}
        missing = []
        for pid in wanted:
            if pid in self._passages:
                out[pid] = self._passages.take(pid)  # type: ignore[assignment]
            else:
                missing.append(pid)
        for pid, passage in db.passages_by_id(self.conn, missing).items():
            self._passages.keep(pid, passage)
            out[pid] = passage
        return {pid: out[pid] for pid in wanted if pid in out}

    def passages_around(self, spans: Iterable[tuple[int, int, int]]) -> list[db.StoredPassage]:
        """As `evidence.passages_around`: only the ids come from SQLite, the passages from here."""
        ids = evidence.ids_around(self.conn, spans)
        found = self.passages(ids)
        return sorted(found.values(), key=lambda p: (p.pack_id, p.seq))

    def stems(self, words: list[str]) -> dict[str, tuple[str, ...]]:
        """As `evidence.stems`."""
        missing = [w for w in dict.fromkeys(words) if w not in self._stems]
        if missing:
            for word, terms in evidence.stems(self.conn, missing).items():
                self._stems.keep(word, terms)
        return {w: self._stems.take(w) for w in words}  # type: ignore[misc]

    def word_counts(self, words: list[str]) -> dict[str, int]:
        """As `evidence.word_counts`."""
        missing = [w for w in dict.fromkeys(words) if w not in self._counts]
        if missing:
            for word, n in evidence.word_counts(self.conn, missing).items():
                self._counts.keep(word, n)
        return {w: self._counts.take(w) for w in words}  # type: ignore[misc]

    def term_fields(self, terms: list[str]) -> dict[str, dict[int, set[int]]]:
        """As `evidence.term_fields` (callers must not change what it returns)."""
        missing = [t for t in dict.fromkeys(terms) if t not in self._postings]
        if missing:
            for term, fields in evidence.term_fields(self.conn, missing).items():
                self._postings.keep(term, fields, max(1, len(fields)))
        return {t: self._postings.take(t) for t in terms}  # type: ignore[misc]
