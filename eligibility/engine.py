"""The eligibility engine: profile → rules (yes / no / unknown) → next question | results.

Region comes first, because benefits are local: an uncovered place ends the check with the list
of places we do cover. Then every benefit of that jurisdiction is evaluated, dated by `as_of`
(expired measures say so), and the facts still missing from the open ones pick the next question.
The engine does no I/O, reads no clock (the profile carries `as_of`) and words nothing: results
carry codes and data, and `bot/present` words them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eligibility.catalog import DocumentCatalog
from eligibility.conditions import (
    Finding,
    Outcome,
    add_years,
    evaluate,
    facts_that_matter,
    presumers,
    stated_requirements,
)
from eligibility.coverage import BoundPlaces, bound_places, elsewhere_answers, here_answers, place_to_ask
from eligibility.nearmiss import Actions, Opening, opened_by
from eligibility.profile import Profile
from eligibility.questions import (
    HOUSEHOLD_REGION,
    choose_next_facts,
    city_question,
    household_question,
    place_question,
    question_for,
    region_question,
)
from eligibility.ranking import STATUS_ORDER, Ranking
from eligibility.receipt import once_of, prior_receipt, unknown_receipt
from eligibility.records import evaluate_records, record_list_of, record_lists
from eligibility.regions import RegionResolver, ResolvedRegion, household_in, without_former_affiliation
from eligibility.results import Amount as AmountResult
from eligibility.results import (
    BenefitResult,
    BenefitStatus,
    CheckResult,
    CheckStatus,
    ClauseQuote,
    DocumentRef,
    NextQuestion,
    PendingDocument,
    Reason,
    ReasonKind,
    RegionInfo,
    RegionStatus,
    Requirement,
    Stated,
    Term,
)
from eligibility.roles import (
    BROKER,
    FORM,
    HIRING,
    MORE_HIRES,
    NO_BUSINESS,
    PLANNED_FORM,
    STAFFED,
    TENANT,
    can_be_hired,
    is_employer,
    is_hired,
    on_the_hire_day,
    runs_no_business,
    will_employ,
)
from eligibility.rulebook import RECEIVED, Benefit, Rulebook
from eligibility.schema import Household
from eligibility.schema import Term as TermSource
from eligibility.units import HIRE_DATE, judge_unit, of_the_hire
from eligibility.waiting import qualifies_on

DOCUMENT_CACHE = 4096
# A question settling an employer's benefit counts for less than one settling the person's own;
# whether the person's business hires settles none of the person's own, so it comes last.
UNIT_WEIGHT = 0.5
ROLE_WEIGHT = 0.1


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Within reach: the day time alone opens it (waiting.py), or what the person can do (nearmiss.py)."""

    eligible_from: date | None
    opening: Opening | None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A benefit's result plus the unanswered facts that could still change it (for the next question)."""

    result: BenefitResult
    open_facts: tuple[str, ...]


