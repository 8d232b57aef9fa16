"""The synthetic world: citizens at their second interview, and what became of them.

Every citizen is drawn from the documented process below; nothing is copied
from real people. ``data/README.md`` explains the process in plain words.

1. Residence: a district, drawn from :attr:`World.district_shares`.
2. Who lives there: origin depends on the district; gender and age do not.
3. Education: a latent "school career" drawn from the district's and the
   origin's average, cut into six levels; the young cannot yet have long degrees.
4. Work history: years employed in the last five grow with age and education
   and are lower for non-western immigrants (harder access to first jobs).
5. Benefit, household, health, months unemployed and missed meetings follow
   from the above (see the functions below); people of non-western origin
   are less often insured.
6. The outcome: a latent *difficulty* adds up real effects (education, work
   history, health, age, benefit, duration, no-shows, single parenthood),
   structural disadvantage (employers discriminating by origin and by
   address), the year's labour market, and logistic noise. A citizen is
   still unemployed after 12 months when the difficulty is above zero.
7. Registration: what Jobnet shows may differ from the truth; education is
   sometimes missing, and from 2019 foreign degrees are often not recognised.

No step looks at a district's name except through the parameters of
:class:`World`; the estate's higher flag rate later *emerges* from steps 2-6.

Seven of the parameters are *mechanisms* that make the estate's citizens
differ from the rest (:data:`MECHANISMS`). ``World().without("address_penalty")``
returns the same world with one of them switched off, so that
:func:`casekit.worlds.decompose_gap` can measure how much of the estate's gap
each one carries, instead of asserting it.
"""

import math
import numbers
from dataclasses import dataclass, field, fields, replace

import numpy as np
import pandas as pd

from casekit._validation import _did_you_mean, check_choice, check_positive_int, check_seed
from casekit._validation import _shown as _passed
from casekit.codebook import (
    BENEFIT_TYPES,
    DISTRICTS,
    EDUCATION_LEVELS,
    ESTATE,
    HOUSEHOLDS,
    ORIGINS,
    categorical_dtype,
)

#: What a parameter of :class:`World` may hold: each kind of number -> (its test, how the error message says it).
VALUES = {
    "number": (lambda x: True, "a number"),
    "share": (lambda x: 0 <= x <= 1, "a share between 0 and 1"),
    "positive": (lambda x: x > 0, "a number above 0"),
    "not negative": (lambda x: x >= 0, "a number, 0 or more"),
}
#: The keys of a parameter that holds one value per cohort year: the years of ``labour_market``.
YEARS = "years"


def _parameter(default, doc, *, keys=None, every_key=True, values="number"):
    """A field of :class:`World` with its meaning and what it may hold attached.

    `keys`: for a dict, the keys it may have (:data:`YEARS`: the years of
    ``labour_market``), each of them when `every_key`; `values`: a kind of
    :data:`VALUES`, or ``"cuts"`` for the increasing cut points of education.
    """
    metadata = {"doc": doc, "keys": keys, "every_key": every_key, "values": values}
    if isinstance(default, dict):
        return field(default_factory=lambda: dict(default), metadata=metadata)
    return field(default=default, metadata=metadata)


NON_WESTERN = ("immigrant, non-western", "descendant, non-western")
IMMIGRANT = ("immigrant, western", "immigrant, non-western")


