"""kb: an offline, searchable knowledge base over UK council committee papers."""

__version__ = "0.1.0"
