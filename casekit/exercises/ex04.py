"""Exercises for notebook 04, episode 3: the lookup system and what a flag means.

The probability behind one citizen's flag, how often the address takes part in
the tree's reasons, the flip test for every flagged citizen, how often a flag
just above the line is wrong, and when decision support becomes the decision.

>>> from casekit.exercises import ex04
>>> [q.name for q in ex04.QUESTIONS]  # doctest: +NORMALIZE_WHITESPACE
['probability behind a flag', 'district in the reasons', 'flags an address can change',
 'found work just above the line', 'support or decision']
"""

from functools import cache

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.codebook import ESTATE
from casekit.exercises import context
from casekit.explain import facts_used, flip_test
from casekit.model import TARGET


def _flagged(c):
    """A boolean array: which test citizens the tree flags (probability above 0.5)."""
    return c.model.predict(c.test) == 1


@cache
def _probability(c):
    return c.model.predict_proba(c.test)[:, 1]


def _named(c):
    """The citizen the setup cell names: the first flagged test citizen who lives on the estate."""
    on_estate = (c.test["district"] == ESTATE).to_numpy()
    return c.test[on_estate & _flagged(c)].iloc[[0]]


def _named_probability(c, *, column=1):
    return float(c.model.predict_proba(_named(c))[0, column])


def _district_share(c, citizens, *, count=False):
    used = facts_used(c.model, citizens)["district"]
    return float(used.sum() if count else used.mean())


@cache
def _moved(c):
    """The flip test over every test citizen: one row per citizen and district."""
    return flip_test(c.model, c.test)


def _changes(c, where=None):
    """Per citizen: does another district change the flag? Only the citizens where `where` is true."""
    changed = _moved(c).groupby("citizen_id", sort=False)["flag_changed"].any()
    return changed if where is None else changed.loc[c.test.loc[where, "citizen_id"]]


def _near_line(c, *, low_inclusive=False, high_inclusive=True):
    p = _probability(c)
    return (p >= 0.5 if low_inclusive else p > 0.5) & (p <= 0.6 if high_inclusive else p < 0.6)


def _found_work(c, where):
    return float((c.test[TARGET].to_numpy()[where] == 0).mean())


probability_behind_flag = Question(
    name="probability behind a flag",
    context=context,
    truth=_named_probability,
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: float(c.model.predict(_named(c))[0]),
            "That is the flag itself (1 = flagged), the red word on the screen. The question asks for the "
            "probability behind it: predict_proba, not predict.",
        ),
        Mistake(
            lambda c: _named_probability(c, column=0),
            "Column 0 of predict_proba is the probability of finding work. Still unemployed is column 1.",
        ),
        Mistake(
            lambda c: 100 * _named_probability(c),
            "Close: that is a percentage. Give the probability as a number between 0 and 1.",
        ),
    ],
    hints=[
        'Pick the citizen\'s row with test[test["citizen_id"] == citizen_id]: a one-row table.',
        "explain(model, citizen) prints what the screen shows, probability included; "
        "model.predict_proba(citizen) gives it as a number.",
        "predict_proba returns one row per citizen and one column per outcome; still unemployed is column 1, "
        "so take [0, 1].",
    ],
    worked='citizen = test[test["citizen_id"] == citizen_id]\n'
    "print(explain(model, citizen))\n"
    "probability_behind_flag = model.predict_proba(citizen)[0, 1]",
    why="The screen shows this citizen the same red word as every other flagged citizen; the probability says how "
    "strong the tree's evidence is, and it is nothing more than the share of training citizens in the same "
    "leaf who were still unemployed. Read the reasons explain() prints: which of them could the citizen and "
    "the caseworker talk about, and which are about who the citizen is or where they live?",
)

district_in_reasons = Question(
    name="district in the reasons",
    context=context,
    truth=lambda c: _district_share(c, c.test[_flagged(c)]),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: _district_share(c, c.test),
            "That is the share of all test citizens. Keep only the flagged ones: the question is about the "
            "reasons behind a flag.",
        ),
        Mistake(
            lambda c: _district_share(c, c.test[_flagged(c)], count=True),
            "That is how many flagged citizens have a rule about the district on their path. Give the share "
            "of the flagged citizens (.mean()).",
        ),
        Mistake(
            lambda c: 100 * _district_share(c, c.test[_flagged(c)]),
            "Close: that is a percentage. Give the share as a number between 0 and 1.",
        ),
    ],
    hints=[
        "The flagged test citizens: test[model.predict(test) == 1].",
        'facts_used(model, flagged) has one True/False column per fact; take the mean of the "district" column.',
    ],
    worked="flagged = test[model.predict(test) == 1]\n"
    'district_in_reasons = facts_used(model, flagged)["district"].mean()',
    why="The address takes part in many of the tree's flags, although the citizen cannot change it by anything "
    "they do, and a caseworker would hardly say it out loud as a reason. Taking part is not the same as "
    "deciding, though: a rule about the district may sit on the path without tipping the flag. The flip "
    "test in the next question tells the two apart.",
)

