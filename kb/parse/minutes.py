"""Minutes: the meeting they record, who was present, each numbered minute and its decisions.

A set of minutes is found by its title block, in whichever form a council prints it:
"MINUTES of a meeting of the Cabinet held … on Thursday, 30 January 2025", "<Council> /
Minutes of the <Committee> / <date> at <time>", "HEALTH AND WELLBEING BOARD / MEETING
HELD AT … ON WEDNESDAY 7TH DECEMBER, 2022", "AUDIT COMMITTEE / 24 SEPTEMBER 2009 /
PRESENT: …", a decision notice's "Record of Decisions …". A title block counts when a
date follows it closely and attendance or a numbered item follows within a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kb.model import Decision, Line, Meeting, Minute

from .dates import MONTH_WORD, WEEKDAY, month_number, parse_date
from .decisions import LIST_MARKER, find_decisions, strip_formula
from .headings import (
    ITEM_REF,
    SENTENCE_WORDS,
    Heading,
    bullet_items,
    capital_line_items,
    capital_title_items,
    find_headings,
    gap_items,
    is_upper,
    ref_items,
    subject_items,
)
from .moderngov import record_head, records
from .names import BODY_WORD, BODY_WORDS, meeting_committee, normalise_committee, spelled_out
from .numbering import Numbered, follows, split_number
from .runin import split_run_in

NAMED_MEETING = re.compile(  # 'Parish Council meeting on Thursday 8th April 2021 at 8 p.m.'
    rf"^\s*(?P<named>(?:[A-Z][\w&'’-]*\s+){{0,6}}(?:{BODY_WORDS}))\s+(?i:meeting)\s+(?:held\s+)?on\s+"
    rf"(?=(?i:{WEEKDAY})\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_WORD})\b)"
)
DATED_MINUTES = re.compile(  # 'PC Meeting Minutes 18th May 2021 (via Zoom)', 'Minutes for Parish Council meeting 12th April 2021'
    # (a name before the word or after 'for': 'Minutes 25 June 2018' alone names no body)
    rf"^\s*(?:(?:[\w&'’.-]+\s+){{1,5}}?(?i:minutes)\s+|(?i:minutes)\s+(?i:for|of)\s+(?!(?i:the\s+)?(?i:meeting|minutes)\s+held\b)(?:[\w&'’.-]+\s+){{1,6}}?)"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_WORD}),?\s+\d{{4}}|(?i:{MONTH_WORD})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    r"\s*(?:\([^)]*\))?\s*$"
)
WELSH_TITLE = re.compile(  # 'Cofnodion o gyfarfod Cyngor Cymuned Llanfair - 12/04/23'
    r"^\s*(?i:cofnodion)\s+(?:(?i:o)\s+)?(?i:g|c)yfarfod\s+(?:(?i:o|of)\s+)?(?:(?i:y|yr)\s+)?"
    r"(?P<c>(?i:c|g)yngor\s.+?|(?i:p|b)wyllgor\s.+?)(?=\s+[-–—,]\s|\s+(?i:a\s+gynhaliwyd|ar|dydd)\b|\s*$)"
)
NAME_BEFORE_MINUTES = re.compile(  # the name in 'Parish Council Meeting Minutes 9th March 2022'
    r"^\s*(?:(?i:draft|unconfirmed|confirmed|approved)\s+)?(?P<c>(?:[\w&'’.-]+\s+){1,5}?)"
    r"(?:(?i:meeting)\s+)?(?i:minutes)\s+\d"
)
# a body's name with the meeting's date on the same line, no word for minutes:
# 'Humberside Fire Authority24 June 2011'
NAME_THEN_DATE = re.compile(
    rf"^\s*(?P<c>(?:[A-Z][\w&'’-]*\s+|and\s+|of\s+){{0,6}}(?:{BODY_WORDS}))\s*,?\s*(?:(?i:{WEEKDAY}),?\s+)?"
    rf"(?P<d>\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_WORD}),?\s+\d{{4}})\s*$"
)
MEETING_PAGE_LINE = re.compile(  # a ModernGov meeting page's line: 'Extraordinary meeting, Council - Thursday, 16th March, 2023 6.30 pm'
    rf"^\s*(?P<c>[^–-]{{3,90}}?)\s+[-–]\s+(?i:{WEEKDAY}),?\s+(?P<d>\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_WORD}),?\s+\d{{4}})"
    r"(?:,?\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))?"
    # '… 7.00 pm - Agenda and minutes': the page's own title after the meeting's line
    r"(?:\s+[-–]\s+(?i:agenda|minutes|decisions)(?:,?\s+(?i:agenda|decisions|(?:and\s+)?(?:draft\s+)?minutes|and))*)?\s*$"
)
BODY_MEETING_HELD = re.compile(  # 'Publow Parish Council Extra Ordinary meeting. Held at … on …'
    rf"^\s*(?:(?:[A-Z][\w&'’-]*|with|and|of|the|&)\s+){{0,8}}(?:{BODY_WORDS})\s+(?:(?:[A-Z][\w'’-]*\s+){{0,2}})?"
    r"(?i:meeting)\.?\s+(?i:held)\s+(?:at|in|on|via)\b"
)
MODERNGOV_TITLE_WORDS = (  # a ModernGov meeting page's title: 'Agenda, decisions and minutes'
    r"^\s*(?:[•·*-]\s*)?(?:Agenda|Decisions),?\s+(?:(?:and\s+)?decisions,?\s+)?and\s+"
    r"(?:draft\s+|unconfirmed\s+)?minutes\s*$"
)
TITLE = re.compile(
    r"^\s*(?:(?:DRAFT|UNCONFIRMED|CONFIRMED|APPROVED|ADOPTED|SIGNED)\s+)?MINUTES(?:\s+(?:of|OF)\b|\s*$)"
    r"|^\s*(?:(?:DRAFT|UNCONFIRMED|Draft|Unconfirmed|Approved|Adopted|Confirmed|Signed)\s+)?Minutes?\s+(?:of|OF|(?:for|FOR|from|FROM)(?=\s+(?:an?|the|AN?|THE)\s))\b|^\s*MEETING\s+HELD\b|^[^a-z]*\bMEETING\s+HELD\b"
    r"|^\s*(?:(?:Draft|Unconfirmed)\s+)?(?:MINUTE|Minute)\s+(?i:of\s+(?:the\s+)?meeting)\b"
    r"|^\s*MINUTES?\b(?!\s+(?:of|OF)\b)(?=.{0,50}$)"  # 'MINUTE      A & B - PUBLIC'
    r"|^\s*(?i:meeting\s+minutes)\s*$"  # 'Trossachs Community Council' / 'Meeting Minutes' / 'Date of Meeting: …'
    r"|^\s*At\s+an?\s+(?:\w+\s+)?(?:MEETING|[Mm]eeting)\s+of\b"  # 'At a MEETING of the … held at … on …'
    # 'A meeting of the Community Council was held …', 'AN ORDINARY meeting of … took place on …'
    r"|^\s*(?i:an?)\s+(?:\w+\s+)?(?i:meeting)\s+of\s+(?:the\s+)?.{3,80}?\s+(?:was\s+held|took\s+place)\b"
    # 'Meeting of the COLESHILL TOWN COUNCIL held in …' (a name in capitals: 'the Minute of
    # the' / 'Meeting of the Committee held on …' is a sentence run on to the next line)
    r"|^\s*(?i:meeting)\s+of\s+(?:the\s+|THE\s+)?[A-Z][A-Z&'’ -]{3,80}?\s+(?i:held)\s+(?:in|at|on|via)\b"
    # 'Inaugural Meeting of the … Community Council held in …', 'The Monthly Meeting of the
    # Council was held on …' (not '… will be held on …': the next meeting's notice)
    r"|^\s*(?:The\s+)?(?i:annual(?:\s+general)?|extra[- ]?ordinary|ordinary|inaugural|special|monthly)\s+"
    r"(?i:meeting)\s+of\b(?!.*\b(?:will|to|shall)\s+be\s+held\b).{0,160}?\b(?:was\s+)?held\s+(?:in|at|on|via|remotely)\b"
    r"|^\s*(?:(?:Draft|Unconfirmed|Confirmed|Approved)\s+)?Minutes\s*$"
    r"|^\s*(?i:cofnodion)\s+(?:(?i:o)\s+)?(?i:g|c)yfarfod\b"  # Welsh: 'Cofnodion o gyfarfod …'
    rf"|{NAMED_MEETING.pattern}"
    rf"|{BODY_MEETING_HELD.pattern}"
    rf"|{DATED_MINUTES.pattern}"
    rf"|{MODERNGOV_TITLE_WORDS}",
)
NOTICE_TITLE = re.compile(
    r"^\s*(?:Record|Schedule|Register|Notice|Summary)\s+of\s+(?:the\s+)?(?:Executive\s+|Cabinet\s+|Key\s+)?Decisions?\b"
    r"|^\s*(?:Executive\s+|Cabinet\s+|Key\s+|Officer\s+)?Decision\s+(?:Notice|Recording\s+Form|Record|Sheet|Statement)\b"
    r"|^\s*Decisions?\s+(?:of|taken\s+(?:by|at))\b"
    r"|^\s*(?:Record|Minutes?)\s+of\s+(?:the\s+)?Hearing\b|\bNotice\s+of\s+(?:Determination|Decision)\s*$",
    re.IGNORECASE,
)
MINUTES_LABEL = re.compile(
    r"^\s*Minutes\s*:"
)  # a meeting's web page: 'Minutes: Read the Minutes …'
EMBEDDED_TITLE = re.compile(r"\b(?:MINUTES|Minutes)\s+(?:of|OF)\s+(?:an?|the|A|AN|THE)\b")
NOT_A_TITLE = re.compile(  # an item's words about other minutes, not a title block
    r"\(\s*Pages?\b|\b(?:previous|last|earlier)\s+meeting\b|\b(?:following|undernoted)\s+meetings\b"
    r"|\bas\s+circulated\b",
    re.IGNORECASE,
)
COMMITTEE_IN_TITLE = re.compile(
    r"(?:MINUTES?|Decisions?|Record\s+of\s+(?:the\s+)?Decisions?|(?<=At\s)an?\s+(?:\w+\s+)?MEETING|^An?\s+(?:\w+\s+)?MEETING)\s+(?:of|for|from|taken\s+(?:by|at))\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+)?(?:meeting|proceedings|session)s?\s+of\s+(?:the\s+)?)?"
    rf"(?P<c>.+?)(?=\s+(?:held|meeting|on|at|in|taken|took|which|was|\d+|{WEEKDAY}|{MONTH_WORD})\b|\s*[,–—:(]|\s+-\s|\s*$)",
    re.IGNORECASE,
)
COMMITTEE_UP_TO_HELD = re.compile(  # a name with commas in it, as far as 'held'
    r"(?:MINUTES?|Decisions?|MEETING)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+)?(?:meeting|proceedings|session)s?\s+of\s+(?:the\s+)?)?"
    r"(?P<c>(?:(?-i:[A-Z])[\w&'’()-]*(?:,?\s+(?:(?-i:[A-Z])[\w&'’()-]*|and|of|for|the|on|&)){0,12}?\s+)?"
    r"(?:Committee|Sub-Committee|Board|Cabinet|Council|Panel|Executive|Authority|Forum|Group|Partnership|Assembly|Commission))"
    r"(?=\s*(?:\([A-Z]{2,10}\))?,?\s+(?:held|meeting)\b)",  # "… COUNCIL (REWGCC), held"
    re.IGNORECASE,
)
VENUE_IN_HEAD = re.compile(r"\bHELD\s+(?:AT|IN)\s+(?P<v>.+?)\s+ON\s+", re.IGNORECASE | re.DOTALL)
TIME_IN_HEAD = re.compile(
    r"\b(?:at|commencing(?:\s+at)?|starting\s+at|from)\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[.:]\d{2})",
    re.IGNORECASE,
)
PRESENT = re.compile(
    r"^\s*(?:[-–•·*]\s+)?(?:PRESENT|PRESENNOL|(?:YN\s+)?BRESENNOL|MEMBERS\s+PRESENT|COUNCILLORS\s+PRESENT|ATTENDANCE|ATTENDEES|IN\s+ATTENDANCE|THOSE\s+(?:ATTENDING|PRESENT)|"
    r"(?:Councillors|Members|Officers\s+in\s+attendance)(?=\s*:)|"
    # 'Councillors S. Grimes, T. Heaford, …': the attendance listed without a label
    r"(?:Councillors|Cllrs\.?)(?=\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|\([^)]{1,20}\))){0,4},\s+[A-Z])|Members\s+of\s+the\s+\w+\s+present|(?:\w+\s+)?(?:Members|Councillors)\s+present|Decision\s+(?:maker|taker)s?|Cabinet\s+Members?\s+present)\b\s*:?",
    re.IGNORECASE,
)
INLINE_PRESENT = re.compile(
    r"[.;]\s+(?:Members\s+)?Present\s*:", re.IGNORECASE
)  # '… 7.30pm. Present: …'
MODERNGOV_TITLE = re.compile(MODERNGOV_TITLE_WORDS, re.IGNORECASE)
ITEMS_HEADER = re.compile(r"^\s*No\.?\s+Item\s*$")  # a ModernGov page's table of items
LONE_TITLE = re.compile(
    r"^\s*(?:(?:Draft|Unconfirmed|Confirmed|Approved)\s+)?(?:Meeting\s+)?MINUTES?\s*$",
    re.IGNORECASE,
)
VENUE_LINE = re.compile(
    r"\b(?:Town|City|Guild|Civic|County|Shire|Village|Memorial|Community|Parish|Church|Public|Sports)\s+(?i:Hall|Centre|Center)\b|\bCouncil\s+(?:Chambers?|Offices?|House|Buildings?)\b"
    r"|^\s*Venue\b|\b(?:Committee|Council|Meeting|Board)\s+Room\b|\bCivic\s+Cent(?:re|er)\b",
    re.IGNORECASE,
)
SIGNED = re.compile(
    r"^\s*(?:Signed|Signature|Chair(?:man)?\s*[:.]|Date[d]?\s*[:.]|Dated\b)", re.IGNORECASE
)
# ('07 August 2023 – 7pm', a CMIS page's '16 May 2017 - 10:00 to 16:00')
DATE_ONLY = re.compile(r"^[\w ,.:]{6,45}(?:\s+[–-]\s+[\w .:]{2,16})?$")
DATE_LABEL = re.compile(
    r"(?i)^\s*(?:date(?:\s+of\s+(?:the\s+)?meeting)?|meeting\s+date)\s*:\s*(.*)$"
)
CHAIR = re.compile(
    # (a name may wrap onto the next line, never over a blank one: 'PRESENNOL' / '' / 'Cllr …')
    r"(?:(Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)(?:[ \t]+|[ \t]*\n[ \t]*))?"
    r"([A-Z][\w'’-]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)[A-Z][\w'’.-]*){0,3})\s*"
    r"\((?:[Ii]n the )?(?:[Cc]hair(?:man|person|woman)?|CHAIR(?:MAN)?)\)"
)


@dataclass(frozen=True)
class MinutesHead:
    """Where a set of minutes starts and the meeting it records."""

    line: int
    meeting: Meeting
    notice: bool = False  # a decision notice rather than minutes


def find_minutes_head(texts: list[str], i: int) -> MinutesHead | None:
    """The title block of a set of minutes (or a decision notice) at line `i`, if any.

    `texts` are the document's lines with furniture blanked out. A title counts only when
    a date is printed in it or within the next three lines, and attendance or a numbered
    heading follows within thirty lines.
    """
    text = texts[i]
    if (
        (inside := EMBEDDED_TITLE.search(text))
        and 0 < inside.start() <= 60
        and (
            is_upper(text[: inside.start()])
            and re.search(rf"{BODY_WORD.pattern}\s*$", text[: inside.start()], re.IGNORECASE)
            # 'To all members of Council: - Minutes of a … MEETING held …': a salutation
            or re.search(r"[:;]\s*[-–—]?\s*$", text[: inside.start()])
        )
        and not TITLE.search(text)
    ):
        # 'ITEM 3 LOCAL ACCESS FORUM MINUTES of a meeting of …': the title run on from the
        # body's name in capitals above it (not 'THAT THE AMENDED MINUTES OF THE …')
        texts = [*texts[:i], text[inside.start() :], *texts[i + 1 :]]
        text = texts[i]
    below_at = next((k for k in range(i + 1, min(len(texts), i + 3)) if texts[k]), None)
    if (
        (lead := split_number(text))
        and re.match(r"MINUTES\s+(?i:of)\s+\S.*\bheld\b", lead.rest)
        and below_at is not None
        and PRESENT.match(texts[below_at])
    ):
        # '1-795 MINUTES of MEETING of the MIDLOTHIAN COUNCIL held … on …' / 'Present:-': a
        # minute book's page reference before the title block
        text = lead.rest
        texts = [*texts[:i], text, *texts[i + 1 :]]
    if (
        below_at is not None
        and re.match(r"(?i)held\s+(?:at|in|on|via)\b", texts[below_at])
        and BODY_MEETING_HELD.match(f"{text} {texts[below_at]}")
        and len(text) < 160
    ):
        # '… Parish Council Extra Ordinary meeting.' / 'Held at … on 21st March 2018': one title
        text = f"{text} {texts[below_at]}"
        texts = [*texts[:i], text, *texts[i + 1 :]]
    notice = bool(NOTICE_TITLE.search(text))
    if (
        not (TITLE.search(text) or notice)
        or len(text) > 300
        or split_number(text)
        or NOT_A_TITLE.search(text)
    ):
        return (
            _committee_and_date_head(texts, i)
            or _place_and_date_head(texts, i)
            or _named_and_dated_head(texts, i)
            or _meeting_page_head(texts, i)
            or _field_block_head(texts, i)
            or _item_page_head(texts, i)
        )
    if DATE_TITLE.match(text):
        # 'Minutes - 20 July 2021' (the page's title) over 'Minutes of Crowton Parish Council
        # Extraordinary Meeting 22/07/21 …': the fuller title below is the minutes' own
        below = [k for k in range(i + 1, min(len(texts), i + 6)) if texts[k]][:3]
        if any(TITLE.search(texts[k]) and _committee(texts, k, texts[k]) for k in below):
            return None
    above_at = next((k for k in range(i - 1, max(-1, i - 4), -1) if texts[k]), None)
    above = texts[above_at] if above_at is not None else ""
    numbered_above = split_number(above)
    opens_document = above_at is not None and not any(texts[:above_at])
    below_first = next((t for t in texts[i + 1 : i + 4] if t), "")
    if (
        numbered_above is not None
        and not numbered_above.rest
        and not opens_document
        and not PRESENT.match(below_first)
    ):
        # '55.' / 'Minutes of the meeting of … held on …': an item's title (a bare number
        # before anything else in the document is its page number, as is one over a title
        # with the attendance right under it: an item's title is followed by its text)
        return None
    window_lines = [t for t in texts[i : i + 6] if t][:4]
    window: list[str] = []
    for t in window_lines:
        if PRESENT.match(t) and window:
            break
        window.append(t)
    joined = " ".join(window)
    # a title that says when it was held dates the meeting itself, or nothing does: '…
    # held on Thursday 4th June March 2020' is not dated by a later line's 'until 30th April'
    held_on = bool(re.search(r"(?i)\bheld\s+on\s+\S", text))
    dated = [text] if held_on else window
    date = next((d for t in dated if not SIGNED.match(t) and (d := parse_date(t))), None)
    if date is None and held_on:
        date = _year_from_above(texts, i, text)
    if date is None and not held_on:
        date = parse_date(joined)
    if date is None and DATE_ONLY.match(above) and not SIGNED.match(above):
        date = parse_date(above)  # 'MONDAY 11 SEPTEMBER 2006' / 'At a meeting of … held in …'
    if date is None and LONE_TITLE.match(text):
        # 'Policy & Resources Committee' / '4.00pm 1 July 2021' / 'Hove Town Hall' / 'MINUTES':
        # the committee and date printed above the word
        printed_above = [t for t in texts[max(0, i - 5) : i] if t]
        date = next(
            (d for t in reversed(printed_above) if not SIGNED.match(t) and (d := parse_date(t))),
            None,
        )
    moderngov = bool(MODERNGOV_TITLE.match(text))
    if moderngov:
        date = moderngov_date(texts, i) or date
        if not date and (agenda_for := _agenda_for_above(texts, i)):
            date = parse_date(agenda_for[-1].string)  # the nearest
    if notice:
        fields = notice_fields(texts[i : i + 60])
        date = fields.get("date") or date
        if not date:
            return None
        committee = (
            fields.get("maker") or _committee(texts, i, joined) or _committee_after(texts, i)
        )
        return MinutesHead(
            line=i,
            meeting=Meeting(committee=meeting_committee(committee), date=date),
            notice=True,
        )
    if not date:
        return None
    if not (_followed_by_business(texts, i, notice) or INLINE_PRESENT.search(text) or moderngov):
        return None
    committee = _committee(texts, i, text) or _committee(texts, i, joined)
    if committee and committee[:1].islower() and not BODY_WORD.search(committee):
        return None  # 'Minutes of committees submitted and approved.': a minute's title
    if committee is None and moderngov:
        committee = _moderngov_committee(texts, i)
    if committee is None and not notice and not moderngov and not _opens_the_file(texts, i):
        # 'Minutes of the meeting held on …' under an agenda item names no body (a ModernGov
        # page whose meeting line kept only its date is still that meeting's page)
        return None
    if committee and (acronym := re.match(r"^([A-Z]{2,6})(?:\s+Meeting)?$", committee.strip())):
        # 'Minutes of ELCC Meeting …' / 'East Lammermuir Community Council': the name in full
        committee = spelled_out(acronym.group(1), texts[i : i + 8]) or committee
    venue = None
    if v := VENUE_IN_HEAD.search(joined):
        venue = re.sub(r"\s+", " ", v.group("v")).strip(" ,")
    at = TIME_IN_HEAD.search(joined)
    time = at.group(1) if at else None
    return MinutesHead(
        line=i,
        meeting=Meeting(
            committee=meeting_committee(committee, joined), date=date, time=time, venue=venue
        ),
        notice=notice,
    )


NOTICE_FIELD = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?P<label>Date\s+of\s+(?:the\s+)?(?:decision|hearing)|Decision\s+date|Hearing\s+date|Date\s+(?:decision\s+)?taken|"
    r"Decision[- ]?(?:maker|taker)s?|Decisions?\s+(?:made\s+by|of)|Meeting|Date\s+of\s+meeting|Date)\s*:[-–]?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
DECISION_LABEL = re.compile(
    r"(?i)^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?Decisions?(?:\s+(?:taken|made))?\s*:[-–]?"
)
TAKEN_BY = re.compile(
    r"\b(?:taken|made)\s+by\s+(?:the\s+)?(?P<c>[A-Z][\w&'’ -]{2,60}?)(?:\s+on\b|\s*[,.(]|\s*$)"
)


def notice_fields(texts: list[str]) -> dict[str, str]:
    """The decision maker and the date of decision a decision notice prints, as
    'Decision maker: Cabinet' or in table cells with the value on the next line."""
    out: dict[str, str] = {}
    for k, t in enumerate(texts):
        m = NOTICE_FIELD.match(t or "")
        if m:
            value = m.group("value").strip() or next((v for v in texts[k + 1 : k + 3] if v), "")
            label = m.group("label").lower()
            if "date" in label:
                if (d := parse_date(value)) and "date" not in out:
                    out["date"] = d
            elif "maker" not in out and value and not parse_date(value):
                out["maker"] = re.split(r"\s+[-–—]\s+|,", value)[0].strip()
        elif (
            (by := TAKEN_BY.search(t or ""))
            and "maker" not in out
            and BODY_WORD.search(by.group("c"))
        ):
            out["maker"] = by.group("c").strip()
    return out


DECISION_FIELD = re.compile(  # fields only a decision record prints (a ModernGov decision page)
    r"(?i)^\s*(?:date\s+of\s+decision|decision\s+date|decided\s+at\s+meeting|decision\s+status)\s*:"
)
FIELD_LINE = re.compile(r"^\s*[A-Z][\w ,/&()'’-]{1,60}?\s*:[-–]?(?:\s|$|(?=\S))")


def _field_block_head(texts: list[str], i: int) -> MinutesHead | None:
    """A decision record printed as fields with no title: 'Reference Number :-2128' /
    'Date :-2011/12/14' / 'Decision Maker :-Cabinet' / … / 'Decision :-That …'. It starts at
    the block's first field and needs a decision maker, a date and a decision field."""
    if not FIELD_LINE.match(texts[i]):
        return None
    above = next((t for t in reversed(texts[max(0, i - 3) : i]) if t), "")
    if above and FIELD_LINE.match(above):
        return None  # not the block's first field
    block = [t for t in texts[i : i + 16] if t][:12]
    fields = notice_fields(block)
    if not (fields.get("date") and fields.get("maker")):
        return None
    if not any(DECISION_LABEL.match(t) or DECISION_FIELD.match(t) for t in block):
        return None
    return MinutesHead(
        line=i,
        meeting=Meeting(committee=meeting_committee(fields["maker"]), date=fields["date"]),
        notice=True,
    )


