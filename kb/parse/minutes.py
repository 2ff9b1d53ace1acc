"""Minutes: the meeting they record, who was present, each numbered minute and its RESOLVED text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.model import Line, Meeting, Minute

from .dates import parse_date
from .names import normalise_committee

MINUTES_HEAD = re.compile(
    r"\bMEETING\s+HELD\b|^\s*MINUTES\s+OF\s+(?:THE\s+|A\s+)?(?:\w+\s+)?(?:MEETING|PROCEEDINGS)\b",
    re.IGNORECASE,
)
COMMITTEE_IN_HEAD = re.compile(
    r"MINUTES\s+OF\s+(?:THE\s+|A\s+)?(?:MEETING\s+OF\s+(?:THE\s+)?)?(?P<c>.+?)\s+(?:MEETING\s+)?HELD\b",
    re.IGNORECASE,
)
VENUE_IN_HEAD = re.compile(r"HELD\s+(?:AT|IN)\s+(?P<v>.+?)\s+ON\s+", re.IGNORECASE | re.DOTALL)
PRESENT = re.compile(r"^\s*(?:PRESENT|MEMBERS PRESENT|ATTENDANCE)\s*:?", re.IGNORECASE)
MINUTE_HEAD = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,4})\.?\s+(\S.{2,200})$")
RESOLVED = re.compile(r"^\s*(?:[-•*]\s*)?(?:\(\w{1,4}\)\s*)?(?:RESOLVED|RECOMMENDED|AGREED)\b")
CHAIR = re.compile(
    r"(Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*\((?:in the )?Chair(?:man|person)?\)",
    re.IGNORECASE,
)
ITEM_REF = re.compile(r"\(\s*Item\s+(\d{1,3}[A-Za-z]?)\s*\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class MinutesHead:
    """Where a set of minutes starts and the meeting it records."""

    line: int
    meeting: Meeting


def is_upper(text: str) -> bool:
    """True when nearly all letters of `text` are capitals (headings in council minutes)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def find_minutes_head(texts: list[str], i: int) -> MinutesHead | None:
    """The minutes heading at line `i` ('MEETING HELD ... ON TUESDAY 24TH SEPTEMBER, 2024'), if any.

    `texts` are the document's lines with furniture blanked out. A heading counts only when
    a date follows within three lines and a PRESENT list within fifteen.
    """
    if not MINUTES_HEAD.search(texts[i]):
        return None
    window = " ".join(t for t in texts[i : i + 4] if t)
    date = parse_date(window)
    if not date:
        return None
    if not any(PRESENT.match(t) for t in texts[i + 1 : i + 16] if t):
        return None
    committee = None
    match = COMMITTEE_IN_HEAD.search(window)
    if match and not re.fullmatch(r"(?i)the|a|an", match.group("c")):
        committee = match.group("c")
    if committee is None:
        before: list[str] = []
        j = i - 1
        while j >= 0 and len(before) < 2 and i - j <= 4:
            if texts[j]:
                if not is_upper(texts[j]):
                    break
                before.insert(0, texts[j])
            j -= 1
        committee = " ".join(before) or None
    venue = None
    if v := VENUE_IN_HEAD.search(window):
        venue = re.sub(r"\s+", " ", v.group("v")).strip(" ,")
    return MinutesHead(
        line=i, meeting=Meeting(committee=normalise_committee(committee), date=date, venue=venue)
    )


def title_case(text: str) -> str:
    """A heading printed in capitals as 'Cabinet Member Reports'; mixed case is kept."""
    return normalise_committee(text) or text


def parse_minutes(
    lines: list[Line], meeting: Meeting
) -> tuple[Meeting, tuple[Minute, ...], list[Line]]:
    """Split a minutes document into its numbered minutes.

    Returns the meeting enriched with chair, present and apologies; the minutes; and the
    preamble lines (heading and attendance) before the first minute.
    """
    heads: list[tuple[int, str, str]] = []
    wrapped: set[int] = set()
    last: int | None = None
    for i, line in enumerate(lines):
        match = MINUTE_HEAD.match(line.text)
        if not match:
            continue
        number, title = int(match.group(1)), match.group(2).strip()
        mixed_ok = bool(ITEM_REF.search(title))
        if not (is_upper(title) or mixed_ok) or len(title) > 160:
            continue
        if last is not None and not (last < number <= last + 3 or number == 1):
            continue
        follow = lines[i + 1].text if i + 1 < len(lines) else ""
        if (
            follow
            and is_upper(follow)
            and len(follow) < 80
            and not MINUTE_HEAD.match(follow)
            and not RESOLVED.match(follow)
        ):
            title = f"{title} {follow.strip()}"
            wrapped.add(i)
        heads.append((i, str(number), title))
        last = number
    preamble = lines[: heads[0][0]] if heads else lines
    minutes: list[Minute] = []
    for n, (start, minute_number, title) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body_start = start + (2 if start in wrapped else 1)
        body = lines[body_start:end]
        heading = Line(
            " ".join(ln.text.strip() for ln in lines[start:body_start]), lines[start].page
        )
        title = ITEM_REF.sub("", title).strip()
        minutes.append(
            Minute(
                number=minute_number,
                title=title_case(title),
                lines=tuple(body),
                resolution_text=resolution_text(body),
                heading=heading,
            )
        )
    return _with_attendance(meeting, preamble, minutes), tuple(minutes), preamble


def resolution_text(body: list[Line] | tuple[Line, ...]) -> str | None:
    """The RESOLVED block of a minute: from the 'RESOLVED' line to the end of the minute."""
    for i, line in enumerate(body):
        if RESOLVED.match(line.text):
            text = "\n".join(ln.text for ln in body[i:] if ln.text.strip())
            return text.strip() or None
    return None


def _with_attendance(meeting: Meeting, preamble: list[Line], minutes: list[Minute]) -> Meeting:
    text = "\n".join(ln.text for ln in preamble)
    present = None
    match = re.search(r"(?ims)^\s*PRESENT\s*:?(.*?)(?=^\s*$|\Z)", text)
    if match:
        present = re.sub(r"\s+", " ", match.group(1)).strip() or None
    chair_match = CHAIR.search(text)
    chair = f"{chair_match.group(1)} {chair_match.group(2)}" if chair_match else None
    apologies = next(
        (
            " ".join(ln.text for ln in m.lines if ln.text).strip()
            for m in minutes
            if "apolog" in m.title.lower()
        ),
        None,
    )
    return Meeting(
        committee=meeting.committee,
        date=meeting.date,
        time=meeting.time,
        venue=meeting.venue,
        chair=chair,
        present=present,
        apologies=apologies,
    )
