"""Measure units for a document nobody has curated yet (issue 10): a deployment loads its own city's
documents, and answers must work the day they are published.

Each clause is cut at sentence and semicolon boundaries; a piece that grants something (给予, 补贴,
贷款 …) becomes one measure with its verbatim span, a name taken from the text (the noun ending in
补贴/补助/贷款… that is granted), who receives it (对…企业/单位 … 给予 → the employer) and its figures
(money, shares and periods after the grant verb; figures before it are conditions, never amounts).
Curated files (`knowledge/measures/*.yaml`) replace these units for the documents they cover.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping

from knowledge.attached import joined_to_attachments
from knowledge.clauses import Clause
from knowledge.granted_figures import FIGURE, ROW, amounts, grants_a_figure
from knowledge.labels import SPEAKER_TURN, Style, read_label, timed_turn, without_turn_label
from knowledge.lexical import sentence_lines, split_sentences
from knowledge.listed import listed_items, respectively_items
from knowledge.measures import Amount, AmountKind, Beneficiary, Measure, MeasureKind
from knowledge.slides import is_slide

# What a granting piece says. A piece without any of these (a goal, a duty, a slogan) is no measure.
# (扣减/减征: a tax credit — 按实际招用人数予以定额依次扣减增值税…，定额标准为每人每年9000元. 给补: 给予 as a speaker
# says it — 区里按您实际缴费的70%给补 — never 给补上/补齐/补交, which make good what is owed.)
_GRANTS = re.compile(
    r"给予|补贴|补助|奖补|奖励|贷款|贴息|减免|免收|免费|资助|返还|保险金|津贴|援助|扣减|减征|给补(?![上齐交缴办录发])"
    # a cost covered, said as people say it (每人每天补生活费50元, 补路费): never 补缴/补交 (paying arrears)
    r"|补(?![上齐交缴办录发])[\u4e00-\u9fff]{0,3}费"
)
# A grant word followed by 资金 names a fund (就业补助资金, 奖补资金), not what is granted.
_SUFFIX = re.compile(r"(?:补助金|补贴|补助|奖补|奖励|贷款|贴息|返还|保险金|津贴|资助)(?!资金)")


def _says_a_grant(piece: str) -> bool:
    """A grant word not naming a fund (本办法所需资金从就业补助资金中列支 grants nothing)."""
    return any(not piece.startswith("资金", m.end()) for m in _GRANTS.finditer(piece))


# Where a name cannot reach back past: figures, particles, grant verbs, conjunctions, punctuation. (以 of a
# 以X代Y name — 以工代训, 以奖代补, 以工代赈 — is the name's own first word.)
_BOUNDARY = re.compile(
    r"[^\u4e00-\u9fff]|给予|申请|享受|一次性|按规定|年度|元|年|的|和|及|或|为|对|按|可|人|予|以[上下内]|以(?!.代)|其|"
    # a share said in words (…的百分之六十返还) is a figure, as 60% is: no word of the grant's name
    r"百分之[一二三四五六七八九十点零]+|"
    r"拨付|发放|拿|领取|领(?!军|导)|请问|能不能|能否|可不可以|"
    r"落实|降低|提高|扩大|完善|实施|加大|利用|运用|增加|取消|建立|健全|纳入|通过|将|在|记"
)
# The payee ends the 对… phrase: 对吸纳…的企业，给予 pays the employer; 对到本县企业就业的高校毕业生，给予
# pays the graduate (企业 followed by 的 only modifies the person).
_EMPLOYER = re.compile(
    r"对[^，。；]{0,40}?(?:企业|单位|用人单位|雇主|合作社|经营主体)[^，。；给的]{0,12}[，,]?(?:按[^，。；]{0,20})?给予"
    # …给予见习单位见习补贴, 按每人1500元的标准给予企业一次性吸纳就业补贴: the recipient named after the verb.
    r"|给予(?:[^，。；]{0,4}的)?(?:企业|见习单位|用人单位|用工单位|单位|雇主|合作社|经营主体)"
    # a poster's note of whom it goes to (每人每月2100元（发给见习单位）, 每留用1人奖励单位1000元)
    r"|(?:发给|拨付给|拨给|奖励|奖给)(?:企业|见习单位|用人单位|用工单位|单位|雇主)"
)
_PROVIDER = re.compile(
    r"对[^，。；]{0,40}?(?:机构|基地|园区|平台|孵化器|学校|院校)[^，。；给的]{0,12}[，,]?(?:按[^，。；]{0,20})?给予"
)
# An item's own title: （一）生活补贴。 — a short run of words closed by 。 or ：.
_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,12})[。：:]?$")
# A lead-in that lists conditions (符合下列条件之一的…可以申请…：) is followed by conditions, not grants.
_CONDITIONS = re.compile(r"条件|情形|之一|具备|应当")
_KINDS: tuple[tuple[str, MeasureKind], ...] = (
    ("贷款", MeasureKind.LOAN),
    ("贴息", MeasureKind.LOAN),
    ("社会保险", MeasureKind.INSURANCE),
    ("社保", MeasureKind.INSURANCE),
    ("失业保险金", MeasureKind.ALLOWANCE),
    ("生活补助", MeasureKind.ALLOWANCE),
    ("津贴", MeasureKind.ALLOWANCE),
    ("税", MeasureKind.TAX),
    ("补贴", MeasureKind.SUBSIDY),
    ("补助", MeasureKind.SUBSIDY),
    ("奖", MeasureKind.SUBSIDY),
)


def derive_measures(document_id: str, clauses: Iterable[Clause]) -> tuple[Measure, ...]:
    """One measure per granting piece of every clause, in text order, with stable ids."""
    measures: list[Measure] = []
    for previous, clause in zip((None, *clauses), clauses, strict=False):
        sibling = _sibling_granted(measures, previous, clause)
        pieces = _pieces(clause.body, bulleted=is_slide(clause.label))
        title = _table_title(clause.text)
        # A question over its answer naming what it asks of (问5：创业担保贷款能贷多少？): a figure its answer
        # grants without naming it again (个人创业者最高可申请30万元) is that measure's — and so is a sum the
        # answer states with no verb at all (问：技能提升补贴标准是多少？答：初级工每人1000元，…).
        heading = clause.heading or ""
        asked_of = _granted_noun(heading) if _is_question(heading) else None
        headline = _headline(clause)
        for index, whole in enumerate(pieces, start=1):
            if (
                whole not in clause.text
                or whole == headline
                or _is_grant_list_lead_in(whole)
                or _is_question(whole)
                or _ends(whole)
                or _grants_nothing_it_names(whole)
                or _reports_a_total(whole)
            ):
                continue
            if _STOPPED.search(whole) and not grants_a_figure(whole):
                continue  # says an item stopped (_stopped names it by its heading)
            if ended := _deleted(document_id, clause, index, whole):
                measures.append(ended)
                continue
            context = _enclosing(pieces, index - 1)
            if _CONDITION_FIELD.match(whole) or (context and _CONDITION_FIELD.match(context[0].strip())):
                continue  # 补贴对象：…正常运营6个月以上的… says who, not what is granted
            # An item of a list introduced by a grant (给予以下补贴：/ 贷款按以下规定执行：) grants
            # what its figures say, though it names neither (1.硕士研究生每人每月2000元；); so does a
            # row of a table under a title that names the grant (…补贴标准 / 3—9人｜每人1200元).
            row_of = title if title is not None and ROW in whole else None
            is_granted_item = bool(FIGURE.search(whole)) and (
                row_of is not None
                or any(map(_introduces_grants, context))
                or _keyed_under_grant(whole, clause.heading)
                or (asked_of and (grants_a_figure(whole) or (_states_a_sum(whole) and _names_one(asked_of))))
            )
            announced = _last_announced(measures, clause.id)
            earlier = _lead_in_named(pieces, index - 1) or announced or _last_granted(measures, clause.id)
            in_row = ROW in clause.text
            # After a measure announced with no figure (一、创业带动就业补贴。初创企业…满6个月的，…按每人1500元
            # 给予补贴), a piece opening with its condition grants that measure itself, not a variant named by it.
            raised = _raised(whole) or (
                (
                    (None if announced else _condition_variant(whole, in_row))
                    or _subject_variant(whole)
                    or _same_standard(whole)
                )
                if earlier
                else None
            )
            revised = (
                not _GRANTS.search(whole)
                and _REVISED_STANDARD.search(whole) is not None
                and any(a.kind not in (AmountKind.THRESHOLD, AmountKind.DURATION) for a in amounts(whole))
            )
            if not (_says_a_grant(whole) or is_granted_item or (raised is not None and earlier) or revised):
                continue
            grants = _grants(whole)
            base = ""
            if raised is not None and earlier:
                # 创业者为残疾人的，补贴标准提高至8000元: a variant of the measure just granted
                base, grants = earlier, [(whole, raised)]
            for part, (piece, told_by) in enumerate(grants):
                own = _granted_noun(piece) if part or raised is not None else None
                if own and base and ((own != base and base.endswith(own)) or _SAME_STANDARD.search(f"按{own}")):
                    # …给予就业见习补贴；留用率…的，见习补贴标准提高至…: the measure just granted, said short
                    # (or by the standard it is paid by: 按同一标准补贴)
                    own = base
                if period := _period_measure(piece, told_by):
                    own, base = None, period  # one measure, each group's own period
                name = own or base or (row_of and _granted_noun(row_of)) or _revised_subject(piece, revised)
                if not name:
                    name = _name(piece, context, clause)
                    if (
                        earlier
                        and earlier != name
                        and earlier in name
                        and name == _heading_of(clause)
                        and _condition_opening(piece)
                    ):
                        # 合伙创业的，可按…不超过150万元的额度申请 under （四）加大创业担保贷款支持, after the
                        # 创业担保贷款 it grants first: a condition's own grant of the measure the heading
                        # names by a phrase around it — that measure for the group the condition names.
                        name = earlier
                    elif (
                        name == _heading_of(clause)
                        and (_is_sentence(name) or name == headline)
                        and (said := earlier or _last_named(measures, clause.id))
                    ):
                        # 奖补资金用于基地的运营管理… after …给予一次性奖补20万元: an article's heading is its
                        # first sentence, no name; a later sentence naming nothing speaks of what it granted
                        # (…同样不需要提供反担保 after …免除反担保要求, which grants no figure).
                        name = said
                    # a sentence that names no grant at all (…中小微企业按…的百分之六十返还 — its words up to a cut, no
                    # name) after the measure its clause named: that measure, for its case
                    name = earlier if earlier and not _SUFFIX.search(name) else name
                name = _period_of_earlier(
                    name, piece, context, _last_granted(measures, clause.id, whole=True), clause.heading
                )
                own, name = _item_named(own, _keyed_own_grant(piece) or name, whole, sibling, clause.section_heading)
                # a group's note in brackets (招用脱贫人口（含防止返贫监测对象）) is no part of the tier's name,
                # unless it is what tells the tier from a sibling's (招用登记失业青年（16-24岁）/（25-35岁）)
                # …and a raise whose base this clause does not state (an answer's 在…孵化基地内创业的，补贴标准上浮至
                # 每户12000元, the base in the table above) is the measure for the case its condition says
                qualifier = _note_dropped(told_by, clause.text) or (
                    raised if raised is not None and not earlier else None
                )
                if subject := _subject_of(name, piece, base or earlier):
                    own, name, qualifier = None, base or earlier, subject
                base = base or name
                # A later piece naming the measure the sentence granted first is that measure for its
                # own case (…70%给予见习补贴，留用率…的见习单位，见习补贴标准提高至80%).
                qualified = raised is not None or not own or (part > 0 and own == base)
                suffix = f"_{part + 1}" if len(grants) > 1 else ""
                unit = Measure(
                    id=f"{document_id}.auto_{clause.clause_number:02d}_{index:02d}{suffix}",
                    clause=clause.id,
                    name=f"{name}（{qualifier}）" if qualifier and qualified else name,
                    aliases=(_joined(qualifier, name),) if qualifier and qualified else (),
                    kind=_kind(piece)
                    or _kind(name)
                    or (MeasureKind.SUBSIDY if revised and "元" in piece else MeasureKind.SERVICE),
                    beneficiary=_paid_to(measures, clause.id, base)
                    if raised is not None and earlier
                    else _beneficiary(whole if "给予" in whole else _granting_line(whole, context)),
                    span=piece,
                    amounts=amounts(piece),
                    targets=_listed_groups(piece),
                    derived=True,
                )
                measures.extend(_per_item(unit, name))
    measures = _stopped(document_id, measures, clauses)
    measures = [
        m
        for m in measures
        if not _only_mentioned(m) and not _said_again(m, measures) and not _change_restated(m, measures)
    ]
    measures = _rows_told_apart(measures)
    return tuple(
        _rent_as_said(
            _said_without_field(_base_said(joined_to_attachments(_told_apart(_headed(measures, clauses)), clauses)))
        )
    )


# A keyed line whose key lists the groups it is for (大学生（在校及毕业5年内）、退役军人、返乡创业人员：每户10000元).
_GROUP_KEY = re.compile(r"^([^，,。；：:]{2,60})[：:]")


def _listed_groups(piece: str) -> tuple[str, ...]:
    """The groups a keyed line's key lists, each as written without its note: the tier is named by the first
    (创业补贴（大学生）), and is no less the tier of each other group it lists (退伍 reaches 退役军人 through the
    glossary only when the measure's targets say 退役军人)."""
    key = _GROUP_KEY.match(piece)
    if key is None or "、" not in key.group(1):
        return ()
    groups = tuple(g for g in (_BRACKETED.sub("", part).strip() for part in key.group(1).split("、")) if g)
    return groups if len(groups) > 1 else ()


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
# A note in brackets after a group's words (招用脱贫人口（含防止返贫监测对象）): an item's own number before them is
# left to be read as one.
_NOTE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])[（(][^（）()]*[）)]")


