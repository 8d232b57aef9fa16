"""Explanations of one citizen's flag: why the tree flags them, and what changes if one fact changes.

The numbers behind the lookup app and notebooks 04, 08 and 10: find a citizen
(:func:`lookup`, :func:`closest_citizen`), follow their path through the tree
(:func:`explain`, :func:`leaf_counts`, :func:`facts_used`) and change one fact
(:func:`move`, :func:`flip_test`).
"""

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from casekit._validation import check_choice, check_column, check_model, check_probability
from casekit.codebook import DISTRICTS, EDUCATION_LEVELS
from casekit.data import RANGES, check_citizens
from casekit.i18n import _, ngettext, number
from casekit.model import _columns_read, check_scoring, encoded_features

_WHOLE_NUMBERS = {"age", "months_unemployed", "missed_meetings"}


@dataclass(frozen=True)
class Explanation:
    """The tree's answer for one citizen; ``print`` it for plain words.

    ``probability`` is the share ``leaf_unemployed / leaf_size``: of the
    ``leaf_size`` training citizens who share the facts in ``rules`` (the
    tree's leaf), ``leaf_unemployed`` were still unemployed after 12 months.
    """

    citizen_id: str
    probability: float
    flagged: bool
    rules: list
    leaf_size: int = 0
    leaf_unemployed: int = 0

    @property
    def evidence(self):
        """The probability said with its count, never a bare share.

        Examples
        --------
        >>> Explanation("JC15-00001", 1.0, True, [], leaf_size=27, leaf_unemployed=27).evidence
        '27 of 27 similar citizens in the training data were still unemployed'
        """
        return _evidence(self.leaf_unemployed, self.leaf_size)

    def __str__(self):
        # Translators: {evidence} is e.g. "27 of 27 similar citizens in the training data were still unemployed".
        flagged = _(
            "Citizen {citizen_id}: flagged as at risk, because {evidence} after 12 months "
            "(probability {probability}); they share these facts with the citizen:"
        )
        # Translators: {evidence} is e.g. "1 of 1,305 similar citizens in the training data was still unemployed".
        not_flagged = _(
            "Citizen {citizen_id}: not flagged, because {evidence} after 12 months "
            "(probability {probability}); they share these facts with the citizen:"
        )
        line = (flagged if self.flagged else not_flagged).format(
            citizen_id=self.citizen_id, evidence=self.evidence, probability=number(self.probability, 2)
        )
        return "\n".join([line] + [f"  - {rule}" for rule in self.rules])


def _evidence(unemployed, size):
    said = ngettext(
        "{unemployed} of {size} similar citizens in the training data was still unemployed",
        "{unemployed} of {size} similar citizens in the training data were still unemployed",
        unemployed,
    )
    return said.format(unemployed=number(unemployed), size=number(size))


