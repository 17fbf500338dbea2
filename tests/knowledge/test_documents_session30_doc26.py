"""Session 30 round 2 (doc26): documents a deployment loads — a tier said in the words people use for
what it writes (注册了公司 for 创办企业, 脱贫户 for 脱贫人口) and an item opening with its act (创办, 招用)
said by what it founds or hires; a cap stated on its own shown beside the sum when both are asked apart.
A document written for these tests (淮北 as a notice), not the bench's
sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.tiers import said_tier
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first

HUAIBEI = "\n".join(
    (
        "淮北市人力资源和社会保障局　淮北市财政局",
        "关于印发《淮北市促进创业带动就业若干措施》的通知",
        "淮人社发〔2027〕9号",
        "各县（区）人力资源和社会保障局、财政局：",
        "现将《淮北市促进创业带动就业若干措施》印发给你们，请认真贯彻执行。",
        "一、支持创业",
        "（一）一次性创业补贴。对首次创办小微企业或从事个体经营并正常经营6个月以上的返乡人员、退役军人，"
        "给予一次性创业补贴，其中创办个体工商户的每户4500元，创办企业的每户9000元。",
        "二、支持企业吸纳就业",
        "（二）吸纳就业补贴。企业招用毕业年度高校毕业生并签订1年以上劳动合同的，每人补贴1300元；"
        "招用脱贫人口、退役军人的，每人补贴2200元。每户企业每年补贴总额最高8万元。",
        "三、本措施自2027年6月1日起施行。",
        "淮北市人力资源和社会保障局　淮北市财政局",
        "2027年5月10日",
        "",
    )
)


# --- a tier said in the words people use ---------------------------------------------------------


def test_a_company_founded_says_the_founding_an_enterprise_tier() -> None:
    assert said_tier("创办企业", "在相山区注册了一家公司，开业半年了")
    assert said_tier("开办企业或农民专业合作社", "我开了个农家乐，办的是公司")
    assert not said_tier("创办个体工商户", "在相山区注册了一家公司，开业半年了")


def test_a_company_that_hires_is_no_enterprise_founded() -> None:
    assert not said_tier("创办企业", "公司招了个退伍军人")
    assert not said_tier("创办企业", "我办的个体户，开业一年了")


def test_the_household_lifted_out_of_poverty_says_the_people_lifted_out() -> None:
    assert said_tier("招用脱贫人口、退役军人", "厂里雇了个脱贫家庭的小伙子")
    assert said_tier("招用建档立卡贫困人口", "单位招了个脱贫户")
    assert not said_tier("招用脱贫人口、退役军人", "单位招了个应届大学生")


# --- answered end to end, as staff add them ----------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(tmp_path_factory.mktemp("doc26"), (("huaibei-2027.txt", HUAIBEI),))


def test_a_company_registered_is_answered_with_the_enterprise_tier(published: Path) -> None:
    line, _label, _quote = _first(_ask(published, "淮北", "濉溪县注册了个公司，一次性创业补贴能给多少"))
    assert "9000元" in line and "4500元" not in line


def test_a_worker_from_a_household_lifted_out_of_poverty_is_answered_with_its_tier(published: Path) -> None:
    line, _label, _quote = _first(_ask(published, "淮北", "淮北的厂里雇了个脱贫户的工人，吸纳就业补贴有多少"))
    assert "2200元" in line and "1300元" not in line


def test_a_cap_asked_apart_from_the_sum_is_shown_beside_it(published: Path) -> None:
    answer = _ask(published, "淮北", "杜集区的厂招了个应届毕业生，吸纳就业补贴每人给多少，一年最多能拿多少")
    line = str(answer["direct_answer"])
    assert "1300元" in line and "最高8万元" in line and "2200元" not in line


def test_the_sum_asked_alone_shows_no_cap(published: Path) -> None:
    line = str(_ask(published, "淮北", "淮北的厂招了个应届毕业生，吸纳就业补贴每人给多少")["direct_answer"])
    assert "1300元" in line and "8万元" not in line
