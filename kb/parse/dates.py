"""Dates as councils print them: 'Tuesday 12th November, 2024', '8 th March 2023', '30 January 2025'."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
MONTH_NAME = (  # a month's whole name, as a title or a run of text prints it
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY_MONTH_YEAR = re.compile(
    # the day may be run on to a time before it: '4.00pm1 July 2021'; an ordinal to the
    # month after it, and the month to the year, as text layers lose spaces: '15thMay 2019',
    # '18TH JULY2017'
    rf"(?:\b|(?<=[ap]m))(\d{{1,2}})(?:\s*(?:st|nd|rd|th)\s*|\s+|(?=(?-i:[A-Z]{{3}})))(?:of\s+)?({MONTH_WORD})\.?,?"
    # ('17MAY 2017at 7:00 p.m.': a day glued to a month in capitals, a year to the word after)
    r"(?:\s+|(?=(?:19|20)\d\d(?!\d)))(\d{4})(?!\d)",
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_WORD})\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
# '22/07/21' (two-digit year, slashes only, as a parish prints its meeting date)
SHORT_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])")
# 'the 13th of November 25' (a day, the month, then a two-digit year, as a clerk types it;
# read only where no full date is printed, and only where nothing runs on after the year)
SHORT_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:\s*(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?({MONTH_WORD})\.?,?\s+(\d{{2}})"
    r"(?=\s*$|\s*[,.;)]|\s+(?:at|from|in|via)\b)",
    re.IGNORECASE,
)
YEAR_FIRST = re.compile(r"(?<![\d/.])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})\b")  # '2011/12/14', ISO


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """The month number of a month name or abbreviation, or None."""
    return MONTHS.get(word[:3].lower())


def parse_date(text: str) -> str | None:
    """The first full date in `text` as ISO yyyy-mm-dd, or None when there is none."""
    text = re.sub(r"<sup>\s*(st|nd|rd|th)\s*</sup>", r"\1", text, flags=re.IGNORECASE)
    found: list[tuple[int, str]] = []
    for match in DAY_MONTH_YEAR.finditer(text):
        month = month_number(match.group(2))
        iso = _iso(int(match.group(3)), month, int(match.group(1))) if month else None
        if iso:
            found.append((match.start(), iso))
            break
    for match in MONTH_DAY_YEAR.finditer(text):
        month = month_number(match.group(1))
        iso = _iso(int(match.group(3)), month, int(match.group(2))) if month else None
        if iso:
            found.append((match.start(), iso))
            break
    for match in NUMERIC.finditer(text):
        iso = _iso(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if iso:
            found.append((match.start(), iso))
            break
    if not found:
        for match in SHORT_YEAR.finditer(text):
            month = month_number(match.group(2))
            iso = _iso(2000 + int(match.group(3)), month, int(match.group(1))) if month else None
            if iso:
                found.append((match.start(), iso))
                break
    if not found:
        for match in SHORT_NUMERIC.finditer(text):
            iso = _iso(2000 + int(match.group(3)), int(match.group(2)), int(match.group(1)))
            if iso:
                found.append((match.start(), iso))
                break
    for match in YEAR_FIRST.finditer(text):
        iso = _iso(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if iso and 1900 <= int(match.group(1)) <= 2100:
            found.append((match.start(), iso))
            break
    return min(found)[1] if found else None
