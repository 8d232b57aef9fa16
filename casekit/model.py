"""Rasmus's pilot tree: the documented recipe behind the case's "88.7 %".

The recipe, which a student can follow with plain scikit-learn:

1. Split the pilot data (cohorts 2015-2018) with
   ``train_test_split(citizens, test_size=0.25, stratify=citizens["unemployed_12m"],
   random_state=SPLIT_SEED)``.
2. Encode the features: districts and gender one-hot; education as its rank
   (0 = primary school ... 5 = long higher, missing stays missing); age and
   years employed as they are.
3. Fit ``DecisionTreeClassifier(**TREE_PARAMS)`` on the training part.
4. Count how many of the held-out citizens it gets right.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy.stats import binomtest
from sklearn.compose import ColumnTransformer
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder
from sklearn.tree import DecisionTreeClassifier

from casekit._validation import _shown, check_choice, check_frame, check_model
from casekit.codebook import CATEGORIES, EDUCATION_LEVELS
from casekit.data import load_citizens

TARGET = "unemployed_12m"
#: The case's features: residence, gender, age, and Jobnet's employment and education.
PILOT_FEATURES = ["district", "gender", "age", "years_employed_5y", "education"]
#: Features the recipe knows how to encode (the pilot's plus what the job centre also records).
NUMERIC = ["age", "years_employed_5y", "months_unemployed", "missed_meetings"]
ONE_HOT = ["district", "gender", "benefit_type", "household", "health_limitation"]
SPLIT_SEED = 2019
TEST_SIZE = 0.25
TREE_PARAMS = {"max_depth": 6, "min_samples_leaf": 25, "random_state": 0}


def split_pilot(citizens):
    """Split citizens into the pilot's training and test parts (75 % / 25 %).

    Parameters
    ----------
    citizens : pandas.DataFrame
        Citizens with the target column ``unemployed_12m``.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(train, test)``, stratified by the target, always the same split.

    Examples
    --------
    >>> from casekit import load_citizens
    >>> train, test = split_pilot(load_citizens())
    >>> len(train), len(test)
    (6000, 2000)
    """
    check_frame(citizens, name="citizens", columns=[TARGET], min_rows=8)
    return tuple(train_test_split(citizens, test_size=TEST_SIZE, stratify=citizens[TARGET],
                                  random_state=SPLIT_SEED))


def make_pilot_tree(features=PILOT_FEATURES):
    """Return the pilot's unfitted pipeline: encode `features`, then a decision tree.

    Parameters
    ----------
    features : list of str, default PILOT_FEATURES
        Columns the tree may use. Drop ``"district"`` to see what proxies do.

    Returns
    -------
    sklearn.pipeline.Pipeline

    Examples
    --------
    >>> make_pilot_tree(["age", "education"]).steps[-1][0]
    'tree'
    """
    allowed = ONE_HOT + NUMERIC + ["education"]
    if isinstance(features, str) or not list(features) or any(f not in allowed for f in features):
        raise ValueError(f"`features` must be a non-empty list drawn from {allowed}, but {features!r} was passed.")
    steps = [(f"{f}_onehot", OneHotEncoder(categories=[_categories(f)], drop="if_binary"), [f])
             for f in features if f in ONE_HOT]
    if "education" in features:
        steps.append(("education_rank", OrdinalEncoder(categories=[EDUCATION_LEVELS + [np.nan]]), ["education"]))
    numeric = [f for f in features if f in NUMERIC]
    if numeric:
        steps.append(("numeric", "passthrough", numeric))
    encode = ColumnTransformer(steps, verbose_feature_names_out=False)
    return Pipeline([("encode", encode), ("tree", DecisionTreeClassifier(**TREE_PARAMS))])


def features_of(model):
    """Return the columns a fitted pilot pipeline encodes, in its order.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot
    >>> features_of(train_pilot_tree(split_pilot(load_citizens())[0]))
    ['district', 'gender', 'education', 'age', 'years_employed_5y']
    """
    check_model(model)
    return [column for name, _, columns in model[0].transformers_ if name != "remainder" for column in columns]


def _categories(feature):
    return [False, True] if feature == "health_limitation" else CATEGORIES[feature]


def train_pilot_tree(citizens, *, features=PILOT_FEATURES):
    """Fit the pilot tree on `citizens` and return the fitted pipeline.

    Parameters
    ----------
    citizens : pandas.DataFrame
        Training citizens, e.g. the first part of :func:`split_pilot`.
    features : list of str, default PILOT_FEATURES
        Columns the tree may use.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Call ``.predict(frame)`` for flags and ``.predict_proba(frame)[:, 1]``
        for the probability of still being unemployed.

    Examples
    --------
    >>> from casekit import load_citizens
    >>> train, test = split_pilot(load_citizens())
    >>> model = train_pilot_tree(train)
    >>> model.predict(test.head(3)).tolist()
    [0, 1, 0]
    """
    model = make_pilot_tree(features)
    check_frame(citizens, name="citizens", columns=list(features) + [TARGET], min_rows=2)
    return model.fit(citizens, citizens[TARGET])


@dataclass(frozen=True)
class Evaluation:
    """How a model did on a set of citizens; ``print`` it for a summary."""

    n: int
    accuracy: float
    ci_low: float
    ci_high: float
    baseline: float
    confusion: pd.DataFrame

    def __str__(self):
        return (f"Accuracy {self.accuracy:.1%} on {self.n} citizens "
                f"(95% CI {self.ci_low:.1%}-{self.ci_high:.1%}); "
                f"always guessing the commoner outcome would score {self.baseline:.1%}.")


def evaluate(model, citizens):
    """Evaluate a fitted model on citizens with known outcomes.

    Parameters
    ----------
    model : fitted estimator
        E.g. from :func:`train_pilot_tree`.
    citizens : pandas.DataFrame
        Citizens with the target column, e.g. the test part of :func:`split_pilot`.

    Returns
    -------
    Evaluation
        Accuracy with its 95 % Wilson confidence interval, the majority-class
        baseline and the confusion matrix (rows: truth, columns: prediction).

    Examples
    --------
    >>> from casekit import load_citizens
    >>> train, test = split_pilot(load_citizens())
    >>> print(evaluate(train_pilot_tree(train), test))  # doctest: +ELLIPSIS
    Accuracy 88.7% on 2000 citizens ...
    """
    check_model(model)
    check_frame(citizens, name="citizens", columns=[TARGET])
    truth = citizens[TARGET].to_numpy()
    predicted = model.predict(citizens)
    correct = int((truth == predicted).sum())
    interval = binomtest(correct, len(truth)).proportion_ci(method="wilson")
    share_positive = truth.mean()
    labels = ["found work (0)", "still unemployed (1)"]
    confusion = pd.DataFrame(confusion_matrix(truth, predicted, labels=[0, 1]),
                             index=pd.Index(labels, name="truth"),
                             columns=pd.Index(["predicted " + label for label in labels], name="prediction"))
    return Evaluation(n=len(truth), accuracy=correct / len(truth), ci_low=interval.low, ci_high=interval.high,
                      baseline=max(share_positive, 1 - share_positive), confusion=confusion)


class Pilot(NamedTuple):
    """The pilot in one object: the citizens, the documented split and the fitted tree."""

    citizens: pd.DataFrame
    train: pd.DataFrame
    test: pd.DataFrame
    model: Pipeline


@lru_cache(maxsize=1)
def _pilot():
    citizens = load_citizens()
    train, test = split_pilot(citizens)
    return citizens, train, test, train_pilot_tree(train)


def pilot():
    """Return the pilot as the data workshop left it: citizens, split and fitted tree.

    The same recipe every notebook uses (:func:`split_pilot`, then
    :func:`train_pilot_tree` on the training part), built once per session;
    the tables are fresh copies, so changing one in a notebook changes
    nothing else.

    Returns
    -------
    Pilot
        Fields ``citizens`` (the 8,000 pilot citizens), ``train`` (6,000),
        ``test`` (2,000) and ``model`` (the fitted pilot tree).

    Examples
    --------
    >>> p = pilot()
    >>> len(p.train), len(p.test)
    (6000, 2000)
    >>> print(evaluate(p.model, p.test))  # doctest: +ELLIPSIS
    Accuracy 88.7% on 2000 citizens ...
    """
    citizens, train, test, model = _pilot()
    return Pilot(citizens.copy(), train.copy(), test.copy(), model)


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
        With ``predict_proba``, e.g. from :func:`train_pilot_tree`.
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
    >>> p = pilot()
    >>> table = accuracy_by_certainty(p.model, p.test)
    >>> int(table["denominator"].sum())
    2000
    >>> accuracy_by_certainty(p.model, p.test, bands=[0.5, 95])
    Traceback (most recent call last):
    ...
    ValueError: `bands` must be increasing numbers from 0.5 to 1, e.g. [0.5, 0.7, 0.9, 1.0], but [0.5, 95] was passed.
    """
    from casekit.audit import MIN_COUNT, format_rate, wilson_interval

    check_model(model, method="predict_proba")
    check_frame(citizens, name="citizens", columns=[TARGET])
    edges = list(bands) if not isinstance(bands, str) else []
    if (len(edges) < 2 or any(isinstance(e, bool) or not isinstance(e, (int, float)) for e in edges)
            or edges[0] != 0.5 or edges[-1] != 1 or sorted(set(edges)) != edges):
        raise ValueError("`bands` must be increasing numbers from 0.5 to 1, e.g. [0.5, 0.7, 0.9, 1.0], "
                         f"but {bands!r} was passed.")
    probability = model.predict_proba(citizens)[:, 1]
    certainty = np.maximum(probability, 1 - probability)
    right = model.predict(citizens) == citizens[TARGET].to_numpy()
    band = pd.cut(certainty, edges, include_lowest=True)
    table = pd.DataFrame({"numerator": right, "denominator": True}).groupby(band, observed=True).sum().astype(int)
    table.index.name = "how sure the leaf is"
    low, high = wilson_interval(table["numerator"].to_numpy(), table["denominator"].to_numpy())
    return table.assign(share=table["numerator"] / table["denominator"], low=low, high=high,
                        too_small=table["denominator"] < MIN_COUNT,
                        shown=[format_rate(k, n) for k, n in zip(table["numerator"], table["denominator"])])


