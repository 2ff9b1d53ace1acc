"""Split an agenda pack into its documents and say what each one is.

A pack is a front sheet (or covering letter) followed by documents: minutes of earlier
meetings, officer reports with cover sheets, public questions, presentations and
appendices. Documents are found by structure: minutes headings, cover-sheet fields,
question lists, blank-page notices and gaps followed by an agenda item's title. Each
document is placed under an agenda item by its 'Agenda Item N' stamps, else by its
title, else by its place in the pack; its printed pages come from footers, from the
agenda's page ranges and from page breaks counted in between.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from kb.model import AgendaItem, Document, Line, Meeting, Minute, Pack, Page

from .agenda import AGENDA_HEADING, REPORT_OF, is_letter, parse_agenda, parse_meeting
from .cover import LABEL, _field_key, count_cover_fields, is_exempt, parse_cover_fields
from .dates import MONTH_WORD, WEEKDAY, parse_date
from .decisions import find_decisions
from .furniture import RawLine, classify_lines
from .headings import find_headings
from .minutes import BODY_WORD, SIGNED, MinutesHead, find_minutes_head, parse_minutes, title_case
from .names import meeting_committee, normalise_committee
from .numbering import split_number
from .runin import split_run_in

QUESTIONS = re.compile(
    r"^\s*(?:Public\s+Questions?\b|Questions?\s+(?:from|by|to)\s+(?:members\s+of\s+)?the\s+public\b|"
    r"Petitions?\s+and\s+(?:public\s+)?questions\b)",
    re.IGNORECASE,
)
PRESENTATION = re.compile(r"\bpresentation\b|\bslides?\b", re.IGNORECASE)
APPENDIX = re.compile(r"^\s*(?:Appendix|Annex|Schedule)\s+[A-Z0-9]{1,3}\b", re.IGNORECASE)
GAP_LINES = 3
AGENDA_WORD = re.compile(r"^\s*(?:A\s*G\s*E\s*N\s*D\s*A|AGENDA)\b", re.IGNORECASE)


@dataclass
class _Segment:
    """A document while the pack is being parsed (mutable; frozen into a `Document` at the end)."""

    start: int
    end: int
    kind: str  # front | minutes | cover | questions | break
    meeting: Meeting | None = None
    item: str | None = None
    title: str | None = None
    stamps: list[str] = field(default_factory=list)
    notice: bool = False  # a decision notice or record rather than minutes


def parse_pack(pages: list[Page], source: str) -> Pack:
    """Parse a pack's pages into a `Pack` of typed, item-placed, paginated documents."""
    raw = classify_lines(pages)
    texts = [r.text.strip() if r.kind == "text" else "" for r in raw]
    segments = _segments(raw, texts)
    if segments and segments[0].kind == "front":
        _minutes_without_a_known_title(segments[0], raw, texts)
    front = segments[0] if segments and segments[0].kind == "front" else None
    front_texts = list(texts[front.start : front.end]) if front else []
    meeting = (
        parse_meeting([r.text.strip() for r in raw[front.start : front.end]])
        if front
        else Meeting(None, None)
    )
    agenda = parse_agenda(front_texts) if front and not is_letter(front_texts) else ()
    letter_items = (
        parse_agenda(["AGENDA", *front_texts]) if front and is_letter(front_texts) else ()
    )
    _assign_items(segments, raw, texts, agenda)
    segments = _split_at_item_titles(segments, raw, texts, agenda)
    _fill_items(segments, agenda)
    if meeting.committee is None or meeting.date is None:
        meeting = _meeting_from_covers(segments, texts, meeting)
    if len(pages) > 1:
        pages_by_line = _physical_pages(raw, pages)
    else:
        pages_by_line = _paginate(raw, segments, agenda, letter_items, texts)
    documents = []
    seen: set[str | None] = set()
    for seg in segments:
        documents.append(
            _document(seg, raw, texts, pages_by_line, meeting, agenda, seg.item not in seen)
        )
        seen.add(seg.item)
    return Pack(
        source=source,
        meeting=meeting,
        agenda=agenda,
        documents=tuple(d for d in documents if d),
    )


# --- finding where documents start -------------------------------------------------------


SAME_BLOCK = 6  # lines: a title block read twice (its name and date, then its 'MINUTES')