def _note_dropped(group: str | None, text: str) -> str | None:
    """A tier's group without its note in brackets (`_NOTE_AFTER`), but whole where the note is what tells it from
    a sibling tier's the clause writes with the same words and another note (招用登记失业青年（16-24岁）/（25-35岁）:
    both read 招用登记失业青年 bare, one name for two figures)."""
    if not group:
        return group
    bare = _NOTE_AFTER.sub("", group).strip()
    if bare == group.strip():
        return bare
    notes = {m.group(1) for m in re.finditer(re.escape(bare) + r"([（(][^（）()]*[）)])", text)}
    return group.strip() if len(notes) > 1 else bare


# A document's statement of purpose (为规范…管理，…，制定本细则 / 为…，现就…通知如下): it names what the
# document is about, grants nothing.
_PURPOSE = re.compile(
    r"^为[^。；]*?(?:特?制定|出台|印发)(?:本|以下|如下)?[^。；]{0,6}(?:细则|办法|措施|意见|方案|规定|通知)"
    r"|^为[^。；]*?现就[^。；]*?(?:通知|意见)如下"
)

# How to apply, and nothing granted (借款人可通过“闽政通”APP创业担保贷款专区或到…窗口提出申请): the grant word
# names a counter or a service channel, no measure.
_HOW_TO_APPLY = re.compile(r"(?:可|应)?(?:通过|到|向)[^。；]{2,60}?提出申请")
# …or of what befalls fraud (对以虚假材料骗取补贴的，依法追回资金，3年内不得申领): a sanction grants nothing.
_SANCTION = re.compile(r"骗取|冒领|套取|虚报|虚假材料")
# …or whom it is not paid to (在县内务工的没有这个补贴, 不享受此项补贴, 不予补贴): a denial names the measure the
# clause grants elsewhere; and a warning against paying for it (别信“交钱包办补贴”的) names no measure at all.
_DENIAL = re.compile(
    r"(?:(?<!有)没有|不享受|不予|不给予?|不能(?:享受|领取?|申领|申请)|不得(?:享受|申领|申请)|不在)"
    r"(?:这个|这项|此项|该项|上述|以上|这些|[^，。；]{0,4}的)?[^，。；]{0,6}?(?:补贴|补助|奖补|奖励|贷款|政策|范围)"
)
_WARNING = re.compile(r"别信|谨防|防范[^。；]{0,8}诈骗")


# What was paid out in all (全市共发放一次性创业补贴3126万元, 新发放创业担保贷款12.6亿元, 累计发放…1560人次, 共发放…
# 4800户): a report of the work done, as a reply letter or a press release tells it — a sum in any unit of money, or a
# count of the people or households it reached — not a figure anyone is granted.
# (The recipients may be told between: 全县共为412名返乡创业人员发放一次性创业补贴286万元.)
_REPORTED_TOTAL = re.compile(
    r"(?:共|累计|全年|新)(?:计)?(?:为[^，。；]{1,24}?)?(?:发放|拨付|兑现|支付|投放)[^，。；]{0,24}?\d+(?:\.\d+)?[万亿]?"
    r"(?:元|人次|户|人)"
)
# Words that grant to someone: a per-person or per-period standard, a cap. Whole words only: a single 可 or 按
# stands in nearly any sentence (按规定, 可认定的), granting nothing.
_GRANT_TERMS = re.compile(r"最高|不超过|以内|给予|每人|每户|每月|每年")


def _reports_a_total(piece: str) -> bool:
    """The piece tells a total paid out in all, and nothing granted to anyone: no 给予, no 每人, no cap, and no
    figure granted by a verb once the total is set aside (…共发放…1860万元，可申请…5000元 grants the 5000元)."""
    total = _REPORTED_TOTAL.search(piece)
    if total is None:
        return False
    rest = piece[: total.start()] + piece[total.end() :]
    return not _GRANT_TERMS.search(piece) and not grants_a_figure(rest)


def _grants_nothing_it_names(piece: str) -> bool:
    """为规范…管理，制定本细则 / 可通过…APP创业担保贷款专区…提出申请: a grant word in a statement of purpose or of
    how to apply names what the document is about or a service channel, and nothing is granted."""
    said = (
        _PURPOSE.match(piece)
        or _HOW_TO_APPLY.search(piece)
        or _SANCTION.search(piece)
        or _COMBINED.search(piece)
        or _only_denies(piece)
        or _WARNING.search(piece)
    )
    return bool(said) and not grants_a_figure(piece)


def _only_denies(piece: str) -> bool:
    """Every part of the piece that names a grant denies it (租用直系亲属房产的，不予补贴); a part granting beside the
    denial (给予社保补贴，个人应缴纳部分不予补贴) keeps the piece a grant."""
    parts = re.split(r"[，,：:]", piece)
    denied = [part for part in parts if _DENIAL.search(part)]
    return bool(denied) and not any(_says_a_grant(part) for part in parts if part not in denied)


# A sentence saying two measures may be had together (跟上面的交通补贴可以一块领, 可与…同时享受) names a measure granted
# elsewhere: it grants nothing of its own.
_COMBINED = re.compile(r"(?:一块|一起|一并|同时|叠加|重复)(?:领|领取|申领|享受|申请)")


def _is_sentence(heading: str) -> bool:
    """An article's heading cut from its first sentence (对经认定的…基地，给予一次性奖补20万元), not a title."""
    return bool(re.search(r"[，,；;]", heading)) or len(heading) > _LONG_HEADING


_LONG_HEADING = 20


# Words asking which or whether (有什么补贴, 有没有补贴, 哪些补贴): no measure's name.
_ASKING_WORD = re.compile(r"什么|哪些|哪种|哪个|有没有|啥|多少")


def _names_one(asked_of: str) -> bool:
    """A question's noun names one measure (技能提升补贴), not which there are (有什么补贴): only then is a
    sum its answer states without a verb that measure's."""
    return _ASKING_WORD.search(asked_of) is None


# The grant a standard's lead-in opens with (一次性创业补贴按创业主体类型…分档给予，具体标准如下：).
_LEADING_GRANT = re.compile(
    r"^([\u4e00-\u9fff]{2,16}?(?:补贴|补助|奖补|奖励|资助|贷款|贴息))(?=按|实行|分|的|标准|[，：:])"
)
# A cell that tells no tier apart (不限, 无, —).
_ANY_CELL = re.compile(r"^(?:不限|无|—+|-+|/|／)$")


def _rows_told_apart(measures: list[Measure]) -> list[Measure]:
    """Rows of one table under a lead-in that names the grant (一次性创业补贴按…分档给予，具体标准如下： /
    小微企业｜3—5人｜8000元), cut alike and named by that whole lead-in: each is the grant for the tier its
    other cells say — 一次性创业补贴（小微企业，3—5人）, 一次性创业补贴（个体工商户） — as a curator would
    name them; a cell saying any (不限) tells nothing apart."""
    groups: dict[tuple[str, str], list[int]] = {}
    for at, measure in enumerate(measures):
        if ROW in measure.span and not measure.ended:
            groups.setdefault((measure.clause, measure.name), []).append(at)
    named = list(measures)
    for (_, name), members in groups.items():
        lead = _LEADING_GRANT.match(name)
        if len(members) < 2 or lead is None or lead.group(1) == name:
            continue
        base = lead.group(1)
        for at in members:
            unit = measures[at]
            paid = [a.text for a in unit.amounts if a.kind not in (AmountKind.THRESHOLD, AmountKind.DURATION)]
            cells = [
                cell.strip()
                for cell in unit.span.split(ROW)
                if cell.strip() and not _ANY_CELL.match(cell.strip()) and not any(text in cell for text in paid)
            ]
            if cells:
                qualifier = "，".join(cells)
                named[at] = unit.model_copy(
                    update={"name": f"{base}（{qualifier}）", "aliases": (*unit.aliases, _joined(cells[0], base))}
                )
    return named


# A sentence that grants nothing but names measures to say how they go together (该补助与一次性吸纳
# 就业补贴不可重复享受) or points back at them (本项补助受理截止时间为…, 各项补贴由…申请): no unit of its own.
_NOT_COMBINED = re.compile(r"不(?:可|得|能|予)?重复享受|就高不重复")
_POINTS_BACK = re.compile(r"^(?:本项|本条|各项|该项|此项|上述|以上|该)")


def _only_mentioned(measure: Measure) -> bool:
    if measure.amounts or measure.ended:
        return False
    return bool(_POINTS_BACK.match(measure.name) or _NOT_COMBINED.search(measure.span))


