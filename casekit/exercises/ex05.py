"""Exercises for notebook 05, episode 4: the introduction meeting and the staff's questions about errors.

"Wrong in 10-15 %" split into citizens missed and wrongly flagged, a threshold
that keeps the wrong flags per caseworker within a limit, the threshold of least
harm under a stated cost table, the false-positive rate in the estate at a
stricter threshold, and what the staff's questions tell management.

>>> from casekit.exercises import ex05
>>> [q.name for q in ex05.QUESTIONS]  # doctest: +NORMALIZE_WHITESPACE
['share missed', 'threshold within the limit', 'least-harm threshold', 'estate false-positive rate',
 'what the questions tell management']
"""

from functools import cache

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.codebook import ESTATE
from casekit.exercises import context
from casekit.model import TARGET
from casekit.thresholds import THRESHOLDS
from casekit.thresholds import threshold_curve as _threshold_curve  # ex05.threshold_curve caches it

#: The slider's thresholds, 0.05 to 0.95 in steps of 0.05.
GRID = THRESHOLDS
#: The staff's limit: at most this many wrongly flagged citizens per caseworker per year.
MAX_WRONGLY_FLAGGED = 5
#: Laila's cost table: one wrongly flagged citizen as in the notebook (20 hours + a flag of 15), one missed
#: citizen six months without early help at 10 points a month.
COST_WRONGLY_FLAGGED, COST_MISSED = 35, 60
#: The notebook's own cost table, for the mistake of leaving it unchanged.
_NOTEBOOK_COST_MISSED = 30
#: A stricter threshold for the estate question.
STRICT = 0.7


def threshold_curve(c=None):
    """Return :func:`casekit.threshold_summary` for every threshold on the slider, one row per threshold.

    Computed once per context, so the checks stay fast.

    Examples
    --------
    >>> threshold_curve().index[[0, -1]].tolist()
    [0.05, 0.95]
    """
    return _curve(context() if c is None else c)


@cache
def _curve(c):
    return _threshold_curve(c.model, c.test, thresholds=GRID)


def _lowest_within(c, column, limit):
    meets = threshold_curve(c)[column] <= limit
    return float(meets[meets].index.min())


def _least_harm(c, cost_wrongly_flagged, cost_missed, *, value=False):
    curve = threshold_curve(c)
    harm = cost_wrongly_flagged * curve["wrongly_flagged_per_year"] + cost_missed * curve["missed_per_year"]
    return float(harm.min()) if value else float(harm.idxmin())


@cache
def _scored(c):
    """Probability, truth and estate membership of each test citizen; computed once per context."""
    return {
        "probability": c.model.predict_proba(c.test)[:, 1],
        "truth": c.test[TARGET].to_numpy(),
        "estate": (c.test["district"] == ESTATE).to_numpy(),
    }


def _estate_counts(c, threshold=STRICT, *, estate=True):
    """Wrongly flagged, flagged, found-work, missed and still-unemployed counts in the estate (or the rest)."""
    s = _scored(c)
    flagged, truth, group = s["probability"] > threshold, s["truth"], s["estate"] == estate
    return {
        "fp": int((flagged & (truth == 0) & group).sum()),
        "flagged": int((flagged & group).sum()),
        "found_work": int(((truth == 0) & group).sum()),
        "fn": int((~flagged & (truth == 1) & group).sum()),
        "unemployed": int(((truth == 1) & group).sum()),
        "all": int(group.sum()),
    }


def _fpr(counts):
    return counts["fp"] / counts["found_work"]


def _at_half(c, kind):
    return float(threshold_curve(c).loc[0.5, kind])