def _opens_the_file(texts: list[str], i: int) -> bool:
    """A title among the file's first three lines with attendance right under it: the
    minutes of a body that prints no name ('January 2019 Minutes' / 'Minutes of the
    Meeting held on the 7th January 2019' / 'Present: …'), not an item's title."""
    before = [t for t in texts[:i] if t]
    after = [t for t in texts[i + 1 : i + 6] if t][:2]
    dated = parse_date(texts[i]) is not None  # a bare 'Minutes' leaves its body to the lines above
    opening = len(before) <= 2 and not any(split_number(t) for t in before)  # not under an item
    return dated and opening and any(PRESENT.match(t) for t in after)


COUNCILLOR_LINE = re.compile(
    r"^\s*(?:Cllr\.?|Councillor|County\s+Cllr|Cllrs)\s+(?:Mrs?|Ms|Miss|Dr)?\.?\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:\([^)]{1,30}\))?\s*[,.;]?\s*$"
)
ATTENDANCE_LINES = 3


BULLET_LINE = re.compile(
    r"^\s*[-•·*–]\s+[A-Z]\S*\s+\S+\s+\S+"
)  # a bulleted item of three words or more
BULLETED_ITEMS = 3


def _followed_by_business(texts: list[str], i: int, notice: bool) -> bool:
    """Attendance within the next forty lines; for a decision notice, a numbered item or
    a decision field will do."""
    seen = headed = listed = bulleted = 0
    for k, t in enumerate(texts[i + 1 : i + 80], start=i + 1):
        if not t:
            continue
        seen += 1
        if seen > 40:
            break
        if PRESENT.match(t) or ITEMS_HEADER.match(t):
            return True
        # attendance listed one councillor a line with no label ('Cllr Vaughan (Chairman)' /
        # 'Cllr Wiles' / 'Cllr Chapman')
        listed = listed + 1 if COUNCILLOR_LINE.match(t) else 0
        if listed >= ATTENDANCE_LINES:
            return True
        # minutes set out as a bulleted list ('- An apology for absence was received …' /
        # '- It was agreed to appoint …'): three items in a row
        bulleted = bulleted + 1 if BULLET_LINE.match(t) else 0
        if bulleted >= BULLETED_ITEMS:
            return True
        numbered = split_number(t)
        title = numbered.rest if numbered else ""
        if numbered and not title:  # '52.' / 'Apologies for absence' on the next line
            title = next((u for u in texts[k + 1 : k + 3] if u), "")
        if numbered and title[:1].isupper() and len(title) < 120:
            headed += 1
            if headed >= 2:
                return True  # a web page of minutes may print no attendance
        if notice and (
            re.match(r"(?i)^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:decision|subject)\b", t)
            or split_number(t)
        ):
            return True
    return False


