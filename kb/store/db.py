"""The SQLite database: packs, meetings, documents, passages, decisions, and an FTS5 index."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kb.errors import REBUILD, IndexCorrupt
from kb.model import (
    AgendaItem,
    Citation,
    DecisionEntry,
    Document,
    HeldDecision,
    Pack,
    Passage,
    Reference,
)

DATABASE = "kb.sqlite"
SCHEMA_VERSION = 3  # 2: decisions with outcome, votes, movers and their meeting; 3: links

SCHEMA = """
CREATE TABLE IF NOT EXISTS packs (
    id INTEGER PRIMARY KEY, source TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL,
    committee TEXT, meeting_date TEXT, meeting_time TEXT, venue TEXT, ingested_at TEXT,
    withheld INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY, pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    committee TEXT, date TEXT, time TEXT, venue TEXT, chair TEXT, present TEXT, apologies TEXT
);
CREATE TABLE IF NOT EXISTS agenda_items (
    pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    number TEXT, title TEXT, page_start INTEGER, page_end INTEGER, report_of TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    seq INTEGER, doc_type TEXT, title TEXT, agenda_item TEXT, committee TEXT, meeting_date TEXT,
    page_start INTEGER, page_end INTEGER, exempt INTEGER, fields TEXT
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL,
    pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER, text TEXT NOT NULL, context TEXT, section TEXT, text_hash TEXT, is_decision INTEGER,
    source TEXT, committee TEXT, meeting_date TEXT, pack_date TEXT, doc_type TEXT,
    agenda_item TEXT, minute TEXT, title TEXT, page INTEGER, exempt INTEGER
);
CREATE INDEX IF NOT EXISTS passages_pack ON passages(pack_id, seq);
CREATE INDEX IF NOT EXISTS passages_hash ON passages(text_hash);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY, decision_id TEXT UNIQUE NOT NULL,
    passage_id INTEGER REFERENCES passages(id) ON DELETE CASCADE,
    pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    seq INTEGER, minute TEXT, title TEXT, text TEXT NOT NULL, kind TEXT, outcome TEXT,
    votes_for INTEGER, votes_against INTEGER, votes_abstain INTEGER, voters TEXT,
    mover TEXT, seconder TEXT,
    source TEXT, committee TEXT, meeting_date TEXT, pack_date TEXT, doc_type TEXT,
    agenda_item TEXT, page INTEGER, exempt INTEGER
);
CREATE INDEX IF NOT EXISTS decisions_meeting ON decisions(meeting_date, committee);
CREATE TABLE IF NOT EXISTS links (
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    minute TEXT NOT NULL, meeting_date TEXT, committee TEXT, follows INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS links_passage ON links(passage_id);
CREATE INDEX IF NOT EXISTS decisions_passage ON decisions(passage_id);
CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS acronyms (acronym TEXT PRIMARY KEY, expansion TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vocabulary (word TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    title, context, text, content='passages', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, title, context, text) VALUES (new.id, new.title, new.context, new.text);
END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, title, context, text)
    VALUES ('delete', old.id, old.title, old.context, old.text);
END;
"""

CITATION_COLUMNS = (
    "source, committee, meeting_date, pack_date, doc_type, agenda_item, minute, title, page, exempt"
)


@dataclass(frozen=True)
class StoredPassage:
    """A passage row as read back for search and display."""

    id: int
    chunk_id: str
    text: str
    context: str
    section: str | None
    is_decision: bool
    text_hash: str
    pack_id: int
    seq: int
    citation: Citation


def connect(folder: Path, readonly: bool = False) -> sqlite3.Connection:
    """Open kb.sqlite in `folder`; read-only connections never write or create anything.

    A read-only connection is to a database already built: it raises `IndexCorrupt` (saying
    to rebuild) when the file is missing, not a database, truncated, lacks a table or has
    another schema version.
    """
    path = folder / DATABASE
    if readonly:
        conn = _open_built(path)
    else:
        conn = sqlite3.connect(str(path))
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.executescript(SCHEMA)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


TABLES = frozenset(re.findall(r"CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)", SCHEMA))
_HEADER = b"SQLite format 3\x00"


def file_problem(path: Path) -> str | None:
    """What is wrong with a SQLite file that its header shows (missing, empty, not SQLite,
    shorter than its own page count says), or None."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return "is missing"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if size == 0:
        return "is empty (0 bytes)"
    if len(header) < 100 or not header.startswith(_HEADER):
        return "is not a SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] == header[92:96] and size < page_size * pages:
        return f"is truncated ({size:,} of {page_size * pages:,} bytes)"
    return None


def _open_built(path: Path) -> sqlite3.Connection:
    problem = file_problem(path)
    conn = None
    if problem is None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            version = schema_version(conn)
        except sqlite3.DatabaseError as exc:
            problem = f"cannot be read ({exc})"
        else:
            if missing := sorted(TABLES - tables):
                problem = f"lacks the table{'s' * (len(missing) > 1)} {', '.join(missing)}"
            elif version != SCHEMA_VERSION:
                problem = f"has schema version {version}, not {SCHEMA_VERSION}"
    if problem is not None:
        if conn is not None:
            conn.close()
        raise IndexCorrupt(f"database {path} {problem}; {REBUILD}")
    assert conn is not None
    return conn


def damage(exc: BaseException) -> IndexCorrupt | None:
    """The domain error for a SQLite error that means a damaged database (found mid-read),
    or None for any other error."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (
        name.startswith("SQLITE_IOERR") and "WRITE" not in name and "FSYNC" not in name
    ):
        return IndexCorrupt(f"the index database is damaged ({exc}); {REBUILD}")
    return None


_ALLOCATOR_COUNT_OFF = False


def stop_counting_allocations() -> bool:
    """Turn off SQLite's process-wide allocation count, when that is safe; True once it is off.

    SQLite counts every allocation under one global mutex (SQLITE_CONFIG_MEMSTATUS, on by
    default in Debian's build). FTS5 allocates a great deal, so keyword searches on parallel
    connections queue on that mutex: on the 100x bench index two id ranges searched at once
    took 61 ms, more than the 45 ms of one query over everything; with the count off they take
    25 ms. The setting can only change between sqlite3_shutdown and sqlite3_initialize, which
    is safe only while SQLite holds nothing, so this runs before a process opens its first
    connection and does nothing unless a probe connection proves that the library reached
    through ctypes is the one the sqlite3 module uses and that it holds no memory.
    """
    global _ALLOCATOR_COUNT_OFF
    if _ALLOCATOR_COUNT_OFF:
        return True
    try:
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("sqlite3")
        if name is None:
            return False
        lib = ctypes.CDLL(name)
        lib.sqlite3_memory_used.restype = ctypes.c_int64
        lib.sqlite3_config.argtypes = [ctypes.c_int, ctypes.c_int]
        if lib.sqlite3_memory_used() != 0:
            return False  # something is open: shutting down now would be unsafe
        probe = sqlite3.connect(":memory:")
        same_library = lib.sqlite3_memory_used() > 0
        probe.close()
        if not same_library or lib.sqlite3_memory_used() != 0:
            return False
        sqlite_config_memstatus = 9
        ok = (
            lib.sqlite3_shutdown() == 0
            and lib.sqlite3_config(sqlite_config_memstatus, 0) == 0
            and lib.sqlite3_initialize() == 0
        )
    except (OSError, AttributeError):
        return False
    _ALLOCATOR_COUNT_OFF = bool(ok)
    return _ALLOCATOR_COUNT_OFF


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's schema version (PRAGMA user_version)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pack_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    """source → sha256 of every pack in the database."""
    return dict(conn.execute("SELECT source, sha256 FROM packs"))


def delete_pack(conn: sqlite3.Connection, source: str) -> list[int]:
    """Delete a pack and everything from it; return the ids of its removed passages."""
    row = conn.execute("SELECT id FROM packs WHERE source = ?", (source,)).fetchone()
    if not row:
        return []
    ids = [r[0] for r in conn.execute("SELECT id FROM passages WHERE pack_id = ?", (row[0],))]
    conn.execute("DELETE FROM links WHERE pack_id = ?", (row[0],))
    conn.execute("DELETE FROM decisions WHERE pack_id = ?", (row[0],))
    conn.execute("DELETE FROM passages WHERE pack_id = ?", (row[0],))
    conn.execute("DELETE FROM documents WHERE pack_id = ?", (row[0],))
    conn.execute("DELETE FROM agenda_items WHERE pack_id = ?", (row[0],))
    conn.execute("DELETE FROM meetings WHERE pack_id = ?", (row[0],))
    conn.execute("DELETE FROM packs WHERE id = ?", (row[0],))
    return ids


def insert_pack(
    conn: sqlite3.Connection,
    pack: Pack,
    source: str,
    sha256: str,
    passages: Iterable[Passage],
    decisions: Iterable[DecisionEntry],
    text_hashes: dict[str, str],
    ingested_at: str,
    withheld: int = 0,
) -> dict[str, int]:
    """Insert a parsed pack with its passages and decisions; return chunk_id → passage id.

    `withheld` counts the pack's exempt documents left out of a public index.
    """
    m = pack.meeting
    pack_id = conn.execute(
        "INSERT INTO packs (source, sha256, committee, meeting_date, meeting_time, venue, ingested_at, "
        "withheld) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (source, sha256, m.committee, m.date, m.time, m.venue, ingested_at, withheld),
    ).lastrowid
    _insert_agenda(conn, pack_id, pack.agenda)
    meetings = {(m.committee, m.date): m}
    doc_ids: dict[int, int] = {}
    for seq, doc in enumerate(pack.documents):
        doc_ids[id(doc)] = _insert_document(conn, pack_id, seq, doc)
        meetings.setdefault((doc.meeting.committee, doc.meeting.date), doc.meeting)
        if doc.doc_type == "minutes":
            meetings[(doc.meeting.committee, doc.meeting.date)] = doc.meeting
    for meeting in meetings.values():
        conn.execute(
            "INSERT INTO meetings (pack_id, committee, date, time, venue, chair, present, apologies) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                pack_id,
                meeting.committee,
                meeting.date,
                meeting.time,
                meeting.venue,
                meeting.chair,
                meeting.present,
                meeting.apologies,
            ),
        )
    ids: dict[str, int] = {}
    passages_list = list(passages)
    for p in passages_list:
        c = p.citation
        ids[p.chunk_id] = (
            conn.execute(
                "INSERT INTO passages (chunk_id, pack_id, seq, text, context, section, text_hash, is_decision, "
                f"{CITATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    p.chunk_id,
                    pack_id,
                    p.seq,
                    p.text,
                    p.context,
                    p.section,
                    text_hashes[p.chunk_id],
                    int(p.is_decision),
                    c.source,
                    c.committee,
                    c.meeting_date,
                    c.pack_date,
                    c.doc_type,
                    c.agenda_item,
                    c.minute,
                    c.title,
                    c.page,
                    int(c.exempt),
                ),
            ).lastrowid
            or 0
        )
    conn.executemany(
        "INSERT INTO links (passage_id, pack_id, minute, meeting_date, committee, follows) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (ids[p.chunk_id], pack_id, r.minute, r.meeting_date, r.committee, int(r.follows))
            for p in passages_list
            for r in p.references
        ],
    )
    by_chunk = {p.chunk_id: p for p in passages_list}
    for d in decisions:
        passage = by_chunk.get(d.chunk_id)
        if passage is None:
            continue
        c = passage.citation
        v = d.decision.votes or {}
        conn.execute(
            "INSERT INTO decisions (decision_id, passage_id, pack_id, seq, minute, title, text, kind, "
            "outcome, votes_for, votes_against, votes_abstain, voters, mover, seconder, source, "
            "committee, meeting_date, pack_date, doc_type, agenda_item, page, exempt) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                decision_id(d),
                ids.get(d.chunk_id),
                pack_id,
                d.seq,
                d.minute,
                d.title,
                d.decision.text,
                d.decision.kind,
                d.decision.outcome,
                v.get("for"),
                v.get("against"),
                v.get("abstain"),
                json.dumps({k: list(n) for k, n in d.decision.voters.items()})
                if d.decision.voters
                else None,
                d.decision.mover,
                d.decision.seconder,
                c.source,
                c.committee,
                c.meeting_date,
                c.pack_date,
                c.doc_type,
                c.agenda_item,
                d.decision.page if d.decision.page is not None else c.page,
                int(c.exempt),
            ),
        )
    return ids


def decision_id(entry: DecisionEntry) -> str:
    """A decision's stable id: its passage and its place in the minute."""
    return f"{entry.chunk_id}-d{entry.seq + 1}"


def _insert_agenda(
    conn: sqlite3.Connection, pack_id: int | None, agenda: tuple[AgendaItem, ...]
) -> None:
    conn.executemany(
        "INSERT INTO agenda_items (pack_id, number, title, page_start, page_end, report_of) VALUES (?, ?, ?, ?, ?, ?)",
        [(pack_id, a.number, a.title, a.page_start, a.page_end, a.report_of) for a in agenda],
    )


def _insert_document(conn: sqlite3.Connection, pack_id: int | None, seq: int, doc: Document) -> int:
    return (
        conn.execute(
            "INSERT INTO documents (pack_id, seq, doc_type, title, agenda_item, committee, meeting_date, "
            "page_start, page_end, exempt, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                pack_id,
                seq,
                doc.doc_type,
                doc.title,
                doc.agenda_item,
                doc.meeting.committee,
                doc.meeting.date,
                doc.page_start,
                doc.page_end,
                int(doc.exempt),
                json.dumps(doc.fields),
            ),
        ).lastrowid
        or 0
    )


def _row_to_passage(row: sqlite3.Row | tuple) -> StoredPassage:
    """A row of PASSAGE_SELECT: nine passage columns, then the citation's columns in order."""
    pid, chunk_id, text, context, section, is_decision, text_hash, pack_id, seq = row[:9]
    (
        source,
        committee,
        meeting_date,
        pack_date,
        doc_type,
        agenda_item,
        minute,
        title,
        page,
        exempt,
    ) = row[9:]
    return StoredPassage(
        pid,
        chunk_id,
        text,
        context or "",
        section,
        bool(is_decision),
        text_hash or "",
        pack_id,
        seq,
        Citation(
            source,
            committee,
            meeting_date,
            pack_date,
            doc_type,
            agenda_item,
            minute,
            title,
            page,
            bool(exempt),
        ),
    )


PASSAGE_SELECT = (
    "SELECT id, chunk_id, text, context, section, is_decision, text_hash, pack_id, seq, "
    f"{CITATION_COLUMNS} FROM passages"
)


def passages_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, StoredPassage]:
    """Passages for the given ids."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    out: dict[int, StoredPassage] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        rows = conn.execute(f"{PASSAGE_SELECT} WHERE id IN ({','.join('?' * len(part))})", part)
        for row in rows:
            p = _row_to_passage(row)
            out[p.id] = p
    return out


def passage_by_chunk_id(conn: sqlite3.Connection, chunk_id: str) -> StoredPassage | None:
    """One passage by its chunk id, or None."""
    row = conn.execute(f"{PASSAGE_SELECT} WHERE chunk_id = ?", (chunk_id,)).fetchone()
    return _row_to_passage(row) if row else None


def neighbours(
    conn: sqlite3.Connection, passage: StoredPassage, before: int, after: int
) -> list[StoredPassage]:
    """The passages around `passage` in its pack, in order (itself included)."""
    rows = conn.execute(
        f"{PASSAGE_SELECT} WHERE pack_id = ? AND seq BETWEEN ? AND ? ORDER BY seq",
        (passage.pack_id, passage.seq - before, passage.seq + after),
    )
    return [_row_to_passage(r) for r in rows]


@dataclass(frozen=True)
class StoredPack:
    """A pack (one source file) as indexed: its content hash and how many exempt documents
    a public build withheld from it."""

    id: int
    source: str
    sha256: str
    committee: str | None
    meeting_date: str | None
    withheld: int


def packs(conn: sqlite3.Connection) -> list[StoredPack]:
    """Every pack in the database, in source order."""
    rows = conn.execute(
        "SELECT id, source, sha256, committee, meeting_date, COALESCE(withheld, 0) FROM packs "
        "ORDER BY source"
    )
    return [StoredPack(*row) for row in rows]


def pack_passages(conn: sqlite3.Connection, pack_id: int) -> list[StoredPassage]:
    """Every passage of one pack, in reading order."""
    rows = conn.execute(f"{PASSAGE_SELECT} WHERE pack_id = ? ORDER BY seq", (pack_id,))
    return [_row_to_passage(r) for r in rows]


@dataclass(frozen=True)
class StoredDecision:
    """A decision row (outcome, votes, mover, seconder as parsed; None where not printed)
    with the passage that holds its first line."""

    decision_id: str
    minute: str | None
    title: str | None
    text: str
    kind: str
    outcome: str | None
    votes: dict[str, int] | None
    voters: dict[str, list[str]] | None
    mover: str | None
    seconder: str | None
    page: int | None
    passage: StoredPassage


def decisions(
    conn: sqlite3.Connection,
    where: tuple[str, list[object]] | None = None,
    chunk_ids: list[str] | None = None,
) -> list[StoredDecision]:
    """Decisions whose passages a `filter_clause` selects (all without one), only those held
    by `chunk_ids` when given; newest meeting first, then in reading order."""
    clause, args = where or ("1", [])
    args = list(args)
    if chunk_ids is not None:
        clause += f" AND chunk_id IN ({','.join('?' * len(chunk_ids))})" if chunk_ids else " AND 0"
        args.extend(chunk_ids)
    rows = conn.execute(
        "SELECT d.decision_id, d.minute, d.title, d.text, d.kind, d.outcome, d.votes_for, "
        "d.votes_against, d.votes_abstain, d.voters, d.mover, d.seconder, d.page, d.passage_id "
        "FROM decisions d JOIN passages p ON p.id = d.passage_id "
        f"WHERE p.id IN (SELECT id FROM passages WHERE {clause}) "
        "ORDER BY COALESCE(p.meeting_date, '') DESC, p.source, p.seq, d.seq, d.id",
        args,
    ).fetchall()
    held = passages_by_id(conn, (r[13] for r in rows))
    out = []
    for r in rows:
        if r[13] not in held:
            continue
        counts = {
            k: v
            for k, v in zip(("for", "against", "abstain"), r[6:9], strict=True)
            if v is not None
        }
        out.append(
            StoredDecision(
                decision_id=r[0],
                minute=r[1],
                title=r[2],
                text=r[3] or "",
                kind=r[4] or "resolution",
                outcome=r[5],
                votes=counts or None,
                voters=json.loads(r[9]) if r[9] else None,
                mover=r[10],
                seconder=r[11],
                page=r[12],
                passage=held[r[13]],
            )
        )
    return out


def links_by_chunk(
    conn: sqlite3.Connection, chunk_ids: Iterable[str]
) -> dict[str, list[Reference]]:
    """`links` keyed by the passages' chunk ids."""
    wanted = list(dict.fromkeys(chunk_ids))
    ids: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        ids.update(
            conn.execute(
                f"SELECT id, chunk_id FROM passages WHERE chunk_id IN ({','.join('?' * len(part))})",
                part,
            )
        )
    return {ids[pid]: refs for pid, refs in links(conn, ids).items()}