@dataclass(frozen=True)
class World:
    """Parameters of the synthetic municipality; the defaults are the kit's world.

    ``describe_world()`` lists them with their meaning. A parameter the
    process cannot use is refused when the world is made: a key that is not
    a district (or origin, level, year), a missing one, a share outside 0 to 1.

    Examples
    --------
    >>> World(address_penalty={"Lyngtoften": 0.8}).address_penalty
    {'Lyngtoften': 0.8}
    >>> World(address_penalty={"Lyngtofte": 0.8})
    Traceback (most recent call last):
    ...
    ValueError: `address_penalty` must have keys from ['Bymidten', 'Havnen', 'Vestbyen', 'Skovbakken', 'Engdal', \
'Landsbyerne', 'Lyngtoften'], but 'Lyngtofte' was passed. Did you mean 'Lyngtoften'?
    """

    district_shares: dict = _parameter(
        dict(zip(DISTRICTS, [0.19, 0.11, 0.17, 0.10, 0.12, 0.14, 0.17], strict=True)),
        "Share of second interviews held with residents of each district.",
        keys=DISTRICTS,
        values="share",
    )
    non_western_share: dict = _parameter(
        dict(zip(DISTRICTS, [0.10, 0.07, 0.12, 0.04, 0.06, 0.03, 0.58], strict=True)),
        "Share of each district's residents with non-western origin.",
        keys=DISTRICTS,
        values="share",
    )
    western_share: float = _parameter(
        0.05, "Share of each district's residents with western immigrant or descendant origin.", values="share"
    )
    immigrant_share: float = _parameter(
        0.7, "Share of immigrants among people of non-Danish origin (the rest are descendants).", values="share"
    )
    district_education: dict = _parameter(
        dict(zip(DISTRICTS, [0.30, 0.35, 0.0, 0.55, 0.15, -0.10, -1.20], strict=True)),
        "Average of the latent school career by district (0 = municipal average).",
        keys=DISTRICTS,
    )
    origin_education: dict = _parameter(
        dict(zip(ORIGINS, [0.0, 0.2, -0.55, 0.0, -0.25], strict=True)),
        "Shift of the latent school career by origin.",
        keys=ORIGINS,
    )
    origin_work_history: dict = _parameter(
        {"immigrant, non-western": -0.6},
        "Shift (log-odds) of the share of the last five years in work, by origin (harder access to first jobs).",
        keys=ORIGINS,
        every_key=False,
    )
    origin_insurance: dict = _parameter(
        {"immigrant, non-western": -0.7, "descendant, non-western": -0.7},
        "Shift (log-odds) of the chance of being insured for dagpenge, by origin.",
        keys=ORIGINS,
        every_key=False,
    )
    education_cuts: tuple = _parameter(
        (-0.9, -0.3, 0.55, 0.95, 1.6),
        "Cut points of the latent school career between the six education levels.",
        values="cuts",
    )
    education_effect: dict = _parameter(
        dict(zip(EDUCATION_LEVELS, [2.2, 0.9, -0.2, -0.6, -1.0, -1.2], strict=True)),
        "Effect of each education level on the difficulty of finding work.",
        keys=EDUCATION_LEVELS,
    )
    work_effect: float = _parameter(-0.85, "Effect per year employed in the last five.")
    older_effect: float = _parameter(0.09, "Effect per year of age above 45.")
    health_effect: float = _parameter(0.8, "Effect of a self-reported health limitation.")
    benefit_effect: dict = _parameter(
        dict(zip(BENEFIT_TYPES, [0.0, 0.5, -0.3], strict=True)), "Effect of each benefit type.", keys=BENEFIT_TYPES
    )
    duration_effect: float = _parameter(0.04, "Effect per month unemployed so far.")
    no_show_effect: float = _parameter(0.25, "Effect per missed meeting.")
    single_parent_effect: float = _parameter(
        0.3, "Effect of being a single parent (childcare limits which jobs are possible)."
    )
    origin_penalty: dict = _parameter(
        dict(zip(ORIGINS, [0.0, 0.1, 0.5, 0.05, 0.35], strict=True)),
        "Employers' discrimination by origin (added difficulty).",
        keys=ORIGINS,
    )
    address_penalty: dict = _parameter(
        {ESTATE: 0.5},
        "Employers' discrimination by address: districts with a bad name and the added difficulty.",
        keys=DISTRICTS,
        every_key=False,
    )
    labour_market: dict = _parameter(
        {2015: 0.25, 2016: 0.1, 2017: 0.0, 2018: -0.1, 2019: -0.9},
        "The labour market by cohort year (negative = easier to find work).",
        keys=YEARS,
    )
    intercept: float = _parameter(-0.4, "Difficulty of the average citizen before the effects above.")
    noise_scale: float = _parameter(
        0.45, "Scale of the logistic noise: what nobody could know at the interview.", values="positive"
    )
    education_missing: dict = _parameter(
        {2015: 0.03, 2016: 0.03, 2017: 0.03, 2018: 0.03, 2019: 0.10},
        "Share of citizens whose education is missing on Jobnet, by cohort year.",
        keys=YEARS,
        values="share",
    )
    immigrant_missing_factor: float = _parameter(
        3.0, "How much more often immigrants' education is missing (foreign degrees).", values="not negative"
    )
    foreign_degree_unrecognised: dict = _parameter(
        {2015: 0.0, 2016: 0.0, 2017: 0.0, 2018: 0.0, 2019: 0.6},
        "Chance that an immigrant's degree is registered as primary school, by cohort year.",
        keys=YEARS,
        values="share",
    )

    def __post_init__(self):
        """Refuse a parameter the process cannot use: an unknown key, a missing one, an impossible share."""
        for parameter in fields(self):
            _check_parameter(self, parameter)
        total = sum(self.district_shares.values())
        if not math.isclose(total, 1, abs_tol=1e-6):
            raise ValueError(
                f"`district_shares` must add up to 1 (a share for each district), but they add up to {total:g}."
            )
        for district, share in self.non_western_share.items():
            if share + self.western_share > 1:
                raise ValueError(
                    f"`non_western_share[{district!r}]` and `western_share` must add up to at most 1 (both are shares "
                    f"of the district's residents), but they add up to {share + self.western_share:g}."
                )

    def without(self, *mechanisms):
        """Return a copy of this world with each of `mechanisms` switched off.

        Parameters
        ----------
        *mechanisms : str
            Names from :data:`MECHANISMS` (``describe_mechanisms()`` says what
            each one changes). None: an unchanged copy.

        Returns
        -------
        World
            A new frozen world; this one is left as it is.

        Examples
        --------
        >>> World().without("address_penalty").address_penalty
        {}
        >>> equal = World().without("district_schooling")
        >>> sorted(set(equal.district_education.values()))
        [-0.0495]
        """
        changes = {}
        for name in mechanisms:
            check_choice(name, list(MECHANISMS), name="mechanisms")
            parameter, switch_off = MECHANISMS[name][1:]
            changes[parameter] = switch_off(self)
        return replace(self, **changes)


