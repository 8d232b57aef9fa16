"""Professional discretion (*socialfagligt skøn*) as a simulation: the caseworker may override the flag.

The caseworker knows things the tree does not see (health, missed meetings,
benefit, household, how long the citizen has been out of work). Their rules
for overriding are written as pandas query strings over those columns, so a
student can change them and see what discretion does to accuracy and to who
is wrongly flagged.
"""

import re

import numpy as np
import pandas as pd

from casekit._validation import check_column, check_frame, check_probability
from casekit.data import check_citizens
from casekit.model import TARGET, check_scoring

#: A caseworker's default reasons to lift a flag and to add one (editable).
UNFLAG_IF = "benefit_type == 'dagpenge' and missed_meetings == 0 and not health_limitation"
FLAG_IF = "health_limitation and missed_meetings >= 2"


def human_in_the_loop(model, citizens, *, unflag_if=UNFLAG_IF, flag_if=FLAG_IF, threshold=0.5):
    """Return the tree's flags and the caseworker's final flags after overriding.

    Parameters
    ----------
    model : fitted estimator
        A fitted pilot tree.
    citizens : pandas.DataFrame
    unflag_if, flag_if : str or None
        pandas query strings: when a flagged citizen matches `unflag_if`, the
        caseworker lifts the flag; when an unflagged one matches `flag_if`,
        the caseworker adds one. ``None`` switches that kind of override off.
        A rule reads only :func:`visible_to_caseworker` (the citizens without
        the outcome and origin; ``@citizens`` is that frame too), so no rule,
        however it is written, can use what the caseworker may not.
    threshold : float, default 0.5

    Returns
    -------
    pandas.DataFrame
        ``citizen_id``, ``probability``, ``model_flag``, ``final_flag`` and
        ``override`` ("lifted", "added" or "").

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> decisions = human_in_the_loop(train_pilot_tree(train), test)
    >>> sorted(decisions["override"].unique())
    ['', 'added', 'lifted']
    """
    citizens = check_scoring(model, citizens, columns=["citizen_id"], outcome=False, method="predict_proba")
    threshold = check_probability(threshold, name="threshold")
    probability = model.predict_proba(citizens)[:, 1]
    model_flag = pd.Series(probability > threshold, index=citizens.index)
    visible = visible_to_caseworker(citizens)
    lift = model_flag & _matches(visible, unflag_if, name="unflag_if").to_numpy()
    add = ~model_flag & _matches(visible, flag_if, name="flag_if").to_numpy()
    final = (model_flag & ~lift) | add
    return pd.DataFrame(
        {
            "citizen_id": citizens["citizen_id"],
            "probability": probability,
            "model_flag": model_flag,
            "final_flag": final,
            "override": pd.Series("", index=citizens.index).mask(lift, "lifted").mask(add, "added"),
        }
    )


#: What a caseworker cannot base a decision on: the outcome nobody knows yet, and origin (kept for audits only).
OFF_LIMITS = ["unemployed_12m", "origin"]


def visible_to_caseworker(citizens):
    """Return what a caseworker's rule may read: a fresh copy of `citizens` without the :data:`OFF_LIMITS` columns.

    The copy shares no data with `citizens`, so a rule evaluated against it
    cannot reach the outcome or origin, however it is written.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> [column for column in OFF_LIMITS if column in visible_to_caseworker(pilot().test)]
    []
    """
    kept = [column for column in citizens.columns if column not in OFF_LIMITS]
    visible = citizens[kept].copy(deep=True)
    visible.index = citizens.index.copy(deep=True)
    visible.attrs = {}
    return visible