def _read_twice(starts: dict[int, _Segment], head: MinutesHead, i: int) -> bool:
    """Whether the title block at line `i` is the last one's, read again a few lines on."""
    last = starts[max(starts)] if starts else None
    return (
        last is not None
        and last.kind == "minutes"
        and last.meeting == head.meeting
        and i - last.start <= SAME_BLOCK
    )


def _segments(raw: list[RawLine], texts: list[str]) -> list[_Segment]:
    starts: dict[int, _Segment] = {}
    # minutes headings may repeat as running headers: search them with headers kept
    head_texts = [r.text.strip() if r.kind in ("text", "header") else "" for r in raw]
    i = 0
    n = len(raw)
    while i < n:
        if not head_texts[i]:
            i += 1
            continue
        head = find_minutes_head(head_texts, i)
        if head and _same_record(starts, head):
            i += 4  # the title block repeated on each page of one record (a decision form)
            continue
        if head and _read_twice(starts, head, i):
            i += 4  # 'FULL PARISH MEETING …' / '07 August 2023 – 7pm' / 'MINUTES': one block
            continue
        if head:
            s = _extend_back(raw, texts, _committee_line(texts, i))
            title = "Record of decisions" if head.notice else "Minutes"
            starts[s] = _Segment(
                s, n, "minutes", meeting=head.meeting, title=title, notice=head.notice
            )
            i += 4
            continue
        if not texts[i]:
            i += 1
            continue
        cover_end = _cover_end(raw, texts, i) if LABEL.match(texts[i]) else None
        if cover_end is not None:
            s = _extend_back(raw, texts, _title_line(texts, i))
            starts[s] = _Segment(s, n, "cover")
            i = _skip_cover(texts, cover_end)
            continue
        if (
            QUESTIONS.match(texts[i])
            and len(texts[i]) < 160
            and i > 0
            and not _before_first_minute(starts, texts, i)
        ):
            s = _extend_back(raw, texts, i)
            starts[s] = _Segment(s, n, "questions")
        i += 1
    stamped: str | None = None
    for i, line in enumerate(raw):
        if line.kind == "blank":
            j = _next_text(texts, i + 1)
            if j is not None and not any(abs(s - j) <= 12 for s in starts):
                starts.setdefault(_extend_back(raw, texts, j), _Segment(j, n, "break"))
        elif line.kind == "stamp" and line.value:
            # a page whose top is stamped with another agenda item than the pages before
            # starts its paper (in PDFs; text exports print the stamps where they fall)
            j = _next_text(texts, i + 1)
            top = not any(
                r.kind == "text" and r.page_index == line.page_index for r in raw[max(0, i - 4) : i]
            ) and any(r.page_index != line.page_index for r in raw[:i])
            new_item = stamped is not None and line.value != stamped
            if new_item and j is not None and top and not any(abs(s - j) <= 12 for s in starts):
                starts.setdefault(_extend_back(raw, texts, j), _Segment(j, n, "break"))
            stamped = line.value
    ordered = sorted(starts.items())
    segments: list[_Segment] = []
    first_text = _next_text(texts, 0)
    if not ordered or (first_text is not None and ordered[0][0] > first_text):
        segments.append(_Segment(0, ordered[0][0] if ordered else n, "front"))
    for k, (start, seg) in enumerate(ordered):
        seg.start = start
        seg.end = ordered[k + 1][0] if k + 1 < len(ordered) else n
        segments.append(seg)
    segments = [s for s in segments if any(texts[s.start : s.end])]
    if len(segments) > 1 and segments[0].kind == "front":
        body = [t for t in texts[segments[0].start : segments[0].end] if t]
        if len(body) < 6 and not is_letter(body) and not any(AGENDA_WORD.match(t) for t in body):
            # a title page of a few lines: part of what follows
            segments[1].start = segments[0].start
            segments = segments[1:]
    return segments


MINUTES_WORD = re.compile(
    r"\b(?:minutes?|record\s+of\s+(?:the\s+)?(?:decisions?|proceedings|meeting)|proceedings|"
    r"notes\s+of\s+(?:the\s+)?meeting|meeting\b[^.]{0,80}\b(?:was\s+)?held\s+(?:on|at))\b",
    re.IGNORECASE,
)


