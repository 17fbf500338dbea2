"""The general structure parser: any numbering Chinese government documents use, to clauses.

A document is read as preamble (title, 文号, addressees, cover letter), body (numbered parts at any
depth) and closing (general requirements, 落款, dates, （此件公开发布）, 附件, 抄送, 印发). The body
becomes an outline: a label opens a node when its number continues its style's sequence, and
nests by the conventional rank of its style (章 > 节 > 条 > 一、 > （一） > 1. > （1） > ①). The
leaves, or a small group as a whole, become clauses numbered 1..N; a label that is ambiguous on
its own is cited by its full path (第三条第（二）项, 二、（三）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.chats import CHAT_LABEL, chat_clauses
from knowledge.clauses import ParsedDocument, Section, clause_id, parse_date
from knowledge.documents import Document
from knowledge.errors import ParseError
from knowledge.filetext import is_page_furniture
from knowledge.granted_figures import ROW
from knowledge.labels import HOST_TURN, Label, Style, read_label, timed_turn
from knowledge.normalize import DATE_LINE, Paragraph, is_decorated, normalize_document
from knowledge.numerals import number_to_chinese
from knowledge.outline import (
    MAX_HEADING,
    Emitted,
    Node,
    attach_clause,
    background_part,
    build_clause,
    by_aspect,
    clause_labels,
    emit,
    owners,
)
from knowledge.quality import IssueKind, QualityIssue, QualityReport
from knowledge.rosters import without_rosters
from knowledge.slides import SLIDE_LABEL, is_slide_deck, slides

_ISSUER = re.compile(
    r"(人民政府|办公厅|办公室|委员会|管委会|[厅局委部院署]|中心|联合会|总工会|分行|支行|公司)(（[^（）]{1,8}）)?$"
)
_DATE_TAIL = re.compile(
    r"[0-9一二三四五六七八九十○〇零]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日"
)
_CLOSING_LINE = re.compile(
    r"^(（此件.{0,8}）|\(此件.{0,8}\)|此件.{0,6}公开|附件[:：0-9一二三四五六七八九十]|附件$|抄送[:：]|主送[:：]|"
    r"主题词[:：]|关键词[:：]|（联系人|联系人[:：]|联系电话[:：]|（信息公开形式"
    r")"
)
_TERMINAL = set("。；！？：”）〕」』…")
_OPEN_ENDINGS = set("，、；：（）〔〕“”")
_PRINTED = re.compile(rf"{_DATE_TAIL.pattern}(印发|印制)$")


@dataclass
class _Outline:
    roots: list[Node] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    # (node, issue) in document order; clause ids are filled in once clauses are numbered.
    structural: list[tuple[Node, QualityIssue]] = field(default_factory=list)
    # (part, style) whose numbers run on from one parent to the next (1.–3. under 一、, 4. under 二、).
    numbered_through: set[tuple[int, Style]] = field(default_factory=set)
    # A part that is a document of its own in a booklet (文件二 above its title): the name it is cited by.
    part_names: dict[int, str] = field(default_factory=dict)


# The line a 政策汇编 puts above each document it holds (文件一, 文件2).
_HELD_DOCUMENT = re.compile(r"^文件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})$")


def is_date_line(text: str) -> bool:
    return bool(DATE_LINE.match(text))


def _is_signature(paragraphs: list[Paragraph], index: int) -> bool:
    """A 落款: an issuer's name on a short line, with the date on it or a few lines below (a joint
    document lists one issuer per line)."""
    text = paragraphs[index].text
    if re.search("[。；：，｜]", text) or len(text) > 60:
        return False  # a sentence, or a table row whose last cell names an office (市社保中心)
    dated = _DATE_TAIL.search(text)
    head = text[: dated.start()] if dated else text
    if not head or not _ISSUER.search(head.split("、")[-1]):
        return False
    if dated:
        return True
    for para in paragraphs[index + 1 : index + 4]:
        if is_date_line(para.text):
            return True
        if len(para.text) > 30 or re.search("[。；：，]", para.text):
            return False
    return False


def _is_closing_marker(paragraphs: list[Paragraph], index: int) -> bool:
    text = paragraphs[index].text
    return (
        is_date_line(text)
        or bool(_CLOSING_LINE.match(text))
        or bool(_PRINTED.search(text))
        or _is_signature(paragraphs, index)
    )


class _Builder:
    """Reads paragraphs in order into an outline."""

    def __init__(self, paragraphs: list[Paragraph], aside: frozenset[int] = frozenset()) -> None:
        self.paragraphs = paragraphs
        # A table's caption and header row over rows that are clauses: no text of the row above them.
        self.aside = aside
        self.outline = _Outline()
        self.stack: list[Node] = []
        self.last_seen: dict[Style, int] = {}
        self.pending: list[Paragraph] = []
        self.state = "preamble"
        self.part = 0
        self.sections_in_part = 0
        self.listing_attachments = False

    def run(self) -> _Outline:
        for index, para in enumerate(self.paragraphs):
            self._read(index, para)
        self._close_body()
        self._mark_numbered_through(self.outline.roots)
        return self.outline

    def _mark_numbered_through(self, nodes: list[Node]) -> None:
        for node in nodes:
            if node.label is not None and (node.part, node.label.style) in self.outline.numbered_through:
                node.is_numbered_through = True
            self._mark_numbered_through(node.children)

    def _read(self, index: int, para: Paragraph) -> None:
        text = para.text
        if self.listing_attachments and self._is_attachment_entry(text):
            self._keep_outside(para)
            return
        self.listing_attachments = False
        if index in self.aside:
            self.outline.preamble.append(text) if self.state == "preamble" else self.outline.closing.append(para)
            return
        if _is_closing_marker(self.paragraphs, index):
            if self.state == "body":
                self._close_body()
            self.listing_attachments = text.startswith("附件")
            self._keep_outside(para)
            return
        label = read_label(text)
        if label and self.state == "closing" and label.number == 1 and label.style <= Style.CN_PAREN:
            # An attachment's own text after the 落款; its forms (1．申请人签字) stay closing.
            self._start_part()
        if label and self.state != "closing" and self._accepts(label):
            self._open(label, para)
            return
        if self.state != "closing" and self._is_unnumbered_heading(index):
            self._open_inferred_heading(para)
            return
        if self.state == "body" and self._below_a_table(para):
            self._open_after_table(para)
            return
        if self.state == "body":
            self.pending.append(para)
        else:
            self._keep_outside(para)

    def _below_a_table(self, para: Paragraph) -> bool:
        """A paragraph right below a numbered table's last row, itself no row (注：…参照小微企业标准执行,
        a sentence of the notice): the table ended; the row above is no place for it."""
        last = self.stack[-1] if self.stack else None
        return (
            last is not None
            and last.label is not None
            and last.label.style == Style.ROW
            and not self.pending
            and ROW not in para.text
            # a cell wrapped onto the next line (…按当地最低工资标准的 / 60%给予补贴) still is its row's
            and last.text[-1] not in _OPEN_ENDINGS
            and (para.text.startswith("注") or para.text[-1] in _TERMINAL)
        )

    def _open_after_table(self, para: Paragraph) -> None:
        """The text below a table, a clause of its own (表后说明) beside the rows; the paragraphs after it
        are its text until the next label or the 落款."""
        node = Node(
            label=None, text=para.text, original=para.original, part=self.part, rank=Style.ROW, after_table=True
        )
        self._place(node)

    def _keep_outside(self, para: Paragraph) -> None:
        if self.state == "preamble":
            self.outline.preamble.append(para.text)
        else:
            self.outline.closing.append(para)

    @staticmethod
    def _is_attachment_entry(text: str) -> bool:
        return len(text) <= 60 and "。" not in text and read_label(text) is not None

    def _close_body(self) -> None:
        if self.state == "body":
            if self.pending and self._continues_last(self.stack[-1]):
                self.stack[-1].extra.extend(self.pending)
                self.pending = []
            self.outline.closing.extend(self.pending)
            self.pending = []
            self.stack = []
            self.state = "closing"

    @staticmethod
    def _continues_last(node: Node) -> bool:
        """Whether unlabelled paragraphs after the last numbered part are its text, not the
        document's closing: under a bare heading, after a colon, or in an article (款)."""
        in_article = node.label is not None and node.label.style == Style.ARTICLE
        return in_article or node.after_table or (not node.children and node.is_heading()) or node.text.endswith("：")

    def _start_part(self) -> None:
        self.part += 1
        named = next((p.text for p in reversed(self.outline.closing[-8:]) if _HELD_DOCUMENT.match(p.text)), None)
        if named is not None:
            self.outline.part_names[self.part] = named
        self.stack = []
        self.last_seen = {}
        self.sections_in_part = 0
        self.state = "body"

    def _accepts(self, label: Label) -> bool:
        """A label is structure when it continues its sequence: the next number (or one skipped,
        a slip of the source) after its open sibling, or 1 / the next number for a new parent.
        A list of items (1．, （1）, ①) may also start again at 1 under the same parent."""
        for node in self.stack:
            if node.label is not None and node.label.style == label.style:
                step = label.number - node.label.number
                return step in (1, 2) or (label.number == 1 and label.style >= Style.ARABIC)
        return label.number in (1, self.last_seen.get(label.style, 0) + 1)

    def _absorb_pending(self) -> None:
        """Unlabelled paragraphs between two labels continue the deepest open part."""
        if self.pending and self.stack:
            self.stack[-1].extra.extend(self.pending)
        elif self.pending:
            self.outline.preamble.extend(p.text for p in self.pending)
        self.pending = []

    def _place(self, node: Node) -> None:
        same = next(
            (i for i, n in enumerate(self.stack) if n.label and node.label and n.label.style == node.label.style), None
        )
        if same is not None:
            del self.stack[same:]
        else:
            while self.stack and self.stack[-1].rank >= node.rank:
                self.stack.pop()
        siblings = self.stack[-1].children if self.stack else self.outline.roots
        siblings.append(node)
        self.stack.append(node)

    def _open(self, label: Label, para: Paragraph) -> None:
        self._absorb_pending()
        text = para.text
        node = Node(
            label=label,
            text=label.text + para.text[label.end :],
            original=para.original,
            part=self.part,
            rank=label.style,
        )
        if label.is_repaired:
            self.outline.structural.append(
                (node, QualityIssue(kind=IssueKind.LABEL_REPAIRED, original=text[: label.end], replacement=label.text))
            )
        runs_on = label.number > 1 and label.number == self.last_seen.get(label.style, 0) + 1
        self._place(node)
        if runs_on and len(self.stack) > 1 and self.stack[-2].children[0] is node:
            self.outline.numbered_through.add((self.part, label.style))
        if len(self.stack) == 1:
            self.sections_in_part += 1
        self.last_seen[label.style] = label.number
        self.state = "body"

    def _is_unnumbered_heading(self, index: int) -> bool:
        """A short line right above a numbered item, where the other parts have their headings:
        a part heading whose number the source lost (平顶山 2020: 落实保企业措施，支持企业稳定岗位)."""
        text = self.paragraphs[index].text
        if len(text) > MAX_HEADING or "。" in text or index + 1 >= len(self.paragraphs):
            return False
        if text[-1] in _OPEN_ENDINGS or (index and self.paragraphs[index - 1].text[-1] not in _TERMINAL):
            return False  # the tail or middle of a wrapped sentence, not a heading
        if self.state == "preamble" and not self.outline.preamble:
            return False
        following = read_label(self.paragraphs[index + 1].text)
        if following is None or following.style != Style.CN_PAREN:
            return False
        if any(n.label is not None and n.label.style < Style.CN_PAREN for n in self.stack):
            return False
        return self._accepts(following) or following.number == self.last_seen.get(following.style, 0) + 1

    def _open_inferred_heading(self, para: Paragraph) -> None:
        self._absorb_pending()
        self.sections_in_part += 1
        number = self.sections_in_part
        node = Node(
            label=None, text=para.text, original=para.original, part=self.part, rank=Style.CN, inferred_number=number
        )
        heading = node.content
        self.outline.structural.append(
            (
                node,
                QualityIssue(
                    kind=IssueKind.SECTION_NUMBER_MISSING,
                    original=para.text,
                    replacement=f"第{number_to_chinese(number)}部分：{heading}",
                ),
            )
        )
        self.stack = []
        self._place(node)
        self.state = "body"