def _said_again(measure: Measure, measures: list[Measure]) -> bool:
    """A unit of no figure whose name ends a granting unit's of the same clause (稳岗返还由…经办机构通过
    “免申即享”方式直接发放 after 失业保险稳岗返还（中小微企业）…60%): the measure said again for how it is
    paid, no measure beside it — named by its exact name, it took questions from the one with figures. So is a unit
    whose figures are all conditions (…裁员率不高于参保职工总数5%的，可以享受稳岗返还 before 大型企业按…30%返还): who
    may have the measure, whose figures its tiers state."""
    granted = [a for a in measure.amounts if a.kind is not AmountKind.THRESHOLD]
    if granted or measure.ended or len(measure.name) < _MIN_SAID_AGAIN:
        return False
    return any(
        other.clause == measure.clause
        and other is not measure
        and other.amounts
        and _QUALIFIED.sub("", other.name).endswith(_QUALIFIED.sub("", measure.name))
        for other in measures
    )


_MIN_SAID_AGAIN = 3

# A revision's summary of what it changed (补贴标准由原“5000元”调整为“8000元”): the old figure and the new.
_CHANGE_SUMMARY = re.compile(r"由原?[“\"][^“”\"]*[”\"](?:调整|修改|提高|降低|延长|缩短|变更)为")


def _change_restated(measure: Measure, measures: list[Measure]) -> bool:
    """A revision's summary of a change (个人贷款额度由原“20万元”调整为“30万元”) after the article's new
    wording that grants the new figure (可申请最高30万元的创业担保贷款): the figure said again, no unit of
    its own — the new wording is the measure, the old figure is no one's, and the summary took tier
    names and questions from the units of the new wording."""
    if not _CHANGE_SUMMARY.search(measure.span):
        return False
    paid = [a.text for a in measure.amounts if a.kind is not AmountKind.THRESHOLD]
    granted = [
        a.text
        for other in measures
        if other.clause == measure.clause and other is not measure and not _CHANGE_SUMMARY.search(other.span)
        for a in other.amounts
    ]
    return bool(paid) and all(any(text in figure for figure in granted) for text in paid)


def _heading_of(clause: Clause) -> str:
    return (clause.heading or "").strip().rstrip("：:。；，,")


def _base_said(measures: list[Measure]) -> list[Measure]:
    """Units of a clause that are all tiers of one measure (创业补贴（个体工商户）, 创业补贴（小微企业）) with
    no unit of the plain name: a question naming the measure plainly (创业补贴到哪里申请) names each of
    them, so the plain name is an alias of each; a clause holding the plain unit keeps it for that name."""
    # (a unit qualified by words of its own name — 租房补贴（租房） — is the plain one)
    plain = {
        (m.clause, _QUALIFIED.sub("", m.name))
        for m in measures
        if _QUALIFIED.sub("", m.name) == m.name
        or ((q := _QUALIFIED.search(m.name)) and q.group(0)[1:-1] in m.name[: q.start()])
    }
    out: list[Measure] = []
    for measure in measures:
        base = _QUALIFIED.sub("", measure.name)
        if base == measure.name or (measure.clause, base) in plain or base in measure.aliases or len(base) < 3:
            out.append(measure)
            continue
        out.append(measure.model_copy(update={"aliases": (*measure.aliases, base)}))
    return out


# An item a page says no longer runs (一次性扩岗补助（已停止受理）, 该补助已于…执行期满，不再受理申请).
_STOPPED = re.compile(r"停止受理|不再受理|停止执行|暂停执行|暂停受理|执行期满|已废止|不再执行|停止申报|不再办理")
_STATUS_IN_BRACKETS = re.compile(r"[（(][^（）()]*(?:停止|不再|期满|废止)[^（）()]*[）)]")


# A sentence that stops what an earlier document set (原《…》规定的…每户2000元…标准同时停止执行, 原标准不再
# 执行): the old standard ended, replaced by the one this clause sets — this clause's measures run on.
# (原 of 原则上, 原因, 原籍, 高原 … is no "former": 原则上…本政策…期满后不再执行 ends this clause's own measure)
_OLD_STANDARD_STOPS = re.compile(
    r"(?<![高草平还复中])原(?![则因籍])[^。；]{0,120}?(?:标准|规定|办法|细则|政策|文件)[^。；]{0,20}?(?:同时|一并)?(?:停止执行|不再执行|废止|失效)"
)


def _stops_the_old(piece: str) -> bool:
    return bool(_OLD_STANDARD_STOPS.search(piece) or _REPEALS_A_DOCUMENT.search(piece))


# Lateness said before a stop (逾期未申报的不再受理, 各批次申报截止后…不再受理, 未在规定时间内申报的不予受理,
# 超过申报期限的不予受理): a rule for whoever applies late, not a stop of the item — it still runs for those on time.
# 过期/超期 are not among them: 补贴已过期，停止受理 says the item itself ended.
_LATE = re.compile(
    r"逾期|截止后|截止之后|截止日后|未按(?:时|期|规定时间)|未在规定(?:时间|时限|期限)"
    r"|超过[^。；，,]{0,12}(?:期限|时限|时间)"
)


def _stops_only_the_late(piece: str) -> bool:
    """Whether every stop the piece says is said of applying late: the stop's own phrase (from the last comma or
    colon before it) names lateness first, or the phrase before it names those late (未在规定时间内申报的，不再受理)
    — lateness said of the item (已过期，停止受理) is no such rule — or of a window of each year it pauses in."""

    def of_the_late(before: str) -> bool:
        phrases = re.split(r"[，,：:]", before)
        own, earlier = phrases[-1], phrases[-2] if len(phrases) > 1 else ""
        return bool(_LATE.search(own) or (earlier.endswith("的") and _LATE.search(earlier)))

    def in_a_window(before: str) -> bool:
        own = re.split(r"[，,：:]", before)[-1]
        return bool(_WINDOW.search(own)) and not _ENDS_THEN.search(own)

    stops = list(_STOPPED.finditer(piece))
    return bool(stops) and all(
        of_the_late(piece[: stop.start()]) or in_a_window(piece[: stop.start()]) for stop in stops
    )


# A stop said of a window that comes back (每年12月20日至12月31日年度结算期间暂停受理, 春节假期期间停止受理, 每月25日至
# 月底期间暂停受理, 12月20日至12月31日期间暂停受理): the item pauses then and runs the rest of the year — no end of it.
# A window recurs by a marker (每年, 每季度, 每月), a holiday, or as a span of days with no year (a dated span, 2026年
# 12月1日至12月31日期间, happens once). 年度 alone is no marker: 2026年度申报期间, 本年度资金 are one year's.
_WINDOW = re.compile(
    r"(?:每年|每季度?|每月)[^。；，,]{0,30}期间"
    r"|(?<![\d年])\d{1,2}\s*月\s*\d{1,2}\s*日?\s*至(?![^。；，,]{0,4}\d{4}\s*年)[^。；，,]{0,20}期间"
    r"|(?:春节|国庆|元旦|节假日|假期)[^。；，,]{0,4}期间"
)
# A stop after a period ends or a fund runs out (申报期间结束后停止受理, 资金用完期间停止受理) ends the item: no pause.
_ENDS_THEN = re.compile(r"结束后|用完|用尽")


def _stopped(document_id: str, measures: list[Measure], clauses: Iterable[Clause]) -> list[Measure]:
    """The measures of a clause that says it stopped (its heading marks it, or a sentence says so
    without granting anything): ended, so no answer offers their figures as current; a clause with
    no measure of its own then gets one, named by its heading, that says it ended."""
    out = list(measures)
    for clause in clauses:
        pieces = [p for p in _pieces(clause.body, bulleted=is_slide(clause.label)) if p in clause.text]
        said = [
            p
            for p in pieces
            if _STOPPED.search(p) and not grants_a_figure(p) and not _stops_the_old(p) and not _stops_only_the_late(p)
        ]
        if not (_STOPPED.search(clause.heading) or said):
            continue
        own = [i for i, m in enumerate(out) if m.clause == clause.id]
        for i in own:
            out[i] = out[i].model_copy(update={"ended": True})
        name = _STATUS_IN_BRACKETS.sub("", clause.heading).strip()
        # The sentence that says it stopped, rather than the heading that marks it.
        said = [p for p in said if p.strip() != clause.heading.strip()] or said
        if not own and said and name:
            out.append(
                Measure(
                    id=f"{document_id}.auto_{clause.clause_number:02d}_00",
                    clause=clause.id,
                    name=name,
                    kind=_kind(name) or MeasureKind.SERVICE,
                    beneficiary=_beneficiary(said[0]),
                    span=said[0],
                    derived=True,
                    ended=True,
                )
            )
    return out


# The rent of the premises a business runs from, as the documents pay it (按实际租金的50%给予场租补贴,
# 租用经营场地…给予租金补贴, 租赁经营场所): people ask for it as 房租 (租门面，房租能补多少) — the name they use
# is that unit's alias too. Not a person's housing rent (租房补贴 of a graduate): the span speaks of a
# business's premises.
_PREMISES_RENT = re.compile(r"场租|(?:经营|创业)[^，。；]{0,12}租金|租(?:赁|用)[^，。；]{0,4}(?:经营|营业)?场(?:地|所)")
_RENT_SAID = "房租补贴"


def _rent_as_said(measures: list[Measure]) -> list[Measure]:
    """Every unit of a measure one of whose units pays premises rent is said as 房租补贴: the measure is what people
    name, not one tier of it (按实际租金50%补贴 beside 入驻孵化基地：场地租金全免 under 创业场地补贴)."""

    def key(m: Measure) -> tuple[str, str]:
        return m.clause, re.sub(r"（[^（）]*）$", "", m.name)

    renting = {key(m) for m in measures if _PREMISES_RENT.search(m.span) and m.kind is MeasureKind.SUBSIDY}
    return [
        m.model_copy(update={"aliases": (*m.aliases, _RENT_SAID)})
        if key(m) in renting and m.kind is MeasureKind.SUBSIDY and _RENT_SAID not in m.aliases
        else m
        for m in measures
    ]


# A long measure name opens with the field it belongs to (创业 of 创业带动就业补贴), which people leave
# out when the rest names it alone (带动就业补贴): the rest is said as the measure's name too.
_FIELD = 2
_LONG_NAME = 7


def _said_without_field(measures: list[Measure]) -> list[Measure]:
    out: list[Measure] = []
    for measure in measures:
        base = re.sub(r"（[^（）]*）$", "", measure.name)
        # (一次性 is one word people leave out whole: 求职创业补贴 of 一次性求职创业补贴, never 性求职…; a
        # tier — 一次性创业补贴（家庭农场） — is told apart by its own words, not by the shorter name)
        whole_word = base.startswith("一次性") and base == measure.name
        rest = base.removeprefix("一次性") if whole_word else base[_FIELD:]
        if len(base) < _LONG_NAME or not _SUFFIX.search(rest[-3:]) or rest in measure.aliases:
            out.append(measure)
            continue
        out.append(measure.model_copy(update={"aliases": (*measure.aliases, rest)}))
    return out


