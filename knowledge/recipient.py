"""Whom a question asks money for: the person, an employer, or a service provider.

公司能补多少, 招贫困户给单位补多少 and 我们厂不是扶贫企业能拿吗 ask what a unit that hires gets; 单位招我，我能拿啥
asks the person's own. The sentence says it: the one a getting verb (拿, 领, 补, 享受, 有啥补贴) is said of — its
subject (公司能拿, 我能拿) or the one given to (给单位补) — is the recipient asked, and one who hires someone (招/雇/
吸纳 …人) asks as the employer, even saying 我能有补贴不 of themself. The kinds of recipient are the registry's own
(`Beneficiary`): a measure paid to another than the one asked is no answer to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.measures import Beneficiary

# The kinds of unit that hire (a 单位 and its sorts: 公司, 企业 and 国企/民企…, 厂, 店, 车间, 合作社, 作坊).
_EMPLOYER = r"用人单位|单位|公司|企业|企|工厂|厂子|厂|门店|店铺|店|车间|合作社|作坊|雇主"
# The kinds of provider paid for a service to others (培训机构, 中介, 劳务经纪人, 孵化基地…).
_PROVIDER = r"机构|中介|经纪人|培训学校|职业学校|技工学校|孵化基地|孵化器|服务站"
# The person and their own (我, 俺, 本人, 我家, 孩子 …): 我们 alone may speak for a unit, so it is none of them.
_PERSON = r"我(?!们)|俺(?!们)|[他她](?!们)|本人|自己|孩子|儿子|女儿|闺女|老公|老婆|爱人|家里人|家人|父母|我爸|我妈"
# A getting verb, or a sum asked of one (给多少), or a tax taken off one's (能减多少税, 免税): what it is said of is
# the recipient.
_GAIN = re.compile(
    r"拿|领|补(?!充)|享受|得到|获得|申请|奖励?|返还|贷|给(?:多少|几)|减(?=多少|几|免|[^，,。？?！!；;\s]{0,3}税)|免(?=税|征)"
    r"|有(?:啥|什么|哪些|没有|没|多少)?(?:补贴|补助|奖励|奖补|优惠|扶持|政策)"
)
# Words between the recipient and its verb (公司[能]拿, 单位[最多能]补): not the recipient.
_BETWEEN = re.compile(r"(?:能|可以|可|能够|还|都|也|各|分别|会|该|应该|再|最多|最高|一共|大概|总共|又|到底|究竟)+$")
_RECEIVER = re.compile(
    rf"(?:(?P<employer>{_EMPLOYER})|(?P<provider>{_PROVIDER})|(?P<person>{_PERSON}))(?:里|这边|那边|方面)?(?:给)?$"
)
# What after a unit word makes it no subject (公司上班 is a place of work; 店铺租金 a thing).
_NOT_A_SUBJECT_AFTER = r"上班|工作|打工|租金|房|区|长|人?说|人?讲|告诉|通知|让|叫"
# A unit made by the person (开店, 办厂, 开公司): the founder's own business, not the one asked for.
_FOUNDED = re.compile(r"(?:开|办|创|搞|注册|成立|贷款开)(?:了|个|一个|一家|家)?[^，,。？?！!；;\s]{0,4}$")
# A unit said as where one is (在公司上班, 从单位辞职): the person's workplace, not a recipient.
_WORKPLACE = re.compile(r"(?:在|从|去|进|到|离开|回|按|作为|当作|算)(?:了|这|那|这个|那个|这家|一家|家|小微|中小微)?$")
# One who hires someone (招了两个大学生, 雇人, 吸纳贫困户): the one paid for hiring is the employer — not a count asked
# of a recruitment (政府购岗招了多少人).
_HIRES = re.compile(
    r"(?<![不没未别])(?:招|雇|吸纳|录用|聘用|聘请|请了)(?!商|标|生|牌|呼|待|手|式|数|募|考|聘会)"
    r"(?!(?:了|到|进|来)?多少)(?:(?:收|录|进|了|个|两|几|一|些|来|到)?[^，,。？?！!；;\s]{0,10}?"
    r"(?:人|工人|员|生|户|者|士兵|军人|劳动力|学徒|伙计|的(?=[，,。？?！!；;\s]|$))|工)"
)
# One who places others in work (介绍进厂, 职介, 劳务经纪): the one paid for it is a provider, whatever unit says it.
_PLACES_OTHERS = re.compile(r"介绍|职介|中介|经纪|推荐就业")
# A hire whose one hired is the speaker or their own (公司招我, 厂里想招我这样的贫困户, 老板雇了俺): the speaker is
# the one hired.
_SPEAKER_HIRED = re.compile(
    rf"(?:招|雇|录用|聘用|聘请|招用|招聘|吸纳)(?:了|过)?(?:{_PERSON.replace('|自己', '')})"
    r"(?:这样的|这种|这类|这号)?[^，,。？?！!；;\s]{0,8}?(?:人|户|生|者|士兵|军人|劳动力)?(?=[^们]|$)"
)
# Joined to the recipient after it (我和公司, 单位跟个人): one more recipient of the same getting verb.
_JOINED_BEFORE = re.compile(
    rf"(?:(?P<employer>{_EMPLOYER})|(?P<provider>{_PROVIDER})|(?P<person>{_PERSON}|个人))(?:里)?(?:和|跟|与|同|以及|还有|或)$"
)
# What a unit is told to have said (有个厂说…, 公司的人讲…, 单位通知…): to the end of its phrase.
_REPORTED = re.compile(rf"(?:{_EMPLOYER}|{_PROVIDER})(?:里|的)?(?:人|的人)?(?:说|讲|告诉我|通知)[^，,。？?！!；;\s]*")
_JOINED_RECEIVER = re.compile(
    rf"(?:(?P<employer>{_EMPLOYER})|(?P<provider>{_PROVIDER})|(?P<person>{_PERSON}|个人))(?:里|这边|那边|方面)?$"
)
_HIRED_PASSIVE = re.compile(r"被[^，,。；;？?\s]{0,8}?(?:录用|聘用|聘请|雇用|雇佣|招用|招聘|招录|招|聘|雇|吸纳)")
# We (我们, 咱们) and what we are or run said after it (我们是一家服装厂, 我们这个小公司): a unit spoken for.
_WE = r"我们|咱们|俺们|咱"
_OURS = r"(?:是|这|这个|那个|这家|一家|个)*[^，,。？?！!；;\s我你他她]{0,8}?"
# Speaking for a unit: its own (我们厂, 咱公司) or as the one who hires or pays for it (厂里管人事的, 公司HR).
_ROLE = r"人事|招聘|人力|HR|hr|老板|负责人|财务"
_SPEAKS_FOR_A_UNIT = re.compile(
    rf"(?:{_WE}){_OURS}(?:{_EMPLOYER})|(?:我|俺)(?:这|这个|那个|这家)?(?:{_EMPLOYER})"
    rf"|(?:{_EMPLOYER})(?:里|的)?(?:管|负责|做|搞)?(?:{_ROLE})"
)
_SPEAKS_FOR_A_PROVIDER = re.compile(
    rf"(?:{_WE}){_OURS}(?:{_PROVIDER})|(?:我|俺)(?:这|这个|那个|这家)?(?:{_PROVIDER})"
    rf"|(?:我|俺)(?:是|做|干|开|搞)[^，,。？?！!；;\s]{{0,8}}?(?:{_PROVIDER})"
)
# A phrase opening with a unit (厂里招工的话…, 企业给她交社保…, 要是公司…): its subject.
_UNIT_SUBJECT = re.compile(
    rf"(?:那|那么|要是|如果|假如|这样)?(?:(?P<employer>{_EMPLOYER})|(?P<provider>{_PROVIDER}))(?!(?:里|这边|那边)?(?:{_NOT_A_SUBJECT_AFTER}))"
)
_OWN = re.compile(r"自己|本人")
_NOUNS = ("贴", "助")
_PHRASES = re.compile(r"[，,。？?！!；;\s]")
# Given to a unit, what is asked after it (政府给厂里啥子, 给单位补多少, 给公司发多少).
_GIVEN_TO = re.compile(
    rf"给(?:我们|咱们|俺们)?(?:(?P<employer>{_EMPLOYER})|(?P<provider>{_PROVIDER}))(?:里)?"
    r"(?:补|发|奖|返|啥|什么|多少|哪些|些|点)"
)


@lru_cache(maxsize=256)
def asked_recipients(question: str) -> frozenset[Beneficiary]:
    """Every recipient the question asks money for: one (`asked_recipient`), two when the getting verb is said of
    two joined (我和公司都能拿吗: the person's own and the employer's, each answered), none when the sentence does
    not say."""
    text = _without_the_speaker_hired(question)
    joined = _joined_recipients(text)
    if len(joined) > 1:
        return joined
    asked = _asked_one(question)
    return frozenset() if asked is None else frozenset({asked})


def asked_recipient(question: str) -> Beneficiary | None:
    """The one recipient the question asks money for, or None when the sentence does not say or asks for two."""
    asked = asked_recipients(question)
    return next(iter(asked)) if len(asked) == 1 else None


def _without_what_is_told(question: str) -> str:
    """The sentence less what a unit is told to have said (有家公司说招残疾人有补贴): a hire or a getting verb in
    it is reported, not asked — the speaker asks of their own case after it."""
    return _REPORTED.sub("，", question)


def _without_the_speaker_hired(question: str) -> str:
    """The sentence less the hires whose one hired is the speaker (被企业录用, 公司招我, 厂里想招我这样的贫困户):
    the speaker is the one hired there, never the one who hires — and what follows is asked of them (公司招我能补多少
    reads 公司，我能补多少). A hire that only says which unit (招我的公司, 雇俺的老板) names that unit: the unit
    stays, a recipient the sentence may join to the speaker (我和招我的公司都能拿吗 reads 我和公司都能拿吗)."""
    text = _HIRED_PASSIVE.sub("", _without_what_is_told(question))
    return _SPEAKER_HIRED.sub("，我", _WHICH_UNIT_HIRES.sub("", text))


# A hire said of the speaker only to tell which unit (招我的公司, 录用我的合作社): a modifier of that unit.
_WHICH_UNIT_HIRES = re.compile(
    rf"(?:招|雇|录用|聘用|聘请|招用|招聘|吸纳)(?:了|过)?(?:{_PERSON.replace('|自己', '')})的(?=(?:{_EMPLOYER}|老板))"
)


def works_for_a_unit(question: str) -> bool:
    """The speaker tells of being the one hired or of going to work at a unit (合作社录用了我, 被企业录用, 去企业上班,
    公司招我): they work for another, so a measure for one who founds a business of their own is not theirs."""
    text = _without_what_is_told(question)
    if _LEFT_OR_FOUNDING.search(text):
        # (原来在去产能的厂子上班，下岗了想自己干点小生意: a workplace left, a business of one's own told)
        return False
    return bool(_HIRED_PASSIVE.search(text) or _HIRE_OF_THE_SPEAKER.search(text) or _WORKS_THERE.search(text))


# A workplace told as left or past (下岗, 解除劳动关系, 原来在…上班), or a business of one's own told (自己干, 开个…厂,
# 创业): the speaker does not tell of working for another now.
_LEFT_OR_FOUNDING = re.compile(
    r"下岗|失业|解除|辞职|离职|被裁|辞退|原来|以前|之前|曾经|退休|创业|自己干|自己做|"
    rf"(?:开|办|创|搞|注册|成立)(?:了|个|一个|一家|家|间)[^，,。？?！!；;\s]{{0,6}}?(?:{_EMPLOYER}|生意|买卖|农家乐|超市)"
)


# The speaker or their own as the whole of the one hired (合作社录用了我这个贫困户, 车间聘用我儿子, 招我的公司) —
# not one named after them (招了我儿子的同学: the classmate is hired).
_HIRE_OF_THE_SPEAKER = re.compile(
    r"(?:招|雇|录用|聘用|聘请|招用|招聘|吸纳)(?:了|过)?"
    r"(?:(?:我|俺|本人)(?:的)?(?:儿子|女儿|闺女|孩子|老公|老婆|爱人|家里人|家人|爸|妈)?(?![们])|[他她](?![们]))"
    rf"(?=$|[，,。？?！!；;\s能可会有要都也还]|这|那|去|来|当|做|干|上班|的(?:{_EMPLOYER}|老板))"
)


def _joined_recipients(text: str) -> frozenset[Beneficiary]:
    """Two recipients joined as the subject of one getting verb (我和公司都能拿, 单位跟个人各补多少)."""
    for phrase in _PHRASES.split(text):
        for gain in _GAIN.finditer(phrase):
            before = _BETWEEN.sub("", phrase[: gain.start()])
            found = _JOINED_RECEIVER.search(before)
            if found is None:
                continue
            kinds = {_kind(found)}
            head = before[: found.start()]
            while (pair := _JOINED_BEFORE.search(head)) is not None:
                kinds.add(_kind(pair))
                head = head[: pair.start()]
            if len(kinds) > 1 and not _founded_or_workplace(before, found):
                return frozenset(kinds)
    return frozenset()


def _kind(found: re.Match[str]) -> Beneficiary:
    if found.group("employer"):
        return Beneficiary.EMPLOYER
    if found.group("provider"):
        return Beneficiary.PROVIDER
    return Beneficiary.PERSON


def _founded_or_workplace(before: str, found: re.Match[str]) -> bool:
    """A unit word that names the speaker's founded business (开店) or their workplace (在公司) is no recipient."""
    return bool(found.group("employer")) and (
        _FOUNDED.search(before, 0, found.start()) is not None or _WORKPLACE.search(before, 0, found.start()) is not None
    )


