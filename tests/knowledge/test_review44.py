"""review44 (session 44): evidence for defects found in review — these tests fail on the code merged at f5f6d685.

- knowledge/jieba_dictionary.py: a data directory where the prepared file cannot be written must cost only the saving
  ("logged, not raised"), and a truncated prepared file must never be trusted;
- knowledge/answer.py `_certificate_named_nowhere`: a certificate in the person's story is not the thing asked.
"""

from __future__ import annotations

import json
from pathlib import Path

import jieba
import pytest
import yaml

from knowledge import jieba_dictionary
from knowledge.answer_model import AnswerStatus
from knowledge.jieba_dictionary import PREPARED_FILE, load_prepared, tagged_words, write_prepared
from knowledge.kb import KnowledgeBase
from knowledge.regions import _PLACE_ENTRY
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load(
    (Path(__file__).parent / "data" / "review44_certificate_in_story.yaml").read_text(encoding="utf-8")
)


def test_an_unwritable_index_directory_costs_only_the_saving(tmp_path: Path) -> None:
    # The index path is not a directory one can write in (here: a file; a read-only mount fails the same way, with
    # EROFS): writing fails, and so does the clean-up's unlink of a temporary file never made — that must not raise.
    blocker = tmp_path / "index"
    blocker.write_text("not a directory", encoding="utf-8")
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    write_prepared(tokenizer, blocker / PREPARED_FILE)  # logged, not raised (its docstring)


def test_a_truncated_prepared_file_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    path = tmp_path / PREPARED_FILE
    write_prepared(tokenizer, path)
    whole = path.read_bytes()
    with path.open("rb") as handle:
        handle.readline()
        header = json.loads(handle.readline())
        start = handle.tell()
    at, size = header["tags"]["ns"]
    cut = whole.rfind(b"\n", 0, start + at + size // 2)  # a copy cut short inside the place names, at a line end
    path.write_bytes(whole[:cut])
    jieba_dictionary.initialize()
    monkeypatch.setattr(jieba_dictionary, "_kept_in", tmp_path / "none")
    scanned = tagged_words(_PLACE_ENTRY)
    monkeypatch.setattr(jieba_dictionary, "_kept_in", tmp_path)
    assert not load_prepared(jieba.Tokenizer(), path) or tagged_words(_PLACE_ENTRY) == scanned


@pytest.mark.parametrize("question", CASES["certificate_in_story"])
def test_a_certificate_in_the_story_is_not_said_absent(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    certificate = (answer.missing.name or "") if answer.missing is not None else ""
    assert not (answer.status is AnswerStatus.NO_ANSWER and certificate.endswith("证")), answer.missing
