"""Minute headings, found by cues that every council's minutes share.

A minute heading is a numbered line whose text reads as a title: short, capitalised or
set in capitals, printed bold or larger than the body where the source carries layout,
often naming the agenda item it minutes ('(Item 5)'). Body paragraphs are numbered too
('1. Mr Oakford introduced the report ...'), so a heading is chosen by evidence, and the
minutes of a document are the best-scoring run of headings of one numbering scheme whose
numbers go up in small steps. Nothing here knows any council's wording.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from kb.model import Line

from .dates import parse_date
from .numbering import Numbered, follows, sequence_keys, split_number, step

ITEM_REF = re.compile(
    r"\(\s*(?:Agenda\s+)?(?:Item|Report)\s+(?:No\.?\s*)?(\d{1,3}[A-Za-z]?(?:\.\d{1,2})?)\s*\)",
    re.IGNORECASE,
)
FORMULA_START = re.compile(
    r"^\s*(?:it\s+was\s+)?(?:unanimously\s+)?(?:RESOLVED|AGREED|APPROVED|DECIDED|NOTED|RECOMMENDED)\b"
    # 'Council resolved to approve the following payments:': a decision, not a title
    r"|^\s*(?:The\s+)?(?:Council|Committee|Board|Cabinet|Panel|Members|Councillors)\s+"
    r"(?:(?:unanimously|then|also)\s+)?(?:resolved|agreed|approved|decided)\s+(?:to|that)\b",
    re.IGNORECASE,
)
SENTENCE_WORDS = re.compile(
    r"\b(?:was|were|is|are|had|has|have|would|will|could|should|said|asked|introduced|"
    r"advised|reported|explained|confirmed|provided|noted|stated|thanked)\b",
    re.IGNORECASE,
)
# 'PAR' over '1': a minute number's prefix (not a word of the page: 'ITEM', 'AGENDA')
PREFIX_ALONE = re.compile(
    r"^\s*(?!(?:ITEM|ITEMS|PAGE|AGENDA|NO|MIN|PART|APPENDIX)\s*$)[A-Z]{2,6}\s*$"
)
ALONE_BONUS = 1.0  # a number printed on its own line, its title on the next
MAX_TITLE = 220
MAX_DISTINCT_TITLE = 400  # agenda wording under a running reference ('2022-109 To receive …')


def _agenda_wording(most_words: int) -> re.Pattern[str]:
    """An agenda's wording copied as the minute's title, of at most `most_words` words:
    'To confirm and sign the minutes of the …', in capitals too ('TO RECEIVE AND APPROVE …')."""
    return re.compile(rf"(?:To\s+[a-z]+|TO\s+[A-Z]+)\b(?:\s+\S+){{1,{most_words - 2}}}$")


AGENDA_WORDING = _agenda_wording(20)  # run in to the minute's text
AGENDA_TITLE = _agenda_wording(30)  # as a heading of its own


REF_LINE = re.compile(r"^\s*\(\s*REF\b[^)]*\)\s*$", re.IGNORECASE)  # a cross-reference line
MINUTE_REF = r"\s[-–—]\s*(?:Minute\s+)?Ref\.?\s*(?P<ref>\d{1,4}/\d{1,4})"  # ' – Ref 24/107'
TITLE_COLON_REF = re.compile(r"^(?P<title>[^:]{2,80}?):\s*(?P<ref>\d{1,4}/\d{2,4})\s*:?$")
TRAILING_REF = re.compile(MINUTE_REF + r"\s*:?\s*$", re.IGNORECASE)
# 'Apologies (19/13)', '… Vote to accept. (1819/030)': a running reference in brackets at
# the end of an item's title (not a year, '(2019/20)', '(19/20)')
BRACKETED_REF = re.compile(
    r"\s\((?:Minute\s+|Min\.?\s*|Ref\.?\s*)?(?P<ref>(?!(?:19|20)\d\d/\d\d(?:\d\d)?\))\d{1,4}/\d{1,4})\)\s*$",
    re.IGNORECASE,
)


def bracketed_ref(title: str) -> re.Match[str] | None:
    """The running reference a title ends with, in brackets; a year range is none."""
    match = BRACKETED_REF.search(title)
    if match is None:
        return None
    first, second = (int(p) for p in match.group("ref").split("/"))
    if second == (first + 1) % 100 or second == first + 1:
        return None  # '(19/20)', '(2019/2020)': a year
    return match


DISTINCT_FORMS = frozenset({"prefixed", "slash", "word"})  # schemes paragraphs do not use
FIRST_SENTENCE = re.compile(r"^(.{8,}?[a-z0-9)’'])\.\s+(?=[A-Z])")
ATTACHMENT = re.compile(
    r"\s+(?:PDF|DOC|DOCX|XLSX?|HTML)\s+\d+(?:\.\d+)?\s*[KM]B\b", re.IGNORECASE
)  # web links


@dataclass(frozen=True)
class Heading:
    """A minute heading: where it is, how many lines it takes, its number, title and item."""

    line: int
    span: int
    number: str
    form: str
    title: str
    agenda_item: str | None
    score: float


def is_upper(text: str) -> bool:
    """True when nearly all letters of `text` are capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.85