def _check_parameter(world, parameter):
    """Raise a kit error unless `world`'s `parameter` holds what its metadata allows (see :func:`_parameter`)."""
    name, value, spec = parameter.name, getattr(world, parameter.name), parameter.metadata
    if spec["values"] == "cuts":
        _check_cuts(value)
    elif spec["keys"] is None:
        _check_value(value, spec["values"], name=name)
    else:
        _check_keys(value, spec, world, name=name)
        for key, number in value.items():
            _check_value(number, spec["values"], name=f"{name}[{key!r}]")


def _check_value(value, kind, *, name):
    test, said = VALUES[kind]
    real = isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
    if not real or not test(value):
        raise ValueError(f"`{name}` must be {said}, but {_passed(value)} was passed.")


def _check_keys(value, spec, world, *, name):
    """A dict parameter has only allowed keys (a near miss is named), and every one of them if it must.

    A parameter by :data:`YEARS` may have any whole-number years and must have each year of ``labour_market``.
    """
    by_year = spec["keys"] == YEARS
    said = "whole-number years, e.g. 2019" if by_year else list(spec["keys"])
    if not isinstance(value, dict) or (spec["every_key"] and not value):
        raise TypeError(f"`{name}` must be a dict with keys from {said}, but {_passed(value)} was passed.")
    for key in value:
        known = isinstance(key, numbers.Integral) and not isinstance(key, bool) if by_year else key in spec["keys"]
        if not known:
            hint = "" if by_year else _did_you_mean(key, spec["keys"])
            raise ValueError(f"`{name}` must have keys from {said}, but {key!r} was passed.{hint}")
    needed = (list(world.labour_market) if name != "labour_market" else []) if by_year else list(spec["keys"])
    missing = [key for key in needed if key not in value]
    if spec["every_key"] and missing:
        of = "year of `labour_market`" if by_year else "one of"
        raise ValueError(f"`{name}` must give a value for each {of} {needed}, but it has none for {missing}.")