def _headed(measures: list[Measure], clauses: Iterable[Clause]) -> list[Measure]:
    """An item titled by its measure (6．以工代训补贴) whose one grant names what it pays by another word
    (…给予职业培训补贴): the title is what people ask for, so it is that unit's alias too."""
    headings = {clause.id: (clause.heading or "").rstrip("：:。；，,") for clause in clauses}
    by_clause: dict[str, list[int]] = {}
    for at, measure in enumerate(measures):
        if measure.span.rstrip("：:。；，,") != headings.get(measure.clause):
            by_clause.setdefault(measure.clause, []).append(at)
    out = list(measures)
    for clause_id, members in by_clause.items():
        heading = headings[clause_id]
        if len(members) != 1 or not _SUFFIX.search(heading[-3:]) or _is_question(heading):
            continue  # a question over its answer (问1：…有什么补贴？) names nothing
        measure = measures[members[0]]
        if heading not in measure.name and measure.name not in heading and heading not in measure.aliases:
            out[members[0]] = measure.model_copy(update={"aliases": (*measure.aliases, heading)})
    # The title alone (（六）租金补贴。 over the sentence that grants it) is no unit beside the grants it
    # heads: a unit of no figure and no condition, it was chosen before them (房租每年能补多少 → 租金补贴,
    # "no sum written"). A title whose clause grants nothing else stays, as the measure it names; so does a
    # heading that is itself a grant with its figure (a revision's 将第七条中“…”修改为“给予8000元…”).
    return [
        m
        for m in out
        if m.amounts or m.clause not in by_clause or m.span.rstrip("：:。；，,") != headings.get(m.clause)
    ]


# A revision's new wording that states a standard by its figures alone, with no grant word (第二十条中“…
# 每人800元”修改为“职业技能等级证书（初级工）每人1000元…”): what it says is granted from now on.
_REVISED_STANDARD = re.compile(r"(?:修改|调整|修订)为[：:]?“[^“”]*\d")


_REVISED_SUBJECT = re.compile(r"(?:修改|调整|修订)为[：:]?“([\u4e00-\u9fff]{2,16})")


def _revised_subject(piece: str, revised: bool) -> str | None:
    """What a revision's new wording that names no grant pays for, by its opening words (修改为“职业技能
    等级证书（初级工）每人1000元…” → 职业技能等级证书); None for any other piece."""
    found = _REVISED_SUBJECT.search(piece) if revised else None
    return found.group(1) if found else None


# A sentence that raises a standard granted before it: a condition, then 提高到/提高至 and a figure.
_RAISE = re.compile(r"^([^，,。；]{2,30}?)的?[^，,。；]{0,12}[，,][^。；]*?(?:提高到|提高至|上浮)")


_RAISED_FROM_OLD = re.compile(r"(?:由|从)(?:原来|原)?[^，,。；]{0,20}?(?:提高|上调|调整|增加|提升)(?:到|至|为)")


def _raised(piece: str) -> str | None:
    """The condition of a sentence that only raises an earlier grant (见习期满留用率达到50%以上的见习单位，
    见习补贴提高到…80%), None for any other sentence."""
    if "给予" in piece or not grants_a_figure(piece):
        return None
    piece = _ITEM_LABEL.sub("", piece, count=1)  # 2.创办的经营主体吸纳3人以上就业…的，补贴标准提高至8000元
    match = _RAISE.match(piece)
    if match is None:
        return None
    condition = piece[: re.search(r"[，,]", piece).start()].removeprefix("对")  # type: ignore[union-attr]
    condition = condition.removesuffix("的")
    if _SUFFIX.search(condition[-3:]) and _RAISED_FROM_OLD.search(piece):
        # 就业见习补贴，…见习补贴标准由原来每人每月1500元提高到每人每月1800元: the opening names a measure of its
        # own, whose standard was raised from an older one — no variant of the grant before it.
        return None
    if len(condition) > _MAX_CONDITION:
        # 创办小微企业并吸纳3人以上就业、缴纳社会保险费满6个月的，补贴标准提高到…: a long condition of
        # several requirements is told by its first one.
        condition = condition.split("、")[0]
    if len(condition) > _MAX_CONDITION:
        # (or, still too long, joined by 并/且: 创办的经营主体吸纳3人以上就业并缴纳社会保险费的 → its first)
        condition = re.split(r"并|且", condition)[0]
    return condition if 2 <= len(condition) <= _MAX_CONDITION else None


def _paid_to(measures: list[Measure], clause_id: str, name: str) -> Beneficiary:
    """Who the clause's measure of this name is paid to: a variant of it (留用率达50%以上的，提高到80%)
    is paid to the same party."""
    for measure in reversed(measures):
        if measure.clause != clause_id:
            break
        if measure.name.split("（", 1)[0] == name:
            return measure.beneficiary
    return Beneficiary.PERSON


def _last_named(measures: list[Measure], clause_id: str) -> str:
    """The name of the clause's last measure, figure or none, without its qualifier."""
    last = measures[-1] if measures and measures[-1].clause == clause_id else None
    return last.name.split("（", 1)[0] if last else ""


def _last_announced(measures: list[Measure], clause_id: str) -> str:
    """The clause's last measure when its sentence names it and states no figure at all (创业担保贷款额度同步提高。
    个人创业最高可申请30万元，…): the sentences after it state that measure's figures."""
    last = measures[-1] if measures and measures[-1].clause == clause_id else None
    return last.name.split("（", 1)[0] if last and not last.amounts and _names_a_grant(last.span) else ""


def _headline(clause: Clause) -> str:
    """A clause's first line when it heads prose (■ 考证拿补贴 高级工最多补1800元 over its paragraph): a subhead sums
    up what the sentences below it grant, and grants nothing itself."""
    first, _, rest = clause.body.partition("\n")
    first = first.strip()
    return first if rest and len(first) <= _LONG_SUBHEAD and not re.search("[。；，,]", first) and "。" in rest else ""


_LONG_SUBHEAD = 40


# A piece opening with the period of a grant it does not name (补贴期限最长不超过3年): the period of the grant its
# item is about.
_PERIOD_OPENS = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)])?(?:补贴|补助|享受|领取|扶持|贴息)?(?:期限|年限)")


def _is_period_only(piece: str) -> bool:
    """A piece about how long a grant it does not name runs (补贴期限最长不超过3年, 对距法定退休年龄不足5年的…，
    补贴期限可延长至法定退休年龄): every grant word it says is the period's, and it states no sum."""
    found = amounts(piece)
    lengths = (AmountKind.DURATION, AmountKind.THRESHOLD)
    return (
        bool(_PERIOD_OPENS.match(piece) or _PERIOD_WORD.search(piece))
        and bool(found)
        and all(a.kind in lengths for a in found)
        and (not _PERIOD_OPENS.match(piece) or any(a.kind is AmountKind.DURATION for a in found))
        and all(piece.startswith("期限", m.end()) for m in _SUFFIX.finditer(piece))
    )


_PERIOD_WORD = re.compile(r"(?:补贴|补助|享受|领取|扶持|贴息)期限")


def _item_named(own: str | None, name: str, whole: str, sibling: str, section: str | None) -> tuple[str | None, str]:
    """（二）补贴期限最长不超过3年，其中高校毕业生…2年 under the heading of the item before it, which grants the measure
    (（一）…按其实际缴费额的2/3给予社会保险补贴): that measure's period, the group 其中 names told apart — unless the
    name read is the measure the heading over both items names (二、就业见习补贴 / （三）补贴期限。…)."""
    if not sibling or not _is_period_only(whole) or (section and name in section.split("／")[-1]):
        return own, name
    return None, sibling


def _sibling_granted(measures: list[Measure], previous: Clause | None, clause: Clause) -> str:
    """The measure the item before a clause grants, when both are items under one heading (灵活就业人员社会保险补贴 ·
    （一）… / （二）…): what an item stating only a period is about."""
    if previous is None or not clause.section_heading or previous.section_heading != clause.section_heading:
        return ""
    return _last_granted(measures, previous.id)


def _last_granted(measures: list[Measure], clause_id: str, *, whole: bool = False) -> str:
    """The name of the clause's last measure that grants a figure, without its qualifier (`whole`: with it)."""
    for measure in reversed(measures):
        if measure.clause != clause_id:
            break
        if any(a.kind is not AmountKind.THRESHOLD for a in measure.amounts):
            return measure.name if whole else measure.name.split("（", 1)[0]
    return ""


# A part naming a measure and its own period (就业困难人员灵活就业社会保险补贴期限最长3年).
_OWN_PERIOD = re.compile(
    r"^([\u4e00-\u9fff]{2,}(?:补贴|补助|贷款|贴息|津贴))的?(?:享受|补贴|发放|贴息)?期限(?:最长|最多|不超过|为)*\d+(?:年|个月)"
)


def _groups_of_one_measure(names: list[str]) -> list[str]:
    """The groups that tell apart one measure said for each (高校毕业生灵活就业社会保险补贴, 就业困难人员
    灵活就业社会保险补贴 → 高校毕业生, 就业困难人员): what each name says before the end they share. Empty
    when they share no measure's name or a group is missing."""
    shared = 0
    while shared < min(map(len, names)) and len({n[len(n) - shared - 1] for n in names}) == 1:
        shared += 1
    groups = [n[: len(n) - shared] for n in names]
    return groups if shared >= 2 and all(2 <= len(g) <= _MAX_CONDITION for g in groups) else []


def _period_measure(piece: str, group: str) -> str | None:
    """The measure a group's own period is said of (就业困难人员灵活就业社会保险补贴期限最长3年, 就业困难人员 →
    灵活就业社会保险补贴), None for any other piece."""
    said = _OWN_PERIOD.search(piece)
    if said is None or not group or not said.group(1).startswith(group):
        return None
    return said.group(1)[len(group) :] or None


# A comma part that states a condition of what follows it (留用率达到50%以上的，提高到70%).
_CONDITION_PART = re.compile(r"的[，,]$")
# …or the party a condition picks out (见习期满留用率达到50%以上的见习单位，见习补贴标准提高至80%).
_CONDITIONED_PARTY = re.compile(r"的[\u4e00-\u9fff]{1,6}[，,]$")
_MAX_CONDITION = 20