def _paragraph_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph]]:
    """A document with no numbering at all: each paragraph of its body is a clause (第N段)."""
    texts = [p.text for p in paragraphs]
    start = max((i + 1 for i, t in enumerate(texts[:15]) if t.endswith("：") and len(t) <= 120), default=0)
    if start == 0:
        start = next((i for i, t in enumerate(texts) if "。" in t), 0)
    end = next((i for i in range(start, len(paragraphs)) if _is_closing_marker(paragraphs, i)), len(paragraphs))
    # A sheet's rows with no 序号: its header rows name columns and are no clause; a header row with one row under it
    # and another header row below (文件名称｜发文机关｜文号｜印发日期 over the document's own record) heads the sheet.
    while start < end and _heads_rows(texts, start):
        start += 2 if start + 2 < end and _heads_rows(texts, start + 2) else 1
    emitted = []
    for index, para in enumerate(paragraphs[start:end], start=start):
        if _heads_rows(texts, index):
            continue
        node = Node(label=None, text=para.text, original=para.original, part=0, rank=Style.CN)
        emitted.append(Emitted(node, [], [para.text], [para.original], None, []))
    return texts[:start], emitted, paragraphs[end:]


# A line of a poster or a slide: short, and no sentence of its own.
_SHORT_LINE = 40
_MAX_BLOCK = 600
_MONEY = re.compile(r"\d\s*(?:万元|元|%)")


