"""Exercises for notebook 06, episode 5: when the score steers the job centre's effort.

Which policy looks most accurate, what helping those at risk does to the
estate's gap, how many citizens the slots reach, how much of the estate
creaming leaves out, and what Goodhart's law says about Torben's question.

Every check reads one small run of the feedback-loop simulation (three years
instead of the notebook's six, so it takes about a second), made once and kept
in memory: :func:`history`.

>>> from casekit.exercises import ex06
>>> [q.name for q in ex06.QUESTIONS]  # doctest: +NORMALIZE_WHITESPACE
['most accurate-looking policy', 'gap: at risk minus creaming', 'supported a year',
 'estate supported under creaming', "Goodhart and Torben's question"]
"""

from functools import lru_cache

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.simulation import compare_policies

#: The settings of the run every check reads: the notebook's defaults, with three years.
SETTINGS = dict(
    years=3, caseworkers=20, slots_per_caseworker=20, support_effect=1.5, citizens_per_year=2000, random_state=0
)
_CREAM, _AT_RISK, _RANDOM = "likely_to_find_work", "at_risk", "ignore_score"


@lru_cache(maxsize=1)
def _run():
    """``compare_policies(**SETTINGS)``, run once per session."""
    return compare_policies(**SETTINGS)


def history():
    """The four policies over three years: ``compare_policies(**SETTINGS)``, run once and kept in memory.

    A fresh copy each call, so changing it in a notebook never changes what the checks compare with.

    Returns
    -------
    pandas.DataFrame
        One row per policy and year, the columns of :func:`casekit.simulation.simulate`.

    Examples
    --------
    >>> run = history()
    >>> sorted(run["policy"].unique())
    ['at_risk', 'borderline', 'ignore_score', 'likely_to_find_work']
    >>> int(run["year"].max()) == SETTINGS["years"]
    True
    """
    return _run().copy()


@lru_cache(maxsize=1)
def _averages():
    """Each policy's averages over the years, one row per policy."""
    return _run().drop(columns="year").groupby("policy").mean(numeric_only=True)


def _year_one():
    return _run()[_run()["year"] == 1].set_index("policy")


# The test harness hands every truth the kit's shared context; these checks read the cached run instead,
# so `c` is not used.

most_accurate_looking = Question(
    name="most accurate-looking policy",
    context=history,
    truth=lambda c: _averages()["apparent_accuracy"].idxmax(),
    mistakes=[
        Mistake(
            lambda c: _averages()["gap"].idxmin(),
            "That policy narrows the estate's gap the most, which is a different thing from looking accurate. "
            "Average the apparent_accuracy column instead.",
        ),
        Mistake(
            lambda c: _averages()["unemployed_overall"].idxmin(),
            "That policy leaves the fewest citizens unemployed: what the job centre is for, not what the "
            "dashboard shows. Average the apparent_accuracy column instead.",
        ),
        Mistake(
            lambda c: _averages()["apparent_accuracy"].idxmax().replace("_", " "),
            "Right idea, but write the policy's name exactly as it stands in the table, with underscores.",
        ),
    ],
    hints=[
        "The dashboard figure is the column apparent_accuracy: how often that year's flags matched that "
        "year's outcomes. Average it over the years, one value per policy.",
        'history.groupby("policy")["apparent_accuracy"].mean() gives one value per policy; '
        ".idxmax() gives the name of the policy with the largest.",
    ],
    worked='accuracy = history.groupby("policy")["apparent_accuracy"].mean()\n'
    "most_accurate_looking = accuracy.idxmax()",
    why="Creaming looks best on the dashboard because the support goes to those the tree expected to find work "
    "anyway: its predictions come true partly because of whom the job centre chose to help. A high apparent "
    "accuracy says little about whether the job centre did any good.",
)

gap_difference = Question(
    name="gap: at risk minus creaming",
    context=history,
    truth=lambda c: _averages().loc[_AT_RISK, "gap"] - _averages().loc[_CREAM, "gap"],
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _averages().loc[_CREAM, "gap"] - _averages().loc[_AT_RISK, "gap"],
            "The sign is reversed: take at_risk's average gap minus likely_to_find_work's, in that order.",
        ),
        Mistake(
            lambda c: _year_one().loc[_AT_RISK, "gap"] - _year_one().loc[_CREAM, "gap"],
            "That is year 1 only. Average each policy's gap over all the years of the run first.",
        ),
        Mistake(
            lambda c: 100 * (_averages().loc[_AT_RISK, "gap"] - _averages().loc[_CREAM, "gap"]),
            "Close: that is in percentage points. Give the difference of the two shares, as in the table.",
        ),
        Mistake(
            lambda c: _averages().loc[_AT_RISK, "unemployed_estate"] - _averages().loc[_CREAM, "unemployed_estate"],
            "That compares unemployment in the estate only. The gap is the estate minus the rest: use the column gap.",
        ),
    ],
    hints=[
        "The column gap is the share still unemployed in the estate minus the share elsewhere, one value "
        "per policy and year.",
        'Average it per policy with history.groupby("policy")["gap"].mean(), then subtract: '
        'the value for "at_risk" minus the value for "likely_to_find_work".',
    ],
    worked='gaps = history.groupby("policy")["gap"].mean()\n'
    'gap_difference = gaps["at_risk"] - gaps["likely_to_find_work"]',
    why="Handing the slots to the citizens the tree flags reaches far more of the estate than creaming does, so "
    "the estate's gap is narrower, even though (question 1) the dashboard makes this policy look worse. "
    "Successful prevention makes a prediction look wrong.",
)