share_missed = Question(
    name="share missed",
    context=context,
    truth=lambda c: _at_half(c, "missed") / len(c.test),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _at_half(c, "missed") / (_at_half(c, "missed") + _at_half(c, "flagged_correctly")),
            "That is the false-negative rate: you divided by the citizens who stayed unemployed. The question "
            "asks for a share of all test citizens, as in the staff's '10-15 %'.",
        ),
        Mistake(
            lambda c: _at_half(c, "missed"),
            "That is how many citizens were missed. Give the share: divide by the number of test citizens.",
        ),
        Mistake(
            lambda c: 100 * _at_half(c, "missed") / len(c.test),
            "That number is bigger than one, so it is not a share of citizens (a percentage, or a figure per "
            "caseworker?). Give a share between 0 and 1 of all test citizens.",
        ),
        Mistake(
            lambda c: _at_half(c, "wrongly_flagged") / len(c.test),
            "That is the share wrongly flagged: citizens who found work but were flagged. "
            "A missed citizen stayed unemployed and was not flagged.",
        ),
        Mistake(
            lambda c: (_at_half(c, "wrongly_flagged") + _at_half(c, "missed")) / len(c.test),
            "That is every error together, the whole 'wrong in 10-15 %'. Count only the missed citizens.",
        ),
    ],
    hints=[
        "casekit.threshold_summary(model, test, threshold=0.5) counts the citizens 'missed' at the pilot's threshold.",
        "A share of all test citizens: divide the number missed by len(test).",
    ],
    worked='s = casekit.threshold_summary(model, test, threshold=0.5)\nshare_missed = s["missed"] / len(test)',
    why="The staff's '10-15 %' is two numbers of very different kinds. The missed citizens are the ones the "
    "prediction was meant to help: they stay unemployed and the tree says nothing about them.",
)

threshold_within_limit = Question(
    name="threshold within the limit",
    context=context,
    truth=lambda c: _lowest_within(c, "wrongly_flagged_per_caseworker_per_year", MAX_WRONGLY_FLAGGED),
    tolerance=0.01,
    mistakes=[
        Mistake(
            lambda c: float(threshold_curve(c).index.max()),
            "That threshold keeps within the limit, but so do many lower ones, which miss fewer citizens. "
            "Find the lowest threshold that keeps within it.",
        ),
        Mistake(
            lambda c: max(
                t for t in GRID if t < _lowest_within(c, "wrongly_flagged_per_caseworker_per_year", MAX_WRONGLY_FLAGGED)
            ),
            "At that threshold each caseworker still has more than five wrongly flagged citizens a year: it is "
            "the last one that breaks the limit. Look one step further along the grid.",
        ),
        Mistake(
            lambda c: _lowest_within(c, "wrongly_flagged_per_year", MAX_WRONGLY_FLAGGED),
            "That allows five wrongly flagged citizens a year for the whole job centre. The limit is five for "
            "each caseworker: use wrongly_flagged_per_caseworker_per_year.",
        ),
    ],
    hints=[
        "casekit.threshold_curve(model, test) gives threshold_summary for every threshold on the "
        "slider, one row per threshold.",
        "Keep the thresholds where wrongly_flagged_per_caseworker_per_year <= 5 and take the smallest.",
        'meets = curve["wrongly_flagged_per_caseworker_per_year"] <= 5, then meets[meets].index.min().',
    ],
    worked="curve = casekit.threshold_curve(model, test)\n"
    'meets = curve["wrongly_flagged_per_caseworker_per_year"] <= 5\n'
    "lowest_threshold = meets[meets].index.min()",
    why="Raising the threshold buys fewer wrong flags with more missed citizens, so the lowest threshold that "
    "meets the limit misses the fewest. A limit like 'at most five a year each' is something the caseworkers "
    "could have set themselves.",
)

least_harm_threshold = Question(
    name="least-harm threshold",
    context=context,
    truth=lambda c: _least_harm(c, COST_WRONGLY_FLAGGED, COST_MISSED),
    tolerance=0.01,
    mistakes=[
        Mistake(
            lambda c: _least_harm(c, COST_MISSED, COST_WRONGLY_FLAGGED),
            "The costs are the wrong way round: multiply the wrongly flagged per year by the cost of a wrong "
            "flag (35) and the missed per year by the cost of a missed citizen (60).",
        ),
        Mistake(
            lambda c: _least_harm(c, COST_WRONGLY_FLAGGED, _NOTEBOOK_COST_MISSED),
            "That is the least-harm threshold of the notebook's own cost table. Laila's table puts a missed "
            "citizen at 60 points.",
        ),
        Mistake(
            lambda c: _least_harm(c, COST_WRONGLY_FLAGGED, COST_MISSED, value=True),
            "That is the smallest total harm in points, not where it happens: use .idxmin() instead of .min().",
        ),
        Mistake(
            lambda c: COST_WRONGLY_FLAGGED / (COST_WRONGLY_FLAGGED + COST_MISSED),
            "That is the rule of thumb for perfectly calibrated probabilities (Elkan 2001). The question asks "
            "which threshold on the slider's grid gives the least harm on the test citizens.",
        ),
        Mistake(
            lambda c: 0.5,
            "That is the pilot's threshold, chosen before anyone wrote down a cost. Compute the total harm at "
            "every threshold on the grid.",
        ),
    ],
    hints=[
        "Total harm per year = 35 x wrongly_flagged_per_year + 60 x missed_per_year, at every threshold.",
        "Take the same table as in question 2 (casekit.threshold_curve), compute the harm column, and ask "
        "where it is smallest.",
        'harm = 35 * curve["wrongly_flagged_per_year"] + 60 * curve["missed_per_year"]; then harm.idxmin().',
    ],
    worked="curve = casekit.threshold_curve(model, test)\n"
    'harm = 35 * curve["wrongly_flagged_per_year"] + 60 * curve["missed_per_year"]\n'
    "least_harm_threshold = harm.idxmin()",
    why="The 'best' threshold moves as soon as someone changes the cost of a missed citizen. Laila and Valery would "
    "fill in the table differently, and so pick different thresholds: a value choice in numbers.",
)