def _is_short_line(text: str) -> bool:
    return len(text) <= _SHORT_LINE and "。" not in text


def _block_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph]]:
    """A text with no numbering made of short lines (a 一图读懂 poster typed out, a slide, an emoji-headed
    list): one line is no clause — a measure's figure is on one line, whom it is for on another — so the
    text is read by its own signs: a blank line starts a block, and each block (its heading line and the
    lines under it) is one clause. An opening block that grants nothing (title, account, date) is the
    preamble. Used only when most lines are short and the blank lines make two or more blocks of several
    lines; prose is still read paragraph by paragraph. A block too long for one measure is read by line."""
    if len(paragraphs) < 6 or sum(_is_short_line(p.text) for p in paragraphs) < 0.7 * len(paragraphs):
        return [p.text for p in paragraphs], [], []
    end, blocks = _blank_line_blocks(paragraphs)
    if sum(len(block) >= 2 for block in blocks) < 2:
        return [p.text for p in paragraphs], [], []
    preamble: list[str] = []
    if len(blocks) > 2 and len(blocks[0]) <= 4 and not any(_MONEY.search(p.text) for p in blocks[0]):
        preamble = [p.text for p in blocks.pop(0)]
    emitted = []
    for block in blocks:
        parts = [block] if sum(len(p.text) for p in block) <= _MAX_BLOCK else [[p] for p in block]
        for part in parts:
            node = Node(label=None, text=part[0].text, original=part[0].original, part=0, rank=Style.CN)
            emitted.append(Emitted(node, [], [p.text for p in part], [p.original for p in part], None, []))
    return preamble, emitted, paragraphs[end:]