def _minutes_without_a_known_title(seg: _Segment, raw: list[RawLine], texts: list[str]) -> None:
    """A file that opens with no title block kb knows, but reads as minutes: a word for
    minutes near the top, a run of minute headings, and decisions under them. It is parsed
    as minutes of the meeting its first lines name, as far as they name it, rather than as
    a front sheet with no minutes at all."""
    top = [t for t in texts[seg.start : seg.end] if t][:15]
    if not any(MINUTES_WORD.search(t) for t in top):
        return
    lines = [
        Line(raw[i].text, None, raw[i].style) if raw[i].kind == "text" else Line("", None)
        for i in range(seg.start, seg.end)
        if raw[i].kind in ("text", "empty")
    ]
    lines = split_run_in(lines)
    headings = find_headings(lines)
    if len(headings) < 2:
        return
    decided = sum(
        1
        for n, head in enumerate(headings)
        if find_decisions(
            lines[head.line + head.span : headings[n + 1].line if n + 1 < len(headings) else None]
        )
    )
    if decided < max(1, len(headings) // 5):
        return
    before = [ln.text.strip() for ln in lines[: headings[0].line] if ln.text.strip()]
    meeting = parse_meeting(before)
    # the date of the line that says the meeting was held, else of a short line: a date in
    # a long sentence ('regulations remain in force until 30th April 2021') is not the meeting's
    short = [t for t in before[:12] if len(t) <= 160 and not SIGNED.match(t)]
    held = [t for t in short if re.search(r"(?i)\bmeeting\b|\bheld\b", t)]
    date = next((d for t in (held or short) if not SIGNED.match(t) and (d := parse_date(t))), None)
    if date is None and held:
        date = next((d for t in short if (d := parse_date(t))), None)
    if date is None and not held:
        date = meeting.date
    committee = meeting_committee(
        meeting.committee or _body_named(before[:8]), " ".join(before[:3])
    )
    seg.kind = "minutes"
    seg.title = "Minutes"
    seg.meeting = Meeting(committee=committee, date=date, time=meeting.time)


MEETING_OF = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?P<c>(?-i:[A-Z])[\w&'’-]*(?:\s+(?:(?-i:[A-Z])[\w&'’()-]*|and|of|for|the|on)){0,10})",
    re.IGNORECASE,
)
GENERIC_NAME = re.compile(
    r"(?i)\s*(?:(?:committee|board|council|forum|group|panel)\s*)?(?:meeting\s*)?(?:minutes?)?\s*"
)


def _body_named(lines: list[str]) -> str | None:
    """The body the first lines of an untitled set of minutes name: 'a meeting of the X',
    else the first line naming a body ('… Committee Minutes' without 'Minutes'), read with
    the line above when it is only a generic word ('Thornbury Allotment Society' /
    'Committee Meeting Minutes')."""
    if named := MEETING_OF.search(" ".join(lines)):
        name = re.split(rf"(?i)\s+(?:{WEEKDAY}|{MONTH_WORD}|held|on|at)\b", named.group("c"))[0]
        name = re.sub(r"(?:\s+(?:and|of|for|the|on))+$", "", name)
        if BODY_WORD.search(name):
            return normalise_committee(name)
    for k, t in enumerate(lines):
        body = BODY_WORD.search(t)
        if body is None or parse_date(t) or len(t) > 100 or re.search(r":\s+\S", t):
            continue  # (a label and its entry, 'Public Forum: No comments made', names no body)
        name = re.sub(r"(?i)\s*(?:meeting\s*)?minutes?\s*$", "", t).strip(" -–:")
        if GENERIC_NAME.fullmatch(t) and k > 0 and not parse_date(lines[k - 1]):
            name = f"{lines[k - 1].strip()} {body.group(0)}"
        return normalise_committee(name)
    return None


def _before_first_minute(starts: dict[int, _Segment], texts: list[str], i: int) -> bool:
    """Whether line `i` lies between a minutes title block and its first numbered minute:
    'Public Questions' there is part of the minutes, not a paper of its own."""
    last = max((s for s in starts if s < i), default=None)
    if last is None or starts[last].kind != "minutes":
        return False
    return not any((n := split_number(t)) and n.rest[:1].isupper() for t in texts[last:i] if t)


def _same_record(starts: dict[int, _Segment], head: MinutesHead) -> bool:
    """A notice whose title block repeats the last one's meeting continues it."""
    if not head.notice or not starts:
        return False
    last = starts[max(starts)]
    return last.kind == "minutes" and last.meeting == head.meeting


