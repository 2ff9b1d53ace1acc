"""Stage 4, rank: a linear model over the feature rows, with the weights that
`scripts/train_ranker.py` learned on the tune split (`kb/search/ranker.json`).

At query time this is a few numpy operations: standardise each feature with the mean and
scale seen in training, then a dot product with the weights. A feature the file does not
name weighs nothing, so the code can gain a feature before the weights are retrained.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import FEATURES, FeatureTable

RANKER_FILE = Path(__file__).with_name("ranker.json")


@dataclass(frozen=True)
class LinearModel:
    """w · (x - mean) / scale + bias over named features."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, object], names: tuple[str, ...]) -> LinearModel:
        """The model in `data` laid over the columns `names` (unknown names weigh 0)."""
        given = list(data["features"])  # type: ignore[call-overload]
        mean = np.zeros(len(names), dtype="float64")
        scale = np.ones(len(names), dtype="float64")
        weights = np.zeros(len(names), dtype="float64")
        for j, name in enumerate(names):
            if name in given:
                i = given.index(name)
                mean[j] = data["mean"][i]  # type: ignore[index]
                scale[j] = data["scale"][i] or 1.0  # type: ignore[index]
                weights[j] = data["weights"][i]  # type: ignore[index]
        return cls(names, mean, scale, weights, float(data.get("bias", 0.0)))  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        """The model as plain lists, for JSON."""
        return {
            "features": list(self.names),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.weights],
            "bias": round(float(self.bias), 6),
        }

    def score(self, rows: np.ndarray) -> np.ndarray:
        """One score per row."""
        return ((rows - self.mean) / self.scale) @ self.weights + self.bias


# Before any training: cosine plus 0.6 × BM25 over the best keyword match (the old fusion).
FALLBACK = {"features": ["dense", "bm25"], "mean": [0, 0], "scale": [1, 1], "weights": [1.0, 0.6]}


def load_models(path: Path = RANKER_FILE) -> dict[str, object]:
    """The trained models file, or the fallback fusion when there is none."""
    if path.is_file():
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
        return data
    return {"ranker": FALLBACK}


class Ranker:
    """Orders candidate passages by the learned linear score."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model

    @classmethod
    def load(cls, models: dict[str, object]) -> Ranker:
        """The ranker of a models file."""
        return cls(LinearModel.from_dict(models["ranker"], FEATURES))  # type: ignore[arg-type]

    def score(self, table: FeatureTable) -> np.ndarray:
        """A score per candidate of `table`; higher is better."""
        if not table.pids:
            return np.zeros(0)
        return self.model.score(table.rows.astype("float64"))
