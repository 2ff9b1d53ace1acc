"""Structure report: the parser measured against structure gold files.

A gold file `<name>[.<date>].minutes.json` beside a source names the committee and date
of the minuted meeting and each minute's number, title, the opening words of its
decision without the formula (or null), outcome, votes, mover and seconder; gold files
of constructed papers may list every decision of a minute (`decisions`). This module
parses the source as `kb inspect` does and scores, per file and per body:
- meeting: committee and date of the document right;
- minutes: numbers with their titles (precision and recall);
- decisions: found (precision and recall, matched by their opening words within their minute);
- outcomes and vote counts exact, on the matched decisions that print them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kb.inspect import InspectedDecision, InspectedMinute, Inspection, inspect_file
from kb.parse.decisions import strip_formula

OPENING_WORDS = 8


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("&", " and ")
    text = re.sub(r"[‘’`']", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _same_title(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    na, nb = _norm(a), _norm(b)
    return na == nb or fuzz.ratio(na, nb) >= 90


def _same_committee(a: str | None, b: str | None) -> bool:
    """The same body, whether or not its place name is printed before it ('Marchshire
    Police and Crime Panel' and 'Police and Crime Panel'): gold files differ on that."""
    na, nb = (re.sub(r"^the ", "", _norm(x)) for x in (a, b))
    if not na or not nb:
        return False
    short, long_ = sorted((na, nb), key=len)
    extra = long_[: -len(short)].split() if long_.endswith(" " + short) else None
    return na == nb or (extra is not None and 0 < len(extra) <= 3)


def _opening(text: str | None) -> list[str]:
    return _norm(text).split()[:OPENING_WORDS]


def _same_opening(gold: str, found: str) -> bool:
    """The decision's opening words agree (formula and list marks left out of both)."""
    from rapidfuzz import fuzz

    # a decision that is its formula alone ('Agreed', 'Approved.') is matched by it
    g = _opening(strip_formula(gold)) or _opening(gold)
    f = _opening(strip_formula(found)) or _opening(found)
    if not g or not f:
        return False
    n = min(len(g), len(f))
    return fuzz.ratio(" ".join(g[:n]), " ".join(f[:n])) >= 85


@dataclass
class Counts:
    """Tallies over one or more gold files."""

    documents: int = 0
    meeting_ok: int = 0
    gold_minutes: int = 0
    found_minutes: int = 0
    minutes_ok: int = 0
    gold_decisions: int = 0
    found_decisions: int = 0
    decisions_ok: int = 0
    outcomes: int = 0
    outcomes_ok: int = 0
    votes: int = 0
    votes_ok: int = 0
    movers: int = 0
    movers_ok: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Add another file's tallies to these."""
        for name in self.__dataclass_fields__:
            if name != "problems":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems.extend(other.problems)

    def measures(self) -> dict[str, float]:
        """The report's ratios (1.0 where there is nothing to measure)."""

        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "meeting": ratio(self.meeting_ok, self.documents),
            "minutes_precision": ratio(self.minutes_ok, self.found_minutes),
            "minutes_recall": ratio(self.minutes_ok, self.gold_minutes),
            "decisions_precision": ratio(self.decisions_ok, self.found_decisions),
            "decisions_recall": ratio(self.decisions_ok, self.gold_decisions),
            "outcomes": ratio(self.outcomes_ok, self.outcomes),
            "votes": ratio(self.votes_ok, self.votes),
            "movers": ratio(self.movers_ok, self.movers),
        }


def gold_files(*roots: Path) -> list[Path]:
    """Every structure gold file under the given folders."""
    return sorted(p for root in roots if root.is_dir() for p in root.rglob("*.minutes.json"))


def source_of(gold_path: Path, gold: dict) -> Path:
    """The source file a gold file describes (named in it, in the same folder)."""
    return gold_path.parent / str(gold["source"])


def score_file(gold: dict, inspection: Inspection) -> Counts:
    """Score what the parser found in one file against its gold."""
    counts = Counts(documents=1)
    name = gold.get("source", inspection.source)
    minutes = _minutes_of_meeting(gold, inspection)
    committee, date = _meeting_found(gold, inspection, minutes)
    if _same_committee(committee, gold.get("committee")) and date == gold.get("meeting_date"):
        counts.meeting_ok = 1
    else:
        counts.problems.append(
            f"{name}: meeting {committee!r} {date} (gold {gold.get('committee')!r} {gold.get('meeting_date')})"
        )
    gold_minutes = gold.get("minutes") or []
    counts.gold_minutes = len(gold_minutes)
    counts.found_minutes = len(minutes)
    # a number printed more than once (a list whose every number is '1.', numbering that
    # starts again) is matched in order: the first minute of that number not yet matched,
    # the one of the same title where there is one
    by_number: dict[str, list[InspectedMinute]] = {}
    for m in minutes:
        if m.number is not None:
            by_number.setdefault(m.number, []).append(m)
    unnumbered = [m for m in minutes if m.number is None]
    for g in gold_minutes:
        if g["number"] is None:  # printed without a number: the unnumbered minute of its title
            found = next((m for m in unnumbered if _same_title(str(g["title"]), m.title)), None)
            if found is not None:
                unnumbered.remove(found)
        else:
            left = by_number.get(str(g["number"])) or []
            found = next((m for m in left if _same_title(str(g["title"]), m.title)), None)
            found = found or (left[0] if left else None)
            if found is not None and len(left) > 1:
                left.remove(found)  # the last of a number stays for any later gold of it
        if found is None or not _same_title(str(g["title"]), found.title):
            counts.problems.append(
                f"{name}: minute {g['number']} {g['title']!r} "
                + ("not found" if found is None else f"found as {found.title!r}")
            )
        else:
            counts.minutes_ok += 1
        _score_decisions(counts, name, g, found)
    gold_numbers = {str(g["number"]) for g in gold_minutes if g["number"] is not None}
    for m in minutes:
        if m in unnumbered or m.number is not None and m.number not in gold_numbers:
            counts.problems.append(f"{name}: extra minute {m.number} {m.title!r}")
            counts.found_decisions += len(m.decisions)
    return counts


