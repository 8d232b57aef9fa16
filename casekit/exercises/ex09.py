"""Exercises for notebook 09, the stolen computers: who can be recognised in a leak, and what protects them.

Unique citizens in the leaked sheet, the rows to suppress after generalising,
an unkeyed hash reversed, the stored model features the tree never asks about,
and what a hashed CPR number does and does not protect.

>>> from casekit.exercises import ex09
>>> [q.name for q in ex09.QUESTIONS]  # doctest: +NORMALIZE_WHITESPACE
['unique citizens', 'rows to suppress', 'whose hash', 'never asked about', 'is a hashed CPR number anonymous']
"""

from functools import cache, lru_cache

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.codebook import codebook
from casekit.exercises import context
from casekit.explain import facts_used
from casekit.privacy import generalise, group_sizes, leaked_spreadsheet, unkeyed_hash

WITH_BIRTH_DATE = ["birth_date", "gender", "district", "household"]
WITH_AGE = ["age", "gender", "district", "household"]


@lru_cache(maxsize=1)
def _sheet():
    """The leaked spreadsheet as the notebook draws it (20,000 rows, random_state=0), built once."""
    return leaked_spreadsheet(random_state=0)


def _same_names(answer, names):
    """True when `answer` lists the same column names as `names`, in any order."""
    try:
        return sorted(map(str, answer)) == sorted(names)
    except TypeError:
        return False


# 1. Unique citizens -----------------------------------------------------------------------------------------------


@cache
def _sizes(columns=None, *, age_width=None, merge_districts=False):
    """Each row's group size in the sheet on `columns` (a tuple), generalised when `age_width` is given; cached."""
    sheet = (
        _sheet() if age_width is None else generalise(_sheet(), age_width=age_width, merge_districts=merge_districts)
    )
    return group_sizes(sheet, None if columns is None else list(columns))


def _groups(columns=None, *, smaller_than=None, **coarsen):
    """How many groups (combinations) there are, or how many with fewer than `smaller_than` rows."""
    sizes = _sizes(columns, **coarsen)
    if smaller_than is not None:
        sizes = sizes[sizes < smaller_than]
    return int(round((1 / sizes).sum()))


def _alone(columns):
    return int((_sizes(tuple(columns)) == 1).sum())


unique_citizens = Question(
    name="unique citizens",
    context=context,
    truth=lambda c: _alone(WITH_BIRTH_DATE),
    mistakes=[
        Mistake(
            lambda c: float((_sizes(tuple(WITH_BIRTH_DATE)) == 1).mean()),
            "That is the share of rows that are unique. The question asks how many citizens: a count of people.",
        ),
        Mistake(
            lambda c: 100 * float((_sizes(tuple(WITH_BIRTH_DATE)) == 1).mean()),
            "That is a percentage of the rows. Count the citizens instead (.sum() rather than .mean()).",
        ),
        Mistake(
            lambda c: _alone(WITH_AGE),
            "You used the age in whole years. The stolen sheet had the birth date (every CPR number starts "
            "with it): use birth_date instead of age.",
        ),
        Mistake(
            lambda c: _groups(tuple(WITH_BIRTH_DATE)),
            "That is the number of different combinations, including those shared by several citizens. "
            "Count the citizens who are alone in their combination (group size 1).",
        ),
        Mistake(
            lambda c: int((_sizes(tuple(WITH_BIRTH_DATE)) > 1).sum()),
            "That counts the citizens who share their combination with someone else. "
            "The unique ones are those in a group of size 1.",
        ),
    ],
    hints=[
        "privacy.group_sizes(sheet, columns) gives, for each row, how many rows share its values of `columns`.",
        "A citizen is unique when their group size is 1. Compare with == 1 and count the True values.",
        'Nearly there: (privacy.group_sizes(sheet, ["birth_date", "gender", "district", "household"]) == 1).sum()',
    ],
    worked='quasi_identifiers = ["birth_date", "gender", "district", "household"]\n'
    "unique_citizens = (privacy.group_sizes(sheet, quasi_identifiers) == 1).sum()",
    why="No names, no CPR numbers, and still almost everyone in the sheet can be found by anyone who knows "
    "four ordinary facts about them: a neighbour, a colleague, an ex-partner. With the row comes their benefit "
    "and their church membership. Removing the identifier is not anonymisation.",
)