def _grants(sentence: str) -> list[tuple[str, str]]:
    """A sentence that grants more than one figure, each by its own verb, is cut into one piece per
    grant: a base rate and the raised one (按最低工资的60%给予见习补贴，留用率达到50%以上的，提高到70%),
    or one rate per group (大型企业按30%返还，中小微企业按60%返还). Parts without a verb of their own
    (最高不超过3万元, 补贴期限最长3年) stay with the grant before them; a condition part (…的，) goes
    with the grant after it. Each piece comes with what tells it apart: its condition or its subject
    (empty for the first piece of a base and raise). One grant: the sentence whole."""
    parts = [p for p in re.split(r"(?<=[，,])", sentence) if p]
    granting = [i for i, p in enumerate(parts) if grants_a_figure(p)]
    if not granting:
        # A table cell states its sums without a verb, one per subject (个人最高30万元，小微企业最高400万元).
        granting = [i for i, p in enumerate(parts) if _opening(p) and _states_a_sum(p)]
    if len(granting) < 2 and not any(grants_a_figure(p) or _states_a_sum(p) for p in parts):
        # Nor any sum: each group's own period, said apart in one sentence (高校毕业生…补贴期限最长2年，
        # 就业困难人员…补贴期限最长3年) — one piece per group, so each period stays with whom it is for.
        granting = [i for i, p in enumerate(parts) if _OWN_PERIOD.search(p)]
        if len(granting) >= 2 and granting[0] == 0:
            pieces = ["".join(parts[a:b]) for a, b in itertools.pairwise([*granting, len(parts)])]
            said = [found.group(1) for piece in pieces if (found := _OWN_PERIOD.search(piece))]
            groups = _groups_of_one_measure(said) if len(said) == len(pieces) else []
            if groups:
                return list(zip(pieces, groups, strict=True))
        # A period for all, then its own for a group among them (补贴期限最长不超过3年，其中高校毕业生补贴期限
        # 最长不超过2年).
        among = [i for i, p in enumerate(parts) if i and _AMONG.match(p) and _OWN_PERIOD.search(_AMONG.sub("", p))]
        if _PERIOD_OPENS.match(parts[0]) and len(among) == 1:
            said_of = _OWN_PERIOD.search(_AMONG.sub("", parts[among[0]]))
            group = _SUFFIX.sub("", said_of.group(1)) if said_of else ""
            if 2 <= len(group) <= _MAX_CONDITION:
                return [("".join(parts[: among[0]]), ""), ("".join(parts[among[0] :]), group)]
    if len(granting) == 1 and (named_apart := _names_apart(parts, granting[0])):
        return named_apart
    # A later sum said as the whole's total (合伙创业→每人30万元，总额最高150万元) is that grant's cap for the
    # same case, no group of its own.
    granting = [g for k, g in enumerate(granting) if k == 0 or not _SUMS_UP.match(parts[g].strip())]
    if len(granting) < 2:
        return [(sentence, "")]
    starts = [0]
    for previous, at in itertools.pairwise(granting):
        start = at
        while start - 1 > previous and (
            _CONDITION_PART.search(parts[start - 1]) or _CONDITIONED_PARTY.search(parts[start - 1])
        ):
            start -= 1
        starts.append(start)
    pieces = ["".join(parts[a:b]) for a, b in itertools.pairwise([*starts, len(parts)])]
    # The first grant is the base: told apart by its subject only (大型企业按…), never by the condition
    # every grant of the sentence shares.
    qualifiers = [_qualifier(parts[s] if s else parts[g], parts[g]) for s, g in zip(starts, granting, strict=True)]
    if not all(q or _granted_noun(p) for p, q in zip(pieces[1:], qualifiers[1:], strict=True)):
        return [(sentence, "")]  # a later grant neither names its own measure nor says whom it is for
    return list(zip(pieces, qualifiers, strict=True))


# A part opening with the grant it states the standard of (乡村公益性岗位补贴按每人每月600元执行).
_OPENS_WITH_GRANT = re.compile(r"^([\u4e00-\u9fff]{2,14}?(?:补贴|补助|奖补|津贴))(?=按|标准|为|执行)")


def _names_apart(parts: list[str], granting: int) -> list[tuple[str, str]] | None:
    """城镇公益性岗位补贴按本市最低工资标准执行，乡村公益性岗位补贴按每人每月600元执行: two grants each naming
    itself, only the second with a figure — the figure is the second's alone, the first a grant of its own with none."""
    own = _OPENS_WITH_GRANT.match(parts[granting])
    if own is None or granting == 0:
        return None
    before = _OPENS_WITH_GRANT.match(parts[0])
    if before is None or before.group(1) == own.group(1):
        return None
    return [("".join(parts[:granting]), ""), ("".join(parts[granting:]), "")]


_SUMS_UP = re.compile(r"^(?:总额|总计|合计|累计|总共|共计|合计总额)")


def _qualifier(first: str, granting: str) -> str:
    """The condition a piece opens with (…的，), else the subject its grant opens with (中小微企业按…).
    In a table row only the cell the piece starts in speaks (…｜个人最高30万元，)."""
    same = first is granting
    first, granting = first.rsplit(ROW, 1)[-1], granting.rsplit(ROW, 1)[-1]
    if _CONDITION_PART.search(first) and not same:
        condition = first[:-2].removeprefix("对")
        return condition if 2 <= len(condition) <= _MAX_CONDITION else ""
    if _CONDITIONED_PARTY.search(first) and not same:
        condition = first[:-1].removeprefix("对")
        return condition if 2 <= len(condition) <= _MAX_CONDITION else ""
    return _opening(granting)


# An item's list label (①, 1., （1）, 一、) and where its opening words end (个人 of ①个人最高可申请…;
# 合伙创业 of ②合伙创业的，按每人…).
_ITEM_LABEL = re.compile(r"^(?:[①-⑳]|\d+[.．、]|[（(]\d+[）)]|[一二三四五六七八九十]+、)\s*")
_OPENING_END = re.compile(r"[^\u4e00-\u9fff]|的|最高|最多|可|按|每|给予|享受|申请|贷款|补贴|不超过")
_MAX_QUALIFIER = 8


# A name qualified by a variant in brackets at its end (创业担保贷款（合伙创业）): its lead-in's name is before them.
_QUALIFIED = re.compile(r"（[^（）]*）$")


def _told_apart(measures: list[Measure]) -> list[Measure]:
    """Items of one list named alike after their lead-in (创业担保贷款 for ①个人… and ②合伙创业的…) are
    told apart by their own opening words, as a curator would name them: 创业担保贷款（个人）,
    创业担保贷款（合伙创业）, with the said forms (个人创业担保贷款, 合伙创业担保贷款) as aliases."""
    groups: dict[tuple[str, str], list[int]] = {}
    for at, measure in enumerate(measures):
        groups.setdefault((measure.clause, _QUALIFIED.sub("", measure.name)), []).append(at)
    named = list(measures)
    for (_, name), members in groups.items():
        if len(members) < 2:
            continue
        plain = [at for at in members if measures[at].name == name]
        if len(plain) < len(members):
            # A labelled sibling already named by its own condition (②合伙创业的… → 创业担保贷款（合伙创业）):
            # the other labelled items are told apart by their opening words beside it (①个人… → （个人）).
            # So is a sentence of its own granting the measure to the subject it opens with, beside
            # siblings already told apart (符合条件的小微企业可申请最高300万元的创业担保贷款 after
            # 个人创业者… → （小微企业）): left plain it reads as the measure for everyone.
            taken = {measures[at].name for at in members}
            for at in plain:
                span = measures[at].span
                opening = (
                    _opening(span) if _ITEM_LABEL.match(span) or _ANY_ELIGIBLE.match(span) else _said_before(span, name)
                )
                if opening and (opening in name or name.startswith(opening)):
                    opening = ""
                if opening and f"{name}（{opening}）" not in taken:
                    named[at] = _named_by_opening(measures[at], name, opening)
            continue
        openings = [_opening(measures[at].span) for at in members]
        said = [opening for opening in openings if opening]
        unsaid = [measures[at].span for at, opening in zip(members, openings, strict=True) if not opening]
        if said and len(said) >= 2 and len(set(said)) == len(said) and all(map(_RAISES_TO.search, unsaid)):
            # Sentences each granting the measure to the subject it opens with (符合条件的个人创业者…,
            # 符合条件的小微企业…), beside ones that only raise it for a case (a footnote's …额度可提高至50万元):
            # those are told apart by their subjects, the raises by the condition they open with, if any.
            # (A grant to another party that opens with a long condition stays plain, as before.)
            openings = [
                opening or (_condition_opening(measures[at].span) if index else "")
                for index, (at, opening) in enumerate(zip(members, openings, strict=True))
            ]
            if len(set(filter(None, openings))) < len(list(filter(None, openings))):
                continue
        elif not all(openings) or len(set(openings)) < len(openings):
            # 给予每人1200元的创业培训补贴；参加网络创业培训的，给予每人800元: a member that opens with
            # a condition of its own is that measure for the narrower group; the first one stays general.
            # (Items of a labelled list keep the name of their lead-in: their tiers are told apart above.)
            openings = ["", *(_condition_opening(measures[at].span) for at in members[1:])]
            if not any(openings) or len(set(filter(None, openings))) < len(list(filter(None, openings))):
                continue
        for at, opening in zip(members, openings, strict=True):
            if opening:
                named[at] = _named_by_opening(measures[at], name, opening)
    return named


# A party a measure is granted to (小微企业, 个人, 用人单位), not a word of the name (一次性创业补贴).
_SUBJECT = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:企业|个人|单位|机构|合作社|农场|工商户|创业者|劳动者|毕业生|人员)$")


def _said_before(span: str, name: str) -> str:
    """The subject a sentence puts before the measure's name (小微企业创业担保贷款额度最高300万元 →
    小微企业): whose that measure is; empty when the sentence opens otherwise."""
    at = span.find(name[:4]) if len(name) >= 4 else -1
    subject = span[:at] if at > 0 else ""
    return subject if _SUBJECT.match(subject) else ""


# An opening runs into the name by three characters or more (个人创业担保 + 创业担保贷款); two may be its own
# words (合伙创业 stays whole beside 创业担保贷款).
_MIN_OVERLAP = 3
_RAISES_TO = re.compile(r"(?:提高|上浮|增加|放宽|提升)(?:至|到)?")


def _named_by_opening(measure: Measure, name: str, opening: str) -> Measure:
    """创业担保贷款 opening with 合伙创业 → 创业担保贷款（合伙创业）, said 合伙创业担保贷款. An opening that
    runs into the name (个人创业担保贷款额度… → 个人创业担保) is cut before it: 创业担保贷款（个人）."""
    for overlap in range(min(len(opening) - 2, len(name)), _MIN_OVERLAP - 1, -1):
        if opening.endswith(name[:overlap]):
            opening = opening[:-overlap]
            break
    return measure.model_copy(update={"name": f"{name}（{opening}）", "aliases": (_joined(opening, name),)})


def _condition_opening(span: str) -> str:
    """The condition a unit opens with (参加网络创业培训的，给予…), without 对 and 的."""
    first = re.split(r"(?<=[，,])", span, maxsplit=1)[0]
    if _ITEM_LABEL.match(span) or not _CONDITION_PART.search(first):
        return ""
    # A 款 of an article numbered （一）（二） inside it (第六条 …（二）合伙创业的，…) is no list item of a
    # lead-in's tiers: its number is no part of the condition it opens with.
    condition = _SUBSECTION.sub("", first[:-2]).removeprefix("对")
    return condition if 2 <= len(condition) <= _MAX_CONDITION else ""


_SUBSECTION = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
# 符合条件的 says every grant's condition, never whom a piece is for: the subject after it is.
_ANY_ELIGIBLE = re.compile(r"^符合(?:条件|规定|要求)的")


# 其中 opens the tiers of a grant just stated (给予一次性创业补贴，其中个体工商户每户6000元): no word of whom.
_AMONG = re.compile(r"^其中")
# A tier stated by whom it is for and its sum per head, with no verb (其中取得专项职业能力证书的每人600元，
# 创办企业的每户10000元): the words before 的 say whom, however long.
# So is a tier keyed by whom with a colon, as a list in an article gives it (开办企业或农民专业合作社：10000元/户).
_TIER_FOR = re.compile(r"^([^，,。；：:]{2,20}?)(?:的(?=每[人户家名个])|[：:](?=[^，,。；]{0,6}[0-9０-９]))")


