"""The JSON API's models, split by role: what clients send, what they get back, what errors say.

Responses reuse the channel-neutral models (`AnswerResult`, the dialogue core's `Reply`) and add
`verified` to each citation: true when staff have verified that quote of that clause. A chat
reply's citations and a clause also carry how the server words them (`title`, `reference`,
`status_note`), so the widget shows the same citation format as every other channel.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.dialogue.types import Reply
from bot.present.answers import AnswerResult
from knowledge.citations import Citation
from knowledge.query import MAX_QUESTION_CHARS

SESSION_ID = r"^[A-Za-z0-9_-]{16,64}$"
# A chat message's longest; and the largest body a valid chat request can be: every character of the
# message as a JSON escape (\\uXXXX, 6 bytes; a character beyond the BMP is two of them), plus the
# other fields. Read whole up to that, a message is judged by its length in characters, however the
# client escaped it (bot/web/throttle.py).
CHAT_MESSAGE_CHARS = 5000
CHAT_BODY_BYTES = CHAT_MESSAGE_CHARS * 12 + 1024
# The largest id of a stored row (an answer, a citation) a request may name: within the 64-bit integers
# SQLite and PostgreSQL store, so a longer number is refused (422), never a database error (a 500).
ROW_ID_MAX = 2**62


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=5000)


# -- requests ------------------------------------------------------------------------------------


class AskRequest(Request):
    # The limits the knowledge core applies (knowledge.query): some visible text, at most 1000
    # characters. Text within them that cannot be read is answered (200, status no_answer, with
    # what to ask instead), not refused.
    question: str = Field(
        min_length=1, max_length=MAX_QUESTION_CHARS, pattern=r"\S", examples=["长春开店有创业补贴吗？"]
    )
    region: str | None = Field(default=None, max_length=100, examples=["延吉"], description="地区；不填则从问题识别")
    as_of: date | None = Field(default=None, description="按此日期判断时限性措施是否到期（默认今天）")

    @field_validator("as_of", mode="before")
    @classmethod
    def _is_written_as_a_date(cls, value: object) -> object:
        # A number would be read as seconds since 1970 (`as_of: 0` was 1970-01-01; issue 14):
        # a date is only ever written as the schema says, "YYYY-MM-DD".
        if value is not None and not isinstance(value, (str, date)):
            raise ValueError("as_of 请写成 YYYY-MM-DD 形式的日期")
        return value


class ChatRequest(Request):
    """One turn: a typed `message`, or the `choice` of a button (its `action` id). Not both."""

    # The rule of the validator below, stated in the OpenAPI schema too (issue 14: it was missing).
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["message"], "properties": {"message": {"type": "string"}, "choice": {"type": "null"}}},
                {"required": ["choice"], "properties": {"choice": {"type": "string"}, "message": {"type": "null"}}},
            ]
        }
    )

    session_id: str | None = Field(
        default=None, pattern=SESSION_ID, description="上一次回复里的 session_id；不填则开始新的对话"
    )
    message: str | None = Field(default=None, max_length=CHAT_MESSAGE_CHARS, examples=["我能领什么补贴？"])
    choice: str | None = Field(default=None, min_length=1, max_length=64, pattern=r"^[\x21-\x7e]+$")
    turn_id: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9_-]{1,64}$", description="客户端生成的本轮编号；重发同一编号不会重复处理"
    )

    @model_validator(mode="after")
    def _one_of_message_or_choice(self) -> ChatRequest:
        if (self.message is None) == (self.choice is None):
            raise ValueError("message 和 choice 必须且只能填一个")
        return self


class NewConversationRequest(Request):
    session_id: str | None = Field(default=None, pattern=SESSION_ID, description="要结束的对话；不填则只开始新的对话")


class FeedbackRequest(Request):
    session_id: str = Field(pattern=SESSION_ID, description="回答所在对话的 session_id")
    ref: str = Field(pattern=r"^[A-Za-z0-9_-]{8,32}$", description="回答的 feedback_ref")
    rating: Literal["up", "down", "report"] = Field(description="up 有用，down 没用，report 报告问题")
    note: str = Field(default="", max_length=1000, description="报告问题时的说明（可不填）")


# -- responses -----------------------------------------------------------------------------------


class WebCitation(Citation):
    verified: bool = Field(default=False, description="工作人员已核实这段引文（显示“已核实”）")


class CitationWording(BaseModel):
    """A citation as users see it, worded by bot/present (the widget shows these as they are)."""

    title: str = Field(description="条款的列表标题，例如“吉林省 （七） 支持创业”")
    reference: str = Field(description="完整出处：《标题》（文号，发文机关，日期）第（七）条")
    status_note: str | None = Field(description="征求意见稿等文件状态说明；正式文件为 null")


class ChatCitation(CitationWording, WebCitation):
    """A chat reply's citation: the answer contract's fields, `verified`, then the wording."""


class AskResponse(AnswerResult):
    """The `policybot ask --json` object (docs/ask-json.md), citations with `verified`."""

    citations: list[WebCitation]  # type: ignore[assignment]


class ChatReply(Reply):
    citations: tuple[ChatCitation, ...] = ()
    feedback_ref: str | None = Field(
        default=None, description="回答的反馈编号（POST /api/feedback 用）；不是回答则为 null"
    )


class ChatResponse(BaseModel):
    session_id: str = Field(description="下次请求带上它，继续同一段对话")
    replies: list[ChatReply]
    forgotten: bool = Field(
        default=False, description="本轮已按用户确认删除了这段对话的全部资料：界面应清空已显示的对话记录"
    )


class TranscriptEntryModel(BaseModel):
    role: Literal["user", "bot"]
    text: str | None = Field(default=None, description="用户发送的文字（role 为 user）")
    reply: ChatReply | None = Field(default=None, description="机器人的一条回复（role 为 bot）")
    live: bool = Field(default=False, description="这条回复的按钮仍然有效")
    rating: Literal["up", "down", "report"] | None = Field(
        default=None, description="用户对这条回答最近一次的评价（👍 up、👎 down、报告问题 report），没有评价时为空"
    )


class TranscriptResponse(BaseModel):
    session_id: str
    entries: list[TranscriptEntryModel]


class FeedbackResponse(BaseModel):
    status: Literal["ok"]
    message: str = Field(description="给用户看的中文回执")


class ClauseResponse(CitationWording):
    clause_id: str
    document_id: str
    document_title: str
    document_number: str | None
    issuer: str
    jurisdiction: str
    date: str
    document_status: str
    clause_number: int
    clause_label: str
    heading: str
    section_heading: str | None
    text: str = Field(description="规范化后的条款全文（回答引用的就是这段文字）")
    original_text: str = Field(description="来源文件中的原文")
    verified_quotes: list[str] = Field(description="工作人员已核实的引文")


class DocumentResponse(BaseModel):
    id: str
    title: str
    short_name: str
    issuer: str
    jurisdiction: str
    document_number: str | None
    signed: date
    published: date | None
    status: str
    status_label: str
    clause_count: int
    quality: dict[str, int] = Field(description="入库质量报告：各类修复或问题的数量")


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready", "degraded", "not_ready"]
    checks: dict[str, bool]


class ErrorResponse(BaseModel):
    status: Literal["error"]
    code: str
    error: str = Field(description="给用户看的中文说明")
    detail: Any = None


# What the guard in front of every route answers (bot/web/throttle.py): every operation may get these.
GUARD_RESPONSES: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorResponse, "description": "请求太频繁（Retry-After 秒后再试）"},
    431: {"model": ErrorResponse, "description": "请求头太多或太大"},
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "请求无法读取（例如不是有效的 JSON）"},
    413: {"model": ErrorResponse, "description": "请求内容太大"},
    422: {"model": ErrorResponse, "description": "请求内容有误"},
    **GUARD_RESPONSES,
}
# An operation that reads or writes the database while it cannot be reached (database_unavailable).
DATABASE_RESPONSES: dict[int | str, dict[str, Any]] = {
    503: {"model": ErrorResponse, "description": "数据库暂时不可用（Retry-After 秒后可重发，什么也没丢）"},
}
