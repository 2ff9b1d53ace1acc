"""Evaluation on questions with gold phrases: Hit@1/5/10, MRR@10 and citation accuracy,
per file, per split (tune / check) and per question type, and how well `confident` sorts
answerable from unanswerable questions.

A returned passage answers a question when it comes from a gold source file and holds a
gold phrase after case, white space, quotes, dashes and markup are normalised (only its
first 2,000 characters count), as `../shared/eval/README.md` describes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import BadQuery
from kb.model import Answer, Hit

QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "`": "'"}
)
DASHES = re.compile(r"[‐‑‒–—―−-]")
CITATION_KEYS = ("committee", "meeting_date", "minute", "agenda_item")
# The splits of ../shared/eval/README.md, by file name: tune on the first, confirm on the second.
SPLITS = {
    "dev_a": "tune",
    "dev_c": "tune",
    "dev_u": "tune",
    "dev_u_tune": "tune",
    "tune_own": "tune",  # eval/: written for training, overlap with check removed
    "tune_own_u": "tune",
    "tune_own2": "tune",
    "tune_own2_u": "tune",
    "dev_b": "check",
    "dev_d": "check",
    "dev_u_check": "check",
    "check_own": "check",
    "check_own_u": "check",
    "check_own2": "check",
    "check_own2_u": "check",
}


def normalise(text: str) -> str:
    """Text folded for phrase matching: case, white space, quotes, dashes and markup."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"<[^>]{1,200}>", " ", text)
    text = text.replace("**", "").replace("__", "")
    text = text.translate(QUOTES)
    text = DASHES.sub("-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip().lower()


@dataclass(frozen=True)
class Question:
    """One evaluation question with its gold places and expected citation."""

    id: str
    query: str
    type: str
    gold: tuple[dict[str, str], ...]
    expect: dict[str, str]
    file: str = ""  # the question file's name without .jsonl

    @property
    def split(self) -> str:
        """'tune', 'check', or the file name for files outside the splits."""
        return SPLITS.get(self.file, self.file or "other")


@dataclass
class QuestionResult:
    """How one question fared: the rank of the first answering passage and its citation check."""

    id: str
    query: str
    rank: int | None
    citation_ok: dict[str, bool] = field(default_factory=dict)
    first: dict[str, object] = field(default_factory=dict)
    file: str = ""
    type: str = ""
    answerable: bool = True
    confident: bool = True
    confidence: float | None = None


@dataclass
class Summary:
    """Hit@1/5/10 and MRR@10 over the answerable questions of a group."""

    questions: int
    answerable: int
    hit_at_1: float
    hit_at_5: float
    hit_at_10: float
    mrr_at_10: float


@dataclass
class ConfidenceSummary:
    """How well `confident` separates answers from non-answers.

    `unanswerable_flagged`: share of unanswerable questions answered not confident;
    `answered_confident`: share of answerable questions answered in the top 5 that stay
    confident; `brier`: mean squared error of `confidence` as P(first result answers).
    """

    unanswerable: int
    unanswerable_flagged: float
    answered_in_top_5: int
    answered_confident: float
    brier: float | None


@dataclass
class EvalReport:
    """The measures over a question set, and every question's result."""

    questions: int
    answerable: int
    hit_at_1: float
    hit_at_5: float
    hit_at_10: float
    mrr_at_10: float
    citation_accuracy: dict[str, float]
    meeting_date_accuracy: float
    results: list[QuestionResult]
    by_file: dict[str, Summary] = field(default_factory=dict)
    by_split: dict[str, Summary] = field(default_factory=dict)
    by_type: dict[str, dict[str, Summary]] = field(default_factory=dict)  # split → type
    confidence: dict[str, ConfidenceSummary] = field(default_factory=dict)  # per split, and "all"


def load_questions(paths: list[Path]) -> list[Question]:
    """Questions from JSON Lines files; raise `BadQuery` naming the file and line that cannot be used."""
    out = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise BadQuery(f"cannot read {path} ({exc}); check the path") from exc
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    d = json.loads(line)
                    out.append(
                        Question(
                            d.get("id", d["query"]),
                            d["query"],
                            d.get("type", ""),
                            tuple(d.get("gold", [])),
                            d.get("expect", {}),
                            path.name.removesuffix(".jsonl"),
                        )
                    )
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise BadQuery(
                        f"{path} line {number} is not a question ({type(exc).__name__}: {exc}); "
                        'each line must be a JSON object with a "query"'
                    ) from exc
    return out


def answers(hit: Hit, gold: tuple[dict[str, str], ...]) -> bool:
    """True when the hit holds a gold phrase from the gold source file."""
    text = normalise(hit.text[:2000])
    name = Path(hit.citation.source).name
    for g in gold:
        if g.get("source") and Path(g["source"]).name != name:
            continue
        if normalise(g["contains"]) in text:
            return True
    return False


def summarise(results: list[QuestionResult]) -> Summary:
    """Hit@k and MRR@10 of a group of results (over its answerable questions)."""
    answerable = [r for r in results if r.answerable]
    n = max(1, len(answerable))
    return Summary(
        questions=len(results),
        answerable=len(answerable),
        hit_at_1=sum(1 for r in answerable if r.rank == 1) / n,
        hit_at_5=sum(1 for r in answerable if r.rank and r.rank <= 5) / n,
        hit_at_10=sum(1 for r in answerable if r.rank and r.rank <= 10) / n,
        mrr_at_10=sum(1 / r.rank for r in answerable if r.rank and r.rank <= 10) / n,
    )


def confidence_summary(results: list[QuestionResult]) -> ConfidenceSummary:
    """The confidence figures of a group of results."""
    unanswerable = [r for r in results if not r.answerable]
    found = [r for r in results if r.answerable and r.rank and r.rank <= 5]
    scored = [r for r in results if r.confidence is not None]
    brier = (
        sum((float(r.confidence or 0.0) - float(r.rank == 1)) ** 2 for r in scored) / len(scored)
        if scored
        else None
    )
    return ConfidenceSummary(
        unanswerable=len(unanswerable),
        unanswerable_flagged=(
            sum(1 for r in unanswerable if not r.confident) / len(unanswerable)
            if unanswerable
            else 1.0
        ),
        answered_in_top_5=len(found),
        answered_confident=sum(1 for r in found if r.confident) / len(found) if found else 1.0,
        brier=brier,
    )


def _groups(
    results: list[QuestionResult], key: Callable[[QuestionResult], str]
) -> dict[str, list[QuestionResult]]:
    out: dict[str, list[QuestionResult]] = {}
    for r in results:
        out.setdefault(key(r), []).append(r)
    return out


def evaluate(questions: list[Question], ask: Callable[[str], Answer]) -> EvalReport:
    """Ask every question (k=10) and score the answers."""
    results: list[QuestionResult] = []
    for q in questions:
        answer = ask(q.query)
        rank = (
            next((h.rank for h in answer.results if answers(h, q.gold)), None) if q.gold else None
        )
        result = QuestionResult(
            q.id,
            q.query,
            rank,
            file=q.file,
            type=q.type or ("unanswerable" if not q.gold else "other"),
            answerable=bool(q.gold),
            confident=answer.confident,
            confidence=answer.confidence,
        )
        if rank is not None:
            hit = answer.results[rank - 1]
            c = hit.citation
            for key in CITATION_KEYS:
                if key in q.expect:
                    result.citation_ok[key] = (
                        str(getattr(c, key) or "").lower() == str(q.expect[key]).lower()
                    )
        if answer.results:
            top = answer.results[0]
            result.first = {
                "text": top.text[:160],
                "source": top.citation.source,
                "meeting_date": top.citation.meeting_date,
                "agenda_item": top.citation.agenda_item,
                "minute": top.citation.minute,
            }
        results.append(result)
    overall = summarise(results)
    hits = [r for r in results if r.answerable and r.rank is not None]
    accuracy = {}
    for key in CITATION_KEYS:
        checked = [r.citation_ok[key] for r in hits if key in r.citation_ok]
        accuracy[key] = sum(checked) / len(checked) if checked else 1.0
    by_split = _groups(results, lambda r: SPLITS.get(r.file, r.file or "other"))
    return EvalReport(
        questions=overall.questions,
        answerable=overall.answerable,
        hit_at_1=overall.hit_at_1,
        hit_at_5=overall.hit_at_5,
        hit_at_10=overall.hit_at_10,
        mrr_at_10=overall.mrr_at_10,
        citation_accuracy=accuracy,
        meeting_date_accuracy=accuracy["meeting_date"],
        results=results,
        by_file={k: summarise(v) for k, v in _groups(results, lambda r: r.file).items()},
        by_split={k: summarise(v) for k, v in by_split.items()},
        by_type={
            split: {t: summarise(v) for t, v in sorted(_groups(group, lambda r: r.type).items())}
            for split, group in [*by_split.items(), ("all", results)]
        },
        confidence={
            **{k: confidence_summary(v) for k, v in by_split.items()},
            "all": confidence_summary(results),
        },
    )
