"""Query wing, as stages: understand → candidates → units → features → rank → answer
passages → duplicates → confidence; `engine.py` wires them."""

import os

# One question at a time: OpenBLAS's thread pool costs more than it saves on these small
# products, and its threads contend with onnxruntime's (warm p50 21 → 14 ms). Only takes
# effect when numpy is first imported here, as in `kb ask`; an explicit setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .candidates import Filters  # noqa: E402
from .engine import SearchEngine, Settings  # noqa: E402

__all__ = ["Filters", "SearchEngine", "Settings"]
