"""Committee names: one readable spelling for names printed in capitals or with stray spaces."""

from __future__ import annotations

import re

from .dates import MONTH_NAME

SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "with", "at", "a", "an", "or", "by"}
KEEP_UPPER = {"nhs", "icb", "send", "sen", "pcc", "lgbt", "uk", "ofsted"}

BODY_WORDS = (  # the words a body's or a meeting's name ends with
    r"Committee|Sub-Committee|Board|Cabinet|Council|Panel|Executive|Authority|Forum|Group|"
    r"Partnership|Assembly|Commission"
)
BODY_WORD = re.compile(rf"\b(?:{BODY_WORDS})\b", re.IGNORECASE)


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
    if of_council := COMMITTEE_OF_COUNCIL.match(name):
        name = of_council.group("committee")
    if welsh := WELSH_COUNCIL.match(name):
        # 'Cyngor Cymuned Llanfair': the Llanfair Community Council, named as in English
        kind = WELSH_COUNCIL_KINDS[re.sub(r"\s+", " ", welsh.group("kind")).lower()]
        name = f"{welsh.group('place')} {kind}"
    return name


# a Welsh council's name ('Cyngor Cymuned Llanfair', 'Cyngor Tref Tywyn'): the kind of
# council, then its place; mutated after 'o' ('o Gyngor')
WELSH_COUNCIL_KINDS = {
    "cymuned": "Community Council",
    "tref": "Town Council",
    "dinas": "City Council",
    "sir": "County Council",
    "bwrdeistref sirol": "County Borough Council",
}
WELSH_COUNCIL = re.compile(
    r"^(?i:c|g)yngor\s+(?P<kind>(?i:bwrdeistref\s+sirol|cymuned|tref|dinas|sir))\s+"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})$"
)


# 'Joint Strategic Committee of Adur District and Borough Councils': the council after a
# committee's name is its body, not part of the committee's name
COMMITTEE_OF_COUNCIL = re.compile(
    r"^(?P<committee>.*\b(?:Committee|Sub-Committee|Board|Panel|Cabinet|Forum|Executive))"
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w&'’.-]*|and|of|the)\s+){1,6}(?:Councils?|Authority)$"
)


DAY_MONTH = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}"
MEETING_TYPE = r"annual(?:\s+general)?|extra[- ]?ordinary|extra(?=\s+meeting\b)|ordinary|inaugural|special|emergency"
TYPED_MEETING = re.compile(
    rf"(?i)\b(?P<type>{MEETING_TYPE})\s+(?P<mid>(?:(?!meeting\b)[\w&'’.-]+\s+){{0,5}}?)(?P<word>meeting)\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[^,;:]{0,80}))?"
)
LOCAL_COUNCIL = re.compile(
    r"(?i)^(?:[\w&'’.-]+,?\s+){0,6}?(?:parish|town|community|village)\s+council\b"
)
COUNCIL_KIND = re.compile(
    r"(?i)\b(?:(?:parish|town|community|village|city|district|borough|county)\s+)?council\s*$|^(?:parish|town)\s*$"
)
MODE = re.compile(r"(?i)\s+(?:virtual|remote|online|hybrid|zoom|teams)\s*$")
FULL_COUNCIL = re.compile(  # 'Full Brandon Town Council' (not 'Full Parish Meeting of the Council')
    r"(?i)^(?P<full>full)\s+(?:(?!meeting\b)[\w&'’.-]+\s+){1,6}?(?P<council>council)$"
)
FOR_PLACE = re.compile(
    r"^(?P<name>.+?\bAuthority)\s+for\s+(?:the\s+)?(?:[A-Z][\w'’.-]*|and|&|of|the)(?:\s+(?:[A-Z][\w'’.-]*|and|&|of|the))*$"
)
TYPE_OF = re.compile(rf"(?i)^(?:{MEETING_TYPE})\s+meeting\s+of\s+(?:the\s+)?(?P<body>\S.*)$")
NOT_A_NAME = re.compile(  # a page's field caught as the committee: 'Venue: Cabinet Room, …'
    r"(?i)^(?:venue|contact|date|time|place|location|e-?mail|tel(?:ephone)?|web(?:site)?|address|"
    r"(?:\w+\s+){0,2}present|apologies|in\s+attendance)\s*[:;]"
)
PLACE_COUNCIL = re.compile(  # 'the Borough of Telford & Wrekin': the borough's council
    r"^(?:[Tt]he\s+)?(?P<kind>Borough|District|County)\s+of\s+(?P<place>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|upon|on|in))*)$"
)
DASHED = re.compile(r"^(?P<a>.+?)\s+[-–—]\s+(?P<b>.+)$")
BODY_OF = re.compile(r"(?i)\b(?:council|authority)$")


