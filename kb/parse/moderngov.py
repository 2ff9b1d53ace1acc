"""ModernGov's web pages of one item or one decision, read by the fields its template prints.

ModernGov, the committee system of several hundred UK councils, fire, police, national
park and combined authorities, publishes beside each meeting's agenda and minutes a web
page per item, per decision and per recorded vote. Copies of those pages keep the
template's field labels whatever the council, so they are read by those labels:

- an issue's meetings: 'Meeting: 14/11/2016 - Cabinet (Item 6.)', the item's title and
  agenda description, then 'Decision:' or 'Minutes:' and what was decided;
- the published-decisions register: '12/01/2018 - <title> ref: 302  <status>', 'Decision
  Maker: …', 'Made at meeting: 12/01/2018 - <committee>', then 'Resolved:' or the decision;
- a decision's details: its title, 'Decision Maker: Council', …, 'Date of decision:
  19/11/2014', 'Decided at meeting: 19/11/2014 - Council';
- a voting record: ' Council, Wednesday 20th April 2022 6.00 p.m.', 'Item: <title>', then
  each motion or amendment put to the vote: its label, 'Amendment status:Lost', its words
  and how members voted ('For<names>18').

Each page (each register entry) is one minute of the meeting it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.model import Decision, Line, Meeting

from .dates import WEEKDAY, parse_date
from .headings import ATTACHMENT, FIRST_SENTENCE, ICON, SUBJECT, Heading
from .names import meeting_committee
from .numbering import split_number
from .votes import movers

DMY = r"\d{1,2}/\d{1,2}/\d{4}"
MEETING_LINE = re.compile(
    rf"^\s*Meeting\s*:\s*(?P<date>{DMY})\s*[-–]\s*(?P<committee>.+?)"
    r"(?:\s*\(\s*Item\s+(?P<item>[\w.]+?)\.?\s*\))?\s*$",
    re.IGNORECASE,
)
REGISTER_ENTRY = re.compile(
    rf"^\s*(?P<date>{DMY})\s*[-–]\s*(?P<title>.+?)\s+ref:\s*\d+\b\s*(?P<status>.*)$", re.IGNORECASE
)
MAKER = re.compile(r"^\s*Decision\s+Maker\s*:\s*(?P<v>\S.*?)\s*$", re.IGNORECASE)
AT_MEETING = re.compile(
    rf"^\s*(?:Made|Decided)\s+at\s+meeting\s*:\s*(?P<date>{DMY})\s*[-–]\s*(?P<committee>.+?)\s*$",
    re.IGNORECASE,
)
DECIDED_ON = re.compile(rf"^\s*Date\s+of\s+decision\s*:\s*(?P<date>{DMY})", re.IGNORECASE)
VOTE_MEETING = re.compile(
    rf"^\s*(?P<names>[^\d,:][^\d:]{{1,120}}?),\s*(?P<when>(?i:{WEEKDAY})\b.*\d{{4}}.*)$"
)
ITEM_FIELD = re.compile(r"^\s*Item\s*:\s*(?P<title>\S.*?)\s*$")
STATUS = re.compile(
    r"^\s*(?P<kind>Amendment|Motion|Resolution|Recommendations?|Substantive\s+motion)\s+status\s*:\s*"
    r"(?P<status>\S.*?)\s*$",
    re.IGNORECASE,
)
ANSWER_LABEL = re.compile(r"^\s*(?:Decisions?|Minutes|Resolved|Resolution)\s*:", re.IGNORECASE)
VOTE_ROW = re.compile(
    r"^\s*(?P<label>For|Against|Abstain(?:ed|ing|ions?)?)(?P<names>.*?)(?P<n>\d{1,3})\s*$"
)
FIELD = re.compile(r"^[^:]{1,60}:")  # 'Date :-2011/12/14', 'Report author:': a field, not a title
ONE_VOTE = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){1,6}(?:For|Against|Abstain(?:ed)?)\s*$")
TABLE_ROW = re.compile(
    r"[A-Za-z]\d{1,3}\s*$"
)  # 'Conflict Of InterestsNone0', 'Casting voteN Smith1'
LEADING_ITEM = re.compile(r"^\s*Item\s+(?P<n>\d{1,3}[a-z]?)\s*[-–:]\s*")
WON = {"carried": "carried", "agreed": "carried", "approved": "carried", "passed": "carried"}
FAILED = {
    "lost": "lost",
    "rejected": "lost",
    "fell": "lost",
    "defeated": "lost",
    "not carried": "lost",
}
LONG_TITLE = 120  # characters: a title longer than this that holds sentences is a description
REACH = 8  # non-empty lines from a page's anchor to the fields that complete it


@dataclass(frozen=True)
class Record:
    """One item page: the minute heading it makes and, for a voting record, the decisions
    read from its fields (else None: they are found in the body as in any minutes)."""

    heading: Heading
    decisions: tuple[Decision, ...] | None = None


def _kind(texts: list[str], k: int) -> str | None:
    """Which page of one item opens at line `k`: 'issue', 'register', 'vote', 'details'."""
    text = texts[k]
    if not text or len(text) > 300:
        return None
    after = _following(texts, k, REACH)
    if MEETING_LINE.match(text):
        return "issue"
    if REGISTER_ENTRY.match(text):
        return "register" if any(MAKER.match(t) for t in after) else None
    if VOTE_MEETING.match(text) and after and ITEM_FIELD.match(after[0]):
        return "vote"
    if after and MAKER.match(after[0]) and not FIELD.match(text) and len(text) < 200:
        return "details"
    return None


def record_head(texts: list[str], i: int) -> Meeting | None:
    """The meeting of the item page (or register entry) whose first line is `i`, if any."""
    kind = _kind(texts, i)
    if kind == "issue":
        m = MEETING_LINE.match(texts[i])
        assert m is not None
        return _meeting(m.group("committee"), m.group("date"))
    if kind == "register":
        m = REGISTER_ENTRY.match(texts[i])
        assert m is not None
        return _decided(_following(texts, i, REACH), m.group("date"))
    if kind == "vote":
        m = VOTE_MEETING.match(texts[i])
        assert m is not None
        return _meeting(re.split(r",\s*", m.group("names"))[-1], m.group("when"))
    if kind == "details":
        return _decided(_following(texts, i, 40), None)
    return None


def records(lines: list[Line]) -> list[Record] | None:
    """The item page that opens these lines (a minutes segment) as its one minute, or None
    when they are not such a page."""
    texts = [ln.text.strip() for ln in lines]
    for k in [k for k, t in enumerate(texts) if t][:6]:
        kind = _kind(texts, k)
        if kind == "issue":
            return _issue(texts, k)
        if kind == "vote":  # one minute per 'Item:' the record lists
            first = _next(texts, k)
            assert first is not None
            items = [j for j in range(first, len(texts)) if ITEM_FIELD.match(texts[j])]
            ends = [*items[1:], len(texts)]
            return [
                _voting_record(lines, texts, j, end) for j, end in zip(items, ends, strict=True)
            ]
        if kind in ("register", "details"):
            m = REGISTER_ENTRY.match(texts[k])
            answer = _to_answer(texts, k)
            # a 'Title:' / 'Subject:' field among the form's fields names the decision
            # better than the line over them ('Record of Decision' / 'Decision Maker: …')
            subject = next(
                (f.group("rest") for t in texts[k + 1 : answer] if (f := SUBJECT.match(t))), None
            )
            title = subject or (m.group("title") if m else texts[k])
            heading = Heading(k, answer - k, "", "web", _title(title), None, 3.0)
            return [Record(heading)]
    return None


def _issue(texts: list[str], k: int) -> list[Record] | None:
    m = MEETING_LINE.match(texts[k])
    t = _next(texts, k)
    if m is None or t is None:
        return None
    title, number = texts[t], (m.group("item") or "").rstrip(".")
    numbered = split_number(title)
    if numbered is not None and numbered.rest:
        title, number = numbered.rest, numbered.number
    answer = _to_answer(texts, t)
    if re.match(r"(?i)\s*resol(?:ved|ution)\s*:", texts[answer] if answer < len(texts) else ""):
        # no 'Decision:' / 'Minutes:' field, only the resolution's own 'RESOLVED:': what is
        # printed above it (the nominations, the vote) is the minute's text too
        answer = t + 1
    return [Record(Heading(t, answer - t, number, "web", _title(title), number or None, 3.0))]


def _voting_record(lines: list[Line], texts: list[str], item: int, stop: int) -> Record:
    """'Item: <title>' and, after it up to line `stop`, each vote: label, 'X status:Y',
    its words (all their lines: 'RESOLVED: That Full Council' / '1. NOTE …' / '2. AGREE …')
    and voters."""
    title = ITEM_FIELD.match(texts[item]).group("title")  # type: ignore[union-attr]
    statuses = [k for k in range(item + 1, stop) if STATUS.match(texts[k])]
    decisions: list[Decision] = []
    amended = False
    for n, s in enumerate(statuses):
        end = statuses[n + 1] if n + 1 < len(statuses) else stop
        label_at = _previous(texts, s, floor=statuses[n - 1] if n else item)
        label = texts[label_at].rstrip(" :") if label_at is not None else ""
        # the next vote's label is printed just above its status line
        if n + 1 < len(statuses) and (above := _previous(texts, statuses[n + 1], floor=s)):
            end = above
        block = [k for k in range(s + 1, end) if texts[k]]
        words = [
            k
            for k in block
            if not (
                VOTE_ROW.match(texts[k]) or ONE_VOTE.match(texts[k]) or TABLE_ROW.search(texts[k])
            )
        ]
        status = STATUS.match(texts[s])
        assert status is not None
        said = status.group("kind").lower()
        kind = (
            "amendment"
            if said == "amendment"
            else "motion"
            if said != "resolution" or amended
            else "resolution"
        )
        amended = amended or kind == "amendment"
        text = "\n".join(texts[k] for k in words) if words else label
        votes, voters = _tally([texts[k] for k in block])
        mover, seconder = movers(label)  # 'Amendment in the name of Councillor Brazil:'
        decisions.append(
            Decision(
                text=text,
                outcome=_outcome(status.group("status")),
                votes=votes,
                voters=voters,
                mover=mover,
                seconder=seconder,
                kind=kind,
                page=lines[s].page,
                start=s - item - 1,
                end=end - item - 1,
            )
        )
    numbers = {m.group("n") for d in decisions if (m := LEADING_ITEM.match(d.text))}
    number = numbers.pop() if len(numbers) == 1 else ""
    heading = Heading(item, 1, number, "web", _title(title), None, 3.0)
    return Record(heading, tuple(decisions))


def _tally(rows: list[str]) -> tuple[dict[str, int] | None, dict[str, tuple[str, ...]] | None]:
    """Counts and names of a recorded-vote table flattened to lines ('ForA. Smith and B. Jones2')."""
    votes: dict[str, int] = {}
    voters: dict[str, tuple[str, ...]] = {}
    for row in rows:
        m = VOTE_ROW.match(row)
        if not m:
            continue
        key = {"f": "for", "a": "against"}.get(m.group("label")[:2].lower()[0], "abstain")
        if m.group("label").lower().startswith("ab"):
            key = "abstain"
        votes[key] = int(m.group("n"))
        names = re.sub(r"\s+", " ", m.group("names")).strip(" ,")
        voters[key] = tuple(p.strip() for p in re.split(r",\s*|\s+and\s+", names) if p.strip())
    if not votes:
        return None, None
    votes.setdefault("for", 0)
    votes.setdefault("against", 0)
    votes.setdefault("abstain", 0)
    return votes, voters


def _outcome(status: str) -> str | None:
    word = status.strip().lower()
    for table in (WON, FAILED):
        for key, value in table.items():
            if word.startswith(key):
                return value
    if word.startswith(("withdrawn", "deferred", "noted")):
        return word.split()[0]
    return None


def _meeting(committee: str, when: str) -> Meeting | None:
    date = parse_date(when)
    name = committee.strip(" -–,")
    if not date or not name:
        return None
    return Meeting(committee=meeting_committee(name), date=date)


def _decided(after: list[str], date: str | None) -> Meeting | None:
    """A decision's meeting: 'Made/Decided at meeting: <date> - <committee>', else its
    'Decision Maker:' and its own date ('Date of decision:' or the register's)."""
    maker = next((m.group("v") for t in after if (m := MAKER.match(t))), None)
    at = next((m for t in after if (m := AT_MEETING.match(t))), None)
    if at is not None:
        return _meeting(at.group("committee"), at.group("date"))
    on = next((m.group("date") for t in after if (m := DECIDED_ON.match(t))), date)
    if maker is None or on is None:
        return None
    return _meeting(maker, on)


def _title(text: str) -> str:
    """An item's title without link residue; of a title in several sentences (a planning
    application's description), the first."""
    title = ICON.sub("", ATTACHMENT.sub("", re.sub(r"\s+", " ", text))).strip(" .:–-")
    if len(title) > LONG_TITLE and (first := FIRST_SENTENCE.match(title)):
        title = first.group(1)
    return title


def _following(texts: list[str], i: int, count: int) -> list[str]:
    out: list[str] = []
    for t in texts[i + 1 :]:
        if t:
            out.append(t)
            if len(out) == count:
                break
    return out


def _next(texts: list[str], k: int) -> int | None:
    return next((j for j in range(k + 1, len(texts)) if texts[j]), None)


def _previous(texts: list[str], k: int, floor: int) -> int | None:
    return next((j for j in range(k - 1, floor, -1) if texts[j]), None)


def _to_answer(texts: list[str], k: int) -> int:
    """The line of the page's 'Decision:' / 'Minutes:' / 'Resolved:' label after line `k`
    (the body starts there), else the line after `k`."""
    return next((j for j in range(k + 1, len(texts)) if ANSWER_LABEL.match(texts[j])), k + 1)
