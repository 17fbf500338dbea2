"""From retrieved clauses to an honest answer: verbatim quotes with exact citations, or a plain
statement that the documents do not cover the question. Nothing here generates text about
policy content; every figure a user sees is inside a quote from the cited clause.

What comes out is a structured `Answer` (status, citations, notices, the missing aspect, the
documents in scope), never sentences: `bot/present` words it for every channel."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache

from knowledge.answer_model import (
    Answer,
    AnswerStatus,
    DirectAnswer,
    DraftDocument,
    ExpiredDocument,
    ExpiredMeasure,
    MeasureRef,
    MissingAspect,
    Notice,
    RegionFallback,
    SourceDocument,
    SupersededDocument,
    ToldSum,
    VersionRef,
)
from knowledge.asked_grant import (
    AskedGrant,
    asked_grants,
    asked_thing_words,
    grants,
    grants_kind_to,
    shares_asked_thing,
)
from knowledge.citations import Citation, make_citation
from knowledge.clause_table import is_held_by_few
from knowledge.clauses import Clause
from knowledge.definitions import (
    Meaning,
    meaning_in,
    mentioning,
    names_people,
    term_in,
    terms_asked,
    without_people_word,
)
from knowledge.documents import Document
from knowledge.granted_figures import ROW
from knowledge.instructions import computation_subject, requests_a_computation
from knowledge.intent import (
    AskedIntent,
    Intent,
    asked_phrases,
    classify,
    is_about_a_document,
    names_a_payer,
    names_the_policies,
    standard_asked,
    standard_asked_of_its_people,
    tells_a_measure_beside_a_standard,
    told_as_condition,
    without_cues,
    without_figure_cues,
)
from knowledge.lexical import evidence_of, most_holding, split_sentences
from knowledge.measure_answer import (
    Selection,
    SelectionPolicy,
    payer_stated,
    pointed_elsewhere,
    select,
    stated_elsewhere,
    with_each_regions_phrase,
)
from knowledge.measure_match import (
    PAYER_WORDS,
    PAYMENT_WORDS,
    MeasureMatch,
    MeasureMatcher,
    asks_to_borrow,
    figures_told_apart_by_group,
    is_concept_word,
    speaks_for_an_employer,
    told_headcounts,
)
from knowledge.measures import MONEY_KINDS, AmountKind, Measure, MeasureKind
from knowledge.measures_grant import granted_part
from knowledge.normalize import to_simplified
from knowledge.payer import paid_for
from knowledge.place_precedence import Leads, RegionsAsked
from knowledge.query import (
    ProcedureAspect,
    QueryAnalysis,
    function_words,
    glossary_meanings,
    is_way_of_asking,
    jieba_words,
    load_glossary,
    load_scope,
    mentions,
    names_a_group,
    nouns,
    thing_words,
    tokenize,
    verbs,
)
from knowledge.registry import Registry
from knowledge.retrieve import HybridRetriever, RankedClauses, Retrieval, ScoredClause
from knowledge.sentence_subject import sentence_subject
from knowledge.standards import written_of
from knowledge.told_figures import holds_a_told_headcount, states_a_told_figure
from knowledge.told_sums import stated_sums, told_sums

ANSWERS_KEPT = 2048  # answers kept per answerer (the same question asked again on the same day)
RETRIEVALS_KEPT = 8  # retrievals whose abstention and selections are kept (`_WorkedOut`)
# A figure that answers "how much": money, a percentage or a fraction (not "1年以上", a condition).
# Where to apply, said for every measure of a document: 本办法所列补贴由…受理, 以上补贴均可…申请, 到哪里申请这些补贴,
# 补贴申请由…受理 (scope.yaml's aspect of a place or site to apply at).
_WHERE_TO_APPLY = "办理地点或网站"
_FOR_ALL = re.compile(
    r"(?:以上|上述|本办法|本措施|本通知|本意见|本细则|本规定|这些|各项|所列)[^，。；？]{0,8}(?:补贴|补助|奖补|资金|政策|待遇)"
    r"[^。；？]{0,30}(?:申请|受理|办理|申领)|补贴申请由|申请人向"
)
# The aspects of applying a document may state once for all its measures (经办机构：以上补贴由…受理; 申请材料：…).
_SAID_FOR_ALL = (_WHERE_TO_APPLY, "所需材料")
# A part of a document titled for applying (四、申报方式, （二）申请材料, （一）经办部门, 三、申报时间): what it
# says of applying it says for every measure of the document, whether or not it repeats 以上补贴.
_APPLYING_PART = re.compile(r"申报|申请|经办|受理|办理")
_GRANT_TITLED = re.compile(r"补贴|补助|奖补|奖励|贷款|津贴|资助|贴息")


def _applying_part(clause: Clause) -> bool:
    """Whether the clause is, or sits in, a part whose short title names applying and no grant."""
    titles = (clause.heading, clause.section_heading or "")
    return any(len(t) <= 12 and _APPLYING_PART.search(t) and not _GRANT_TITLED.search(t) for t in titles)


# How the name of a payment ends (创业补贴, 吸纳就业奖补, 创业担保贷款): a question word naming the measure.
_BENEFIT_NAME_HEADS = ("补贴", "补助", "奖补", "奖励", "贷款", "津贴", "资助")


def _names_asked(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The question's words naming a payment (创业补贴), not a bare 补贴."""
    return tuple(t for t in tokens if len(t) >= 3 and t.endswith(_BENEFIT_NAME_HEADS))


_FIGURE = re.compile(
    r"\d+(?:\.\d+)?(?:元|万元|万|%|倍)|\d+/\d+|[一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+元|\d+:\d+"
)


def _names_its_payer(selection: Selection, paid: tuple[str, ...]) -> bool:
    """Whether a chosen measure's own span says who bears the cost asked (由安置地民政部门为其缴纳, 所需
    资金从失业保险基金中列支): a span naming who pays for 医保 says nothing of who pays 养老保险."""
    return any(_pays_for(match.measure.span, paid) for match in selection.chosen)


def _only_the_payer_asked(selection: Selection, asked: AskedIntent) -> bool:
    """Who bears the cost is all the question asks: not also the measure's conditions (要满足啥条件、钱从
    哪里出) nor a condition's figure (要交几年失业保险？钱从哪里出), nor whether one may pay it oneself
    (社保能自己交不): those keep their own answer, the payer's sentence quoted below it."""
    if selection.kind == "condition":
        return False
    return not (asked.asks(Intent.CONDITIONS) or asked.asks(Intent.ELIGIBILITY))


def _pays_for(text: str, paid: tuple[str, ...]) -> bool:
    """The text names a payer, and the cost asked when the question names one."""
    return names_a_payer(text) and (not paid or any(word in text or _abbreviates(word, text) for word in paid))


def _abbreviates(word: str, text: str, reach: int = 4) -> bool:
    """The word is a short form of a phrase of the text: its characters in order, under `reach` apart
    (医保 of 基本医疗保险费, 社保 of 社会保险)."""
    if len(word) < 2:
        return False
    start = text.find(word[0])
    while start >= 0:
        at, ok = start, True
        for ch in word[1:]:
            at = text.find(ch, at + 1, at + reach)
            if at < 0:
                ok = False
                break
        if ok:
            return True
        start = text.find(word[0], start + 1)
    return False


# How far down the match ranking the measures asked about a cost are looked for (they score near the top).
_ASKED_LOOKED_AT = 12

# Words by which a clause says where its own measure's money comes from (所需资金从…列支).
_FUNDS_OF_THE_MEASURE = ("所需资金", "所需经费", "补贴资金", "奖补资金")


def _with_its_grant(reference: MeasureRef, measure: Measure) -> MeasureRef:
    """A new document's measure answered by its condition: its granted figures (never a condition's) are said after
    it, whichever kind of figure the question asked."""
    if reference.amount_text or not measure.derived:
        return reference
    granted = "；".join(a.text for a in measure.amounts if a.kind is not AmountKind.THRESHOLD)
    return reference.model_copy(update={"amount_text": granted or None})


