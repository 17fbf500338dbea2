"""What a question asks: an amount, eligibility, conditions, what a measure is, who is responsible,
how or where to apply, or whether a document is in force (issue 10). The cues are data
(`knowledge/data/intents.yaml`); this module only matches them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from knowledge.datafile import read_yaml
from knowledge.definitions import names_people
from knowledge.instructions import addresses_the_assistant
from knowledge.standards import paid_to_in

INTENTS_FILE = Path(__file__).resolve().parent / "data" / "intents.yaml"


class Intent(StrEnum):
    INSTRUCTION = "instruction"  # addressed to the assistant (忽略规则, 你现在是…): declined
    STATUS = "status"
    DEPARTMENT = "department"
    PROCEDURE = "procedure"
    AMOUNT = "amount"
    CONDITIONS = "conditions"
    ELIGIBILITY = "eligibility"
    WHAT = "what"
    OVERVIEW = "overview"  # no cue: a search-box message (长春创业补贴)


class _IntentCues(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    intent: Intent
    cues: tuple[str, ...]


class _IntentFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    intents: tuple[_IntentCues, ...]
    units: dict[str, tuple[str, ...]]
    open_list: tuple[str, ...]
    document_words: tuple[str, ...]
    issued: tuple[str, ...]
    procedure_nouns: tuple[str, ...]
    payer: tuple[str, ...]
    payer_evidence: tuple[str, ...]


@dataclass(frozen=True)
class AskedIntent:
    primary: Intent
    all: tuple[Intent, ...]
    unit: str | None = None  # for amounts: "ratio", "duration" or "money" when the question says which
    # Every kind of amount the question names (能领几个月、多少钱 → duration and money); `unit` is the first.
    units: tuple[str, ...] = ()
    # Asks what there is (有什么补贴, 哪些政策, 能享受啥扶持): a list of measures answers it. Without it a
    # question about one measure (能不能延长, 怎么算的, a name typed as keywords) gets that measure alone.
    open_list: bool = False
    # Asks how much is needed to qualify (招多少人才有奖励, 交几年才能领): a figure of a condition.
    threshold: bool = False
    # Asks who bears a cost (利息谁出, 医保谁给交): answered from the sentence naming the payer, not
    # from the offices a clause lists as responsible for the work.
    asks_payer: bool = False
    # Asked by a person for themself (我能领啥, 俺有啥补贴): a measure paid to an employer or a provider
    # is not what they asked for when one paid to them matches as well.
    for_self: bool = False
    # Which side of a length of time is asked: "within" (多长时间以内去申请 → 12个月内) or "at_least"
    # (要交满几年 → 3年以上); None when the question says neither.
    bound: str | None = None

    def asks(self, intent: Intent) -> bool:
        return intent in self.all

    @property
    def asks_figure(self) -> bool:
        """An amount question, or one naming a kind of figure other than money (怎么分摊 → a share,
        缓交到啥时候 → a date, 几个人 → a count): 钱 or 标准 alone may only name the topic."""
        return Intent.AMOUNT in self.all or any(unit in _FIGURE_UNITS for unit in self.units)


@lru_cache(maxsize=1)
def _data() -> _IntentFile:
    return _IntentFile.model_validate(read_yaml(INTENTS_FILE.read_text(encoding="utf-8")))


def figure_cue_words() -> tuple[str, ...]:
    """The words that ask a kind of figure (多少个, 几个月, 利率, 多少钱), of two characters or more: what a question
    written in pinyin must be read into for the kind of figure it asks to be known (duoshao ge → 多少个, a count)."""
    return tuple(dict.fromkeys(cue for cues in _data().units.values() for cue in cues if len(cue) > 1))


def preload() -> None:
    """Read the intents file and compile its patterns now (a server, at start), not in a first question."""
    _patterns(), _payer(), _open_list(), _issued()


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[Intent, re.Pattern[str]], ...]:
    data = _data()
    return tuple(
        (
            e.intent,
            re.compile("|".join(f"(?:{cue})" for cue in (*e.cues, *(data.issued if e.intent == "status" else ())))),
        )
        for e in data.intents
    )


_FIGURE_UNITS = ("interest", "ratio", "frequency", "date", "duration", "count", "age")
# 那几个月 / 这几年 / 前几天 / 好几年 / 十几年 / 10几个 point at a time the person means, and after a verb done
# (带了几个贫困户, 打了几年工) 几 is "a few": they ask nothing (疫情那几个月增值税征收率降到多少 asks a
# share, not a length of time; 带了几个贫困户进厂…给我多少服务补贴 asks money, not a count). After a
# plural pronoun (我们几个返乡的, 他们几个人) it counts the people told of.
_DEMONSTRATIVE = re.compile(
    r"(?:那|这|前|头|近|最近|过去|好|十|二十|三十|\d|了|我们|咱们|俺们|他们|她们|你们|咱)几(?:个月|年|天|周|个|名|户|家|人|次)"
)


def asked_unit(question: str) -> str | None:
    """`ratio`, `duration` or `money` (checked in that order: 几个月 is more specific than 多少), else None."""
    return next(iter(asked_units(question)), None)


# A sum the question tells, with its bound (那个最高10万元的贷款, 那80万元补助): it names the measure; it
# asks no sum (年利率是多少, 申报截止到几号 ask a share and a date).
_TOLD_SUM = re.compile(r"(?:最高|最多|最低|至少|不超过|不低于|上限|封顶)?\d+(?:\.\d+)?(?:万|亿)?(?:元|块钱|块)")


def _asking_text(question: str) -> str:
    """The phrases that ask, by a question mark or an intent cue (a unit word alone does not make a
    phrase ask: 帮村里几个贫困户介绍进了厂子 tells a count); the whole question when none does."""
    # Phrases by punctuation only: the words of a search-box message (稳岗返还 截止时间 平顶山) ask together.
    phrases = [(m.group(), question[m.end() : m.end() + 1]) for m in _CLAUSE_PHRASE.finditer(question)]
    last = len(phrases) - 1
    asking = [
        text
        for at, (text, after) in enumerate(phrases)
        # The last phrase asks however it ends (…能缓到什么时候 without a question mark).
        if at == last
        or after in ("？", "?")
        or any(_cue_in(intent, pattern, _A_FEW.sub("，", text)) for intent, pattern in _patterns())
    ]
    return "，".join(asking) if asking else question


# 几 with a measure word inside a story (帮村里几个贫困户介绍进了厂子) tells "a few"; it asks only in a
# phrase that asks otherwise (招几个人能拿补贴？).
_A_FEW = re.compile(r"几(?:[名户家位人]|个(?![月人]))")


def _cue_in(intent: Intent, pattern: re.Pattern[str], text: str) -> bool:
    """Whether the intent's cue is in the text. A few told (招了几个贫困户, 好几年, 那几个月) asks no
    figure: the amount cues are read without them, as the units are."""
    if intent is Intent.AMOUNT:
        text = _TOLD_SUM.sub("，", _DEMONSTRATIVE.sub("，", _without_few_in_yes_no(text)))
    return pattern.search(text) is not None


def asked_units(question: str) -> tuple[str, ...]:
    """Every kind of amount the question names, most specific first. A money cue that only lies
    inside a duration or ratio cue (补多长 holds no 多少) does not count twice: the cue text is taken
    out once it has been read."""
    return _read_units(question)[0]


def without_figure_cues(question: str) -> str:
    """The question with the words that ask for a figure taken out (育儿补贴 一个月多少钱 → 育儿补贴): what
    is left says what the figure is asked of."""
    return _read_units(question)[1]


# The kinds of figure that are a time (a length, a date, how often): asked of the measure just shown, their words
# name no topic of their own (证下来以后多长时间内要去申请, 能补到啥时候).
_TIME_UNITS = ("frequency", "date", "duration")


def without_time_cues(question: str) -> str:
    """The question with the words that ask a length of time, a date or how often taken out (能补到啥时候 → 能补):
    what is left says what the time is asked of."""
    cues = sorted((cue for unit in _TIME_UNITS for cue in _data().units.get(unit, ())), key=len, reverse=True)
    for cue in cues:
        question = question.replace(cue, "，")
    return question


@lru_cache(maxsize=1024)
def _read_units(question: str) -> tuple[tuple[str, ...], str]:
    found: list[str] = []
    rest = _FEW_AS_SUM.sub("多少钱", _DEMONSTRATIVE.sub("，", _without_few_in_yes_no(question)))
    people = _how_many_people(rest)
    if people is not None:
        rest = rest.replace(people, "，", 1)
    for unit, cues in _data().units.items():
        hits = [cue for cue in cues if cue in rest and (cue != "块" or _COUNTED_KUAI.search(rest))]
        if unit == "count" and people is not None:
            hits.append(people)
        per_period = (_PER_PERIOD.search(rest) or _GRANT_HOW_MUCH.search(rest)) if unit == "money" else None
        if per_period is not None:
            hits.append(per_period.group())
        how_often = _HOW_OFTEN.search(rest) if unit == "frequency" else None
        if how_often is not None:
            hits.append(how_often.group())
        when_paid = _WHEN_PAID.search(rest) if unit == "date" else None
        if when_paid is not None:
            hits.append(when_paid.group())
        if hits:
            found.append(unit)
            for cue in sorted(hits, key=len, reverse=True):
                rest = _COUNTED_KUAI.sub("，", rest) if cue == "块" else rest.replace(cue, "，")
    if (
        found
        and "money" not in found
        and any(
            phrase != question and _BARE_HOW_MUCH.search(phrase) and not _read_units(phrase)[0]
            for phrase in _PHRASE.findall(question)
        )
    ):
        # 见习补贴是多少，能补几个月: a bare 多少 ending a phrase of its own, which names no kind of figure,
        # asks the measure's figure itself beside the kind the other phrase names — not only that kind.
        found.append("money")
    return tuple(found), rest


def _how_many_people(text: str) -> str | None:
    """多少 with the people it counts right after it (给多少农村劳动力做培训, 招多少毕业生): a count asked,
    however a paying verb stands before it. The people are named by the words right after 多少, before
    any word of a payment or a link to another noun (多少补贴给困难人员 asks the sum)."""
    for found in _HOW_MANY.finditer(text):
        after = found.group(1)
        for end in range(2, len(after) + 1):
            if _PAYMENT_CHARS.search(after[:end]):
                break
            if names_people(after[:end]):
                return "多少" + after[:end]
    return None


_HOW_MANY = re.compile(r"多少([^\s，。？?！!、；;]{1,6})")
# What ends the people's words: a payment's (多少补贴给…), a link to another noun (多少天跟工会或者…), a unit
# of time or a measure word (多少个, 多少天: the count cues and the lengths of time read them).
_PAYMENT_CHARS = re.compile(r"[补贴助奖钱元块给发领拿交贷费跟和或与对向把被的天月年次岁个]")


# A yes/no question (…吗, …不, 有没有…) asks whether, so a 几 inside it asks no number: it is "a few"
# (央企招几个退伍兵有补贴吗, 招几个人有没有奖励 ask whether hiring some pays, not how many). Only people and
# things counted (几个, 几名, 几户 …), not lengths of time (能领几个月吗 is still read as how long); phrase by
# phrase, spaces included (有没有孵化基地 每个县建几个 asks the count in its second phrase).
_YES_NO = re.compile(r"(?:吗|么|嘛|不)[啊呀呢哈]?$|有没有|能不能|可不可以|是不是|行不行|给不给")
_FEW_COUNTED = re.compile(r"几(?:个|名|户|家|位|人)(?!月|年|天|小时|钟头|工作日|星期|礼拜|钱|子儿)")


def _without_few_in_yes_no(question: str) -> str:
    return _PHRASE.sub(
        lambda phrase: _FEW_COUNTED.sub("，", phrase.group()) if _YES_NO.search(phrase.group()) else phrase.group(),
        question,
    )


# 块 counts money only after a number (5000块, 几块, 多少块, 好多块): 这块, 那块, 一块儿 and 板块 name a
# part or say "together" (融资这块谁牵头 asks an office, not a sum).
_COUNTED_KUAI = re.compile(r"(?<=[，\d二两三四五六七八九十百千万几多少])块|(?<![这那哪每])一块(?!儿)")


# 多少 ending its phrase (是多少, 补贴多少？): asks what the measure gives, no kind named.
_BARE_HOW_MUCH = re.compile(r"多少(?:啊|呢|呀|哇)?$")


# 几个 said of money after a paying verb, with no noun after it (技能提升补贴能给几个, 补几个钱): how
# much — not a count (给几个人, 补几个月 keep their noun); and 几个钱 anywhere (一个月几个钱).
_FEW_AS_SUM = re.compile(
    r"(?:给|补|发|拿|领|奖|贴|贷)(?:我|俺|咱)?几个(?:钱|子儿)?(?![人月名户家年天次个岗])|几个(?:钱|子儿)"
)


# A rate per period or per head (一个月多少, 一个月能领多少, 每人给多少): money, not how long — read
# after the duration cues, so 每个月…领几个月 stays a duration. Between the period and 多少 only an adverb
# or a paying verb: 一年要完成多少 (what a year must achieve) is a count.
_PER_PERIOD = re.compile(
    r"(?:每|一|1)个?(?:月|年|人|次|季度)"
    # what is paid by the period may be named in between (一个月工资是多少, 每月生活费有多少)
    r"(?:的?(?:工资|薪水|薪资|工钱|收入|待遇|补贴|补助|生活费)(?:是|有|大概有|能有)?)?"
    r"(?:大概|大约|平均|一共|总共|最多|最高|能够|能|可以|可|都|给)?"
    r"(?:领|拿|发|给|补|贴|交|缴|贷|补贴|返)?(?:给?我|给?俺|给?咱)?多少"
)


# A grant's own word before 多少 (技能提升补贴多少, 奖补有多少, 补助是多少): the sum it pays — as 补多少 is.
_GRANT_HOW_MUCH = re.compile(r"(?:补贴|补助|奖补|奖励|津贴)(?:是|有|能有|大概有|一共)?多少(?![个年月天次人名户家岁])")


# How often, a verb in between (一年搞几次, 多长时间查一次, 每月开展几次): a frequency.
# When the money comes (啥时候能拿到, 什么时候发, 多会儿到账): a date asked — the day it is paid, which the text may
# not state (then said so). Not when one may apply or qualifies (最早啥时候, 啥时候能报名): a condition answers those.
_WHEN_PAID = re.compile(
    r"(?:什么时候|啥时候|何时|哪天|多会儿?)(?:才|就)?(?:能|可以|会|给)?(?:拿到|领到|到账|到手|发放|发下来|发钱|发(?![布文的出表行])|兑现|打款|打钱)"
)
_HOW_OFTEN = re.compile(
    r"(?:[一1每]年|[一1每]个?月|每季度|多久|多长时间|隔多久)[^，,。？?\s]{0,3}?(?:几次|多少次|[一1]次)(?!性)"
)


# 西南官话 asks "how long / how many / how old" with 好 (要干好久才给, 合同签好长, 招好多个才有奖励, 好大
# 岁数): read as 多 where it asks — the 好X closes the message or a question (…？), or 才 follows within
# its phrase. Told as a fact it stays: 干了好久, 等得好久, 停工好久，…, 好多人都没工作, 好久没上班了.
_SPOKEN_HOW = re.compile(
    r"(?<![了过得的很])好(久|长时间|长|多(?=个|人|名|户|家|年)|大(?=岁数|年纪|年龄))"
    r"(?=(?:[^，,。；;！!？?\s]{0,12}?才|[个人名户家年]?[嘛吗哦呢啊哈呀噻]?(?:[？?]|$)))"
)


# 好多 asking a sum (能贷好多 要利息不, 补好多钱, 有好多嘛): the amount cue's reading (intents.yaml) — before a
# money word or closing its phrase — read as 多少 too, so the kinds of figure asked see it as they see 多少
# (能贷多少 beside 要利息不 asks the sum and the interest). So is 好多 governed by 按 before the verb that pays it
# (按好多补/给/算): how much is paid. Elsewhere 好多 before a verb tells "many" (好多返乡…, 好多发不出工资…); told
# (涨了好多, 少了好多) it stays, and 好多补贴 (many subsidies) names no sum.
_SPOKEN_HOW_MUCH = re.compile(
    r"(?<![了过得的很])好多(?=钱|块|元|万|[嘛吗哦呢啊哈呀噻]?(?:[，,。；;？?！!\s]|$))"
    r"|(?<=按)好多(?=[补给发返算](?![贴助偿]))"
)


def spoken_how(question: str) -> str:
    """The question with the dialect 好X of a phrase that asks read as 多X (好久 → 多久, 贷好多 → 贷多少)."""
    question = _SPOKEN_HOW.sub(lambda m: "多少" if m.group(1) == "多" else "多" + m.group(1), question)
    return _SPOKEN_HOW_MUCH.sub("多少", question)


@lru_cache(maxsize=1024)
def classify(question: str) -> AskedIntent:
    """Every intent whose cue occurs in the question, in priority order; `overview` when none does;
    `instruction` for a message addressed to the assistant itself (knowledge/instructions.py)."""
    if addresses_the_assistant(question):
        return AskedIntent(Intent.INSTRUCTION, (Intent.INSTRUCTION,))
    question = spoken_how(question)
    nouns = procedure_nouns_asked(question)
    asking = _asking_text(question)
    found = tuple(
        intent
        for intent, pattern in _patterns()
        # A figure is asked by a phrase that asks (村里几个建档立卡户… tells a few; …能补几个月 asks).
        if _cue_in(intent, pattern, asking if intent is Intent.AMOUNT else _without_advice(question, intent))
        or (intent is Intent.PROCEDURE and nouns)
    )
    units = asked_units(_TOLD_SUM.sub("，", asking))
    open_list = bool(_open_list().search(question))
    threshold = bool(_THRESHOLD.search(question))
    cue = _payer().search(question)
    payer = cue is not None
    if cue is not None and Intent.AMOUNT in found:
        # The cost whose payer is asked (利息 of 利息是我自己出还是政府给贴) is not a figure asked.
        rest = question[: cue.start()].removesuffix("是") + "，" + question[cue.end() :]
        rest = _COST_NOUN_BEFORE.sub("，", rest)
        if not dict(_patterns())[Intent.AMOUNT].search(rest):
            found = tuple(intent for intent in found if intent is not Intent.AMOUNT)
    if "ratio" in units and _bears_a_share(question, found):
        # 还不上了谁来承担，按啥比例: the share each one bears is asked — a figure of the measure stating it
        # (按8：2的比例分担), not the offices a clause makes responsible, nor a cost's payer.
        found = (Intent.AMOUNT, *(intent for intent in found if intent not in (Intent.DEPARTMENT, Intent.AMOUNT)))
        payer = False
    unit = units[0] if units else None
    bound = _bound(question)
    for_self = bool(_FIRST_PERSON.search(question)) and not any(word in question for word in _EMPLOYER_VOICE)
    if not found:
        return AskedIntent(
            Intent.OVERVIEW,
            (Intent.OVERVIEW,),
            unit,
            units,
            open_list,
            threshold=threshold,
            asks_payer=payer,
            bound=bound,
            for_self=for_self,
        )
    if found[0] is Intent.STATUS and Intent.AMOUNT in found and _only_which_document(question):
        # 哪个文件写了贷款的数，写的是多少: the document is asked for the figure it states — the figure is
        # what is asked, and each document's line answers which one states it.
        found = tuple(intent for intent in found if intent is not Intent.STATUS)
    # A figure can be asked inside a conditions or eligibility question too (多大年龄以下的能参加).
    return AskedIntent(
        found[0], found, unit, units, open_list, threshold=threshold, asks_payer=payer, bound=bound, for_self=for_self
    )


# Who bears a loss or a share of it (谁来承担, 由谁兜底, 谁分担): with a share asked, the share is the answer.
_BEARS = re.compile(r"(?:谁|哪个|哪家|哪方|哪些)(?:来|去|要|得)?(?:承担|负担|分担|兜底|担(?!保|任|当|心)|赔)|由谁")


def _bears_a_share(question: str, found: tuple[Intent, ...]) -> bool:
    """A share is asked of who bears a loss (谁来承担，按啥比例; 风险怎么分担): the department cue, if any, is only
    the who-bears words — with them taken out no department is asked (哪个部门负责 still is)."""
    if Intent.DEPARTMENT not in found:
        return False
    rest = _BEARS.sub("，", question)
    return _BEARS.search(question) is not None and not dict(_patterns())[Intent.DEPARTMENT].search(rest)


# Which document states something (哪个文件写了, 什么文件里规定): asks for a document only by what it states.
_WHICH_DOCUMENT = re.compile(r"(?:哪个|哪份|哪一份|哪一个)(?:红头)?文件|(?:什么|啥)文件(?:里|中|上)?")


def _only_which_document(question: str) -> bool:
    """The status cue of the question is only a which-document phrase (no 正式, 有效, 哪年发的)."""
    status = dict(_patterns())[Intent.STATUS]
    return bool(_WHICH_DOCUMENT.search(question)) and not status.search(_WHICH_DOCUMENT.sub("，", question))


# A phrase that only asks what to do (…离退休还不到一年，咋弄 / 厂子倒了，我该怎么办 / 后边咋整): advice about the
# situation told — what the documents offer for it — not how to apply for something named.
_ADVICE = re.compile(
    r"(?:后边|后面|以后|之后|往后|接下来|然后|下一步|这下|那下)?"
    r"(?:那|那我|我|俺|我们|咱|这)?(?:该|应该|要|得)?(?:怎么办|咋办|咋弄|咋整|怎么弄|怎么整|咋个办|怎么搞|咋搞|如何是好)"
    r"(?:呢|啊|呀|哦|嘞|哇)?"
)
# …as a phrase of its own, or words set apart by spaces in one (还没找到工作 我该怎么办呢; 离退休还差10个月 咋办
# 能一直领吗).
_ADVICE_AT_END = re.compile(r"(?:^|(?<=\s))" + _ADVICE.pattern + r"(?=\s|$)")


def _without_advice(question: str, intent: Intent) -> str:
    """The question without its phrases that only ask what to do, for the procedure cues."""
    if intent is not Intent.PROCEDURE:
        return question
    phrases = (_ADVICE_AT_END.sub("", p.strip()) for p in _CLAUSE_PHRASE.findall(question))
    return "，".join(p for p in phrases if p)


# A cost named right before a who-pays cue (贷款利息，) — left as its own phrase once the cue is cut.
_COST_NOUN_BEFORE = re.compile(r"(?:利息|贴息|保费|费用)(?:要|得|该)?，")
_FIRST_PERSON = re.compile(r"我|俺|本人|咱")
# Receiving asked with no one named (失业了能领多少钱, 下岗了有啥钱拿): the asker is who would receive it.
_RECEIVED = re.compile(r"(?:能|可以|可)(?:领|拿|得)(?:到|着)?(?:多少|几|啥|什么)|有(?:啥|什么|没有)钱(?:拿|领)")
# Words of an employer or a provider speaking (我们公司招了…, 我们机构, 我们国企): then what the employer gets is
# asked. 企 holds 企业 and its short forms (国企, 民企, 私企, 外企, 央企).
_EMPLOYER_VOICE = (
    *("企", "单位", "公司", "招用", "招聘", "招了", "吸纳", "雇", "机构", "用人", "员工", "职工"),
    *("学校", "学院", "园区", "基地", "合作社", "我们厂", "本厂"),
)


# A firm named as the person's workplace (从私企辞职了, 在国企上班, 央企下岗的我): where they work or worked, not
# an employer speaking — unless the firm is the speaker's own (我们国企, 我的公司, 本单位): the employer's side.
_FIRM = r"(?:企业|[国私民外央]企|单位|公司|工厂|厂子|厂)"
_WORKPLACE = re.compile(
    r"(?<!我们)(?<!咱们)(?:在|从|进|离开)[^，,。；;！!？?\s]{0,6}?" + _FIRM + r"(?:里|那边|那儿)?"
    r"|(?<!我们)(?<!咱们)(?<!我的)(?<!本)"
    + _FIRM
    + r"(?=(?:里|那边|那儿)?(?:上班|上过班|工作|干活|干了|干过|打工|待过|辞职|辞工|离职|下岗|被裁|被辞|退休|买断))"
)


def without_workplace(question: str) -> str:
    """The question without the firms it names as the person's own workplace (我从私企辞职了 → 我辞职了): what is
    left tells whether an employer speaks."""
    return _WORKPLACE.sub("", question)


# The person asks what they themselves receive (给我多少, 我能领吗, 发给俺不) …
_TO_ME = re.compile(
    r"(?:给|发给|补给|打给)(?:我|俺)(?!们)"
    r"|(?:我|俺)(?![们家])(?:自己)?(?:能|可以|可|能不能|可不可以|也能)?(?:领|拿|得到|享受|申请|要)"
)
# … and speaks neither as one who hires nor for a business of their own (招我进去 is being hired).
_AS_EMPLOYER = re.compile(
    r"(?:招|雇|聘)(?!我|俺)|老板|我们(?:公司|厂|单位|企业|店|合作社)|我的(?:公司|厂|店)|我开|俺开"
)


def asks_own_sum(question: str) -> bool:
    """A person asks what they would receive (我能领多少, 给我多少; with no one named, 失业了能拿多少钱),
    not as one who hires, a business owner or a group (我们留下来…能提到多少); a firm the person works or worked
    at (我从私企辞职了) is no employer speaking."""
    if _speaks_as_employer(question):
        return False
    if _TO_ME.search(question):
        return True
    return _RECEIVED.search(question) is not None and _FIRST_PERSON.search(question) is None


# Who a person asks for: themself (我, 俺) or one of theirs (她, 孩子, 闺女) — and a person's verbs of getting.
_PERSON_VOICE = re.compile(
    r"我|俺|本人|咱|[她他]|孩子|闺女|女儿|儿子|媳妇|老婆|老公|爱人|家里人|(?:能|可以|可)(?:领|拿|贷|借)"
)


def asks_as_a_person(question: str) -> bool:
    """The question is a person's, about themself or a relative (她能领啥, 这个创业担保贷款能贷多少) — not one
    who speaks as an employer or a provider (我们公司…能贷多少, 招人有啥补贴)."""
    if _speaks_as_employer(question):
        return False
    return _PERSON_VOICE.search(question) is not None


def _speaks_as_employer(question: str) -> bool:
    said = without_workplace(question)
    return _AS_EMPLOYER.search(said) is not None or any(word in said for word in _EMPLOYER_VOICE)


# A hiring verb whose object is the asker or one of theirs (招我进去, 雇我的话, 厂里要录用她): the subsidy that
# hire brings is the thing asked about — and it is the employer's.
_HIRES_THE_ASKER = re.compile(r"(?:招|雇|聘|录用|招用)(?:我|俺|她|他)(?!们)")


def tells_being_hired(question: str) -> bool:
    """The person tells that an employer would hire them or theirs (有个厂说招我进去就有社保补贴)."""
    return _HIRES_THE_ASKER.search(question) is not None


def receives_for_self(question: str) -> bool:
    """Whether the question asks what the speaker would be paid as a worker or job-seeker (社保补贴我能领
    多少, 见习补贴给我多少) — not as an employer or a business owner."""
    return bool(_TO_ME.search(question)) and not _AS_EMPLOYER.search(question)


# A length of time asked, then the side of it: within (以内/之内/内) or at least (以上/起).
_LENGTH_ASKED = r"(?:多久|多长时间|多长|几个月|多少个月|几年|多少年|几天|多少天)"
_WITHIN = re.compile(_LENGTH_ASKED + r"[^，,。；;！!？?\s]{0,2}?(?:以内|之内|内)")
_AT_LEAST = re.compile(_LENGTH_ASKED + r"[^，,。；;！!？?\s]{0,2}?(?:以上|之上)|(?:满|够|至少|起码)" + _LENGTH_ASKED)


def _bound(question: str) -> str | None:
    """The side of a length asked, when every length the question asks is asked on that side
    (要交几年失业保险？多久内得去申请 asks two lengths, one of them plain: no side). A limit asked by
    name (有期限没, 时限多长, 过期了吗) is the end of a window: the within side."""
    lengths = len(re.findall(_LENGTH_ASKED, question))
    within, at_least = len(_WITHIN.findall(question)), len(_AT_LEAST.findall(question))
    if not within and _LIMIT_ASKED.search(question):
        within, lengths = within + 1, max(lengths, 1)
    if within and not at_least and within >= lengths:
        return "within"
    if at_least and not within and at_least >= lengths:
        return "at_least"
    return None


# A time limit named (期限, 时限, 有效期, 过期): what it asks is where a window ends.
_LIMIT_ASKED = re.compile(r"期限|时限|有效期|过期|超期|逾期")


# A figure asked, then 才 within the same phrase: how much is needed before the measure applies.
_THRESHOLD = re.compile(r"(?:多少|几|多久|多长)[^，,。；;！!？?\s]{0,12}?才")


@lru_cache(maxsize=1)
def _payer() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in _data().payer))


def payer_cue_at(question: str) -> tuple[int, int] | None:
    """Where a who-pays cue starts and ends (利息|谁出 → (2, 4)), or None."""
    found = _payer().search(question)
    return found.span() if found else None


def names_a_payer(sentence: str) -> bool:
    """Whether a clause's sentence says who bears a cost (财政贴息, 由…缴纳, 从…基金中列支)."""
    return any(word in sentence for word in _data().payer_evidence)


