"""Parse stage: pages in, a `Pack` out. Knows councils' documents, nothing about storage."""

from .pack import parse_pack

__all__ = ["parse_pack"]
