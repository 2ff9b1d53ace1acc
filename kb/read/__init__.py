"""Read stage: turn a source file into `Page`s. Knows file formats, nothing about councils."""

from __future__ import annotations

from pathlib import Path

from kb.errors import UnreadableDocument
from kb.model import Page

from .html import read_html
from .pdf import read_pdf
from .text import read_text

READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_SUFFIXES = tuple(sorted(READERS))


def read_pages(path: Path) -> list[Page]:
    """Read `path` into pages; raise `UnreadableDocument` (with what to do) when it cannot be read."""
    if path.is_dir():
        raise UnreadableDocument(f"{path}: is a folder; give a file")
    if not path.exists():
        raise UnreadableDocument(f"{path}: no such file; check the path")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableDocument(
            f"{path}: unsupported file type {path.suffix!r}; use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        return reader(path)
    except FileNotFoundError as exc:
        raise UnreadableDocument(
            f"{path}: file disappeared while reading; run the ingest again"
        ) from exc
    except PermissionError as exc:
        raise UnreadableDocument(
            f"{path}: permission denied; make the file readable (chmod +r)"
        ) from exc


__all__ = ["SUPPORTED_SUFFIXES", "read_pages"]