def _check_cuts(value):
    count = len(EDUCATION_LEVELS) - 1
    cuts = list(value) if isinstance(value, (tuple, list)) else []
    real = all(isinstance(c, numbers.Real) and not isinstance(c, bool) and math.isfinite(c) for c in cuts)
    if len(cuts) != count or not real or any(a >= b for a, b in zip(cuts[:-1], cuts[1:], strict=True)):
        raise ValueError(
            f"`education_cuts` must be {count} increasing numbers (cut points between the {count + 1} education "
            f"levels), but {value!r} was passed."
        )


def _zero(parameter):
    return lambda world: dict.fromkeys(getattr(world, parameter), 0.0)


def _district_average(parameter):
    """Every district gets the municipal average (weighted by district size), which stays as it was."""

    def equalise(world):
        total = sum(world.district_shares.values())
        average = sum(world.district_shares[d] * getattr(world, parameter)[d] for d in DISTRICTS) / total
        return dict.fromkeys(DISTRICTS, round(average, 10))

    return equalise


#: The mechanisms that make the estate's citizens differ from the rest of the municipality:
#: name -> (what it is, the parameter of :class:`World` it lives in, how :meth:`World.without` switches it off).
#: The base-rate difference between districts is not one of them: it is what they produce together.
MECHANISMS = {
    "address_penalty": (
        "employers pass over applicants with an address in the estate",
        "address_penalty",
        lambda world: {},
    ),
    "origin_penalty": (
        "employers pass over applicants of non-Danish origin",
        "origin_penalty",
        _zero("origin_penalty"),
    ),
    "origin_schooling": ("school careers are shorter for some origins", "origin_education", _zero("origin_education")),
    "origin_work_history": (
        "non-western immigrants have had fewer years in work",
        "origin_work_history",
        _zero("origin_work_history"),
    ),
    "origin_insurance": (
        "people of non-western origin are less often insured (dagpenge)",
        "origin_insurance",
        _zero("origin_insurance"),
    ),
    "district_origin_mix": (
        "the estate houses far more people of non-western origin",
        "non_western_share",
        _district_average("non_western_share"),
    ),
    "district_schooling": (
        "school careers are shorter in some districts, by far the most in the estate",
        "district_education",
        _district_average("district_education"),
    ),
}


WORLD = World()


def describe_mechanisms(world=WORLD):
    """Return the mechanisms :meth:`World.without` can switch off, one row each.

    Parameters
    ----------
    world : World, default WORLD

    Returns
    -------
    pandas.DataFrame
        Indexed by mechanism: ``what`` it is, the ``parameter`` it lives in,
        its value ``now`` and its value ``switched_off`` (an effect becomes 0;
        a difference between districts becomes the municipal average).

    Examples
    --------
    >>> describe_mechanisms().loc["district_schooling", "parameter"]
    'district_education'
    >>> describe_mechanisms().index.tolist()[:2]
    ['address_penalty', 'origin_penalty']
    """
    rows = [
        (
            name,
            what,
            parameter,
            _shown(getattr(world, parameter)),
            _shown(getattr(world.without(name), parameter)) or "(none)",
        )
        for name, (what, parameter, _) in MECHANISMS.items()
    ]
    return pd.DataFrame(rows, columns=["mechanism", "what", "parameter", "now", "switched_off"]).set_index("mechanism")


def describe_world(world=WORLD):
    """Return the parameters of `world` with their meaning, one row each.

    Examples
    --------
    >>> describe_world().loc["noise_scale", "value"]
    '0.45'
    """
    rows = [(f.name, _shown(getattr(world, f.name)), f.metadata["doc"]) for f in fields(world)]
    return pd.DataFrame(rows, columns=["parameter", "value", "meaning"]).set_index("parameter")


def _shown(value):
    if isinstance(value, dict):
        return "; ".join(f"{key}: {number:g}" for key, number in value.items())
    if isinstance(value, tuple):
        return ", ".join(f"{number:g}" for number in value)
    return f"{value:g}"


