"""`policybot staff add NAME`: create a staff account for the console (/staff).

The password is read without echo from the terminal (twice), or from the first line of standard
input with --password-stdin (for scripts). Only its argon2 hash is stored.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from bot.settings import Settings

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码（至少10个字符）：")
    if getpass.getpass("再输入一次：") != first:
        print("两次输入的密码不一致。", file=sys.stderr)
        return None
    return first


def add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.db import open_database
    from bot.web.accounts import AccountError, StaffAccounts
    from bot.web.audit import AuditTrail

    password = _password(args)
    if password is None:
        return EXIT_BAD_INPUT
    engine = open_database(settings.resolved_database_url(), settings.resolved_session_key_secret())
    try:
        StaffAccounts(engine, AuditTrail(engine)).add(args.name, password)
    except AccountError as exc:
        print(f"无法创建账号：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        engine.dispose()
    print(f"已创建工作人员账号“{args.name}”。登录：/staff/login", file=sys.stderr)
    return EXIT_OK


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot staff` (help text: the table in bot/cli.py)."""
    actions = parser.add_subparsers(dest="staff_command", required=True)
    p_add = actions.add_parser("add", help="创建工作人员账号")
    p_add.add_argument("name", help="账号名（2–32个字母、数字、汉字或 _ . -）")
    p_add.add_argument("--password-stdin", action="store_true", help="从标准输入第一行读取密码（用于脚本）")
    p_add.set_defaults(handler=add)
