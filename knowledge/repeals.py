"""What a new document says it repeals: the older documents it names in a sentence that ends them
(…同时废止, 予以废止, 停止执行), each by its 文号 or its title, and whether it only says that earlier
rules yield to it (此前规定与本意见不一致的，以本意见为准) without naming any.

Read from the text alone; the library matches the names against the documents it holds, and staff
decide whether to retire them (nothing is retired because a sentence says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence that ends older documents. 自…起施行 alone ends nothing; 不再执行 and 停止执行 do.
_REPEALS = re.compile(r"(?:同时|予以|即行|一并|自行|自然)?废止|(?:停止|不再)(?:执行|施行)")
_SENTENCE = re.compile(r"[^。；;\n]+[。；;]?")
_TITLE = re.compile(r"《([^《》]{4,80})》")
_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,15})\s*[〔\[［【（(]\s*((?:19|20)\d{2})\s*[〕\]］】）)]\s*(\d{1,4})\s*号")
# Earlier rules yield to this document: 此前/以往/原有…规定…与本意见（办法、通知）不一致的，以本…为准.
_YIELDS = re.compile(
    r"(?:此前|以前|以往|原有|原|过去|其他)[^。；]{0,30}与本[^。；]{1,8}不一致的?[，,]?以本[^。；]{1,8}为准"
)
# A title that is the document's own or a law it follows, not one it ends: 根据《…》, 按照《…》.
_FOLLOWS = re.compile(r"(?:根据|按照|依据|依照|贯彻|落实|参照|执行)$")


@dataclass(frozen=True)
class RepealedReference:
    """One older document a sentence ends: its title (without 《》) and 文号 as written, either may
    be missing, and the sentence it was read from."""

    title: str | None
    number: str | None
    sentence: str


@dataclass(frozen=True)
class Repeals:
    named: tuple[RepealedReference, ...]
    earlier_rules_yield: bool  # 此前规定与本…不一致的，以本…为准 (names no document)


def canonical_number(text: str) -> str | None:
    """A 文号 in one spelling (〔〕 brackets, no spaces): 吉政发[2016] 9号 → 吉政发〔2016〕9号. The
    words before the issuer's code are dropped as far as a sentence shows them (此前印发的, 原)."""
    found = _NUMBER.search(text)
    if found is None:
        return None
    prefix = _LEAD.sub("", found.group(1))
    return f"{prefix or found.group(1)}〔{found.group(2)}〕{found.group(3)}号"


_LEAD = re.compile(r"^(?:.*[的将对把]|原)")
_PARTS = re.compile(r"^(.*)〔(\d{4})〕(\d+)号$")


def same_number(one: str, other: str) -> bool:
    """Two 文号 are the same when year and serial agree and one code ends the other (明人社 and
    三明市明人社 both read from a sentence: the code's start is not always marked)."""
    a, b = _PARTS.match(one), _PARTS.match(other)
    if a is None or b is None or a.group(2, 3) != b.group(2, 3):
        return False
    return a.group(1).endswith(b.group(1)) or b.group(1).endswith(a.group(1))


def canonical_title(text: str) -> str:
    """A title compared without spacing, brackets or quotes and in one spelling of its brackets."""
    return re.sub(r"[\s《》“”\"'（）()]", "", text)


def _references(sentence: str) -> list[RepealedReference]:
    """The documents one repealing sentence names: each 《title》 with the 文号 that follows it in
    brackets, and each 文号 written without a title (…〔2016〕9号文件同时废止)."""
    found: list[RepealedReference] = []
    used: list[tuple[int, int]] = []
    for title in _TITLE.finditer(sentence):
        if _FOLLOWS.search(sentence[: title.start()]):
            continue
        after = sentence[title.end() : title.end() + 30]
        number = _NUMBER.match(after.lstrip("（( ")) if after.lstrip().startswith(("（", "(")) else None
        if number is not None:
            start = title.end() + after.index(number.group(0))
            used.append((start, start + len(number.group(0))))
            found.append(RepealedReference(title.group(1).strip(), canonical_number(number.group(0)), sentence))
        else:
            found.append(RepealedReference(title.group(1).strip(), None, sentence))
        used.append((title.start(), title.end()))
    for number in _NUMBER.finditer(sentence):
        if any(start <= number.start() < end for start, end in used):
            continue
        found.append(RepealedReference(None, canonical_number(number.group(0)), sentence))
    return found


def find_repeals(text: str) -> Repeals:
    """Every older document the text names in a sentence that ends it, in order, once each."""
    named: list[RepealedReference] = []
    seen: set[tuple[str | None, str | None]] = set()
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not _REPEALS.search(sentence):
            continue
        for reference in _references(sentence):
            key = (reference.number, None if reference.number else reference.title)
            if key not in seen:
                seen.add(key)
                named.append(reference)
    return Repeals(tuple(named), _YIELDS.search(text) is not None)


def names_document(reference: RepealedReference, number: str | None, title: str) -> bool:
    """Whether a reference names the document with this 文号 and title: the same 文号, or (when the
    either has none) the same title, with or without the issuer in front (关于… / X市人民政府关于…)."""
    held_number = canonical_number(number or "")
    if reference.number is not None and held_number is not None:
        return same_number(held_number, reference.number)
    if reference.title is None:
        return False
    wanted, held = canonical_title(reference.title), canonical_title(title)
    if len(wanted) < _SHORTEST_TITLE or len(held) < _SHORTEST_TITLE:
        return False
    return (
        held == wanted
        or (held.endswith(wanted) and wanted.startswith("关于"))
        or (wanted.endswith(held) and held.startswith("关于"))
    )


_SHORTEST_TITLE = 8
