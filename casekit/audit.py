"""Group audits: whom does the model get wrong, group by group? Built on fairlearn's MetricFrame.

Every rate for a group rests on a count: the estate's false-positive rate of
25 % is 19 of the 75 estate citizens in the test split who found work. With
so few, another sample of citizens could as well have given 17 % or 36 %.
So besides the rates (:func:`group_metrics`, :func:`audit`) this module gives

- :func:`group_intervals` / :func:`audit_intervals`: each rate with the count
  it rests on (its denominator), a 95 % Wilson interval
  (:func:`wilson_interval`) and a mark when fewer than :data:`MIN_COUNT`
  citizens are behind it; :func:`format_rate` writes one as
  "25 % (17–36 %), 19 of 75";
- :func:`compare_groups` / :func:`audit_gap`: the ratio and the difference of
  a rate between two groups, with a seeded bootstrap interval;
- :func:`rates_by_threshold` and :func:`rates_shown`: each group's rates at
  every threshold, and per-group thresholds (notebooks 05 and 08);
- :func:`residence_audit`: the numbers behind the residence-audit app (rates,
  counts, intervals, the estate's ratio and the flip test, by group).
"""

import numbers
from functools import partial
from typing import NamedTuple

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    count,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
)
from scipy.stats import norm
from sklearn.metrics import accuracy_score, precision_score

from casekit._validation import (
    _shown,
    check_choice,
    check_column,
    check_frame,
    check_labels,
    check_model,
    check_positive_int,
    check_probability,
    check_same_length,
    check_seed,
)
from casekit.codebook import CATEGORIES, ESTATE
from casekit.data import check_citizens, with_immigrant
from casekit.explain import _flip
from casekit.i18n import _, number, percent
from casekit.model import TARGET, check_scoring