def _asked_one(question: str) -> Beneficiary | None:
    text = _without_the_speaker_hired(question)
    asking = [p for p in _PHRASES.split(text) if _GAIN.search(p)]
    if not asking or len({_said_recipient(p) for p in asking}) > 1:
        # (比例提高了多少 asks no money; 贫困户自己创业能贷多少，企业招贫困户又能奖多少 asks for two at once)
        return None
    said = _said_recipient(text)
    hires = _HIRES.search(text) is not None
    if hires and any(_OWN.search(p) and not _HIRES.search(p) for p in asking):
        # (贫困户自己创业能贷多少？招贫困户的合作社一人奖多少: one part asks of the person's own)
        return None
    if _PLACES_OTHERS.search(text) and not hires:
        # 人力资源公司帮贫困户介绍进厂…公司能拿多少, 我是劳务经纪人…给我补多少: the provider's money.
        return Beneficiary.PROVIDER
    if said is Beneficiary.PERSON and hires:
        # 店里新招了俩人…我能有补贴不: one who hires asks as the employer, whoever says 我.
        return Beneficiary.EMPLOYER
    if said is not None:
        return said
    if hires:
        return Beneficiary.EMPLOYER
    # (a place the question named is read past as a comma: 我是南江那边做劳务中介的 reads 我是，那边做劳务中介的)
    joined = text.replace("，", "")
    if _SPEAKS_FOR_A_UNIT.search(joined):
        # 我们厂自己办了个培训学校…能不能纳入培训补贴: the speaker speaks for a unit, but whether as an employer or as
        # a provider (its school) the sentence does not say — neither side is set aside.
        return None
    if _SPEAKS_FOR_A_PROVIDER.search(joined):
        # 我是做劳务中介的…一个人能补好多, 我们培训机构…补多少: the provider's money.
        return Beneficiary.PROVIDER
    # (我 said with no getting verb of it — 有个厂说招失业半年以上的有补贴 我够半年了没 — asks of another's money too.)
    return None