@dataclass
class _WorkedOut:
    """What an answer works out of one retrieval and reads more than once: `measures_first` abstains or selects on
    the searched ranking, and `decide` reads the same ranking again (`Retrieval.searched`). Kept for that very
    retrieval object (a new question, the same question asked again, a question after a publish, a ranking led by
    another clause is another retrieval, worked out afresh)."""

    retrieval: Retrieval
    abstention: tuple[AnswerStatus | None] | None = None  # (the status,) once worked out
    selections: dict[AskedIntent, Selection | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    status: AnswerStatus
    quoted: list[tuple[ScoredClause, str]] = field(default_factory=list)
    missing: MissingAspect | None = None
    selection: Selection | None = None
    asked: AskedIntent | None = None
    # A document-status answer (正式发布了吗) is about whole documents, not clauses: the ones it names.
    documents: tuple[str, ...] = ()
    # A definition asked (两后生是指啥人) and what the quoted clause says the term means.
    definition: Meaning | None = None


# How far down the searched clauses a term asked to be defined is looked for (it is one of the
# question's own words, so the clauses writing it rank near the top).
_DEFINITION_LOOKED_AT = 20

# Intents answered from the clause text rather than a measure: how to apply, whether a document
# is in force, which department is responsible. Measures say what is granted, not where to queue.
_CLAUSE_INTENTS = (Intent.PROCEDURE, Intent.STATUS, Intent.DEPARTMENT)


# The figure of a cost whose payer is asked (利息/贴息多少): never the figure the measure grants.
_FIGURE_OF_A_COST = "interest"


def _names_beside_cue(word: str, rest: str) -> bool:
    """A word of the question holding a figure cue and words of its own that the question still says
    once the cues are taken out (失业率 → 失业, 征收率 → 征收): it names what the figure is asked of."""
    left = without_figure_cues(word).replace("，", "")
    return bool(left) and left != word and left in rest


def _sentence_holding(text: str, part: str) -> str:
    """The sentence of the text that holds the part (verbatim, from the mark before it to its end)."""
    at = text.find(part)
    start = max(text.rfind(mark, 0, at) for mark in "。；;\n") + 1
    ends = [e for e in (text.find(mark, at + len(part)) for mark in "。；;\n") if e >= 0]
    return text[start : min(ends) + 1 if ends else len(text)].strip()


def _bare_name(name: str) -> str:
    """A measure's name without the bracket that says whose it is (创业担保贷款（个人） → 创业担保贷款)."""
    return name.split("（", 1)[0].split("(", 1)[0]


# What a measure may change of a benefit it names (延长领取失业保险金期限, 提高…补贴标准): such a measure is not the
# benefit itself.
_ATTRIBUTES = ("期限", "标准", "比例", "范围", "门槛", "额度", "年限")


def _adjusts(name: str, word: str) -> bool:
    """The measure's name says the benefit (word) only as what one of its attributes belongs to: it ends in that
    attribute right after the benefit (阶段性延长领取失业保险金期限), not in the benefit (创业担保贷款)."""
    at = name.rfind(word)
    return at >= 0 and name[at + len(word) :] in _ATTRIBUTES


def _overlaps(span: str, sentence: str) -> bool:
    """The quoted sentence is (part of) the measure's span, or holds it."""
    core = sentence.strip("。；;，, ")
    return bool(core) and (core in span or span.strip("。；;") in sentence)


def _recognises(sentence: str, group: str) -> bool:
    """The sentence says how a group of people is recognised or bounded (完善就业困难人员认定办法, 合理确定就业困难人员
    范围), not only what it receives."""
    return "认定" in sentence or f"{group}范围" in sentence


def _lists_no_offices(item: ScoredClause) -> bool:
    return not (item.clause.lead_departments or item.clause.responsible_departments)


def _offices_answer(asked: AskedIntent, quoted: list[tuple[ScoredClause, str]]) -> bool:
    """找谁办, 归哪个部门管: the office asked is answered by the offices the first quoted clause names at its end
    (（市人力资源社会保障局、市财政局负责）) — never 没有写明办理地点 for the where-to-apply its words also say
    (session 37). Who pays (利息谁出) is no office: the sentence naming the payer answers it."""
    return (
        asked.primary is Intent.DEPARTMENT
        and not asked.asks_payer
        and bool(quoted)
        and not _lists_no_offices(quoted[0][0])
    )


def _unless_offices_answer(
    missing: MissingAspect | None, retrieval: Retrieval, asked: AskedIntent, quoted: list[tuple[ScoredClause, str]]
) -> MissingAspect | None:
    """The aspect left unstated — none when it is the where-to-apply of 找谁办 and the offices answer it."""
    if missing is None or missing.kind != "procedure" or not _offices_answer(asked, quoted):
        return missing
    return missing if _where_asked_apart(retrieval, missing) else None


def _where_asked_apart(retrieval: Retrieval, missing: MissingAspect) -> bool:
    """The aspect is asked in words that do not ask whom (去哪申请 beside 哪个部门管): the offices answer only
    the whom — the where is still said unstated. 找谁办 asks whom: its offices answer it whole."""
    aspect = next((a for a in retrieval.analysis.procedure_aspects if a.aspect == missing.name), None)
    if aspect is None:
        return False
    where = tuple(t for t in aspect.triggers if classify(t).primary is not Intent.DEPARTMENT)
    return not aspect.triggers or _step_asked(retrieval.analysis.normalized, where)


def _names_a_thing(text: str) -> bool:
    """The text holds a word that names something (创业 of 低保户创业能拿多少钱), not only numbers and
    function words (1个月, 每个月)."""
    return any(len(t) >= 2 and not t.isdigit() and t not in function_words() for t in tokenize(text))


# Words of every measure (补贴, 政策, 发放): they tell no topic of their own.
_GENERIC_WORD = re.compile(
    r"(?:补贴|补助|资金|政策|文件|规定|标准|发放|给予|享受|申请|领取|支持|有关|相关|多少|什么"
    r"|政府|国家|单位|企业|个人|人员|我们|他们|这个|那个)"
)


# A phrase asking for a benefit of some kind without naming it (听说有个啥一次性补贴能领): after a story
# the story's outside topics (投简历) are the situation, not what is asked.
# Money named (补贴, 贷款), and money asked for by a name or described (政府给多少, 一个人能拿几个钱, 发多少).
_NAMES_MONEY = re.compile(r"补贴|补助|奖补|津贴|资助|贷款|贴息|保险金")
_ASKS_FOR_MONEY = re.compile(
    _NAMES_MONEY.pattern
    + r"|(?:政府|国家|上面|财政)[^，。？?]{0,3}(?:给|发|补|奖)|(?:给|发|补|拿|领)(?:多少|几个?钱|好多)"
)
# What a price or a fee is called (电费, 考试费, 电价), and the words asking for help with one (学费补贴,
# 培训费能报销吗, 鉴定费减免): only a price asked for itself is no question for these documents.
_PRICE_HEADS = ("费", "价", "价格")
_ASKS_FOR_HELP = re.compile(
    r"补(?![缴办交考录领])|奖励|报销|减免|免费|免除|返还|贷款|贴息|津贴|资助|扶持|优惠|政策|给钱|给多少|给不给"
)


def _after_a_number(word: str, question: str) -> bool:
    """Every place the question says the word follows a number (两千块钱, 5000块钱): it is the sum's unit."""
    places = []
    at = question.find(word) if word else -1
    while at >= 0:  # (each place it is said, left to right, not overlapping)
        places.append(at)
        at = question.find(word, at + len(word))
    return bool(places) and all(
        at > 0 and (question[at - 1].isdigit() or question[at - 1] in _NUMERALS) for at in places
    )


_NUMERALS = "零一二两三四五六七八九十百千万亿"


def _price_words(question: str, tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The words of the question naming a price or a fee (电价, 考试费), each with the shorter words
    it ends with: a token ending in one, or, where the segmenter cut the head off (考试 + 费), the two
    and three characters before it with the head."""
    whole = [t for t in tokens if len(t) >= 2 and t.endswith(_PRICE_HEADS)]
    found: list[tuple[str, ...]] = [(t,) for t in whole]
    for head in re.finditer(r"(?<=[\u4e00-\u9fff])[费价]", question):
        end = head.end()
        if not any(t.endswith(question[end - 2 : end]) for t in whole):
            found.append(tuple(question[end - n : end] for n in (2, 3) if end - n >= 0))
    return found


# 还能领吗 / 还可以申请吗 / 还有没有: whether something told stops what one would otherwise have.
_STILL = re.compile(r"还(?:能|可以|可|有没有|有吗|会|算|给|让)")


@dataclass(frozen=True)
class AnswerPolicy:
    """Thresholds for what counts as an answer; chosen on the dev golden set (docs/retrieval.md)."""

    min_evidence: float = 3.0
    outside_evidence: float = 30.0
    outside_max_chars: int = 60
    related_ratio: float = 0.8
    max_citations: int = 4
    max_measures: int = 3


def _most_specific(topics: tuple[str, ...]) -> list[str]:
    """Drop topics contained in a longer matched topic (工伤 inside 工伤认定)."""
    return [t for t in topics if not any(t != other and t in other for other in topics)]


def _told_absent(question: str, topic: str) -> bool:
    """A topic the person says they have not done or do not have (没买房, 没有在本地买房, 未购房): their
    situation told, which may be what a measure asks of them (在本市无自有住房), never the thing asked.
    有没有… and 有无… ask whether there is one: nothing told."""
    return _absent_pattern(topic).search(question) is not None


@lru_cache(maxsize=1024)
def _absent_pattern(topic: str) -> re.Pattern[str]:
    """A topic told as not done or not had (`_told_absent`): built once per topic (a question's topics are those of
    the scope file, and a pattern built per question crowded the `re` module's cache)."""
    return re.compile(rf"(?<!有)(?:没|没有|未|无|从没|从未|不曾)[^，,。；;？?！!\s]{{0,4}}?{re.escape(topic)}")


# An outside topic that is itself a grant's name (租房补贴, 购房补贴): a document may grant it.
_GRANT_TOPIC = re.compile(r"(?:补贴|补助|奖补|津贴|资助)$")


def _said_in(text: str, topic: str, question: str) -> bool:
    """Whether the clause speaks of the topic itself, not only of a longer word that holds it and
    that the question does not use: a clause on 工伤保险 (insurance cover for the self-employed) does
    not answer 算不算工伤 (a work-injury ruling). `拖欠+工资` needs every part."""
    if "+" in topic:
        return mentions(text, topic)
    if topic not in text:
        return False
    words = [w for w in jieba_words(text) if topic in w]
    # The question may split the longer word (大学生创业的基金 for 创业基金): it still speaks of it when
    # it holds every other piece of that word.
    return not words or any(w == topic or all(piece in question for piece in w.split(topic) if piece) for w in words)


# What the money may be spent on, asked (能用来买车吗, 能不能拿来交房租, 可以用于…吗) and said (用于, 用途 …).
_USE_ASKED = re.compile(r"(?:用来|拿来|用于|拿去|用在|花在|用作)")
_USE_SAID = re.compile(r"用于|用途|可用|用来|用作|专款|列支")


def _use_unanswered(question: str, selection: Selection) -> bool:
    """The question asks what the money may be spent on and no chosen measure's sentence says."""
    if not any(_USE_ASKED.search(phrase) for phrase in asked_phrases(question)):
        return False
    return not any(_USE_SAID.search(match.measure.span) for match in selection.chosen)


# How much of a thing is asked, said after it (工资多少, 工资是好多): not the thing's name.
_ASKED_HOW_MUCH = re.compile(r"(?:是|有|能有|能拿|能领)?(?:多少|好多|几)[钱块元个]?$")
# What may stand between a measure's name and a thing of it (公益性岗位 一个月工资, 三支一扶的工资): a space, 的,
# the period the thing is counted by. A verb between asks something done with the measure (创业补贴能交医保吗).
_OF_IT = r"(?:\s|的|(?:一|1|每)个?[月年天])*"
# The word a payment's name ends in (失业保险金, 生活补贴, 一次性求职补贴).
_PAYMENT_NOUN = re.compile(r"(?:保险金|补助金|救济金|补贴|补助|津贴)$")
# A certificate or card a person gets issued (优待证, 居住证): what a how-to question may ask to get.
_CERTIFICATE = re.compile(r"[^\W\d]证$")
# What is asked of a certificate itself, said right after its name: how or where to get it, what it is for, whether
# one can get it (优待证怎么办, 居住证咋个办理, 健康证在哪办, 优待证有啥用, 就业创业证能不能办).
_ABOUT_THE_CERTIFICATE = re.compile(
    r"^(?:要|需要|应该|该)?(?:怎么|怎样|咋|如何|哪里|哪儿|在哪|去哪|到哪|能不能|可不可以|能否|可以|有啥|有什么|是什么|是啥|"
    r"干啥|干什么|办|领|申请|补办|换)"
)
# The person's own certificate told as their story (我有居住证, 拿了优待证, 持残疾证): not what is asked.
# (what names the certificate's holder or kind may stand between: 拿了退役军人优待证)
_CERTIFICATE_HELD = re.compile(
    r"(?:有|拿了|拿到|拿着|持有?|考了|考到|考取了?|办了|领了|取得了?)个?[\u4e00-\u9fff]{0,6}$"
)


def _certificates(tokens: tuple[str, ...]) -> list[str]:
    """The certificates the question names by a word of their own: three characters or more ending in 证 (优待证).
    (A certificate the tokenizer cuts in pieces — 就业/创业/证 — is not read: joining a bare 证 to the words before
    it read 初级证 补多少 and 高级工证 as certificates asked, 9 golden rows answered → refused.)"""
    return [t for t in tokens if len(t) >= 3 and _CERTIFICATE.search(t)]


def _certificate_asked(certificate: str, question: str) -> bool:
    """Whether the question asks about the certificate itself (X证怎么办, 怎么办X证, X证丢了能补办吗, 有啥用) rather
    than telling it as the person's own (有/拿了/持 X证: 我有居住证，在资阳创业能贷款吗) and asking another thing — one
    told as held is asked only when what is asked of it follows right after its name (我有优待证 有啥用)."""
    for match in re.finditer(re.escape(certificate), question):
        before = re.split(r"[，。？！,.?!;；\s]", question[: match.start()])[-1]
        if not _CERTIFICATE_HELD.search(before) or _ABOUT_THE_CERTIFICATE.search(question[match.end() :].lstrip()):
            return True
    return False


def _figure_missing(asked: AskedIntent) -> MissingAspect:
    """No figure of the asked kind is written: `name` is that kind when the question names one other
    than money (多大年龄 → age, 多久 → duration), so the answer says which figure is missing."""
    unit = asked.unit if asked.unit != "money" else None
    return MissingAspect(kind="figure", name=unit)


def _detail_unanswered(question: str, quoted: list[tuple[ScoredClause, str]]) -> MissingAspect | None:
    """A detail of the measure the question asks (是否要交税, 能否再领, 会不会收回 — scope.yaml
    `measure_details`) that no quoted sentence states — another sentence of a clause speaks of another
    measure (稳岗补贴's clause also holds the 个人所得税 of severance pay): the quote is shown, never
    taken for a yes or no."""
    if not quoted:
        return None
    phrases = asked_phrases(question)
    for detail in load_scope().measure_details:
        if any(detail.asked_in(phrase) for phrase in phrases) and not any(detail.said_in(q) for _, q in quoted):
            return MissingAspect(kind="detail", name=detail.aspect)
    return None


# A phrase of a question (split like knowledge/intent.py's phrases), and the particles a phrase that
# asks ends with when it holds no other cue (孩子上学能解决不, 老婆的工作能安排吗).
_QUESTION_PHRASE = re.compile(r"[^，,。；;！!？?\s]+")
_QUESTION_ENDINGS = ("吗", "么", "嘛", "呢", "不", "没", "没有")


class Answerer:
    def __init__(
        self,
        retriever: HybridRetriever,
        policy: AnswerPolicy | None = None,
        matcher: MeasureMatcher | None = None,
        tokenizer: Callable[[str], list[str]] = tokenize,
        selection_policy: SelectionPolicy | None = None,
    ) -> None:
        """`matcher`: the measure registry's matcher; without one, answers name no measures.
        `tokenizer`: jieba by default; the knowledge base passes its token cache, which already holds
        every clause sentence, so choosing a quote re-runs no segmentation."""
        self.matcher = matcher
        self.tokenize = tokenizer
        self.retriever = retriever
        self.registry: Registry = retriever.registry
        self.policy = policy or AnswerPolicy()
        self.selection_policy = selection_policy or SelectionPolicy()
        self._replaced: tuple[date, frozenset[str]] | None = None
        self._jurisdiction_of = _JurisdictionOf(self.registry, matcher)
        # An answer is a function of the question, the region, the day and the documents this answerer
        # holds (one published set: a publish or retire makes a new answerer), so the same question is
        # answered once per day and kept (the most recent ANSWERS_KEPT; `Answer` is frozen).
        self._kept: OrderedDict[tuple[str | bytes, str | None, date], Answer] = OrderedDict()
        self._kept_lock = threading.Lock()
        self._worked_out: dict[int, _WorkedOut] = {}
        self._worked_lock = threading.Lock()

    @cached_property
    def documents(self) -> tuple[SourceDocument, ...]:
        """Every document answers are drawn from (made on the first answer, not at start)."""
        return tuple(_source(doc) for doc in self.registry.documents.values())

    def answer(self, question: str | bytes, region: str | None = None, as_of: date | None = None) -> Answer:
        """The answer to `question` asked in `region` on `as_of` (today). Asked again, the kept answer:
        the same question on the same day from the same documents is the same answer; one made while
        the vector store was unreachable (`degraded`) is not kept, so the next asking tries it again."""
        as_of = as_of or date.today()
        key = (question, region, as_of)
        with self._kept_lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
        retrieval = self.measures_first(self.prefer_in_force(self.retriever.retrieve(question, region), as_of))
        answer = self.compose(retrieval, as_of)
        if not retrieval.degraded:
            with self._kept_lock:
                self._kept[key] = answer
                if len(self._kept) > ANSWERS_KEPT:
                    self._kept.popitem(last=False)
        return answer

    def forget_answers(self) -> None:
        """Drop the kept answers: each question is composed afresh when next asked (bench/bench_scale.py
        times the answer path after a warm pass that asked the same questions)."""
        with self._kept_lock:
            self._kept.clear()

    def retrieve(self, question: str | bytes, region: str | None = None) -> Retrieval:
        """The clauses ranked as an answer reads them: searched, then led by the measures asked."""
        return self.measures_first(self.retriever.retrieve(question, region))

    def measures_first(self, retrieval: Retrieval) -> Retrieval:
        """The clause holding the measure the question asks about first (the one the answer names first,
        `_selection`'s primary); every other clause in its searched order after it. The answer is still
        decided on the searched ranking (`Retrieval.searched`): the lexical score is its evidence. (Leading
        with every measure shown lost hit@3 where they fill the top from several regions: sets 4, 24, 27.)

        The lexical order alone put a clause sharing more of the question's words above the one holding
        the measure asked (资阳贫困户贷多少: the clause on poor families' jobs above the one lending to them;
        长春 大学生 创业 补贴 多少钱: 高校毕业生's social insurance above 大学生创业补贴's own clause)."""
        if self.matcher is None or not retrieval.in_scope_count or self.abstention(retrieval) is not None:
            return retrieval
        selection = self._outweighed(retrieval, self._selection(retrieval, _asked(retrieval.analysis)))
        if selection is None:
            return retrieval
        clause_id = selection.primary.measure.clause
        ranked = retrieval.ranked
        if isinstance(ranked, RankedClauses):
            led: Sequence[ScoredClause] = ranked.leading([clause_id])
        else:
            scoped = list(retrieval.in_scope)
            first = [item for item in scoped if item.clause.id == clause_id]
            led = [*first, *(item for item in scoped if item not in first), *retrieval.ranked[len(scoped) :]]
        return replace(retrieval, ranked=led, searched=retrieval.searched or retrieval)

    def prefer_in_force(self, retrieval: Retrieval, as_of: date) -> Retrieval:
        """Clauses of documents in force first: a superseded or expired document's clauses come after
        every other in-scope clause (each group in its ranked order), so they answer only what the
        current documents do not."""
        replaced_ids = self._replaced_documents(as_of)
        if not replaced_ids:
            return retrieval
        if isinstance(retrieval.ranked, RankedClauses):
            demoted = self.retriever.documents_mask(replaced_ids)
            return replace(retrieval, ranked=retrieval.ranked.demoting(demoted))
        documents = self.registry.documents
        scoped = retrieval.in_scope
        current = [item for item in scoped if not documents[item.clause.document_id].is_replaced(as_of)]
        replaced = [item for item in scoped if documents[item.clause.document_id].is_replaced(as_of)]
        return replace(retrieval, ranked=[*current, *replaced, *retrieval.ranked[len(scoped) :]])

    def _replaced_documents(self, as_of: date) -> frozenset[str]:
        """The documents superseded or expired on that day (kept for the last day asked)."""
        cached = self._replaced
        if cached is None or cached[0] != as_of:
            documents = self.registry.documents.values()
            cached = self._replaced = (as_of, frozenset(d.id for d in documents if d.is_replaced(as_of)))
        return cached[1]

    def status_of(self, retrieval: Retrieval) -> AnswerStatus:
        return self.decide(retrieval).status

    def abstention(self, retrieval: Retrieval) -> AnswerStatus | None:
        """The status to abstain with before any clause is quoted, or None when the best in-scope
        clause is evidence enough to quote.

        The one place that says whether the documents cover a question at all: `decide` starts
        here, and the LangChain adapter returns no documents when this abstains."""
        worked = self._worked(retrieval)
        if worked.abstention is None:
            worked.abstention = (self._abstention(retrieval),)
        return worked.abstention[0]

    def _worked(self, retrieval: Retrieval) -> _WorkedOut:
        """What was worked out of this very retrieval (the last RETRIEVALS_KEPT are kept)."""
        with self._worked_lock:
            kept = self._worked_out.get(id(retrieval))
            if kept is not None and kept.retrieval is retrieval:
                return kept
            if len(self._worked_out) >= RETRIEVALS_KEPT:
                self._worked_out.pop(next(iter(self._worked_out)))
            kept = self._worked_out[id(retrieval)] = _WorkedOut(retrieval)
            return kept

    def _abstention(self, retrieval: Retrieval) -> AnswerStatus | None:
        if retrieval.analysis.to_assistant:
            # Addressed to the assistant (忽略规则, 照着说): declined, whatever words it shares.
            return AnswerStatus.NO_ANSWER
        region = retrieval.analysis.region
        if region.names_a_place and not retrieval.scope:
            return AnswerStatus.REGION_NOT_COVERED
        top = retrieval.in_scope[0] if retrieval.in_scope else None
        if top is None:
            return AnswerStatus.NO_ANSWER
        if (
            top.evidence < self.policy.min_evidence
            and not (self.matcher and self.matcher.names_a_measure(retrieval))
            and not self._tells_a_stated_figure(retrieval)
            and not self._names_measures_by_kind(retrieval)
            and not self._where_said_for_all(retrieval)
            and not self._written_as_asked(retrieval, top)
            and self._apply_by_said(retrieval) is None
        ):
            # Too few shared words, unless the question names a measure outright (长春创业补贴多少钱) or by
            # a figure a clause here states (吉林那个5000块的能要不).
            return AnswerStatus.NO_ANSWER
        if self._only_the_figure_asked_is_shared(retrieval, top) and self._apply_by_said(retrieval) is None:
            return AnswerStatus.NO_ANSWER
        if self._only_stray_characters_shared(retrieval, top) and self._apply_by_said(retrieval) is None:
            return AnswerStatus.NO_ANSWER
        if self._asks_of_a_thing_never_written(retrieval, top):
            return AnswerStatus.NO_ANSWER
        if self._asks_a_price_never_written(retrieval):
            return AnswerStatus.NO_ANSWER
        if self._outside_asked(retrieval, top):
            return AnswerStatus.NO_ANSWER
        return None

    def _outside_asked(self, retrieval: Retrieval, top: ScoredClause) -> list[str]:
        """The topics we know are out of scope (养老金, 工伤认定 … scope.yaml `outside`) that make the question a
        near miss: the clause does not mention them, the question does not match the clause strongly, and it is
        no long self-description that mentions 孩子上学 in passing while asking a policy question."""
        question = retrieval.analysis.normalized
        outside = [t for t in _most_specific(retrieval.analysis.outside_topics) if not _told_absent(question, t)]
        is_short = len(retrieval.analysis.question) <= self.policy.outside_max_chars
        is_near_miss = (
            outside
            and is_short
            and (top.evidence < self.policy.outside_evidence or self._asks_only_outside(retrieval, top, outside))
        )
        if not is_near_miss or self._topic_said_near(retrieval, outside):
            return []
        if (
            self._only_told(outside, retrieval)
            or self._asked_apart(outside, retrieval)
            or self._asks_a_measure_here(outside, retrieval)
        ):
            return []
        return outside

    def _outside_asked_of_a_measure(self, retrieval: Retrieval, asked: AskedIntent) -> Decision | None:
        """平顶山 公益性岗位工资多少: what is asked (工资, a topic no document here sets) is asked of a measure the
        asked place's documents grant and the question names: that is said unstated, plainly, and then what the
        documents do write of that measure — not the bare refusal, as if they knew nothing of it. Still an
        abstention (the status stays NO_ANSWER); only the measures the question names are quoted."""
        matcher = self.matcher
        if matcher is None or retrieval.analysis.to_assistant or not retrieval.in_scope:
            return None
        topics = self._outside_asked(retrieval, retrieval.in_scope[0])
        if not topics or not matcher.names_a_measure(retrieval):
            return None
        selection = self._selection(retrieval, asked)
        named = [m for m in selection.chosen if m.named is not None] if selection is not None else []
        quoted: list[tuple[ScoredClause, str]] = []
        for match in named:
            item = retrieval.scored(match.measure.clause)
            if item is not None and (item, match.measure.span) not in quoted:
                quoted.append((item, match.measure.span))
        if selection is None or not quoted:
            return None
        question = retrieval.analysis.normalized
        for topic in topics:
            thing = _ASKED_HOW_MUCH.sub("", without_figure_cues(topic).replace("，", ""))
            if thing not in thing_words():
                continue  # (辞职, 考啥: what the person did or how they ask, not a thing a measure could state)
            for match in named:
                # Asked of the measure: its name, then the thing in the same phrase (公益性岗位 一个月工资多少), not a
                # thing told before it (信用卡逾期过，还能办创业担保贷款吗 — the person's story, a condition asked).
                if match.named and re.search(re.escape(match.named) + _OF_IT + re.escape(thing), question):
                    name = f"{match.named}的{thing}"
                    return Decision(
                        AnswerStatus.NO_ANSWER, quoted, MissingAspect(kind="detail", name=name), selection, asked
                    )
        return None

    def _shares_only_who_pays(self, retrieval: Retrieval, selection: Selection) -> bool:
        """The chosen measures share with the question (its own words and the glossary's readings of
        them) only words saying that money is paid and who pays it (政府, 补贴), and the question
        neither names a measure, nor tells one of its figures, nor asks a place's measures of a kind
        (资阳奖补)."""
        if (
            self.matcher is None
            or self.matcher.names_a_measure(retrieval)
            or self._tells_a_stated_figure(retrieval)
            or self._names_measures_by_kind(retrieval)
        ):
            return False
        analysis = retrieval.analysis
        words = {t for t in analysis.tokens if is_concept_word(t)} | set(analysis.expansions)
        shared = {
            word
            for match in selection.chosen
            for word in words
            if any(word in text for text in (match.measure.span, match.measure.name, *match.measure.aliases))
        }
        return bool(shared) and shared <= PAYER_WORDS | PAYMENT_WORDS

    def _asked_grant_uncovered(self, retrieval: Retrieval, selection: Selection | None) -> bool:
        """The question asks for a thing by its purpose (养老补贴, 卫生许可证); the measures the answer would
        give (the chosen ones, else the best clause's) grant nothing of that kind, and no curated measure
        of the candidate clauses grants that kind of thing for that purpose. Units cut from a new
        document may miss what they grant: there nothing is concluded."""
        matcher = self.matcher
        analysis = retrieval.analysis
        if matcher is None or not retrieval.in_scope or matcher.names_a_measure(retrieval):
            # (公益性岗位的岗位补贴多少: a measure named outright is covered; its figure unstated is said so)
            return False
        wanted = asked_grants(analysis.unplaced or analysis.normalized, analysis.tokens)
        if not wanted:
            return False
        candidates = [
            measure
            for item in retrieval.in_scope[: matcher.weights.candidate_clauses]
            for measure in matcher.measures_of(item.clause.id)
        ]
        if not candidates or any(measure.derived for measure in candidates):
            return False
        given = (
            [match.measure for match in selection.chosen]
            if selection is not None
            else matcher.measures_of(retrieval.in_scope[0].clause.id)
        )
        question = analysis.unplaced or analysis.normalized
        if any(self._gives_asked(measure, grant, question, analysis.tokens) for grant in wanted for measure in given):
            return False
        return not any(grants(measure, grant) for grant in wanted for measure in candidates)

    @staticmethod
    def _gives_asked(measure: Measure, grant: AskedGrant, question: str, tokens: Sequence[str]) -> bool:
        """Whether a measure the answer would give grants the kind of thing asked — and, where a phrase asks
        for it (每个月有生活补贴不), writes a word of that phrase: 求职创业补贴, found by the story told around it
        (应届大学生留资阳工作), pays, but no 生活补贴."""
        if not grants_kind_to(measure, grant):
            return False
        asked = asked_thing_words(question, tokens, grant)
        return not asked or shares_asked_thing(measure, asked) or grants(measure, grant)

    def _where_said_for_all(self, retrieval: Retrieval) -> bool:
        """Where to apply for a written place's measures, asked in general words (芜湖就业补贴去哪里申请):
        the place's document that says once where its measures are applied for (补贴申请由…受理) answers,
        however few words the question shares with any one measure."""
        analysis = retrieval.analysis
        if not analysis.region.names_a_place or not retrieval.in_scope:
            return False
        aspect = next((a for a in analysis.procedure_aspects if a.aspect == _WHERE_TO_APPLY), None)
        if aspect is None:
            return False
        document_id = retrieval.in_scope[0].clause.id.rsplit("-", 1)[0]
        # (every word the question asks with is the document's own: 办护照去哪里申请 is not its measures')
        text = "".join(clause.body for clause in self.registry.clauses_of(document_id))
        words = [t for t in analysis.tokens if is_concept_word(t)]
        if analysis.outside_topics or not words or not all(word in text for word in words):
            return False
        return self._stated_for_all(document_id, aspect, ()) is not None

    def _due_by(self, retrieval: Retrieval, asked: AskedIntent) -> Decision | None:
        """补贴申请截止到什么时候, of a place's measures as a whole (no measure named): the sentence saying
        by when every application is due (申请条件：…须于2026年11月30日前提交), though no measure holds it."""
        apply_by = self._apply_by_said(retrieval)
        if apply_by is None or (self.matcher and self.matcher.names_a_measure(retrieval)):
            return None
        return Decision(AnswerStatus.ANSWERED, [apply_by], asked=asked)

    def _apply_by_said(self, retrieval: Retrieval) -> tuple[ScoredClause, str] | None:
        """By when applications are due, asked of a written place (补贴申请截止到什么时候, 最晚哪天交材料):
        the best clause's sentence of the place that says by which date one applies (须于2026年11月30日前
        提交申请材料), however few words the question shares with it — a deadline a 申请条件 paragraph
        states for every measure, held by none of them."""
        analysis = retrieval.analysis
        question = analysis.normalized
        if not analysis.region.names_a_place or not (_BY_WHEN.search(question) and _APPLIES.search(question)):
            return None
        if not _asks_a_day(question, _asked(analysis)):
            return None
        # the best clauses, then any clause of a part titled for applying (（三）申请时限：…截止时间为12月10日)
        looked_at = list(retrieval.in_scope[:_APPLY_BY_LOOKED_AT])
        looked_at += [item for item in retrieval.in_scope[_APPLY_BY_LOOKED_AT:] if _applying_part(item.clause)]
        for item in looked_at:
            for sentence in split_sentences(item.clause.text) or [item.clause.text]:
                said = sentence.split("\n")[-1].strip()
                if said and said in item.clause.text and _says_apply_by(said, question):
                    return item, said
        return None

    def _names_measures_by_kind(self, retrieval: Retrieval) -> bool:
        """The question is a place and nothing but words that name its measures by their kind (巴中
        贷款, 资阳奖补): every word of it is in the name of a measure of the best clauses, so it asks
        which of them there are, however few words that makes."""
        matcher = self.matcher
        analysis = retrieval.analysis
        # the place written in the question itself: a bare 有啥补贴 in a chat that knows the place asks
        # what this person may have (the dialogue's situated answer), not a list of every 补贴
        if matcher is None or not analysis.region.names_a_place or analysis.unplaced == analysis.normalized:
            return False
        # Its words, or — told apart from what is asked of them (资阳融资这块是哪个单位牵头: 融资, then its
        # department, and 这块, said of any topic; 融资找哪个部门: 找) — those left when the intent's cues,
        # the function words and the verbs are taken out. A character left alone is a word not read (年, 金
        # of 企业年金): then the question says more than the measures' kind.
        whole = {t for t in analysis.tokens if is_concept_word(t)}
        told = set(tokenize(without_cues(analysis.unplaced))) - function_words() - verbs()
        kinds = [
            sorted(words)
            for words, said in ((whole, set(analysis.tokens)), (told, told))
            if words and len(words) == len(said) and all(is_concept_word(t) for t in said)
        ]
        if not kinds:
            return False
        names = [
            name
            for item in retrieval.in_scope[: matcher.weights.candidate_clauses]
            for measure in matcher.measures_of(item.clause.id)
            if not measure.derived
            for name in (measure.name, *measure.aliases)
        ]
        return any(all(any(word in name for name in names) for word in words) for words in kinds)

    def _asks_only_outside(self, retrieval: Retrieval, top: ScoredClause, topics: list[str]) -> bool:
        """How to do something outside the documents (公积金+提: 咋个提取), asked after a story the best
        clause matches strongly (按灵活就业交了住房公积金): the phrases that ask hold a word of the outside
        topic and no word of that clause, so the strong match is no evidence that the documents answer
        what is asked. A yes-or-no question on the outside thing after the person's group (退役军人子女 高考加分不)
        asks that thing whatever the intent: the group the clause matches is only who asks. (Who pays a cost,
        医保谁给交, is left to the payer's own check.)"""
        question = retrieval.analysis.normalized
        if classify(question).primary is Intent.PROCEDURE:
            asking = asked_phrases(question, strict=True)
        else:
            asking = tuple(
                p.group() for p in _QUESTION_PHRASE.finditer(question) if p.group().endswith(_QUESTION_ENDINGS)
            )
        parts = {part for topic in topics for part in topic.split("+")}
        if not any(part in phrase for phrase in asking for part in parts):
            return False
        return not any(word in phrase for phrase in asking for word in top.matched if is_concept_word(word))

    def _topic_said_near(self, retrieval: Retrieval, topics: list[str]) -> bool:
        """Whether a clause close to the best one speaks of every outside topic itself: then the
        documents do set it (吉林有的单位自己搞了个大学生创业基金，省里会支持吗 — the best clause is
        the graduates' 求职创业补贴, the next one grants 创业基金 its 资金注入), and it is no near miss.
        Close: among the clauses an answer may cite, sharing the topic as a word of the question and,
        besides it, enough other words to be quoted (a clause holding only the topic word is no answer)."""
        question = retrieval.analysis.normalized
        idf = self.retriever.lexical.idf
        for item in retrieval.in_scope[: self.policy.max_citations]:
            if not all(
                (
                    (topic in item.matched or self._names_a_measure_of(item, topic))
                    and _said_in(item.clause.text, topic, question)
                )
                # a short form the clause writes in full (医保 of 医疗保险费; not 简历 of 简化学历)
                or (topic not in item.clause.text and _abbreviates(topic, item.clause.text, reach=3))
                for topic in topics
            ):
                continue
            rest = sorted({t for t in item.matched if not any(t in topic or topic in t for topic in topics)})
            if evidence_of(rest, idf) >= self.policy.min_evidence:
                return True
        return False

    def _names_a_measure_of(self, item: ScoredClause, topic: str) -> bool:
        """A topic the segmenter cuts (租房补贴 → 租房/补贴, so it is never one matched word) that names a
        measure the clause grants (租房补贴（本科及以上）): the clause speaks of it as what it grants — not
        of a sum a measure only mentions (经济补偿金 an employer pays under a layoff measure)."""
        if self.matcher is None or not _GRANT_TOPIC.search(topic):
            return False
        return any(topic in name for m in self.matcher.measures_of(item.clause.id) for name in (m.name, *m.aliases))

    def _only_the_figure_asked_is_shared(self, retrieval: Retrieval, top: ScoredClause) -> bool:
        """The best clause shares enough words only with how the figure is asked (有育儿补贴吗 一个月多少钱:
        月, 钱), not with what it is asked of: the words of the asking are no evidence of the topic."""
        question = retrieval.analysis.normalized
        rest = without_figure_cues(question)
        if rest == question or (self.matcher and self.matcher.names_a_measure(retrieval)):
            return False
        if self._written_as_asked(retrieval, top):
            # 就业服务率: the clause writes the asked figure's own name (…就业服务率达到90%以上).
            return False
        # A word that holds a cue beside words of its own (失业率: 率 asks a share, 失业 names what of) says
        # what the figure is asked of, as its remaining words do.
        topical = sorted({t for t in top.matched if t in rest or t not in question or _names_beside_cue(t, rest)})
        return evidence_of(
            topical, self.retriever.lexical.idf
        ) < self.policy.min_evidence and not self._tells_a_stated_figure(retrieval)

    def _asks_a_price_never_written(self, retrieval: Retrieval) -> bool:
        """The question asks what something costs (电费怎么算, 考试费多少, 物业费多少) — a fee or a price
        no document here ever writes — and asks for no help with it (补贴, 报销, 减免 …): the documents
        set subsidies, never the price of a thing, so no clause answers it."""
        question = retrieval.analysis.normalized
        if _ASKS_FOR_HELP.search(question) or (self.matcher and self.matcher.names_a_measure(retrieval)):
            return False
        said = [w for entry in load_glossary().entries for w in entry.say]
        idf = self.retriever.lexical.idf
        for written in _price_words(question, retrieval.analysis.tokens):
            # the price word and the shorter words it ends with (考试费, 试费) are all unknown here
            if all(idf(w) == 0.0 for w in written) and not any(w in s or s in w for w in written for s in said):
                return True
        return False

    def _only_stray_characters_shared(self, retrieval: Retrieval, top: ScoredClause) -> bool:
        """The best clause has enough shared words only by counting characters jieba left alone that
        the clause uses in other words: 一亩地补贴多少 cuts to 一亩 + 地 + 补贴, and 地 is in 就地、土地、
        创业基地 alike. A character counts where the clause holds it beside a neighbour it has in the
        question (稳就业: 稳 beside 就), as a word would."""
        if self.matcher and self.matcher.names_a_measure(retrieval):
            return False
        question = retrieval.analysis.normalized
        text = top.clause.text
        stray = [t for t in top.matched if len(t) == 1 and not _beside_the_same(t, question, text)]
        if not stray:
            return False
        kept = [t for t in sorted(set(top.matched)) if t not in stray]
        return evidence_of(kept, self.retriever.lexical.idf) < self.policy.min_evidence and not (
            self._tells_a_stated_figure(retrieval)
        )

    def _asks_of_a_thing_never_written(self, retrieval: Retrieval, top: ScoredClause) -> bool:
        """The question is about a thing no document writes (柠檬 of 安岳柠檬几月份上市; vlookup, a word read
        neither as English nor as pinyin) and shares with the best clause only words that name no thing — what
        is done (上市, 匹配), and that one word alone, which the clause says of its own things (企业改制上市): nothing
        it asks about is there.
        A clause sharing a thing asked (集团 of 职教集团, 职工) may answer, as may a measure named or a figure told."""
        if self.matcher and self.matcher.names_a_measure(retrieval):
            return False
        shared = {t for t in top.matched if is_concept_word(t)}
        if len(shared) != 1 or any(word in nouns() for word in shared):
            return False
        idf = self.retriever.lexical.idf
        unread = any(t.isascii() and t.isalpha() and idf(t) == 0.0 for t in retrieval.analysis.tokens)
        return (unread or self._names_a_thing_never_written(retrieval)) and not self._tells_a_stated_figure(retrieval)

    def _written_as_asked(self, retrieval: Retrieval, top: ScoredClause) -> bool:
        """The best clause writes, as one phrase, words the question says together (创业融资, 就业服务率):
        two words or more, four characters or more besides the words asking a figure, and a phrase few
        clauses write (its IDF as one word reaches the evidence bar). Read together, words that are
        common apart (创业, 融资) name one topic of that clause — when the question asks something of
        it (a figure, an office, a condition): a term quoted for another task (把“就业优先”翻译成英文) is not
        asked of the documents."""
        asked = _asked(retrieval.analysis)
        if asked.primary is Intent.OVERVIEW and not asked.asks_figure:
            return False
        words = jieba_words(retrieval.analysis.unplaced or retrieval.analysis.normalized)
        text = top.clause.text
        for start in range(len(words)):
            # the longest run from here the clause writes (a longer one is rarer: its IDF is no lower)
            end = start + 1
            while end <= len(words) and "".join(words[start:end]) in text:
                end += 1
            run = words[start : end - 1]
            phrase = "".join(run)
            if (
                sum(1 for word in run if is_concept_word(word)) >= 2
                and len(without_figure_cues(phrase).replace("，", "")) >= 4
                and self._is_written_rarely(phrase)
            ):
                return True
        return False

    def _is_written_rarely(self, phrase: str) -> bool:
        """The IDF the phrase would have as one word (the clauses whose text holds it; none: 0) reaches the
        evidence bar: some clause writes it, and no more than the bar allows (counted no further)."""
        if self.policy.min_evidence <= 0:
            return True  # an IDF is never below 0, that of a phrase no clause writes included
        clauses = self.retriever.lexical.clauses
        return is_held_by_few(clauses, phrase, most_holding(len(clauses), self.policy.min_evidence))

    def _tells_a_stated_figure(self, retrieval: Retrieval) -> bool:
        """The question tells a sum or share (那个5000块的, 奖补1000) that one of the best in-scope clauses
        states: the figure names the measure."""
        question = retrieval.analysis.normalized
        if self._names_a_thing_never_written(retrieval):
            return False  # 两千块钱买啥手机好: the sum is the price of a thing, not a measure's figure
        top = retrieval.in_scope[: self.policy.max_citations + 2]
        counts = told_headcounts(question)  # 我带动了5个人: a tier holding the count (带动3人以上) names it too
        return any(
            states_a_told_figure(question, item.clause.text) or holds_a_told_headcount(counts, item.clause.text)
            for item in top
        )

    def _names_a_thing_never_written(self, retrieval: Retrieval) -> bool:
        """The question names a thing (a dictionary noun: 手机, 耳机) that no document here writes and the
        glossary does not read as a policy word (老兵 → 退役士兵): what it asks is about that thing. The unit
        of a sum told (两千块钱) is part of the sum, not a thing."""
        question = retrieval.analysis.normalized
        idf = self.retriever.lexical.idf
        said = [w for entry in load_glossary().entries for w in entry.say]
        return any(
            len(word) >= 2
            and word in nouns()
            and idf(word) == 0.0
            and not any(len(s) >= 2 and s in word for s in said)  # (手机上 of 手机上能申请吗 reads no 手机)
            and not _after_a_number(word, question)
            for word in retrieval.analysis.tokens
        )

    def _asked_apart(self, topics: list[str], retrieval: Retrieval) -> bool:
        """Two questions in one message, one of them asking about a measure the documents name and free
        of the outside topics (急需紧缺人才有安家补助吗？孩子上学能解决不): the covered one is answered,
        never dropped with the other. A question that holds both (创业补贴能交公积金吗), or a measure only
        told (我拿了创业补贴，公积金能提取吗), stays a near miss."""
        if self.matcher is None:
            return False
        question = retrieval.analysis.normalized
        asking = asked_phrases(question, strict=True)
        # Each topic must itself be asked (孩子上学能解决不), not told as the situation (上个月我辞职不干了，
        # 失业保险金还能领吗) or as a condition (主动辞职的，能领失业金吗): then it is what turns the answer.
        phrases = [m.group() for m in _QUESTION_PHRASE.finditer(question)]
        for topic in topics:
            holding = [p for p in phrases if mentions(p, topic)]
            if not holding or not all(p in asking or p.endswith(_QUESTION_ENDINGS) for p in holding):
                return False
        return any(
            not any(mentions(phrase, topic) for topic in topics) and self.matcher.names_a_measure(retrieval, phrase)
            for phrase in asking
        )

    def _asks_a_measure_here(self, topics: list[str], retrieval: Retrieval) -> bool:
        """A phrase asks about a measure the searched documents hold, by its name (平顶山 失业补助金 每个月能领多少):
        the scope list decides only topics no document covers, so it never refuses a measure that is there. The
        phrase is not one telling the measure as had (我领过创业补贴了), and every outside entry is only a way of
        asking its figure (每个月能领多少), not another thing (创业补贴能交医保吗 asks 医保; 信用卡逾期过还能办
        创业担保贷款吗 turns on 逾期: those stay with the checks of a topic told or asked apart)."""
        if self.matcher is None or not all(is_way_of_asking(topic) for topic in topics):
            return False
        if not self.matcher.names_a_measure(retrieval):
            return False
        return any(
            not _TOLD_AS_DONE.search(phrase) and self.matcher.names_a_measure(retrieval, phrase)
            for phrase in (m.group() for m in _QUESTION_PHRASE.finditer(retrieval.analysis.normalized))
        )

    def _only_told(self, topics: list[str], retrieval: Retrieval) -> bool:
        """The outside topics are only the person's situation (我们厂加班生产口罩，…吸纳就业补贴一人多少;
        儿子正在到处投简历，他能领一次性求职创业补贴不): the question asks a figure, or whether one may
        have a measure of the documents it names, and no phrase that asks holds a topic. Whether one
        may have it when the topic is told as a condition (主动辞职的，能领失业金吗) turns on that
        condition: the topic is then what is asked."""
        if self.matcher is None:
            return False
        asked = classify(retrieval.analysis.question)
        if not (asked.asks_figure or asked.primary is Intent.ELIGIBILITY):
            return False
        question = retrieval.analysis.normalized
        asking = asked_phrases(question)
        if not (self.matcher.names_a_measure(retrieval) or any(_ASKS_FOR_MONEY.search(phrase) for phrase in asking)):
            return False
        if any(mentions(phrase, topic) for phrase in asking for topic in topics):
            return False
        # 应届毕业生租房补贴 每月给多少: the phrase holding the topic names money — it is what is asked,
        # a search-box noun phrase apart from its question, not the person's story (上学时贷过助学贷款).
        phrases = [m.group() for m in _QUESTION_PHRASE.finditer(question)]
        if any(
            mentions(p, topic) and _NAMES_MONEY.search(p) and not _TOLD_AS_DONE.search(p)
            for p in phrases
            for topic in topics
        ):
            return False
        # 能不能领 after a told situation (儿子正在到处投简历，他能领一次性求职创业补贴不) asks the measure
        # named; after a condition (主动辞职的，能领失业金吗), or asked as 还能… (我自己辞职不干了，失业保险金
        # 还能领吗: may I still), it asks whether that situation stops it.
        if asked.asks_figure:
            return True
        if any(_STILL.search(phrase) for phrase in asking):
            return False
        return not any(told_as_condition(question, topic) for topic in topics)

    def _computation_asked(self, retrieval: Retrieval) -> MissingAspect | None:
        """A sum asked to be worked out for the person (算一下我能拿多少养老金, 帮我算下个税): of a thing the
        documents never state a sum of (instructions.yaml `computation_subjects`), or naming no measure of
        theirs — never 帮我算算创业担保贷款能贷多少, a measure whose clause states its figure."""
        question = retrieval.analysis.question
        if retrieval.analysis.to_assistant or not requests_a_computation(question):
            return None
        subject = computation_subject(question)
        if subject is None and self.matcher is not None and self.matcher.names_a_measure(retrieval):
            return None
        return MissingAspect(kind="computation", name=subject)

    def _declined(self, retrieval: Retrieval, asked: AskedIntent) -> Decision | None:
        """What the documents cannot give, said for what it is rather than by the bare refusal or a near clause."""
        computation = self._computation_asked(retrieval)
        if computation is not None:
            # 帮我算下农家乐的个税: a sum to work out for the person, which no clause states — said plainly,
            # quoting nothing (a tax clause shares 税 with the request, never its sum).
            return Decision(AnswerStatus.NO_ANSWER, missing=computation, asked=asked)
        # 失业补助金巴中有吗: too few words shared to quote anything, and the measure asked by name is only
        # other regions' — said so, not the bare refusal.
        absent = self._named_only_elsewhere(retrieval)
        if absent is not None and not retrieval.analysis.to_assistant:
            return Decision(
                AnswerStatus.NO_ANSWER, self._topic_clause(retrieval, absent.name or ""), absent, asked=asked
            )
        certificate = self._certificate_named_nowhere(retrieval)
        if certificate is not None and not retrieval.analysis.to_assistant:
            # 通江 退役军人优待证 咋个办: what is asked about is a certificate no clause here writes — said
            # plainly, never the measures for the same people (退役士兵安置) as if they answered it.
            return Decision(
                AnswerStatus.NO_ANSWER, missing=MissingAspect(kind="measure", name=certificate), asked=asked
            )
        return None

    def decide(self, retrieval: Retrieval) -> Decision:
        """Whether the documents answer the question, and with which quoted clauses.

        Where the candidate clauses hold measures about the question, the answer is made of those
        measures (their own spans and figures); otherwise of the best sentences of the best clauses.
        Decided on the ranking as searched (a ranking led by the measures asked is made from the decision)."""
        retrieval = retrieval.searched or retrieval
        abstained = self.abstention(retrieval)
        asked = _asked(retrieval.analysis)
        about_document = asked.primary is Intent.STATUS and (
            is_about_a_document(retrieval.analysis.normalized)
            or (names_the_policies(retrieval.analysis.unplaced) and not _when_stated(retrieval, asked))
        )
        if about_document and retrieval.scope and abstained is not AnswerStatus.REGION_NOT_COVERED:
            # Whether a document is in force is answered by the document itself, however few words
            # of the question its clauses share.
            return self._status(retrieval, asked)
        declined = None if abstained is AnswerStatus.REGION_NOT_COVERED else self._declined(retrieval, asked)
        if declined is not None:
            return declined
        if abstained is not None:
            # (平顶山 公益性岗位工资多少: a refusal says what the documents do write of the measure named)
            of_named = (
                self._outside_asked_of_a_measure(retrieval, asked) if abstained is AnswerStatus.NO_ANSWER else None
            )
            return of_named or Decision(abstained)
        # 两后生是指啥人 — or 最多能贷多少，利息谁出: each answered on its own.
        definition = (
            self._due_by(retrieval, asked)
            or self._definition(retrieval, asked)
            or self._figure_beside_payer(retrieval, asked)
        )
        if definition is not None:
            return definition
        if asked.primary in _CLAUSE_INTENTS:
            retrieval = self._told_figure_first(retrieval)
        question = retrieval.analysis.normalized
        standard = (
            standard_asked(question) or standard_asked_of_its_people(question, _names_a_thing)
            if asked.asks_figure
            else None
        )
        if standard is not None:
            return self._standard_unstated(retrieval, standard, asked)
        selection = self._outweighed(retrieval, self._selection(retrieval, asked))
        if self._asked_grant_uncovered(retrieval, selection) or (
            selection is not None and self._shares_only_who_pays(retrieval, selection)
        ):
            # The question's key concept is not covered. 68岁了有没有养老补贴: what is asked for (a payment
            # for old age) is granted by no measure here — the one sharing 养老 grants the right to join the
            # pension insurance. 老车报废换新车 政府补多少钱: the measures found share only 政府 and 补 — how
            # money is asked and who pays it, never what it is for.
            return Decision(AnswerStatus.NO_ANSWER, asked=asked)
        paid = paid_for(retrieval.analysis.normalized) if asked.asks_payer else None
        if selection is not None and asked.asks_payer and not _names_its_payer(selection, paid or ()):
            # 利息是我自己出还是政府给贴: the measures' own spans say nothing of who bears it; the sentence
            # of their clauses that does answers, or the answer says plainly that none does.
            selection = None
        elif selection is not None and asked.asks_payer and _only_the_payer_asked(selection, asked):
            # A measure's own sentence says who bears it: that phrase answers first.
            stated = payer_stated(selection, lambda span: _pays_for(span, paid or ()))
            stated = with_each_regions_phrase(stated, selection.chosen, self._jurisdiction_of)
            return self._from_measures(retrieval, stated or selection, asked)
        elif selection is not None and not (
            # An uncurated unit without a figure may have missed it — but one that ended has none to miss.
            selection.kind == "no_figure"
            and selection.primary.measure.derived
            and not selection.primary.measure.ended
            and not selection.conditions  # (the grades a unit does grant, none of them asked: no figure missed)
        ):
            return self._from_measures(retrieval, selection, asked)
        # Units cut automatically from an uncurated document may miss a measure or its figure: there
        # the best sentences of the best clauses answer, as they would without measures.
        if (
            self._has_curated_measures(retrieval)
            and not asked.asks_payer
            and not self._about_a_measure(retrieval, asked)
        ) or (asked.primary is Intent.AMOUNT and self._payment_named_nowhere(retrieval)):
            # The best clauses say what they grant, and none of it is what was asked: the question's
            # key concept is not covered (最低工资, 电动车上牌), however many words it shares. A new
            # document's units may miss a figure, but not a name its text never says: 失业保险金 asked of
            # clauses that only say 失业保险费 is not covered — quoting them would answer another thing.
            return Decision(AnswerStatus.NO_ANSWER, asked=asked)
        tokens = self.retriever.query_tokens(retrieval.analysis)
        # 哪些部门负责, where the clause lists no offices at its end: its sentence naming 部门.
        offices = asked.primary is Intent.DEPARTMENT and not asked.asks_payer
        chosen = (
            _taking_applications_first(retrieval, self.selected(retrieval)) if offices else self.selected(retrieval)
        )
        quoted = [
            (
                item,
                self.best_quote(
                    item, tokens, paid=paid, naming="部门" if offices and _lists_no_offices(item) else None
                ),
            )
            for item in chosen
        ]
        figure = self._figure_asked_beside(retrieval, asked)
        if figure is not None:
            # 能补多少，怎么申请: the measure's own figure first, then how to apply — its sentences, or
            # plainly that the documents do not say.
            measure_quotes = self._from_measures(retrieval, figure, asked).quoted
            quoted = measure_quotes + [pair for pair in quoted if pair not in measure_quotes]
            how = _procedure_unanswered(retrieval.analysis, quoted) if asked.primary is Intent.PROCEDURE else None
            status = AnswerStatus.NO_ANSWER if how else AnswerStatus.ANSWERED
            return Decision(status, quoted[: len(measure_quotes)] if how else quoted, how, figure, asked)
        missing = _unless_offices_answer(self._unanswered_aspect(retrieval, quoted), retrieval, asked, quoted)
        # The clause states the step asked, but not in the sentence that shares most words with the
        # question (申请条件 beside 受理地点 in a guide's item): its own line is the quote.
        quoted = (
            _step_quoted_first(retrieval, quoted) if missing is None and asked.primary is Intent.PROCEDURE else quoted
        )
        # 樊城区…在哪办: the asker's own place's line of a list of offices.
        quoted, missing = (
            _own_place_first(retrieval, quoted, missing) if asked.primary is Intent.PROCEDURE else (quoted, missing)
        )
        if missing is not None and missing.kind == "procedure":
            quoted, missing = self._applied_for_all(retrieval, quoted, missing)
        quoted = (
            self._applying_part_first(retrieval, quoted)
            if missing is None and asked.primary is Intent.PROCEDURE
            else quoted
        )
        if missing is None and paid:
            quoted, missing = self._payer_unsaid(retrieval, asked, quoted, paid)
        if missing:
            return self._unstated(retrieval, quoted, missing, asked)
        return Decision(AnswerStatus.ANSWERED, quoted, asked=asked)

    def _unstated(
        self, retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]], missing: MissingAspect, asked: AskedIntent
    ) -> Decision:
        """The clauses mention the measure but not what was asked (a figure, a procedure): said so beside the related
        clause, never a made-up answer. 失业保险金咋领, where the place's one clause naming it only extends how long it
        is paid in a region at risk (阶段性延长领取失业保险金期限): how to apply is plainly not written here — another
        measure's sentence is no answer to it."""
        if missing.kind == "procedure" and quoted and self._only_its_object(retrieval, quoted[0]):
            return Decision(AnswerStatus.NO_ANSWER, asked=asked)
        return Decision(AnswerStatus.NO_ANSWER, quoted[:1], missing, asked=asked)

    def _only_its_object(self, retrieval: Retrieval, quoted: tuple[ScoredClause, str]) -> bool:
        """The benefit the question names (失业保险金) is, in every measure of the quoted sentence that bears that
        name, only what another action is done to (阶段性延长领取失业保险金期限: its name ends in 期限), never the
        measure itself (创业担保贷款（个人） ends in 贷款)."""
        if self.matcher is None:
            return False
        item, sentence = quoted
        named = self.matcher.measures_named(retrieval.analysis.normalized)
        bearing = [
            (word, measure)
            for word, ids in named.items()
            for measure in self.matcher.measures_of(item.clause.id)
            if measure.id in ids and measure.span in item.clause.text and _overlaps(measure.span, sentence)
        ]
        return bool(bearing) and all(_adjusts(_bare_name(measure.name), word) for word, measure in bearing)

    def _payer_unsaid(
        self, retrieval: Retrieval, asked: AskedIntent, quoted: list[tuple[ScoredClause, str]], paid: tuple[str, ...]
    ) -> tuple[list[tuple[ScoredClause, str]], MissingAspect | None]:
        """利息谁出 where no sentence of the related clauses says who bears it: said so plainly, never the loan's
        own sentence left to read as the answer — nor another measure's sentence of the same clause
        (创业担保贷款利息谁出 → 中小微企业贷款贴息: not the loan asked), whose place the named measure's span takes."""
        named = self._named_measures(retrieval, asked)
        if any(self._pays_for_named(item, quote, paid, named) for item, quote in quoted):
            return quoted, None
        return self._named_span_first(quoted, named), MissingAspect(kind="payer", name=paid[0])

    def _named_measures(self, retrieval: Retrieval, asked: AskedIntent) -> dict[str, bool]:
        """The measures of the candidate clauses that the question's own words fit as well as the measures it
        names (创业担保贷款 of 创业担保贷款利息谁出), by id, True for those named: none when it names none. A
        measure holding as much of the user's words as the named one (展期 of 还不上…展期了，利息谁承担, the
        创业贷款 named) is asked as much."""
        if self.matcher is None:
            return {}
        matches = list(self.matcher.match(retrieval, asked)[:_ASKED_LOOKED_AT])
        named = [m.own_overlap for m in matches if m.named]
        if not named:
            return {}
        floor = max(named)
        return {m.measure.id: m.named is not None for m in matches if m.named or m.own_overlap >= floor}

    def _pays_for_named(self, item: ScoredClause, quote: str, paid: tuple[str, ...], named: dict[str, bool]) -> bool:
        """The quote says who bears the cost asked — of a measure asked: a sentence that is only the span of
        another measure of the clause (加快推进中小微企业贷款贴息不担保业务 beside the 创业担保贷款 asked) says
        who pays for that one, not for what was asked."""
        # 技能提升补贴的钱是谁出: the cost asked is the named measure itself, so a sentence of its own span that
        # names the fund (所需资金从失业保险基金中列支) says who pays, though it does not repeat the name.
        itself = (
            bool(paid)
            and bool(named)
            and self.matcher is not None
            and any(m_id in named for m_id in self.matcher.measures_named(paid[0]).get(paid[0], ()))
        )
        if not (_pays_for(quote, paid) or (itself and names_a_payer(quote))):
            return False
        if not named or self.matcher is None:
            return True
        measures = self.matcher.measures_of(item.clause.id)
        paying = [s for s in split_sentences(quote) if _pays_for(s, () if itself else paid)] or [quote]
        for sentence in paying:
            core = sentence.strip("。；;，, ")
            owners = [m for m in measures if core and (core in m.span or m.span.strip("。；; ") in sentence)]
            if not owners or any(m.id in named for m in owners):
                return True
        return False

    def _named_span_first(
        self, quoted: list[tuple[ScoredClause, str]], named: dict[str, bool]
    ) -> list[tuple[ScoredClause, str]]:
        """Beside a cost nobody is said to bear, the named measure's own span of the clause quoted — not
        another measure's sentence that named a payer of something else."""
        if not named or self.matcher is None:
            return quoted
        out = []
        for item, quote in quoted:
            own = [m.span for m in self.matcher.measures_of(item.clause.id) if named.get(m.id)]
            out.append((item, quote) if not own or any(span in quote for span in own) else (item, own[0]))
        return out

    def _topic_clause(self, retrieval: Retrieval, name: str) -> list[tuple[ScoredClause, str]]:
        """Beside a measure missing here, the clause here about the rest of the question (巴中给引进人才发
        安家费不: no 安家费 in 巴中's document, but its sentence on 招才引智 is what it says of the topic).

        The best in-scope clause's best sentence, when it holds a topic word of the question: a word
        (or a glossary term for one) that is not the missing name nor the documents' words for it, nor a
        place, nor a word every measure uses, nor a group of people the clause's measures are for — a
        clause about the same people and another measure tells nothing of what was asked. One such word
        of three characters or more, or two shorter ones, in the sentence itself; never a sentence
        stating a sum (another measure's figure beside a missing one)."""
        if not retrieval.in_scope or self.matcher is None:
            return []
        item = retrieval.in_scope[0]
        if item.evidence < self.policy.min_evidence:
            return []
        of_name = {w for entry in load_glossary().entries if any(say in name for say in entry.say) for w in entry.means}
        groups = [target for measure in self.matcher.measures_of(item.clause.id) for target in measure.targets]
        topic = [
            token
            for token in dict.fromkeys(self.retriever.query_tokens(retrieval.analysis))
            if len(token) >= 2
            and not any(token in word for word in of_name)
            and token not in name
            and name not in token
            and not _GENERIC_WORD.fullmatch(token)
            and not names_a_group(token, groups)
        ]
        quote = self.best_quote(item, topic)
        held = [token for token in topic if token in quote]
        if not (any(len(token) >= 3 for token in held) or len(held) >= 2) or _FIGURE.search(quote):
            return []
        return [(item, quote)]

    def _named_only_elsewhere(self, retrieval: Retrieval) -> MissingAspect | None:
        """The question asks, by its name, for a measure only other regions' documents grant (巴中…还有
        失业补助金不; 吉林…政府给房租补贴吗): the searched documents do not have it, however many other
        words their clauses share. None when a measure so named is granted here, or a clause here
        writes the name."""
        matcher = self.matcher
        region = retrieval.analysis.region
        if matcher is None or not region.covered or region.compared or matcher.names_a_measure(retrieval):
            # (a measure of here named anywhere in the message is what it is about)
            return None
        # (place names taken out: 巴中 after 失业补助金 is no word of the thing asked)
        question = retrieval.analysis.unplaced or retrieval.analysis.normalized
        phrases = [m.group() for m in _QUESTION_PHRASE.finditer(question)]
        strict = asked_phrases(question, strict=True)
        # The phrases that ask (政府给房租补贴吗, 每月多少) or name a topic (事业单位招聘考试), not those
        # telling what one has done or had (失业保险金领完了, 我领过失业保险金).
        asking = [
            p for p in phrases if p in strict or p.endswith(_QUESTION_ENDINGS) or not _TOLD_AS_DONE.search(p)
        ] or phrases
        top = retrieval.in_scope[: self.policy.max_citations + 2]
        texts = [item.clause.text for item in top]
        named: dict[str, tuple[str, ...]] = {}
        for phrase in asking:
            named.update(
                (name, ids)
                for name, ids in matcher.measures_named(phrase).items()
                if not _qualifies(name, phrase, texts)
            )
        if not named:
            return None
        scope = set(retrieval.scope)
        here = {name for item in top for m in matcher.measures_of(item.clause.id) for name in matcher.names_of(m.id)}
        where: set[str] = set()
        for name, measure_ids in named.items():
            places = {self._jurisdiction_of.get(measure_id, "") for measure_id in measure_ids}
            # The same measure by another of its names (an alias a measure here shares, a synonym the
            # glossary gives the whole name), or the name written loosely (技能提升补贴 in 技能提升培训补贴).
            others = {other for measure_id in measure_ids for other in matcher.names_of(measure_id)}
            synonyms = {w for entry in load_glossary().entries if name in entry.say for w in entry.means if len(w) >= 3}
            # What the measure is for (吸纳就业 of 吸纳就业补贴) must be nowhere in the clauses
            # here: regions call one measure by different names, and a name missing from the curated
            # aliases is no proof the measure is missing.
            # A two-character purpose (失业 of 失业补助金) is in too many clauses to tell anything; a purpose
            # of several words (返乡 + 创业 of 返乡创业补贴) all said in one clause here is that clause's topic.
            purpose = _GENERIC_HEAD.sub("", name)
            words = (name, *([purpose] if len(purpose) >= 3 else []), *sorted(synonyms))
            parts = {w for w in jieba_words(purpose) if len(w) >= 2}
            # (of a long purpose one word may be missing: 市级 of 市级高技能人才培训基地建设, where 资阳 writes
            # 新建高技能人才培训基地)
            spare = (len(parts) - 1) // 3
            if (
                places & scope
                or (others | synonyms) & here
                or any(_written_loosely(word, text) for word in words for text in texts)
                or (len(parts) >= 2 and any(sum(part not in text for part in parts) <= spare for text in texts))
                or (len(purpose) == 2 and any(_BENEFIT_AFTER(purpose).search(text) for text in texts))
            ):
                return None
            where |= places
        return MissingAspect(kind="measure", name=next(iter(named)), where=tuple(sorted(where - {""})))

    def _standard_unstated(self, retrieval: Retrieval, standard: str, asked: AskedIntent) -> Decision:
        """见习补贴按最低工资的70%，那最低工资每月多少: the documents reckon measures by such standards and
        never state them. Said plainly, with the clause sentence that names the standard."""
        tokens = self.retriever.query_tokens(retrieval.analysis)
        written = written_of(standard)
        top = retrieval.in_scope[: self.policy.max_citations]
        naming = [item for item in top if written in item.clause.text]
        question = retrieval.analysis.normalized
        told_measure = tells_a_measure_beside_a_standard(question)
        if not naming or not told_measure:
            # No document here names it, or the question is about the standard alone (最低工资一个月多少):
            # the plain refusal, no clause that merely mentions it.
            return Decision(AnswerStatus.NO_ANSWER, asked=asked)
        quoted = [(item, self.best_quote(item, [*tokens, written])) for item in naming[:1]]
        return Decision(AnswerStatus.NO_ANSWER, quoted, MissingAspect(kind="standard", name=standard), asked=asked)

    def _definition(self, retrieval: Retrieval, asked: AskedIntent) -> Decision | None:
        """两后生是指啥人 / 哪些人算就业困难人员: the searched documents' own meaning of the term (a bracket
        after it, the list it sums up), or — for a group of people they never define — that plainly,
        with the sentence naming the group. None when no definition is asked or no document here
        writes the term (the question is then answered as any other)."""
        asked_terms = terms_asked(retrieval.analysis.normalized)
        if not asked_terms:
            return None
        items = list(retrieval.in_scope[:_DEFINITION_LOOKED_AT])
        texts = [item.clause.text for item in items]
        terms = [t for t in dict.fromkeys(term_in(asked, texts) for asked in asked_terms) if t is not None]
        # (a bare people word the documents write — 个人 of 招多少个人, 对象 — is no group asked about)
        terms = [t for t in terms if not names_people(t) or len(without_people_word(t)) >= 2]
        for term in terms:
            for item in items:
                meaning = meaning_in(item.clause.text, term) or self._described(item, term)
                if meaning is not None:
                    return Decision(AnswerStatus.ANSWERED, [(item, meaning.sentence)], asked=asked, definition=meaning)
        # A group of people the documents never define (创业担保贷款是什么 is answered by the measure).
        group = next((term for term in terms if names_people(term)), None)
        if group is None:
            return None
        naming = [(item, sentence) for item in items if (sentence := mentioning(item.clause.text, group))]
        # 我咋才能认定成就业困难人员: the sentence saying how the group is recognised or bounded (完善…认定办法,
        # 合理确定…范围) comes first, beside the first that names it — never a measure merely paid to the group alone.
        recognising = [(item, sentence) for item, sentence in naming if _recognises(sentence, group)]
        quoted = list(dict.fromkeys([*recognising[:1], *naming[:1]]))
        return Decision(AnswerStatus.NO_ANSWER, quoted, MissingAspect(kind="definition", name=group), asked=asked)

    def _described(self, item: ScoredClause, term: str) -> Meaning | None:
        """The people a measure for the group names, where the clause says who they are (巴中（十一）'s 就业困难人员
        就业帮扶 for 办理了失业登记且难以实现就业的大龄、残疾、低收入家庭、连续失业1年以上人员): a measure named for
        the group whose targets list several kinds of people, verbatim in its span with the conditions before
        them. None when no measure of the clause does (a measure merely paid to the group never defines it)."""
        if self.matcher is None or not names_people(term) or len(without_people_word(term)) < 2:
            return None  # (介绍哪些人才算: 介绍 names no people; 个人, 对象 name no group)
        for measure in self.matcher.measures_of(item.clause.id):
            if term not in measure.name or term in "".join(measure.targets):
                continue
            for target in (t for t in measure.targets if "、" in t and term not in t):
                told = [f"{c}的{target}" for c in measure.conditions if f"{c}的{target}" in measure.span]
                text = told[0] if told else target
                if text in item.clause.text:
                    return Meaning(term, text, _sentence_holding(item.clause.text, text))
        return None

    def _told_figure_first(self, retrieval: Retrieval) -> Retrieval:
        """吸纳贫困户那1000块奖补归哪个部门管: a sum or share the question tells names the measure; among
        the close candidates, the clauses stating it come first (each group in its ranked order)."""
        question = retrieval.analysis.normalized
        top = list(retrieval.in_scope[: self.policy.max_citations + 2])
        stating = [item for item in top if states_a_told_figure(question, item.clause.text)]
        if not stating or len(stating) == len(top) or stating[0] is top[0]:
            return retrieval
        scoped = list(retrieval.in_scope)
        rest = [item for item in scoped if item not in stating]
        return replace(retrieval, ranked=[*stating, *rest, *retrieval.ranked[len(scoped) :]])

    def _figure_asked_beside(self, retrieval: Retrieval, asked: AskedIntent) -> Selection | None:
        """A how-to question that also asks a measure's figure in a phrase of its own (能补多少，怎么申请;
        来问能补多少，我该怎么答): the measures that state it, or None."""
        beside = (Intent.PROCEDURE, Intent.DEPARTMENT)
        if asked.primary not in beside or not asked.asks(Intent.AMOUNT) or not asked.units or asked.asks_payer:
            return None  # 利息谁出，贴息多少: who bears a cost is answered on its own (`decide`)
        question = retrieval.analysis.normalized
        phrases = asked_phrases(question)
        by_amount = [p for p in phrases if classify(p).asks(Intent.AMOUNT)]
        if not by_amount or any(classify(p).primary in beside for p in by_amount):
            return None  # one phrase asks both (怎么算多少): the how-to reading stands
        selection = self._selection(retrieval, replace(asked, primary=Intent.AMOUNT))
        return selection if selection is not None and selection.kind == "figure" else None

    def _figure_beside_payer(self, retrieval: Retrieval, asked: AskedIntent) -> Decision | None:
        """最多能贷多少，利息谁出: a figure of the measure asked in a phrase of its own beside who bears a
        cost. The measure's own figure answers that phrase, and the sentence of the related clauses that
        names who bears the cost the other — or, plainly, that none does. None when no phrase asks a
        figure other than the cost whose payer is asked (利息谁出 贴息多少: the interest's own figure
        is no sum the loan grants), or no measure states the figure asked."""
        if not asked.asks_payer or not asked.asks(Intent.AMOUNT):
            return None
        paid = paid_for(retrieval.analysis.normalized)
        phrases = [classify(p) for p in asked_phrases(retrieval.analysis.normalized, strict=True)]
        by_amount = [
            p for p in phrases if p.asks(Intent.AMOUNT) and not p.asks_payer and _FIGURE_OF_A_COST not in p.units
        ]
        if not by_amount or len(by_amount) == len(phrases):
            return None
        units = tuple(dict.fromkeys(unit for p in by_amount for unit in p.units))
        figure_asked = replace(
            asked,
            primary=Intent.AMOUNT,
            all=(Intent.AMOUNT,),
            unit=units[0] if units else None,
            units=units,
            asks_payer=False,
        )
        selection = self._selection(retrieval, figure_asked)
        if selection is None or selection.kind != "figure":
            return None
        decision = self._from_measures(retrieval, selection, figure_asked)
        if decision.missing is not None:
            return None
        quoted = list(decision.quoted)
        tokens = self.retriever.query_tokens(retrieval.analysis)
        bearer = None
        if not _names_its_payer(selection, paid):
            for item in self.selected(retrieval):
                quote = self.best_quote(item, tokens, paid=paid)
                if _pays_for(quote, paid):
                    bearer = (item, quote)
                    break
        if bearer is not None:
            return Decision(AnswerStatus.ANSWERED, [*quoted, bearer], selection=selection, asked=asked)
        if _names_its_payer(selection, paid):
            return Decision(AnswerStatus.ANSWERED, quoted, selection=selection, asked=asked)
        # The figure is answered; who bears the cost is said plainly to be unstated, never guessed.
        missing = MissingAspect(kind="payer", name=paid[0] if paid else None)
        return Decision(AnswerStatus.NO_ANSWER, quoted, missing, selection, asked)

    def _status(self, retrieval: Retrieval, asked: AskedIntent) -> Decision:
        """正式发布了吗 / 还有效吗: the collected documents of the searched regions answer from their own
        metadata (draft or official, issuer, date) — no clause says whether its own document is in force."""
        in_scope = tuple(d.document_id for d in self.documents if d.jurisdiction in retrieval.scope)
        named = self._selection(retrieval, AskedIntent(Intent.OVERVIEW, (Intent.OVERVIEW,)))
        question = retrieval.analysis.normalized
        if named is not None and (
            named.primary.named is not None or states_a_told_figure(question, named.primary.measure.span)
        ):
            # 这个5000元的补贴是哪个文件规定的: the named measure's own document, with the measure quoted.
            measure = named.primary.measure
            item = next((s for s in retrieval.in_scope if s.clause.id == measure.clause), None)
            if item is not None:
                return Decision(
                    AnswerStatus.ANSWERED,
                    [(item, measure.span)],
                    selection=Selection("measure", (named.primary,)),
                    asked=asked,
                    documents=(item.clause.document_id,),
                )
        return Decision(AnswerStatus.ANSWERED, [], asked=asked, documents=in_scope)

    def _selection(self, retrieval: Retrieval, asked: AskedIntent) -> Selection | None:
        if self.matcher is None or asked.primary in _CLAUSE_INTENTS:
            return None
        selections = self._worked(retrieval).selections
        if asked not in selections:
            selections[asked] = self._select(self.matcher, retrieval, asked)
        return selections[asked]

    def _select(self, matcher: MeasureMatcher, retrieval: Retrieval, asked: AskedIntent) -> Selection | None:
        matches = matcher.match(retrieval, asked)
        region_named = len(retrieval.scope) == 1
        selection = select(
            matches,
            asked,
            self._jurisdiction_of,
            region_named,
            self.selection_policy,
            retrieval.analysis.unplaced or retrieval.analysis.normalized,
            RegionsAsked(bool(retrieval.analysis.region.compared), self._own_place_leads(retrieval)),
        )
        if selection is None:
            return None
        # The asked place's measure states no figure: the regions whose version does are named, never their figure.
        return stated_elsewhere(selection, matcher.named_alike, matcher.measure_by_id, self._jurisdiction_of)

    def _own_place_leads(self, retrieval: Retrieval) -> Leads | None:
        """When the question names a covered place inside others (乐至县 in 资阳市): whether a measure of a
        document of a more specific of those places, newer and not replaced, leads one of a wider place's."""
        region = retrieval.analysis.region
        places = retrieval.scope
        if region.compared or not (region.covered and region.jurisdiction) or len(places) < 2:
            return None
        depth = {place: at for at, place in enumerate(places)}
        registry = self.registry
        replaced = self._replaced[1] if self._replaced is not None else frozenset()

        matcher = self.matcher

        def document(measure_id: str) -> Document | None:
            clause_id = matcher.clause_of(measure_id) if matcher else None
            if clause_id is None or not registry.has(clause_id):
                return None
            return registry.documents[registry.document_id_of(clause_id)]

        def leads(other: str, best: str) -> bool:
            mine, theirs = document(other), document(best)
            if mine is None or theirs is None or mine.id in replaced:
                return False
            here, there = depth.get(mine.jurisdiction), depth.get(theirs.jurisdiction)
            return here is not None and there is not None and here < there and mine.signed > theirs.signed

        return leads

    def _outweighed(self, retrieval: Retrieval, selection: Selection | None) -> Selection | None:
        """None when a unit cut from a new document was chosen from a clause far weaker than the best
        clause, which grants nothing at all (稳就业政策什么时候开始执行: the clause saying 自…起施行 over a
        岗位补贴 whose sentence shares 执行): the question is about what that clause says, not a measure."""
        if selection is None or self.matcher is None or not selection.primary.measure.derived:
            return selection
        top = retrieval.in_scope[0] if retrieval.in_scope else None
        chosen = retrieval.scored(selection.primary.measure.clause)
        if top is None or chosen is None or chosen is top or self.matcher.measures_of(top.clause.id):
            return selection
        if selection.primary.measure.granted_in == top.clause.id:
            return selection  # the best clause grants it: its standard is the 附件 row chosen (补贴标准见附件)
        return None if chosen.score < self.policy.related_ratio * top.score else selection

    def _about_a_measure(self, retrieval: Retrieval, asked: AskedIntent) -> bool:
        """Whether a question answered from clause text (a procedure) is about a measure of them: how
        to apply for 创业担保贷款 is; how to activate a 社保卡 is not, though the clause says 网上社保.
        Status and department questions are about the document and its offices: always."""
        if asked.primary is not Intent.PROCEDURE:
            return asked.primary in _CLAUSE_INTENTS
        return self._selection(retrieval, AskedIntent(Intent.OVERVIEW, (Intent.OVERVIEW,))) is not None

    def _payment_named_nowhere(self, retrieval: Retrieval) -> bool:
        """The question names a payment by a word of its own (失业保险金 — three characters or more, ending
        in a payment word), and none of the best clauses says it, nor a payment the glossary reads it as."""
        matcher = self.matcher
        top = retrieval.in_scope[: matcher.weights.candidate_clauses] if matcher else retrieval.in_scope[:5]
        texts = [item.clause.text for item in top]
        # (an everyday word the glossary reads as a payment — 失业金 as 失业保险金 — names one as well)
        named = [
            t
            for t in retrieval.analysis.tokens
            if len(t) >= 3 and any(_PAYMENT_NOUN.search(r) for r in (t, *glossary_meanings(t)))
        ]
        # (a reading naming no payment — 失业保险 of 失业保险金 — is the insurance, not what it pays)
        readings = {r for word in named for r in (word, *glossary_meanings(word)) if _PAYMENT_NOUN.search(r)}
        return bool(named) and not any(reading in text for reading in readings for text in texts)

    def _certificate_named_nowhere(self, retrieval: Retrieval) -> str | None:
        """The certificate the question asks how to get, by a word of its own (优待证, 居住证 — three characters or
        more, ending in 证), when none of the best clauses writes it nor a reading the glossary gives it: the
        documents do not cover it, however many other words (退役军人) a clause shares. Not when the question names
        a measure or money (有残疾证 创业补贴多少, 考了电工证 有补贴没: the certificate is the person's story), nor
        when the certificate is told as the person's own and something else asked (我有居住证，在资阳创业能贷款吗):
        it is the thing asked only when the question asks about it (`_certificate_asked`)."""
        matcher = self.matcher
        if matcher is not None and matcher.names_a_measure(retrieval):
            return None
        if any(t in PAYMENT_WORDS or _PAYMENT_NOUN.search(t) for t in retrieval.analysis.tokens):
            return None  # 考了个电工证 有补贴没: money is asked, the certificate is the person's story
        top = retrieval.in_scope[: matcher.weights.candidate_clauses] if matcher else retrieval.in_scope[:5]
        texts = [item.clause.text for item in top]
        question = retrieval.analysis.normalized
        named = [c for c in _certificates(retrieval.analysis.tokens) if _certificate_asked(c, question)]
        if not named or any(r in text for word in named for r in (word, *glossary_meanings(word)) for text in texts):
            return None
        return max(named, key=len)

    def _has_curated_measures(self, retrieval: Retrieval) -> bool:
        matcher = self.matcher
        top = retrieval.in_scope[: matcher.weights.candidate_clauses] if matcher else []
        return matcher is not None and any(
            not measure.derived for item in top for measure in matcher.measures_of(item.clause.id)
        )

    def _from_measures(self, retrieval: Retrieval, selection: Selection, asked: AskedIntent) -> Decision:
        quoted: list[tuple[ScoredClause, str]] = []
        granting: list[ScoredClause] = []
        for match in selection.chosen:
            item = retrieval.scored(match.measure.clause)
            if item is None:
                raise KeyError(match.measure.clause)
            span = match.measure.span
            if selection.kind == "no_figure" and self.matcher is not None:
                span = _without_others_figures(match.measure, self.matcher.measures_of(match.measure.clause))
            pair = (item, span)
            if pair not in quoted:
                quoted.append(pair)
            # A row of the 附件 a clause points at (补贴标准见附件): that clause's conditions are cited after the rows.
            grantor = retrieval.scored(match.measure.granted_in) if match.measure.granted_in else None
            if grantor is not None and grantor not in granting:
                granting.append(grantor)
        quoted += [(item, item.clause.body) for item in granting if all(done is not item for done, _ in quoted)]
        missing = _figure_missing(asked) if selection.kind == "no_figure" else None
        unnamed = self._group_unnamed(retrieval.analysis.question, retrieval.analysis.normalized, selection)
        if unnamed is not None:
            # 四零五零的有啥政策: the measures are for 就业困难人员, and no document here says who they are.
            return Decision(AnswerStatus.NO_ANSWER, [], unnamed, None, asked)
        if asked.primary is not Intent.PROCEDURE and _for_regions_only(selection, retrieval.analysis.normalized):
            # 我失业了能领失业金不, 失业金能领多少: the clause lets a region at risk extend the payment; what a
            # person gets, how much and on what terms, is written nowhere here.
            missing = MissingAspect(kind="for_regions", name=_region_measure_asked(selection.primary))
        if missing is None and _use_unanswered(retrieval.analysis.normalized, selection):
            missing = MissingAspect(kind="use")
        if missing is None:
            missing = _detail_unanswered(retrieval.analysis.normalized, quoted)
        if missing is None:
            # 稳岗补贴几月份到账 / 创业补贴网上申请的网址是哪个: the measure is found, but the question asks a
            # named aspect of applying (a time limit, a place or site) its clause never states.
            missing = _procedure_unanswered(retrieval.analysis, quoted, named_only=True)
            missing = _unless_offices_answer(missing, retrieval, asked, quoted)
            if missing is not None:
                quoted, missing = _said_in_own_clause(retrieval, quoted, missing)
            if missing is not None:
                quoted, missing = self._applied_for_all(retrieval, quoted, missing)
        status = AnswerStatus.NO_ANSWER if missing else AnswerStatus.ANSWERED
        if missing is None and selection.kind in ("figure", "condition"):
            quoted = _asked_parts_quoted(selection, quoted)
        return Decision(status, quoted, missing, selection, asked)

    def _group_unnamed(self, question: str, normalized: str, selection: Selection) -> MissingAspect | None:
        """The people the question names (四零五零, 大龄) the glossary reads as a group only a document
        can count them in (`GlossaryEntry.written_only`), when every measure shown is for that group
        and no document of theirs writes any word of those people: the documents do not say the
        measures are theirs."""
        for entry in load_glossary().entries:
            # (named as the person wrote it: 四零五零, which the question's reading writes 4050)
            said = [word for word in entry.say if word in question] or [w for w in entry.say if w in normalized]
            if not entry.written_only or not said:
                continue
            if any(m.named is not None or m.named_apart is not None for m in selection.chosen):
                continue  # a measure asked by name (大龄失业 开了个面馆 创业补贴多少) is answered as asked
            chosen = [m.measure for m in selection.chosen]
            if not all(term in m.span for m in chosen for term in entry.means[:1]):
                continue
            documents = {m.clause.rsplit("-", 1)[0] for m in chosen}
            text = "".join(c.body for d in sorted(documents) for c in self.registry.clauses_of(d))
            if not any(word in text for word in entry.say):
                return MissingAspect(kind="group", name=max(said, key=len), where=entry.means[:1])
        return None

    def _applied_for_all(
        self, retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]], missing: MissingAspect
    ) -> tuple[list[tuple[ScoredClause, str]], MissingAspect | None]:
        """Where to apply, said once for every measure of a document (第三条 本办法所列补贴由…受理; a 解读's
        到哪里申请这些补贴？; 经办机构：以上补贴由…受理): when the measure's own clause does not say the
        procedure aspect asked, the clause of the same document that says it — one that states no figure
        (no other measure) and speaks of applying — answers, quoted first. Otherwise unchanged."""
        if not quoted:
            return quoted, missing
        aspect = next((a for a in retrieval.analysis.procedure_aspects if a.aspect == missing.name), None)
        # Where to apply, asked by name or as any how-to question that names no aspect of its own (到哪里申请).
        if aspect is None or (aspect.aspect not in _SAID_FOR_ALL and aspect.triggers):
            return quoted, missing
        first = quoted[0][0]
        document_id = first.clause.id.rsplit("-", 1)[0]
        # the measure asked: as the question names it (创业补贴), or the measure of the clause quoted
        own = self.matcher.measures_of(first.clause.id) if self.matcher else ()
        names = (*_names_asked(retrieval.analysis.tokens), *(m.name.split("（", 1)[0] for m in own))
        # (a list of materials by kind names the measure without its last word: 申报吸纳就业、社会保险补贴类的)
        names = (*names, *(name[: -len(head)] for name in names for head in _BENEFIT_NAME_HEADS if name.endswith(head)))
        best = self._stated_for_all(document_id, aspect, tuple(n for n in names if len(n) >= 3), first.clause.id)
        if best is None:
            return quoted, missing
        clause, sentences = best
        quote = "".join(sentences) if "".join(sentences) in clause.text else sentences[0]
        item = ScoredClause(clause, first.score, first.lexical, first.dense, first.evidence, first.matched)
        return [(item, quote), *[pair for pair in quoted if pair[0].clause.id != clause.id]], None

    def _applying_part_first(
        self, retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]]
    ) -> list[tuple[ScoredClause, str]]:
        """Where to apply or what to bring, asked in the question's own words (哪个网站, 公众号, 带哪些材料), when
        the first quote only mentions it in passing (审核结果在政府网站公示) and its document has a part titled
        for applying (四、申报方式) that states it: that part's sentences, quoted first."""
        if not quoted or _applying_part(quoted[0][0].clause):
            return quoted
        analysis = retrieval.analysis
        asked = [
            a
            for a in analysis.procedure_aspects
            if a.aspect in _SAID_FOR_ALL and _step_asked(analysis.normalized, a.triggers)
        ]
        if len(asked) != 1:
            return quoted
        first = quoted[0][0]
        best = self._stated_for_all(
            first.clause.document_id, asked[0], (), first.clause.id, parts_only=True, question=analysis.normalized
        )
        if best is None:
            return quoted
        clause, sentences = best
        quote = "".join(sentences) if "".join(sentences) in clause.text else sentences[0]
        item = ScoredClause(clause, first.score, first.lexical, first.dense, first.evidence, first.matched)
        return [(item, quote), *[pair for pair in quoted if pair[0].clause.id != clause.id]]

    def _stated_for_all(
        self,
        document_id: str,
        aspect: ProcedureAspect,
        names: tuple[str, ...],
        skip: str = "",
        parts_only: bool = False,
        question: str = "",
    ) -> tuple[Clause, list[str]] | None:
        """The clause of the document that states the procedure aspect for its measures, with the
        sentences saying it: one stating no figure (no other measure), said for every measure (以上补贴
        由…受理, 补贴申请由…) or, in a 经办/受理 paragraph of its own, for the measure asked by name
        (创业补贴由…公共就业服务机构受理) — the one saying most of the aspect."""
        best: tuple[tuple[bool, int, int], Clause, list[str]] | None = None
        for clause in self.registry.clauses_of(document_id):
            body = clause.body
            if clause.id == skip or _FIGURE.search(body):
                continue
            if parts_only and not _applying_part(clause):
                continue
            for_all = _FOR_ALL.search(body) is not None or _applying_part(clause)
            if not for_all and not any(name in body for name in names):
                continue
            lines = [line.strip() for s in split_sentences(body) or [body] for line in s.split("\n")]
            # (an item of a part titled by the aspect states it: 五、申报材料 / （三）申报…类的，提供劳动合同…)
            titled = any(term in f"{clause.section_heading or ''}{clause.heading}" for term in aspect.evidence)
            sentences = [
                s
                for s in lines
                if s
                and (_says_aspect(s, aspect) or (titled and not s.endswith(("？", "?"))))
                and (for_all or any(name in s for name in names))
            ]
            # The clause naming the measure asked, then the one saying most of it (线上申请…窗口办理 over a
            # deleted measure's 不再受理新的申请).
            named = any(name in s for name in names for s in sentences)
            # (then the one saying what the question asks in its own words: 公众号 of 有没有公众号能办)
            own_words = len({t for t in aspect.triggers if t in question and any(t in s for s in sentences)})
            said = (named, own_words, len({term for term in aspect.evidence if any(term in s for s in sentences)}))
            if sentences and (best is None or said > best[0]):
                best = (said, clause, sentences)
        return (best[1], best[2]) if best else None

    def _unanswered_aspect(self, retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]]) -> MissingAspect | None:
        """The aspect of the question (a figure, a procedure) that the quoted clauses leave open.

        For a figure, close runners-up whose matching sentence states one are promoted, so
        "创业补贴能拿多少" without a region shows the region that gives an amount."""
        analysis = retrieval.analysis
        if analysis.asks_amount and quoted and not any(_FIGURE.search(q) for _, q in quoted):
            tokens = self.retriever.query_tokens(analysis)
            top_score = quoted[0][0].score
            pool = [item for item, _ in quoted] + [
                s
                for s in retrieval.in_scope[: self.policy.max_citations + 2]
                if s not in [item for item, _ in quoted] and s.score >= 0.5 * top_score
            ]
            with_figures = [
                (item, self.best_quote(item, tokens, require_figure=True, own_words=analysis.tokens)) for item in pool
            ]
            with_figures = [(item, quote) for item, quote in with_figures if quote]
            if not with_figures:
                return _figure_missing(_asked(analysis))
            others = [(item, quote) for item, quote in quoted if item not in [i for i, _ in with_figures]]
            quoted[:] = (with_figures + others)[: self.policy.max_citations]
        return _procedure_unanswered(analysis, quoted) or _detail_unanswered(analysis.normalized, quoted)

    def selected(self, retrieval: Retrieval) -> list[ScoredClause]:
        """The best clause, plus close runners-up (other regions' versions of the same measure)."""
        candidates = retrieval.in_scope
        if not candidates:
            return []
        top = candidates[0]
        chosen = [top]
        for item in candidates[1:]:
            if len(chosen) >= self.policy.max_citations or item.score < self.policy.related_ratio * top.score:
                break  # ranked by score: no later clause is close enough either
            if item.evidence >= self.policy.min_evidence:
                chosen.append(item)
        return chosen

    def compose(self, retrieval: Retrieval, as_of: date) -> Answer:
        retrieval = retrieval.searched or retrieval
        analysis = retrieval.analysis
        decision = self.decide(retrieval)
        status = decision.status
        region = analysis.region
        if status == AnswerStatus.REGION_NOT_COVERED:
            return Answer(
                question=analysis.question,
                status=status,
                region=None,
                place=region.place or region.query,
                documents=self.documents,
                within=region.candidates if region.outside_candidates else (),
                issuers=region.issuers,
            )
        citations = [
            make_citation(item.clause, self.registry.document_of(item.clause), quote, item.score)
            for item, quote in decision.quoted
        ]
        notices = self._notices(citations, as_of)
        asked = decision.asked or _asked(analysis)
        direct = self._direct(decision.selection, as_of) if decision.selection else None
        if decision.definition is not None and citations:
            direct = DirectAnswer(
                kind="definition",
                term=decision.definition.term,
                conditions=(decision.definition.text,),
                clause_id=citations[0].clause_id,
            )
        if decision.documents and status == AnswerStatus.ANSWERED:
            # 这个110%的见习补贴是正式文件吗: the documents' status, naming the measure asked about.
            named = direct.measures if direct is not None else ()
            direct = DirectAnswer(kind="status", documents=decision.documents, measures=named)
        if asked.primary is Intent.DEPARTMENT and citations and not asked.asks_payer:
            # 利息谁出 is answered by the quoted sentence naming the payer, not the clause's offices.
            offices = self._departments(citations[0].clause_id)
            if offices is not None and direct is None:
                # 见习补贴归哪个部门管, no place named: each region quoted gets its own offices' line.
                direct = offices.model_copy(update={"more": self._other_regions_offices(citations)})
            elif offices is not None and direct is not None:
                # 补贴比例多少，归哪些部门管: the figure, then the offices of its clause.
                direct = direct.model_copy(
                    update={"clause_id": offices.clause_id, "lead": offices.lead, "responsible": offices.responsible}
                )
        if direct is None and asked.asks_payer and decision.missing is not None and decision.missing.kind == "payer":
            # 利息谁出 where no sentence names the payer: said unstated, beside the offices the cited clause names at
            # its end as answerable for the measure (session 37) — whom to ask, never who pays.
            direct = self._departments(citations[0].clause_id) if citations else None
        if direct is None and decision.missing is not None and decision.missing.kind == "procedure" and citations:
            # 贷款去哪办 where no clause says where or how: the offices the quoted measure's clause names as leading it
            # (else the few it names responsible) are whom to ask, beside the 12333 line — never 当地人社部门 alone
            # when the clause itself names them.
            direct = self._offices_to_ask(citations[0].clause_id, analysis.normalized)
        if direct is None and asked.primary is Intent.PROCEDURE and status == AnswerStatus.ANSWERED:
            direct = _procedure_said(analysis.procedure_aspects, decision.quoted, citations)
        if direct is None and status == AnswerStatus.ANSWERED:
            direct = self._dated_line(decision, citations, asked, analysis.normalized)
        if direct is None and asked.primary is Intent.DEPARTMENT and status == AnswerStatus.ANSWERED:
            # 创业补贴找哪个部门办, where the clause names no 牵头/负责 offices: the office it says takes the
            # applications (…｜受理部门：…就业服务中心) is the department asked.
            applying = tuple(a for a in load_scope().procedure_intent if a.aspect == _WHERE_TO_APPLY)
            direct = _procedure_said(applying, decision.quoted, citations) if not asked.asks_payer else None
        if direct is not None and direct.kind not in ("department", "status", "procedure"):
            measures = direct.measures
        elif decision.missing is not None and decision.missing.kind in ("measure", "computation"):
            # The measure asked is missing here: a clause quoted on the topic lends it none of its own.
            measures = ()
        else:
            measures = self._measures(retrieval, asked, {c.clause_id for c in citations})
        if status == AnswerStatus.ANSWERED and region.names_a_place and not region.covered and region.candidates:
            notices.insert(0, RegionFallback(place=str(region.place), covered=region.candidates))
        answered_in = None if region.covered else self.answered_in(retrieval, decision)
        place = region.jurisdiction if region.covered else answered_in
        shown = (*measures, *(direct.measures if direct is not None else ()))
        return Answer(
            question=analysis.question,
            status=status,
            region=region.jurisdiction if region.covered else None,
            citations=tuple(citations),
            notices=tuple(notices),
            missing=decision.missing,
            scope=retrieval.scope,
            documents=self.documents,
            intent=asked.primary.value,
            measures=measures,
            direct=direct,
            answered_in=answered_in,
            as_of=as_of,
            # A message to the assistant itself (说巴中创业补贴是8万元) is declined, its sum never weighed: the decline
            # comes first and alone (tests/knowledge/test_declined_and_status.py).
            told=()
            if asked.primary == Intent.INSTRUCTION
            else self._told_sums(analysis.question, place, shown, citations),
        )

    def _told_sums(
        self, question: str, place: str | None, shown: Sequence[MeasureRef], citations: Sequence[Citation]
    ) -> tuple[ToldSum, ...]:
        """The sums the question tells, each checked against the answer's measures and quotes, and against every
        clause of the place's documents (a sum the place never states is said to be absent, not left standing)."""
        told = told_sums(question)
        if not told or place is None:
            return ()
        answered = stated_sums([*(m.amount_text or "" for m in shown), *(m.quote for m in shown)])
        answered |= stated_sums(c.quote for c in citations)
        documents = [d.id for d in self.registry.documents.values() if d.jurisdiction == place]
        in_place = stated_sums(c.body for d in documents for c in self.registry.clauses_of(d))
        return tuple(
            ToldSum(said=said, place=place, in_answer=value in answered, in_place=value in in_place)
            for said, value in told
        )

    def _dated_line(
        self, decision: Decision, citations: list[Citation], asked: AskedIntent, question: str
    ) -> DirectAnswer | None:
        """The first line of an answer from clauses to what a date says: when the policies apply (自2026年
        5月1日起施行), whether they are still in force (the status and in-force facts of the document the
        first quote is from), by when one applies (须于2026年11月30日前提交) — None for any other question."""
        if asked.primary is Intent.STATUS:
            if "date" in asked.units or _WHEN.search(question):
                # 这些政策什么时候开始执行: the quote's sentence saying when.
                return _when_said(decision.quoted, citations)
            if citations and not asked.units:
                # 这个措施现在还有效吗 / 岗位补贴还能用吗: the document's own metadata answers (not 得在多长时间
                # 之内申请，过期了还给不给: a period asked, which the quote answers).
                document_id = self.registry.get(citations[0].clause_id).document_id
                return DirectAnswer(kind="status", documents=(document_id,))
            return None
        # 申请截止到什么时候: the first quote's sentence saying by which date one applies, verbatim.
        # (Only when applying is asked: 补贴什么时候发放 asks when it is paid, not the application deadline.)
        applying = _asks_a_day(question, asked) and _APPLIES.search(question)
        return _apply_by_line(decision.quoted, citations, question) if applying else None

    def answered_in(self, retrieval: Retrieval, decision: Decision) -> str | None:
        """The covered jurisdiction an answer is for: the one the question was resolved to, or — the
        question naming no place — the one whose documents every quote (or every document asked about)
        comes from. A user reading 三支一扶服务满几年 answered from one city's rule is told, and shown,
        whose rule it is; an answer quoting several regions (grouped by region) is for none of them, and
        a question naming an uncovered place is never given a covered one."""
        region = retrieval.analysis.region
        if region.covered:
            return region.jurisdiction
        if region.names_a_place or decision.status is AnswerStatus.REGION_NOT_COVERED:
            return None
        places = {self.registry.document_of(item.clause).jurisdiction for item, _ in decision.quoted}
        places |= {self.registry.documents[d].jurisdiction for d in decision.documents}
        return places.pop() if len(places) == 1 else None

    def _measures(self, retrieval: Retrieval, asked: AskedIntent, cited: set[str]) -> tuple[MeasureRef, ...]:
        """The best-matching measures inside the cited clauses (at most `max_measures`)."""
        if self.matcher is None or not cited:
            return ()
        chosen = [
            match
            for match in self.matcher.match(retrieval, asked).in_clauses(cited)
            if match.named or match.own_overlap > 0
        ][: self.policy.max_measures]
        return tuple(self._reference(match) for match in chosen)

    def _reference(self, match: MeasureMatch) -> MeasureRef:
        measure = match.measure
        amount_text = "；".join(match.payable_amounts) or None
        return MeasureRef(
            measure_id=measure.id,
            name=measure.name,
            beneficiary=measure.beneficiary.value,
            amount_text=amount_text,
            clause_id=measure.clause,
            quote=measure.span,
            jurisdiction=self._jurisdiction_of.get(measure.id, ""),
            clause_label=self.registry.get(measure.clause).label,
            conditions=measure.conditions,
            # (灵活就业的，… of 下岗失业人员和就业困难人员，…: the group its sentence names is whom it is for)
            targets=measure.targets
            or sentence_subject(measure, self._clause_measures(measure.clause), self.registry.get(measure.clause).text),
            ended=measure.ended,
            grant=None if amount_text or measure.ended else granted_part(measure),
            by_group=bool(amount_text) and figures_told_apart_by_group(measure, self._clause_measures(measure.clause)),
            pays=measure.kind in MONEY_KINDS,
            raised=match.raised_tiers if amount_text else (),
        )

    def _clause_measures(self, clause_id: str) -> list[Measure]:
        return self.matcher.measures_of(clause_id) if self.matcher is not None else []

    def _other_regions_offices(self, citations: list[Citation]) -> tuple[DirectAnswer, ...]:
        """The offices named by the first cited clause of each region after the first one's, in citation
        order: a region whose first cited clause names none gets no line (its quote stands)."""
        jurisdiction = {
            c.clause_id: self.registry.document_of(self.registry.get(c.clause_id)).jurisdiction for c in citations
        }
        seen = {jurisdiction[citations[0].clause_id]}
        found: list[DirectAnswer] = []
        for citation in citations[1:]:
            place = jurisdiction[citation.clause_id]
            if place in seen:
                continue
            seen.add(place)
            offices = self._departments(citation.clause_id)
            if offices is not None:
                found.append(offices)
        return tuple(found)

    def _departments(self, clause_id: str) -> DirectAnswer | None:
        clause = self.registry.get(clause_id)
        if not (clause.lead_departments or clause.responsible_departments):
            return None
        return DirectAnswer(
            kind="department",
            clause_id=clause_id,
            lead=clause.lead_departments,
            responsible=clause.responsible_departments,
        )

    def _offices_to_ask(self, clause_id: str, question: str) -> DirectAnswer | None:
        """The offices a clause names as leading it, else as responsible when it names few (a long list names every
        office of the clause's whole topic, not whom to ask of one measure); None when it names neither, or when the
        question names no measure of the clause (宅基地建房要啥手续 beside a clause quoted on shared words only: its
        offices are no one to ask about that)."""
        if self.matcher is None:
            return None
        named = {i for ids in self.matcher.measures_named(question).values() for i in ids}
        borrows = asks_to_borrow(question)  # (贷款去哪办 names the clause's loan by what it asks)
        if not any(
            m.id in named or (borrows and m.kind is MeasureKind.LOAN) for m in self.matcher.measures_of(clause_id)
        ):
            return None
        clause = self.registry.get(clause_id)
        if clause.lead_departments:
            return DirectAnswer(kind="department", clause_id=clause_id, lead=clause.lead_departments)
        if clause.responsible_departments and len(clause.responsible_departments) <= _OFFICES_NAMED:
            return DirectAnswer(kind="department", clause_id=clause_id, responsible=clause.responsible_departments)
        return None

    def _direct(self, selection: Selection, as_of: date) -> DirectAnswer:
        if selection.kind == "stated":
            # The asked figure is written in the measure's own sentence (服务满2年后, 2020年6月底前)
            # without being a sum it pays: shown as the measure's figure, verbatim from its span.
            # (each region's version saying the same phrases, when no place was named)
            told = {"amount_text": "；".join(selection.conditions), "raised": ()}
            return DirectAnswer(
                kind="figure", measures=tuple(self._reference(m).model_copy(update=told) for m in selection.chosen)
            )
        offices: tuple[str, ...] = ()
        lead = True
        registry = self.registry

        def stands(measure: Measure) -> bool:
            # Another region's version is named only from a document in force on the answer's day: official,
            # not superseded, not expired, already effective — what the answer's own status line asks of it.
            return registry.is_in_force(registry.document_id_of(measure.clause), as_of)

        if selection.kind == "no_figure" and not selection.conditions:
            # Whom to ask for the standard the measure leaves to local rules: the offices its clause names as
            # leading it, else as responsible when it names few (a long list names every office of the clause's
            # whole topic, not whom to ask of one measure).
            clause = self.registry.get(selection.primary.measure.clause)
            offices, lead = clause.lead_departments, True
            if not offices and len(clause.responsible_departments) <= _OFFICES_NAMED:
                offices, lead = clause.responsible_departments, False
        references = tuple(self._reference(m) for m in selection.chosen)
        if selection.kind == "condition":
            # 一个月得上多少个钟头 of a new document's measure: the condition answers, what it grants follows it.
            references = tuple(_with_its_grant(r, m.measure) for r, m in zip(references, selection.chosen, strict=True))
        return DirectAnswer(
            kind=selection.kind,
            measures=references,
            conditions=selection.conditions,
            term=selection.benefit or None,
            elsewhere=tuple(self._named(m) for m in pointed_elsewhere(selection, stands, self._jurisdiction_of)),
            offices=offices,
            offices_lead=lead,
        )

    def _named(self, measure: Measure) -> VersionRef:
        return VersionRef(
            measure_id=measure.id, name=measure.name, jurisdiction=self._jurisdiction_of.get(measure.id, "")
        )

    def version_named(self, measure_id: str) -> VersionRef | None:
        """A measure by its id as an answer names another region's version of the asked one (its name and place,
        never its figure): what a follow-up button asking that region's question is made from."""
        measure = self.matcher.measure_by_id(measure_id) if self.matcher is not None else None
        return None if measure is None else self._named(measure)

    def best_quote(
        self,
        item: ScoredClause,
        tokens: list[str],
        require_figure: bool = False,
        own_words: tuple[str, ...] = (),
        paid: tuple[str, ...] | None = None,
        naming: str | None = None,
    ) -> str:
        """The sentence (or two adjacent sentences) of the clause that best matches the question.
        With `naming` (部门 for which office is responsible), a sentence holding that word first.

        With `require_figure`, only a sentence that states a figure *about the same thing* qualifies:
        it must share at least half of the specific terms (3+ characters, from the question's own
        words) that the best sentence matched. Returns "" when there is none, so 20万元园区建设补贴
        is never offered as the amount of 创业补贴. With `paid` (a who-pays question: 利息谁出, and what
        is paid for: 利息, 贴息), a sentence that names who bears a cost (财政贴息, 由…缴纳) qualifies
        first — of that cost first — when the clause has one."""
        sentences = split_sentences(item.clause.body) or [item.clause.body]
        wanted = set(tokens)
        idf = self.retriever.lexical.idf
        token_sets = [set(self.tokenize(s)) for s in sentences]
        # Sorted: a float sum over a set would depend on PYTHONHASHSEED and flip near-ties.
        scores = [sum(idf(t) for t in sorted(words) if t in wanted) for words in token_sets]
        candidates: list[int] | range = range(len(sentences))
        if naming is not None:
            candidates = [i for i in candidates if naming in sentences[i]] or candidates
        if paid is not None:
            # Who pays (利息谁出): the best of the sentences that name a payer — of what is asked about
            # (贴息 for 利息) when one does — when the clause has one.
            paying = [i for i in candidates if names_a_payer(sentences[i]) and scores[i] > 0]
            # The measure itself asked about (技能提升补贴这钱谁出) is paid for by a sentence of its own
            # clause that says where 所需资金 come from, without naming it again.
            own_cost = any(term in item.clause.text or _abbreviates(term, item.clause.text) for term in paid)
            of_it = [
                i
                for i in paying
                if any(term in sentences[i] or _abbreviates(term, sentences[i]) for term in paid)
                or (own_cost and any(word in sentences[i] for word in _FUNDS_OF_THE_MEASURE))
            ]
            # A cost named (利息) that no sentence pays for: another cost's payer (扶贫车间's 1000元
            # from 就业资金) is no answer; the best sentence about the measure is quoted instead.
            candidates = of_it or (candidates if paid else paying) or candidates
        best = max(candidates, key=lambda i: (scores[i], -i))
        if require_figure:
            focus = {t for t in token_sets[best] & set(own_words or tokens) if len(t) >= 3}
            needed = max(1, (len(focus) + 1) // 2) if focus else 0
            allowed = [
                i
                for i in range(len(sentences))
                if _FIGURE.search(sentences[i]) and scores[i] > 0 and len(focus & token_sets[i]) >= needed
            ]
            if not allowed:
                return ""
            best = max(allowed, key=lambda i: (scores[i], -i))
        quote = sentences[best]
        follow = best + 1
        if follow < len(sentences) and (len(quote) < 30 or scores[follow] >= 0.6 * scores[best] > 0):
            quote += sentences[follow]
        return quote.strip()

    def _notices(self, citations: list[Citation], as_of: date) -> list[Notice]:
        notices: list[Notice] = []
        for citation in citations:
            document = self.registry.documents[citation.clause_id.rsplit("-", 1)[0]]
            if document.is_draft:
                draft = DraftDocument(document_id=document.id, title=document.title)
                if draft not in notices:
                    notices.append(draft)
            if document.superseded_by is not None:
                newer = self.registry.successor_of(document)
                superseded = SupersededDocument(
                    document_id=document.id,
                    title=document.title,
                    newer_id=document.superseded_by,
                    newer_title=newer.title if newer else "",
                )
                if superseded not in notices:
                    notices.append(superseded)
            elif document.valid_until is not None and document.valid_until < as_of:
                expired = ExpiredDocument(document_id=document.id, title=document.title)
                if expired not in notices:
                    notices.append(expired)
            for measure in document.measures_for(citation.clause_number):
                if measure.has_expired(as_of) and measure.text in to_simplified(citation.quote) and measure.valid_to:
                    notices.append(
                        ExpiredMeasure(
                            clause_id=citation.clause_id,
                            jurisdiction=document.jurisdiction,
                            clause_number=citation.clause_number,
                            clause_label=citation.clause_label,
                            structure=document.structure,
                            text=measure.text,
                            valid_to=measure.valid_to,
                        )
                    )
        return notices


def _qualifies(name: str, phrase: str, texts: list[str]) -> bool:
    """The name is said only as a qualifier of a longer thing a clause here names (家政培训 of 家政培训示范
    基地, where 吉林 writes 家庭服务职业培训示范基地): the thing asked is that, not the named measure."""
    at = phrase.find(name)
    while at >= 0:
        rest = jieba_words(phrase[at + len(name) :])
        following = rest[0] if rest else ""
        if len(following) >= 2 and any(following in text for text in texts):
            return True
        at = phrase.find(name, at + 1)
    return False


# A phrase telling what one has done or had: the measure it names is the situation, not the question.
_TOLD_AS_DONE = re.compile(r"了|过|已经|完|^(?:我|俺|他|她|我们|家里)")

# The generic head of a measure's name: what it is (a subsidy, a loan), not what it is for.
_GENERIC_HEAD = re.compile(r"(?:补贴|补助金|补助|奖补|奖励|资金|贷款|扶持|政策|补偿|资助|金|费)$")


def _BENEFIT_AFTER(purpose: str) -> re.Pattern[str]:
    """A two-character purpose written right before a benefit's head (安家 in 安家补助, for 安家费): the
    region grants that thing under its own head word."""
    return re.compile(re.escape(purpose) + "(?:补|费|贴|金|奖|津|资助)")


def _written_loosely(name: str, text: str, slack: int = 3) -> bool:
    """The name's characters in order within a stretch at most `slack` longer than it (技能提升补贴 in
    技能提升培训补贴): the text names the same thing in its own words."""
    first = name[0]
    start = text.find(first)
    while start >= 0:
        at = start
        for char in name[1:]:
            at = text.find(char, at + 1, start + len(name) + slack)
            if at < 0:
                break
        else:
            return True
        start = text.find(first, start + 1)
    return False


_PHRASE = re.compile(r"[^，；,;]+[，；,;]?")


def _units_of(text: str) -> list[str]:
    """The units a figure is written in (1000元 → 元, 58.2万人 → 万人, 不超过6个月 → 个月, 20% → %)."""
    return [unit for unit in _FIGURE_UNIT.findall(text) if unit]


_FIGURE_UNIT = re.compile(r"\d[\d.]*\s*([万亿千百]?(?:个月|[元人户个名家%月年天日岁倍]))")
# A phrase of a span, a sentence's end closing one too (…可申请技能提升补贴。|取得初级…1000元，).
_PART = re.compile(r"[^，；,;。]+[，；,;。]?")


def _asked_parts_quoted(selection: Selection, quoted: list[tuple[ScoredClause, str]]) -> list[tuple[ScoredClause, str]]:
    """Each chosen measure's span quoted as the parts that state what the answer shows (one tier of
    初级1000元，中级1500元，高级2000元; one of two reckonings 按不超过6个月…，或按不超过3个月…), never a part
    stating a figure it does not show: a person reading the quote takes any figure in it as the answer."""
    parts: dict[str, tuple[str, ...]] = {}
    for match in selection.chosen:
        shown = (*match.payable_amounts, *(selection.conditions if match is selection.primary else ()))
        if shown:
            parts[match.measure.span] = parts_stating(match.measure, shown)
    return [(item, part) for item, quote in quoted for part in parts.get(quote, (quote,))]


def parts_stating(measure: Measure, shown: Sequence[str]) -> tuple[str, ...]:
    """The measure's span as the runs of its phrases that hold none of its own figures the answer does not show (its
    other tiers, its other reckoning), verbatim: what names the measure and whom it is for stays, each run a quote.
    The whole span when no other figure of it is in it, or when a phrase states a shown figure beside another
    (分别给予50万元和5万元). Another measure's figure in the span is left to the question that asks it
    (商洛今年新增就业目标是多少，失业率要控制在多少 reads both in one sentence)."""
    span = measure.span
    units = {unit for told in shown for unit in _units_of(told)}
    # (of the same unit only: a tier beside the shown one — 1500元 beside 1000元, 不超过3个月 beside 不超过6个月 —
    # never a figure of another kind the question may have asked by another word: 创收 of 创经济收入31亿元)
    others = {
        a.text for a in measure.amounts if not any(a.text in told for told in shown) and units & set(_units_of(a.text))
    }
    if not others:
        return (span,)
    phrases = _PART.findall(span)

    def holds_other(phrase: str) -> bool:
        rest = phrase
        for told in shown:
            rest = rest.replace(told, "")
        return any(f in rest for f in others)

    def holds_shown(phrase: str) -> bool:
        return any(told in phrase or phrase.rstrip("，；,;。") in told for told in shown)

    if any(holds_other(p) and holds_shown(p) for p in phrases):
        return (span,)
    runs: list[list[str]] = [[]]
    for phrase in phrases:
        if holds_other(phrase):
            runs.append([])
        else:
            runs[-1].append(phrase)
    kept = ["".join(run).rstrip("，；,;") for run in runs if run]
    if not any(any(told in part for told in shown) for part in kept):
        return (span,)
    return tuple(kept)


def _without_others_figures(measure: Measure, clause_measures: Sequence[Measure]) -> str:
    """The span of a measure stating no figure, quoted without its closing phrases that hold a figure of another
    measure of its clause (…优化操作流程 of 小额担保贷款, not …确保完成今年新增小额担保贷款6亿元的目标任务: the city's
    lending target is no sum one is lent): a beginning of the span, verbatim. The whole span when its first
    phrase holds such a figure already, or when no other measure's figure is in it."""
    span = measure.span
    others = {
        amount.text
        for other in clause_measures
        if other.id != measure.id
        for amount in other.amounts
        if amount.text in span and not any(amount.text in own.text for own in measure.amounts)
    }
    if not others:
        return span
    kept = ""
    for phrase in _PHRASE.findall(span):
        if any(text in phrase for text in others):
            break
        kept += phrase
    kept = kept.rstrip("，；,;")
    return kept if kept and kept != span else span


# The most responsible offices named as whom to ask when a clause names no lead office.
_OFFICES_NAMED = 3


class _JurisdictionOf(Mapping[str, str]):
    """measure id → the jurisdiction of its document, looked up when asked (a table of every
    measure was seconds of start at every city's scale)."""

    def __init__(self, registry: Registry, matcher: MeasureMatcher | None) -> None:
        self._registry = registry
        self._matcher = matcher
        # Kept once looked up: a figure question over every region asks this of every copy of the
        # measure (≈ 700 at every city's scale), and questions reach the same measures again.
        self._found: dict[str, str] = {}

    def __getitem__(self, measure_id: str) -> str:
        found = self._found.get(measure_id)
        if found is not None:
            return found
        clause_id = self._matcher.clause_of(measure_id) if self._matcher else None
        if clause_id is None or not self._registry.has(clause_id):
            raise KeyError(measure_id)
        found = self._found[measure_id] = self._registry.documents[
            self._registry.document_id_of(clause_id)
        ].jurisdiction
        return found

    def __iter__(self) -> Iterator[str]:
        matcher = self._matcher
        return iter(m for m in (matcher.measure_ids() if matcher else ()) if m in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _beside_the_same(char: str, question: str, text: str) -> bool:
    """`text` holds `char` next to a character it stands beside in `question` (either side)."""
    for at in (i for i, c in enumerate(question) if c == char):
        pairs = (question[max(at - 1, 0) : at + 1], question[at : at + 2])
        if any(len(pair) == 2 and pair in text for pair in pairs):
            return True
    return False


def _source(document: Document) -> SourceDocument:
    return SourceDocument(
        document_id=document.id,
        jurisdiction=document.jurisdiction,
        year=document.signed.year,
        is_draft=document.is_draft,
        document_number=document.document_number,
        title=document.title,
        issuer=document.issuer,
        signed=document.signed,
        effective=document.effective,
        valid_until=document.valid_until,
    )


def _asked(analysis: QueryAnalysis) -> AskedIntent:
    if analysis.to_assistant:
        return AskedIntent(Intent.INSTRUCTION, (Intent.INSTRUCTION,))
    return classify(analysis.normalized)


def _procedure_unanswered(
    analysis: QueryAnalysis, quoted: list[tuple[ScoredClause, str]], named_only: bool = False
) -> MissingAspect | None:
    """The procedure aspect asked (所需材料, 办理流程 …) that the first quoted clause does not state;
    `named_only`: only an aspect the question names by its own words (到账, 网址), never the general
    how-to aspect every procedure question implies."""
    unstated: list[str] = []
    for aspect in analysis.procedure_aspects:
        if named_only and not _step_asked(analysis.normalized, aspect.triggers):
            continue
        body = quoted[0][0].clause.body if quoted else ""
        # (手续复杂吗 asks how hard it is: a procedure made simpler — 简化贷款程序 — answers that)
        reformed = None if _ASKS_EASE.search(analysis.normalized) else _REFORMED
        if not _states_step(body, aspect, reformed) and not _office_cell(body, aspect):
            unstated.append(aspect.aspect)
    if not unstated:
        return None
    # 去哪办，要啥材料: every step asked and unstated is named, the first one as the aspect answered.
    return MissingAspect(kind="procedure", name=unstated[0], also=tuple(unstated[1:]))


def _states_step(body: str, aspect: ProcedureAspect, reformed: re.Pattern[str] | None = None) -> bool:
    """The clause says the step asked: a word of its evidence — for where to apply, in a sentence about
    applying or being served (在常住地进行失业登记, 网上办事大厅…便民服务平台; 为初创期企业搭建融资平台 names a
    平台 that finances firms, not where a loan is applied for)."""
    if aspect.aspect != _WHERE_TO_APPLY:
        # 不断简化办事程序, 优化审批流程 (`reformed`): a reform of the procedure tells that it is made simpler,
        # not its steps.
        steps = reformed.sub("，", body) if reformed is not None else body
        return any(term in steps for term in aspect.evidence)
    sentences = split_sentences(body) or [body]
    # (Both in one clause of the sentence, session 31: 鼓励金融机构…依托巴中市信用信息平台，…提升金融服务能力 names a
    # 平台 the banks use and a 服务 of theirs, not where a loan is applied for.)
    parts = [part for s in sentences for part in _CLAUSE_PARTS.split(s)]
    return any(any(term in p for term in aspect.evidence) and _SERVED.search(p) for p in parts)


_CLAUSE_PARTS = re.compile(r"[，,；;：:]")
# A procedure said only as reformed (简化办事程序, 优化审批流程, 精简申报材料, 压缩办理时限).
_REFORMED = re.compile(r"(?:简化|优化|精简|压缩|减少|规范)[^，,。；;、]{0,4}(?:程序|流程|手续|环节|材料|时限)")
# Asking how hard a procedure is (手续复杂吗, 办起来麻烦不, 简单不): a reform making it simpler answers it.
_ASKS_EASE = re.compile(r"复杂|麻烦|繁琐|烦琐|简单|简便|方便|难不难|好办|难办")


# A sentence about applying (申请, 受理, 办理…): a sentence naming a 平台 or 窗口 for another purpose
# (在电子商务平台实名注册…的网店经营者) says nothing of where to apply.
_APPLYING = re.compile(r"申请|申领|申报|办理|受理|经办|提交|办结|登录")

# A sentence about applying or being served where one goes (申请, 登记, 审批, 办事, 通办, 服务).
_SERVED = re.compile(f"{_APPLYING.pattern}|登记|审批|办事|通办|服务")


_GUIDE_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}[:：]")


def _said_in_own_clause(
    retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]], missing: MissingAspect
) -> tuple[list[tuple[ScoredClause, str]], MissingAspect | None]:
    """The procedure aspect asked (where, how long, which materials) that the measure's quoted span
    leaves open, when a line of the measure's own clause states it — a service guide gives each item
    its 受理地点：…, 办理时限：…, 申请材料：… — quoted first, the whole line (a materials list runs over
    its ；). Otherwise unchanged."""
    aspect = next((a for a in retrieval.analysis.procedure_aspects if a.aspect == missing.name), None)
    if aspect is None or not quoted:
        return quoted, missing
    item = quoted[0][0]
    lines = [line.strip() for line in item.clause.body.split("\n")]
    stating = [line for line in lines if line and _APPLYING.search(line)]
    # The line saying most of the aspect (办理时限：20个工作日 over 办理流程：…公示5个工作日…).
    # (where to apply said by the office alone: …向参保地就业服务中心提出申请)
    said = [
        (len({term for term in aspect.evidence if term in line}) or int(_says_aspect(line, aspect)), -i, line)
        for i, line in enumerate(stating)
    ]
    best = max(said, default=(0, 0, ""))
    if best[0] == 0:
        return quoted, missing
    return [(item, best[2]), *quoted], None


