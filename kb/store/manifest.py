"""The index manifest: what built the index and what it holds. The index refuses to load
when its manifest does not match what reads it."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kb.config import INDEX_FORMAT_VERSION
from kb.errors import REBUILD, IndexCorrupt
from kb.store.writes import writing

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    """Format version, model and checksum, vector dimension, counts and build settings."""

    format_version: int
    model: str
    model_checksum: str
    dimension: int
    built_at: str
    counts: dict[str, int] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)
    public: bool = False
    generation: str = ""
    query_model: dict[str, Any] = field(default_factory=dict)  # the ONNX export, when there is one


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Write manifest.json into `folder` (fsynced)."""
    path = folder / MANIFEST
    with writing("manifest", path), path.open("w", encoding="utf-8") as handle:
        json.dump(asdict(manifest), handle, indent=2, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())


# the type every field must have; a manifest that breaks one is damaged
_TYPES: dict[str, type | tuple[type, ...]] = {
    "format_version": int,
    "model": str,
    "model_checksum": str,
    "dimension": int,
    "built_at": str,
    "counts": dict,
    "settings": dict,
    "public": bool,
    "generation": str,
    "query_model": dict,
}
_REQUIRED = ("format_version", "model", "model_checksum", "dimension", "built_at")


def read_manifest(folder: Path) -> Manifest:
    """Read and check manifest.json; raise `IndexCorrupt` when it is missing, damaged or from
    another format."""
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IndexCorrupt(f"{path} is missing; {REBUILD}") from exc
    except (OSError, ValueError) as exc:  # ValueError: not UTF-8, or not JSON
        raise IndexCorrupt(f"{path} is damaged (not readable JSON); {REBUILD}") from exc
    if not isinstance(data, dict):
        raise IndexCorrupt(f"{path} is damaged (not a JSON object); {REBUILD}")
    if data.get("format_version") != INDEX_FORMAT_VERSION:
        raise IndexCorrupt(
            f"index format {data.get('format_version')} is not {INDEX_FORMAT_VERSION}; {REBUILD}"
        )
    wrong = [k for k in _REQUIRED if k not in data] + [
        k for k, kind in _TYPES.items() if k in data and not isinstance(data[k], kind)
    ]
    if wrong or isinstance(data["dimension"], bool) or data["dimension"] < 1:
        raise IndexCorrupt(
            f"{path} is damaged (bad or missing {', '.join(wrong) or 'dimension'}); {REBUILD}"
        )
    known = set(Manifest.__dataclass_fields__)
    return Manifest(**{k: v for k, v in data.items() if k in known})
