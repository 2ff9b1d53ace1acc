"""Chunking: passages fit the model window, keep their headings, and lose no text."""

from __future__ import annotations

import re

import pytest

from kb.chunk import MAX_PASSAGE_CHARS, ChunkSettings, chunk_pack
from kb.embed import load_tokenizer, resolve_model
from kb.parse import parse_pack
from kb.read import read_pages

from .conftest import SEFTON


@pytest.fixture(scope="module")
def count_tokens():
    tokenizer = load_tokenizer(resolve_model(None).path)
    return lambda text: len(tokenizer.encode(text, add_special_tokens=False).ids)


@pytest.fixture(scope="module")
def chunked(count_tokens):
    out = {}
    for path in sorted(SEFTON.glob("*.txt")):
        pack = parse_pack(read_pages(path), f"corpus/sefton/{path.name}")
        out[path.name[:3]] = (pack, chunk_pack(pack, f"corpus/sefton/{path.name}", count_tokens))
    return out


def test_every_passage_fits_the_model_window(chunked, count_tokens) -> None:
    window = ChunkSettings().window
    for _, result in chunked.values():
        for p in result.passages:
            assert count_tokens(p.embed_text) + 2 <= window, p.chunk_id
            assert 0 < len(p.text) <= MAX_PASSAGE_CHARS


def test_no_text_is_lost(chunked) -> None:
    """Every word of every document line appears, in order, in the pack's passages."""
    for pack, result in chunked.values():
        joined = re.sub(r"\s+", " ", " ".join(p.text for p in result.passages))
        for doc in pack.documents:
            for line in doc.lines:
                text = re.sub(r"\s+", " ", line.text).strip()
                if text:
                    assert text in joined or all(w in joined for w in text.split()), text[:120]


def test_resolved_block_stays_with_its_minute_title(chunked) -> None:
    _, result = chunked["000"]
    resolved = [p for p in result.passages if p.citation.minute == "18" and p.is_decision]
    assert len(resolved) == 1
    passage = resolved[0]
    assert passage.text.startswith("RESOLVED: That")
    assert "Minute 18: Cabinet Member Reports" in passage.context
    assert passage.citation.title == "Cabinet Member Reports"
    decisions = {d.minute: d for d in result.decisions}
    assert decisions["18"].chunk_id == passage.chunk_id
    assert set(decisions) == {"16", "17", "18", "19", "20", "21", "22", "23"}


def test_minutes_passages_cite_the_minuted_meeting_and_the_pack(chunked) -> None:
    _, result = chunked["000"]
    p = next(p for p in result.passages if "two members of the public" in p.text)
    c = p.citation
    assert (c.meeting_date, c.pack_date, c.minute, c.agenda_item, c.doc_type) == (
        "2024-09-24",
        "2024-11-12",
        "17",
        "4",
        "minutes",
    )
    assert c.committee == "Overview and Scrutiny Committee (Children's Services and Safeguarding)"
    assert c.source == "corpus/sefton/000_2633af0776d5691b.txt"
    assert c.page == 9


def test_chunk_ids_are_stable_and_unique(chunked, count_tokens) -> None:
    pack, result = chunked["001"]
    again = chunk_pack(pack, "corpus/sefton/001_92f4cf0ba82fb1ac.txt", count_tokens)
    assert [p.chunk_id for p in again.passages] == [p.chunk_id for p in result.passages]
    ids = [p.chunk_id for _, r in chunked.values() for p in r.passages]
    assert len(ids) == len(set(ids))


def test_exempt_report_passages_are_labelled(chunked) -> None:
    _, result = chunked["004"]
    assert result.passages and all(p.citation.exempt for p in result.passages)
    _, other = chunked["000"]
    assert not any(p.citation.exempt for p in other.passages)
