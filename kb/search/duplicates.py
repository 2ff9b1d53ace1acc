"""The same passage printed twice (a report and its appendix, a report and its copy in a
supplementary pack) is shown once, listing every place it appears."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from kb.model import Citation, Hit
from kb.store.db import StoredPassage

NEAR_DUPLICATE = 90


@dataclass(frozen=True)
class _Text:
    """A passage text normalised for duplicate checks, with its set of words."""

    norm: str
    words: frozenset[str]

    @classmethod
    @lru_cache(maxsize=8192)  # the same passages come back question after question
    def of(cls, text: str) -> _Text:
        norm = _normalised(text)
        return cls(norm, frozenset(norm.split()))


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _near_duplicate(a: _Text, b: _Text, fuzz: object) -> bool:
    """Nearly the same text, or the shorter almost wholly inside the longer (at least half its size)."""
    short, long_ = sorted((a, b), key=lambda t: len(t.norm))
    if len(short.norm) < 0.5 * len(long_.norm):
        return False
    # cheap screen first: texts this alike share most of their words; most pairs stop here
    if len(short.words & long_.words) < 0.5 * len(short.words):
        return False
    if fuzz.ratio(a.norm, b.norm, score_cutoff=NEAR_DUPLICATE):  # type: ignore[attr-defined]
        return True
    # partial_ratio ≥ 95 means 95% of the shorter matches inside the longer, so ratio is at
    # least 1.9·r/(1 + r) for the length ratio r: from r ≥ 0.9 ratio would have passed above.
    # Skipping it then loses nothing, and partial_ratio is the costly call on long texts.
    if len(short.norm) >= 0.9 * len(long_.norm):
        return False
    return bool(fuzz.partial_ratio(short.norm, long_.norm, score_cutoff=95))  # type: ignore[attr-defined]


def collapse(results: list[tuple[float, StoredPassage]], k: int) -> list[Hit]:
    """The first `k` distinct passages of `results` (best first) as hits; the other copies
    of each become its `also_in`."""
    from rapidfuzz import fuzz

    order: list[str] = []
    best: dict[str, tuple[float, StoredPassage]] = {}
    others: dict[str, list[Citation]] = {}
    texts: dict[str, _Text] = {}
    # only the head of the ranking can be shown or name a shown passage's other copies
    for position, (score, passage) in enumerate(results[: max(k * 10, 50)]):
        text = _Text.of(passage.text)
        key = hashlib.sha1(text.norm.encode()).hexdigest()
        # fuzzy comparison only near the top of the ranking: it is what is shown
        if key not in best and position < k * 4:
            near = next((kk for kk, t in texts.items() if _near_duplicate(text, t, fuzz)), None)
            key = near or key
        if key in best:
            if passage.citation not in others[key] and passage.citation != best[key][1].citation:
                others[key].append(passage.citation)
            continue
        if len(order) >= k:
            continue
        order.append(key)
        texts[key] = text
        best[key] = (score, passage)
        others[key] = []
    return [
        Hit(
            rank=i + 1,
            score=round(best[key][0], 4),
            chunk_id=best[key][1].chunk_id,
            text=best[key][1].text,
            citation=best[key][1].citation,
            also_in=tuple(others[key]),
        )
        for i, key in enumerate(order)
    ]
