"""Documents nobody curated, added as staff add them, then asked as people ask (issue 13 part 4).

    python bench/bench_new_documents.py [--set NN]  (NN: 19 … 45, one session's documents)

Adds one session's documents (`tests/knowledge/data/documents19/` … `documents24/`) to a fresh data
directory as staff would (`policybot documents add --publish`; session 19: the older 景德镇
notice retired as superseded; session 20: the newer 泉州 意见 added with `--retire-repealed`, as it says
原《…》同时废止; session 21: 衢州 and 株洲, whose measures point at attachment tables; session 22:
a Word 办法 in 章/条, a page whose measures are table rows, a PDF numbered 1.–10. across parts;
session 23: a 政策解读 page in 问/答 pairs, a notice revising an earlier 办法, rural workers and 公益性岗位;
session 24: a 办法 in 第X章/第X条 with ①② items behind its cover letter, a 政策文件 page with the site's
信息公开 table and an 经办机构 paragraph for all measures, a 一问一答 解读 page of a revising notice; session 25:
a 补充通知 amending an earlier 细则 item by item as hard-wrapped PDF text with page furniture mid-clause, a page of
two subsidy-standard tables with 受理部门 in a caption and in rowspan cells, a 政策问答 page in 篇 groups; session 26,
held out — written by a helper that never read the code, never tuned on: a 公众号 政策速览 article with emoji 【】
headings, a 实施细则 in 章/条 with a |-separated 附件 table of standards, a 办事指南 page of five 事项 one
of them ended; session 27, held out likewise — an annual 申报 notice with a window and a replaced standard,
a 政策解读 page with site furniture, a 办法 in 章/条 as hard-wrapped PDF text with page footers mid-article;
sessions 28 to 45, held out likewise — three documents each whose forms are told only once the set is
opened),
asks every question of `asked.yaml` through `policybot ask --json` in one process, and prints
per question whether the first cited clause is the right one, the asked figure is in the first line, and no
other measure's figure is (a question whose clause is null is one the documents do not cover: it passes when the
answer is not `answered` and shows no forbidden figure). A row may carry a sixth field, an anchor: a verbatim
phrase of the sentence that answers it; then the first cited clause is the right one when its text holds the
anchor (whitespace ignored), whatever the parser numbered it — a writer's own numbering rule need not be ours.
Figures are printed, never asserted. The set still unread this session (UNREAD_SET) prints its aggregate line
only — its questions and answers stay unseen until it is opened; `--show` prints them anyway (the lead opening it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from knowledge.normalize import to_simplified

DATA = Path(__file__).resolve().parent.parent / "tests" / "knowledge" / "data"
# Per set: the commands that add its documents, in order (file names relative to the set's directory).
STEPS = {
    "19": [
        ["documents", "add", "jingdezhen_2021.txt", "xuzhou_notice.txt", "kaifeng_page.html", "jingdezhen_2025.pdf",
         "--publish"],
        ["documents", "retire", "jingdezhen-2021", "--superseded-by", "jingdezhen-2025"],
    ],
    "20": [
        ["documents", "add", "quanzhou_2021.txt", "wuhu_notice.txt", "--publish"],
        ["documents", "add", "quanzhou_2026.txt", "--publish", "--retire-repealed"],
    ],
    "21": [
        ["documents", "add", "quzhou_notice.txt", "zhuzhou_measures.txt", "--publish"],
    ],
    "22": [
        ["documents", "add", "xiangyang_measures.docx", "shaoxing_page.html", "liuzhou_measures.pdf", "--publish"],
    ],
    "23": [
        ["documents", "add", "zunyi_qa_page.html", "dezhou_revision.txt", "ganzhou_rural.txt", "--publish"],
    ],
    "24": [
        ["documents", "add", "anqing_measures.txt", "zhanjiang_page.html", "linyi_qa_page.html", "--publish"],
    ],
    "25": [
        ["documents", "add", "tongren_supplement.txt", "changde_table_page.html", "anshan_policy_qa.html", "--publish"],
    ],
    "26": [
        ["documents", "add", "yueyang-2026.html", "suqian-2025.txt", "nanping-2026.html", "--publish"],
    ],
    "27": [
        ["documents", "add", "xiangyang-2026.txt", "liuzhou-2025.html", "jiujiang-2025.txt", "--publish"],
    ],
    "28": [
        ["documents", "add", "changxing-2026.txt", "mianyang-2025.html", "handan-2026-draft.txt", "--publish"],
    ],
    "29": [
        ["documents", "add", "luoyang-2024-pdf.txt", "yibin-jiedu-2025.html", "guilin-2026-gzh.md", "--publish"],
    ],
    "30": [
        ["documents", "add", "nantong-2025-bszn.txt", "jingzhou-2025-xiuding.txt", "qujing-2026-docx.txt", "--publish"],
    ],
    "31": [
        ["documents", "add", "yichang-2024-ocr.txt", "weifang-2025-table.csv", "yuxi-2026-shenbao.txt", "--publish"],
    ],
    "32": [
        ["documents", "add", "yantai-2025-fabuhui.txt", "yiwu-2026-gongshi.html", "baoding-2026-banfa.txt",
         "--publish"],
    ],
    "33": [
        ["documents", "add", "zhangzhou-2026-huibian.txt", "yancheng-2026-tujie.txt", "shiyan-2026-fanti.txt",
         "--publish"],
    ],
    "34": [
        ["documents", "add", "jiaxing-2026-kaifang.json", "huaian-2026-dafu.txt", "datong-2026-biaoge.html",
         "--publish"],
    ],
    "35": [
        ["documents", "add", "leshan-2026-tonggao.txt", "qiqihaer-2026-rexian.csv", "nanyang-2026-qicao.txt",
         "--publish"],
    ],
    "36": [
        ["documents", "add", "baotou-2026-shishibanfa.docx", "tianshui-2026-gongzuoyaodian.txt",
         "haikou-2026-shuangyu.txt", "--publish"],
    ],
    "37": [
        ["documents", "add", "shizuishan-2026-yilanbiao.xlsx", "xining-2026-fangtan.txt",
         "kelamayi-2026-baogao.txt", "--publish"],
    ],
    "38": [
        ["documents", "add", "wanzhou-2026-tongzhi.pdf", "lasa-2026-jiyao.txt",
         "wuqing-2026-mingbaika.txt", "--publish"],
    ],
    "39": [
        ["documents", "add", "heishan-2026-tongzhi.txt", "jinshan-2026-shenqingbiao.rtf",
         "pinggu-2026-xuanjiang.txt", "--publish"],
    ],
    "40": [
        ["documents", "add", "longyou-2026-xize.odt", "huishan-2026-huibao.txt", "gushi-2027-gonggao.txt", "--publish"],
    ],
    "41": [
        ["documents", "add", "jingmen-2026-tongzhi.txt", "tongshan-2026-wenzheng.txt", "yudu-2026-dafuhan.txt",
         "--publish"],
    ],
    "42": [
        ["documents", "add", "yichang-2026-tongzhi.eml", "yishui-2026-faq.md", "shunde-2026-weixinqun.txt",
         "--publish"],
    ],
    "43": [
        ["documents", "add", "wuxing-2026-tongzhi.html", "yueyang-2026-fabuhui.txt", "huoshan-2026-zhengce.json",
         "--publish"],
    ],
    "44": [
        ["documents", "add", "jinyun-2026-xize.docx", "luohe-2026-tongzhi-ocr.txt", "wenjiang-2027-yitudu.txt",
         "--publish"],
    ],
    "45": [
        ["documents", "add", "taoyuan-2026-12345.txt", "wuzhou-2026-gongshi.csv", "haimen-2027-zhibo.txt",
         "--publish"],
    ],
}  # fmt: skip


def _cli(args: list[str], data_dir: Path, stdin: str | None = None) -> str:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def _step(args: list[str], data_dir: Path) -> None:
    """One staff step. An `add` stores the files it takes and refuses the others one by one (exit code 1,
    each refusal on stderr): the documents it took are still asked about; each refusal is printed (its
    questions then fail)."""
    try:
        _cli(args, data_dir)
    except subprocess.CalledProcessError as refused:
        if args[:2] != ["documents", "add"]:
            raise
        for line in (refused.stderr or "").splitlines():
            if line.startswith("未添加"):
                print(f"refused: {line}")


def _holds(text: str, anchor: str) -> bool:
    """Whether a cited clause's text holds a row's anchor, whitespace and character forms ignored on both
    sides: a 繁体 file's anchor is copied from the file, and the clause's text is read in simplified
    characters (its quotes stay as the file writes them)."""
    return to_simplified("".join(anchor.split())) in to_simplified("".join(text.split()))


UNREAD_SET = "45"  # the new-documents set registered unread this session (as UNREAD_SETS for answers)


def main() -> int:
    chosen = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "19"
    quiet = chosen == UNREAD_SET and "--show" not in sys.argv
    folder = DATA / f"documents{chosen}"
    rows = yaml.safe_load((folder / "asked.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        for step in STEPS[chosen]:
            _step([str(folder / arg) if (folder / arg).is_file() else arg for arg in step], data_dir)
        # `ask --json` reads one question per line (docs/ask-json.md), the region from --region: one
        # process per region asked. (Until session 22 each line was a JSON object, read as the question
        # text itself — its region never passed and the words "question"/"region" in every question.)
        answers: list[dict[str, object]] = [{} for _ in rows]
        for region in dict.fromkeys(r for _, r, *_ in rows):
            at = [i for i, (_, r, *_) in enumerate(rows) if r == region]
            lines = "\n".join(rows[i][0] for i in at)
            out = [
                json.loads(line) for line in _cli(["ask", "--json", "--region", region], data_dir, lines).splitlines()
            ]
            for i, answer in zip(at, out, strict=True):
                answers[i] = answer
    passed = other = 0
    for row, answer in zip(rows, answers, strict=True):
        question, region, clause, want, forbid = row[:5]
        anchor = row[5] if len(row) > 5 else None
        first = str(answer.get("direct_answer") or "")
        citations = answer.get("citations")
        cited = [c.get("clause_id") for c in citations] if isinstance(citations, list) else []
        texts = [str(c.get("text") or "") for c in citations] if isinstance(citations, list) else []
        shows_other = any(figure in first for figure in forbid)
        if clause is None:  # not covered: no answer, no other measure's figure
            ok = answer.get("status") != "answered" and not shows_other
        else:
            right_clause = bool(cited) and (_holds(texts[0], anchor) if anchor else cited[0] == clause)
            has_figure = all(figure in first for figure in want)
            ok = right_clause and has_figure and not shows_other
        passed += ok
        other += shows_other
        if not quiet:
            print(f"{'ok' if ok else '--'} {question} [{region}] cited {cited[:1]} first line: {first[:80]!r}")
    held = " (unread: rows held back; --show prints them)" if quiet else ""
    print(f"passed {passed}/{len(rows)}; another measure's figure in the first line: {other}{held}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
