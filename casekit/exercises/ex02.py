"""Exercises for notebook 02, the board meeting: what "88.7 %" means and what it hides.

Baseline, errors per caseworker, a confidence interval for the estate, the
certainty of single predictions, and what the board should have required.

>>> from casekit.exercises import ex02
>>> [q.name for q in ex02.QUESTIONS]  # doctest: +NORMALIZE_WHITESPACE
['majority baseline', 'wrongly flagged per caseworker', 'estate interval',
 'right in uncertain leaves', 'what the board should require']
"""

from functools import cache

import numpy as np
from scipy.stats import binomtest

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.codebook import ESTATE
from casekit.exercises import context
from casekit.model import TARGET
from casekit.thresholds import CASEWORKERS, CITIZENS_PER_YEAR


@cache
def _scored(c):
    """Probability, flag and truth for each test citizen; computed once per context, so checks stay fast."""
    return {
        "probability": c.model.predict_proba(c.test)[:, 1],
        "flagged": c.model.predict(c.test),
        "truth": c.test[TARGET].to_numpy(),
    }


def _baseline(c):
    """Accuracy on the test split of always guessing the training split's commoner outcome."""
    commoner = int(c.train[TARGET].mean() > 0.5)
    return float((c.test[TARGET] == commoner).mean())


def _accuracy(c):
    s = _scored(c)
    return float((s["flagged"] == s["truth"]).mean())


def _errors(c):
    """Wrongly flagged, missed and found-work counts on the test split at threshold 0.5."""
    s = _scored(c)
    flagged, truth = s["probability"] > 0.5, s["truth"]
    return {
        "fp": int((flagged & (truth == 0)).sum()),
        "fn": int((~flagged & (truth == 1)).sum()),
        "found_work": int((truth == 0).sum()),
    }


def _per_caseworker(count, c):
    """A count on the test split, scaled to one year and shared among the caseworkers."""
    return count * CITIZENS_PER_YEAR / len(c.test) / CASEWORKERS


def _wilson_width(c, where=None):
    """Width of the 95 % Wilson interval of the accuracy on the test citizens `where` is true, in points."""
    s = _scored(c)
    right = s["flagged"] == s["truth"]
    right = right if where is None else right[where]
    ci = binomtest(int(right.sum()), len(right)).proportion_ci(method="wilson")
    return 100 * (ci.high - ci.low)


def _in_estate(c):
    return (c.test["district"] == ESTATE).to_numpy()


def _uncertain(c, *, limit=0.7, by_probability=False):
    """The test citizens whose leaf is at most `limit` sure (or, wrongly, whose probability is at most `limit`)."""
    probability = _scored(c)["probability"]
    return (probability if by_probability else np.maximum(probability, 1 - probability)) <= limit


def _right_where(c, where):
    s = _scored(c)
    return float((s["flagged"] == s["truth"])[where].mean())


majority_baseline = Question(
    name="majority baseline",
    context=context,
    truth=_baseline,
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: float(c.test[TARGET].mean()),
            "That is the share still unemployed, the rarer outcome. The baseline always guesses the commoner one.",
        ),
        Mistake(
            lambda c: 100 * _baseline(c), "Close: that is a percentage. Give the accuracy as a share between 0 and 1."
        ),
        Mistake(_accuracy, "That is the pilot tree's own accuracy. The baseline is a 'model' that looks at nobody."),
        Mistake(
            lambda c: _accuracy(c) - _baseline(c),
            "That is what the tree adds over the baseline. The question asks for the baseline's own accuracy.",
        ),
    ],
    hints=[
        "Which outcome is commoner among the training citizens: found work (0) or still unemployed (1)?",
        "If a 'model' always guesses that outcome, it is right for every test citizen who really had it.",
        'DummyClassifier(strategy="most_frequent").fit(X_train, y_train).score(X_test, y_test) does it for you; '
        "so does the share of test citizens with the commoner outcome.",
    ],
    worked="from sklearn.dummy import DummyClassifier\n"
    'X_train, y_train = train[casekit.PILOT_FEATURES], train["unemployed_12m"]\n'
    'X_test, y_test = test[casekit.PILOT_FEATURES], test["unemployed_12m"]\n'
    'dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)\n'
    "majority_baseline = dummy.score(X_test, y_test)",
    why="A large part of 88.7 % comes for free: a rule with no data, no vendor and no budget already gets most "
    "citizens right. What the tree is worth is the distance above this line, and the case never says "
    "that anyone set it before the board.",
)