def _committee(texts: list[str], i: int, joined: str) -> str | None:
    """The body whose minutes these are: named in the title, else printed just above it."""
    if opening := NAMED_MEETING.match(texts[i]):
        return opening.group("named")
    if welsh := WELSH_TITLE.match(texts[i]):
        return welsh.group("c")  # 'Cofnodion o gyfarfod Cyngor Cymuned Llanfair - 12/04/23'
    if (dated := NAME_BEFORE_MINUTES.match(texts[i])) and BODY_WORD.search(dated.group("c")):
        # 'Parish Council Meeting Minutes 9th March 2022', 'Draft council meeting minutes …'
        name = dated.group("c").strip()
        return name[:1].upper() + name[1:] if name.islower() else name
    if agenda_for := _agenda_for_above(texts, i):
        return agenda_for[0].group("c")  # 'Agenda for Council on Wednesday, …' over the title
    first = COMMITTEE_UP_TO_HELD.search(joined)
    # 'Minutes of meeting of 22nd March 2019 / Minutes of the meeting of Minting and Gautby
    # Parish Council': a date where the name would be is none; the next title names it
    for match in [first] if first else COMMITTEE_IN_TITLE.finditer(joined):
        name = match.group("c").strip(" ,.")
        if name[:1].isdigit():
            continue
        if re.match(r"(?i)meetings?\s+(?!of\b)\S", name) and not BODY_WORD.search(name):
            continue  # 'Minutes of Meeting' / 'Methodist Schoolroom on …': where it met
        if (
            not re.fullmatch(
                r"(?i)the|a|an|(?:\w+\s+)?(?:meetings?|minutes|proceedings|sessions?)"
                r"|(?:extraordinary|special|annual|ordinary|monthly|emergency|additional|adjourned|"
                r"reconvened|remote|virtual|hybrid|inaugural)(?:\s+(?:general|full))?",
                name,
            )
            and len(name) < 120
        ) and (BODY_WORD.search(name) or len(name.split()) <= 6):
            if not BODY_WORD.search(name) and re.search(
                rf"(?i)\b{re.escape(name)}\s+meeting\b", joined
            ):
                return f"{name} Meeting"  # 'the Planning Meeting held …': no body, a meeting
            return name
    alone = re.search(r"(?i)\bminutes?\s*$", texts[i]) or re.match(
        r"\s*MINUTES?\b(?!\s+(?:of|OF)\b)", texts[i]
    )
    if alone and (after := _committee_after(texts, i)):
        return after
    # 'HEALTH AND WELLBEING BOARD' / 'MEETING HELD AT ...': the lines above the title
    before: list[str] = []
    j = i - 1
    while j >= 0 and len(before) < 3 and i - j <= 6:
        if texts[j] and (
            VENUE_LINE.search(texts[j])
            or DATE_ONLY.match(texts[j])
            and parse_date(texts[j])
            and not BODY_WORD.search(texts[j])
        ):
            pass  # the venue or the date between the committee's name and 'MINUTES'
        elif texts[j]:
            printed = texts[j].strip(" |")  # 'Parish Council Minutes|': a page title's bar
            navigation = ">" in printed or "|" in printed
            if (
                navigation
                or not (is_upper(printed) or BODY_WORD.search(printed))
                or len(printed) > 100
            ):
                break
            before.insert(
                0, re.sub(r"(?i)\s+minutes\b.*$", "", printed)
            )  # '… Council Minutes 4 May'
        j -= 1
    if before:
        named = [k for k, b in enumerate(before) if BODY_WORD.search(b)]
        # a council name above a committee name: the committee is the nearer one, read
        # whole when it wraps ('… OVERVIEW AND' / 'SCRUTINY COMMITTEE')
        last = named[-1] if named else len(before) - 1
        joined = before[last]
        while last > 0 and re.search(r"\b(?:AND|OF|FOR|THE|&|ON)\s*$|[,–-]\s*$", before[last - 1]):
            last -= 1
            joined = f"{before[last].strip()} {joined.strip()}"
        return joined
    return None


