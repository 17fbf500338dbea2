"""Session 32 (doc30): leftovers of issue 13 by class, on documents written for these tests (鹤壁, 上饶,
邵阳, 吉安, 宜春), added as staff add them. Whether a document is still in force is answered from its own
dates (有效期至…, 自…起施行，有效期N年), said of the answer's day on the answer line; a measure a revising
notice deleted is said deleted, never shown with its old figure as current; text below a numbered table
is no row's text, and the date by which it says one applies answers 申请截止到什么时候; a share is shown
with what it is a share of; each group's own period said in one sentence stays with its group; a title
naming another in 《》 is cited with single inner marks (《〈…〉政策解读》, never 《《…》政策解读》)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.present.citations import inner_title
from knowledge.clauses import Clause
from knowledge.derive import derive_measures
from knowledge.granted_figures import amounts
from tests.knowledge.asking import ask_json, clauses_of
from tests.knowledge.test_documents_session18 import published_texts

HEBI = "\n".join(
    (
        "鹤壁市人力资源和社会保障局　鹤壁市财政局",
        "关于印发《鹤壁市促进高校毕业生就业创业若干措施》的通知",
        "鹤人社发〔2025〕12号",
        "各县（市、区）人力资源和社会保障局、财政局：",
        "现将《鹤壁市促进高校毕业生就业创业若干措施》印发给你们，请认真贯彻执行。",
        "鹤壁市促进高校毕业生就业创业若干措施",
        "一、一次性创业补贴。对毕业5年内高校毕业生在我市首次创办小微企业并正常经营1年以上的，给予一次性创业补贴6000元。",
        "二、就业见习补贴。对吸纳离校2年内未就业高校毕业生参加见习的单位，按每人每月1500元给予见习补贴。",
        "三、本措施自2025年3月1日起施行，有效期至2027年2月28日。",
        "鹤壁市人力资源和社会保障局　鹤壁市财政局",
        "2025年2月20日",
        "",
    )
)

SHANGRAO = "\n".join(
    (
        "上饶市人力资源和社会保障局文件",
        "饶人社发〔2020〕30号",
        "关于印发《上饶市就业补贴申领办法》的通知",
        "各县（市、区）人力资源和社会保障局：",
        "现将《上饶市就业补贴申领办法》印发给你们，请遵照执行。",
        "上饶市就业补贴申领办法",
        "第一条　为规范就业补贴申领，制定本办法。",
        "第二条　对企业招用就业困难人员并缴纳社会保险费的，按每人每月300元给予岗位补贴，期限最长3年。",
        "第三条　本办法自2021年1月1日起施行，有效期3年。",
        "上饶市人力资源和社会保障局",
        "2020年12月10日",
        "",
    )
)

SHAOYANG = "\n".join(
    (
        "邵阳市人力资源和社会保障局",
        "关于修订《邵阳市就业补助资金使用办法》部分条款的通知",
        "邵人社规〔2026〕2号",
        "各区县（市）人力资源和社会保障局：",
        "经研究，决定对《邵阳市就业补助资金使用办法》（邵人社规〔2023〕5号）部分条款作如下修订：",
        "一、第七条修改为：“第七条 一次性吸纳就业补贴。企业招用登记失业人员并签订1年以上劳动合同的，按每人1200元"
        "给予补贴。”补贴标准由原“800元”调整为“1200元”。",
        "二、删去第九条（创业孵化基地房租补贴，原为“对入驻创业孵化基地的创业实体，按实际房租的60%给予补贴，"
        "每年最高4000元”）。",
        "三、第十二条修改为：“第十二条 审核时限。经办机构应自受理之日起10个工作日内完成审核。”",
        "本通知自2026年3月1日起施行。",
        "邵阳市人力资源和社会保障局",
        "2026年2月16日",
        "",
    )
)

JIAN = "\n".join(
    (
        "吉安市人力资源和社会保障局",
        "吉人社字〔2026〕7号",
        "关于公布2026年吉安市就业补贴标准的通知",
        "各县（市、区）人力资源和社会保障局：",
        "现将2026年我市就业补贴项目及标准公布如下，请遵照执行。",
        "序号　　项目　　　　　　　对象　　　　　　　　标准",
        "1　　　一次性创业补贴　　个体工商户　　　　　每户4000元",
        "2　　　一次性创业补贴　　小微企业　　　　　　每户7000元",
        "3　　　就业见习补贴　　　见习单位　　　　　　按当地最低工资标准的60%给予补贴",
        "4　　　创业培训补贴　　　参训人员　　　　　　按培训费的80%给予补贴，每人最高2500元",
        "注：农民专业合作社参照小微企业标准执行。",
        "高校毕业生灵活就业社会保险补贴期限最长2年，就业困难人员灵活就业社会保险补贴期限最长3年。",
        "申请条件：申请人须于2026年11月30日前提交申请材料，逾期不予受理。",
        "吉安市人力资源和社会保障局",
        "2026年1月8日",
        "",
    )
)

YICHUN = "\n".join(
    (
        "《宜春市创业担保贷款实施办法》政策解读",
        "发布时间：2026-04-10　来源：宜春市人力资源和社会保障局　浏览次数：523",
        "【字体：大 中 小】　打印本页　关闭窗口",
        "为帮助群众了解《宜春市创业担保贷款实施办法》（宜人社发〔2026〕9号），现解读如下。",
        "一、个人创业担保贷款额度是多少？",
        "符合条件的个人创业者，可申请最高30万元创业担保贷款，贷款期限最长3年。",
        "二、小微企业能贷多少？",
        "符合条件的小微企业，可申请最高400万元创业担保贷款。",
        "上一篇：宜春市2026年春风行动启动",
        "",
    )
)


def _clauses(text: str) -> list[Clause]:
    return clauses_of(text, province="江西省", city="吉安市", signed=date(2026, 1, 8))


# --- tables as text ------------------------------------------------------------------------------------


def test_text_below_a_numbered_table_is_no_rows_text() -> None:
    clauses = _clauses(JIAN)
    rows = [c for c in clauses if c.label.startswith("第")]
    assert [c.text.split("｜")[0] for c in rows] == ["1", "2", "3", "4"]
    assert all("注：" not in c.text and "灵活就业" not in c.text for c in rows)
    below = clauses[-1]
    assert below.label == "表后说明" and below.text.startswith("注：农民专业合作社") and "2026年11月30日" in below.text


def test_a_cell_wrapped_onto_the_next_line_stays_in_its_row() -> None:
    text = "序号　　项目　　标准\n1　　　见习补贴　　按当地最低工资标准的，\n60%给予补贴。\n"
    clauses = _clauses(text)
    assert len(clauses) == 1 and "60%给予补贴" in clauses[0].text


def test_a_share_is_shown_with_what_it_is_a_share_of() -> None:
    assert [a.text for a in amounts("按当地最低工资标准的60%给予补贴")] == ["按当地最低工资标准的60%"]
    assert [a.text for a in amounts("对吸纳的，按其实际缴费额的2/3给予补贴")] == ["按其实际缴费额的2/3"]
    assert [a.text for a in amounts("给予60%补贴")] == ["60%"]


def test_each_groups_own_period_said_in_one_sentence_is_its_own() -> None:
    text = (
        "一、灵活就业社保补贴。退役军人灵活就业社会保险补贴期限最长2年，脱贫劳动力灵活就业社会保险补贴期限最长4年。\n"
    )
    units = {m.name: [a.text for a in m.amounts] for m in derive_measures("t-2026", _clauses(text))}
    assert units.get("灵活就业社会保险补贴（退役军人）") == ["最长2年"], units
    assert units.get("灵活就业社会保险补贴（脱贫劳动力）") == ["最长4年"], units


# --- titles --------------------------------------------------------------------------------------------


def test_a_title_naming_another_takes_single_inner_marks() -> None:
    assert inner_title("《宜春市创业担保贷款实施办法》政策解读") == "〈宜春市创业担保贷款实施办法〉政策解读"
    assert inner_title("吉林省人民政府关于做好就业创业工作的通知") == "吉林省人民政府关于做好就业创业工作的通知"


# --- answered end to end, as staff add them ----------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("doc30"),
        (
            ("hebi-2025.txt", HEBI),
            ("shangrao-2020.txt", SHANGRAO),
            ("shaoyang-2026.txt", SHAOYANG),
            ("jian-2026.txt", JIAN),
            ("yichun-2026.txt", YICHUN),
        ),
    )


def _ask(data_dir: Path, region: str, questions: list[str], as_of: str) -> list[dict[str, object]]:
    return ask_json(data_dir, region, questions, as_of)


def test_still_in_force_is_said_from_the_documents_own_validity(published: Path) -> None:
    asked = ["鹤壁的高校毕业生就业创业措施现在还有效吗", "鹤壁的就业政策现在还能用吗"]
    for answer in _ask(published, "鹤壁", asked, "2026-12-05"):
        line = str(answer["direct_answer"] or "")
        assert "有效期至2027年2月28日" in line and "仍在有效期内" in line and "2026年12月5日" in line, answer
        assert "文件是否仍在执行" not in line
    later = _ask(published, "鹤壁", asked[:1], "2027-06-01")[0]
    assert "已过有效期" in str(later["direct_answer"]) and "仍在有效期内" not in str(later["direct_answer"])


def test_expired_is_said_from_a_validity_counted_in_years(published: Path) -> None:
    asked = ["上饶的就业补贴申领办法还有效吗", "上饶的就业政策现在还有效吗"]
    for answer in _ask(published, "上饶", asked, "2026-12-05"):
        line = str(answer["direct_answer"] or "")
        assert "有效期至2023年12月31日" in line and "已过有效期" in line, answer


def test_a_deleted_measure_is_said_deleted_without_its_old_figure(published: Path) -> None:
    asked = ["邵阳创业孵化基地房租补贴每年最高多少", "邵阳入驻孵化基地的房租补贴还有吗"]
    for answer in _ask(published, "邵阳", asked, "2026-12-05"):
        line = str(answer["direct_answer"] or "")
        assert "删去" in line and "4000元" not in line and "60%" not in line, answer


def test_tables_as_text_answer_each_measure_by_its_own_figure(published: Path) -> None:
    asked = [
        "吉安见习补贴标准是多少",
        "吉安就业困难人员灵活就业社保补贴最长几年",
        "吉安高校毕业生灵活就业社保补贴能补几年",
        "吉安创业培训补贴每人最高多少",
        "吉安就业补贴申请截止到什么时候",
    ]
    trainee, hard, graduate, training, due = (
        str(a["direct_answer"] or "") for a in _ask(published, "吉安", asked, "2026-12-05")
    )
    assert "按当地最低工资标准的60%" in trainee
    assert "3年" in hard and "2年" not in hard
    assert "2年" in graduate and "3年" not in graduate
    assert "2500元" in training
    # a deadline a 申请条件 line states for every measure, held by none of them
    assert "2026年11月30日前" in due and "表后说明" in due


def test_a_page_titled_after_the_document_it_explains_is_cited_with_single_inner_marks(published: Path) -> None:
    answer = _ask(published, "宜春", ["宜春个人创业担保贷款最多贷多少"], "2026-12-05")[0]
    assert "《《" not in str(answer["answer"]) and "《〈宜春市创业担保贷款实施办法〉政策解读》" in str(answer["answer"])


def test_the_application_deadline_answers_only_a_question_about_applying(published: Path) -> None:
    """Session 32 (lead, from review32): the 申请截止 line answers 申请截止到什么时候, never when a subsidy is paid."""
    paid, story = (
        str(a["direct_answer"] or "")
        for a in _ask(
            published,
            "吉安",
            ["吉安就业补贴什么时候发放", "我2020年以前毕业的 吉安创业培训补贴每人最高多少"],
            "2026-12-05",
        )
    )
    assert "申请截止" not in paid and "2026年11月30日前" not in paid, paid
    assert "2500元" in story and "申请截止" not in story, story