def _names_a_measure(phrase: str, unit_end: int, gain: re.Match[str]) -> bool:
    """孵化基地补贴: a unit word right before 补贴 is part of a measure's name, no one said to get it."""
    return gain.start() == unit_end and phrase[gain.end() : gain.end() + 1] in _NOUNS


_WORKS_THERE = re.compile(rf"(?:去|进|在|到)[^，,。？?！!；;\s]{{0,6}}?(?:{_EMPLOYER})(?:里)?(?:上班|工作|干活|打工)")


def names_an_employer_recipient(question: str) -> bool:
    """The sentence says a unit that hires is who gets the money (公司能拿到什么补贴, 给单位补多少) — not only that
    the speaker hires (我开了家小超市 招了两个人 看看我能享受啥 asks the founder's own check). A unit opening a phrase
    is who gets only in a sentence that hires (厂里招工的话能拿到哪些补贴; not 企业给她交社保有补贴不, asked of a
    daughter's employer)."""
    text = _HIRED_PASSIVE.sub("", question)
    if _WORKS_THERE.search(text):
        # (去扶贫车间上班 车间有补贴不: the unit the speaker works at, asked of as the one hired)
        return False
    said = _said_recipient(text, subjects=_HIRES.search(text) is not None)
    return said is Beneficiary.EMPLOYER