def fts_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression OR-ing quoted terms, so user text never breaks the syntax."""
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms if t]
    return " OR ".join(quoted)


def words_in(
    conn: sqlite3.Connection, words: list[str], chunk_ids: list[str]
) -> tuple[dict[str, int], dict[str, set[str]]]:
    """For each word (matched as the keyword index matches it, stemmed): how many passages
    of the whole index hold it, and which of `chunk_ids` do (in title, context or text)."""
    counts: dict[str, int] = {}
    holding: dict[str, set[str]] = {}
    marks = ",".join("?" * len(chunk_ids))
    for word in dict.fromkeys(words):
        expression = fts_query([word])
        if not expression:
            continue
        counts[word] = conn.execute(
            "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", (expression,)
        ).fetchone()[0]
        holding[word] = {
            row[0]
            for row in conn.execute(
                "SELECT p.chunk_id FROM passages_fts f JOIN passages p ON p.id = f.rowid "
                f"WHERE passages_fts MATCH ? AND p.chunk_id IN ({marks})",
                (expression, *chunk_ids),
            )
        }
    return counts, holding


def passage_count(conn: sqlite3.Connection) -> int:
    """How many passages the index holds."""
    return int(conn.execute("SELECT count(*) FROM passages").fetchone()[0])


def keyword_search(
    conn: sqlite3.Connection,
    terms: list[str],
    limit: int,
    weights: tuple[float, float, float] = (2.0, 0.5, 1.0),
    where: tuple[str, list[object]] | None = None,
    rowids: tuple[int, int] | None = None,
) -> list[tuple[int, float]]:
    """BM25 over title, context and text for any of `terms`: [(passage id, score)], best first.

    Scores are positive (FTS5's bm25() negated); higher is better. `where` (from
    `filter_clause`) keeps only the passages it selects; `rowids` = (first, last) only that
    range of passage ids (scores stay those of the whole index: FTS5 takes IDF from all rows).
    """
    expression = fts_query(terms)
    if not expression:
        return []
    join, restrict, args = "", "", []
    if where is not None:
        # a join, not 'rowid IN (SELECT …)': SQLite hands such an IN to FTS5 as one rowid
        # lookup per allowed passage, 30 to 400 times slower on a big index (scripts/bench.py)
        join = " JOIN passages ON passages.id = passages_fts.rowid"
        restrict += f" AND ({where[0]})"
        args.extend(where[1])
    if rowids is not None:
        restrict += " AND passages_fts.rowid BETWEEN ? AND ?"
        args.extend(rowids)
    rows = conn.execute(
        "SELECT passages_fts.rowid, -bm25(passages_fts, ?, ?, ?) AS score FROM passages_fts"
        f"{join} WHERE passages_fts MATCH ?{restrict} ORDER BY score DESC LIMIT ?",
        (*weights, expression, *args, limit),
    )
    return [(int(r[0]), float(r[1])) for r in rows]


def phrase_scores(conn: sqlite3.Connection, term: str) -> list[tuple[int, float]]:
    """Every passage holding `term` with its BM25 part, as `keyword_search` weighs it."""
    rows = conn.execute(
        "SELECT rowid, -bm25(passages_fts, 2.0, 0.5, 1.0) FROM passages_fts WHERE passages_fts MATCH ?",
        (fts_query([term]),),
    )
    return [(int(r[0]), float(r[1])) for r in rows]


def filter_clause(
    committees: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    doc_type: str | None = None,
    decisions: bool = False,
    public: bool = False,
) -> tuple[str, list[object]]:
    """A WHERE clause over `passages` for these restrictions, and its arguments."""
    parts: list[str] = []
    args: list[object] = []
    if committees is not None:
        parts.append(f"committee IN ({','.join('?' * len(committees))})" if committees else "0")
        args.extend(committees)
    if since:
        parts.append("COALESCE(meeting_date, '') >= ?")
        args.append(since)
    if until:
        parts.append("meeting_date IS NOT NULL AND meeting_date <= ?")
        args.append(until)
    if doc_type:
        parts.append("doc_type = ?")
        args.append(doc_type)
    if decisions:
        parts.append("is_decision = 1")
    if public:
        parts.append("COALESCE(exempt, 0) = 0")
    return " AND ".join(parts) or "1", args


def id_ranges(conn: sqlite3.Connection, parts: int) -> list[tuple[int, int]]:
    """Passage ids cut into `parts` ranges holding about as many passages each."""
    total = int(conn.execute("SELECT COUNT(*) FROM passages").fetchone()[0])
    if not total:
        return []
    cuts = [
        int(
            conn.execute(
                "SELECT id FROM passages ORDER BY id LIMIT 1 OFFSET ?", (total * i // parts,)
            ).fetchone()[0]
        )
        for i in range(parts)
    ]
    last = int(conn.execute("SELECT MAX(id) FROM passages").fetchone()[0])
    return [(cut, (cuts[i + 1] - 1) if i + 1 < parts else last) for i, cut in enumerate(cuts)]


def filtered_ids(conn: sqlite3.Connection, where: tuple[str, list[object]]) -> list[int]:
    """Ids of the passages a `filter_clause` selects."""
    return [r[0] for r in conn.execute(f"SELECT id FROM passages WHERE {where[0]}", where[1])]


def refresh_glossary(conn: sqlite3.Connection) -> None:
    """Re-derive the acronyms and the vocabulary from every passage in the database."""
    from kb.glossary import mine_acronyms, vocabulary

    texts = [r[0] for r in conn.execute("SELECT text FROM passages")]
    conn.execute("DELETE FROM acronyms")
    conn.executemany("INSERT INTO acronyms VALUES (?, ?)", sorted(mine_acronyms(texts).items()))
    conn.execute("DELETE FROM vocabulary")
    conn.executemany("INSERT INTO vocabulary VALUES (?, ?)", sorted(vocabulary(texts).items()))


def acronyms(conn: sqlite3.Connection) -> dict[str, str]:
    """Acronyms defined in the corpus (lower case) and their expansions."""
    return dict(conn.execute("SELECT acronym, expansion FROM acronyms"))


def known_word(conn: sqlite3.Connection, word: str) -> bool:
    """True when `word` (lower case) occurs in the corpus."""
    return conn.execute("SELECT 1 FROM vocabulary WHERE word = ?", (word,)).fetchone() is not None


def word_frequency(conn: sqlite3.Connection, word: str) -> int:
    """In how many passages `word` (lower case) occurs."""
    row = conn.execute("SELECT df FROM vocabulary WHERE word = ?", (word,)).fetchone()
    return int(row[0]) if row else 0


def similar_words(conn: sqlite3.Connection, word: str) -> list[tuple[str, int]]:
    """Corpus words that start with the same letter and are about as long: typo candidates."""
    return list(
        conn.execute(
            "SELECT word, df FROM vocabulary WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ?",
            (word[0], chr(ord(word[0]) + 1), len(word) - 2, len(word) + 2),
        )
    )


def committees(conn: sqlite3.Connection) -> list[str]:
    """Every committee named in the index."""
    return [
        r[0]
        for r in conn.execute("SELECT DISTINCT committee FROM passages WHERE committee IS NOT NULL")
    ]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts of the main tables."""
    out = {}
    for table in ("packs", "meetings", "documents", "passages", "decisions"):
        out[table] = int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    out["exempt_passages"] = int(
        conn.execute("SELECT COUNT(*) FROM passages WHERE exempt = 1").fetchone()[0]
    )
    out["withheld_documents"] = int(
        conn.execute("SELECT COALESCE(SUM(withheld), 0) FROM packs").fetchone()[0]
    )
    return out


