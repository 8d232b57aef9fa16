"""The codebook: every column of the citizen data, its categories and its source.

The codebook and the category lists are read from ``casekit/content/codebook.csv``
and ``casekit/content/categories.csv``; those files are the single source of
truth for the ordered categoricals that :func:`casekit.load_citizens` returns.
"""

import pandas as pd

from casekit._content import read_rows


def _read_categories():
    categories = {}
    for row in read_rows("categories.csv"):
        categories.setdefault(row["column"], []).append(row["value"])
    return categories


#: Each categorical column's categories, in order (``casekit/content/categories.csv``): district, gender,
#: origin, education, benefit_type, household.
CATEGORIES = _read_categories()

#: The municipality's districts (invented names). The last one is the
#: social-housing estate of the kind found on the government's list of
#: vulnerable residential areas.
DISTRICTS = CATEGORIES["district"]
ESTATE = "Lyngtoften"

#: Highest completed education, ordered from shortest to longest.
EDUCATION_LEVELS = CATEGORIES["education"]

#: Statistics Denmark's categories of origin (audit only, never a model feature).
ORIGINS = CATEGORIES["origin"]

GENDERS = CATEGORIES["gender"]
BENEFIT_TYPES = CATEGORIES["benefit_type"]
HOUSEHOLDS = CATEGORIES["household"]

# One row per column of the citizen data (casekit/content/codebook.csv); a categorical column's
# allowed values are left empty there and listed from CATEGORIES.
_ROWS = read_rows("codebook.csv")
_FIELDS = ["column", "danish_label", "type", "allowed_values", "source", "pilot_model", "meaning"]

COLUMNS = [row["column"] for row in _ROWS]


def codebook():
    """Return the codebook as a DataFrame, one row per column of the citizen data.

    Returns
    -------
    pandas.DataFrame
        Columns ``column``, ``danish_label``, ``type``, ``allowed_values``,
        ``source``, ``pilot_model`` (``yes``, ``no``, ``audit only`` or
        ``target``) and ``meaning``.

    Examples
    --------
    >>> book = codebook()
    >>> book.loc[book["pilot_model"] == "yes", "column"].tolist()
    ['district', 'gender', 'age', 'education', 'years_employed_5y']
    """
    book = pd.DataFrame(_ROWS, columns=_FIELDS)
    listed = book["column"].map(lambda column: ", ".join(CATEGORIES.get(column, [])))
    book["allowed_values"] = [
        values or categories for values, categories in zip(book["allowed_values"], listed, strict=True)
    ]
    return book


def categorical_dtype(column):
    """Return the pandas categorical dtype of a categorical `column`.

    Districts and education levels are ordered; the others are not.

    Examples
    --------
    >>> categorical_dtype("education").categories[0]
    'primary school'
    """
    ordered = column in ("district", "education")
    return pd.CategoricalDtype(CATEGORIES[column], ordered=ordered)
