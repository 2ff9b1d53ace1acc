"""Numbering schemes of minutes and agenda items, read from the start of a line.

Councils number their minutes in many ways: `12`, `12.`, `(12)`, `[12]`, `12)`, `12/24`, `24/051`,
`5.1`, `21.03.04`, `Minute 12`, `Min. 12:`, `Item 52/07/23`, and decision notices letter their items `(a)`.
`split_number` recognises all of them and gives each a *form* (which scheme) and a sort
*key*, so that a document's minutes can be found as the longest well-ordered run of one
form (see `headings.py`), whatever the scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(
    r"^\s*(?:Minute|Min\.?|Item)\s*(?:No\.?\s*)?(?P<n>\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?)\b\.?\s*[:.–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
PAREN = re.compile(r"^\s*\((?P<n>\d{1,4}[a-z]?)\)\s*[.:–—-]?\s*(?P<rest>.*)$")
SQUARE = re.compile(  # '[1]  White Lion – …', '[1.1] Urdd Gobaith Cymru – …'
    r"^\s*\[(?P<n>\d{1,4}(?:\.\d{1,3}){0,2}[a-z]?)\]\s*[.:–—-]?\s*(?P<rest>.*)$"
)
CLOSE = re.compile(r"^\s*(?P<n>\d{1,4}[a-z]?)\)\s*[.:–—-]?\s*(?P<rest>.*)$")
HYPHENED = re.compile(  # '304-1.To receive apologies', '2022-107 To agree …' (not a year range '2020-21'), '11-06-3 Election …'
    r"^\s*(?P<n>(?!(?:19|20)\d\d-\d{1,2}\b)\d{1,4}-\d{1,3}(?:-\d{1,3}(?!\d))?)(?:\.(?=\s|[A-Z])|(?=\s))\s*[:–—]?\s*(?P<rest>.*)$"
)
YEAR_REF = re.compile(  # '1-0607/8 - Welcome and Apologies': the item and the council year
    r"^\s*(?P<n>\d{1,3}-\d{4}/\d{1,2})(?=\s)\s*[-–—:]?\s*(?P<rest>.*)$"
)
# the council year beside the item: '21/22-045', '24-25/012', '012/24-25', '001-22/23' (two
# years in a row)
YEAR_PAIR = r"(?:(?P<y1>\d{2})[/-](?P<y2>\d{2}))"
COUNCIL_YEAR = re.compile(
    rf"^\s*(?P<n>{YEAR_PAIR}[/-]\d{{1,4}}|\d{{1,4}}/(?P<z1>\d{{2}})-(?P<z2>\d{{2}})"
    r"|\d{1,4}-(?P<w1>\d{2})/(?P<w2>\d{2}))"
    r"(?=[\s.:])\.?\s*[:–—-]?\s*(?P<rest>.*)$"
)
UNDERSCORED = re.compile(  # '2020-05_1 PUBLIC PARTICIPATION': a meeting reference, then the item
    r"^\s*(?P<n>\d{2,4}(?:[-/]\d{1,2})?_\d{1,3})(?=\s)\s*[:–—-]?\s*(?P<rest>.*)$"
)
BIG_RUNNING = re.compile(  # '14365 CHAIRMAN’S ANNOUNCEMENTS': a five-digit running number over a title in capitals
    r"^\s*(?P<n>\d{5})\s+(?P<rest>[A-Z][A-Z0-9’'&/(),. -]{3,})$"
    # '18617 Code of Conduct/Declaration of Interest. The location …': a town council's
    # running number (never a phone number's '0…') over a title run in to its text
    r"|^\s*(?P<n2>[1-9]\d{4})\s+(?P<rest2>[A-Z][a-z][\w’'/&-]*(?:\s+[\w’'/&()-]+){0,12}?\s*(?:[:.–—]|\s-\s).*)$"
)
MONTH_REF = re.compile(  # '05/24-1 Election of Chair': the meeting's month and year, then the item
    r"^\s*(?P<n>(?:0?[1-9]|1[0-2])/\d{2}-\d{1,3})(?!\d)[.:–—-]?\s*(?P<rest>.*)$"
)
SLASH = re.compile(  # '12/24', '21/03/04', '83/19/TC' (the body's letters after the number)
    r"^\s*(?P<n>\d{1,4}/\d{1,4}(?:/\d{1,3}(?!\d))?(?:/[A-Z]{1,4}\b)?)\s*(?::-|[.:–—-])?\s*(?P<rest>.*)$"
    # '17/2DECLARATION OF INTERESTS': glued to a heading in capitals by the text layer
    r"|^\s*(?P<glued>\d{1,4}/\d{1,4})(?=[A-Z]{4,}(?:\s+[A-Z&]+)*(?:\s+[^a-z\s]|\s*$))(?P<caps>.*)$"
)
DOTTED = re.compile(  # '5.1', '21.03.04', '2209.01' (the meeting's year and month, then the item)
    r"^\s*(?P<n>\d{1,3}(?:\.\d{1,3}){1,3}|\d{4}\.(?!00)\d\d)\.?(?=\s|$)\s*[:–—-]?\s*(?P<rest>.*)$"
    # '332.01APOLOGIES Apologies …': glued to a heading in capitals (not '25.1HMRC paye due')
    r"|^\s*(?P<glued>\d{1,4}\.\d{1,3})(?=[A-Z]{4,}(?:\s+[A-Z&]+)*(?:\s+[^a-z\s]|\s*$))(?P<caps>.*)$"
)
PLAIN = re.compile(
    r"^\s*(?P<n>\d{1,4}[A-Za-z]?)(?:(?P<dot>[.:])?(?=\s|$)|(?P<glued_dot>\.)(?=[A-Z][a-z]))\s*[–—-]?\s*(?P<rest>.*)$"
    r"|^\s*(?P<glued>(?!(?:19|20)\d\d[A-Z])\d{2,4})(?=[A-Z]{4,}\b)(?P<caps>.*)$"  # '3563DECLARATIONS OF INTEREST': glued to a title in capitals
)
PREFIXED = re.compile(
    # 'PL30-25/26', 'COU/73/20-21': the minute, then the council year it falls in
    r"^\s*(?P<n>[A-Z](?:[A-Z&]{1,7}[/.-]?|[/-])\d{1,4}[/-]\d\d[/-]\d\d(?![\d/])"
    r"|[A-Z](?:[A-Z&]{1,7}[/.-]?|[/-])\d{1,4}(?:[/.:]\d{1,4}){0,2}|[A-Z]\d{1,4}(?:[/.:]\d{1,4}){1,2}"
    r"|[A-Z]\.\d{1,4}/\d{2,4}(?!\d)"  # 'C.1/24': a letter, the minute and the year
    r"|[A-Z]{2,6}\s\d{1,4}/\d{2,4}|[A-Z]\d{1,3}(?=[A-Z][a-z]))(?:\b|(?<=\d)(?=[A-Z][a-z]))"  # 'GMCA 96/19', 'A1Declarations'
    r"\s*(?::-|[.:–—-])?\s*(?P<rest>.*)$"  # 'M/140/2006:-'
    # 'M45. Apologies', 'C.123 Minutes', 'CAB 45 Declarations': a letter or a short prefix in
    # capitals and a number, over a title that opens with a capital
    r"|^\s*(?P<n2>[A-Z]\.?\d{1,4}|[A-Z]{2,5}\s\d{1,4})(?:\.\s*|\s*[:–—-]\s*|\s+)(?P<rest2>[A-Z].*)$"
)
ROMAN = re.compile(
    r"^\s*(?P<n>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3}))\.?(?=\s|$)\s*[.:–—-]?\s*(?P<rest>.*)$"
)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
MARKED = re.compile(r"^\s*[*†‡#]+(?=\d)")  # '*75', '†12': a mark against the number
LETTER = re.compile(r"^\s*\((?P<n>[a-z])\)\s+(?P<rest>.*)$")


@dataclass(frozen=True)
class Numbered:
    """A line that opens with a number: the number as printed (without brackets or a
    trailing dot), its scheme, its parts as integers, and the text after it."""

    number: str
    form: str  # word | paren | square | close | slash | dotted | dot | plain | letter
    parts: tuple[int, ...]
    rest: str


def _parts(number: str) -> tuple[int, ...]:
    out: list[int] = []
    number = re.sub(r"^[A-Z&]+[/.\-\s]?", "", number)  # 'SFRA/24/07': the numbers after the prefix
    for piece in re.split(r"[./:_-]", number):
        digits = re.match(r"\d+", piece)
        if digits:
            out.append(int(digits.group()))
            if len(piece) > len(digits.group()):  # 12a follows 12
                out.append(ord(piece[len(digits.group())].lower()) - ord("a") + 1)
    return tuple(out)


def split_number(line: str) -> Numbered | None:
    """The number a line opens with, or None. A bare year ('2024 was ...') is not a number.

    A mark printed against the number ('*75 Minutes': decided under delegated powers,
    a key decision) is not part of it."""
    line = MARKED.sub("", line, count=1)
    for form, pattern in (
        ("word", WORD),
        ("paren", PAREN),
        ("square", SQUARE),
        ("close", CLOSE),
        ("slash", YEAR_REF),
        ("slash", COUNCIL_YEAR),
        ("slash", UNDERSCORED),
        ("slash", MONTH_REF),
        ("slash", SLASH),
        ("slash", HYPHENED),
        ("big", BIG_RUNNING),  # a running number and the item's: printed like '12/24'
        ("dotted", DOTTED),
        ("plain", PLAIN),
        ("prefixed", PREFIXED),
    ):
        match = pattern.match(line)
        if not match:
            continue
        if form == "big":
            number = match.group("n") or match.group("n2")
            rest = match.group("rest") or match.group("rest2")
            return Numbered(number, "plain", _parts(number), rest.strip())
        if (
            form in ("plain", "dotted", "slash")
            and "glued" in match.groupdict()
            and match.group("glued")
        ):
            number = match.group("glued")
            return Numbered(number, form, _parts(number), match.group("caps").strip())
        if form == "slash" and pattern is COUNCIL_YEAR and not _council_year(match):
            continue
        if form == "prefixed" and match.group("n2"):
            number = match.group("n2")
            return Numbered(number, form, _parts(number), match.group("rest2").strip())
        number = match.group("n")
        if form == "plain":
            year_like = len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099
            rest = match.group("rest").strip()
            if match.group("dot") == ":" and not year_like and rest[:1].isupper():
                # '2743: Apologies for Absence:': a number and a colon before a title
                return Numbered(number, "colon", _parts(number), rest)
            if match.group("dot") == ":" or year_like and not match.group("dot"):
                return None  # '10: 30 am', '2024 ...'; running numbers '1296.', '2715' are kept
            form = "dot" if match.group("dot") or match.group("glued_dot") else "plain"
        return Numbered(number, form, _parts(number), match.group("rest").strip())
    match = ROMAN.match(line)
    if match and match.group("n") and not re.match(r"[a-z]", match.group("rest")[:1]):
        number = match.group("n")
        if number != "I" or not match.group("rest") or match.group("rest").isupper():
            return Numbered(number, "roman", (_roman(number),), match.group("rest").strip())
    match = LETTER.match(line)
    if match:
        letter = match.group("n")
        return Numbered(
            letter, "letter", (ord(letter) - ord("a") + 1,), match.group("rest").strip()
        )
    return None


def _council_year(match: re.Match[str]) -> bool:
    """Whether the two years of a COUNCIL_YEAR reference follow one another ('21/22')."""
    first = match.group("y1") or match.group("z1") or match.group("w1")
    second = match.group("y2") or match.group("z2") or match.group("w2")
    return (int(first) + 1) % 100 == int(second)


def _roman(number: str) -> int:
    values = [ROMAN_VALUES[c] for c in number]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def sequence_keys(numbers: list[Numbered]) -> list[tuple[int, ...]]:
    """Sort keys that make numbers of one scheme comparable: the parts that vary.

    '12/24', '13/24' vary in the first part, '24/051', '24/052' in the second; a
    common leading part ('21.03.04', '21.03.05') is dropped so the item number counts.
    """
    if not numbers:
        return []
    width = min(len(n.parts) for n in numbers)
    if (
        len(numbers) > 1
        and width == 1
        and all(len(n.parts) == 1 and n.parts[0] >= 100 for n in numbers)
        and len({n.parts[0] % 100 for n in numbers}) == 1
        and len({n.parts[0] // 100 for n in numbers}) == len(numbers)
    ):
        return [(n.parts[0] // 100,) for n in numbers]  # 'AM119', 'AM219': the year fused on
    constant = [len({n.parts[i] for n in numbers}) == 1 for i in range(width)]
    if len(numbers) > 1 and width >= 2 and not constant[0] and constant[-1]:
        return [n.parts[:1] for n in numbers]  # '12/24': minute number, then the year
    lead = 0
    while lead < width - 1 and constant[lead] and len(numbers) > 1:
        lead += 1
    return [n.parts[lead:] for n in numbers]


def step(previous: tuple[int, ...], current: tuple[int, ...]) -> int:
    """How far `current` is from `previous` at the first part that differs ('32' → '36':
    4; '12' → '12a': 0, no part differs)."""
    for a, b in zip(previous, current, strict=False):
        if a != b:
            return b - a
    return 0


def follows(previous: tuple[int, ...], current: tuple[int, ...], max_step: int = 4) -> bool:
    """Whether `current` can be the next minute after `previous` (a small step forward,
    compared at the first part that differs; '12' then '12a' follows)."""
    return current > previous and step(previous, current) <= max_step
