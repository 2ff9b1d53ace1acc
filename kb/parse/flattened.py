"""Text whose line breaks were lost (a web copy or transcript of a PDF set of minutes, a
whole meeting on one line) split back where the minutes' own structure shows: before each
number of a run of consecutive minute numbers ('… Aquarone 2716 Minutes of …'), before a
title block in capitals ('… Page 1 88/17 MINUTES OF A MEETING …') and before an attendance
label ('… HAVERFORDWEST PRESENT: Cllr …'). Lines of ordinary length are left alone."""

from __future__ import annotations

import re

from .dates import MONTH_NAME

LONG_LINE = 250  # characters: longer than any heading or title line a layout prints
MIN_RUN = 3  # consecutive numbers that make a run of minutes rather than figures
MAX_STEP = 2  # a run may skip one number (an item withdrawn, or left out of a web copy)
NUMBER = re.compile(
    # ('CL58 Minutes … CL59 Interests …': a committee's letters glued to the number)
    r"(?:(?<=\s)|^)(?P<pre>[A-Z][A-Za-z]{0,5}/|[A-Z]{1,3}(?=\d))?(?P<n>\d{1,4})(?P<post>/\d{2}(?:-\d{2})?)?\.?"  # with or without a stop
    rf"\s+(?=[A-Z])(?!{MONTH_NAME}\b)"  # '… of 4 November and 2 December 2014': dates, not minutes
)
LABEL = re.compile(
    r"(?<=\s)(?=(?:DRAFT\s+)?MINUTES\s+(?i:of\s+(?:a|an|the))\b|(?:MEMBERS\s+)?PRESENT\s*:|APOLOGIES\s*:|IN\s+ATTENDANCE\s*:"
    r"|(?<=[.;] )(?:Members\s+)?Present\s*:|(?<=\d{4} )Present\s*:"  # '… 23 November 2017 Present:-'
    r"|(?<=\d{4} )(?i:present)(?=\s+(?:Councillors?|Cllrs?\.?)\s)"  # '… 12 OCTOBER 2017 Present Councillor J Gaffey …'
    # '… 26th April, 2017 A meeting of the … Council was held at … 2017. Present The Mayor …'
    r"|(?<=\d{4} )(?=A\s+meeting\s+of\s+the\s.{3,80}?\s+was\s+held\b)|(?<=\d{4}\. )Present(?=\s+(?:The|Councillors?|Cllrs?)\s)"
    r"|(?<=\dam )Present\s*:|(?<=\dpm )Present\s*:|(?<=\.m\. )Present\s*:"  # '… at 10.30am Present: …'
    # '… Crime Panel Minutes of the Meeting held on 5 February 2019 … Members Present: …'
    r"|(?<=[a-z] )Minutes\s+of\s+(?:a|an|the)\s+(?i:meeting)\b|(?<=[a-z] )Members\s+Present\s*:)"
)


def _run(line: str) -> list[int]:
    """Where each number of the longest run of consecutive numbers printed alike (with or
    without a stop: '1 Minutes', '2. Questions', '3 Leader's Report') starts."""
    found = [
        (
            m.start(),
            int(m.group("n")),
            (m.group("pre"), bool(m.group("post"))),
        )
        for m in NUMBER.finditer(line)
    ]
    best: list[int] = []
    chains: list[list[int]] = [[] for _ in found]  # the longest run ending at each number
    for k, (_, n, shape) in enumerate(found):
        chains[k] = [k]
        for j in range(k):
            if (
                0 < n - found[j][1] <= MAX_STEP
                and found[j][2] == shape
                and len(chains[j]) + 1 > len(chains[k])
            ):
                chains[k] = [*chains[j], k]
        if len(chains[k]) > len(best):
            best = chains[k]
    return [found[k][0] for k in best] if len(best) >= MIN_RUN else []


def unflatten(line: str) -> list[str]:
    """A line split where its minutes start, or the line itself when it is not flattened."""
    if len(line) < LONG_LINE:
        return [line]
    run = _run(line)
    labels = [
        m.start()
        for m in LABEL.finditer(line)
        if not any(
            0 < m.start() - r <= 12 and not line[r : m.start()].strip().count(" ") for r in run
        )
    ]  # '1359 MINUTES OF THE LAST MEETING': a minute's title, not the title block
    cuts = sorted({*run, *labels} - {0})
    if not cuts:
        return [line]
    pieces = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return [p for p in pieces if p]
