"""Plain-text and Markdown exports of agenda packs."""

from __future__ import annotations

from pathlib import Path

from kb.errors import UnreadableDocument
from kb.model import Page


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 text; raise `UnreadableDocument` for binary data or other encodings."""
    if b"\x00" in data[:65536]:
        raise UnreadableDocument(
            f"{name}: binary data, not text; remove it or export the pack as text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"{name}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8"
        ) from exc


def read_text(path: Path) -> list[Page]:
    """Read a text export; form feeds, when present, separate pages. Labels are found by `parse`."""
    text = decode_text(path.read_bytes(), str(path))
    if not text.strip():
        raise UnreadableDocument(f"{path}: empty file; remove it or replace it with the full pack")
    return [Page(text=chunk, label=None, index=i) for i, chunk in enumerate(text.split("\f"))]
