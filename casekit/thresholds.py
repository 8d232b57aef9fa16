"""Errors and the threshold: whom the tree wrongly flags and whom it misses, in citizens a year and per caseworker.

The numbers behind the threshold app and notebooks 02, 04, 05 and 07: the
case's constants (:data:`CASEWORKERS`, :data:`CITIZENS_PER_YEAR`, the slider's
:data:`THRESHOLDS`), the errors at one threshold (:func:`threshold_summary`)
and at many (:func:`threshold_curve`), what they cost (:func:`harm_per_year`,
:func:`least_harm_threshold`), and the tree against a caseworker's rule of
thumb (:func:`rule_versus_tree`).
"""

import numpy as np
import pandas as pd

from casekit._validation import check_choice, check_positive_int, check_probability
from casekit.audit import format_rate
from casekit.codebook import EDUCATION_LEVELS
from casekit.data import COHORTS
from casekit.model import TARGET, check_scoring

_, _PILOT_SIZE, _PILOT_YEARS = COHORTS["pilot"]
#: Second interviews a year in the kit's municipality (the pilot data's yearly size).
CITIZENS_PER_YEAR = _PILOT_SIZE // len(_PILOT_YEARS)
#: Caseworkers who help the unemployed into work, as in the case.
CASEWORKERS = 20
#: The thresholds the threshold slider offers: 0.05 to 0.95 in steps of 0.05.
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 20)]


def _check_scored(model, citizens, columns=()):
    """`model` can score, and `citizens` have ids, known outcomes and `columns`: the citizens, checked."""
    return check_scoring(model, citizens, columns=["citizen_id", *columns], method="predict_proba")


def _check_scale(caseworkers, citizens_per_year):
    """The caseworkers and the citizens a year, each a whole number of at least 1."""
    return (
        check_positive_int(caseworkers, name="caseworkers"),
        check_positive_int(citizens_per_year, name="citizens_per_year"),
    )


def threshold_summary(model, citizens, *, threshold=0.5, caseworkers=CASEWORKERS, citizens_per_year=CITIZENS_PER_YEAR):
    """Count the errors at a threshold, in citizens and per caseworker per year.

    Parameters
    ----------
    model : fitted estimator
        A fitted pilot tree.
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    threshold : float, default 0.5
        Flag when the probability is above this (0 to 1).
    caseworkers : int, default 20
        Caseworkers sharing the citizens, as in the case.
    citizens_per_year : int, default CITIZENS_PER_YEAR
        Second interviews a year, to scale the counts to one year.

    Returns
    -------
    pandas.Series
        ``flagged_correctly``, ``wrongly_flagged`` (found work anyway),
        ``missed`` (still unemployed, not flagged), ``left_alone_correctly``,
        ``accuracy``, ``wrongly_flagged_per_year``, ``missed_per_year``,
        ``wrongly_flagged_per_caseworker_per_year``,
        ``missed_per_caseworker_per_year``, and ``flagged_per_year`` and
        ``flagged_per_caseworker_per_year`` (every flag, right or wrong).

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> summary = threshold_summary(train_pilot_tree(train), test, threshold=0.5)
    >>> f"{summary['accuracy']:.1%}"
    '88.7%'
    """
    citizens = _check_scored(model, citizens)
    threshold = check_probability(threshold, name="threshold")
    caseworkers, citizens_per_year = _check_scale(caseworkers, citizens_per_year)
    return count_errors(
        citizens[TARGET].to_numpy(),
        model.predict_proba(citizens)[:, 1],
        threshold=threshold,
        caseworkers=caseworkers,
        citizens_per_year=citizens_per_year,
    )