# A deck's closing slide: thanks, questions, the end (its presenter and date are the deck's facts, no measure).
_SIGN_OFF = re.compile(r"^(?:谢谢|感谢|致谢|[Tt]hank|THANK|Q\s*&\s*A|问答|交流互动|结束|END|End)")


def _slide_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph], list[str]]:
    """A slide deck's outline (knowledge.slides): each slide — its title with its bullets — is one clause cited as
    幻灯片N, whatever its title is numbered (a deck repeats 一、 on every slide of its first part). The slides before
    the first that grants an amount (the title slide, the 目录) are the preamble; the sign-off slides after the last
    that grants one (谢谢！, Q&A) are the closing."""
    texts = [p.text for p in paragraphs]
    found = [(number, at) for number, at in slides(texts) if at]
    granting = [i for i, (_, at) in enumerate(found) if any(_MONEY.search(texts[j]) for j in at)]
    if not granting:
        return texts, [], [], []
    first = granting[0]
    last = max(i for i, (_, at) in enumerate(found) if i <= granting[-1] or not _SIGN_OFF.match(texts[at[0]]))
    preamble = [texts[j] for _, at in found[:first] for j in at]
    emitted: list[Emitted] = []
    labels: list[str] = []
    for number, at in found[first : last + 1]:
        head = paragraphs[at[0]]
        node = Node(label=None, text=head.text, original=head.original, part=0, rank=Style.CN)
        emitted.append(Emitted(node, [], [texts[j] for j in at], [paragraphs[j].original for j in at], None, []))
        labels.append(f"{SLIDE_LABEL}{number}")
    closing = [paragraphs[j] for _, at in found[last + 1 :] for j in at]
    return preamble, emitted, closing, labels


def _blank_line_blocks(paragraphs: list[Paragraph]) -> tuple[int, list[list[Paragraph]]]:
    """Where the body ends (its first closing marker, else the last paragraph) and the body's paragraphs grouped into
    the blocks that blank lines set apart."""
    end = next((i for i in range(len(paragraphs)) if _is_closing_marker(paragraphs, i)), len(paragraphs))
    blocks: list[list[Paragraph]] = []
    for para in paragraphs[:end]:
        if para.after_break or not blocks:
            blocks.append([])
        blocks[-1].append(para)
    return end, blocks


