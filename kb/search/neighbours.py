"""Everyday words the papers rarely use, widened by the corpus words nearest to them in the
embedding model's own space ('dads' → 'fathers', 'babies' → 'infants', 'heated' → 'warm').

The neighbours are searched as keywords of their own, and the ranker weighs that search
as one feature: a word the papers do use is left alone, and a neighbour never counts as
much as a word of the question.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from kb.store.words import load_word_vectors

RARE = 2  # a question word in at most this many passages is widened
SIMILAR = 0.7  # cosine a neighbour needs
PER_WORD = 4


class Neighbours:
    """The corpus words of one index generation and their vectors (read on first use)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._loaded: tuple[list[str], np.ndarray] | None | bool = False

    def _data(self) -> tuple[list[str], np.ndarray] | None:
        if self._loaded is False:
            self._loaded = load_word_vectors(self.folder)
        return self._loaded  # type: ignore[return-value]

    def expand(
        self,
        words: list[str],
        frequency: Callable[[str], int],
        embed: Callable[[list[str]], np.ndarray],
    ) -> tuple[str, ...]:
        """Corpus words near the rare ones of `words` (none when the index has no word vectors)."""
        data = self._data()
        rare = [w for w in words if w.isalpha() and len(w) > 2 and frequency(w) <= RARE]
        if data is None or not rare or not len(data[1]):
            return ()
        vocabulary, matrix = data
        found: list[str] = []
        scores = embed(rare) @ matrix.T  # one product for all the rare words
        for word, row in zip(rare, scores, strict=True):
            best = (
                np.argpartition(-row, PER_WORD)[:PER_WORD]
                if len(row) > PER_WORD
                else range(len(row))
            )
            for i in sorted(best, key=lambda j: -row[j]):
                near = vocabulary[int(i)]
                if row[i] >= SIMILAR and not near.startswith(word[:4]) and near not in words:
                    found.append(near)
        return tuple(dict.fromkeys(found))
