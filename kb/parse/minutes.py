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
RESOLVED = re.compile(
    r"^\s*(?:[-•*]\s*)?(?:\(\w{1,4}\)\s*|\d{1,2}\.\s*)?(?:RESOLVED|RECOMMENDED|AGREED)\b"
)
CHAIR = re.compile(
    r"(?:(Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*"
    r"\((?:[Ii]n the )?[Cc]hair(?:man|person|woman)?\)"
)
ITEM_REF = re.compile(r"\(\s*(?:Agenda\s+)?Item\s+(\d{1,3}[A-Za-z]?)\s*\)", re.IGNORECASE)
DATE_ONLY = re.compile(r"^[\w ,]{6,40}$")


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
        return _committee_and_date_head(texts, i)
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


def _committee_and_date_head(texts: list[str], i: int) -> MinutesHead | None:
    """'AUDIT COMMITTEE' / '24 SEPTEMBER 2009' / (times) / 'PRESENT: ...': minutes with no 'held'."""
    name = texts[i]
    if not (is_upper(name) and len(name) < 100 and not re.search(r"\d", name)):
        return None
    following = [t for t in texts[i + 1 : i + 8] if t][:4]
    if not following or not DATE_ONLY.match(following[0]):
        return None
    date = parse_date(following[0])
    if not date or not any(PRESENT.match(t) for t in following[1:]):
        return None
    return MinutesHead(line=i, meeting=Meeting(committee=normalise_committee(name), date=date))


def title_case(text: str) -> str:
    """A heading printed in capitals as 'Cabinet Member Reports'; mixed case is kept."""
    return normalise_committee(text) or text


def parse_minutes(
    lines: list[Line], meeting: Meeting
) -> tuple[Meeting, tuple[Minute, ...], list[Line]]:
    """Split a minutes document into its numbered minutes.

    A minute heading is a number and a title in capitals ('18. CABINET MEMBER REPORTS'),
    or a number and a title of any case followed by the agenda item it minutes
    ('88. Budget Monitoring Report' / '(Item 5)'). Numbers must run on from the last one.
    Returns the meeting enriched with chair, present and apologies; the minutes; and the
    preamble lines (heading and attendance) before the first minute.
    """
    heads: list[tuple[int, str, str]] = []
    used: dict[int, int] = {}  # heading line -> how many lines the heading takes
    refs: dict[int, str] = {}
    last: int | None = None
    for i, line in enumerate(lines):
        match = MINUTE_HEAD.match(line.text)
        if not match:
            continue
        number, title = int(match.group(1)), match.group(2).strip()
        ref, span = _item_ref(lines, i, title)
        bare = ITEM_REF.sub("", title).strip()
        if not (is_upper(bare) or ref) or len(title) > 160:
            continue
        if parse_date(f"{number} {bare}") and re.match(
            r"^\d{1,2}\s+[A-Za-z]+,?\s+\d{4}", f"{number} {bare}"
        ):
            continue  # '24 SEPTEMBER 2009' is a date line, not minute 24
        if last is not None and not (last < number <= last + 3 or number == 1):
            continue
        if ref:
            title = " ".join([bare, *(lines[k].text.strip() for k in range(i + 1, i + span - 1))])
            refs[i] = ref
        else:
            follow = lines[i + 1].text if i + 1 < len(lines) else ""
            continues = (
                follow
                and is_upper(follow)
                and len(follow) < 80
                and not MINUTE_HEAD.match(follow)
                and not RESOLVED.match(follow)
            )
            title, span = (f"{bare} {follow.strip()}", 2) if continues else (bare, 1)
        used[i] = span
        heads.append((i, str(number), title))
        last = number
    preamble = lines[: heads[0][0]] if heads else lines
    minutes: list[Minute] = []
    for n, (start, minute_number, title) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body_start = start + used[start]
        body = lines[body_start:end]
        heading = Line(
            " ".join(ln.text.strip() for ln in lines[start:body_start]), lines[start].page
        )
        minutes.append(
            Minute(
                number=minute_number,
                title=title_case(re.sub(r"\s+", " ", title).strip()),
                lines=tuple(body),
                resolution_text=resolution_text(body),
                heading=heading,
                agenda_item=refs.get(start),
            )
        )
    return _with_attendance(meeting, preamble, minutes), tuple(minutes), preamble


def _item_ref(lines: list[Line], i: int, title: str) -> tuple[str | None, int]:
    """The '(Item N)' of a minute heading, on its line or up to two lines below, and how
    many lines the heading takes."""
    if match := ITEM_REF.search(title):
        return match.group(1), 1
    for k in range(i + 1, min(i + 4, len(lines))):
        text = lines[k].text.strip()
        if not text or len(text) > 120:
            break
        if match := ITEM_REF.fullmatch(text):
            return match.group(1), k - i + 1
    return None, 1


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
    chair = " ".join(g for g in chair_match.groups() if g) if chair_match else None
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