@dataclass(frozen=True)
class _Layout:
    """What body text looks like in this document, where layout is known."""

    known: bool
    size: float
    bold_share: float

    @classmethod
    def of(cls, lines: list[Line]) -> _Layout:
        styles = [ln.style for ln in lines if ln.style is not None and len(ln.text.strip()) > 20]
        if len(styles) < 5:
            return cls(False, 0.0, 0.0)
        return cls(
            True,
            statistics.median(s.size for s in styles),
            sum(s.bold for s in styles) / len(styles),
        )

    def stands_out(self, line: Line) -> bool | None:
        """Whether a line is printed bold or larger than the body (None: unknown)."""
        if not self.known or line.style is None:
            return None
        bold = line.style.bold and self.bold_share < 0.5
        return bold or line.style.size > self.size + 0.9


def find_headings(lines: list[Line], known_minutes: bool = False) -> list[Heading]:
    """The minute headings of a minutes document's lines, in order. With `known_minutes`
    (a minutes title block found above them) one minute alone needs only nothing against
    it; else it must look like a heading (capitals, bold or an item reference)."""
    layout = _Layout.of(lines)
    numbered_lines = [(i, n) for i, line in enumerate(lines) if (n := _numbered(line.text))]
    numbered_lines = sorted([*numbered_lines, *year_like_run(lines)])
    if layout.known and not any(layout.stands_out(lines[i]) for i, _ in numbered_lines):
        layout = _Layout(False, 0.0, 0.0)  # headings printed like the body: layout tells nothing
    running = _running_numbers_under(lines, numbered_lines)
    running_lines = {j for j, _ in running.values()}
    candidates: list[tuple[int, Numbered, Heading]] = []
    for i, numbered in numbered_lines:
        if i in running_lines:
            continue  # '347. The Chairman welcomed …': the minute's number opening its text
        heading = _candidate(lines, i, numbered, layout)
        if heading is not None and i in running:
            # '4. To Approve the Minutes …' / '350. It was Resolved …': the agenda's item over
            # the minute's own running number, a heading however its wording reads
            under = running[i][1]
            heading = replace(
                heading,
                number=under.number,
                agenda_item=heading.agenda_item or numbered.number,
                score=max(heading.score, 1.0),
            )
        if heading is not None:
            candidates.append((i, numbered, heading))
    best: list[Heading] = []
    best_total = 0.0
    for form in dict.fromkeys(c[1].form for c in candidates):
        group = [c for c in candidates if c[1].form == form]
        if form == "dotted":
            group = _sections_only(group)
        chain, total = _best_chain(group)
        if total > best_total:
            best, best_total = chain, total
    if len(best) < 2:  # no run of numbers: a list whose every number was printed '1.'
        for form in dict.fromkeys(c[1].form for c in candidates):
            group = [c for c in candidates if c[1].form == form]
            if _all_ones(group) and len(chain := _every_one(group)[0]) > len(best):
                best = chain
    # one minute alone (a special meeting) must look like a heading: capitals, bold or an item
    strong = len(best) >= 2 or (best and best[0].score >= (0.0 if known_minutes else 2.0))
    if not strong:
        return []
    best = _repeats_kept(_gaps_filled(best, candidates), candidates, lines)
    best = _taken_out_of_order(best, candidates)
    return _with_sub_minutes(best, candidates, layout, lines)


RUNNING_UNDER = 3  # agenda items over a running number each before it is read as a scheme


def _running_numbers_under(
    lines: list[Line], numbered_lines: list[tuple[int, Numbered]]
) -> dict[int, tuple[int, Numbered]]:
    """Agenda items each over a paragraph that opens with the minute's running number ('1.
    Chairman's Opening Remarks' / '347. The Chairman welcomed …', '2. Apologies' / '348.The
    Clerk reported …'): the item's line → its running number's line and number, where
    three or more items in a row are so printed, the running numbers going up one by one;
    else nothing."""
    at = dict(numbered_lines)
    pairs: list[tuple[int, int, Numbered]] = []  # item line, number line, running number
    for i, numbered in numbered_lines:
        if numbered.form not in ("dot", "plain") or not numbered.rest:
            continue
        j = _next_text(lines, i + 1, 2)
        under = at.get(j) if j is not None else None
        if (
            under is not None
            and under.form in ("dot", "plain")
            and under.rest
            and under.parts[0] > numbered.parts[0] + 20  # a number of its own series
        ):
            pairs.append((i, j, under))  # type: ignore[arg-type]
    best: list[tuple[int, int, Numbered]] = []
    run: list[tuple[int, int, Numbered]] = []
    for pair in pairs:
        rise = pair[2].parts[0] - run[-1][2].parts[0] if run else 0
        run = [*run, pair] if 0 < rise <= 2 else [pair]
        if len(run) > len(best):
            best = run
    return {i: (j, under) for i, j, under in best} if len(best) >= RUNNING_UNDER else {}


BULLETED_NUMBER = re.compile(r"^\s*[•·▪]\s+(?=\d{1,4}\.?\s*$)")


def _numbered(text: str) -> Numbered | None:
    """The number a line opens with; a number alone behind a bullet ('• 57.') is a web
    page's item list flattened to text, the number over its title as in any list."""
    if bullet := BULLETED_NUMBER.match(text):
        return split_number(text[bullet.end() :])
    return split_number(text)


