"""Eligibility results worded in `bot/present`: every code eligibility can return has its words,
and each kind of requirement, answer, reason, region outcome, amount and profile problem reads as
it did when the engine still built sentences itself."""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

import pytest

from bot.present.problems import problem_json, problem_text, type_name
from bot.present.prose import prose
from bot.present.reasons import reason_body, requirement_text, stated_text, value_text
from bot.present.results import amount_text, beneficiary_label, check_message, notes
from eligibility.errors import ProfileError
from eligibility.facts import FactType
from eligibility.interview import apply_answer
from eligibility.profile import parse_profile
from eligibility.questions import question_for
from eligibility.results import (
    Amount,
    AmountTier,
    Beneficiary,
    BenefitResult,
    CheckResult,
    Reason,
    ReasonKind,
    RegionInfo,
    RegionStatus,
    Requirement,
    Stated,
)
from eligibility.rulebook import Rulebook, default_rulebook
from eligibility.schema import COMPARISONS

COVERED = ("吉林省", "巴中市", "资阳市", "平顶山市", "商洛市")
DAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return default_rulebook()


def comparison(fact: str, compare: str, operand: Any, text: str | None = None) -> Requirement:
    return Requirement(text=text, fact=fact, comparison=compare, operand=operand)


REQUIREMENTS = [
    (comparison("hard_to_employ", "is", True), "需已认定为就业困难人员"),
    (comparison("hard_to_employ", "is", False), "需未认定为就业困难人员"),
    (comparison("employment_status", "is", "unemployed"), "需就业状态为失业、待业（没有工作）"),
    (comparison("education", "in", ("college", "high_school")), "需学历为大专及以上（高校毕业生）或普通高中"),
    (comparison("education", "not_in", ("college",)), "需学历不为大专及以上（高校毕业生）"),
    (comparison("household", "contains_any", ("dibao", "low_income")), "需家庭情况属于低保家庭或低收入家庭"),
    (comparison("ui_years", "gte", 3.0), "需失业保险参保年限不少于3年"),
    (comparison("ui_years", "gt", 2.5), "需失业保险参保年限多于2.5年"),
    (comparison("ui_years", "lte", 3), "需失业保险参保年限不超过3年"),
    (comparison("ui_years", "lt", 1), "需失业保险参保年限少于1年"),
    (comparison("graduation_date", "within_years", 2), "需在毕业（离校）日期后2年内"),
    (comparison("graduation_date", "within_months", 12), "需在毕业（离校）日期后12个月内"),
    (comparison("graduation_date", "same_calendar_year", True), "需在毕业（离校）日期的当年内"),
    (comparison("graduation_date", "same_school_year", True), "需在毕业（离校）日期所在学年内"),
    (comparison("graduation_date", "on_or_after", date(2019, 7, 1)), "需毕业（离校）日期不早于2019年7月1日"),
    (
        comparison("business_months", "started_on_or_after", date(2017, 10, 12)),
        "需在2017年10月12日当天或以后开始（按正常经营时长算）",
    ),
    (comparison("ui_years", "gte", 3.0, text="需参加失业保险满3年"), "需参加失业保险满3年"),
    (Requirement(text="需符合就业困难人员认定条件"), "需符合就业困难人员认定条件"),
]


@pytest.mark.parametrize(("requirement", "worded"), REQUIREMENTS, ids=[w for _, w in REQUIREMENTS])
def test_a_requirement_is_the_rules_own_words_or_its_comparison_phrased(
    rulebook: Rulebook, requirement: Requirement, worded: str
) -> None:
    assert requirement_text(requirement, rulebook.facts) == worded


def test_every_comparison_a_rule_may_use_is_worded() -> None:
    worded = {str(c.comparison) for c, _ in REQUIREMENTS if c.comparison}
    assert worded == set(COMPARISONS)


@pytest.mark.parametrize(
    ("fact", "value", "worded"),
    [
        ("ui_years", 2.0, "您的失业保险参保年限为2年"),
        ("ui_years", 2.5, "您的失业保险参保年限为2.5年"),
        ("graduation_date", date(2019, 6, 30), "您的毕业（离校）日期为2019年6月30日"),
        ("education", "college", "您的学历为大专及以上（高校毕业生）"),
        ("hard_to_employ", True, "您已认定为就业困难人员"),
        ("hard_to_employ", False, "您未认定为就业困难人员"),
        ("household", ("dibao", "low_income"), "您的家庭情况为低保家庭、低收入家庭"),
        ("household", (), "您的家庭不属于所列困难家庭"),
        ("ui_years", None, "您表示不清楚失业保险参保年限"),
        # an option that says it all is quoted alone, never 您的退役军人身份为不是退役军人
        ("veteran", "none", "您不是退役军人"),
        ("certificate_level", "none", "您没有证书"),
        ("business_form", "none", "您目前没有自己经营的企业、个体户或合作社等"),  # session 29: no field name
        ("veteran", "soldier_self_employed", "您的退役军人身份为退役士兵（自主就业）"),
    ],
)
def test_the_persons_answer_is_quoted_back(rulebook: Rulebook, fact: str, value: Any, worded: str) -> None:
    assert stated_text(rulebook.facts[fact], value) == worded