def _minutes_of_meeting(gold: dict, inspection: Inspection) -> list[InspectedMinute]:
    """The minutes of the gold meeting: those dated as it, else (date wrong) all of them."""
    dated = [m for m in inspection.minutes if m.meeting_date == gold.get("meeting_date")]
    if dated or not gold.get("minutes"):
        return dated
    wanted = {str(g["number"]) for g in gold["minutes"] if g["number"] is not None}
    return [m for m in inspection.minutes if m.number in wanted]


def _meeting_found(
    gold: dict, inspection: Inspection, minutes: list[InspectedMinute]
) -> tuple[str | None, str | None]:
    if minutes:
        return minutes[0].committee, minutes[0].meeting_date
    docs = [d for d in inspection.documents if d.meeting_date == gold.get("meeting_date")]
    if docs:
        return docs[0].committee, docs[0].meeting_date
    m = inspection.meeting
    return m.get("committee"), m.get("meeting_date")


def _gold_decisions(g: dict) -> list[dict]:
    if g.get("decisions"):
        return list(g["decisions"])
    if g.get("resolution") or g.get("outcome"):
        return [
            {
                "text": g.get("resolution"),
                "outcome": g.get("outcome"),
                "votes": g.get("votes"),
                "mover": g.get("mover"),
                "seconder": g.get("seconder"),
            }
        ]
    return []


def _score_decisions(counts: Counts, name: str, g: dict, found: InspectedMinute | None) -> None:
    wanted = _gold_decisions(g)
    have: list[InspectedDecision] = list(found.decisions) if found else []
    counts.gold_decisions += len(wanted)
    counts.found_decisions += len(have)
    free = list(range(len(have)))
    for w in wanted:
        match = next(
            (k for k in free if w.get("text") and _same_opening(str(w["text"]), have[k].text)),
            None,
        )
        if match is None and not w.get("text") and free:
            match = free[0]
        if match is None:
            counts.problems.append(
                f"{name}: minute {g['number']}: decision {str(w.get('text'))[:60]!r} not found"
                + (f" (found {[d.text[:50] for d in have]})" if have else "")
            )
            continue
        free.remove(match)
        d = have[match]
        counts.decisions_ok += 1
        if w.get("outcome") is not None:
            counts.outcomes += 1
            if d.outcome == w["outcome"]:
                counts.outcomes_ok += 1
            else:
                counts.problems.append(
                    f"{name}: minute {g['number']}: outcome {d.outcome} (gold {w['outcome']})"
                )
        if w.get("votes") is not None:
            counts.votes += 1
            if _same_votes(d.votes, w["votes"]):
                counts.votes_ok += 1
            else:
                counts.problems.append(
                    f"{name}: minute {g['number']}: votes {d.votes} (gold {w['votes']})"
                )
        for role in ("mover", "seconder"):
            if w.get(role):
                counts.movers += 1
                if _same_person(getattr(d, role), w[role]):
                    counts.movers_ok += 1
                else:
                    counts.problems.append(
                        f"{name}: minute {g['number']}: {role} {getattr(d, role)!r} (gold {w[role]!r})"
                    )
    for k in free:
        counts.problems.append(
            f"{name}: minute {g['number']}: extra decision {have[k].text[:60]!r}"
        )


def _same_votes(found: dict[str, int] | None, gold: dict[str, int]) -> bool:
    if found is None:
        return False
    keys = {k for k, v in gold.items() if v is not None} | set(found)
    return all(found.get(k, 0) == (gold.get(k) or 0) for k in keys)


def _same_person(found: str | None, gold: str) -> bool:
    """Same person: the same surname, titles ('Councillor', 'Mr') aside."""
    if not found:
        return False
    surname = _norm(gold).split()[-1:]
    return bool(surname) and surname[0] in _norm(found).split()


@dataclass
class BodyReport:
    """The tallies of one body (council), over its gold files."""

    body: str
    counts: Counts


def structure_report(*roots: Path) -> list[BodyReport]:
    """Parse every source with a gold file under `roots` and score it, grouped by body."""
    bodies: dict[str, Counts] = {}
    cache: dict[Path, Inspection] = {}
    for gold_path in gold_files(*roots):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = source_of(gold_path, gold)
        if source not in cache:
            cache[source] = inspect_file(source)
        body = str(gold.get("body") or gold_path.parent.name)
        bodies.setdefault(body, Counts()).add(score_file(gold, cache[source]))
    return [BodyReport(body, counts) for body, counts in bodies.items()]
