"""`policybot`'s own words on the command line — the usage line, its errors and -h — are Chinese,
for the commands people type (chat, ask) as for the rest; argparse itself is left as it was."""

from __future__ import annotations

import argparse
import gettext
import re

import pytest

from bot.cli import main

# What may stay Latin: option names, command names, the program's name, and names in help texts.
ALLOWED = re.compile(
    r"--?[a-z][a-z-]*|as_of|policybot|POLICYBOT_\w+|JSON|Lines|Telegram|YYYY-MM-DD|webhook|secret_token|forget|"
    r"ingest|ask|check|rules|tune|telegram|chat|serve|staff|documents|[A-Z_]+\b"
)
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    out = capsys.readouterr()
    return int(stopped.value.code or 0), out.out + out.err


def _english(text: str) -> set[str]:
    return set(ENGLISH_WORD.findall(ALLOWED.sub(" ", text)))


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([], id="no-command"),
        pytest.param(["chatt"], id="a-command-misspelt"),
        pytest.param(["chat", "--as-of"], id="chat-option-without-its-value"),
        pytest.param(["chat", "--sesion", "x"], id="chat-option-nobody-knows"),
        pytest.param(["ask", "--region"], id="ask-option-without-its-value"),
        pytest.param(["ask", "--as-of", "2020-02-30", "失业金"], id="ask-a-date-that-does-not-exist"),
        pytest.param(["check", "--profile"], id="check-option-without-its-value"),
    ],
)
def test_a_command_line_mistake_is_explained_in_chinese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, said = _run(argv, capsys)
    assert code == 2, said
    assert said.startswith("用法："), said
    assert "出错了：" in said, said
    assert not _english(said), f"English words {_english(said)} in {said!r}"


@pytest.mark.parametrize("argv", [["-h"], ["chat", "--help"], ["ask", "-h"], ["check", "--help"]])
def test_the_help_is_in_chinese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, said = _run(argv, capsys)
    assert code == 0
    assert said.startswith("用法：") and "显示本帮助并退出" in said, said
    assert not _english(said), f"English words {_english(said)} in {said!r}"


def test_an_unknown_command_names_the_ones_there_are(capsys: pytest.CaptureFixture[str]) -> None:
    _, said = _run(["serv"], capsys)
    assert "'serv'" in said and "'serve'" in said and "'chat'" in said, said


def test_argparse_speaks_english_again_after_the_command_line_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    _run(["chat", "--as-of"], capsys)
    parser = argparse.ArgumentParser(prog="other")
    assert "usage: other" in parser.format_usage()
    assert vars(argparse)["_"] is gettext.gettext
