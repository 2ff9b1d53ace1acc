"""Confidence: a probability in [0, 1] from the ranking's signals, `confident` at the
threshold chosen on the tune split; with the real model, gibberish, out-of-domain and
absent-topic questions are not confident while plain answerable ones are."""

from __future__ import annotations

import numpy as np
import pytest

from kb.search.confidence import SIGNALS, Calibration, signals
from kb.search.rank import RANKER_FILE, LinearModel, load_models
from kb.search.understand import analyse


def test_the_committed_model_is_a_probability_with_its_threshold() -> None:
    models = load_models(RANKER_FILE)
    calibration = Calibration.load(models)
    assert calibration.model is not None and 0.0 < calibration.threshold < 1.0
    rng = np.random.default_rng(0)
    for _ in range(50):
        p = calibration.probability(rng.normal(size=len(SIGNALS)) * 5)
        assert 0.0 <= p <= 1.0


def test_confidence_rises_with_the_first_results_score() -> None:
    n = len(SIGNALS)
    weights = np.zeros(n)
    weights[SIGNALS.index("top_score")] = 1.0
    calibration = Calibration(LinearModel(SIGNALS, np.zeros(n), np.ones(n), weights), 0.5)
    low, high = np.zeros(n), np.zeros(n)
    low[SIGNALS.index("top_score")], high[SIGNALS.index("top_score")] = -2.0, 2.0
    assert calibration.probability(low) < 0.5 < calibration.probability(high)


def test_an_untrained_calibration_falls_back_on_the_best_cosine() -> None:
    calibration = Calibration(None)
    values = np.zeros(len(SIGNALS))
    values[SIGNALS.index("best_dense")] = 0.2
    assert calibration.probability(values) < 0.5
    values[SIGNALS.index("best_dense")] = 0.8
    assert calibration.probability(values) > 0.5


def test_signals_of_an_empty_table() -> None:
    from kb.search.features import FEATURES, FeatureTable

    table = FeatureTable([], np.zeros((0, len(FEATURES)), dtype="float32"))
    values = signals(analyse("anything"), table, np.zeros(0), unknown=1.0)
    assert values[SIGNALS.index("unknown")] == 1.0 and values[SIGNALS.index("top_score")] == 0.0


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "zorbleflax quantum marmalade 88 wibble",  # gibberish
        "lorem ipsum dolor sit amet",
        "how does photosynthesis work",  # out of domain
        "height of Mount Everest in metres",
        "recipe for banana bread with walnuts",
        "How do I get a permit to put a skip on the road outside my house?",  # absent topics
        "Who deals with Japanese knotweed on council land?",
        "Are there lifeguards on the beaches this summer?",
    ],
)
def test_unanswerable_questions_are_not_confident(real_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_engine.ask(question)
    assert answer.confident is False
    assert answer.confidence is not None and answer.confidence < real_engine.calibration.threshold


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "how many schools have done the EEF adaptive teaching training?",
        "At Merton's audit committee in September 2009, who declared an interest?",
        "What did Kent Cabinet resolve about the Commissioning Plan for Education Provision?",
    ],
)
def test_answerable_questions_are_confident(real_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_engine.ask(question)
    assert answer.confident is True and answer.confidence >= real_engine.calibration.threshold
