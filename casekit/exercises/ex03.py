"""Exercises for notebook 03, episode 2: the pilot tree a year later, and a project nobody owns.

The tree's lead over guessing in 2019, its calibration, the false-positive rate
of immigrants after Jobnet's new form, and who holds the ball in a RACI chart.
"""

import pandas as pd

from casekit.case import raci_after_episode_2, raci_problems
from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.exercises import context
from casekit.model import TARGET


def _accuracy(c, group):
    return (c.model.predict(group) == group[TARGET].to_numpy()).mean()


def _baseline(group):
    share = group[TARGET].mean()
    return max(share, 1 - share)


def _calibration_gap(c, group, *, column=1):
    return c.model.predict_proba(group)[:, column].mean() - group[TARGET].mean()


def _rates(c, group, mask):
    """False-positive rate, false-negative rate and two wrong denominators within `mask`."""
    flags, truth = c.model.predict(group), group[TARGET].to_numpy()
    mask = mask.to_numpy()
    fp = ((flags == 1) & (truth == 0) & mask).sum()
    return {
        "fpr": fp / ((truth == 0) & mask).sum(),
        "fnr": ((flags == 0) & (truth == 1) & mask).sum() / ((truth == 1) & mask).sum(),
        "fp_of_group": fp / mask.sum(),
        "fp_of_flagged": fp / ((flags == 1) & mask).sum(),
    }


def _origin_starts(group, prefix):
    return group["origin"].astype(str).str.startswith(prefix)


def _everyone(group):
    return pd.Series(True, index=group.index)


def _answered_chart(*, amin_does=True, ebbe_stands_down=True):
    """The case chart after Laila's answer: Amin responsible for her tasks, Ebbe's A removed."""
    chart = raci_after_episode_2()
    if amin_does:
        chart.loc[chart["Laila"] == "A", "Amin"] = "R"
    if ebbe_stands_down:
        chart.loc[chart["Ebbe"] == "A", "Ebbe"] = ""
    return chart


def _tasks_with_problems(chart):
    return sum(any(line.startswith(repr(task)) for line in raci_problems(chart)) for task in chart.index)


lead_over_guessing = Question(
    name="lead over guessing in 2019",
    context=context,
    truth=lambda c: _accuracy(c, c.cohort_2019) - _baseline(c.cohort_2019),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _accuracy(c, c.cohort_2019),
            "That is the tree's accuracy on 2019 by itself. Subtract what a guess with no model would score "
            "on the same citizens.",
        ),
        Mistake(
            lambda c: _accuracy(c, c.cohort_2019) - c.cohort_2019[TARGET].mean(),
            "You subtracted the base rate. The no-model guess gives everyone the most common outcome, so its "
            "accuracy is the larger of the base rate and one minus it.",
        ),
        Mistake(
            lambda c: _accuracy(c, c.cohort_2019) - _baseline(c.test),
            "You compared 2019's accuracy with the pilot test's baseline. The baseline must be for the same "
            "citizens: the 2019 cohort.",
        ),
        Mistake(
            lambda c: _accuracy(c, c.test) - _baseline(c.test),
            "That is the lead the pilot measured on its own test citizens. Score the 2019 cohort instead.",
        ),
        Mistake(
            lambda c: 100 * (_accuracy(c, c.cohort_2019) - _baseline(c.cohort_2019)),
            "Close: that is in percentage points. Give the difference of two shares, between -1 and 1.",
        ),
    ],
    hints=[
        "Two numbers for the 2019 cohort: the tree's accuracy, and the accuracy of always guessing the most "
        "common outcome. casekit.evaluate gives both.",
        "result = casekit.evaluate(model, cohort_2019); the lead is result.accuracy minus result.baseline.",
    ],
    worked="later = casekit.evaluate(model, cohort_2019)\nlead_over_guessing = later.accuracy - later.baseline",
    why="The accuracy falls only a little, but most of the tree's lead over a no-model guess is gone. "
    "Nobody watching the 88.7 % alone would see it, and in episode 2 nobody is watching at all.",
)

