"""Compare kb's retrieval with simpler pipelines on the tune and check splits, and per body.

    .venv/bin/python scripts/benchmark_retrieval.py              # the splits of ../shared/eval/ and eval/
    .venv/bin/python scripts/benchmark_retrieval.py FILE.jsonl ...  # one table over these files

Needs a built index (`kb ingest`). Systems:
- kb: the full pipeline (structure-aware passages, query understanding, answer units,
  learned ranker).
- BM25 alone / dense alone: kb's own passages, searched by one signal, nothing else.
- naive: 1,000-character chunks of each file's raw text, all-MiniLM-L6-v2 + FAISS and
  SQLite FTS5 BM25, fused by reciprocal rank (the usual tutorial retriever); it knows no
  meetings, so it cites no meeting date.
Prints Markdown tables of Hit@1, Hit@5, MRR@10 and meeting date correct on hits: one per
split (tune, check), then one per body (the folder of corpus/ that holds a question's gold
file: sefton, kent, merton) over both splits' answerable questions.
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
from kb.errors import run_script  # noqa: E402
from kb.evaluate import SPLITS, EvalReport, Question, evaluate, load_questions  # noqa: E402
from kb.model import Answer, Citation, Hit  # noqa: E402
from kb.read import SUPPORTED_SUFFIXES, read_pages  # noqa: E402
from kb.search import SearchEngine, Settings  # noqa: E402
from kb.store.db import fts_query  # noqa: E402

K = 10
CHUNK = 1000
SHARED_EVAL = ROOT.parent / "shared" / "eval"
OWN_EVAL = ROOT / "eval"


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


def row(name: str, report: EvalReport, seconds: float, dated: bool = True) -> str:
    """One table row."""
    date = f"{report.meeting_date_accuracy:.3f}" if dated and report.hit_at_10 else "—"
    return (
        f"| {name} | {report.answerable} | {report.hit_at_1:.3f} | {report.hit_at_5:.3f} | "
        f"{report.mrr_at_10:.3f} | {date} | {seconds * 1000 / max(1, report.questions):.0f} |"
    )


HEADER = [
    "| system | answerable | Hit@1 | Hit@5 | MRR@10 | meeting date on hits | ms/question |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
]
SYSTEMS = {
    "kb (structure-aware, learned ranker)": Settings(),
    "BM25 alone (kb passages)": Settings(only="keyword", understand=False),
    "dense alone (kb passages)": Settings(only="dense", understand=False),
}


def body_of(q: Question, corpus: Path) -> str:
    """The corpus folder holding the question's first gold file ('' when none)."""
    for g in q.gold:
        found = (
            next(corpus.rglob(Path(g.get("source", "")).name), None) if g.get("source") else None
        )
        if found is not None:
            return found.parent.relative_to(corpus).parts[0]
    return ""


def table(
    title: str, questions: list[Question], engine: SearchEngine, naive: NaivePipeline
) -> list[str]:
    """One benchmark table over `questions` (answerable ones)."""
    lines = ["", f"**{title}** ({len(questions)} questions)", "", *HEADER]
    for name, settings in SYSTEMS.items():
        engine.settings = settings
        start = time.perf_counter()
        report = evaluate(questions, lambda q: engine.ask(q, k=K))
        lines.append(row(name, report, time.perf_counter() - start))
    start = time.perf_counter()
    report = evaluate(questions, naive.ask)
    lines.append(
        row(
            "naive 1,000-char chunks, dense + BM25, RRF",
            report,
            time.perf_counter() - start,
            dated=False,
        )
    )
    engine.settings = Settings()
    return lines


def default_files() -> list[Path]:
    """The tune and check files that exist: ../shared/eval/dev_*.jsonl and our own
    eval/tune_own*.jsonl (tune) and eval/check_own*.jsonl (check)."""
    own = sorted(OWN_EVAL.glob("tune_own*.jsonl")) + sorted(OWN_EVAL.glob("check_own*.jsonl"))
    return sorted(SHARED_EVAL.glob("dev_*.jsonl")) + own


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "files", nargs="*", help="question files (default: the tune and check splits)"
    )
    paths = parser.parse_args().files
    engine = SearchEngine()
    naive = NaivePipeline(engine.embedder, corpus_dir())
    files = [Path(p) for p in paths] or default_files()
    questions = [q for q in load_questions(files) if q.gold]
    lines = [f"index {engine.folder.parent}, {engine.manifest.counts.get('passages')} passages"]
    if paths:
        lines += table("questions of " + ", ".join(f.name for f in files), questions, engine, naive)
    else:
        for split in ("tune", "check"):
            chosen = [q for q in questions if SPLITS.get(q.file) == split]
            lines += table(f"{split} split", chosen, engine, naive)
        corpus = corpus_dir()
        bodies: dict[str, list[Question]] = {}
        for q in questions:
            bodies.setdefault(body_of(q, corpus), []).append(q)
        for body, chosen in sorted(bodies.items()):
            for split in ("tune", "check"):
                part = [q for q in chosen if SPLITS.get(q.file) == split]
                if part:
                    lines += table(f"{body or 'unknown'} · {split}", part, engine, naive)
    print("\n".join(lines))


if __name__ == "__main__":
    run_script(main)