def _step_quoted_first(retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]]) -> list[tuple[ScoredClause, str]]:
    """For each procedure aspect asked that the first quote does not state, the line of its clause that
    does, quoted first; unchanged when the quote states it or the clause has no such line."""
    if not quoted:
        return quoted
    for aspect in retrieval.analysis.procedure_aspects:
        if any(term in quoted[0][1] for term in aspect.evidence):
            keyed = _keyed_line(quoted[0][0].clause.body, aspect) if aspect.triggers else None
            if keyed is not None and keyed not in quoted[0][1]:
                # A step's own time (受理…3个工作日内完成) is not the item's time limit when a guide gives
                # the item its 办理时限：… line: that line answers (so does its 申请材料：…, 受理地点：…).
                quoted = [(quoted[0][0], keyed), *quoted]
            continue
        missing = MissingAspect(kind="procedure", name=aspect.aspect)
        quoted, _ = _said_in_own_clause(retrieval, quoted, missing)
    return quoted


def _keyed_line(body: str, aspect: ProcedureAspect) -> str | None:
    """The line of a service guide's item keyed by a field naming the aspect (办理时限：23个工作日, 申请材料：…,
    受理地点：…): its key holds a word of the aspect's evidence and it says something after the key."""
    for line in (line.strip() for line in body.split("\n")):
        key = _GUIDE_LINE.match(line)
        if key and len(line) > key.end() and any(term in key.group(0) for term in aspect.evidence):
            return line
    return None


