"""Acronyms and vocabulary of the corpus, for understanding questions.

Acronyms are mined from the papers themselves ("Education, Health and Care Plan (EHCP)"):
the words before a bracketed acronym whose initials spell it. A small glossary of
common local-government acronyms fills in what the papers do not define.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

SMALL = {"and", "of", "for", "the", "&", "in", "on", "to", "with", "a", "an", "at", "by"}
BRACKETED = re.compile(r"\(([A-Z][A-Za-z&]{1,9}?)(s?)\)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
VOCAB_WORD = re.compile(r"[a-z][a-z'’-]{2,}")

# Common acronyms of UK local government, used when the corpus does not define them.
BUILTIN: dict[str, str] = {
    "send": "special educational needs and disabilities",
    "sen": "special educational needs",
    "ehcp": "education health and care plan",
    "ehc": "education health and care",
    "camhs": "child and adolescent mental health services",
    "lac": "looked after children",
    "cla": "children looked after",
    "cic": "children in care",
    "neet": "not in education employment or training",
    "csc": "children's social care",
    "asc": "adult social care",
    "hwb": "health and wellbeing board",
    "icb": "integrated care board",
    "ics": "integrated care system",
    "jsna": "joint strategic needs assessment",
    "bcf": "better care fund",
    "dsg": "dedicated schools grant",
    "hnb": "high needs block",
    "mtfp": "medium term financial plan",
    "mtfs": "medium term financial strategy",
    "hra": "housing revenue account",
    "cil": "community infrastructure levy",
    "lga": "local government association",
    "dfe": "department for education",
    "dluhc": "department for levelling up housing and communities",
    "cqc": "care quality commission",
    "eqia": "equality impact assessment",
    "dpia": "data protection impact assessment",
    "kpi": "key performance indicator",
    "foi": "freedom of information",
    "o&s": "overview and scrutiny",
    "osc": "overview and scrutiny committee",
    "mash": "multi agency safeguarding hub",
    "sgo": "special guardianship order",
    "uasc": "unaccompanied asylum seeking children",
    "ilacs": "inspection of local authority children's services",
    "pru": "pupil referral unit",
    "fe": "form of entry",
    "ks2": "key stage 2",
    "pcc": "police and crime commissioner",
    "nhs": "national health service",
    "sendiass": "send information advice and support service",
}


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = [c.lower() for c in acronym if c.isupper() or c.isdigit()] or [
        c.lower() for c in acronym
    ]
    split = [
        part for w in words for part in re.split(r"[-’']", w) if part
    ]  # Multi-Agency -> Multi, Agency
    for candidate in (words, split):
        significant = [w for w in candidate if w.lower() not in SMALL]
        if [w[0].lower() for w in significant] == letters or [
            w[0].lower() for w in candidate
        ] == letters:
            return True
    return False


def mine_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """acronym (lower case) → its most frequent expansion found in `texts`."""
    found: dict[str, Counter[str]] = {}
    for text in texts:
        for match in BRACKETED.finditer(text):
            acronym = match.group(1)
            before = WORD.findall(text[max(0, match.start() - 200) : match.start()])[-14:]
            for size in range(1, len(before) + 1):
                words = before[-size:]
                if words[0].lower() in SMALL:
                    continue
                if _initials_match(words, acronym):
                    expansion = " ".join(w.lower().replace("’", "'") for w in words)
                    found.setdefault(acronym.lower(), Counter())[expansion] += 1
                    break
    return {acronym: counts.most_common(1)[0][0] for acronym, counts in found.items()}


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Lower-case words of the corpus with the number of passages each appears in."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(VOCAB_WORD.findall(text.lower())))
    return df
