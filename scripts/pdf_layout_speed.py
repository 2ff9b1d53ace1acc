"""How fast each PDF library reads text with its layout (font, size, position), in pages/s.

    .venv/bin/python scripts/pdf_layout_speed.py [PDF ...]

kb reads PDFs with pypdf and takes each line's font size, weight and position from the
visitor pypdf calls for every piece of text it writes (kb/read/pdf.py). This script times
that against pypdf's plain text extraction and, when they are installed (they are not kb's
dependencies), pdfplumber's words with their font and pypdfium2's per-character size and
weight. Default input: the PDFs of corpus/ and tests/fixtures/.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kb.errors import run_script  # noqa: E402


def _pypdf_plain(path: Path) -> int:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    for page in reader.pages:
        page.extract_text()
    return len(reader.pages)


def _pypdf_layout(path: Path) -> int:
    sys.path.insert(0, str(REPO))
    from kb.read.pdf import read_pdf

    return len(read_pdf(path))


def _pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
        return len(pdf.pages)


def _pypdfium2(path: Path) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    for page in doc:
        text_page = page.get_textpage()
        text_page.get_text_range()
        for i in range(text_page.count_chars()):
            raw.FPDFText_GetFontSize(text_page.raw, i)
            raw.FPDFText_GetFontWeight(text_page.raw, i)
    return len(doc)


def main() -> int:
    files = [Path(a) for a in sys.argv[1:]] or sorted(
        [*REPO.glob("corpus/**/*.pdf"), *REPO.glob("tests/fixtures/**/*.pdf")]
    )
    from kb.read import read_pages

    for f in files:
        read_pages(f)  # a file kb cannot read is one Error line (UnreadableDocument), not a timing
    runs: list[tuple[str, Callable[[Path], int]]] = [
        ("pypdf extract_text", _pypdf_plain),
        ("kb: pypdf with layout (size, weight, position)", _pypdf_layout),
        ("pdfplumber words with font name and size", _pdfplumber),
        ("pypdfium2 text with per-character size and weight", _pypdfium2),
    ]
    for name, run in runs:
        try:
            started = time.perf_counter()
            pages = sum(run(f) for f in files)
        except ImportError as exc:
            print(f"{name:52s} not installed ({exc.name})")
            continue
        seconds = time.perf_counter() - started
        print(f"{name:52s} {pages:4d} pages  {pages / seconds:6.1f} pages/s")
    return 0


if __name__ == "__main__":
    run_script(main)