def _said_recipient(text: str, subjects: bool = True) -> Beneficiary | None:
    """The recipient the getting verbs are said of, the last phrase first (the one that asks); `subjects`: a unit
    opening a phrase is its getting verb's subject when none is said right before the verb."""
    for phrase in reversed([p for p in _PHRASES.split(text) if p]):
        given = _GIVEN_TO.search(phrase)
        if given is not None:
            return Beneficiary.EMPLOYER if given.group("employer") else Beneficiary.PROVIDER
        for gain in reversed(list(_GAIN.finditer(phrase))):
            before = _BETWEEN.sub("", phrase[: gain.start()])
            found = _RECEIVER.search(before)
            if found is None or (before == phrase[: gain.start()] and _names_a_measure(phrase, found.end(), gain)):
                # (孵化基地补贴 names a measure: a unit right before 补贴 is no one said to get it)
                continue
            if found.group("employer") and (
                _FOUNDED.search(before, 0, found.start()) or _WORKPLACE.search(before, 0, found.start())
            ):
                continue
            if found.group("employer"):
                return Beneficiary.EMPLOYER
            if found.group("provider"):
                return Beneficiary.PROVIDER
            return Beneficiary.PERSON
        subject = _UNIT_SUBJECT.match(phrase) if subjects else None
        verb = _GAIN.search(phrase, subject.end()) if subject is not None else None
        if subject is not None and verb is not None and not _names_a_measure(phrase, subject.end(), verb):
            # 厂里招工的话能拿到哪些补贴: the unit the phrase opens with gets, none said right before the verb.
            return Beneficiary.EMPLOYER if subject.group("employer") else Beneficiary.PROVIDER
    return None