def _marked_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph]]:
    """Prose with no numbering set out under marked subheads (a press release's ■ 创业补贴提标 首次创业最高补1万元,
    an article's ● or ▶ lines): each subhead with the paragraphs under it, up to the next, is one clause — a
    subhead alone is no clause, and a paragraph alone loses what its part is about. What comes before the first
    subhead (headline, lead) is the preamble. Used only when two or more short marked lines head prose."""
    heads = [
        i
        for i, p in enumerate(paragraphs)
        if is_decorated(p.original)
        and _is_short_line(p.text)
        and i + 1 < len(paragraphs)
        and not _is_short_line(paragraphs[i + 1].text)
    ]
    if len(heads) < 2:
        return [p.text for p in paragraphs], [], []
    end = next((i for i in range(heads[0], len(paragraphs)) if _is_closing_marker(paragraphs, i)), len(paragraphs))
    emitted = []
    for start, stop in zip(heads, [*heads[1:], end], strict=True):
        if start >= end:
            break
        part = paragraphs[start : min(stop, end)]
        node = Node(label=None, text=part[0].text, original=part[0].original, part=0, rank=Style.CN)
        emitted.append(Emitted(node, [], [p.text for p in part], [p.original for p in part], None, []))
    return [p.text for p in paragraphs[: heads[0]]], emitted, paragraphs[end:]


_ASKED = re.compile(r"^问[:：]")
_ANSWERED = re.compile(r"^答[:：]")


def _question_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph]]:
    """A page of questions and answers (政策解读, 问答) with no numbering: each 问： with its 答： is one
    clause — the answer alone loses what it answers (第N段 cut them apart)."""
    texts = [p.text for p in paragraphs]
    asked = [i for i, t in enumerate(texts) if _ASKED.match(t)]
    if len(asked) < 2 or not any(_ANSWERED.match(t) for t in texts[asked[0] :]):
        return texts, [], []
    end = next((i for i in range(asked[0], len(paragraphs)) if _is_closing_marker(paragraphs, i)), len(paragraphs))
    emitted = []
    for start, stop in zip(asked, [*asked[1:], end], strict=True):
        if start >= end:
            break
        pair = paragraphs[start : min(stop, end)]
        node = Node(label=None, text=pair[0].text, original=pair[0].original, part=0, rank=Style.CN)
        emitted.append(Emitted(node, [], [p.text for p in pair], [p.original for p in pair], None, []))
    return texts[: asked[0]], emitted, paragraphs[end:]


# A host's turn in a transcript (`HOST_TURN`): where one exchange of an interview or a press conference starts.
_FEWEST_EXCHANGES = 3


def _speaker(text: str) -> str | None:
    """Who speaks in a transcript's turn (the label before the colon, a caller's note in brackets dropped), or None
    for a line that is no turn."""
    if timed := timed_turn(text):
        return timed.group(1).strip()
    host = HOST_TURN.match(text)
    return host.group(0).rstrip(":：") if host else None


def _opens_exchange(block: list[Paragraph]) -> bool:
    """A block opened by a turn and holding another speaker's turn: a question put (by the host, a reporter, a caller
    on the line) with its answer — whoever asks first."""
    first = _speaker(block[0].text)
    return first is not None and any((_speaker(p.text) or first) != first for p in block[1:])


def _turn_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph]]:
    """A transcript (an 在线访谈, a 新闻发布会, a phone-in programme) set out in blank-line blocks, each opened by a
    turn that asks (the host's question, one read out from a 网友, a caller's) with the answers under it: each block
    is one clause — an answer alone loses what it answers, and the question alone is no answer. What comes before the
    first such block, and that block when it grants nothing (the welcome), is the preamble."""
    end, blocks = _blank_line_blocks(paragraphs)
    hosted = [i for i, block in enumerate(blocks) if HOST_TURN.match(block[0].text) or _opens_exchange(block)]
    if len(hosted) < _FEWEST_EXCHANGES or sum(len(blocks[i]) >= 2 for i in hosted) < _FEWEST_EXCHANGES:
        return [p.text for p in paragraphs], [], []
    first = hosted[0]
    if not any(_MONEY.search(p.text) for p in blocks[first]):
        first += 1
    preamble = [p.text for block in blocks[:first] for p in block]
    emitted: list[Emitted] = []
    for block in blocks[first:]:
        if emitted and _is_sign_off(block):
            # the host's closing line (谢谢各位嘉宾，今天的节目就到这里) closes the last exchange, none of its own
            emitted[-1].texts.extend(p.text for p in block)
            emitted[-1].originals.extend(p.original for p in block)
            continue
        node = Node(label=None, text=block[0].text, original=block[0].original, part=0, rank=Style.CN)
        emitted.append(Emitted(node, [], [p.text for p in block], [p.original for p in block], None, []))
    return preamble, emitted, paragraphs[end:]


