"""Argument checks shared by casekit's public functions.

Each check raises an error a student can act on: it names the argument,
says what is allowed and shows what was passed.
"""

import numbers

import numpy as np
import pandas as pd


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
