"""The ranker: a linear model over named features, read from kb/search/ranker.json."""

from __future__ import annotations

import json

import numpy as np

from kb.search.features import FEATURES, FeatureTable
from kb.search.rank import FALLBACK, RANKER_FILE, LinearModel, Ranker, load_models


def test_weights_follow_the_names_not_the_order() -> None:
    data = {"features": ["b", "a"], "mean": [0, 1], "scale": [1, 2], "weights": [3, 4], "bias": 1}
    model = LinearModel.from_dict(data, ("a", "b", "c"))
    assert model.weights.tolist() == [4, 3, 0]  # 'c' is unknown to the file: it weighs nothing
    rows = np.array([[3.0, 1.0, 9.0]])
    assert model.score(rows).tolist() == [4 * (3 - 1) / 2 + 3 * 1 + 1]
    assert LinearModel.from_dict(model.to_dict(), ("a", "b", "c")).weights.tolist() == [4, 3, 0]


def test_the_committed_ranker_names_every_feature(tmp_path) -> None:  # type: ignore[no-untyped-def]
    models = load_models(RANKER_FILE)
    assert set(models["ranker"]["features"]) == set(FEATURES)  # type: ignore[index]
    assert json.loads(RANKER_FILE.read_text())["trained_on"]  # which tune files, by checksum
    assert load_models(tmp_path / "missing.json") == {"ranker": FALLBACK}


def test_a_ranker_orders_by_its_score() -> None:
    n = len(FEATURES)
    weights = np.zeros(n)
    weights[FEATURES.index("dense")] = 1.0
    ranker = Ranker(LinearModel(FEATURES, np.zeros(n), np.ones(n), weights))
    rows = np.zeros((3, n), dtype="float32")
    rows[:, FEATURES.index("dense")] = [0.2, 0.9, 0.5]
    scores = ranker.score(FeatureTable([1, 2, 3], rows))
    assert np.argsort(-scores).tolist() == [1, 2, 0]
    assert ranker.score(FeatureTable([], np.zeros((0, n), dtype="float32"))).size == 0
