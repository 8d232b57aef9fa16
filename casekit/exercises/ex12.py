"""Exercises for notebook 12, the epilogue: real systems, and Austria's three groups in the kit's world.

The pilot tree's scores turned into a chance of work and cut at AMS's thresholds:
the size of the middle group, the estate's share of the low group, the estate's
citizens who found work yet land in the low group, and what "a caseworker makes
the final decision" is worth to them.

>>> from casekit.exercises import ex12
>>> [q.name for q in ex12.QUESTIONS]  # doctest: +NORMALIZE_WHITESPACE
['middle group', 'estate share in the low group', 'found work, put in the low group',
 'a human decides']
"""

from functools import cache

import numpy as np

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.codebook import ESTATE
from casekit.exercises import context
from casekit.model import TARGET

#: AMS's thresholds on the estimated chance of work: high above, low below.
HIGH, LOW = 0.66, 0.25


@cache
def _facts(c):
    """The tree's chance of being still unemployed, the truth and who lives in the estate; computed once per context."""
    p_unemployed = c.model.predict_proba(c.test)[:, 1]
    return {
        "p_unemployed": p_unemployed,
        "p_work": 1 - p_unemployed,
        "found_work": c.test[TARGET].to_numpy() == 0,
        "estate": (c.test["district"] == ESTATE).to_numpy(),
    }


def _groups(c, *, converted=True):
    """'high', 'middle' or 'low' for each test citizen; `converted=False` forgets to turn the score around."""
    p = _facts(c)["p_work" if converted else "p_unemployed"]
    return np.select([p > HIGH, p < LOW], ["high", "low"], "middle")


def _share(c, *, among, of="low", converted=True):
    """Share of the citizens selected by `among` who are in group `of`."""
    return float((_groups(c, converted=converted)[among] == of).mean())


def _low_found_work(c, *, estate=True):
    f = _facts(c)
    return f["found_work"] & (f["estate"] if estate else ~f["estate"])


middle_group = Question(
    name="middle group",
    context=context,
    truth=lambda c: int((_groups(c) == "middle").sum()),
    mistakes=[
        Mistake(
            lambda c: int((_groups(c, converted=False) == "middle").sum()),
            "You cut the tree's chance of being STILL UNEMPLOYED at 0.25 and 0.66. AMS's thresholds are on the "
            "chance of finding work: use 1 - model.predict_proba(test)[:, 1].",
        ),
        Mistake(
            lambda c: float((_groups(c) == "middle").mean()),
            "That is the middle group's share of the test citizens. The question asks how many citizens.",
        ),
        Mistake(
            lambda c: int((_groups(c) == "high").sum()),
            "That is the high group (a chance of work above 0.66). The middle group lies between 0.25 and 0.66.",
        ),
        Mistake(
            lambda c: int((_groups(c) == "low").sum()),
            "That is the low group (a chance of work below 0.25). The middle group lies between 0.25 and 0.66.",
        ),
    ],
    hints=[
        "model.predict_proba(test)[:, 1] is the chance of being still unemployed a year later; the chance of "
        "work is one minus that.",
        "Count the citizens whose chance of work is at least LOW (0.25) and at most HIGH (0.66): "
        "((p_work >= LOW) & (p_work <= HIGH)).sum().",
    ],
    worked="p_work = 1 - model.predict_proba(test)[:, 1]\n"
    "middle_group = int(((p_work >= LOW) & (p_work <= HIGH)).sum())",
    why="In Austria the middle group was meant to get the most support. Compare its size with the other two "
    "groups: where the thresholds fall decides how many people the most help is even meant for.",
)