# A subject listed before its head (城镇登记失业人员、就业困难人员、…等符合条件的个人，可申请…): the head
# after 等 says whom the piece grants to; the first of the list is only one of them.
# (A condition's list — 创办小微企业、农民专业合作社等其他经营主体的， — keeps its whole words: it ends in 的.)
_LISTED_SUBJECT = re.compile(
    r"^[^，,。；]*?等(?:符合(?:条件|规定|要求)的)?([\u4e00-\u9fff]{2,8}?)(?<!的)(?=[，,]|可|最高|按)"
)


def _opening(span: str) -> str:
    text = _AMONG.sub("", _ANY_ELIGIBLE.sub("", _ITEM_LABEL.sub("", span, count=1), count=1), count=1)
    end = _OPENING_END.search(text)
    if end is not None and text[end.start()] == "、" and (listed := _LISTED_SUBJECT.match(text)):
        return listed.group(1)
    opening = text[: end.start()] if end else ""
    if 2 <= len(opening) <= _MAX_QUALIFIER:
        return opening
    tier = _TIER_FOR.match(text)
    return tier.group(1) if tier and _states_a_sum(text) else ""


def _joined(opening: str, name: str) -> str:
    """合伙创业 + 创业担保贷款 → 合伙创业担保贷款 (the shared 创业 said once)."""
    for overlap in range(min(len(opening), len(name)), 0, -1):
        if opening.endswith(name[:overlap]):
            return opening + name[overlap:]
    return opening + name


def _table_title(text: str) -> str | None:
    """The title a clause's table stands under (芜湖市创业吸纳就业补贴标准 over 1—2人｜每人800元 …): a
    first line that is no row and no sentence and names a grant, over two rows or more."""
    lines = text.split("\n")
    if len(lines) < 3 or ROW in lines[0] or not _GRANTS.search(lines[0]):
        return None
    # a sentence is no title, unless it grants by the table below it (按下表标准给予技能提升补贴): its rows grant that
    if re.search("[。；，]", lines[0]) and not _BY_TABLE_BELOW.search(lines[0]):
        return None
    return lines[0] if sum(ROW in line for line in lines[1:]) >= 2 else None


_BY_TABLE_BELOW = re.compile(r"(?:按|依|参照|见|如)下表")


# 初级（五级）、中级（四级）、高级（三级）…的，分别给予1000元、1500元、2000元: one figure per listed item.
_RESPECTIVELY = "分别"
_PAIRED = (AmountKind.FIXED, AmountKind.RATE, AmountKind.RATIO)


def _per_item(unit: Measure, name: str) -> list[Measure]:
    """A unit that pays one figure to each item of a list — 分别 after the list, or each item with its
    figure (按初级工1000元、中级工1500元…的标准) — is one unit per item, named by it (技能提升补贴（中级）:
    1500元 only), so a question naming one item gets its figure; its other figures (a cap, a term) stay
    with every item."""
    pairs = _respectively(unit) or _itemized(unit)
    if pairs is None:
        return [unit]
    figures = [figure for _, figure in pairs]
    return [
        unit.model_copy(
            update={
                "id": f"{unit.id}_{n}",
                "name": f"{name}（{item}）",
                "aliases": (_joined(item, name),),
                "amounts": tuple(a for a in unit.amounts if a is figure or all(a is not f for f in figures)),
            }
        )
        for n, (item, figure) in enumerate(pairs, start=1)
    ]


def _respectively(unit: Measure) -> list[tuple[str, Amount]] | None:
    """The items before 分别 with the unit's own figures after it, paired in order."""
    at = unit.span.find(_RESPECTIVELY)
    if at < 0:
        return None
    after = [a for a in amounts(unit.span[at:]) if a.kind in _PAIRED]
    # the unit's own Amount objects for the figures after 分别 (the last ones of its text), in order
    own = [a for a in unit.amounts if a.kind in _PAIRED][-len(after) :] if after else []
    if len(after) < 2 or [a.text for a in own] != [a.text for a in after]:
        return None
    items = respectively_items(unit.span[:at], len(own))
    return list(zip(items, own, strict=True)) if items is not None else None


def _itemized(unit: Measure) -> list[tuple[str, Amount]] | None:
    """The items of a list whose figures are stated item by item, with the unit's figure of each."""
    items = listed_items(unit.span)
    if items is None:
        return None
    # each item's figure is the next of the unit's own not taken yet (初级工1000元、中级工1000元: two figures)
    unused = [a for a in unit.amounts if a.kind is not AmountKind.THRESHOLD]
    own: list[Amount] = []
    for _, figure in items:
        found = next((a for a in unused if a.text.endswith(figure)), None)
        if found is None:
            return None
        unused = unused[unused.index(found) + 1 :]
        own.append(found)
    return [(item, figure) for (item, _), figure in zip(items, own, strict=True)]


# A piece that opens with its own condition and states figures without naming a grant (合伙创业的，可按
# 每人不超过30万元、总额不超过150万元申请): the clause's last measure for that narrower case.
# (…的， or …的见习单位，: a condition may end in the party it picks out.)
_OPENS_WITH_CONDITION = re.compile(r"^([^，,。；]{2,24}?)的([\u4e00-\u9fff]{0,6})[，,]")


def _condition_variant(piece: str, in_row: bool = False) -> str | None:
    """The condition of a piece that states the clause's last measure for a narrower case; in a table row
    the standard's cell states its figure without a verb (每户5000元；带动5人以上就业的，每户10000元); the
    condition may name its party (见习期满留用率达到50%以上的见习单位，按每人每月1900元给予补贴)."""
    match = _OPENS_WITH_CONDITION.match(_ITEM_LABEL.sub("", _SUBSECTION.sub("", piece), count=1))
    if match is None or _names_a_grant(piece) or not (grants_a_figure(piece) or (in_row and _states_a_sum(piece))):
        return None
    if match.group(2) and not _PARTY.search(match.group(2)):
        return None
    return match.group(1).removeprefix("对")


# A piece granting what was just granted, by the standard already stated (离校2年内未就业高校毕业生灵活就业的，按同一
# 标准补贴，期限最长2年): that measure for the piece's own case, not a measure named 同一标准补贴.
_SAME_STANDARD = re.compile(r"(?:按|参照|执行)(?:照)?(?:同一|相同|上述|同等|前款|以上)(?:补贴)?标准")


def _same_standard(piece: str) -> str | None:
    """The case of a piece that grants the clause's last measure by the same standard; None for any other piece."""
    match = _OPENS_WITH_CONDITION.match(_ITEM_LABEL.sub("", piece, count=1))
    if match is None or not _SAME_STANDARD.search(piece):
        return None
    return match.group(1).removeprefix("对")


def _states_a_sum(piece: str) -> bool:
    return any(a.kind not in (AmountKind.THRESHOLD, AmountKind.DURATION) for a in amounts(piece))


def _subject_variant(piece: str) -> str | None:
    """符合条件的小微企业最高可申请400万元 after 创业担保贷款: a figure granted to a subject (申请, 额度为)
    with no grant word of its own is the clause's earlier measure for that subject."""
    if _GRANTS.search(piece) or not grants_a_figure(piece):
        return None
    if sum(bool(FIGURE.search(cell)) for cell in piece.split(ROW)) > 1:
        return None  # 初级工1000元｜中级工1500元｜…: tiers side by side, the first one's name no subject of them all
    return _opening(piece) or None


def _names_a_grant(piece: str) -> bool:
    """Whether a piece says what it grants; the bare word after the verb (按每人800元给予补贴) says nothing."""
    # nor does a count of whom it is paid per (每户补贴10000元), nor a document's title (《…补助资金管理办法》).
    titles = [m.span() for m in _TITLE_OF_DOCUMENT.finditer(piece)]
    return any(
        not piece[: m.start()].endswith("给予")
        and not _PER_UNIT_BEFORE.search(piece[: m.start()])
        and not any(start < m.start() < end for start, end in titles)
        for m in _SUFFIX.finditer(piece)
    )


_PER_UNIT_BEFORE = re.compile(r"(?:每[\u4e00-\u9fff])+$")


def _subject_of(name: str, piece: str, earlier: str) -> str:
    """The subject a piece grants the clause's earlier measure to, when it names that measure by its
    subject and the measure's last word (符合条件的小微企业贷款最高额度为400万元 after 创业担保贷款 → 小微企业):
    the same measure for another party, not a measure of its own."""
    suffix = _SUFFIX.search(name[-3:])
    if not earlier or name == earlier or suffix is None or not name.endswith(suffix.group(0)):
        return ""
    head = name[: -len(suffix.group(0))]
    if not earlier.endswith(suffix.group(0)) or head in earlier or head != _opening(piece):
        return ""
    # The subject is a party (小微企业, 个人, 合伙创业者); 求职创业补贴, 就业见习补贴 after 吸纳就业补贴 name
    # measures of their own, whose heads say what is done, not who does it.
    return head if _PARTY.search(head) else ""


_PARTY = re.compile(r"(?:企业|单位|公司|个人|人员|个体工商户|个体户|合作社|农场|机构|组织|家庭|户|者|人)$")


def _introduces_grants(line: str) -> bool:
    """…给予以下补贴： / 创业担保贷款按以下规定执行：, not 符合下列条件之一的…可以申请贷款："""
    if _STANDARD_FIELD.fullmatch(line) or _STANDARD_BULLET.fullmatch(line):  # 额度： / 补贴标准： over the sums
        return True
    return line.endswith(("：", ":")) and bool(_GRANTS.search(line)) and not _CONDITIONS.search(line)


# A sentence repealing a document (《临沂市创业担保贷款贴息实施细则》（…）同时废止) grants nothing: the
# title it names is no measure (it was a unit named 临沂市创业担保贷款, answering loan questions).
_REPEALS_A_DOCUMENT = re.compile(r"》[^。；]*?(?:同时|予以|一并)?(?:废止|失效|停止执行)")


def _ends(piece: str) -> bool:
    return bool(_REPEALS_A_DOCUMENT.search(piece)) and not grants_a_figure(piece)


# A revision deleting a provision of the document it revises: 删去《细则》第十条（一次性求职补贴）,
# 删去第十三条第二款，即“对…按每人1000元给予一次性岗位补贴”. What it names is a measure that ended.
_DELETES = re.compile(
    r"(?:删去|删除)[^。；，“”]{0,16}?第[一二三四五六七八九十百零〇0-9]+[条款项]"
    r"(?:第[一二三四五六七八九十百零〇0-9（）()]+[款项目])?(?:[（(]([^（）()]+)[）)]|[，,]?\s*即\s*“([^”]+)”)?"
)


def _deleted(document_id: str, clause: Clause, index: int, piece: str) -> Measure | None:
    """The measure a revision deletes, as a unit that grants nothing and says it ended (named by the
    words the revision gives it in brackets or quotes); None when the piece deletes nothing it names."""
    match = _DELETES.search(piece)
    named = (match.group(1) or match.group(2)) if match else None
    if match is None or not named or grants_a_figure(piece[: match.start()]):
        return None
    # The brackets may go on to quote the deleted text (删去第九条（创业场所租金补贴，原为“…每户每年最高3000元…”）):
    # the measure is named before that, and its old figures are no name.
    named = re.split(r"[，,；;：:]\s*原(?:为|规定|文|条文)?", named, maxsplit=1)[0]
    name = _granted_noun(named) or named
    return Measure(
        id=f"{document_id}.auto_{clause.clause_number:02d}_{index:02d}",
        clause=clause.id,
        name=name,
        kind=_kind(named) or MeasureKind.SERVICE,
        beneficiary=_beneficiary(named),
        span=piece,
        derived=True,
        ended=True,
    )


