"""Argument checks shared by casekit's public functions.

Each check raises an error a student can act on: it names the argument,
says what is allowed and shows what was passed.
"""

import difflib
import numbers
import unicodedata

import numpy as np
import pandas as pd
from sklearn.utils import check_random_state

#: How many of the wrong values an error message shows.
_SHOWN_VALUES = 5


def _shown(value):
    """Return a short description of `value` for an error message."""
    if isinstance(value, (str, numbers.Number, type(None))):
        return repr(value)
    return f"a {type(value).__name__}"


def check_choice(value, allowed, *, name):
    """Return `value` if it is one of `allowed`, else raise ValueError."""
    if value not in allowed:
        raise ValueError(f"`{name}` must be one of {list(allowed)}, but {_shown(value)} was passed.")
    return value


def check_frame(frame, *, name, columns=(), min_rows=1):
    """Return `frame` if it is a DataFrame with `columns` and enough rows."""
    if not isinstance(frame, pd.DataFrame):
        hint = ""
        if hasattr(frame, "predict"):
            hint = " It looks like a model was passed where data was expected; check the order of the arguments."
        raise TypeError(
            f"`{name}` must be a pandas DataFrame of citizens "
            f"(e.g. from casekit.load_citizens()), but {_shown(frame)} was passed.{hint}"
        )
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(
            f"`{name}` has no column {missing[0]!r}. It needs {list(columns)}; "
            f"the columns it has are {list(frame.columns)}."
        )
    if len(frame) < min_rows:
        raise ValueError(f"`{name}` must have at least {min_rows} row(s), but it has {len(frame)}.")
    return frame


def check_model(model, *, method="predict"):
    """Return `model` if it has `method` (a fitted scikit-learn model), else raise TypeError."""
    if not hasattr(model, method):
        raise TypeError(
            f"`model` must be a fitted model with .{method}, but {_shown(model)} was passed. "
            "Did you swap `model` and `citizens`?"
        )
    classes = getattr(model, "classes_", None)
    if method == "predict_proba" and classes is not None and len(classes) != 2:
        raise ValueError(
            f"`model` must be trained on both outcomes, 0 and 1, but it knows only {np.asarray(classes).tolist()}: "
            "it gives no probability of still being unemployed. Train it on citizens with both outcomes."
        )
    return model


def check_column(frame, column, *, name):
    """Return `frame[column]`, or raise an error listing the columns that exist."""
    if not isinstance(column, str) or column not in frame.columns:
        raise ValueError(f"`{name}` must be one of the columns {list(frame.columns)}, but {_shown(column)} was passed.")
    return frame[column]


def check_probability(value, *, name):
    """Return `value` as a float if it lies in [0, 1], else raise ValueError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"`{name}` must be a number between 0 and 1, but {_shown(value)} was passed.")
    if not 0 <= value <= 1:
        hint = f" Did you mean {value / 100:g}?" if 2 <= value <= 100 else ""
        raise ValueError(f"`{name}` must be between 0 and 1, but {value!r} was passed.{hint}")
    return float(value)


def check_positive_int(value, *, name):
    """Return `value` if it is a whole number of at least 1, else raise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"`{name}` must be a whole number of at least 1, but {_shown(value)} was passed.")
    return int(value)


def check_seed(random_state, *, name="random_state"):
    """Return a numpy RandomState for `random_state`: None, a RandomState, or a seed from 0 to 2**32 - 1.

    Examples
    --------
    >>> check_seed(0).randint(10)
    5
    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    ValueError: `random_state` must be a whole number from 0 to 2**32 - 1 (the seed, e.g. random_state=0), \
but -1 was passed.
    """
    if random_state is None or isinstance(random_state, np.random.RandomState):
        return check_random_state(random_state)
    whole = isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool)
    if not whole or not 0 <= random_state < 2**32:
        raise ValueError(
            f"`{name}` must be a whole number from 0 to 2**32 - 1 (the seed, e.g. {name}=0), "
            f"but {_shown(random_state)} was passed."
        )
    return check_random_state(random_state)


