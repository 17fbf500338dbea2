"""The Telegram channel: a thin adapter between python-telegram-bot and the dialogue core.

Text, commands and button presses become `Turn`s keyed `telegram:<chat id>`; replies become HTML
messages with inline keyboards. A reply that replaces the pressed message (a ticked box, a
recorded answer) edits it. Only private chats are served, so one person's facts never show in a
group. One error handler logs with context and answers politely.

With an answer book (the staff's answer log), every answer is logged like the web's and carries
👍/👎/报告问题 buttons (`fb:<rating>:<ref>`, handled here, never by the core); a report's note is
the next message the person sends.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol

from telegram import BotCommand, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.dialogue.service import Handled, TurnHandler
from bot.dialogue.types import Button, Reply, Turn
from bot.present.prose import prose
from bot.telegram.format import chunks, keyboard

log = logging.getLogger(__name__)

COMMANDS = tuple(BotCommand(name, description) for name, description in prose().telegram.commands.model_dump().items())
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
SORRY = prose().telegram.sorry
FEEDBACK = "fb:"
RATINGS = ("up", "down", "report")
NO_NOTE = {"无", "没有", "不写", "no", "-"}


class AnswerBook(Protocol):
    """Where answers are logged for staff and feedback on them is kept (bot/web's answer log)."""

    def log_turn(self, key: str, text: str | None, handled: Handled) -> tuple[str | None, ...]:
        """Log a handled turn as every channel does (after /forget: delete the conversation's answers);
        per reply, the reference its feedback buttons carry, None for a reply that is no answer."""
        ...

    def give(self, key: str, ref: str, rating: str, note: str = "") -> bool: ...


def api_urls(base: str) -> tuple[str, str]:
    """(base_url, base_file_url) for python-telegram-bot from a Bot API server's root URL."""
    root = base.rstrip("/").removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


def build_application(
    token: str, conversations: TurnHandler, base_url: str | None = None, answers: AnswerBook | None = None
) -> Application[Any, Any, Any, Any, Any, Any]:
    builder = Application.builder().token(token).rate_limiter(AIORateLimiter(max_retries=3))
    if base_url:
        api, files = api_urls(base_url)
        builder = builder.base_url(api).base_file_url(files)
    application = builder.post_init(_register_commands).build()
    adapter = TelegramAdapter(conversations, answers)
    private = filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(private & filters.TEXT, adapter.on_text))
    application.add_handler(CallbackQueryHandler(adapter.on_button))
    application.add_handler(MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, adapter.on_other))
    application.add_error_handler(adapter.on_error)
    return application


async def _register_commands(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    await application.bot.set_my_commands(COMMANDS)


class TelegramAdapter:
    def __init__(self, conversations: TurnHandler, answers: AnswerBook | None = None) -> None:
        self.conversations = conversations
        self.answers = answers
        self.reporting: dict[int, str] = {}  # chat id → the answer whose problem report comes next

    async def _handle(self, update: Update, turn: Turn) -> tuple[Reply, ...]:
        assert update.effective_chat is not None
        key = self.conversations.key_of("telegram", update.effective_chat.id)
        handled = await asyncio.to_thread(self.conversations.handle_turn, key, turn)
        if self.answers is None:
            return handled.replies
        refs = await asyncio.to_thread(self.answers.log_turn, key, turn.text, handled)
        return tuple(_with_feedback(reply, ref) for reply, ref in zip(handled.replies, refs, strict=True))

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        if self.answers is not None and message.chat_id in self.reporting:
            await self._report(message, self.reporting.pop(message.chat_id), message.text or "")
            return
        replies = await self._handle(update, Turn(text=message.text or "", id=str(update.update_id)))
        await self._send(message, replies, pressed=None)

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice: the core explains that it reads text only."""
        message = update.effective_message
        assert message is not None
        replies = await self._handle(update, Turn(text="", id=str(update.update_id)))
        await self._send(message, replies, pressed=None)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        message = query.message if isinstance(query.message, Message) else None
        data = query.data or ""
        if data.startswith(FEEDBACK) and message is not None and message.chat.type == "private":
            await self._feedback(query, message, data)
            return
        try:
            await query.answer()
        except BadRequest as exc:  # a tap older than Telegram keeps queries for; handle it anyway
            log.info("could not answer callback query: %s", exc)
        if message is None or message.chat.type != "private":
            return
        turn = Turn(action=data[:64] or "none", id=str(update.update_id))
        replies = await self._handle(update, turn)
        await self._send(message, replies, pressed=message)

    async def _feedback(self, query: Any, message: Message, data: str) -> None:
        words = prose().conversation_care
        rating, _, ref = data.removeprefix(FEEDBACK).partition(":")
        key = self.conversations.key_of("telegram", message.chat_id)
        if self.answers is None or rating not in RATINGS:
            await query.answer(words.feedback_unknown)
            return
        if rating == "report":
            self.reporting[message.chat_id] = ref
            await query.answer()
            await message.get_bot().send_message(chat_id=message.chat_id, text=words.report_prompt)
            return
        stored = await asyncio.to_thread(self.answers.give, key, ref, rating)
        await query.answer(words.feedback_thanks if stored else words.feedback_unknown)

    async def _report(self, message: Message, ref: str, text: str) -> None:
        words = prose().conversation_care
        note = "" if text.strip().lower() in NO_NOTE else text.strip()[:1000]
        key = self.conversations.key_of("telegram", message.chat_id)
        stored = await asyncio.to_thread(self.answers.give, key, ref, "report", note) if self.answers else False
        await message.get_bot().send_message(
            chat_id=message.chat_id, text=words.report_thanks if stored else words.feedback_unknown
        )

    async def _send(self, anchor: Message, replies: tuple[Reply, ...], pressed: Message | None) -> None:
        for reply in replies:
            parts = chunks(reply.text)
            markup = keyboard(reply)
            if reply.replaces_previous and pressed is not None and len(parts) == 1:
                await _edit(pressed, parts[0], markup)
                pressed = None
                continue
            for number, part in enumerate(parts, start=1):
                await anchor.get_bot().send_message(
                    chat_id=anchor.chat_id,
                    text=part,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup if number == len(parts) else None,
                    link_preview_options=NO_PREVIEW,
                )

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("error handling update %s (chat %s)", update_id, chat.id if chat else None, exc_info=context.error)
        if chat is not None and chat.type == "private":
            try:
                await context.bot.send_message(chat_id=chat.id, text=SORRY)
            except Exception:
                log.exception("could not send the apology to chat %s", chat.id)


def _with_feedback(reply: Reply, ref: str | None) -> Reply:
    """A logged answer with its 👍/👎/报告问题 row (carrying its reference); any other reply as it is."""
    if ref is None:
        return reply
    words = prose().conversation_care
    row = tuple(
        Button(label=label, action=f"{FEEDBACK}{rating}:{ref}")
        for rating, label in zip(RATINGS, (words.feedback_up, words.feedback_down, words.feedback_report), strict=True)
    )
    return reply.model_copy(update={"buttons": (*reply.buttons, row)})


async def _edit(message: Message, text: str, markup: object) -> None:
    try:
        await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)  # type: ignore[arg-type]
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
