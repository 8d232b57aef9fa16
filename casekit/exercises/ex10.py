"""Exercises for notebook 10, episode 9: the union's letter.

How often the tree's reasons for flagging an estate resident include their
address, what a caseworker's overrides (*socialfagligt skøn*) do to the flags,
the accuracy and the estate's false-positive rate, and a draft answer to the
union's question about professional discretion.
"""

from functools import lru_cache

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.codebook import ESTATE
from casekit.discretion import human_in_the_loop
from casekit.exercises import context
from casekit.explain import facts_used
from casekit.model import TARGET


@lru_cache(maxsize=1)
def _decisions():
    """The caseworker's decisions with the default override rules, on the test split (cached).

    Examples
    --------
    >>> sorted(_decisions()["override"].unique())
    ['', 'added', 'lifted']
    """
    c = context()
    return human_in_the_loop(c.model, c.test)


@lru_cache(maxsize=1)
def _masks():
    """Flagged, in the estate, and path asks about district: three boolean arrays over the test split (cached)."""
    c = context()
    flagged = c.model.predict(c.test) == 1
    estate = (c.test["district"] == ESTATE).to_numpy()
    district = facts_used(c.model, c.test)["district"].to_numpy()
    return flagged, estate, district


def _district_share(among="flagged estate"):
    """Flagged estate citizens whose path asks about their district, as a share of the citizens in `among`."""
    flagged, estate, district = _masks()
    hits = (flagged & estate & district).sum()
    denominators = {"flagged estate": (flagged & estate).sum(), "estate": estate.sum(), "flagged": flagged.sum()}
    return hits / denominators[among]


def _overrides(kind):
    override = _decisions()["override"]
    return int((override == kind).sum()) if kind else int((override != "").sum())


def _overrides_right(c):
    """The share of overrides that undid one of the tree's errors."""
    overridden = _decisions()["override"] != ""
    return (_decisions()["model_flag"] != (c.test[TARGET] == 1))[overridden].mean()


def _accuracy(c, column):
    return (_decisions()[column] == (c.test[TARGET] == 1)).mean()


def _estate_rate(c, column, *, rate="fpr", group="estate"):
    """A rate of the flags in `column` for the estate, the rest of the municipality or everyone."""
    flags, truth = _decisions()[column], c.test[TARGET]
    in_estate = c.test["district"] == ESTATE
    where = {"estate": in_estate, "rest": ~in_estate, "everyone": in_estate | ~in_estate}[group]
    found_work = truth == 0
    if rate == "fpr":
        return flags[where & found_work].mean()
    if rate == "fnr":
        return (~flags[where & ~found_work]).mean()
    if rate == "fp_of_group":
        return (flags & where & found_work).sum() / where.sum()
    return (flags & where & found_work).sum() / (flags & where).sum()  # the share of flags that are wrong


district_in_reasons = Question(
    name="district among the reasons",
    context=context,
    truth=lambda c: _district_share(),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: float((_masks()[0] & _masks()[1] & _masks()[2]).sum()),
            "That is how many citizens. Give the share: divide by the flagged estate citizens.",
        ),
        Mistake(
            lambda c: (_masks()[0] & _masks()[2]).sum() / _masks()[0].sum(),
            "That is for every flagged citizen in the municipality. Keep only those living in Lyngtoften.",
        ),
        Mistake(
            lambda c: _district_share(among="estate"),
            "You divided by all estate citizens in the test split. The question is about those the tree flags.",
        ),
        Mistake(
            lambda c: _district_share(among="flagged"),
            "You divided by every flagged citizen. Divide by the flagged citizens of the estate only.",
        ),
        Mistake(
            lambda c: _masks()[2][_masks()[1]].mean(),
            "That includes estate citizens the tree did not flag. Keep only the flagged ones: they are the ones "
            "who would get the letter.",
        ),
    ],
    hints=[
        "facts_used(model, test) gives one True/False column per fact: does this citizen's path through the "
        'tree ask about it? Combine its "district" column with two more masks.',
        'flagged = model.predict(test) == 1 and in_estate = test["district"] == casekit.ESTATE.',
        'Count flagged & in_estate & used["district"], then divide by the count of flagged & in_estate.',
    ],
    worked="used = facts_used(model, test)\n"
    "flagged = model.predict(test) == 1\n"
    'in_estate = test["district"] == casekit.ESTATE\n'
    'district_in_reasons = (flagged & in_estate & used["district"]).sum() / (flagged & in_estate).sum()',
    why="For most flagged estate residents, an honest letter must say that where they live is among the reasons. "
    "That is the one reason a citizen cannot correct, because the address is right, and it is the heart of "
    "the union's question about equal treatment (forskelsbehandling).",
)

