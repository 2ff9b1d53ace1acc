"""Query understanding: keywords, decision intent, and dates named in the question."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

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
    dense_text: str = (
        ""  # what the embedder sees: the question with acronyms spelt out, typos mended
    )
    committees: tuple[str, ...] = ()  # committees the question names
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, corpus word)
    expansions: tuple[tuple[str, str], ...] = ()  # (acronym, words)


class Glossary(Protocol):
    """What the corpus knows about words: acronyms, vocabulary, committees."""

    def acronyms(self) -> dict[str, str]: ...
    def is_known(self, word: str) -> bool: ...
    def candidates(self, word: str) -> list[tuple[str, int]]: ...
    def committees(self) -> list[str]: ...
    def frequency(self, word: str) -> int: ...


def understand(query: Query, glossary: Glossary) -> Query:
    """Widen a question with what the corpus knows.

    Acronyms are spelt out and long forms abbreviated (both become keywords, and the
    spelt-out form is added to what the embedder sees); a word the corpus never uses is
    mended to its closest corpus word ('Ofstead' → 'ofsted'); committees named in the
    question ('health and wellbeing board', 'HWB') are noted for a boost.
    """
    acronyms = glossary.acronyms()
    terms = list(query.terms)
    expansions: list[tuple[str, str]] = []
    corrections: list[tuple[str, str]] = []
    lowered = " " + re.sub(r"[^a-z0-9&' ]", " ", query.text.lower().replace("’", "'")) + " "
    for term in query.terms:
        if term in acronyms:
            if glossary.frequency(term) == 0:  # papers that use the acronym itself need no help
                expansions.append((term, acronyms[term]))
                terms.extend(w for w in acronyms[term].split() if w not in STOPWORDS and len(w) > 2)
        elif term.isalpha() and len(term) >= 5 and not glossary.is_known(term):
            fixed = _closest(term, glossary.candidates(term))
            if fixed:
                corrections.append((term, fixed))
                terms.append(fixed)
    for acronym, long_form in acronyms.items():
        if len(long_form.split()) >= 2 and f" {long_form} " in lowered and acronym not in terms:
            terms.append(acronym)
            expansions.append((acronym, long_form))
    dense = query.text
    for typed, fixed in corrections:
        dense = re.sub(rf"\b{re.escape(typed)}\b", fixed, dense, flags=re.IGNORECASE)
    spelt = [f"{a.upper()} ({w})" for a, w in expansions if a in query.terms]
    if spelt:
        dense = f"{dense} [{'; '.join(spelt)}]"
    expanded_text = (
        lowered + " " + " ".join(acronyms[t] for t in query.terms if t in acronyms) + " "
    )
    named = tuple(c for c in glossary.committees() if _names_committee(c, expanded_text))
    return replace(
        query,
        terms=tuple(dict.fromkeys(terms)),
        dense_text=dense,
        committees=named,
        corrections=tuple(corrections),
        expansions=tuple(expansions),
    )


def _closest(word: str, candidates: list[tuple[str, int]]) -> str | None:
    from rapidfuzz import fuzz

    scored = [(fuzz.ratio(word, w), df, w) for w, df in candidates if w != word]
    scored = [s for s in scored if s[0] >= 80]
    return max(scored)[2] if scored else None


def _names_committee(committee: str, text: str) -> bool:
    """True when the question names this committee (its distinctive words, in order)."""
    name = re.sub(r"[^a-z0-9' ]", " ", committee.lower())
    core = re.sub(r"\b(?:the|committee|board|sub|panel)\b", " ", name)
    core = " ".join(core.split())
    full = " ".join(name.split())
    if len(core.split()) < 2:  # 'Cabinet' alone is too common a word: only the full name counts
        return len(full.split()) >= 2 and f" {full} " in text
    return f" {core} " in text or f" {full} " in text


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
        dense_text=text.strip(),
    )