#: The rates :func:`compare_cohorts` shows unless told otherwise.
COHORT_RATES = ("base_rate", "selection_rate", "false_positive_rate", "false_negative_rate")


def compare_cohorts(model, cohorts, *, by=None, metrics=COHORT_RATES):
    """Show the same rates for several cohorts side by side, each with its count and interval.

    For drift: the pilot's test citizens beside the 2019 cohort (or a 2019
    drawn in another world), scored by the same tree.

    Parameters
    ----------
    model : fitted estimator
        E.g. from :func:`train_pilot_tree`.
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
    from casekit.audit import RATES, audit_intervals
    from casekit.data import with_immigrant

    check_model(model)
    if not isinstance(cohorts, dict) or not cohorts:
        raise TypeError("`cohorts` must be a dict of names and citizens, e.g. "
                        f"{{'pilot test': test, '2019': cohort_2019}}, but {_shown(cohorts)} was passed.")
    chosen = [metrics] if isinstance(metrics, str) else list(metrics)
    for metric in chosen:
        check_choice(metric, list(RATES), name="metrics")
    parts = {}
    for name, citizens in cohorts.items():
        check_frame(citizens, name=f"cohorts[{name!r}]", columns=[TARGET, "origin"])
        frame = with_immigrant(citizens).assign(cohort=str(name))
        table = audit_intervals(model, frame, by="cohort" if by is None else by)
        parts[str(name)] = table["shown"].unstack("metric")[chosen]
    if by is None:
        return pd.concat(parts.values()).rename_axis("cohort").rename_axis(columns=None)
    return pd.concat(parts, names=["cohort"]).rename_axis(columns=None)