def _committee_after(texts: list[str], i: int) -> str | None:
    """'Minutes' / 'Planning Committee', or ModernGov's 'Agenda, decisions and minutes' /
    'Combined Authority Board - Thursday, 25th July, 2024 11.00 am'."""
    for t in texts[i + 1 : i + 4]:
        if not t or VENUE_LINE.search(t) or split_number(t):
            continue
        # 'Moved from 9th October 2018, Cabinet - Tuesday, 2nd October, 2018 2.00 pm'
        pieces = [p.strip() for p in re.split(r",", _undated(t))]
        for name in pieces[::-1]:
            name = re.sub(r"(?i)\s+(?:meeting\s+)?minutes\s*$", "", name)  # '… Meeting Minutes'
            if name and BODY_WORD.search(name) and not parse_date(name) and len(name) < 100:
                return name
    return None


def _item_page_head(texts: list[str], i: int) -> MinutesHead | None:
    """A ModernGov page of one item, decision or recorded vote, opening at line `i`."""
    meeting = record_head(texts, i)
    return MinutesHead(line=i, meeting=meeting) if meeting else None


def _agenda_for_above(texts: list[str], i: int) -> list[re.Match[str]]:
    """The 'Agenda for <Committee> on <date>' lines among the four above line `i`, top first."""
    return [m for t in texts[max(0, i - 4) : i] if t and (m := AGENDA_FOR.match(t))]


