"""Episode 8's questions: who can be recognised in a leaked spreadsheet, and what protects them?

Quasi-identifiers are facts that are harmless alone but pick a person out
together (age, gender, district, household). A table is *k-anonymous* when
every combination of them is shared by at least k people. Pseudonyms made with
a keyed hash (HMAC) cannot be reversed without the key; an unkeyed hash of an
identifier from a small, structured space can, by hashing every candidate.
"""

import hashlib
import hmac

import numpy as np
import pandas as pd
from sklearn.utils import check_random_state

from casekit._validation import check_frame, check_positive_int
from casekit.world import generate_citizens

#: Facts that together can pick a person out; functions use those a table has.
QUASI_IDENTIFIERS = ["birth_date", "age", "gender", "district", "household"]
DAY_OF_THE_LEAK = pd.Timestamp("2019-04-01")


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
    rng = check_random_state(random_state)
    people = generate_citizens(n, random_state=rng).reset_index(drop=True)
    days_since_birthday = pd.to_timedelta(rng.randint(0, 365, n), unit="D")
    birth = (DAY_OF_THE_LEAK - pd.to_timedelta(people["age"].astype(int) * 365.25, unit="D").dt.floor("D")
             - days_since_birthday)
    danish = (people["origin"] == "Danish origin").to_numpy()
    church = rng.random_sample(n) < np.where(danish, 0.75, 0.15)
    sheet = people[["age", "gender", "district", "household", "benefit_type"]].assign(
        birth_date=birth.dt.strftime("%Y-%m-%d"), church_member=church)
    columns = ["birth_date", "age", "gender", "district", "household", "benefit_type", "church_member"]
    return sheet[columns].rename_axis("row").reset_index()


def _present(frame, quasi_identifiers):
    check_frame(frame, name="frame")
    if quasi_identifiers is None:
        return [column for column in QUASI_IDENTIFIERS if column in frame.columns]
    return list(quasi_identifiers)


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
    them); with ``merge_districts=True`` every district becomes
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
    coarse["age"] = (low + (width - 1) // 2).astype(frame["age"].dtype)
    if merge_districts:
        coarse["district"] = "the municipality"
    return coarse


def pseudonymise(values, key):
    """Replace each value by a keyed hash (HMAC-SHA256, first 16 hex digits).

    Without `key`, nobody can tell which value a pseudonym stands for, even
    by trying every possible value.

    Examples
    --------
    >>> pseudonymise(["JC15-00001"], key=b"secret")[0] == pseudonymise(["JC15-00001"], key=b"another")[0]
    False
    """
    if not isinstance(key, bytes) or len(key) < 6:
        shown = f"a key of {len(key)} bytes" if isinstance(key, bytes) else f"a {type(key).__name__}"
        raise ValueError(f"`key` must be secret bytes of at least 6 bytes, e.g. b'...', but {shown} was passed.")
    return [hmac.new(key, str(value).encode(), hashlib.sha256).hexdigest()[:16] for value in values]


def unkeyed_hash(values):
    """Replace each value by its plain SHA-256 hash (first 16 hex digits): no protection.

    Examples
    --------
    >>> unkeyed_hash(["JC15-00001"]) == unkeyed_hash(["JC15-00001"])
    True
    """
    return [hashlib.sha256(str(value).encode()).hexdigest()[:16] for value in values]


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
    wanted = set(hashes)
    return {digest: value for value, digest in zip(candidates, unkeyed_hash(candidates)) if digest in wanted}
