"""Links the papers print between meetings: "Further to Minute No. 5 of 12 July 2016",
"(Minute No. 32 refers)", "as recommended by the Housing Committee on 12 March 2024 (minute
38/24)", "further to minute 24/031". Each gives the minute referred to and, where printed,
its meeting's date and committee; the timeline shows them as "follows minute N of DATE".
"""

from __future__ import annotations

import re

from kb.model import Reference

from .dates import MONTH_WORD, parse_date

DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WORD},?\s+\d{{4}}"
REFERENCE = re.compile(
    r"\b(?P<further>further\s+to\s+|see\s+|under\s+)?(?:minute|min\.?)\s+(?:no\.?\s*)?"
    r"(?P<n>\d{1,4}(?:[/.]\d{1,4}){0,2}[a-z]?)\b(?:\s*\(\w{1,4}\))?"
    rf"(?:\s+of\s+(?:the\s+meeting\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w ,&'’()-]{{2,80}}?)\s+held\s+on\s+|the\s+meeting\s+held\s+on\s+)?(?P<d>{DATE}))?"
    r"(?P<refers>\s*\)?\s*refers)?",
    re.IGNORECASE,
)
BY_MEETING = re.compile(
    rf"\bby\s+the\s+(?P<c>[A-Z][\w ,&'’()-]{{2,80}}?)\s+(?:on|at\s+its\s+meeting\s+(?:on|of))\s+(?P<d>{DATE})\s*\(\s*minute\s+(?P<n>\d{{1,4}}(?:[/.]\d{{1,4}})*)\s*\)",
    re.IGNORECASE,
)


def find_references(text: str) -> tuple[Reference, ...]:
    """Every minute `text` refers to, in order, each once."""
    found: dict[tuple[str, str | None], Reference] = {}
    text = re.sub(r"\s+", " ", text)
    for match in BY_MEETING.finditer(text):
        ref = Reference(match.group("n"), parse_date(match.group("d")), match.group("c").strip())
        found.setdefault((ref.minute, ref.meeting_date), ref)
    for match in REFERENCE.finditer(text):
        linked = match.group("further") or match.group("d") or match.group("refers")
        if not linked and "/" not in match.group("n"):
            # a bare 'minute 12' names a minute of the same meeting, unless the number
            # carries its year ('minute 38/24')
            continue
        date = parse_date(match.group("d")) if match.group("d") else None
        committee = match.group("c").strip() if match.group("c") else None
        key = (match.group("n"), date)
        if key not in found and not any(k[0] == key[0] and k[1] for k in found if date is None):
            follows = bool(match.group("further") or date or match.group("refers"))
            found[key] = Reference(match.group("n"), date, committee, follows)
    return tuple(found.values())
