"""Episode 8's questions: who can be recognised in a leaked spreadsheet, and what protects them?

Quasi-identifiers are facts that are harmless alone but pick a person out
together (age, gender, district, household). A table is *k-anonymous* when
every combination of them is shared by at least k people. Pseudonyms made with
a keyed hash (HMAC) cannot be reversed without the key; an unkeyed hash of an
identifier from a small, structured space can, by hashing every candidate.
"""

import hashlib
import hmac
import numbers

import numpy as np
import pandas as pd

from casekit._validation import check_frame, check_positive_int, check_seed
from casekit.data import check_citizens
from casekit.world import make_citizens

#: Facts that together can pick a person out; functions use those a table has.
QUASI_IDENTIFIERS = ["birth_date", "age", "gender", "district", "household"]
DAY_OF_THE_LEAK = pd.Timestamp("2019-04-01")
#: The oldest age in the kit's world (``casekit/content/codebook.csv``): a band's middle is kept at or below it.
OLDEST = 64


def leaked_spreadsheet(n_samples=20_000, *, random_state=0):
    """Return a synthetic spreadsheet like the stolen one in the story: one row per citizen.

    The rows are synthetic citizens (all years 2015-2018), with the kind of
    columns the article lists. Where the real sheet had CPR numbers, this one
    has a row number and a birth date (a CPR number begins with one).

    Examples
    --------
    >>> leaked_spreadsheet(100).columns.tolist()
    ['row', 'birth_date', 'age', 'gender', 'district', 'household', 'benefit_type', 'church_member']
    """
    n = check_positive_int(n_samples, name="n_samples")
    rng = check_seed(random_state)
    people = make_citizens(n, random_state=rng).reset_index(drop=True)
    days_since_birthday = pd.to_timedelta(rng.randint(0, 365, n), unit="D")
    birth = (
        DAY_OF_THE_LEAK
        - pd.to_timedelta(people["age"].astype(int) * 365.25, unit="D").dt.floor("D")
        - days_since_birthday
    )
    danish = (people["origin"] == "Danish origin").to_numpy()
    church = rng.random_sample(n) < np.where(danish, 0.75, 0.15)
    sheet = people[["age", "gender", "district", "household", "benefit_type"]].assign(
        birth_date=birth.dt.strftime("%Y-%m-%d"), church_member=church
    )
    columns = ["birth_date", "age", "gender", "district", "household", "benefit_type", "church_member"]
    return sheet[columns].rename_axis("row").reset_index()


def _present(frame, quasi_identifiers):
    check_frame(frame, name="frame")
    if quasi_identifiers is None:
        columns = [column for column in QUASI_IDENTIFIERS if column in frame.columns]
        if not columns:
            raise ValueError(
                f"`frame` has none of the quasi-identifiers {QUASI_IDENTIFIERS}; its columns are "
                f"{list(frame.columns)}. Pass `quasi_identifiers`, e.g. ['age', 'district']."
            )
        return columns
    columns = [quasi_identifiers] if isinstance(quasi_identifiers, str) else quasi_identifiers
    if not isinstance(columns, (list, tuple, pd.Index)) or not list(columns):
        raise ValueError(
            "`quasi_identifiers` must be a non-empty list of column names, e.g. ['age', 'district'], "
            f"but {quasi_identifiers!r} was passed."
        )
    return list(columns)


def group_sizes(frame, quasi_identifiers=None):
    """Return, for each row, how many rows share its values of the quasi-identifiers.

    `quasi_identifiers` defaults to the columns of :data:`QUASI_IDENTIFIERS` that `frame` has.

    Examples
    --------
    >>> frame = pd.DataFrame({"age": [30, 30, 41], "gender": ["f", "f", "m"]})
    >>> group_sizes(frame, ["age", "gender"]).tolist()
    [2, 2, 1]
    """
    columns = _present(frame, quasi_identifiers)
    check_frame(frame, name="frame", columns=columns)
    return frame.groupby(columns, observed=True, dropna=False)[columns[0]].transform("size").rename("group_size")


