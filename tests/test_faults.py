"""Fault injection: `kb ingest` killed with SIGKILL at several moments leaves the previous
generation whole and answering, and the next ingest completes. Real model, real files."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kb.verify import verify_index

from .conftest import REPO, SEFTON

pytestmark = pytest.mark.slow


def kb(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kb.cli", *args], env=env, capture_output=True, text=True, cwd=REPO
    )


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("faults")
    (base / "corpus").mkdir()
    shutil.copy(SEFTON / "002_d82a2967a2835cfe.txt", base / "corpus")
    env = {**os.environ, "KB_INDEX": str(base / "index")}
    done = kb(env, "ingest", str(base / "corpus"), "--quiet")
    assert done.returncode == 0, done.stderr
    return base


@pytest.mark.parametrize("stage", ["parse", "embed", "write", "publish"])
def test_sigkill_during_ingest_keeps_the_previous_index(
    first_build: Path, tmp_path: Path, stage: str
) -> None:
    shutil.copytree(first_build / "corpus", tmp_path / "corpus")
    shutil.copytree(first_build / "index", tmp_path / "index")
    shutil.copy(SEFTON / "003_e1d533a4d0f9a987.txt", tmp_path / "corpus")
    env = {**os.environ, "KB_INDEX": str(tmp_path / "index"), "KB_INGEST_PAUSE": stage}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kb.cli", "ingest", str(tmp_path / "corpus"), "--quiet"],
        env=env,
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.strip() == f"kb: paused at {stage}":
            break
    else:
        pytest.fail(f"ingest never reached {stage}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert verify_index(tmp_path / "index") == []
    env.pop("KB_INGEST_PAUSE")
    before = json.loads(kb(env, "ask", "Citizens Panel launched", "--json", "-k", "3").stdout)
    assert before["results"] and all(
        h["citation"]["source"].endswith("002_d82a2967a2835cfe.txt") for h in before["results"]
    )

    again = kb(
        env, "ingest", str(tmp_path / "corpus"), "--quiet"
    )  # takes over the dead process's lock
    assert again.returncode == 0, again.stderr
    assert verify_index(tmp_path / "index") == []
    after = json.loads(
        kb(
            env, "ask", "when did the NHS Cheshire and Merseyside Citizens' Panel launch", "--json"
        ).stdout
    )
    assert any("Citizens' Panel launched in October 2022" in h["text"] for h in after["results"])
    assert len(list((tmp_path / "index").glob("gen-*"))) <= 2
