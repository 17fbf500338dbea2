"""Alternatives of one measure in a new document, told apart by whom or what each is for: the rows of
a table (大型企业｜每人1000元 / 中小微企业｜每人1500元) and the pieces of a sentence named by their subject
or condition (稳岗返还（大型企业） / 稳岗返还（中小微企业）). A question saying one of them — whole, or
shortened as people shorten a word — asks that one.
"""

from __future__ import annotations

import re

from knowledge.match_ranking import MatchRanking
from knowledge.measure_match import MeasureMatch, told_shares
from knowledge.measures import Measure
from knowledge.query import group_meanings

ROW = "｜"
_QUALIFIER = re.compile(r"（([^（）]+)）$")
# A tier is shortened by dropping one run of its middle — one character (大企业 of 大型企业, 中小企业 of
# 中小微企业) or two (个体户 of 个体工商户) — keeping at least three; shorter, it may be another word (大业).
_DROPPED = 2
_KEPT = 3


def said_shortened(word: str, text: str) -> bool:
    """The text says the word whole, or as people shorten it: first and last characters kept, one run
    of at most two middle characters dropped, three characters or more left (大企业 says 大型企业, 个体户
    says 个体工商户; 大业 does not)."""
    if word in text:
        return True
    return any(
        word[:start] + word[start + dropped :] in text
        for dropped in range(1, _DROPPED + 1)
        for start in range(1, len(word) - dropped)
        if len(word) - dropped >= _KEPT
    )


# The alternatives a tier lists (小微企业、农民专业合作社等其他经营主体): saying one of them says the tier.
_LISTED = re.compile(r"[、，,和或及]|等")
# A tier's names side by side (高级工/三级, 初级工／五级): saying one of them says the tier.
_NAMES_APART = re.compile(r"[/／]")
_MIN_LISTED = 3


# Words people use for what a tier writes otherwise, by group: saying one says the tier's word. A 公司 is
# an 企业 (one way only: 企业 may be a 合伙企业 or 个人独资企业); a 个体户 (个体工商户) is who 从事个体经营;
# the people lifted out of poverty are written 脱贫人口 since 2021 and 建档立卡贫困人口 before, and told as
# the household (脱贫户, 脱贫家庭).
_KIN: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("企业",), ("公司",)),
    (("个体经营",), ("个体工商户", "个体户")),
    (
        ("脱贫人口", "脱贫劳动力", "建档立卡贫困人口", "建档立卡贫困劳动力", "贫困劳动力", "建档立卡贫困户",
         "贫困人口"),
        ("建档立卡贫困劳动力", "建档立卡贫困人口", "建档立卡贫困户", "脱贫劳动力", "脱贫人口", "脱贫家庭", "脱贫户",
         "贫困劳动力", "贫困人口", "贫困家庭", "贫困户", "建档立卡"),
    ),
)  # fmt: skip


def _read_as_written(tier: str, text: str) -> str:
    """The text with a word of a tier's group replaced by the word the tier writes (注册公司 → 注册企业
    beside the tier 创办企业; 脱贫户 → 脱贫人口 beside 招用脱贫人口)."""
    for written, told in _KIN:
        word = next((w for w in written if w in tier), "")
        if word:
            text = re.sub("|".join(told), word, text)
    return text


# The act a tier's item opens with — founding (创办企业, 开办个体工商户, 从事个体经营) or hiring (招用脱贫人口):
# what it founds or hires tells the items apart, said after any such verb (注册的是企业, 招了个脱贫人口员工).
_ACT = re.compile(r"^(?:创办|开办|兴办|新办|注册|成立|从事|招用|招聘|吸纳|雇用|聘用)")
_TOLD_ACT = re.compile(r"创办|开办|兴办|新办|注册|成立|开|办|招用|招聘|招|吸纳|雇用|雇|聘用|聘")
_FILLER = 3  # 了家, 的是, 了个 between the verb and its object


def _said_after_act(item: str, text: str) -> bool:
    found = _ACT.match(item)
    if not found or len(item) - found.end() < 2:
        return False
    done = item[found.end() :]
    if len(done) >= _MIN_LISTED and said_shortened(done, text):
        return True
    return any(
        said_shortened(done, text[told.end() : told.end() + _FILLER + len(done)]) for told in _TOLD_ACT.finditer(text)
    )


def said_tier(tier: str, text: str) -> bool:
    """The text says the tier (whole or shortened) or one of the alternatives it lists, in its own words or
    those the tier writes (公司 of 企业, 脱贫户 of 脱贫人口); an item opening with an act (创办, 招用) is said
    by what it founds or hires."""
    text = _read_as_written(tier, text)
    if said_shortened(tier, text):
        return True
    items = [item for item in _LISTED.split(tier) if len(item) >= _MIN_LISTED]
    if len(items) > 1 and any(said_shortened(item, text) for item in items):
        return True
    names = _NAMES_APART.split(tier)
    if len(names) > 1 and all(names) and any(name in text for name in names):
        return True
    if _share_reached(tier, text):
        return True
    return any(_said_after_act(item, text) for item in items or [tier])


# A tier set by a share reached (见习期满留用率达到50%以上): a share the text tells of keeping people on
# (留下来超过一半 → 60, 十个留了六个 → 60) that meets it says the tier.
_SHARE_TIER = re.compile(r"(?:比例|率)(?:达到|达|超过|在)?(\d+)%(?:及以上|以上)")


def _share_reached(tier: str, text: str) -> bool:
    found = _SHARE_TIER.search(tier)
    return found is not None and any(told >= float(found.group(1)) for told in told_shares(text))


