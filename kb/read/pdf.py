"""PDF agenda packs, read page by page with pypdf."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kb.errors import UnreadableDocument
from kb.model import Page

PAGE_LABEL = re.compile(r"^\s*(Page\s+)?(\d{1,4})\s*$", re.IGNORECASE)


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
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableDocument(
                f"{path}: encrypted PDF; ask the publisher for an unlocked copy"
            )
        pages = [
            Page(text=(page.extract_text() or ""), label=None, index=i)
            for i, page in enumerate(reader.pages)
        ]
    except UnreadableDocument:
        raise
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
        Page(text=p.text, label=label, index=p.index)
        for p, label in zip(pages, labels, strict=True)
    ]
