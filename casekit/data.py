"""The kit's cohorts: load them from ``data/`` (or redraw them in another world), and write the files.

Regenerate the files with ``python -m casekit.tools data`` (or ``make data``);
the same seed gives the same bytes.
"""

from functools import partial
from importlib.resources import files
from pathlib import Path

import numpy as np
import pandas as pd

from casekit._validation import _did_you_mean, _how_many, _in_range, _outcome, check_choice, check_frame
from casekit.codebook import CATEGORIES, categorical_dtype, codebook
from casekit.world import IMMIGRANT, WORLD, World, describe_world, make_citizens

#: The folder with the cohorts and the codebook: the repository's ``data/``, installed as ``casekit.datasets``.
DATA_DIR = files("casekit.datasets")

#: The seed of the pilot data; the 2019 cohort uses the next one. Chosen as the
#: first seed whose pilot tree scores 88.7 % and does at least five points worse
#: on 2019 (see data/README.md).
SEED = 23
#: Each cohort: its file, its size and its years of second interview.
COHORTS = {
    "pilot": ("citizens_2015_2018.csv", 8000, (2015, 2016, 2017, 2018)),
    "2019": ("citizens_2019.csv", 2000, (2019,)),
}
_DTYPES = {
    "citizen_id": "string",
    "cohort_year": "int16",
    "age": "int16",
    "years_employed_5y": "float64",
    "months_unemployed": "int16",
    "missed_meetings": "int16",
    "health_limitation": "bool",
    "unemployed_12m": "int8",
    **{column: categorical_dtype(column) for column in CATEGORIES},
}


def _draw_cohort(cohort, world):
    """Draw `cohort` in `world` from its own seed: the same people as ``data/`` holds when `world` is WORLD."""
    _, n_samples, years = COHORTS[cohort]
    seed = SEED + list(COHORTS).index(cohort)
    return make_citizens(n_samples, cohort_years=years, world=world, random_state=seed)