def explain(model, citizen, *, threshold=0.5):
    """Follow one citizen's path through the pilot tree and say it in words.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree, from :func:`casekit.train_pilot_tree`.
    citizen : pandas.Series or one-row pandas.DataFrame
        The citizen, e.g. ``citizens.iloc[0]``.
    threshold : float, default 0.5
        The citizen is flagged when the probability is above this.

    Returns
    -------
    Explanation
        The rules on the path from the root to the leaf, the number of
        training citizens in the leaf (``leaf_size``) and how many of them were
        still unemployed (``leaf_unemployed``), their share (the probability)
        and the flag.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> print(explain(train_pilot_tree(train), test.iloc[0]))
    Citizen JC15-00041: not flagged, because 1 of 1,305 similar citizens in the training data
    was still unemployed after 12 months (probability 0.00); they share these facts with the citizen:
      - education is vocational or longer
      - years employed in the last 5 is more than 3.25 (here: 4.7)
      - age is 54 or less (here: 44)
    """
    _check_tree(model)
    row = _one_citizen(model, citizen)
    threshold = check_probability(threshold, name="threshold")
    encoded = model[:-1].transform(row)
    tree = model[-1].tree_
    path = model[-1].decision_path(encoded).indices
    sources = encoded_features(model)
    names = list(sources)
    bounds = {}
    for node, child in zip(path[:-1], path[1:], strict=True):
        low, high = bounds.setdefault(tree.feature[node], [-np.inf, np.inf])
        if child == tree.children_left[node]:
            bounds[tree.feature[node]][1] = min(high, tree.threshold[node])
        else:
            bounds[tree.feature[node]][0] = max(low, tree.threshold[node])
    rules = _merge_categories(
        [_rule(names[f], sources[names[f]], low, high, encoded[0, f]) for f, (low, high) in bounds.items()]
    )
    size, unemployed = _leaf_counts(model[-1], path[-1:])
    probability = float(unemployed[0] / size[0])
    return Explanation(
        citizen_id=str(row["citizen_id"].iloc[0]) if "citizen_id" in row else _("(no id)"),
        probability=probability,
        flagged=probability > threshold,
        rules=rules,
        leaf_size=int(size[0]),
        leaf_unemployed=int(unemployed[0]),
    )


def _leaf_counts(tree_model, leaves):
    """Training citizens in each of `leaves`, and how many of them were still unemployed (class 1).

    ``tree_.value`` holds each class's share of the (weighted) training
    citizens in a node in recent scikit-learn, and counts in older versions;
    dividing by its sum and multiplying by ``weighted_n_node_samples`` gives
    counts in both. Without sample weights these are whole numbers.
    """
    tree = tree_model.tree_
    value = tree.value[leaves, 0]
    positive = list(tree_model.classes_).index(1)
    weighted = tree.weighted_n_node_samples[leaves]
    unemployed = np.rint(value[:, positive] / value.sum(axis=1) * weighted).astype(int)
    return tree.n_node_samples[leaves].astype(int), unemployed


def leaf_counts(model, citizens):
    """Return, for each citizen, how many training citizens the tree's probability rests on.

    A probability of 1.00 from a leaf of 27 training citizens and one of
    0.93 from a leaf of 400 are different kinds of evidence; say both.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        One row per citizen (same index): ``leaf`` (the leaf's node number),
        ``similar`` (training citizens in that leaf: they share the facts on
        the citizen's path), ``still_unemployed`` (how many of them were),
        ``probability`` (their share, what ``predict_proba`` gives) and
        ``shown`` ("27 of 27 similar citizens in the training data were
        still unemployed").

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> model = train_pilot_tree(train)
    >>> counts = leaf_counts(model, test)
    >>> bool(np.allclose(counts["probability"], model.predict_proba(test)[:, 1]))
    True
    >>> int(counts["similar"].min()) >= 25
    True
    """
    _check_tree(model)
    citizens = check_scoring(model, citizens, outcome=False)
    leaves = model[-1].apply(model[:-1].transform(citizens))
    size, unemployed = _leaf_counts(model[-1], leaves)
    return pd.DataFrame(
        {
            "leaf": leaves,
            "similar": size,
            "still_unemployed": unemployed,
            "probability": unemployed / size,
            "shown": [_evidence(k, n) for k, n in zip(unemployed, size, strict=True)],
        },
        index=citizens.index,
    )


def _check_tree(model):
    if not (hasattr(model, "steps") and hasattr(model[-1], "tree_")):
        raise TypeError(
            f"`model` must be a fitted pilot tree from casekit.train_pilot_tree, but {type(model).__name__} was passed."
        )
    check_model(model, method="predict_proba")


def _as_frame(citizens):
    """A Series (one citizen) as a one-row frame (checking gives it the kit's dtypes); a frame as it is."""
    if not isinstance(citizens, pd.Series):
        return citizens
    return citizens.to_frame().T.infer_objects()


