"""Page furniture: running headers, 'Agenda Item N' stamps, page footers, blank-page notices.

Furniture is metadata, never passage text. `classify_lines` turns raw page text into
`RawLine`s, each either text or a piece of furniture carrying what it tells us
(the agenda item of a stamp, the printed number of a footer).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, replace

from kb.model import LineStyle, Page

from .dates import MONTH_WORD, WEEKDAY
from .flattened import unflatten

STAMP = re.compile(r"^\s*Agenda\s+Item\s+(?:No\.?\s*)?(\d{1,3}[A-Za-z]?)\s*$", re.IGNORECASE)
PAGE_FOOTER = re.compile(
    r"^\s*(?:Page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?|[-–—]\s*(\d{1,4})\s*[-–—])\s*$", re.IGNORECASE
)
INLINE_FURNITURE = re.compile(r"\s*\bPage\s+(\d{1,4})\s+Agenda\s+Item\s+\d{1,3}[A-Za-z]?\b\s*")
BLANK_PAGE = re.compile(
    r"^\s*(?:this\s+page\s+(?:is\s+|has\s+been\s+)?(?:intentionally\s+)?(?:left\s+)?"
    r"|(?:intentionally\s+)(?:left\s+)?)blank\.?\s*$",
    re.IGNORECASE,
)
CALL_IN = re.compile(r"^\s*THIS SET OF MINUTES IS (?:NOT )?SUBJECT TO", re.IGNORECASE)
PUBLIC_PACK = re.compile(r"^\s*Public Document Pack\s*$", re.IGNORECASE)
HEADER_DATE_TAIL = re.compile(
    rf"[-–—]\s*{WEEKDAY},?\s+\d{{1,2}}\s*(?:st|nd|rd|th)?\s+{MONTH_WORD},?\s+\d{{4}}\s*$",
    re.IGNORECASE,
)
EDGE = 5  # lines at the top and bottom of a page where running furniture sits
TAG = re.compile(r"<[^>]{1,200}>")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class RawLine:
    """A line of the source with its kind: 'text', 'empty', 'stamp', 'footer', 'blank', 'header'
    (running headers and repeated page-edge lines), 'notice' (fixed notices such as
    'Public Document Pack').

    `value` holds the stamp's agenda item or the footer's page number; `page_index` the
    source page (form-feed or PDF page) the line came from.
    """

    text: str
    kind: str
    value: str | None = None
    page_index: int = 0
    style: LineStyle | None = None


LETTER_SPACED = re.compile(r"(?<![\w.])(?:[A-Z] ){4,}[A-Z](?![\w.])")


def clean_markup(line: str) -> str:
    """Strip HTML tags, Markdown emphasis and headings, and entity escapes from one line."""
    line = re.sub(r"<sup>\s*(st|nd|rd|th)\s*</sup>", r"\1", line, flags=re.IGNORECASE)
    line = re.sub(r"(?i)</p>\s*<p>|<br\s*/?>|</li>\s*<li>", " ", line)
    line = re.sub(r"(?i)<li>", "• ", line)
    line = TAG.sub(" ", line)
    line = html.unescape(line)
    line = MD_LINK.sub(r"\1", line)
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    line = re.sub(r"\s*\{[#.][\w:.-]+(?:\s+[#.][\w:.-]+)*\}\s*$", "", line)  # '{#min-38}' anchors
    # ModernGov pages' link texts: a document icon and its size, the venue's map link
    line = re.sub(r"(?i)\s*\bpdf\s+icon\b(?:\s*PDF\s*[\d.,]+\s*[KM]B)?", "", line)
    line = re.sub(r"(?i)\s*\bView\s+directions\s*$", "", line)
    line = line.replace("**", "").replace("__", "")
    line = line.replace("\u00a0", " ").replace("\u200b", "")
    # a word in letter-spaced capitals, a PDF's emphasis ('R E S O L V E D – that:'): five
    # letters or more, each alone between single spaces
    line = LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), line)
    line = re.sub(r"[ ]{2,}", " ", line)
    # a table's cell bars around a numbered row: '1. | All Councillors present signed … |'
    line = re.sub(r"^(\s*\(?(?:\d[\w./-]{0,11}|[A-Za-z]{1,3}[.)])) \| ", r"\1 ", line)
    line = re.sub(r"(?<=\S) \|$", "", line)
    if re.fullmatch(r"[\s|:+=_-]*", line) and len(line.strip()) > 0:
        return ""  # table rules and separator lines
    return line.rstrip()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def classify_lines(pages: list[Page]) -> list[RawLine]:
    """Split pages into lines and mark the furniture among them."""
    out: list[RawLine] = []
    for page in pages:
        start = len(out)
        lines = page.text.splitlines()
        if len(page.styles) != len(lines):  # no layout: a line may hold a whole flattened meeting
            lines = [piece for line in lines for piece in unflatten(line)]
        styles = page.styles if len(page.styles) == len(lines) else (None,) * len(lines)
        for raw, style in zip(lines, styles, strict=True):
            if INLINE_FURNITURE.search(raw):
                raw = INLINE_FURNITURE.sub(" ", raw)
            line = clean_markup(raw)
            classified = _classify(line, page.index)
            out.append(replace(classified, style=style) if style else classified)
        if page.label is not None:
            _mark_page_number(out, start, page.label)
    _mark_running_headers(out)
    _mark_repeated_lines(out)
    return out


def _mark_page_number(lines: list[RawLine], start: int, label: int) -> None:
    """Mark the printed page number (bare or 'Page N') among a page's first or last lines."""
    idx = [i for i in range(start, len(lines)) if lines[i].kind != "empty"]
    for i in idx[:3] + idx[-3:]:
        if re.fullmatch(rf"(?:Page\s+)?{label}", lines[i].text.strip(), re.IGNORECASE):
            lines[i] = RawLine(lines[i].text.strip(), "footer", str(label), lines[i].page_index)
            return


