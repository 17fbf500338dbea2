"""The figures a piece of a clause states, and which of them it grants (knowledge.derive cuts the
pieces): money, shares and periods after the grant verb are the grant's; a figure before it is a
condition (正常经营1年以上), unless it is the standard the grant is paid by (按每户5000元标准给予) or the
sum an amount noun states (贷款额度最高50万元); a figure a condition reaches (达到30%, 满6个月) or bounds
(3人以上) never is; the wording a revision replaces grants nothing."""

from __future__ import annotations

import re

from knowledge.measures import Amount, AmountKind

ROW = "｜"  # cells of a table row read as one line (knowledge.filetext, knowledge.docx)
# A sum written in Chinese numerals (五千元, 一万元, 两千元) or in 大写 (陆仟元, 壹万贰仟元), as county
# documents and forms write money: it starts with a digit (or 十), so 千元/万元 alone is no sum.
CHINESE_MONEY = (
    r"(?<![统唯第万])(?=[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾])"
    r"[一二两三四五六七八九十百千万零〇壹贰叁肆伍陆柒捌玖拾佰仟]{1,8}(?<=[一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟])(?:万元|元)"
)
FIGURE = re.compile(
    r"(?:一次性|最高|不超过|最长|每人每月|每人每年|每人每天|每人|每月|每年|每天|按)?"
    # (a year of the calendar, 2025年 or 2025年度, is a date and no figure of any grant; 天 counts days of a
    # period — 最长不超过60天 — while 日 is left to dates, 1日至15日)
    # (a clock time after its day or part of day, 2026年11月30日17：00 or 上午9：00, is when, no ratio like 1：1)
    r"(?:\d+(?:\.\d+)?(?:万元|元|%|个月|天)|(?<![\d.])\d{1,3}(?:\.\d+)?年|\d+/\d+|(?<![\d日午晚])\d+：\d+|[一二三四五六七八九十]分之[一二三四五六七八九]"
    # a share said aloud or written out (百分之六十, 百分之二点五), as a transcript or a county notice writes it
    r"|百分之[一二三四五六七八九十][一二三四五六七八九十点零]{0,4}"
    rf"|{CHINESE_MONEY})"
)
_BOUNDS = ("以上", "以下", "以内", "内", "及以上", "及以下")

# A comma part that grants a figure of its own: a grant verb and a figure that is no condition.
# The copula after a measure's own amount noun states what it grants (个人创业担保贷款额度最高为30万元):
# 额度/金额/限额 name the sum itself, so the figure after them is no condition. (标准为 is left out: a
# grade's 标准为 needs names cut to the grade first — docs/document-intake.md, session 20.)
_STATED_AMOUNT = r"(?:额度|金额|限额)(?:最高|最多|上限)?(?:为|是)"
# …and so does a figure right after them (小微企业最高额度400万元), or a sum lent at that amount (可按每人
# 不超过30万元、总额不超过110万元的额度发放).
_AMOUNT_BEFORE_FIGURE = r"(?:额度|金额|限额)(?:最高|最多|上限)?(?=[0-9０-９])|的额度(?:发放|放贷|贷款)"
_GRANT_VERB = re.compile(
    rf"给予|返还|申请|提高到|提高至|调整为|上浮(?:至|到)?|{_STATED_AMOUNT}|{_AMOUNT_BEFORE_FIGURE}"
    # a limit a document sets by the administrative 按…掌握/核定 (合伙创业的，按每人最高50万元、总额不超过300万元掌握)
    r"|按[^，,。；;]{1,30}?(?:掌握|核定)"
)
# Right before its figure the copula may be left out, as a table cell or a list says it (贷款额度最高50万元).
_STATED_AMOUNT_BEFORE = re.compile(r"(?:额度|金额|限额)(?:最高|最多|上限)?(?:为|是)?$")


def grants_a_figure(part: str) -> bool:
    """A grant verb and a figure that is neither a condition nor a period: the part grants by itself."""
    verb = _GRANT_VERB.search(part)
    return bool(verb) and any(a.kind not in (AmountKind.THRESHOLD, AmountKind.DURATION) for a in amounts(part))


# The wording a revision replaces (将第七条中“给予5000元…”修改为“给予8000元…”) grants nothing any more.
_REPLACED = re.compile(r"“[^“”]*”(?=(?:修改|调整|修订|替换|改)为)")
# So does the standard a raise starts from (标准由原来的每户5000元提高到每户8000元): the figure after 由 is
# what the standard was, the one after the verb what it is.
_RAISED_FROM = re.compile(
    r"(?:由|从)(?:原来的|原来|原|过去的)?[^，,。；“”]{0,20}?(?=(?:提高|上调|调整|增加|提升)(?:到|至|为))"
)