# A line of a poster's block keyed by whom or what case it is for (中小微企业：上年度…的60%, 初级工（五级）证书：1000元,
# 2026年市区：每人每月2043元): a figure after the key, no sentence — a poster points from the key with an arrow
# (个人创业 → 最高30万元) as a table's caption does with a colon.
_KEYED_LINE = re.compile(r"^[^，,。；：:→]{2,20}[：:→][^。；：:]*[0-9０-９][^。；：:]*$")
# The field of a grant's period (补贴期限：最长3年).
_PERIOD_FIELD = re.compile(r"^(?:补贴|补助|享受|领取|扶持)?(?:期限|年限|时限|时长)[：:]")


def _keyed_under_grant(piece: str, heading: str | None) -> bool:
    """A keyed line (中小微企业：上年度实际缴纳失业保险费的60%) under a heading that names a grant and nothing else
    (稳岗返还, 技能提升补贴 as a 一图读懂 poster heads its block) states that grant's figure for the key's case,
    though the line names no grant: the heading names it."""
    if not heading or _is_sentence(heading) or not _SUFFIX.search(heading) or len(heading) > _LONG_HEADING:
        return False
    return bool(_KEYED_LINE.match(piece)) and any(a.kind is not AmountKind.THRESHOLD for a in amounts(piece))


def _period_of_earlier(name: str, piece: str, context: list[str], earlier: str, heading: str | None) -> str:
    """岗位补贴：每人每月1135元 / 补贴期限：最长3年 under a heading naming no grant (公益性岗位): the period field is
    the period of the grant just stated (`earlier`, its whole name with its case), no measure of its own."""
    field = _PERIOD_FIELD.match(piece) or (context and _PERIOD_FIELD.fullmatch(context[0].strip()))
    if field and earlier and not _GRANTS.search(heading or ""):
        return earlier
    # 按每人每月1500元给予岗位补贴… / 公益性岗位补贴期限最长不超过3年: a sentence stating only the period of the grant
    # just stated, named longer or shorter, is that grant's period.
    alike = earlier and name != earlier and (name.endswith(earlier) or earlier.endswith(name))
    lengths_only = all(a.kind in (AmountKind.DURATION, AmountKind.THRESHOLD) for a in amounts(piece))
    return earlier if alike and lengths_only and _PERIOD_SAID.search(piece) else name


# A grant's period named in a sentence (公益性岗位补贴期限最长不超过3年, 享受期限为3年).
_PERIOD_SAID = re.compile(r"(?:补贴|补助|享受|领取|扶持)(?:期限|年限)")


def _is_grant_list_lead_in(piece: str) -> bool:
    """A lead-in that grants nothing itself (no figure of the grant): its items are the measures,
    named after it."""
    return _introduces_grants(piece) and all(a.kind is AmountKind.THRESHOLD for a in amounts(piece))


def _lead_in_named(pieces: list[str], index: int) -> str | None:
    """The measure a piece's own lead-in names right above it (技能提升补贴：初级工1000元｜中级工1500元 on a card's
    line, after 就业见习补贴：2320元/人·月): what its figures are granted as, not the measure granted before it."""
    lead = pieces[index - 1] if index > 0 else ""
    return (_granted_noun(lead) or None) if lead.endswith(("：", ":")) and _introduces_grants(lead) else None


def _enclosing(pieces: list[str], index: int) -> list[str]:
    """The lines a piece sits under, innermost first: the titles of the items that hold it (label
    removed) and the lead-ins (…：) of the lists it belongs to — never a line inside a sibling item."""
    label = read_label(pieces[index])
    rank: Style | None = label.style if label else None
    inside_sibling = False
    out: list[str] = []
    for piece in reversed(pieces[:index]):
        other = read_label(piece)
        if other is None:
            if (piece.endswith(("：", ":")) or _STANDARD_BULLET.fullmatch(piece)) and not inside_sibling:
                out.append(piece)
        elif rank is not None and other.style > rank:
            inside_sibling = True  # an item nested in a sibling: its lead-ins are not ours
        elif rank is not None and other.style == rank:
            inside_sibling = False  # a sibling's own line: what precedes it is outside the sibling
        else:
            out.append(piece[other.end :])
            rank, inside_sibling = other.style, False
    return out


def _is_question(piece: str) -> bool:
    """A question asks and grants nothing (问：…补贴多少？ over its 答： on a 政策解读 page)."""
    return piece.rstrip().endswith(("？", "?")) or bool(re.match(r"问[:：]", piece))


def _granting_line(piece: str, context: list[str]) -> str:
    return next((line for line in context if "给予" in line), piece)


def _pieces(body: str, *, bulleted: bool = False) -> list[str]:
    """Sentences, and semicolon parts of a sentence when each part is a sentence of its own; on a slide (`bulleted`)
    every line is a bullet of its own, never a wrapped line (裁员率不高于…的20% / 返还标准 are two bullets)."""
    out: list[str] = []
    for sentence in split_sentences(body):
        # A heading line above items ends where its line does (返乡创业补贴\n（一）…); a wrapped line does not.
        parts = [
            p
            for part in re.split(r"(?<=；)", sentence)
            for p in (part.split("\n") if bulleted else sentence_lines(part))
            if p.strip()
        ]
        out.extend(
            q.strip()
            for p in parts
            for q in _after_lead_in(_SPOKEN_ORDINAL.sub("", _ANSWER_MARK.sub("", _turn_said(p.strip()))))
        )
    return out


# The mark of an answer on a page of questions (答：一次性创业补贴标准由…), as a transcript's timed turn label
# ([00:11:58] 区人社局局长 孙立新：…) is: no word of the measure.
_ANSWER_MARK = re.compile(r"^答[：:]\s*")
# An answer on the line opens by addressing the caller (吴老板，… / 钱总您好。… / 孙女士，…): the address is whom the
# speaker talks to, no group any grant is for.
_ADDRESSED = re.compile(
    r"^[\u4e00-\u9fff]{1,3}(?:老板|师傅|女士|先生|同学|大姐|大哥|阿姨|大爷|大叔|总|经理|代表)(?:您好|你好)?[，,！!。]\s*"
)


def _turn_said(part: str) -> str:
    """What a transcript's turn says, its time, speaker and address to the caller left out (a turn with no time names
    its speaker with their post: 王丽（市人社局就业促进科科长）：…)."""
    said = without_turn_label(part)
    if timed_turn(part):
        return _ADDRESSED.sub("", said)
    untimed = SPEAKER_TURN.match(said)
    return _ADDRESSED.sub("", said[untimed.end() :]) if untimed else said


# A list said aloud (第一是一次性吸纳就业补贴，… 第二是就业见习补贴，… / 一是创业岗位开发补贴，…): the ordinal
# is the item's number, as 1．is, no word of the measure it names.
# So is the speaker's pointing to it (一个是…, 另一个是…, 第二个是…, 主要是…).
_SPOKEN_ORDINAL = re.compile(
    r"^(?:(?:第[一二三四五六七八九十]{1,2}|[一二三四五六七八九十]{1,2}|另一|另外一|再一)个?|主要)是(?=[\u4e00-\u9fff])"
)


def _after_lead_in(part: str) -> list[str]:
    """按招用人数给予奖补：招用2—4人的，每人1500元；: a lead-in that introduces grants inside the
    sentence ends where its colon does, so the items after it are read as its granted items; so does
    one whose items are numbered on the same line (分两种情况：①…；②…, 按以下标准给予…补贴：①初级工…)."""
    for found in re.finditer("：", part):
        at = found.start()
        if at == len(part) - 1:
            break
        lead, rest = part[: at + 1], part[at + 1 :]
        # A table row's colon is its cell's own (…｜受理部门：…): the cell, not the row, is the lead-in.
        if _introduces_grants(lead.rsplit(ROW, 1)[-1]) or _INLINE_ITEM.match(rest):
            return [lead, rest]
    return [part]


_INLINE_ITEM = re.compile(r"[①-⑳]")


# The fields of a guide or an article that say whom an item is for (补贴对象：…, 申请条件：…).
# A field's title closes with a colon (补贴对象：…), or, as an item of a notice set out by aspect, with a full stop
# after the item's number (（一）补贴对象。在我市…; （二）补贴标准。按每招用1人…) — the title alone once the
# number is read off (补贴标准。).
_FIELD_ITEM = r"(?:[（(][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.．、])"
_CONDITION_FIELD = re.compile(
    r"^(?:(?:补贴|扶持|适用|服务|申请|申报|享受)?(?:对象|条件|范围)[:：]"
    rf"|{_FIELD_ITEM}\s*(?:补贴|补助|扶持|适用|服务|申请|申报|享受)?(?:对象|条件|范围)[:：。]"
    r"|(?:补贴|补助|扶持|适用|服务|申请|申报|享受)?(?:对象|条件|范围)。$)"
)
_STANDARD_FIELD = re.compile(
    r"^(?:(?:补贴|补助|扶持|奖补|资助)?(?:标准|额度|金额|政策内容)[:：]"
    rf"|{_FIELD_ITEM}\s*(?:补贴|补助|扶持|奖补|资助)?(?:标准|额度|金额|政策内容)[:：。]"
    r"|(?:补贴|补助|扶持|奖补|资助)?(?:标准|额度|金额|政策内容)。$)"
)
# The title of an aspect of one measure, as a notice set out by aspect heads its items (（一）补贴对象。（二）补贴标准。
# （三）补贴期限。): it names which aspect, never the measure.
_ASPECT_TITLE = re.compile(
    rf"^(?:{_FIELD_ITEM}\s*)?(?:补贴|补助|扶持|奖补|资助|申领|申请|申报|享受|适用)?"
    r"(?:对象|条件|范围|标准|额度|金额|期限|时限|时间|方式|程序|流程|材料|要求|渠道)[。：:]?$"
)
# A slide's bullet naming the field its sub-bullets fill (标准 / 补贴标准（按月发放，累计最长36个月）): the deck drops
# the colon a page writes, and the sub-bullets under it are the grant's tiers.
_STANDARD_BULLET = re.compile(r"(?:补贴|补助|扶持|奖补|资助)?(?:标准|额度|金额)(?:[（(][^（）()]*[）)])?")


# A poster's line keyed by its case (见习期满留用的：每留用1人奖励单位1000元) granting by a grant word of its own.
_CASE_KEY = re.compile(r"^([\u4e00-\u9fff]{2,12})的[：:]")


def _keyed_own_grant(piece: str) -> str | None:
    """A line keyed by its case that grants by one grant word of its own (奖励 under a card whose grant is 见习补贴):
    another measure than the card's, named by its case and that word (见习期满留用奖励)."""
    key = _CASE_KEY.match(piece)
    words = {m.group(0) for m in _SUFFIX.finditer(piece[key.end() :])} if key else set()
    if key is None or len(words) != 1 or _granted_noun(piece[key.end() :]):
        return None
    return key.group(1) + words.pop()


