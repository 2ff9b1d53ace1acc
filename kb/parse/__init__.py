"""Parse stage: pages in, a `Pack` out. Knows councils' documents, nothing about storage."""

from .pack import parse_pack

# Raised whenever the parser reads papers differently; an index parsed by another version is
# parsed again by the next ingest (the embedding cache keeps that cheap).
PARSER_VERSION = 49

__all__ = ["PARSER_VERSION", "parse_pack"]