def count_errors(y_true, y_score, *, threshold=0.5, caseworkers=CASEWORKERS, citizens_per_year=CITIZENS_PER_YEAR):
    """Count the errors of scores `y_score` at `threshold`: :func:`threshold_summary` without the model.

    For an app that scores the citizens once and recounts at every move of a
    slider. The arguments are not checked; :func:`threshold_summary` checks them.

    Parameters
    ----------
    y_true : numpy.ndarray of 0/1
        What really happened (``unemployed_12m``).
    y_score : numpy.ndarray of float
        The probability of still being unemployed, ``model.predict_proba(citizens)[:, 1]``.
    threshold, caseworkers, citizens_per_year
        As in :func:`threshold_summary`.

    Returns
    -------
    pandas.Series
        As :func:`threshold_summary`.

    Examples
    --------
    >>> import numpy as np
    >>> count_errors(np.array([1, 0, 1, 0]), np.array([0.9, 0.8, 0.2, 0.1]))[["wrongly_flagged", "missed"]].tolist()
    [1.0, 1.0]
    """
    truth, probability = y_true, y_score
    flagged = probability > threshold
    counts = {
        "flagged_correctly": int((flagged & (truth == 1)).sum()),
        "wrongly_flagged": int((flagged & (truth == 0)).sum()),
        "missed": int((~flagged & (truth == 1)).sum()),
        "left_alone_correctly": int((~flagged & (truth == 0)).sum()),
    }
    scale = citizens_per_year / len(truth)
    per_year = {f"{kind}_per_year": counts[kind] * scale for kind in ("wrongly_flagged", "missed")}
    per_caseworker = {
        f"{kind}_per_caseworker_per_year": per_year[f"{kind}_per_year"] / caseworkers
        for kind in ("wrongly_flagged", "missed")
    }
    accuracy = (counts["flagged_correctly"] + counts["left_alone_correctly"]) / len(truth)
    flagged_per_year = (counts["flagged_correctly"] + counts["wrongly_flagged"]) * scale
    return pd.Series(
        {
            **counts,
            "accuracy": accuracy,
            **per_year,
            **per_caseworker,
            "flagged_per_year": flagged_per_year,
            "flagged_per_caseworker_per_year": flagged_per_year / caseworkers,
        }
    )


def threshold_curve(
    model, citizens, *, thresholds=THRESHOLDS, caseworkers=CASEWORKERS, citizens_per_year=CITIZENS_PER_YEAR
):
    """Return :func:`threshold_summary` for each of `thresholds`, one row per threshold.

    Parameters
    ----------
    model, citizens, caseworkers, citizens_per_year
        As in :func:`threshold_summary`.
    thresholds : list of float, default THRESHOLDS
        Each between 0 and 1 (one number gives one row).

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> curve = threshold_curve(train_pilot_tree(train), test)
    >>> curve.index[[0, -1]].tolist()
    [0.05, 0.95]
    >>> threshold_curve(train_pilot_tree(train), test, caseworkers=-3)
    Traceback (most recent call last):
    ...
    ValueError: `caseworkers` must be a whole number of at least 1, but -3 was passed.
    """
    citizens = _check_scored(model, citizens)
    chosen = [thresholds] if isinstance(thresholds, str) or np.ndim(thresholds) == 0 else list(thresholds)
    if not chosen:
        raise ValueError("`thresholds` must be a non-empty list of numbers between 0 and 1, but [] was passed.")
    grid = [check_probability(t, name="thresholds") for t in chosen]
    caseworkers, citizens_per_year = _check_scale(caseworkers, citizens_per_year)
    probability, truth = model.predict_proba(citizens)[:, 1], citizens[TARGET].to_numpy()
    rows = [
        count_errors(truth, probability, threshold=t, caseworkers=caseworkers, citizens_per_year=citizens_per_year)
        for t in grid
    ]
    return pd.DataFrame(rows, index=pd.Index(chosen, name="threshold"))


