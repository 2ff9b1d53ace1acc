"""Evaluation on questions with gold phrases: Hit@1/5/10, MRR@10 and citation accuracy.

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


@dataclass
class QuestionResult:
    """How one question fared: the rank of the first answering passage and its citation check."""

    id: str
    query: str
    rank: int | None
    citation_ok: dict[str, bool] = field(default_factory=dict)
    first: dict[str, object] = field(default_factory=dict)


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


def evaluate(questions: list[Question], ask: Callable[[str], Answer]) -> EvalReport:
    """Ask every question (k=10) and score the answers."""
    results: list[QuestionResult] = []
    for q in questions:
        answer = ask(q.query)
        rank = (
            next((h.rank for h in answer.results if answers(h, q.gold)), None) if q.gold else None
        )
        result = QuestionResult(q.id, q.query, rank)
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
    answerable = [r for r, q in zip(results, questions, strict=True) if q.gold]
    n = max(1, len(answerable))
    hits = [r for r in answerable if r.rank is not None]
    accuracy = {}
    for key in CITATION_KEYS:
        checked = [r.citation_ok[key] for r in hits if key in r.citation_ok]
        accuracy[key] = sum(checked) / len(checked) if checked else 1.0
    return EvalReport(
        questions=len(questions),
        answerable=len(answerable),
        hit_at_1=sum(1 for r in answerable if r.rank == 1) / n,
        hit_at_5=sum(1 for r in answerable if r.rank and r.rank <= 5) / n,
        hit_at_10=sum(1 for r in answerable if r.rank and r.rank <= 10) / n,
        mrr_at_10=sum(1 / r.rank for r in answerable if r.rank and r.rank <= 10) / n,
        citation_accuracy=accuracy,
        meeting_date_accuracy=accuracy["meeting_date"],
        results=results,
    )
