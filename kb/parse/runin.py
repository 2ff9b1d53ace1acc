"""Headings printed run in to their text, split from it: '1. APPOINTMENT OF CHAIRMAN: Mr P
Park was appointed …', '82/23 Apologies: Cllr …', '3. APOLOGIES FOR ABSENCE Cllr Heath; …',
'2 Announcement of returned members The following …'. Each form is a cue that generalises
(capitals, a colon, a dash, a stop, a wide gap in wording) and the weaker ones count only
where two lines or more of the document print titles so; a resolution is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kb.model import Line

from .headings import (
    AGENDA_WORDING,
    BRACKETED_ITEM,
    DISTINCT_FORMS,
    MINUTE_REF,
    SENTENCE_WORDS,
    is_upper,
    year_like_run,
)
from .numbering import Numbered, split_number

RUN_IN = re.compile(
    r"^(?P<title>[^\W\d][^:\d]{1,80}?):-?\s+(?P<body>[A-Z\"“‘'(].*)$"
)  # ':-', a clerk's colon
CAPS_RUN_IN = re.compile(  # 'APOLOGIES FOR ABSENCE. There …', 'MINUTES OF MEETING, March 16th 2021. It …'
    r"^(?P<title>(?:\d[\w/.-]*\s+[-–—]\s+)?[A-Z][A-Z’'&()/-]+(?:\s+[A-Z0-9][A-Z0-9’'&()/-]*)*(?:,\s+[^.]{1,40}?)?[A-Za-z0-9)])"
    r"(?:\.|\s+[-–—])\s+(?P<body>\S.*)$"
)
CAPS_THEN_TEXT = re.compile(  # '3. APOLOGIES FOR ABSENCE Cllr Jonathan Heath; …', '4. DECLARATIONS OF INTEREST None.'
    r"^(?P<title>[A-Z][A-Z’'&()/-]+(?:\s+(?:[A-Z0-9][A-Z0-9’'&()/.,-]*|(?<=\d\s)(?:st|nd|rd|th)\b))+)"
    r"\s+(?P<body>[A-Z][a-z]\S*(?:\s+\S+)*)$"
)
DASH_RUN_IN = re.compile(
    r"^(?P<title>[A-Z][^–—:]{2,70}?)\s+[–—]\s+(?P<body>[A-Z]\S*(?:\s+\S+){2,}.*)$"
)
LABEL_RUN_IN = re.compile(
    r"^(?P<title>[A-Z][^:\d–—]{1,90}?)(?P<sep>:-?|\s+[–—])\s+(?P<body>\S.*)$"
)  # 'Apologies for absence: Cllr Muir', 'Confirmation of the order of the Agenda – add …'


def _dash_run_in(most: int) -> re.Pattern[str]:
    """A title of at most `most` characters set off from its text by a dash, or by a hyphen
    spaced both sides as a dash is ('Apologies - None.')."""
    return re.compile(
        rf"^(?P<title>[A-Z][^:–—]{{1,{most}}}?)(?P<sep>\s+[–—]|\s-)\s+(?P<body>\S.*)$"
    )


DASH_LABEL_RUN_IN = _dash_run_in(90)  # '… of the Council Meeting on 6th August 2019 – Agreed'
# '22. To consider the applications received … councillor(s) – An application …'
LONG_DASH_RUN_IN = _dash_run_in(200)
ELLIPSIS_RUN_IN = re.compile(  # '2. Declarations of interest & written requests … There were none.'
    r"^(?P<title>[A-Z][^…:]{2,100}?)\s*(?:…|\.\.\.)\s+(?P<body>\S.*)$"
)
DASH_TITLE_WORDS = 12  # a dash sets a title off more surely than a colon does
TITLE_WORD = r"(?:[A-Z][\w’'&()-]*|\d[\w/.-]*|[a-z][\w’'-]*|&|[-–])"  # 'Approval of the accounts for 2019-20'
TITLE_THEN_TEXT = re.compile(  # '2715 Apologies for Absence On a PROPOSAL by …', 'Matters Arising The Clerk …'
    rf"^(?P<title>(?P<first>[A-Z][\w’'&()-]*)(?:(?:\s+{TITLE_WORD}){{0,10}}?\s+(?:[A-Z][\w’'&()-]*|\d[\w/.-]*))??)"
    r"\s+(?P<body>(?:The|It|There|These|Following|On\s+(?:a|the|behalf)|RESOLVED:?|(?:This|No)(?=\s+[a-z])"
    # a person who does something, not a title's word ('District Councillor Report')
    r"|(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Dr)(?=(?:\s+[A-Z][\w.'’-]*){1,3}\s+(?:[a-z]|[–-]\s))|Members(?=\s+[a-z])"
    r"|[A-Z]{2,4}(?=\s+[a-z])|(?i:(?P=first))(?=\s+[a-z]))\s+"  # initials 'JA started', 'Apologies Apologies were'
    r"(?:\S+\s+){2,}\S.*)$"
)
TITLE_REF_RUN_IN = re.compile(  # '5. Allotment: 005/24 – 2 applications …': the title, the minute's reference, its text
    r"^(?P<head>[^:]{2,80}?:\s*\d{1,4}/\d{2,4}\s*:?)\s*(?:[–—-]\s*)?(?P<body>\S.*)?$"
)
ROLE_BEFORE = re.compile(  # 'District Councillor Report …': a councillor's role in the title
    r"\b(?:District|County|Town|Parish|Ward|Borough|City|Community|Unitary)\s+(?:Councillors?|Cllrs?)\b"
)
DETERMINER = re.compile(
    r"(?i)all|any|no|none|some|the|this|these|those|each|every|both|two|three|four"
)
ZERO_PADDED = re.compile(r"0\d{2,3}$")  # '045 Apologies: …': a running number no paragraph uses
# a title ended by a full stop, the text after it ('Minutes. The minutes of …'); not an
# abbreviation's stop ('Cllr. Smith', 'No. 5')
TITLE_STOP = re.compile(
    r"^((?:(?!\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|No|St|Rev|Prof|Co|Ltd|approx|etc|inc)\.).){3,}?"
    r"[a-z0-9)’'])\.\s+(?=[A-Z])"
)
OUTCOME_OPENING = re.compile(r"(?i)(?:agreed|approved|noted|none|nil|resolved|carried|deferred)\b")
RUN_IN_WORDS = 6  # a title run in to its text in mixed case is short: 'Apologies for absence:'
REF_RUN_IN = re.compile(  # '1. Apologies - Ref 24/104: Councillors …': the minute's own reference
    rf"^(?P<title>[^:]{{2,160}}?{MINUTE_REF})\s*:\s*(?P<body>\S.*)$", re.IGNORECASE
)


def split_run_in(lines: list[Line]) -> list[Line]:
    """Headings printed run in to their text split from it: '1. APPOINTMENT OF CHAIRMAN:
    Mr P Park was appointed …' / '82/23 Apologies: Cllr …' become the heading line and its
    text. The title is in capitals (or, under a numbering no paragraph uses, '82/23', a few
    words), with no figures, ending at a colon; the text after it is three words or more.
    A resolution is left alone."""
    out: list[Line] = []
    numbers = [split_number(line.text) for line in lines]
    for i, year_like in year_like_run(lines):  # '1954 Public Participation. There was …'
        numbers[i] = numbers[i] or year_like
    # a short label run in to its text ('1. Apologies for absence: Cllr Muir …') is a
    # heading where two lines of the document or more are printed so, not on one line
    # alone ('1.' numbers paragraphs too)
    labels = sum(1 for n in numbers if n is not None and n.rest and _labelled(n.rest))
    # so, where two lines or more print it, a short title ended by a stop ('1. Members’
    # declarations of interest. None.', '3. Invitation to the public. There being none …')
    stops = sum(1 for n in numbers if n is not None and n.rest and _stopped(n.rest))
    # or run on into a sentence that opens as one ('2 Announcement of returned members The
    # following members …', '3 Information exchange Anne-Marie outlined …')
    run_ons = sum(1 for n in numbers if n is not None and n.rest and _opened(n.rest))
    for line, numbered in zip(lines, numbers, strict=True):
        found = (
            _run_in(numbered, labels >= 2, stops >= 2, run_ons >= 2)
            if numbered is not None and numbered.rest
            else None
        )
        if numbered is None or found is None:
            out.append(line)
            continue
        head, body = found
        cut = line.text.index(numbered.rest) + len(head)
        out.append(replace(line, text=line.text[:cut]))
        if body:
            out.append(replace(line, text=body))
    return out


RUN_ON = re.compile(
    r"^(?P<title>[A-Z][\w’'&()-]*(?:\s+[\w’'&()-]+){0,7})\s+"
    r"(?P<body>(?:The|It|There|These|This|Following)\s+[a-z]\S*\s+\S+.*"
    r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+[a-z]+ed\b.*)$"
)


def _opened(rest: str) -> tuple[str, str] | None:
    """A short title run on into a sentence that opens as one: 'The following …', 'It
    was …', or a name and what they did ('Anne-Marie outlined …'); or None."""
    match = RUN_ON.match(rest)
    if not match:
        return None
    title = match.group("title")
    if (
        SENTENCE_WORDS.search(title)
        or DETERMINER.fullmatch(title)
        or title.endswith(",")
        or re.search(r"(?i)\b(?:resolved|agreed|approved|noted|decided|that)\b", title)
    ):
        return None  # ('4. RESOLVED that Cabinet considered …' is a resolution, no title)
    return title, match.group("body")


