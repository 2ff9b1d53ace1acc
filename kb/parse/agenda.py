"""The front sheet: the meeting (committee, date, time, venue) and the numbered agenda."""

from __future__ import annotations

import re
from dataclasses import replace

from kb.model import AgendaItem, Meeting

from .dates import parse_date
from .names import BODY_WORD, normalise_committee

FIELD = re.compile(r"^\s*(MEETING|COMMITTEE|DATE|TIME|VENUE|PLACE)\s*:\s*(.*)$", re.IGNORECASE)
AGENDA_HEADING = re.compile(r"^\s*(?:A\s*G\s*E\s*N\s*D\s*A|AGENDA)\s*$", re.IGNORECASE)
ITEM_START = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,2}[A-Za-z]?)\.?\s+([A-Z0-9][^\n]*)$")
TRAILING_PAGE = re.compile(r"^(.*?\S)\s+(\d{1,4})\s*$")
BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
EXEMPT_SECTION = re.compile(
    r"^\s*(?:EXEMPT\s+ITEMS?|PART\s*(?:2|II|TWO)\b|CONFIDENTIAL\s+ITEMS?|"
    r"ITEMS?\s+(?:LIKELY\s+)?TO\s+BE\s+CONSIDERED\s+IN\s+PRIVATE)",
    re.IGNORECASE,
)
PUBLIC_SECTION = re.compile(r"^\s*(?:UNRESTRICTED\s+ITEMS?|PART\s*(?:1|I|ONE)\b)", re.IGNORECASE)
EXCLUSION = re.compile(r"\bexclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+)?public\b", re.IGNORECASE)
DEAR = re.compile(r"^\s*Dear\s+(?:Councillor|Member|Sir|Madam|All)", re.IGNORECASE)
MEETING_WILL_BE_HELD = re.compile(r"\bA meeting of (?:the )?(.+?) will be held\b", re.IGNORECASE)
TIME = re.compile(
    r"\b(\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.))",
    re.IGNORECASE,
)
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
    if is_letter(lines):
        values.pop("DATE", None)  # a letter's 'Date:' is when it was written
    meeting_field = values.get("MEETING", "")
    # ModernGov's 'Meeting: 22/05/2015 - Council (Item 2)': the date, then the committee
    dated = re.match(
        r"^(?P<d>[^-–—]{6,40}?)\s+[-–—]\s+(?P<c>.+?)(?:\s*\(Item\s+[\w.]+\))?\s*$", meeting_field
    )
    if dated and parse_date(dated.group("d")) and not parse_date(dated.group("c")):
        values["MEETING"] = dated.group("c")
        values.setdefault("DATE", dated.group("d"))
    committee = normalise_committee(values.get("MEETING"))
    date = parse_date(values.get("DATE", ""))
    time = values.get("TIME") or None
    if committee is None:
        for line in lines[:80]:
            if match := MEETING_WILL_BE_HELD.search(line):
                committee = normalise_committee(match.group(1))
                break
    if committee is None or date is None:
        # 'AGENDA' / 'CABINET' / 'Thursday, 30th January, 2025, at 10.00 am'
        heading = next((i for i, ln in enumerate(lines[:40]) if AGENDA_HEADING.match(ln)), None)
        if heading is not None:
            following = [ln.strip() for ln in lines[heading + 1 : heading + 12] if ln.strip()]
            if committee is None and following and _is_name_line(following[0]):
                committee = normalise_committee(following[0])
            for ln in following[1:5]:
                if date is None and (found := parse_date(ln)):
                    date = found
                    if time is None and (t := TIME.search(ln.split(str(found[:4]), 1)[-1])):
                        time = t.group(1)
                    break
    if committee is None or date is None:
        for line in lines[:80]:
            match = LETTER_SUBJECT.match(line.strip())
            if match and parse_date(match.group(2)):
                committee = committee or normalise_committee(match.group(1))
                date = date or parse_date(match.group(2))
                break
    if date is None and (named := _name_over_date(lines)):
        # a meeting's web page: 'Council' / '21 Feb 2018 - 18:00 to 21:00'
        if committee is None or not BODY_WORD.search(committee):
            committee = normalise_committee(named[0])
        date = named[1]
    return Meeting(committee=committee, date=date, time=time, venue=values.get("VENUE") or None)