# A line of a list of offices keyed by a place (樊城区：樊城区政务服务中心一楼就业创业窗口，咨询电话…).
_PLACE_KEYED = re.compile(r"^([\u4e00-\u9fff（）]{2,16})[：:]")
_PLACE_END = re.compile(r"(?:（[^（）]*）)?$")
_PLACE_LEVELS = ("自治县", "自治州", "新区", "区", "市", "县", "镇", "乡")
_OWN_PLACE_SEARCHED = 8


def _place_key_said(key: str, question: str, places: tuple[str, ...]) -> bool:
    """The key of a line (枣阳市, 东津新区（襄阳经开区）) is the place the question puts the asker in (我是枣阳的
    → 枣阳市), or is written out in it — never the city a county is named after (岳阳 → 岳阳市, not 岳阳县)."""
    key = _PLACE_END.sub("", key)
    if not key.endswith(_PLACE_LEVELS):
        return False
    if key in places or key in question:
        return True
    short = next(key[: -len(level)] for level in _PLACE_LEVELS if key.endswith(level))
    return len(short) >= 2 and short in question and not any(place.startswith(short) for place in places)


def _is_place_line(quote: str) -> bool:
    """One line keyed by a place (樊城区：…窗口), not by a field of a guide (申报材料：…, 补贴标准：…)."""
    key = _PLACE_KEYED.match(quote)
    return key is not None and "\n" not in quote and _PLACE_END.sub("", key.group(1)).endswith(_PLACE_LEVELS)