def _stopped(rest: str, words: int = DASH_TITLE_WORDS) -> tuple[str, str] | None:
    """A title of `words` words or fewer ended by a full stop and the text after it, or
    None."""
    first = TITLE_STOP.match(rest)
    if not first:
        return None
    title, after = first.group(1), rest[first.end() :]
    if (
        len(title.split()) > words
        or SENTENCE_WORDS.search(title)
        or re.search(r"(?i)\b(?:resolved|agreed|that)\b", title)
        or not _says_something(after)
    ):
        return None
    return title, after


def _says_something(text: str) -> bool:
    """Words after a dash that are the minute's text, not more of its title: a sentence
    ('add new item 7 – agreed', 'It was noted that …'), an outcome ('Agreed', 'None') or
    who ('Cllr Cannon')."""
    words = text.split()[:4]
    return bool(
        words
        and (
            words[0][:1].islower()
            or OUTCOME_OPENING.match(text)
            or re.match(r"(?i)(?:proposed|moved)\b[;:,.]", text)  # 'PROPOSED; SECONDED; RESOLVED …'
            or re.match(
                r"(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr)\b|(?:Proposed|Moved|Seconded)\s+by\b", text
            )
            or sum(w[:1].islower() for w in words) >= 2
        )
    )


def _long_dashed(rest: str) -> tuple[str, str] | None:
    """A title of up to twice `DASH_TITLE_WORDS` words set off by a dash, and the text after
    it when that says something; or None."""
    dashed = LONG_DASH_RUN_IN.match(rest)
    if not dashed:
        return None
    title = dashed.group("title").strip()
    if (
        len(title.split()) > 2 * DASH_TITLE_WORDS
        or SENTENCE_WORDS.search(title)
        or re.search(r"(?i)\b(?:resolved|agreed|that)\b", title)
        or not _dash_sets_off(dashed)
    ):
        return None
    return title, dashed.group("body")


