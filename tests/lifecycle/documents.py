"""Documents for the lifecycle tests: a newer version of a seed (its text under a new id, year and
title), stored through the library's own path for documents whose metadata is known."""

from __future__ import annotations

from datetime import date

from bot.library import DocumentLibrary, DocumentView, Upload
from knowledge.documents import load_manifest, read_source


def newer_jilin(library: DocumentLibrary, publish: bool, document_id: str = "jilin-2024") -> DocumentView:
    seed = load_manifest().by_id["jilin-2017"]
    text = read_source(seed)
    document = seed.model_copy(
        update={
            "id": document_id,
            "title": "吉林省人民政府关于做好当前和今后一段时期就业创业工作的通知（2024年修订）",
            "short_name": "吉林省就业创业政策措施（2024）",
            "document_number": "吉政发〔2024〕5号",
            "signed": date(2024, 3, 1),
            "source_file": f"{document_id}.txt",
        }
    )
    data = (text + f"\n（{document_id}）\n").encode("utf-8")
    return library.add_document(document, Upload(data, f"{document_id}.txt"), "tester", publish=publish)