def _one_citizen(model, citizen):
    citizen = _as_frame(citizen)
    if isinstance(citizen, pd.DataFrame) and len(citizen) != 1:
        raise ValueError(
            f"`citizen` must be one citizen, e.g. citizens.iloc[0] or "
            f"citizens[citizens['citizen_id'] == 'JC15-00001'], but {len(citizen)} rows were passed."
        )
    return check_scoring(model, citizen, name="citizen", outcome=False)


def _rule(name, column, low, high, value):
    """The splits on one encoded feature `name` (of `column`), as `low < value <= high`, in plain words."""
    if column != name:  # one-hot: the encoded value is 0 or 1
        return (column, name[len(column) + 1 :], value > 0.5)
    if name == "education":
        return _education_rule(low, high, value)
    label = name.replace("_5y", " in the last 5").replace("_", " ")
    finite = (bool(np.isfinite(low)), bool(np.isfinite(high)))
    if name in _WHOLE_NUMBERS:
        low, high = (math.floor(low) + 1 if finite[0] else None), (math.floor(high) if finite[1] else None)
        low, high = (None if end is None else number(end, grouping=False) for end in (low, high))
        words = {
            # Translators: {feature} is a column of the citizen data in words, e.g. "age" or "years employed in the
            # last 5"; {value} is the citizen's own value.
            (True, True): _("{feature} is {low} to {high} (here: {value})"),
            (True, False): _("{feature} is {low} or more (here: {value})"),
            (False, True): _("{feature} is {high} or less (here: {value})"),
        }
    else:
        low, high = number(low, 2, grouping=False), number(high, 2, grouping=False)
        words = {
            # Translators: {feature} is a column of the citizen data in words, e.g. "years employed in the last 5".
            (True, True): _("{feature} is between {low} and {high} (here: {value})"),
            (True, False): _("{feature} is more than {low} (here: {value})"),
            (False, True): _("{feature} is at most {high} (here: {value})"),
        }
    return words[finite].format(feature=label, low=low, high=high, value=number(value, None, grouping=False))


def _education_rule(low, high, value):
    if np.isnan(value):
        return _("education is not registered on Jobnet")
    shortest = EDUCATION_LEVELS[math.floor(low) + 1 if np.isfinite(low) else 0]
    longest = EDUCATION_LEVELS[math.floor(high) if np.isfinite(high) else -1]
    if shortest == longest:
        # Translators: {level}, {shortest} and {longest} are education levels, codes of the data (not translated).
        return _("education is {level}").format(level=shortest)
    if longest == EDUCATION_LEVELS[-1]:
        return _("education is {level} or longer").format(level=shortest)
    if shortest == EDUCATION_LEVELS[0]:
        return _("education is {level} or shorter").format(level=longest)
    return _("education is {shortest} to {longest}").format(shortest=shortest, longest=longest)


def _merge_categories(rules):
    """Turn one-hot splits into one rule per column: 'district is X' or 'district is not X or Y'."""
    merged, seen = [], {}
    for rule in rules:
        if isinstance(rule, str):
            merged.append(rule)
            continue
        column, category, is_it = rule
        if column not in seen:
            seen[column] = len(merged)
            merged.append({"is": None, "not": []})
        entry = merged[seen[column]]
        entry["column"] = column
        if is_it:
            entry["is"] = category
        else:
            entry["not"].append(category)
    return [rule if isinstance(rule, str) else _category_rule(rule) for rule in merged]


def _category_rule(rule):
    """'district is X' or 'district is not X or Y', in the kit's language; the values are codes."""
    if rule["is"]:
        # Translators: {feature} is a column of the citizen data, e.g. "district"; {value} one of its values (a code).
        return _("{feature} is {value}").format(feature=rule["column"], value=rule["is"])
    values = rule["not"][0]
    for value in rule["not"][1:]:
        # Translators: two values of a column, e.g. "Lyngtoften or Havnen"; the values are not translated.
        values = _("{first} or {second}").format(first=values, second=value)
    # Translators: {feature} is a column of the citizen data, e.g. "district"; {values} e.g. "Lyngtoften or Havnen".
    return _("{feature} is not {values}").format(feature=rule["column"], values=values)


