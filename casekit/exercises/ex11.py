"""Exercises for notebook 11, the synthesis: the timeline, the failures on Kotter's steps, and the stakeholders.

Days from the board's yes to the union's letter, the Kotter step most failures
break, the groundwork failures that surface late, who belongs in the "manage
closely" corner, and a re-plan of the first three steps. Every answer is
computed from the case as the kit stores it in :mod:`casekit.case`.
"""

import numpy as np

from casekit import case
from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary

_AFTER_INTRODUCTION = [f"Episode {i}" for i in range(5, 10)]


def _no_shared_data():
    """Nothing to load: every answer comes from the case's own small tables, read fresh by each check.

    The shared context (citizens, pilot tree) is not needed here, so checks stay instant.

    Examples
    --------
    >>> _no_shared_data() is None
    True
    """
    return None


def _date(part, words):
    """The date of the first event in `part` whose description contains `words`.

    Examples
    --------
    >>> _date("Episode 9", "union").strftime("%d %B %Y")
    '03 May 2019'
    """
    events = case.timeline()
    events = events[events["part"] == part]
    return events.loc[events["event"].str.contains(words, case=False), "date"].iloc[0]


def _days(start, end):
    return (_date(*end) - _date(*start)).days


_BOARD, _MINUTES = ("Episode 1", "board of directors"), ("Episode 1", "minutes")
_LETTER, _PAUSE = ("Episode 9", "union"), ("Episode 9", "paused")


def _per_step():
    return case.failures()["kotter_step"].value_counts().reindex(range(1, 9), fill_value=0)


def _late(parts=_AFTER_INTRODUCTION, steps=range(1, 5), *, as_text=False):
    failures = case.failures()
    after = failures["part"] > "Episode 4" if as_text else failures["part"].isin(parts)
    return int((after & failures["kotter_step"].isin(steps)).sum())


def _closely(keep):
    stakes = case.stakeholders()
    return sorted(stakes.loc[keep(stakes), "name"])


def _both_at_least_3(s):
    return (s["power"] >= 3) & (s["interest"] >= 3)


days_to_letter = Question(
    name="days from the board to the letter",
    context=_no_shared_data,
    truth=lambda c: _days(_BOARD, _LETTER),
    tolerance=0.5,
    mistakes=[
        Mistake(
            lambda c: _days(_MINUTES, _LETTER),
            "You started from the day the minutes were e-mailed. The board decided at its meeting a few days "
            "earlier: start from the event in which the board approves the project.",
        ),
        Mistake(
            lambda c: _days(_BOARD, _LETTER) / 7,
            "That looks like weeks. Give the gap in days: subtracting two dates gives a Timedelta, "
            "and its .days is what is asked for.",
        ),
        Mistake(
            lambda c: _days(_BOARD, _PAUSE),
            "You stopped at the pause of the project. Stop at the union's letter, a few days before it.",
        ),
    ],
    hints=[
        "Both dates are among the three the case gives itself (exact is True in case.timeline()).",
        'Pick the two rows by their event text, e.g. events["event"].str.contains("union"), '
        "take their dates, subtract, and read .days.",
        'board = events.loc[events["event"].str.contains("board of directors"), "date"].iloc[0]; '
        "do the same for the union's letter, then (letter - board).days.",
    ],
    worked='board = events.loc[events["event"].str.contains("board of directors"), "date"].iloc[0]\n'
    'letter = events.loc[events["event"].str.contains("union"), "date"].iloc[0]\n'
    "days_to_letter = (letter - board).days",
    why="From 23 January to 3 May the project had a whole spring for groundwork: an owner, a purpose, the "
    "caseworkers, legal and the union brought in. The caseworkers first heard of it well into that stretch, "
    "and the union's letter came after months of silence towards it, not out of the blue.",
)

busiest_kotter_step = Question(
    name="the Kotter step with most failures",
    context=_no_shared_data,
    truth=lambda c: int(_per_step().idxmax()),
    mistakes=[
        Mistake(
            lambda c: int(_per_step().idxmin()),
            "That is the step with the fewest failures placed on it. Look for the largest count instead.",
        ),
        Mistake(
            lambda c: int(np.argmax(_per_step().to_numpy())),
            "That looks like a position counted from 0, as np.argmax gives it. Kotter's steps are numbered "
            "from 1: give the step's value from the kotter_step column.",
        ),
        Mistake(
            lambda c: int(_per_step().max()),
            "Is that a step's number, or how many failures fall on the busiest step? After value_counts() the "
            "steps are the index and the counts are the values: give the index of the largest count.",
        ),
    ],
    hints=[
        "Each failure has a kotter_step from 1 to 8. Count how many failures fall on each step.",
        'failures["kotter_step"].value_counts() counts them; the step with the largest count is its .idxmax().',
    ],
    worked='busiest_kotter_step = failures["kotter_step"].value_counts().idxmax()',
    why="In the kit's reading most failures sit on Kotter's groundwork, the steps meant to come before any action. "
    "Ask who should have done that step, and when: in this story the answer is usually 'someone, before the "
    "board said yes'.",
)

