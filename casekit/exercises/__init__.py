"""Exercise sets, one module per notebook (``ex01`` ... ``ex12``), declared with :mod:`casekit.checking`.

Every check computes its answer from the kit's data through :func:`context`.
"""

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from sklearn.pipeline import Pipeline

from casekit.data import load_citizens
from casekit.model import pilot


@dataclass(frozen=True, eq=False)
class Context:
    """The shared data; hashed by identity, so a set can cache work on it with ``functools.lru_cache``."""

    citizens: pd.DataFrame
    train: pd.DataFrame
    test: pd.DataFrame
    model: Pipeline
    cohort_2019: pd.DataFrame


@lru_cache(maxsize=1)
def context():
    """The data every exercise checks against: the pilot citizens, the split, the pilot tree and 2019.

    Built once per session and kept in memory.

    Examples
    --------
    >>> len(context().test)
    2000
    """
    citizens, train, test, model = pilot()  # the one place the pilot tree is built
    return Context(citizens=citizens, train=train, test=test, model=model, cohort_2019=load_citizens("2019"))
