"""How the outline of a document becomes its clauses.

The structure parser (knowledge.structure) reads paragraphs into an outline of numbered parts. Here
the outline is cut into clauses: a leaf is a clause; a heading over numbered measures or articles is
a section and its parts are clauses; a part with text of its own stays whole with its items while it
is short, and is cut into its items when long. A label that is ambiguous alone is cited with the
parts above it (第三条第（二）项, 二、（三）).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from knowledge.clauses import Clause, Section, clause_id, lead_phrase, split_departments
from knowledge.documents import Document, Structure
from knowledge.labels import Label, Style, cited_as, own_label, without_turn_label
from knowledge.normalize import Paragraph, in_source_characters
from knowledge.numerals import number_to_chinese
from knowledge.quality import IssueKind, QualityIssue

MAX_HEADING = 40
# A heading whose whole group is this short is one clause; a longer group is split into its parts.
SMALL_GROUP = 300
# A clause with its own text and numbered items stays whole up to this size (an article more).
WHOLE_ITEM = 600
WHOLE_ARTICLE = 1500


# A line that only announces the list below it (主要内容如下：, 具体措施如下：).
_LEAD_IN = re.compile(r"如下[:：]$")
MAX_LEAD_IN = 80


# How a clause of the text below a numbered table is cited (no number of its own).
AFTER_TABLE = "表后说明"


def is_lead_in(text: str) -> bool:
    return len(text) <= MAX_LEAD_IN and bool(_LEAD_IN.search(text))


@dataclass
class Node:
    label: Label | None  # None: a heading written without its number
    text: str
    original: str
    part: int
    rank: int
    inferred_number: int | None = None
    extra: list[Paragraph] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    clause_number: int | None = None
    # Numbered through the document (4. under 二、 after 3. under 一、): a measure of its own, as an
    # article is, not an item of a list that restarts under each part.
    is_numbered_through: bool = False
    # The text below a numbered table's last row (注：…参照…执行, a sentence of the notice): no row's
    # text, a clause of its own named by what it is (表后说明).
    after_table: bool = False

    @property
    def content(self) -> str:
        if self.label is None:
            return self.text.lstrip("、")
        return self.text[len(self.label.text) :] if self.text.startswith(self.label.text) else self.text

    def is_heading(self) -> bool:
        """A title over its parts (一、支持企业稳定岗位), not a sentence introducing a list; an
        article is always a clause. A title followed only by a line announcing its list (主要内容如下：)
        is a title still: that line says nothing of its own."""
        if self.label is not None and self.label.style == Style.ARTICLE:
            return False
        if self.extra and not (len(self.extra) == 1 and self.children and is_lead_in(self.extra[0].text)):
            return False
        content = self.content
        return len(content) <= MAX_HEADING and not re.search("[。；]", content) and not content.endswith("：")

    def size(self) -> int:
        return len(self.text) + sum(len(p.text) for p in self.extra) + sum(c.size() for c in self.children)

    def texts(self) -> tuple[list[str], list[str]]:
        texts = [self.text, *(p.text for p in self.extra)]
        originals = [self.original, *(p.original for p in self.extra)]
        for child in self.children:
            child_texts, child_originals = child.texts()
            texts += child_texts
            originals += child_originals
        return texts, originals


@dataclass
class Emitted:
    node: Node
    path: list[Label]
    texts: list[str]
    originals: list[str]
    section: Section | None
    containers: list[str]


def _section_of(node: Node) -> Section:
    if node.label is None:
        number = node.inferred_number or 0
        return Section(
            number=number, label=f"{number_to_chinese(number)}、", heading=node.content, is_number_inferred=True
        )
    return Section(number=node.label.number, label=node.label.text, heading=node.content.strip())


def _holds_only_items(node: Node) -> bool:
    """A heading over a short list (1．… ①…) is read as one clause; over numbered measures or
    articles it is a section."""
    return all(
        child.label is not None and child.label.style >= Style.ARABIC and not child.is_numbered_through
        for child in node.children
    )


def emit(
    node: Node,
    path: list[Label],
    section: Section | None,
    containers: list[str],
    out: list[Emitted],
    sections: list[Section],
) -> None:
    here = [*path, node.label] if node.label else path
    if not node.children:
        texts, originals = node.texts()
        out.append(Emitted(node, here, texts, originals, section, containers))
        return
    if node.is_heading():
        if node.label is not None and node.size() <= SMALL_GROUP and _holds_only_items(node):
            texts, originals = node.texts()
            out.append(Emitted(node, here, texts, originals, section, containers))
            return
        if section is None:
            section = _section_of(node)
            sections.append(section)
            inner = containers
        else:
            inner = [*containers, node.content.strip()]
        for child in node.children:
            emit(child, here, section, inner, out, sections)
        return
    limit = WHOLE_ARTICLE if node.label and node.label.style == Style.ARTICLE else WHOLE_ITEM
    if node.size() <= limit or is_guide_item(node):
        texts, originals = node.texts()
        out.append(Emitted(node, here, texts, originals, section, containers))
        return
    own = [node.text, *(p.text for p in node.extra)]
    own_original = [node.original, *(p.original for p in node.extra)]
    out.append(Emitted(node, here, own, own_original, section, containers))
    inner = [*containers, lead_phrase(node.content)] if section else containers
    for child in node.children:
        emit(child, here, section, inner, out, sections)


# The fields a service guide (办事指南) gives each of its items (事项): what it is, who may apply, how
# much, what to bring, how it runs, how long it takes, where to go.
_GUIDE_FIELD = re.compile(
    r"^(?:事项名称|设定依据|实施依据|申请条件|申报条件|受理条件|补贴对象|补贴标准|支持标准|申请材料|申报材料|"
    r"办理流程|申办流程|办理程序|办理时限|承诺时限|法定时限|受理地点|办理地点|受理部门|受理机构|咨询电话|"
    r"收费标准|是否收费|办理方式)[:：]"
)
_GUIDE_FIELDS = 3


def is_guide_item(node: Node) -> bool:
    """An item of a service guide (一、事项名称：一次性创业补贴 / 申请条件： 1．… / 申请材料： 1．…): one
    clause, however long — its numbered lines are the lists of its fields (conditions, papers, steps),
    no measures of their own, and its 办理时限 or 受理地点 is of no other item."""
    texts, _ = node.texts()
    fields = {match.group(0) for text in texts if (match := _GUIDE_FIELD.match(text))}
    return len(fields) >= _GUIDE_FIELDS


# The first part of a 解读 page or a plan that tells why the policy was made (一、出台背景): it grants
# nothing, as a notice's opening paragraph (为深入实施…) grants nothing — the document's preamble.
_BACKGROUND = re.compile(
    r"^(?:出台|起草|制定|政策|编制)?(?:背景|过程|依据)(?:[和及与、](?:出台|起草|制定)?(?:背景|过程|依据|意义|目的))?$"
)


def background_part(roots: list[Node]) -> Node | None:
    """The first top-level part when it only says why the policy was made (出台背景, 起草过程)."""
    if len(roots) < 2 or roots[0].label is None or roots[0].label.style != Style.CN or roots[0].part:
        return None
    first = roots[0]
    heading = lead_phrase(first.content).strip()
    return first if _BACKGROUND.match(heading) and len(heading) <= 12 else None


def _measure_named(node: Node) -> str:
    return lead_phrase(node.content).strip().rstrip("。：:")


def by_aspect(roots: list[Node]) -> bool:
    """A notice set out by aspect (一、申报对象 二、补贴标准 … 四、申报材料), each aspect's items
    restarting at （一） and naming the same measures again ((一)一次性创业补贴 under 一、 and under 二、):
    each aspect is one clause with its items — an item alone is one aspect of one measure, and the
    document's own parts are the aspects."""
    parts = [r for r in roots if r.part == 0 and r.label is not None and r.label.style == Style.CN]
    if len(parts) < 3:
        return False
    named: dict[str, set[int]] = {}
    for index, part in enumerate(parts):
        items = [c for c in part.children if c.label is not None and c.label.style == Style.CN_PAREN]
        if any(c.is_numbered_through for c in items):
            return False
        for item in items:
            named.setdefault(_measure_named(item), set()).add(index)
    recurring = [name for name, where in named.items() if name and len(where) > 1]
    return len(recurring) >= 2


