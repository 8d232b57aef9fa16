"""The codebook: every column of the citizen data, its categories and its source.

The category lists here are the single source of truth for the ordered
categoricals that :func:`casekit.load_citizens` returns.
"""

import pandas as pd

#: The municipality's districts (invented names). The last one is the
#: social-housing estate of the kind found on the government's list of
#: vulnerable residential areas.
DISTRICTS = ["Bymidten", "Havnen", "Vestbyen", "Skovbakken", "Engdal", "Landsbyerne", "Lyngtoften"]
ESTATE = "Lyngtoften"

#: Highest completed education, ordered from shortest to longest.
EDUCATION_LEVELS = [
    "primary school",
    "upper secondary",
    "vocational",
    "short higher",
    "medium higher",
    "long higher",
]

#: Statistics Denmark's categories of origin (audit only, never a model feature).
ORIGINS = [
    "Danish origin",
    "immigrant, western",
    "immigrant, non-western",
    "descendant, western",
    "descendant, non-western",
]

GENDERS = ["female", "male"]
BENEFIT_TYPES = ["dagpenge", "kontanthjælp", "uddannelseshjælp"]
HOUSEHOLDS = ["single, no children", "single with children", "couple, no children", "couple with children"]

CATEGORIES = {
    "district": DISTRICTS,
    "gender": GENDERS,
    "origin": ORIGINS,
    "education": EDUCATION_LEVELS,
    "benefit_type": BENEFIT_TYPES,
    "household": HOUSEHOLDS,
}

# name, Danish label, type, allowed values, source, use in the pilot model, meaning
_ROWS = [
    ("citizen_id", "borger-id (pseudonym)", "string", "JC<yy>-<5 digits>, e.g. JC15-00001",
     "kit (pseudonym)", "no", "Pseudonymous identifier; not a CPR number and not derived from one."),
    ("cohort_year", "årgang", "integer", "2015-2019", "Fasit case file", "no",
     "Year of the citizen's second interview at the job centre."),
    ("district", "bydel", "ordered category", DISTRICTS, "CPR register (address)", "yes",
     f"District of residence. {ESTATE} is the social-housing estate."),
    ("gender", "køn", "category", GENDERS, "CPR register", "yes", "Legal gender."),
    ("age", "alder", "integer", "18-64", "CPR register", "yes", "Age in years at the second interview."),
    ("origin", "herkomst", "category", ORIGINS, "CPR register (Statistics Denmark's definition)",
     "audit only", "Origin as Statistics Denmark defines it. Kept to audit the model; never a feature."),
    ("education", "højeste fuldførte uddannelse", "ordered category (may be missing)",
     EDUCATION_LEVELS, "Jobnet self-registration", "yes",
     "Highest completed education as the citizen registered it on Jobnet; empty when not registered."),
    ("years_employed_5y", "beskæftigelse de seneste 5 år (år)", "decimal", "0.0-5.0, one decimal",
     "Jobnet self-registration", "yes", "Years in employment during the last five years, as registered."),
    ("benefit_type", "ydelsestype", "category", BENEFIT_TYPES, "Fasit case file", "no",
     "Benefit received: unemployment insurance (dagpenge), social assistance (kontanthjælp) "
     "or education assistance for under-30s (uddannelseshjælp)."),
    ("months_unemployed", "måneder ledig indtil nu", "integer", "1-36", "Fasit case file", "no",
     "Months of unemployment up to the second interview, earlier spells in the last three years included."),
    ("missed_meetings", "udeblivelser", "integer", "0 or more", "Fasit case file", "no",
     "Meetings at the job centre the citizen missed without notice."),
    ("health_limitation", "helbredsmæssige begrænsninger", "boolean", "True, False",
     "Fasit case file (self-reported at the interview)", "no",
     "The citizen reported a health problem that limits which work they can take."),
    ("household", "husstandstype", "category", HOUSEHOLDS, "CPR register", "no", "Household type."),
    ("unemployed_12m", "stadig ledig efter 12 måneder", "integer", "0 = no, 1 = yes",
     "outcome register", "target",
     "Still receiving benefits 12 months after the second interview. 1 is the 'at risk' class the tree flags."),
]

COLUMNS = [row[0] for row in _ROWS]


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
    book = pd.DataFrame(
        _ROWS,
        columns=["column", "danish_label", "type", "allowed_values", "source", "pilot_model", "meaning"],
    )
    book["allowed_values"] = [
        ", ".join(values) if isinstance(values, list) else values for values in book["allowed_values"]
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
