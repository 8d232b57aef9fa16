"""Episode 6's question in numbers: with no extra money, what must the caseworkers do less of?

All minutes and hours here are assumptions for students to change, not facts
from the case. The defaults: a lookup takes 2 minutes, a note in *Fasit* 5,
explaining a flag to a citizen 10, an interview 45, and a caseworker has
1,560 working hours a year for casework (37 hours a week over about 42 weeks).
"""

import math
import numbers

import pandas as pd

from casekit._validation import (
    check_choice,
    check_column,
    check_positive_int,
    check_probability,
)
from casekit.audit import format_rates, with_groups
from casekit.model import TARGET, check_scoring
from casekit.thresholds import CASEWORKERS, CITIZENS_PER_YEAR, threshold_summary

HOURS_PER_CASEWORKER = 1560
INTERVIEW_MINUTES = 45
#: The process description Berit's group was asked for: each question and its allowed answers.
PROCESS_FORM = {
    "when": ["before the interview", "during the interview", "after the interview"],
    "who_sees": ["the caseworker", "the caseworker and the team leader", "the caseworker and the citizen"],
    "written_in_fasit": [True, False],
    "citizen_told": [True, False],
}


def check_amount(value, *, name, positive=False, example=2):
    """Return `value` as a float if it is a finite number, 0 or more (more than 0 if `positive`), else raise.

    Minutes, hours and counts of people can be neither negative nor missing.

    Examples
    --------
    >>> check_amount(2, name="lookup_minutes")
    2.0
    >>> check_amount(-2, name="lookup_minutes")
    Traceback (most recent call last):
    ...
    ValueError: `lookup_minutes` must be a number, 0 or more (e.g. lookup_minutes=2), but -2 was passed.
    """
    bound = "more than 0" if positive else "0 or more"
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not math.isfinite(value)
        or value < 0
        or (positive and value == 0)
    ):
        raise ValueError(f"`{name}` must be a number, {bound} (e.g. {name}={example}), but {value!r} was passed.")
    return float(value)


def workload(
    *,
    caseworkers=CASEWORKERS,
    citizens_per_year=CITIZENS_PER_YEAR,
    lookup_minutes=2,
    note_minutes=5,
    explain_minutes=0,
    citizens_explained=0,
    hours_per_caseworker=HOURS_PER_CASEWORKER,
):
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
    citizens_per_year = check_positive_int(citizens_per_year, name="citizens_per_year")
    for name, value in {
        "lookup_minutes": lookup_minutes,
        "note_minutes": note_minutes,
        "explain_minutes": explain_minutes,
        "citizens_explained": citizens_explained,
    }.items():
        check_amount(value, name=name)
    check_amount(hours_per_caseworker, name="hours_per_caseworker", positive=True, example=HOURS_PER_CASEWORKER)
    minutes = citizens_per_year * (lookup_minutes + note_minutes) + citizens_explained * explain_minutes
    per_caseworker = minutes / 60 / caseworkers
    return pd.Series(
        {
            "hours_per_year": minutes / 60,
            "hours_per_caseworker": per_caseworker,
            "share_of_working_time": per_caseworker / hours_per_caseworker,
            "interviews_less_per_caseworker": per_caseworker * 60 / INTERVIEW_MINUTES,
        }
    )


def check_form(form):
    """Return `form` if it answers every question of :data:`PROCESS_FORM` with an allowed answer."""
    if not isinstance(form, dict):
        raise TypeError(
            f"`form` must be a dict with the keys {list(PROCESS_FORM)}, but a {type(form).__name__} was passed."
        )
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


def process_consequences(
    form, model, citizens, *, threshold=0.5, caseworkers=CASEWORKERS, citizens_per_year=CITIZENS_PER_YEAR
):
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
    errors = threshold_summary(
        model, citizens, threshold=threshold, caseworkers=caseworkers, citizens_per_year=citizens_per_year
    )
    flagged = (errors["flagged_correctly"] + errors["wrongly_flagged"]) * citizens_per_year / len(citizens)
    told = form["citizen_told"] or form["who_sees"] == "the caseworker and the citizen"
    hours = workload(
        caseworkers=caseworkers,
        citizens_per_year=citizens_per_year,
        note_minutes=5 if form["written_in_fasit"] else 0,
        explain_minutes=10,
        citizens_explained=flagged if told else 0,
    )
    lookup = 2 * citizens_per_year
    return pd.Series(
        {
            **hours,
            "minutes_taken_from_conversations": float(lookup if form["when"] == "during the interview" else 0),
            "scores_written_into_case_files": float(citizens_per_year if form["written_in_fasit"] else 0),
            "wrong_flags_in_case_files": errors["wrongly_flagged_per_year"] if form["written_in_fasit"] else 0.0,
            "citizens_told_they_are_flagged": flagged if told else 0.0,
            "citizens_wrongly_told_they_are_at_risk": errors["wrongly_flagged_per_year"] if told else 0.0,
            "people_who_see_each_flag": 1.0 if form["who_sees"] == "the caseworker" else 2.0,
        }
    )


