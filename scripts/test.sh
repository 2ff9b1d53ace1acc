#!/usr/bin/env bash
# Install kb with its test dependencies into .venv and run the whole suite: lint (ruff),
# format check, type check (mypy) and pytest, end-to-end tests with the real model included.
# Extra arguments go to pytest (e.g. `-m "not slow"` for the quick tests only).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check torch==2.13.0
.venv/bin/pip install --quiet --disable-pip-version-check -e ".[dev]"
# The browser tests drive Debian's Chromium through its chromedriver (never a browser
# vendor's download); install both when missing and we may (root with apt), else they skip.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium and chromium-driver for the browser tests"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } ||
      echo "could not install chromium; the browser tests will be skipped"
  else
    echo "chromium or chromedriver missing (apt-get install chromium chromium-driver); the browser tests will be skipped"
  fi
fi
.venv/bin/ruff check kb tests scripts
.venv/bin/ruff format --check kb tests scripts
.venv/bin/mypy kb
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests; nothing failed"
  exit 0
fi
exit "$status"
