"""What each part of the ranking adds: retrain without it on the tune split, measure on both.

    .venv/bin/python scripts/ablation.py

Needs a built index and scikit-learn (dev dependency). Each row switches one part off,
retrains the ranker and the confidence model on the tune split exactly as
`scripts/train_ranker.py` does (so the rest of the weights can make up for it), and
measures the tune and check splits; the committed kb/search/ranker.json is not touched.

1. answer units: no unit features (best cosine and keyword share of the minute / section),
   and no answering passage put first in its unit;
2. time and committees: no time-window or committee features;
3. everyday wording: nothing to switch off — every method tried was measured and dropped
   (README, "Quality"); the row is absent;
4. learned ranker: the hand weights kb used before (cosine + 0.6 × BM25, small boosts for
   resolutions, minutes, the month and committee named);
5. calibrated confidence: the old rule (best cosine ≥ 0.5, or ≥ 0.2 with half the
   question's keywords in the first result) instead of the fitted probability.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_ranker import CHECK, EVAL, OWN_TUNE, TUNE, train  # noqa: E402

from kb.errors import run_script  # noqa: E402
from kb.evaluate import SPLITS, evaluate, load_questions, summarise  # noqa: E402
from kb.search import SearchEngine, Settings  # noqa: E402
from kb.search.confidence import SIGNALS, Calibration  # noqa: E402
from kb.search.features import FEATURES  # noqa: E402
from kb.search.rank import LinearModel, Ranker  # noqa: E402
from kb.search.understand import analyse  # noqa: E402

UNIT = frozenset({"unit_dense", "unit_coverage", "unit_size"})
TIME = frozenset(f for f in FEATURES if f.startswith("time_") or f.startswith("committee"))
HAND = {
    "dense": 1.0,
    "bm25": 0.6,
    "decision_resolution": 0.06,
    "decision_minutes": 0.03,
    "time_in": 0.15,
    "committee": 0.05,
}


class OldRule(Calibration):
    """The confidence rule before calibration: 1 when it held, else 0."""

    def probability(self, values: np.ndarray) -> float:
        best = values[SIGNALS.index("best_dense")]
        coverage = values[SIGNALS.index("top_coverage")]
        return float(best >= 0.5 or (coverage >= 0.5 and best >= 0.2))


def hand_ranker() -> Ranker:
    n = len(FEATURES)
    weights = np.array([HAND.get(f, 0.0) for f in FEATURES])
    return Ranker(LinearModel(FEATURES, np.zeros(n), np.ones(n), weights))


def measure(engine: SearchEngine, questions) -> dict[str, tuple[float, ...]]:  # type: ignore[no-untyped-def]
    """(Hit@1, Hit@5, MRR@10, unanswerable flagged, answered confident) per split, and
    Hit@1 and MRR on the check questions that name a time, and that ask for a decision."""
    report = evaluate(questions, lambda q: engine.ask(q, k=10))
    out = {}
    for split in ("tune", "check"):
        s = report.by_split.get(split)
        c = report.confidence.get(split)
        if s and c:
            out[split] = (
                s.hit_at_1,
                s.hit_at_5,
                s.mrr_at_10,
                c.unanswerable_flagged,
                c.answered_confident,
            )
    check = [r for r in report.results if SPLITS.get(r.file) == "check" and r.answerable]
    for name, keep in (
        ("time", lambda q: bool(analyse(q).time)),
        ("decision", lambda q: analyse(q).intent in ("decision", "vote")),
    ):
        part = summarise([r for r in check if keep(r.query)])
        out[name] = (part.hit_at_1, part.mrr_at_10, float(part.answerable))
    return out


def main() -> None:
    files = [EVAL / f"{n}.jsonl" for n in TUNE + CHECK]
    files += [ROOT / "eval" / f"{n}.jsonl" for n in OWN_TUNE]
    files += sorted((ROOT / "eval").glob("check_own*.jsonl"))
    questions = load_questions(files)
    tune = [q for q in questions if SPLITS.get(q.file) == "tune"]
    engine = SearchEngine()
    base = Settings()
    variants: list[tuple[str, Settings, str | None]] = [
        ("kb: all of 1, 2, 4, 5", base, None),
        ("− 1 answer units", replace(base, units=False, drop=UNIT), None),
        ("− 2 time windows and committees", replace(base, drop=TIME), None),
        ("− 4 learned ranker (hand weights)", base, "hand"),
        ("− 5 calibrated confidence (old rule)", base, "rule"),
    ]
    lines = [
        "| variant | tune Hit@1 | tune Hit@5 | tune MRR | check Hit@1 | check Hit@5 | check MRR "
        "| check naming a time: Hit@1 / MRR | check decisions: Hit@1 / MRR "
        "| check unanswerable flagged | check answered stay confident |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, settings, special in variants:
        engine.settings = settings
        train(engine, tune, log=lambda *_: None)
        if special == "hand":
            engine.ranker = hand_ranker()
            engine.calibration = Calibration(None)
            from train_ranker import fit_confidence

            engine.calibration = Calibration.load({"confidence": fit_confidence(engine, tune)})
        elif special == "rule":
            engine.calibration = OldRule(None, threshold=0.5)
        got = measure(engine, questions)
        t, c, tm, dc = got["tune"], got["check"], got["time"], got["decision"]
        lines.append(
            f"| {name} | {t[0]:.3f} | {t[1]:.3f} | {t[2]:.3f} | {c[0]:.3f} | {c[1]:.3f} | {c[2]:.3f} "
            f"| {tm[0]:.3f} / {tm[1]:.3f} (n {tm[2]:.0f}) | {dc[0]:.3f} / {dc[1]:.3f} (n {dc[2]:.0f}) "
            f"| {c[3]:.3f} | {c[4]:.3f} |"
        )
        print(lines[-1], file=sys.stderr, flush=True)
    print("\n".join(lines))


if __name__ == "__main__":
    run_script(main)