def _own_place_first(
    retrieval: Retrieval, quoted: list[tuple[ScoredClause, str]], missing: MissingAspect | None
) -> tuple[list[tuple[ScoredClause, str]], MissingAspect | None]:
    """樊城区…在哪办: the line of a list of offices keyed by the place the asker names (樊城区：…窗口，咨询电话…)
    is where that asker applies — quoted first, not the other places' lines; unchanged without one."""
    own = _own_place_line(retrieval)
    if own is None:
        return quoted, missing
    return [own, *(pair for pair in quoted if pair[0].clause.id != own[0].clause.id)], None


def _own_place_line(retrieval: Retrieval) -> tuple[ScoredClause, str] | None:
    """Where to apply asked by someone who names his own place (我是枣阳的，…去哪里申报): the line of a
    clause's list of offices keyed by that place, from the best-ranked clause that has one — a list of
    every place's office is the one answer that place's asker needs, and only its own line is his."""
    # (where to apply, or how — a how-to naming no step of its own: 我是枣阳的，…去哪里申报)
    if not any(a.aspect == _WHERE_TO_APPLY or not a.triggers for a in retrieval.analysis.procedure_aspects):
        return None
    question = retrieval.analysis.normalized
    region = retrieval.analysis.region
    places = tuple(p for p in (region.place, *region.places) if p)
    for item in retrieval.in_scope[:_OWN_PLACE_SEARCHED]:
        lines = [line.strip() for line in item.clause.body.split("\n")]
        keyed = [line for line in lines if _PLACE_KEYED.match(line)]
        if len(keyed) < 2:
            continue  # one keyed line is no list of places
        own = [line for line in keyed if _place_key_said(_PLACE_KEYED.match(line).group(1), question, places)]  # type: ignore[union-attr]
        if len(own) == 1:
            return item, own[0]
    return None