class Engine:
    def __init__(self, rulebook: Rulebook, resolver: RegionResolver, catalog: DocumentCatalog | None = None) -> None:
        self.rulebook = rulebook
        self.resolver = resolver
        self.catalog = catalog
        # Result parts that depend only on the rule (and the date judged at): built once.
        self._terms = {
            b.id: (
                tuple(_term(t) for t in b.hiring),
                _term(b.deadline) if b.deadline is not None else None,
                tuple(_term(t) for t in b.apply),
            )
            for b in rulebook.benefits.values()
        }
        self._quotes = {
            b.id: tuple(ClauseQuote(clause_id=c.cite, quote=c.quote) for c in b.citations)
            for b in rulebook.benefits.values()
        }
        self._conditions = {b.id: stated_requirements(b.condition) for b in rulebook.benefits.values()}
        self._ranking = Ranking(rulebook.facts)
        # An amount without tiers is the same for everyone.
        self._fixed_amounts = {
            b.id: b.amount.for_values({})
            for b in rulebook.benefits.values()
            if b.amount is not None and b.amount.kind != "tiers"
        }
        self._documents: dict[tuple[str, date], DocumentRef] = {}
        # A draft's text was never in force as written: meeting it is `possibly_eligible`, with what
        # the issued text kept left to the 人社部门 (documents.yaml `draft_to_confirm`).
        self._draft_reasons = {
            b.id: (
                (
                    Reason(
                        kind="to_confirm",
                        clause_id=b.citations[0].cite,
                        requirement=Requirement(text=rulebook.draft_to_confirm, open=True),
                    ),
                )
                if b.document_status == "draft" and b.beneficiary == "applicant"
                else ()
            )
            for b in rulebook.benefits.values()
        }
        # An employer's measure for the unit itself, not for a hire (稳岗补贴, 小微企业贷款): its
        # conditions speak of no person and it states no hiring terms.
        self._units_own = {
            b.id: b.unit_condition is not None
            and not b.hiring
            and all(rulebook.facts[f].about != "person" for f in b.unit_condition.facts())
            for b in rulebook.benefits.values()
        }
        # Session 28: a provider's measure for the unit itself (a park's 园区建设补贴): the unit facts that say the
        # person's own unit is that provider (`employer_conditions`: unit_park) — asked of a person who runs a business.
        self._provider_facts = {
            b.id: tuple(f for f in b.unit_condition.facts() if rulebook.facts[f].about == "unit")
            for b in rulebook.benefits.values()
            if b.beneficiary == "service_provider" and not b.hiring and b.unit_condition is not None
        }
        # What a person can do to open a near miss (facts.yaml `action`).
        self._actions = Actions(rulebook.facts)
        # Benefits that speak of a fact kept as a list of records (certificates): judged per record.
        lists = record_lists(rulebook.facts)
        self._records = {b.id: record_list_of(b.condition, lists) for b in rulebook.benefits.values()}
        # Measures the text limits to those registered in the place (吉林籍, session 22).
        self._registered_only = any(
            b.household is not None and b.household.registered for b in rulebook.benefits.values()
        )
        rest = rulebook.facts[HOUSEHOLD_REGION].rest_of_place if HOUSEHOLD_REGION in rulebook.facts else None
        self._elsewhere = str(rest.value) if rest is not None else None
        # Session 41: a place of work or business said to be none of the covered places (其他地方).
        self._place_elsewhere = elsewhere_answers(rulebook.facts)
        # …and said to be where the person is (与居住地相同: one place answered to the region question).
        self._place_here = here_answers(rulebook.facts)
        # The people a unit hires, each judged on its own (session 14): the list collected by `more_hires`.
        self._hires = next((r for r in lists if r.more == MORE_HIRES), None)

    def check(self, profile: Profile) -> CheckResult:
        if not profile.is_answered("region"):
            info = RegionInfo(query=None, place=None, status="missing")
            question = region_question(self.rulebook, self.jurisdictions)
            return self._without_benefits(profile, "needs_more_info", info, question)
        query = profile.values["region"]
        if query is None:
            info = RegionInfo(query=None, place=None, status="unknown")
            return self._without_benefits(profile, "region_not_covered", info, None)
        covered = self.jurisdictions
        region = self.resolver.resolve(without_former_affiliation(query))
        if profile.is_answered(CITY) and not region.covered and _only_province(region):
            # A JSON client kept the province in `region` and answered the city question in `city`:
            # 不清楚 keeps the province (city_unknown), a city is read inside it — as the interview does.
            city = profile.values[CITY]
            if city is None:
                return self._in_province(profile, query, str(region.place), region.candidates, True, covered)
            query = f"{query} {city}"
            region = self.resolver.resolve(query)
        if not region.covered or region.jurisdiction not in covered:
            if _only_province(region):
                # 四川省: its cities have their own documents, so the city is asked, not the check ended;
                # when the person said they do not know it, the province stays and the rest is asked.
                return self._in_province(
                    profile, query, str(region.place), region.candidates, region.city_unknown, covered
                )
            # 四川其他城市 names the province and excludes its covered cities: not covered, and said so.
            status: RegionStatus = "not_covered" if region.place else "unrecognised"
            info = RegionInfo(query=query, place=region.place, status=status, candidates=region.candidates)
            home = self._home(profile, query, None)
            bound = bound_places(profile.values, self.resolver, covered, self._place_elsewhere, self._place_here)
            if home is not None or bound.elsewhere(None):
                # Not covered where the person is, but registered in a covered place: that place's
                # measures that follow the 户籍 are judged (session 22); the place itself stays not covered.
                # Session 40: so are the measures of a covered place where they work or do business.
                profile = self._implied(profile)
                away = [e.result for e in self._bound_elsewhere(bound, None, profile, asking=False)]
                return CheckResult(
                    status="region_not_covered",
                    as_of=profile.as_of,
                    jurisdiction=None,
                    region=info,
                    covered_jurisdictions=covered,
                    next_question=None,
                    benefits=(
                        *sorted(away, key=lambda r: STATUS_ORDER[r.status]),
                        *(self._from_home(home[0], profile) if home is not None else ()),
                    ),
                    household=home[1] if home is not None else None,
                    household_jurisdiction=home[0] if home is not None else None,
                )
            home_asked = (
                household_question(self.rulebook, covered) if self._asks_household(profile, query, status) else None
            )
            return self._without_benefits(profile, "region_not_covered", info, home_asked)
        profile = self._implied(profile)
        info = RegionInfo(query=query, place=region.place, status="covered")
        jurisdiction = str(region.jurisdiction)
        # Session 40: each measure judged by the place its coverage follows — a worker measure by where the
        # person works and is insured, a start-up measure by where the business is (coverage.py).
        bound = bound_places(profile.values, self.resolver, covered, self._place_elsewhere, self._place_here)
        evaluations = [
            *(
                self.evaluate(b, profile)
                for b in bound.covered_here(self.rulebook.benefits_of(jurisdiction), jurisdiction)
            ),
            *self._bound_elsewhere(bound, jurisdiction, profile),
        ]
        # A measure the 户籍 said already rules out (吉林籍, the 户籍 elsewhere) asks nothing more (`evaluate`).
        next_question = self._next_question(evaluations, profile)
        results = list(self._ranking.sorted((e.result for e in evaluations), profile))
        pending = self.pending_documents(jurisdiction)
        home = self._home(profile, query, jurisdiction)
        if self._registered_only and next_question is None and self._registered_stands(results, profile, query):
            next_question = household_question(self.rulebook, covered, jurisdiction)
        if next_question is None and (
            place := place_to_ask(results, self.rulebook.benefits, profile.values, self.rulebook.facts)
        ):
            # Session 41: where they work or do business, asked last — it moves a measure still standing here.
            next_question = place_question(self.rulebook, place, covered, jurisdiction)
        return CheckResult(
            status="needs_more_info" if next_question else "complete",
            as_of=profile.as_of,
            jurisdiction=jurisdiction,
            region=info,
            covered_jurisdictions=covered,
            next_question=next_question,
            benefits=(*results, *(self._from_home(home[0], profile) if home is not None else ())),
            pending_documents=pending,
            household=home[1] if home is not None else None,
            household_jurisdiction=home[0] if home is not None else None,
        )

    def _household(self, profile: Profile, query: str) -> tuple[str, ResolvedRegion] | None:
        """The person's 户籍 as said (`household_region`, or a 户籍 aside in the place text) and resolved."""
        said = profile.values.get(HOUSEHOLD_REGION)
        text = said if isinstance(said, str) and said.strip() else household_in(query)
        if not text:
            return None
        return text, self.resolver.resolve(without_former_affiliation(text))

    def _asks_household(self, profile: Profile, query: str, status: RegionStatus) -> bool:
        """A place no document covers, the 户籍 not yet said: a covered 户籍 may still bring the measures
        that follow it (session 24), so it is asked — once, 不清楚 or 其他地方 being answers too."""
        return (
            status == "not_covered"
            and not profile.is_answered(HOUSEHOLD_REGION)
            and household_in(query) is None
            and any(b.household is not None for b in self.rulebook.benefits.values())
        )

    def _registered_stands(self, results: list[BenefitResult], profile: Profile, query: str) -> bool:
        """A measure the text limits to those registered here (吉林籍) is still the person's or may be, and
        the 户籍 is not said: it is what is left to ask (session 24) — nothing else decides it."""
        if profile.is_answered(HOUSEHOLD_REGION) or household_in(query) is not None:
            return False
        return any(
            r.status in {"eligible", "possibly_eligible"}
            and (household := self.rulebook.benefits[r.id].household) is not None
            and household.registered
            and not household.presumed_here
            for r in results
        )

    def _registered_elsewhere(self, profile: Profile, here: str) -> str | None:
        """The 户籍 as said, when it is said to be elsewhere than `here` (a place, or “其他地方”); else None."""
        query = profile.values.get(REGION)
        said = self._household(profile, query if isinstance(query, str) else "")
        # “其他地方”, the household question's answer for a 户籍 elsewhere (facts.yaml), names no place.
        if said is None or not (said[0] == self._elsewhere or said[1].place is not None):
            return None
        if said[1].jurisdiction == here or self._holds(said[1], here):
            return None
        return said[0]

    def _holds(self, region: ResolvedRegion, here: str) -> bool:
        """The 户籍 said is a larger place that contains `here` (四川省 around 资阳市; a covered province around its
        city): not elsewhere — whether it is `here` itself is left to confirm (review45)."""
        if region.jurisdiction is None:
            return here in region.candidates and not region.outside_candidates
        return region.jurisdiction in self.resolver.resolve(here).enclosing

    def _registered_around(self, profile: Profile, here: str) -> bool:
        """The 户籍 is said only as a place that holds `here` (四川省 for 资阳市), not as `here` itself."""
        query = profile.values.get(REGION)
        said = self._household(profile, query if isinstance(query, str) else "")
        return said is not None and said[1].jurisdiction != here and self._holds(said[1], here)

    def _home(self, profile: Profile, query: str, here: str | None) -> tuple[str, RegionInfo] | None:
        """The covered place of the person's 户籍 (`household_region`, or a 户籍 aside in the place text)
        when it is not where they are: its jurisdiction and how it was read; None otherwise."""
        said = self._household(profile, query)
        if said is None:
            return None
        text, region = said
        home = region.jurisdiction
        if not region.covered or home is None or home == here or home not in self.rulebook.jurisdictions:
            return None
        return home, RegionInfo(query=text, place=region.place, status="covered")

    def _bound_elsewhere(
        self, bound: BoundPlaces, here: str | None, profile: Profile, asking: bool = True
    ) -> list[Evaluation]:
        """The measures of another covered place that the person's work or business place brings (session 40),
        each marked with the kind of place it follows (`basis`)."""
        judged = []
        for place in bound.elsewhere(here):
            for benefit in self.rulebook.benefits_of(place):
                if benefit.covered_by != "residence" and bound.covering(benefit, here) == place:
                    evaluation = self.evaluate(benefit, profile, asking=asking)
                    result = evaluation.result.model_copy(update={"basis": benefit.covered_by})
                    judged.append(Evaluation(result, evaluation.open_facts))
        return judged

    def _from_home(self, home: str, profile: Profile) -> tuple[BenefitResult, ...]:
        """The 户籍 place's measures that follow the 户籍 (a rule's `household`), judged for a person who is
        elsewhere: asked about by no question, listed apart (`basis: household`)."""
        results = [
            _away(self.evaluate(b, profile, asking=False).result, b.household)
            for b in self.rulebook.benefits_of(home)
            if b.household is not None
        ]
        return tuple(sorted(results, key=lambda r: STATUS_ORDER[r.status]))

    def _next_question(self, evaluations: list[Evaluation], profile: Profile) -> NextQuestion | None:
        """The question that could decide the most open benefits (questions.py), or None."""
        asking = [e for e in evaluations if e.open_facts]
        if self._hires is not None:
            # Another hire is asked about once the one being described is complete (records.py).
            slot = set(self._hires.facts)
            if any(slot & set(e.open_facts) for e in asking):
                asking = [Evaluation(e.result, tuple(f for f in e.open_facts if f != MORE_HIRES)) for e in asking]
                asking = [e for e in asking if e.open_facts]
        weights = [_weight(e.result) for e in asking]
        own = [e.result.beneficiary == "applicant" or e.result.status == "as_employer" for e in asking]
        members = choose_next_facts([e.open_facts for e in asking], profile, self.rulebook.facts, weights, own)
        said = profile.values.get(members[0]) if members and len(members) == 1 else None
        if not members:
            return None
        if len(members) > 1:
            members = self._with_sparing_ticks(members, asking, profile)
        only = None
        if members == (RECEIVED,):
            # Offer the measures still at stake: those this answer decides now, and the one-time
            # measures still open (the answer covers them too), not every one of the list.
            only = frozenset(
                once.measure
                for e in evaluations
                if (once := self.rulebook.benefits[e.result.id].once) is not None
                and (RECEIVED in e.open_facts or (once.repeat == "never" and e.result.status == "possibly_eligible"))
            )
        question = self._of_the_next_record(question_for(members, self.rulebook.facts, said, only), members, profile)
        return self._hint_of_place(question, members, {self.rulebook.benefits[e.result.id].document_id for e in asking})

    def _with_sparing_ticks(
        self, members: tuple[str, ...], asking: list[Evaluation], profile: Profile
    ) -> tuple[str, ...]:
        """A group question (asked anyway, for what its members decide) also offers the members whose tick
        would spare a later question (session 32): 返乡 shows 劳动年龄 as well as the age does, so a 商洛
        returnee whose 创业 package stays open on its loan terms ticks 返乡 and is not asked the age after."""
        facts = self.rulebook.facts
        group = facts.group_of[members[0]]
        candidates = {f for f in group.facts if f not in members and profile.is_open(f) and facts[f].is_askable}
        if not candidates:
            return members
        spared: set[str] = set()
        for e in asking:
            wanted = frozenset(e.open_facts) - set(group.facts)
            if wanted:
                condition = self.rulebook.benefits[e.result.id].condition
                spared |= presumers(condition, wanted, profile.values, profile.as_of, candidates.__contains__)
        if not spared & candidates:
            return members
        return tuple(f for f in group.facts if f in members or f in spared)

    def _hint_of_place(self, question: NextQuestion, members: tuple[str, ...], documents: set[str]) -> NextQuestion:
        """The question's hint as it speaks to the person (session 29): where every benefit still open is of one
        place with a hint of its own (`place_hints`), that one; a general hint naming another place's document
        (巴中（十一） to a 资阳 person) is not shown — another place's clause is no footnote to them."""
        facts = self.rulebook.facts
        spec = facts.group_of[members[0]] if len(members) > 1 else facts[members[0]]
        places = {self.rulebook.documents[d].jurisdiction for d in documents}
        if len(places) == 1 and (own := spec.place_hints.get(next(iter(places)))):
            return question.model_copy(update={"hint": own})
        if not places:
            return question
        elsewhere = {d.short_name for d in self.rulebook.documents.values() if d.jurisdiction not in places}
        if not any(name in question.hint for name in elsewhere):
            return question
        return question.model_copy(update={"hint": ""})

    def _of_the_next_record(self, question: NextQuestion, members: tuple[str, ...], profile: Profile) -> NextQuestion:
        """A question about one of the people hired says which one (关于您招用的第1位人员：, then 第2位 …): the first
        too (walk42: 想招一个52岁的大姐，还有一个刚毕业的大专生 answered unlabelled questions for both at once, and
        the two were judged as one person who does not exist)."""
        records = self._hires
        if records is None or not set(members) & set(records.facts):
            return question
        stored = [r for r in (profile.values.get(records.name) or ()) if r]
        lead = self.rulebook.facts[records.name].next_record
        if lead is None:
            return question
        return question.model_copy(update={"text": lead.format(number=len(stored) + 1) + question.text})

    def _implied(self, profile: Profile) -> Profile:
        implied = self.rulebook.facts.with_possible(self.rulebook.facts.with_implied(profile.values))
        return profile if implied is profile.values else profile.model_copy(update={"values": implied})

    def _in_province(
        self,
        profile: Profile,
        query: str,
        place: str,
        candidates: tuple[str, ...],
        city_unknown: bool = False,
        covered: tuple[str, ...] = (),
    ) -> CheckResult:
        """A province that is not covered itself but holds covered cities (四川省 → 巴中市, 资阳市): the
        city is asked, and meanwhile every candidate city's benefits are judged on the facts given, none
        of them the person's for sure — which city's document applies is unconfirmed (`region`).

        `city_unknown` (the person said 不清楚 to the city): the province is kept and the city stays
        open — the interview goes on with what the candidate cities' benefits still need, and what the
        city would make `eligible` stays `possibly_eligible` (“待确认：需所在地区为巴中市”)."""
        profile = self._implied(profile)
        judged = [
            self.evaluate(b, profile, asking=city_unknown, city=jurisdiction)
            for jurisdiction in candidates
            for b in self.rulebook.benefits_of(jurisdiction)
        ]
        results = [evaluation.result for evaluation in judged]
        if city_unknown:
            status: RegionStatus = "city_unknown"
            next_question = self._next_question(judged, profile)
        else:
            status, next_question = "partly_covered", city_question(self.rulebook, place, candidates)
        return CheckResult(
            status="needs_more_info" if next_question else "complete",
            as_of=profile.as_of,
            jurisdiction=None,
            region=RegionInfo(query=query, place=place, status=status, candidates=candidates),
            covered_jurisdictions=covered or self.jurisdictions,
            next_question=next_question,
            benefits=self._ranking.sorted(results, profile),
        )

    @property
    def jurisdictions(self) -> tuple[str, ...]:
        """Places with rules, then places with a published document only (its rules still to come)."""
        places = dict.fromkeys(self.rulebook.jurisdictions)
        if self.catalog is not None:
            places.update(dict.fromkeys(d.jurisdiction for d in self.catalog.documents.values()))
        return tuple(places)

    def pending_documents(self, jurisdiction: str) -> tuple[PendingDocument, ...]:
        """Published documents of this place without rules yet, newest first."""
        if self.catalog is None:
            return ()
        ruled = self.rulebook.documents
        pending = [
            PendingDocument(
                id=doc.id,
                title=doc.title,
                jurisdiction=doc.jurisdiction,
                signed=doc.signed,
                status="draft" if doc.is_draft else "official",
            )
            for doc in self.catalog.documents.values()
            if doc.jurisdiction == jurisdiction and doc.id not in ruled
        ]
        return tuple(sorted(pending, key=lambda d: d.signed, reverse=True))

    def _without_benefits(
        self, profile: Profile, status: CheckStatus, info: RegionInfo, question: NextQuestion | None
    ) -> CheckResult:
        """A result without benefits: the region is still to be asked, or is not covered."""
        return CheckResult(
            status=status,
            as_of=profile.as_of,
            jurisdiction=None,
            region=info,
            covered_jurisdictions=self.jurisdictions,
            next_question=question,
            benefits=(),
        )

    def evaluate(self, benefit: Benefit, profile: Profile, asking: bool = True, city: str | None = None) -> Evaluation:
        """One benefit against one profile: status, reasons, missing facts, amount, citations.

        `asking=False`: the facts that could still change it are not worked out (the next question
        is decided otherwise — a province's city is asked first). `city`: the person named only the
        province, and this benefit is that city's — never `eligible`, the city is to be confirmed.
        The conditions are evaluated into plain findings first; the result object is built once.
        A measure the text limits to those registered in its place (吉林籍) fails for a 户籍 said to be elsewhere
        — here, so every caller gets it, not only `check` (session 30)."""
        if benefit.others is not None and evaluate(benefit.others, profile.values, profile.as_of).value is True:
            # Session 34 (rules31): the person serves those the measure pays (a park owner, its tenants' rent
            # subsidy) — another's benefit, whatever the date or the rest, and nothing to ask for it.
            result = self._result(benefit, profile, "employer_only", (), (), city)
            return Evaluation(result.model_copy(update={"beneficiary": "others", "whose": benefit.others_whose}), ())
        evaluation = self._dated(benefit, profile, asking, city)
        household = benefit.household
        if household is None or not household.registered or evaluation.result.status == "ineligible":
            return evaluation
        elsewhere = self._registered_elsewhere(profile, benefit.jurisdiction)
        if elsewhere is not None:
            return Evaluation(_not_registered(evaluation.result, household, elsewhere), ())
        if self._registered_around(profile, benefit.jurisdiction):
            return Evaluation(_registered_open(evaluation.result, household), evaluation.open_facts)
        return evaluation

    def _dated(self, benefit: Benefit, profile: Profile, asking: bool, city: str | None) -> Evaluation:
        """`evaluate` before the 户籍: the dates, then whose it is and its conditions."""
        as_of = profile.as_of
        if as_of < benefit.valid_from or (benefit.valid_to is not None and as_of > benefit.valid_to):
            # A stated condition the person fails says more than the date: "not for you" comes first,
            # and "not yet in force" / "expired" is kept for whoever the text would otherwise cover.
            outcome, bound, _ = self._outcome(benefit, profile, as_of)
            # Session 42 (hp34-26): the hiring unit's measure is judged on its hires and itself (below), never on the
            # owner's own facts — a 高中 owner who hired 2017届 graduates does not "fail" 高校毕业生.
            as_unit = benefit.beneficiary == "employer" and self._is_the_hiring_unit(profile)
            if outcome.value is False and not as_unit:
                reasons = tuple(_failure(f, bound) for f in outcome.failed)
                return Evaluation(self._result(benefit, bound, "ineligible", reasons, (), city), ())
            if self._had_it(benefit, profile) and once_of(benefit).repeat == "never":
                return Evaluation(self._result(benefit, bound, "ineligible", (prior_receipt(benefit),), (), city), ())
            ended = benefit.valid_to is not None and as_of > benefit.valid_to
            if ended:
                reason = Reason(
                    kind="expired",
                    clause_id=benefit.validity_cite,
                    window=benefit.validity_label,
                    valid_to=benefit.valid_to,
                    as_of=as_of,
                )
            else:
                reason = Reason(kind="not_yet_in_force", clause_id=None, valid_from=benefit.valid_from, as_of=as_of)
            if benefit.beneficiary != "applicant" and not self._may_be_the_unit(benefit, profile):
                # Whose it is comes before when (session 12): a unit's benefit is never the person's,
                # in force or not — `employer_only`, with the dates kept as its reason.
                return Evaluation(self._result(benefit, profile, "employer_only", (reason,), (), city), ())
            if benefit.beneficiary == "employer" and self._is_the_hiring_unit(profile):
                # Session 35: the person's unit, judged on its own terms as if in force — a unit the text's terms
                # already rule out (稳定就业6个月以上 with a hire of 2 months, 新吸纳10个以上 with 8) is "not for you",
                # as the person's own failed condition is above; the date is kept for a unit that meets them.
                unit = self._in_force(benefit, profile, as_of, False, city)
                if unit.result.status == "ineligible":
                    return unit
            theirs = self._provider_in_force(benefit, profile, city)
            if theirs == "employer_only":
                # Session 17: whose it is does not depend on the date — a park owner's 园区建设补贴 asked
                # about by a founder renting space is no more hers before the document than after.
                return Evaluation(self._result(benefit, profile, "employer_only", (reason,), (), city), ())
            if theirs == "ineligible":
                # Session 28: an owner whose unit is no park (unit_park: no) — not theirs, whatever the date.
                return self._in_force(benefit, profile, as_of, False, city)
            status: BenefitStatus = "expired" if ended else "not_yet_in_force"
            return Evaluation(self._result(benefit, profile, status, (reason,), (), city), ())
        return self._in_force(benefit, profile, as_of, asking, city)

    def _provider_in_force(self, benefit: Benefit, profile: Profile, city: str | None) -> BenefitStatus | None:
        """A provider's measure judged as if in force: another's (`employer_only`), or not the person's unit's
        (`ineligible`: an owner whose unit is no park); None when the dates speak for it."""
        if benefit.beneficiary != "service_provider":
            return None
        status = self._in_force(benefit, profile, profile.as_of, False, city).result.status
        return status if status in {"employer_only", "ineligible"} else None

    def _in_force(self, benefit: Benefit, profile: Profile, as_of: date, asking: bool, city: str | None) -> Evaluation:
        """A benefit in force on `as_of`: whose it is (the unit's, a broker's, the person's), then its conditions."""
        if benefit.beneficiary == "service_provider" and benefit.hiring:
            if profile.values.get(BROKER) is True:
                # The person is the broker or agency the measure pays: judged on whom they placed.
                return self._as_the_unit(benefit, profile, asking, city)
            if self._asks_broker(profile):
                judged = self._evaluate(benefit, profile, as_of, asking, city)
                if self._broker_may_matter(benefit, profile, as_of, asking, city):
                    return Evaluation(judged.result, (*judged.open_facts, BROKER))
                return judged
        provider = self._provider_facts.get(benefit.id, ())
        if provider and is_employer(profile):
            return self._as_the_provider(benefit, profile, provider, asking, city)
        if provider and runs_no_business(profile):
            # Session 43 (issue 11): a provider's grant for its own unit (园区建设补贴, 培训基地, 技能大师工作室)
            # asked by a person who runs no business — the fact decides: it is the provider's (`employer_only`), and
            # whether the person's unit is a park or a base is nothing to confirm (was: 还需确认 单位是否被认定为…
            # to a job-seeker).
            theirs = self._evaluate(benefit, profile, as_of, False, city).result
            return Evaluation(theirs.model_copy(update={"missing_facts": ()}), ())
        if benefit.beneficiary == "employer" and benefit.hiring and will_employ(profile):
            return self._as_the_planned_unit(benefit, profile, city)
        if benefit.beneficiary == "employer" and is_employer(profile):
            units_own = self._units_own[benefit.id]
            staffed = units_own and profile.values.get(STAFFED) is True
            if profile.values.get(HIRING) is True or staffed:
                if self._had_it(benefit, profile) and once_of(benefit).repeat == "never":
                    # The business already had this one-time measure (平顶山（九） 2020年春节 hires).
                    return Evaluation(
                        self._result(benefit, profile, "ineligible", (prior_receipt(benefit),), (), city), ()
                    )
                # A unit's own measure (稳岗补贴) is the business's once it has staff, hiring or not. What the unit
                # must be (去产能企业, 不裁员) is asked, ticked with the rest of the business (business_details): never
                # left to 还需确认 unasked (session 42, emp42: few units are 去产能 ones).
                return self._as_the_unit(benefit, profile, asking, city)
            if (
                benefit.hiring
                and profile.values.get(HIRING) is None
                and profile.values.get(BROKER) is not True
                and not can_be_hired(profile)
            ):
                # Session 25: an owner who cannot be hired himself, whose business may hire (not asked yet, or
                # 不清楚): an employer's benefit for hiring is not his unless his business hires (`employer_only`,
                # 正在招人 asked) — judged on the hire and the unit, never on the owner's own facts as if he were the
                # one hired (his own 毕业年度 or 失业登记 decides nothing of it, and never makes it `ineligible`). Not
                # for a broker: the people he placed are another unit's hires (巴中（十二） 企业奖补 is the firm's).
                return self._may_hire(benefit, profile, city)
            if self._asks_hiring(profile):
                # Whether the person's business hires decides whose benefit this is: ask it, and
                # until then judge it as before (the person's own side of it).
                judged = self._evaluate(benefit, profile, as_of, asking, city)
                return Evaluation(judged.result, (*judged.open_facts, HIRING))
        return self._evaluate(benefit, profile, as_of, asking, city)

    def _as_the_planned_unit(self, benefit: Benefit, profile: Profile, city: str | None) -> Evaluation:
        """Session 37 (next38r): an employer's measure for hiring, of a person who plans a business and says it will
        hire (R1 of walk37: 开个羊肉汤馆，雇两个帮工). The business to be is the unit: judged as the person's unit's
        (`as_employer`) on the hires and the unit — its form not chosen yet, every form open — with its opening
        left to confirm (facts.yaml `hiring_staff.when_planned`); never told as a unit's that would hire him."""
        view = profile
        if view.values.get(FORM) in (None, NO_BUSINESS):
            # Session 38 (walk38 T19): the business to be is one of the forms a business registers as, its form not
            # chosen — a measure no such form can claim (资阳（十二） 社会组织) is not the planned business's.
            any_form = self.rulebook.facts.with_possible({FORM: PLANNED_FORM})
            view = view.model_copy(update={"values": {**view.values, **any_form}})
        # The hires are not chosen yet: what they must be stays to confirm, not asked (the unit is not there to hire).
        judged = self._as_the_unit(benefit, view, False, city)
        if judged.result.status != "as_employer":
            return judged
        planned = Requirement(text=self.rulebook.facts[HIRING].when_planned, open=True)
        opening = Reason(kind="to_confirm", clause_id=benefit.citations[0].cite, requirement=planned)
        result = judged.result.model_copy(update={"reasons": (opening, *judged.result.reasons)})
        return Evaluation(result, judged.open_facts)

    def _as_the_provider(
        self, benefit: Benefit, profile: Profile, provider: tuple[str, ...], asking: bool, city: str | None
    ) -> Evaluation:
        """Session 28: a provider's measure for the unit itself (巴中（六） 园区建设补贴, 吉林（十一） 返乡创业基地
        80万元), asked about by a person who runs a business. Whether the business is that provider (unit_park)
        decides whose it is: not said (or 不清楚) — the provider's (`employer_only`), the fact asked; no — not the
        person's unit's (`ineligible`, its requirement the reason; a park's tenant: its owner's, `employer_only`);
        yes — the person's unit's (`as_employer`), judged on the rest (首次认定: a park paid once is not paid again)."""
        # Session 30: a provider fact may be a choice (unit_training_base: which base) — any recognition said counts.
        if profile.values.get(TENANT) is True and not any(
            profile.values.get(f) not in (None, False, "none") for f in provider
        ):
            # A tenant of a park (session 17): the park's grant is its owner's — another's, unasked.
            return Evaluation(self._evaluate(benefit, profile, profile.as_of, False, city).result, ())
        if all(profile.values.get(f) is None for f in provider):
            judged = self._evaluate(benefit, profile, profile.as_of, False, city).result
            missing = (*provider, *(f for f in judged.missing_facts if f not in provider))
            ask = tuple(f for f in provider if asking and profile.is_open(f) and self.rulebook.facts[f].is_askable)
            return Evaluation(judged.model_copy(update={"missing_facts": missing}), ask)
        unit = self._as_the_unit(benefit, profile, asking, city)
        if unit.result.status == "ineligible":
            return unit
        if self._had_it(benefit, profile) and once_of(benefit).repeat == "never":
            return Evaluation(self._result(benefit, profile, "ineligible", (prior_receipt(benefit),), (), city), ())
        return unit

    def _may_hire(self, benefit: Benefit, profile: Profile, city: str | None) -> Evaluation:
        """The owner's unit's benefit should it hire, while whether it hires is open: what the unit already fails
        rules it out (`ineligible`, on the unit's own facts); otherwise `employer_only` — not his until he says his
        business hires — with 正在招人 first among what is missing and the hire's terms as its reasons."""
        judged = self._as_the_unit(benefit, profile, False, city).result
        if judged.status != "as_employer":
            return Evaluation(judged, ())
        wanted = Requirement(fact=HIRING, comparison="is", operand=True, text=self.rulebook.facts[HIRING].holds)
        hiring = Reason(kind="unconfirmed", clause_id=benefit.citations[0].cite, requirement=wanted)
        result = judged.model_copy(
            update={
                "status": "employer_only",
                "hires_meeting": (),
                "reasons": (hiring, *judged.reasons),
                "missing_facts": (HIRING, *(f for f in judged.missing_facts if f != HIRING)),
            }
        )
        return Evaluation(result, (HIRING,) if self._asks_hiring(profile) else ())

    def _outcome(
        self, benefit: Benefit, profile: Profile, as_of: date
    ) -> tuple[Outcome, Profile, tuple[Mapping[str, Any], ...]]:
        """The conditions' outcome, the profile it speaks of (with the deciding record's facts, when
        the benefit is judged per certificate) and the records that meet it."""
        records = self._records[benefit.id]
        if records is None:
            return evaluate(benefit.condition, profile.values, as_of), profile, ()
        judged = evaluate_records(benefit.condition, profile.values, as_of, records)
        if judged.values is not profile.values:
            # The record that decided it speaks in reasons, amount and the next question.
            profile = profile.model_copy(update={"values": dict(judged.values)})
        return judged.outcome, profile, judged.qualifying

    def _evaluate(
        self, benefit: Benefit, profile: Profile, as_of: date, asking: bool = True, city: str | None = None
    ) -> Evaluation:
        records = self._records[benefit.id]
        outcome, profile, qualifying = self._outcome(benefit, profile, as_of)
        if benefit.beneficiary != "applicant" and records is None and is_hired(profile):
            outcome = on_the_hire_day(benefit, profile, outcome)
        if benefit.beneficiary != "applicant" and outcome.value is not False:
            return self._for_a_unit(benefit, profile, outcome, asking, city)
        held = self._had_it(benefit, profile) if benefit.once is not None and outcome.value is not False else False
        if held and once_of(benefit).repeat == "never":
            # Had once, not again (一次性, 首次): the prior receipt says no, whatever else is open.
            return Evaluation(self._result(benefit, profile, "ineligible", (prior_receipt(benefit),), (), city), ())
        if outcome.value is True:
            amount = None
            if len(qualifying) > 1 and benefit.amount is not None:
                # The text pays per certificate: every one that qualifies brings its tier.
                amount = benefit.amount.for_records(qualifying)
            draft = self._draft_reasons[benefit.id]
            if held:
                # Had before, and the text does not say whether again (创业担保贷款): to confirm.
                reasons = (*draft, prior_receipt(benefit))
                return Evaluation(
                    self._result(benefit, profile, "possibly_eligible", reasons, (), city, amount=amount), ()
                )
            if held is None and (draft == () or once_of(benefit).repeat == "never"):
                # Every other condition holds: only the prior receipt still decides — ask it now.
                reason = unknown_receipt(benefit, profile)
                ask = (
                    (RECEIVED,)
                    if asking and profile.is_open(RECEIVED) and self.rulebook.facts[RECEIVED].is_askable
                    else ()
                )
                result = self._result(
                    benefit, profile, "possibly_eligible", (*draft, reason), (RECEIVED,), city, amount=amount
                )
                return Evaluation(result, ask)
            status: BenefitStatus = "possibly_eligible" if draft else "eligible"
            return Evaluation(self._result(benefit, profile, status, draft, (), city, amount=amount), ())
        if outcome.value is False:
            reasons = tuple(_failure(f, profile) for f in outcome.failed)
            later = qualifies_on(benefit.condition, profile.values, as_of, outcome.failed, benefit.valid_to)
            opening = self._opening(benefit, profile, outcome.failed) if benefit.beneficiary == "applicant" else None
            if opening is not None and opening.outcome is not True:
                # Done, the action still leaves conditions open (初创企业补贴 after opening a shop: 高校毕业生 or 就业
                # 困难人员, 1年, 社保): each is listed beside what failed — a near miss names every unmet condition.
                reasons = (*reasons, *self._left_open(benefit, profile, opening))
            result = self._result(benefit, profile, "ineligible", reasons, (), city, near=NearMiss(later, opening))
            return Evaluation(result, ())
        missing = _missing(outcome)
        reasons = tuple(_unknown(f, profile) for f in _unique_findings(outcome.unknown))
        reasons = (*reasons, *self._draft_reasons[benefit.id], *((prior_receipt(benefit),) if held else ()))
        # Open only on facts answered 不清楚 that an action settles (失业登记): doing it may make it sure.
        settled = [f for f in outcome.unknown if all(profile.values.get(x, "") is None for x in f.facts)]
        opening = self._opening(benefit, profile, settled) if settled and len(settled) == len(outcome.unknown) else None
        if opening is not None and opening.outcome is not True:
            opening = None
        result = self._result(
            benefit, profile, "possibly_eligible", reasons, missing, city, near=NearMiss(None, opening)
        )
        if not asking:
            return Evaluation(result, ())
        # A draft's measure is at best possible: a fact that could only meet it changes no status
        # (unless a prior receipt could then still rule it out) — only one that could fail it is asked.
        capped = bool(self._draft_reasons[benefit.id]) and (benefit.once is None or benefit.once.repeat != "never")
        # So is a one-time measure whose prior receipt was answered 不清楚: met, it stays 可能符合 — and
        # one already had that may be had again only if confirmed (创业担保贷款 not yet repaid, session 19).
        capped = capped or held is True or (held is None and not profile.is_open(RECEIVED))
        open_facts = self._open_facts(benefit, profile, missing, to_true=not capped)
        if records is not None and records.may_have_more(profile.values):
            # 不清楚 (or yes) to another certificate: a failing one leaves the benefit open (records.py),
            # so its details are worth asking only where they could meet the condition.
            toward_yes = self._open_facts(benefit, profile, missing, to_false=False)
            open_facts = tuple(f for f in open_facts if f not in records.details or f in toward_yes)
        if (
            records is not None
            and records.more in missing
            and not profile.is_answered(records.more)
            and not records.asked_enough(profile.values)
        ):
            # Every certificate named fails; another one could still meet it (records.py).
            open_facts = (*open_facts, records.more)
        return Evaluation(result, open_facts)

    def _opening(self, benefit: Benefit, profile: Profile, findings: list[Finding]) -> Opening | None:
        """What the person could do to open this benefit (nearmiss.py), judged on the whole rule."""

        def judge(values: dict[str, Any]) -> Outcome:
            return self._outcome(benefit, profile.model_copy(update={"values": values}), profile.as_of)[0]

        return opened_by(self._actions, findings, profile.values, profile.as_of, judge)

    def _left_open(self, benefit: Benefit, profile: Profile, opening: Opening) -> tuple[Reason, ...]:
        """The conditions still open once the opening's actions are done (the first choice that leaves any)."""
        for values in self._actions.done(profile.values, opening.actions, profile.as_of):
            opened = profile.model_copy(update={"values": values})
            outcome = self._outcome(benefit, opened, profile.as_of)[0]
            if outcome.value is None:
                # (What the text leaves to the 人社部门 is no unmet condition of the person's: not listed here.)
                found = (_unknown(f, opened) for f in _unique_findings(outcome.unknown))
                return tuple(r for r in found if r.kind != "to_confirm")
        return ()

    def _for_a_unit(
        self, benefit: Benefit, profile: Profile, outcome: Outcome, asking: bool = True, city: str | None = None
    ) -> Evaluation:
        """An employer's or provider's benefit the person does not rule out: never the person's own.

        `if_hired` when an employer would claim it for hiring this person, who can be hired;
        otherwise `employer_only`. Its open facts ask no question: they decide nothing of the
        person's own.
        """
        reasons = tuple(_unknown(f, profile) for f in _unique_findings(outcome.unknown))
        missing = _missing(outcome)
        if not (benefit.beneficiary == "employer" and benefit.hiring and can_be_hired(profile)):
            return Evaluation(self._result(benefit, profile, "employer_only", reasons, missing, city), ())
        open_facts = (
            self._open_facts(benefit, profile, missing, to_true=False) if asking and outcome.value is None else ()
        )
        return Evaluation(self._result(benefit, profile, "if_hired", reasons, missing, city), open_facts)

    def _as_the_unit(self, benefit: Benefit, profile: Profile, asking: bool, city: str | None) -> Evaluation:
        """An employer's benefit for the person whose business is that employer (`as_employer`):
        judged on the people hired — each on their own facts (units.py) — and on the unit
        (`unit_condition`), never on the owner's own situation. A failed condition of every hire or of
        the unit makes it `ineligible`; what is still unknown about them is asked (所招人员…), worded
        as the unit's, not the owner's."""
        facts = self.rulebook.facts
        node = benefit.unit_condition
        assert node is not None
        judged = judge_unit(node, profile, facts, self._hires)
        outcome, view, row = judged.outcome, judged.view, judged.row
        if outcome.value is False:
            reasons = tuple(of_the_hire(_failure(f, view), f, facts) for f in outcome.failed)
            # What the unit can do (签订1年以上劳动合同, 缴纳社会保险费) to open it: the unit view judged again.
            opening = opened_by(
                self._actions, outcome.failed, view.values, view.as_of, lambda v: evaluate(node, v, view.as_of)
            )
            near = NearMiss(None, opening)
            return Evaluation(self._result(benefit, profile, "ineligible", reasons, (), city, near=near), ())
        findings = _unique_findings(outcome.unknown)
        reasons = tuple(of_the_hire(_unknown(f, view), f, facts) for f in findings)
        hire = facts.hire_facts
        missing = tuple(dict.fromkeys(hire.get(f, f) for f in _missing(outcome)))
        result = self._result(benefit, profile, "as_employer", reasons, missing, city)
        if judged.meeting:
            result = result.model_copy(update={"hires_meeting": judged.meeting})
        if not asking or outcome.value is not None:
            return Evaluation(result, ())

        def askable(fact: str) -> bool:
            # Only what is not said of the hire that decided it (a hire given in `hires` is complete).
            asked = hire.get(fact, fact)
            return facts[asked].about != "person" and asked not in row and facts[asked].is_askable

        # A met unit and an open one are both `as_employer`: only what could rule it out is worth asking (session 19).
        matter = {hire.get(m, m) for m in facts_that_matter(node, view.values, view.as_of, askable, False, True)}
        # The hire day and another hire are not in the condition: they matter when they are missing.
        matter |= {f for f in (HIRE_DATE, MORE_HIRES) if f in missing and askable(f)}
        if self._hires is not None and self._hires.asked_enough(profile.values):
            matter.discard(MORE_HIRES)
        if self._hires is not None and self._hires.may_have_more(profile.values):
            # Another hire said to exist (or 不清楚) and not described: this one failing rules nothing
            # out, and meeting it leaves the unit's benefit the unit's — its facts change no status.
            matter -= set(self._hires.facts)
        return Evaluation(result, tuple(f for f in missing if f in matter))

    def _may_be_the_unit(self, benefit: Benefit, profile: Profile) -> bool:
        """The person runs a business that may be the unit claiming this benefit: its dates are theirs
        to know (an owner asking about 稳岗返还, a park's owner). Not when the business is known not
        to hire and the benefit is an employer's (for hiring)."""
        if not is_employer(profile):
            return False
        return benefit.beneficiary != "employer" or profile.values.get(HIRING) is not False

    def _is_the_hiring_unit(self, profile: Profile) -> bool:
        """The person runs a business said to hire or to have staff: an employer's measure is judged as theirs."""
        return is_employer(profile) and (profile.values.get(HIRING) is True or profile.values.get(STAFFED) is True)

    def _had_it(self, benefit: Benefit, profile: Profile) -> bool | None:
        """Whether the person already had this benefit's one-time measure (False: no such measure)."""
        if benefit.once is None:
            return False
        return self.rulebook.facts.holds_option(profile.values, RECEIVED, benefit.once.measure)

    def _asks_hiring(self, profile: Profile) -> bool:
        """An employer's benefit is the person's business's to claim when it hires (`as_employer`:
        its conditions are about whom it hires, stated in `hiring`); asked of a person who runs a
        business and cannot be hired themselves."""
        return not profile.is_answered(HIRING) and not can_be_hired(profile) and self.rulebook.facts[HIRING].is_askable

    def _asks_broker(self, profile: Profile) -> bool:
        """Whether the person may be the broker or agency a provider's measure pays: asked only of the
        self-employed (a broker works for themselves), and only until answered."""
        values = profile.values
        return (
            values.get("employment_status") == "self_employed"
            and not profile.is_answered(BROKER)
            and self.rulebook.facts[BROKER].is_askable
        )

    def _broker_may_matter(
        self, benefit: Benefit, profile: Profile, as_of: date, asking: bool, city: str | None
    ) -> bool:
        """Session 31: whether "are you the broker or agency?" can still move this provider's measure. Either
        answer is judged: as the broker, on whom they placed (`_as_the_unit`); as not, on the person's own side.
        Worth asking only when the two differ, or either still hangs on other open facts — a 资阳 stall-keeper
        whose placed worker is known not 有组织输出 and who is himself no 农村劳动力 is `ineligible` either way."""
        as_broker = self._as_the_unit(benefit, profile.with_answer(BROKER, True), asking, city)
        as_not = self._in_force(benefit, profile.with_answer(BROKER, False), as_of, asking, city)
        return as_broker.result.status != as_not.result.status or bool(as_broker.open_facts) or bool(as_not.open_facts)

    def _open_facts(
        self,
        benefit: Benefit,
        profile: Profile,
        missing: tuple[str, ...],
        to_true: bool = True,
        to_false: bool = True,
    ) -> tuple[str, ...]:
        facts = self.rulebook.facts
        matter = facts_that_matter(
            benefit.condition,
            profile.values,
            profile.as_of,
            lambda f: profile.is_open(f) and facts[f].is_askable,
            to_true,
            to_false,
        )
        return tuple(f for f in missing if f in matter)

    def _amount(self, benefit: Benefit, profile: Profile) -> AmountResult | None:
        fixed = self._fixed_amounts.get(benefit.id)
        if fixed is not None or benefit.amount is None:
            return fixed
        return benefit.amount.for_values(profile.values)

    def _document(self, benefit: Benefit, profile: Profile) -> DocumentRef:
        key = (benefit.document_id, profile.as_of)
        if key not in self._documents:
            if len(self._documents) > DOCUMENT_CACHE:
                self._documents.clear()
            self._documents[key] = self._document_ref(benefit.document_id, profile.as_of)
        return self._documents[key]

    def _document_ref(self, document_id: str, as_of: date) -> DocumentRef:
        doc = self.rulebook.documents[document_id]
        stale = add_years(doc.signed, self.rulebook.stale_after_years) <= as_of
        return DocumentRef(
            id=document_id,
            short_name=doc.short_name,
            status=doc.status,
            signed=doc.signed,
            year=doc.signed.year,
            effective=doc.effective,
            ends=doc.ends,
            checked_on=doc.checked_on,
            stale=stale,
        )

    def _result(
        self,
        benefit: Benefit,
        profile: Profile,
        status: BenefitStatus,
        reasons: tuple[Reason, ...],
        missing: tuple[str, ...],
        city: str | None = None,
        *,
        amount: AmountResult | None = None,
        near: NearMiss | None = None,
    ) -> BenefitResult:
        if city is not None and status in CITY_OPEN:
            # Only the province is known: whether this city's document applies is unconfirmed
            # (需所在地区为巴中市), a reason of its own cited to the benefit's first clause.
            requirement = Requirement(fact=REGION, comparison="is", operand=city)
            reason = Reason(kind="unconfirmed", clause_id=benefit.citations[0].cite, requirement=requirement)
            status = "possibly_eligible" if status == "eligible" else status
            reasons, missing = (reason, *reasons), (REGION, *missing)
        return BenefitResult(
            id=benefit.id,
            name=benefit.name,
            status=status,
            beneficiary=benefit.beneficiary,  # type: ignore[arg-type]
            summary=benefit.summary,
            amount=self._amount(benefit, profile) if amount is None else amount,
            reasons=reasons,
            missing_facts=missing,
            valid_from=benefit.valid_from,
            valid_to=benefit.valid_to,
            document_status=benefit.document_status,  # type: ignore[arg-type]
            notes=benefit.notes,
            citations=self._quotes[benefit.id],
            conditions=self._conditions[benefit.id],
            document=self._document(benefit, profile),
            hiring=self._terms[benefit.id][0],
            deadline=self._terms[benefit.id][1],
            apply_terms=self._terms[benefit.id][2],
            eligible_from=near.eligible_from if near is not None else None,
            opens_with=near.opening.actions if near is not None and near.opening is not None else (),
            opens_to=self._opens_to(benefit, profile, near.opening if near is not None else None),
        )

    def _opens_to(self, benefit: Benefit, profile: Profile, opening: Opening | None) -> BenefitStatus | None:
        """What an opened near miss becomes: `eligible` only when every condition would then hold and
        nothing else caps it (a draft; a one-time measure whose prior receipt is still to say)."""
        if opening is None:
            return None
        if benefit.beneficiary != "applicant":
            # The unit's: once done, the owner's business claims it (as_employer).
            return "as_employer"
        sure = (
            opening.outcome is True and not self._draft_reasons[benefit.id] and self._had_it(benefit, profile) is False
        )
        return "eligible" if sure else "possibly_eligible"


