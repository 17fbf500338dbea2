"""Replies in Chinese, laid out for a phone: short lines, the important thing first, buttons.

Only wording and layout live here; what to say is decided by the core. Texts are plain (lines
starting with 【 are headings); every figure shown comes from a rule's amount or a quoted clause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from bot.dialogue import actions
from bot.dialogue.types import BenefitCard, Button, Reply
from eligibility.facts import FactRegistry
from eligibility.questions import GROUP_TYPE
from eligibility.results import BenefitResult, CheckResult, NextQuestion
from knowledge.answer import AnswerResult
from knowledge.citations import Citation, format_reference
from knowledge.documents import Document

ClauseLabel = Callable[[str], str]
FactLabel = Callable[[str], str]

COMMANDS_HELP = (
    "/check 补贴自查　/profile 我的资料　/reset 重新开始\n/forget 删除我的资料　/sources 收录的文件　/help 使用说明"
)
DISCLAIMER = "以上结果依据已收录的政策文件自动判断，仅供参考；能否享受、享受多少，以当地人社部门审核为准。"
CHECK_BUTTON = Button(label="🔍 查查我能领哪些补贴", action=actions.command("check"))
SOURCES_BUTTON = Button(label="📚 收录了哪些文件", action=actions.command("sources"))
PROFILE_BUTTON = Button(label="📋 我的资料", action=actions.command("profile"))
RESET_BUTTON = Button(label="🔄 重新开始", action=actions.command("reset"))
FORGET_BUTTON = Button(label="🗑 删除我的资料", action=actions.command("forget"))
CONTINUE_BUTTON = Button(label="▶️ 继续自查", action=actions.command("check"))
NEAR_MISSES = 3
NEAR_MISS_CHARS = 100


def welcome(covered: Iterable[str], interviewing: bool) -> Reply:
    text = (
        "您好！我是“就业政策通”，可以：\n"
        "1. 回答就业创业政策问题，并引用政策原文，例如“长春开店有补贴吗？”\n"
        "2. 帮您查查能享受哪些补贴：点下面的按钮，或者直接介绍自己，例如“我是2019年毕业的大学生，"
        "在长春开了个小店一年多了，交了社保”。\n"
        f"目前收录：{'、'.join(covered)}的政策文件。\n\n{COMMANDS_HELP}"
    )
    first = CONTINUE_BUTTON if interviewing else CHECK_BUTTON
    return Reply(kind="welcome", text=text, buttons=((first,), (SOURCES_BUTTON, PROFILE_BUTTON)))


def notice(text: str, *rows: tuple[Button, ...]) -> Reply:
    return Reply(kind="notice", text=text, buttons=tuple(rows))


# -- questions -----------------------------------------------------------------------------------


def question(q: NextQuestion, ticked: Iterable[int] = (), replaces_previous: bool = False) -> Reply:
    chosen = set(ticked)
    if q.type == GROUP_TYPE:
        rows: list[tuple[Button, ...]] = []
        unknown: Button | None = None
        for index, option in enumerate(q.options):
            if option.value is None:
                unknown = Button(label=option.label, action=actions.answer(q.fact, index))
                continue
            mark = "☑️" if index in chosen else "⬜"
            rows.append((Button(label=f"{mark} {option.label}", action=actions.tick(q.fact, index)),))
        last = [Button(label="✔️ 确定", action=actions.done(q.fact))]
        if unknown is not None:
            last.append(unknown)
        rows.append(tuple(last))
        text = f"{q.text}\n（点选符合的项，再点“确定”；都不符合就直接点“确定”）"
        return Reply(
            kind="question",
            text=_with_hint(text, q.hint),
            buttons=tuple(rows),
            asks=q.fact,
            multi_select=True,
            replaces_previous=replaces_previous,
        )
    buttons = [Button(label=o.label, action=actions.answer(q.fact, i)) for i, o in enumerate(q.options)]
    text = q.text
    if q.type in {"integer", "number"}:
        text += "\n（直接打字回答，数字或“三年半”“一年多”这样的说法都可以）"
    elif q.type == "date":
        text = q.text.split("？")[0] + "？\n（直接打字回答，例如“2019年6月”“去年”或“2019-06-30”）"
    elif q.type == "text":
        text += "\n（直接打字回答，或点下面的地区）"
    return Reply(
        kind="question",
        text=_with_hint(text, q.hint),
        buttons=_rows(buttons),
        asks=q.fact,
        free_text=q.type in {"integer", "number", "date", "text"},
    )


def _with_hint(text: str, hint: str) -> str:
    return f"{text}\n💡 {hint}" if hint else text


def _rows(buttons: list[Button]) -> tuple[tuple[Button, ...], ...]:
    if all(len(b.label) <= 6 for b in buttons):
        return tuple(tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3))
    return tuple((b,) for b in buttons)


def acknowledge(q: NextQuestion, answer: str, note: str | None, replaces_previous: bool) -> Reply:
    suffix = f"（{note}）" if note else ""
    return Reply(
        kind="acknowledge",
        text=f"{q.text.split('？')[0]}？\n✔️ {answer}{suffix}",
        asks=q.fact,
        replaces_previous=replaces_previous,
    )


# -- facts ---------------------------------------------------------------------------------------


def fact_value(facts: FactRegistry, fact: str, value: Any) -> str:
    if value is None:
        return "不清楚"
    spec = facts[fact]
    if spec.type == "boolean":
        return "是" if value else "否"
    if spec.type == "enum_list":
        return "、".join(spec.option_label(v) for v in value) or "都不是"
    if spec.type == "date" and isinstance(value, str):
        value = date.fromisoformat(value)
    return spec.format_value(value)


def fact_lines(
    facts: FactRegistry, values: dict[str, Any], notes: dict[str, str], before: dict[str, Any], region: str
) -> list[str]:
    lines = []
    for fact in sorted(values, key=lambda f: facts.priority.get(f, 999)):
        shown = fact_value(facts, fact, values[fact])
        if fact == "region" and region:
            shown += f"（{region}）"
        if fact in before and before[fact] != values[fact]:
            shown = f"{fact_value(facts, fact, before[fact])} → {shown}"
        note = f"（{notes[fact]}）" if fact in notes else ""
        lines.append(f"· {facts[fact].label}：{shown}{note}")
    return lines


def confirm(lines: list[str], facts: dict[str, Any], is_change: bool) -> Reply:
    head = "我理解您要更正的是：" if is_change else "我从您的话里了解到："
    text = "\n".join(
        [head, *lines, "", "对吗？对的话我接着帮您查能享受哪些补贴；不对的地方直接告诉我，例如“我是2020年毕业的”。"]
    )
    buttons = (
        (Button(label="✅ 对，继续", action=actions.CONFIRM), Button(label="✏️ 有不对的", action=actions.FIX)),
        (Button(label="✖️ 不用了", action=actions.DROP),),
    )
    return Reply(kind="confirm", text=text, buttons=buttons, facts=facts)


def settled(lines: list[str], kept: bool, replaces_previous: bool) -> Reply:
    """What became of a confirmation: kept (好的，已记下) or dropped (不记录了)."""
    head = "✔️ 好的，已记下：" if kept else "✖️ 好的，刚才的内容不记录了："
    return Reply(kind="acknowledge", text="\n".join([head, *lines]), replaces_previous=replaces_previous)


def profile(lines: list[str], facts: dict[str, Any]) -> Reply:
    if not lines:
        return Reply(
            kind="profile",
            text="我还不知道您的任何情况。介绍一下自己，或者点“查查我能领哪些补贴”。",
            buttons=((CHECK_BUTTON,),),
        )
    text = "\n".join(
        [
            "【我知道的您的情况】",
            *lines,
            "",
            "要更正直接告诉我，例如“我参保其实是5年”。这些资料只用于本次查询，/forget 可全部删除。",
        ]
    )
    return Reply(kind="profile", text=text, buttons=((CONTINUE_BUTTON, RESET_BUTTON), (FORGET_BUTTON,)), facts=facts)


# -- answers, clauses, sources -------------------------------------------------------------------


def clause_button(clause_id: str, label: ClauseLabel) -> Button:
    return Button(label=f"📄 查看条款原文 {label(clause_id)}", action=actions.clause(clause_id))


def answer(result: AnswerResult, label: ClauseLabel, offer_check: bool) -> Reply:
    ids = list(dict.fromkeys(c.clause_id for c in result.citations))
    rows: list[tuple[Button, ...]] = [(clause_button(i, label),) for i in ids]
    if offer_check:
        rows.append((CHECK_BUTTON,))
    if result.status != "answered" and not result.citations:
        rows.append((SOURCES_BUTTON,))
    return Reply(kind="answer", text=result.answer, buttons=tuple(rows), citations=tuple(result.citations))


def clause(citation: Citation, document: Document) -> Reply:
    lines = [f"【{format_reference(citation, document.document_number)}】", citation.text]
    if document.is_draft:
        lines.append("\n⚠️ 该文件是征求意见稿（草案），并非正式施行的文件，请以正式文件为准。")
    return Reply(kind="clause", text="\n".join(lines), citations=(citation,))


def sources(documents: Iterable[Document]) -> Reply:
    lines = ["【收录的政策文件】"]
    for number, doc in enumerate(documents, start=1):
        status = "，征求意见稿（草案）" if doc.is_draft else ""
        signed = f"{doc.signed.year}年{doc.signed.month}月{doc.signed.day}日"
        lines.append(f"{number}. 《{doc.title}》\n   {doc.issuer}，{signed}{status}")
    lines.append("\n问政策时带上地名（例如“延吉”“巴中市恩阳区”），我会优先引用当地的文件。")
    return Reply(kind="sources", text="\n".join(lines), buttons=((CHECK_BUTTON,),))


# -- results -------------------------------------------------------------------------------------


def results(result: CheckResult, label: ClauseLabel, fact_label: FactLabel) -> Reply:
    applicant = [b for b in result.benefits if b.beneficiary == "applicant"]
    others = [b for b in result.benefits if b.beneficiary != "applicant"]
    eligible = [b for b in applicant if b.status == "eligible"]
    possible = [b for b in applicant if b.status == "possibly_eligible"]
    for_others = [b for b in others if b.status in {"eligible", "possibly_eligible"}]
    ineligible = [b for b in applicant if b.status == "ineligible"]
    near = [b for b in ineligible if _is_near_miss(b)][:NEAR_MISSES]
    lines = [f"【查询结果】{result.message}"]
    if any(b.document_status == "draft" for b in result.benefits):
        lines.append("⚠️ 该地收录的文件是征求意见稿（草案），不是正式施行的文件，以下结果以正式文件为准。")
    shown: list[BenefitResult] = []

    def section(title: str, benefits: list[BenefitResult], detail: Callable[[BenefitResult], list[str]]) -> None:
        if not benefits:
            return
        lines.append(f"\n{title}（{len(benefits)}项）")
        for benefit in benefits:
            shown.append(benefit)
            lines.append(f"{len(shown)}. {benefit.name}")
            lines.extend(f"   {line}" for line in detail(benefit))
            lines.append(f"   依据：{'、'.join(label(c.clause_id) for c in benefit.citations)}")

    section("✅ 您可以享受", eligible, _eligible_detail)
    section("❓ 可能可以享受，还需确认", possible, lambda b: _possible_detail(b, fact_label))
    section("🏢 招用您的单位（机构）可享受", for_others, _other_detail)
    section("⚠️ 差一点符合", near, lambda b: [f"原因：{b.reasons[0]}"])
    if not eligible and not possible:
        lines.append("\n按您目前的情况，暂时没有找到您本人可以直接享受的补贴。")
    rest = len(ineligible) - len(near) + sum(1 for b in others if b.status == "ineligible")
    if rest > 0:
        lines.append(f"\n另有 {rest} 项不符合条件，点“查看全部原因”可以看每一项。")
    expired = [b for b in result.benefits if b.status == "expired"]
    if expired:
        lines.append(f"已过期的时限性措施 {len(expired)} 项：{'、'.join(b.name for b in expired)}。")
    lines.append(f"\n{DISCLAIMER}\n要更正资料直接告诉我，例如“我参保其实是5年”。")
    clause_ids = list(dict.fromkeys(c.clause_id for b in shown for c in b.citations))
    clause_buttons = [clause_button(i, label) for i in clause_ids]
    rows = [tuple(clause_buttons[i : i + 2]) for i in range(0, len(clause_buttons), 2)]
    last = [PROFILE_BUTTON, RESET_BUTTON]
    if any(b.status == "ineligible" for b in result.benefits):
        last.append(Button(label="查看全部原因", action=actions.MORE))
    rows.append(tuple(last))
    cards = tuple(_card(b) for b in result.benefits)
    return Reply(kind="results", text="\n".join(lines), buttons=tuple(rows), benefits=cards)


def _is_near_miss(benefit: BenefitResult) -> bool:
    """Failed on one requirement with a figure (参保满3年, 毕业年度, 12个月内) — not on who one is."""
    return (
        len(benefit.reasons) == 1
        and len(benefit.reasons[0]) <= NEAR_MISS_CHARS
        and any(ch.isdigit() for ch in benefit.reasons[0])
    )


def _warnings(benefit: BenefitResult) -> list[str]:
    if benefit.valid_to is None:
        return []
    end = benefit.valid_to
    return [f"⏰ 时限性措施，有效期至{end.year}年{end.month}月{end.day}日"]


def _eligible_detail(benefit: BenefitResult) -> list[str]:
    amount = [f"标准：{benefit.amount}"] if benefit.amount else []
    return amount + _warnings(benefit)


def _possible_detail(benefit: BenefitResult, fact_label: FactLabel) -> list[str]:
    amount = [f"标准：{benefit.amount}"] if benefit.amount else []
    labels = "、".join(dict.fromkeys(fact_label(f) for f in benefit.missing_facts))
    missing = [f"还需确认：{labels}"] if labels else []
    return amount + missing + _warnings(benefit)


def _other_detail(benefit: BenefitResult) -> list[str]:
    status = "" if benefit.status == "eligible" else "（可能，还需确认）"
    amount = [f"标准：{benefit.amount}"] if benefit.amount else []
    return [f"{benefit.beneficiary_label}{status}", *amount, *_warnings(benefit)]


def all_reasons(result: CheckResult) -> Reply:
    failed = [b for b in result.benefits if b.status == "ineligible"]
    if not failed:
        return notice("没有不符合条件的项目。")
    lines = ["【不符合条件的项目和原因】"]
    for number, benefit in enumerate(failed, start=1):
        lines.append(f"{number}. {benefit.name}")
        lines.extend(f"   · {reason}" for reason in benefit.reasons)
    return Reply(kind="results", text="\n".join(lines), benefits=tuple(_card(b) for b in failed))


def _card(benefit: BenefitResult) -> BenefitCard:
    return BenefitCard(
        id=benefit.id,
        name=benefit.name,
        status=benefit.status,
        beneficiary=benefit.beneficiary_label,
        amount=benefit.amount,
        reasons=benefit.reasons,
        clause_ids=tuple(c.clause_id for c in benefit.citations),
    )
