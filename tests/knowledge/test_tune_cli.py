"""`policybot tune` picks the fusion weight on the dev set and saves it; the choice rule itself
is checked on hand-made trials."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.embeddings import HashingEmbedder
from knowledge.evaluation import Metrics
from knowledge.kb import load_tuning, save_tuning
from knowledge.retrieve import RetrievalConfig
from knowledge.tuning import WeightTrial, choose, with_weights
from tests.conftest import GOLDEN, REPO

HASHING = HashingEmbedder().name


def run_policybot(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYBOT_")}
    env["POLICYBOT_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def table_rows(stdout: str) -> list[tuple[float, float, float, bool]]:
    """(dense_weight, hit@1, MRR, chosen) for each row of the printed table."""
    rows = []
    for line in stdout.splitlines():
        cells = line.split()
        try:
            weight = float(cells[0])
        except (ValueError, IndexError):
            continue
        rows.append((weight, float(cells[1]), float(cells[3]), "选中" in line))
    return rows


def test_tune_evaluates_weight_zero_and_saves_the_best_weight(tmp_path: Path) -> None:
    other = {"sentence_weight": 0.3, "expansion_weight": 0.2, "dense_weight": 0.6, "metrics": {"mrr": 0.5}}
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "tuning.json").write_text(json.dumps({"st-other-model": other}), encoding="utf-8")

    dev = str(GOLDEN / "retrieval.yaml")
    result = run_policybot(tmp_path, "tune", "--golden", dev, "--weights", "0.3,0.6")

    assert result.returncode == 0, result.stderr
    rows = table_rows(result.stdout)
    assert [weight for weight, *_ in rows] == [0.0, 0.3, 0.6]
    chosen = [row for row in rows if row[3]]
    assert len(chosen) == 1
    weight, hit_at_1, mrr, _ = chosen[0]
    lexical_hit_at_1 = rows[0][1]
    assert hit_at_1 >= lexical_hit_at_1
    assert hit_at_1 == max(row[1] for row in rows)

    saved = json.loads((tmp_path / "index" / "tuning.json").read_text(encoding="utf-8"))
    assert saved["st-other-model"] == other
    entry = saved[HASHING]
    assert entry["dense_weight"] == weight
    assert entry["sentence_weight"] == RetrievalConfig().sentence_weight
    assert entry["metrics"]["hit_at_1"] == pytest.approx(hit_at_1, abs=1e-4)
    assert entry["metrics"]["mrr"] == pytest.approx(mrr, abs=1e-4)
    assert entry["metrics"]["lexical_hit_at_1"] == pytest.approx(lexical_hit_at_1, abs=1e-4)
    assert entry["metrics"]["golden_questions"] >= 60
    assert load_tuning(tmp_path, HASHING).dense_weight == weight


def test_tune_keeps_the_other_tuned_weights_of_the_embedder(tmp_path: Path) -> None:
    earlier = RetrievalConfig(sentence_weight=0.4, expansion_weight=0.6, dense_weight=0.9)
    save_tuning(tmp_path, HASHING, earlier, {})

    result = run_policybot(tmp_path, "tune", "--weights", "0.2")

    assert result.returncode == 0, result.stderr
    tuned = load_tuning(tmp_path, HASHING)
    assert (tuned.sentence_weight, tuned.expansion_weight) == (0.4, 0.6)
    assert tuned.dense_weight in {0.0, 0.2}


def test_tune_refuses_the_holdout_set(tmp_path: Path) -> None:
    result = run_policybot(tmp_path, "tune", "--golden", str(GOLDEN / "retrieval_holdout.yaml"))
    assert result.returncode == 2
    assert "留出集" in result.stderr
    assert not (tmp_path / "index" / "tuning.json").exists()


def test_tune_rejects_a_weight_outside_zero_to_one(tmp_path: Path) -> None:
    result = run_policybot(tmp_path, "tune", "--weights", "0.5,1.5")
    assert result.returncode == 2
    assert "0 到 1" in result.stderr


def metrics(hit_at_1: float, mrr: float, false_abstain: float = 0.0, abstain_recall: float = 0.9) -> Metrics:
    return Metrics(
        in_scope=100,
        hit_at_1=hit_at_1,
        hit_at_3=1.0,
        mrr=mrr,
        false_abstain_rate=false_abstain,
        abstain_recall=abstain_recall,
        abstain_precision=1.0,
        abstain_kind_accuracy=1.0,
        region_accuracy=1.0,
    )


def trial(weight: float, m: Metrics, degraded: bool = False) -> WeightTrial:
    return WeightTrial(dense_weight=weight, metrics=m, degraded=degraded)


CHOICE_CASES = {
    "better hit@1 wins": ([trial(0.0, metrics(0.90, 0.93)), trial(0.3, metrics(0.95, 0.96))], 0.3),
    "lexical kept when fusion is worse": (
        [trial(0.0, metrics(0.95, 0.96)), trial(0.5, metrics(0.90, 0.99))],
        0.0,
    ),
    "equal hit@1, better MRR wins": ([trial(0.0, metrics(0.95, 0.96)), trial(0.2, metrics(0.95, 0.97))], 0.2),
    "full tie goes to the smaller weight": (
        [trial(0.0, metrics(0.95, 0.96)), trial(0.1, metrics(0.97, 0.98)), trial(0.4, metrics(0.97, 0.98))],
        0.1,
    ),
    "more false abstains disqualify": (
        [trial(0.0, metrics(0.90, 0.93)), trial(0.3, metrics(0.99, 0.99, false_abstain=0.02))],
        0.0,
    ),
    "lower abstain recall disqualifies": (
        [trial(0.0, metrics(0.90, 0.93)), trial(0.3, metrics(0.99, 0.99, abstain_recall=0.8))],
        0.0,
    ),
    "a degraded trial is never chosen": (
        [trial(0.0, metrics(0.90, 0.93)), trial(0.3, metrics(0.99, 0.99), degraded=True)],
        0.0,
    ),
}


@pytest.mark.parametrize("trials, expected", list(CHOICE_CASES.values()), ids=list(CHOICE_CASES))
def test_choose(trials: list[WeightTrial], expected: float) -> None:
    assert choose(trials).dense_weight == expected


def test_weight_zero_is_always_tried_once_in_order() -> None:
    assert with_weights([0.5, 0.1, 0.5]) == [0.0, 0.1, 0.5]
    with pytest.raises(ValueError):
        with_weights([1.2])
