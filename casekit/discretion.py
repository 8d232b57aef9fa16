"""Professional discretion (*socialfagligt skøn*) as a simulation: the caseworker may override the flag.

The caseworker knows things the tree does not see (health, missed meetings,
benefit, household, how long the citizen has been out of work). Their rules
for overriding are written as pandas query strings over those columns, so a
student can change them and see what discretion does to accuracy and to who
is wrongly flagged.
"""

import numpy as np
import pandas as pd

from casekit._validation import check_column, check_frame, check_model, check_probability

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
    check_model(model, method="predict_proba")
    check_frame(citizens, name="citizens", columns=["citizen_id"])
    threshold = check_probability(threshold, name="threshold")
    probability = model.predict_proba(citizens)[:, 1]
    model_flag = pd.Series(probability > threshold, index=citizens.index)
    lift = model_flag & _matches(citizens, unflag_if, name="unflag_if")
    add = ~model_flag & _matches(citizens, flag_if, name="flag_if")
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


def _matches(citizens, query, *, name):
    """Boolean Series: which citizens satisfy the query string."""
    if query is None:
        return pd.Series(False, index=citizens.index)
    named = [column for column in OFF_LIMITS if column in str(query)]
    if named:
        raise ValueError(
            f"`{name}` may not use {named}: a caseworker cannot know the outcome in advance, and "
            f"origin is kept only to audit the model. {query!r} was passed."
        )
    try:
        chosen = citizens.query(query).index
    except Exception as error:
        raise ValueError(
            f"`{name}` must be a pandas query over the columns {list(citizens.columns)}, "
            f'e.g. "missed_meetings >= 2", but {query!r} failed: {error}'
        ) from None
    return pd.Series(citizens.index.isin(chosen), index=citizens.index)


def _check_decisions(decisions, citizens):
    check_frame(decisions, name="decisions", columns=["model_flag", "final_flag", "override"])
    check_frame(citizens, name="citizens", columns=["district", "unemployed_12m"])
    if not decisions.index.equals(citizens.index):
        raise ValueError(
            "`decisions` must come from human_in_the_loop(model, citizens) for the same `citizens`, "
            f"but it has {len(decisions)} rows and `citizens` {len(citizens)}."
        )


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

    _check_decisions(decisions, citizens)
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

    _check_decisions(decisions, citizens)
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
