"""Why an uploaded document was refused, in Chinese (prose.yaml `intake`)."""

from __future__ import annotations

import re

from bot.present.prose import prose
from knowledge.intake import IntakeError


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def refusal(error: IntakeError, *, max_bytes: int) -> str:
    """The message for staff whose upload was refused, ending with the reassurance that nothing
    was changed."""
    words = prose().intake
    if error.code == "too_large":
        reason = words.too_large.format(limit=_megabytes(max_bytes))
    elif error.code == "unsupported_type" and error.file_type == "pdf":
        reason = words.pdf_unsupported
    elif error.code == "unsupported_type":
        reason = words.unsupported_type.format(kinds=words.kinds)
    elif error.code == "malformed_json":
        # the line where the JSON breaks, when the reader knew it; else the message without its aside
        template = (
            words.malformed_json
            if error.detail.isdigit()
            else re.sub(r"（[^（）]*\{line\}[^（）]*）", "", words.malformed_json)
        )
        reason = template.format(line=error.detail)
    elif error.code == "unknown_place":
        reason = words.unknown_place.format(place=error.detail)
    else:
        reason = str(getattr(words, error.code))
    return f"{reason}{words.nothing_saved}"
