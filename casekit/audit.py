"""Group metrics: who does the model get wrong? Built on fairlearn's MetricFrame."""

from functools import partial

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    count,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
)
from sklearn.metrics import accuracy_score, precision_score

from casekit._validation import check_column, check_frame, check_labels, check_model, check_same_length
from casekit.codebook import ESTATE
from casekit.model import TARGET

AGE_BANDS = ["18-29", "30-39", "40-49", "50-64"]
REST = "rest of the municipality"


def _base_rate(y_true, y_pred):
    """Share of citizens who really were still unemployed."""
    return float(np.mean(y_true))


METRICS = {
    "count": count,
    "base_rate": _base_rate,
    "selection_rate": selection_rate,
    "accuracy": accuracy_score,
    "false_positive_rate": false_positive_rate,
    "false_negative_rate": false_negative_rate,
    "precision": partial(precision_score, zero_division=np.nan),
}


def group_metrics(y_true, y_pred, *, sensitive_features):
    """Return the model's errors and rates for each group.

    Parameters
    ----------
    y_true : array-like of 0/1
        What really happened (``unemployed_12m``).
    y_pred : array-like of 0/1
        The model's flags (``model.predict``), not probabilities.
    sensitive_features : pandas.Series
        The group of each citizen, e.g. ``citizens["district"]``.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``count``, ``base_rate`` (share really still
        unemployed), ``selection_rate`` (share flagged), ``accuracy``,
        ``false_positive_rate`` (flagged among those who found work),
        ``false_negative_rate`` (not flagged among those still unemployed)
        and ``precision`` (still unemployed among those flagged).

    Examples
    --------
    >>> groups = pd.Series(["a", "a", "b", "b"], name="group")
    >>> group_metrics([0, 1, 0, 1], [1, 1, 0, 1], sensitive_features=groups)[["count", "false_positive_rate"]]
           count  false_positive_rate
    group
    a          2                  1.0
    b          2                  0.0
    """
    truth = check_labels(y_true, name="y_true")
    flags = check_labels(y_pred, name="y_pred")
    check_same_length(y_true=truth, y_pred=flags, sensitive_features=sensitive_features)
    frame = MetricFrame(metrics=METRICS, y_true=truth, y_pred=flags, sensitive_features=sensitive_features)
    table = frame.by_group
    table["count"] = table["count"].astype(int)
    groups = pd.Series(sensitive_features)
    if isinstance(groups.dtype, pd.CategoricalDtype):
        table = table.reindex(pd.CategoricalIndex([g for g in groups.cat.categories if g in table.index],
                                                  dtype=groups.dtype, name=table.index.name))
    return table


def audit(model, citizens, *, by="district"):
    """Flag `citizens` with `model` and return :func:`group_metrics` by a column.

    Parameters
    ----------
    model : fitted estimator
        E.g. from :func:`casekit.train_pilot_tree`.
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    by : str, default "district"
        A column of `citizens`, or ``"age_band"`` or ``"estate"`` (the
        estate against the rest of the municipality).

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> table = audit(train_pilot_tree(train), test, by="estate")
    >>> table.index.tolist()
    ['Lyngtoften', 'rest of the municipality']
    """
    check_model(model)
    check_frame(citizens, name="citizens", columns=[TARGET])
    groups = with_groups(citizens)
    return group_metrics(citizens[TARGET], model.predict(citizens),
                         sensitive_features=check_column(groups, by, name="by"))


def with_groups(citizens):
    """Return a copy of `citizens` with the derived columns ``age_band`` and ``estate``.

    Examples
    --------
    >>> from casekit import load_citizens
    >>> with_groups(load_citizens())[["age", "age_band"]].head(2)
       age age_band
    0   50    50-64
    1   41    40-49
    """
    check_frame(citizens, name="citizens", columns=["age", "district"])
    bands = pd.cut(citizens["age"], bins=[17, 29, 39, 49, 120], labels=AGE_BANDS, ordered=True)
    estate = citizens["district"].astype(str).where(citizens["district"] == ESTATE, REST)
    return citizens.assign(age_band=bands, estate=pd.Categorical(estate, categories=[ESTATE, REST]))
