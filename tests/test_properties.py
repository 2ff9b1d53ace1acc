"""Property-based tests: the parser never raises, and no sentence of the input is lost."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.chunk import chunk_pack
from kb.model import Page
from kb.parse import parse_pack

LINES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "Agenda Item 4",
            "Page 12",
            "This page is intentionally left blank",
            "RESOLVED:",
            "RESOLVED: That",
            "14. APOLOGIES FOR ABSENCE",
            "MEETING HELD AT THE TOWN HALL",
            "ON TUESDAY 24TH SEPTEMBER, 2024",
            "PRESENT: Councillor Smith (in the Chair)",
            "Report to:\tCabinet\tDate of Meeting:\t1 May 2024",
            "Subject:\tBudget",
            "Exempt / Confidential Report:\tNo",
            "A G E N D A",
            "3. Minutes (Pages 5 - 9)",
            "MEETING: CABINET",
            "DATE: 1st May 2024",
            "Dear Councillor",
            "",
            "",
            "\t<p>cell</p>",
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=60), st.integers(min_value=1, max_value=3))
def test_parser_never_raises_and_keeps_every_word(lines: list[str], pages: int) -> None:
    text = "\n".join(lines)
    chunks = [text[i::pages] for i in range(pages)] if pages > 1 else [text]
    pack = parse_pack([Page(c, None, i) for i, c in enumerate(chunks)], "t.txt")
    result = chunk_pack(pack, "t.txt")
    joined = " ".join(p.text for p in result.passages)
    for doc in pack.documents:
        for line in doc.lines:
            for word in line.text.split():
                assert word in joined


SENTENCES = st.lists(
    st.from_regex(r"[A-Z][a-z]{2,12}( [a-z]{1,12}){2,30}\.", fullmatch=True),
    min_size=1,
    max_size=80,
)


@settings(max_examples=60, deadline=None)
@given(SENTENCES, st.integers(min_value=1, max_value=5))
def test_every_sentence_of_plain_text_ends_up_in_a_passage(
    sentences: list[str], per_paragraph: int
) -> None:
    paragraphs = [
        " ".join(sentences[i : i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)
    ]
    pack = parse_pack([Page("\n\n".join(paragraphs), None, 0)], "plain.txt")
    joined = re.sub(r"\s+", " ", " ".join(p.text for p in chunk_pack(pack, "plain.txt").passages))
    for sentence in sentences:
        assert sentence in joined