wrongly_flagged_per_caseworker = Question(
    name="wrongly flagged per caseworker",
    context=context,
    truth=lambda c: _per_caseworker(_errors(c)["fp"], c),
    tolerance=0.05,
    mistakes=[
        Mistake(
            lambda c: _errors(c)["fp"] * CITIZENS_PER_YEAR / len(c.test),
            "That is for the whole municipality in a year. Share it among the caseworkers.",
        ),
        Mistake(
            lambda c: _per_caseworker(_errors(c)["fn"], c),
            "Those are the missed citizens (still unemployed, not flagged). "
            "Wrongly flagged means flagged although they found work.",
        ),
        Mistake(
            lambda c: _per_caseworker(_errors(c)["fp"] + _errors(c)["fn"], c),
            "That counts every error, missed citizens included. Count only the wrongly flagged.",
        ),
        Mistake(
            lambda c: _errors(c)["fp"] / _errors(c)["found_work"] * CITIZENS_PER_YEAR / CASEWORKERS,
            "You multiplied the false-positive rate (a share of those who found work) by all citizens. "
            "Either use the count of wrongly flagged, or multiply the rate by those who found work only.",
        ),
        Mistake(
            lambda c: _errors(c)["fp"] / len(c.test) / CASEWORKERS,
            "That is a rate, not a number of citizens. Scale the share to the citizens in a year first.",
        ),
    ],
    hints=[
        "A wrongly flagged citizen has a probability above 0.5 but found work (unemployed_12m == 0).",
        "Count them on the test citizens, scale the count to casekit.CITIZENS_PER_YEAR second interviews, "
        "then share it among casekit.CASEWORKERS.",
        "casekit.threshold_summary(model, test, threshold=0.5) holds the answer under a long name: "
        'look for "per_caseworker".',
    ],
    worked="flagged = model.predict_proba(test)[:, 1] > 0.5\n"
    'wrongly_flagged = (flagged & (test["unemployed_12m"] == 0)).sum()\n'
    "wrongly_flagged_per_caseworker = wrongly_flagged * casekit.CITIZENS_PER_YEAR / len(test) / casekit.CASEWORKERS\n"
    '# or: casekit.threshold_summary(model, test, threshold=0.5)["wrongly_flagged_per_caseworker_per_year"]',
    why="An error rate in percent is abstract; a handful of named citizens on each caseworker's own list every "
    "year is not. Each of them found work but was marked as at risk, with what that may bring.",
)

estate_interval = Question(
    name="estate interval",
    context=context,
    truth=lambda c: _wilson_width(c, _in_estate(c)),
    tolerance=0.05,
    mistakes=[
        Mistake(
            lambda c: _wilson_width(c, _in_estate(c)) / 100,
            "Right idea, but that is a share. Give the width in percentage points, as the notebook does.",
        ),
        Mistake(
            lambda c: _wilson_width(c),
            "That is the interval for all the test citizens. Keep only those living in the estate.",
        ),
        Mistake(
            lambda c: _wilson_width(c, ~_in_estate(c)),
            "That is the rest of the municipality. Keep the estate's citizens instead.",
        ),
        Mistake(
            lambda c: _wilson_width(c, _in_estate(c)) / 2,
            "That is the margin on one side (the 'plus or minus'). The width runs from the lower to the upper bound.",
        ),
    ],
    hints=[
        "Keep the test citizens whose district is casekit.ESTATE.",
        "casekit.evaluate(model, those_citizens) reports ci_low and ci_high for the accuracy.",
        "The width in percentage points is (ci_high - ci_low) * 100.",
    ],
    worked='estate = test[test["district"] == casekit.ESTATE]\n'
    "result_estate = casekit.evaluate(model, estate)\n"
    "estate_interval = (result_estate.ci_high - result_estate.ci_low) * 100",
    why="The estate is only a small slice of the test citizens, so its interval is much wider than the one for "
    "everyone. Any claim about how well the tree works for Lyngtoften rests on far fewer people than "
    "the single figure suggests.",
)