def test_a_value_alone_reads_as_the_person_would_write_it(rulebook: Rulebook) -> None:
    facts = rulebook.facts
    assert value_text(facts["graduation_date"], date(2019, 6, 30)) == "2019年6月30日"
    assert value_text(facts["ui_years"], 3.5) == "3.5年"
    assert value_text(facts["education"], "college") == "大专及以上（高校毕业生）"


GTE_3 = comparison("ui_years", "gte", 3.0, text="需参加失业保险满3年")
REASONS = [
    (
        Reason(kind="failed", clause_id=None, requirement=GTE_3, stated=(Stated(fact="ui_years", value=2.0),)),
        "需参加失业保险满3年，您的失业保险参保年限为2年",
    ),
    (Reason(kind="failed", clause_id=None, requirement=GTE_3), "需参加失业保险满3年"),
    (
        Reason(kind="unsure", clause_id=None, requirement=GTE_3, stated=(Stated(fact="ui_years", value=None),)),
        "需参加失业保险满3年：您表示不清楚失业保险参保年限，请向当地人社部门确认",
    ),
    (Reason(kind="unconfirmed", clause_id=None, requirement=GTE_3), "待确认：需参加失业保险满3年"),
    (
        Reason(kind="expired", clause_id=None, window="2020年度内", valid_to=date(2020, 12, 31), as_of=DAY),
        "该措施限2020年度内执行，有效期至2020年12月31日，查询日期2026年3月1日已超过有效期",
    ),
    (
        Reason(kind="not_yet_in_force", clause_id=None, valid_from=date(2017, 7, 1), as_of=date(2016, 1, 2)),
        "该政策自2017年7月1日起施行，查询日期2016年1月2日早于施行日期",
    ),
    (
        Reason(
            kind="to_confirm",
            clause_id="pingdingshan-2020-09",
            requirement=Requirement(text="招用您的企业是否属于疫情防控保障企业", open=True),
        ),
        "需向人社部门确认：招用您的企业是否属于疫情防控保障企业",
    ),
]


@pytest.mark.parametrize(("reason", "worded"), REASONS, ids=[r.kind for r, _ in REASONS])
def test_each_kind_of_reason_is_worded(rulebook: Rulebook, reason: Reason, worded: str) -> None:
    assert reason_body(reason, rulebook.facts) == worded


def test_every_reason_kind_is_worded() -> None:
    assert {r.kind for r, _ in REASONS} == set(get_args(ReasonKind))


def _result(status: RegionStatus, place: str | None = None, candidates: tuple[str, ...] = ()) -> CheckResult:
    covered = status == "covered"
    return CheckResult(
        status="complete" if covered else "region_not_covered",
        as_of=DAY,
        jurisdiction="吉林省" if covered else None,
        region=RegionInfo(query=place, place=place, status=status, candidates=candidates),
        covered_jurisdictions=COVERED,
        next_question=None,
        benefits=(),
    )


REGIONS = [
    (_result("covered", "延吉市"), "已按吉林省的政策判断（您所在：延吉市）。"),
    (_result("covered"), "已按吉林省的政策判断（您所在：吉林省）。"),
    (_result("missing"), "请先告诉我们您所在的地区。"),
    (_result("unknown"), "不知道所在地区时无法判断适用哪地政策。目前收录：吉林省、巴中市、资阳市、平顶山市、商洛市。"),
    (
        _result("unrecognised"),
        "没有识别出您所在的地区，请写省、市或区县名称。目前收录：吉林省、巴中市、资阳市、平顶山市、商洛市。",
    ),
    (
        _result("not_covered", "北京市"),
        "暂未收录北京市的就业政策。目前收录：吉林省、巴中市、资阳市、平顶山市、商洛市。",
    ),
    (
        _result("partly_covered", "四川省", ("巴中市", "资阳市")),
        "四川省我们只收录了其中巴中市、资阳市的政策，请告诉我们具体城市。目前收录：吉林省、巴中市、资阳市、平顶山市、商洛市。",
    ),
    (
        _result("city_unknown", "四川省", ("巴中市", "资阳市")),
        "您在四川省、具体城市还不确定：下面按四川省收录的巴中市、资阳市的政策列出，哪项适用要看您所在的城市，"
        "请先确认城市（可向当地人社部门咨询）。",
    ),
]


@pytest.mark.parametrize(("result", "worded"), REGIONS, ids=[r.region.status for r, _ in REGIONS])
def test_the_checks_line_says_which_policy_was_applied_or_why_none(result: CheckResult, worded: str) -> None:
    assert check_message(result) == worded


def test_every_region_outcome_is_worded() -> None:
    assert {r.region.status for r, _ in REGIONS} == set(get_args(RegionStatus))