# …and a comparison with what was granted before (给予一次性创业补贴6000元，较原细则的4000元提高2000元): the old sum
# and the difference are what changed, not what is granted (比例 is no comparison, 提高到 says the new sum).
_COMPARED = re.compile(
    r"(?:较|比(?!例|重))[^，,。；“”]{0,20}?(?:提高|增加|上调|提升|降低|减少|下调)(?![到至为])[^，,。；“”]{0,12}"
)


# A speaker taking back what they just said (每户3000元——不好意思，刚才口误，应该是每户5000元; …1200元，更正一下，
# 是1500元): the figure said last before the correction is withdrawn, the one after it stands.
_CORRECTION = re.compile(r"口误|说错了?|讲错了?|念错了?|写错了?|更正一下|纠正一下|更正为|纠正为|订正为")


# Where a sentence ends: a correction takes back a figure of its own sentence only.
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def _without_retracted(piece: str) -> str:
    """The piece with each figure its speaker corrected left out (the last figure before each correction).

    A correction takes a figure back only when it replaces it: the figure said before it and the figure it
    gives instead stand in the same sentence as the correction word. Notice wording about correcting other
    things (填写错误的，更正为正确信息后重新申报; 如发现名单写错了姓名，请联系社区更正) withdraws nothing."""
    for correction in reversed(list(_CORRECTION.finditer(piece))):
        start = max((m.end() for m in _SENTENCE_END.finditer(piece, 0, correction.start())), default=0)
        end_match = _SENTENCE_END.search(piece, correction.end())
        end = end_match.start() if end_match else len(piece)
        if not FIGURE.search(piece, correction.end(), end):
            continue
        said = [
            m
            for m in FIGURE.finditer(piece, start, correction.start())
            if not _CORRECTION.search(piece, m.end(), correction.start())
        ]
        if said:
            piece = piece[: said[-1].start()] + piece[said[-1].end() :]
    return piece


def amounts(piece: str) -> tuple[Amount, ...]:
    """Every figure of the piece in text order, each with its kind (a condition's is a threshold)."""
    piece = _COMPARED.sub("", _RAISED_FROM.sub("由", _REPLACED.sub("“”", _without_retracted(piece))))
    if ROW in piece:
        # A table row: each cell says one thing (who, on what condition, how much); a grant verb in the
        # standard's cell governs no figure of the condition's cell, nor the reverse.
        return tuple(amount for cell in piece.split(ROW) for amount in amounts(cell))
    grant = piece.find("给予")
    found: list[Amount] = []
    for match in FIGURE.finditer(piece):
        text = match.group(0)
        # A figure before the grant verb belongs to the condition (正常经营1年以上), not the grant;
        # so does one that bounds a condition where no verb says so (签订1年以上劳动合同的，每人2000元).
        before_grant = grant >= 0 and match.start() < grant
        is_condition = (
            (
                before_grant
                and not _is_grant_figure(piece[: match.start()], piece[match.end() : grant])
                and not _STATED_AMOUNT_BEFORE.search(piece[: match.start()])
                and not _stated_apart(piece[: match.start()], piece[match.end() : grant])
            )
            or piece.startswith(_BOUNDS, match.end())
            or piece[: match.start()].endswith(_REACHES)
            or _reaches_through(piece[: match.start()])
        )
        kind = AmountKind.THRESHOLD if is_condition else _amount_kind(text)
        if kind is AmountKind.RATIO and (base := _BASE_OF_RATE.search(piece[: match.start()])):
            text = base.group() + text  # 按当地最低工资标准的60%: a share is shown with what it is a share of
        found.append(Amount(text=text, kind=kind))
    return tuple(found)


# What a granted share is a share of, said right before it (按当地最低工资标准的60%, 按实际租金的50%,
# 按其实际缴费额的2/3): the base travels with the rate, or 60% reads as a sum of nothing.
_BASE = r"按(?:照)?[^，,；;。：:｜“”按]{2,20}?的"
_BASE_OF_RATE = re.compile(_BASE + "$")
# …and an amount's text then starts with it (按2019年度全省职工平均工资的60%).
_BASE_OF_FIGURE = re.compile(rf"^{_BASE}(?=[\d０-９])")


def without_base(text: str) -> str:
    """An amount's own figure without the base its share is said with (60% of 按2019年度…平均工资的60%):
    the base's words (a year, a period, a head count) describe what the share is of, and are none of
    the grant's own figures — 2019年度 answers no question of when, 近3年 none of how long."""
    return _BASE_OF_FIGURE.sub("", text)