def tier_of(measure: Measure) -> str:
    """What a derived unit is for among its alternatives: a table row's first cell, else the words
    its name carries in brackets; "" for any other unit."""
    if not measure.derived:
        return ""
    found = _QUALIFIER.search(measure.name)
    if found and ROW in measure.span and not measure.span.startswith(found.group(1)):
        # a row's piece named by its own condition (…｜创办小微企业、农民专业合作社等其他经营主体的，每户补贴10000元)
        return found.group(1)
    if ROW in measure.span:
        first, *rest = measure.span.split(ROW)
        return first.strip() if rest else ""
    found = _QUALIFIER.search(measure.name)
    return found.group(1) if found else ""


def base_name(measure: Measure) -> str:
    return _QUALIFIER.sub("", measure.name)


def said_tier_first(relevant: MatchRanking, question: str) -> MatchRanking:
    """Of the best unit's alternatives in its clause (same base name), the one whose tier the question
    says leads — the longest tier said when several are (中小微企业 before 企业), one said whole before one
    only said shortened (个人创业担保贷款 says 个人 whole; 个人合伙创业 only with 合伙 dropped)."""
    if not relevant or not question:
        return relevant
    best = relevant[0]
    if not tier_of(best.measure) and not any(
        tier_of(relevant[p].measure) for p in relevant.positions_in({best.measure.clause})
    ):
        return relevant
    name = base_name(best.measure)
    said = [
        (_said_whole(tier, question) or beside, len(tier), -position)
        for position in relevant.positions_in({best.measure.clause})
        if base_name(relevant[position].measure) == name
        and (tier := tier_of(relevant[position].measure))
        and (
            (beside := _said_beside_name(tier, name, question))
            or said_tier(tier, question)
            or _group_told(relevant[position], name)
            or _said_in_run(tier, name, question, _siblings(relevant, position, name))
        )
    ]
    if not said:
        return _said_in_part_first(relevant, question, name)
    return relevant.moved_first(-max(said)[2])


def _said_beside_name(tier: str, name: str, text: str) -> bool:
    """A tier that repeats a word of its measure's name (合伙创业 of 创业担保贷款) is said by its own words alone
    (几个人合伙最多能贷多少 asks 合伙创业): what the name says of it the question need not say again."""
    own = tier
    for size in range(min(len(name), len(tier)), 1, -1):
        for start in range(len(name) - size + 1):
            own = own.replace(name[start : start + size], "")
    return own != tier and len(own) >= _MIN_OWN and own in text


# The fewest characters of a tier's own words that say it (合伙 of 合伙创业).
_MIN_OWN = 2


def _siblings(relevant: MatchRanking, position: int, name: str) -> str:
    """The sentences of a unit's alternatives in its clause (the same measure for other cases), run together."""
    unit = relevant[position].measure
    return "｜".join(
        relevant[p].measure.span
        for p in relevant.positions_in({unit.clause})
        if p != position and base_name(relevant[p].measure) == name
    )


def _said_in_run(tier: str, name: str, text: str, siblings: str = "") -> bool:
    """A long tier told by a run of its words the question says that neither the measure's name nor its alternatives
    say (入驻区级以上创业孵化基地 by 入驻了区里的创业孵化基地): a place or a case people name as they know it, without
    the document's qualifiers (区级以上) — not a word every alternative shares (见习单位 of 留用率达到50%以上的见习单位
    beside 给予见习单位见习补贴)."""
    return any(
        (run := tier[start : start + size]) in text and run not in name and run not in siblings and not run.isdigit()
        for size in range(len(tier), _MIN_RUN - 1, -1)
        for start in range(len(tier) - size + 1)
    )


# The fewest characters of such a run (创业孵化基地, 正常经营): shorter ones are words any measure shares.
_MIN_RUN = 4


def _group_told(match: MeasureMatch, name: str) -> bool:
    """A group the tier lists (大学生、退役军人、返乡创业人员：每户10000元 is named by its first) is told by a word of
    the question, or the glossary's reading of it (退伍 → 退役军人) — not a word of the measure's own name (创业)."""
    targets = match.measure.targets
    words = [w for w in match.focus if len(w) >= 2 and w not in name]
    return any(said in target for w in words for said in (w, *group_meanings(w)) for target in targets)


def _said_whole(tier: str, text: str) -> bool:
    """The text says the tier, or one of the alternatives it lists, in full (not shortened)."""
    return tier in text or any(item in text for item in _LISTED.split(tier) if len(item) >= _MIN_LISTED)


def _said_in_part_first(relevant: MatchRanking, question: str, name: str) -> MatchRanking:
    """Tiers named alike by their plain name (稳岗返还 of 稳岗返还（大型企业） and 稳岗返还（中小微企业）), none
    said whole or shortened: the one whose tier shares most characters with the question (小企业 of 中小微企业),
    not counting those of the name itself (创业 of 合伙创业 and 创业担保贷款), leads when one shares more than
    every other; otherwise the ranking stays."""
    best = relevant[0]
    if best.named != name:
        return relevant
    shared = sorted(
        (
            (len((set(tier) - set(name)) & set(question)), position)
            for position in relevant.positions_in({best.measure.clause})
            if relevant[position].named == name and (tier := tier_of(relevant[position].measure))
        ),
        reverse=True,
    )
    if len(shared) < 2 or shared[0][0] == shared[1][0]:
        return relevant
    return relevant.moved_first(shared[0][1])


def says_its_tier(match: MeasureMatch, question: str) -> bool:
    tier = tier_of(match.measure)
    return bool(tier) and said_tier(tier, question)