def _classify(line: str, page_index: int) -> RawLine:
    stripped = line.strip()
    if not stripped:
        return RawLine("", "empty", page_index=page_index)
    if m := STAMP.match(stripped):
        return RawLine(stripped, "stamp", m.group(1), page_index)
    if m := PAGE_FOOTER.match(stripped):
        return RawLine(stripped, "footer", m.group(1) or m.group(2), page_index)
    if BLANK_PAGE.match(stripped):
        return RawLine(stripped, "blank", page_index=page_index)
    if CALL_IN.match(stripped) or PUBLIC_PACK.match(stripped):
        return RawLine(stripped, "notice", page_index=page_index)
    return RawLine(line, "text", page_index=page_index)


def _mark_running_headers(lines: list[RawLine]) -> None:
    """Mark 'COMMITTEE - TUESDAY 24TH SEPTEMBER, 2024' headers, also when wrapped over two lines."""
    for i, line in enumerate(lines):
        if (
            line.kind != "text"
            or not HEADER_DATE_TAIL.search(line.text)
            or not _is_upper(line.text)
        ):
            continue
        lines[i] = RawLine(line.text, "header", page_index=line.page_index)
        j = i - 1
        if (
            j >= 0
            and lines[j].kind == "text"
            and _is_upper(lines[j].text)
            and len(lines[j].text) < 90
        ):
            lines[j] = RawLine(lines[j].text, "header", page_index=lines[j].page_index)


def _mark_repeated_lines(lines: list[RawLine]) -> None:
    """Mark lines repeated at the top or bottom of many form-feed/PDF pages as running furniture."""
    pages = {ln.page_index for ln in lines}
    if len(pages) < 2:
        return
    edges: Counter[str] = Counter()
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind == "text":
            by_page.setdefault(ln.page_index, []).append(i)
    feet: Counter[str] = Counter()
    for idx in by_page.values():
        for key in {_norm_edge(lines[i].text) for i in idx[:EDGE] + idx[-EDGE:]}:
            edges[key] += 1
        for key in {_norm_edge(lines[i].text) for i in idx[-EDGE:]}:
            feet[key] += 1
    threshold = max(3, int(len(pages) * 0.3))
    repeated = {key for key, n in edges.items() if n >= threshold and key and not _form_label(key)}
    if len(pages) < 4:
        # too few pages to count on: a line at the edge of two pages counts when it carries
        # a date or a page number, as running headers and footers do
        repeated = {key for key, n in edges.items() if n >= 2 and key and _dated_or_paged(key)}
        # … or when every page ends with it ("Chair's initials ........")
        repeated |= {
            key
            for key, n in feet.items()
            if n == len(by_page)
            and len(key) < 60
            and len(re.findall(r"[A-Za-z]", key)) >= 3  # words, not a minute number
            and not _form_label(key)
        }
    first_seen: set[str] = set()
    for page in sorted(by_page):
        idx = by_page[page]
        for i in dict.fromkeys(idx[:EDGE] + idx[-EDGE:]):
            key = _norm_edge(lines[i].text)
            if key not in repeated:
                continue
            at_top = i in idx[:EDGE] and len(idx) > EDGE
            if key not in first_seen and not _is_boilerplate(key) and at_top:
                # the first time it is printed at a page's top it is the heading itself;
                # at a page's foot it is furniture from the start
                first_seen.add(key)
                continue
            lines[i] = RawLine(lines[i].text, "header", page_index=lines[i].page_index)
    _mark_header_companions(lines, by_page, edges)


def _mark_header_companions(
    lines: list[RawLine], by_page: dict[int, list[int]], edges: Counter[str]
) -> None:
    """A running header is often two lines ('AUDIT COMMITTEE' / '24 SEPTEMBER 2009'); the
    line beside a header line at a page's top, printed at the top of other pages too, is
    part of it, even when too few pages carry it to count as furniture on its own."""
    for idx in by_page.values():
        top = idx[:EDGE]
        for k, i in enumerate(top):
            key = _norm_edge(lines[i].text)
            if lines[i].kind != "text" or edges[key] < 2 or _form_label(key):
                continue
            neighbours = [top[m] for m in (k - 1, k + 1) if 0 <= m < len(top)]
            beside_header = any(lines[j].kind == "header" and abs(j - i) <= 2 for j in neighbours)
            if beside_header and len(lines[i].text.strip()) < 100:
                lines[i] = RawLine(lines[i].text, "header", page_index=lines[i].page_index)


def _form_label(key: str) -> bool:
    """'Subject:', '(a)', 'Decision taken:': the labels of a form printed on every page."""
    return bool(re.fullmatch(r"\(?[a-z#]{1,3}[.)]|[A-Z][\w ,/&()'’-]{1,60}:", key))


def _dated_or_paged(key: str) -> bool:
    return bool(
        re.search(rf"#\s*(?:st|nd|rd|th)?\s+{MONTH_WORD}\s+#|\bpage\b|^#$", key, re.IGNORECASE)
    )


def _is_boilerplate(key: str) -> bool:
    """Repeated lines that are never headings: disclaimers and notices (long sentences)."""
    return len(key) > 60 and " " in key


def _norm_edge(text: str) -> str:
    """A line with digits folded, so 'Page 3 of 9' and 'Page 4 of 9' count as the same furniture."""
    return re.sub(r"\d+", "#", text.strip())[
        :120
    ]  # case kept: a front sheet's 'Audit Committee' is not a header