def _next_text(texts: list[str], i: int) -> int | None:
    while i < len(texts):
        if texts[i]:
            return i
        i += 1
    return None


def _extend_back(raw: list[RawLine], texts: list[str], i: int) -> int:
    """Move a document start back over empty lines and furniture, taking at most one stamp."""
    j = i
    while j > 0 and raw[j - 1].kind in ("empty", "header", "footer", "stamp", "notice"):
        j -= 1
        if raw[j].kind == "stamp":
            return j
    return i


def _committee_line(texts: list[str], i: int) -> int:
    """The first line of the committee name printed above a minutes heading."""
    j, first = i - 1, i
    while j >= 0 and i - j <= 4:
        if texts[j]:
            letters = [c for c in texts[j] if c.isalpha()]
            if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.85:
                break
            first = j
        j -= 1
    return first


def _is_field(text: str) -> bool:
    match = LABEL.match(text)
    return bool(match and _field_key(match.group(1)))


LETTER_MARK = re.compile(r"^\s*(?:Dear\s|Yours\s+(?:sincerely|faithfully))", re.IGNORECASE)


def _cover_end(raw: list[RawLine], texts: list[str], i: int) -> int | None:
    """Where a cover-sheet table that starts at line `i` ends, or None when there is none here.

    A cover sheet is a run of labelled fields ('Report to:', 'From:', 'Subject:',
    'Classification:' ...), at most nine lines apart, three or more of them known ones.
    A letter's salutation or a blank page ends the run.
    """
    if not _is_field(texts[i]):
        return None
    end, since_field, j = i, 0, i
    while j < len(texts) and since_field <= 9:
        if raw[j].kind == "blank" or LETTER_MARK.match(texts[j]):
            break
        if texts[j]:
            if _is_field(texts[j]):
                end, since_field = j, 0
            else:
                since_field += 1
        j += 1
    window = texts[i : end + 1]
    labelled = [t for t in window if t and _is_field(t)]
    return end if len(labelled) >= 2 and count_cover_fields(window) >= 3 else None


def _title_line(texts: list[str], i: int) -> int:
    """Include a report title printed just above the cover-sheet table."""
    j = i - 1
    while j >= 0 and not texts[j] and i - j < 4:
        j -= 1
    if (
        j >= 0
        and texts[j]
        and len(texts[j]) < 120
        and not texts[j].endswith((".", ":"))
        and i - j < 4
    ):
        return j
    return i


def _skip_cover(texts: list[str], i: int) -> int:
    j = i
    while (
        j < len(texts)
        and j - i < 30
        and (not texts[j] or LABEL.match(texts[j]) or "\t" in texts[j])
    ):
        j += 1
    return max(j, i + 1)


# --- placing documents under agenda items ------------------------------------------------


def _assign_items(
    segments: list[_Segment], raw: list[RawLine], texts: list[str], agenda: tuple[AgendaItem, ...]
) -> None:
    previous: str | None = None
    for seg in segments:
        seg.stamps = [r.value for r in raw[seg.start : seg.end] if r.kind == "stamp" and r.value]
        if seg.kind == "front":
            continue
        if seg.stamps:
            # A stamp just before a document's first line may be the last page of the one
            # before; on a tie, the item that is new here wins.
            counts = Counter(seg.stamps)
            best = max(counts.values())
            tied = [s for s in dict.fromkeys(seg.stamps) if counts[s] == best]
            fresh = [s for s in tied if s != previous]
            seg.item = fresh[-1] if fresh else tied[-1]
        elif seg.kind == "minutes" and seg.meeting:
            seg.item = _minutes_item(agenda, seg.meeting)
        previous = seg.item or previous


def _minutes_item(agenda: tuple[AgendaItem, ...], meeting: Meeting) -> str | None:
    candidates = [a for a in agenda if re.search(r"\bminutes\b", a.title, re.IGNORECASE)]
    for a in candidates:
        if meeting.date and a.note and parse_date(a.note) == meeting.date:
            return a.number
    return candidates[0].number if candidates else None


def _norm_title(text: str) -> str:
    text = re.sub(r"[^a-z0-9 ]", " ", text.lower())
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in text.split())