def _gaps_filled(
    best: list[Heading], candidates: list[tuple[int, Numbered, Heading]]
) -> list[Heading]:
    """The run with the one number missing between two of its headings put back, however
    weak its title reads ('3. Co-options' … '4. Minutes of the Parish Council meeting on
    14th August 2017 and …' … '5. Public Submissions'): the numbering says it is one."""
    numbers = {c[0]: c[1] for c in candidates}
    out = list(best)
    for a, b in zip(best, best[1:], strict=False):
        na, nb = numbers.get(a.line), numbers.get(b.line)
        if na is None or nb is None or len(na.parts) != len(nb.parts):
            continue
        if na.parts[:-1] != nb.parts[:-1] or nb.parts[-1] - na.parts[-1] != 2:
            continue  # ('19.169' … '19.171': the last part steps over one)
        wanted = (*na.parts[:-1], na.parts[-1] + 1)
        missing = [
            h
            for i, n, h in candidates
            if a.line < i < b.line and n.form == na.form and n.parts == wanted
        ]
        if len(missing) == 1:
            out.append(missing[0])
    return sorted(out, key=lambda h: h.line)


def _repeats_kept(
    best: list[Heading], candidates: list[tuple[int, Numbered, Heading]], lines: list[Line]
) -> list[Heading]:
    """The run with a number printed twice put back ('1. Election of Chair' / '1.
    Apologies' / '3. Minutes', a web page's list restarted): the first heading of the run's
    numbering after one of its headings, numbered as it and printed at least as much like a
    heading as it and the next, is a minute of its own, where what follows it before the
    next is numbered lower (a list of its own) and its title is not the first's again (a
    heading reprinted over a new page, 'Ports Report (continued)'). A list inside a minute ('1.', '2.' under
    '1.') goes on from the repeated number and is not."""
    numbers = {c[0]: c[1] for c in candidates}
    out = list(best)
    for a, b in zip(best, best[1:], strict=False):
        na = numbers.get(a.line)
        if na is None:
            continue
        between = [
            (n, h) for i, n, h in candidates if a.line + a.span <= i < b.line and n.form == na.form
        ]
        if not between or between[0][0].parts != na.parts:
            continue
        if all(n.parts < na.parts for n, _ in between[1:]):  # its own list after it, if any
            repeat = between[0][1]
            continued = repeat.title.lower().startswith(a.title.lower())  # '9. X (continued)'
            sentence = any(_sentence(lines[h.line].text) for h in (a, repeat))
            if not continued and not sentence and repeat.score >= min(a.score, b.score) > 0:
                out.append(repeat)
    return sorted(out, key=lambda h: h.line)


def _sentence(text: str) -> bool:
    """A line that ends as a sentence does ('… being unwell.'), not an abbreviation ('Misc.')."""
    return bool(re.search(r"[a-z]{3,}[.!?]\s*$", text)) and len(text.split()) >= 4


OUT_OF_ORDER_REACH = 20  # how far ahead of the run an item taken early may be numbered


def _taken_out_of_order(
    best: list[Heading], candidates: list[tuple[int, Numbered, Heading]]
) -> list[Heading]:
    """The run with an item taken out of order put back where it was printed ('3. …' /
    '13. To further discuss …' / '4. …'): one heading of the run's numbering between two
    headings numbered one after the other, printed at least as much like a heading as they
    are, numbered ahead of the run where the run does not use its number."""
    numbers = {c[0]: c[1] for c in candidates}
    used = {numbers[h.line].parts for h in best if h.line in numbers}
    out = list(best)
    for a, b in zip(best, best[1:], strict=False):
        na, nb = numbers.get(a.line), numbers.get(b.line)
        if na is None or nb is None or len(na.parts) != 1 or len(nb.parts) != 1:
            continue
        if nb.parts[0] != na.parts[0] + 1:
            continue
        early = [
            h
            for i, n, h in candidates
            if a.line < i < b.line
            and n.form == na.form
            and len(n.parts) == 1
            and nb.parts[0] < n.parts[0] <= nb.parts[0] + OUT_OF_ORDER_REACH
            and n.parts not in used
            and h.score >= min(a.score, b.score) > 0
            and a.line + a.span <= i
        ]
        if len(early) == 1:
            out.append(early[0])
    return sorted(out, key=lambda h: h.line)


def _all_ones(group: list[tuple[int, Numbered, Heading]]) -> bool:
    """Three items or more all numbered '1.' (a numbered list copied with every number
    reset): items in order, numbered as printed."""
    return len(group) >= 3 and all(n.parts == (1,) for _, n, _ in group)


def _every_one(group: list[tuple[int, Numbered, Heading]]) -> tuple[list[Heading], float]:
    chain = [h for _, _, h in group if h.score > 0]
    return chain, sum(h.score for h in chain)


def _sections_only(
    group: list[tuple[int, Numbered, Heading]],
) -> list[tuple[int, Numbered, Heading]]:
    """Where items are numbered as sections ('2.0 Apologies', '7.0 Finance'), what is
    numbered under them ('7.1 Council resolved …', '7.1.1 Clerk's salary £214.70') is
    their paragraphs, not minutes. Two sections or more say so."""
    sections = {n.parts[0] for _, n, _ in group if len(n.parts) == 2 and n.parts[1] == 0}
    if len(sections) < 2:
        return group
    return [c for c in group if not (c[1].parts[0] in sections and c[1].parts[1:] != (0,))]


YEAR_LIKE = re.compile(r"^\s*(?P<n>(?:19|20)\d\d)\s+(?P<rest>[A-Z].*)$")
YEAR_RUN = 3