def _away(result: BenefitResult, household: Household) -> BenefitResult:
    """A 户籍 place's measure for a person who is elsewhere: `basis: household`; where the text does not say it
    is had while away (`to_confirm`), what would be theirs is `possibly_eligible` with the rule's words."""
    update: dict[str, Any] = {"basis": "household"}
    if household.away == "to_confirm" and result.status in {"eligible", "possibly_eligible"}:
        requirement = Requirement(text=household.requirement, open=True)
        reason = Reason(kind="to_confirm", clause_id=household.cite, requirement=requirement)
        update |= {"status": "possibly_eligible", "reasons": (reason, *result.reasons)}
    return result.model_copy(update=update)


def _not_registered(result: BenefitResult, household: Household, said: str) -> BenefitResult:
    """A measure for those registered here (吉林籍) judged for a person whose 户籍 is said to be elsewhere."""
    requirement = Requirement(text=household.registered, fact=HOUSEHOLD_REGION)
    reason = Reason(
        kind="failed",
        clause_id=household.cite,
        requirement=requirement,
        stated=(Stated(fact=HOUSEHOLD_REGION, value=said),),
    )
    return result.model_copy(update={"status": "ineligible", "reasons": (reason,), "missing_facts": ()})


def _registered_open(result: BenefitResult, household: Household) -> BenefitResult:
    """A measure for those registered here judged for a person whose 户籍 is said only as a larger place that holds
    here (四川省 for 资阳市): at most to confirm, with the rule's words — never failed, never sure."""
    if result.status not in {"eligible", "possibly_eligible"}:
        return result
    requirement = Requirement(text=household.registered, fact=HOUSEHOLD_REGION, open=True)
    reason = Reason(kind="to_confirm", clause_id=household.cite, requirement=requirement)
    return result.model_copy(update={"status": "possibly_eligible", "reasons": (reason, *result.reasons)})


