"""Chunk stage: a `Pack` in, `Passage`s and `DecisionEntry`s out.

Passages follow the pack's own structure: one or more per agenda-item document and,
within minutes, per minute. Long documents split at paragraph boundaries (then
sentences, then words) so that heading context plus text fits the embedding model's
window: nothing is ever cut off unseen. A minute's decisions stay with its title where
they fit; a passage that holds the first line of a decision is a decision passage, and
each decision is indexed with the passage that holds it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date as _date

from kb.model import Citation, DecisionEntry, Document, Line, Minute, Pack, Passage
from kb.parse.references import find_references

MAX_PASSAGE_CHARS = 2000
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'‘“•-])")
LIST_ITEM = re.compile(r"^\s*(?:[-•*o▪■]|\(?\d{1,3}[.)]|\(?[a-z]{1,3}\))\s+")

TokenCounter = Callable[[str], int]


def approximate_tokens(text: str) -> int:
    """A model-free word-piece estimate (words and punctuation, long words counted twice)."""
    pieces = re.findall(r"\w+|[^\w\s]", text)
    return sum(1 + len(p) // 8 for p in pieces)


@dataclass(frozen=True)
class ChunkSettings:
    """How passages are sized: the model window, the preferred size and the smallest split."""

    window: int = 256
    target: int = 160
    minimum: int = 40


@dataclass(frozen=True)
class ChunkedPack:
    """The passages and decisions of one pack."""

    passages: tuple[Passage, ...]
    decisions: tuple[DecisionEntry, ...]


def human_date(iso: str | None) -> str | None:
    """'2024-09-24' as '24 September 2024'."""
    if not iso:
        return None
    d = _date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B %Y')}"


def chunk_pack(
    pack: Pack,
    source: str,
    count_tokens: TokenCounter = approximate_tokens,
    settings: ChunkSettings = ChunkSettings(),
) -> ChunkedPack:
    """Cut every document of `pack` into passages cited to `source`."""
    passages: list[Passage] = []
    decisions: list[DecisionEntry] = []
    seen: dict[str, int] = {}
    for doc in pack.documents:
        builder = _Builder(pack, doc, source, count_tokens, settings, seen)
        if doc.minutes or doc.doc_type == "minutes":
            builder.add_blocks(_blocks(_preamble(doc)), minute=None)
            for minute in doc.minutes:
                held = builder.add_minute(minute)
                for n, (decision, mark) in enumerate(
                    zip(minute.decisions, _marks(minute), strict=True)
                ):
                    chunk_id = next((p.chunk_id for p in held if _holds(p, mark)), None)
                    if chunk_id is None and held:
                        chunk_id = held[-1].chunk_id
                    if chunk_id is not None:
                        decisions.append(
                            DecisionEntry(
                                chunk_id, minute.number or None, minute.title, decision, n
                            )
                        )
        else:
            builder.add_blocks(_blocks(list(doc.lines)), minute=None)
        passages.extend(builder.passages)
    for i, p in enumerate(passages):
        passages[i] = replace(p, seq=i)
    return ChunkedPack(tuple(passages), tuple(decisions))


def _preamble(doc: Document) -> list[Line]:
    if not doc.minutes:
        return list(doc.lines)
    heading = doc.minutes[0].heading
    end = next((i for i, ln in enumerate(doc.lines) if ln is heading), None)
    if end is None:  # the heading line was rebuilt from a wrapped title: find its first part
        first = doc.minutes[0].lines[0] if doc.minutes[0].lines else None
        end = next((i for i, ln in enumerate(doc.lines) if ln is first), len(doc.lines))
        end = max(0, end - 1)
        while end > 0 and not doc.lines[end].text.strip():
            end -= 1
    return list(doc.lines[:end])


def _marks(minute: Minute) -> list[str]:
    """The first line of each decision of a minute, as printed (what finds its passage)."""
    return [
        minute.lines[d.start].text.strip()[:60] if d.start < len(minute.lines) else ""
        for d in minute.decisions
    ]


def _starts_decision(line: Line, marks: set[str]) -> bool:
    text = line.text.strip()
    return bool(text) and any(m and (m.startswith(text[:60]) or text.startswith(m)) for m in marks)


def _holds(passage: Passage, mark: str) -> bool:
    return bool(mark) and any(_starts_decision(Line(t), {mark}) for t in passage.text.splitlines())


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Paragraphs: runs of non-empty lines."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(Line(line.text.rstrip(), line.page))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_heading(block: list[Line]) -> bool:
    text = block[0].text.strip()
    return (
        len(block) == 1
        and 3 <= len(text) <= 90
        and "\t" not in text
        and not text.endswith((".", ",", ";", ":"))
        and not LIST_ITEM.match(text)
        and text[0].isalnum()
        and text[0].isupper()
        or (
            len(block) == 1
            and bool(re.match(r"^\d+(\.\d+)*\.?\s+[A-Z]", text))
            and len(text) <= 90
            and not text.endswith(".")
        )
    )


class _Builder:
    """Accumulates passages for one document."""

    def __init__(
        self,
        pack: Pack,
        doc: Document,
        source: str,
        count_tokens: TokenCounter,
        settings: ChunkSettings,
        seen: dict[str, int],
    ) -> None:
        self.pack, self.doc, self.source = pack, doc, source
        self.count, self.settings, self.seen = count_tokens, settings, seen
        self.passages: list[Passage] = []
        self.marks: set[str] = set()  # first lines of the current minute's decisions

    def context(self, minute: Minute | None, section: str | None) -> str:
        doc = self.doc
        parts = [doc.meeting.committee or "", human_date(doc.meeting.date) or ""]
        if minute:
            parts.append(
                f"Minute {minute.number}: {minute.title}" if minute.number else minute.title
            )
        else:
            label = {"minutes": "Minutes", "questions": "Public questions", "agenda": "Agenda"}.get(
                doc.doc_type, ""
            )
            title = doc.title or ""
            if doc.agenda_item:
                parts.append(f"Item {doc.agenda_item}: {title}".strip(": "))
            elif title or label:
                parts.append(title or label)
            if doc.doc_type in ("appendix", "presentation") and doc.title:
                parts[-1] = f"{parts[-1]} ({doc.doc_type})"
        if section and section not in parts[-1]:
            parts.append(section)
        context = " | ".join(p for p in parts if p)
        while self.count(context) > self.settings.window // 4 and len(context) > 40:
            context = context[: int(len(context) * 0.85)].rsplit(" ", 1)[0]
        return context

    def budget(self, context: str) -> int:
        # Independent of the context's own length (which is capped at a quarter of the window),
        # so the same text printed under two headings is cut into the same passages.
        return min(self.settings.target, self.settings.window - 3 - self.settings.window // 4)

    def add_minute(self, minute: Minute) -> list[Passage]:
        blocks = _blocks(list(minute.lines))
        if minute.heading is not None and blocks:
            blocks[0] = [minute.heading, *blocks[0]]
        elif minute.heading is not None:
            blocks = [[minute.heading]]
        self.marks = set(_marks(minute)) - {""}
        split = next(
            (i for i, b in enumerate(blocks) if any(_starts_decision(ln, self.marks) for ln in b)),
            None,
        )
        before = len(self.passages)
        if split is None:
            self.add_blocks(blocks, minute)
        else:
            context = self.context(minute, None)
            whole = "\n".join(ln.text for b in blocks for ln in b)
            if self.count(whole) <= self.budget(context) and len(whole) <= MAX_PASSAGE_CHARS:
                self.add_blocks(blocks, minute)
            else:
                self.add_blocks(blocks[:split], minute)
                self.add_blocks(blocks[split:], minute, section="RESOLVED")
        self.marks = set()
        return self.passages[before:]

    def add_blocks(
        self, blocks: list[list[Line]], minute: Minute | None, section: str | None = None
    ) -> None:
        current: list[Line] = []
        current_section = section
        section_before = section  # the section of lines gathered before the latest heading
        for block in blocks:
            if _is_heading(block) and minute is None:
                if current and self._size(current) >= self.settings.minimum:
                    self._emit(current, minute, current_section)
                    current = []
                section_before = current_section if current else block[0].text.strip()
                current_section = block[0].text.strip()
                current.extend(block)
                continue
            candidate = current + block
            context = self.context(minute, current_section)
            if (
                self._size(candidate) <= self.budget(context)
                and _chars(candidate) <= MAX_PASSAGE_CHARS
            ):
                current = candidate
                continue
            carried: list[Line] = []
            if (
                current
                and current_section
                and current[-1].text.strip() == current_section
                and len(current) > 1
            ):
                carried, current = current[-1:], current[:-1]  # a heading goes with what follows it
            if current and self._size(current) >= self.settings.minimum // 2:
                self._emit(current, minute, section_before if carried else current_section)
                current = []
            current = current + carried
            section_before = current_section
            pieces = list(self._fit(current + block, context))
            for piece in pieces[:-1]:
                self._emit(piece, minute, current_section)
            current = []
            if pieces and self._size(pieces[-1]) <= self.budget(context) // 2:
                current = pieces[-1]  # a short tail may still take the next paragraph
            elif pieces:
                self._emit(pieces[-1], minute, current_section)
        if current:
            self._emit(current, minute, current_section)

    def _size(self, lines: list[Line]) -> int:
        return self.count("\n".join(ln.text for ln in lines))

    def _fit(self, lines: list[Line], context: str) -> Iterable[list[Line]]:
        """Split lines that are too long together: by line, then sentence, then words."""
        limit = self.budget(context)
        group: list[Line] = []
        for line in lines:
            for piece in _split_text(line.text, limit, self.count):
                candidate = [*group, Line(piece, line.page)]
                if group and (
                    self._size(candidate) > limit or _chars(candidate) > MAX_PASSAGE_CHARS
                ):
                    yield group
                    group = [Line(piece, line.page)]
                else:
                    group = candidate
        if group:
            yield group

    def _emit(self, lines: list[Line], minute: Minute | None, section: str | None) -> None:
        text = "\n".join(ln.text for ln in lines).strip()
        if not text:
            return
        context = self.context(minute, section)
        if (
            self.count(f"{context}\n{text}") > self.settings.window - 2
            or len(text) > MAX_PASSAGE_CHARS
        ):
            pieces = list(self._fit(lines, context))
            if len(pieces) > 1:
                for piece in pieces:
                    self._emit(piece, minute, section)
                return
        doc = self.doc
        page = next((ln.page for ln in lines if ln.page is not None), None)
        citation = Citation(
            source=self.source,
            committee=doc.meeting.committee,
            meeting_date=doc.meeting.date,
            pack_date=self.pack.meeting.date,
            doc_type=doc.doc_type,
            # a minute that names the item it minutes ('(Item 4)') is cited by it; else the
            # item of the pack that printed the minutes
            agenda_item=(minute.agenda_item if minute else None) or doc.agenda_item,
            minute=(minute.number or None) if minute else None,
            title=minute.title if minute else doc.title,
            page=page,
            exempt=doc.exempt,
        )
        key = f"{self.source}|{context}|{text}"
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        digest = hashlib.sha1(f"{key}|{n}".encode()).hexdigest()[:10]
        stem = re.sub(r"[^A-Za-z0-9_-]", "", self.source.rsplit("/", 1)[-1].rsplit(".", 1)[0])[:16]
        is_decision = bool(self.marks) and any(_starts_decision(ln, self.marks) for ln in lines)
        self.passages.append(
            Passage(
                f"{stem}-{digest}",
                text,
                context,
                citation,
                is_decision,
                section,
                len(self.passages),
                find_references(text),
            )
        )


def _chars(lines: list[Line]) -> int:
    return sum(len(ln.text) + 1 for ln in lines)


def _split_text(text: str, limit: int, count: TokenCounter) -> list[str]:
    """Cut one over-long line into pieces of at most `limit` tokens, at sentences then words."""
    if _fits(text, limit, count):
        return [text]
    return _pack(
        [
            part
            for sentence in SENTENCE_END.split(text)
            for part in _split_words(sentence, limit, count)
        ],
        limit,
        count,
    )


def _split_words(sentence: str, limit: int, count: TokenCounter) -> list[str]:
    if _fits(sentence, limit, count):
        return [sentence]
    words: list[str] = []
    for word in sentence.split():
        while not _fits(word, limit, count):
            cut = max(1, min(len(word) // 2, MAX_PASSAGE_CHARS // 2))
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    return _pack(words, limit, count)


def _fits(text: str, limit: int, count: TokenCounter) -> bool:
    return count(text) <= limit and len(text) <= MAX_PASSAGE_CHARS // 2


def _pack(parts: list[str], limit: int, count: TokenCounter) -> list[str]:
    """Join consecutive parts with spaces into as few pieces as fit the limit."""
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}".strip()
        if current and not _fits(candidate, limit, count):
            pieces.append(current)
            current = part
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces
