"""Keyword scores kept per index term: BM25 exactly as FTS5 scores it, summed in memory.

FTS5's `bm25()` is a sum, over the query's phrases, of a part that depends only on the
phrase and the passage: the phrase's IDF (from the whole index), its weighted frequency
in the passage's title, context and text, and the passage's length against the average.
So every index term's part for every passage holding it is computed once per generation,
at build time, from the index's own token instances and sizes (`build`), and a query's
keyword scores are the sum of its terms' lists (`KeywordLists.search`): the same scores,
(equal to FTS5's to the last bits of a double) and the same order as `db.keyword_search`, without SQLite scoring every
matching row on each query (30 ms a query on a 135,000-passage index; see
scripts/bench.py). Words FTS5 reads as phrases of several tokens ('covid-19') are still
scored by FTS5, one phrase at a time, and added in.

Files in a generation: `keywords.json` (terms, their offsets and the index's row count),
`keywords-ids.npy` (passage ids), `keywords-scores.npy` (each term's part) and
`keywords-fields.npy` (which of title, context and text hold it: the features' keyword
evidence reads it instead of tokenizing the passages it scores), memory mapped when read. An index built before they existed is searched by FTS5 as before.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from kb.errors import IndexCorrupt

from .writes import writing

K1, B = 1.2, 0.75  # FTS5's bm25() constants
WEIGHTS = {"title": 2.0, "context": 0.5, "text": 1.0}  # those db.keyword_search passes
TERMS, IDS, SCORES = "keywords.json", "keywords-ids.npy", "keywords-scores.npy"
FIELDS = "keywords-fields.npy"  # per posting, the fields holding the term: bits 1 title, 2 context, 4 text
FILES = (TERMS, IDS, SCORES, FIELDS)
VERSION = 2
FIELD_BITS = {"title": 1, "context": 2, "text": 4}


def _varints(blob: bytes) -> list[int]:
    """SQLite's big-endian varints, as FTS5 stores its sizes."""
    out: list[int] = []
    i = 0
    while i < len(blob):
        value = 0
        for k in range(9):
            byte = blob[i]
            i += 1
            if k == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out


def _sizes(conn: sqlite3.Connection) -> tuple[int, float, np.ndarray]:
    """The index's row count, its average passage length in tokens (as FTS5 computes
    them, from its averages record) and each passage's length, indexed by passage id."""
    record = conn.execute("SELECT block FROM passages_fts_data WHERE id = 1").fetchone()
    totals = _varints(bytes(record[0])) if record and record[0] else [0]
    n_row, n_token = totals[0], sum(totals[1:])
    rows = conn.execute("SELECT id, sz FROM passages_fts_docsize").fetchall()
    top = max((int(r[0]) for r in rows), default=0)
    lengths = np.zeros(top + 1, dtype=np.float64)
    for rowid, size in rows:
        lengths[int(rowid)] = sum(_varints(bytes(size)))
    return n_row, (n_token / n_row if n_row else 0.0), lengths


def build(conn: sqlite3.Connection, folder: Path) -> dict[str, int]:
    """Write the keyword lists of the index behind `conn` into `folder`; their counts."""
    n_row, avgdl, lengths = _sizes(conn)
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_every_instance "
        "USING fts5vocab(main, 'passages_fts', 'instance')"
    )
    weight = " ".join(f"WHEN '{c}' THEN {w!r}" for c, w in WEIGHTS.items())
    bit = " ".join(f"WHEN '{c}' THEN {b}" for c, b in FIELD_BITS.items())
    rows = conn.execute(
        "SELECT term, group_concat(doc), group_concat(f), group_concat(bits) FROM ("
        f"SELECT term, doc, SUM(CASE col {weight} ELSE 1.0 END) AS f, "
        f"SUM(DISTINCT CASE col {bit} ELSE 4 END) AS bits "
        "FROM temp.kb_every_instance GROUP BY term, doc) GROUP BY term ORDER BY term"
    )
    terms: list[str] = []
    offsets = [0]
    id_parts: list[np.ndarray] = []
    score_parts: list[np.ndarray] = []
    field_parts: list[np.ndarray] = []
    for term, docs, freqs, bits in rows:
        ids = np.array(str(docs).split(","), dtype=np.int64)
        f = np.array(str(freqs).split(","), dtype=np.float64)
        held = np.array(str(bits).split(","), dtype=np.uint8)
        order = np.argsort(ids, kind="stable")
        ids, f, held = ids[order], f[order], held[order]
        idf = math.log((n_row - len(ids) + 0.5) / (len(ids) + 0.5))
        if idf <= 0.0:
            idf = 1e-6  # as FTS5 does
        # the operations in FTS5's order (fts5Bm25Function), so each part is the same double
        part = idf * (f * (K1 + 1.0)) / (f + K1 * (1 - B + B * lengths[ids] / avgdl))
        terms.append(str(term))
        id_parts.append(ids.astype(np.int32))
        score_parts.append(part)
        field_parts.append(held)
        offsets.append(offsets[-1] + len(ids))
    ids_all = np.concatenate(id_parts) if id_parts else np.zeros(0, dtype=np.int32)
    scores_all = np.concatenate(score_parts) if score_parts else np.zeros(0, dtype=np.float64)
    fields_all = np.concatenate(field_parts) if field_parts else np.zeros(0, dtype=np.uint8)
    with writing("keywords", folder / IDS):
        _save(folder / IDS, ids_all)
        _save(folder / SCORES, scores_all)
        _save(folder / FIELDS, fields_all)
        (folder / TERMS).write_text(
            json.dumps(
                {
                    "version": VERSION,
                    "rows": n_row,
                    "size": int(ids_all.max()) + 1 if len(ids_all) else 1,
                    "terms": terms,
                    "offsets": offsets,
                }
            ),
            encoding="utf-8",
        )
    return {"terms": len(terms), "postings": int(len(ids_all))}


