"""`policybot tune`: choose the dense/lexical fusion weight for the configured embedder on the dev
golden set and save it where `KnowledgeBase.open` reads it (index/tuning.json)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.services import Services
from bot.settings import Settings
from knowledge.evaluation import DEV_SETS, GOLDEN_DIR, is_holdout, load_golden
from knowledge.kb import load_tuning, save_tuning
from knowledge.tuning import DEFAULT_WEIGHTS, WeightTrial, choose, try_weights, with_weights

EXIT_OK = 0
EXIT_BAD_INPUT = 2


DEV_GOLDEN = [GOLDEN_DIR / f"{name}.yaml" for name in DEV_SETS]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _parse_weights(value: str) -> list[float]:
    try:
        return with_weights([float(part) for part in value.split(",") if part.strip()])
    except ValueError:
        raise argparse.ArgumentTypeError(f"权重应为 0 到 1 之间、用逗号分隔的数，例如 0,0.1,0.3：{value}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot tune` (help text: the table in bot/cli.py)."""
    parser.add_argument(
        "--golden",
        type=Path,
        action="append",
        default=None,
        help="开发集 YAML，可重复（默认随包附带的开发集 retrieval.yaml 与 retrieval_dev2.yaml）",
    )
    parser.add_argument(
        "--weights",
        type=_parse_weights,
        default=list(DEFAULT_WEIGHTS),
        help="要尝试的 dense_weight，逗号分隔；0（只用关键词检索）总会被加入",
    )
    parser.set_defaults(handler=cmd_tune)


def cmd_tune(args: argparse.Namespace, settings: Settings) -> int:
    paths: list[Path] = args.golden or DEV_GOLDEN
    golden = []
    for golden_path in paths:
        if is_holdout(golden_path):
            _stderr(f"留出集只用于报告，不能用来调参：{golden_path}")
            return EXIT_BAD_INPUT
        try:
            golden.extend(load_golden(golden_path))
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            _stderr(f"无法读取开发集 {golden_path}：{exc}")
            return EXIT_BAD_INPUT
    sources = ", ".join(p.name for p in paths)
    data_dir = settings.resolved_data_dir()
    kb = Services(settings, progress=_stderr).knowledge
    name = kb.embedder.name
    base = load_tuning(data_dir, name)
    trials = try_weights(kb, golden, with_weights(args.weights), base)
    if any(t.degraded for t in trials if t.dense_weight > 0):
        _stderr("警告：向量检索不可用，相关权重已按关键词检索计算，不参与选择。")
    chosen = choose(trials)
    in_scope = chosen.metrics.in_scope
    print(f"向量模型 {name}；开发集 {sources}（{len(golden)} 题，其中可回答 {in_scope} 题）")
    print(_table(trials, chosen))
    lexical = trials[0].metrics
    metrics = chosen.metrics.as_dict() | {
        "lexical_hit_at_1": round(lexical.hit_at_1, 4),
        "lexical_mrr": round(lexical.mrr, 4),
        "golden_questions": float(len(golden)),
    }
    path = save_tuning(data_dir, name, replace(base, dense_weight=chosen.dense_weight), metrics)
    print(f"已选择 dense_weight={chosen.dense_weight:.2f}，保存到 {path}")
    return EXIT_OK


_COLUMNS = ("dense_weight", "hit@1", "hit@3", "MRR", "false_abstain", "abstain_recall", "abstain_precision")


def _table(trials: list[WeightTrial], chosen: WeightTrial) -> str:
    widths = [max(len(c), 6) for c in _COLUMNS]
    lines = ["  ".join(f"{c:>{w}}" for c, w in zip(_COLUMNS, widths, strict=True))]
    for trial in trials:
        m = trial.metrics
        cells = [trial.dense_weight, m.hit_at_1, m.hit_at_3, m.mrr, m.false_abstain_rate]
        cells += [m.abstain_recall, m.abstain_precision]
        mark = "  ← 选中" if trial is chosen else ("  （向量检索不可用）" if trial.degraded else "")
        lines.append("  ".join(f"{v:>{w}.4f}" for w, v in zip(widths, cells, strict=True)) + mark)
    return "\n".join(lines)