# Which office one applies to asked (找哪个部门申请, 到哪个单位申报).
_APPLY_ASKED = re.compile(r"申请|申报|申领|办理|办")
# A sentence saying an office takes applications (…机构负责…申请的受理, 由…受理).
_TAKES_APPLICATIONS = re.compile(r"负责[^。；]{0,40}受理|由[^。；]{2,40}受理|受理[^。；]{0,6}申请|申请的受理")
_OFFICES_SEARCHED = 3


def _taking_applications_first(retrieval: Retrieval, chosen: list[ScoredClause]) -> list[ScoredClause]:
    """找哪个部门申请: the office one applies to is the one a clause says takes the applications; a
    clause naming offices for another duty (骗取…的，由…部门责令退回) answers no such question. Among the
    best few clauses, the first saying who takes applications is quoted first."""
    if not chosen or not _APPLY_ASKED.search(retrieval.analysis.normalized):
        return chosen
    if _TAKES_APPLICATIONS.search(chosen[0].clause.body):
        return chosen
    for item in retrieval.in_scope[:_OFFICES_SEARCHED]:
        if _TAKES_APPLICATIONS.search(item.clause.body):
            return [item, *(c for c in chosen if c.clause.id != item.clause.id)]
    return chosen


def _procedure_said(
    aspects: tuple[ProcedureAspect, ...], quoted: list[tuple[ScoredClause, str]], citations: list[Citation]
) -> DirectAnswer | None:
    """A procedure question answered from clause text leads with what the first quote says of the aspect
    asked (去哪里申请 → its sentence naming where): those sentences verbatim, never a summary; None when
    no sentence of it names the aspect's evidence."""
    if not quoted or not citations:
        return None
    # the quote, else the rest of its clause (a row quoted by its measure's piece says its office in a
    # cell of its own: …｜经办机构：…)
    body = quoted[0][0].clause.body
    for quote in dict.fromkeys((quoted[0][1], body) if ROW in body else (quoted[0][1],)):
        said = _said_of(aspects, quote, citations[0].clause_id)
        if said is not None:
            return said
    return None