def _names_its_grant(heading: str) -> bool:
    """A short heading that is the name of a grant (吸纳就业补贴), not a sentence, a question or a bare grant word."""
    return (
        bool(_SUFFIX.search(heading[-3:]))
        and not _SUFFIX.fullmatch(heading)
        and len(heading) <= _LONG_HEADING
        and not _is_sentence(heading)
        and not _is_question(heading)
    )


def _name(piece: str, context: list[str], clause: Clause) -> str:
    """The granted noun (初创企业补贴 in 给予一次性5000元初创企业补贴); for an item that names none,
    the title or granted noun of what it sits under (生活补贴 over 3.本科毕业生每人每月1000元); the
    clause heading when none, without its closing punctuation. A service guide's 补贴标准：… states
    the standard of the item its heading names (事项一：一次性创业补贴 / 补贴标准：每户一次性补贴5000元):
    the heading names it."""
    if waived := _granted_after_condition(piece):
        return waived
    if _ASPECT_TITLE.match(_heading_of(clause)) and clause.section_heading:
        # an aspect's item cut as a clause of its own (一、一次性扩岗补助 / （二）补助标准。按每招用1人…): the part
        # above it names the measure, the item only which aspect of it this is
        clause = clause.model_copy(update={"heading": clause.section_heading.split("／")[-1]})
    led = any(_STANDARD_FIELD.match(line.strip()) for line in (piece, *context))
    if led and _GRANTS.search(clause.heading) and not _is_question(clause.heading):
        titled = _STATUS_IN_BRACKETS.sub("", clause.heading).strip().rstrip("：:。；，,")
        # An item about what a grant comes with (创业担保贷款贴息) whose standard states the grant's own
        # sums (个人创业担保贷款额度最高30万元): those are the grant's (创业担保贷款), the item's first words.
        inner = [m.end() for m in _SUFFIX.finditer(titled) if m.end() < len(titled)]
        return next((titled[:end] for end in reversed(inner) if end >= 4 and titled[:end] in piece), titled)
    for line in (piece, *context):
        if line is not piece and _STANDARD_BULLET.fullmatch(line):
            # a slide's 标准 bullet: the grant is the one the slide's title names (…｜一次性创业补贴)
            if named := _granted_noun(clause.body.split("\n", 1)[0]):
                return named
            continue
        if line is not piece and _ASPECT_TITLE.match(line):
            continue  # （二）补贴期限。 over its sentence: an aspect of the measure above, no name of its own
        title = _TITLE.match(line) if line is not piece else None
        if title and line.endswith(("：", ":")) and not _GRANTS.search(line):
            title = None  # 分两种情况：①…；②… — a lead-in naming no grant is no title
        name = _without_action(title.group(1)) if title else _granted_noun(line)
        if name and _SUFFIX.fullmatch(name) and _names_its_grant(_heading_of(clause)):
            # a bare grant word (补贴：每招用1人补贴2000元 on a card titled 吸纳就业补贴) names nothing the heading
            # above it does not: the heading is its name
            return _without_action(_heading_of(clause))
        if name and title and line.endswith(("：", ":")):
            return _key_of_heading(name, clause.heading)
        if name:
            return name
    heading = clause.heading if clause.heading and not _is_question(clause.heading) else None
    if clause.heading and heading is None:
        # A question heading is no name, but the grant it asks about is (灵活就业人员的社会保险补贴怎么补？).
        heading = _granted_noun(clause.heading)
    if heading and _is_sentence(heading.rstrip("：:。；，,")) and (before := _noun_before_bare_grant(piece)):
        # An article's heading cut from its first sentence is no name; 小微企业创业担保贷款按…的50%给予贴息
        # names what it grants by the noun the bare grant word is of (小微企业创业担保贷款贴息).
        return before
    if (not heading or _is_sentence(heading.rstrip("：:。；，,"))) and _TAX_CREDIT.search(piece):
        return _TAX_CREDIT_SAID  # 予以定额依次扣减增值税…，定额标准为每人每年9000元: a tax credit, unnamed
    return _without_action(_spoken_topic((heading or piece[:12]).rstrip("：:。；，,")))


# A speaker's opener (再说灵活就业的, 先讲讲创业这块, 最后说说到哪儿办): it tells the topic that follows, and only the
# topic can name a measure — the words of turning to it name nothing.
_SPOKEN_OPENER = re.compile(
    r"^(?:先|再|又|接着|然后|下面|最后|另外|第[一二三四五六七八九十]+)?(?:来|就|给大家)?(?:说|讲|谈|聊)(?:说|讲|谈|聊|一下|一说|一讲)?"
    r"(?P<topic>[\u4e00-\u9fff]{2,12}?)(?:的|这块|这一块|方面)?(?:政策)?$"
)


def _spoken_topic(heading: str) -> str:
    """A heading that is a speaker's opener, read as the topic it opens; any other heading as it is."""
    opener = _SPOKEN_OPENER.match(heading)
    return opener.group("topic") if opener else heading


# A key shortening its heading's thing runs into it by two characters or more (公益性岗位 + 岗位补贴).
_MIN_KEY_OVERLAP = 2


def _key_of_heading(key: str, heading: str | None) -> str:
    """岗位补贴：每人每月1135元 under a poster's heading 公益性岗位, which names no grant: the key is the grant of the
    heading's thing said short, named by the document's own words as a case is — 岗位补贴（公益性岗位）, never a
    name the text does not say (公益性岗位补贴)."""
    if not heading or _GRANTS.search(heading) or not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", heading):
        return key
    overlap = next((n for n in range(min(len(heading), len(key)), 0, -1) if heading.endswith(key[:n])), 0)
    return f"{key}（{heading}）" if overlap >= _MIN_KEY_OVERLAP and key not in heading else key


# A tax credit said by its verb and the taxes it reduces, with no noun of its own.
_TAX_CREDIT = re.compile(r"(?:扣减|减征|减免|抵减)[^。；]{0,30}?税")
_TAX_CREDIT_SAID = "税收扣减"


def _noun_before_bare_grant(piece: str) -> str | None:
    """给予贴息 / 给予补贴 with no noun of its own, and a noun ending in a grant word before it in the same
    comma part: that noun with the bare grant word."""
    bare = re.search(r"给予(" + _SUFFIX.pattern + ")", piece)
    if bare is None:
        return None
    part = re.split(r"[，,；;]", piece[: bare.start()])[-1]
    match = _SUFFIX.search(part)
    if match is None:
        return None
    head = _BOUNDARY.split(part[max(0, match.start() - 14) : match.start()])[-1]
    return head + match.group(0) + bare.group(1) if len(head) >= 2 else None


# A condition part (…的，) and what it grants, said without a grant word (个人申请10万元及以下创业担保贷款的，
# 免除反担保要求): the grant word of the condition names what is applied for, not what is granted.
_AFTER_CONDITION = re.compile(r"^([^。；，,]+?的)[，,]([^，,。；]{2,12}?)[。；]?$")


def _granted_after_condition(piece: str) -> str | None:
    match = _AFTER_CONDITION.match(piece)
    if match is None or _GRANTS.search(match.group(2)) or FIGURE.search(match.group(2)):
        return None
    return match.group(2)


# A title that says what the government does (发放一次性扩岗补助, 落实失业保险稳岗返还): the measure is its object.
_ACTION = re.compile(r"^(?:发放|落实|开展|实施|兑现|推行|做好|加大|强化|给予)(?=[\u4e00-\u9fff]{3})")


def _without_action(title: str) -> str:
    rest = _ACTION.sub("", title, count=1)
    return rest if rest != title and _SUFFIX.search(rest[-3:]) else title


# Words that say what a sum is counted per (每户, 每家, 每个, 每户每年), before a grant word: no name.
_PER_UNIT = re.compile(r"^(?:每[\u4e00-\u9fff])+$")


_TITLE_OF_DOCUMENT = re.compile(r"《[^《》]*》")


def _granted_noun(piece: str) -> str | None:
    """The words before a grant suffix after the grant verb, cut at the last figure, particle or verb."""
    grant = piece.find("给予")
    titles = [m.span() for m in _TITLE_OF_DOCUMENT.finditer(piece)]
    for match in _SUFFIX.finditer(piece):
        if grant >= 0 and match.start() < grant:
            continue
        if any(start < match.start() < end for start, end in titles):
            continue  # 《四川省就业创业补助资金管理办法》 names the document a measure rests on, no grant
        if piece.startswith(_WHO_RECEIVES, match.end()):
            continue  # 领取失业保险金人员 names a group of people by what they receive, not what is granted
        if grant >= 0 and match.start() == grant + len("给予"):
            # 按吸纳人数每人2000元给予补贴，每户补贴总额…: the grant names no noun of its own (a later
            # 每户补贴总额 is its cap, not its name) — the item's title or heading names it.
            return None
        head = piece[max(0, match.start() - 14) : match.start()]
        head = _BOUNDARY.split(head)[-1]
        if _PER_UNIT.match(head):
            head = ""  # 每户补贴5000元: a count of whom it is paid per (户, 家, 个) names no grant
        if len(head) >= 2:
            return head + match.group(0)
        if piece[: match.start()].endswith("一次性"):
            return "一次性" + match.group(0)  # 再给予一次性奖补2万元
    return None


_WHO_RECEIVES = ("人员", "对象", "者", "期间")


def _kind(text: str) -> MeasureKind | None:
    return next((kind for word, kind in _KINDS if word in text), None)


# A piece whose subject is a business (符合条件的小微企业最高可申请400万元) pays the business.
_BUSINESS_SUBJECT = re.compile(
    r"^(?:符合(?:条件|规定|要求)的)?[\u4e00-\u9fff]{0,8}(?:企业|单位|合作社|经营主体)(?:最高|最多|可|按|贷款)"
    # …whose subject hires the people it is granted for (（一）企业招用就业困难人员，…按单位实际缴纳的…给予补贴): what
    # the employer pays for them is refunded to the employer.
    r"|^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])?\s*(?:各类|本市|本区|本县)?(?:企业|用人单位|用工单位)"
    r"(?:招用|吸纳|招收|新招用|录用)"
)


def _beneficiary(piece: str) -> Beneficiary:
    if _EMPLOYER.search(piece) or _BUSINESS_SUBJECT.match(piece):
        return Beneficiary.EMPLOYER
    if _PROVIDER.search(piece):
        return Beneficiary.PROVIDER
    return Beneficiary.PERSON


def measure_units(
    documents: Iterable[str],
    clauses_of: Callable[[str], list[Clause]],
    curated: Mapping[str, tuple[Measure, ...]],
) -> dict[str, tuple[Measure, ...]]:
    """The measures answers read, per loaded document: the curated file where one exists and still
    fits the document (every curated clause present and every span verbatim in it), otherwise units
    derived from the text. Curated files of documents that are not loaded are ignored, so a deployment
    that replaces the seed documents never answers from them."""
    out: dict[str, tuple[Measure, ...]] = {}
    for document_id in documents:
        clauses = clauses_of(document_id)
        texts = {clause.id: clause.text for clause in clauses}
        mine = curated.get(document_id, ())
        fits = bool(mine) and all(m.clause in texts and m.span in texts[m.clause] for m in mine)
        out[document_id] = mine if fits else derive_measures(document_id, clauses)
    return out