def facts_used(model, citizens):
    """Return which columns the tree looked at on each citizen's way to their leaf.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        One row per citizen, one boolean column per feature of the model
        (``True``: a rule about it is on the citizen's path). ``.mean()`` gives
        how often each fact takes part; ``.any()`` which facts are used at all.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> facts_used(train_pilot_tree(train), test).any().to_dict()["gender"]
    False
    """
    _check_tree(model)
    citizens = check_scoring(model, citizens, outcome=False)
    source = list(encoded_features(model).values())
    columns = list(dict.fromkeys(source))
    tree = model[-1].tree_
    split_nodes = np.flatnonzero(tree.feature >= 0)
    asks_about = np.zeros((tree.node_count, len(columns)), dtype=int)
    asks_about[split_nodes, [columns.index(source[f]) for f in tree.feature[split_nodes]]] = 1
    paths = model[-1].decision_path(model[:-1].transform(citizens))
    return pd.DataFrame((paths @ asks_about) > 0, index=citizens.index, columns=columns)


def flip_test(model, citizens, *, column="district", values=None, threshold=0.5):
    """Predict every citizen again with `column` set to each of `values`.

    Parameters
    ----------
    model : fitted estimator
        E.g. from :func:`casekit.train_pilot_tree`.
    citizens : pandas.DataFrame or pandas.Series
        The citizens to move (a Series is one citizen).
    column : str, default "district"
        The fact to change: one the model's flags depend on (for the pilot
        tree, a column it asks about somewhere). Any other is refused, since
        changing it cannot change a flag.
    values : list, optional
        The values to try; all categories of a categorical column by default.
    threshold : float, default 0.5
        A citizen is flagged when the probability is above this.

    Returns
    -------
    pandas.DataFrame
        One row per citizen and value: ``citizen_id``, the ``value`` tried,
        ``probability``, ``flagged``, and ``flag_changed`` (whether the flag
        differs from the citizen's actual one).

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> moved = flip_test(train_pilot_tree(train), test.iloc[0])
    >>> moved["value"].tolist()[-1]
    'Lyngtoften'
    >>> flip_test(train_pilot_tree(train), test, column="origin")
    Traceback (most recent call last):
    ...
    ValueError: `column` must be one of the columns the model's flags depend on, ['district', 'education', 'age', \
'years_employed_5y'], but 'origin' was passed: the model never reads it, so changing it cannot change a flag.
    """
    frame = check_scoring(model, _as_frame(citizens), columns=["citizen_id"], outcome=False, method="predict_proba")
    check_column(frame, column, name="column")
    read, asked = _columns_read(model), _columns_asked(model)
    if read and column not in asked:
        reason = "the tree never asks about it" if column in read else "the model never reads it"
        raise ValueError(
            f"`column` must be one of the columns the model's flags depend on, {asked}, but {column!r} was passed: "
            f"{reason}, so changing it cannot change a flag."
        )
    threshold = check_probability(threshold, name="threshold")
    return _flip(model, frame, column=column, values=values, threshold=threshold)


def _columns_asked(model):
    """The columns of a pilot pipeline its tree asks about somewhere, in the pipeline's order; [] for another model."""
    read = _columns_read(model)
    if not read or not hasattr(model[-1], "tree_"):
        return read
    source = list(encoded_features(model).values())
    features = model[-1].tree_.feature
    asked = {source[f] for f in features[features >= 0]}
    return [column for column in read if column in asked]


