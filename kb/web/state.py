"""What the server answers from: the live index generation's search engine, sources and
decision register, loaded once and loaded again when an ingest publishes a new generation."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from kb.config import index_dir
from kb.embed import Embedder
from kb.errors import IndexNotPublic, KbError
from kb.register import DecisionRecord, DecisionRegister, RegisterFilters
from kb.search import SearchEngine
from kb.sources import SourceLibrary
from kb.store.generation import current_generation
from kb.store.manifest import read_manifest


@dataclass
class Loaded:
    """One generation, ready to answer."""

    folder: Path
    engine: SearchEngine
    sources: SourceLibrary
    register: DecisionRegister
    decisions_by_chunk: dict[str, tuple[DecisionRecord, ...]]
    committees: tuple[str, ...]

    def close(self) -> None:
        """Release the generation's connections."""
        self.register.close()
        self.engine.close()


def require_public(index: Path | None) -> None:
    """Raise `IndexNotPublic` unless the live index at `index` is a public build."""
    folder = current_generation(index_dir(index))
    if not read_manifest(folder).public:
        raise IndexNotPublic(
            f"{index_dir(index)} is not a public build (it may hold exempt papers); build one "
            "with `kb ingest --public --index public-index/` and serve that folder"
        )


class ServeState:
    """The loaded index, checked against `CURRENT` on every request and reloaded when an
    ingest has switched it. In public mode only a public build is ever loaded."""

    def __init__(
        self, index: Path | None = None, public: bool = False, embedder: Embedder | None = None
    ) -> None:
        self.index = index_dir(index)
        self.public = public
        self._embedder = embedder
        if public:
            require_public(self.index)
        self._loaded = self._load()

    def _load(self) -> Loaded:
        engine = SearchEngine(self.index, embedder=self._embedder)
        try:
            if self.public and not engine.manifest.public:
                require_public(self.index)  # an ingest switched to a members' build meanwhile
            engine.ask("warm up the query model", k=1)  # load it now, not on the first question
            register = DecisionRegister(self.index, engine=engine)
            everything = register.find(None, filters=RegisterFilters(public=self.public))
        except BaseException:
            engine.close()
            raise
        by_chunk: dict[str, list[DecisionRecord]] = {}
        for record in everything.decisions:
            if record.chunk_id:
                by_chunk.setdefault(record.chunk_id, []).append(record)
        sources = SourceLibrary(engine.folder, public=self.public)
        sources.warm()
        return Loaded(
            folder=engine.folder,
            engine=engine,
            sources=sources,
            register=register,
            decisions_by_chunk={k: tuple(v) for k, v in by_chunk.items()},
            committees=tuple(sorted(engine.glossary.committees())),
        )

    @property
    def current(self) -> Loaded:
        """The generation to answer from: the live one (reloaded after an ingest)."""
        try:
            live = current_generation(self.index)
        except KbError:
            return self._loaded  # the pointer is being replaced: keep answering
        if live != self._loaded.folder:
            try:
                fresh = self._load()
            except KbError as exc:
                print(f"kb serve: keeping {self._loaded.folder.name}: {exc}", file=sys.stderr)
                return self._loaded
            old, self._loaded = self._loaded, fresh
            old.close()
        return self._loaded

    def close(self) -> None:
        """Release everything."""
        self._loaded.close()