REFERENCE_ONLY = re.compile(r"(?i)(?:item|minute|ref(?:erence)?)\.?\s*[\d./]+")


def _dash_sets_off(match: re.Match[str]) -> bool:
    """Whether the dash of a title and its text sets the text off: what follows says
    something; after a hyphen (weaker: 'Budget 2025/26 - timetable'), a sentence of three
    words or more or an outcome, and before it a title, not a reference ('Item 4.1 - …')."""
    body = match.group("body")
    if match.group("sep") == ":":
        return True
    if not _says_something(body):
        return False
    if match.group("sep").strip() != "-":
        return True
    return not REFERENCE_ONLY.fullmatch(match.group("title").strip()) and (
        len(body.split()) >= 3 or bool(OUTCOME_OPENING.match(body))
    )


AGENDA_RUN_IN = re.compile(r"^(?P<title>To\s+[a-z][^:]{2,200}?):\s+(?P<body>[A-Z\"“‘'(].*)$")


def _agenda_run_in(match: re.Match[str]) -> bool:
    """Whether an agenda's wording before a colon is the title and what follows its text:
    agenda wording of twice `DASH_TITLE_WORDS` words or fewer, not a resolution, and text
    after it that says something."""
    title = match.group("title")
    return bool(
        AGENDA_WORDING.match(title)
        and len(title.split()) <= 2 * DASH_TITLE_WORDS
        and not re.search(r"(?i)\b(?:resolved|agreed|that)\b", title)
        and _says_something(match.group("body"))
    )


