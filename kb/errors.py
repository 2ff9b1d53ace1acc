"""Domain errors. The CLI turns each into one `Error: ...` line on stderr and exit code 1."""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

REBUILD = "run `kb ingest --rebuild`"  # the mend for a damaged index; ends IndexCorrupt messages


class KbError(Exception):
    """Base of every error a user can mend; the message says what to do."""


class IndexNotFound(KbError):
    """There is no index at the given location."""


class IndexCorrupt(KbError):
    """The index exists but its parts do not agree or cannot be read."""


class IndexWriteFailed(KbError):
    """A new generation could not be written (full disk, or another OS error); nothing changed."""


class ModelMismatch(KbError):
    """The index was built with another embedding model than the one asked for."""


class ModelNotAvailable(KbError):
    """The embedding model cannot be found or fails its checksum."""


class UnreadableDocument(KbError):
    """A source file cannot be read or parsed."""


class IndexLocked(KbError):
    """Another process is updating the index."""


class BadQuery(KbError):
    """The question or its filters cannot be used as given."""


class NotFound(BadQuery):
    """The passage, source or decision asked for is not in this index."""


class IndexNotPublic(KbError):
    """A public build was asked for an index that already holds exempt papers."""


def run_script(main: Callable[[], int | None]) -> NoReturn:
    """Run a script's `main` as the CLI runs a command: a mendable error (a missing index,
    a file that is not there) is one `Error:` line on stderr and exit code 1, never a
    traceback; Ctrl-C exits 130."""
    import sys

    try:
        code = main()
    except KbError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(1)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"Error: {where}{exc.strerror or exc}; check the path", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code or 0)
