"""`policybot check`: the eligibility check as JSON (one profile or JSON Lines) or a terminal interview.

This module is a channel adapter: the engine decides, the knowledge registry turns clause ids into
the same citation objects `policybot ask` prints, and this file only reads input and writes output.
Bad input never ends in a traceback: a clear Chinese + English message naming the fact, exit 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Collection, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from bot.arguments import iso_date
from bot.checker import Checker
from bot.dialogue.words import load_vocabulary
from bot.present import check
from bot.present.problems import invalid_profile, problem_json, problem_text
from bot.present.prose import prose
from bot.present.results import check_message
from bot.services import Services
from bot.settings import Settings
from eligibility.errors import ProfileError
from eligibility.facts import FactRegistry
from eligibility.interview import NoMoreAnswers, run_interview
from eligibility.profile import Profile
from eligibility.questions import GROUP_TYPE
from eligibility.results import AnswerOption, CheckResult, NextQuestion
from knowledge.numerals import chinese_to_number

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
QUIT_WORDS = {"q", "quit", "exit", "退出"}


# -- JSON ---------------------------------------------------------------------------------------


def error_object(error: ProfileError, line: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"status": "error", "error": problem_json(error)}
    if line is not None:
        out["line"] = line
    return out


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            None,
            "not_json",
            f"the profile is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}.",
            line=exc.lineno,
            column=exc.colno,
        ) from None


def read_profile_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(None, "unreadable", f"cannot read profile file {path}: {exc}.", path=path) from None
    return _load_json(text)


def _lines(stream: TextIO) -> Iterator[str]:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        yield from (line.rstrip("\r\n") for line in stream)
        return
    for raw in buffer:
        yield raw.decode("utf-8", "replace").rstrip("\r\n")


def run_json(checker: Checker, args: argparse.Namespace, today: date, out: TextIO) -> int:
    if args.profile is not None:
        try:
            result = checker.check(read_profile_file(args.profile), today)
        except ProfileError as exc:
            print(invalid_profile(exc), file=sys.stderr)
            return EXIT_BAD_INPUT
        print(json.dumps(result, ensure_ascii=False), file=out)
        return EXIT_OK
    for number, line in enumerate(_lines(sys.stdin), start=1):
        if not line.strip():
            continue
        try:
            result = checker.check(_load_json(line), today)
        except ProfileError as exc:
            result = error_object(exc, number)
        print(json.dumps(result, ensure_ascii=False), file=out, flush=True)
    return EXIT_OK


# -- terminal interview -------------------------------------------------------------------------

DATE_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_typed(question: NextQuestion, text: str, unsure_labels: Collection[str] = ()) -> Any:
    """Turn what was typed into a raw answer for `apply_answer` (which then checks it).

    `unsure_labels`: the labels of a 不清楚 option whose value is not null (the city question's)."""
    text = text.strip()
    if not text:
        return None
    unsure = _unsure_option(question, unsure_labels)
    if unsure is not None and load_vocabulary().is_unknown(text):
        # 不知道 / 不确定 typed where 不清楚 is offered is that option (the city question's keeps the province).
        return unsure.value
    if question.type == "text":
        if text.isdigit() and 1 <= int(text) <= len(question.options):
            return question.options[int(text) - 1].value
        # An option typed by its label (其他城市 of the city question) stands for its value.
        return next((o.value for o in question.options if o.label == text), text)
    if question.type == "date":
        match = DATE_PATTERN.match(text)
        return f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}" if match else text
    if question.type in {"integer", "number"}:
        try:
            value = chinese_to_number(text.removesuffix("岁").removesuffix("年").removesuffix("个月"))
        except ValueError:
            return text
        return int(value) if question.type == "integer" and value.is_integer() else value
    choices = [o for o in question.options if o.value is not None]
    picks = [p for p in re.split(r"[\s,，、]+", text) if p]
    if not all(p.isdigit() and 0 <= int(p) <= len(choices) + 1 for p in picks):
        return ProfileError(question.fact, "type_a_number", "please type the number of an option.")
    numbers = [int(p) for p in picks]
    if len(choices) + 1 in numbers:
        return None
    if question.type == GROUP_TYPE:
        return [choices[n - 1].value for n in numbers if n > 0]
    if question.type == "enum_list":
        return [choices[n - 1].value for n in numbers if n > 0]
    if len(numbers) != 1 or numbers[0] == 0:
        return ProfileError(question.fact, "pick_one", "pick exactly one option.")
    return choices[numbers[0] - 1].value