def k_anonymity(frame, quasi_identifiers=None):
    """Return k: the size of the smallest group of rows that share all quasi-identifiers.

    Examples
    --------
    >>> frame = pd.DataFrame({"age": [30, 30, 41], "gender": ["f", "f", "m"]})
    >>> k_anonymity(frame, ["age", "gender"])
    1
    """
    return int(group_sizes(frame, quasi_identifiers).min())


def uniqueness(frame, quasi_identifiers=None):
    """Return the share of rows that no other row matches on the quasi-identifiers.

    Examples
    --------
    >>> frame = pd.DataFrame({"age": [30, 30, 41], "gender": ["f", "f", "m"]})
    >>> round(uniqueness(frame, ["age", "gender"]), 2)
    0.33
    """
    return float((group_sizes(frame, quasi_identifiers) == 1).mean())


def generalise(frame, *, age_width=10, merge_districts=False, drop=("birth_date",)):
    """Return a coarser copy: no birth date, ages in bands of `age_width` years, optionally one district.

    Ages are replaced by the middle of their band (so a model can still use
    them), never above the world's oldest age (64); with ``merge_districts=True`` every district becomes
    ``"the municipality"``; the columns in `drop` are removed if present.

    Examples
    --------
    >>> generalise(pd.DataFrame({"age": [18, 27, 33], "district": ["a", "b", "c"]}))["age"].tolist()
    [22, 22, 32]
    """
    check_frame(frame, name="frame", columns=["age"])
    width = check_positive_int(age_width, name="age_width")
    low = 18 + (frame["age"] - 18) // width * width
    coarse = frame.drop(columns=[c for c in drop if c in frame.columns])
    coarse["age"] = np.minimum(low + (width - 1) // 2, OLDEST).astype(frame["age"].dtype)
    if merge_districts:
        coarse["district"] = "the municipality"
    return coarse


def _ids(values, *, name="values"):
    """Return `values` as a list of ids, and whether a single id was given."""
    if isinstance(values, (str, bytes, numbers.Number)):
        return [values], True
    if isinstance(values, (pd.DataFrame, dict, set)) or not hasattr(values, "__iter__"):
        hint = " Pass one column, e.g. frame['citizen_id']." if isinstance(values, pd.DataFrame) else ""
        raise TypeError(
            f"`{name}` must be one id or a list (or pandas Series) of ids, e.g. ['JC15-00001', 'JC15-00002'], "
            f"but a {type(values).__name__} was passed.{hint}"
        )
    return list(values), False


def _digests(values, digest):
    ids, single = _ids(values)
    hashes = [digest(str(value).encode()) for value in ids]
    return hashes[0] if single else hashes


def pseudonymise(values, key):
    """Replace each value by a keyed hash (HMAC-SHA256, first 16 hex digits).

    Without `key`, nobody can tell which value a pseudonym stands for, even
    by trying every possible value. A list or Series of ids gives a list of
    pseudonyms; a single id (a string) gives one pseudonym.

    Examples
    --------
    >>> pseudonymise(["JC15-00001"], key=b"secret")[0] == pseudonymise(["JC15-00001"], key=b"another")[0]
    False
    >>> pseudonymise("JC15-00001", key=b"secret") == pseudonymise(["JC15-00001"], key=b"secret")[0]
    True
    """
    if not isinstance(key, bytes) or len(key) < 6:
        shown = f"a key of {len(key)} bytes" if isinstance(key, bytes) else f"a {type(key).__name__}"
        raise ValueError(f"`key` must be secret bytes of at least 6 bytes, e.g. b'...', but {shown} was passed.")
    return _digests(values, lambda text: hmac.new(key, text, hashlib.sha256).hexdigest()[:16])


def unkeyed_hash(values):
    """Replace each value by its plain SHA-256 hash (first 16 hex digits): no protection.

    A list or Series of ids gives a list of hashes; a single id (a string) gives one hash.

    Examples
    --------
    >>> unkeyed_hash(["JC15-00001"]) == unkeyed_hash(["JC15-00001"])
    True
    >>> unkeyed_hash("JC15-00001") == unkeyed_hash(["JC15-00001"])[0]
    True
    """
    return _digests(values, lambda text: hashlib.sha256(text).hexdigest()[:16])


def reverse_hashes(hashes, candidates):
    """Recover what each unkeyed hash stands for, by hashing every candidate value.

    Returns
    -------
    dict
        ``{hash: original}`` for every hash found among the candidates.

    Examples
    --------
    >>> candidates = [f"JC15-{n:05d}" for n in range(1, 3000)]
    >>> reverse_hashes(unkeyed_hash(["JC15-02019"]), candidates)
    {'9728e093bb9c1b63': 'JC15-02019'}
    """
    wanted = set(_ids(hashes, name="hashes")[0])
    candidates = _ids(candidates, name="candidates")[0]
    return {
        digest: value for value, digest in zip(candidates, unkeyed_hash(candidates), strict=True) if digest in wanted
    }


# ---------------------------------------------------------------- summaries for notebook 09


def risk_summary(frame, quasi_identifiers=None, *, min_group=5):
    """Return the re-identification risk of a table in four numbers.

    Parameters
    ----------
    frame : pandas.DataFrame
    quasi_identifiers : list of str, optional
        As in :func:`group_sizes`.
    min_group : int, default 5
        Groups smaller than this count as too small to hide in (a common
        minimum in official statistics).

    Returns
    -------
    pandas.Series
        ``unique rows`` (alone in their group), ``unique (%)``, ``k`` (see
        :func:`k_anonymity`), ``median group size`` and ``rows in groups < 5``
        (with `min_group`).

    Examples
    --------
    >>> frame = pd.DataFrame({"age": [30, 30, 41], "gender": ["f", "f", "m"]})
    >>> risk_summary(frame, ["age", "gender"])["unique rows"]
    1
    """
    min_group = check_positive_int(min_group, name="min_group")
    sizes = group_sizes(frame, quasi_identifiers)
    return pd.Series(
        {
            "unique rows": int((sizes == 1).sum()),
            "unique (%)": round(100 * float((sizes == 1).mean()), 1),
            "k": int(sizes.min()),
            "median group size": int(sizes.median()),
            f"rows in groups < {min_group}": int((sizes < min_group).sum()),
        },
        dtype=object,
    )


def generalisation_risk(frame, *, age_widths=(1, 5, 10, 20), min_group=5):
    """Generalise `frame` with each age band, with and without merged districts, and measure the risk each time.

    Parameters
    ----------
    frame : pandas.DataFrame
        With ``age`` (and the other quasi-identifiers it has).
    age_widths : sequence of int, default (1, 5, 10, 20)
        Band widths in years; 1 keeps the exact age.
    min_group : int, default 5
        As in :func:`risk_summary`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``age band (years)`` and ``districts merged``; the
        columns of :func:`risk_summary`.

    Examples
    --------
    >>> frame = pd.DataFrame({"age": [18, 19, 41], "district": ["a", "a", "b"]})
    >>> generalisation_risk(frame, age_widths=[1, 5])["unique rows"].tolist()
    [3, 3, 1, 1]
    """
    if isinstance(age_widths, (int, str)) or not list(age_widths):
        raise ValueError(
            f"`age_widths` must be a list of whole numbers of years, e.g. [1, 5, 10, 20], "
            f"but {age_widths!r} was passed."
        )
    rows = {}
    for width in age_widths:
        for merged in (False, True):
            coarse = generalise(frame, age_width=check_positive_int(width, name="age_widths"), merge_districts=merged)
            rows[(width, merged)] = risk_summary(coarse, min_group=min_group)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.names = ["age band (years)", "districts merged"]
    return table


def cost_of_privacy(train, test, *, age_width=10):
    """Retrain the pilot tree on coarser data and compare accuracy and the estate's false-positive rate.

    Four versions, each trained on its own (coarsened) training citizens and
    measured on the test citizens coarsened the same way: the pilot tree,
    ages in bands of `age_width` years, no district, and both.

    Parameters
    ----------
    train, test : pandas.DataFrame
        The pilot split (:func:`casekit.split_pilot` or ``casekit.pilot()``).
    age_width : int, default 10

    Returns
    -------
    pandas.DataFrame
        One row per version: ``accuracy`` with its 95 % interval, and the
        false-positive rates of the estate and the rest, each written by
        :func:`casekit.format_rate` ("25 % (17–36 %), 19 of 75").

    Examples
    --------
    >>> from casekit.model import pilot
    >>> table = cost_of_privacy(pilot().train, pilot().test)
    >>> table.loc["pilot tree", "false-positive rate, estate"]
    '25 % (17–36 %), 19 of 75'
    """
    from casekit.audit import audit_intervals
    from casekit.model import PILOT_FEATURES, TARGET, evaluate, train_pilot_tree

    train = check_citizens(train, name="train", columns=PILOT_FEATURES, outcome=TARGET)
    test = check_citizens(test, name="test", columns=PILOT_FEATURES, outcome=TARGET)
    width = check_positive_int(age_width, name="age_width")
    no_district = [f for f in PILOT_FEATURES if f != "district"]
    banded = f"ages in {width}-year bands"
    versions = {
        "pilot tree": (1, PILOT_FEATURES),
        banded: (width, PILOT_FEATURES),
        "without district": (1, no_district),
        f"{banded}, no district": (width, no_district),
    }
    rows = {}
    for name, (band, features) in versions.items():
        coarse_train, coarse_test = (generalise(train, age_width=band), generalise(test, age_width=band))
        model = train_pilot_tree(coarse_train, features=features)
        result = evaluate(model, coarse_test)
        fpr = audit_intervals(model, coarse_test, by="estate").xs("false_positive_rate", level="metric")["shown"]
        rows[name] = {
            "accuracy": f"{result.accuracy:.1%} ({result.ci_low:.1%}–{result.ci_high:.1%})",
            "false-positive rate, estate": fpr.iloc[0],
            "false-positive rate, rest": fpr.iloc[1],
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "version"
    return table


def leaked_flags(model, citizens, quasi_identifiers=("age", "gender", "district", "household"), *, age_width=None):
    """Count, if a list of the tree's flags leaked, how many flagged citizens could be recognised.

    A flagged citizen is *recognisable* when nobody else shares their
    quasi-identifiers; one in a larger group is exposed too when *everyone* in
    the group is flagged (the homogeneity problem behind *l*-diversity).

    Parameters
    ----------
    model : fitted estimator
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    quasi_identifiers : sequence of str, default age, gender, district, household
    age_width : int, optional
        Band the ages first (:func:`generalise`); exact ages by default.

    Returns
    -------
    pandas.DataFrame
        One row for the estate, the rest of the municipality and ``all``:
        counts ``flagged``, ``unique`` (flagged and alone in their group),
        ``unique_wrongly_flagged`` (of those, found work) and
        ``whole_group_flagged`` (in a larger group, all of it flagged); and,
        by :func:`casekit.format_rate`, ``unique_among_flagged`` and
        ``wrong_among_unique``.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> table = leaked_flags(pilot().model, pilot().test)
    >>> table.index.tolist()
    ['Lyngtoften', 'rest of the municipality', 'all']
    """
    from casekit.audit import format_rates, with_groups
    from casekit.model import TARGET, check_scoring

    citizens = check_scoring(model, citizens)
    columns = _present(citizens, quasi_identifiers)
    check_frame(citizens, name="citizens", columns=columns)
    frame = citizens if age_width is None else generalise(citizens, age_width=age_width)
    sizes = group_sizes(frame, columns).to_numpy()
    flagged = pd.Series(model.predict(citizens) == 1, index=citizens.index)
    whole = flagged.groupby([frame[c] for c in columns], observed=True, dropna=False).transform("min").to_numpy()
    found_work = (citizens[TARGET] == 0).to_numpy()
    flagged = flagged.to_numpy()
    estate = with_groups(citizens)["estate"].astype(str).to_numpy()
    rows = {}
    for name in [*pd.unique(with_groups(citizens)["estate"].cat.categories), "all"]:
        here = np.ones(len(citizens), bool) if name == "all" else estate == name
        unique = here & flagged & (sizes == 1)
        rows[name] = {
            "flagged": int((here & flagged).sum()),
            "unique": int(unique.sum()),
            "unique_wrongly_flagged": int((unique & found_work).sum()),
            "whole_group_flagged": int((here & flagged & whole.astype(bool) & (sizes > 1)).sum()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table["unique_among_flagged"] = format_rates(table["unique"], table["flagged"])
    table["wrong_among_unique"] = format_rates(table["unique_wrongly_flagged"], table["unique"])
    table.index.name = "lives in"
    return table
