"""Named errors of the knowledge core. Load-time errors are loud; query-time ones are polite."""


class KnowledgeError(Exception):
    """Base class for knowledge-core errors."""


class SourceError(KnowledgeError):
    """A source document or the manifest cannot be read or does not validate."""


class ParseError(KnowledgeError):
    """A document's structure does not match what the parser expects."""


class IndexStateError(KnowledgeError):
    """The on-disk index is missing, corrupt or from another build."""


class QueryError(KnowledgeError):
    """A question cannot be processed (empty, binary, too long). Its message is user-facing Chinese."""