def _is_sign_off(block: list[Paragraph]) -> bool:
    """A block of the host's alone that asks nothing and states no sum: a closing line (thanks, a number to call)."""
    return (
        len(block) == 1
        and HOST_TURN.match(block[0].text) is not None
        and not _MONEY.search(block[0].text)
        and not re.search(r"[？?]", block[0].text)
    )


def _exchange_clauses(paragraphs: list[Paragraph]) -> tuple[list[str], list[Emitted], list[Paragraph]]:
    """A text of questions and answers: 问：/答： pairs, else a transcript's exchanges."""
    found = _question_clauses(paragraphs)
    return found if found[1] else _turn_clauses(paragraphs)


_ATTACHMENT_MARK = re.compile(r"^附件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})?$")
_FIGURE = re.compile(r"\d(?:[\d.]*)\s*(?:万元|元|%|人|个月|年)")
_CELL_GAP = re.compile(r"(?:[ \t\u3000]{2,}|\t)")


# A column or caption naming the office that takes applications (受理部门, 经办机构, 办理地点).
_OFFICE_KEY = re.compile(r"^(?:受理|经办|办理|申请|申领|申报)[\u4e00-\u9fff]{0,4}(?:部门|机构|单位|地点|窗口)$")
_CAPTION_OFFICE = re.compile(
    r"[（(]((?:受理|经办|办理|申请|申领|申报)[\u4e00-\u9fff]{0,4}(?:部门|机构|单位|地点|窗口))[:：]"
)
_MAX_HEADER_CELL = 10
_MAX_CAPTION = 80


def _is_header_row(text: str) -> bool:
    """序号｜补贴项目｜补贴标准｜受理部门: a row of column names (short, no figure, no sentence)."""
    cells = text.split(ROW)
    return len(cells) >= 2 and all(
        cell and len(cell) <= _MAX_HEADER_CELL and not re.search(r"[0-9０-９。，；]", cell) for cell in cells
    )


def _heads_rows(texts: list[str], index: int) -> bool:
    """Whether a paragraph is a header row over rows of its table (as many cells, values rather than names)."""
    if not _is_header_row(texts[index]) or index + 1 >= len(texts):
        return False
    below = texts[index + 1]
    return not _is_header_row(below) and len(below.split(ROW)) == len(texts[index].split(ROW))


def _caption_office(caption: str) -> tuple[str, str] | None:
    """表一　创业扶持类（受理部门：…就业服务中心）: the key and the office a caption names for every row."""
    found = _CAPTION_OFFICE.search(caption)
    if found is None:
        return None
    depth, at = 1, found.end()
    for end in range(found.end(), len(caption)):
        depth += {"（": 1, "(": 1, "）": -1, ")": -1}.get(caption[end], 0)
        if depth == 0:
            office = caption[at:end].strip()
            return (found.group(1), office) if office else None
    return None


def read_tables(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], frozenset[int]]:
    """Each table row read whole: its cell under a column that names the office taking applications
    (受理部门) says so (…｜受理部门：市社会保险服务中心), and an office a table's caption states once for
    all its rows (表一　创业扶持类（受理部门：…）) is a cell of each row. Returns the paragraphs and the
    indexes of captions and header rows standing over rows that are numbered clauses (序号 1｜…): those
    belong to no row (the row above them is no place for them)."""
    out = list(paragraphs)
    aside: set[int] = set()
    columns: list[str] = []
    office: tuple[str, str] | None = None
    for index, para in enumerate(paragraphs):
        text = para.text
        if _is_header_row(text):
            columns = text.split(ROW)
            caption = paragraphs[index - 1].text if index else ""
            is_caption = ROW not in caption and len(caption) <= _MAX_CAPTION and "。" not in caption
            office = _caption_office(caption) if is_caption else None
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            if read_label(following) is not None and ROW in following:
                aside.add(index)
                if is_caption and caption and read_label(caption) is None:
                    aside.add(index - 1)
            continue
        if ROW not in text:
            if columns and not text.startswith("注"):
                columns, office = [], None
            continue
        cells = text.split(ROW)
        if len(cells) != len(columns):
            continue
        keys = [bool(_OFFICE_KEY.match(column)) for column in columns]
        read = [
            f"{column}：{cell}" if key and cell else cell
            for column, key, cell in zip(columns, keys, cells, strict=True)
        ]
        if office is not None and not any(keys):
            read.append(f"{office[0]}：{office[1]}")
        if read != cells:
            out[index] = Paragraph(text=ROW.join(read), original=para.original)
    return out, frozenset(aside)


