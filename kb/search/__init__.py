"""Query wing, as stages: understand → candidates → units → features → rank → answer
passages → duplicates → confidence; `engine.py` wires them."""

from .candidates import Filters
from .engine import SearchEngine, Settings

__all__ = ["Filters", "SearchEngine", "Settings"]