@lru_cache(maxsize=1)
def _open_list() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in _data().open_list))


_PHRASE = re.compile(r"[^，,。；;！!？?\s]+")
_CLAUSE_PHRASE = re.compile(r"[^，,。；;！!？?]+")
# Words that make a phrase ask (吗, 哪, 什么, 多少 …), beside a question mark after it.
_ASKING_WORD = re.compile(r"吗|呢|哪|什么|啥|怎么|怎样|如何|多少|几|是否|能否|有没有|要不要|可不可以|能不能")


def procedure_nouns() -> tuple[str, ...]:
    return _data().procedure_nouns


def procedure_nouns_asked(question: str) -> tuple[str, ...]:
    """The procedure nouns (材料, 流程) said in a phrase that asks — one ending in a question mark or
    holding a question word — or anywhere in a message of one phrase (创业补贴材料). A noun in the story
    told (耐火材料厂, 做电话销售的) asks nothing."""
    nouns = [noun for noun in _data().procedure_nouns if noun in question]
    if not nouns:
        return ()
    if len(_CLAUSE_PHRASE.findall(question)) <= 1:
        return tuple(nouns)  # one phrase, or keywords apart (创业补贴 材料)
    phrases = [(m.group(), question[m.end() : m.end() + 1]) for m in _PHRASE.finditer(question)]
    asking = [text for text, after in phrases if after in ("？", "?") or _ASKING_WORD.search(text)]
    return tuple(noun for noun in nouns if any(noun in text for text in asking))