def _table_row(para: Paragraph) -> str:
    """A line of a table typed in plain text (cells apart by runs of spaces): its cells joined by ｜,
    as a Word or page table row reads (3—9人｜每人1200元), so a figure keeps the range it is for.
    Normalizing dropped the spacing; the original still has it."""
    cells = [cell for cell in _CELL_GAP.split(para.original.strip()) if cell]
    return "｜".join(cells) if len(cells) > 1 and "".join(cells) == para.text else para.text


_TAB_CELLS = re.compile(r"[ \u3000]*\t[\t \u3000]*")


def _tab_row(para: Paragraph) -> Paragraph:
    """A table row copied out of a Word file keeps its cells apart by tabs (小微企业⇥3—5人⇥8000元);
    normalizing joins them into one run of words. Read it as a row (小微企业｜3—5人｜8000元), so each
    figure stays with the tier it is for and the header row names the columns."""
    cells = [cell.strip() for cell in _TAB_CELLS.split(para.original.strip()) if cell.strip()]
    if len(cells) < 2 or "".join(cells) != para.text:
        return para
    return Paragraph(text=ROW.join(cells), original=para.original)


# A Word document's footnotes, copied out below its text (注释： / [1] …): each belongs to the
# article whose text carries its marker, as a condition or a figure of that article.
_NOTES_HEADING = re.compile(r"^(?:注释|脚注|尾注|注)[:：]?$")
_NOTE = re.compile(r"^[\[［](\d{1,2})[\]］]")


def _footnotes(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], dict[str, Paragraph]]:
    """The paragraphs without a footnote block, and its notes by marker ([3] → its paragraph). A block
    is a 注释： line followed by notes numbered [1], [2] … whose markers the text above carries."""
    for index, para in enumerate(paragraphs):
        if not _NOTES_HEADING.match(para.text):
            continue
        notes: dict[str, Paragraph] = {}
        end = index + 1
        while end < len(paragraphs) and (mark := _NOTE.match(paragraphs[end].text)):
            notes[f"[{mark.group(1)}]"] = paragraphs[end]
            end += 1
        above = "\n".join(p.text for p in paragraphs[:index])
        if notes and all(marker in above for marker in notes):
            return [*paragraphs[:index], *paragraphs[end:]], notes
    return paragraphs, {}


def _attach_notes(emitted: list[Emitted], notes: dict[str, Paragraph]) -> None:
    """Each footnote after the text of the first clause carrying its marker."""
    for marker, note in notes.items():
        owner = next((e for e in emitted if any(marker in text for text in e.texts)), None)
        if owner is not None:
            owner.texts.append(note.text)
            owner.originals.append(note.original)


def _attachments(closing: list[Paragraph]) -> tuple[list[Emitted], list[str], list[Paragraph]]:
    """Attachments after the 落款 written without numbering (附件 / its title / a table of standards):
    each is a clause labelled 附件 (附件N), so a clause saying 补贴标准见附件 has its figures cited.
    An attachment without a figure (a form to fill in) stays in the closing."""
    emitted: list[Emitted] = []
    labels: list[str] = []
    kept: list[Paragraph] = []
    index = 0
    while index < len(closing):
        mark = _ATTACHMENT_MARK.match(closing[index].text)
        body_start = index + 2
        if mark is None or body_start >= len(closing) or _is_closing_marker(closing, index + 1):
            kept.append(closing[index])
            index += 1
            continue
        end = body_start
        while end < len(closing) and not _ATTACHMENT_MARK.match(closing[end].text):
            if _is_closing_marker(closing, end):
                break
            end += 1
        body = closing[body_start:end]
        if not any(_FIGURE.search(p.text) for p in body):
            kept.extend(closing[index:end])
            index = end
            continue
        title = closing[index + 1]
        node = Node(label=None, text=title.text, original=title.original, part=0, rank=Style.CN)
        rows = [_table_row(p) for p in body]
        emitted.append(Emitted(node, [], [title.text, *rows], [title.original, *(p.original for p in body)], None, []))
        labels.append(f"附件{mark.group(1) or ''}")
        index = end
    return emitted, labels, kept


