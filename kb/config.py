"""Locations and settings: where the corpus and index live, and environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
INDEX_FORMAT_VERSION = 1


def index_dir(explicit: str | Path | None = None) -> Path:
    """The index folder: `explicit`, else $KB_INDEX, else `index/` at the repository root."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("KB_INDEX")
    return Path(env) if env else REPO_ROOT / "index"


def corpus_dir() -> Path:
    """The default corpus folder: $KB_CORPUS, else `corpus/` at the repository root."""
    env = os.environ.get("KB_CORPUS")
    return Path(env) if env else REPO_ROOT / "corpus"


def display_path(path: Path) -> str:
    """A path as cited: relative to the repository root when inside it, else as given."""
    try:
        return path.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return path.as_posix()