def hires_someone(question: str) -> bool:
    """The question tells of hiring someone (招贫困户, 雇了两个人, 吸纳高校毕业生), not of being hired."""
    return _HIRES.search(question) is not None and _HIRED_PASSIVE.search(question) is None


def asks_for_another_than(beneficiary: Beneficiary, question: str) -> bool:
    """The question asks money for a recipient other than `beneficiary` (an employer's figure for
    我是贫困户能补多少; a person's or a provider's for 公司能补多少)."""
    asked = asked_recipient(question)
    if asked is None:
        return False
    if asked is Beneficiary.PERSON:
        return beneficiary in (Beneficiary.EMPLOYER, Beneficiary.PROVIDER)
    return beneficiary is not asked


# A clause whose subject is a unit the speaker speaks for (我们厂注册在鲁山县), or a unit's registration (厂子登记在…).
_OF_A_UNIT = re.compile(
    rf"^(?:更正一下|更正|不对|其实|另外|还有|就是)?(?:{_WE}){_OURS}(?:{_EMPLOYER})"
    rf"|^(?:{_EMPLOYER})(?:子)?(?:是)?(?:注册|登记)"
)


def said_of_a_unit(clause: str) -> bool:
    """The clause is said of a unit the speaker speaks for (我们厂注册在鲁山县): what it tells (a place) is the
    unit's, never the speaker's own — unlike 我单位在长春, where the speaker works."""
    return _OF_A_UNIT.search(clause) is not None


# The group a measure is for, as its clause opens it (对自主就业创业的，…; 对符合政府安排工作条件的，…).
_GROUP_OPENED = re.compile(r"对([^，,。；;、]{2,24}?)的[，,]")
# Words of a group phrase that name no one (符合条件的 is anyone the terms fit).
_NO_ONE = re.compile(r"符合|规定|条件|相关|有关|其|人员|的")


def group_opened(span: str) -> str:
    """The group a measure's span opens with (`对…的，`), less the words that name no one; '' when none."""
    found = _GROUP_OPENED.search(span)
    return _NO_ONE.sub("", found.group(1)) if found else ""


def names_the_group(question: str, group: str) -> bool:
    """The question names the group by one of its own words (自主就业 of 自主就业创业): four characters of it in a
    row, or the whole of a shorter one."""
    width = min(4, len(group))
    return width >= 2 and any(group[i : i + width] in question for i in range(len(group) - width + 1))


def for_another_group_of_its_clause(span: str, clause_spans: list[str], question: str) -> bool:
    """The measure is for one group of its clause while the question names another group the clause opens apart
    (对符合政府安排工作条件的… for one who told 我选的自主就业, where the clause goes on 对自主就业创业的…): who
    the person said they are decides which of the clause's groups asks."""
    own = group_opened(span)
    if not own or names_the_group(question, own):
        return False
    others = {group_opened(s) for s in clause_spans} - {own, ""}
    return any(names_the_group(question, other) for other in others)