supported_per_year = Question(
    name="supported a year",
    context=history,
    truth=lambda c: float(_run()["supported"].mean()),
    tolerance=0.5,
    mistakes=[
        Mistake(
            lambda c: float(_run()["supported"].mean()) / SETTINGS["caseworkers"],
            "That is per caseworker. The question asks how many citizens the whole job centre supports a year.",
        ),
        Mistake(
            lambda c: float(_run()["supported"].mean()) * SETTINGS["years"],
            "That adds up all the years of one policy's run. Give the number for a single year.",
        ),
        Mistake(
            lambda c: float(_run()["supported"].sum()),
            "That adds up every row: all the years of all four policies. Give the number for a single year.",
        ),
        Mistake(
            lambda c: float(_run()["supported"].mean()) / SETTINGS["citizens_per_year"],
            "That is the share of the year's citizens. Give the number of citizens.",
        ),
    ],
    hints=[
        "Each row of history is one policy in one year; the column supported counts the citizens who got "
        "intensive support that year.",
        'Every row has the same capacity, so any row will do: history["supported"].iloc[0], or the mean of '
        "the column. Does it match caseworkers times slots?",
    ],
    worked='supported_per_year = history["supported"].mean()   # the same as 20 caseworkers x 20 slots',
    why="Capacity, not the score, decides how many are helped: the score only decides who. With most of the "
    "year's citizens left without intensive support, the choice of whom to help is where the job centre's "
    "values show.",
)

estate_supported_under_creaming = Question(
    name="estate supported under creaming",
    context=history,
    truth=lambda c: _averages().loc[_CREAM, "estate_share_supported"],
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: 100 * _averages().loc[_CREAM, "estate_share_supported"],
            "Close: that is a percentage. Give the share as a number between 0 and 1.",
        ),
        Mistake(
            lambda c: _averages().loc[_RANDOM, "estate_share_supported"],
            "That is the random draw (ignore_score). Pick the row for creaming, likely_to_find_work.",
        ),
        Mistake(
            lambda c: _averages().loc[_AT_RISK, "estate_share_supported"],
            "That is the policy that supports those at risk. Pick the row for creaming, likely_to_find_work.",
        ),
        Mistake(
            lambda c: SETTINGS["caseworkers"] * SETTINGS["slots_per_caseworker"] / SETTINGS["citizens_per_year"],
            "That is the share of all the year's citizens who get support. The question asks about the "
            "estate's citizens: use the column estate_share_supported.",
        ),
    ],
    hints=[
        "The column estate_share_supported is the share of the estate's citizens who got support that year.",
        'Average it per policy with groupby, then take the row "likely_to_find_work".',
    ],
    worked='estate_share = history.groupby("policy")["estate_share_supported"].mean()\n'
    'estate_supported_under_creaming = estate_share["likely_to_find_work"]',
    why="Compare it with the random draw: creaming leaves the estate's citizens almost without the mentors and "
    "training places. A flag that says 'people like you stay unemployed' then also means 'so you are not "
    "the one who gets help', and the prediction comes true.",
)

goodhart = Reflection(
    name="Goodhart and Torben's question",
    hints=[
        "Think about what a caseworker can change to improve the figure without helping anyone more.",
        "Once the figure is a target, what does it measure: the model, the citizens, or whom the caseworker "
        "chose to help? What would have to be compared to see what the help achieved?",
    ],
    model_answer="If each caseworker were judged on the share of citizens predicted to find work who did, the "
    "surest way to score badly is to spend the scarce support on the hardest cases, many of them in "
    "the estate: help there makes the tree's warnings look wrong. The measure pushes support away "
    "from those at risk, towards those who would have found work anyway (creaming). Nobody "
    "has to cheat: choosing whom to help is part of the job. The figure would rise while the job "
    "centre did less good, and it would stop telling management anything about the model or the "
    "citizens; it would mostly measure whom the caseworkers chose. A fairer measure compares "
    "outcomes with what would have happened anyway (like the random draw in the simulation, or a "
    "trial), looks at more than one figure (unemployment overall, the estate's gap), and starts "
    "from a decision about what the score is for. Torben's question deserved an answer from "
    "management before the tool went live.",
    theory="Goodhart's law (Goodhart 1975): a regularity collapses once pressure is placed on it for control. "
    "Campbell's law (Campbell 1979): an indicator used for decisions invites corruption pressures. "
    "Creaming under scarce resources: street-level bureaucracy (Lipsky 1980).",
)

QUESTIONS = [most_accurate_looking, gap_difference, supported_per_year, estate_supported_under_creaming, goodhart]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