def _undated(line: str) -> str:
    """A meeting line without its ' - <date>' parts ('Cabinet - Tuesday, 2nd October, 2018'
    → 'Cabinet'), its other dashed parts kept ('… Authority - Policy and Strategy')."""
    parts = [p for p in re.split(r"\s+[-–—]\s+", line) if p.strip()]
    return " - ".join(p for k, p in enumerate(parts) if k == 0 or not parse_date(p))


def _moderngov_committee(texts: list[str], i: int) -> str | None:
    """The meeting's name ModernGov prints under its 'Agenda and minutes' title, whatever
    it is called ('Annual General Meeting'): the line itself, or its part before ' - '."""
    if agenda_for := _agenda_for_above(texts, i):
        return agenda_for[0].group("c")  # 'Agenda for Council on Wednesday, 27th January, 2021'
    line = next((t for t in texts[i + 1 : i + 4] if t), "")
    name = _undated(line).strip()
    # '… Joint Committee (Administered by Swansea Council from 1st June 2019)': a note on
    # the body, dated, is not part of its name
    name = re.sub(r"\s*\([^()]*\)", lambda m: "" if parse_date(m.group(0)) else m.group(0), name)
    if not name or len(name) > 100 or parse_date(name) or split_number(name):
        return None
    return name


def moderngov_date(texts: list[str], i: int) -> str | None:
    """The date of ModernGov's meeting line under its title: the part after ' - '
    ('Moved from 9th October 2018, Cabinet - Tuesday, 2nd October, 2018 2.00 pm'), or a
    line of its own under the meeting's name."""
    for t in texts[i + 1 : i + 4]:
        parts = re.split(r"\s+[-–—]\s+", t or "", maxsplit=1)
        if len(parts) == 2 and (found := parse_date(parts[1])):
            return found
    for t in [t for t in texts[i + 1 : i + 6] if t][:3]:
        if DATE_ONLY.match(t) and (found := parse_date(t)):
            return found  # 'Annual General Meeting' / 'Monday 20 May 2019 7.00 pm'
    return None