def _name_over_date(lines: list[str]) -> tuple[str, str] | None:
    """A body's name printed alone with a line holding only a date (and times) under it."""
    texts = [t.strip() for t in lines[:40] if t.strip()]
    for name, below in zip(texts, texts[1:], strict=False):
        if not (_is_name_line(name) and BODY_WORD.search(name)):
            continue
        day = parse_date(below)
        bare = re.sub(r"\b\d{1,2}[.:]\d{2}\b|\b(?:to|from|am|pm)\b|[-–—,]", " ", below)
        if day and len(below) < 60 and re.fullmatch(r"[\w ]{6,40}", bare.strip()):
            return name, day
    return None


def is_letter(lines: list[str]) -> bool:
    """True when these lines open a covering letter ('Dear Councillor', 'Dear Member')."""
    return any(DEAR.match(t) for t in lines[:120] if t)


def _is_name_line(text: str) -> bool:
    """A committee name printed alone: letters, no digits, not a sentence."""
    return bool(text) and len(text) < 80 and not re.search(r"\d", text) and not text.endswith(".")


def _next_text(lines: list[str], i: int) -> str:
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return line.strip()
    return ""


def parse_agenda(lines: list[str]) -> tuple[AgendaItem, ...]:
    """The numbered agenda items after an 'AGENDA' heading, with titles, page ranges, 'Report of'."""
    start = next((i for i, ln in enumerate(lines) if AGENDA_HEADING.match(ln)), None)
    if start is None:
        start = _numbered_list_start(lines)
        if start is None:
            return ()
    blocks: list[tuple[str, str, list[str], bool]] = []
    expected: int | None = None
    in_private = False  # after an 'EXEMPT ITEMS' / 'Part 2' heading or an exclusion resolution
    for line in lines[start + 1 :]:
        section = EXEMPT_SECTION.match(line) or PUBLIC_SECTION.match(line)
        if section:
            in_private = bool(EXEMPT_SECTION.match(line))
            if blocks:
                blocks[-1][2].append("")  # a section heading ends the item before it
            continue
        match = ITEM_START.match(line)
        number = int(re.match(r"\d+", match.group(1)).group()) if match else None  # type: ignore[union-attr]
        if (
            match
            and number is not None
            and (expected is None or number in (expected, expected + 1))
        ):
            private = in_private
            if blocks and EXCLUSION.search(blocks[-1][1]):
                in_private = private = True
            blocks.append((match.group(1), match.group(2), [], private))
            expected = number + 1
            continue
        if blocks:
            blocks[-1][2].append(line)
    return tuple(
        replace(_agenda_item(number, head, rest), exempt=private)
        for number, head, rest, private in blocks
    )


def _numbered_list_start(lines: list[str]) -> int | None:
    """Where an agenda printed without an 'AGENDA' heading starts: a '1.' line with '2.' soon after."""
    for i, line in enumerate(lines):
        match = ITEM_START.match(line)
        if match and match.group(1) == "1":
            for later in lines[i + 1 : i + 12]:
                nxt = ITEM_START.match(later)
                if nxt and nxt.group(1) == "2":
                    return i - 1
    return None


def _agenda_item(number: str, head: str, rest: list[str]) -> AgendaItem:
    joined = " ".join([head, *[ln.strip() for ln in rest[:4]]])
    pages = PAGES.search(joined)
    page_start = int(pages.group(1)) if pages else None
    page_end = int(pages.group(2) or pages.group(1)) if pages else None
    title = PAGES.split(head)[0] if PAGES.search(head) else head
    if not PAGES.search(head) and not re.search(
        r"\(\s*Pages?\b|\(\s*To\s+Follow", head, re.IGNORECASE
    ):
        # the title may run on over the next lines, up to its page reference
        for line in rest[:3]:
            text = line.strip()
            if not text or REPORT_OF.match(text) or ITEM_START.match(text) or text.isupper():
                break
            if BARE_NUMBER.match(text):
                page_start = page_start or int(text)
                break
            title = f"{title} {PAGES.split(text)[0].strip()}"
            if PAGES.search(text) or TO_FOLLOW.search(text):
                break
    trailing = TRAILING_PAGE.match(title.strip())
    if page_start is None and trailing and int(trailing.group(2)) < 1900:  # a year is not a page
        title, page_start = trailing.group(1), int(trailing.group(2))
    title = TO_FOLLOW.sub("", title)
    title = re.sub(r"\(\s*Pages?\b[\d\s-]*$", "", title).strip(" *-")
    report_of = next((m.group(1) for ln in rest if (m := REPORT_OF.match(ln))), None)
    note = next((ln.strip() for ln in rest if ln.strip() and not PAGES.fullmatch(ln.strip())), None)
    return AgendaItem(
        number=number,
        title=re.sub(r"\s+", " ", title),
        page_start=page_start,
        page_end=page_end if page_end is not None else page_start,
        report_of=report_of,
        note=note,
    )
