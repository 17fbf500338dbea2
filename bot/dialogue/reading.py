"""A message split into what the person says about themselves and what they ask.

Facts are read only from statements about the person (我在长春，开了个小店); a question about a place
or a measure (北京有创业补贴吗, 巴中灵活就业有社保补贴吗) states nothing about them, so the core
never turns it into facts. The split is made once, before the conversation's state is looked at,
so every state (a confirmation pending, an interview question, the results) answers questions the
same way. The cues are data (`data/words.yaml`: question words, first person, asking and
supposing words, kinds of benefit).

A message is cut into stretches at sentence and clause punctuation. A stretch is a question when it
has a question cue, starts with an asking word (请问, 想知道) or a supposition (如果我去平顶山…).
Without any question, the message is a statement, unless it names a kind of benefit and nothing
about the person: then it is what one types into a search box (延吉大学生创业补贴) and is asked.
With a question, the other stretches are statements only when they are about the person (they have
a first-person word, or follow one that has); the rest is context of the question (巴中那边，…).
A question stretch that starts about the person (我在长春开店能领什么) states what comes before
its first modal or question word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.dialogue.words import Vocabulary, ends_a_longer_word

_STRETCH = re.compile(r"[^，,。！!？?；;：\n]+[，,。！!？?；;：\n]*")
# A change told done (领完了, 下岗了, 毕业两年了) right before 还 asking what is left to the speaker (还有啥, 还能领啥).
_DONE_THEN_STILL = re.compile(r"(?<=[\u4e00-\u9fff])了(?=还(?:有|能|可以|可|给|算|让|要))")
# 我记岔了, 我刚才说错了: the speaker owning a slip, not speaking of themselves.
_SLIP = re.compile(r"(?:刚才|刚刚|前面|之前|上面)?(?:说|搞|打|写|弄|记|填)(?:错|岔|混|反)了")
# 我一开始就说了他是…, 我不是讲过了吗 她…: the speaker reminding of what was said before (session 41) — of whomever the
# words after it name, not of the speaker (a reminder of one's own says 我 again: 我早说了我是返乡的).
_SAID_BEFORE = re.compile(
    r"(?:一开始|开始|早就|早|刚才|刚刚|前面|之前|上面|已经|不是)?(?:就|都)?(?:说|讲|提|告诉你|跟你说)(?:了|过)(?:啊|嘛|吗)?"
    r"[\s，,]*(?=[他她]|(?:我|俺)(?:家)?[老大小]?[\u4e00-\u9fff]{0,2}?(?:爸|妈|爹|娘|哥|姐|弟|妹|儿|女|公|婆|叔|舅|姨|姑))"
)
# 在我们那儿, 在俺们村: the speaker owns the place where something is said to happen — a place, not the speaker
# as the one it is said of (在我们那儿 退伍的兵政府管不管 asks about veterans there).
_AT_OUR_PLACE = re.compile(r"们?(?:那儿|那边|那里|那块|这儿|这边|这里|这块|村|镇|乡|县|当地)")
_PUNCTUATION = "，,。！!；;\n "
# 我自己, 俺本人: the speaker set apart from whoever was just spoken of.
_SET_APART = re.compile(r"\s*(?:(?:我|俺|咱)(?:自己|本人)|本人)")
# The pronouns whose kin word names a third person (他爸, 她老公): session 36.
_THIRD_OWNERS = ("他", "她")
# The longest subject a supposition may follow (网店要是…, 我们家要是…).
SUBJECT_CHARS = 3
_DANGLING = _PUNCTUATION + "有的了"
# 我招的第二个工人, 雇来的那个: a hiring that names whom it hired (a relative clause, 的 after the verb).
_HIRE_NAMED = re.compile(r"(?:来|进来|了|过)?的")
_CLAUSE_ENDS = "，,。；;！!？? "
# A clause with the punctuation or space that ends it (session 45, fixr45).
_CLAUSE = re.compile(r"[^，,。；;！!？?\s]+[，,。；;！!？?\s]*")
# 不是我, 不是俺的, 并不是我本人: a clause that only denies the speaker is the one just spoken of.
_DENIES_SPEAKER = re.compile(r"(?:但|可|而)?(?:并|也|都)?不是(?:我|俺|咱)(?:自己|本人)?(?:的)?[，,。；;！!\s]*")
# 我店里的, 俺们厂里那个, 店里有个: what may stand before the staff that a clause is said of (the speaker as owner).
_STAFF_OPENS = re.compile(
    r"(?:[我俺咱]们?(?:的|家)?)?(?:(?:(?!是)[\u4e00-\u9fff]){0,4}?(?:里|上)的?)?(?:那个|这个|那位|这位|有个|有一个|一个|那|这)?$"
)
# 我是, 俺以前也是: the speaker the subject of a 是 (我是厂里的工人).
_SPEAKER_IS = re.compile(r"[我俺咱](?:自己|本人)?(?:以前|原来|现在|也|就|都)*是$")
# 录用了她, 招了我儿子: the one hired is a person named — by a pronoun, or by a kin word after 我/俺 (`_relation`).
_PERSON_HIRED = re.compile(r"(?:了|过)?(?:(?P<pronoun>她|他|ta|TA|Ta)(?!们)|(?:我|俺)(?:家)?(?:的)?)")
# 我自己是退伍军人, 俺本人也有残疾证: a clause the speaker opens with themselves, set apart from anyone named before.
_SELF_APART = re.compile(r"(?<=[，,。；;！!\s])(?:我|俺|咱)(?:自己|本人)")
# 那我交社保有没有补贴: a question going on from the last answer (那…) with the speaker doing something, said with no
# mark of it being so now or done (了, 过, 已经, 一直, 现在, a date or an age, 是) — a case put to the documents, not a
# fact told (那我一直在交社保能领吗 tells; session 43).
_GOES_ON = re.compile(r"^\s*那(?:么|样的话|这样)?[，,\s]*")
_TOLD_AS_SO = re.compile(
    r"了|过|着|已经|已|一直|正在|在[^\s]{0,2}(?:干|做|上|打|跑|开|读|种|养)|现在|目前|如今|今年|去年|前年|[年月岁]|\d|是"
)
# 退伍的在资阳…, 毕业的想…: 的 making a group the subject of what follows ("those who…").
_GROUP_SUBJECT = re.compile(r"[\u4e00-\u9fff]的(?:人)?(?:在|去|回|想|要|能|可以|到|都|也)")


# 我弟的事, 俺闺女的情况: someone's matter, named as what is asked about.
_MATTER = re.compile(r"的(?:事情|事儿|事|情况)$")
_THEIR_MATTER = re.compile(r"[^\s，,。！!？?；;]{1,6}?的(?:事情|事儿|事|情况)(?=[\s，,。！!？?；;]|$)")
# What may stand before a bare asking word (我想问下, 就问一下): the speaker and their wish, nothing asked.
_ASKER = "我俺想就再还也请"
# One-character kin words that name no one unless 我 says whose (表格, 堂食): never a stretch's subject alone.
_NOT_ALONE = frozenset({"表", "堂"})
_READINGS_KEPT = 32
# The speaker in the same case as the one just named (我也下岗了, 我今年开春也没活干了, 俺自己也没工作): session 30.
_SPEAKER_TOO = re.compile(r"^(?:我|俺|咱)(?:自己|本人)?(?![家们屋])[^，,。；;！!？?\s]{0,6}?也")
# 跟我表弟一起搞, 想和我同学合伙开: the one named after 跟 / 和 joins the speaker in a deed — the speaker is a party
# to it (their plan, their shop), the relative a partner, not whom the stretch is about.
_JOINED_BY = re.compile(r"(?:跟|和|同|与)$")
_JOINT_DEED = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:一起|一块|合伙|合作|搭伙|联手|共同|搞|开|办|做|干|经营|创业|种|养)")


@dataclass(frozen=True)
class Reading:
    """`statement`: the text to read facts from; `question`: the stretches that ask ("" when none).
    A question is answered with the whole message: what the person says about themselves is its
    context (我在长春开店，有补贴吗？)."""

    statement: str
    question: str
    is_search: bool = False
    opening: str = ""  # the first stretch, when the message has more than one (是的，| 另外…)
    context: str = ""  # stretches that neither ask nor name the person (巴中那边，| 在吉林市读大四，)
    refines: bool = False  # search words narrowing the last answer (吉林 高级证): read against the thread
    others: str = ""  # what the message states about someone else (我妹妹在巴中，42岁，下岗了): never the person's

    @property
    def asks(self) -> bool:
        return bool(self.question)


class MessageReader:
    """`is_keywords`: the message is only names of measures, groups and places (资阳 退役士兵): a
    search, whatever kind of word it names."""

    def __init__(
        self,
        words: Vocabulary,
        is_keywords: Callable[[str], bool] = lambda text: False,
        names_topic: Callable[[str], bool] = lambda text: False,
        place_of: Callable[[str], str | None] = lambda text: None,
    ) -> None:
        self.words = words
        self.is_keywords = is_keywords
        self.names_topic = names_topic
        self.place_of = place_of
        words_ = "|".join(re.escape(w) for w in sorted(words.supposing, key=len, reverse=True))
        self._supposing = re.compile(
            rf"^\s*[^，,。；;！!？?\s]{{0,{SUBJECT_CHARS}}}?(?<![只主需重想还就总不])(?:{words_})"
        )
        first = sorted(words.first_person, key=len, reverse=True)
        relations = sorted(words.relations, key=len, reverse=True)
        self._first_person = re.compile("|".join(re.escape(w) for w in first))
        # 我老表, 我大舅, 我小姨: a kin word takes 老 / 大 / 小 before it in everyday speech.
        # 我那个合伙的哥们, 我一个同学, 我这位开店的朋友: one of the speaker's people pointed at (那个, 一个), said
        # with what they do — a kin word of two characters or more (我这个表格 names no one).
        named = sorted((w for w in words.relations if len(w) > 1), key=len, reverse=True)
        pointed = (
            r"(?:那个|这个|那位|这位|一个|一位|有个|有一个)(?:[\u4e00-\u9fff]{1,5}?的)?[老大小]?(?:"
            + "|".join(re.escape(w) for w in named)
            + ")"
        )
        # 我屋头娃儿, 我家里的孩子, 俺屋里老汉 (session 29): where the family lives may stand between the speaker and
        # the kin word — still someone of the speaker's family, not the speaker.
        self._relation = re.compile(
            "(?:的|们的|们)?(?:屋头|屋里头|屋里|家里头|家里|家|里头|里)?(?:的)?[老大小]?(?:"
            + "|".join(re.escape(w) for w in relations)
            + ")|"
            + pointed
        )
        self._third_person = re.compile("|".join(f"(?<!其){re.escape(w)}" for w in words.third_person))
        # 郏县的亲戚也开店, 亲戚在郏县开店: a relative named without 我 (one-character kin words such as
        # 表 or 姨 only after 我: 的表格 names no one).
        # Session 30: 妈在平顶山 58了, 哥今年也下岗了 — a one-character kin word opening a stretch, said as the
        # subject of what follows (where they are, their age, what they did), names them without 我 (表 and 堂
        # name no one alone: 表在哪填).
        alone = sorted(w for w in words.relations if len(w) == 1 and w not in _NOT_ALONE)
        self._named_relative = re.compile(
            r"(?:^|[的，,。\s])(?:"
            + "|".join(re.escape(w) for w in named)
            + r")|(?:^|(?<=[，,。\s]))(?:"
            + "|".join(re.escape(w) for w in alone)
            + r")(?=在|是|今年|也|都|已经|还|一直|刚|前年|去年|[\d一二两三四五六七八九十几]+(?:岁|了))"
        )
        # One turn reads its message more than once (what is said and asked, then again for the
        # answer): a reading depends on the text alone, so the last few are kept (Reading is frozen).
        self.read: Callable[[str], Reading] = lru_cache(maxsize=_READINGS_KEPT)(self._read)

    def _read(self, text: str) -> Reading:
        stretches = [part for m in _STRETCH.finditer(text) for part in self._by_whom(m.group(0))] or [text]
        # (假如去商洛，失业金领完了还有什么: a supposed case's change is no fact told — no pause read into it.)
        glued = not self._supposes(text)
        stretches = [part for s in stretches for part in self._said_before_question(s, glued)]
        asked = [self._is_question(s) for s in stretches]
        if not any(asked):
            if (
                not self.is_about_person(text)
                and not self._speaker_unnamed(stretches)
                and (self.names_benefit(text) or self.is_about_other(text) or self.is_keywords(text))
            ):
                others = self._about_others(stretches, asked)
                return Reading(statement="", question=text, is_search=True, others=others)
            others = self._about_others(stretches, asked)
            if not others and not self._names_third(stretches):
                return Reading(statement=self.own_part(text), question="", others=others)
            # 我45岁 通江的 媳妇是就业困难人员: only the speaker's stretches state the speaker's facts.
            own = self._own_stretches(stretches)
            return Reading(statement=self.own_part(own.strip(_PUNCTUATION)), question="", others=others)
        statement: list[str] = []
        question: list[str] = []
        context: list[str] = []
        subject = ""
        for at, (stretch, is_question) in enumerate(zip(stretches, asked, strict=True)):
            subject = self._subject(stretch, subject)
            if not is_question:
                if subject == "self" and not self._supposes(stretch):
                    statement.append(stretch)
                    continue
                if not subject and (
                    self._opens_own_statement(stretches, asked, at) or self._says_home(stretches, at, text)
                ):
                    # 叶县 俺开了个小饭馆两年多了 … 要啥条件: a bare place heading what the speaker tells of themselves
                    # is where they are (as 雁江 32 男 大专 is) — a fact, and still the place the question is asked of.
                    statement.append(stretch)
                question.append(stretch)
                if not subject and not self._supposes(stretch):
                    context.append(stretch)
                continue
            question.append(stretch)
            said = self._said_before_asking(stretch)
            if said:
                statement.append(said)
        if not self.names_topic("".join(question)):
            # 俺开了个小饭馆 想贷个创业担保贷款 要啥条件: a question naming no measure of its own asks of the
            # measure the speaker just said they want — the stretch is a fact (a wish) and the question's topic too.
            wanted = [s for s in statement if self.names_topic(s)]
            question = [s for s in stretches if s in question or s in wanted[-1:]]
        opening = stretches[0] if len(stretches) > 1 else ""
        statement = [own for own in (self.own_part(s) for s in statement) if own]
        return Reading(
            statement="，".join(s.strip(_PUNCTUATION) for s in statement),
            question="".join(question),
            opening=opening,
            context="，".join(s.strip(_PUNCTUATION) for s in context),
            others=self._about_others(stretches, asked),
        )

    def _opens_own_statement(self, stretches: list[str], asked: list[bool], at: int) -> bool:
        """The stretch only names a place (叶县, 汝州的) and the next one states, asking nothing, what the
        speaker tells of themselves (俺开了个小饭馆): the place heads that statement. Before a question
        (巴中那边，我开店有补贴吗) it stays the question's context."""
        if at + 1 >= len(stretches) or asked[at + 1] or self._subject(stretches[at + 1], "") != "self":
            return False
        said = stretches[at].strip(_PUNCTUATION)
        place = self.place_of(said) if said else None
        if place is None:
            return False
        stem = re.escape(place.rstrip("省市县区") or place)
        return re.fullmatch(rf"(?:{stem})[省市县区]?(?:这边|那边|这里|那里|这块|的|哩|人)?", said) is not None

    def _says_home(self, stretches: list[str], at: int, text: str) -> bool:
        """辽源的 问下今年养老金涨多少, 洛阳哩 平顶山那个政策俺能用不, 长春人，有啥补贴: a place said with 的 / 哩 /
        人 and nothing else, opening a message that names no one else, is where the speaker is from (the way people
        say 我是辽源的) — a fact, whatever the message then asks; the question keeps the places it names. A place said
        as where (巴中那边，…), or a bare name (巴中 技能大师工作室 补助: search words), stays the question's context;
        so does the family's place before a relative (延吉的 儿子刚毕业)."""
        if at != 0 or len(stretches) < 2 or self.is_about_other(text):
            return False
        return self._is_home(stretches[at])

    def _is_home(self, said: str) -> bool:
        """辽源的, 洛阳哩, 长春人, 白山抚松的: only a place (a county after its city too, session 42), said as where
        one is from."""
        said = said.strip(_PUNCTUATION)
        place = self.place_of(said) if said else None
        if place is None:
            return False
        stem = re.escape(place.rstrip("省市县区") or place)
        found = re.fullmatch(rf"(?P<lead>.{{0,6}}?)(?:{stem})[省市县区]?(?:的|哩|嘞|滴|人)", said)
        if found is not None and (not found["lead"] or self.place_of(found["lead"]) is not None):
            return True
        # 住鲁山, 家在柳河, 人在通江 (session 45): where one lives, said with no one named — the speaker's, as
        # 我住鲁山 is.
        lives = re.fullmatch(
            rf"(?:(?:人|家)(?:现在|目前)?(?:住)?在|(?:现在|目前|平时|一直)?住(?:在)?)"
            rf"(?P<lead>.{{0,6}}?)(?:{stem})[省市县区]?(?:城里|乡下|这边|那边)?",
            said,
        )
        return lives is not None and (not lives["lead"] or self.place_of(lives["lead"]) is not None)

    def _places_apart(self, lead: str, rest: str) -> bool:
        """我在长春 巴中的创业补贴能申请吗: the words before the question say where the speaker is, and the
        question names another place of its own — two stretches, the question asked of its place."""
        here, asked = self.place_of(lead), self.place_of(rest)
        return bool(here and asked and here != asked and self.is_about_person(lead))

    def _said_before_question(self, stretch: str, glued: bool = True) -> list[str]:
        """A question naming nothing of its own, typed after words that ask nothing with only spaces
        between (在镇安跑摩的的 想问问有啥补贴; 三年前退伍的 现在在宝丰 想自己干点啥): it asks about what
        those words state, so they are stretches of their own — read like any stretch (a situation, a
        place, someone else). A question naming a measure of its own (村里人跟着我干 想学点技术 培训给补贴没)
        stays whole: the words before it are its context — unless they say where the speaker is and the
        question names another place (我在长春 巴中的创业补贴能申请吗)."""
        whole = stretch
        # 失业金领完了还有啥, 下岗了还能领啥 (session 44): a change told done, then 还 asking what is left — the pause
        # unsaid; read as if it were there.
        stretch = _DONE_THEN_STILL.sub("了 ", stretch, count=1) if glued else stretch
        if " " not in stretch.strip():
            return [whole]
        if not self._is_question(whole):
            return self._said_after_question(whole) if stretch == whole else [whole]
        pieces = re.findall(r"\S+\s*", stretch)
        lead = 0
        while lead < len(pieces) - 1 and not self._is_question(pieces[lead]):
            lead += 1
        rest = "".join(pieces[lead:])
        if lead == 0 and self._asks_for_other_then_tells(pieces):
            return pieces
        if lead == 0 or not self._is_question(rest):
            return [whole]
        if (
            self.names_topic(rest)
            and not self._places_apart("".join(pieces[:lead]), rest)
            # 商丘的 有啥创业补贴: where the speaker is from heads the question — a stretch of its own; so do the
            # particulars said after it (恩阳区的 35 男 先问一句 稳岗补贴发给谁, session 43), naming no one else.
            and not (self._is_home(pieces[0]) and all(self._other_at(p) is None for p in pieces[:lead]))
        ):
            return [whole]
        if any(_GROUP_SUBJECT.search(piece) for piece in pieces[:lead]):
            # 退伍的在资阳自己找工作 有啥扶持: "those who…" — a group asked about, not the speaker.
            return [whole]
        return [*pieces[:lead], rest]

    def asks_then_tells_of_other(self, text: str) -> bool:
        """问一下 我侄子在辽源 今年夏天技校毕业的: the message only asks, then tells someone else's case."""
        return self._asks_for_other_then_tells(re.findall(r"\S+\s*", text.strip()))

    def _asks_for_other_then_tells(self, pieces: list[str]) -> bool:
        """替我姐姐问一下 她在叶县 厂子关门下岗了: asking on someone's behalf, then only words that ask
        nothing and are no search — the asking opens what is told of them, piece by piece (their facts,
        read like any stretch), not a question of those words."""
        lead = pieces[0].strip()
        if len(pieces) < 2 or self.words.is_question(lead):
            return False
        if self._asks_of_matter(lead):
            # 问下我弟的事, 问问俺闺女的情况: asking about someone's matter names them as its topic — the asking
            # opens what is told of them as much as 替我弟问一下 does.
            return not any(self._is_question(p.strip()) or self.is_keywords(p.strip()) for p in pieces[1:])
        asking = [word for word in self.words.asking if lead.endswith(word)]
        if not asking:
            return False
        # 问一下 我侄子在辽源…, 想问下 我表妹…: a bare asking word, then the one it is about opening the next piece.
        bare = not lead[: -len(asking[0])].strip(_ASKER) and self._other_at(pieces[1].strip()) == 0
        if self._other_at(lead) is None and not bare:
            return False
        told = [piece.strip() for piece in pieces[1:]]
        # 在平昌 30岁 一直没工作: what is told is read as a whole for a search (一直没工作 alone reads as one).
        return not any(self._is_question(piece) for piece in told) and not self.is_keywords(" ".join(told))

    def _asks_of_matter(self, lead: str) -> bool:
        """问下我弟的事, 想问问俺闺女的情况: a bare asking word, then someone else's matter (的事, 的情况)."""
        matter = _MATTER.search(lead)
        if matter is None:
            return False
        head = lead[: matter.start()].lstrip(_ASKER)
        asking = [word for word in self.words.asking if head.startswith(word)]
        return bool(asking) and self._other_at(head[len(max(asking, key=len)) :]) == 0

    def _said_after_question(self, stretch: str) -> list[str]:
        """A question typed first, then words about the speaker with only a space between (领完了还能
        接着领吗 我离退休还差五年): the message asks, and what follows states — two stretches, so the
        question is answered and the statement read for facts. Without a question before the last
        piece the stretch stays whole."""
        pieces = re.findall(r"\S+\s*", stretch)
        last = max((at for at, piece in enumerate(pieces[:-1]) if self._is_question(piece.strip())), default=None)
        if last is None:
            return [stretch]
        after = pieces[last + 1 :]
        if not all(self._mentions(piece) or not self.words.wh_question.search(piece) for piece in after):
            return [stretch]
        # (the space typed after the question is no part of it: 补助没 asks, 补助没␣ reads as a statement)
        return ["".join(pieces[: last + 1]).rstrip(), *after]

    def _speaker_unnamed(self, stretches: list[str]) -> bool:
        """集安的 52 在参场打零工 媳妇在韩国打工: the message opens on facts said with no one named, and someone else is
        named only after them — the opening is the speaker's own (the speaker unnamed), not a search about the other."""
        if len(stretches) < 2 or not self._is_unnamed_case(stretches[0].strip(_PUNCTUATION)):
            return False
        return self._subject(stretches[1], "") == "other"

    def _is_unnamed_case(self, opening: str) -> bool:
        """Words naming no one — not the speaker, not anyone else — that say more than a place alone (延吉的 儿子刚毕业:
        the place heads what is told of the other, the family's place, as before)."""
        if not opening or self._first_person.search(opening) or self._other_at(opening) is not None:
            return False
        return self.place_of(opening) is None or len(opening.split()) > 1

    def _own_stretches(self, stretches: list[str]) -> str:
        """The stretches not about someone else, joined as typed."""
        own: list[str] = []
        subject = ""
        for stretch in stretches:
            subject = self._subject(stretch, subject)
            if subject not in ("other", "third"):
                own.append(stretch)
        return "".join(own)

    def _by_whom(self, stretch: str) -> list[str]:
        """A stretch typed without punctuation that goes on from the speaker to someone else (我45岁
        通江的 媳妇是就业困难人员) is cut at the space before the one named: what comes after is theirs,
        never the speaker's — and one going back to the speaker is cut at the space before them. Without
        a space between them (我和我老婆都失业了) it stays whole."""
        own = self._mentions(stretch)
        other = self._other_at(stretch)
        if not own and other is not None:
            # 集安的 52 在参场打零工 媳妇在韩国打工 (session 40, chat54): the speaker unnamed — facts said with no one
            # named, then, after a space, someone else named — the speaker's, then theirs.
            space = stretch.rfind(" ", 0, other + 1)
            opening = stretch[:space].strip() if space > 0 else ""
            if self._is_unnamed_case(opening):
                return [stretch[: space + 1], *self._by_whom(stretch[space + 1 :])]
            return [stretch]
        if not own or other is None:
            return [stretch]
        if min(own) > other:
            # 那是我哥们的户口 我自己是长春的: back from someone else to the speaker set apart (我自己, 我本人), after a
            # space — theirs, then the speaker's (她刚毕业 我帮她问问 stays hers: the speaker only asks).
            space = stretch.rfind(" ", other, min(own) + 1)
            if space <= other or not (
                _SET_APART.match(stretch, space + 1) or self._speaker_alone(stretch[space + 1 :])
            ):
                return [stretch]
            return [stretch[: space + 1], *self._by_whom(stretch[space + 1 :])]
        space = stretch.rfind(" ", min(own), other + 1)
        if space <= min(own) or not stretch[:space].strip():
            return [stretch]
        return [stretch[: space + 1], *self._by_whom(stretch[space + 1 :])]

    def _speaker_alone(self, piece: str) -> bool:
        """俺男人去年年底下岗了 我今年开春也没活干了 (session 30): after a space, a piece in which the speaker says they
        are in the same case too (我…也…), naming no one else, is the speaker's own — not 我帮她问问 (names her: the
        speaker only asks), not 俺家是贫困户 (the family's), not 我常年在外头打工 (why the speaker asks for her)."""
        return _SPEAKER_TOO.match(piece) is not None and self._other_at(piece) is None

    def _about_others(self, stretches: list[str], asked: list[bool]) -> str:
        """The stretches that state something of someone else (他52了，在延吉乡下): not questions, not
        suppositions, about the one named last."""
        said: list[str] = []
        subject = ""
        for stretch, is_question in zip(stretches, asked, strict=True):
            subject = self._subject(stretch, subject)
            if subject == "other" and not self._supposes(stretch):
                # 儿子大专今年刚毕业 能领啥补贴: what a question about them says first is theirs too.
                said.append(
                    (self._said_before_asking(stretch, by_other=True) if is_question else stretch).strip(_PUNCTUATION)
                )
        return "，".join(s for s in said if s)

    def _names_third(self, stretches: list[str]) -> bool:
        """Some stretch is about a kin of the one spoken of (他爸在西安打工)."""
        subject = ""
        for stretch in stretches:
            subject = self._subject(stretch, subject)
            if subject == "third":
                return True
        return False

    def _subject(self, stretch: str, before: str) -> str:
        """Whom a stretch is about: the speaker ("self": 我在巴中), someone else ("other": 我妹妹在巴中,
        他…, 郏县的亲戚…), or — naming no one — whoever the stretch before was about (我妹妹在巴中，42岁，
        下岗了: all three are the sister's). What is said of someone else is never the person's facts."""
        own = self._mentions(stretch)
        other = self._other_at(stretch)
        if own and (other is None or min(own) < other):
            return "self"
        if other is not None:
            # 他爸在西安打工, 她老公在上班 (session 36): a kin word of the one spoken of names a third person
            # ("third") — what is said of them is neither the speaker's nor the one spoken of.
            return "third" if self._kin_of_another(stretch, other) else "other"
        return before

    def _kin_of_another(self, stretch: str, at: int) -> bool:
        """他爸, 她的老公, 他家里的孩子 at `at`: someone's kin named by 他 / 她 — a person of their own."""
        pronoun = self._third_person.match(stretch, at)
        return pronoun is not None and pronoun.group() in _THIRD_OWNERS and bool(self._relation.match(stretch, at + 1))

    def _other_at(self, text: str) -> int | None:
        """Where the message first names someone else (我朋友, 他, 的亲戚), or None."""
        # (人家 inside 残疾人家庭 is no pronoun: its first character ends a longer word.)
        found = [
            m.start()
            for m in self._third_person.finditer(text)
            if len(m.group(0)) < 2 or not ends_a_longer_word(text, m.start())
        ]
        found += [
            m.start()
            for m in self._first_person.finditer(text)
            if self._relation.match(text, m.end()) and not self._joins_speaker(text, m.start(), m.end())
        ]
        found += [m.start() for m in self._named_relative.finditer(text)]
        # 我帮我们村一个残疾小伙子问问: whoever the speaker asks for, kin or not.
        found += [m.start("whom") for m in self.words.asked_for.finditer(text)]
        # 问了我妈，是平昌的: the one asked tells what follows; it is not about them.
        # 问问我表姐的情况: unless what is asked is their matter — then they are whom it is about.
        found = [at for at in found if not self.words.told_by.search(text[:at]) or _THEIR_MATTER.match(text, at)]
        # 在家带了几年孩子: the child cared for is the object of the speaker's own doing.
        found = [at for at in found if not self.words.cared_for.search(text[:at])]
        return min(found) if found else None

    def _joins_speaker(self, text: str, at: int, end: int) -> bool:
        """想跟我表弟在村里搞个农家乐, 打算和我同学合伙开网店: the relative at `at` is joined to the speaker by
        跟 / 和 in a deed (一起, 合伙, 搞, 开…) — a partner in the speaker's own plan or business, with no one else
        named before them as the one who does it."""
        relation = self._relation.match(text, end)
        if relation is None or not _JOINED_BY.search(text[:at]):
            return False
        before = text[: at - 1]
        if self._third_person.search(before) or any(
            self._relation.match(before, m.end()) for m in self._first_person.finditer(before)
        ):
            return False
        return bool(_JOINT_DEED.match(text, relation.end()))

    def own_part(self, stretch: str, hiring: bool = True) -> str:
        """What a stretch says about the speaker: up to a verb of hiring (我开了个饭店，招了两个残疾人
        → 我开了个饭店，招了两个), since whoever is hired is someone else — the hiring itself, said with
        how many (雇了3个), is the speaker's — in a statement (`hiring`), not in the context of a question
        about those hired (厂里雇了两个残疾人，能补多少); a stretch that only hires, without a count, says
        nothing."""
        stretch = self._without_staff(stretch)
        hired = self.words.hiring.search(stretch)
        if hired is None:
            return stretch
        # Whoever hires a person named (合作社录用了我, 厂里招了她) is their employer, never the speaker's own business:
        # the clause's words before the verb are left out.
        opens = max(stretch.rfind(p, 0, hired.start()) for p in _CLAUSE_ENDS) + 1
        if self.words.hired_speaker.match(stretch, hired.start()):
            # 资阳合作社录用了我这个贫困户: the one hired is the speaker — what is said of them is theirs.
            return f"{stretch[:opens]}{stretch[hired.start() :]}"
        person = _PERSON_HIRED.match(stretch, hired.end())
        if person is not None and (person.group("pronoun") or self._relation.match(stretch, person.end())):
            # (我开了个店招了他: the speaker hires — their own deed before the verb stays.)
            stretch = stretch[: hired.start() if self._first_person.match(stretch, opens) else opens]
            hired = None
        if hired is None:
            return stretch.rstrip(_DANGLING)
        # 店里招了两个人，我自己是退伍军人: a later clause the speaker says of themselves, set apart, is theirs again.
        later = _SELF_APART.search(stretch, hired.end())
        apart = self.own_part(stretch[later.start() :], hiring) if later is not None else ""
        stretch = stretch[: later.start()] if later is not None else stretch
        if _HIRE_NAMED.match(stretch, hired.end()):
            # 残疾的是我招的第二个工人, 我雇的人是低保户: the one hired named by the hiring (我招的…) — the clause is
            # said of them, whatever it puts first; only the clauses before it may be the speaker's.
            stretch = stretch[: max(stretch.rfind(p, 0, hired.start()) for p in _CLAUSE_ENDS) + 1]
            hired = None
        count = self.words.hired_count.match(stretch, hired.end()) if hired is not None else None
        if hiring and hired is not None and count is not None and not self.is_about_other(stretch[: hired.start()]):
            # 我雇了3个人, 店里雇了两个残疾人: the speaker hires (an employer) — kept up to the count.
            own = stretch[: count.end()]
        else:
            own = (stretch if hired is None else stretch[: hired.start()]).rstrip(_DANGLING)
            own = own if len(own) > 1 and not self._first_person.fullmatch(own) else ""
        return "，".join(part for part in (own, apart) if part)

    def _without_staff(self, text: str) -> str:
        """The text without the clauses said of the people who work for the speaker (有残疾证的是店里那个伙计): the
        staff, not the speaker, is their subject (session 45, fixr45). A cleft that names them and then denies the
        speaker (有残疾的是店里的伙计，不是我) says the speaker is not so — kept as 有残疾的不是我."""
        if not self.tells_of_staff(text):
            return text
        clauses = _CLAUSE.findall(text)
        kept: list[str] = []
        for at, clause in enumerate(clauses):
            if at > 0 and self._of_staff(clauses[at - 1]) and _DENIES_SPEAKER.fullmatch(clause):
                topic = clauses[at - 1][: clauses[at - 1].rfind("是")] if "是" in clauses[at - 1] else ""
                if topic.strip(_PUNCTUATION):
                    kept.append(topic.strip(_PUNCTUATION) + clause)
                continue
            if not self._of_staff(clause):
                kept.append(clause)
        return "".join(kept).rstrip(_PUNCTUATION)

    def tells_of_staff(self, text: str) -> bool:
        """Some clause of the text is said of the people who work for the speaker (店里那个伙计有残疾证)."""
        return any(self._of_staff(clause) for clause in _CLAUSE.findall(text))

    def _of_staff(self, clause: str) -> bool:
        """The clause names the people who work for the speaker, the speaker not its subject (我是厂里的工人 is the
        speaker's; 我招的工人 / 我店里的伙计 name the staff through the speaker)."""
        found = self.words.staff.search(clause)
        if found is None or self.words.hiring.search(clause):
            # (请了两个贫困户帮工, 我雇的那个工人: a clause that hires is read by the hiring — `own_part`.)
            return False
        before = clause[: found.start()]
        opens = _STAFF_OPENS.search(before)
        head = before[: opens.start()] if opens is not None else before
        if head.endswith("是"):
            # 有残疾证的是店里那个伙计 — not 我是厂里的工人, the speaker's own.
            return _SPEAKER_IS.search(head) is None
        return not head.strip(_PUNCTUATION)

    def _is_question(self, stretch: str) -> bool:
        if self._says_not_knowing(stretch) or self.words.asked_before.match(stretch.strip()):
            return False
        if self.words.making.search(stretch):
            # 帮我写一首关于找工作的诗: a request to the bot, never a statement about the person.
            return True
        return self.words.is_question(stretch) or self._starts_asking(stretch) or self._supposes(stretch)

    def _says_not_knowing(self, stretch: str) -> bool:
        """具体哪个市不清楚, 哪年毕业的记不清了: a wh-word under a verb of not knowing, naming no kind of
        benefit and no modal, says what the person does not know; 不知道能领多少, 不清楚创业补贴怎么申请
        and 不清楚吗？ still ask."""
        if not self.words.not_knowing.search(stretch) or not self.words.wh_question.search(stretch):
            return False
        if re.search(r"[？?吗么呢]", stretch) or self.names_benefit(stretch) or self.words.modal_cue.search(stretch):
            return False
        return not self._starts_asking(stretch)

    def names_whom_for(self, stretch: str, is_place: Callable[[str], bool]) -> bool:
        """平顶山对离校两年内灵活就业的大学生: whom a policy is for, at the stretch's start or right after
        a place — a group asked about, never the person's situation."""
        found = self.words.beneficiary.search(stretch)
        if found is None or self._mentions(stretch[: found.start()]):
            return False
        before = stretch[: found.start()].strip(_PUNCTUATION)
        return not before or is_place(before)

    def is_about_person(self, text: str) -> bool:
        return bool(self._mentions(text))

    def is_about_other(self, text: str) -> bool:
        """我朋友是退役军人, 我家孩子…, 他…, 郏县的亲戚…: the person speaks about someone else."""
        return self._other_at(text) is not None

    def _mentions(self, text: str) -> list[int]:
        """Where the person speaks of themselves: 我, 本人 … but not 我朋友, 我家孩子, nor 我 as the one
        told or helped (告诉我…, 帮我查一下…, 给我讲讲…): that asks, it says nothing about them; nor 我 as
        the one who slipped (我记岔了, 我刚才说错了): that corrects what was said, of whomever it was; nor 我
        asking for someone else (我替我老公问…); nor 我们 owning a place something happens at (在我们那儿…,
        在俺们村…)."""
        return [
            m.start()
            for m in self._first_person.finditer(text)
            # 想跟我表弟一起搞…: the speaker a party to a joint deed (跟我 here addresses no one).
            if self._joins_speaker(text, m.start(), m.end())
            or (
                not self._relation.match(text, m.end())
                and not text[: m.start()].endswith(self.words.addressing)
                and not _SLIP.match(text, m.end())
                and not _SAID_BEFORE.match(text, m.end())
                and not (text[: m.start()].endswith("在") and _AT_OUR_PLACE.match(text, m.end()))
                # 我替我老公问, 我帮俺妈打听的: the speaker as the one asking on another's behalf.
                and not self.words.on_behalf.match(text, m.end())
                # 我帮我们村一个残疾小伙子问问: the asker, and 我们 inside whom they ask for.
                and not self.words.asked_for.match(text, m.end())
                and not any(f.start("whom") <= m.start() < f.end("whom") for f in self.words.asked_for.finditer(text))
            )
        ]

    def names_benefit(self, text: str) -> bool:
        return any(word in text for word in self.words.benefit_words)

    def _starts_asking(self, stretch: str) -> bool:
        """请问…, 帮我查一下…: an asking word starts the question — but not the speaker's own telling
        (先说一下, 我补充说下: what follows is told, not asked), nor a verb of asking said with a no (没想问什么,
        不打听啥)."""
        told = self.words.not_a_question.sub(" ", self.words.telling.sub(" ", stretch))
        return any(word in told for word in self.words.asking)

    def supposes_a_case(self, text: str) -> bool:
        """A stretch of the message supposes a case (那他要是自己创业呢, 如果我去长春…): what it asks is
        about that case, not about the facts the person gave."""
        return any(self._supposes(stretch) for stretch in re.split(r"[，,。；;！!？?\s]+", text) if stretch)

    def _supposes(self, stretch: str) -> bool:
        """如果我回巴中…, and a supposition after a short subject (网店要是办了执照…, 我要是…): said of a
        case that is not (yet) so — never the person's facts. 主要是 / 只要是 suppose nothing."""
        return self._supposing.search(stretch) is not None

    def _said_before_asking(self, stretch: str, by_other: bool = False) -> str:
        """我在长春开店能领什么补贴 → 我在长春开店: what a question says about the person first (with
        `by_other`, about the one it names: 儿子大专刚毕业能领啥 → 儿子大专刚毕业)."""
        other = self._other_at(stretch) if by_other else None
        mentions = [other] if other is not None else [] if by_other else self._mentions(stretch)
        if not mentions or self._supposes(stretch):
            return ""
        start = min(mentions)
        if self._supposes(re.split(r"\s+", stretch[:start])[-1] + stretch[start:]):
            # 平顶山那边有啥补贴 要是我回平顶山跑外卖呢: the person named inside a supposition typed after a
            # space — a case supposed, never their facts (session 30).
            return ""
        cuts = [len(stretch)]
        for cue in (self.words.question_cue, self.words.modal_cue):
            found = cue.search(stretch, start)
            if found:
                cuts.append(found.start())
        a_not_a = self.words.a_not_a_at(stretch, start)
        if a_not_a is not None:
            cuts.append(a_not_a)
        for word in self.words.asking:
            at = stretch.find(word, start)
            if at >= 0:
                cuts.append(at)
        said = self.own_part(stretch[start : min(cuts)].rstrip(_DANGLING))
        if _GOES_ON.match(stretch) and not _TOLD_AS_SO.search(said) and self.place_of(said) is None:
            return ""
        return said if len(said) > 1 else ""


def owns_a_slip(phrase: str) -> bool:
    """我记岔了, 刚才说错了, 俺打错了: the whole phrase is the speaker owning a slip of their own."""
    return bool(
        re.fullmatch(r"(?:我|俺|是我)?(?:自己)?" + _SLIP.pattern + r"(?:了)?[啊呀哈哦]?", phrase.strip(_PUNCTUATION))
    )