def _meeting_page_head(texts: list[str], i: int) -> MinutesHead | None:
    """A meeting page copied without its 'Agenda, decisions and minutes' title: its first
    line names the meeting ('Extraordinary meeting, Council - Thursday, 16th March, 2023
    6.30 pm'), the body the last named part before the date."""
    match = MEETING_PAGE_LINE.match(texts[i])
    if match is None or any(texts[:i]):
        return None
    named = [p.strip() for p in match.group("c").split(",") if BODY_WORD.search(p)]
    if not named:
        return None
    return MinutesHead(
        line=i,
        meeting=Meeting(committee=meeting_committee(named[-1]), date=parse_date(match.group("d"))),
    )


def _named_and_dated_head(texts: list[str], i: int) -> MinutesHead | None:
    """The file's first line naming the body and the date ('Humberside Fire Authority24
    June 2011'), attendance within the next twelve lines."""
    match = NAME_THEN_DATE.match(texts[i])
    if match is None or any(texts[:i]):
        return None
    if not any(PRESENT.match(t) for t in [t for t in texts[i + 1 : i + 30] if t][:12]):
        return None
    return MinutesHead(
        line=i,
        meeting=Meeting(
            committee=meeting_committee(match.group("c")), date=parse_date(match.group("d"))
        ),
    )


PLACE_AND_DATE = re.compile(  # 'Glasgow, 8th December 2016.': where and when, the body below
    rf"^\s*(?P<place>[A-Z][\w'’. -]{{1,40}}),\s+(?:(?i:{WEEKDAY}),?\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_WORD}),?\s+\d{{4}})\.?\s*$"
)


HELD_ON_DAY = re.compile(
    rf"(?i)\bheld\s+on\s+(?:(?:{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_WORD})\b(?!,?\s+\d{{4}})"
)


def _year_from_above(texts: list[str], i: int, text: str) -> str | None:
    """'Minutes 8th May 2017' / 'Minutes of the Parish Council Meeting held on 8th May at
    7.00pm': a title that gives the day without the year takes the year of the same day
    printed just above it (the page's title)."""
    held = HELD_ON_DAY.search(text)
    if not held:
        return None
    for t in reversed([t for t in texts[max(0, i - 4) : i] if t]):
        day = parse_date(t)
        if (
            day
            and int(day[8:]) == int(held.group("day"))
            and int(day[5:7]) == month_number(held.group("month"))
        ):
            return day
    return None


def _place_and_date_head(texts: list[str], i: int) -> MinutesHead | None:
    """A Scottish council's title block: 'Glasgow, 8th December 2016.' / 'Glasgow City
    Council.' / 'Present: …' — the place and date, then the body's name, then who came."""
    dated = PLACE_AND_DATE.match(texts[i])
    if not dated:
        return None
    below = [t for t in texts[i + 1 : i + 4] if t][:2]
    if not below:
        return None
    name = below[0].strip().rstrip(".")
    if len(name) > 80 or not BODY_WORD.search(name) or re.search(r"\d", name):
        return None
    if not any(PRESENT.match(t) for t in [t for t in texts[i + 1 : i + 12] if t][:4]):
        return None
    date = parse_date(dated.group("d"))
    return MinutesHead(line=i, meeting=Meeting(committee=meeting_committee(name), date=date))


def _committee_and_date_head(texts: list[str], i: int) -> MinutesHead | None:
    """A committee's name on a line of its own, the meeting's date just below it (as a
    line, or as 'Date:' and its value) and attendance soon after: 'AUDIT COMMITTEE' /
    '24 SEPTEMBER 2009' / 'PRESENT: …', or a web page's 'Licensing Committee' / 'Date:' /
    'Tuesday 11 March 2025' / … / 'Councillors present: …' (or its 'Minutes:' label)."""
    name = texts[i]
    if (
        len(name) >= 100
        or re.search(r"\d", name)
        or name.rstrip().endswith((":", ",", ";"))
        or name.rstrip().endswith(".")
        and not is_upper(name)  # 'THE FIFE COUNCIL - GLENROTHES.'
        or re.match(r"^[^:]{1,40}:\s*\S", name)  # a field of a cover: 'Committee: Board'
        or not (is_upper(name) or BODY_WORD.search(name))
        or split_number(name)
        or VENUE_LINE.search(name)  # 'FARR COMMUNITY HALL': where it met, not who
    ):
        return None
    # the venue may stand between the name and the date: 'ANNUAL GENERAL MEETING' / 'FARR
    # COMMUNITY HALL' / 'MONDAY 23 JUNE 2014'
    following = [t for t in texts[i + 1 : i + 8] if t and not VENUE_LINE.search(t)][:3]
    date = None
    labelled = False
    for k, t in enumerate(following[:2]):
        label = DATE_LABEL.match(t)
        labelled = bool(label)
        value = label.group(1).strip() if label else t
        if label and not value and k + 1 < len(following):
            value = following[k + 1]
        # a 'Date:' label right under the body's name dates the meeting (a signing line
        # closes minutes, it does not follow their title)
        if DATE_ONLY.match(value) and (label or not SIGNED.match(t)):
            date = parse_date(value)
        if date or not label:
            break
    if not date:
        return None
    after = [t for t in texts[i + 1 : i + 30] if t][:12]
    if labelled:  # an agenda's front sheet prints 'Date:' too: its items come before anyone present
        business = next(
            (k for k, t in enumerate(after) if PRESENT.match(t) or MINUTES_LABEL.match(t)), None
        )
        items = [
            n for t in after[: business or 0] if (n := split_number(t)) and n.rest[:1].isupper()
        ]
        if business is None or items:
            return None
    elif not any(PRESENT.match(t) for t in after) and not _meeting_page_decided(texts, i):
        return None
    committee = _name_over_two_lines(texts, i) if is_upper(name) else name
    return MinutesHead(line=i, meeting=Meeting(committee=meeting_committee(committee), date=date))


TIME_RANGE = re.compile(r"\b\d{4}\s+[-–]\s+\d{1,2}[:.]\d{2}\s+to\s+\d{1,2}[:.]\d{2}\s*$")


def _meeting_page_decided(texts: list[str], i: int) -> bool:
    """A meeting's web page copied without its page title ('SCC County Council' /
    'Wednesday, 25th May, 2022 10.00 am' / 'Venue: …'): the venue printed right under the
    date, and decisions in what follows (an agenda page has none)."""
    near = [t for t in texts[i + 1 : i + 8] if t][:3]
    # (or a CMIS page's meeting line with its times: 'Full Council' / '16 May 2017 - 10:00
    # to 16:00')
    if not any(re.match(r"(?i)\s*venue\s*:", t) or TIME_RANGE.search(t) for t in near):
        return False
    return bool(find_decisions([Line(t, None) for t in texts[i + 1 : i + 120]]))


