"""Cost against corpus size: ingest throughput, cold and warm query latency, memory, disk.

    python scripts/bench.py                      # 1x, 10x and 100x (the 100x build takes ~1 h)
    python scripts/bench.py --scales 1,10 --runs 7
    python scripts/bench.py --table a.json b.json  # the table of earlier runs, together
    python scripts/bench.py --scales 100 --keep --remeasure old.json  # queries again, no rebuild

For each scale it builds a synthetic corpus from `corpus/` (1x is `corpus/` itself; at Nx
each pack appears N times, replica r with its years shifted by r, its committee and
council names rotated and about a fifth of its longer lower-case words swapped for other
words of the same pack, so no two replicas embed alike or collapse as duplicates; PDF
replicas are written as the text of their pages), then runs the real CLI in fresh
processes and prints one table:

- ingest: wall time, pages/s and passages/s, split into parse / embed / write (from
  `kb ingest --json`), plus the one-off ONNX export and the HNSW build;
- cold `kb ask`: median wall time over --runs new processes, each a different question;
- warm query latency p50/p95: one `kb ask --batch - --json` process, time between answers;
- `kb serve` latency p50/p95: one server on 127.0.0.1, 100 `GET /api/ask` over one
  keep-alive connection, timed by the client (and the server's own measure from /healthz);
- peak resident memory of the ingest and of a cold ask (from wait4);
- index size on disk, the index type the build chose, and recall@10 of an HNSW graph
  against exact search (dev questions plus passage openings as queries).

Nothing is timed inside the tests; this script is where speed and memory are measured.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kb.errors import run_script  # noqa: E402

SHARED_EVAL = REPO.parent / "shared" / "eval"
FALLBACK_QUESTIONS = [
    "what was resolved on SEND backlog",
    "how many children were reviewed",
    "who chaired the December board",
    "how many people responded to the school governor recruitment campaign",
    "EHCP timeliness within 20 weeks",
    "what did the committee note about elective home education",
    "apologies for absence",
    "budget savings proposals for next year",
]
SERVICES = [
    "Children's Services and Safeguarding",
    "Adult Social Care and Health",
    "Regeneration and Skills",
    "Housing and Communities",
    "Environment and Transport",
    "Education and Learning",
    "Public Health",
    "Corporate Resources",
    "Culture and Leisure",
    "Economic Growth",
]
BOARDS = [
    "Health and Wellbeing Board",
    "Health and Care Partnership Board",
    "Community Safety Board",
    "Safeguarding Adults Board",
    "Corporate Parenting Board",
]
AUDIT = ["Audit Committee", "Audit and Governance Committee", "Governance and Audit Committee"]
COUNCILS = ["Sefton", "Kent", "Merton", "Wirral", "Halton", "Bexley", "Surrey", "Barnet"]
# lower-case words the parser or the furniture filter reads: never swapped
KEEP = set(
    "page intentionally left blank agenda item items minutes minute report reports date meeting "
    "resolved that with from this subject classification decision wards ward affected exempt "
    "paragraph schedule part local government present apologies chair public questions appendix "
    "appendices recommendation recommendations noted committee council cabinet board".split()
)
ROTATED = [
    (re.compile(r"children[’']s services and safeguarding", re.I), SERVICES),
    (re.compile(r"health and wellbeing board", re.I), BOARDS),
    (re.compile(r"audit committee", re.I), AUDIT),
    *(
        (re.compile(rf"\b{name}\b", re.I), COUNCILS[i:] + COUNCILS[:i])
        for i, name in enumerate(COUNCILS[:3])
    ),
]
WORD = re.compile(r"\b[a-z]{4,}\b")
YEAR = re.compile(r"\b(19[9][0-9]|20[0-3][0-9])\b")


def _rotated(new: str) -> Callable[[re.Match[str]], str]:
    """A replacement keeping the case of what it replaces (all capitals stay capitals)."""
    return lambda m: new.upper() if m.group(0).isupper() else new


def vary(text: str, replica: int, seed: str) -> str:
    """Replica `replica` of a pack's text (replica 0 is the text itself)."""
    if replica == 0:
        return text
    rng = random.Random(f"{seed}:{replica}")
    text = YEAR.sub(lambda m: str(int(m.group(1)) + replica), text)
    for pattern, options in ROTATED:
        text = pattern.sub(_rotated(options[replica % len(options)]), text)
    vocabulary = sorted({w for w in WORD.findall(text) if w not in KEEP})
    if not vocabulary:
        return text

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in KEEP or rng.random() >= 0.2:
            return word
        return rng.choice(vocabulary)

    return WORD.sub(swap, text)


