"""Committee names: one readable spelling for names printed in capitals or with stray spaces."""

from __future__ import annotations

import re

SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "with", "at", "a", "an", "or", "by"}
KEEP_UPPER = {"nhs", "icb", "send", "sen", "pcc", "lgbt", "uk", "ofsted"}


def _word_case(word: str, first: bool) -> str:
    lower = word.lower()
    core = re.sub(r"[^a-z]", "", lower)
    if core in KEEP_UPPER:
        return word.upper()
    if core in SMALL_WORDS and not first:
        return lower
    out = []
    capitalise = True
    for ch in lower:
        out.append(ch.upper() if capitalise and ch.isalpha() else ch)
        if ch.isalpha():
            capitalise = False
        elif ch in "(-/":
            capitalise = True
    return "".join(out)


def normalise_committee(name: str | None) -> str | None:
    """A committee name in title case ('Health and Wellbeing Board'), white space folded.

    Names already in mixed case are kept as printed; names in capitals are title-cased.
    """
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip(" -–:,.")
    name = name.replace("’", "'")
    if not name:
        return None
    letters = [c for c in name if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        words = name.split(" ")
        name = " ".join(_word_case(w, i == 0) for i, w in enumerate(words))
    return name
