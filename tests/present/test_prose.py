"""prose.yaml: every fixed text loads once into frozen models; a typo fails at load, naming the
file and the key, never in front of a user."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from bot.present.prose import PROSE_PATH, ProseError, load_prose, prose


def _with(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yaml.safe_load(PROSE_PATH.read_text(encoding="utf-8"))
    for dotted, value in change.items():
        *parents, key = dotted.split(".")
        node = data
        for parent in parents:
            node = node[parent]
        if value is None:
            del node[key]
        else:
            node[key] = value
    path = tmp_path / "prose.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_packaged_prose_loads_once_and_is_frozen() -> None:
    assert prose() is prose()
    assert prose().answers.hotline.startswith("可拨打12333")
    with pytest.raises(ValidationError):
        prose().answers.hotline = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        pytest.param({"answers.hotlne": "可拨打12333"}, "answers.hotlne", id="unknown-key"),
        pytest.param({"answers.hotline": None}, "answers.hotline", id="missing-key"),
        pytest.param({"notices.draft_document": "《{titel}》是征求意见稿"}, "notices.draft_document", id="placeholder"),
        pytest.param({"answers.disclaimer": "仅供参考{}"}, "answers.disclaimer", id="positional"),
        pytest.param({"dialogue.buttons.clause": "📄 {clause"}, "dialogue.buttons.clause", id="unclosed"),
    ],
)
def test_a_typo_fails_at_load_naming_the_file_and_the_key(
    tmp_path: Path, change: dict[str, object], named: str
) -> None:
    path = _with(tmp_path, change)
    with pytest.raises(ProseError) as error:
        load_prose(path)
    message = str(error.value)
    assert str(path) in message and named in message