def typed_meeting(title: str) -> str | None:
    """A local council's meeting named by its type, as the title prints it without the
    place: 'Minutes of the Extraordinary Meeting held …' → 'Extraordinary Meeting',
    'Keelby Parish Council Extraordinary Meeting' → 'Extraordinary Meeting', 'the
    EXTRA-ORDINARY LOUTH TOWN COUNCIL MEETING' → 'Extra-Ordinary Town Council Meeting', 'the
    Annual Meeting of Westwood Parish Council' → 'Annual Meeting'. None for the meeting of
    any other body ('the Annual Meeting of the County Council'): its name is the body's."""
    for m in TYPED_MEETING.finditer(title):
        mid = m.group("mid").strip()
        kind = COUNCIL_KIND.search(mid) if mid else None
        if mid and kind is None:
            continue  # 'Special Educational Needs meeting': not a meeting's type
        of = m.group("of")
        if of and not LOCAL_COUNCIL.match(of.strip()):
            return None
        if not of and re.match(r",\s*[A-Z]", title[m.end() :]):
            return None  # ModernGov's 'Extraordinary Meeting, Council - …': the body named after
        kind_word = m.group("type")
        kind_word = kind_word[:1].upper() + kind_word[1:]  # 'the extra Meeting of …'
        words = [kind_word, kind.group(0).strip() if kind else "", m.group("word")]
        return normalise_committee(" ".join(w for w in words if w))
    return None


BODY_MET = re.compile(
    rf"^\s*(?:The\s+)?(?P<body>(?:[A-Z][\w&'’-]*\s+){{0,5}}(?:{BODY_WORDS}))\s+met\b"
)


def meeting_committee(name: str | None, title: str = "") -> str | None:
    """The committee of a meeting as its title block names it, in one readable spelling:
    a local council's typed meeting (`typed_meeting`), else the name found with the
    meeting's mode ('Community Council virtual'), ModernGov's meeting type ('Council -
    Annual Meeting') or the body before a committee ('… Fire and Rescue Authority - Policy
    and Strategy'), the place of a full council ('Full Brandon Town Council' → 'Full
    Council') and an authority's area ('Combined Fire Authority for County Durham and
    Darlington') left out."""
    if name and (met := BODY_MET.match(name)):
        name = met.group("body")  # 'The Parish Council met on Tuesday, …': the subject of 'met'
    if name:
        # 'Minutes- Annual Meeting of the Parish Council 30 May 2024', '13th August Town
        # Council Extraordinary Meeting Minutes': the word and the date are not the name
        name = re.sub(r"^(?i:minutes)\s*[-–—:]\s*(?=[A-Z])", "", name)
        name = re.sub(rf"^{DAY_MONTH}\s+(?=[A-Z])", "", name)
        name = re.sub(rf"\s+{DAY_MONTH}(?:,?\s+\d{{4}})?\s*$", "", name)
    if typed := typed_meeting(title) or (TYPE_OF.match(name or "") and typed_meeting(name or "")):
        return typed  # (or the name is one: 'Extraordinary Meeting of Withiel Parish Council')
    if name and name.count(" / ") >= 2:
        name = name.rsplit(" / ", 1)[
            1
        ]  # 'Home / Meetings / Parish Council …': a page's breadcrumbs
    name = normalise_committee(name)
    if not name or NOT_A_NAME.match(name):
        return None
    name = MODE.sub("", name)
    name = re.sub(
        r"(?i)\s+(?:meeting\s+)?minutes$", "", name
    )  # 'Dumfries and Galloway Council Minutes'
    # 'Killearn Community Council Adopted (Minutes …)': the minutes' status, not the name
    name = re.sub(r"(?i)\s+(?:draft|adopted|approved|confirmed|unconfirmed|signed)$", "", name)
    # 'the Parish Council Meeting': the body met; 'Meeting' names no type of it
    name = re.sub(
        r"(?i)\b(council|committee|board|authority|panel|forum|cabinet)\s+meeting$", r"\1", name
    )
    if of_body := TYPE_OF.match(name):  # 'Annual General Meeting of the … Forum': the forum's
        name = of_body.group("body")
    if dashed := DASHED.match(name):
        a, b = dashed.group("a"), dashed.group("b")
        if re.fullmatch(rf"(?i)(?:{MEETING_TYPE})(?:\s+meeting)?|(?:\w+\s+)?meeting", b):
            name = a
        elif BODY_OF.search(a) and re.fullmatch(r"[A-Z][\w'’-]+", b):
            name = a  # 'The Fife Council - Glenrothes': the place it met
        elif BODY_OF.search(a) and 2 <= len(b.split()) <= 8:
            name = b
    if full := FULL_COUNCIL.match(name):
        name = f"{full.group('full')} {full.group('council')}"
    if area := FOR_PLACE.match(name):
        name = area.group("name")
    if place := PLACE_COUNCIL.match(name):
        name = f"{place.group('place')} {place.group('kind')} Council"
    return name


def spelled_out(acronym: str, texts: list[str]) -> str | None:
    """The name among `texts` whose initials an acronym is ('ELCC' and 'East Lammermuir
    Community Council' printed under it), or None."""
    for text in texts:
        for m in re.finditer(
            r"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|&|the|for)\s+)?){1,7}[A-Z][\w'’-]*", text
        ):
            words = m.group(0).split()
            if not BODY_WORD.search(words[-1]):
                continue
            for start, word in enumerate(words):
                capitals = [w for w in words[start:] if w[:1].isupper()]
                if word[:1].isupper() and "".join(w[0] for w in capitals) == acronym:
                    return " ".join(words[start:])
    return None