late_groundwork = Question(
    name="groundwork failures that surface late",
    context=_no_shared_data,
    truth=lambda c: _late(),
    mistakes=[
        Mistake(
            lambda c: _late(as_text=True),
            'Careful with comparing the part as text: "Prelude" sorts after "Episode 4" alphabetically, '
            "so the prelude crept in. List the parts you want (Episode 5 to Episode 9) and use .isin().",
        ),
        Mistake(
            lambda c: _late(parts=["Episode 4"] + _AFTER_INTRODUCTION),
            "You included the introduction meeting itself (episode 4). Count only the parts after it: episodes 5 to 9.",
        ),
        Mistake(
            lambda c: _late(steps=range(1, 4)),
            "You kept only steps 1 to 3. Kotter's first four steps run up to and including step 4, "
            "communicating the vision: use kotter_step <= 4.",
        ),
        Mistake(
            lambda c: _late(steps=range(1, 9)),
            "That counts every failure after the introduction meeting. Keep only those that break one of "
            "Kotter's first four steps.",
        ),
    ],
    hints=[
        "Two conditions on failures: the part is one of episodes 5 to 9, and kotter_step is at most 4.",
        'after = failures["part"].isin([f"Episode {i}" for i in range(5, 10)]); combine it with '
        'failures["kotter_step"] <= 4 using & and count with .sum().',
    ],
    worked='after = failures["part"].isin([f"Episode {i}" for i in range(5, 10)])\n'
    'late_groundwork = (after & (failures["kotter_step"] <= 4)).sum()',
    why="Groundwork skipped at the start did not go away: it came back as unanswered questions, a leader nobody "
    "replaced, and legal and IT called in during a crisis. Meetings held later could not make up for steps "
    "that were never taken.",
)

manage_closely = Question(
    name="who to manage closely",
    context=_no_shared_data,
    truth=lambda c: _closely(_both_at_least_3),
    mistakes=[
        Mistake(
            lambda c: [name for name in case.stakeholders()["name"] if name in _closely(_both_at_least_3)],
            "The right people, but in the table's order. Give them sorted alphabetically: wrap the names in "
            "sorted(...).",
        ),
        Mistake(
            lambda c: _closely(lambda s: (s["power"] > 3) & (s["interest"] > 3)),
            "You used 'more than 3'. The corner starts at 3: use >= 3 for both power and interest.",
        ),
        Mistake(
            lambda c: _closely(lambda s: (s["power"] >= 3) | (s["interest"] >= 3)),
            "You kept people who score high on either one. The corner needs both high power and high "
            "interest: combine the two conditions with &, not |.",
        ),
        Mistake(
            lambda c: _closely(lambda s: s["interest"] >= 3),
            "You filtered on interest only. The corner needs high power too.",
        ),
        Mistake(
            lambda c: _closely(lambda s: s["power"] >= 3),
            "You filtered on power only. The corner needs high interest too.",
        ),
    ],
    hints=[
        "The stakeholder table has power and interest from 1 to 5. Keep the rows where both are at least 3.",
        'stakes.loc[(stakes["power"] >= 3) & (stakes["interest"] >= 3), "name"] gives the names; '
        "wrap it in sorted(...) to get a sorted list.",
    ],
    worked='keep = (stakes["power"] >= 3) & (stakes["interest"] >= 3)\n'
    'manage_closely = sorted(stakes.loc[keep, "name"])',
    why="These are the people who could make or break the project and cared about it. Several of them heard little "
    "after the board meeting, and the union's district chair was never contacted at all until she wrote the "
    "letter that, together with the leak, brought the project to a halt.",
)

first_three_steps = Reflection(
    name="the first three steps, re-planned",
    hints=[
        "Go back to before the board meeting. What should have been in place before anyone said yes, and "
        "before anyone told the caseworkers?",
        "For each step say what is done, who does it and why it comes first. Kotter's first steps (urgency, a "
        "guiding coalition, a vision) or Lewin's unfreezing are good frames; the failures table shows what "
        "went missing.",
    ],
    model_answer="1. Start from the problem, not the tool (Kotter's urgency; Lewin's unfreezing). Amin, Rasmus and "
    "Berit show the board, in numbers, who becomes long-term unemployed, which early help works, and "
    "what the tree adds beyond always guessing the commoner outcome, including where it errs. The "
    "board decides on a problem worth solving, not on 88.7 %.\n"
    "2. Build a guiding coalition before the decision is announced. One owner on the floor (Amin) with "
    "hours and a budget, a sponsor at the top (Laila), and at the table from the first month: "
    "caseworkers (Berit and a sceptic such as Torben), legal (Inge), IT security, and the union's "
    "representative. Their first job is to list the questions the caseworkers later asked.\n"
    "3. Write the vision down and take it to the caseworkers in person. What a flag leads to, what "
    "work stops to make room for it, that the caseworker can overrule it, how citizens are told and "
    "can object, and how success and bias will be checked. Only then the introduction meeting, led "
    "by Amin rather than by the word 'strategic'.\n"
    "Why this order: each step gives the next one something to stand on. Without a shared problem, "
    "no coalition forms; without a coalition, the vision is a slogan; and a group must be unfrozen "
    "before it will change how it works.",
    theory="Kotter's eight steps of leading change (Kotter 1995): transformations fail when urgency, a guiding "
    "coalition and a vision are skipped. Lewin's unfreeze-change-refreeze (Lewin 1947): a settled practice "
    "must be made ready to change before a new one can take hold.",
)

QUESTIONS = [days_to_letter, busiest_kotter_step, late_groundwork, manage_closely, first_three_steps]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
