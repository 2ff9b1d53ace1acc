"""Experiment (docs/experiments/2026-12-03-time-window-bonus.md): a fixed bonus b × time_in
added to the learned score; b chosen on tune, then one check run.

    KB_INDEX=/tmp/idx .venv/bin/python scripts/experiments/time_bonus.py           # tune grid only
    KB_INDEX=/tmp/idx .venv/bin/python scripts/experiments/time_bonus.py --check B # then check once
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_ranker import CHECK, EVAL, OWN_TUNE, TUNE  # noqa: E402

from kb.errors import run_script  # noqa: E402
from kb.evaluate import SPLITS, evaluate, load_questions  # noqa: E402
from kb.search import SearchEngine  # noqa: E402
from kb.search.features import INDEX  # noqa: E402

GRID = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0)


def with_bonus(engine: SearchEngine, b: float) -> None:
    learned = type(engine).score

    def score(self, ev):  # type: ignore[no-untyped-def]
        base = learned(self, ev)
        if not len(base):
            return base
        return base + b * ev.table.rows[:, INDEX["time_in"]].astype("float64")

    engine.score = score.__get__(engine)  # type: ignore[method-assign]


def figures(engine: SearchEngine, questions, split: str) -> str:  # type: ignore[no-untyped-def]
    report = evaluate(questions, lambda q: engine.ask(q, k=10))
    s, c = report.by_split[split], report.confidence.get(split)
    conf = f" | flagged {c.unanswerable_flagged:.3f} | stay {c.answered_confident:.3f}" if c else ""
    return f"Hit@1 {s.hit_at_1:.3f} | Hit@5 {s.hit_at_5:.3f} | MRR@10 {s.mrr_at_10:.3f}{conf}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", type=float, help="the b chosen on tune: measure check once")
    args = parser.parse_args()
    files = [EVAL / f"{n}.jsonl" for n in TUNE + CHECK]
    files += [ROOT / "eval" / f"{n}.jsonl" for n in OWN_TUNE]
    files += sorted((ROOT / "eval").glob("tune_own2*.jsonl"))
    files += sorted((ROOT / "eval").glob("check_own*.jsonl"))
    questions = load_questions(files)
    split = "check" if args.check is not None else "tune"
    chosen = [q for q in questions if SPLITS.get(q.file) == split]
    engine = SearchEngine()
    for b in (0.0, args.check) if args.check is not None else GRID:
        with_bonus(engine, float(b))
        print(f"| {split} | b = {b} | {figures(engine, chosen, split)} |", flush=True)


if __name__ == "__main__":
    run_script(main)
