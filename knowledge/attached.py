"""A clause whose standard is in an attachment (补贴标准见附件 / 具体标准详见附件2 / 按附件标准给予) grants
what that attachment's table says. At ingest each pointer is joined to the attachment it names: the
table's rows become units of the measure the pointing clause grants (named by it, paid to whom it
pays), and the pointing clause's own units, which state no figure, give way to them — so a question
about the measure is answered by the row that applies to the asker, quoted from the table with the
attachment's own citation, not by "no figure stated" followed by every row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.clauses import Clause
from knowledge.measures import AmountKind, Measure
from knowledge.numerals import chinese_to_number

# 见附件 / 详见附件2 / 按附件一标准 / 按照附件执行 / 参照附件 (附件 alone, not 附件：… in a list).
_POINTER = re.compile(
    r"(?:见|按照?|参照|依照|依据)(?:本[\u4e00-\u9fff]{1,2})?附件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})?"
)
_ATTACHMENT_LABEL = re.compile(r"^附件([0-9]{1,2}|[一二三四五六七八九十]{1,3})?$")
_ROW = "｜"
_QUALIFIER = re.compile(r"（[^（）]*）$")


def _number(numeral: str | None) -> int | None:
    if not numeral:
        return None
    return int(numeral) if numeral.isdigit() else int(chinese_to_number(numeral))


def pointed_attachment(text: str, attachments: dict[int | None, str]) -> str | None:
    """The clause id of the attachment a sentence points at, from the document's attachment clauses
    by number (None: unnumbered): 附件2 is the one labelled 附件2; a pointer without a number, or to
    a document whose one attachment carries none, means its only attachment; 附件3 of a document
    without one means none."""
    found = _POINTER.search(text)
    if found is None or not attachments:
        return None
    wanted = _number(found.group(1))
    if wanted in attachments:
        return attachments[wanted]
    if len(attachments) == 1 and (wanted is None or None in attachments):
        return next(iter(attachments.values()))
    return None


def _states_a_figure(measure: Measure) -> bool:
    return any(amount.kind is not AmountKind.THRESHOLD for amount in measure.amounts)


def _is_row(measure: Measure) -> bool:
    return _ROW in measure.span and _states_a_figure(measure)


def _tier(row: Measure) -> str:
    """The row's first cell when the row's figures are in its other cells (1—2人 of 1—2人｜每人800元;
    高校毕业生 of 高校毕业生｜每人3000元): what the row is for, said in the unit's name."""
    first, *rest = row.span.split(_ROW)
    holds_figure = any(a.text in first for a in row.amounts if a.kind is not AmountKind.THRESHOLD)
    return first.strip() if rest and not holds_figure and len(first.strip()) <= _MAX_TIER else ""


_MAX_TIER = 16


# A clause heading that names what it grants (创业带动就业补贴, 一次性吸纳就业补贴).
_GRANT_HEADING = re.compile(r"(?:补贴|补助|奖补|奖励|贷款|贴息|返还|津贴|资助)$")


def _measure_name(clause: Clause, grantor: Measure) -> str:
    """The measure the pointing clause grants: its heading when the heading names a grant (the pointer
    may be a sentence of its own, 具体补贴标准见附件, naming nothing), else the pointing unit's name."""
    heading = (clause.heading or "").rstrip("：:。；，,")
    return heading if _GRANT_HEADING.search(heading) else _base_name(grantor.name)


def _base_name(name: str) -> str:
    """创业吸纳就业补贴（创业实体…满6个月） → 创业吸纳就业补贴."""
    return _QUALIFIER.sub("", name)


