"""Query wing: understand a question, retrieve and fuse, filter, collapse duplicates."""

from .engine import Filters, SearchEngine

__all__ = ["Filters", "SearchEngine"]
