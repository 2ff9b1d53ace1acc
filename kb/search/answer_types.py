"""What kind of answer a question asks for, and whether a passage holds one.

"How much did it cost" wants an amount of money, "what percentage" a percentage, "how
many" a count, "how long" a duration, "when" a date, "who" a person, "what rating" a
grade, "who seconded" a vote record. A passage on the right topic that holds no answer of
that kind is a near miss: the ranker weighs it down and confidence drops when the first
result is one. The patterns are the general shapes of English and of committee papers,
not words of any one question.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Where an interrogative word starts a question or a clause of it ('Who chaired …', '… - who
# came up with its name?'), not a relative clause ('families who need help').
CLAUSE = r"(?:^|[,;:?!(–—-]\s*|\b(?:and|but|or|so|then|also)\s+)"
QUESTION_TYPES = (
    (
        "vote",
        r"\bwho\s+(?:moved|proposed|seconded)\b|\bseconded\b|\bvot(?:e|ed|es|ing)\s+(?:for|against|on)\b"
        r"|\babstain|\bunanimous|\bhow\s+did\s+[\w' ]{1,40}\bvote\b|\brecorded\s+vote\b|\bput\s+to\s+the\s+vote\b"
        r"|\bhow\s+many\s+(?:members\s+|councillors\s+)?(?:voted\s+)?(?:for|against)\b",
    ),
    ("percent", r"\bpercent|\bper\s+cent\b|%|\bproportion\b|\bwhat\s+share\b|\bwhat\s+rate\b"),
    (
        "money",
        r"\bhow\s+much\b(?!\s+(?:time|longer|later|earlier))|\bcost\w*\b|\bworth\b|\bprice\b|\bfees?\b"
        r"|\bvalue\s+of\b|\bspen[dt]\w*\b|\bpaid\b|\bpaying\b|£",
    ),
    ("duration", r"\bhow\s+(?:long|quickly|soon|fast)\b|\bwithin\s+how\b"),
    ("count", r"\bhow\s+many\b|\bnumber\s+of\b|\bno\.?\s+of\b|\bwhat\s+number\b"),
    (
        "rating",
        r"\b(?:what|which)\s+(?:rating|grade|score|judgement|judgment)\b|\brated\b|\bscored?\b",
    ),
    (
        "date",
        rf"{CLAUSE}when\b|\bwhat\s+(?:date|day|time)\b|\bwhich\s+(?:date|day|month|months|year)\b"
        r"|\b(?:by|from|since|until)\s+when\b",
    ),
    (
        "person",
        rf"{CLAUSE}(?:who|whos|who's|whom|whose)\b|\b(?:by|to|for|with|from)\s+whom?\b"
        r"|\bwhich\s+(?:councillor|member|officer|director|person)s?\b",
    ),
)
_QUESTION = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in QUESTION_TYPES]

NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
PASSAGE_PATTERNS = {
    "money": r"£\s?\d|\b\d[\d,.]*\s?(?:million|billion|bn|m|k)\b(?!\w)|\bpounds\b",
    "percent": r"\b\d+(?:\.\d+)?\s?(?:%|per\s?cent\b)",
    # a count: a number that is not a year, a date or a list or minute number
    "count": rf"(?<![\d/.£-])\b(?!(?:19|20)\d\d\b)\d[\d,]*(?!\s*(?:{_MONTHS}|st\b|nd\b|rd\b|th\b|[/.)]\d|\.\s|\)|%))\b"
    rf"|\b{NUMBER_WORDS}\b(?!\s*(?:of\s+the|or\s+more))",
    "duration": r"\b(?:\d+|"
    + NUMBER_WORDS
    + r")[\s-]+(?:days?|weeks?|months?|years?|hours?|minutes?)\b",
    "date": rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b|\b{_MONTHS}\s+(?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
    r"|\b(?:spring|summer|autumn|winter)\s+(?:term\s+)?(?:19|20)\d\d\b",
    "person": r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame|Lord|Baroness)\.?\s+[A-Z]"
    r"|\b[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s*\((?!Item)[A-Z][^)]{2,60}\)"
    r"|\b(?:the\s+)?(?:Chair(?:man|person)?|Vice[- ]Chair\w*|Leader|Chief\s+Executive|Mayor)\b"
    r"|\b(?:Director|Head|Manager|Officer|Member|Lead)\s+(?:of|for)\s+[A-Z]|\bPRESENT\b|\bin\s+the\s+Chair\b",
    "rating": r"\b(?:Outstanding|Good|Requires\s+Improvement|Inadequate|Adequate|Excellent|Poor)\b"
    r"|\b(?:rated|graded|scored|rating\s+of|score\s+of|level)\s+\w+|\b\d\s*(?:out\s+of|/)\s*\d\b",
    "vote": r"\b(?:for|against|abstentions?|abstained|abstain)\s*[:\-–]\s*\d{1,3}\b"
    r"|\b(?:for|in\s+favour)\s*\(?\d{1,3}\)?\s*[,;]\s*against\s*\(?\d{1,3}"
    r"|(?<![\d,.£])\b\d{1,3}\s+(?:votes?\s+|voting\s+)?(?:for|in\s+favour)\b[^.]{0,40}?"
    r"\b\d{1,3}\s+(?:votes?\s+|voting\s+)?against\b"
    r"|\(\s*\d{1,3}\s+votes?\s+for\b|\bcarried\s+(?:with|by)\s+\d"
    r"|\bvoted\b|\bvoting\s+(?:for|against)\b|\bseconded\b|\bmoved\s+by\b|\bproposed\s+by\b"
    r"|\bunanimous(?:ly)?\b|\brecorded\s+vote\b|\bput\s+to\s+the\s+vote\b"
    r"|\b(?:motion|amendment)\s+(?:was\s+)?(?:carried|lost|fell)\b",
}
_PASSAGE = {name: re.compile(pattern) for name, pattern in PASSAGE_PATTERNS.items()}
_PASSAGE["vote"] = re.compile(PASSAGE_PATTERNS["vote"], re.IGNORECASE)
_PASSAGE["duration"] = re.compile(PASSAGE_PATTERNS["duration"], re.IGNORECASE)


def answer_type(question: str) -> str | None:
    """The kind of answer `question` asks for (vote, percent, money, duration, count, rating,
    date, person), or None for a topic, reason or yes/no question."""
    text = question.strip()
    return next((name for name, pattern in _QUESTION if pattern.search(text)), None)


@lru_cache(maxsize=65536)
def holds(kind: str | None, text: str) -> int:
    """How many answers of `kind` `text` holds (0 when `kind` is None); remembered, as the
    same passages come back question after question."""
    if kind is None:
        return 0
    return len(_PASSAGE[kind].findall(text))