def _needs_path(path: list[Label], is_repeated: bool, is_numbered_through: bool = False) -> bool:
    """An item (1．, （1）, ①, or any item of an article) restarts under each parent, so it is
    cited with the parts above it; a 一、 or （一） only when the document repeats it; a number that runs
    through the document never."""
    if len(path) < 2 or is_numbered_through:
        return False
    return is_repeated or path[-1].style >= Style.ARABIC or any(label.style == Style.ARTICLE for label in path[:-1])


def _repeating_styles(emitted: list[Emitted]) -> set[Style]:
    """Styles whose numbers recur under different parents (第一部分一、 and 第二部分一、), as clauses or as
    headings over clauses: every label of such a style is cited with the parts above it."""
    parents: dict[tuple[int, Style, int], set[tuple[tuple[Style, int], ...]]] = {}
    for e in emitted:
        for depth, label in enumerate(e.path):
            above = tuple((parent.style, parent.number) for parent in e.path[:depth])
            parents.setdefault((e.node.part, label.style, label.number), set()).add(above)
    return {style for (_, style, _), chains in parents.items() if len(chains) > 1}


def clause_labels(emitted: list[Emitted], part_names: Mapping[int, str] | None = None) -> list[str]:
    """Each clause's own label where that is unambiguous, else its full path; 附件N before
    labels that repeat in an attachment — or the part's own name (文件三) where a booklet gives one."""
    names = part_names or {}
    own = [own_label(e.node.label) if e.node.label else (AFTER_TABLE if e.node.after_table else "") for e in emitted]
    repeating = _repeating_styles(emitted) | {
        e.node.label.style for e, label in zip(emitted, own, strict=True) if e.node.label and own.count(label) > 1
    }
    labels = [
        cited_as(e.path)
        if _needs_path(e.path, e.node.label is not None and e.node.label.style in repeating, e.node.is_numbered_through)
        else label
        for label, e in zip(own, emitted, strict=True)
    ]
    return [
        f"{names.get(e.node.part, f'附件{e.node.part}')}{label}"
        if (e.node.part or e.node.part in names) and labels.count(label) > 1
        else label
        for label, e in zip(labels, emitted, strict=True)
    ]


