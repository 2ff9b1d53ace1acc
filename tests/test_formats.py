"""Other formats and broken PDFs: HTML and Markdown read like text; bad PDFs are one clear line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfWriter
from typer.testing import CliRunner

from kb.cli import app
from kb.ingest import ingest
from kb.parse import parse_pack
from kb.read import read_pages

from .conftest import CORPUS

runner = CliRunner()
REPORT_PDF = CORPUS / "kent" / "kent-cabinet-2025-01-30-report-24-00109.pdf"


def _blank_pdf(pages: int = 2) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=str(REPORT_PDF))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("locked.pdf", _encrypted_pdf, "encrypted PDF; ask the publisher for an unlocked copy"),
        (
            "scan.pdf",
            _blank_pdf,
            "no text layer (scanned images); OCR is not available, supply a text PDF",
        ),
        ("cut.pdf", lambda: REPORT_PDF.read_bytes()[:40_000], "corrupt or truncated PDF"),
    ],
)
def test_bad_pdfs_are_one_line_each_and_the_rest_is_ingested(
    fake_embedder, tmp_path: Path, name: str, make, expected: str
) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(REPORT_PDF.read_bytes())
    (folder / name).write_bytes(make())
    result = runner.invoke(app, ["ingest", str(folder), "--quiet"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and name in errors[0] and expected in errors[0], errors
    assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["packs"] == 1


HTML_MINUTES = """<!DOCTYPE html><html><head><title>Minutes</title><script>var x = 1;</script></head>
<body><nav>Home | Meetings</nav>
<h1>LICENSING COMMITTEE</h1>
<p>MEETING HELD AT THE TOWN HALL ON THURSDAY 5TH DECEMBER, 2024</p>
<p>PRESENT: Councillor Jones (in the Chair)</p>
<p>1. APOLOGIES FOR ABSENCE</p><p>No apologies were received.</p>
<p>2. TAXI FARES REVIEW</p><p>The Committee considered the review of hackney carriage fares.</p>
<p>RESOLVED:</p><p>That the fares be increased by 5% from <b>1 April 2025</b>.</p>
<table><tr><td>Fare</td><td>£3.20</td></tr></table>
</body></html>"""


def test_html_minutes_parse_like_a_text_export(tmp_path: Path) -> None:
    path = tmp_path / "minutes.html"
    path.write_text(HTML_MINUTES)
    pack = parse_pack(read_pages(path), "minutes.html")
    (doc,) = pack.documents
    assert doc.doc_type == "minutes"
    assert (doc.meeting.committee, doc.meeting.date, doc.meeting.chair) == (
        "Licensing Committee",
        "2024-12-05",
        "Councillor Jones",
    )
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1", "Apologies for Absence"),
        ("2", "Taxi Fares Review"),
    ]
    assert doc.minutes[1].resolution_text is not None
    assert "increased by 5% from 1 April 2025" in doc.minutes[1].resolution_text
    text = "\n".join(ln.text for ln in doc.lines)
    assert "var x" not in text and "Home | Meetings" not in text


def test_markdown_is_read_as_text(fake_embedder, tmp_path: Path) -> None:
    folder = tmp_path / "md"
    folder.mkdir()
    (folder / "notes.md").write_text(
        "# Budget notes\n\n**The reserves policy** was reviewed in May.\n"
    )
    report = ingest([folder])
    assert not report.failed
    hit = json.loads(runner.invoke(app, ["ask", "reserves policy", "--json"]).stdout)["results"][0]
    assert hit["text"].startswith("Budget notes\nThe reserves policy was reviewed in May.")


def test_the_same_report_in_two_files_is_one_result_listing_both(
    fake_embedder, tmp_path: Path
) -> None:
    folder = tmp_path / "kent"
    folder.mkdir()
    for name in (
        "kent-cabinet-2025-01-30-report-24-00109.pdf",
        "kent-cabinet-2025-01-30-item7-supplementary-pack.pdf",
    ):
        (folder / name).write_bytes((CORPUS / "kent" / name).read_bytes())
    assert not ingest([folder]).failed
    answer = json.loads(
        runner.invoke(
            app,
            [
                "ask",
                "Transitions is the process of a minor or young person moving into legal adulthood",
                "--json",
                "-k",
                "3",
            ],
        ).stdout
    )
    top = answer["results"][0]
    assert (
        "1.1 Transitions is the process of a minor or young person moving into legal" in top["text"]
    )
    places = {top["citation"]["source"], *(c["source"] for c in top["also_in"])}
    assert {Path(p).name for p in places} == {
        "kent-cabinet-2025-01-30-report-24-00109.pdf",
        "kent-cabinet-2025-01-30-item7-supplementary-pack.pdf",
    }
    texts = [r["text"] for r in answer["results"]]
    assert len(texts) == len(set(texts))
