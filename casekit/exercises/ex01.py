"""Exercises for notebook 01, the pilot analysis: base rates, missing data, false positives."""

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.exercises import context


def _flags(c):
    return c.model.predict(c.test), c.test["unemployed_12m"].to_numpy()


def _counts(c):
    flags, truth = _flags(c)
    return {
        "fp": int(((flags == 1) & (truth == 0)).sum()),
        "tn": int(((flags == 0) & (truth == 0)).sum()),
        "fn": int(((flags == 0) & (truth == 1)).sum()),
        "tp": int(((flags == 1) & (truth == 1)).sum()),
    }


base_rate = Question(
    name="base rate",
    context=context,
    truth=lambda c: c.citizens["unemployed_12m"].mean(),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: float(c.citizens["unemployed_12m"].sum()),
            "That is a count of citizens. The base rate is a share: divide by the number of citizens (or use .mean()).",
        ),
        Mistake(
            lambda c: 1 - c.citizens["unemployed_12m"].mean(),
            "That is the share who found work. unemployed_12m = 1 means still unemployed.",
        ),
        Mistake(
            lambda c: 100 * c.citizens["unemployed_12m"].mean(),
            "Close: that is a percentage. Give the share as a number between 0 and 1.",
        ),
    ],
    hints=[
        "The target column is unemployed_12m; 1 means still unemployed after 12 months.",
        "The mean of a 0/1 column is the share of ones.",
    ],
    worked='base_rate = citizens["unemployed_12m"].mean()',
    why="Most citizens find work within the year, so a 'model' that always says 'finds work' is right for most "
    "of them: 88.7 % must be compared with that, not with 50 %.",
)

missing_education = Question(
    name="education missing",
    context=context,
    truth=lambda c: c.citizens["education"].isna().mean(),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: float(c.citizens["education"].isna().sum()),
            "That is how many citizens lack an education on record. Give the share of all citizens.",
        ),
        Mistake(
            lambda c: c.citizens["education"].notna().mean(),
            "That is the share who did register an education. Count the missing ones (.isna()).",
        ),
    ],
    hints=[
        "Education is self-registered on Jobnet; missing values are NaN.",
        'citizens["education"].isna() marks the missing ones; take its mean.',
    ],
    worked='missing_education = citizens["education"].isna().mean()',
    why="Self-registered data have gaps, and they are not random: immigrants leave education out more often.",
)

false_positives = Question(
    name="false positives",
    context=context,
    truth=lambda c: _counts(c)["fp"],
    mistakes=[
        Mistake(
            lambda c: _counts(c)["fn"],
            "Those are the citizens the tree missed (still unemployed, not flagged). "
            "A false positive was flagged but found work.",
        ),
        Mistake(lambda c: _counts(c)["tp"], "Those were flagged and really were still unemployed: true positives."),
        Mistake(
            lambda c: _counts(c)["fp"] + _counts(c)["fn"], "That counts every error. Count only those wrongly flagged."
        ),
    ],
    hints=[
        'Flags: model.predict(test). Truth: test["unemployed_12m"].',
        "A false positive is flagged (prediction 1) while the truth is 0. Combine the two conditions with &.",
    ],
    worked='flags = model.predict(test)\nfalse_positives = ((flags == 1) & (test["unemployed_12m"] == 0)).sum()',
    why="Each of them is a citizen who found work but was marked as at risk of long-term unemployment.",
)

false_positive_rate = Question(
    name="false-positive rate",
    context=context,
    truth=lambda c: _counts(c)["fp"] / (_counts(c)["fp"] + _counts(c)["tn"]),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _counts(c)["fp"] / len(c.test),
            "You divided by all test citizens. The false-positive rate divides by those who found work (FP + TN).",
        ),
        Mistake(
            lambda c: _counts(c)["fp"] / (_counts(c)["fp"] + _counts(c)["tp"]),
            "That is the share of flags that are wrong (1 - precision). "
            "The false-positive rate asks: of those who found work, how many were flagged?",
        ),
        Mistake(
            lambda c: _counts(c)["fn"] / (_counts(c)["fn"] + _counts(c)["tp"]),
            "That is the false-negative rate: the share of the still-unemployed the tree missed.",
        ),
    ],
    hints=[
        "Start from your count of false positives.",
        "Divide by everyone who really found work: false positives plus true negatives.",
    ],
    worked='found_work = test["unemployed_12m"] == 0\n'
    "false_positive_rate = (model.predict(test)[found_work] == 1).mean()",
    why="This is the number Rasmus mentioned and Amin did not catch. Notebook 08 shows it is far from equal "
    "across districts.",
)

amin_should_ask = Reflection(
    name="what Amin should ask",
    hints=[
        "Think of what 88.7 % is compared with, how sure it is, and whom the errors hit.",
        "Which questions would a board need answered before deciding anything?",
    ],
    model_answer="Compared with what? (Always guessing 'finds work' is already right for most citizens.) "
    "How certain is 88.7 %? (Its 95 % confidence interval, from the size of the test set.) "
    "What kind of errors, and for whom? (Citizens wrongly flagged versus missed, and whether some "
    "districts bear more of them.) And what is the prediction for: which decision would it change?",
    theory="Sensemaking (Weick 1995): without these questions, a single striking number becomes the story.",
)

QUESTIONS = [base_rate, missing_education, false_positives, false_positive_rate, amin_should_ask]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
