"""`policybot chat`: the same dialogue core in a terminal, for staff and for trying the bot.

Buttons are printed with numbers; typing a number presses one (except while a number, a date or
a place is being asked, when digits are the answer). Everything else is sent as typed. Of the
replies to one message only the last list of buttons is numbered (the one a number presses); the
buttons of the replies before it are listed unnumbered — two lists both starting at [1] on one
screen left "1" ambiguous (walk29).

A 可多选 list takes several numbers at once, separated by spaces, commas or 顿号 ("10 11", "1,3", "2、5"):
each is ticked in turn, the way pressing them one by one would (walk46: "10 11" was sent as text and got
没看懂这个回答 with no word of the format). The format is printed under the list; numbers that are not on it
are told so, with the format again, and nothing is sent.

Answers go to the staff answer log in the database the console reads, as the web's and Telegram's do
(channel `terminal`): what was answered, and what the documents could not answer (session 38).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable
from datetime import date
from typing import Protocol

from bot.arguments import iso_date
from bot.dialogue.service import Handled, TurnHandler
from bot.dialogue.types import Button, Reply, Turn
from bot.live import LiveConversations, LiveServices
from bot.present.prose import prose
from bot.services import Services
from bot.settings import Settings

log = logging.getLogger(__name__)
EXIT_OK = 0
QUIT_WORDS = {"q", "quit", "exit", "退出"}


class AnswerBook(Protocol):
    """Where the terminal's answers are logged for staff (bot/web/feedback.py `ChannelAnswerBook`)."""

    def log_turn(self, key: str, text: str | None, handled: Handled) -> tuple[str | None, ...]: ...


TICKED = "☑️"
BOXES_PER_LINE = 3
# Numbers typed to a 可多选 list: one, or several separated by spaces, commas or 顿号.
_NUMBERS = re.compile(r"\d+(?:\s*[\s,，、;；]\s*\d+)*")


def render(reply: Reply, write: Callable[[str], None], pressable: bool = True) -> list[Button]:
    """Print one reply; returns its buttons in the order they were numbered. A 可多选 question lists
    its boxes a few to a line; after a tick only what is ticked is said again (the numbers stay).
    Not `pressable`: a later reply of the same message has the numbers — these buttons are listed
    with a dot, and none is returned."""
    buttons = [button for row in reply.buttons for button in row]
    if reply.multi_select and reply.replaces_previous:
        _ticked(buttons, write)
        return buttons
    write("")
    write(reply.text)
    if not pressable:
        for button in buttons:
            write(f"  · {button.label}")
        return []
    if not reply.multi_select:
        for number, button in enumerate(buttons, start=1):
            write(f"  [{number}] {button.label}")
        return buttons
    numbered = [f"[{number}] {button.label}" for number, button in enumerate(buttons, start=1)]
    for start in range(0, len(numbered), BOXES_PER_LINE):
        write("  " + "　".join(numbered[start : start + BOXES_PER_LINE]))
    write("  " + prose().conversation_care.several_hint.format(done=_done_number(buttons)))
    return buttons


def _done_number(buttons: list[Button]) -> int:
    return next((n for n, b in enumerate(buttons, start=1) if b.action.startswith("done:")), len(buttons))


def _ticked(buttons: list[Button], write: Callable[[str], None]) -> None:
    words = prose().conversation_care
    ticked = [b.label.removeprefix(TICKED).strip() for b in buttons if b.label.startswith(TICKED)]
    write("  " + (words.ticked_now.format(ticked="、".join(ticked)) if ticked else words.ticked_none))
    write("  " + words.tick_hint.format(done=_done_number(buttons)))


def turn_for(typed: str, buttons: list[Button], free_text: bool) -> Turn:
    text = typed.strip()
    if text.isdigit() and not free_text and 1 <= int(text) <= len(buttons):
        return Turn(action=buttons[int(text) - 1].action)
    return Turn(text=typed)


