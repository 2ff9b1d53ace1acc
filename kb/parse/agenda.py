"""The front sheet: the meeting (committee, date, time, venue) and the numbered agenda."""

from __future__ import annotations

import re

from kb.model import AgendaItem, Meeting

from .dates import parse_date
from .names import normalise_committee

FIELD = re.compile(r"^\s*(MEETING|COMMITTEE|DATE|TIME|VENUE|PLACE)\s*:\s*(.*)$", re.IGNORECASE)
AGENDA_HEADING = re.compile(r"^\s*(?:A\s*G\s*E\s*N\s*D\s*A|AGENDA)\s*$", re.IGNORECASE)
ITEM_START = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,2}[A-Za-z]?)\.?\s+([A-Z][^\n]*)$")
PAGES = re.compile(r"\(\s*Pages?\s+(\d{1,4})\s*(?:[-–]\s*(\d{1,4}))?\s*\)", re.IGNORECASE)
TO_FOLLOW = re.compile(r"\(\s*To\s+Follow\s*\)", re.IGNORECASE)
REPORT_OF = re.compile(r"^\s*(?:Report|Presentation)\s+of\s+(?:the\s+)?(.+?)\.?\s*$", re.IGNORECASE)
LETTER_SUBJECT = re.compile(
    r"^\s*([A-Z][A-Z ,'’()&/\-]{6,}?)\s*[-–]\s*(?:[A-Z]+DAY),?\s+(.+\d{4})\s*$"
)


def parse_meeting(lines: list[str]) -> Meeting:
    """The meeting a front sheet or covering letter announces; fields not printed are None."""
    values: dict[str, str] = {}
    for i, line in enumerate(lines[:120]):
        match = FIELD.match(line)
        if not match:
            continue
        key = match.group(1).upper()
        key = {"COMMITTEE": "MEETING", "PLACE": "VENUE"}.get(key, key)
        value = match.group(2).strip() or _next_text(lines, i)
        values.setdefault(key, value)
    committee = normalise_committee(values.get("MEETING"))
    date = parse_date(values.get("DATE", ""))
    if committee is None or date is None:
        for line in lines[:80]:
            match = LETTER_SUBJECT.match(line.strip())
            if match and parse_date(match.group(2)):
                committee = committee or normalise_committee(match.group(1))
                date = date or parse_date(match.group(2))
                break
    return Meeting(
        committee=committee,
        date=date,
        time=values.get("TIME") or None,
        venue=values.get("VENUE") or None,
    )


def _next_text(lines: list[str], i: int) -> str:
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return line.strip()
    return ""


def parse_agenda(lines: list[str]) -> tuple[AgendaItem, ...]:
    """The numbered agenda items after an 'AGENDA' heading, with titles, page ranges, 'Report of'."""
    start = next((i for i, ln in enumerate(lines) if AGENDA_HEADING.match(ln)), None)
    if start is None:
        return ()
    blocks: list[tuple[str, str, list[str]]] = []
    expected: int | None = None
    for line in lines[start + 1 :]:
        match = ITEM_START.match(line)
        number = int(re.match(r"\d+", match.group(1)).group()) if match else None  # type: ignore[union-attr]
        if (
            match
            and number is not None
            and (expected is None or number in (expected, expected + 1))
        ):
            blocks.append((match.group(1), match.group(2), []))
            expected = number + 1 if number == expected or expected is None else number + 1
            continue
        if blocks:
            blocks[-1][2].append(line)
    return tuple(_agenda_item(number, head, rest) for number, head, rest in blocks)


def _agenda_item(number: str, head: str, rest: list[str]) -> AgendaItem:
    joined = " ".join([head, *[ln.strip() for ln in rest[:4]]])
    pages = PAGES.search(joined)
    title = PAGES.split(head)[0] if PAGES.search(head) else head
    title = TO_FOLLOW.sub("", title)
    title = re.sub(r"\(\s*Pages?\s+[\d\s-]*$", "", title).strip(" *-")
    report_of = next((m.group(1) for ln in rest if (m := REPORT_OF.match(ln))), None)
    note = next((ln.strip() for ln in rest if ln.strip() and not PAGES.fullmatch(ln.strip())), None)
    return AgendaItem(
        number=number,
        title=title,
        page_start=int(pages.group(1)) if pages else None,
        page_end=int(pages.group(2) or pages.group(1)) if pages else None,
        report_of=report_of,
        note=note,
    )
