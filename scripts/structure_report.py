"""Print the structure report: the parser against every structure gold file, one row per body.

    .venv/bin/python scripts/structure_report.py [FOLDER ...] [--problems] [--json]

Default folders: ../shared/corpus (real papers of Sefton, Kent and Merton) and
tests/fixtures/bodies (constructed papers of other kinds of body). Measures: meeting
committee and date right; minute numbers with titles (precision/recall); decisions found
(precision/recall, matched by their opening words); outcomes, vote counts and
movers/seconders exact where the gold prints them. Parse speed is printed too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kb.errors import KbError, run_script  # noqa: E402
from kb.structure import Counts, gold_files, structure_report  # noqa: E402

DEFAULT = [REPO.parent / "shared" / "corpus", REPO / "tests" / "fixtures" / "bodies"]
COLUMNS = (
    ("meeting", "meeting"),
    ("minutes_precision", "minutes P"),
    ("minutes_recall", "minutes R"),
    ("decisions_precision", "decisions P"),
    ("decisions_recall", "decisions R"),
    ("outcomes", "outcomes"),
    ("votes", "votes"),
    ("movers", "movers"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--problems", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    if missing := [str(p) for p in args.folders if not p.is_dir()]:
        raise KbError(f"no such folder: {', '.join(missing)}; give folders that hold gold files")
    roots = args.folders or [p for p in DEFAULT if p.is_dir()]
    started = time.perf_counter()
    reports = structure_report(*roots)
    seconds = time.perf_counter() - started
    total = Counts()
    for r in reports:
        total.add(r.counts)
    pages = _pages(roots)
    if args.json:
        out = {r.body: {**r.counts.measures(), "files": r.counts.documents} for r in reports}
        out["all"] = {**total.measures(), "files": total.documents}
        print(json.dumps({"bodies": out, "pages": pages, "seconds": round(seconds, 2)}, indent=2))
        return 0
    header = "| body | files | " + " | ".join(label for _, label in COLUMNS) + " |"
    print(header)
    print("|" + " --- |" * (len(COLUMNS) + 2))
    for r in [*reports, None]:
        counts = total if r is None else r.counts
        name = "**all**" if r is None else r.body
        values = counts.measures()
        cells = [f"{values[key]:.2f}" for key, _ in COLUMNS]
        print(f"| {name} | {counts.documents} | " + " | ".join(cells) + " |")
    print(
        f"\n{total.gold_minutes} gold minutes, {total.gold_decisions} gold decisions "
        f"({total.outcomes} with outcome, {total.votes} with votes, {total.movers} movers/seconders); "
        f"read and parsed {pages} pages in {seconds:.1f} s ({pages / seconds:.0f} pages/s)"
    )
    if args.problems:
        for problem in total.problems:
            print(f"  - {problem}")
    return 0


def _pages(roots: list[Path]) -> int:
    from kb.read import read_pages

    sources = {g.parent / json.loads(g.read_text())["source"] for g in gold_files(*roots)}
    return sum(len(read_pages(s)) for s in sources)


if __name__ == "__main__":
    run_script(main)