# Statuses a province alone leaves open: the benefit is the person's only if the city is this one.
CITY_OPEN = frozenset({"eligible", "possibly_eligible", "if_hired", "as_employer"})
REGION = "region"
# Not asked: the city inside the province `region` names (a JSON client's answer to the city question).
CITY = "city"


def _only_province(region: ResolvedRegion) -> bool:
    """A province not covered itself that holds covered cities (四川省 → 巴中市, 资阳市), said without
    excluding them: the city decides which document applies."""
    return bool(region.place and region.candidates and not region.outside_candidates)


def _term(term: TermSource) -> Term:
    return Term(text=term.text, clause_id=term.cite, quote=term.quote)


def _weight(result: BenefitResult) -> float:
    if result.beneficiary == "applicant" or result.status == "as_employer":
        # An owner's unit's benefit is the owner's to claim: its hire facts count as his own.
        return 1.0
    return UNIT_WEIGHT if result.status == "if_hired" else ROLE_WEIGHT


def _failure(finding: Finding, profile: Profile) -> Reason:
    """A failed requirement with the person's known answers it speaks about."""
    stated = tuple(Stated(fact=f, value=profile.values[f]) for f in finding.facts if profile.values.get(f) is not None)
    return Reason(kind="failed", clause_id=finding.cite, requirement=finding.requirement, stated=stated)


def _unknown(finding: Finding, profile: Profile) -> Reason:
    """An open requirement: answered 不清楚 (`unsure`, naming those facts) or not asked yet."""
    unsure = tuple(Stated(fact=f, value=None) for f in finding.facts if profile.values.get(f, "") is None)
    kind: ReasonKind = "unsure" if unsure else "unconfirmed"
    if finding.requirement.open:
        kind = "to_confirm"
    return Reason(kind=kind, clause_id=finding.cite, requirement=finding.requirement, stated=unsure)


def _missing(outcome: Outcome) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for finding in outcome.unknown for f in finding.facts))


def _unique_findings(findings: list[Finding]) -> list[Finding]:
    seen: dict[tuple[object, tuple[str, ...]], Finding] = {}
    for finding in findings:
        seen.setdefault((finding.requirement, finding.facts), finding)
    return list(seen.values())