flags_lifted = Question(
    name="flags the caseworker lifts",
    context=context,
    truth=lambda c: _overrides("lifted"),
    mistakes=[
        Mistake(
            lambda c: _overrides("added"),
            "Those are the flags the caseworker adds to citizens the tree let pass. Count the ones she lifts.",
        ),
        Mistake(
            lambda c: _overrides(None), "That counts every override, added and lifted. Count only the flags she lifts."
        ),
        Mistake(
            lambda c: int(_decisions()["model_flag"].sum()),
            "That is how many citizens the tree flags. Count those whose flag the caseworker takes away.",
        ),
        Mistake(
            lambda c: _overrides("lifted") / len(c.test),
            "That is a share of the test citizens. The question asks how many: give a count.",
        ),
    ],
    hints=[
        'The table from human_in_the_loop has a column "override": "lifted", "added" or empty.',
        '(decisions["override"] == "lifted").sum()',
    ],
    worked="decisions = casekit.discretion.human_in_the_loop(model, test)\n"
    'flags_lifted = (decisions["override"] == "lifted").sum()',
    why="With these rules the caseworker takes flags away far more often than she adds them: discretion here mostly "
    "means saying no to the screen. Every lifted flag is a judgement somebody must be able to explain, to the "
    "citizen, to Torben and, now, perhaps to the Ombudsman.",
)

accuracy_after_overrides = Question(
    name="accuracy after overriding",
    context=context,
    truth=lambda c: _accuracy(c, "final_flag"),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _accuracy(c, "model_flag"),
            "That is the tree's own accuracy, before anyone overrides it. Compare the final flags (final_flag) "
            "with the truth.",
        ),
        Mistake(
            lambda c: _overrides_right(c),
            "That is the share of the overrides that undid an error of the tree. The question asks how often "
            "the final flags are right for all test citizens.",
        ),
        Mistake(
            lambda c: 1 - _accuracy(c, "final_flag"),
            "That is the share the final flags get wrong. A final flag is right when it is True for a citizen "
            "still unemployed (unemployed_12m == 1) and False for one who found work.",
        ),
        Mistake(
            lambda c: 100 * _accuracy(c, "final_flag"),
            "Close: that is a percentage. Give the share as a number between 0 and 1.",
        ),
    ],
    hints=[
        "A final flag is right when it matches the truth: flagged and still unemployed, or not flagged and in work.",
        'Compare decisions["final_flag"] with test["unemployed_12m"] == 1 and take the mean.',
    ],
    worked="decisions = casekit.discretion.human_in_the_loop(model, test)\n"
    'accuracy_after_overrides = (decisions["final_flag"] == (test["unemployed_12m"] == 1)).mean()',
    why="Accuracy falls below the tree's 88.7 %: with only the facts recorded in Fasit, the overrides make more "
    "errors than they undo. Discretion does not make the tree 'more right'; it decides which errors the job "
    "centre would rather make, and that choice belongs to people, not to the model.",
)

