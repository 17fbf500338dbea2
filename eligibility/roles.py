"""Whose an employer's benefit is: the person's role (an owner who hires, an employee already hired, someone
who can be hired) and the day a hire is judged on. Split from engine.py in session 15: the engine asks
these questions of a profile; the answers depend on the role facts alone."""

from __future__ import annotations

from datetime import date

from eligibility.conditions import Finding, Outcome, evaluate
from eligibility.profile import Profile
from eligibility.rulebook import Benefit
from eligibility.units import judge_hire

# Who runs their own business, has retired or already works for a unit, and is not looking for a job, is not about
# to be hired: an employer's benefit for hiring them is never an `if_hired` result (it is the unit's, `employer_only`).
# Session 11: an employee's hire has happened — what their employer may claim for it is the employer's.
NOT_FOR_HIRE = {"self_employed", "retired", "employed"}
# Who runs a business of their own is an employer; whether it is hiring decides whether employers'
# subsidies for hiring are theirs to claim (`as_employer`).
NO_BUSINESS = "none"
# A business only planned: its form not chosen, one of the forms a business registers as (facts.yaml, session 38).
PLANNED_FORM = "business"
# The fact whose answer says whether the person runs a business, and of which form.
FORM = "business_form"
HIRING = "hiring_staff"
# A business with staff is the unit of a measure for units as such (稳岗补贴), hiring or not.
STAFFED = "business_has_employees"
# Plans a business of their own (创业意愿): with HIRING said, the business to be is the employer (session 37).
PLANS_BUSINESS = "wants_business"
# Another hire: a yes stores the hire described in `hires` and asks the next one (records.py).
MORE_HIRES = "more_hires"
# The day an employee started with the present employer: the employer's benefits for that hire are
# judged on it (session 15).
JOB_START = "job_start_date"
# The person is a labour broker or runs an HR agency: a provider's measure is theirs (session 13).
BROKER = "labor_broker"
# The person's business rents space in a park or incubator: the park's own grant is its owner's, another's (session 28).
TENANT = "business_in_incubator"
# The facts that decide whose an employer's benefit is (if_hired / as_employer / employer_only).
ROLE_FACTS = frozenset({HIRING, "business_form", "employment_status", "job_seeking"})


def is_employer(profile: Profile) -> bool:
    """Runs a business of their own: could claim an employer's subsidy. The answer to 经营形式 decides;
    until it is known, being self-employed counts. A self-employed person who answered 没有 (only
    planning one, per the question's hint) has no business to hire for, so is never asked whether it hires.
    """
    values = profile.values
    form = values.get(FORM)
    if form is not None:
        return bool(form != NO_BUSINESS)
    return values.get("employment_status") == "self_employed"


def runs_no_business(profile: Profile) -> bool:
    """Said (or implied by being in a job, out of work or at school) to run no business, and no broker: no park,
    training base or studio of theirs — a provider's measure for its own unit is another's, decided, nothing of
    it left to confirm (session 43, issue 11)."""
    values = profile.values
    return values.get(FORM) == NO_BUSINESS and values.get(BROKER) is not True


def will_employ(profile: Profile) -> bool:
    """Session 37 (next38r): plans a business of their own and says it will hire (开个羊肉汤馆，雇两个帮工) — the
    employer-to-be. An employer's measure for hiring is then the planned business's (`as_employer`, with what its
    opening leaves to confirm), never the measure of some unit that would hire the person (`if_hired`)."""
    values = profile.values
    return not is_employer(profile) and values.get(PLANS_BUSINESS) is True and values.get(HIRING) is True


def on_the_hire_day(benefit: Benefit, profile: Profile, today: Outcome) -> Outcome:
    """Session 15: an employee was hired on a day before today; what the employer may claim for that hire
    is judged on that day (吸纳毕业年度高校毕业生: a 2018 graduate hired in 2018, asked about in 2019) —
    on `job_start_date` when given; else, when an earlier day would meet what today fails, that day is
    what decides (unknown on `job_start_date`), never a no judged as if hired today."""
    started = profile.values.get(JOB_START)
    if isinstance(started, date) and started <= profile.as_of:
        return evaluate(benefit.condition, profile.values, started)
    if today.value is not False:
        return today
    earlier = judge_hire(benefit.condition, profile, {})
    if earlier.value is not None:
        return today
    return Outcome(None, unknown=[Finding(f.requirement, f.cite, (JOB_START,)) for f in earlier.unknown])


def is_hired(profile: Profile) -> bool:
    """An employee not looking for another job: their hire has already happened."""
    values = profile.values
    return values.get("employment_status") == "employed" and values.get("job_seeking") is not True


def can_be_hired(profile: Profile) -> bool:
    """Unknown counts as hireable; a self-employed, retired or employed person only when looking for a job."""
    values = profile.values
    return values.get("employment_status") not in NOT_FOR_HIRE or values.get("job_seeking") is True
