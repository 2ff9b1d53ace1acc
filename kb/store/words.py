"""Vectors of the corpus's own words, for finding the corpus words nearest to a word of a
question in the embedding model's space ('dads' → 'fathers', 'babies' → 'infants')."""

from __future__ import annotations

from pathlib import Path

import numpy as np

WORD_VECTORS = "word-vectors.npz"
MIN_PASSAGES = 2  # words in fewer passages are no better known than the word asked about


def save_word_vectors(folder: Path, words: list[str], vectors: np.ndarray) -> None:
    """Write the words and their unit vectors (half precision) into the generation."""
    with (folder / WORD_VECTORS).open("wb") as f:
        np.savez(f, words=np.asarray(words, dtype=str), vectors=vectors.astype("float16"))


def load_word_vectors(folder: Path) -> tuple[list[str], np.ndarray] | None:
    """The words and vectors of a generation, or None when it has none."""
    path = folder / WORD_VECTORS
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        return [str(w) for w in data["words"]], np.asarray(data["vectors"], dtype="float32")
