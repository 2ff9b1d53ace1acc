"""The structure report as a test: the parser against every structure gold file.

Targets (issue 12): meeting committee and date right for at least 95% of documents;
minute numbers with titles, and decisions, at precision and recall 0.95 or better;
outcomes and vote counts exact on at least 95% of the decisions that print them. The
real papers in ../shared/corpus are scored when present; the constructed papers of
other bodies in tests/fixtures always are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.structure import Counts, structure_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TARGET = 0.95


def _assert_targets(counts: Counts, where: str) -> None:
    m = counts.measures()
    problems = "\n".join(counts.problems[:20])
    assert m["meeting"] >= TARGET, f"{where}: meeting {m['meeting']:.2f}\n{problems}"
    for key in ("minutes_precision", "minutes_recall", "decisions_precision", "decisions_recall"):
        assert m[key] >= TARGET, f"{where}: {key} {m[key]:.2f}\n{problems}"
    assert m["outcomes"] >= TARGET, f"{where}: outcomes {m['outcomes']:.2f}\n{problems}"
    assert m["votes"] >= TARGET, f"{where}: votes {m['votes']:.2f}\n{problems}"


def _total(root: Path) -> Counts:
    total = Counts()
    for body in structure_report(root):
        total.add(body.counts)
    return total


def test_shared_gold_of_sefton_kent_and_merton(shared: Path) -> None:
    reports = structure_report(shared / "corpus")
    assert {r.body for r in reports} == {"sefton", "kent", "merton"}
    for report in reports:
        _assert_targets(report.counts, report.body)
    assert sum(r.counts.gold_minutes for r in reports) == 48


def test_constructed_papers_of_other_bodies() -> None:
    total = _total(FIXTURES / "bodies")
    assert total.documents >= 10 and total.votes >= 10 and total.movers >= 30
    _assert_targets(total, "tests/fixtures/bodies")


@pytest.mark.parametrize("folder", ["bodies_check", "bodies_final", "bodies_holdout"])
def test_once_held_back_papers(folder: str) -> None:
    """Sets that measured the parser once, before it was mended on their failures (the
    first-run numbers are in the README); kept so that no later change undoes a mend."""
    root = FIXTURES / folder
    if not any(root.glob("*.minutes.json")):
        pytest.skip(f"no papers in tests/fixtures/{folder}")
    _assert_targets(_total(root), f"tests/fixtures/{folder}")


# Real published minutes (web-page text): far from the targets, so each set keeps the
# figures it reached after mending, less a small margin, so that no change quietly undoes
# a mend. Their first runs (the honest measure) are in each set's first_run.txt.
REAL_FLOORS = {  # a little under what the parser reaches on each set after its mends
    "bodies_real": {
        "meeting": 0.9,
        "minutes_recall": 0.92,
        "decisions_precision": 0.88,
        "decisions_recall": 0.88,
    },
    "bodies_real2": {
        "meeting": 0.85,
        "minutes_recall": 0.93,
        "decisions_precision": 0.94,
        "decisions_recall": 0.85,
    },
    "bodies_real3": {
        "meeting": 0.97,
        "minutes_recall": 0.9,
        "decisions_precision": 0.85,
        "decisions_recall": 0.8,
    },
    "bodies_real4": {  # first run 0.20 / 0.24 / 0.50 / 0.14 (its first_run.txt)
        "meeting": 0.85,
        "minutes_recall": 0.58,
        # 0.89 before table bars were cleaned off; Salford Priors now parses (4 of its 6
        # minutes, 0 before) and its elections count, worded unlike its gold's proposals
        "decisions_precision": 0.8,
        "decisions_recall": 0.55,
    },
    "bodies_real5": {  # first run 0.40 / 0.30 / 0.89 / 0.22 (its first_run.txt)
        "meeting": 0.85,
        "minutes_recall": 0.64,
        "decisions_precision": 0.85,
        "decisions_recall": 0.55,
    },
    "bodies_real6": {  # first run 0.47 / 0.46 / 0.41 / 0.30 (its first_run.txt)
        "meeting": 0.9,
        "minutes_recall": 0.78,
        "decisions_precision": 0.73,
        "decisions_recall": 0.64,
    },
    "bodies_real8": {  # first run 0.67 / 0.46 / 0.53 / 0.31 (its first_run.txt)
        "meeting": 0.85,
        "minutes_recall": 0.82,
        "decisions_precision": 0.72,
        "decisions_recall": 0.66,
    },
    "bodies_real7": {  # first run 0.47 / 0.40 / 0.53 / 0.31 (its first_run.txt)
        "meeting": 0.65,
        "minutes_recall": 0.78,
        "decisions_precision": 0.83,
        "decisions_recall": 0.6,
    },
    "bodies_real9": {  # first run 0.57 / 0.48 / 0.64 / 0.29 (its first_run.txt)
        "meeting": 0.95,
        "minutes_recall": 0.9,
        "decisions_precision": 0.8,
        "decisions_recall": 0.75,
    },
    "bodies_real10": {  # first run 0.50 / 0.23 / 0.24 / 0.17 (its first_run.txt)
        "meeting": 0.7,
        "minutes_recall": 0.58,
        "decisions_precision": 0.43,
        "decisions_recall": 0.48,
    },
    "bodies_real11": {  # first run 0.58 / 0.58 / 0.45 / 0.25 (its first_run.txt)
        "meeting": 0.8,
        "minutes_recall": 0.79,
        "decisions_precision": 0.83,
        "decisions_recall": 0.53,
    },
    "bodies_real12": {  # first run 0.55 / 0.57 / 0.77 / 0.50 (its first_run.txt)
        "meeting": 0.88,
        "minutes_recall": 0.82,
        "decisions_precision": 0.8,
        "decisions_recall": 0.68,
    },
    "bodies_real13": {  # first run 0.40 / 0.51 / 0.79 / 0.50 (its first_run.txt)
        "meeting": 0.88,
        "minutes_recall": 0.71,
        "decisions_precision": 0.88,
        "decisions_recall": 0.8,
    },
    "bodies_real14": {  # first run 0.64 / 0.35 / 0.40 / 0.15 (its first_run.txt)
        "meeting": 0.98,
        "minutes_recall": 0.71,
        "decisions_precision": 0.84,
        "decisions_recall": 0.75,
    },
    "bodies_real15": {  # first run 0.60 / 0.31 / 0.70 / 0.32 (its first_run.txt)
        "meeting": 0.78,
        "minutes_recall": 0.76,
        "decisions_precision": 0.78,
        "decisions_recall": 0.53,
    },
    "bodies_real16": {  # first run 0.70 / 0.56 / 0.47 / 0.27 (its first_run.txt)
        "meeting": 0.78,
        "minutes_recall": 0.69,
        "decisions_precision": 0.91,
        "decisions_recall": 0.52,
    },
    "bodies_real17": {  # first run 0.50 / 0.37 / 0.50 / 0.38 (its first_run.txt)
        "meeting": 0.98,
        "minutes_recall": 0.76,
        "decisions_precision": 0.74,
        "decisions_recall": 0.74,
    },
    "bodies_real19": {  # first run 0.80 / 0.80 / 0.48 / 0.42 (its first_run.txt)
        "meeting": 0.78,
        "minutes_recall": 0.85,
        "decisions_precision": 0.62,
        "decisions_recall": 0.58,
    },
    "bodies_real20": {  # first run 0.17 / 0.44 / 1.00 / 0.30 (its first_run.txt)
        "meeting": 0.45,
        "minutes_recall": 0.68,
        "decisions_precision": 0.95,
        "decisions_recall": 0.65,
    },
    "bodies_real21": {  # first run 0.83 / 0.76 / 0.83 / 0.79 (its first_run.txt)
        "meeting": 0.8,
        "minutes_recall": 0.85,
        "decisions_precision": 0.85,
        "decisions_recall": 0.9,
    },
    "bodies_real22": {  # first run 0.71 / 0.83 / 0.67 / 0.67 (its first_run.txt)
        "meeting": 0.65,
        "minutes_recall": 0.85,
        "decisions_precision": 0.75,
        "decisions_recall": 0.85,
    },
    "bodies_real23": {  # first run 0.75 / 0.65 / 0.32 / 0.33 (its first_run.txt)
        "meeting": 0.85,
        "minutes_recall": 0.85,
        "decisions_precision": 0.65,
        "decisions_recall": 0.65,
    },
    "bodies_real24": {  # first run 0.71 / 0.43 / 0.65 / 0.48 (its first_run.txt)
        "meeting": 0.85,
        "minutes_recall": 0.9,
        "decisions_precision": 0.9,
        "decisions_recall": 0.7,
    },
    "bodies_real30": {  # first run 0.43 / 0.53 / 0.91 / 0.56 (its first_run.txt)
        "meeting": 0.4,
        "minutes_recall": 0.5,
        "decisions_precision": 0.9,
        "decisions_recall": 0.55,
    },
    "bodies_real29": {  # first run 0.29 / 0.55 / 0.71 / 0.45 (its first_run.txt)
        "meeting": 0.4,
        "minutes_recall": 0.8,
        "decisions_precision": 0.95,
        "decisions_recall": 0.8,
    },
    "bodies_real28": {  # first run 0.33 / 0.28 / 0.50 / 0.31 (its first_run.txt)
        "meeting": 0.65,
        "minutes_recall": 0.45,
        # parser 49 reads 'This was proposed by DI and seconded by TD' (initials) as the
        # motion the gold records, but in Blair Atholl's minute the parser does not find, so
        # the matcher counts it extra: 0.70 → 0.64 with no decision read wrongly
        "decisions_precision": 0.6,
        "decisions_recall": 0.5,
    },
    "bodies_real27": {  # first run 0.62 / 0.53 / 0.50 / 0.32 (its first_run.txt)
        "meeting": 0.6,
        "minutes_recall": 0.6,
        "decisions_precision": 0.85,
        "decisions_recall": 0.5,
    },
    "bodies_real26": {  # first run 0.62 / 0.59 / 0.83 / 0.45 (its first_run.txt)
        "meeting": 0.95,
        "minutes_recall": 0.8,
        "decisions_precision": 0.9,
        "decisions_recall": 0.75,
    },
    "bodies_real25": {  # first run 0.57 / 0.64 / 1.00 / 0.29 (its first_run.txt)
        "meeting": 0.7,
        "minutes_recall": 0.6,
        "decisions_precision": 0.95,
        "decisions_recall": 0.35,
    },
    "bodies_real18": {  # first run 0.90 / 0.43 / 0.55 / 0.35 (its first_run.txt)
        "meeting": 0.88,
        "minutes_recall": 0.6,
        "decisions_precision": 0.69,
        "decisions_recall": 0.57,
    },
}


@pytest.mark.parametrize("folder", sorted(REAL_FLOORS))
def test_real_minutes_keep_their_mends(folder: str) -> None:
    root = FIXTURES / folder
    if not any(root.glob("*.minutes.json")):
        pytest.skip(f"no papers in tests/fixtures/{folder}")
    total = _total(root)
    m = total.measures()
    for key, floor in REAL_FLOORS[folder].items():
        assert m[key] >= floor, f"{folder}: {key} {m[key]:.2f} < {floor}\n" + "\n".join(
            total.problems[:20]
        )


@pytest.mark.parametrize("folder", sorted(REAL_FLOORS))
def test_real_gold_files_are_sound(folder: str) -> None:
    """Every gold file of a real set parses, has its fields, quotes its text and agrees
    with itself (tests/fixtures/check_gold.py, the sets' own checker)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_gold", FIXTURES / "check_gold.py")
    assert spec and spec.loader
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    errors: list[str] = []
    checker.check_folder(str(FIXTURES / folder), errors)
    assert errors == [], "\n".join(errors)


def test_a_decision_that_is_its_formula_alone_matches_by_it() -> None:
    from kb.structure import _same_opening

    assert _same_opening("Agreed", "Agreed.")
    assert _same_opening("RESOLVED that the report be noted", "Resolved: That the report be noted.")
    assert not _same_opening("Agreed", "Noted")


def test_a_number_printed_more_than_once_is_matched_in_order() -> None:
    """A parish list whose every number is '1.': each gold minute meets its own minute,
    not the last one of the number."""
    from kb.inspect import InspectedMinute, Inspection
    from kb.structure import score_file

    titles = ["Apologies", "Declarations of Interest", "Minutes of last meeting"]
    found = [InspectedMinute("1", t, "Parish Council", "2015-05-12", None, 1) for t in titles]
    meeting = {"committee": "Parish Council", "meeting_date": "2015-05-12"}
    inspection = Inspection("m.txt", meeting, [], found, [])
    gold = {
        "source": "m.txt",
        "committee": "Parish Council",
        "meeting_date": "2015-05-12",
        "minutes": [{"number": "1", "title": t, "decisions": []} for t in titles],
    }
    counts = score_file(gold, inspection)
    assert (counts.minutes_ok, counts.found_minutes, counts.gold_minutes) == (3, 3, 3)
    gold["minutes"].append({"number": "1", "title": "Matters arising", "decisions": []})
    assert score_file(gold, inspection).minutes_ok == 3  # a fourth '1' is not found twice