def _title_score(title: str, text: str) -> float:
    a, b = _norm_title(title), _norm_title(text)
    if len(a.split()) < 2 or not b:
        return 0.0
    return float(fuzz.token_set_ratio(a, b))


def _number(item: str | None) -> int:
    match = re.match(r"\d+", item or "")
    return int(match.group()) if match else -1


def _split_at_item_titles(
    segments: list[_Segment], raw: list[RawLine], texts: list[str], agenda: tuple[AgendaItem, ...]
) -> list[_Segment]:
    """Find documents of unstamped agenda items that start after a gap with the item's title."""
    placed = {s.item for s in segments if s.item}
    missing = [a for a in agenda if a.number not in placed and (a.page_start or a.report_of)]
    if not missing:
        return segments
    out: list[_Segment] = []
    for seg in segments:
        pieces = [seg]
        if seg.kind != "front":
            for gap in _gaps(raw, seg.start + 1, seg.end):
                head = " ".join(t for t in texts[gap : gap + 6] if t)[:200]
                first = texts[gap]
                if len(first) > 150:
                    continue
                lo, hi = _number(pieces[-1].item), _bound_after(segments, seg)
                best = max(
                    (a for a in missing if lo < _number(a.number) < hi),
                    key=lambda a: _title_score(a.title, head),
                    default=None,
                )
                if best and _title_score(best.title, head) >= 85:
                    tail = pieces[-1]
                    new = _Segment(gap, tail.end, "break", item=best.number)
                    tail.end = gap
                    pieces.append(new)
                    missing.remove(best)
        out.extend(pieces)
    return out


def _bound_after(segments: list[_Segment], seg: _Segment) -> int:
    later = [_number(s.item) for s in segments[segments.index(seg) + 1 :] if s.item]
    return later[0] if later else 10_000


def _gaps(raw: list[RawLine], start: int, end: int) -> list[int]:
    """Line numbers of text that follows a run of empty lines (a page or section gap)."""
    found, run = [], 0
    for i in range(start, end):
        if raw[i].kind == "empty":
            run += 1
            continue
        if raw[i].kind == "text" and run >= GAP_LINES:
            found.append(i)
        run = 0 if raw[i].kind == "text" else run
    return found


def _fill_items(segments: list[_Segment], agenda: tuple[AgendaItem, ...]) -> None:
    """Place unstamped documents: by title, else the next unplaced item with pages, else with the one before."""
    placed = {s.item for s in segments if s.item}
    for k, seg in enumerate(segments):
        if seg.kind == "front" or seg.item:
            continue
        prev_item = next((s.item for s in reversed(segments[:k]) if s.item), None)
        hi = next((_number(s.item) for s in segments[k + 1 :] if s.item), 10_000)
        lo = _number(prev_item)
        free = [a for a in agenda if lo < _number(a.number) < hi and a.number not in placed]
        with_pages = [a for a in free if a.page_start]
        if seg.kind != "break" or prev_item is None:
            choice = (
                with_pages[0] if with_pages else (free[0] if free and seg.kind != "break" else None)
            )
            seg.item = choice.number if choice else prev_item
        else:
            seg.item = prev_item
        if seg.item:
            placed.add(seg.item)


def _named_above(texts: list[str], start: int) -> str | None:
    """A cover sheet with no 'Report to' field: the body named on a line of its own just
    above or at the top of its fields ('Combined Authority Board' / 'Date: 14 March 2024'),
    the nearest such line."""
    first = next(
        (k for k in range(start, min(len(texts), start + 12)) if _is_field(texts[k])), start
    )
    for t in reversed(texts[max(0, start - 5) : first]):
        if t and not LABEL.match(t) and len(t) < 70 and BODY_WORD.search(t) and not t.endswith("."):
            return t.strip()
    return None


def _meeting_from_covers(segments: list[_Segment], texts: list[str], meeting: Meeting) -> Meeting:
    """For a pack with no front sheet: the meeting its first cover sheet or minutes name."""
    for seg in segments:
        if seg.kind == "cover":
            fields = parse_cover_fields(texts[seg.start : seg.start + 60])
            report_to = fields.get("report_to", "")
            committee = (
                re.split(r"\s+[-–—]\s+|\s*,\s*(?=\w+day\b)", report_to)[0]
                if report_to
                else _named_above(texts, seg.start)
            )
            return Meeting(
                committee=meeting.committee or normalise_committee(committee),
                date=meeting.date or parse_date(fields.get("date", "")) or parse_date(report_to),
                time=meeting.time,
                venue=meeting.venue,
            )
        if seg.kind == "minutes" and seg.meeting:
            return Meeting(
                committee=meeting.committee or seg.meeting.committee,
                date=meeting.date or seg.meeting.date,
                time=meeting.time,
                venue=meeting.venue or seg.meeting.venue,
            )
    return meeting