def check_labels(values, *, name):
    """Return `values` as an int array of 0/1 labels, or raise a helpful error."""
    if isinstance(values, pd.DataFrame) or hasattr(values, "predict"):
        raise TypeError(f"`{name}` must be a 1-D sequence of 0/1 labels, but {_shown(values)} was passed.")
    array = np.asarray(values)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"`{name}` must be a non-empty 1-D sequence of 0/1 labels, but its shape is {array.shape}.")
    if array.dtype == bool:
        return array.astype(int)
    unique = pd.unique(array)
    if not set(unique.tolist()) <= {0, 1}:
        strange = [value for value in unique.tolist() if value not in (0, 1)][:3]
        hint = ""
        if all(isinstance(v, float) and 0 <= v <= 1 for v in strange):
            hint = " These look like probabilities: pass labels (model.predict), not model.predict_proba."
        raise ValueError(f"`{name}` must contain only 0 and 1, but it contains {strange}.{hint}")
    return array.astype(int)


def check_same_length(**arrays):
    """Raise ValueError unless every array has the same length."""
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        shown = ", ".join(f"`{name}` has {n}" for name, n in lengths.items())
        raise ValueError(f"These must have the same length, but {shown}.")


def _how_many(wrong):
    """How many of `wrong` are true, for a message: '1 of its 2000 values is', '3 of its 2000 values are'."""
    n = int(wrong.sum())
    return f"{n} of its {len(wrong)} values {'is' if n == 1 else 'are'}"


def _did_you_mean(value, allowed):
    """A hint such as ' Did you mean 'Vestbyen'?' for a near miss (case, spaces, invisible characters, a typo)."""
    if not isinstance(value, str):
        return ""
    visible = "".join(c for c in value if unicodedata.category(c)[0] not in "CZ").casefold()
    same = [option for option in allowed if option.casefold() == visible]
    close = same or difflib.get_close_matches(value, allowed, n=1) or difflib.get_close_matches(visible, allowed, n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


def _in_range(values, low, high, *, name):
    """None if `values` are numbers from `low` to `high` (None: no upper end), the numbers if they were text,
    or a ValueError showing one that is neither."""
    allowed = f"between {low} and {high}" if high is not None else f"{low} or more"
    if values.dtype == bool:
        raise ValueError(f"`{name}` must be numbers {allowed}, but it holds True/False.")
    numbers_ = values if pd.api.types.is_numeric_dtype(values) else pd.to_numeric(values, errors="coerce")
    wrong = numbers_.isna() | (numbers_ < low) | (numbers_ > (np.inf if high is None else high))
    if wrong.any():
        example = values[wrong].iloc[0]
        raise ValueError(f"`{name}` must be {allowed}, but {_how_many(wrong)} not, e.g. {_plain(example)}.")
    return None if numbers_ is values else numbers_


def _outcome(values, *, name):
    """None if `values` are 0/1 integers, else them as 0/1 integers, or a ValueError showing the values found."""
    if pd.api.types.is_bool_dtype(values):
        return values.astype(int)
    labels = values.isin([0, 1])
    if values.dtype == object:
        labels &= values.map(lambda v: not isinstance(v, (str, bool, np.bool_)))
    if not labels.all():
        found = pd.unique(values)
        text = any(isinstance(v, str) for v in found)
        hint = " Code it as numbers first, e.g. .map({'no': 0, 'yes': 1})." if text else ""
        raise ValueError(
            f"`{name}` must be 0 (found work) or 1 (still unemployed) for every citizen, "
            f"but its values are {', '.join(_plain(v) for v in found[:_SHOWN_VALUES])}.{hint}"
        )
    return None if pd.api.types.is_integer_dtype(values) else values.astype(int)


def _plain(value):
    """A value as a message shows it: numbers without numpy's wrapping (-40, nan, 'yes')."""
    if isinstance(value, (np.generic,)):
        value = value.item()
    return repr(value)