def year_like_run(lines: list[Line]) -> list[tuple[int, Numbered]]:
    """Running minute numbers that look like years ('1953 The Chairman welcomed …', '1954
    Public Participation …'), which `split_number` leaves alone: kept where three or more
    follow one another line by line, as no run of years opening lines would."""
    found = [(i, m) for i, line in enumerate(lines) if (m := YEAR_LIKE.match(line.text))]
    keep: set[int] = set()
    run: list[int] = []
    for k, (_, m) in enumerate(found):
        if run and int(m.group("n")) == int(found[run[-1]][1].group("n")) + 1:
            run.append(k)
        else:
            run = [k]
        if len(run) >= YEAR_RUN:
            keep.update(run)
    return [
        (
            found[k][0],
            Numbered(
                found[k][1].group("n"),
                "plain",
                (int(found[k][1].group("n")),),
                found[k][1].group("rest").strip(),
            ),
        )
        for k in sorted(keep)
    ]


def _with_sub_minutes(
    chain: list[Heading],
    candidates: list[tuple[int, Numbered, Heading]],
    layout: _Layout,
    lines: list[Line],
) -> list[Heading]:
    """Minutes numbered under a minute ('40.' / '40.1 MINUTES OF THE MEETING HELD ON …'),
    printed as headings like their parent (capitals or the same weight), are minutes too;
    numbered paragraphs ('4.1 There had been circulated …') are not."""
    out: list[Heading] = []
    for k, head in enumerate(chain):
        out.append(head)
        end = chain[k + 1].line if k + 1 < len(chain) else len(lines)
        # '3. Planning' with nothing under it but '3.1 Application …', '3.2 …': its parts
        # are the minutes, each with its own text and decision
        # ('7.' / '7a' / '14 March 2024': its parts lettered)
        parent = head.number.rstrip(".")
        first_below = _next_text(lines, head.line + head.span, 3)
        opens_parts = first_below is not None and any(
            i == first_below
            and (
                numbered.form == "dotted"
                and numbered.number == f"{parent}.1"
                or numbered.number == f"{parent}a"
            )
            for i, numbered, _ in candidates
        )
        for i, numbered, sub in candidates:
            if not (head.line < i < end) or sub.score <= 0:
                continue
            if sub.score < 2.0 and not opens_parts:
                continue
            lettered = opens_parts and re.fullmatch(rf"{re.escape(parent)}[a-z]", numbered.number)
            if not (
                numbered.form == "dotted" and numbered.number.startswith(parent + ".") or lettered
            ):
                continue
            alike = (
                is_upper(sub.title)
                and is_upper(head.title)
                or (layout.stands_out(lines[i]) and layout.stands_out(lines[head.line]))
            )
            if alike or opens_parts:
                out.append(sub)
    return out


# '19.168 (20.01) To receive …': the agenda item's reference in brackets after the minute's
# number (a part '(1)' alone is the minute's own: '5. (1) MINUTES')
BRACKETED_ITEM = re.compile(r"^\(\s*(?P<item>\d{1,3}(?:[./]\d{1,3}){1,2}[a-z]?)\s*\)\s*(?=[A-Z])")


