"""Professional discretion (*socialfagligt skøn*) as a simulation: the caseworker may override the flag.

The caseworker knows things the tree does not see (health, missed meetings,
benefit, household, how long the citizen has been out of work). Their rules
for overriding are written as pandas query strings over those columns, so a
student can change them and see what discretion does to accuracy and to who
is wrongly flagged.
"""

import pandas as pd

from casekit._validation import check_frame, check_model, check_probability

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
    return pd.DataFrame({
        "citizen_id": citizens["citizen_id"], "probability": probability, "model_flag": model_flag,
        "final_flag": final, "override": pd.Series("", index=citizens.index).mask(lift, "lifted").mask(add, "added"),
    })


#: What a caseworker cannot base a decision on: the outcome nobody knows yet, and origin (kept for audits only).
OFF_LIMITS = ["unemployed_12m", "origin"]


def _matches(citizens, query, *, name):
    """Boolean Series: which citizens satisfy the query string."""
    if query is None:
        return pd.Series(False, index=citizens.index)
    named = [column for column in OFF_LIMITS if column in str(query)]
    if named:
        raise ValueError(f"`{name}` may not use {named}: a caseworker cannot know the outcome in advance, and "
                         f"origin is kept only to audit the model. {query!r} was passed.")
    try:
        chosen = citizens.query(query).index
    except Exception as error:
        raise ValueError(f"`{name}` must be a pandas query over the columns {list(citizens.columns)}, "
                         f"e.g. \"missed_meetings >= 2\", but {query!r} failed: {error}") from None
    return pd.Series(citizens.index.isin(chosen), index=citizens.index)