def _name_over_two_lines(texts: list[str], i: int) -> str:
    """A name in capitals wrapped over two lines ('AVONMERE AND KELSTON JOINT HEALTH
    OVERVIEW AND' / 'SCRUTINY COMMITTEE') read whole."""
    above = next((k for k in range(i - 1, max(-1, i - 3), -1) if texts[k]), None)
    if (
        above is not None
        and is_upper(texts[above])
        and re.search(r"\b(?:AND|OF|FOR|THE|&|ON)\s*$|[,–-]\s*$", texts[above])
    ):
        return f"{texts[above].strip()} {texts[i].strip()}"
    return texts[i]


def title_case(text: str) -> str:
    """A heading printed in capitals as 'Cabinet Member Reports'; mixed case is kept."""
    return normalise_committee(text) or text


TITLE_OVER_WORDS = 12


def _titles_over_numbers(lines: list[Line]) -> list[Line]:
    """Minutes that print each title on a line of its own above the minute's number, the
    number opening the first paragraph ('Minutes approved.' / '' / '3 The minutes of … were
    approved.'), as a Scottish council does: each title is moved to its number's line, so
    that the minutes read as '3 Minutes approved.' over their text. Only where two titles
    or more so printed are numbered in sequence."""
    pairs: list[tuple[int, int, Numbered]] = []
    for k, line in enumerate(lines):
        numbered = split_number(line.text)
        if numbered is None or numbered.form not in ("plain", "dot") or not numbered.rest:
            continue
        if len(numbered.rest.split()) <= TITLE_OVER_WORDS and not SENTENCE_WORDS.search(
            numbered.rest
        ):
            continue  # a title of its own
        j = k - 1
        if j < 1 or lines[j].text.strip():
            continue
        while j >= 0 and not lines[j].text.strip():
            j -= 1
        title = lines[j].text.strip() if j >= 0 else ""
        if (
            not title[:1].isupper()
            or len(title.split()) > TITLE_OVER_WORDS
            or split_number(title)
            or SENTENCE_WORDS.search(title)
            or PRESENT.match(title)
            or ":" in title
            or j > 0
            and lines[j - 1].text.strip()  # set off by a blank line above too
        ):
            continue
        pairs.append((j, k, numbered))
    chained = [
        p
        for n, p in enumerate(pairs)
        if n
        and follows(pairs[n - 1][2].parts, p[2].parts, 2)
        or n + 1 < len(pairs)
        and follows(p[2].parts, pairs[n + 1][2].parts, 2)
    ]
    if len(chained) < 2:
        return lines
    out = list(lines)
    for j, k, numbered in chained:
        out[j] = replace(lines[j], text=f"{numbered.number} {lines[j].text.strip()}")
        out[k] = replace(lines[k], text=numbered.rest)
    return out


def parse_minutes(
    lines: list[Line], meeting: Meeting, notice: bool = False
) -> tuple[Meeting, tuple[Minute, ...], list[Line]]:
    """Split a minutes document into its numbered minutes, each with its decisions.

    Returns the meeting enriched with chair, present and apologies; the minutes; and the
    preamble lines (heading and attendance) before the first minute. A decision record
    (`notice`) whose items no heading sets off is one unnumbered item.
    """
    page = records(lines)
    if page is None:
        lines = split_run_in(_titles_over_numbers(lines))
    headings = [r.heading for r in page] if page else _headings(lines)
    preamble = lines[: headings[0].line] if headings else lines
    minutes: list[Minute] = []
    for n, head in enumerate(headings):
        end = headings[n + 1].line if n + 1 < len(headings) else len(lines)
        body_start = min(head.line + head.span, end)
        body = lines[body_start:end]
        heading = Line(
            " ".join(ln.text.strip() for ln in lines[head.line : body_start] if ln.text.strip()),
            lines[head.line].page,
            lines[head.line].style,
        )
        read = page[n].decisions if page else None
        decisions = read if read is not None else _minuted(body, find_decisions(body, head.title))
        if not decisions and read is None:
            decisions = _title_decided(head.title, lines[head.line])
        decisions = _minutes_agreed(head.title, decisions)
        if not head.agenda_item and (ref := TRAILING_ITEM_REF.search(head.title)):
            # 'Declarations of Interest (Agenda Item 3)' on a page that prints no minute
            # numbers: the agenda's item, not the minute's number
            head = replace(head, title=head.title[: ref.start()].strip(), agenda_item=ref.group(1))
        if meeting.committee and head.title.endswith(f" ({meeting.committee})"):
            # 'Welcome and Announcements (Council)': a CMIS item names the body it is for
            head = replace(head, title=head.title[: -len(meeting.committee) - 3])
        minutes.append(
            Minute(
                number=head.number,
                title=title_case(head.title),
                lines=tuple(body),
                resolution_text=decisions[-1].text if decisions else None,
                heading=heading,
                agenda_item=head.agenda_item,
                decisions=decisions,
                printed_title=head.title,
            )
        )
    if not headings and notice and (untitled := _untitled_item(lines)):
        minutes.append(untitled)
    return _with_attendance(meeting, preamble, minutes), tuple(minutes), preamble


TRAILING_ITEM_REF = re.compile(ITEM_REF.pattern + r"\s*$", re.IGNORECASE)
RECOMMENDS = re.compile(r"^\s*(?:RECOMMENDED|Recommended|RECOMMENDATIONS?|Recommendations?)\b")
MINUTES_FIELD = re.compile(r"^\s*Minutes\s*:\s*$")  # ModernGov's label over an item's minutes


def _minuted(body: list[Line], decisions: tuple[Decision, ...]) -> tuple[Decision, ...]:
    """The decisions of an item's minutes: on a web page that prints the agenda's words
    over a 'Minutes:' label ('RECOMMENDED that the minutes … be confirmed' / 'Minutes:' /
    'RESOLVED that …'), a recommendation above the label is what the agenda asked for
    (other words above it may be the minutes, where a copy put the label after them)."""
    label = next((k for k, ln in enumerate(body) if MINUTES_FIELD.match(ln.text)), None)
    if label is None:
        return decisions
    return tuple(d for d in decisions if d.start >= label or not RECOMMENDS.match(d.text))


def _untitled_item(lines: list[Line]) -> Minute | None:
    """A decision record with decisions but no item heading found (a decision page whose
    title was lost): one unnumbered item holding them, titled by its first decision's
    opening words, so no decision is lost."""
    decisions = find_decisions(lines)
    if not decisions:
        return None
    first = re.sub(r"\s+", " ", decisions[0].text).strip()
    first = re.sub(rf"^{LIST_MARKER}", "", first)
    title = re.split(r"(?<=[a-z0-9)])[.;:](?:\s|$)", first, maxsplit=1)[0]
    if len(title) > UNTITLED_WORDS * 8:
        title = " ".join(title.split()[:UNTITLED_WORDS]) + " …"
    decisions = _minutes_agreed(title, decisions)
    return Minute(
        number="",
        title=title,
        lines=tuple(lines),
        resolution_text=decisions[-1].text,
        decisions=decisions,
        printed_title=title,
    )