def _candidate(lines: list[Line], i: int, numbered: Numbered, layout: _Layout) -> Heading | None:
    """Score a numbered line as a minute heading; None when it cannot be one."""
    rest, span = numbered.rest, 1
    prefix_at = None
    bracketed = BRACKETED_ITEM.match(rest)
    if bracketed:  # '19.168 (20.01) To receive …': the minute, its agenda item, the title
        rest = rest[bracketed.end() :]
    if not rest:  # the number on a line of its own, the title on the next
        above = next((k for k in range(i - 1, max(-1, i - 3), -1) if lines[k].text.strip()), None)
        if above is not None and PREFIX_ALONE.match(lines[above].text):
            prefix_at = above  # 'PAR' / '1' / 'Public speaking …': the committee's prefix
        parent = split_number(lines[above].text) if above is not None else None
        if _bare_parent(parent, numbered):
            return None  # '2.' / '2.1' / 'URGENT ITEMS': the heading is the item's, '2.'
        j = _next_text(lines, i + 1, 2)
        below = split_number(lines[j].text) if j is not None else None
        if j is not None and below is not None and not below.rest and _bare_parent(numbered, below):
            # '2.' / '2.1' / 'URGENT ITEMS': the item's number, its first paragraph's, its title
            j = _next_text(lines, j + 1, 2)
            below = split_number(lines[j].text) if j is not None else None
        if j is not None and below is not None and _dated(lines[j].text):
            below = None  # '7a' / '14 March 2024 pdf icon': a part titled by its meeting's date
        if j is None or below is not None and not _report_ref(below):
            return None
        rest, span = lines[j].text.strip(), j - i + 1
    if numbered.form == "letter" and not (
        re.match(r"(?i)subject\b", rest) or _lettered_title(lines, i, rest)
    ):
        return None  # lettered lines are parts of a resolution, unless a notice's items
    if FORMULA_START.match(rest) or not rest[0].isalnum() and rest[0] not in "'‘\"“":
        return None
    if numbered.form == "dotted" and re.search(
        r"[.;]\s+(?:Approved|Agreed|Noted|Carried|Resolved|Accepted)\.?\s*$", rest
    ):
        return None  # '23.1 HMRC paye due. Approved': a paragraph and its outcome
    if re.fullmatch(
        r"(?i)(?:votes?\s+)?(?:for|against|abstentions?|abstain(?:ed|ing)?|in\s+favour)", rest
    ):
        return None  # '18 For' / '1 Against': a vote's count, not a minute
    if rest[0].isalpha() and rest[0].islower():
        return None  # a sentence running on
    if _dated(f"{numbered.number} {rest}"):
        return None  # '24 SEPTEMBER 2009' is a date, not minute 24
    if len(rest) > (MAX_DISTINCT_TITLE if numbered.form in DISTINCT_FORMS else MAX_TITLE):
        return None
    title_lines = [rest]
    ref_match = ITEM_REF.search(rest)
    item = ref_match.group(1) if ref_match else None
    extra, item_below = _continuation(lines, i + span, rest, layout, lines[i])
    if item_below:
        item = item or item_below[0]
        span = item_below[1] - i + 1
    title_lines += [t for t in extra if not REF_LINE.match(t)]  # '(REF: M/66;SC/41 )' below it
    if extra and not item_below:
        span = max(span, _line_after(lines, i + span, len(extra)) - i)
    title = " ".join(ITEM_REF.sub("", t).strip() for t in title_lines)
    title = ATTACHMENT.sub("", re.sub(r"\s+", " ", title)).strip(" .:–-")
    distinct = numbered.form in DISTINCT_FORMS
    if distinct and (first := FIRST_SENTENCE.match(title)):
        # 'F06:04/24 To agree dates for meetings in 2023-24. First meeting …': a parish
        # minute titled by its agenda wording; the title is the first sentence
        title = first.group(1)
    if not title:
        return None
    # '4.' / 'Determination of Applications for … CM17 0AH' / '': a number alone on its line
    # over a title that is a paragraph of its own (the next line blank) is laid out as a heading
    alone = not numbered.rest and (i + span >= len(lines) or not lines[i + span].text.strip())
    score = _score(lines, i, rest, title, item, layout, distinct, numbered.form == "word", alone)
    if not numbered.rest:
        score += ALONE_BONUS  # '75.' on a line of its own over its title: laid out as a heading
    number = numbered.number
    lead = split_number(title) if numbered.form in ("dot", "plain") and numbered.rest else None
    if (
        lead is not None
        and lead.form in ("dotted", "slash", "prefixed")
        and len(lead.parts) >= 2
        and lead.rest[:1].isupper()
    ):
        # '3. 19.234 Election of Chairperson': the list number is the agenda item, the
        # running reference after it the minute's own number
        title, number, item = lead.rest, lead.number, item or number
    if colon_ref := TITLE_COLON_REF.match(title):
        # '4. Exercise Equipment: 004/24': the list number is the agenda item, the reference
        # after the title's colon the minute's own number
        title, number, item = colon_ref.group("title"), colon_ref.group("ref"), item or number
    if ref := TRAILING_REF.search(title) or bracketed_ref(title):
        # 'Approval of the payment schedule (Ref 24/92) – Ref 24/107': the list number is
        # the agenda item, the reference at the end the minute's own number
        title, number, item = title[: ref.start()].strip(" .:–-"), ref.group("ref"), item or number
    if bracketed and not item:
        item = bracketed.group("item")
    if prefix_at is not None:
        number = f"{lines[prefix_at].text.strip()} {number}"
        return Heading(prefix_at, span + i - prefix_at, number, numbered.form, title, item, score)
    return Heading(i, span, number, numbered.form, title, item, score)


DATE_OPENING = re.compile(r"^\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}")


def _dated(text: str) -> bool:
    """Whether a line opens with a date ('24 SEPTEMBER 2009', '14 March 2024 pdf icon'),
    not with a minute's number."""
    return bool(DATE_OPENING.match(text) and parse_date(text))


def _report_ref(title: Numbered) -> bool:
    """A title line that opens with a report's reference ('56.' / 'MC/20/23 TO CONFIRM THE
    MINUTES …', 'C/24/23 To Consider a Report …'): a prefix and two numbers, the report's
    own and its year, before the words; part of the title under a number printed alone."""
    return title.form == "prefixed" and len(title.parts) >= 2 and title.rest[:1].isupper()


def _bare_parent(parent: Numbered | None, child: Numbered) -> bool:
    """`parent` a number printed alone on its line whose sub-number `child` is ('2.' and
    '2.1', '3.' and '3.1.1')."""
    return (
        parent is not None
        and not parent.rest
        and child.parts[: len(parent.parts)] == parent.parts
        and len(child.parts) > len(parent.parts)
    )


LIST_WORDS = re.compile(r"^(?:To|TO|That|THAT|The|THE|This|It|In|On|At|If)\b")


def _lettered_title(lines: list[Line], i: int, rest: str) -> bool:
    """'(a)  Appointment of Chairman' on a line of its own: a lettered minute heading (a
    sub-committee's items), not a part of a resolution ('(a) To note …', '(a) the …')
    nor an item of a list its line above opens ('… RESOLVED:')."""
    above = next(
        (ln.text.strip() for ln in reversed(lines[max(0, i - 4) : i]) if ln.text.strip()), ""
    )
    words = rest.split()
    return (
        len(words) <= 16
        and not LIST_WORDS.match(rest)
        and not re.search(r"[.;,:]\s*$", rest)
        and not SENTENCE_WORDS.search(rest)
        and not above.endswith((":", ";", ",", ":-"))
        and (i + 1 >= len(lines) or not lines[i + 1].text.strip())  # the minute's text below it
    )