# --- pages ---------------------------------------------------------------------------------


def _paginate(
    raw: list[RawLine],
    segments: list[_Segment],
    agenda: tuple[AgendaItem, ...],
    letter_items: tuple[AgendaItem, ...],
    texts: list[str],
) -> list[int | None]:
    """The printed page of every line: footers name their page, agenda page ranges anchor the
    first page of each item, and breaks (running headers, stamps, blank pages) count on."""
    starts: dict[int, int] = {}
    seen_items: set[str] = set()
    by_number = {a.number: a for a in agenda}
    for seg in segments:
        anchor = None
        if seg.item and seg.item not in seen_items and seg.item in by_number:
            anchor = by_number[seg.item].page_start
        elif seg.kind == "cover" and letter_items:
            title = " ".join(t for t in texts[seg.start : seg.start + 8] if t)
            best = max(letter_items, key=lambda a: _title_score(a.title, title))
            if _title_score(best.title, title) >= 80:
                anchor = best.page_start
        if seg.item:
            seen_items.add(seg.item)
        if anchor:
            starts[seg.start] = anchor
    if agenda and any(a.page_start for a in agenda) and segments and segments[0].kind == "front":
        starts.setdefault(segments[0].start, 1)
    pages: list[int | None] = [None] * len(raw)
    current: int | None = None
    page_open = 0  # first line of the current page
    pending_break = False
    last_break = -10
    for i, line in enumerate(raw):
        if i in starts:
            current, page_open, pending_break = starts[i], i, False
        if line.kind in ("header", "stamp", "blank", "footer") or (
            i > 0 and raw[i].page_index != raw[i - 1].page_index
        ):
            is_new_page = (
                line.kind in ("header", "stamp") or raw[i].page_index != raw[i - 1].page_index
            )
            if is_new_page and i - last_break > 3 and not pending_break and i != page_open:
                current = current + 1 if current is not None else None
                page_open = i
            last_break = i
        if line.kind == "footer" and line.value:
            label = int(line.value)
            for j in range(page_open, i + 1):
                pages[j] = label
            current, page_open, pending_break = label, i + 1, True
            continue
        if pending_break and line.kind == "text":
            current = current + 1 if current is not None else None
            page_open, pending_break = i, False
        if line.kind == "blank":
            pages[i] = current
            pending_break = True
            continue
        pages[i] = current
    return pages


def _physical_pages(raw: list[RawLine], pages: list[Page]) -> list[int | None]:
    """For paged sources (PDF): each page's printed number; unnumbered pages count on from
    the nearest numbered one; with no printed numbers at all, the page's position in the file."""
    labels = [p.label for p in pages]
    known = [i for i, label in enumerate(labels) if label is not None]
    resolved: list[int] = []
    for i, label in enumerate(labels):
        if label is not None:
            resolved.append(label)
        elif known:
            before = [k for k in known if k < i]
            after = [k for k in known if k > i]
            if before:
                resolved.append(labels[before[-1]] + (i - before[-1]))  # type: ignore[operator]
            else:
                resolved.append(max(1, labels[after[0]] - (after[0] - i)))  # type: ignore[operator]
        else:
            resolved.append(i + 1)
    index_of = {p.index: n for n, p in enumerate(pages)}
    return [resolved[index_of.get(r.page_index, 0)] for r in raw]


# --- building documents ----------------------------------------------------------------------