def make_citizens(n_samples, *, cohort_years=(2015, 2016, 2017, 2018), world=WORLD, random_state=None, latent=False):
    """Draw synthetic citizens at their second interview, with their outcome: the generator behind every cohort.

    Parameters
    ----------
    n_samples : int
        Number of citizens.
    cohort_years : sequence of int, default (2015, 2016, 2017, 2018)
        Years of the second interview, spread evenly over the citizens.
        Each must be a year of ``world.labour_market`` (2015-2019).
    world : World, default WORLD
        The parameters of the process.
    random_state : int, RandomState or None
        Seed of the one random generator used for every draw.
    latent : bool, default False
        Also return what no job centre can see: ``difficulty`` (the sum of
        all effects) and ``luck`` (the noise; still unemployed when
        ``difficulty + luck > 0``), and the true ``education_true``.

    Returns
    -------
    pandas.DataFrame
        One row per citizen, with the columns of :func:`casekit.codebook`
        (and the three hidden ones when ``latent=True``).

    Examples
    --------
    >>> citizens = make_citizens(500, random_state=0)
    >>> citizens.shape
    (500, 14)
    >>> sorted(citizens["unemployed_12m"].unique().tolist())
    [0, 1]
    """
    n = check_positive_int(n_samples, name="n_samples")
    years = _check_years(cohort_years, world)
    rng = check_seed(random_state)
    year = np.sort(np.resize(np.asarray(years), n))
    people = _residents(n, rng, world)
    people["cohort_year"] = year
    people["education_true"] = _education(people, rng, world)
    people["years_employed_5y"] = _work_history(people, rng, world)
    _circumstances(people, rng, world)
    people["difficulty"] = _difficulty(people, world)
    people["luck"] = rng.logistic(0, world.noise_scale, n)
    people["unemployed_12m"] = (people["difficulty"] + people["luck"] > 0).astype(np.int8)
    people["education"] = _registered_education(people, rng, world)
    people["citizen_id"] = _citizen_ids(year)
    frame = _as_frame(people)
    if latent:
        frame = frame.assign(
            difficulty=people["difficulty"],
            luck=people["luck"],
            education_true=pd.Categorical.from_codes(people["education_true"], dtype=categorical_dtype("education")),
        )
    return frame


def _check_years(cohort_years, world):
    years = [cohort_years] if np.isscalar(cohort_years) else list(cohort_years)
    unknown = [year for year in years if year not in world.labour_market]
    if not years or unknown:
        raise ValueError(
            f"`cohort_years` must be years from {sorted(world.labour_market)}, but {unknown or years} was passed."
        )
    return years


def _draw(rng, options, probabilities):
    """Draw one of `options` per row of the (n, k) array `probabilities`."""
    cumulative = np.cumsum(probabilities, axis=1)
    choice = (rng.random_sample((len(cumulative), 1)) > cumulative).sum(axis=1)
    return np.asarray(options)[np.minimum(choice, len(options) - 1)]


def _residents(n, rng, world):
    shares = np.array([world.district_shares[d] for d in DISTRICTS])
    district = _draw(rng, DISTRICTS, np.tile(shares / shares.sum(), (n, 1)))
    non_western = _map(world.non_western_share, district)
    western = np.full(n, world.western_share)
    immigrant = world.immigrant_share
    origin_p = np.column_stack(
        [
            1 - non_western - western,
            western * immigrant,
            non_western * immigrant,
            western * (1 - immigrant),
            non_western * (1 - immigrant),
        ]
    )
    return {
        "district": district,
        "origin": _draw(rng, ORIGINS, origin_p),
        "gender": np.where(rng.random_sample(n) < 0.46, "female", "male"),
        "age": (18 + 47 * rng.beta(1.3, 1.9, n)).astype(int),
    }


def _education(people, rng, world):
    """Highest completed education (the truth, before Jobnet registration)."""
    mean = _map(world.district_education, people["district"]) + _map(world.origin_education, people["origin"])
    level = np.searchsorted(world.education_cuts, mean + rng.standard_normal(len(mean)))
    age = people["age"]
    level = np.minimum(level, np.where(age < 20, 1, np.where(age < 23, 2, np.where(age < 25, 4, 5))))
    return level


