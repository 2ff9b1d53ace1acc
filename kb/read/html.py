"""HTML pages (ModernGov publishes minutes as web pages): text with block structure kept."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from kb.errors import UnreadableDocument
from kb.model import Page

from .text import decode_text

BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
          "article", "header", "footer", "ul", "ol", "blockquote", "dt", "dd", "title"}  # fmt: skip
SKIP = {"script", "style", "noscript", "template", "head", "nav"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self.skipping += 1
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in BLOCKS:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "table") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self.skipping:
            self.skipping -= 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split(" ")) if data.strip() else (" " if data else ""))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, one block a line, table cells separated by tabs."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = [
        " ".join(line.split()) if "\t" not in line else line.strip()
        for line in "".join(parser.parts).splitlines()
    ]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def read_html(path: Path) -> list[Page]:
    """Read an HTML file as one page of text."""
    text = html_to_text(decode_text(path.read_bytes(), str(path)))
    if not text.strip():
        raise UnreadableDocument(
            f"{path}: no visible text in this HTML page; check it is the full page"
        )
    return [Page(text=text, label=None, index=0)]