def unsure_labels(facts: FactRegistry) -> frozenset[str]:
    """Labels of 不清楚 options: the plain one and the city question's (facts.yaml)."""
    city = facts["region"].unknown_city
    return frozenset({facts.answers.unknown, *([city.label] if city is not None else [])})


def _unsure_option(question: NextQuestion, labels: Collection[str]) -> AnswerOption | None:
    """The question's 不清楚 option: the one with no value, or the city question's text value
    standing for the province with its city unknown; None where 不清楚 is not offered (the region)."""
    return next((o for o in question.options if o.value is None or o.label in labels), None)


class Quit(Exception):
    """The person typed q: the interview ends without results."""


class TerminalAnswers:
    """The terminal side of `run_interview`: shows a question with numbered options, reads one
    typed answer, explains a hint on `?`; says why a place or an answer was not taken."""

    def __init__(
        self, read: Callable[[str], str], write: Callable[[str], None], unsure_labels: Collection[str] = ()
    ) -> None:
        self.read = read
        self.write = write
        self.unsure_labels = unsure_labels
        self.asking_again = False

    def answer(self, question: NextQuestion, profile: Profile) -> Any:
        if not self.asking_again:
            for line in check.question_lines(question):
                self.write(line)
        self.asking_again = False
        while True:
            try:
                typed = self.read("> ")
            except EOFError:
                self.write("\n" + prose().check.input_ended)
                raise NoMoreAnswers from None
            if typed.strip().lower() in QUIT_WORDS:
                raise Quit
            if typed.strip() in {"?", "？"}:
                self.write(question.hint)
                continue
            raw = parse_typed(question, typed, self.unsure_labels)
            if isinstance(raw, ProfileError):
                raise raw
            return raw

    def uncovered(self, result: CheckResult) -> None:
        self.write(check_message(result))

    def rejected(self, question: NextQuestion, error: ProfileError) -> None:
        self.write(problem_text(error))
        self.asking_again = True


def interview(
    checker: Checker, profile: Profile, read: Callable[[str], str], write: Callable[[str], None]
) -> CheckResult | None:
    """Ask until complete; None when the person quits. Region questions repeat until covered.

    When input ends early (a piped script of answers), the result so far is returned.
    """
    write(check.banner())
    terminal = TerminalAnswers(read, write, unsure_labels(checker.facts))
    try:
        done = run_interview(
            checker.engine, profile, terminal.answer, on_uncovered=terminal.uncovered, on_rejected=terminal.rejected
        )
    except Quit:
        return None
    return done.result


def run_interview_cli(checker: Checker, args: argparse.Namespace, today: date) -> int:
    try:
        start = checker.profile(read_profile_file(args.profile) if args.profile else {}, today)
    except ProfileError as exc:
        print(invalid_profile(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    result = interview(checker, start, input, print)
    if result is None:
        print(prose().check.quit)
        return EXIT_OK
    print("\n" + check.check_text(result, checker.registry, checker.engine.rulebook))
    return EXIT_OK


# -- wiring -------------------------------------------------------------------------------------


def run(args: argparse.Namespace, settings: Settings) -> int:
    today = args.as_of or date.today()
    checker = Services(settings).checker
    if args.json:
        return run_json(checker, args, today, sys.stdout)
    return run_interview_cli(checker, args, today)


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot check` (help text: the table in bot/cli.py)."""
    parser.add_argument(
        "--json", action="store_true", help="输出 JSON；不给 --profile 时从标准输入逐行读取资料（JSON Lines）"
    )
    parser.add_argument("--profile", type=Path, metavar="文件", help="资料文件（JSON 对象，键为事实名称）")
    parser.add_argument("--as-of", type=iso_date, metavar="日期", help="查询日期（默认今天；资料中的 as_of 优先）")
    parser.set_defaults(handler=run)


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.check_cli …` is `policybot check …`."""
    from bot.cli import main as policybot

    return policybot(["check", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
