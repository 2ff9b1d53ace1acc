"""Stage 6, confidence: the probability that the first result answers the question.

A logistic model over what the ranking saw — the first result's score and its lead over
the second, its cosine and keyword coverage, how much of the question the corpus never
uses, whether the first result holds what the kind of question asks for (a number, a
person, a date, a vote) and lies in the time named — trained by `scripts/train_ranker.py`
on the tune split, where `threshold` was chosen too: `confident` = confidence ≥ threshold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .features import FeatureTable
from .rank import LinearModel
from .understand import Query

SIGNALS = (
    "top_score",  # the ranker's score of the first result
    "margin",  # its lead over the second
    "top_dense",
    "best_dense",  # best cosine of any candidate
    "top_coverage",
    "top_unit_coverage",
    "unknown",  # share (by IDF) of the question's keywords the corpus never uses
    "type_missing",  # the first result holds no answer of the kind asked (no amount, no name)
    "time_missing",  # a time named, the first result's meeting outside it
    "committee_missing",  # a committee named, the first result from another
    "terms",  # log(1 + keywords)
)
DEFAULT_THRESHOLD = 0.5


def signals(query: Query, table: FeatureTable, scores: np.ndarray, unknown: float) -> np.ndarray:
    """The confidence signals of one answer (`scores` from the ranker, one per row)."""
    out = np.zeros(len(SIGNALS), dtype="float64")
    if not table.pids:
        out[SIGNALS.index("unknown")] = unknown
        return out
    order = np.argsort(-scores)
    top = order[0]
    second = scores[order[1]] if len(order) > 1 else scores[top] - 1.0
    col = table.column
    values = {
        "top_score": scores[top],
        "margin": scores[top] - second,
        "top_dense": col("dense")[top],
        "best_dense": float(col("dense").max()),
        "top_coverage": col("coverage")[top],
        "top_unit_coverage": col("unit_coverage")[top],
        "unknown": unknown,
        "type_missing": _type_missing(query, table, top),
        "time_missing": float(
            any(w.explicit for w in query.time.windows)
            and col("time_in")[top] == 0
            and col("time_after")[top] == 0
        ),
        "committee_missing": float(bool(query.committees) and col("committee")[top] < 0.5),
        "terms": math.log1p(len(query.terms)),
    }
    for i, name in enumerate(SIGNALS):
        out[i] = values[name]
    return out


def _type_missing(query: Query, table: FeatureTable, top: int) -> float:
    return float(query.answer_type is not None and table.column("answer_present")[top] == 0)


@dataclass(frozen=True)
class Calibration:
    """The confidence model and its threshold."""

    model: LinearModel | None
    threshold: float = DEFAULT_THRESHOLD

    @classmethod
    def load(cls, models: dict[str, object]) -> Calibration:
        """The calibration of a models file (none before training)."""
        data = models.get("confidence")
        if not isinstance(data, dict):
            return cls(None)
        return cls(
            LinearModel.from_dict(data, SIGNALS), float(data.get("threshold", DEFAULT_THRESHOLD))
        )

    def probability(self, values: np.ndarray) -> float:
        """P(first result answers) for one answer's signals."""
        if self.model is None:  # untrained: the best cosine alone, squashed
            return float(1 / (1 + math.exp(-12 * (values[SIGNALS.index("best_dense")] - 0.45))))
        z = float(self.model.score(values[None, :])[0])
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