# 2. Rows to suppress after generalising -----------------------------------------------------------------------------


def _small(columns=None, **coarsen):
    """How many rows sit in a group smaller than 5 (on `columns`, in the sheet generalised by `coarsen`)."""
    return int((_sizes(columns, **coarsen) < 5).sum())


rows_to_suppress = Question(
    name="rows to suppress",
    context=context,
    truth=lambda c: _small(age_width=10, merge_districts=True),
    mistakes=[
        Mistake(
            lambda c: _small(),
            "That is the sheet before generalising, with the birth date still in it. "
            "Pass the sheet through privacy.generalise first.",
        ),
        Mistake(
            lambda c: _small(tuple(WITH_AGE)),
            "That is the sheet with exact ages and real districts, before generalising. "
            "Use privacy.generalise with 10-year bands and merged districts.",
        ),
        Mistake(
            lambda c: _small(age_width=10),
            "You kept the real districts. The question merges them: merge_districts=True.",
        ),
        Mistake(
            lambda c: float((_sizes(age_width=10, merge_districts=True) < 5).mean()),
            "That is the share of rows. The question asks how many rows must go: a count.",
        ),
        Mistake(
            lambda c: _groups(smaller_than=5, age_width=10, merge_districts=True),
            "That counts the small groups (combinations). Suppression removes rows: count every row "
            "in a group smaller than 5.",
        ),
    ],
    hints=[
        "privacy.generalise(sheet, age_width=10, merge_districts=True) gives the coarser sheet; "
        "privacy.group_sizes of it gives each row's group size.",
        "A table is 5-anonymous when every group has at least 5 rows, so the rows to suppress are those "
        "in groups smaller than 5.",
        "Nearly there: (privacy.group_sizes(coarse) < 5).sum()",
    ],
    worked="coarse = privacy.generalise(sheet, age_width=10, merge_districts=True)\n"
    "rows_to_suppress = (privacy.group_sizes(coarse) < 5).sum()",
    why="Generalising protects most citizens cheaply, but k itself hardly moves: a few rare combinations stay "
    "alone however coarse the bands. Those people are protected only by leaving them out of a shared copy. "
    "And the sheet is now useless for anything that needs a district, which is why generalising is for "
    "copies taken out for analysis, not for the case files.",
)


# 3. Whose hash? -----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _hashed_citizen():
    """The kit id of the first flagged 2015 test citizen, and its unkeyed hash."""
    c = context()
    flagged = c.test[(c.model.predict(c.test) == 1) & (c.test["cohort_year"] == 2015).to_numpy()]
    citizen_id = flagged["citizen_id"].iloc[0]
    return citizen_id, unkeyed_hash([citizen_id])[0]


def leaked_hash():
    """The unkeyed hash (SHA-256, first 16 hex digits) of one flagged 2015 test citizen's kit id.

    Examples
    --------
    >>> len(leaked_hash())
    16
    """
    return _hashed_citizen()[1]


whose_hash = Question(
    name="whose hash",
    context=context,
    truth=lambda c: _hashed_citizen()[0],
    mistakes=[
        Mistake(
            lambda c: _hashed_citizen()[1],
            "That is the hash you started from. Hash every possible 2015 id and find the one that matches.",
        ),
    ],
    hints=[
        "The kit's ids of 2015 run from JC15-00000 to JC15-99999: write them all as a list of candidates.",
        "privacy.reverse_hashes([leaked], candidates) hashes every candidate and returns {hash: id} "
        "for the ones that match.",
        'Nearly there: candidates = [f"JC15-{n:05d}" for n in range(100_000)], then '
        "privacy.reverse_hashes([leaked], candidates)[leaked]",
    ],
    worked='candidates = [f"JC15-{n:05d}" for n in range(100_000)]\n'
    "whose_hash = privacy.reverse_hashes([leaked], candidates)[leaked]",
    why="A fraction of a second on a laptop, and a citizen on a list of flags has a name again. The hash looked "
    "like gibberish, but anyone can recompute it. With a keyed hash (privacy.pseudonymise) the same search "
    "finds nothing, as long as the key is kept apart from the data. A CPR number is no harder: a birth date "
    "and four digits.",
)