def _score(
    lines: list[Line],
    i: int,
    rest: str,
    title: str,
    item: str | None,
    layout: _Layout,
    distinct: bool = False,
    worded: bool = False,
    alone: bool = False,
) -> float:
    """How much a numbered line reads as a minute heading. A number of a scheme no
    paragraph uses ('F06:04/24', '58/24', 'Minute 12'), or one printed on a line of its own
    over its title ('4.' / 'Determination of Applications for Temporary Event Notices - The
    Pub Garden, …'), is not held to a title's length."""
    score = 0.0
    words = title.split()
    # (both its uses are of titles of more than six words: most candidates skip the matching)
    agenda_wording = (
        len(words) > 6 and bool(AGENDA_TITLE.match(title)) and not SENTENCE_WORDS.search(title)
    )
    stands_out = layout.stands_out(lines[i])
    if stands_out:
        score += 2.5
    elif stands_out is False and not is_upper(title):
        score -= 2.5
    if is_upper(title):
        score += 1.5
    if item:
        score += 2.5
    if len(words) <= 12 or distinct:
        score += 0.5
    elif agenda_wording:
        pass  # the agenda's wording of the item, long as it is ('To consider the applications …')
    elif (
        not stands_out and not distinct and not alone
    ):  # a long title printed as a heading is still one
        score -= (len(words) - 12) * 0.25
    if (
        title.rstrip().endswith((".", ";", ","))
        and len(words) > 6
        and not distinct
        and not agenda_wording  # ('To elect a Chair … witnessed by the Proper Officer.')
    ):
        score -= 1.5
    if SENTENCE_WORDS.search(title) and not is_upper(title) and not item and not worded:
        score -= 1.5  # ('Item 1: JC asked …': a number so named heads its minute however worded)
    if i == 0 or not lines[i - 1].text.strip():
        score += 0.3
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if not after:
        score += 0.3
    return score


def _continuation(
    lines: list[Line], j: int, first: str, layout: _Layout, head: Line
) -> tuple[list[str], tuple[str, int] | None]:
    """Title lines after the heading's first, and the '(Item N)' line below it if any.

    A title runs on over lines printed like it (same weight, or capitals under capitals),
    up to an '(Item N)' reference; across a page break too, when the next part names the
    item ('AUDITED FINAL ACCOUNTS ... ' / page break / 'JUDGEMENT (Agenda item 4)').
    """
    extra: list[str] = []
    if ITEM_REF.search(first):
        return extra, None
    k = j
    blanks = 0
    while k < len(lines) and len(extra) < 3:
        text = lines[k].text.strip()
        if not text:
            blanks += 1
            k += 1
            if blanks > 3:
                break
            continue
        ref = ITEM_REF.search(text)
        if ref and ITEM_REF.fullmatch(text):
            return extra, (ref.group(1), k)
        if split_number(text) or FORMULA_START.match(text) or len(text) > 120:
            break
        same_print = _printed_alike(head, lines[k], layout)
        alike = (
            is_upper(ITEM_REF.sub("", first)) and is_upper(ITEM_REF.sub("", text))
        ) or same_print
        if ref and (alike or blanks == 0):
            extra.append(text)
            return extra, (ref.group(1), k)
        if blanks or not alike:
            # a plain line: part of the title only when an '(Item N)' line closes it
            ahead = _item_line(lines, k, 2)
            if ahead is None or blanks:
                break
            extra.extend(t.strip() for t in (ln.text for ln in lines[k : ahead[1]]) if t.strip())
            return extra, ahead
        extra.append(text)
        k += 1
    return extra, None


def _item_line(lines: list[Line], k: int, reach: int) -> tuple[str, int] | None:
    for m in range(k, min(k + reach + 1, len(lines))):
        text = lines[m].text.strip()
        if not text:
            return None
        if ITEM_REF.fullmatch(text):
            return ITEM_REF.fullmatch(text).group(1), m  # type: ignore[union-attr]
    return None


def _printed_alike(a: Line, b: Line, layout: _Layout) -> bool:
    if not layout.known or a.style is None or b.style is None:
        return False
    return (
        a.style.bold == b.style.bold
        and abs(a.style.size - b.style.size) < 0.6
        and (a.style.bold and layout.bold_share < 0.5 or a.style.size > layout.size + 0.9)
    )


def _line_after(lines: list[Line], j: int, count: int) -> int:
    """The index after the `count`-th non-empty line from `j`."""
    seen = 0
    while j < len(lines):
        if lines[j].text.strip():
            seen += 1
            if seen == count:
                return j + 1
        j += 1
    return j


def _next_text(lines: list[Line], j: int, reach: int) -> int | None:
    for k in range(j, min(j + reach + 1, len(lines))):
        if lines[k].text.strip():
            return k
    return None


# between runs that read alike, the one whose numbers skip fewer wins; one number missing
# is common (an item withdrawn, its heading lost), a jump of several is more often a
# reference printed in a minute's text ('PL36-25/26' in a table of interests)
SKIP_COST = 0.01


def _best_chain(group: list[tuple[int, Numbered, Heading]]) -> tuple[list[Heading], float]:
    """The run of headings with the highest total score whose numbers go up in small steps."""
    if not group:
        return [], 0.0
    keys = sequence_keys([numbered for _, numbered, _ in group])
    n = len(group)
    total = [0.0] * n
    back = [-1] * n
    for b in range(n):
        score = group[b][2].score
        if score <= 0:
            total[b] = float("-inf")
            continue
        total[b] = score
        for a in range(max(0, b - 400), b):
            if total[a] == float("-inf") or group[a][0] + group[a][2].span > group[b][0]:
                continue
            # ('32' → '36' skips three numbers; '7' → '7a', '12' → '13' none)
            skipped = max(step(keys[a], keys[b]) - 1, 0)
            gain = score - SKIP_COST * max(skipped - 1, 0)
            if follows(keys[a], keys[b]) and total[a] + gain > total[b]:
                total[b], back[b] = total[a] + gain, a
    end = max(range(n), key=lambda k: total[k])
    if total[end] == float("-inf"):
        return [], 0.0
    chain: list[Heading] = []
    k = end
    while k != -1:
        chain.append(group[k][2])
        k = back[k]
    return chain[::-1], total[end]