flags_an_address_can_change = Question(
    name="flags an address can change",
    context=context,
    truth=lambda c: float(_changes(c, _flagged(c)).mean()),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: float(
                _moved(c)
                .loc[_moved(c)["citizen_id"].isin(c.test.loc[_flagged(c), "citizen_id"]), "flag_changed"]
                .mean()
            ),
            "You averaged over the rows of flip_test, one per citizen and district. Group by citizen_id first "
            "and ask whether any district changes the flag (.any()), then take the share of citizens.",
        ),
        Mistake(
            lambda c: float(_changes(c).mean()),
            "That is the share of all test citizens, including unflagged ones who would be flagged elsewhere. "
            "Keep only the flagged citizens.",
        ),
        Mistake(
            lambda c: float(_changes(c, _flagged(c) & (c.test["district"] == ESTATE).to_numpy()).mean()),
            "That is the flagged citizens on the estate only, as in the notebook. The question asks about "
            "every flagged test citizen, wherever they live.",
        ),
        Mistake(
            lambda c: float(_changes(c, _flagged(c)).sum()),
            "That is how many flagged citizens would get another flag elsewhere. Give their share of the "
            "flagged citizens.",
        ),
        Mistake(
            lambda c: 100 * float(_changes(c, _flagged(c)).mean()),
            "Close: that is a percentage. Give the share as a number between 0 and 1.",
        ),
    ],
    hints=[
        "flip_test(model, flagged) moves each flagged citizen to every district and says, in flag_changed, "
        "whether the flag differs from the one they have now.",
        "It has one row per citizen and district. Group by citizen_id and take .any() of flag_changed: True "
        "when at least one district changes the flag.",
        "The share is the .mean() of that per-citizen True/False series.",
    ],
    worked="flagged = test[model.predict(test) == 1]\n"
    "moved = flip_test(model, flagged)\n"
    'flags_an_address_can_change = moved.groupby("citizen_id")["flag_changed"].any().mean()',
    why="For these citizens the address alone decides whether the screen says 'at risk': the same education, age "
    "and work history, another district, another flag. Even when they are few, each of them could fairly ask "
    "whether that is support or forskelsbehandling (discrimination). And the flip test sees only the tree's direct "
    "use of the address; the estate's disadvantage also reaches the tree through education and work history.",
)

found_work_just_above_line = Question(
    name="found work just above the line",
    context=context,
    truth=lambda c: _found_work(c, _near_line(c)),
    tolerance=0.0005,
    mistakes=[
        Mistake(
            lambda c: 1 - _found_work(c, _near_line(c)),
            "That is the share still unemployed (unemployed_12m = 1). The question asks how many found work.",
        ),
        Mistake(
            lambda c: _found_work(c, _flagged(c)),
            "That is the share for all flagged citizens. Keep only those with a probability of 0.6 or less.",
        ),
        Mistake(
            lambda c: _found_work(c, _near_line(c, low_inclusive=True)),
            "You included citizens with a probability of exactly 0.5. They are not flagged: the screen flags "
            "only above 0.5.",
        ),
        Mistake(
            lambda c: _found_work(c, _near_line(c, high_inclusive=False)),
            "You left out the citizens at exactly 0.6. 'Of 0.6 or less' includes them: use <= 0.6.",
        ),
        Mistake(
            lambda c: float((c.test[TARGET].to_numpy()[_near_line(c)] == 0).sum()),
            "That is how many of them found work. Give their share of the citizens in the band.",
        ),
        Mistake(
            lambda c: 100 * _found_work(c, _near_line(c)),
            "Close: that is a percentage. Give the share as a number between 0 and 1.",
        ),
    ],
    hints=[
        "probability = model.predict_proba(test)[:, 1]; a citizen is flagged when it is above 0.5.",
        "Make a mask for 0.5 < probability <= 0.6 and combine the two conditions with &.",
        "Among those citizens, the share with unemployed_12m == 0 is the mean of that comparison.",
    ],
    worked="probability = model.predict_proba(test)[:, 1]\n"
    "near_line = (probability > 0.5) & (probability <= 0.6)\n"
    'found_work_just_above_line = (test.loc[near_line, "unemployed_12m"] == 0).mean()',
    why="Just above the line a flag is close to a coin toss, yet on the screen it looks exactly like a flag far "
    "above it. Whatever action the job centre ties to a flag, a large part of it here lands on citizens who "
    "would have found work anyway: a reason to show the probability, or the caseworker's doubt, and not only "
    "the red word.",
)

support_or_decision = Reflection(
    name="support or decision",
    hints=[
        "Think of a caseworker with a full day of interviews. Which is quicker to defend to a manager: "
        "following the red word or overruling it? What happens to her own knowledge of the citizen?",
        "What would the job centre have to decide in advance: what a flag leads to, when she may or should "
        "overrule it, how that is recorded, and who looks at the cases where she and the tree disagree?",
    ],
    model_answer="Under time pressure she will most likely follow the screen. Overruling it takes time and has to "
    "be justified if things go wrong, while following it needs no explanation, so the tree's errors "
    "become hers: she acts on flags near the line that are close to a coin toss, and she overlooks "
    "what the tree never sees (a new internship, missed meetings, a health limitation), exactly the "
    "knowledge that makes her better than the tree where the two disagree. Calling the system "
    "beslutningsstøtte, decision support, does not make it support. The job centre would have to decide which action "
    "follows a flag and who decides it; show the probability and the reasons, not only the word; "
    "say when a caseworker's own knowledge should overrule the flag, make overruling quick, "
    "expected and free of blame; keep a record of disagreements and look at them regularly, "
    "including by district; and never tie a consequence for a citizen (a record in Fasit, a "
    "sanction) to the flag alone. That is a redesign of the work, not an IT delivery, and it needs "
    "the caseworkers who will do it.",
    theory="Automation bias (Parasuraman & Manzey 2010): people over-rely on automated advice, making commission "
    "errors (following it when it is wrong) and omission errors (missing what it did not flag), more so "
    "under workload. Technochange (Markus 2004): when IT is meant to change an organisation's results, the "
    "technology must be matched by a redesign of the work, or the tool is installed and nothing improves.",
)

QUESTIONS = [
    probability_behind_flag,
    district_in_reasons,
    flags_an_address_can_change,
    found_work_just_above_line,
    support_or_decision,
]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