# 4. Data minimisation -----------------------------------------------------------------------------------------------


def _features(c, *, asked):
    """The model's features that the tree asks about on some test citizen's path (`asked`), or on none."""
    used = facts_used(c.model, c.test).any()
    return used.index[used == asked].tolist()


never_asked = Question(
    name="never asked about",
    context=context,
    truth=lambda c: _features(c, asked=False),
    accept=lambda answer, c: _same_names(answer, _features(c, asked=False)),
    mistakes=[
        Mistake(
            lambda c: _features(c, asked=True),
            matches=lambda answer, c: _same_names(answer, _features(c, asked=True)),
            message="Those are the columns the tree does ask about. The question wants the model features "
            "it never uses: where .any() is False.",
        ),
        Mistake(
            lambda c: codebook().loc[codebook()["pilot_model"] == "no", "column"].tolist(),
            matches=lambda answer, c: _same_names(
                answer, codebook().loc[codebook()["pilot_model"] == "no", "column"].tolist()
            ),
            message="Those are the columns the job centre stores for case handling, which the pilot was "
            "never allowed to use. The question is about the model's own features "
            '(pilot_model == "yes").',
        ),
    ],
    hints=[
        "facts_used(model, test) has one column per model feature; .any() says whether any test citizen's "
        "path asks about it.",
        "Keep the columns where .any() is False, and give them as a list of names (any order).",
        "Nearly there: used = facts_used(model, test).any(), then used.index[~used].tolist()",
    ],
    worked="used = facts_used(model, test).any()\nnever_asked = used.index[~used].tolist()",
    why="The pilot tree was allowed to use what you found, and it never does: it can be dropped from the prediction "
    "without changing a single flag. Data minimisation (GDPR article 5) starts with exactly this check, "
    "before anyone argues about the columns that do matter.",
)


# 5. Reflection ------------------------------------------------------------------------------------------------------

hashed_cpr = Reflection(
    name="is a hashed CPR number anonymous",
    hints=[
        "Think of how many CPR numbers there are, and how many remain once you know a birth date and a gender.",
        "Then think beyond the identifier: what the other columns reveal, and where a risk flag is "
        "appropriate and where it is not.",
    ],
    model_answer="No. An unkeyed hash of a CPR number can be reversed by anyone: the number is a birth date and "
    "four digits, so hashing every candidate takes minutes on a laptop, and only a few thousand "
    "candidates remain once the birth date and gender are known. A keyed hash (HMAC) with the key "
    "held apart from the data, by someone other than the analysts, is a pseudonym, but pseudonymised "
    "data are still personal data under the GDPR, and the quasi-identifiers (birth date or age, "
    "gender, district, household) would still pick out most citizens. Above all, the harm of a "
    "leaked flag is not only that it is secret: a prediction that belongs in the conversation between "
    "a caseworker and a citizen, made to help, becomes a label in the hands of a neighbour, an "
    "employer or a journalist. Before the start date Amin needs answers to who may see a flag, where "
    "it is stored, for how long, and whether the citizen is told.",
    theory="Privacy as contextual integrity (Nissenbaum 2004): a flow of information is judged by the norms of the "
    "context it was shared in, so the same flag can be appropriate in one flow and a violation in another. "
    "Pseudonymised data remain personal data (GDPR 2016, article 4(5) and recital 26).",
)

QUESTIONS = [unique_citizens, rows_to_suppress, whose_hash, never_asked, hashed_cpr]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)
