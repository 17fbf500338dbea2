"""Session 29 (issue 12, walk of session 28): every line of the result a job-seeker reads is plain Chinese
about them.

- "另有 7 项是用人单位或服务机构的补贴，不发给您本人，未列出" came right after the card listed three items of the
  units that would hire the person: a count of measures paid to other units or providers is about nobody the
  person is, and read as items of theirs held back. A job-seeker is told no such count; an owner is told how
  many of their own unit's measures it cannot claim now, which 查看全部原因 lists.
- "您没有经营形式": a form's field name is no situation of anyone's. An option that is only a negation (没有) is
  said of the person plainly; every such option of every fact has its phrase (no fact falls back to the
  field name), and an empty multiple choice is said of the person too (您以前没有领过…).
- The person's own count says what it counts (另有 N 项补贴您目前不符合条件) and equals the list behind it.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.present.check import check_text
from bot.present.prose import prose
from bot.present.reasons import stated_text
from bot.present.results import is_near_miss, own_misses, reasons_message, results_message
from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from knowledge.registry import Registry, load_registry
from tests.eligibility.checking import check

DAY = date(2026, 12, 1)
# A 43-year-old back in 通江 from the coast, out of work, no business of his own, never had a subsidy.
BACK_HOME = {
    "region": "巴中市通江县",
    "age": 43,
    "employment_status": "unemployed",
    "returning_migrant": True,
    "business_form": "none",
    "education": "below_high_school",
    "received_before": [],
}
# A 26-year-old 大专 graduate in 乐至, looking for work, living with her parents.
GRADUATE_LOOKING = {
    "region": "资阳市乐至县",
    "age": 26,
    "employment_status": "unemployed",
    "education": "college",
    "graduation_date": "2022-07-01",
    "job_seeking": True,
}
AUTUMN = date(2018, 10, 20)
# A noodle shop (个体工商户) in 巴州区 that took on a neighbour's son last month: no contract, no insurance yet.
NOODLE_SHOP = {
    "region": "巴中市巴州区",
    "age": 47,
    "employment_status": "self_employed",
    "business_form": "individual",
    "hiring_staff": True,
    "received_before": [],
    "hires": [{"hard_to_employ": True, "education": "high_school", "contract": False, "insured": False}],
}
UNITS_COUNT = re.compile(r"另有 \d+ 项是用人单位|未列出|经营形式")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.mark.parametrize(("profile", "day"), [(BACK_HOME, DAY), (GRADUATE_LOOKING, DAY)], ids=["back_home", "graduate"])
def test_a_job_seekers_card_counts_only_their_own_and_names_no_field(
    engine: Engine, registry: Registry, profile: dict[str, object], day: date
) -> None:
    result = check(engine, profile, day)
    card = results_message(result, engine.rulebook).text
    reasons = reasons_message(result, engine.rulebook)
    terminal = check_text(result, registry, engine.rulebook)
    for text in (card, reasons, terminal):
        assert not UNITS_COUNT.search(text), text
        assert "您的单位另有" not in text
    near = [b for b in result.benefits if is_near_miss(b, engine.rulebook.facts)]
    shown_near = [b for b in near if b.name in card.split(prose().dialogue.results.near_miss)[-1]] if near else []
    own = re.search(r"另有 (\d+) 项补贴您目前不符合条件，点“查看全部原因”", card)
    expected = len([b for b in own_misses(result) if b not in shown_near])
    assert (own is not None and int(own[1]) == expected) or (own is None and expected == 0)


def test_no_business_is_said_of_the_person_in_the_reasons(engine: Engine) -> None:
    reasons = reasons_message(check(engine, BACK_HOME, DAY), engine.rulebook)
    assert "您目前没有自己经营的企业、个体户或合作社等" in reasons
    assert "您没有经营形式" not in reasons


def test_an_owners_card_counts_the_units_measures_it_cannot_claim(engine: Engine) -> None:
    result = check(engine, NOODLE_SHOP, AUTUMN)
    card = results_message(result, engine.rulebook).text
    failed = [
        b
        for b in result.benefits
        if b.status == "ineligible" and b.beneficiary != "applicant" and not is_near_miss(b, engine.rulebook.facts)
    ]
    said = re.search(r"您的单位另有 (\d+) 项补贴目前申领不了，点“查看全部原因”可以看每一项的原因。", card)
    if failed:
        assert said is not None and int(said[1]) == len(failed)
        reasons = reasons_message(result, engine.rulebook)
        assert all(b.name in reasons for b in failed)
    else:
        assert said is None
    assert not UNITS_COUNT.search(card)


def test_every_option_that_is_only_a_negation_is_said_of_the_person(rulebook: Rulebook) -> None:
    negations = prose().eligibility_stated.negations
    for name, spec in rulebook.facts.specs.items():
        if spec.type != "enum":
            continue
        for option in spec.options:
            said = stated_text(spec, option.value)
            if option.label in negations:
                assert said != f"您{option.label}{spec.label}", f"{name}.{option.value} says the field name: {said}"
    for key in prose().eligibility_stated.plain:
        fact, value = key.split(".", 1)
        assert fact in rulebook.facts.specs and any(o.value == value for o in rulebook.facts[fact].options), key


def test_an_empty_multiple_choice_is_said_of_the_person(rulebook: Rulebook) -> None:
    said = stated_text(rulebook.facts["received_before"], ())
    assert said.startswith("您") and "没有领过" in said