SUBJECT = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:Subject(?:\s+of\s+(?:the\s+)?(?:decision|report))?|Title|Decision\s+title|Report\s+title|Title\s+of\s+(?:the\s+)?"
    r"(?:report|decision|item)|Matter)\s*:[-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
MARK_ALONE = re.compile(r"^\s*\(?[a-z0-9]{1,3}[.)]\s*$")
LABEL = re.compile(r"^\s*[A-Z][\w ,/&()'’-]{1,60}:[-–]?\s*")


def subject_items(lines: list[Line]) -> list[Heading]:
    """The items of a decision notice that numbers none: each 'Subject: … (agenda item N)'
    field opens one, numbered by the agenda item it names (else by its place)."""
    found: list[Heading] = []
    for i, line in enumerate(lines):
        match = SUBJECT.match(line.text)
        if not match:
            continue
        parts = [match.group("rest").strip()] if match.group("rest").strip() else []
        k = i + 1
        while k < len(lines) and len(parts) < 4 and not ITEM_REF.search(" ".join(parts)):
            text = lines[k].text.strip()
            unclosed = " ".join(parts).count("(") > " ".join(parts).count(")")
            if (
                not text
                or not unclosed
                and (MARK_ALONE.match(text) or LABEL.match(text) or split_number(text))
            ):
                break
            parts.append(text)
            k += 1
        joined = re.sub(r"\s+", " ", " ".join(parts))
        ref = ITEM_REF.search(joined)
        title = re.sub(r"\s+", " ", ITEM_REF.sub("", joined)).strip(" .:–-")
        if not title:
            continue
        start = i - 1 if i > 0 and MARK_ALONE.match(lines[i - 1].text) else i
        number = ref.group(1) if ref else str(len(found) + 1)
        found.append(
            Heading(start, k - start, number, "subject", title, ref.group(1) if ref else None, 3.0)
        )
    return found


GAP = 2  # blank lines above an unnumbered item's title
PAGE_FIELD = re.compile(r"(?i)^\s*(?:venue|contact|location|place|date|time)\s*:")
DOTTED_TITLE_WORDS = 8
NOT_A_DOTTED_TITLE = re.compile(  # a sentence about who did what, not a title
    r"(?i)(?:proposed|seconded|moved|councillors?|cllrs?|mrs?|ms|miss|dr|the|there|it|this|all|none|no)\b"
)
IN_THE_CHAIR = re.compile(r"(?i)\bin\s+the\s+chair\b")  # 'Mr. Orson in the Chair': who chaired
GAP_TITLE_WORDS = 14
FIELD_LIKE = re.compile(r"^[^:]{1,40}:")
ICON = re.compile(r"\s*\bpdf\s+icon\b", re.IGNORECASE)


# 'Recorded vote under Procedure Rule 4.13.5' over the lists of who voted which way: the
# record of an item's vote, not an item
VOTE_LABEL_TITLE = re.compile(
    r"(?i)^(?:recorded|named|roll[- ]call)\s+vote\b|^vot(?:e|ing)\s+(?:record|result)s?\b"
)


def gap_items(lines: list[Line], least: int = 3) -> list[Heading]:
    """Items printed without numbers (a web page's table of items copied as text, its
    numbers lost): each title a short line set off by a run of blank lines above it, its
    description and minutes below. `least` such titles or more (three, or one under a
    'No. Item' table header), or none."""
    found: list[Heading] = []
    blanks = 0
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            blanks += 1
            continue
        above, blanks = blanks, 0
        # the first item may follow the page's fields with one blank line ('Venue: …' /
        # '' / 'Election of the Chair of the Council')
        after_fields = not found and above == 1 and i >= 2 and PAGE_FIELD.match(lines[i - 2].text)
        if (above < GAP and not after_fields) or not found and i - above <= 0:
            continue
        lead = lines[i - above - 1].text.strip()
        if lead.endswith(":") and len(lead.split()) >= 4:
            continue  # '… the appointment to the Panel of:' / 'Cllr Lesley Adams – …': its list
        title = ICON.sub("", ATTACHMENT.sub("", re.sub(r"\s+", " ", text))).strip(" –-")
        # a full stop closing a short title ('Election of Chairman.'), not a sentence's
        if (
            "." not in title[:-1]
            and len(title.split()) <= DOTTED_TITLE_WORDS
            and not NOT_A_DOTTED_TITLE.match(title)
        ):
            title = re.sub(r"(?<=[a-z)])\.$", "", title)
        if (
            not title
            or re.fullmatch(r"No\.?\s+Item", title)  # the table's header, not an item
            or not title[0].isupper()
            or len(title.split()) > (GAP_TITLE_WORDS if least >= 3 else 2 * GAP_TITLE_WORDS)
            or title.endswith((".", ":", ";", ","))
            or IN_THE_CHAIR.search(title)
            or VOTE_LABEL_TITLE.match(title)
            or FIELD_LIKE.match(title)
            or split_number(title)
            or SENTENCE_WORDS.search(title)
            or FORMULA_START.match(title)
            or _next_text(lines, i + 1, 3) is None
        ):
            continue
        found.append(Heading(i, 1, "", "gap", title, None, 1.0))
    return found if len(found) >= least else []


