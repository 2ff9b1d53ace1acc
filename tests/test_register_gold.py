"""`kb decisions --json` against the structure gold of ../shared/corpus (issue 14): every
gold decision is listed (recall), nothing else is listed for those minutes (precision),
outcomes and votes are exact where printed, and each is cited to the minuted meeting's date
and the minute's page. The index is built from the shared files themselves with the fake
embedder (listing decisions needs no model); skipped where ../shared is absent."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.structure import _gold_decisions, _same_opening, gold_files, source_of

runner = CliRunner()
TARGET = 0.95


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[Path]]:
    from kb.ingest import ingest

    from .conftest import SHARED, FakeEmbedder

    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    shared = SHARED

    root = tmp_path_factory.mktemp("register_gold")
    golds = gold_files(shared / "corpus")
    for path in golds:
        body = path.parent.name
        (root / "corpus" / body).mkdir(parents=True, exist_ok=True)
        src = source_of(path, json.loads(path.read_text(encoding="utf-8")))
        shutil.copy(src, root / "corpus" / body / src.name)
    report = ingest([root / "corpus"], index=root / "index", embedder=FakeEmbedder())
    assert not report.failed, report.failed
    result = runner.invoke(app, ["decisions", "--json", "--index", str(root / "index")])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["decisions"], golds


def pages_of(gold_path: Path, decision: dict) -> set[int | None]:
    """The printed pages of the PDF on which the gold decision's opening words stand (the
    gold names no page; the PDF's own page labels say where the words are printed)."""
    from kb.read import read_pages

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    words = " ".join(str(decision["text"]).split()[:5]).lower()
    return {
        page.label if page.label is not None else page.index + 1
        for page in read_pages(source_of(gold_path, gold))
        if words in " ".join(page.text.split()).lower()
    }


def test_register_lists_the_gold_decisions(listed: tuple[list[dict], list[Path]]) -> None:
    decisions, golds = listed
    wanted = found = matched = outcome_ok = outcomes = votes_ok = votes = cited_ok = 0
    problems: list[str] = []
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = str(gold["source"])
        date = gold["meeting_date"]
        mine = [
            d
            for d in decisions
            if d["citation"]["source"].endswith("/" + source) and d["meeting_date"] == date
        ]
        found += len(mine)
        for minute in gold["minutes"]:
            here = [d for d in mine if d["minute"] == minute["number"]]
            for g in _gold_decisions(minute):
                wanted += 1
                hit = next(
                    (d for d in here if g.get("text") and _same_opening(g["text"], d["text"])),
                    None,
                )
                if hit is None and not g.get("text") and here:
                    hit = here[0]  # the gold gives an outcome with no words ('NOTED')
                if hit is None:
                    problems.append(f"{source} {date} minute {minute['number']}: {g.get('text')!r}")
                    continue
                here.remove(hit)
                matched += 1
                if g.get("outcome") is not None:
                    outcomes += 1
                    outcome_ok += hit["outcome"] == g["outcome"]
                if g.get("votes") is not None:
                    votes += 1
                    votes_ok += hit["votes"] == {k: v for k, v in g["votes"].items() if v}
                checkable = source.endswith(".pdf") and g.get("text")
                cited_ok += hit["citation"]["meeting_date"] == date and (
                    not checkable or hit["citation"]["page"] in pages_of(path, g)
                )
    assert wanted >= 30  # the shared gold holds 36 decisions
    assert matched / wanted >= TARGET, problems
    assert matched / found >= TARGET, f"{found - matched} decisions listed that the gold lacks"
    assert outcomes and outcome_ok / outcomes >= TARGET
    assert votes == 0 or votes_ok / votes >= TARGET
    assert cited_ok / matched >= TARGET
