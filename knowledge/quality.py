"""Ingest quality report: every repair and every span we could not repair, per document.

Staff read this to know what the bot's text differs from the scraped source in, and where the
source itself is unreadable (so a clause quote containing □ is never mistaken for policy text).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class IssueKind(StrEnum):
    NOISE_REMOVED = "noise_removed"
    PINYIN_DEBRIS = "pinyin_debris"
    TRADITIONAL_CONVERTED = "traditional_converted"
    GARBLED_SPAN = "garbled_span"
    STRAY_ENGLISH = "stray_english"
    PAGE_BREAK_JOINED = "page_break_joined"
    LABEL_REPAIRED = "label_repaired"
    SECTION_NUMBER_MISSING = "section_number_missing"
    EDITOR_NOTE_REMOVED = "editor_note_removed"
    ROSTER_LEFT_OUT = "roster_left_out"


ISSUE_LABELS: dict[IssueKind, str] = {
    IssueKind.NOISE_REMOVED: "删除网页噪声",
    IssueKind.PINYIN_DEBRIS: "删除拼音残留",
    IssueKind.TRADITIONAL_CONVERTED: "繁体转简体",
    IssueKind.GARBLED_SPAN: "无法修复的乱码（以□标出）",
    IssueKind.STRAY_ENGLISH: "误转换的英文单词",
    IssueKind.PAGE_BREAK_JOINED: "合并被分页截断的词句",
    IssueKind.LABEL_REPAIRED: "修复残缺的条款序号",
    IssueKind.SECTION_NUMBER_MISSING: "原文缺少部分序号",
    IssueKind.EDITOR_NOTE_REMOVED: "删除修订、批注痕迹",
    IssueKind.ROSTER_LEFT_OUT: "人员名单表格不作为条款",
}


class QualityIssue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: IssueKind
    original: str
    replacement: str
    context: str = ""
    clause_id: str | None = None


class QualityReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document_id: str
    issues: tuple[QualityIssue, ...]

    def of_kind(self, kind: IssueKind) -> list[QualityIssue]:
        return [issue for issue in self.issues if issue.kind == kind]

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for issue in self.issues:
            counts[issue.kind.value] = counts.get(issue.kind.value, 0) + 1
        return counts