# A figure the phrase states (听说省级的有80万, 给了5000块): told, not asked.
_STATED_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:元|块钱|块)?")


# Words that pass on what others said (听说省级的有补助): told, not asked.
_HEARSAY = re.compile(r"听说|据说|听人说|听别人说|人家说|别人说|有人说|听朋友说")


def is_told(phrase: str) -> bool:
    """A phrase that passes on what was heard or states a figure (听说省级的有补助, 省级的给30万元):
    what the person knows already, not what they ask."""
    return bool(_HEARSAY.search(phrase) or _STATED_FIGURE.search(phrase))


def phrases_of(question: str) -> tuple[str, ...]:
    """The text between marks of punctuation."""
    return tuple(_PHRASE.findall(question))


def asked_phrases(question: str, strict: bool = False) -> tuple[str, ...]:
    """The phrases of the question that ask (hold an intent or figure cue, or end in a question
    mark): in 春节那会儿我们厂加班生产口罩，新招了一批人，吸纳就业补贴一人多少？ only the last one
    asks; the others tell the person's situation. Every phrase when none holds a cue, unless
    `strict` (then none)."""
    asking, phrases = _read_phrases(question)
    return asking or (() if strict else phrases)


@lru_cache(maxsize=1024)
def _read_phrases(question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The phrases that ask, and every phrase: read once per text (an answer asks this of the same
    question a dozen ways — strict or not, by the abstention, the selection, the measures)."""
    phrases = [(m.group(), question[m.end() : m.end() + 1]) for m in _PHRASE.finditer(question)]
    asking = tuple(
        text
        for text, after in phrases
        if after in ("？", "?")
        or asked_units(_STATED_FIGURE.sub("，", text))
        or any(_cue_in(intent, pattern, text) for intent, pattern in _patterns())
    )
    return asking, tuple(text for text, _ in phrases)


# A phrase told as a condition: 如果/要是… or …的 (主动辞职的，能领失业金吗).
_CONDITION_OPENINGS = ("如果", "要是", "假如", "假设", "若是", "万一", "若")


def told_as_condition(question: str, topic: str) -> bool:
    """A phrase holding the topic (`拖欠+工资` = both words) is told as a condition of what is asked,
    not as the person's situation: it opens with 如果/要是… or ends with 的 (主动辞职的，能领失业金吗)."""
    for match in _PHRASE.finditer(question):
        phrase = match.group()
        if all(part in phrase for part in topic.split("+")) and (
            phrase.startswith(_CONDITION_OPENINGS) or phrase.endswith(("的", "的话"))
        ):
            return True
    return False


def without_cues(question: str) -> str:
    """The question with every intent cue taken out (多少, 什么条件, 去哪办 …): what remains is what
    it is about."""
    for _, pattern in _patterns():
        question = pattern.sub("，", question)
    return question


def is_about_a_document(question: str) -> bool:
    """Names a document (这个文件, 征求意见稿), not one of its measures, or asks what only a document
    has: who issued it, when, under which number (政策措施是哪年发的, 谁发的)."""
    return any(word in question for word in _data().document_words) or bool(_issued().search(question))


# A phrase naming the policies by their field only (就业政策, 这些创业政策, 稳就业政策措施), no measure.
_POLICIES_OF_A_FIELD = re.compile(
    r"(?:^|[，,。；;！!？?\s])的?(?:这边|那边|这里|那里|当地|本地|现行|目前|现在)?的?"
    # (2017年的就业创业政策措施: the year told is the document's own date, before or after the pointing
    # word — 那个2017年的…, 2017年那个…)
    r"(?:(?:19|20)\d{2}年(?:出|发|印发|下发|出台)?的?)?(?:这些|那些|这套|那套|这个|那个)?"
    r"(?:(?:19|20)\d{2}年(?:出|发|印发|下发|出台)?的?)?"
    # (…工作若干政策措施: a document's title says them so — 关于做好…就业创业工作若干政策措施的通知)
    r"(?:稳就业|稳岗|就业创业|创新创业|就业|创业)*的?(?:工作)?(?:若干)?(?:政策措施|政策|措施)"
)


def names_the_policies(unplaced: str) -> bool:
    """The question, its places taken out, names the policies as a whole (平顶山就业政策现在还有效吗 →
    ，就业政策现在还有效吗): asked of their status, the document answers."""
    return _POLICIES_OF_A_FIELD.search(unplaced) is not None


@lru_cache(maxsize=1)
def _issued() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in _data().issued))


