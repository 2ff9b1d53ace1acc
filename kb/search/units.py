"""Answer units: the minute, report section or public question a passage belongs to.

Evidence is scored for the whole unit (its best passage, the question's words anywhere in
it), and the passage shown for a unit is the one that answers the kind of question asked:
a decision question gets the unit's resolution, a "who moved / seconded / voted" question
its vote record; otherwise the best-scoring passage. Passages of a unit are neighbours in
their pack, so a unit is gathered from the passages around each candidate.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from kb.store import evidence
from kb.store.db import StoredPassage
from kb.store.memo import Memo

from .answer_types import holds

REACH = 4  # passages either side of a candidate searched for the rest of its unit
QUESTION_START = re.compile(r"(?m)^\s*(?:Q(?:uestion)?\s*)?(\d{1,2})[.)]\s")

UnitKey = tuple[object, ...]


def has_vote_record(text: str) -> bool:
    """True when `text` records a vote: counts for and against, a mover or seconder."""
    return holds("vote", text) > 0


@dataclass
class Units:
    """Which unit each passage belongs to, and every gathered passage of each unit."""

    unit_of: dict[int, UnitKey] = field(default_factory=dict)
    members: dict[UnitKey, list[StoredPassage]] = field(default_factory=dict)
    votes: set[int] = field(default_factory=set)  # passages whose decisions record a vote

    def siblings(self, pid: int) -> list[StoredPassage]:
        """The gathered passages of `pid`'s unit (itself included), in order."""
        key = self.unit_of.get(pid)
        return self.members.get(key, []) if key is not None else []


def unit_key(p: StoredPassage, question: str | None = None) -> UnitKey:
    """The unit of a passage: its minute; its public question; else its document section."""
    c = p.citation
    if c.minute:
        return ("minute", p.pack_id, c.meeting_date, c.committee, c.minute)
    if c.doc_type == "questions":
        return ("question", p.pack_id, c.title, question)
    return ("section", p.pack_id, c.doc_type, c.agenda_item, c.title, p.section)


def _keys(passages: list[StoredPassage]) -> dict[int, UnitKey]:
    """Unit keys of passages in pack and seq order: a public question runs on from the
    passage that starts it."""
    out: dict[int, UnitKey] = {}
    question: str | None = None
    previous: StoredPassage | None = None
    for p in passages:
        if previous is None or previous.pack_id != p.pack_id or previous.seq + 1 != p.seq:
            question = None
        starts = QUESTION_START.findall(p.text) if p.citation.doc_type == "questions" else []
        first_here = QUESTION_START.match(p.text)
        own = first_here.group(1) if first_here else question
        out[p.id] = unit_key(p, own)
        if starts:
            question = starts[-1]
        previous = p
    return out


def gather(
    conn: sqlite3.Connection,
    passages: Iterable[StoredPassage],
    reach: int = REACH,
    memo: Memo | None = None,
) -> Units:
    """The units of `passages`, each with its neighbouring passages of the same unit (read
    through `memo` when given)."""
    chosen = list(passages)
    spans = [(p.pack_id, p.seq - reach, p.seq + reach) for p in chosen]
    around = memo.passages_around(spans) if memo else evidence.passages_around(conn, spans)
    keys = _keys(around)
    units = Units()
    for p in around:
        units.unit_of[p.id] = keys[p.id]
        units.members.setdefault(keys[p.id], []).append(p)
    for p in chosen:  # a candidate always has a unit, even if its neighbours were not read
        if p.id not in units.unit_of:
            units.unit_of[p.id] = unit_key(p)
            units.members.setdefault(units.unit_of[p.id], []).append(p)
    units.votes = evidence.vote_records(conn, units.unit_of)
    return units


def answer_passage(
    members: list[StoredPassage], intent: str, scores: dict[int, float], units: Units | None = None
) -> StoredPassage:
    """The passage of a unit that answers a question of this `intent`: the resolution for a
    decision, the vote record for a vote, else the best-scoring passage."""
    best = max((p for p in members if p.id in scores), key=lambda p: scores[p.id])
    if intent == "vote":  # the passage that prints the vote, else one whose decision records it
        votes = [p for p in members if has_vote_record(p.text)] or [
            p for p in members if units is not None and p.id in units.votes
        ]
        if votes:
            return max(votes, key=lambda p: scores.get(p.id, -1e9))
    if intent in ("decision", "vote"):
        resolutions = [p for p in members if p.is_decision]
        if resolutions:
            return max(resolutions, key=lambda p: scores.get(p.id, -1e9))
    return best


def order(
    ranked: list[tuple[float, StoredPassage]], units: Units, intent: str, limit: int
) -> list[tuple[float, StoredPassage]]:
    """Passages to show, best first, where the first passage of each unit is preceded by the
    unit's answering passage (its resolution, its vote record) when that is another one.

    The ranker has already weighed each unit's evidence into its passages' scores, so the
    best unit is the unit of the best passage."""
    scores = {p.id: s for s, p in ranked}
    out: list[tuple[float, StoredPassage]] = []
    shown: set[int] = set()
    seen_units: set[UnitKey] = set()
    for score, passage in ranked:
        if len(out) >= limit:
            break
        key = units.unit_of.get(passage.id)
        chosen = [passage]
        if key is not None and key not in seen_units:
            seen_units.add(key)
            chosen.insert(
                0, answer_passage(units.members.get(key) or [passage], intent, scores, units)
            )
        for p in chosen:
            if p.id not in shown:
                shown.add(p.id)
                out.append((max(score, scores.get(p.id, score)), p))
    return out[: max(limit, 1)]
