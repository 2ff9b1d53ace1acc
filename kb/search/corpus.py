"""What the index knows about words and meetings, for reading questions: its acronyms
(with the built-in glossary behind them), vocabulary, committees and meeting dates."""

from __future__ import annotations

import sqlite3
from datetime import date

from kb.glossary import BUILTIN
from kb.store import db, evidence


class CorpusGlossary:
    """The index's own acronyms, vocabulary, committees and newest meetings (read lazily)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._acronyms: dict[str, str] | None = None
        self._committees: list[str] | None = None
        self._latest: dict[str | None, str] | None = None

    def acronyms(self) -> dict[str, str]:
        """acronym → expansion: the corpus's own, over the built-in glossary."""
        if self._acronyms is None:
            self._acronyms = {**BUILTIN, **db.acronyms(self.conn)}
        return self._acronyms

    def is_known(self, word: str) -> bool:
        """True when the corpus uses `word`."""
        return db.known_word(self.conn, word)

    def candidates(self, word: str) -> list[tuple[str, int]]:
        """Corpus words that could be what a mistyped `word` meant, with their frequency."""
        return db.similar_words(self.conn, word)

    def frequency(self, word: str) -> int:
        """In how many passages `word` appears."""
        return db.word_frequency(self.conn, word)

    def committees(self) -> list[str]:
        """Every committee in the index."""
        if self._committees is None:
            self._committees = db.committees(self.conn)
        return self._committees

    def latest_meeting(self, committees: tuple[str, ...] = ()) -> date | None:
        """The newest meeting of the first of `committees`, or of the whole index."""
        if self._latest is None:
            self._latest = {}
            for committee, meeting in evidence.meeting_dates(self.conn):
                for key in (committee, None):
                    if meeting > self._latest.get(key, ""):
                        self._latest[key] = meeting
        newest = self._latest.get(committees[0] if committees else None)
        return date.fromisoformat(newest) if newest else None
