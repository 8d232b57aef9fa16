"""Episode 6's question in numbers: with no extra money, what must the caseworkers do less of?

All minutes and hours here are assumptions for students to change, not facts
from the case. The defaults: a lookup takes 2 minutes, a note in *Fasit* 5,
explaining a flag to a citizen 10, an interview 45, and a caseworker has
1,560 working hours a year for casework (37 hours a week over about 42 weeks).
"""

import pandas as pd

from casekit._validation import check_choice, check_positive_int
from casekit.apps import CASEWORKERS, CITIZENS_PER_YEAR, threshold_summary

HOURS_PER_CASEWORKER = 1560
INTERVIEW_MINUTES = 45
#: The process description Berit's group was asked for: each question and its allowed answers.
PROCESS_FORM = {
    "when": ["before the interview", "during the interview", "after the interview"],
    "who_sees": ["the caseworker", "the caseworker and the team leader", "the caseworker and the citizen"],
    "written_in_fasit": [True, False],
    "citizen_told": [True, False],
}


def workload(*, caseworkers=CASEWORKERS, citizens_per_year=CITIZENS_PER_YEAR, lookup_minutes=2, note_minutes=5,
             explain_minutes=0, citizens_explained=0, hours_per_caseworker=HOURS_PER_CASEWORKER):
    """Return the time the prediction costs in a year, and what that time equals.

    Parameters
    ----------
    caseworkers, citizens_per_year : int
        Defaults: the case's ~20 caseworkers and the kit's 2,000 second interviews a year.
    lookup_minutes, note_minutes : float
        Minutes per citizen to look the score up and to note it in *Fasit*.
    explain_minutes : float
        Minutes to explain a flag to one citizen; spent on `citizens_explained` citizens.
    hours_per_caseworker : float
        Working hours a caseworker has for casework in a year.

    Returns
    -------
    pandas.Series
        ``hours_per_year``, ``hours_per_caseworker``, ``share_of_working_time``
        and ``interviews_less_per_caseworker`` (the 45-minute interviews each
        caseworker would have to drop to find the time).

    Examples
    --------
    >>> round(float(workload()["hours_per_year"]))
    233
    """
    caseworkers = check_positive_int(caseworkers, name="caseworkers")
    minutes = citizens_per_year * (lookup_minutes + note_minutes) + citizens_explained * explain_minutes
    per_caseworker = minutes / 60 / caseworkers
    return pd.Series({
        "hours_per_year": minutes / 60,
        "hours_per_caseworker": per_caseworker,
        "share_of_working_time": per_caseworker / hours_per_caseworker,
        "interviews_less_per_caseworker": per_caseworker * 60 / INTERVIEW_MINUTES,
    })


def check_form(form):
    """Return `form` if it answers every question of :data:`PROCESS_FORM` with an allowed answer."""
    if not isinstance(form, dict):
        raise TypeError(f"`form` must be a dict with the keys {list(PROCESS_FORM)}, but a {type(form).__name__} was passed.")
    missing = [key for key in PROCESS_FORM if key not in form]
    if missing:
        raise ValueError(f"`form` must answer {list(PROCESS_FORM)}, but {missing} is missing.")
    for key, answer in form.items():
        check_choice(key, list(PROCESS_FORM), name="form key")
        allowed = PROCESS_FORM[key]
        if (type(answer) is bool) != (type(allowed[0]) is bool):  # 1 == True in Python; a form wants True/False
            raise ValueError(f"`form[{key!r}]` must be one of {allowed}, but {answer!r} was passed.")
        check_choice(answer, allowed, name=f"form[{key!r}]")
    return form


def process_consequences(form, model, citizens, *, threshold=0.5, caseworkers=CASEWORKERS,
                         citizens_per_year=CITIZENS_PER_YEAR):
    """Turn a filled process form into consequences a year, in hours and in citizens.

    Parameters
    ----------
    form : dict
        An answer to each question of :data:`PROCESS_FORM`, e.g.
        ``{"when": "before the interview", "who_sees": "the caseworker",
        "written_in_fasit": True, "citizen_told": False}``.
    model, citizens
        The pilot tree and citizens with known outcomes (to count flags and errors).

    Returns
    -------
    pandas.Series
        Hours a year and per caseworker, interviews to drop, minutes taken
        from conversations with citizens, scores written into case files (one
        per citizen, flagged or not) and how many of them are wrong flags,
        citizens told they are flagged (and how many wrongly), and how many
        people see each flag.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> form = {"when": "during the interview", "who_sees": "the caseworker",
    ...         "written_in_fasit": False, "citizen_told": False}
    >>> float(process_consequences(form, train_pilot_tree(train), test)["minutes_taken_from_conversations"])
    4000.0
    """
    check_form(form)
    errors = threshold_summary(model, citizens, threshold, caseworkers=caseworkers,
                               citizens_per_year=citizens_per_year)
    flagged = (errors["flagged_correctly"] + errors["wrongly_flagged"]) * citizens_per_year / len(citizens)
    told = form["citizen_told"] or form["who_sees"] == "the caseworker and the citizen"
    hours = workload(caseworkers=caseworkers, citizens_per_year=citizens_per_year,
                     note_minutes=5 if form["written_in_fasit"] else 0, explain_minutes=10,
                     citizens_explained=flagged if told else 0)
    lookup = 2 * citizens_per_year
    return pd.Series({
        **hours,
        "minutes_taken_from_conversations": float(lookup if form["when"] == "during the interview" else 0),
        "scores_written_into_case_files": float(citizens_per_year if form["written_in_fasit"] else 0),
        "wrong_flags_in_case_files": errors["wrongly_flagged_per_year"] if form["written_in_fasit"] else 0.0,
        "citizens_told_they_are_flagged": flagged if told else 0.0,
        "citizens_wrongly_told_they_are_at_risk": errors["wrongly_flagged_per_year"] if told else 0.0,
        "people_who_see_each_flag": 1.0 if form["who_sees"] == "the caseworker" else 2.0,
    })