def _said_of(aspects: tuple[ProcedureAspect, ...], quote: str, clause_id: str) -> DirectAnswer | None:
    for aspect in aspects:
        # a 解读's 答： is no part of what it says; a table row says it in its own cell (…｜受理部门：…)
        # A guide's field line (申请材料：1.身份证；2.营业执照；…) is one statement, its ； a list's.
        parts = [quote] if _GUIDE_LINE.match(quote) and "\n" not in quote else split_sentences(quote) or [quote]
        sentences = (re.sub(r"^答[:：]", "", c) for s in parts for c in s.split(ROW))
        said = [s for s in sentences if _says_aspect(s, aspect) and _about_the_step(s, aspect)]
        where = aspect.aspect == _WHERE_TO_APPLY or not aspect.triggers
        if not said and where and _is_place_line(quote):
            said = [quote]  # a place's own line of a list of offices (樊城区：…窗口，咨询电话…)
        if said:
            return DirectAnswer(kind="procedure", term=aspect.aspect, conditions=tuple(said), clause_id=clause_id)
    return None


# Money paid out (拨付至收款账户, 发放到社会保障卡): the step a time limit of handling may be said of.
_PAID_OUT = re.compile(r"拨付|发放|到账|打入|划入|划拨")
_TIME_LIMIT = "办理时限"