right_in_uncertain_leaves = Question(
    name="right in uncertain leaves",
    context=context,
    truth=lambda c: _right_where(c, _uncertain(c)),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            _accuracy,
            "That is the accuracy over all test citizens. Keep only those in leaves that are at most 70 % sure.",
        ),
        Mistake(
            lambda c: float(_uncertain(c).mean()),
            "That is the share of citizens in such leaves. The question asks how often the tree is right for them.",
        ),
        Mistake(
            lambda c: _right_where(c, _uncertain(c, by_probability=True)),
            "You selected on the probability of staying unemployed. A leaf with probability 0.1 is 90 % sure "
            "of 'finds work': take the larger of p and 1 - p first.",
        ),
        Mistake(
            lambda c: 1 - _right_where(c, _uncertain(c)),
            "That is how often the tree is wrong for them. Give the share it gets right.",
        ),
    ],
    hints=[
        "probability = model.predict_proba(test)[:, 1] is the leaf's share still unemployed.",
        "How sure a leaf is: np.maximum(probability, 1 - probability), between 0.5 and 1.",
        'Make a 0/1 "right" array (model.predict(test) == test["unemployed_12m"]) and take its mean '
        "where the sureness is at most 0.7.",
    ],
    worked="probability = model.predict_proba(test)[:, 1]\n"
    "sureness = np.maximum(probability, 1 - probability)\n"
    'right = model.predict(test) == test["unemployed_12m"].to_numpy()\n'
    "right_in_uncertain_leaves = right[sureness <= 0.7].mean()",
    why="For these citizens the tree is not far from a coin flip, yet a caseworker's screen would show their "
    "flag just like everyone else's. 88.7 % is an average over very different citizens, not the certainty "
    "of any single prediction.",
)

what_the_board_should_require = Reflection(
    name="what the board should require",
    hints=[
        "Read the minutes again: what do they decide, and what do they leave open until the project is under way?",
        "Think of purpose, people, money, time and evidence. Which of them could the board have asked for "
        "in one short agenda item?",
    ],
    model_answer="Before approving, the board should have required: a problem the prediction is meant to solve "
    "and the decision it would change in a caseworker's day; a named owner on the ground with time "
    "to run it, not only a responsible director; a budget in money or hours; success criteria and a "
    "date to judge them, including what counts as failure and when to stop; and the evidence "
    "behind '88.7 %': the baseline, its uncertainty, how many citizens are wrongly flagged or "
    "missed, and whether those errors fall more on some districts. It could also have asked how "
    "citizens and caseworkers would be involved, and whether the use is lawful. Instead a solution "
    "(the pilot tree) met a choice opportunity (a weekly board item) and was approved before anyone "
    "named a problem, with its 'potential' to be found later. Nor did the meeting build real "
    "urgency or a coalition: the director made responsible said nothing, and the person who must "
    "deliver heard of it days before.",
    theory="The garbage-can model (Cohen, March & Olsen 1972): decisions happen when solutions, problems, "
    "participants and choice opportunities meet, not after a rational search. Kotter's eight steps "
    "(Kotter 1995): change fails without real urgency, a guiding coalition and a clear vision.",
)

QUESTIONS = [
    majority_baseline,
    wrongly_flagged_per_caseworker,
    estate_interval,
    right_in_uncertain_leaves,
    what_the_board_should_require,
]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