# Standards a measure is reckoned by (当地最低工资标准的70%, 按当地最低生活保障标准) that no document of
# this kind states: set elsewhere, by the province or the city each year.
_STANDARD = re.compile(
    # (低保 said alone is the allowance the standard sets — 农村低保一个月发多少; 低保户, 低保家庭 are people)
    r"最低工资(?:标准)?|最低生活保障(?:标准)?|低保(?:标准|金)?(?![户家对人员])|社会平均工资|社平工资|城镇居民人均可支配收入"
)


def standard_asked(question: str) -> str | None:
    """The standard whose own amount a phrase asks (那平顶山现在的最低工资标准是每月多少钱): the phrase
    that asks the figure names the standard and no measure word. None when the standard only says how
    a measure is reckoned (见习补贴按最低工资的百分之几)."""
    for phrase in asked_phrases(question, strict=True):
        found = _STANDARD.search(phrase)
        if found is None or not classify(phrase).asks_figure:
            continue
        if re.match(r"的?(?:多少|几|百分之|百分比|比例)", phrase[found.end() :]):
            continue  # 提到最低工资标准的多少: the share of it a measure pays is asked
        if _RECKONED_BY.search(phrase[: found.start()]):
            continue  # 是照着最低工资发的吗: how a measure is reckoned is asked, not the standard's own amount
        rest = phrase[: found.start()] + phrase[found.end() :]
        if not _MEASURE_WORD.search(rest) and not re.search(r"[%％]|几成|百分之|比例", rest):
            return found.group()
    return None