estate_false_positive_rate = Question(
    name="estate false-positive rate",
    context=context,
    truth=lambda c: _fpr(_estate_counts(c)),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _fpr(_estate_counts(c, 0.5)),
            "That is the rate at the pilot's threshold of 0.5 (model.predict). Flag by hand: "
            "model.predict_proba(test)[:, 1] > 0.7.",
        ),
        Mistake(
            lambda c: _fpr(_estate_counts(c, estate=False)),
            "That is the rate for the rest of the municipality. Keep only the citizens of Lyngtoften (casekit.ESTATE).",
        ),
        Mistake(
            lambda c: _estate_counts(c)["fp"] / _estate_counts(c)["all"],
            "You divided by all the estate's test citizens. The false-positive rate divides by those in the "
            "estate who found work.",
        ),
        Mistake(
            lambda c: _estate_counts(c)["fp"] / _estate_counts(c)["flagged"],
            "That is the share of the estate's flags that are wrong. The false-positive rate asks: of the "
            "estate's citizens who found work, how many were flagged?",
        ),
        Mistake(
            lambda c: _estate_counts(c)["fn"] / _estate_counts(c)["unemployed"],
            "That is the false-negative rate: the estate's still-unemployed citizens who were not flagged.",
        ),
    ],
    hints=[
        'Flags at 0.7: model.predict_proba(test)[:, 1] > 0.7. The estate: test["district"] == casekit.ESTATE.',
        "Keep the test citizens who are in the estate and found work (unemployed_12m == 0), "
        "then take the mean of their flags.",
    ],
    worked="flagged = pd.Series(model.predict_proba(test)[:, 1] > 0.7, index=test.index)\n"
    'in_estate = test["district"] == casekit.ESTATE\n'
    'found_work = test["unemployed_12m"] == 0\n'
    "estate_fpr = flagged[in_estate & found_work].mean()",
    why="Even at a stricter threshold, a resident of Lyngtoften who finds work is far more likely to have been "
    "flagged than a neighbour elsewhere: moving the threshold shrinks the wrong flags but does not share them "
    "out fairly. (Few estate citizens found work in the test set, so the rate is uncertain.)",
)

what_the_questions_tell = Reflection(
    name="what the questions tell management",
    hints=[
        "Take the staff's four questions (use, change, errors and time, trust) one at a time: what was missing "
        "from the plan that made each of them necessary?",
        "Amin reads the silence before the meeting as consent and the muttering as a problem to handle later. "
        "What if both are information about the change, not about the caseworkers?",
    ],
    model_answer="The questions are a map of what the project had not decided. The questions about Fasit and "
    "about what changes in the work show that nobody had said what a flag does. The question about "
    "the 10-15 % of errors shows that nobody had said which errors are acceptable or who sets the "
    "threshold, and the worry about time with citizens cannot be settled until the first two are. "
    "The question of trust shows how the board's framing and the promise of a more professional job "
    "centre were heard on the floor. Calling this resistance would let managers blame the caseworkers for gaps the "
    "managers left; treating it as the staff making sense of an unclear change tells management what "
    "to decide, and with whom: the caseworkers could help set the threshold, the cost table and the "
    "work process. Answering the questions, and coming back when promised, is what keeps doubt from "
    "hardening into the resistance Amin fears.",
    theory="Resistance to change reconsidered (Ford, Ford & D'Amelio 2008): 'resistance' is partly a label change "
    "agents give to recipients' sensemaking, it is fed by the agents' own missing answers and broken "
    "agreements, and objections can be a resource that improves the change. Sensemaking (Weick 1995).",
)

QUESTIONS = [
    share_missed,
    threshold_within_limit,
    least_harm_threshold,
    estate_false_positive_rate,
    what_the_questions_tell,
]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
