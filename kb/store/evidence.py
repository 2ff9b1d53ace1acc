"""Read-only queries the ranking needs beyond whole passages: BM25 per field, the passages
around a candidate, how often a word appears in each pack, and the meeting dates."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator

import numpy as np

from .db import PASSAGE_SELECT, StoredPassage, _row_to_passage, fts_query


def _temp_tables(conn: sqlite3.Connection) -> None:
    """In-memory helpers on this connection (the temp schema, so read-only connections work
    too): the FTS5 index read term by term, and a scratch FTS5 table that stems words."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_instances "
        "USING fts5vocab(main, 'passages_fts', 'instance')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_stem USING fts5(x, tokenize='porter unicode61')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_stem_terms USING fts5vocab(temp, 'kb_stem', 'instance')"
    )


def stems(conn: sqlite3.Connection, words: list[str]) -> dict[str, tuple[str, ...]]:
    """word → the index terms FTS5 makes of it (Porter-stemmed: 'orders' → ('order',))."""
    _temp_tables(conn)
    conn.executemany("INSERT INTO temp.kb_stem(rowid, x) VALUES (?, ?)", list(enumerate(words, 1)))
    found: dict[int, list[str]] = {}
    for term, doc in conn.execute("SELECT term, doc FROM temp.kb_stem_terms ORDER BY doc, offset"):
        found.setdefault(int(doc), []).append(term)
    conn.execute("DELETE FROM temp.kb_stem")
    conn.commit()  # the INSERT opened a transaction: end it, or its read lock stays on kb.sqlite
    return {w: tuple(found.get(i, ())) for i, w in enumerate(words, 1)}


def word_counts(conn: sqlite3.Connection, words: list[str]) -> dict[str, int]:
    """word → how many passages hold every index term FTS5 makes of it ('18-25': both '18'
    and '25'), counted by FTS5 itself (no rows leave SQLite: fast at any index size)."""
    out: dict[str, int] = {}
    for word in dict.fromkeys(words):
        tokens = re.findall(r"[^\W_]+", word)
        if not tokens:
            out[word] = 0
            continue
        expression = " AND ".join('"' + t.replace('"', '""') + '"' for t in tokens)
        out[word] = conn.execute(
            "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", (expression,)
        ).fetchone()[0]
    return out


def fields_in(
    conn: sqlite3.Connection, terms: list[str], passages: Iterable[StoredPassage]
) -> dict[str, dict[int, set[int]]]:
    """index term → passage id → the fields holding it (0 title, 1 context, 2 text), for the
    given passages only: their fields are tokenized by a scratch FTS5 table with the index's
    tokenizer, so the cost is that of the passages asked about, not of the whole index."""
    out: dict[str, dict[int, set[int]]] = {t: {} for t in terms}
    chosen = {p.id: p for p in passages}
    if not terms or not chosen:
        return out
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_some USING "
        "fts5(title, context, text, content='', detail='column', tokenize='porter unicode61')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_some_terms USING fts5vocab(temp, 'kb_some', 'instance')"
    )
    conn.executemany(
        "INSERT INTO temp.kb_some(rowid, title, context, text) VALUES (?, ?, ?, ?)",
        [(p.id, p.citation.title or "", p.context or "", p.text) for p in chosen.values()],
    )
    columns = {"title": 0, "context": 1, "text": 2}
    rows = conn.execute(
        f"SELECT term, doc, col FROM temp.kb_some_terms WHERE term IN ({','.join('?' * len(terms))})",
        terms,
    ).fetchall()
    conn.execute("INSERT INTO temp.kb_some(kb_some) VALUES ('delete-all')")
    conn.commit()  # the INSERT opened a transaction: end it (no read lock left on kb.sqlite)
    for term, doc, col in rows:
        out[term].setdefault(int(doc), set()).add(columns.get(col, 2))
    return out


def term_fields(conn: sqlite3.Connection, terms: list[str]) -> dict[str, dict[int, set[int]]]:
    """index term → passage id → the fields holding it (0 title, 1 context, 2 text)."""
    _temp_tables(conn)
    out: dict[str, dict[int, set[int]]] = {t: {} for t in terms}
    if not terms:
        return out
    rows = conn.execute(
        f"SELECT term, doc, col FROM temp.kb_instances WHERE term IN ({','.join('?' * len(terms))})",
        terms,
    )
    columns = {"title": 0, "context": 1, "text": 2}
    for term, doc, col in rows:
        out[term].setdefault(int(doc), set()).add(columns.get(col, 2))
    return out