def _work_history(people, rng, world):
    """Years employed in the last five."""
    possible = np.clip(people["age"] - 17, 0, 5)
    mean = _logistic(
        -0.6
        + 0.35 * people["education_true"]
        + 0.02 * (people["age"] - 35)
        + _map(world.origin_work_history, people["origin"], default=0.0)
    )
    share = rng.beta(3 * mean, 3 * (1 - mean))
    return np.round(share * possible, 1)


def _circumstances(people, rng, world):
    """Benefit, household, health, duration and no-shows, in place."""
    n = len(people["age"])
    age, years, education = people["age"], people["years_employed_5y"], people["education_true"]
    insured = rng.random_sample(n) < _logistic(
        -1.6 + 0.9 * years + 0.25 * education + _map(world.origin_insurance, people["origin"], default=0.0)
    )
    young_unskilled = (age < 30) & (education <= 1)
    benefit = np.where(
        insured & (years >= 1), "dagpenge", np.where(young_unskilled, "uddannelseshjælp", "kontanthjælp")
    )
    people["benefit_type"] = benefit
    people["household"] = _household(age, people["gender"], rng)
    social_assistance = benefit == "kontanthjælp"
    health_p = _logistic(-2.3 + 0.035 * (age - 40) - 0.15 * education + 0.7 * social_assistance)
    people["health_limitation"] = rng.random_sample(n) < health_p
    extra = np.where(benefit == "dagpenge", rng.poisson(2, n), rng.geometric(1 / 8, n) - 1)
    people["months_unemployed"] = np.minimum(3 + extra, 36)
    no_show_rate = 0.15 + 0.35 * (benefit != "dagpenge") + 0.3 * (age < 25) + 0.3 * people["health_limitation"]
    people["missed_meetings"] = rng.poisson(no_show_rate)


def _household(age, gender, rng):
    with_children = np.clip((age - 22) / 15, 0, 1) * np.clip((60 - age) / 15, 0, 1) * 0.6
    single_parent_share = np.where(gender == "female", 0.35, 0.1)
    couple = np.clip(0.2 + 0.012 * (age - 20), 0.2, 0.65)
    p = np.column_stack(
        [
            (1 - with_children) * (1 - couple),
            with_children * single_parent_share,
            (1 - with_children) * couple,
            with_children * (1 - single_parent_share),
        ]
    )
    return _draw(rng, HOUSEHOLDS, p)


def _difficulty(people, world):
    """The documented latent process: the sum of every effect on finding work."""
    education = np.array([world.education_effect[level] for level in EDUCATION_LEVELS])
    return (
        world.intercept
        + education[people["education_true"]]
        + world.work_effect * people["years_employed_5y"]
        + world.older_effect * np.maximum(people["age"] - 45, 0)
        + world.health_effect * people["health_limitation"]
        + _map(world.benefit_effect, people["benefit_type"])
        + world.duration_effect * people["months_unemployed"]
        + world.no_show_effect * people["missed_meetings"]
        + world.single_parent_effect * (people["household"] == "single with children")
        + _map(world.origin_penalty, people["origin"])
        + _map(world.address_penalty, people["district"], default=0.0)
        + _map(world.labour_market, people["cohort_year"])
    )


def _registered_education(people, rng, world):
    """Education as Jobnet shows it: sometimes missing, foreign degrees sometimes unrecognised."""
    n = len(people["age"])
    immigrant = np.isin(people["origin"], IMMIGRANT)
    year = people["cohort_year"]
    unrecognised = rng.random_sample(n) < _map(world.foreign_degree_unrecognised, year)
    level = np.where(immigrant & unrecognised, 0, people["education_true"])
    missing_p = _map(world.education_missing, year) * np.where(immigrant, world.immigrant_missing_factor, 1.0)
    labels = np.asarray(EDUCATION_LEVELS, dtype=object)[level]
    labels[rng.random_sample(n) < missing_p] = None
    return labels


def _citizen_ids(year):
    """Pseudonyms like JC15-00001: the cohort year and a running number."""
    _, first = np.unique(year, return_index=True)
    number = np.arange(len(year)) - first[np.searchsorted(np.unique(year), year)] + 1
    return pd.Series(year % 100).map("JC{:02d}-".format).str.cat(pd.Series(number).map("{:05d}".format))