estate_fpr_after_overrides = Question(
    name="estate false-positive rate after overriding",
    context=context,
    truth=lambda c: _estate_rate(c, "final_flag"),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _estate_rate(c, "model_flag"),
            "That is the rate for the tree's flags, before overriding. Use the final flags.",
        ),
        Mistake(
            lambda c: _estate_rate(c, "final_flag", group="everyone"),
            "That is the rate for the whole test split. Keep only the residents of Lyngtoften.",
        ),
        Mistake(
            lambda c: _estate_rate(c, "final_flag", group="rest"),
            "That is the rest of the municipality. The question is about the estate, Lyngtoften.",
        ),
        Mistake(
            lambda c: _estate_rate(c, "final_flag", rate="fp_of_group"),
            "You divided by all estate citizens. The false-positive rate divides by the estate citizens who "
            "found work.",
        ),
        Mistake(
            lambda c: _estate_rate(c, "final_flag", rate="fp_of_flagged"),
            "You divided by the flagged estate citizens: that is the share of flags that are wrong. "
            "The false-positive rate asks: of the estate citizens who found work, how many are flagged?",
        ),
        Mistake(
            lambda c: _estate_rate(c, "final_flag", rate="fnr"),
            "That is the false-negative rate: the share of the estate's still-unemployed citizens left without a flag.",
        ),
    ],
    hints=[
        "Two masks on test: in the estate (district == casekit.ESTATE) and found work (unemployed_12m == 0).",
        'Among the estate citizens who found work, take the mean of decisions["final_flag"].',
        'decisions["final_flag"][in_estate & found_work].mean()',
    ],
    worked="decisions = casekit.discretion.human_in_the_loop(model, test)\n"
    'in_estate = test["district"] == casekit.ESTATE\n'
    'found_work = test["unemployed_12m"] == 0\n'
    'estate_fpr_after_overrides = decisions["final_flag"][in_estate & found_work].mean()',
    why="Fewer estate residents who find work anyway carry a needless flag. But most of the estate flags the "
    "caseworker lifts belonged to citizens who stayed unemployed, so the estate's false-negative rate rises: "
    "the errors have moved, not gone. Look at both rates before calling an override fairer.",
)

reply_on_discretion = Reflection(
    name="reply to the union on discretion",
    hints=[
        "The union's third question: can the caseworker still exercise professional judgement (socialfagligt "
        "skøn) when data steers the effort? Answer as the municipality, honestly, in a short paragraph.",
        "Use what you computed: what did overriding do to accuracy, and to whom? Then ask what a busy caseworker "
        "facing 'at risk' on a screen would really do, and who must explain an override, and who a followed flag.",
        "Name a commitment the municipality could make: e.g. the flag never decides alone, overrides need no more "
        "justification than following the flag, and someone reviews both.",
    ],
    model_answer="Yes, in principle: the flag would be one piece of information, and the caseworker would decide, "
    "with the citizen, what happens next. But we cannot claim that judgement is untouched. In our own "
    "simulation, caseworkers who overrode the tree using what Fasit records spared many estate "
    "residents a needless flag, yet lowered overall accuracy and took the flag away from citizens who "
    "stayed unemployed: discretion moved the errors rather than removing them. Front-line workers "
    "under time pressure tend to follow the routine that the system offers, so if a caseworker must "
    "justify disagreeing with the screen and never agreeing with it, the screen becomes the decision "
    "in practice. Before any start, we will therefore (1) state in writing what a flag may and may not "
    "lead to, (2) ask for reasons for following a flag as well as for overriding it, (3) review "
    "overrides and followed flags by district, and (4) involve the caseworkers and the union in "
    "setting these rules. Until then the project stays paused.",
    theory="Street-level bureaucracy (Lipsky 1980): front-line workers make policy through their discretion and, "
    "under pressure, through routines that sort clients. Digital discretion (Busch & Henriksen 2018): "
    "technology that shapes or replaces front-line judgement can strengthen values such as consistency "
    "while weakening professional and relational ones, depending on context and on how professionalised "
    "the staff are.",
)

QUESTIONS = [
    district_in_reasons,
    flags_lifted,
    accuracy_after_overrides,
    estate_fpr_after_overrides,
    reply_on_discretion,
]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