def _span_clauses(spans: Iterable[tuple[int, int, int]]) -> tuple[list[str], list[int]]:
    """SQL conditions (and their arguments) selecting each (pack id, first seq, last seq)
    span, overlapping spans of a pack merged."""
    merged: dict[int, list[list[int]]] = {}
    for pack_id, first, last in sorted(spans):
        runs = merged.setdefault(pack_id, [])
        if runs and first <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    clauses: list[str] = []
    args: list[int] = []
    for pack_id, runs in merged.items():
        for first, last in runs:
            clauses.append("(pack_id = ? AND seq BETWEEN ? AND ?)")
            args.extend((pack_id, first, last))
    return clauses, args


def _around(
    conn: sqlite3.Connection, select: str, spans: Iterable[tuple[int, int, int]]
) -> Iterator[sqlite3.Row]:
    clauses, args = _span_clauses(spans)
    for start in range(0, len(clauses), 300):
        yield from conn.execute(
            f"{select} WHERE {' OR '.join(clauses[start : start + 300])}",
            args[start * 3 : (start + 300) * 3],
        )


def passages_around(
    conn: sqlite3.Connection, spans: Iterable[tuple[int, int, int]]
) -> list[StoredPassage]:
    """Passages of each (pack id, first seq, last seq) span, in pack and seq order."""
    out = [_row_to_passage(r) for r in _around(conn, PASSAGE_SELECT, spans)]
    return sorted(out, key=lambda p: (p.pack_id, p.seq))


def ids_around(conn: sqlite3.Connection, spans: Iterable[tuple[int, int, int]]) -> list[int]:
    """The ids of the passages of each (pack id, first seq, last seq) span."""
    return [int(r[0]) for r in _around(conn, "SELECT id FROM passages", spans)]


def pack_counts(conn: sqlite3.Connection, term: str) -> dict[int, int]:
    """pack id → how many of its passages hold `term` (as FTS5 matches it, stemmed)."""
    rows = conn.execute(
        "SELECT p.pack_id, COUNT(*) FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
        "WHERE passages_fts MATCH ? GROUP BY p.pack_id",
        (fts_query([term]),),
    )
    return {int(pack): int(n) for pack, n in rows}


def pack_of_passages(conn: sqlite3.Connection) -> np.ndarray:
    """passage id → its pack id (an array indexed by passage id; -1 where no passage)."""
    rows = np.array(conn.execute("SELECT id, pack_id FROM passages").fetchall(), dtype=np.int64)
    if not len(rows):
        return np.full(1, -1, dtype=np.int64)
    out = np.full(int(rows[:, 0].max()) + 1, -1, dtype=np.int64)
    out[rows[:, 0]] = rows[:, 1]
    return out


def term_rowids(conn: sqlite3.Connection, term: str) -> np.ndarray:
    """The ids of the passages holding `term` (as FTS5 matches it, stemmed), read from the
    keyword index alone (no join with the passages table: three times quicker)."""
    rows = conn.execute(
        "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?", (fts_query([term]),)
    )
    return np.fromiter((r[0] for r in rows), dtype=np.int64)


def pack_sizes(conn: sqlite3.Connection) -> dict[int, int]:
    """pack id → number of passages."""
    return {
        int(p): int(n)
        for p, n in conn.execute("SELECT pack_id, COUNT(*) FROM passages GROUP BY pack_id")
    }


def meeting_dates(conn: sqlite3.Connection) -> list[tuple[str | None, str]]:
    """Every (committee, meeting date) the passages belong to."""
    return [
        (c, d)
        for c, d in conn.execute(
            "SELECT DISTINCT committee, meeting_date FROM passages WHERE meeting_date IS NOT NULL"
        )
    ]


def vote_records(conn: sqlite3.Connection, ids: Iterable[int]) -> set[int]:
    """The passages among `ids` whose decisions record a vote: counts, a mover or a seconder."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    out: set[int] = set()
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        rows = conn.execute(
            "SELECT DISTINCT passage_id FROM decisions WHERE passage_id IN "
            f"({','.join('?' * len(part))}) AND (votes_for IS NOT NULL OR votes_against IS NOT NULL "
            "OR votes_abstain IS NOT NULL OR mover IS NOT NULL OR seconder IS NOT NULL)",
            part,
        )
        out.update(int(r[0]) for r in rows)
    return out
