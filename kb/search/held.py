"""The decisions each result holds: its outcome and votes, shown beside the citation."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from kb.model import Answer
from kb.store import db


def with_decisions(answer: Answer, conn: sqlite3.Connection) -> Answer:
    """`answer` with every result carrying the decisions its passage holds."""
    if not answer.results:
        return answer
    held = db.decisions_held(conn, [h.chunk_id for h in answer.results])
    if not held:
        return answer
    return replace(
        answer,
        results=tuple(
            replace(h, decisions=tuple(held.get(h.chunk_id, ()))) for h in answer.results
        ),
    )