def _map(mapping, keys, default=np.nan):
    """Look each of `keys` up in `mapping`, fast enough for a million citizens."""
    return pd.Series(keys).map(mapping).to_numpy(float, na_value=default)


def _logistic(x):
    return 1 / (1 + np.exp(-x))


def _as_frame(people):
    frame = pd.DataFrame(
        {
            "citizen_id": people["citizen_id"].astype("string"),
            "cohort_year": people["cohort_year"].astype(np.int16),
            "district": pd.Categorical(people["district"], dtype=categorical_dtype("district")),
            "gender": pd.Categorical(people["gender"], dtype=categorical_dtype("gender")),
            "age": people["age"].astype(np.int16),
            "origin": pd.Categorical(people["origin"], dtype=categorical_dtype("origin")),
            "education": pd.Categorical(people["education"], dtype=categorical_dtype("education")),
            "years_employed_5y": people["years_employed_5y"],
            "benefit_type": pd.Categorical(people["benefit_type"], dtype=categorical_dtype("benefit_type")),
            "months_unemployed": people["months_unemployed"].astype(np.int16),
            "missed_meetings": people["missed_meetings"].astype(np.int16),
            "health_limitation": people["health_limitation"],
            "household": pd.Categorical(people["household"], dtype=categorical_dtype("household")),
            "unemployed_12m": people["unemployed_12m"],
        }
    )
    return frame


#: Pass this instead of a number to :func:`world_2019` to keep 2018's value for 2019.
AS_IN_2018 = "as in 2018"


def world_2019(*, labour_market=None, education_missing=None, foreign_degree_unrecognised=None, world=WORLD):
    """Return `world` with other values for 2019: the boom, the Jobnet change, or neither.

    Two things change in the kit's 2019: the labour market booms
    (``labour_market``) and Jobnet's new form leaves education out more often
    (``education_missing``) and registers many foreign degrees as primary
    school (``foreign_degree_unrecognised``). Give any of them another value
    for 2019, or :data:`AS_IN_2018` to switch that change off; draw the
    cohort with ``casekit.load_citizens("2019", world=...)``.

    Parameters
    ----------
    labour_market : float or "as in 2018", optional
        2019's labour market (negative = easier to find work; as built -0.9,
        2018 -0.1). None keeps `world`'s value.
    education_missing : float or "as in 2018", optional
        Share of citizens with no education on Jobnet in 2019 (as built 0.10,
        2018 0.03).
    foreign_degree_unrecognised : float or "as in 2018", optional
        Chance in 2019 that an immigrant's degree is registered as primary
        school (as built 0.6, 2018 0).
    world : World, default WORLD

    Returns
    -------
    World
        A new frozen world; every year but 2019 and every other parameter as in `world`.

    Examples
    --------
    >>> world_2019(labour_market=AS_IN_2018).labour_market[2019]
    -0.1
    >>> world_2019(foreign_degree_unrecognised=0.3).foreign_degree_unrecognised[2019]
    0.3
    >>> world_2019(labour_market="as 2018")
    Traceback (most recent call last):
    ...
    ValueError: `labour_market` must be a number or 'as in 2018', but 'as 2018' was passed.
    """
    if not isinstance(world, World):
        raise TypeError(
            f"`world` must be a casekit World (e.g. casekit.WORLD), but a {type(world).__name__} was passed."
        )
    changes = {}
    for name, value in [
        ("labour_market", labour_market),
        ("education_missing", education_missing),
        ("foreign_degree_unrecognised", foreign_degree_unrecognised),
    ]:
        if value is None:
            continue
        yearly = getattr(world, name)
        if isinstance(value, str) and value == AS_IN_2018:
            value = yearly[2018]
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"`{name}` must be a number or {AS_IN_2018!r}, but {value!r} was passed.")
        elif name != "labour_market" and not 0 <= value <= 1:
            raise ValueError(f"`{name}` must be a share between 0 and 1 or {AS_IN_2018!r}, but {value!r} was passed.")
        changes[name] = {**yearly, 2019: float(value)}
    return replace(world, **changes)