calibration_gap = Question(
    name="calibration gap in 2019",
    context=context,
    truth=lambda c: _calibration_gap(c, c.cohort_2019),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: -_calibration_gap(c, c.cohort_2019),
            "The size is right but the sign is not: take the predicted probability minus the observed share.",
        ),
        Mistake(
            lambda c: c.model.predict(c.cohort_2019).mean() - c.cohort_2019[TARGET].mean(),
            "You used the flags (0 or 1) from predict(). The calibration gap compares the probabilities: "
            "predict_proba(...)[:, 1].",
        ),
        Mistake(
            lambda c: _calibration_gap(c, c.cohort_2019, column=0),
            "Column 0 of predict_proba is the probability of finding work. Still unemployed is column 1.",
        ),
        Mistake(
            lambda c: _calibration_gap(c, c.test),
            "That is the gap on the pilot's test citizens, where the tree is about right. Use cohort_2019.",
        ),
        Mistake(
            lambda c: 100 * _calibration_gap(c, c.cohort_2019),
            "Close: that is in percentage points. Give the difference of two shares, between -1 and 1.",
        ),
    ],
    hints=[
        "The average predicted risk is the mean of the tree's probabilities of still being unemployed; "
        "the observed share is the mean of unemployed_12m.",
        'model.predict_proba(cohort_2019)[:, 1].mean() minus cohort_2019["unemployed_12m"].mean().',
    ],
    worked="predicted = model.predict_proba(cohort_2019)[:, 1].mean()\n"
    'observed = cohort_2019["unemployed_12m"].mean()\n'
    "calibration_gap = predicted - observed",
    why="The tree's probabilities were learnt in harder years. After the boom, a citizen it calls high-risk is far "
    "less likely to stay unemployed than it says: a caseworker reading the score as a probability would be misled.",
)

immigrant_false_positive_rate = Question(
    name="false-positive rate of immigrants in 2019",
    context=context,
    truth=lambda c: _rates(c, c.cohort_2019, _origin_starts(c.cohort_2019, "immigrant"))["fpr"],
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _rates(c, c.test, _origin_starts(c.test, "immigrant"))["fpr"],
            "That is the rate on the pilot's test citizens. The question is about the 2019 cohort.",
        ),
        Mistake(
            lambda c: _rates(c, c.cohort_2019, ~_origin_starts(c.cohort_2019, "immigrant"))["fpr"],
            "That is everyone who is not an immigrant. Keep the citizens whose origin starts with 'immigrant'.",
        ),
        Mistake(
            lambda c: _rates(c, c.cohort_2019, _everyone(c.cohort_2019))["fpr"],
            "That is the false-positive rate of the whole 2019 cohort. Keep only the immigrants.",
        ),
        Mistake(
            lambda c: _rates(c, c.cohort_2019, c.cohort_2019["origin"].astype(str) == "immigrant, non-western")["fpr"],
            "You kept only non-western immigrants. Jobnet's new form hits western immigrants too: "
            "keep every origin that starts with 'immigrant'.",
        ),
        Mistake(
            lambda c: _rates(c, c.cohort_2019, _origin_starts(c.cohort_2019, "immigrant"))["fp_of_group"],
            "You divided by all immigrants. The false-positive rate divides by the immigrants who found work.",
        ),
        Mistake(
            lambda c: _rates(c, c.cohort_2019, _origin_starts(c.cohort_2019, "immigrant"))["fp_of_flagged"],
            "You divided by the flagged immigrants: that is the share of flags that are wrong. "
            "The false-positive rate asks: of the immigrants who found work, how many were flagged?",
        ),
        Mistake(
            lambda c: _rates(c, c.cohort_2019, _origin_starts(c.cohort_2019, "immigrant"))["fnr"],
            "That is the false-negative rate: the share of still-unemployed immigrants the tree missed.",
        ),
    ],
    hints=[
        'Three masks on cohort_2019: immigrant (origin starts with "immigrant"), found work (unemployed_12m == 0), '
        "and flagged (model.predict(...) == 1).",
        "Among the immigrants who found work, take the mean of flagged: flagged[immigrant & found_work].mean().",
        'immigrant = cohort_2019["origin"].astype(str).str.startswith("immigrant")',
    ],
    worked="flagged = model.predict(cohort_2019) == 1\n"
    'immigrant = cohort_2019["origin"].astype(str).str.startswith("immigrant")\n'
    'found_work = cohort_2019["unemployed_12m"] == 0\n'
    "immigrant_false_positive_rate = flagged[(immigrant & found_work).to_numpy()].mean()",
    why="Immigrants with a foreign degree that Jobnet's new form records as primary school look unskilled to the tree. "
    "They are flagged as at risk while finding work anyway, far more often than other citizens, and nothing in "
    "the flag tells them or their caseworker why.",
)

