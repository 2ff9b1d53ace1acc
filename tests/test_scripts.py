"""The scripts in scripts/ meet bad input as the CLI does: one `Error:` line on stderr that
says what to do, exit code 1, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# ablation.py reads the eval files before the index: without ../shared beside the repository
# (a clone elsewhere) its first mendable error is the missing question file
ABLATION_SAYS = (
    "run `kb ingest` first" if (REPO.parent / "shared" / "eval").is_dir() else "cannot read"
)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["benchmark_retrieval.py"], "run `kb ingest` first"),
        (["train_ranker.py"], "run `kb ingest` first"),
        (["ablation.py"], ABLATION_SAYS),
        (["structure_report.py", "no-such-folder"], "no such folder: no-such-folder"),
        (["bench.py", "--table", "no-such.json"], "no-such.json: No such file or directory"),
        (["pdf_layout_speed.py", "no-such.pdf"], "no-such.pdf: no such file; check the path"),
        (["pdf_layout_speed.py", "not-a.pdf"], "not-a.pdf"),
    ],
)
def test_a_script_given_bad_input_says_what_to_do(
    args: list[str], said: str, tmp_path: Path
) -> None:
    (tmp_path / "not-a.pdf").write_text("hello, not a PDF\n")
    env = {**os.environ, "KB_INDEX": str(tmp_path / "no-index")}
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / args[0]), *args[1:]],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and said in lines[0]


def test_a_script_asked_for_help_shows_it() -> None:
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "benchmark_retrieval.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0 and "usage:" in run.stdout