def write_data(directory=DATA_DIR):
    """Write both cohorts and the codebook as CSV files into `directory`.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for cohort, (filename, _, _) in COHORTS.items():
        written.append(_write_csv(_draw_cohort(cohort, WORLD), directory / filename))
    written.append(_write_csv(codebook(), directory / "codebook.csv"))
    written.append(_write_parameters(directory / "world_parameters.md"))
    return written


def _write_csv(frame, path):
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def _write_parameters(path):
    """The world's parameters as a Markdown table, linked from data/README.md."""
    table = describe_world().reset_index()
    lines = [
        "# Parameters of the synthetic world",
        "",
        "Written by `python -m casekit.tools data` from `casekit.world.World`; do not edit by hand.",
        f"Seed of the pilot data: {SEED}; of the 2019 cohort: {SEED + 1}.",
        "",
        "Seven of these parameters are mechanisms that make the estate's citizens differ from the rest "
        "(`casekit.world.MECHANISMS`). How much of the estate's gap each one carries is measured, not "
        "assumed: `python -m casekit.worlds` switches each off alone over ten seeds "
        '(see README.md, "Where the estate\'s gap comes from").',
        "",
        "| parameter | value | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{row.parameter}` | {row.value} | {row.meaning} |" for row in table.itertuples()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_citizens(cohort="pilot", *, world=None, data_dir=None):
    """Load a cohort of synthetic citizens from ``data/``, or redraw it in another world.

    Parameters
    ----------
    cohort : {"pilot", "2019"}, default "pilot"
        ``"pilot"``: the 8,000 citizens of 2015-2018 that the pilot tree was
        built on. ``"2019"``: the 2,000 citizens of the year after.
    world : World, optional
        None: the cohort as shipped in ``data/``. A :class:`casekit.World`
        (e.g. ``dataclasses.replace(casekit.WORLD, ...)`` or
        :func:`casekit.world.world_2019`): the same people, drawn from the
        same seed, in a world with other parameters; with ``casekit.WORLD``
        the values are the shipped ones.
    data_dir : path, optional
        Folder with the files; the kit's ``data/`` by default.

    Returns
    -------
    pandas.DataFrame
        One row per citizen. Districts and education are ordered categoricals;
        education is missing where the citizen did not register it.

    Examples
    --------
    >>> citizens = load_citizens()
    >>> citizens.shape
    (8000, 14)
    >>> citizens["district"].cat.categories[-1]
    'Lyngtoften'
    >>> load_citizens("2019", world=WORLD)["cohort_year"].unique().tolist()
    [2019]
    """
    cohort = _check_cohort(cohort)
    if world is not None:
        if not isinstance(world, World):
            raise TypeError(
                "`world` must be a casekit.World (e.g. casekit.WORLD) or None, "
                f"but a {type(world).__name__} was passed."
            )
        return _draw_cohort(cohort, world)
    filename, _, _ = COHORTS[cohort]
    path = Path(data_dir or DATA_DIR) / filename
    if not path.exists():
        raise FileNotFoundError(
            f"No data file at {path}. Recreate it with `python -m casekit.tools data` or `make data`."
        )
    return pd.read_csv(path, dtype=_DTYPES, keep_default_na=False, na_values={"education": [""]})


def _check_cohort(cohort):
    return check_choice(str(cohort) if isinstance(cohort, int) else cohort, list(COHORTS), name="cohort")


#: The values a numeric column of the citizen data can hold in the kit's world, as ``casekit/content/codebook.csv``
#: documents them: column -> (lowest, highest; None for no upper end).
RANGES = {"age": (18, 64), "years_employed_5y": (0.0, 5.0), "months_unemployed": (1, 36), "missed_meetings": (0, None)}
#: The categorical columns a citizen may leave empty: education, when it is not registered on Jobnet.
MAY_BE_MISSING = ("education",)


def check_citizens(frame, *, name="citizens", columns=(), outcome=None, min_rows=1):
    """Return `frame` checked against the codebook, its plain text columns made the codebook's categoricals.

    Every column of the codebook that `frame` has is checked: a categorical
    column may hold only its categories (education may be missing), a numeric
    one only the values of :data:`RANGES`; `outcome`, if given, only 0 and 1.
    A frame read with plain ``pd.read_csv`` gets its categoricals back, so it
    works like one from :func:`casekit.load_citizens`.

    Parameters
    ----------
    frame : pandas.DataFrame
    name : str
        The argument's name, for the error message.
    columns : sequence of str
        Columns `frame` must have.
    outcome : str, optional
        The outcome column (``"unemployed_12m"``), when the caller needs it.
    min_rows : int, default 1

    Returns
    -------
    pandas.DataFrame
        `frame` itself when nothing needed changing, else a changed copy.

    Examples
    --------
    >>> plain = pd.DataFrame({"district": ["Havnen"], "age": [30]})
    >>> check_citizens(plain)["district"].dtype == categorical_dtype("district")
    True
    >>> check_citizens(pd.DataFrame({"district": ["havnen"]}))
    Traceback (most recent call last):
    ...
    ValueError: `citizens['district']` must hold only ['Bymidten', 'Havnen', 'Vestbyen', 'Skovbakken', 'Engdal', \
'Landsbyerne', 'Lyngtoften'], but 1 of its 1 values is not, e.g. 'havnen'. Did you mean 'Havnen'?
    >>> check_citizens(pd.DataFrame({"age": [30, -40]}))
    Traceback (most recent call last):
    ...
    ValueError: `citizens['age']` must be between 18 and 64, but 1 of its 2 values is not, e.g. -40.
    """
    check_frame(frame, name=name, columns=[*columns, *([outcome] if outcome else [])], min_rows=min_rows)
    checks = [(column, partial(_categorical, column=column)) for column in CATEGORIES]
    checks += [(column, partial(_in_range, low=low, high=high)) for column, (low, high) in RANGES.items()]
    checks += [(outcome, _outcome)] if outcome else []
    changes = {}
    for column, check in checks:
        if column in frame.columns:
            changed = check(frame[column], name=f"{name}[{column!r}]")
            if changed is not None:
                changes[column] = changed
    return frame.assign(**changes) if changes else frame


def _categorical(values, *, column, name):
    """`values` as the codebook's categorical of `column` (None if they are already), or a ValueError naming a
    value that is not one of its categories."""
    allowed = CATEGORIES[column]
    dtype = categorical_dtype(column)
    missing = values.isna()
    if not (isinstance(values.dtype, pd.CategoricalDtype) and set(values.cat.categories) <= set(allowed)):
        wrong = ~values.isin(allowed) & ~missing
        if wrong.any():
            example = values[wrong].iloc[0]
            raise ValueError(
                f"`{name}` must hold only {allowed}, but {_how_many(wrong)} not, "
                f"e.g. {example!r}.{_did_you_mean(example, allowed)}"
            )
    if missing.any() and column not in MAY_BE_MISSING:
        raise ValueError(f"`{name}` must hold one of {allowed} in every row, but {_how_many(missing)} missing.")
    return None if values.dtype == dtype else values.astype(dtype)


def with_immigrant(citizens):
    """Return a copy of `citizens` with a column ``immigrant``: immigrant or not.

    Immigrants are the two origins ``"immigrant, western"`` and
    ``"immigrant, non-western"``: the citizens whose degrees are most often
    foreign, and so the ones a change to Jobnet's education form reaches.

    Parameters
    ----------
    citizens : pandas.DataFrame
        Citizens with an ``origin`` column, e.g. from :func:`load_citizens`.

    Returns
    -------
    pandas.DataFrame
        The same rows, plus ``immigrant``: an ordered categorical with the
        values ``"immigrant"`` and ``"not an immigrant"``.

    Examples
    --------
    >>> with_immigrant(load_citizens())["immigrant"].value_counts().sort_index().tolist()
    [1171, 6829]
    """
    check_frame(citizens, name="citizens", columns=["origin"])
    is_immigrant = citizens["origin"].astype(str).isin(IMMIGRANT)
    labels = pd.Categorical(
        np.where(is_immigrant, "immigrant", "not an immigrant"),
        categories=["immigrant", "not an immigrant"],
        ordered=True,
    )
    return citizens.assign(immigrant=labels)
