"""The files an index was built from, named by source id: which of them may be handed out,
the PDF page a passage is printed on, and a source's passages in reading order.

A source id is the first 16 hex digits of the SHA-256 of the file as it was indexed. Only
ids of the live index are known, so nothing a caller passes is ever used as a path; a file
is handed out only while its bytes still hash to what was indexed, and from a public
index never when the build withheld exempt papers from it.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from kb.config import REPO_ROOT
from kb.errors import NotFound
from kb.store import db
from kb.store.db import StoredPassage

SOURCE_ID_LENGTH = 16
KINDS = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "html": "text/plain; charset=utf-8",  # never served as HTML: a page's scripts must not run
    "markdown": "text/plain; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
MATCH_WORDS = (12, 6)  # opening words of a passage looked for on the PDF's pages
PAGE_CACHE = 32  # PDFs whose page texts are kept in memory


@dataclass(frozen=True)
class Source:
    """One indexed file: its id, the path it is cited by, its kind and meeting."""

    source_id: str
    source: str
    kind: str  # pdf, html, markdown, text
    committee: str | None
    meeting_date: str | None
    withheld: int  # exempt documents a public build left out of it
    pack_id: int
    sha256: str

    @property
    def media_type(self) -> str:
        """The Content-Type the original file is handed out with."""
        return MEDIA_TYPES[self.kind]

    @property
    def filename(self) -> str:
        """The file's own name."""
        return Path(self.source).name


@dataclass(frozen=True)
class SourceDocument:
    """A source's passages as indexed, in reading order."""

    source: Source
    passages: tuple[StoredPassage, ...]


def source_path(source: str) -> Path:
    """The file a cited source path names (cited paths are relative to the repository root)."""
    path = Path(source)
    return path if path.is_absolute() else REPO_ROOT / path


class SourceLibrary:
    """The sources of one index generation, by id. `public` hides exempt text and the files
    a public build withheld papers from."""

    def __init__(self, folder: Path, public: bool = False) -> None:
        self.folder = folder
        self.public = public
        conn = db.connect(folder, readonly=True)
        try:
            packs = db.packs(conn)
        finally:
            conn.close()
        self._by_id: dict[str, Source] = {}
        self._by_source: dict[str, str] = {}
        for pack in packs:
            source = Source(
                source_id=pack.sha256[:SOURCE_ID_LENGTH],
                source=pack.source,
                kind=KINDS.get(Path(pack.source).suffix.lower(), "text"),
                committee=pack.committee,
                meeting_date=pack.meeting_date,
                withheld=pack.withheld,
                pack_id=pack.id,
                sha256=pack.sha256,
            )
            self._by_id.setdefault(source.source_id, source)
            self._by_source[pack.source] = source.source_id
        self._verified: dict[str, tuple[int, int]] = {}
        self._pages: OrderedDict[str, list[tuple[int | None, str]]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, source_id: str) -> Source:
        """The source with this id; raise `NotFound` for any other string."""
        found = self._by_id.get(source_id)
        if found is None:
            raise NotFound("no such source in this index; follow a source link from a result")
        return found

    def id_for(self, source: str) -> str | None:
        """The id of the source cited as `source` (None when the index has no such file)."""
        return self._by_source.get(source)

    def original(self, source_id: str) -> Path:
        """The file itself, when it may be handed out; raise `NotFound` when it may not.

        It may not when a public build withheld exempt papers from it (the file holds their
        text), or when it is gone or its bytes changed since it was indexed.
        """
        source = self.get(source_id)
        if self.public and source.withheld:
            raise NotFound(
                f"{source.filename} holds papers that are not for publication; "
                "its published passages are shown instead"
            )
        path = source_path(source.source)
        try:
            stat = path.stat()
        except OSError:
            raise NotFound(f"{source.filename} is no longer where it was indexed") from None
        if not path.is_file():
            raise NotFound(f"{source.filename} is not a file")
        stamp = (stat.st_size, stat.st_mtime_ns)
        if self._verified.get(source_id) != stamp:
            if _sha256(path) != source.sha256:
                raise NotFound(
                    f"{source.filename} has changed since it was indexed; run `kb ingest`"
                )
            self._verified[source_id] = stamp
        return path

    def document(self, source_id: str) -> SourceDocument:
        """The source's passages in reading order (exempt ones left out when public)."""
        source = self.get(source_id)
        conn = db.connect(self.folder, readonly=True)
        try:
            passages = db.pack_passages(conn, source.pack_id)
        finally:
            conn.close()
        if self.public:
            passages = [p for p in passages if not p.citation.exempt]
        return SourceDocument(source, tuple(passages))

    def warm(self) -> None:
        """Check and read every PDF source now (up to the page cache), so that the first
        answers citing them do not wait for it."""
        pdfs = [s for s in self._by_id.values() if s.kind == "pdf"]
        for source in pdfs[:PAGE_CACHE]:
            self._pdf_pages(source.source_id)

    def pdf_page(self, source_id: str, text: str, cited_page: int | None) -> int | None:
        """The 1-based page of the PDF on which `text` (a passage) begins, for `#page=N`.

        The cited page is the printed page number, which need not be the page's position in
        the file: the passage's opening words are looked for on the pages, preferring the
        page printed with the cited number; without a match, the page printed with that
        number. None when neither can be found or the file cannot be read.
        """
        pages = self._pdf_pages(source_id)
        if not pages:
            return None
        wanted = db.words(text)
        for size in MATCH_WORDS:
            if len(wanted) < size and size != MATCH_WORDS[-1]:
                continue
            needle = " ".join(wanted[:size])
            if not needle:
                break
            found = [i for i, (_, words) in enumerate(pages) if needle in words]
            if found:
                return 1 + min(found, key=lambda i: _distance(pages[i][0], i, cited_page))
        labelled = [i for i, (label, _) in enumerate(pages) if label == cited_page]
        if labelled:
            return 1 + labelled[0]
        return None

    def _pdf_pages(self, source_id: str) -> list[tuple[int | None, str]]:
        """(printed label, page words joined by spaces) for each page of a PDF source."""
        if source_id in self._pages:
            self._pages.move_to_end(source_id)
            return self._pages[source_id]
        from kb.errors import UnreadableDocument
        from kb.read import read_pages

        source = self.get(source_id)
        if source.kind != "pdf":
            return []
        try:
            pages = [
                (p.label, " ".join(db.words(p.text))) for p in read_pages(self.original(source_id))
            ]
        except (NotFound, UnreadableDocument):
            return []
        self._pages[source_id] = pages
        while len(self._pages) > PAGE_CACHE:
            self._pages.popitem(last=False)
        return pages


def _distance(label: int | None, index: int, cited: int | None) -> int:
    """How far a page is from the cited page number (by its printed label, else position)."""
    if cited is None:
        return index
    return abs((label if label is not None else index + 1) - cited)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