def owners(emitted: list[Emitted]) -> dict[int, int]:
    """The clause number each outline node's text ended up in."""
    owner: dict[int, int] = {}

    def mark(node: Node, number: int) -> None:
        owner.setdefault(id(node), number)
        for child in node.children:
            mark(child, number)

    for number, e in enumerate(emitted, start=1):
        owner[id(e.node)] = number
    for number, e in enumerate(emitted, start=1):
        mark(e.node, number)
    return owner


def build_clause(document: Document, number: int, label: str, e: Emitted) -> Clause:
    text = "\n".join(e.texts)
    own = e.node.label.text if e.node.label else ""
    content = text[len(own) :] if own and text.startswith(own) else text
    if own:
        content = content.lstrip("：:")  # a question's number and its colon (问1：…？) are its label
    body, lead, responsible = split_departments(content, document.departments_lead_first)
    section_heading = e.section.heading if e.section else None
    if section_heading and e.containers:
        section_heading = "／".join([section_heading, *e.containers])
    return Clause(
        id=clause_id(document.id, number),
        document_id=document.id,
        clause_number=number,
        label=label,
        # a question's 问：, a service guide item's 事项名称： and a transcript turn's time and speaker label what
        # follows, the heading itself
        heading=lead_phrase(without_turn_label(re.sub(r"^(?:问|事项名称)[:：]", "", content))),
        section_number=e.section.number if e.section else None,
        section_heading=section_heading,
        text=text,
        body=body,
        original_text="\n".join(e.originals),
        # A document staff add is quoted as its file writes it; the curated seeds keep their reviewed quotes.
        source_text=_as_written(text, "\n".join(e.originals)) if document.structure == Structure.AUTO else None,
        lead_departments=lead,
        responsible_departments=responsible,
    )


def _as_written(text: str, original: str) -> str | None:
    written = in_source_characters(text, original)
    return written if written != text else None


def attach_clause(issue: QualityIssue, clauses: list[Clause]) -> QualityIssue:
    if issue.clause_id or issue.kind not in (IssueKind.GARBLED_SPAN, IssueKind.STRAY_ENGLISH):
        return issue
    for clause in clauses:
        if issue.context and issue.context in clause.text:
            return issue.model_copy(update={"clause_id": clause.id})
    return issue
