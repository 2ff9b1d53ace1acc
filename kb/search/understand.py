"""Stage 1, understand the question: keywords, what kind of answer it wants, the time it
names, the committees it names (loosely), acronyms and typos read with what the corpus knows.

Nothing here touches passages: the result, a `Query`, is what the later stages compare
passages with.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from .answer_types import answer_type
from .when import TimeReading, read_time

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
    r"\b(resolv\w*|decid\w*|decision\w*|agree\w*|approv\w*|recommend\w*|endors\w*|ratif\w*|noted"
    r"|sign(?:ed)?\s+off|delegat\w*|adopt\w*)\b",
    re.IGNORECASE,
)
# The intent a question's answer type implies (kb eval reports by these kinds too).
INTENT_OF_TYPE = {
    "vote": "vote",
    "money": "number",
    "percent": "number",
    "count": "number",
    "duration": "number",
    "rating": "number",
    "date": "date",
    "person": "person",
}
# Common written abbreviations of committee papers and everyday notes (not acronyms: those
# come from the corpus and kb/glossary.py).
ABBREVIATIONS = {
    "cttee": "committee",
    "ctte": "committee",
    "cmte": "committee",
    "cllr": "councillor",
    "cllrs": "councillors",
    "dir": "director",
    "corp": "corporate",
    "dept": "department",
    "govt": "government",
    "mgr": "manager",
    "mgmt": "management",
    "asst": "assistant",
    "exec": "executive",
    "yr": "year",
    "yrs": "years",
    "approx": "approximately",
    "ppl": "people",
    "info": "information",
    "mtg": "meeting",
}
HEAD_NOUNS = (
    "committee",
    "board",
    "cabinet",
    "panel",
    "council",
    "forum",
    "partnership",
    "scrutiny",
)
GENERIC_NAME_WORDS = frozenset(
    {"the", "and", "of", "for", "sub", "joint", "session", "council's", *HEAD_NOUNS[:-1]}
)


@dataclass(frozen=True)
class Query:
    """A question taken apart: its text, keyword terms, intent, time and committees."""

    text: str
    terms: tuple[str, ...]
    wants_decision: bool
    intent: str = "topic"  # vote, decision, number, person, date or topic
    answer_type: str | None = None  # money, count, person, ... (see answer_types.py)
    dense_text: str = ""  # what the embedder sees: acronyms spelt out, typos mended
    time: TimeReading = field(default_factory=TimeReading)
    committees: tuple[str, ...] = ()  # committees the question names, best first
    committee_scores: tuple[tuple[str, float], ...] = ()  # (committee, 0..1) how clearly named
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, corpus word)
    expansions: tuple[tuple[str, str], ...] = ()  # (acronym, words)
    unknown: tuple[str, ...] = ()  # keywords the corpus never uses, even after mending

    def committee_score(self, committee: str | None) -> float:
        """How clearly the question names `committee` (0 when it names none or another)."""
        return dict(self.committee_scores).get(committee or "", 0.0)


class Glossary(Protocol):
    """What the corpus knows: acronyms, vocabulary, committees and meeting dates."""

    def acronyms(self) -> dict[str, str]: ...
    def is_known(self, word: str) -> bool: ...
    def candidates(self, word: str) -> list[tuple[str, int]]: ...
    def committees(self) -> list[str]: ...
    def frequency(self, word: str) -> int: ...
    def latest_meeting(self, committees: tuple[str, ...] = ()) -> date | None: ...


def analyse(text: str) -> Query:
    """Take a question apart without the corpus: keywords, intent, decision wording."""
    words = re.findall(r"[A-Za-z0-9&]+(?:['’][A-Za-z]+)?", text)
    terms = []
    for word in words:
        lower = word.lower().replace("’", "'")
        lower = re.sub(r"'s$", "", lower)
        lower = ABBREVIATIONS.get(lower, lower)
        if lower in STOPWORDS or len(lower) < 2 and not lower.isdigit():
            continue
        terms.append(lower)
    wants_decision = bool(DECISION_INTENT.search(text))
    if wants_decision:
        # The intent is served by favouring RESOLVED passages; as keywords, 'resolved' and
        # 'agreed' would match every decision on every topic.
        terms = [t for t in terms if not DECISION_INTENT.fullmatch(t)] or terms
    kind = answer_type(text)
    intent = INTENT_OF_TYPE.get(kind or "", "topic")
    if wants_decision and intent != "vote":
        intent = "decision"
    return Query(
        text=text.strip(),
        terms=tuple(dict.fromkeys(terms)),
        wants_decision=wants_decision,
        intent=intent,
        answer_type=kind,
        dense_text=text.strip(),
        time=read_time(text, None),
    )


def understand(query: Query, glossary: Glossary) -> Query:
    """Widen a question with what the corpus knows.

    Acronyms are spelt out and long forms abbreviated (both become keywords, and the
    spelt-out form is added to what the embedder sees); a word the corpus never uses is
    mended to its closest corpus word ('Ofstead' → 'ofsted'); committees named in the
    question, also loosely ('the health board', 'scrutiny'), are scored; time expressions
    are read against the newest meeting of the committee named, or of the whole index.
    """
    acronyms = glossary.acronyms()
    terms = list(query.terms)
    expansions: list[tuple[str, str]] = []
    corrections: list[tuple[str, str]] = []
    unknown: list[str] = []
    lowered = " " + re.sub(r"[^a-z0-9&' ]", " ", query.text.lower().replace("’", "'")) + " "
    for term in query.terms:
        if term in acronyms:
            if glossary.frequency(term) == 0:  # papers that use the acronym itself need no help
                expansions.append((term, acronyms[term]))
                terms.extend(w for w in acronyms[term].split() if w not in STOPWORDS and len(w) > 2)
        elif term.isalpha() and not glossary.is_known(term):
            fixed = _closest(term, glossary.candidates(term)) if len(term) >= 4 else None
            if fixed:
                corrections.append((term, fixed))
                terms.append(fixed)
            else:
                unknown.append(term)
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
    expanded_text = " ".join(
        [
            lowered,
            *(acronyms[t] for t in query.terms if t in acronyms),
            *(f for _, f in corrections),
        ]
    )
    expanded_text = " " + " ".join(ABBREVIATIONS.get(w, w) for w in expanded_text.split()) + " "
    scores = committee_scores(expanded_text, glossary.committees())
    named = tuple(name for name, score in scores if score >= 0.5)
    reference = glossary.latest_meeting(named[:1]) or glossary.latest_meeting()
    return replace(
        query,
        terms=tuple(dict.fromkeys(terms)),
        dense_text=dense,
        time=read_time(query.text, reference),
        committees=named,
        committee_scores=scores,
        corrections=tuple(corrections),
        expansions=tuple(expansions),
        unknown=tuple(unknown),
    )


def _closest(word: str, candidates: list[tuple[str, int]]) -> str | None:
    from rapidfuzz import fuzz

    scored = [(fuzz.ratio(word, w), df, w) for w, df in candidates if w != word]
    scored = [s for s in scored if s[0] >= (80 if len(word) >= 5 else 85)]
    return max(scored)[2] if scored else None


def _name_words(name: str) -> tuple[list[str], list[str]]:
    """A committee name's distinctive words: its core ('Overview and Scrutiny Committee')
    and the qualifiers in brackets ("Children's Services and Safeguarding")."""
    core, _, qualifier = name.lower().replace("’", "'").partition("(")

    def words(text: str) -> list[str]:
        return [w for w in re.findall(r"[a-z0-9&']+", text) if w not in GENERIC_NAME_WORDS]

    plain = [w for w in re.findall(r"[a-z0-9&']+", core) if w not in ("the", "and", "of")]
    return words(core) or plain, words(qualifier)  # 'Cabinet' is its own core


def _word_in(word: str, text: str) -> bool:
    """True when `text` holds `word`, also as a plural or possessive; long words by their
    stem ('safeguarding' → 'safeguard…')."""
    stem = word.replace("'s", "").rstrip("'")
    pattern = rf"\b{re.escape(stem)}(?:s|es|'s|s')?\b"
    if len(stem) >= 8:
        pattern += rf"|\b{re.escape(stem[:-3])}\w*"
    return re.search(pattern, text) is not None


def committee_scores(text: str, committees: list[str]) -> tuple[tuple[str, float], ...]:
    """How clearly `text` (lower case, padded with spaces) names each committee, best first.

    The share of the name's distinctive words it holds, each weighted by how few committee
    names share it (so 'scrutiny' says more than 'services'), qualifiers in brackets
    adding up to a fifth. A partial name without a head noun ('board', 'scrutiny', ...) in the
    question counts half again ('mental health' alone does not name the Health and
    Wellbeing Board; 'the health board' does). 'Cabinet Member' is a role, not the Cabinet.
    """
    named = [(c, *_name_words(c)) for c in committees]
    df: dict[str, int] = {}
    for _, core, qualifier in named:
        for w in set(core + qualifier):
            df[w] = df.get(w, 0) + 1
    total = max(1, len(committees))
    text = re.sub(r"\bcabinet\s+members?\b", " ", text)
    out = []
    for committee, core, qualifier in named:
        weights = {w: math.log(1 + total / df[w]) for w in core + qualifier}
        core_hit = [w for w in core if _word_in(w, text)]
        if not core_hit:
            continue
        score = sum(weights[w] for w in core_hit) / sum(weights[w] for w in core)
        if qualifier:
            score += (
                0.2
                * sum(weights[w] for w in qualifier if _word_in(w, text))
                / sum(weights[w] for w in qualifier)
            )
        heads = [h for h in HEAD_NOUNS if h in committee.lower()]
        headed = any(re.search(rf"\b{h}", text) for h in heads)
        if len(core) == 1 and core[0] not in HEAD_NOUNS and not headed:
            continue  # 'audits' or 'the county' alone do not name the Audit Committee or County Council
        if score < 0.99 and not headed:
            score *= 0.5
        if score >= 0.2:
            out.append((committee, round(min(1.0, score), 3)))
    return tuple(sorted(out, key=lambda item: -item[1]))
