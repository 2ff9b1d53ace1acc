"""Time expressions in a question → windows of meeting dates it asks about.

Read: full dates ("30 January 2025", "24/9/09"), months with a year ("Sept 2024", "jan 25"),
months alone ("the December meeting", "last March"), seasons ("last spring", "autumn 2024",
"the summer report"), parts of a year ("end of 2016"), calendar years ("in 2019"),
financial or municipal years ("2019/20", "2019-20", "2016/2017"), quarters ("Q3 2024/25",
"first quarter of 2024"), open ranges ("since Sep 23", "before 2020") and the present
("now", "current", "latest", "this year", "last year").

Relative expressions are read against a reference date: the newest meeting in the index,
or of the committee the question names. Nothing here knows about passages; `features.py`
compares the windows with each passage's meeting date and with the dates its text mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kb.parse.dates import MONTH_WORD, month_number

SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
PARTS = {
    "start": (1, 3),
    "beginning": (1, 3),
    "early": (1, 4),
    "mid": (4, 9),
    "middle": (4, 9),
    "late": (9, 12),
    "end": (10, 12),
}
ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
HOLIDAYS = re.compile(r"\bchristmas\b|\bxmas\b", re.I)
HOLIDAY_MONTH = {"christmas": "December", "xmas": "December"}
YEAR4 = r"(?:19|20)\d{2}"
FIN_YEAR = re.compile(rf"\b(?:fy\s*)?({YEAR4})\s*(?:/|-|–|to)\s*((?:19|20)?\d{{2}})\b", re.I)
FULL_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_WORD})\.?,?\s+({YEAR4})\b"
    rf"|\b({MONTH_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR4})\b",
    re.I,
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_YEAR = re.compile(
    rf"\b({MONTH_WORD})\.?\s*[,']?\s*({YEAR4}|\d{{2}})\b(?!\s*(?:st|nd|rd|th)\b)", re.I
)
MONTH_ALONE = re.compile(
    rf"\b(?:(last|this|previous|past)\s+|(?:in|the|since|during|from|of|until|by)\s+)({MONTH_WORD})\b\.?"
    rf"|\b({MONTH_WORD})('s)?\s+(?:meeting|board|committee|cabinet|report|update|minutes|session|panel)\b",
    re.I,
)
SEASON = re.compile(
    rf"\b(?:(last|this|previous|past)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?({YEAR4})(?:\s*/\s*\d{{2}})?)?\b",
    re.I,
)
PART_OF_YEAR = re.compile(
    rf"\b(start|beginning|early|mid|middle|late|end)(?:\s+of|-)?\s+({YEAR4})\b", re.I
)
QUARTER = re.compile(
    rf"\bq([1-4])\s*(?:of\s+)?({YEAR4}(?:\s*[/-]\s*\d{{2,4}})?)?"
    rf"|\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?\s*({YEAR4}(?:\s*[/-]\s*\d{{2,4}})?)?"
    rf"|\b(last|this|previous)\s+quarter\b",
    re.I,
)
YEAR = re.compile(rf"\b({YEAR4})\b")
OPEN_RANGE = re.compile(r"\b(since|after|from|before|until|till|prior to|up to)\s*$", re.I)
NEAR = re.compile(r"\b(?:just|shortly|right|soon|immediately)\s*$", re.I)
RELATIVE_YEAR = re.compile(r"\b(last|this|previous|past)\s+year\b", re.I)
PRESENT = re.compile(
    r"\b(now|nowadays|current(?:ly)?|latest|most\s+recent(?:ly)?|recent(?:ly)?|at\s+present|presently"
    r"|to\s+date|so\s+far|up\s+to\s+date|at\s+the\s+moment|today|newest|last\s+meeting)\b",
    re.I,
)


@dataclass(frozen=True)
class Window:
    """A span of dates the question asks about. `explicit`: named outright ("Sept 2024"),
    not read against the reference date ("last spring", "this year")."""

    start: date
    end: date
    explicit: bool = True
    label: str = ""

    def contains(self, day: date) -> bool:
        """True when `day` lies inside the window."""
        return self.start <= day <= self.end

    def distance_days(self, day: date) -> int:
        """Days from `day` to the window (0 inside it)."""
        if day < self.start:
            return (self.start - day).days
        return max(0, (day - self.end).days)


@dataclass(frozen=True)
class TimeReading:
    """What a question says about time: windows, months of any year, and whether it asks
    about the present ('now', 'latest')."""

    windows: tuple[Window, ...] = ()
    months: frozenset[int] = frozenset()  # 'the December meeting', 'the summer report': any year
    recent: bool = False

    def __bool__(self) -> bool:
        return bool(self.windows or self.months or self.recent)


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def _span(year: int, first: int, last: int) -> tuple[date, date]:
    """Months first..last of `year` (a span running over new year when last < first)."""
    end_year = year + 1 if last < first else year
    return date(year, first, 1), _month_end(end_year, last)


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _fin_year(first: str, second: str) -> int | None:
    """The first year of a '2019/20' style year, or None when the two are not consecutive."""
    start = int(first)
    end = int(second)
    end = end + (start // 100) * 100 if end < 100 else end
    return start if end == start + 1 else None


def read_time(text: str, reference: date | None) -> TimeReading:
    """The time expressions of `text`; `reference` anchors 'last March', 'now', 'this year'."""
    text = HOLIDAYS.sub(lambda m: HOLIDAY_MONTH[m.group(0).lower()], text)
    windows: list[Window] = []
    months: set[int] = set()
    taken: list[tuple[int, int]] = []  # spans already read, so '2019/20' is not also '2019'

    def free(match: re.Match[str]) -> bool:
        return not any(s < match.end() and match.start() < e for s, e in taken)

    def add(match: re.Match[str], start: date, end: date, explicit: bool = True) -> None:
        taken.append(match.span())
        windows.append(Window(start, end, explicit, match.group(0).strip()))
        _open_range(text, match, windows, reference)

    for match in ISO_DATE.finditer(text):
        day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            add(match, day, day)
    for match in FULL_DATE.finditer(text):
        if not free(match):
            continue
        if match.group(1):
            day_s, month_s, year_s = match.group(1), match.group(2), match.group(3)
        else:
            month_s, day_s, year_s = match.group(4), match.group(5), match.group(6)
        month = month_number(month_s)
        day = _safe_date(int(year_s), month, int(day_s)) if month else None
        if day:
            add(match, day, day)
    for match in NUMERIC_DATE.finditer(text):
        if not free(match):
            continue
        day = _safe_date(_year(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day:
            add(match, day, day)
    for match in QUARTER.finditer(text):
        if not free(match):
            continue
        _quarter(match, reference, add)
    for match in FIN_YEAR.finditer(text):
        if not free(match):
            continue
        first = _fin_year(match.group(1), match.group(2))
        if first is not None:  # April to March, with April–May for the municipal year
            add(match, date(first, 4, 1), date(first + 1, 5, 31))
        else:  # '2025-29': a run of calendar years
            start = int(match.group(1))
            end = (
                _year(match.group(2))
                if len(match.group(2)) == 4
                else start // 100 * 100 + int(match.group(2))
            )
            if start < end <= start + 20:
                add(match, date(start, 1, 1), date(end, 12, 31))
    for match in MONTH_YEAR.finditer(text):
        if not free(match):
            continue
        month = month_number(match.group(1))
        if month and not (match.group(1).lower() == "may" and len(match.group(2)) == 2):
            year = _year(match.group(2))
            add(match, date(year, month, 1), _month_end(year, month))
    for match in SEASON.finditer(text):
        if not free(match):
            continue
        first, last = SEASONS[match.group(2).lower()]
        if match.group(3):
            add(match, *_span(int(match.group(3)), first, last))
        elif match.group(1) and reference:
            add(match, *_relative_season(first, last, reference, match.group(1)), explicit=False)
        else:
            taken.append(match.span())
            months.update(_months(first, last))
    for match in PART_OF_YEAR.finditer(text):
        if free(match):
            first, last = PARTS[match.group(1).lower()]
            add(match, *_span(int(match.group(2)), first, last))
    for match in MONTH_ALONE.finditer(text):
        if not free(match):
            continue
        word = match.group(2) or match.group(3)
        month = month_number(word)
        verb = word.lower() in ("may", "march")  # 'in may', 'may report': too often not months
        if not month or verb and not match.group(1) and not (match.group(3) and word[0].isupper()):
            continue
        relative = (match.group(1) or "").lower()
        if relative and reference:
            year = reference.year if month < reference.month else reference.year - 1
            if relative == "this":
                year = reference.year
            add(match, date(year, month, 1), _month_end(year, month), explicit=False)
        else:
            taken.append(match.span())
            months.add(month)
    for match in YEAR.finditer(text):
        if free(match):
            year = int(match.group(1))
            add(match, date(year, 1, 1), date(year, 12, 31))
    for match in RELATIVE_YEAR.finditer(text):
        if reference:
            year = reference.year if match.group(1).lower() == "this" else reference.year - 1
            add(match, date(year, 1, 1), date(year, 12, 31), explicit=False)
    return TimeReading(tuple(windows), frozenset(months), bool(PRESENT.search(text)))


def _safe_date(year: int, month: int | None, day: int) -> date | None:
    try:
        return date(year, month or 0, day)
    except ValueError:
        return None


def _months(first: int, last: int) -> list[int]:
    return (
        list(range(first, last + 1)) if first <= last else [*range(first, 13), *range(1, last + 1)]
    )


def _relative_season(first: int, last: int, reference: date, word: str) -> tuple[date, date]:
    """'last spring': the latest such season ended by the reference date; 'this winter':
    the one holding the reference date or, failing that, the latest before it."""
    for year in (reference.year, reference.year - 1, reference.year - 2):
        start, end = _span(year, first, last)
        if word.lower() == "this" and start <= reference <= end:
            return start, end
        if end < reference:
            return start, end
    return _span(reference.year - 1, first, last)


def _quarter(match: re.Match[str], reference: date | None, add: Callable[..., None]) -> None:
    if match.group(5):  # 'last quarter', 'this quarter'
        if not reference:
            return
        start_month = (reference.month - 1) // 3 * 3 + 1
        start = date(reference.year, start_month, 1)
        if match.group(5).lower() != "this":
            start = date(start.year - (start_month == 1), (start_month - 4) % 12 + 1, 1)
        add(match, start, _month_end(start.year, start.month + 2), explicit=False)
        return
    number = int(match.group(1)) if match.group(1) else ORDINAL[match.group(3).lower()]
    year_text = match.group(2) or match.group(4)
    if not year_text:
        return
    parts = re.split(r"\s*[/-]\s*", year_text)
    if len(parts) == 2 and _fin_year(parts[0], parts[1]) is not None:  # financial: Q1 = Apr–Jun
        year, first = int(parts[0]), 3 * number + 1
        if first > 12:
            year, first = year + 1, first - 12
    else:
        year, first = int(parts[0]), 3 * number - 2
    add(match, date(year, first, 1), _month_end(year, first + 2))


def _open_range(
    text: str, match: re.Match[str], windows: list[Window], reference: date | None
) -> None:
    """'since Sep 23' → from the start of the named window to the reference date;
    'before 2020' → everything up to its end."""
    before = OPEN_RANGE.search(text[: match.start()])
    if not before or NEAR.search(text[: before.start()]):
        return  # 'just before Christmas 2022' is close to it, not all time before it
    window = windows[-1]
    word = before.group(1).lower()
    if word in ("since", "after", "from"):
        end = max(window.end, reference) if reference else date(2100, 1, 1)
        windows[-1] = Window(window.start, end, window.explicit, window.label)
    elif word in ("before", "prior to"):
        end = window.start - timedelta(days=1)
        windows[-1] = Window(date(1900, 1, 1), end, window.explicit, window.label)
    else:
        windows[-1] = Window(date(1900, 1, 1), window.end, window.explicit, window.label)