def make_corpus(scale: int, target: Path) -> Path:
    """Write the Nx corpus under `target`; return it."""
    from kb.read import read_pages

    sources = sorted(p for p in (REPO / "corpus").rglob("*") if p.is_file())
    if scale == 1:
        return REPO / "corpus"
    if target.exists():
        shutil.rmtree(target)
    for path in sources:
        rel = path.relative_to(REPO / "corpus")
        if path.suffix.lower() == ".pdf":
            text = "\f".join(page.text for page in read_pages(path))
        else:
            text = path.read_text(encoding="utf-8")
        for replica in range(scale):
            out = target / f"r{replica:03d}" / rel.with_suffix(".txt")
            if replica == 0:
                out = target / f"r{replica:03d}" / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, out)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(vary(text, replica, str(rel)), encoding="utf-8")
    return target


def kb_command() -> list[str]:
    return [sys.executable, "-m", "kb.cli"]


def run_measured(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> tuple[list[tuple[float, str]], float, float, str]:
    """Run a command, timestamping each stdout line; return lines, wall s, peak RSS MB, stderr."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdin and proc.stdout and proc.stderr
    proc.stdin.write(stdin or "")
    proc.stdin.close()
    lines = [(time.perf_counter(), line) for line in proc.stdout]
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[3:5])}… failed ({proc.returncode}): {err.strip()[-400:]}")
    return lines, wall, usage.ru_maxrss / 1024, err


def questions() -> list[str]:
    found = [
        json.loads(line)["query"]
        for path in sorted(SHARED_EVAL.glob("dev_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return found or FALLBACK_QUESTIONS


def pages_of(folder: Path) -> int:
    """Pages as kb cites them: per pack, its highest cited page."""
    import sqlite3

    conn = sqlite3.connect(f"file:{folder / 'kb.sqlite'}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT MAX(COALESCE(page, 1)) FROM passages GROUP BY pack_id"
        ).fetchall()
    finally:
        conn.close()
    return sum(int(r[0] or 1) for r in rows)


def recall_at_10(folder: Path, qs: list[str]) -> float:
    """Recall@10 of an HNSW graph (the build's own, or one made now) against exact search."""
    import sqlite3

    import numpy as np

    from kb.query_model import OnnxEmbedder
    from kb.store.manifest import read_manifest
    from kb.store.vectors import APPROXIMATE, HNSW, FaissIndex, build_hnsw

    manifest = read_manifest(folder)
    exact = FaissIndex.load(folder)
    graph = FaissIndex.load(folder, HNSW) if (folder / APPROXIMATE).exists() else build_hnsw(exact)
    conn = sqlite3.connect(f"file:{folder / 'kb.sqlite'}?mode=ro", uri=True)
    openings = [
        " ".join(str(t).split()[:12])
        for (t,) in conn.execute("SELECT text FROM passages ORDER BY random() LIMIT 170")
    ]
    conn.close()
    embedder = OnnxEmbedder(folder, manifest.query_model, name=manifest.model)
    vectors = embedder.encode(qs + openings)
    hits = [
        len(set(exact.search(v, 10)[0]) & set(graph.search(v, 200)[0][:10])) / 10 for v in vectors
    ]
    return float(np.mean(hits))


def bench_scale(
    scale: int,
    work: Path,
    runs: int,
    qs: list[str],
    keep: bool,
    earlier: dict[str, object] | None = None,
) -> dict[str, object]:
    """Build the Nx index and measure it; with `earlier` (a result for this scale whose
    index was kept), measure the kept index again and take the build's figures from it."""
    index = work / f"index-{scale}x"
    corpus = work / f"corpus-{scale}x" if scale != 1 else REPO / "corpus"
    env = {**os.environ, "KB_INDEX": str(index), "PYTHONUNBUFFERED": "1"}
    if earlier is not None and (index / "CURRENT").is_file():
        built = {k: v for k, v in earlier.items() if k in BUILD_FIELDS}
    else:
        built = build_scale(scale, corpus, index, env)
    from kb.store.generation import current_generation
    from kb.store.manifest import read_manifest

    folder = current_generation(index)
    manifest = read_manifest(folder)

    print(f"[{scale}x] cold asks …", file=sys.stderr, flush=True)
    cold, cold_mb = [], []
    for i in range(runs):
        _, took, mb, err = run_measured([*kb_command(), "ask", qs[i % len(qs)], "--json"], env)
        if "note:" in err:
            print(f"[{scale}x] {err.strip()}", file=sys.stderr)
        cold.append(took)
        cold_mb.append(mb)

    print(f"[{scale}x] warm batch …", file=sys.stderr, flush=True)
    batch = (qs * (1 + 100 // len(qs)))[:100]
    lines, _, _, _ = run_measured(
        [*kb_command(), "ask", "--batch", "-", "--json"], env, stdin="\n".join(batch) + "\n"
    )
    stamps = [t for t, _ in lines]
    gaps = sorted(
        (b - a) * 1000 for a, b in zip(stamps, stamps[1:], strict=False)
    )  # first answer loads the model

    print(f"[{scale}x] kb serve …", file=sys.stderr, flush=True)
    served = serve_latency(env, index, batch)

    recall = recall_at_10(folder, qs)
    disk = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
    model = sum(
        (folder / str(manifest.query_model.get(k, ""))).stat().st_size
        for k in ("file", "tokenizer")
        if manifest.query_model.get(k)
    )
    result = {
        "scale": scale,
        **built,
        "cold_ask_median_s": statistics.median(cold),
        "cold_ask_runs_s": cold,
        "cold_ask_peak_mb": max(cold_mb),
        "warm_p50_ms": gaps[len(gaps) // 2],
        "warm_p95_ms": gaps[min(len(gaps) - 1, int(len(gaps) * 0.95))],
        **served,
        "index_type": manifest.settings.get("index_type"),
        "recall_at_10": recall,
        "disk_mb": disk / 2**20,
        "disk_without_model_mb": (disk - model) / 2**20,
    }
    if not keep:
        shutil.rmtree(index, ignore_errors=True)
        if scale != 1:
            shutil.rmtree(corpus, ignore_errors=True)
    return result


def serve_latency(env: dict[str, str], index: Path, questions: list[str]) -> dict[str, float]:
    """p50/p95 of `GET /api/ask` on a `kb serve` of `index`, seen by a client on 127.0.0.1
    (one keep-alive connection, after ten warm-up questions) and by the server itself."""
    import http.client
    import socket
    from urllib.parse import urlencode

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    proc = subprocess.Popen(
        [*kb_command(), "serve", "--index", str(index), "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:  # the index loads before the server listens
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("GET", "/healthz")
                conn.getresponse().read()
                break
            except OSError:
                conn.close()
            if proc.poll() is not None or time.monotonic() > deadline:
                problem = proc.stderr.read() if proc.stderr and proc.poll() is not None else ""
                raise SystemExit(f"kb serve did not start: {problem}")
            time.sleep(0.2)

        def get(path: str) -> bytes:
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                raise SystemExit(f"GET {path} answered {response.status}: {body[:200]!r}")
            return body

        for q in questions[:10]:
            get("/api/ask?" + urlencode({"q": q}))
        took = []
        for q in questions:
            started = time.perf_counter()
            get("/api/ask?" + urlencode({"q": q}))
            took.append((time.perf_counter() - started) * 1000)
        own = json.loads(get("/healthz"))["latency_ms"]["api_ask"]
        # the decision register: a query (the subject's decisions, best first) and a listing
        # (every decision of a committee and period, newest first)
        register = []
        for q in questions[:50]:
            started = time.perf_counter()
            get("/api/decisions?" + urlencode({"q": q, "k": 20}))
            register.append((time.perf_counter() - started) * 1000)
        listing = []
        for since in ("2009-01-01", "2017-01-01", "2022-01-01", "2024-01-01", "2025-01-01") * 4:
            started = time.perf_counter()
            get("/api/decisions?" + urlencode({"since": since}))
            listing.append((time.perf_counter() - started) * 1000)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    took.sort()
    register.sort()
    listing.sort()
    return {
        "serve_p50_ms": took[len(took) // 2],
        "serve_p95_ms": took[min(len(took) - 1, int(len(took) * 0.95))],
        "serve_own_p50_ms": float(own["p50"]),
        "serve_own_p95_ms": float(own["p95"]),
        "register_query_p50_ms": register[len(register) // 2],
        "register_query_p95_ms": register[min(len(register) - 1, int(len(register) * 0.95))],
        "register_list_p50_ms": listing[len(listing) // 2],
    }


BUILD_FIELDS = (
    "files",
    "pages",
    "passages",
    "ingest_s",
    "parse_s",
    "embed_s",
    "write_s",
    "export_s",
    "hnsw_s",
    "ingest_peak_mb",
)


def build_scale(scale: int, corpus: Path, index: Path, env: dict[str, str]) -> dict[str, object]:
    """Write the Nx corpus and ingest it from nothing; the build's figures."""
    corpus = make_corpus(scale, corpus)
    if index.exists():
        shutil.rmtree(index)
    files = sum(1 for p in corpus.rglob("*") if p.is_file())
    print(f"[{scale}x] ingesting {files} files …", file=sys.stderr, flush=True)
    lines, wall, ingest_mb, _ = run_measured(
        [*kb_command(), "ingest", str(corpus), "--quiet", "--json"], env
    )
    report = json.loads("".join(line for _, line in lines))
    if report["failed"]:
        print(
            f"[{scale}x] {len(report['failed'])} files failed: {report['failed'][:3]}",
            file=sys.stderr,
        )
    from kb.store.generation import current_generation

    seconds = report["seconds"]
    return {
        "files": files,
        "pages": pages_of(current_generation(index)),
        "passages": int(report["passages_total"]),
        "ingest_s": wall,
        "parse_s": seconds.get("parse", 0.0),
        "embed_s": seconds.get("embed", 0.0),
        "write_s": seconds.get("write", 0.0),
        "export_s": seconds.get("export", 0.0),
        "hnsw_s": seconds.get("hnsw", 0.0),
        "ingest_peak_mb": ingest_mb,
    }


def table(results: list[dict[str, object]]) -> str:
    """One Markdown table: a row per measure, a column per scale."""

    def f(key: str, fmt: str) -> list[str]:
        return [format(r[key], fmt) if key in r else "—" for r in results]

    def rate(count: str, secs: str) -> list[str]:
        return [f"{float(r[count]) / max(float(r[secs]), 1e-9):,.0f}" for r in results]  # type: ignore[arg-type]

    rows = [
        ("packs (files)", f("files", ",")),
        ("pages", f("pages", ",")),
        ("passages", f("passages", ",")),
        ("ingest wall, s", f("ingest_s", ".1f")),
        (
            "— parse s / embed s / write s",
            [f"{r['parse_s']:.1f} / {r['embed_s']:.1f} / {r['write_s']:.1f}" for r in results],
        ),
        (
            "— one-off ONNX export s / HNSW build s",
            [f"{r['export_s']:.1f} / {r['hnsw_s']:.1f}" for r in results],
        ),
        ("ingest pages/s (whole run)", rate("pages", "ingest_s")),
        ("ingest passages/s (whole run)", rate("passages", "ingest_s")),
        (
            "— passages/s in parse / embed / write",
            [
                " / ".join(
                    f"{float(r['passages']) / max(float(r[k]), 1e-9):,.0f}"  # type: ignore[arg-type]
                    for k in ("parse_s", "embed_s", "write_s")
                )
                for r in results
            ],
        ),
        ("ingest peak memory, MB", f("ingest_peak_mb", ",.0f")),
        ("cold `kb ask` median, s", f("cold_ask_median_s", ".2f")),
        ("cold `kb ask` peak memory, MB", f("cold_ask_peak_mb", ",.0f")),
        ("warm query p50, ms", f("warm_p50_ms", ".1f")),
        ("warm query p95, ms", f("warm_p95_ms", ".1f")),
        ("`kb serve` /api/ask p50, ms (client)", f("serve_p50_ms", ".1f")),
        (
            "decision register query p50 / p95, ms",
            [
                f"{r['register_query_p50_ms']:.1f} / {r['register_query_p95_ms']:.1f}"
                if "register_query_p50_ms" in r
                else "–"
                for r in results
            ],
        ),
        ("decision register listing p50, ms", f("register_list_p50_ms", ".1f")),
        ("`kb serve` /api/ask p95, ms (client)", f("serve_p95_ms", ".1f")),
        (
            "— the server's own p50 / p95, ms",
            [
                f"{r['serve_own_p50_ms']:.1f} / {r['serve_own_p95_ms']:.1f}"
                if "serve_own_p50_ms" in r
                else "—"
                for r in results
            ],
        ),
        ("vector index type", [str(r["index_type"]) for r in results]),
        ("HNSW recall@10 vs exact", f("recall_at_10", ".3f")),
        (
            "index on disk, MB (without the 90 MB query model)",
            [f"{r['disk_mb']:,.0f} ({r['disk_without_model_mb']:,.0f})" for r in results],
        ),
    ]
    head = "| measure | " + " | ".join(f"{r['scale']}×" for r in results) + " |"
    sep = "| --- | " + " | ".join("---:" for _ in results) + " |"
    return "\n".join(
        [head, sep, *(f"| {name} | " + " | ".join(vals) + " |" for name, vals in rows)]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--remeasure",
        type=Path,
        default=None,
        help="results JSON of a --keep run: measure its kept indexes again, keep its build figures",
    )
    parser.add_argument("--scales", default="1,10,100", help="comma-separated multiples of corpus/")
    parser.add_argument("--runs", type=int, default=7, help="cold asks per scale (median reported)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kb-bench"), help="scratch folder")
    parser.add_argument("--out", type=Path, default=None, help="also write the results as JSON")
    parser.add_argument(
        "--keep", action="store_true", help="keep the synthetic corpora and indexes"
    )
    parser.add_argument(
        "--table", type=Path, nargs="+", default=None, help="print the table of results JSON files"
    )
    args = parser.parse_args()
    if args.table:
        found = [r for path in args.table for r in json.loads(path.read_text())["results"]]
        print(table(sorted(found, key=lambda r: int(str(r["scale"])))))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    out = args.out or args.work / "bench.json"
    qs = questions()
    results: list[dict[str, object]] = []
    for scale in (int(s) for s in args.scales.split(",")):
        earlier = None
        if args.remeasure:
            earlier = next(
                (
                    r
                    for r in json.loads(args.remeasure.read_text())["results"]
                    if r["scale"] == scale
                ),
                None,
            )
        results.append(bench_scale(scale, args.work, args.runs, qs, args.keep, earlier))
        out.write_text(json.dumps({"machine": os.uname().nodename, "results": results}, indent=2))
        print(table(results[-1:]), file=sys.stderr, flush=True)
    print(table(results))
    print(f"\n(results in {out})")


if __name__ == "__main__":
    run_script(main)
