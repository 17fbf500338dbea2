"""Session 31 (doc28): documents a deployment loads, in forms no earlier document had — parts numbered
第一、第二、 with items ⑴⑵ (a draft for comment with its 有效期), a 政策解读 page copied as plain text with
its info bar and questions numbered 问一、问二 answered without a grant verb, a notice whose measures are
a table typed as text (序号　项目　对象　标准 set apart by runs of spaces). Dates answer when-questions (the
policies' 施行 and 有效期 sentence, not the document's status), a negated situation (没买房) is told, not
asked, and a document past its validity says so on the answer line. Documents written for these tests
(萍乡, 鹰潭, 新余), not the bench's sets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from knowledge.clauses import Clause
from knowledge.derive import derive_measures
from knowledge.filetext import page_labels, published_on
from knowledge.labels import Style, cited_form, read_label
from knowledge.normalize import normalize_document
from tests.knowledge.asking import ask_json, clauses_of
from tests.knowledge.test_documents_session18 import published_texts

PINGXIANG = "\n".join(
    (
        "萍乡市人力资源和社会保障局",
        "关于公开征求《萍乡市稳就业促创业若干措施（征求意见稿）》意见的公告",
        "为进一步做好稳就业工作，我局起草了《萍乡市稳就业促创业若干措施（征求意见稿）》，现向社会公开征求意见。"
        "意见反馈截止时间为2027年7月15日。",
        "萍乡市稳就业促创业若干措施（征求意见稿）",
        "第一、支持自主创业",
        "⑴一次性创业补贴。对年龄在16至40周岁、首次在我市创办小微企业并正常经营1年以上的创业人员，给予一次性创业补贴8000元。",
        "⑵创业担保贷款。个人创业的，可申请最高30万元创业担保贷款；小微企业当年新招用符合条件人员数量达到企业现有在职职工"
        "人数15%以上的，可申请最高400万元创业担保贷款。",
        "第二、鼓励企业吸纳就业",
        "⑴一次性吸纳就业补贴。企业招用毕业年度高校毕业生并签订1年以上劳动合同、缴纳社会保险费的，按每人1500元给予一次性"
        "吸纳就业补贴。",
        "⑵申报时间。一次性吸纳就业补贴每年4月1日至4月30日集中申报，逾期不予受理。",
        "第三、附则",
        "本措施自印发之日起施行，有效期至2029年12月31日。",
        "萍乡市人力资源和社会保障局",
        "2027年6月15日",
        "",
    )
)

YINGTAN = "\n".join(
    (
        "《鹰潭市就业补贴政策实施办法》政策解读",
        "发布时间：2027-03-02　来源：鹰潭市人力资源和社会保障局　浏览次数：1288",
        "【字体：大 中 小】　打印本页　关闭窗口",
        "为帮助群众了解《鹰潭市就业补贴政策实施办法》（鹰人社发〔2027〕4号），现就有关问题解读如下。",
        "问一：职业技能提升补贴标准是多少？",
        "答：取得职业资格证书或职业技能等级证书的企业职工，初级工每人1000元，中级工每人1500元，高级工每人2000元。",
        "问二：来鹰潭就业的高校毕业生有租房补贴吗？",
        "答：对毕业5年内来我市企业就业、在我市无自有住房的全日制本科以上高校毕业生，给予每月600元租房补贴，最长享受24个月。",
        "问三：办法什么时候开始执行？",
        "答：本办法自2027年3月1日起施行，有效期5年。",
        "上一篇：鹰潭市2026年度就业见习基地名单公示",
        "下一篇：关于开展2027年春风行动的通知",
        "",
    )
)

XINYU = "\n".join(
    (
        "新余市人力资源和社会保障局文件",
        "新人社字〔2027〕11号",
        "关于公布2027年新余市就业创业补贴标准的通知",
        "各县（区）人力资源和社会保障局：",
        "现将2027年我市就业创业补贴项目及标准公布如下，请遵照执行。",
        "序号　　项目　　　　　　对象　　　　　　　　标准",
        "1　　　就业见习补贴　　见习单位　　　　　　按当地最低工资标准的80%给予补贴",
        "2　　　创业场所租金补贴　　首次创业人员　　按实际租金的50%给予补贴，每年最高不超过6000元",
        "3　　　职业介绍补贴　　人力资源服务机构　　每人300元",
        "4　　　创业培训补贴　　参训人员　　　　　　每人1200元",
        "新余市人力资源和社会保障局",
        "2027年1月20日",
        "",
    )
)


# --- the parser: forms not seen before -------------------------------------------------------------


def test_parts_numbered_as_ordinals_are_the_parts_numbered_one_two() -> None:
    label = read_label("第二、鼓励企业吸纳就业")
    assert label is not None and label.style == Style.CN and label.number == 2
    article = read_label("第二条 补贴标准")
    assert article is not None and article.style == Style.ARTICLE
    assert cited_form("第三、") == "第三条"


def test_a_question_numbered_in_chinese_numerals_is_numbered_as_arabic_ones_are() -> None:
    label = read_label("问三：办法什么时候开始执行？")
    assert label is not None and label.style == Style.ARABIC and label.number == 3


def test_a_table_typed_as_text_keeps_its_cells_apart() -> None:
    rows = [p.text for p in normalize_document("序号　　项目　　标准\n3　　　职业介绍补贴　　每人300元\n").paragraphs]
    assert rows == ["序号｜项目｜标准", "3｜职业介绍补贴｜每人300元"]


def test_a_line_with_two_names_spaced_apart_is_no_table_row() -> None:
    text = "新余市人力资源和社会保障局　　新余市财政局\n"
    assert [p.text for p in normalize_document(text).paragraphs] == ["新余市人力资源和社会保障局新余市财政局"]


def test_a_page_copied_as_text_names_its_publisher_and_day_in_its_info_bar() -> None:
    data = YINGTAN.encode("utf-8")
    assert "鹰潭市人力资源和社会保障局" in page_labels(data, "jiedu.txt")
    assert published_on(data, "jiedu.txt") == date(2027, 3, 2)


def _clauses(text: str) -> list[Clause]:
    return clauses_of(text, province="江西省", city="鹰潭市", signed=date(2027, 3, 2), document_id="t-2027")


def test_tiers_an_answer_states_without_a_verb_are_the_asked_measure() -> None:
    text = "问一：岗位补贴标准是多少？\n答：企业吸纳一般人员每人800元，吸纳残疾人每人1600元。\n"
    units = {m.name: [a.text for a in m.amounts] for m in derive_measures("t-2027", _clauses(text))}
    assert any(name.startswith("岗位补贴") and figures == ["每人1600元"] for name, figures in units.items()), units


def test_an_answer_stating_no_sum_grants_nothing() -> None:
    text = "问一：岗位补贴什么时候申请？\n答：每年3月集中受理，由企业向所在地人社部门提出。\n"
    assert derive_measures("t-2027", _clauses(text)) == ()


def test_a_negation_tells_the_situation_but_asking_whether_there_is_one_does_not() -> None:
    from knowledge.answer import _told_absent

    assert _told_absent("我在本地没有买房，人才公寓能申请吗", "买房")
    assert not _told_absent("在本地上班，有没有买房补贴", "买房")
    assert not _told_absent("有无购房补贴", "购房补贴")


# --- answered end to end, as staff add them ----------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("doc28"),
        (("pingxiang-2027.txt", PINGXIANG), ("yingtan-2027.txt", YINGTAN), ("xinyu-2027.txt", XINYU)),
    )


def _ask(data_dir: Path, region: str, question: str, as_of: str | None = None) -> dict[str, object]:
    (answer,) = ask_json(data_dir, region, [question], as_of)
    return answer


def _line_and_label(answer: dict[str, object]) -> tuple[str, str]:
    citations = answer["citations"]
    assert isinstance(citations, list) and citations, answer
    return str(answer["direct_answer"] or ""), citations[0]["clause_label"]


def test_a_plain_text_explanation_page_is_placed_by_its_info_bar(published: Path) -> None:
    shown = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "documents", "show", "yingtan-2027", "--json"],
            capture_output=True, text=True, check=True, timeout=120,
            env={**os.environ, "POLICYBOT_DATA_DIR": str(published)},
        ).stdout
    )  # fmt: skip
    assert shown["jurisdiction"].endswith("鹰潭市") and shown["issuer"] == "鹰潭市人力资源和社会保障局"


def test_a_level_asked_gets_its_tier_from_a_verbless_answer(published: Path) -> None:
    line, label = _line_and_label(_ask(published, "鹰潭", "我是厂里的工人，拿了中级工证书，技能提升补贴给多少"))
    assert label == "问一" and "1500元" in line and "1000元" not in line and "2000元" not in line


def test_a_house_not_bought_is_the_situation_told(published: Path) -> None:
    line, label = _line_and_label(_ask(published, "鹰潭", "本科毕业两年，在鹰潭还没买房子，租房补贴一个月给多少"))
    assert label == "问二" and "600元" in line


def test_a_row_of_a_table_typed_as_text_answers_with_its_own_figure(published: Path) -> None:
    line, label = _line_and_label(_ask(published, "新余", "人力资源服务机构介绍人就业，职业介绍补贴一个人多少钱"))
    assert label == "第3项" and "300元" in line and "1200元" not in line


def test_a_rate_row_says_its_cap(published: Path) -> None:
    line, _label = _line_and_label(_ask(published, "新余", "新余第一次创业租的店面，租金补贴有多少"))
    assert "50%" in line and "6000元" in line


def test_a_loan_for_a_business_is_not_its_hiring_share(published: Path) -> None:
    line, label = _line_and_label(_ask(published, "萍乡", "萍乡开了家小微企业，创业担保贷款最高能贷多少"))
    assert label == "第一、" and "400万元" in line and "15%" not in line


def test_when_the_policies_end_is_answered_by_their_validity_sentence(published: Path) -> None:
    line, label = _line_and_label(_ask(published, "萍乡", "萍乡的稳就业政策有效期到哪一年"))
    assert label == "第三、" and "第三条" in line and "2029年12月31日" in line and "征求意见稿" in line


def test_whether_the_policies_are_in_force_is_still_the_documents_status(published: Path) -> None:
    answer = _ask(published, "萍乡", "萍乡的就业政策现在还有效吗")
    assert "征求意见稿" in str(answer["direct_answer"]) and not answer["citations"]


def test_an_answer_from_a_document_past_its_validity_says_so_on_its_line(published: Path) -> None:
    line, _label = _line_and_label(_ask(published, "鹰潭", "鹰潭的高校毕业生租房补贴每月多少", as_of="2033-01-05"))
    assert "已过有效期" in line and "600元" in line
    current, _label = _line_and_label(_ask(published, "鹰潭", "鹰潭的高校毕业生租房补贴每月多少", as_of="2028-01-05"))
    assert "已过有效期" not in current and "600元" in current
