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

from casekit._validation import check_model
from casekit.codebook import CATEGORIES, EDUCATION_LEVELS
from casekit.data import check_citizens, load_citizens
from casekit.i18n import _, number, percent

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
    citizens = check_citizens(citizens, outcome=TARGET, min_rows=8)
    return tuple(train_test_split(citizens, test_size=TEST_SIZE, stratify=citizens[TARGET], random_state=SPLIT_SEED))


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
    steps = [
        (f"{f}_onehot", OneHotEncoder(categories=[_categories(f)], drop="if_binary"), [f])
        for f in features
        if f in ONE_HOT
    ]
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


def _columns_read(model):
    """The columns a fitted pilot pipeline reads (:func:`features_of`); an empty list for any other model."""
    try:
        return features_of(model)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return []


def check_scoring(model, citizens, *, name="citizens", outcome=True, columns=(), method="predict"):
    """Return `citizens` ready for `model` to score, or raise a kit error.

    `model` must have `method`; `citizens` must have the columns the model
    reads, `columns` and (with ``outcome=True``) the outcome, and pass
    :func:`casekit._validation.check_citizens`: a plain CSV frame comes back
    with the codebook's categoricals.

    Examples
    --------
    >>> p = pilot()
    >>> check_scoring(p.model, p.test.drop(columns="age"))
    Traceback (most recent call last):
    ...
    ValueError: `citizens` has no column 'age'. It needs ['district', 'gender', 'education', 'age', \
'years_employed_5y', 'unemployed_12m']; the columns it has are ['citizen_id', 'cohort_year', 'district', 'gender', \
'origin', 'education', 'years_employed_5y', 'benefit_type', 'months_unemployed', 'missed_meetings', \
'health_limitation', 'household', 'unemployed_12m'].
    """
    check_model(model, method=method)
    needed = list(dict.fromkeys([*_columns_read(model), *columns]))
    return check_citizens(citizens, name=name, columns=needed, outcome=TARGET if outcome else None)


def encoded_features(model):
    """Return the encoded columns of a fitted pilot pipeline, each with the column it encodes.

    Read from the fitted pipeline itself (``model[:-1].get_feature_names_out()``),
    so a one-hot encoded column (``district_Havnen``) is traced back to its
    source (``district``) without a list of the one-hot columns.

    Returns
    -------
    dict of str to str
        Encoded name -> source column, in the order the tree sees them.

    Examples
    --------
    >>> from casekit import pilot
    >>> sources = encoded_features(pilot().model)
    >>> sources["district_Havnen"], sources["age"]
    ('district', 'age')
    """
    check_model(model)
    sources = {}
    for name, transformer, columns in model[0].transformers_:
        if name == "remainder" or isinstance(transformer, str):
            continue
        names = list(transformer.get_feature_names_out(columns))
        if len(names) == len(columns):
            sources.update(zip(names, columns, strict=True))
        else:  # one encoder per one-hot column: every name it makes comes from that column
            (column,) = columns
            sources.update(dict.fromkeys(names, column))
    return sources


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
        for the probability of still being unemployed. Its ``training_ids_``
        hold the ``citizen_id`` of every training citizen (empty if
        `citizens` has none), so that :func:`casekit.transparency.model_card`
        can tell training citizens from held-out ones.

    Examples
    --------
    >>> from casekit import load_citizens
    >>> train, test = split_pilot(load_citizens())
    >>> model = train_pilot_tree(train)
    >>> model.predict(test.head(3)).tolist()
    [0, 1, 0]
    """
    model = make_pilot_tree(features)
    citizens = check_citizens(citizens, columns=list(features), outcome=TARGET, min_rows=2)
    outcomes = sorted(pd.unique(citizens[TARGET]).tolist())
    if len(outcomes) < 2:
        raise ValueError(
            f"`citizens['{TARGET}']` must hold both outcomes, 0 (found work) and 1 (still unemployed), "
            f"but all {len(citizens)} citizens have {outcomes[0]}: a tree trained on one outcome flags everyone "
            "or no one."
        )
    model.fit(citizens, citizens[TARGET])
    ids = citizens["citizen_id"] if "citizen_id" in citizens.columns else []
    model.training_ids_ = frozenset(str(citizen_id) for citizen_id in ids)
    return model


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
        return _(
            "Accuracy {accuracy} on {n} citizens (95% CI {low}-{high}); "
            "always guessing the commoner outcome would score {baseline}."
        ).format(
            accuracy=percent(self.accuracy),
            n=number(self.n, grouping=False),
            low=percent(self.ci_low),
            high=percent(self.ci_high),
            baseline=percent(self.baseline),
        )


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

    Raises
    ------
    ValueError
        When `citizens` lack a column the model reads, or hold values outside
        the codebook: an outcome other than 0 and 1, an unknown district, an
        age outside 18-64 (:func:`casekit.data.check_citizens`).

    Examples
    --------
    >>> from casekit import load_citizens
    >>> train, test = split_pilot(load_citizens())
    >>> print(evaluate(train_pilot_tree(train), test))  # doctest: +ELLIPSIS
    Accuracy 88.7% on 2000 citizens ...
    >>> evaluate(train_pilot_tree(train), test.assign(unemployed_12m=2))
    Traceback (most recent call last):
    ...
    ValueError: `citizens['unemployed_12m']` must be 0 (found work) or 1 (still unemployed) for every citizen, \
but its values are 2.
    """
    citizens = check_scoring(model, citizens)
    truth = citizens[TARGET].to_numpy()
    predicted = model.predict(citizens)
    correct = int((truth == predicted).sum())
    interval = binomtest(correct, len(truth)).proportion_ci(method="wilson")
    share_positive = truth.mean()
    labels = ["found work (0)", "still unemployed (1)"]
    confusion = pd.DataFrame(
        confusion_matrix(truth, predicted, labels=[0, 1]),
        index=pd.Index(labels, name="truth"),
        columns=pd.Index(["predicted " + label for label in labels], name="prediction"),
    )
    return Evaluation(
        n=len(truth),
        accuracy=correct / len(truth),
        ci_low=interval.low,
        ci_high=interval.high,
        baseline=max(share_positive, 1 - share_positive),
        confusion=confusion,
    )


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