AGE_BANDS = ["18-29", "30-39", "40-49", "50-64"]
REST = "rest of the municipality"
#: A rate resting on fewer citizens than this is marked too small to read: with 30, a
#: 95 % interval around 25 % already runs from about 12 % to 43 %.
MIN_COUNT = 30
#: The confidence of every interval, unless told otherwise.
CONFIDENCE = 0.95
#: Each rate as a fraction of the cells of the confusion matrix (tn, fp, fn, tp):
#: metric -> (numerator, denominator, the numerator in words, the denominator in words).
RATES = {
    "base_rate": (("fn", "tp"), ("tn", "fp", "fn", "tp"), "still unemployed", "citizens"),
    "selection_rate": (("fp", "tp"), ("tn", "fp", "fn", "tp"), "flagged", "citizens"),
    "accuracy": (("tn", "tp"), ("tn", "fp", "fn", "tp"), "right", "citizens"),
    "false_positive_rate": (("fp",), ("tn", "fp"), "wrongly flagged", "who found work"),
    "false_negative_rate": (("fn",), ("fn", "tp"), "missed", "still unemployed"),
    "precision": (("tp",), ("fp", "tp"), "still unemployed", "flagged"),
}
_CELLS = ["tn", "fp", "fn", "tp"]


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
        The group of each citizen, e.g. ``citizens["district"]``. Matched to
        `y_true` by the index when both are Series (refused if the indexes
        hold other citizens), by position otherwise. A missing group (no
        education registered) is a group of its own, :data:`NOT_REGISTERED`.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``count``, ``base_rate`` (share really still
        unemployed), ``selection_rate`` (share flagged), ``accuracy``,
        ``false_positive_rate`` (flagged among those who found work),
        ``false_negative_rate`` (not flagged among those still unemployed)
        and ``precision`` (still unemployed among those flagged). A rate
        with nobody behind it (the false-negative rate of a group in which
        nobody stayed unemployed) is NaN, not 0.

    Examples
    --------
    >>> groups = pd.Series(["a", "a", "b", "b"], name="group")
    >>> group_metrics([0, 1, 0, 1], [1, 1, 0, 1], sensitive_features=groups)[["count", "false_positive_rate"]]
           count  false_positive_rate
    group
    a          2                  1.0
    b          2                  0.0
    >>> group_metrics([0, 1, 0, 0], [1, 1, 0, 1], sensitive_features=groups)["false_negative_rate"].tolist()
    [0.0, nan]
    """
    truth, flags, groups = _check_inputs(y_true, y_pred, sensitive_features)
    table = _by_group({**METRICS, "cells": _confusion}, truth, flags, groups)
    cells = _cells_table(table)
    for metric in RATES:
        _, denominator = _fraction(cells, metric)
        table[metric] = table[metric].astype(float).where(denominator > 0)
    return table.drop(columns="cells").assign(count=table["count"].astype(int))


def _check_inputs(y_true, y_pred, sensitive_features):
    """The labels as arrays and the groups in the same order, a missing group as :data:`NOT_REGISTERED`.

    Series are matched by their index (a group Series in another order is
    put in the order of `y_true`); plain arrays and lists by position.
    """
    if isinstance(sensitive_features, pd.DataFrame) or np.ndim(sensitive_features) != 1:
        raise TypeError(
            "`sensitive_features` must be one group per citizen, e.g. citizens['district'], "
            f"but {_shown(sensitive_features)} was passed."
        )
    y_pred = _aligned(y_pred, y_true, name="y_pred", like="y_true")
    truth = check_labels(y_true, name="y_true")
    flags = check_labels(y_pred, name="y_pred")
    check_same_length(y_true=truth, y_pred=flags, sensitive_features=sensitive_features)
    like, reference = ("y_true", y_true) if isinstance(y_true, pd.Series) else ("y_pred", y_pred)
    groups = _aligned(sensitive_features, reference, name="sensitive_features", like=like)
    return truth, flags, _with_missing_group(pd.Series(groups))


def _aligned(values, reference, *, name, like):
    """`values` in the order of `reference` when both are Series with the same index in another order."""
    if not (isinstance(values, pd.Series) and isinstance(reference, pd.Series)) or values.index.equals(reference.index):
        return values
    if values.index.is_unique and reference.index.is_unique and set(values.index) == set(reference.index):
        return values.reindex(reference.index)
    missing = [label for label in reference.index if label not in values.index][:3]
    raise ValueError(
        f"`{name}` must be indexed like `{like}` (the same citizens), but its index differs"
        + (f": it has no row for {missing}" if missing else ", with repeated labels")
        + ". Pass plain arrays (.to_numpy()) to match the rows by position."
    )


def _with_missing_group(groups):
    """`groups` with a missing value (no education registered) as a group of its own, :data:`NOT_REGISTERED`."""
    if not groups.isna().any():
        return groups
    if isinstance(groups.dtype, pd.CategoricalDtype):
        if NOT_REGISTERED not in groups.cat.categories:
            groups = groups.cat.add_categories(NOT_REGISTERED)
        return groups.fillna(NOT_REGISTERED)
    return groups.astype(object).where(groups.notna(), NOT_REGISTERED)


def _by_group(metrics, truth, flags, sensitive_features):
    """``MetricFrame(...).by_group``, with the groups in the order of their categories."""
    table = MetricFrame(metrics=metrics, y_true=truth, y_pred=flags, sensitive_features=sensitive_features).by_group
    groups = pd.Series(sensitive_features)
    if isinstance(groups.dtype, pd.CategoricalDtype):
        table = table.reindex(
            pd.CategoricalIndex(
                [g for g in groups.cat.categories if g in table.index], dtype=groups.dtype, name=table.index.name
            )
        )
    return table


def _confusion(y_true, y_pred):
    """The four cells of the confusion matrix, as counts: tn, fp, fn, tp."""
    return np.bincount(2 * np.asarray(y_true, dtype=int) + np.asarray(y_pred, dtype=int), minlength=4)


def confusion_by_group(y_true, y_pred, *, sensitive_features):
    """Count the cells of the confusion matrix in each group (one fast MetricFrame).

    Parameters
    ----------
    y_true, y_pred, sensitive_features
        As in :func:`group_metrics`.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``tn`` (left alone, found work), ``fp`` (wrongly
        flagged), ``fn`` (missed), ``tp`` (rightly flagged). Every rate of
        :data:`RATES` is a fraction of these.

    Examples
    --------
    >>> groups = pd.Series(["a", "a", "b", "b"], name="group")
    >>> confusion_by_group([0, 1, 0, 1], [1, 1, 0, 1], sensitive_features=groups)
           tn  fp  fn  tp
    group
    a       0   1   0   1
    b       1   0   0   1
    """
    truth, flags, groups = _check_inputs(y_true, y_pred, sensitive_features)
    return _cells_table(_by_group({"cells": _confusion}, truth, flags, groups))


def _cells_table(table):
    cells = np.stack(table["cells"].to_numpy()) if len(table) else np.zeros((0, 4), dtype=int)
    return pd.DataFrame(cells.astype(int), index=table.index, columns=_CELLS)


def _fraction(cells, metric):
    """Numerator and denominator of `metric` from a table (or array) of cells."""
    numerator, denominator, _, _ = RATES[metric]
    return (sum(cells[cell] for cell in numerator), sum(cells[cell] for cell in denominator))


def wilson_interval(numerator, denominator, *, confidence=CONFIDENCE):
    """Return the Wilson score interval for the share `numerator` / `denominator`.

    The interval of plausible true shares given what was counted: unlike
    "rate ± 2 standard errors", it stays between 0 and 1 and behaves with
    small counts. A share of nobody (denominator 0) gets ``nan``.

    Parameters
    ----------
    numerator : int or array-like of int
        How many had the outcome, e.g. 19 wrongly flagged.
    denominator : int or array-like of int
        Out of how many, e.g. 75 who found work.
    confidence : float, default 0.95

    Returns
    -------
    tuple
        ``(low, high)``, floats or arrays like the inputs.

    Examples
    --------
    >>> low, high = wilson_interval(19, 75)
    >>> f"{low:.1%} to {high:.1%}"
    '16.9% to 36.2%'
    """
    confidence = _check_confidence(confidence)
    k, n = np.asarray(numerator, dtype=float), np.asarray(denominator, dtype=float)
    if np.any(k < 0) or np.any(k > n):
        raise ValueError(
            f"`numerator` must lie between 0 and `denominator`, but {numerator!r} of {denominator!r} was passed."
        )
    z = norm.ppf(1 - (1 - confidence) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = k / n
        scale = 1 + z**2 / n
        centre = (share + z**2 / (2 * n)) / scale
        half = z * np.sqrt(share * (1 - share) / n + z**2 / (4 * n**2)) / scale
    low, high = np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


def format_rate(numerator, denominator, *, confidence=CONFIDENCE, min_count=MIN_COUNT, decimals=0):
    """Write a share with its interval and its count: "25 % (17–36 %), 19 of 75".

    Parameters
    ----------
    numerator, denominator : int
        E.g. 19 wrongly flagged of 75 who found work.
    confidence : float, default 0.95
        Of the Wilson interval (:func:`wilson_interval`).
    min_count : int, default MIN_COUNT (30)
        Below this denominator, add "too few to read".
    decimals : int, default 0
        Decimals of the percentages.

    Returns
    -------
    str

    Examples
    --------
    >>> format_rate(19, 75)
    '25 % (17–36 %), 19 of 75'
    >>> format_rate(3, 12)
    '25 % (9–53 %), 3 of 12: too few to read'
    >>> format_rate(0, 0)
    'no one to count (0 of 0)'
    >>> format_rate(80, 75)
    Traceback (most recent call last):
    ...
    ValueError: `numerator` must be a whole number from 0 to `denominator` (75), but 80 was passed.
    """
    denominator = _count(denominator, name="denominator", most=None)
    numerator = _count(numerator, name="numerator", most=denominator)
    if denominator == 0:
        return _("no one to count (0 of 0)")
    low, high = wilson_interval(numerator, denominator, confidence=confidence)
    # Translators: e.g. "25 % (17–36 %), 19 of 75": the share, its interval, and the citizens it is counted from.
    text = _("{share} ({low}–{high}), {numerator} of {denominator}").format(
        share=percent(numerator / denominator, decimals, spaced=True),
        low=number(100 * low, decimals, grouping=False),
        high=percent(high, decimals, spaced=True),
        numerator=number(numerator, grouping=False),
        denominator=number(denominator, grouping=False),
    )
    # Translators: {rate} is a share written as "25 % (9–53 %), 3 of 12"; the group is too small to read it.
    return _("{rate}: too few to read").format(rate=text) if denominator < min_count else text


def _count(value, *, name, most):
    """`value` as an int if it is a whole number from 0 to `most` (None: no upper end), else a ValueError."""
    whole = isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer()
    if not whole or value < 0 or (most is not None and value > most):
        upper = f"from 0 to `denominator` ({most})" if most is not None else "of citizens, 0 or more"
        raise ValueError(f"`{name}` must be a whole number {upper}, but {_shown(value)} was passed.")
    return int(value)


def format_rates(numerators, denominators, **options):
    """Write many shares at once, each as :func:`format_rate` writes one.

    Examples
    --------
    >>> format_rates([19, 109], [75, 1217])
    ['25 % (17–36 %), 19 of 75', '9 % (7–11 %), 109 of 1217']
    """
    return [format_rate(k, n, **options) for k, n in zip(numerators, denominators, strict=True)]


def _with_interval(table):
    """Add ``share``, the Wilson ``low`` and ``high``, ``too_small`` and ``shown`` to counts of
    ``numerator`` out of ``denominator``."""
    low, high = wilson_interval(table["numerator"].to_numpy(), table["denominator"].to_numpy())
    with np.errstate(divide="ignore", invalid="ignore"):
        share = table["numerator"] / table["denominator"].where(table["denominator"] > 0)
    return table.assign(
        share=share,
        low=low,
        high=high,
        too_small=table["denominator"] < MIN_COUNT,
        shown=format_rates(table["numerator"], table["denominator"]),
    )


def group_intervals(y_true, y_pred, *, sensitive_features, confidence=CONFIDENCE, min_count=MIN_COUNT):
    """Return each group's rates with the count behind them and a Wilson interval.

    Parameters
    ----------
    y_true, y_pred, sensitive_features
        As in :func:`group_metrics`.
    confidence : float, default 0.95
    min_count : int, default MIN_COUNT (30)
        A rate resting on fewer citizens is marked ``too_small``.

    Returns
    -------
    pandas.DataFrame
        One row per group and metric (the metrics of :data:`RATES`):
        ``rate`` (numerator over denominator, the same as :func:`group_metrics`
        gives; ``nan`` when nobody is behind it), ``numerator`` and ``denominator``
        (e.g. 19 wrongly flagged of 75 who found work), ``low`` and ``high``
        (the Wilson interval), ``too_small`` (denominator under `min_count`)
        and ``shown`` (:func:`format_rate`). ``table.loc["Lyngtoften"]``
        gives one group; ``table.xs("false_positive_rate", level="metric")``
        one metric for every group.

    Examples
    --------
    >>> groups = pd.Series(["a"] * 40 + ["b"] * 10, name="group")
    >>> table = group_intervals([0, 1] * 25, [1, 1] * 25, sensitive_features=groups)
    >>> table.loc[("a", "false_positive_rate"), "shown"]
    '100 % (84–100 %), 20 of 20: too few to read'
    >>> row = table.loc[("a", "selection_rate")]
    >>> int(row["numerator"]), int(row["denominator"]), bool(row["too_small"])
    (40, 40, False)
    """
    truth, flags, groups = _check_inputs(y_true, y_pred, sensitive_features)
    confidence = _check_confidence(confidence)
    min_count = check_positive_int(min_count, name="min_count")
    cells = _cells_table(_by_group({"cells": _confusion}, truth, flags, groups))
    parts = []
    for metric in RATES:
        numerator, denominator = _fraction(cells, metric)
        low, high = wilson_interval(numerator.to_numpy(), denominator.to_numpy(), confidence=confidence)
        parts.append(
            pd.DataFrame(
                {
                    "metric": metric,
                    "rate": numerator / denominator.where(denominator > 0),
                    "numerator": numerator.astype(int),
                    "denominator": denominator.astype(int),
                    "low": low,
                    "high": high,
                    "too_small": denominator < min_count,
                    "shown": format_rates(numerator, denominator, confidence=confidence, min_count=min_count),
                }
            )
        )
    long = pd.concat(parts).set_index("metric", append=True)
    order = pd.MultiIndex.from_product([cells.index, list(RATES)], names=[cells.index.name, "metric"])
    return long.reindex(order)


def audit_intervals(model, citizens, *, by="district", confidence=CONFIDENCE, min_count=MIN_COUNT):
    """Flag `citizens` with `model` and return :func:`group_intervals` by a column.

    Parameters
    ----------
    model : fitted estimator
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    by : str, default "district"
        As in :func:`audit`.
    confidence : float, default 0.95
    min_count : int, default MIN_COUNT (30)

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> table = audit_intervals(train_pilot_tree(train), test, by="estate")
    >>> table.loc[("Lyngtoften", "false_positive_rate"), "shown"]
    '25 % (17–36 %), 19 of 75'
    """
    citizens = check_scoring(model, citizens)
    groups = _groups(citizens, by)
    return group_intervals(
        citizens[TARGET], model.predict(citizens), sensitive_features=groups, confidence=confidence, min_count=min_count
    )


def compare_groups(
    y_true,
    y_pred,
    *,
    sensitive_features,
    group,
    reference=None,
    metric="false_positive_rate",
    n_resamples=10_000,
    confidence=CONFIDENCE,
    random_state=None,
):
    """Compare a rate between two groups: the ratio and the difference, with bootstrap intervals.

    The bootstrap: draw as many citizens as there are, with replacement, from
    all of them (so the groups' sizes vary as they would in another sample),
    compute the rate in `group` and in `reference`, and repeat `n_resamples`
    times; the interval is the middle `confidence` of the resampled ratios
    (and differences), the percentile method. Each rate depends only on how
    many citizens of each kind (group or reference, times the cells of the
    confusion matrix the rate uses) are drawn, so the draw is made as those
    counts (a multinomial draw per resample): the same distribution as
    drawing the citizens one by one, and fast. Resamples where a rate cannot be computed
    (nobody behind it) are left out; a reference rate of 0 gives an infinite
    ratio.

    Parameters
    ----------
    y_true, y_pred, sensitive_features
        As in :func:`group_metrics`.
    group : str
        The group to compare, e.g. ``"Lyngtoften"``.
    reference : str, optional
        The group to compare with; everybody not in `group` by default.
    metric : str, default "false_positive_rate"
        One of :data:`RATES`.
    n_resamples : int, default 10000
    confidence : float, default 0.95
    random_state : int, RandomState or None
        Seed of the resampling; pass an int for the same interval every time.

    Returns
    -------
    pandas.DataFrame
        Two rows, ``ratio`` (group / reference) and ``difference`` (group
        minus reference, in percentage points), with the columns
        ``estimate``, ``low``, ``high`` and ``shown`` ("2.8× (1.7–4.2)").

    Examples
    --------
    >>> groups = pd.Series(["a"] * 100 + ["b"] * 100)
    >>> truth = [0] * 200
    >>> flags = [1] * 30 + [0] * 70 + [1] * 10 + [0] * 90
    >>> gap = compare_groups(truth, flags, sensitive_features=groups, group="a", random_state=0)
    >>> gap["estimate"].round(1).tolist()
    [3.0, 20.0]
    >>> bool(gap.loc["ratio", "low"] < 3 < gap.loc["ratio", "high"])
    True
    """
    truth, flags, groups = _check_inputs(y_true, y_pred, sensitive_features)
    groups = groups.reset_index(drop=True)
    present = list(pd.unique(groups.dropna()))
    check_choice(group, present, name="group")
    if reference is not None:
        check_choice(reference, [g for g in present if g != group], name="reference")
    check_choice(metric, list(RATES), name="metric")
    n_resamples = check_positive_int(n_resamples, name="n_resamples")
    confidence = _check_confidence(confidence)
    in_group = (groups == group).to_numpy()
    in_reference = ~in_group if reference is None else (groups == reference).to_numpy()
    cells = np.concatenate(
        [_confusion(truth[in_group], flags[in_group]), _confusion(truth[in_reference], flags[in_reference])]
    )
    return _compare_cells(cells, len(truth), metric, n_resamples, confidence, check_seed(random_state))


def audit_gap(
    model,
    citizens,
    *,
    by="estate",
    group=None,
    reference=None,
    metric="false_positive_rate",
    n_resamples=10_000,
    confidence=CONFIDENCE,
    random_state=None,
):
    """Flag `citizens` with `model` and return :func:`compare_groups` for one group.

    Parameters
    ----------
    model : fitted estimator
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    by : str, default "estate"
        As in :func:`audit`.
    group : str, optional
        The group to compare; the estate (Lyngtoften) by default.
    reference, metric, n_resamples, confidence, random_state
        As in :func:`compare_groups`.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> audit_gap(train_pilot_tree(train), test, random_state=0).loc["ratio", "shown"]
    '2.8× (1.7–4.2)'
    """
    citizens = check_scoring(model, citizens)
    groups = _groups(citizens, by)
    return compare_groups(
        citizens[TARGET],
        model.predict(citizens),
        sensitive_features=groups,
        group=ESTATE if group is None else group,
        reference=reference,
        metric=metric,
        n_resamples=n_resamples,
        confidence=confidence,
        random_state=random_state,
    )


def _compare_cells(cells, n_citizens, metric, n_resamples, confidence, rng):
    """Ratio and difference of `metric` between the first and the last four `cells`, bootstrapped."""
    numerator, denominator, _, _ = RATES[metric]
    used = [_CELLS.index(cell) for cell in _CELLS if cell in numerator + denominator]
    kept = np.concatenate([cells[:4][used], cells[4:][used]])
    drawn = _resample_counts(np.append(kept, n_citizens - kept.sum()), n_resamples, rng)[:, :-1]
    full = np.zeros((n_resamples + 1, 8), dtype=np.int64)
    full[:, used + [4 + i for i in used]] = np.vstack([kept, drawn])
    ratio, difference = _ratio_and_difference(full, metric)
    tail = 100 * (1 - confidence) / 2
    rows = {}
    for name, values, unit in (("ratio", ratio, "×"), ("difference", 100 * difference, " points")):
        estimate, resampled = values[0], values[1:]
        resampled = resampled[~np.isnan(resampled)]
        low, high = _percentiles(resampled, [tail, 100 - tail])
        digits = 1 if name == "ratio" else 0
        rows[name] = {
            "estimate": estimate,
            "low": low,
            "high": high,
            "shown": f"{estimate:.{digits}f}{unit} ({low:.{digits}f}–{high:.{digits}f})",
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def _percentiles(values, percents):
    """``np.percentile``, but infinite where it falls between two infinite values (a ratio over a rate of 0)."""
    if not len(values):
        return np.nan, np.nan
    with np.errstate(invalid="ignore"):
        found = np.percentile(values, percents)
    return tuple(np.where(np.isnan(found), np.inf, found))


def _resample_counts(counts, n_resamples, rng):
    """`n_resamples` multinomial draws of ``counts.sum()`` citizens with shares ``counts / counts.sum()``.

    Drawn one category at a time (each a binomial of the citizens still to place),
    which is the multinomial distribution, vectorised over the resamples.
    """
    remaining = np.full(n_resamples, counts.sum(), dtype=np.int64)
    left = int(counts.sum())
    drawn = np.empty((n_resamples, len(counts)), dtype=np.int64)
    for k, n_kind in enumerate(counts[:-1]):
        drawn[:, k] = rng.binomial(remaining, n_kind / left) if left > 0 else 0
        remaining -= drawn[:, k]
        left -= int(n_kind)
    drawn[:, -1] = remaining
    return drawn


def _ratio_and_difference(cells, metric):
    """For rows of eight cells (group's tn, fp, fn, tp, then the reference's): ratio and difference of `metric`."""
    group = dict(zip(_CELLS, cells[:, :4].T, strict=True))
    reference = dict(zip(_CELLS, cells[:, 4:].T, strict=True))
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.divide(*_fraction(group, metric))
        rate_reference = np.divide(*_fraction(reference, metric))
        return rate / rate_reference, rate - rate_reference


def _check_confidence(confidence):
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real) or not 0 < confidence < 1:
        hint = (
            f" Did you mean {confidence / 100:g}?"
            if isinstance(confidence, numbers.Real) and 1 < confidence < 100
            else ""
        )
        raise ValueError(
            f"`confidence` must be a number between 0 and 1, e.g. 0.95, but {confidence!r} was passed." + hint
        )
    return float(confidence)


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
        estate against the rest of the municipality). By ``"education"``,
        citizens with none registered are the group :data:`NOT_REGISTERED`.

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
    >>> audit(train_pilot_tree(train), test, by="education").index[-1]
    '(none registered)'
    """
    citizens = check_scoring(model, citizens)
    return group_metrics(citizens[TARGET], model.predict(citizens), sensitive_features=_groups(citizens, by))


def _groups(citizens, by):
    """The column `by` of :func:`with_groups`, a missing value as a group of its own (:data:`NOT_REGISTERED`)."""
    return _with_missing_group(check_column(with_groups(citizens), by, name="by"))


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


#: The thresholds :func:`rates_by_threshold` tries unless told otherwise: 0.05 to 0.95 in steps of 0.01.
THRESHOLD_GRID = [round(0.01 * k, 2) for k in range(5, 96)]


def rates_by_threshold(model, citizens, *, by="estate", thresholds=THRESHOLD_GRID):
    """Return each group's rates at every threshold: one threshold curve per group.

    Parameters
    ----------
    model : fitted estimator
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    by : str, default "estate"
        As in :func:`audit`.
    thresholds : list of float, default THRESHOLD_GRID
        Flag a citizen when the probability of still being unemployed is above one of these.

    Returns
    -------
    pandas.DataFrame
        Index ``(threshold, group)``; columns ``selection_rate``,
        ``false_positive_rate``, ``true_positive_rate`` and ``precision``,
        and the counts behind them: ``count``, ``found_work``,
        ``still_unemployed`` and ``flagged``. ``table.xs("Lyngtoften",
        level=1)`` is one group's curve.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> curve = rates_by_threshold(p.model, p.test, thresholds=[0.5])
    >>> curve.loc[(0.5, "Lyngtoften"), ["found_work", "false_positive_rate"]].round(3).tolist()
    [75.0, 0.253]
    """
    citizens = check_scoring(model, citizens)
    groups = _groups(citizens, by)
    grid = [check_probability(t, name="thresholds") for t in ([thresholds] if np.ndim(thresholds) == 0 else thresholds)]
    proba = model.predict_proba(citizens)[:, 1]
    still = citizens[TARGET].to_numpy() == 1
    rows = []
    for threshold in grid:
        flagged = proba > threshold
        frame = pd.DataFrame(
            {
                "group": groups.reset_index(drop=True),
                "flagged": flagged,
                "still_unemployed": still,
                "found_work": ~still,
                "tp": flagged & still,
                "fp": flagged & ~still,
            }
        )
        by_group = frame.groupby("group", observed=True)
        counts = by_group.sum().assign(threshold=threshold, count=by_group.size())
        rows.append(counts)
    table = pd.concat(rows).reset_index().set_index(["threshold", "group"])
    with np.errstate(divide="ignore", invalid="ignore"):
        table["selection_rate"] = table["flagged"] / table["count"]
        table["false_positive_rate"] = table["fp"] / table["found_work"]
        table["true_positive_rate"] = table["tp"] / table["still_unemployed"]
        table["precision"] = table["tp"] / table["flagged"]
    columns = [
        "selection_rate",
        "false_positive_rate",
        "true_positive_rate",
        "precision",
        "count",
        "found_work",
        "still_unemployed",
        "flagged",
    ]
    return table[columns].astype({c: int for c in columns[4:]})


# ---------------------------------------------------------------- per-group thresholds (notebook 08, part 6)

_CURVE_RATES = ["selection_rate", "false_positive_rate", "true_positive_rate", "precision"]


def _check_curve(curve):
    """Return the groups and thresholds of a table from :func:`rates_by_threshold`, or raise."""
    if (
        not isinstance(curve, pd.DataFrame)
        or list(curve.index.names) != ["threshold", "group"]
        or any(column not in curve.columns for column in _CURVE_RATES + ["found_work", "still_unemployed"])
    ):
        raise ValueError(
            "`curve` must be the table from casekit.rates_by_threshold(model, citizens, by=...), "
            f"indexed by threshold and group, but a {type(curve).__name__} was passed."
        )
    groups = list(pd.unique(curve.index.get_level_values("group")))
    thresholds = sorted(set(curve.index.get_level_values("threshold")))
    return groups, thresholds


def _check_threshold_in(value, thresholds, *, name):
    check_probability(value, name=name)
    if not any(np.isclose(value, t) for t in thresholds):
        raise ValueError(
            f"`{name}` must be one of the curve's thresholds ({thresholds[0]:g} to {thresholds[-1]:g} "
            f"in the steps it was computed with), but {value!r} was passed."
        )
    return min(thresholds, key=lambda t: abs(t - value))


def closest_threshold(curve, metric, *, group, reference, at=0.5):
    """Return the threshold for `group` whose `metric` comes closest to `reference`'s at threshold `at`.

    The per-group threshold experiment: keep `reference` at `at` and move
    `group`'s threshold until the chosen rate is as equal as the curve allows
    (a tree gives only a few distinct probabilities, so "closest" may not be
    "equal").

    Parameters
    ----------
    curve : pandas.DataFrame
        From :func:`rates_by_threshold`.
    metric : str
        ``"false_positive_rate"``, ``"precision"``, ``"selection_rate"`` or
        ``"true_positive_rate"``.
    group, reference : str
        Two groups of `curve`, e.g. ``"Lyngtoften"`` and ``"rest of the municipality"``.
    at : float, default 0.5
        `reference`'s threshold; one of the curve's thresholds.

    Returns
    -------
    float
        A threshold of the curve.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> curve = rates_by_threshold(pilot().model, pilot().test)
    >>> t = closest_threshold(curve, "false_positive_rate", group="Lyngtoften", reference=REST)
    >>> bool(0.5 < t < 1)
    True
    """
    groups, thresholds = _check_curve(curve)
    check_choice(metric, _CURVE_RATES, name="metric")
    check_choice(group, groups, name="group")
    check_choice(reference, [g for g in groups if g != group], name="reference")
    at = _check_threshold_in(at, thresholds, name="at")
    target = curve.loc[(at, reference), metric]
    distance = (curve.xs(group, level="group")[metric] - target).abs()
    if distance.isna().all():
        raise ValueError(f"`{group}` has no {metric} at any threshold of the curve: nobody is behind it.")
    return float(distance.idxmin())


def matching_thresholds(curve, *, group, reference, metrics=("false_positive_rate", "precision"), tolerance=0.02):
    """Return every pair of thresholds (one per group) at which all `metrics` are within `tolerance` of each other.

    Tries each threshold of `group` against each threshold of `reference` (as
    :func:`rates_by_threshold` computed them): a pair qualifies when, for
    every metric, the two groups' rates differ by at most `tolerance`.

    Parameters
    ----------
    curve : pandas.DataFrame
        From :func:`rates_by_threshold`.
    group, reference : str
        Two groups of `curve`.
    metrics : sequence of str, default ("false_positive_rate", "precision")
        Rates that must match (see :func:`closest_threshold`).
    tolerance : float, default 0.02
        The largest difference allowed, as a share (0.02 = 2 percentage points).

    Returns
    -------
    pandas.DataFrame
        One row per qualifying pair, the lowest thresholds (the pair that
        flags the most citizens) first; two columns named after `group` and
        `reference`, holding their thresholds. Empty when no pair qualifies.
        ``compare_thresholds(curve, pairs.iloc[0].to_dict())`` shows the first.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> curve = rates_by_threshold(pilot().model, pilot().test)
    >>> pairs = matching_thresholds(curve, group="Lyngtoften", reference=REST)
    >>> pairs.columns.tolist()
    ['Lyngtoften', 'rest of the municipality']
    """
    groups, _ = _check_curve(curve)
    check_choice(group, groups, name="group")
    check_choice(reference, [g for g in groups if g != group], name="reference")
    if isinstance(metrics, str) or not list(metrics):
        raise ValueError(f"`metrics` must be a list of rates from {_CURVE_RATES}, but {metrics!r} was passed.")
    for metric in metrics:
        check_choice(metric, _CURVE_RATES, name="metrics")
    tolerance = check_probability(tolerance, name="tolerance")
    one, other = curve.xs(group, level="group"), curve.xs(reference, level="group")
    match = np.ones((len(one), len(other)), dtype=bool)
    for metric in metrics:
        difference = np.abs(np.subtract.outer(one[metric].to_numpy(float), other[metric].to_numpy(float)))
        match &= difference <= tolerance  # a rate nobody is behind (nan) never matches
    rows, columns = np.nonzero(match)
    pairs = pd.DataFrame({group: one.index.to_numpy()[rows], reference: other.index.to_numpy()[columns]})
    order = np.lexsort((pairs[group].to_numpy(), (pairs[group] + pairs[reference]).to_numpy()))
    return pairs.iloc[order].reset_index(drop=True)


def compare_thresholds(curve, thresholds, *, confidence=CONFIDENCE, min_count=MIN_COUNT):
    """Show each group's rates at its own threshold, each with its interval and count.

    Parameters
    ----------
    curve : pandas.DataFrame
        From :func:`rates_by_threshold`.
    thresholds : dict
        ``{group: threshold}``, e.g. ``{"Lyngtoften": 0.6, "rest of the municipality": 0.5}``.
    confidence, min_count
        As in :func:`format_rate`.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``threshold``, then ``selection_rate`` (flagged),
        ``false_positive_rate``, ``precision`` and ``false_negative_rate``
        (missed among those still unemployed), each written by
        :func:`format_rate` ("25 % (17–36 %), 19 of 75").

    Examples
    --------
    >>> from casekit.model import pilot
    >>> curve = rates_by_threshold(pilot().model, pilot().test, thresholds=[0.5])
    >>> compare_thresholds(curve, {"Lyngtoften": 0.5}).loc["Lyngtoften", "false_positive_rate"]
    '25 % (17–36 %), 19 of 75'
    """
    groups, grid = _check_curve(curve)
    if not isinstance(thresholds, dict) or not thresholds:
        raise ValueError(
            "`thresholds` must be a dict {group: threshold}, e.g. {'Lyngtoften': 0.6, "
            f"'rest of the municipality': 0.5}}, but {_shown_value(thresholds)} was passed."
        )
    rows = {}
    for group, threshold in thresholds.items():
        check_choice(group, groups, name="thresholds")
        threshold = _check_threshold_in(threshold, grid, name=f"thresholds[{group!r}]")
        row = curve.loc[(threshold, group)]
        tp = int(round(row["true_positive_rate"] * row["still_unemployed"])) if row["still_unemployed"] else 0
        fp = int(round(row["false_positive_rate"] * row["found_work"])) if row["found_work"] else 0
        shown = partial(format_rate, confidence=confidence, min_count=min_count)
        rows[group] = {
            "threshold": threshold,
            "selection_rate": shown(row["flagged"], row["count"]),
            "false_positive_rate": shown(fp, row["found_work"]),
            "precision": shown(tp, row["flagged"]),
            "false_negative_rate": shown(row["still_unemployed"] - tp, row["still_unemployed"]),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "group"
    return table


def _shown_value(value):
    return repr(value) if isinstance(value, (str, numbers.Number, type(None))) else f"a {type(value).__name__}"


# ---------------------------------------------------------------- Valery's teams (notebook 08, part 7)


def teams_by_prediction(model, citizens, *, by="estate", threshold=0.5):
    """Sort citizens into a "long-term" team (flagged) and a "job-ready" team, and count them by group.

    Parameters
    ----------
    model : fitted estimator
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    by : str, default "estate"
        As in :func:`audit`.
    threshold : float, default 0.5
        A citizen whose probability of still being unemployed is above it
        goes to the long-term team.

    Returns
    -------
    pandas.DataFrame
        One row per group: the counts ``citizens``, ``long_term`` (in the
        long-term team), ``found_work`` and ``found_work_long_term`` (found
        work, yet placed in the long-term team), and, written by
        :func:`format_rate`, ``share_of_citizens``, ``share_of_long_term_team``
        and ``long_term_among_found_work``.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> teams = teams_by_prediction(pilot().model, pilot().test)
    >>> int(teams.loc["Lyngtoften", "found_work_long_term"]), int(teams.loc["Lyngtoften", "found_work"])
    (19, 75)
    """
    citizens = check_scoring(model, citizens, method="predict_proba")
    groups = _groups(citizens, by)
    threshold = check_probability(threshold, name="threshold")
    long_term = model.predict_proba(citizens)[:, 1] > threshold
    found_work = citizens[TARGET].to_numpy() == 0
    frame = pd.DataFrame(
        {
            "group": groups.to_numpy(),
            "citizens": 1,
            "long_term": long_term,
            "found_work": found_work,
            "found_work_long_term": long_term & found_work,
        }
    )
    counts = (
        frame.groupby("group", observed=True, sort=False)[
            ["citizens", "long_term", "found_work", "found_work_long_term"]
        ]
        .sum()
        .astype(int)
    )
    if isinstance(groups.dtype, pd.CategoricalDtype):
        counts = counts.reindex([g for g in groups.cat.categories if g in counts.index])
    counts.index.name = groups.name
    total, team = int(counts["citizens"].sum()), int(counts["long_term"].sum())
    counts["share_of_citizens"] = [format_rate(n, total) for n in counts["citizens"]]
    counts["share_of_long_term_team"] = [format_rate(n, team) for n in counts["long_term"]]
    counts["long_term_among_found_work"] = format_rates(counts["found_work_long_term"], counts["found_work"])
    return counts


# ---------------------------------------------------------------- rates at every threshold, written out (notebook 05)

#: What each rate of :func:`casekit.rates_by_threshold` counts: rate -> (numerator, denominator column).
_CURVE_COUNTS = {
    "selection_rate": "count",
    "false_positive_rate": "found_work",
    "true_positive_rate": "still_unemployed",
    "precision": "flagged",
}


def rates_shown(rates, metric="false_positive_rate", *, thresholds=None):
    """Write one rate of :func:`casekit.rates_by_threshold` with its interval and count, a column per group.

    Parameters
    ----------
    rates : pandas.DataFrame
        From ``casekit.rates_by_threshold(model, citizens, by=...)``.
    metric : {"false_positive_rate", "selection_rate", "true_positive_rate", "precision"}
    thresholds : list of float, optional
        The rows to keep (thresholds of `rates`); all by default.

    Returns
    -------
    pandas.DataFrame
        One row per threshold, one column per group, each cell written by
        :func:`format_rate`: "25 % (17–36 %), 19 of 75".

    Examples
    --------
    >>> import casekit
    >>> p = casekit.pilot()
    >>> rates = casekit.rates_by_threshold(p.model, p.test, by="estate", thresholds=[0.5])
    >>> rates_shown(rates).loc[0.5, "Lyngtoften"]
    '25 % (17–36 %), 19 of 75'
    """
    if not isinstance(rates, pd.DataFrame) or list(rates.index.names) != ["threshold", "group"]:
        raise ValueError(
            "`rates` must be the table from casekit.rates_by_threshold(model, citizens, by=...), "
            f"but {type(rates).__name__} was passed."
        )
    check_choice(metric, list(_CURVE_COUNTS), name="metric")
    denominator = rates[_CURVE_COUNTS[metric]]
    numerator = (rates[metric].fillna(0) * denominator).round().astype(int)
    shown = pd.Series(format_rates(numerator, denominator), index=rates.index)
    table = shown.unstack("group")
    if thresholds is not None:
        known = table.index.tolist()
        rows = []
        for value in thresholds:
            match = [t for t in known if np.isclose(t, value)] if isinstance(value, (int, float)) else []
            if not match:
                raise ValueError(
                    f"`thresholds` must be drawn from the thresholds of `rates` ({known[0]:g} to "
                    f"{known[-1]:g}), but {value!r} was passed."
                )
            rows.append(match[0])
        table = table.loc[rows]
    table.columns = table.columns.astype(str)
    table.columns.name = None
    return table


# ---------------------------------------------------------------- the residence audit (the audit app)

#: The residence audit's bootstrap: resamples and seed (the same interval every time the app shows it).
N_RESAMPLES = 10_000
BOOTSTRAP_SEED = 0
AUDIT_GROUPS = ["district", "estate", "origin", "gender", "age_band"]


def residence_audit(model, citizens, *, by="district", threshold=0.5, random_state=BOOTSTRAP_SEED):
    """Return what the audit app shows: error rates by group with their counts and intervals, and the address.

    Parameters
    ----------
    model : fitted estimator
        The pilot tree, or one trained without district.
    citizens : pandas.DataFrame
        Citizens with known outcomes.
    by : {"district", "estate", "origin", "gender", "age_band"}
    threshold : float
    random_state : int, default BOOTSTRAP_SEED (0)
        Seed of the bootstrap behind ``fpr_ratio_low`` and ``fpr_ratio_high``.

    Returns
    -------
    pandas.DataFrame
        One row per group:

        - ``count``, ``selection_rate``, ``false_positive_rate``,
          ``false_negative_rate`` and ``address_decides`` (the share whose flag
          would change if they lived in another district: the flip test);
        - the counts they rest on: ``flagged`` of ``count``,
          ``wrongly_flagged`` of ``found_work``, ``missed`` of
          ``still_unemployed``, ``address_flips`` of ``count``;
        - ``<rate>_low`` and ``<rate>_high``: the 95 % Wilson interval of each rate;
        - ``too_small``: fewer than :data:`MIN_COUNT` (30) citizens
          behind at least one of its rates;
        - ``fpr_ratio``: the group's false-positive rate over everybody
          else's, with ``fpr_ratio_low`` and ``fpr_ratio_high`` from a seeded
          bootstrap (:func:`compare_groups`).

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> table = residence_audit(train_pilot_tree(train), test, by="estate")
    >>> table.index.tolist()
    ['Lyngtoften', 'rest of the municipality']
    >>> table.loc["Lyngtoften", ["wrongly_flagged", "found_work"]].tolist()
    [19, 75]
    """
    citizens = check_scoring(model, citizens, columns=["citizen_id", "district"], method="predict_proba")
    check_choice(by, AUDIT_GROUPS, name="by")
    threshold = check_probability(threshold, name="threshold")
    check_seed(random_state)
    return residence_table(
        address_scores(model, citizens), with_groups(citizens)[by], threshold=threshold, random_state=random_state
    )


class AddressScores(NamedTuple):
    """What a residence audit needs of the model: every citizen's probability at home and in every district."""

    probability: np.ndarray
    in_each_district: np.ndarray
    truth: np.ndarray


def address_scores(model, citizens):
    """Score every citizen at home and moved to each district (:func:`casekit.flip_test`), with the truth.

    Scoring is the slow part of :func:`residence_audit`; an app scores once
    and calls :func:`residence_table` at every move of a control.

    Returns
    -------
    AddressScores
        ``probability`` (one per citizen), ``in_each_district`` (citizens by
        districts) and ``truth`` (``unemployed_12m``).

    Examples
    --------
    >>> from casekit import pilot
    >>> p = pilot()
    >>> address_scores(p.model, p.test).in_each_district.shape
    (2000, 7)
    """
    citizens = check_scoring(model, citizens, columns=["citizen_id", "district"], method="predict_proba")
    repeated = citizens["citizen_id"][citizens["citizen_id"].duplicated()]
    if len(repeated):
        raise ValueError(
            f"`citizens['citizen_id']` must name each citizen once, but {len(repeated)} of its {len(citizens)} "
            f"ids are repeats, e.g. {repeated.iloc[0]!r}. Drop the repeated rows first, "
            "e.g. citizens.drop_duplicates('citizen_id')."
        )
    moved = _flip(model, citizens, column="district", values=None, threshold=0.5)
    in_each_district = moved.pivot(columns="value", values="probability", index="citizen_id")
    return AddressScores(
        model.predict_proba(citizens)[:, 1],
        in_each_district.loc[citizens["citizen_id"]].to_numpy(),
        citizens[TARGET].to_numpy(),
    )


#: The rates the audit shows: rate -> (its numerator and denominator columns).
AUDIT_RATES = {
    "selection_rate": ("flagged", "count"),
    "false_positive_rate": ("wrongly_flagged", "found_work"),
    "false_negative_rate": ("missed", "still_unemployed"),
    "address_decides": ("address_flips", "count"),
}


def residence_table(scores, groups, *, threshold=0.5, random_state=BOOTSTRAP_SEED):
    """Return :func:`residence_audit`'s table from scores already computed by :func:`address_scores`.

    Parameters
    ----------
    scores : AddressScores
        From :func:`address_scores`.
    groups : pandas.Series
        The group of each citizen, e.g. ``with_groups(citizens)["estate"]``.
    threshold : float, default 0.5
    random_state : int, default BOOTSTRAP_SEED (0)

    Returns
    -------
    pandas.DataFrame
        As :func:`residence_audit`.
    """
    probability, in_each_district, truth = scores
    flags = (probability > threshold).astype(int)
    cells = confusion_by_group(truth, flags, sensitive_features=groups)
    address = pd.Series(((in_each_district > threshold) != (flags == 1)[:, None]).any(axis=1), index=groups.index)
    counts = pd.DataFrame(
        {
            "count": cells.sum(axis=1),
            "flagged": _fraction(cells, "selection_rate")[0],
            "wrongly_flagged": cells["fp"],
            "found_work": _fraction(cells, "false_positive_rate")[1],
            "missed": cells["fn"],
            "still_unemployed": _fraction(cells, "false_negative_rate")[1],
            "address_flips": address.groupby(groups, observed=True).sum().reindex(cells.index).astype(int),
        }
    )
    table = pd.DataFrame(index=cells.index)
    table["count"] = counts["count"]
    for rate, (numerator, denominator) in AUDIT_RATES.items():
        with np.errstate(divide="ignore", invalid="ignore"):
            table[rate] = counts[numerator] / counts[denominator].where(counts[denominator] > 0)
    table = table.join(counts.drop(columns="count"))
    for rate, (numerator, denominator) in AUDIT_RATES.items():
        table[f"{rate}_low"], table[f"{rate}_high"] = wilson_interval(
            counts[numerator].to_numpy(), counts[denominator].to_numpy()
        )
    table["too_small"] = counts[["count", "found_work", "still_unemployed"]].min(axis=1) < MIN_COUNT
    rng = check_seed(random_state)
    total, n = cells.sum().to_numpy(), len(truth)
    ratios = [
        _compare_cells(np.concatenate([row, total - row]), n, "false_positive_rate", N_RESAMPLES, CONFIDENCE, rng).loc[
            "ratio"
        ]
        for row in cells.to_numpy()
    ]
    table["fpr_ratio"] = [ratio["estimate"] for ratio in ratios]
    table["fpr_ratio_low"] = [ratio["low"] for ratio in ratios]
    table["fpr_ratio_high"] = [ratio["high"] for ratio in ratios]
    return table


#: What :func:`group_shares` can count: name -> (who has it, among whom).
SHARES = {
    "unemployed_12m": ("still unemployed after 12 months", "citizens"),
    "education_missing": ("no education registered on Jobnet", "citizens"),
    "primary_school": ("registered with primary school", "citizens with an education registered"),
}
#: The group :func:`group_shares` gives citizens with no education registered, when grouping by education.
NOT_REGISTERED = "(none registered)"
#: Columns :func:`group_shares` can group by (the last three are derived: see :func:`casekit.data.with_immigrant`
#: and :func:`with_groups`).
GROUPINGS = [*CATEGORIES, "cohort_year", "health_limitation", "estate", "age_band", "immigrant"]


def group_shares(citizens, by="district", *, of="unemployed_12m"):
    """Count a share in each group of citizens, with the count behind it and a 95 % interval.

    The base rate of a district, the share of immigrants with no education
    on Jobnet: every such share rests on a number of citizens, and is shown
    with it ("78 % (75–80 %), 1052 of 1355"), as :func:`casekit.format_rate`
    writes it. Groups with fewer than 30 citizens are marked too few to read.

    Parameters
    ----------
    citizens : pandas.DataFrame
        Citizens, e.g. from :func:`casekit.load_citizens`.
    by : str, default "district"
        The column to group by, one of :data:`GROUPINGS`. Grouped by
        education, citizens with none registered form their own group,
        :data:`NOT_REGISTERED`.
    of : str, default "unemployed_12m"
        What to count, one of :data:`SHARES`: ``"unemployed_12m"`` (the base
        rate: still unemployed after 12 months), ``"education_missing"`` (no
        education registered) or ``"primary_school"`` (registered with primary
        school, among those with an education registered).

    Returns
    -------
    pandas.DataFrame
        One row per group, in the order of its categories: ``numerator`` (how
        many have it), ``denominator`` (out of how many), ``share``, ``low``
        and ``high`` (the Wilson interval), ``too_small`` and ``shown`` (the
        share as text, with interval and count).

    Examples
    --------
    >>> from casekit import load_citizens
    >>> shares = group_shares(load_citizens(), by="district")
    >>> shares.loc["Lyngtoften", "shown"]
    '78 % (75–80 %), 1052 of 1355'
    >>> group_shares(load_citizens(), by="distrct")
    Traceback (most recent call last):
    ...
    ValueError: `by` must be one of ['district', 'gender', 'origin', 'education', 'benefit_type', 'household', \
'cohort_year', 'health_limitation', 'estate', 'age_band', 'immigrant'], but 'distrct' was passed.
    """
    check_frame(citizens, name="citizens")
    check_choice(by, GROUPINGS, name="by")
    check_choice(of, list(SHARES), name="of")
    needed = {"unemployed_12m": ["unemployed_12m"]}.get(of, ["education"])
    outcome = TARGET if of == "unemployed_12m" else None
    frame = check_citizens(citizens, columns=[*needed, "origin", "age", "district"], outcome=outcome)
    frame = with_immigrant(with_groups(frame))
    groups = _with_missing_group(frame[by])
    if of == "unemployed_12m":
        has, counted = frame["unemployed_12m"] == 1, pd.Series(True, index=frame.index)
    elif of == "education_missing":
        has, counted = frame["education"].isna(), pd.Series(True, index=frame.index)
    else:
        has, counted = frame["education"] == "primary school", frame["education"].notna()
    table = (
        pd.DataFrame({"numerator": has & counted, "denominator": counted})
        .groupby(groups, observed=True)
        .sum()
        .astype(int)
    )
    table.index.name = by
    return _with_interval(table)


#: The bands of :func:`accuracy_by_certainty`: how one-sided a citizen's leaf is, from a coin flip to certain.
CERTAINTY_BANDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)


def accuracy_by_certainty(model, citizens, *, bands=CERTAINTY_BANDS):
    """Return how often the tree is right, by how one-sided each citizen's leaf is.

    A leaf's certainty is the share of its training citizens on the side of
    the prediction (0.5 = a coin flip, 1 = all of them). "88.7 % right" is an
    average over leaves that are near-certain and leaves that are close to a
    coin flip; this table takes the average apart, with the count and a 95 %
    Wilson interval for each band.

    Parameters
    ----------
    model : fitted estimator
        With ``predict_proba``, e.g. from :func:`casekit.train_pilot_tree`.
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    bands : sequence of float, default CERTAINTY_BANDS
        Increasing edges from 0.5 to 1.

    Returns
    -------
    pandas.DataFrame
        One row per band of certainty: ``numerator`` (right), ``denominator``
        (citizens in the band), ``share`` (right among them), ``low``,
        ``high``, ``too_small`` and ``shown`` ("99 % (98–99 %), 1210 of 1221").

    Examples
    --------
    >>> from casekit import pilot
    >>> p = pilot()
    >>> table = accuracy_by_certainty(p.model, p.test)
    >>> int(table["denominator"].sum())
    2000
    >>> accuracy_by_certainty(p.model, p.test, bands=[0.5, 95])
    Traceback (most recent call last):
    ...
    ValueError: `bands` must be increasing numbers from 0.5 to 1, e.g. [0.5, 0.7, 0.9, 1.0], but [0.5, 95] was passed.
    """
    citizens = check_scoring(model, citizens, method="predict_proba")
    edges = list(bands) if not isinstance(bands, str) else []
    if (
        len(edges) < 2
        or any(isinstance(e, bool) or not isinstance(e, (int, float)) for e in edges)
        or edges[0] != 0.5
        or edges[-1] != 1
        or sorted(set(edges)) != edges
    ):
        raise ValueError(
            f"`bands` must be increasing numbers from 0.5 to 1, e.g. [0.5, 0.7, 0.9, 1.0], but {bands!r} was passed."
        )
    probability = model.predict_proba(citizens)[:, 1]
    certainty = np.maximum(probability, 1 - probability)
    right = model.predict(citizens) == citizens[TARGET].to_numpy()
    band = pd.cut(certainty, edges, include_lowest=True)
    table = pd.DataFrame({"numerator": right, "denominator": True}).groupby(band, observed=True).sum().astype(int)
    table.index.name = "how sure the leaf is"
    return _with_interval(table)


#: The rates :func:`compare_cohorts` shows unless told otherwise.
COHORT_RATES = ("base_rate", "selection_rate", "false_positive_rate", "false_negative_rate")


def compare_cohorts(model, cohorts, *, by=None, metrics=COHORT_RATES):
    """Show the same rates for several cohorts side by side, each with its count and interval.

    For drift: the pilot's test citizens beside the 2019 cohort (or a 2019
    drawn in another world), scored by the same tree.

    Parameters
    ----------
    model : fitted estimator
        E.g. from :func:`casekit.train_pilot_tree`.
    cohorts : dict of str to pandas.DataFrame
        A name for each set of citizens with known outcomes, e.g.
        ``{"pilot test": test, "2019": load_citizens("2019")}``.
    by : str, optional
        A column to split each cohort by, as in :func:`casekit.audit`, or
        ``"immigrant"`` (:func:`casekit.data.with_immigrant`). None: each
        cohort as a whole.
    metrics : sequence of str, default COHORT_RATES
        Rates from :data:`casekit.audit.RATES`: ``base_rate``,
        ``selection_rate``, ``accuracy``, ``false_positive_rate``,
        ``false_negative_rate``, ``precision``.

    Returns
    -------
    pandas.DataFrame
        One row per cohort (and group, when `by` is given), one column per
        metric; each cell the rate as text with its interval and count
        ("25 % (17–36 %), 19 of 75"), from :func:`casekit.audit_intervals`.

    Examples
    --------
    >>> from casekit import pilot
    >>> p = pilot()
    >>> table = compare_cohorts(p.model, {"pilot test": p.test}, by="estate")
    >>> table.loc[("pilot test", "Lyngtoften"), "false_positive_rate"]
    '25 % (17–36 %), 19 of 75'
    >>> compare_cohorts(p.model, {"pilot test": p.test}, metrics=["fpr"])
    Traceback (most recent call last):
    ...
    ValueError: `metrics` must be one of ['base_rate', 'selection_rate', 'accuracy', 'false_positive_rate', \
'false_negative_rate', 'precision'], but 'fpr' was passed.
    """
    check_model(model)
    if not isinstance(cohorts, dict) or not cohorts:
        raise TypeError(
            "`cohorts` must be a dict of names and citizens, e.g. "
            f"{{'pilot test': test, '2019': cohort_2019}}, but {_shown(cohorts)} was passed."
        )
    chosen = [metrics] if isinstance(metrics, str) else list(metrics)
    for metric in chosen:
        check_choice(metric, list(RATES), name="metrics")
    parts = {}
    for name, citizens in cohorts.items():
        citizens = check_scoring(model, citizens, name=f"cohorts[{name!r}]", columns=["origin", "age", "district"])
        frame = with_immigrant(citizens).assign(cohort=str(name))
        table = audit_intervals(model, frame, by="cohort" if by is None else by)
        parts[str(name)] = table["shown"].unstack("metric")[chosen]
    if by is None:
        return pd.concat(parts.values()).rename_axis("cohort").rename_axis(columns=None)
    return pd.concat(parts, names=["cohort"]).rename_axis(columns=None)
