"""Compare kb's retrieval with simpler pipelines on question files with gold phrases.

    .venv/bin/python scripts/benchmark_retrieval.py ../shared/eval/dev_a.jsonl ../shared/eval/dev_b.jsonl

Needs a built index (`kb ingest`). Systems:
- kb: the full pipeline (structure-aware passages, hybrid fusion, query understanding).
- BM25 alone / dense alone: kb's own passages, searched by one signal, no boosts.
- naive: 1,000-character chunks of each file's raw text, all-MiniLM-L6-v2 + FAISS and
  SQLite FTS5 BM25, fused by reciprocal rank (the usual tutorial retriever); it knows no
  meetings, so it cites no meeting date.
Prints one Markdown table: Hit@1, Hit@5, MRR@10, meeting date correct on hits.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.config import corpus_dir  # noqa: E402
from kb.evaluate import EvalReport, evaluate, load_questions  # noqa: E402
from kb.model import Answer, Citation, Hit  # noqa: E402
from kb.read import SUPPORTED_SUFFIXES, read_pages  # noqa: E402
from kb.search import SearchEngine  # noqa: E402
from kb.search.engine import Weights  # noqa: E402
from kb.store.db import fts_query  # noqa: E402

K = 10
CHUNK = 1000


class NaivePipeline:
    """Fixed-size chunks, dense + BM25, reciprocal-rank fusion."""

    def __init__(self, embedder, corpus: Path) -> None:
        import faiss

        self.embedder = embedder
        self.chunks: list[tuple[str, str]] = []
        for path in sorted(p for p in corpus.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES):
            text = "\n".join(page.text for page in read_pages(path))
            for start in range(0, len(text), CHUNK):
                self.chunks.append((str(path.relative_to(ROOT)), text[start : start + CHUNK]))
        vectors = embedder.encode([c[1] for c in self.chunks])
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE c USING fts5(text, tokenize='porter unicode61')")
        self.db.executemany(
            "INSERT INTO c(rowid, text) VALUES (?, ?)",
            [(i, t) for i, (_, t) in enumerate(self.chunks)],
        )

    def ask(self, question: str) -> Answer:
        vector = self.embedder.encode([question])
        _, dense = self.index.search(np.asarray(vector, dtype="float32"), 50)
        terms = re.findall(r"[a-z0-9]+", question.lower())
        rows = self.db.execute(
            "SELECT rowid FROM c WHERE c MATCH ? ORDER BY bm25(c) LIMIT 50", (fts_query(terms),)
        ).fetchall()
        fused: dict[int, float] = {}
        for ranking in (list(dense[0]), [r[0] for r in rows]):
            for rank, cid in enumerate(ranking):
                fused[int(cid)] = fused.get(int(cid), 0.0) + 1.0 / (60 + rank + 1)
        best = sorted(fused, key=fused.get, reverse=True)[:K]  # type: ignore[arg-type]
        hits = []
        for rank, cid in enumerate(best, 1):
            source, text = self.chunks[cid]
            citation = Citation(source, None, None, None, "other", None, None, None, None, False)
            hits.append(Hit(rank, fused[cid], str(cid), text, citation))
        return Answer(question, tuple(hits))


def row(name: str, report: EvalReport, seconds: float) -> str:
    return (
        f"| {name} | {report.hit_at_1:.3f} | {report.hit_at_5:.3f} | {report.mrr_at_10:.3f} | "
        f"{report.meeting_date_accuracy if report.hit_at_10 else 0:.3f} | {seconds * 1000 / max(1, report.questions):.0f} |"
    )


def main(paths: list[str]) -> None:
    questions = load_questions([Path(p) for p in paths])
    engine = SearchEngine()
    plain = dict(decision=0.0, minute=0.0, month=0.0, year=0.0, committee=0.0, understand=False)
    systems = {
        "kb (hybrid, structure-aware)": Weights(),
        "BM25 alone (kb passages)": Weights(dense=0.0, keyword=1.0, **plain),  # type: ignore[arg-type]
        "dense alone (kb passages)": Weights(dense=1.0, keyword=0.0, **plain),  # type: ignore[arg-type]
    }
    lines = [
        f"{len(questions)} questions, index {engine.folder.parent}, {engine.manifest.counts.get('passages')} passages",
        "",
        "| system | Hit@1 | Hit@5 | MRR@10 | meeting date on hits | ms/question |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, weights in systems.items():
        engine.weights = weights
        start = time.perf_counter()
        report = evaluate(questions, lambda q: engine.ask(q, k=K))
        lines.append(row(name, report, time.perf_counter() - start))
    naive = NaivePipeline(engine.embedder, corpus_dir())
    start = time.perf_counter()
    report = evaluate(questions, naive.ask)
    report.meeting_date_accuracy = 0.0  # it cites no meeting
    lines.append(
        row("naive 1,000-char chunks, dense + BM25, RRF", report, time.perf_counter() - start)
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main(
        sys.argv[1:]
        or [str(ROOT.parent / "shared" / "eval" / n) for n in ("dev_a.jsonl", "dev_b.jsonl")]
    )
