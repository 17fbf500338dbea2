"""Start-up costs (issue 9): `policybot ask` loads only what answering needs, tokens computed once
are reused, and the small-numeral table agrees with cn2an. Timings live in bench/bench_startup.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import cn2an
import pytest
import yaml

from knowledge.cache import read_cached
from knowledge.datafile import read_yaml
from knowledge.kb import KnowledgeBase, saved_clauses_dir
from knowledge.lexical import LexicalIndex
from knowledge.measures import load_measures
from knowledge.numerals import chinese_to_number, number_to_chinese
from knowledge.query import DATA_DIR, QueryAnalyzer
from knowledge.regions import Gazetteer, PlaceIndex, place_index_fingerprint
from knowledge.registry import Registry
from knowledge.tokens import TOKENS_FILE, TokenCache, tokenizer_fingerprint

REPO = Path(__file__).resolve().parents[2]
DATA_FILES = sorted([*DATA_DIR.glob("*.yaml"), REPO / "knowledge" / "sources" / "manifest.yaml"])
# bm25s (and scipy with it) builds an index, knowledge.derive cuts measure units: a process that opens a saved index
# reads its columns itself (saved_arrays), and one that reads units from the store cuts none (measure_store)
HEAVY = (
    "telegram",
    "fastapi",
    "uvicorn",
    "starlette",
    "argon2",
    "sqlalchemy",
    "chromadb",
    "jieba.posseg",
    "bm25s",
    "scipy",
    "knowledge.derive",
)

PROBE = """
import sys
from bot.cli import main
code = main(["ask", "巴中 创业担保贷款"])
print("MODULES", " ".join(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""


def test_ask_with_a_warm_index_imports_no_channel_no_database_and_no_vector_store(
    kb_dir: Path, kb: KnowledgeBase
) -> None:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(kb_dir)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "创业担保贷款" in done.stdout
    modules = set(done.stderr.split("MODULES", 1)[1].split())
    loaded = [name for name in HEAVY if name in modules]
    assert loaded == [], f"policybot ask imported {loaded}"


def test_tokens_are_saved_once_and_reused_with_the_same_index(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / TOKENS_FILE
    first = TokenCache(path)
    built = LexicalIndex(registry.clauses, tokenizer=first.tokenize)
    first.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["fingerprint"] == first.fingerprint and len(saved["payload"]) > len(registry.clauses)

    second = TokenCache(path)
    assert len(second) == len(first)
    reused = LexicalIndex(registry.clauses, tokenizer=second.tokenize)
    tokens = ["创业", "担保", "贷款"]
    assert list(reused.clause_scores(tokens)) == list(built.clause_scores(tokens))
    assert list(reused.best_sentence_scores(tokens)) == list(built.best_sentence_scores(tokens))
    before = path.stat().st_mtime_ns
    second.save()
    assert path.stat().st_mtime_ns == before


def test_a_token_file_from_another_tokenizer_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / TOKENS_FILE
    path.write_text(json.dumps({"fingerprint": "other", "payload": {"创业补贴": ["错"]}}), encoding="utf-8")
    assert TokenCache(path).tokenize("创业补贴") != ["错"]
    path.write_text("{not json", encoding="utf-8")
    assert len(TokenCache(path)) == 0


# (file, text replaced, replacement): what tokenization reads, and what it does not.
_READ_BY_THE_TOKENIZER = [
    ("policy_terms.txt", "创业补贴 2000 n\n", "创业补贴 2000 n\n灵活就业补助 300 n\n"),
    ("glossary.yaml", "say: [大学生, ", "say: [在校大学生, 大学生, "),
    ("scope.yaml", "stopwords: [的, ", "stopwords: [的, 之, "),
]
_NOT_READ_BY_THE_TOKENIZER = [
    ("intents.yaml", "# What a question asks", "# What a user's question asks"),
    ("scope.yaml", "amount_intent: [多少钱, ", "amount_intent: [多少钱, 补几千, "),
    ("glossary.yaml", "# How people talk", "# How job-seekers talk"),
]


def _edited_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    text = (data / name).read_text(encoding="utf-8")
    assert old in text, f"{name} no longer contains {old!r}"
    (data / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


@pytest.mark.parametrize(("name", "old", "new"), _READ_BY_THE_TOKENIZER, ids=lambda v: str(v)[:20])
def test_an_edit_to_what_tokenization_reads_changes_the_tokenizer_fingerprint(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    assert tokenizer_fingerprint(_edited_copy(tmp_path, name, old, new)) != tokenizer_fingerprint()


@pytest.mark.parametrize(("name", "old", "new"), _NOT_READ_BY_THE_TOKENIZER, ids=lambda v: str(v)[:20])
def test_an_edit_to_intents_or_scope_topics_keeps_the_stored_tokens(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    """Re-tokenizing every document (40 min at ×700) only when the tokens could differ."""
    edited = _edited_copy(tmp_path, name, old, new)
    assert (edited / name).read_bytes() != (DATA_DIR / name).read_bytes()
    assert tokenizer_fingerprint(edited) == tokenizer_fingerprint()


def test_the_knowledge_base_writes_the_token_file_beside_the_index(kb_dir: Path, kb: KnowledgeBase) -> None:
    assert (kb_dir / "index" / TOKENS_FILE).is_file()


@pytest.mark.parametrize("number", range(100))
def test_small_numerals_agree_with_cn2an(number: int) -> None:
    written = cn2an.an2cn(number)
    assert number_to_chinese(number) == written
    assert chinese_to_number(written) == cn2an.cn2an(written, "smart")


@pytest.mark.parametrize("text", ["两", "两千", "一百零五", "三千五百", "3.5", "十二万"])
def test_larger_and_mixed_numerals_go_through_cn2an(text: str) -> None:
    assert chinese_to_number(text) == float(cn2an.cn2an(text.replace("两", "二"), "smart"))


@pytest.mark.parametrize("text", ["", "补贴", "十十"])
def test_text_that_is_not_a_number_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        chinese_to_number(text)


HASH_PROBE = """
import argon2
calls = []
original = argon2.PasswordHasher.hash
argon2.PasswordHasher.hash = lambda self, *a, **k: calls.append(1) or original(self, *a, **k)
import bot.web.app, bot.web.accounts
print(len(calls))
"""


def test_importing_the_web_app_computes_no_password_hash() -> None:
    done = subprocess.run(
        [sys.executable, "-c", HASH_PROBE], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


def test_the_place_index_survives_its_file_and_resolves_places_the_same(kb_dir: Path, kb: KnowledgeBase) -> None:
    built = PlaceIndex.build()
    saved = kb_dir / "index" / "places.json"
    assert read_cached(saved, place_index_fingerprint()) == json.loads(json.dumps(built.to_json()))
    loaded = PlaceIndex.from_json(json.loads(json.dumps(built.to_json())))
    assert loaded == built
    fresh, cached = Gazetteer(["吉林省", "巴中市"]), Gazetteer(["吉林省", "巴中市"], loaded)
    for text in ("延吉 返乡创业", "示范县的政策", "老家巴中，在广州打工", "人民和谐", "通江县"):
        assert [p.name for p in fresh.find(text)] == [p.name for p in cached.find(text)], text
    assert PlaceIndex.from_json({"forms": "broken"}) is None


def test_a_serving_process_neither_reads_nor_rewrites_the_token_file(kb_dir: Path, kb: KnowledgeBase) -> None:
    path = kb_dir / "index" / TOKENS_FILE
    original = path.read_bytes()
    question = "失业了能领什么补贴"
    planted = {"fingerprint": TokenCache().fingerprint, "payload": {question: ["错"]}}
    path.write_text(json.dumps(planted, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    try:
        opened = KnowledgeBase.open(kb_dir)
        assert opened.answerer.tokenize(question) != ["错"]
        assert opened.answerer.answer(question).citations
        assert path.read_bytes() == before
    finally:
        path.write_bytes(original)


def test_an_index_written_with_the_old_clause_snapshot_loses_it_and_keeps_its_clause_file(
    kb_dir: Path, kb: KnowledgeBase
) -> None:
    index = kb_dir / "index"
    assert not (index / "clauses.json").exists()  # ingest no longer writes it
    (index / "clauses.json").write_text(json.dumps([{"id": "旧快照"}], ensure_ascii=False), encoding="utf-8")
    opened = KnowledgeBase.open(kb_dir)
    assert not (index / "clauses.json").exists()
    assert (saved_clauses_dir(kb_dir) / "clauses.jsonl").is_file()
    assert opened.answerer.answer("失业了能领什么补贴").citations


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_a_data_file_reads_the_same_with_libyaml_as_with_the_pure_python_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert read_yaml(text) == yaml.safe_load(text)


def test_a_question_without_latin_letters_makes_no_latin_reader(kb: KnowledgeBase) -> None:
    """The Latin-script reader is made from every term's transliteration (≈ 0.1 s); a question that writes no
    letter is read without it, as it was read when the reader gave such a question back unchanged."""
    names = [name for ms in load_measures().values() for m in ms for name in (m.name, *m.aliases)]
    analyzer = QueryAnalyzer(kb.gazetteer, names)
    chinese = analyzer.analyze("吉林 高校毕业生 创业补贴 多少钱")
    assert "_latin" not in vars(analyzer)
    assert chinese == kb.analyzer.analyze("吉林 高校毕业生 创业补贴 多少钱")
    mixed = analyzer.analyze("平顶山 jianxi见习补贴")
    assert "_latin" in vars(analyzer)
    assert mixed == kb.analyzer.analyze("平顶山 jianxi见习补贴")
