"""Store stage: SQLite + FTS5, FAISS and the manifest, published as atomic generations."""