def decisions_by_outcome(conn: sqlite3.Connection) -> dict[str, int]:
    """How many decisions have each outcome ('none' for those without one)."""
    rows = conn.execute(
        "SELECT COALESCE(outcome, 'none'), COUNT(*) FROM decisions GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    return {str(outcome): int(n) for outcome, n in rows}


def decision_problems(conn: sqlite3.Connection, outcomes: tuple[str, ...]) -> list[str]:
    """Decisions that disagree with the passages holding them, or hold impossible values."""
    problems: list[str] = []
    checks = (
        (
            "SELECT COUNT(*) FROM decisions d JOIN passages p ON p.id = d.passage_id WHERE "
            "COALESCE(d.meeting_date, '') != COALESCE(p.meeting_date, '') "
            "OR COALESCE(d.committee, '') != COALESCE(p.committee, '') "
            "OR COALESCE(d.exempt, 0) != COALESCE(p.exempt, 0) OR d.source != p.source",
            "decisions are cited to another meeting or source than the passage holding them",
        ),
        (
            f"SELECT COUNT(*) FROM decisions WHERE outcome IS NOT NULL AND outcome NOT IN "
            f"({','.join('?' * len(outcomes))})",
            "decisions have an outcome kb does not know",
        ),
        (
            "SELECT COUNT(*) FROM decisions WHERE MIN(COALESCE(votes_for, 0), "
            "COALESCE(votes_against, 0), COALESCE(votes_abstain, 0)) < 0",
            "decisions have negative vote counts",
        ),
        (
            "SELECT COUNT(*) FROM links WHERE passage_id NOT IN (SELECT id FROM passages)",
            "links point at missing passages",
        ),
    )
    for sql, what in checks:
        args = outcomes if "NOT IN (?" in sql else ()
        n = int(conn.execute(sql, args).fetchone()[0])
        if n:
            problems.append(f"{n} {what}")
    return problems


def all_passage_ids(conn: sqlite3.Connection) -> list[int]:
    """Every passage id."""
    return [r[0] for r in conn.execute("SELECT id FROM passages ORDER BY id")]


def words(text: str) -> list[str]:
    """Lower-case word tokens as FTS5's unicode61 tokenizer would see them."""
    return re.findall(r"[a-z0-9]+", text.lower())


def links(conn: sqlite3.Connection, passage_ids: Iterable[int]) -> dict[int, list[Reference]]:
    """The earlier minutes each passage refers to ('Further to Minute No. 5 of …')."""
    wanted = list(dict.fromkeys(int(i) for i in passage_ids))
    out: dict[int, list[Reference]] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        rows = conn.execute(
            "SELECT passage_id, minute, meeting_date, committee, follows FROM links "
            f"WHERE passage_id IN ({','.join('?' * len(part))}) ORDER BY rowid",
            part,
        )
        for pid, minute, meeting_date, committee, follows in rows:
            out.setdefault(pid, []).append(
                Reference(minute, meeting_date, committee, bool(follows))
            )
    return out


def decisions_held(conn: sqlite3.Connection, chunk_ids: list[str]) -> dict[str, list[HeldDecision]]:
    """The decisions held by each of these passages: id, outcome, votes, mover, seconder, kind."""
    if not chunk_ids:
        return {}
    rows = conn.execute(
        "SELECT p.chunk_id, d.decision_id, d.outcome, d.votes_for, d.votes_against, d.votes_abstain, "
        "d.mover, d.seconder, d.kind FROM decisions d JOIN passages p ON p.id = d.passage_id "
        f"WHERE p.chunk_id IN ({','.join('?' * len(chunk_ids))}) ORDER BY d.seq, d.id",
        chunk_ids,
    )
    out: dict[str, list[HeldDecision]] = {}
    for chunk_id, decision_id, outcome, v_for, v_against, v_abstain, mover, seconder, kind in rows:
        votes = {
            k: v
            for k, v in (("for", v_for), ("against", v_against), ("abstain", v_abstain))
            if v is not None
        }
        out.setdefault(chunk_id, []).append(
            HeldDecision(decision_id, outcome, votes or None, mover, seconder, kind or "resolution")
        )
    return out