# A figure a condition reaches (达到30%, 满6个月, 超过100人) is never the grant's.
_REACHES = ("达到", "达", "满", "超过", "不低于", "不少于", "低于", "高于", "不足", "不满", "未满")
# …nor one a comparison reaches through the whole it is a share of (裁员率不高于参保职工总数20%, 人数达到职工总数
# 15%): the words between the comparison and the figure name what is counted.
_REACHES_WHAT = re.compile(rf"(?:{'|'.join(_REACHES)})([\u4e00-\u9fff]{{2,10}})$")
_GRANT_WORD = re.compile(r"给|补|贴|奖|贷|发|付|享受|标准|的|每")


def _reaches_through(before: str) -> bool:
    """The figure ends a comparison whose middle words are a noun — no grant verb or word, no 的 or 每 among them."""
    reach = _REACHES_WHAT.search(before)
    return reach is not None and not _GRANT_VERB.search(reach.group(1)) and not _GRANT_WORD.search(reach.group(1))


def _is_grant_figure(before: str, between: str) -> bool:
    """A figure before the grant verb is the grant's own when it is the standard the grant is paid
    by (按每户5000元标准给予, 按最低工资标准的60%给予): 按 opens its phrase and nothing but the word
    标准 (or 额度, the sum a loan is paid by: 按每人不超过30万元、总额不超过200万元的额度给予贷款) lies between
    it and the verb; a condition ends with 的 (…达到30%的企业给予, …的，给予)."""
    phrase = re.split(r"[，,；。]", before)[-1]
    return "按" in phrase and not re.search(r"[，,；。]|以上|以下|以内|的(?!标准|额度)", between)


def _stated_apart(before: str, between: str) -> bool:
    """A sum stated in a comma part of its own before a later grant (小微企业最高400万元，按规定给予贴息;
    岗位补贴每人每月800元，并按规定给予社会保险补贴): no condition — a condition's part says whom or what
    it picks out with 的 (正常经营的，给予), and a bound or a reach (1年以上, 满6个月) is read apart."""
    own = re.split(r"[，,；。]", before)[-1] + re.split(r"[，,]", between, maxsplit=1)[0]
    return bool(re.search(r"[，,]", between)) and "的" not in own and not re.search(r"[，,；。]", before[-1:])


def _amount_kind(text: str) -> AmountKind:
    if text.endswith(("个月", "年", "天")):
        return AmountKind.DURATION
    if text.startswith(("最高", "不超过")):
        return AmountKind.CAP
    if text.startswith("每"):
        return AmountKind.RATE
    if text.endswith("%") or "/" in text or "：" in text or "分之" in text:
        return AmountKind.RATIO
    return AmountKind.FIXED


# What a condition bounds of the person or their work, with its unit: an age (年龄原则上不超过65周岁), a length of
# time (正常经营1年以上, 连续缴纳社会保险满6个月, 毕业后6个月内申请), hours or days of work (每月工作时间不少于60小时).
# 不超过 bounds only an age: 期限不超过2年 is how long the grant runs, a figure it grants.
_BOUNDED = re.compile(
    rf"(?P<reach>{'|'.join(_REACHES)}|不超过)?\s*\d+(?:\.\d+)?\s*(?P<unit>周岁|岁|个月|年|小时|学时|课时|个工作日|天)"
    r"(?P<side>以上|以下|以内|及以上|及以下|之内|内)?"
)
_UNIT_KINDS = {"周岁": "age", "岁": "age", "小时": "hours", "学时": "hours", "课时": "hours"}
_PHRASES = re.compile(r"[^，,；;。：:]+")


def bounded_conditions(span: str) -> tuple[tuple[str, str], ...]:
    """The phrases of a measure's sentence that bound a condition (年龄原则上不超过65周岁), each with the kind of figure
    it bounds — `age`, `duration` or `hours` —, verbatim: what one must be or have done, never what is granted (no
    phrase that grants a figure, states a sum or a share)."""
    found: list[tuple[str, str]] = []
    for phrase in (m.group().strip() for m in _PHRASES.finditer(span)):
        if not phrase or grants_a_figure(phrase) or re.search(r"\d[万千]?元|%|％", phrase):
            continue
        for bound in _BOUNDED.finditer(phrase):
            kind = _UNIT_KINDS.get(bound["unit"], "duration")
            reach = bound["reach"]
            if (reach == "不超过" and kind != "age") or not (reach or bound["side"]):
                continue
            found.append((phrase, kind))
            break
    return tuple(found)