def _flip(model, frame, *, column, values, threshold):
    """:func:`flip_test` on citizens already checked: the residence audit moves citizens whatever the model reads."""
    original = frame[column]
    if values is None:
        if not isinstance(original.dtype, pd.CategoricalDtype):
            raise ValueError(f"`values` must be given for the non-categorical column {column!r}, e.g. values=[25, 45].")
        values = list(original.cat.categories)
    if isinstance(values, (str, dict)) or np.ndim(values) != 1 or len(values) == 0:
        raise ValueError(
            f"`values` must be a non-empty list of values for {column!r}, e.g. values={original.iloc[:1].tolist()}, "
            f"but {values!r} was passed."
        )
    values = list(values)
    if column in RANGES:
        check_citizens(pd.DataFrame({column: values}), name="values")
    actual = model.predict_proba(frame)[:, 1] > threshold
    tried = []
    for value in values:
        probability = model.predict_proba(frame.assign(**{column: _same_dtype(value, original)}))[:, 1]
        tried.append(
            pd.DataFrame(
                {
                    "citizen_id": frame["citizen_id"].to_numpy(),
                    "value": value,
                    "probability": probability,
                    "flagged": probability > threshold,
                    "flag_changed": (probability > threshold) != actual,
                }
            )
        )
    return pd.concat(tried, ignore_index=True)


def _same_dtype(value, original):
    if isinstance(original.dtype, pd.CategoricalDtype):
        if value not in original.cat.categories:
            raise ValueError(f"`values` must be drawn from {list(original.cat.categories)}, but {value!r} was passed.")
        return pd.Categorical([value] * len(original), dtype=original.dtype)
    return value


def _check_searchable(model, citizens):
    """`model` can score, and `citizens` have ids to search by: the citizens, checked."""
    return check_scoring(model, citizens, columns=["citizen_id"], outcome=False, method="predict_proba")


def lookup(model, citizens, citizen_id, *, threshold=0.5):
    """Look one citizen up by id: what the lookup app shows.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame
        The citizens to search.
    citizen_id : str
        E.g. ``"JC18-01186"``.
    threshold : float, default 0.5
        Flag when the probability is above this.

    Returns
    -------
    casekit.explain.Explanation

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> lookup(train_pilot_tree(train), test, "JC18-01186").flagged
    True
    """
    citizens = _check_searchable(model, citizens)
    match = citizens[citizens["citizen_id"] == citizen_id]
    if match.empty:
        examples = citizens["citizen_id"].head(3).tolist()
        raise ValueError(
            f"`citizen_id` must be one of the ids in `citizens` (such as {examples}), but {citizen_id!r} was passed."
        )
    return explain(model, match.iloc[[0]], threshold=threshold)


def closest_citizen(model, citizens, probability):
    """Return the citizen whose probability of still being unemployed is closest to `probability`.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame
        The citizens to search, e.g. the pilot test split.
    probability : float
        Between 0 and 1, e.g. 0.55 (just above the pilot's threshold).

    Returns
    -------
    pandas.DataFrame
        One row (the first such citizen), ready for :func:`casekit.explain`.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> citizen = closest_citizen(p.model, p.test, 0.95)
    >>> len(citizen), round(float(p.model.predict_proba(citizen)[0, 1]), 1)
    (1, 0.9)
    """
    citizens = _check_searchable(model, citizens)
    probability = check_probability(probability, name="probability")
    distance = np.abs(model.predict_proba(citizens)[:, 1] - probability)
    return citizens.iloc[[int(np.argmin(distance))]]


def move(citizens, district):
    """Return a copy of `citizens` living in `district`, everything else the same.

    Parameters
    ----------
    citizens : pandas.DataFrame
        One or more citizens.
    district : str
        One of :data:`casekit.DISTRICTS`.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> from casekit.model import pilot
    >>> move(pilot().test.head(2), "Havnen")["district"].tolist()
    ['Havnen', 'Havnen']
    """
    citizens = check_citizens(citizens, columns=["district"])
    check_choice(district, DISTRICTS, name="district")
    return citizens.assign(district=pd.Categorical([district] * len(citizens), dtype=citizens["district"].dtype))
