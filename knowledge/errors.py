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


INTAKE_CODES = (
    "empty",
    "too_large",
    "unsupported_type",
    "image",
    "archive_bomb",
    "pdf_without_text",
    "damaged",
    "undecodable",
    "malformed_json",
    "not_records",
    "legacy_excel",
    "encrypted_workbook",
    "encrypted_document",
    "corrupt_workbook",
    "no_table",
    "not_a_policy",
    "unknown_place",
)


class IntakeError(KnowledgeError):
    """An uploaded file that cannot become a document. `code` (one of INTAKE_CODES) selects the
    user's message (prose.yaml `intake`); `detail` is for logs and staff; `file_type` names the
    format when the message depends on it (pdf)."""

    def __init__(self, code: str, detail: str = "", *, file_type: str | None = None) -> None:
        if code not in INTAKE_CODES:
            raise ValueError(f"unknown intake error code {code!r}")
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.file_type = file_type
