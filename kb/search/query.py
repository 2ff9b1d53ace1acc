"""Query understanding: keywords, decision intent, and dates named in the question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.parse.dates import MONTH_WORD, month_number

STOPWORDS = frozenset(
    """a about above after again all am an and any are as at be been before being below between both but by
    can could did do does doing down during each few for from further had has have having he her here hers
    how i if in into is it its itself just me more most my no nor not now of off on once only or other our
    out over own same she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why will with would
    you your yours s t don what's whats been get got many much tell say said please show find give list
    meeting meetings committee council""".split()
)
DECISION_INTENT = re.compile(
    r"\b(resolv\w*|decid\w*|decision\w*|agree\w*|approv\w*|recommend\w*|endors\w*|ratif\w*|noted)\b",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(rf"\b({MONTH_WORD})\.?\s*,?\s*(\d{{4}})\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)(\d{2})\b")
# Everyday words for what council papers say formally (added to the keyword search).
SYNONYMS = {
    "dad": ("father",),
    "dads": ("fathers",),
    "mum": ("mother",),
    "mums": ("mothers",),
    "kids": ("children",),
    "kid": ("child",),
    "cllr": ("councillor",),
    "councillor": ("cllr",),
    "money": ("funding", "budget"),
    "cost": ("costs", "budget"),
    "jobs": ("employment",),
    "chaired": ("chair",),
    "chair": ("chairman",),
}


@dataclass(frozen=True)
class Query:
    """A question taken apart: its text, keyword terms, intent and the dates it names."""

    text: str
    terms: tuple[str, ...]
    wants_decision: bool
    months: tuple[str, ...]  # 'yyyy-mm' named in the question
    years: tuple[str, ...]


def analyse(text: str) -> Query:
    """Take a question apart for retrieval."""
    words = re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", text)
    terms = []
    for word in words:
        lower = word.lower().replace("’", "'")
        lower = re.sub(r"'s$", "", lower)
        if lower in STOPWORDS or len(lower) < 2 and not lower.isdigit():
            continue
        terms.append(lower)
        terms.extend(SYNONYMS.get(lower, ()))
    months = []
    for match in MONTH_YEAR.finditer(text):
        month = month_number(match.group(1))
        if month:
            months.append(f"{match.group(2)}-{month:02d}")
    years = [m.group(0) for m in YEAR.finditer(text)]
    wants_decision = bool(DECISION_INTENT.search(text))
    if wants_decision:
        # The intent is served by favouring RESOLVED passages; as keywords, 'resolved' and
        # 'agreed' would match every decision on every topic.
        terms = [t for t in terms if not DECISION_INTENT.fullmatch(t)] or terms
    return Query(
        text=text.strip(),
        terms=tuple(dict.fromkeys(terms)),
        wants_decision=wants_decision,
        months=tuple(dict.fromkeys(months)),
        years=tuple(dict.fromkeys(years)),
    )