def rule_versus_tree(model, citizens, *, education_at_most="primary school", years_employed_below=2, threshold=0.5):
    """Compare the tree with a caseworker's rule of thumb on citizens whose outcome is known.

    The rule flags a citizen whose education is at most `education_at_most`
    (a missing education counts as not flagged) and who worked fewer than
    `years_employed_below` of the last five years.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    education_at_most : str, default "primary school"
        One of :data:`casekit.EDUCATION_LEVELS`.
    years_employed_below : float, default 2
        Between 0 and 5.
    threshold : float, default 0.5
        The tree flags above this.

    Returns
    -------
    pandas.DataFrame
        Rows ``tree`` and ``rule of thumb``; columns ``flagged`` (citizens),
        ``right`` (share of all citizens it is right for), ``disagreements``
        (citizens the two judge differently, the same in both rows),
        ``right_where_they_disagree`` (count) and ``shown`` (that count
        written by :func:`casekit.format_rate`), and ``agree`` (share
        of all citizens on which the two agree, the same in both rows).

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> table = rule_versus_tree(p.model, p.test)
    >>> table.index.tolist()
    ['tree', 'rule of thumb']
    >>> int(table["right_where_they_disagree"].sum()) == int(table["disagreements"].iloc[0])
    True
    """
    citizens = _check_scored(model, citizens, columns=["education", "years_employed_5y"])
    check_choice(education_at_most, EDUCATION_LEVELS, name="education_at_most")
    if (
        isinstance(years_employed_below, bool)
        or not isinstance(years_employed_below, (int, float))
        or not 0 <= years_employed_below <= 5
    ):
        raise ValueError(
            f"`years_employed_below` must be a number of years from 0 to 5, but {years_employed_below!r} was passed."
        )
    threshold = check_probability(threshold, name="threshold")
    truth = citizens[TARGET].to_numpy() == 1
    level = citizens["education"].map({name: rank for rank, name in enumerate(EDUCATION_LEVELS)}).astype(float)
    flags = {
        "tree": model.predict_proba(citizens)[:, 1] > threshold,
        "rule of thumb": (
            (level <= EDUCATION_LEVELS.index(education_at_most)).to_numpy()
            & (citizens["years_employed_5y"] < years_employed_below).to_numpy()
        ),
    }
    disagree = flags["tree"] != flags["rule of thumb"]
    rows = {}
    for name, flagged in flags.items():
        right_there = int((flagged == truth)[disagree].sum())
        rows[name] = {
            "flagged": int(flagged.sum()),
            "right": float((flagged == truth).mean()),
            "disagreements": int(disagree.sum()),
            "right_where_they_disagree": right_there,
            "shown": format_rate(right_there, int(disagree.sum())),
            "agree": float(1 - disagree.mean()),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def harm_per_year(curve, cost_wrongly_flagged, cost_missed):
    """Return the total harm a year at each threshold, given what one error of each kind costs.

    Parameters
    ----------
    curve : pandas.DataFrame
        From :func:`threshold_curve`: one row per threshold.
    cost_wrongly_flagged, cost_missed : float
        Harm points for one citizen wrongly flagged (found work anyway) and
        one citizen missed (still unemployed, not flagged). Assumptions, not data.

    Returns
    -------
    pandas.Series
        Harm points a year, indexed by threshold.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> harm = harm_per_year(threshold_curve(p.model, p.test), 1, 1)
    >>> harm.index.name, len(harm)
    ('threshold', 19)
    """
    if not isinstance(curve, pd.DataFrame) or not {"wrongly_flagged_per_year", "missed_per_year"} <= set(curve):
        raise ValueError(
            "`curve` must be the table from casekit.threshold_curve(model, citizens), "
            f"but {type(curve).__name__} was passed."
        )
    costs = {}
    for name, value in {"cost_wrongly_flagged": cost_wrongly_flagged, "cost_missed": cost_missed}.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not value >= 0:
            raise ValueError(f"`{name}` must be a number of harm points, 0 or more, but {value!r} was passed.")
        costs[name] = float(value)
    harm = (
        curve["wrongly_flagged_per_year"] * costs["cost_wrongly_flagged"]
        + curve["missed_per_year"] * costs["cost_missed"]
    )
    return harm.rename("harm_per_year")


def least_harm_threshold(curve, cost_wrongly_flagged, cost_missed):
    """Return the threshold of `curve` with the least total harm a year (the lowest, if several tie).

    Parameters
    ----------
    curve : pandas.DataFrame
        From :func:`threshold_curve`.
    cost_wrongly_flagged, cost_missed : float
        As in :func:`harm_per_year`.

    Returns
    -------
    float

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> curve = threshold_curve(p.model, p.test)
    >>> least_harm_threshold(curve, 1, 4) <= least_harm_threshold(curve, 1, 1) <= least_harm_threshold(curve, 4, 1)
    True
    """
    return float(harm_per_year(curve, cost_wrongly_flagged, cost_missed).idxmin())