SMALL_WORD = re.compile(r"(?:of|and|the|for|to|in|on|at|by|with|a|an|&|[-–])$")
CAPITAL_TITLE_WORDS = 6


ATTENDANCE_LABEL = re.compile(  # who came, not an item: 'PRESENT', 'IN ATTENDANCE', 'PRESENNOL'
    r"(?i)^(?:(?:members\s+|councillors\s+|also\s+)?present|in\s+attendance|attendance|"
    r"presennol|yn\s+bresennol)$"
)


def capital_line_items(lines: list[Line], least: int = 3) -> list[Heading]:
    """Items set off only by a short title in capitals on a line of its own, a blank line
    above it ('APOLOGIES' / '' / 'None.' / '' / 'MATTERS ARISING' / …): `least` such titles
    or more, or none; who was present is not an item."""
    found: list[Heading] = []
    for i, line in enumerate(lines):
        title = line.text.strip()
        words = title.split()
        if (
            not 1 <= len(words) <= CAPITAL_TITLE_WORDS
            or i > 0
            and lines[i - 1].text.strip()
            or not is_upper(title)
            or title.endswith((".", ":", ";", ",", "!", "?"))
            or FIELD_LIKE.match(title)
            or split_number(title)
            or parse_date(title)
            or ATTENDANCE_LABEL.match(title)
            or _next_text(lines, i + 1, 3) is None
        ):
            continue
        found.append(Heading(i, 1, "", "gap", title, None, 1.0))
    return found if len(found) >= least else []


def capital_title_items(lines: list[Line], least: int = 2) -> list[Heading]:
    """Items set off only by a short title with capitals to each word on a line of its own,
    a blank line above it and its text right under it ('Annual General Meeting' / 'At this
    point the Chairman stood down …'): `least` such titles or more, or none."""
    found: list[Heading] = []
    for i, line in enumerate(lines):
        title = line.text.strip()
        words = title.split()
        if (
            not 1 <= len(words) <= CAPITAL_TITLE_WORDS
            or i == 0
            or lines[i - 1].text.strip()
            or i + 1 >= len(lines)
            or len(lines[i + 1].text.split()) < CAPITAL_TITLE_WORDS
            or not all(w[:1].isupper() or w[:1].isdigit() or SMALL_WORD.match(w) for w in words)
            or not words[0][:1].isupper()
            or title.endswith((".", ":", ";", ",", "!", "?"))
            or FIELD_LIKE.match(title)
            or split_number(title)
            or re.match(r"(?i)(?:cllrs?|councillors?|mrs?|ms|dr)\b", title)  # a name, not a title
        ):
            continue
        found.append(Heading(i, 1, "", "gap", title, None, 1.0))
    return found if len(found) >= least else []


REF_ITEM = re.compile(r"^\s*(?:[-–•·*▪]\s+)?(?P<title>[A-Z].*\S)\s*$")


def ref_items(lines: list[Line]) -> list[Heading]:
    """Items numbered only by the running reference their titles end with ('- Apologies
    for absence and reasons given. Vote to accept. (1819/030)'): two or more whose
    references go up in small steps, or none."""
    found: list[tuple[Heading, Numbered]] = []
    for i, line in enumerate(lines):
        item = REF_ITEM.match(line.text)
        ref = bracketed_ref(item.group("title")) if item else None
        if item is None or ref is None:
            continue
        title = item.group("title")[: ref.start()].strip(" .:–-")
        numbered = split_number(ref.group("ref"))
        if not title or numbered is None or len(title) > MAX_DISTINCT_TITLE:
            continue
        found.append((Heading(i, 1, ref.group("ref"), "ref", title, None, 1.0), numbered))
    if len(found) < 2:
        return []
    keys = sequence_keys([n for _, n in found])
    if not all(follows(a, b) for a, b in zip(keys, keys[1:], strict=False)):
        return []
    return [h for h, _ in found]


BULLET = re.compile(r"^\s*[-–•·*▪]\s+(?P<title>\S.*?)\s*$")


def bullet_items(lines: list[Line]) -> list[Heading]:
    """Items marked by a bullet instead of a number (a numbered list copied as '- '): each
    title a short bulleted line with no closing stop, the minute's text under it
    unbulleted. Three or more such titles, or none (a list of points is not headings:
    its lines follow one another, or read as sentences)."""
    found: list[Heading] = []
    for i, line in enumerate(lines):
        bullet = BULLET.match(line.text)
        if bullet is None:
            continue
        title = bullet.group("title")
        after = _next_text(lines, i + 1, 3)
        if (
            not title[0].isupper()
            or len(title.split()) > GAP_TITLE_WORDS
            or title.endswith((".", ":", ";", ","))
            or FIELD_LIKE.match(title)
            or SENTENCE_WORDS.search(title)
            or FORMULA_START.match(title)
            or after is None
            or BULLET.match(lines[after].text)
            or lines[after].text.strip()[:1].islower()  # the point goes on: not a title
        ):
            continue
        found.append(Heading(i, 1, "", "bullet", title, None, 1.0))
    return found if len(found) >= 3 else []