def _part_names(outline: _Outline) -> dict[int, str]:
    """The names of a booklet's documents (文件一 …), the first one named above its title in the preamble."""
    names = dict(outline.part_names)
    first = next((t for t in reversed(outline.preamble) if _HELD_DOCUMENT.match(t)), None)
    if names and first is not None:
        names[0] = first
    return names


def _unnumbered_clauses(
    paragraphs: list[Paragraph],
) -> tuple[list[str], list[Emitted], list[Paragraph], list[str]]:
    """A text with no numbered outline read by its own signs: 问/答 pairs or a transcript's exchanges, blank-line
    blocks of short lines, marked subheads, else its paragraphs — each with the labels its clauses are cited by."""
    readers = (
        (_exchange_clauses, "第{}问"),
        (_block_clauses, "第{}部分"),
        (_marked_clauses, "第{}部分"),
        (_paragraph_clauses, "第{}段"),
    )
    preamble: list[str] = []
    closing: list[Paragraph] = []
    for reader, label in readers:
        preamble, emitted, closing = reader(paragraphs)
        if emitted:
            return preamble, emitted, closing, [label.format(number_to_chinese(n)) for n in range(1, len(emitted) + 1)]
    return preamble, [], closing, []


def parse_structure(document: Document, raw: str) -> ParsedDocument:
    """Split one document into preamble, sections, clauses and closing, whatever its numbering."""
    normalized = normalize_document(raw)
    issues = list(normalized.issues)
    paragraphs: list[Paragraph] = []
    for para in normalized.paragraphs:
        if is_page_furniture(para.text):
            issues.append(QualityIssue(kind=IssueKind.NOISE_REMOVED, original=para.original.strip(), replacement=""))
        else:
            paragraphs.append(para)
    paragraphs = [_tab_row(para) for para in paragraphs]
    paragraphs, left_out = without_rosters(paragraphs)
    issues.extend(left_out)
    paragraphs, notes = _footnotes(paragraphs)
    paragraphs, aside = read_tables(paragraphs)
    deck = _slide_clauses(paragraphs) if is_slide_deck([p.text for p in paragraphs]) else None
    # A chat export is read by its threads, whatever its messages number (knowledge.chats).
    chat = chat_clauses(paragraphs) if deck is None or not deck[1] else None
    if chat and chat[1]:
        deck = (*chat, [CHAT_LABEL.format(number_to_chinese(n)) for n in range(1, len(chat[1]) + 1)])
    outline = _Builder([] if deck and deck[1] else paragraphs, aside).run()
    sections: list[Section] = []
    emitted: list[Emitted] = []
    background = background_part(outline.roots)
    if background is not None:
        outline.roots.remove(background)
        outline.preamble.extend(background.texts()[0])
    whole = by_aspect(outline.roots)
    for root in outline.roots:
        if whole and root.part == 0 and root.label is not None:
            texts, originals = root.texts()
            emitted.append(Emitted(root, [root.label], texts, originals, None, []))
        else:
            emit(root, [], None, [], emitted, sections)
    preamble, closing = outline.preamble, outline.closing
    labels = clause_labels(emitted, _part_names(outline))
    _attach_notes(emitted, notes)
    if deck and deck[1]:
        preamble, emitted, closing, labels = deck
    if not emitted:
        preamble, emitted, closing, labels = _unnumbered_clauses(paragraphs)
    if not emitted:
        raise ParseError(f"{document.id}: no clauses found")
    attached, attached_labels, closing = _attachments(list(closing))
    emitted, labels = [*emitted, *attached], [*labels, *attached_labels]
    clauses = [
        build_clause(document, number, label, e)
        for number, (label, e) in enumerate(zip(labels, emitted, strict=True), start=1)
    ]
    owner = owners(emitted)
    for node, issue in outline.structural:
        number = owner.get(id(node))
        if issue.kind == IssueKind.LABEL_REPAIRED and number is not None:
            issues.append(issue.model_copy(update={"clause_id": clause_id(document.id, number)}))
        else:
            issues.append(issue)
    issues = [attach_clause(issue, clauses) for issue in issues]
    closing_texts = [p.text for p in closing]
    return ParsedDocument(
        document_id=document.id,
        preamble=tuple(preamble),
        sections=tuple(sections),
        clauses=tuple(clauses),
        closing=tuple(closing_texts),
        closing_date=next((d for d in (parse_date(t) for t in closing_texts) if d), None),
        quality=QualityReport(document_id=document.id, issues=tuple(issues)),
    )