def _document(
    seg: _Segment,
    raw: list[RawLine],
    texts: list[str],
    pages: list[int | None],
    meeting: Meeting,
    agenda: tuple[AgendaItem, ...],
    first_of_item: bool,
) -> Document | None:
    # Furniture leaves no trace, not even a paragraph break: text runs on across a page footer.
    lines = [
        Line(raw[i].text, pages[i], raw[i].style) if raw[i].kind == "text" else Line("", pages[i])
        for i in range(seg.start, seg.end)
        if raw[i].kind in ("text", "empty")
    ]
    body = [ln.text for ln in lines]
    if not any(body):
        return None
    known_pages = [ln.page for ln in lines if ln.page is not None and ln.text]
    item = next((a for a in agenda if a.number == seg.item), None)
    fields = parse_cover_fields(body) if seg.kind == "cover" else {}
    exempt = (is_exempt(fields, body) if seg.kind in ("cover", "break") else False) or bool(
        item and item.exempt
    )
    doc_meeting = meeting
    minutes: tuple[Minute, ...] = ()
    doc_type = _doc_type(seg, body, item, fields, first_of_item)
    title = fields.get("subject") or (item.title if item else None)
    if seg.kind == "minutes" and seg.meeting:
        doc_meeting, minutes, _ = parse_minutes(lines, seg.meeting, notice=seg.notice)
        title = seg.title or "Minutes"
    elif doc_type in ("appendix", "presentation"):
        heading = next((t for t in body[:40] if _looks_like_title(t)), None)
        title = heading or (item.title if item else None)
    elif seg.kind == "front" and doc_type == "report":
        title = _title_over_report_of(body)
    elif seg.kind == "front":
        title = (
            "Agenda"
            if doc_type == "agenda"
            else ("Covering letter" if doc_type == "letter" else None)
        )
    return Document(
        doc_type=doc_type,
        title=title_case(title.strip(" –-:")) if title else None,
        agenda_item=seg.item,
        meeting=doc_meeting,
        lines=tuple(lines),
        minutes=minutes,
        fields=fields,
        exempt=exempt,
        page_start=min(known_pages) if known_pages else None,
        page_end=max(known_pages) if known_pages else None,
    )


def _looks_like_title(text: str) -> bool:
    return (
        bool(text)
        and "\t" not in text
        and 8 <= len(text) <= 120
        and len(text.split()) >= 2
        and not text.endswith((".", ",", ";"))
    )


def _unlabelled_report(body: list[str]) -> tuple[list[str], int] | None:
    """A report's cover printed without labels ('Transport Committee' / '8 March 2024' /
    'Capital Programme' / 'Report of the Director of Transport' / '1. Purpose …'): a
    'Report of …' line among the first lines, before any numbered paragraph, and no
    'Agenda' heading above it. Those first lines and where the 'Report of' line is."""
    texts = [t.strip() for t in body if t.strip()][:8]
    for k, t in enumerate(texts):
        if AGENDA_HEADING.match(t) or split_number(t) and not parse_date(t):
            return None  # ('8 March 2024' is the meeting's date, not a paragraph)
        if REPORT_OF.match(t):
            return texts, k
    return None


def _title_over_report_of(body: list[str]) -> str | None:
    """The report's title printed over its 'Report of …' line, if it reads as one."""
    found = _unlabelled_report(body)
    if found is None or not found[1]:
        return None
    texts, at = found
    title = texts[at - 1]
    return title if _looks_like_title(title) and not parse_date(title) else None


def _doc_type(
    seg: _Segment,
    body: list[str],
    item: AgendaItem | None,
    fields: dict[str, str],
    first_of_item: bool,
) -> str:
    if seg.kind == "front":
        if is_letter(body):
            return "letter"
        if _unlabelled_report(body):
            return "report"
        return (
            "agenda"
            if parse_agenda(body) or any(t.upper().startswith("MEETING:") for t in body)
            else "other"
        )
    if seg.kind == "minutes":
        return "minutes"
    if seg.kind == "questions":
        return "questions"
    head = " ".join(t for t in body[:30] if t)[:400]
    if seg.kind == "cover":
        return "presentation" if PRESENTATION.search(fields.get("subject", "")) else "report"
    item_text = f"{item.title} {item.note or ''}" if item else ""
    if APPENDIX.match(next((t for t in body if t), "")):
        return "appendix"
    if PRESENTATION.search(item_text) and not (item and item.page_start):
        return "presentation"
    if first_of_item and seg.item and item is None:
        return "report"  # a supplement's enclosure: the item's own paper
    if item and first_of_item:
        return (
            "presentation"
            if PRESENTATION.search(item_text)
            else ("report" if item.report_of else "other")
        )
    return (
        "appendix" if seg.item else ("other" if not PRESENTATION.search(head) else "presentation")
    )