def joined_to_attachments(measures: list[Measure], clauses: Iterable[Clause]) -> list[Measure]:
    """Each clause pointing at an attachment table whose rows state figures, and stating none itself,
    takes the rows as its measure's units; its figureless units of that measure and the table's
    figureless lines (title, header row) are dropped. Documents without such a pointer are unchanged."""
    listed = list(clauses)
    attachments = {
        _number(found.group(1)): clause.id
        for clause in listed
        if (found := _ATTACHMENT_LABEL.match(clause.label)) is not None
    }
    by_clause: dict[str, list[Measure]] = {}
    for measure in measures:
        by_clause.setdefault(measure.clause, []).append(measure)
    standards = _standards_table(listed, by_clause)
    if not attachments and standards is None:
        return measures
    pointers: list[tuple[Clause, list[Measure], str, list[Measure]]] = []
    for clause in listed:
        if clause.id in attachments.values() or clause.id == standards:
            continue
        pointing = [m for m in by_clause.get(clause.id, []) if _POINTER.search(m.span) and not _states_a_sum(m)]
        target = pointed_attachment(clause.text, attachments) if pointing else None
        if target is None and standards is not None:
            # The document's own table of standards (第十六条 本办法所列各项补贴标准按下表执行): an article that
            # grants a measure without its figure is paid what the table's row naming that measure says.
            pointing = [m for m in by_clause.get(clause.id, []) if not _states_a_sum(m)]
            target = standards if pointing else None
        rows = [m for m in by_clause.get(target or "", []) if _is_row(m)]
        if rows:
            pointers.append((clause, pointing, target or "", rows))
    # A table of several measures (补贴项目｜补贴对象｜补贴标准: 就业见习补贴｜…, 技能提升补贴（高级工）｜…) that
    # several articles point at: each row belongs to the article whose measure its first cell names.
    names = {
        target: [(_measure_name(c, p[0]), _base_name(p[0].name)) for c, p, t, _ in pointers if t == target]
        for *_, target, _ in pointers
    }
    by_items = {target for target, said in names.items() for *_, t, rows in pointers if t == target
                for row in rows if any(_item_of(row, n) for n in said)}  # fmt: skip
    renamed: dict[str, Measure] = {}
    dropped: set[str] = set()
    for clause, pointing, target, rows in pointers:
        grantor = pointing[0]
        name = _measure_name(clause, grantor)
        said = (name, _base_name(grantor.name))
        by_item = target in by_items
        own_rows = [row for row in rows if _item_of(row, said) and row.id not in renamed] if by_item else rows
        if not own_rows or any(row.id in renamed for row in own_rows):
            continue  # no table of figures there, or already joined to another clause's measure
        if by_item:
            name = _base_name(grantor.name)
        for row in own_rows:
            item = _item_of(row, said) if by_item else ""
            tier = "" if by_item else _tier(row)
            own = item or (f"{name}（{tier}）" if tier else name)
            aliases = tuple(dict.fromkeys(a for a in (name, row.name, *row.aliases) if a != own))
            # a clause granting two measures (单位社会保险补贴, 灵活就业社会保险补贴): a row pays
            # whom the measure it names pays
            payer = next((m for m in pointing if item and _base_name(m.name) in item), grantor)
            renamed[row.id] = row.model_copy(
                update={
                    "name": own,
                    "aliases": aliases,
                    "kind": payer.kind,
                    "beneficiary": payer.beneficiary,
                    "granted_in": clause.id,
                }
            )
        dropped.update(m.id for m in pointing)
        heading = (clause.heading or "").rstrip("：:。；，,")
        dropped.update(
            m.id
            for m in by_clause[clause.id]
            if not _states_a_figure(m) and (_base_name(m.name) == name or m.span.rstrip("：:。；，,") == heading)
        )
        dropped.update(m.id for m in by_clause[target] if not _states_a_figure(m))
    for *_, target, rows in pointers:
        if target in by_items:  # a row no article points at is its own measure, named by its item
            for row in rows:
                item = row.span.split(_ROW, 1)[0].strip()
                if row.id not in renamed and len(item) <= _MAX_ITEM and _GRANT_HEADING.search(_base_name(item)):
                    aliases = tuple(a for a in (row.name, *row.aliases) if a != item)
                    renamed[row.id] = row.model_copy(update={"name": item, "aliases": aliases})
    return [renamed.get(m.id, m) for m in measures if m.id not in dropped]


# A clause saying the standards of the document's measures are in the table it holds (本办法所列各项补贴标准按下表
# 执行 / 各项补贴标准如下表).
_OWN_TABLE = re.compile(r"标准[^。；，]{0,6}(?:按|见|如|详见)下表")


def _standards_table(clauses: list[Clause], by_clause: dict[str, list[Measure]]) -> str | None:
    """The clause id of the document's table of standards: a clause that says its table gives the standards
    of the document's measures, with two or more rows stating figures; None when there is none."""
    for clause in clauses:
        if _OWN_TABLE.search(clause.text) and sum(_is_row(m) for m in by_clause.get(clause.id, [])) >= 2:
            return clause.id
    return None


def _states_a_sum(measure: Measure) -> bool:
    """A figure paid (a sum, a rate, a share, a cap), not only a condition's or a period's: 见习期限一般为3至
    12个月，补贴标准见附件 still points at the table for what it pays."""
    return any(a.kind not in (AmountKind.THRESHOLD, AmountKind.DURATION) for a in measure.amounts)


def _item_of(row: Measure, names: tuple[str, ...]) -> str:
    """The row's first cell when it names one of a measure's `names` (技能提升补贴（高级工/三级） names
    技能提升补贴, 一次性求职创业补贴 names 求职创业补贴), else ''."""
    first = row.span.split(_ROW, 1)[0].strip()
    fits = len(first) <= _MAX_ITEM and any(name and name in first for name in names)
    return first if fits else ""


_MAX_ITEM = 24