UNTITLED_WORDS = 16


OWN_MINUTES_TITLE = re.compile(
    r"(?i)^(?:(?:to\s+)?(?:confirm\w*|approv\w*|sign\w*|agree\w*|accept\w*)\b.{0,40}?\bminutes\b|minutes\b(?!\s+of\s+(?:the\s+)?(?-i:[A-Z])\w*\s+(?:Committee|Board|Panel)))"
)


TOLD_DONE = re.compile(r"\b(?:was|were)\s+(?:duly\s+|then\s+|unanimously\s+)*[a-z]+ed\b")


def _title_decided(title: str, line: Line) -> tuple[Decision, ...]:
    """A heading that is itself what was decided, with nothing decided under it ('1955
    Minutes of the meeting held on the 5th November were approved and signed by the
    chairman.'): its sentence, told as done ('was/were … -ed'), is the minute's decision."""
    if len(title.split()) < 6 or not TOLD_DONE.search(title):
        return ()
    found = find_decisions([Line(title, line.page, line.style)])
    if len(found) != 1 or found[0].kind != "resolution":
        return ()
    if _norm_space(found[0].text).rstrip(".") != _norm_space(title).rstrip("."):
        return ()
    return (replace(found[0], start=0, end=0),)


def _norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _minutes_agreed(title: str, decisions: tuple[Decision, ...]) -> tuple[Decision, ...]:
    """'6. Confirmation of the minutes of the meeting on 6th August 2019 – Agreed': a bare
    'Agreed' under a minute that approves the last minutes approves them."""
    if not OWN_MINUTES_TITLE.match(title.strip()):
        return decisions
    return tuple(
        replace(d, outcome="approved") if d.outcome == "agreed" and not strip_formula(d.text) else d
        for d in decisions
    )


AGENDA_FOR = re.compile(rf"^\s*Agenda\s+for\s+(?P<c>.{{2,80}}?)\s+on\s+(?i:{WEEKDAY})\b")
DATE_TITLE = re.compile(r"(?i)^\s*minutes?\s*[-–—:]?\s*\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}\s*$")
LOST_NUMBERS = 2  # numbered headings left in a list whose numbers were lost to bullets


def _headings(lines: list[Line]) -> list[Heading]:
    """The minute headings of a minutes document: numbered ones; where items are marked
    by bullets and hardly any by numbers (a numbered list copied with its numbers lost),
    both; else items set off by subject fields or blank-line runs."""
    numbered = find_headings(lines, known_minutes=True)
    bullets = bullet_items(lines) if len(numbered) <= LOST_NUMBERS else []
    if len(bullets) > len(numbered):
        taken = {h.line for h in numbered}
        return sorted(
            [*numbered, *(b for b in bullets if b.line not in taken)], key=lambda h: h.line
        )
    if all(h.form == "letter" for h in numbered):
        subjects = subject_items(lines)
        if len(subjects) > len(numbered):
            # none numbered, or a notice whose every item restarts '(a) Subject: …' ('(b)
            # Decision taken: …'): its items are its subjects, not the run of its letters
            return subjects
        if numbered and len(gaps := gap_items(lines, least=3)) > len(numbered):
            return gaps  # a web page's unnumbered items, one of them holding a lettered list
    # a table of items whose numbers were lost, only its paragraphs' left ('2.1', '5.2'):
    # the items are the titles set off above them
    if (
        numbered
        and all("." in h.number for h in numbered)
        and _tabled(lines)
        and len(gaps := gap_items(lines, least=2)) >= 2
    ):
        return _items_over_paragraphs(gaps, lines)
    if numbered:
        return numbered
    if refs := ref_items(lines):
        return refs
    if gaps := gap_items(lines, least=1 if _tabled(lines) else 3):
        return _items_over_paragraphs(gaps, lines)
    return capital_title_items(lines) or capital_line_items(lines)


def _items_over_paragraphs(gaps: list[Heading], lines: list[Line]) -> list[Heading]:
    """The titles set off above paragraphs numbered by their item ('2.1', '3.1'), less the
    sub-headings inside an item ('Attendance' / 'Officers on the dias' / 'Other Officers' /
    'Apologies for Absence' / '2.1 …'): item N's title is the last one above its first
    paragraph; between the titles of items N and N + 1 there is no other, and before the
    first such title there are as many as the items numbered below it."""
    first: dict[int, int] = {}  # item number → the line of its first paragraph
    for i, line in enumerate(lines):
        numbered = split_number(line.text)
        if numbered is not None and numbered.form == "dotted" and len(numbered.parts) == 2:
            first.setdefault(numbered.parts[0], i)
    titles = {
        item: above[-1] for item, at in first.items() if (above := [g for g in gaps if g.line < at])
    }
    if not titles or len({t.line for t in titles.values()}) != len(titles):
        return gaps  # two items under one title: the paragraphs do not say which is which
    item_at = {t.line: item for item, t in titles.items()}
    keep: list[Heading] = []
    current: int | None = None  # the item whose title was passed last
    for g in gaps:
        if g.line in item_at:
            current = item_at[g.line]
            keep.append(g)
        elif current is None:
            if len(keep) < min(titles) - 1:
                keep.append(g)  # an item before the first paragraphed one ('Attendance')
        elif current + 1 not in titles:
            keep.append(g)  # items printed without paragraphs after it
    return keep


def _tabled(lines: list[Line]) -> bool:
    """Whether a web page's 'No. Item' table header, or its meeting line, says items follow,
    however few."""
    return any(ITEMS_HEADER.match(ln.text) for ln in lines) or any(
        MEETING_PAGE_LINE.match(t) for t in [ln.text for ln in lines if ln.text.strip()][:3]
    )


def _with_attendance(meeting: Meeting, preamble: list[Line], minutes: list[Minute]) -> Meeting:
    text = "\n".join(ln.text for ln in preamble)
    present = None
    match = re.search(
        r"(?ims)^\s*(?:MEMBERS\s+|COUNCILLORS\s+)?(?:PRESENT|PRESENNOL)(?:\s+were\b)?\s*:?(.*?)(?=^\s*$|^\s*(?:ALSO|IN\s+ATTENDANCE|APOLOGIES)\b|\Z)",
        text,
    )
    if match:
        present = re.sub(r"\s+", " ", match.group(1)).strip() or None
    chair_match = CHAIR.search(text)
    chair = " ".join(g for g in chair_match.groups() if g) if chair_match else None
    apologies = next(
        (
            " ".join(ln.text for ln in m.lines if ln.text).strip()
            for m in minutes
            if "apolog" in m.title.lower()
        ),
        None,
    )
    return Meeting(
        committee=meeting.committee,
        date=meeting.date,
        time=meeting.time,
        venue=meeting.venue,
        chair=chair,
        present=present,
        apologies=apologies,
    )