def compare_assumptions(assumptions):
    """Return :func:`workload` for several sets of assumptions, one row each.

    Parameters
    ----------
    assumptions : dict
        ``{name: {argument: value, ...}}``, each inner dict the keyword
        arguments of :func:`workload`, e.g.
        ``{"quick look": {"lookup_minutes": 1, "note_minutes": 0}}``.

    Returns
    -------
    pandas.DataFrame
        One row per name; the columns of :func:`workload`, with
        ``share_of_working_time`` shown as ``percent_of_working_time``.

    Examples
    --------
    >>> table = compare_assumptions({"defaults": {}, "careful": {"lookup_minutes": 5, "note_minutes": 10}})
    >>> table["hours_per_caseworker"].round(1).tolist()
    [11.7, 25.0]
    """
    if not isinstance(assumptions, dict) or not assumptions:
        raise TypeError(
            f"`assumptions` must be a dict {{name: {{argument: value}}}}, but {assumptions!r} was passed."
            if not isinstance(assumptions, dict)
            else "`assumptions` must hold at least one set of assumptions, but it is empty."
        )
    allowed = list(workload.__kwdefaults__)
    rows = {}
    for name, arguments in assumptions.items():
        if not isinstance(arguments, dict):
            raise TypeError(
                f"`assumptions[{name!r}]` must be a dict of arguments from {allowed}, but {arguments!r} was passed."
            )
        for argument in arguments:
            check_choice(argument, allowed, name=f"assumptions[{name!r}] key")
        try:
            rows[name] = workload(**arguments)
        except ValueError as error:
            raise ValueError(f"In `assumptions[{name!r}]`: {error}") from None
    table = pd.DataFrame.from_dict(rows, orient="index")
    table["share_of_working_time"] *= 100
    return table.rename(columns={"share_of_working_time": "percent_of_working_time"})


def compare_forms(forms, model, citizens, *, threshold=0.5):
    """Return :func:`process_consequences` for several process forms, one column each.

    Parameters
    ----------
    forms : dict
        ``{name: form}``, each form checked by :func:`check_form`.
    model, citizens, threshold
        As in :func:`process_consequences`.

    Returns
    -------
    pandas.DataFrame
        One column per form; ``share_of_working_time`` shown as ``percent_of_working_time``.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> form = {"when": "before the interview", "who_sees": "the caseworker",
    ...         "written_in_fasit": False, "citizen_told": False}
    >>> compare_forms({"minimal": form}, p.model, p.test).columns.tolist()
    ['minimal']
    """
    if not isinstance(forms, dict) or not forms:
        raise TypeError(f"`forms` must be a dict {{name: form}} with at least one form, but {forms!r} was passed.")
    table = pd.DataFrame(
        {name: process_consequences(form, model, citizens, threshold=threshold) for name, form in forms.items()}
    )
    table.loc["share_of_working_time"] *= 100
    return table.rename(index={"share_of_working_time": "percent_of_working_time"})


def wrong_flags_in_files(model, citizens, *, by="estate", threshold=0.5):
    """Count, per group, the wrong flags that would sit in case files, with intervals.

    A wrong flag: a citizen flagged (probability above `threshold`) who found
    work within the year. Two rates answer two questions: of all the group's
    citizens, how many files carry a wrong flag (``per_citizen``); of those
    who found work, how many carry one (``per_citizen_who_found_work``, the
    false-positive rate of notebook 05).

    Parameters
    ----------
    model : fitted estimator
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    by : str, default "estate"
        A column of :func:`casekit.audit.with_groups`, e.g. "district".
    threshold : float, default 0.5

    Returns
    -------
    pandas.DataFrame
        One row per group: ``citizens``, ``found_work``, ``wrong_flags``,
        and the two rates written by :func:`casekit.format_rate`
        ("25 % (17–36 %), 19 of 75").

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> wrong_flags_in_files(p.model, p.test).loc["Lyngtoften", "per_citizen_who_found_work"]
    '25 % (17–36 %), 19 of 75'
    """
    citizens = check_scoring(model, citizens, method="predict_proba")
    groups = check_column(with_groups(citizens), by, name="by")
    threshold = check_probability(threshold, name="threshold")
    found_work = (citizens[TARGET] == 0).to_numpy()
    wrong = (model.predict_proba(citizens)[:, 1] > threshold) & found_work
    frame = pd.DataFrame({"group": groups.to_numpy(), "citizens": 1, "found_work": found_work, "wrong_flags": wrong})
    table = frame.groupby("group", observed=True).sum().astype(int)
    table["per_citizen"] = format_rates(table["wrong_flags"], table["citizens"])
    table["per_citizen_who_found_work"] = format_rates(table["wrong_flags"], table["found_work"])
    table.index = table.index.astype(str)
    return table.rename_axis(index=by)
