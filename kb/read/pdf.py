"""PDF agenda packs, read page by page with pypdf."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kb.errors import UnreadableDocument
from kb.model import LineStyle, Page

PAGE_LABEL = re.compile(r"^\s*(Page\s+)?(\d{1,4})\s*$", re.IGNORECASE)
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def _is_bold(font: object) -> bool:
    """A font dictionary names a bold face (by its name or its descriptor's weight)."""
    if not font or not hasattr(font, "get"):
        return False
    name = str(font.get("/BaseFont", ""))
    if BOLD_NAME.search(name.split("+")[-1]):
        return True
    descriptor = font.get("/FontDescriptor")
    try:
        descriptor = descriptor.get_object() if descriptor is not None else None
        weight = descriptor.get("/FontWeight") if descriptor is not None else None
        return weight is not None and float(weight) >= 600
    except (AttributeError, TypeError, ValueError):
        return False


def _text_with_styles(page: object) -> tuple[str, tuple[LineStyle | None, ...]]:
    """A page's text as pypdf extracts it, and the printed style of each of its lines.

    pypdf hands every piece of text it writes to a visitor with the font, size and the
    text and transformation matrices in force; the pieces join to exactly the extracted
    text, so each character's style is known, and a line's style is that of most of its
    printed characters.
    """
    pieces: list[tuple[str, float, bool, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        scale = abs(tm[0] * cm[0] + tm[1] * cm[2]) or abs(tm[3] * cm[3]) or 1.0
        x = cm[4] + tm[4] * cm[0] + tm[5] * cm[2]
        y = cm[5] + tm[4] * cm[1] + tm[5] * cm[3]
        pieces.append((text, float(size) * scale, _is_bold(font), x, y))

    text = page.extract_text(visitor_text=visit) or ""  # type: ignore[attr-defined]
    if "".join(p[0] for p in pieces) != text:
        return text, ()  # the pieces do not line up with the text: no layout rather than wrong
    styles: list[LineStyle | None] = []
    line_chars: list[tuple[float, bool, float, float, int]] = []

    def close_line() -> None:
        if not line_chars:
            styles.append(None)
            return
        weight: dict[float, int] = {}
        bold = 0
        total = 0
        for size, is_bold, _x, _y, n in line_chars:
            weight[round(size, 1)] = weight.get(round(size, 1), 0) + n
            bold += n if is_bold else 0
            total += n
        first = line_chars[0]
        styles.append(
            LineStyle(max(weight, key=weight.__getitem__), bold * 2 > total, first[2], first[3])
        )
        line_chars.clear()

    for piece, size, is_bold, x, y in pieces:
        parts = piece.splitlines(keepends=True) or [piece]
        for part in parts:
            body = part.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
            printed = len(body.strip())
            if printed:
                line_chars.append((size, is_bold, x, y, printed))
            if len(body) != len(part):
                close_line()
    if not text.endswith(("\n", "\r")) or not styles:
        close_line()
    lines = text.splitlines()
    if len(styles) != len(lines):
        return text, ()
    return text, tuple(styles)


def _printed_label(text: str) -> tuple[int, bool] | None:
    """The printed page number among a page's last or first lines: (number, said 'Page N')."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for candidate in lines[-3:][::-1] + lines[:3]:
        match = PAGE_LABEL.match(candidate)
        if match:
            return int(match.group(2)), bool(match.group(1))
    return None


def _consistent_labels(texts: list[str]) -> list[int | None]:
    """Page labels that agree with the document's numbering.

    'Page N' lines are trusted; a bare number counts only when it fits the offset between
    printed number and position that most pages share (so a stray '2025' is not a page).
    """
    found = [_printed_label(t) for t in texts]
    offsets = Counter(f[0] - i for i, f in enumerate(found) if f)
    offset = offsets.most_common(1)[0][0] if offsets else None
    labels: list[int | None] = []
    for i, f in enumerate(found):
        if f and (f[1] or f[0] - i == offset):
            labels.append(f[0])
        else:
            labels.append(None)
    return labels


def read_pdf(path: Path) -> list[Page]:
    """Extract each page's text, printed page label and index; raise on encrypted or broken PDFs."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs ('EOF marker not found'); a damaged file is reported once,
    # as one line, below
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableDocument(
                f"{path}: encrypted PDF; ask the publisher for an unlocked copy"
            )
        pages = [
            Page(text, label=None, index=i, styles=styles)
            for i, (text, styles) in enumerate(_text_with_styles(page) for page in reader.pages)
        ]
    except (UnreadableDocument, FileNotFoundError, PermissionError):
        raise  # (a file gone or locked is said so by read_pages, not called corrupt)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableDocument(
            f"{path}: corrupt or truncated PDF ({exc}); replace the file"
        ) from exc
    if not any(p.text.strip() for p in pages):
        raise UnreadableDocument(
            f"{path}: no text layer (scanned images); OCR is not available, supply a text PDF"
        )
    labels = _consistent_labels([p.text for p in pages])
    return [
        Page(text=p.text, label=label, index=p.index, styles=p.styles)
        for p, label in zip(pages, labels, strict=True)
    ]