def _about_the_step(sentence: str, aspect: ProcedureAspect) -> bool:
    """A sentence about applying — or, for how long the handling takes (多久能到账), about paying the money out
    (公示无异议后20个工作日内将补贴资金拨付至收款账户)."""
    if _APPLYING.search(sentence):
        return True
    return aspect.aspect == _TIME_LIMIT and _PAID_OUT.search(sentence) is not None


# A time asked (什么时候, 哪天, 何时) and a date a sentence states (2026年5月1日).
# 哪一年 reads 哪1年 once numerals are normalized.
_WHEN = re.compile(r"什么时候|啥时候|何时|哪天|哪[一1]天|哪[一1]?年|几月|几号")
# A sentence saying when a document is in force (自2026年5月1日起施行, 有效期至2029年12月31日).
_IN_FORCE_FROM_OR_TO = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日起(?:施行|实施|执行|生效)|有效期(?:至|到|截至)\d{4}年|起(?:施行|实施|执行)，有效期"
)


def _when_stated(retrieval: Retrieval, asked: AskedIntent) -> bool:
    """The policies asked of when they start or end (稳就业政策什么时候开始执行, 有效期到哪年), where a
    clause here says it (自…起施行, 有效期至…): a date asked is answered by that sentence, not by the
    document's status."""
    if "date" not in asked.units and not _WHEN.search(retrieval.analysis.normalized):
        return False
    return any(_IN_FORCE_FROM_OR_TO.search(item.clause.text) for item in retrieval.in_scope)


_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")
_IN_FORCE = re.compile(r"施行|实施|执行|生效|有效期|起|至")


# Whether one is still in time, a time gone by told (一年多了…还能申请么, 过了半年还能报吗): answered by the day one
# applies by, or by the time after an event one applies within (_APPLY_WITHIN).
_STILL_IN_TIME = re.compile(
    r"(?:(?:年|个月|月|天|周|星期)[多半]?了|过了|超过了)[^，,。；;？?]{0,16}?还(?:能|可以|来得及)(?=申|报|交|领|办|登记)"
)
# A deadline asked (截止到什么时候, 最晚哪天, 几号之前) of applying (申请, 申报, 交材料, 报名).
# (之前/以前 only after a day asked: 我2020年以前毕业的 tells a story, it asks no deadline.)
# (报到几号, 申请到什么时候: until which day one may still apply is a deadline too.)
_BY_WHEN = re.compile(
    r"截止|截至|最晚|最迟|(?:几号|哪天|哪一天|什么时候|啥时候|几月|几时)(?:之|以)?前|前要|前得|期限"
    r"|(?:到|至)(?:几号|哪天|哪一天|什么时候|啥时候|几月)"
    # which days one may hand it in (几号能交申请, 哪天可以报): the window of applying
    r"|(?:几号|哪天|哪几天|什么时候|啥时候)(?:能|可以|才能)(?=交|申|报|登记)"
    r"|" + _STILL_IN_TIME.pattern
)
# (报 alone applies when it is the verb of applying: 还能报吗, 补报, 报到几号 — never 报销, 报告, 报道, 报酬.)
_APPLIES = re.compile(
    r"申请|申报|申领|提交|交材料|报名|受理|补报|(?<!失业)登记(?!失业)"
    r"|(?:能|可以|再|去|没来得及|来得及)报(?![销告道酬名])|报(?=到?(?:几号|哪天|哪一天|什么时候|啥时候|几月))"
)


def _asks_a_day(question: str, asked: AskedIntent) -> bool:
    """A day asked: the intent's date unit, or a deadline word (最晚什么时候之前要申请 asks a day however the
    intent reads it; 期限 alone may ask a period)."""
    deadline = _BY_WHEN.search(question)
    return "date" in asked.units or (deadline is not None and deadline.group(0) != "期限")


# A date by which one applies (须于2026年11月30日前提交, 申报截止时间为2026年10月31日), or the day of every year
# (当年度补贴的申报截止时间为11月30日, 于每年10月31日前集中申报).
_APPLY_BY = re.compile(
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:前|之前|以前|止)|截[止至](?:时间|日期)?(?:为|是|到)?(?:\d{4}年)?\d{1,2}月\d{1,2}日"
    # a window one applies in ends on its last day (第一批为2026年3月1日至4月30日, 申报时间：2026年…至…); a window
    # said of something else (对2025年1月1日至…期间新招用…, 本办法自…至…执行) is no deadline of applying
    r"|(?:申报|申请|受理|报名|登记|批[）)]?)(?:时间|日期|期限|期间|期|窗口)?(?:为|是|：|:|自|从)?"
    r"\d{4}年\d{1,2}月\d{1,2}日(?:至|到|—|－|-)(?:\d{4}年)?\d{1,2}月\d{1,2}日"
    # a window said before the applying it is for (下半年租金于次年1月1日至1月31日申报, 第二年1月1日至3月31日还可以
    # 补报一次): its year may be told relative to the one it is for
    r"|(?:\d{4}年|当年|次年|第二年|每年)?\d{1,2}月\d{1,2}日(?:至|到|—|－|-)(?:\d{4}年|当年|次年|第二年)?\d{1,2}月\d{1,2}日"
    r"[^，,。；;]{0,5}(?:申报|申请|受理|提交|报名|补报)"
    # a window that comes back (每季度第一个月的1日至20日, 每月1日至10日) in the sentence of applying
    r"|(?:每季度|每个?月|每年)[^，,。；;]{0,10}?\d{1,2}日(?:至|到|—|－|-)\d{1,2}日"
)
# A time after an event one applies within (应在取得证书后12个月内申请, 自…之日起30日内提出): no day, so the answer
# only to whether one is still in time.
_APPLY_WITHIN = re.compile(r"(?:后|起)\d{1,3}个?(?:月|日|天|年|工作日)(?:内|以内)(?:申请|申报|提出|提交|申领)")


def _says_apply_by(sentence: str, question: str) -> bool:
    """The sentence says by when one applies, as the question asks it (a day, or a time one is still in)."""
    if not _APPLIES.search(sentence):
        return False
    return bool(_APPLY_BY.search(sentence) or (_STILL_IN_TIME.search(question) and _APPLY_WITHIN.search(sentence)))


# One batch of several windows, named in the question (第三批, 最后一批, 下半年, 第二季度, a late window 补报) and by
# the part of the sentence stating it.
_BATCH = re.compile(r"第[一二三四五六1-6]批|最后一批|末批|[上下]半年|第[一二三四1-4]季度|补报")
# How far down the place's ranked clauses the sentence saying by when one applies is looked for.
_APPLY_BY_LOOKED_AT = 5


def _batch_asked(said: list[str], question: str) -> list[str]:
    """Of a sentence stating several batches' windows (第一批为…，第二批为…，第三批（年度最后一批）为…), the part
    stating the batch the question names (最后一批哪天截止); the sentences unchanged when it names none."""
    asked = {b.group(0) for b in _BATCH.finditer(question)}
    if not asked:
        return said
    parts = [p for s in said for p in re.split(r"[，,；;]", s) if _APPLY_BY.search(p)]
    named = [p for p in parts if any(b in p for b in asked)]
    return named if len(parts) > 1 and named else said


def _apply_by_line(
    quoted: list[tuple[ScoredClause, str]], citations: list[Citation], question: str = ""
) -> DirectAnswer | None:
    """The first quote's sentences saying by which date one applies, verbatim (申请截止时间)."""
    if not quoted or not citations:
        return None
    lines = [line.strip() for s in split_sentences(quoted[0][1]) or [quoted[0][1]] for line in s.split("\n")]
    said = [s for s in lines if s and _says_apply_by(s, question)]
    if not said:
        return None
    said = [s.rstrip("；;，,") for s in _batch_asked(said, question)]
    return DirectAnswer(kind="procedure", term="申请截止时间", conditions=tuple(said), clause_id=citations[0].clause_id)


def _when_said(quoted: list[tuple[ScoredClause, str]], citations: list[Citation]) -> DirectAnswer | None:
    """The first quote's sentences that say when it applies (《若干政策措施》自2026年5月1日起施行，有效期至…):
    a date and a word of coming into force, verbatim — never a question (问：…什么时候开始执行？)."""
    if not quoted or not citations:
        return None
    sentences = (
        re.sub(r"^答[:：]", "", c) for s in split_sentences(quoted[0][1]) or [quoted[0][1]] for c in s.split("\n")
    )
    said = [
        s for s in sentences if s and not s.rstrip().endswith(("？", "?")) and _DATE.search(s) and _IN_FORCE.search(s)
    ]
    if not said:
        return None
    return DirectAnswer(kind="procedure", term="施行时间", conditions=tuple(said), clause_id=citations[0].clause_id)


# Where one applies, said as whom to apply to (个人补贴向…劳动保障服务站申请) or who takes it (由…中心受理).
# (the verb ends its phrase: 由担保基金、经办金融机构按8：2的比例分担 names no office that takes anything)
_APPLIED_AT = re.compile(
    r"(?:向[^，。；？]{2,40}?(?:申请|申报|提出)|由[^，。；？]{2,40}?(?:受理|办理|经办))(?=[，,。；;]|$)"
)


# A table's cell under the office that takes applications, read with its column (…｜经办机构：…服务站).
_OFFICE_SAID = re.compile(r"^(?:受理|经办|办理|申请|申领|申报)[\u4e00-\u9fff]{0,4}(?:部门|机构|单位|地点|窗口)[：:]")


def _office_cell(body: str, aspect: ProcedureAspect) -> bool:
    """A table row's cell naming the office that takes applications (…｜经办机构：…) states where."""
    return ROW in body and any(_says_aspect(cell, aspect) for line in body.split("\n") for cell in line.split(ROW))


def _says_aspect(sentence: str, aspect: ProcedureAspect) -> bool:
    """A sentence stating the aspect (one of its evidence words); for a how-to question naming no aspect
    of its own (到哪里申请), also one saying where or to whom one applies. A question (问9：…到哪里申请？)
    states nothing."""
    if sentence.rstrip().endswith(("？", "?")):
        return False
    if any(term in sentence for term in aspect.evidence):
        return True
    where = aspect.aspect == _WHERE_TO_APPLY or not aspect.triggers
    # (向…就业服务中心提出申请 says where one applies, as 由…受理 does)
    return ((not aspect.triggers or where) and bool(_APPLIED_AT.search(sentence))) or (
        where and bool(_OFFICE_SAID.search(sentence))
    )


def _step_asked(question: str, triggers: tuple[str, ...] | list[str]) -> bool:
    """A step of applying is what a phrase asks (几月份到账, 在哪个小程序申请) — not the person's story
    (执照办下来一年多了) nor a condition of a figure asked (批下来给多少钱)."""
    for phrase in asked_phrases(question):
        if not any(trigger in phrase for trigger in triggers) or _TOLD_AS_DONE.search(phrase):
            continue
        asked = classify(phrase)
        if asked.primary is Intent.PROCEDURE or not asked.asks_figure:
            return True
    return False


def _for_regions_only(selection: Selection, question: str) -> bool:
    """Every measure shown is one a region takes as a whole (`Measure.for_regions`), and the question
    asks as a person of the payment itself — not for a government or an employer, nor of what the
    measure does or when (要是出现大规模失业，失业金能延长领吗 asks the measure: its condition's or its
    own words beside the payment's)."""
    chosen = selection.chosen
    return (
        bool(chosen)
        and all(m.measure.for_regions for m in chosen)
        and not speaks_for_an_employer(question)
        and not any(_asks_the_measure_itself(m.measure, question) for m in chosen)
    )


def _asks_the_measure_itself(measure: Measure, question: str) -> bool:
    """The question says a word of the measure's condition or name that is no word of the payment it
    extends (规模 of 严重规模性失业风险的地区, 延长 of 阶段性延长领取失业保险金期限; not 失业, 领取)."""
    payments = [alias for alias in measure.aliases if len(alias) <= _PAYMENT_NAME]
    own = {w for text in (measure.name, *measure.conditions) for w in jieba_words(text) if len(w) >= 2}
    return _AT_A_REGIONS_SCALE.search(question) is not None or any(
        word[:2] in question for word in own - _CLAIMING if not any(word in payment for payment in payments)
    )


# Unemployment told at a region's scale, or more of the payment asked (哪个地方要是大批人失业 失业金能多领吗).
_AT_A_REGIONS_SCALE = re.compile(r"地方|大批|大量|大面积|成批|多领")


# The longest alias read as the payment's own name (失业金, 失业保险金), not a name of the measure.
_PAYMENT_NAME = 5
# Words of claiming any payment (领取, 申领, 发放): they tell nothing of which measure is asked.
_CLAIMING = frozenset(("领取", "申领", "发放", "出现", "期限"))


def _region_measure_asked(match: MeasureMatch) -> str:
    """The payment the question names of a region's measure (失业金, 失业保险金), else the measure's name."""
    for name in sorted((match.measure.name, *match.measure.aliases), key=len):
        if name in (match.named or ""):
            return name
    return match.named or match.measure.name