problems_after_answer = Question(
    name="RACI problems after Laila answers",
    context=context,
    truth=lambda c: len(raci_problems(_answered_chart())),
    mistakes=[
        Mistake(
            lambda c: len(raci_problems(raci_after_episode_2())),
            "That is the count for the chart as the case leaves it. Make the two changes first, on a copy.",
        ),
        Mistake(
            lambda c: len(raci_problems(_answered_chart(ebbe_stands_down=False))),
            "Ebbe's A is still on the last task, so it has two people accountable. Empty his cell too.",
        ),
        Mistake(
            lambda c: len(raci_problems(_answered_chart(amin_does=False))),
            "Amin is still only informed. Make him responsible (R) for the four tasks Laila answers for.",
        ),
        Mistake(
            lambda c: _tasks_with_problems(_answered_chart()),
            "You counted tasks with a problem. Some tasks have more than one; count the problems, "
            "i.e. the length of the list raci_problems returns.",
        ),
    ],
    hints=[
        "Start from chart = case_chart.copy(), change it with .loc, then count the list that "
        "casekit.case.raci_problems(chart) returns.",
        'chart.loc[tasks_laila_answers_for, "Amin"] = "R" and chart.loc["decide to start, pause or stop", '
        '"Ebbe"] = ""; then len(casekit.case.raci_problems(chart)).',
    ],
    worked="chart = case_chart.copy()\n"
    'lailas_tasks = case_chart.index[case_chart["Laila"] == "A"]\n'
    'chart.loc[lailas_tasks, "Amin"] = "R"\n'
    'chart.loc["decide to start, pause or stop", "Ebbe"] = ""\n'
    "problems_after_answer = len(casekit.case.raci_problems(chart))",
    why="Answering Amin's 'what should I do?' fixes the tasks Laila already answers for, and nothing else. The "
    "tasks nobody was given (the purpose, the money, the data, the citizens, the bias check) still have no one "
    "to answer for them or do them, and watching the tree as the world moves is not even a row.",
)

many_hands = Reflection(
    name="who is to blame for the stall",
    hints=[
        "List who had a part: the board, Ebbe, Laila, Lars, Rasmus, the vendor, Amin. What did each wait for?",
        "Is anyone to blame if each person acted reasonably? What would have made one person answerable, "
        "and for what exactly (also for a tree that goes stale)?",
    ],
    model_answer="No single person is to blame, and that is the problem. The board approved without a budget or a "
    "next step; Laila answered for 'implementation' but had nobody to do it and no one to ask; Amin "
    "waited for a clear order; Lars and Rasmus waited for the vendor. Each acted reasonably, so the "
    "stall belongs to everyone and no one. The remedy is organisational, not moral: one named owner "
    "with the authority, the time and the money to act, a first concrete step and a date, and someone "
    "explicitly given the job of watching the model's inputs and outcomes over time, with the right to "
    "pause it. The same gap that left the project on the shelf would have left the drift of 2019 unseen.",
    theory="The problem of many hands (Thompson 1980): when many officials contribute to an outcome in small ways, "
    "it becomes hard to hold any one of them responsible, so responsibility must be assigned in advance.",
)

QUESTIONS = [lead_over_guessing, calibration_gap, immigrant_false_positive_rate, problems_after_answer, many_hands]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