def _labelled(rest: str) -> re.Match[str] | None:
    """A short label of a title and its text after the colon ('Apologies for absence:
    Cllr Muir, no reason given.', 'Declarations of Interest: none noted.')."""
    labelled = LABEL_RUN_IN.match(rest) or DASH_LABEL_RUN_IN.match(rest)
    words = DASH_TITLE_WORDS if labelled and labelled.group("sep") != ":" else RUN_IN_WORDS
    if labelled and not _dash_sets_off(labelled):
        return None  # 'Notice of Motion – Local Bus Services': the title's own second part
    if (
        labelled
        and len(labelled.group("title").split()) <= words
        and not SENTENCE_WORDS.search(labelled.group("title"))
        # (an agenda's wording opens with 'To': '4. To receive declarations of interest
        # under the Localism Act 2011 – There were none.')
        and not re.search(
            r"(?i)\b(?:resolved|agreed|that|to)\b",
            re.sub(r"^To\s+(?=[a-z])", "", labelled.group("title")),
        )
        and labelled.group("body").strip()
        and not labelled.group("body")[:1].isdigit()  # '3.2 Application: 170522 Land at …'
    ):
        return labelled
    return None


def _run_in(
    numbered: Numbered, labels: bool = False, stops: bool = False, run_on: bool = False
) -> tuple[str, str | None] | None:
    """The heading a numbered line's words open with, as printed, and the text run in after
    it; None when the line is not a heading run in to its text. `labels` and `stops`: the
    document prints short titles run in after a colon or dash, or after a full stop."""
    rest = numbered.rest
    if bracketed := BRACKETED_ITEM.match(rest):  # '19.173 (20.07) FINANCE: Current …'
        inner = _run_in(replace(numbered, rest=rest[bracketed.end() :]), labels, stops, run_on)
        return (rest[: bracketed.end()] + inner[0], inner[1]) if inner else None
    if ref := REF_RUN_IN.match(rest):
        return ref.group("title"), ref.group("body")
    if numbered.form in ("dot", "plain") and (
        first_part := re.search(rf"\s(?={re.escape(numbered.number)}\.1\s+[A-Z])", rest)
    ):
        # '1. To receive apologies 1.1 Apologies had been received …': a copy that lost its
        # line breaks; the title ends where the item's first paragraph starts
        title = rest[: first_part.start()].strip()
        if 1 <= len(title.split()) <= 2 * DASH_TITLE_WORDS:
            return title, rest[first_part.end() :]
    if numbered.form in ("dot", "plain") and (colon_ref := TITLE_REF_RUN_IN.match(rest)):
        return colon_ref.group("head"), colon_ref.group("body")
    if numbered.form == "letter":
        return None
    caps = CAPS_RUN_IN.match(rest)
    if (
        caps
        and is_upper(caps.group("title").split(",")[0])
        and len(caps.group("body").split()) >= 2
        # the text is a sentence ('No declarations were made'), not more of a title in
        # capitals ('SEND INSPECTION - STATEMENT OF ACTION', '– 21 JUNE 2011')
        and caps.group("body")[:1].isalpha()
        and re.search(r"\b[a-z]{2,}", " ".join(caps.group("body").split()[:5]))
    ):
        # '1. APOLOGIES FOR ABSENCE. There were none.', '3564MINUTES – Resolved – That …':
        # a title in capitals ended by a stop or a dash, its text after it
        return caps.group("title").strip(), caps.group("body")
    if (
        (capital := CAPS_THEN_TEXT.match(rest))
        and is_upper(capital.group("title"))
        and len(re.findall(r"[A-Z]{2,}", capital.group("title"))) >= 2
    ):
        # a title in capitals, its text in ordinary case run on with nothing between
        # ('MINUTES OF THE MEETING HELD ON 20 th APRIL 2016 The minutes had been …')
        return capital.group("title"), capital.group("body")
    opened = TITLE_THEN_TEXT.match(rest)
    if (
        opened
        and not DETERMINER.fullmatch(opened.group("title"))  # 'All Councillors present …'
        and not ROLE_BEFORE.search(f"{opened.group('title')} {opened.group('body')[:12]}")
    ):
        return opened.group("title"), opened.group("body")
    if numbered.form in DISTINCT_FORMS and (first := TITLE_STOP.match(rest)):
        # '2022-107 To agree a minute taker in the absence of the Clerk. RESOLVED to ask …',
        # '24/34 Grass cutting. Three quotes were considered …': a parish minute's title
        # (its agenda wording, or a few words), its text run on after the stop
        title, after = first.group(1), rest[first.end() :]
        short = len(title.split()) <= RUN_IN_WORDS and not SENTENCE_WORDS.search(title)
        if (AGENDA_WORDING.match(title) or short) and len(after.split()) >= 2:
            return title + ".", after
    if (
        (dotted := ELLIPSIS_RUN_IN.match(rest))
        and len(dotted.group("title").split()) <= DASH_TITLE_WORDS
        and not SENTENCE_WORDS.search(dotted.group("title"))
        and _says_something(dotted.group("body"))
    ):
        return dotted.group("title"), dotted.group("body")  # a title set off by an ellipsis
    if stops and numbered.form in ("dot", "plain") and (stopped := _stopped(rest)):
        return stopped[0] + ".", stopped[1]
    if numbered.form in DISTINCT_FORMS and (dashed := DASH_RUN_IN.match(rest)):
        # '25/21   Election of Chairman and Vice Chairman – Council resolved to postpone …'
        title = dashed.group("title")
        if len(title.split()) <= RUN_IN_WORDS and not SENTENCE_WORDS.search(title):
            return title, dashed.group("body")
    if labels and (labelled := _labelled(rest)):
        return labelled.group("title").strip(), labelled.group("body")
    if labels and (long_label := _long_dashed(rest)):
        # where titles are run in after a dash, a longer one so set off (an agenda's wording,
        # '23. To confirm and sign the minutes of the meeting held on 27th May 2021 - PROPOSED; …')
        return long_label
    if labels and (agenda := AGENDA_RUN_IN.match(rest)) and _agenda_run_in(agenda):
        # where titles are run in after a colon, an agenda's wording so set off, its dates
        # and all ('4. To approve the Minutes of the last meeting held on 10th May 2023: The
        # minutes were signed as a true record.')
        return agenda.group("title"), agenda.group("body")
    if run_on and numbered.form in ("dot", "plain") and (sentence := _opened(rest)):
        return sentence
    if (labels or stops) and (long_title := _stopped(rest, 2 * DASH_TITLE_WORDS)):
        # where titles are run in, a longer one ended by a stop ('4. Minutes of the Parish
        # Council meeting on 14th August 2017 and … 11th September 2017. It was RESOLVED …')
        return long_title[0] + ".", long_title[1]
    match = RUN_IN.match(rest)
    title = match.group("title").strip() if match else ""
    if (
        match
        and not re.search(r"(?i)\bresolved\b|\bthat\b|[.;]", title)
        and (
            is_upper(title)
            or len(title.split()) <= RUN_IN_WORDS
            and (numbered.form in DISTINCT_FORMS or ZERO_PADDED.match(numbered.number))
            or AGENDA_WORDING.match(title)  # 'To approve the notes of the meeting held on …:'
        )
        and len(match.group("body").split()) >= 3
    ):
        return title, match.group("body")
    return None
