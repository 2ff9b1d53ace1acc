"""kb eval's figures: per file, split and question type, and the confidence figures."""

from __future__ import annotations

from kb.evaluate import Question, evaluate
from kb.model import Answer, Citation, Hit


def _hit(rank: int, text: str) -> Hit:
    c = Citation("corpus/x/a.txt", None, None, None, "report", None, None, None, None, False)
    return Hit(rank, 1.0, f"c{rank}", text, c)


def test_figures_per_split_type_and_confidence() -> None:
    gold = ({"source": "a.txt", "contains": "the answer"},)
    questions = [
        Question("a1", "first right", "number", gold, {}, "dev_a"),
        Question("a2", "second right", "decision", gold, {}, "dev_a"),
        Question("b1", "missed", "number", gold, {}, "dev_b"),
        Question("u1", "junk", "unanswerable", (), {}, "dev_u"),
        Question("u2", "more junk", "unanswerable", (), {}, "dev_u_check"),
    ]
    answers = {
        "first right": Answer("q", (_hit(1, "the answer"), _hit(2, "x")), True, 0.9),
        "second right": Answer("q", (_hit(1, "x"), _hit(2, "The Answer")), False, 0.3),
        "missed": Answer("q", (_hit(1, "x"),), True, 0.6),
        "junk": Answer("q", (_hit(1, "x"),), False, 0.1),
        "more junk": Answer("q", (_hit(1, "x"),), True, 0.7),
    }
    report = evaluate(questions, lambda q: answers[q])
    assert report.by_split["tune"].hit_at_1 == 0.5 and report.by_split["tune"].mrr_at_10 == 0.75
    assert report.by_split["check"].hit_at_5 == 0.0
    assert report.by_file["dev_b"].answerable == 1
    assert report.by_type["tune"]["number"].hit_at_1 == 1.0
    assert report.by_type["all"]["number"].answerable == 2
    tune, check = report.confidence["tune"], report.confidence["check"]
    assert (tune.unanswerable, tune.unanswerable_flagged) == (1, 1.0)
    assert (tune.answered_in_top_5, tune.answered_confident) == (2, 0.5)
    assert check.unanswerable_flagged == 0.0
    assert report.confidence["all"].brier is not None
