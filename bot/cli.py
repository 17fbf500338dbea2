"""`policybot`: one console script; the table below lists every subcommand and the module that runs it.

Only the chosen subcommand's module is imported, so `policybot ask` loads neither the web stack nor
Telegram. Each module provides `configure(parser)`, which adds its arguments and sets `handler`
to a function `(args, settings) -> exit code`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from dataclasses import dataclass

from bot.arguments import in_chinese
from bot.present.prose import prose

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Subcommand:
    name: str
    module: str
    help: str
    description: str | None = None


SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("ingest", "bot.ingest_cli", "解析政策文件并建立索引（幂等）"),
    Subcommand("ask", "bot.ask_cli", "就政策提问，引用条款原文回答"),
    Subcommand("check", "bot.check_cli", "补贴资格自查：回答几个问题，看看能享受哪些就业创业扶持"),
    Subcommand("rules", "bot.rules_cli", "检查补贴规则文件是否与条款原文一致（引文、数字、条款编号）"),
    Subcommand("tune", "bot.tune_cli", "在开发集上选择向量与关键词检索的融合权重并保存"),
    Subcommand(
        "telegram",
        "bot.telegram.cli",
        "运行 Telegram 机器人（令牌：POLICYBOT_TELEGRAM_TOKEN）",
        "默认长轮询；设置 POLICYBOT_TELEGRAM_WEBHOOK_URL（或 --webhook-url）则以 webhook 方式运行，"
        "并用 secret_token 校验 Telegram 的请求。",
    ),
    Subcommand("chat", "bot.chat_cli", "在终端里和机器人对话（与 Telegram 同一个对话核心）"),
    Subcommand("serve", "bot.web.serve_cli", "启动网页服务：JSON 接口、可嵌入的咨询窗口和工作台"),
    Subcommand("staff", "bot.web.staff_cli", "管理工作台账号"),
    Subcommand("documents", "bot.documents_cli", "管理政策文件：添加、审核、发布、停用"),
)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or (with `only`) one where just that subcommand's module is imported."""
    parser = argparse.ArgumentParser(prog="policybot", description="就业政策通：就业创业政策问答与补贴资格自查")
    sub = parser.add_subparsers(dest="command", required=True, metavar=prose().command_line.command)
    for command in SUBCOMMANDS:
        child = sub.add_parser(command.name, help=command.help, description=command.description or command.help)
        if only is None or command.name == only:
            importlib.import_module(command.module).configure(child)
    return parser


def _chosen(argv: list[str]) -> str | None:
    names = {command.name for command in SUBCOMMANDS}
    return next((arg for arg in argv if arg in names), None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with in_chinese():
        args = build_parser(only=_chosen(argv)).parse_args(argv)
    from pydantic import ValidationError

    from bot.logs import configure_logging
    from bot.settings import Settings
    from knowledge.errors import KnowledgeError

    try:
        settings = Settings()
    except ValidationError as exc:
        _stderr(f"配置错误（环境变量 POLICYBOT_*）：{exc}")
        return EXIT_FAILURE
    configure_logging(settings)
    from bot.permissions import keep_private

    keep_private(settings)
    try:
        return int(args.handler(args, settings))
    except KnowledgeError as exc:
        _stderr(f"出错了：{exc}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`); nothing left to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