estate_low_share = Question(
    name="estate share in the low group",
    context=context,
    truth=lambda c: _share(c, among=_facts(c)["estate"]),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _share(c, among=_facts(c)["estate"], converted=False),
            "You forgot to turn the score around: the low group is a chance of WORK below 0.25, that is "
            "1 - model.predict_proba(test)[:, 1] < 0.25.",
        ),
        Mistake(
            lambda c: float(_facts(c)["estate"][_groups(c) == "low"].mean()),
            "That is the share of the low group who live in Lyngtoften. The question turns it around: of "
            "Lyngtoften's citizens, what share are in the low group?",
        ),
        Mistake(
            lambda c: _share(c, among=~_facts(c)["estate"]),
            "That is the share for the rest of the municipality. The question asks about Lyngtoften.",
        ),
        Mistake(
            lambda c: _share(c, among=np.ones(len(c.test), bool)),
            "That is the low group's share of all test citizens. Keep only the residents of Lyngtoften.",
        ),
        Mistake(
            lambda c: int((_groups(c)[_facts(c)["estate"]] == "low").sum()),
            "That is how many of Lyngtoften's citizens are in the low group. Give it as a share of all of them.",
        ),
    ],
    hints=[
        "Make the groups first: the low group is every citizen whose chance of work (1 - the tree's "
        "probability of still being unemployed) is below LOW.",
        "Then keep the citizens with test[\"district\"] == ESTATE and take the mean of 'is in the low group'.",
    ],
    worked="p_work = 1 - model.predict_proba(test)[:, 1]\n"
    'in_estate = (test["district"] == ESTATE).to_numpy()\n'
    "estate_low_share = (p_work[in_estate] < LOW).mean()",
    why="Compare it with the rest of the municipality: cut at AMS's thresholds, the pilot tree would put far more "
    "of the estate than of the rest in the group with the poorest chances. Part of that reflects a real "
    "difference in outcomes; the next question looks at the people it does not fit.",
)

found_work_low = Question(
    name="found work, put in the low group",
    context=context,
    truth=lambda c: _share(c, among=_low_found_work(c)),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: float(
                (_facts(c)["estate"] & _facts(c)["found_work"] & (_groups(c) == "low")).sum()
                / _facts(c)["estate"].sum()
            ),
            "You divided by all of Lyngtoften's test citizens. Divide by those who found work (unemployed_12m == 0).",
        ),
        Mistake(
            lambda c: _share(c, among=_low_found_work(c, estate=False)),
            "That is the share for citizens who found work in the rest of the municipality. The question "
            "asks about Lyngtoften.",
        ),
        Mistake(
            lambda c: _share(c, among=_facts(c)["found_work"]),
            "That is the share for everyone who found work. Keep only the residents of Lyngtoften.",
        ),
        Mistake(
            lambda c: _share(c, among=_facts(c)["estate"] & ~_facts(c)["found_work"]),
            "Those are the estate's citizens who were STILL unemployed (unemployed_12m == 1). The question asks "
            "about those who found work (unemployed_12m == 0).",
        ),
        Mistake(
            lambda c: int((_groups(c)[_low_found_work(c)] == "low").sum()),
            "That is how many there are. Give it as a share of Lyngtoften's citizens who found work.",
        ),
    ],
    hints=[
        'Two conditions pick the citizens: test["district"] == ESTATE and test["unemployed_12m"] == 0.',
        "Among those citizens, take the mean of (p_work < LOW).",
    ],
    worked="p_work = 1 - model.predict_proba(test)[:, 1]\n"
    'chosen = ((test["district"] == ESTATE) & (test["unemployed_12m"] == 0)).to_numpy()\n'
    "found_work_low = (p_work[chosen] < LOW).mean()",
    why="Every one of these citizens found work within the year, yet the score would have placed them among the "
    "poorest chances. Compare the rest of the municipality, and look at the count behind the share: few of "
    "the estate's citizens found work, so the share rests on few people.",
)

a_human_decides = Reflection(
    name="a human decides",
    hints=[
        "Think about what the caseworker sees, when, and how much time there is to look past it.",
        "The Austrian data protection authority and the Federal Administrative Court disagreed about exactly "
        "this. What would have to be true of the job centre for the caseworker's decision to be a real one?",
    ],
    model_answer="A caseworker's final say protects the citizen only if the caseworker has the time, the "
    "information and the standing to depart from the score, and does so visibly. If the group is on "
    "the screen before the meeting, meetings are short and departures must be justified while "
    "agreements need no reason, the score becomes the decision in practice and the caseworker its "
    "signature. For the Lyngtoften resident who found work yet was put in the low group, a real check "
    "would mean: she is told her group and what it rests on (including her address), her caseworker "
    "is expected to test it against what she says, a departure costs no more effort than agreement, "
    "the job centre counts how often caseworkers depart and for whom, and she can contest the group. "
    "Without that, 'a human decides' is a legal formula, not a protection.",
    theory="Street-level bureaucracy (Lipsky 1980): frontline workers under pressure ration their time through "
    "routines, so a ready-made score becomes the routine. From street-level to system-level bureaucracy "
    "(Bovens & Zouridis 2002): as decisions move into information systems, discretion shifts from the "
    "caseworker to the designers of the system.",
)

QUESTIONS = [middle_group, estate_low_share, found_work_low, a_human_decides]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