def _save(path: Path, array: np.ndarray) -> None:
    """`np.save`, written through Python's file object so that a full disk is an OSError
    that says so (numpy's own writer reports it without its errno)."""
    with path.open("wb") as out:
        np.lib.format.write_array_header_1_0(out, np.lib.format.header_data_from_array_1_0(array))
        out.write(np.ascontiguousarray(array).data.cast("B"))


class KeywordLists:
    """The keyword lists of one generation, read (memory mapped) once."""

    def __init__(
        self,
        terms: list[str],
        offsets: np.ndarray,
        ids: np.ndarray,
        scores: np.ndarray,
        fields: np.ndarray,
        size: int,
    ):
        self.where = {t: k for k, t in enumerate(terms)}
        self.offsets, self.ids, self.scores, self.fields = offsets, ids, scores, fields
        self.size = size  # the accumulator's length: the highest passage id + 1

    @classmethod
    def load(cls, folder: Path) -> KeywordLists | None:
        """The lists of `folder`, or None when it has none (an index built before them).
        Damaged lists raise `IndexCorrupt` saying how to mend them."""
        if not any((folder / name).exists() for name in FILES):
            return None
        try:
            data = json.loads((folder / TERMS).read_text(encoding="utf-8"))
            ids = np.load(folder / IDS, mmap_mode="r")
            scores = np.load(folder / SCORES, mmap_mode="r")
            fields = np.load(folder / FIELDS, mmap_mode="r")
            terms, offsets = data["terms"], np.asarray(data["offsets"], dtype=np.int64)
            sound = (
                data.get("version") == VERSION
                and ids.ndim == scores.ndim == fields.ndim == 1
                and len(ids) == len(scores) == len(fields) == int(offsets[-1])
                and len(offsets) == len(terms) + 1
                and bool(np.all(np.diff(offsets) >= 0))
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError) as exc:
            raise IndexCorrupt(_damaged(folder, type(exc).__name__)) from exc
        if not sound:
            raise IndexCorrupt(
                _damaged(folder, "its files do not agree, or are of another version")
            )
        # recorded at build (lists of an earlier build lack it: read from the ids once)
        size = int(data.get("size") or (int(ids.max()) + 1 if len(ids) else 1))
        return cls(list(terms), offsets, ids, scores, fields, size)

    def fields_in(self, tokens: list[str], pids: Iterable[int]) -> dict[str, dict[int, set[int]]]:
        """index term → passage id → the fields holding it (0 title, 1 context, 2 text), for
        the given passages only, as `evidence.fields_in` finds by tokenizing them."""
        wanted = np.unique(np.fromiter((int(p) for p in pids), dtype=np.int64))
        out: dict[str, dict[int, set[int]]] = {}
        for token in tokens:
            found: dict[int, set[int]] = {}
            k = self.where.get(token)
            if k is not None and len(wanted):
                start, end = int(self.offsets[k]), int(self.offsets[k + 1])
                ids = self.ids[start:end]
                at = np.searchsorted(ids, wanted)
                at[at >= len(ids)] = 0
                hit = ids[at] == wanted if len(ids) else np.zeros(len(wanted), dtype=bool)
                for pid, bits in zip(
                    wanted[hit].tolist(), self.fields[start:end][at[hit]].tolist(), strict=True
                ):
                    found[pid] = {c for c in range(3) if bits >> c & 1}
            out[token] = found
        return out

    def holding(self, token: str) -> np.ndarray:
        """The ids of the passages holding an index term (none when no passage does)."""
        k = self.where.get(token)
        if k is None:
            return np.zeros(0, dtype=np.int64)
        return np.asarray(self.ids[int(self.offsets[k]) : int(self.offsets[k + 1])], dtype=np.int64)

    def search(
        self,
        terms: list[str],
        tokens: dict[str, tuple[str, ...]],
        limit: int,
        phrase: Callable[[str], Iterable[tuple[int, float]]],
        allowed: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """BM25 over title, context and text for any of `terms`, best first, as
        `db.keyword_search`: `tokens` are each term's index tokens; a term of several
        (a phrase) is scored by `phrase`; `allowed` (passage ids) keeps only those."""
        total = np.zeros(self.size, dtype=np.float64)
        for term in terms:  # in the query's order, as FTS5 adds its phrases
            held = tokens.get(term, ())
            if len(held) == 1:
                k = self.where.get(held[0])
                if k is None:
                    continue  # no passage holds it
                start, end = int(self.offsets[k]), int(self.offsets[k + 1])
                total[self.ids[start:end]] += self.scores[start:end]
            elif held:  # a passage holding the phrase holds its tokens: it is in the lists
                for pid, score in phrase(term):
                    total[pid] += score
        if allowed is not None:
            keep = np.zeros(len(total), dtype=bool)
            keep[allowed[allowed < len(total)]] = True
            total[~keep] = 0.0
        found = np.flatnonzero(total)
        values = total[found]
        if len(found) > limit:
            floor = np.partition(values, len(values) - limit)[len(values) - limit]
            chosen = values >= floor  # ties at the cut kept, then cut by passage id
            found, values = found[chosen], values[chosen]
        order = np.lexsort((found, -values))[:limit]
        return [(int(found[i]), float(values[i])) for i in order]


def _damaged(folder: Path, reason: str) -> str:
    return (
        f"keyword lists {folder / TERMS} (and its .npy files) are damaged or missing ({reason}); "
        "run `kb ingest` to build them again"
    )