# The households a standard's own allowance is paid to (低保户, 低保家庭: those on 最低生活保障).


def standard_asked_of_its_people(question: str, names_something: Callable[[str], bool]) -> str | None:
    """The standard's allowance asked by the people it is paid to (低保户一个月好多钱, 五保户每月给多少): a phrase
    asking a figure of those households that names nothing else — no measure, no other thing (`names_something`
    of what is left once the people and the cues are out) — asks what they are paid, which the standard sets
    (低保户创业能拿多少钱, 低保户的求职补贴多少 ask a measure for them). Who each standard is paid to is data
    (knowledge/data/standards.yaml)."""
    for phrase in asked_phrases(question, strict=True):
        paid = paid_to_in(phrase)
        if paid is None or not classify(phrase).asks_figure:
            continue
        found, standard = paid
        rest = without_cues(f"{phrase[: found.start()]}，{phrase[found.end() :]}")
        if not _MEASURE_WORD.search(rest) and not names_something(rest):
            return standard
    return None


# Words saying that an amount is reckoned by what follows (按最低工资算, 参照社平工资定).
_RECKONED_BY = re.compile(r"(?:按|按照|照着?|参照|依照|依据|根据)(?:当地|本地|本市|每月|月)?$")
_MEASURE_WORD = re.compile(r"补贴|补助|奖补|津贴|资助|贷款|贴息|保险金|救助|奖励")


def tells_a_measure_beside_a_standard(question: str) -> bool:
    """The question names a measure besides the standard (见习补贴按最低工资的70%算，那最低工资…)."""
    return _MEASURE_WORD.search(_STANDARD.sub("，", question)) is not None