def turns_for(typed: str, buttons: list[Button], free_text: bool, several: bool) -> list[Turn] | None:
    """The turns one typed line makes. To a 可多选 list, numbers (one or several: "10 11", "1,3", "2、5") press
    their boxes in the order typed, each once, 确定 last; None when one is not on the list (nothing is sent —
    the caller says the format). Anything else is `turn_for`'s one turn."""
    text = typed.strip()
    if not several or free_text or not _NUMBERS.fullmatch(text):
        return [turn_for(typed, buttons, free_text)]
    numbers = list(dict.fromkeys(int(number) for number in re.findall(r"\d+", text)))
    if not all(1 <= number <= len(buttons) for number in numbers):
        return None
    done = _done_number(buttons)
    pressed = [number for number in numbers if number != done] + [number for number in numbers if number == done]
    return [Turn(action=buttons[number - 1].action) for number in pressed]


def chat(
    conversations: TurnHandler,
    key: str,
    read: Callable[[str], str],
    write: Callable[[str], None],
    answers: AnswerBook | None = None,
) -> int:
    write(prose().chat.banner)
    buttons: list[Button] = []
    free_text = False
    several = False
    while True:
        try:
            typed = read("\n> ")
        except EOFError:
            write("")
            return EXIT_OK
        if typed.strip().lower() in QUIT_WORDS:
            return EXIT_OK
        if not typed.strip():  # Enter with nothing typed says nothing: the prompt comes back, as in the widget
            continue
        turns = turns_for(typed, buttons, free_text, several)
        if turns is None:
            words = prose().conversation_care
            write("  " + words.numbers_out_of_range.format(last=len(buttons)))
            write("  " + words.several_hint.format(done=_done_number(buttons)))
            continue
        replies: tuple[Reply, ...] = ()
        for turn in turns:
            try:
                handled = conversations.handle_turn(key, turn)
                replies = handled.replies
            except Exception:  # one error handler, as in the other channels: logged, said in Chinese
                log.exception("terminal chat turn failed")
                write(prose().telegram.sorry)
                replies = ()
                break
            if answers is not None:
                try:  # the staff log's trouble (a read-only or locked database) is never the person's
                    answers.log_turn(key, turn.text, handled)
                except Exception:
                    log.exception("terminal chat turn not written to the answer log")
            if not (replies and replies[-1].multi_select and replies[-1].replaces_previous):
                break  # not a tick (a question came next, or an error): what was pressed so far is shown
        if not replies:
            continue
        with_buttons = [n for n, reply in enumerate(replies) if reply.buttons]
        last = with_buttons[-1] if with_buttons else -1
        shown: list[Button] = []
        for n, reply in enumerate(replies):
            shown = render(reply, write, pressable=n >= last) or shown
        buttons = shown
        free_text = replies[-1].kind == "question" and replies[-1].free_text
        several = replies[-1].multi_select


def run(args: argparse.Namespace, settings: Settings) -> int:
    today = args.as_of
    services = Services(settings, clock=(lambda: today) if today else date.today)
    conversations = LiveConversations(LiveServices(services, settings.documents_refresh_seconds))
    from bot.web.feedback import open_answer_book  # the web's modules only when chatting

    answers = open_answer_book("terminal", settings.resolved_database_url(), services.session_key_secret)
    try:
        return chat(conversations, conversations.key_of("terminal", args.session), input, _print, answers)
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        answers.close()  # what is still queued is written first


def _print(line: str) -> None:
    print(line, flush=True)


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot chat` (help text: the table in bot/cli.py)."""
    parser.add_argument("--session", default="local", metavar="会话名", help="会话名（资料按会话保存，/forget 删除）")
    parser.add_argument("--as-of", type=iso_date, metavar="日期", help="按此日期判断（默认今天）")
    parser.set_defaults(handler=run)


if __name__ == "__main__":
    from bot.cli import main

    sys.exit(main(["chat", *sys.argv[1:]]))
