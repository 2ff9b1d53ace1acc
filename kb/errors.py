"""Domain errors. The CLI turns each into one `Error: ...` line on stderr and exit code 1."""

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
