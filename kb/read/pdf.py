"""PDF agenda packs, read page by page with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

from kb.errors import UnreadableDocument
from kb.model import Page

PAGE_LABEL = re.compile(r"^\s*(?:Page\s+)?(\d{1,4})\s*$", re.IGNORECASE)


def _printed_label(text: str) -> int | None:
    """The printed page number: a 'Page N' or bare-number line among the last or first lines."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for candidate in lines[-3:][::-1] + lines[:2]:
        match = PAGE_LABEL.match(candidate)
        if match:
            return int(match.group(1))
    return None


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
    return [Page(text=p.text, label=_printed_label(p.text), index=p.index) for p in pages]
