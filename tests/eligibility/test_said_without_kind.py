"""A group said without its kind (我是退役士兵: 待安排工作 or 自主就业?) is recorded as said — the
broad option, which `covers` the kinds it may be — and the kind is asked only where a result
depends on it, with only those kinds offered (eligibility/facts.yaml, eligibility/conditions.py)."""

from __future__ import annotations

from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.interview import run_interview
from eligibility.profile import Profile
from eligibility.questions import GROUP_TYPE
from eligibility.results import NextQuestion

KINDS = ["soldier_awaiting_placement", "soldier_self_employed"]


def _unsure_but(kind: str | None):  # type: ignore[no-untyped-def]
    """不清楚 to every question, except the veteran's kind when asked alone."""

    def answer(question: NextQuestion, profile: Profile) -> Any:
        if question.fact == "veteran":
            return kind
        if question.type == GROUP_TYPE:
            return dict.fromkeys(question.facts)
        return None

    return answer


def _status(result: Any, benefit_id: str) -> str:
    return next(b.status for b in result.benefits if b.id == benefit_id)


@pytest.mark.parametrize("place", ["平顶山市", "商洛市"])
def test_where_every_kind_decides_alike_the_kind_is_never_asked(engine: Engine, profile_of: Any, place: str) -> None:
    # 平顶山 and 商洛 name both kinds of 退役士兵 alike: saying 退役士兵 is enough.
    done = run_interview(engine, profile_of({"region": place, "veteran": "soldier"}), _unsure_but(None))
    assert "veteran" not in [q.fact for q in done.asked]
    assert all("veteran" not in q.facts for q in done.asked), "not even as a box of the 人员类别 question"
    assert done.profile.values["veteran"] == "soldier", "what was said stays recorded"


def test_where_a_result_depends_on_the_kind_only_the_kinds_are_offered(engine: Engine, profile_of: Any) -> None:
    # 巴中: the medical-insurance measure is for those awaiting placement, the support for the self-employed.
    start = profile_of({"region": "巴中市", "veteran": "soldier"})
    before = engine.check(start)
    assert _status(before, "bazhong.veteran_support") != "ineligible", "a veteran is not turned away unasked"
    done = run_interview(engine, start, _unsure_but("soldier_self_employed"))
    asked = [q for q in done.asked if q.fact == "veteran"]
    assert len(asked) == 1
    assert [o.value for o in asked[0].options] == [*KINDS, None], "which kind, of those it may be, or 不清楚"
    # Session 23: the package names its 优惠政策 only (to confirm), so the kind opens it to possibly_eligible.
    assert _status(done.result, "bazhong.veteran_support") == "possibly_eligible"
    assert _status(done.result, "bazhong.veteran_medical_insurance") == "ineligible"


def test_the_broad_option_is_never_offered_as_a_choice(engine: Engine, profile_of: Any) -> None:
    spec = engine.rulebook.facts["veteran"]
    offered = [o.value for o in spec.answer_options(engine.rulebook.facts.answers)]
    assert "soldier" not in offered and "soldier_self_employed" in offered
    assert spec.option_label("soldier").startswith("退役士兵")
