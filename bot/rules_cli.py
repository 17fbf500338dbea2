"""`policybot rules check FILE...`: check rules files against the clause text before they are used.

A channel adapter: `eligibility.rules_check` finds the problems, `bot/present/rules.py` words them.
Exit 0 when every file passes, 1 when any has a problem (so a CI step or a script can stop).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.present.rules import report_lines
from bot.services import Services
from bot.settings import Settings
from eligibility.rules_check import check_rules_file

EXIT_OK = 0
EXIT_PROBLEMS = 1


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    services = Services(settings)
    registry, rulebook = services.registry, services.rulebook
    failed = 0
    for path in args.files:
        report = check_rules_file(path, registry, rulebook)
        failed += not report.ok
        print("\n".join(report_lines(report)), file=sys.stdout if report.ok else sys.stderr, flush=True)
    return EXIT_PROBLEMS if failed else EXIT_OK


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot rules` (help text: the table in bot/cli.py)."""
    sub = parser.add_subparsers(dest="rules_command", required=True)
    check = sub.add_parser(
        "check",
        help="检查规则文件：引文逐字见于所引条款、数字见于条款原文、引用的条款和事实都存在",
        description="检查规则文件（待遇 YAML 或 documents.yaml）；有问题时逐条列出行号并以非零状态退出。",
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help="规则文件（YAML）")
    check.set_defaults(handler=run_check)