def _benefit(beneficiary: Beneficiary, document_status: str = "official") -> BenefitResult:
    return BenefitResult.model_validate(
        {
            "id": "jilin.x",
            "name": "某补贴",
            "status": "eligible",
            "beneficiary": beneficiary,
            "summary": "",
            "amount": None,
            "reasons": (),
            "missing_facts": (),
            "valid_from": DAY,
            "valid_to": None,
            "document_status": document_status,
            "notes": ("规则自己的说明",),
            "citations": (),
        }
    )


def test_who_may_claim_is_worded_for_every_beneficiary() -> None:
    labels = {b: beneficiary_label(_benefit(b)) for b in get_args(Beneficiary)}
    assert labels == {
        "applicant": "您本人可享受",
        "employer": "用人单位可享受（招用您的单位申领，补贴发给用人单位）",
        "service_provider": "人力资源服务机构可享受（为您介绍就业的机构申领）",
    }


def test_a_draft_adds_the_draft_note_after_the_rules_own_notes() -> None:
    assert notes(_benefit("applicant")) == ("规则自己的说明",)
    assert notes(_benefit("applicant", "draft")) == ("规则自己的说明", prose().eligibility.draft_note)


def test_an_amount_is_its_text_or_every_tier_by_the_fact_that_chooses(rulebook: Rulebook) -> None:
    assert amount_text(Amount(text="一次性5000元"), rulebook.facts) == "一次性5000元"
    tiers = (AmountTier(when="junior", text="1000元"), AmountTier(when="intermediate", text="1500元"))
    listed = amount_text(Amount(text=None, fact="certificate_level", tiers=tiers), rulebook.facts)
    assert listed == "按职业资格或技能等级证书：初级（五级）1000元；中级（四级）1500元"


def _raised(raw: Any) -> ProfileError:
    with pytest.raises(ProfileError) as raised:
        parse_profile(raw, default_rulebook().facts, DAY)
    return raised.value


PROBLEMS = [
    ({"age": "二十五"}, '“age”（年龄）应为整数，收到 "二十五"。', '年龄应为整数，收到 "二十五"。'),
    ({"ui_years": -1}, "“ui_years”（失业保险参保年限）不能为负数，收到 -1。", None),
    ({"age": 200}, "“age”（年龄）不能大于120，收到 200。", "年龄不能大于120，收到 200。"),
    (
        {"graduation_date": "2099-01-01"},
        "“graduation_date”（毕业（离校）日期）不能晚于查询日期后366天（2027-03-02），收到 2099-01-01。",
        None,
    ),
    (
        {"certificate_date": "2099-01-01"},
        "“certificate_date”（证书颁发日期）不能晚于查询日期（2026-03-01），收到 2099-01-01。",
        None,
    ),
    (
        {"education": "doctorate"},
        "“education”（学历）的取值 'doctorate' 不在可选范围内，"
        "可选：below_high_school, high_school, secondary_vocational, college。",
        None,
    ),
    ({"region": "  "}, "“region”（所在地区）应为1至100个字的文字。", "所在地区应为1至100个字的文字。"),
    ({"as_of": "2026-13-01"}, "“as_of”（查询日期）应为日期（YYYY-MM-DD），收到 '2026-13-01'。", None),
    ([1, 2], "资料应为一个 JSON 对象（键为事实名称）。", None),
    ({"agee": 3}, "未知的事实“agee”，是否想写“age”？", None),
    ({"favourite_colour": "red"}, "未知的事实“favourite_colour”。", None),
]


@pytest.mark.parametrize(("raw", "named", "plain"), PROBLEMS, ids=[p[1][:24] for p in PROBLEMS])
def test_a_profile_problem_is_worded_naming_the_fact(raw: Any, named: str, plain: str | None) -> None:
    error = _raised(raw)
    assert problem_text(error) == named
    assert problem_json(error) == {"fact": error.fact, "message_zh": named, "message_en": error.message_en}
    if plain is not None:
        assert problem_text(error, plain=True) == plain


def test_an_unusable_tick_is_worded(rulebook: Rulebook) -> None:
    profile = parse_profile({"region": "延吉"}, rulebook.facts, DAY)
    group = question_for(("hard_to_employ", "veteran"), rulebook.facts)
    with pytest.raises(ProfileError) as not_offered:
        apply_answer(profile, group, ["x"], rulebook.facts)
    assert problem_text(not_offered.value) == "“x”不是本题的选项。"
    two = [{"veteran": "soldier_self_employed"}, {"veteran": "cadre_self_employed"}]
    with pytest.raises(ProfileError) as only_one:
        apply_answer(profile, group, two, rulebook.facts)
    assert problem_text(only_one.value) == f"“{rulebook.facts['veteran'].label}”只能选一项。"


def test_every_fact_type_has_a_name_for_wrong_type_messages() -> None:
    assert all(type_name(t) for t in get_args(FactType))


def test_a_problem_without_wording_fails_loudly() -> None:
    with pytest.raises(ValueError, match="no wording"):
        problem_text(ProfileError(None, "no_such_problem", "made up"))
