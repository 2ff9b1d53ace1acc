#!/usr/bin/env bash
# Install kb and everything it needs into .venv, build the index from corpus/ and answer
# an example question. Safe to run again: installs are skipped when present and the
# ingest only redoes files that changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# torch first and pinned: 2.13.0 is the CPU build on this machine's disk; an unpinned
# torch (pulled in by sentence-transformers) would fetch a multi-GB CUDA build.
.venv/bin/pip install --quiet --disable-pip-version-check torch==2.13.0
.venv/bin/pip install --quiet --disable-pip-version-check -e .
.venv/bin/kb ingest
.venv/bin/kb ask "what was resolved on SEND backlog"