def _matches(visible, query, *, name):
    """Boolean Series: which citizens satisfy the query string, read against `visible` only.

    The rule's namespace holds nothing but `visible` (as ``@citizens``, its rows numbered from 0), and
    private or special attributes (``._x``, ``__x__``) are refused, so no rule
    can find its way back to the full frame.
    """
    if query is None:
        return pd.Series(False, index=visible.index)
    allowed = f'a pandas query over the columns {list(visible.columns)}, e.g. "missed_meetings >= 2"'
    if not isinstance(query, str):
        raise TypeError(f"`{name}` must be {allowed}, or None, but {query!r} was passed.")
    if "__" in query or re.search(r"\.\s*_", query):
        raise ValueError(f"`{name}` must be {allowed}, with no private attributes (._x, __x__); {query!r} was passed.")
    rows = visible.reset_index(drop=True)  # by position, so that rows sharing an index label stay apart
    try:
        chosen = rows.query(query, local_dict={"citizens": rows}, global_dict={}).index
    except Exception as error:
        named = [column for column in OFF_LIMITS if column in query or column in str(error)]
        if named:
            raise ValueError(
                f"`{name}` may not use {named}: a caseworker cannot know the outcome in advance, and "
                f"origin is kept only to audit the model. A rule sees only {list(visible.columns)}; "
                f"{query!r} was passed."
            ) from None
        raise ValueError(f"`{name}` must be {allowed}, but {query!r} failed: {error}") from None
    return pd.Series(rows.index.isin(chosen), index=visible.index)


def _check_decisions(decisions, citizens):
    check_frame(decisions, name="decisions", columns=["model_flag", "final_flag", "override"])
    citizens = check_citizens(citizens, columns=["district"], outcome=TARGET)
    if not decisions.index.equals(citizens.index):
        raise ValueError(
            "`decisions` must come from human_in_the_loop(model, citizens) for the same `citizens`, "
            f"but it has {len(decisions)} rows and `citizens` {len(citizens)}."
        )
    return citizens


def compare_flags(decisions, citizens, *, by="estate"):
    """Compare the tree's flags with the caseworkers' final flags, per group, each rate with its count and interval.

    Parameters
    ----------
    decisions : pandas.DataFrame
        From :func:`human_in_the_loop`.
    citizens : pandas.DataFrame
        The same citizens, with their outcomes.
    by : str, default "estate"
        As in :func:`casekit.audit`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``flags`` ("tree flag", "final flag") and group:
        ``accuracy``, ``false_positive_rate`` and ``false_negative_rate``,
        written by :func:`casekit.format_rate`.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> table = compare_flags(human_in_the_loop(p.model, p.test), p.test)
    >>> table.loc[("tree flag", "Lyngtoften"), "false_positive_rate"]
    '25 % (17–36 %), 19 of 75'
    """
    from casekit.audit import group_intervals, with_groups

    citizens = _check_decisions(decisions, citizens)
    groups = check_column(with_groups(citizens), by, name="by")
    parts = {}
    for label, column in (("tree flag", "model_flag"), ("final flag", "final_flag")):
        table = group_intervals(citizens["unemployed_12m"], decisions[column].astype(int), sensitive_features=groups)
        parts[label] = table["shown"].unstack()[["accuracy", "false_positive_rate", "false_negative_rate"]]
    return pd.concat(parts, names=["flags"])


def override_effects(decisions, citizens, *, by="estate"):
    """Count the overrides that undid one of the tree's errors and those that made a new one, per group.

    An override always flips a flag, so it either helps (the tree was wrong)
    or hurts (the tree was right).

    Parameters
    ----------
    decisions : pandas.DataFrame
        From :func:`human_in_the_loop`.
    citizens : pandas.DataFrame
        The same citizens, with their outcomes.
    by : str, default "estate"

    Returns
    -------
    pandas.DataFrame
        Indexed by ``override`` ("lifted", "added") and group; columns
        ``helped: undid a wrong flag`` and ``hurt: made a right flag wrong``.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> override_effects(human_in_the_loop(p.model, p.test), p.test).columns.tolist()
    ['helped: undid a wrong flag', 'hurt: made a right flag wrong']
    """
    from casekit.audit import with_groups

    citizens = _check_decisions(decisions, citizens)
    groups = check_column(with_groups(citizens), by, name="by")
    overridden = (decisions["override"] != "").to_numpy()
    tree_right = decisions["model_flag"].to_numpy() == (citizens["unemployed_12m"] == 1).to_numpy()
    effect = np.where(tree_right, "hurt: made a right flag wrong", "helped: undid a wrong flag")
    frame = pd.DataFrame({"override": decisions["override"].to_numpy(), "group": groups.to_numpy(), "effect": effect})[
        overridden
    ]
    table = pd.crosstab([frame["override"], frame["group"]], frame["effect"])
    table = table.reindex(columns=["helped: undid a wrong flag", "hurt: made a right flag wrong"], fill_value=0)
    table.columns.name = None
    table.index.names = ["override", groups.name]
    return table
