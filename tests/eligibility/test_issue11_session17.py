"""Issue 11, session 17 (task rules12): people set 9 read, its disagreements judged against the clause texts.

- 巴中（六）: “对首次认定为市级创业园区（孵化基地）的，按规定由市财政给予业主20万元的园区建设补贴” — the park owner's on
  any date; a founder renting a desk in the park asking before the document was signed is told whose it is,
  not only that it is not yet in force.
- A place written with its history in brackets (简阳市（原属资阳，现由成都代管）) is where the person is now, not
  the city named in the aside.
- 平顶山（十）: “将开业5年以内的小微企业主创业培训…纳入职业培训补贴范围” — names 小微企业主 only; the owner of a
  个体工商户 is not refused, whether she counts is to confirm.
- 吉林（十一）: “对省级农民工返乡创业基地（园区）给予80万元资金补助” — the base's grant, never the person's.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.regions import without_former_affiliation
from tests.eligibility.checking import benefit_of, check

PARK_GRANT = "bazhong.incubator_construction_subsidy"
PARK_RENT = "bazhong.incubator_rent_subsidy"
OWNER_TRAINING = "pingdingshan.micro_owner_startup_training"
BASE_GRANT = "jilin.provincial_returnee_base_grant"
RETURNEE = "jilin.returning_entrepreneur_support"

# A 恩阳区 graduate who moved her online shop into the district's incubator in December 2017.
IN_THE_PARK = {
    "region": "巴中市恩阳区",
    "age": 27,
    "employment_status": "self_employed",
    "education": "college",
    "business_form": "individual",
    "business_in_incubator": True,
    "received_before": [],
}


def test_a_park_owners_grant_is_not_the_founders_before_the_document_either(engine: Engine) -> None:
    before = check(engine, IN_THE_PARK, date(2017, 12, 20))
    after = check(engine, IN_THE_PARK, date(2018, 3, 1))
    grant_before = benefit_of(before, PARK_GRANT)
    assert grant_before.status == "employer_only"
    assert [r.kind for r in grant_before.reasons] == ["not_yet_in_force"]
    assert benefit_of(after, PARK_GRANT).status == "employer_only"
    # Her own measure from the same clause is still only not yet in force: the date speaks for what is hers.
    assert benefit_of(before, PARK_RENT).status == "not_yet_in_force"


def test_a_former_affiliation_in_brackets_is_not_where_the_person_is(engine: Engine) -> None:
    farmhand = {"age": 35, "employment_status": "employed", "household": ["poverty_registered"]}
    moved = check(
        engine, {**farmhand, "region": "四川省成都市简阳市（原属资阳市，2016年起由成都代管）"}, date(2018, 7, 2)
    )
    assert moved.status == "region_not_covered"
    assert moved.region.place == "简阳市"
    # A bracket that names the place itself still places the person.
    named = check(engine, {**farmhand, "region": "四川省巴中市（平昌县）"}, date(2018, 7, 2))
    assert named.region.status == "covered"


def test_only_asides_about_the_past_or_administration_are_dropped() -> None:
    assert without_former_affiliation("简阳（以前归资阳管）") == "简阳"
    assert without_former_affiliation("吉林省（延吉）") == "吉林省（延吉）"
    assert without_former_affiliation("（原属资阳）") == "（原属资阳）"


def test_a_shop_owner_under_five_years_is_to_confirm_as_a_small_business_owner(engine: Engine) -> None:
    shop = {
        "region": "平顶山市新华区",
        "age": 38,
        "employment_status": "self_employed",
        "business_form": "individual",
        "business_months": 30,
        "wants_training": True,
    }
    result = benefit_of(check(engine, shop, date(2020, 7, 1)), OWNER_TRAINING)
    assert result.status == "possibly_eligible", result.reasons
    assert any(
        r.kind == "to_confirm" and "个体工商户" in (r.requirement.text or "") for r in result.reasons if r.requirement
    )
    over = benefit_of(check(engine, {**shop, "business_months": 61}, date(2020, 7, 1)), OWNER_TRAINING)
    assert over.status == "ineligible"


def test_a_returnee_bases_grant_is_the_bases_not_the_farmers(engine: Engine) -> None:
    farmer = {
        "region": "吉林省长春市榆树市",
        "age": 38,
        "employment_status": "farming",
        "rural_labor": True,
        "returning_migrant": True,
        "wants_business": True,
    }
    checked = check(engine, farmer, date(2018, 11, 28))
    grant = benefit_of(checked, BASE_GRANT)
    assert grant.status == "employer_only"
    assert grant.amount is not None and "80万元" in grant.amount.text
    # The person's own returnee support never carries the base's figure.
    own = benefit_of(checked, RETURNEE)
    assert own.amount is None or "80万" not in own.amount.text
