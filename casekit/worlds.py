"""Many worlds: redraw the synthetic world with other seeds, and measure where the estate's gap comes from.

The kit's data are one draw from :class:`casekit.world.World` (seed 23). Every
headline figure (88.7 %, the estate's false-positive rate 2.8 times the rest's,
the drop in 2019) is partly the world's process and partly that draw's luck.
Redrawing the world with other seeds and the *same* parameters tells them
apart:

- :func:`world_figures` measures one world exactly as the kit measures its
  own (the same sizes, split, tree and audit), :func:`many_worlds` does it for
  a list of seeds, and :func:`summarise_worlds` says for each of the kit's
  claims in how many worlds it holds.
- :func:`decompose_gap` switches each mechanism of the world off alone
  (:meth:`casekit.world.World.without`), redraws and measures the estate/rest
  ratio of false-positive rates again; :func:`summarise_decomposition` gives
  the median over the seeds and the 10th-90th percentile range.

Each world is drawn and measured once per session (a world costs about 0.03 s);
the decomposition re-uses the worlds :func:`many_worlds` has drawn, and
:func:`forget_worlds` forgets them (for timing).

Reproduce the figures the kit quotes with ``python -m casekit.worlds``.
"""

import itertools
import sys

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.utils import check_random_state

from casekit import world as world_steps
from casekit._validation import check_choice
from casekit.codebook import CATEGORIES, EDUCATION_LEVELS, ESTATE
from casekit.data import COHORTS
from casekit.model import NUMERIC, ONE_HOT, PILOT_FEATURES, SPLIT_SEED, TARGET, TEST_SIZE, make_pilot_tree
from casekit.world import MECHANISMS, WORLD, World

_, _PILOT_SIZE, _PILOT_YEARS = COHORTS["pilot"]
_, _LATER_SIZE, _LATER_YEARS = COHORTS["2019"]
WITHOUT_DISTRICT = [feature for feature in PILOT_FEATURES if feature != "district"]
#: The seeds the kit's figures are quoted for: 30 worlds, and the first 10 for the decomposition.
SEEDS = tuple(range(30))
DECOMPOSITION_SEEDS = tuple(range(10))
#: The fewest citizens :func:`decompose_gap` draws per world.
_MIN_SAMPLES = 100
#: The rows of :func:`decompose_gap` besides one per mechanism.
AS_BUILT, ALL_EQUAL = "nothing (as built)", "all (everything equal)"
#: The two mechanisms that are employers' discrimination, switched off together by default too.
EMPLOYERS = ("address_penalty", "origin_penalty")

#: The kit's claims, each a sentence and a test on one row of :func:`many_worlds`.
CLAIMS = {
    "accuracy_88_to_90": (
        "the pilot tree is right for 88-90 of 100 test citizens",
        lambda w: (w["accuracy"] >= 0.875) & (w["accuracy"] < 0.905),
    ),
    "beats_baseline": (
        "the tree beats always guessing the commoner outcome by 15 points or more",
        lambda w: w["accuracy"] - w["baseline"] >= 0.15,
    ),
    "ratio_2": ("the estate's false-positive rate is at least twice the rest's", lambda w: w["fpr_ratio"] >= 2),
    "ratio_without_district_1_5": (
        "without district, it is still at least 1.5 times the rest's",
        lambda w: w["fpr_ratio_without_district"] >= 1.5,
    ),
    "dropping_district_narrows": (
        "dropping district narrows the ratio",
        lambda w: w["fpr_ratio_without_district"] < w["fpr_ratio"],
    ),
    "worse_in_2019": ("the tree does worse on the 2019 cohort", lambda w: w["drop_2019"] > 0),
    "drop_5_points": ("the tree does at least 5 points worse on the 2019 cohort", lambda w: w["drop_2019"] >= 5),
}


def world_figures(world=WORLD, *, random_state):
    """Draw one world and measure the kit's headline figures, as the kit measures its own data.

    The pilot data (8,000 citizens, 2015-2018) are drawn with `random_state`,
    the 2019 cohort (2,000) with ``random_state + 1``, as in ``data/``. Then
    :func:`casekit.split_pilot`, :func:`casekit.train_pilot_tree` (with and
    without district) and the false-positive rates of the estate and the rest
    on the test split.

    Parameters
    ----------
    world : World, default WORLD
        The parameters; e.g. ``WORLD.without("address_penalty")``.
    random_state : int
        The seed of the pilot data. 23 gives the kit's own data.

    Returns
    -------
    pandas.Series
        ``accuracy`` of the pilot tree on its test split, ``baseline``
        (always guessing the commoner outcome), ``estate_fpr`` and
        ``rest_fpr`` (flagged among those who found work), ``fpr_ratio``
        (estate / rest), ``estate_base_rate`` and ``rest_base_rate`` (share
        still unemployed), ``fpr_ratio_without_district`` (the same ratio for
        a tree without district), ``accuracy_2019`` and ``drop_2019``
        (accuracy minus 2019 accuracy, in percentage points).

    Examples
    --------
    >>> figures = world_figures(random_state=23)
    >>> f"{figures['accuracy']:.1%}, ratio {figures['fpr_ratio']:.1f}"
    '88.7%, ratio 2.8'
    """
    return pd.Series(_measure(_check_world(world), _check_seed(random_state), everything=True))


def many_worlds(seeds=SEEDS, *, world=WORLD, progress=None):
    """Redraw the world for each of `seeds` with the same parameters; one row of figures per world.

    Parameters
    ----------
    seeds : sequence of int, default SEEDS (0 to 29)
        One world per seed; see :func:`world_figures`.
    world : World, default WORLD
    progress : None, True or a widget, default None
        ``True`` prints a counter; a widget with ``value`` (such as
        ``ipywidgets.IntProgress()``) is moved along (its ``max`` is set).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``seed``, the columns of :func:`world_figures`. Pass it to
        :func:`summarise_worlds`, or ``.describe()`` it.

    Examples
    --------
    >>> worlds = many_worlds([23, 24])
    >>> worlds.index.tolist()
    [23, 24]
    >>> f"{worlds.loc[23, 'accuracy']:.1%}"
    '88.7%'
    """
    seeds = _check_seeds(seeds)
    world = _check_world(world)
    tick = _progress(progress, len(seeds))
    rows = []
    for seed in seeds:
        rows.append(_measure(world, seed, everything=True))
        tick()
    return pd.DataFrame(rows, index=pd.Index(seeds, name="seed"))


def summarise_worlds(worlds, *, claims=None):
    """Say, for each of the kit's claims, in how many of `worlds` it holds.

    Parameters
    ----------
    worlds : pandas.DataFrame
        From :func:`many_worlds`.
    claims : list of str, optional
        Keys of :data:`CLAIMS`; all of them by default.

    Returns
    -------
    pandas.DataFrame
        One row per claim: the ``claim`` in words, ``holds_in`` (number of
        worlds), ``worlds``, ``share`` and ``shown`` ("27 of 30 worlds").

    Examples
    --------
    >>> worlds = many_worlds([23, 24])
    >>> summarise_worlds(worlds, claims=["worse_in_2019"])["shown"].tolist()
    ['2 of 2 worlds']
    """
    _check_figures(worlds, name="worlds", columns=["accuracy", "fpr_ratio", "drop_2019"])
    keys = list(CLAIMS) if claims is None else [check_choice(key, list(CLAIMS), name="claims") for key in claims]
    rows = []
    for key in keys:
        text, test = CLAIMS[key]
        holds = int(test(worlds).sum())
        rows.append(
            {
                "claim": text,
                "holds_in": holds,
                "worlds": len(worlds),
                "share": holds / len(worlds),
                "shown": f"{holds} of {len(worlds)} worlds",
            }
        )
    return pd.DataFrame(rows, index=pd.Index(keys, name="key"))


def decompose_gap(seeds=DECOMPOSITION_SEEDS, *, world=WORLD, switches=None, n_samples=None, progress=None):
    """Switch each mechanism of the world off alone, redraw, and measure the estate's gap again.

    For every switch and every seed, the pilot data are drawn from
    ``world.without(...)`` with that seed, split, and the pilot tree trained
    and audited as in :func:`world_figures`. Every switch meets the same seeds,
    so the worlds differ only by the switch and what follows from it.

    Parameters
    ----------
    seeds : sequence of int, default DECOMPOSITION_SEEDS (0 to 9)
    world : World, default WORLD
    switches : list, optional
        What to switch off, each a mechanism of
        :data:`casekit.world.MECHANISMS` or a tuple of them (switched off
        together). Default: nothing (the world as built), each mechanism
        alone, both of the employers' penalties together (address and
        origin), and all of them.
    n_samples : int, optional
        Citizens in each world's pilot data, at least 100; the kit's 8,000 by default.
        More citizens make each world's ratio less noisy (and the run slower).
    progress : None, True or a widget, default None
        As in :func:`many_worlds`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``switched_off`` and ``seed``: ``accuracy``,
        ``estate_fpr``, ``rest_fpr``, ``fpr_ratio``, ``estate_base_rate`` and
        ``rest_base_rate``. Pass it to :func:`summarise_decomposition`.

    Examples
    --------
    >>> table = decompose_gap([23], switches=["district_schooling"])
    >>> table.index.tolist()
    [('district_schooling', 23)]
    """
    seeds = _check_seeds(seeds)
    world = _check_world(world)
    plan = _switches(switches)
    n_samples = _PILOT_SIZE if n_samples is None else _check_n_samples(n_samples)
    tick = _progress(progress, len(seeds) * len(plan))
    rows, index = [], []
    for label, mechanisms in plan.items():
        changed = world.without(*mechanisms)
        for seed in seeds:
            rows.append(_measure(changed, seed, everything=False, n_samples=n_samples))
            index.append((label, seed))
            tick()
    return pd.DataFrame(rows, index=pd.MultiIndex.from_tuples(index, names=["switched_off", "seed"]))


def summarise_decomposition(table, *, percentiles=(10, 90)):
    """Return, per switch, the median estate/rest ratio over the seeds and the range most seeds fall in.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`decompose_gap`.
    percentiles : (float, float), default (10, 90)
        The range across seeds to report as ``low`` and ``high``.

    Returns
    -------
    pandas.DataFrame
        One row per switch, in the order of `table`: ``worlds``,
        ``fpr_ratio`` (median), ``low`` and ``high`` (the percentiles across
        seeds), ``change`` (median, over the seeds, of the ratio minus the
        as-built ratio of the same seed; only when `table` has the as-built
        rows) and ``base_rate_gap`` (median estate minus rest share still
        unemployed, in percentage points).

    Examples
    --------
    >>> table = decompose_gap([23], switches=[(), "district_schooling"])
    >>> summary = summarise_decomposition(table)
    >>> summary.index.tolist()
    ['nothing (as built)', 'district_schooling']
    >>> bool(summary.loc["district_schooling", "change"] < 0)
    True
    """
    _check_figures(table, name="table", columns=["fpr_ratio", "estate_base_rate", "rest_base_rate"])
    if list(table.index.names) != ["switched_off", "seed"]:
        raise ValueError(
            "`table` must be the table from casekit.worlds.decompose_gap (indexed by switched_off "
            f"and seed), but its index is {list(table.index.names)}."
        )
    low, high = _check_percentiles(percentiles)
    ratio = table["fpr_ratio"]
    groups = ratio.groupby(level="switched_off", sort=False)
    summary = pd.DataFrame(
        {
            "worlds": groups.size(),
            "fpr_ratio": groups.median(),
            "low": groups.quantile(low / 100),
            "high": groups.quantile(high / 100),
        }
    )
    if AS_BUILT in summary.index:
        as_built = ratio.xs(AS_BUILT, level="switched_off")
        change = ratio - as_built.reindex(ratio.index.get_level_values("seed")).to_numpy()
        summary["change"] = change.groupby(level="switched_off", sort=False).median()
    gap = 100 * (table["estate_base_rate"] - table["rest_base_rate"])
    summary["base_rate_gap"] = gap.groupby(level="switched_off", sort=False).median()
    summary.index.name = "switched_off"
    return summary


# ---------------------------------------------------------------- the measurement
#
# One world is measured as the kit measures its own data (make_citizens, split_pilot,
# train_pilot_tree, predict): the same random draws, the same split, the same trees,
# but on arrays, about three times as fast. tests/test_worlds.py holds every step to the
# kit's own recipe. A world measured once is kept for the session (_MEASURED), so the
# decomposition's "as built" rows re-use the worlds many_worlds has drawn.

#: Figures of the worlds measured in this session: (the world's parameters, seed, citizens) -> figures.
_MEASURED = {}
_MEASURED_MAX = 4096
#: What :func:`decompose_gap` measures of a world; :func:`many_worlds` measures more.
_PILOT_FIGURES = ["accuracy", "estate_fpr", "rest_fpr", "fpr_ratio", "estate_base_rate", "rest_base_rate"]


def forget_worlds():
    """Forget the worlds measured so far, so that the next calls draw them afresh.

    Each world (its parameters, seed and size) is drawn and measured once per
    session: :func:`decompose_gap` re-uses the worlds :func:`many_worlds` has
    measured, and a rerun cell costs nothing. The figures are the same either
    way; forgetting only matters to time the drawing.

    Returns
    -------
    int
        The number of worlds forgotten.

    Examples
    --------
    >>> _ = many_worlds([23, 24])
    >>> forget_worlds() >= 2
    True
    >>> forget_worlds()
    0
    """
    forgotten = len(_MEASURED)
    _MEASURED.clear()
    return forgotten


def _measure(world, seed, *, everything, n_samples=_PILOT_SIZE):
    """The figures of one world: the pilot tree's estate/rest audit, and with `everything` the rest."""
    key = (repr(world), seed, n_samples)
    figures = _MEASURED.get(key)
    if figures is None or (everything and "baseline" not in figures):
        if len(_MEASURED) >= _MEASURED_MAX:
            _MEASURED.clear()
        figures = _MEASURED[key] = _measure_afresh(world, seed, everything=everything, n_samples=n_samples)
    return dict(figures) if everything else {name: figures[name] for name in _PILOT_FIGURES}


def _measure_afresh(world, seed, *, everything, n_samples):
    """Draw one world, split it, fit the pilot tree (and with `everything` the rest) and measure it."""
    pilot = _draw(world, seed, n_samples, _PILOT_YEARS)
    train, test = _split(pilot[TARGET])
    tree = _fit(pilot, train, PILOT_FEATURES)
    truth = pilot[TARGET][test]
    flags = tree.predict(_encode(pilot, PILOT_FEATURES, test))
    in_estate = pilot["in_estate"][test]
    figures = {"accuracy": float((flags == truth).mean()), **_estate_rates(truth, flags, in_estate)}
    if not everything:
        return figures
    without = _fit(pilot, train, WITHOUT_DISTRICT)
    later = _draw(world, seed + 1, _LATER_SIZE, _LATER_YEARS)
    flags_2019 = tree.predict(_encode(later, PILOT_FEATURES))
    accuracy_2019 = float((flags_2019 == later[TARGET]).mean())
    share = truth.mean()
    return {
        "accuracy": figures["accuracy"],
        "baseline": float(max(share, 1 - share)),
        **figures,
        "fpr_ratio_without_district": _estate_rates(
            truth, without.predict(_encode(pilot, WITHOUT_DISTRICT, test)), in_estate
        )["fpr_ratio"],
        "accuracy_2019": accuracy_2019,
        "drop_2019": 100 * (figures["accuracy"] - accuracy_2019),
    }


def _draw(world, seed, n_samples, years):
    """Draw citizens as :func:`casekit.world.make_citizens` does; keep, as arrays, what the pilot tree needs.

    The same steps in the same order, so the same random draws. Districts,
    origins, benefits and years are handed on as categoricals, which the
    steps' look-ups map once per category instead of once per citizen (the
    values are the same); the pseudonyms and the data frame are not made.
    """
    rng = check_random_state(seed)
    people = world_steps._residents(n_samples, rng, world)
    district = _categorical(people["district"], "district")
    people.update(district=district, origin=_categorical(people["origin"], "origin"))
    people["cohort_year"] = pd.Categorical(np.sort(np.resize(np.asarray(years), n_samples)))
    people["education_true"] = world_steps._education(people, rng, world)
    people["years_employed_5y"] = world_steps._work_history(people, rng, world)
    world_steps._circumstances(people, rng, world)
    people["benefit_type"] = _categorical(people["benefit_type"], "benefit_type")
    difficulty = world_steps._difficulty(people, world)
    luck = rng.logistic(0, world.noise_scale, n_samples)
    education = _codes(world_steps._registered_education(people, rng, world), EDUCATION_LEVELS)
    return {
        TARGET: (difficulty + luck > 0).astype(np.int8),
        "in_estate": district.codes == CATEGORIES["district"].index(ESTATE),
        "district": district.codes,
        "gender": _codes(people["gender"], CATEGORIES["gender"]),
        "education": np.where(education < 0, np.nan, education),
        "age": people["age"],
        "years_employed_5y": people["years_employed_5y"],
    }


def _codes(values, categories):
    """The position of each of `values` in `categories`; -1 for a value that is none of them (missing)."""
    if values.dtype.kind == "U":  # text: one sorted search, faster than a look-up per citizen
        categories = np.asarray(categories)
        order = np.argsort(categories)
        found = order[np.searchsorted(categories, values, sorter=order).clip(max=len(order) - 1)]
        return np.where(categories[found] == values, found, -1).astype(np.int8)
    position = {category: code for code, category in enumerate(categories)}
    return np.fromiter(map(position.get, values.tolist(), itertools.repeat(-1)), np.int8, len(values))


def _categorical(values, column):
    """`values` as a categorical with the codebook's categories of `column`, built from the codes."""
    return pd.Categorical.from_codes(_codes(values, CATEGORIES[column]), CATEGORIES[column])


def _split(truth):
    """The rows of :func:`casekit.split_pilot`'s training and test parts, in its order."""
    return train_test_split(np.arange(len(truth)), test_size=TEST_SIZE, stratify=truth, random_state=SPLIT_SEED)


def _encode(cohort, features, rows=slice(None)):
    """What the pilot pipeline's encoder (:func:`casekit.model.make_pilot_tree`) makes of `rows` of `cohort`:
    one-hot columns (the first dropped when there are two), education's rank, then the numbers."""
    blocks = []
    for feature in (f for f in features if f in ONE_HOT):
        categories = len(CATEGORIES[feature])
        blocks.append(np.eye(categories, dtype=np.float32)[cohort[feature][rows]][:, int(categories == 2) :])
    numbers = (["education"] if "education" in features else []) + [f for f in features if f in NUMERIC]
    blocks.extend(cohort[feature][rows].astype(np.float32)[:, np.newaxis] for feature in numbers)
    return np.hstack(blocks)


def _fit(cohort, rows, features):
    """The pilot tree (:func:`casekit.train_pilot_tree`) fitted on `rows` of `cohort`, on encoded arrays."""
    tree = make_pilot_tree(features)[-1]
    return tree.fit(_encode(cohort, features, rows), cohort[TARGET][rows])


def _estate_rates(truth, flags, in_estate):
    """False-positive and base rates of the estate and the rest (the same numbers as casekit.audit gives)."""
    found_work = truth == 0
    estate_fpr = flags[found_work & in_estate].mean()
    rest_fpr = flags[found_work & ~in_estate].mean()
    return {
        "estate_fpr": float(estate_fpr),
        "rest_fpr": float(rest_fpr),
        "fpr_ratio": float(estate_fpr / rest_fpr) if rest_fpr > 0 else np.inf,
        "estate_base_rate": float(truth[in_estate].mean()),
        "rest_base_rate": float(truth[~in_estate].mean()),
    }


def _switches(switches):
    if switches is None:
        switches = [()] + list(MECHANISMS) + [EMPLOYERS, tuple(MECHANISMS)]
    if isinstance(switches, str) or not list(switches):
        raise ValueError(
            f"`switches` must be a non-empty list of mechanisms from {list(MECHANISMS)} "
            f"(or tuples of them), but {switches!r} was passed."
        )
    plan = {}
    for switch in switches:
        mechanisms = (switch,) if isinstance(switch, str) else tuple(switch)
        for name in mechanisms:
            check_choice(name, list(MECHANISMS), name="switches")
        if not mechanisms:
            label = AS_BUILT
        elif set(mechanisms) == set(MECHANISMS):
            label = ALL_EQUAL
        else:
            label = " + ".join(mechanisms)
        plan[label] = mechanisms
    return plan


# ---------------------------------------------------------------- checks and progress


def _check_seed(seed):
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(
            f"`random_state` must be a whole number of at least 0 (the seed of one world), but {seed!r} was passed."
        )
    return int(seed)


def _check_seeds(seeds):
    if isinstance(seeds, (int, np.integer, str)) or not hasattr(seeds, "__iter__"):
        raise ValueError(f"`seeds` must be a list of whole numbers, e.g. range(30), but {seeds!r} was passed.")
    seeds = list(seeds)
    bad = [seed for seed in seeds if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0]
    if not seeds or bad:
        raise ValueError(
            f"`seeds` must be a non-empty list of whole numbers of at least 0, e.g. range(30), "
            f"but {bad[:3] if bad else seeds!r} was passed."
        )
    if len(set(seeds)) != len(seeds):
        raise ValueError("`seeds` must not repeat a seed: the same seed draws the same world.")
    return [int(seed) for seed in seeds]


def _check_n_samples(n_samples):
    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)) or n_samples < _MIN_SAMPLES:
        raise ValueError(
            f"`n_samples` must be a whole number of at least {_MIN_SAMPLES} (fewer citizens leave too few of "
            f"the estate's residents to measure), but {n_samples!r} was passed."
        )
    return int(n_samples)


def _check_world(world):
    if not isinstance(world, World):
        raise TypeError(
            f"`world` must be a casekit.world.World (e.g. WORLD or WORLD.without('address_penalty')), "
            f"but a {type(world).__name__} was passed."
        )
    return world


def _check_figures(frame, *, name, columns):
    if not isinstance(frame, pd.DataFrame) or any(column not in frame.columns for column in columns):
        source = "many_worlds" if name == "worlds" else "decompose_gap"
        raise ValueError(
            f"`{name}` must be the table from casekit.worlds.{source} (with the columns {columns}), "
            f"but a {type(frame).__name__} was passed."
        )
    if frame.empty:
        raise ValueError(f"`{name}` must hold at least one world, but it is empty.")


def _check_percentiles(percentiles):
    try:
        low, high = (float(p) for p in percentiles)
    except (TypeError, ValueError):
        low = high = None
    if low is None or not 0 <= low < high <= 100:
        raise ValueError(
            f"`percentiles` must be two numbers from 0 to 100, the lower first, e.g. (10, 90), "
            f"but {percentiles!r} was passed."
        )
    return low, high


def _progress(progress, total):
    """A function to call after each world: moves a widget, prints a counter, or does nothing."""
    if progress is None or progress is False:
        return lambda: None
    done = [0]
    if progress is True:

        def tick():
            done[0] += 1
            print(f"\rworld {done[0]} of {total}", end="\n" if done[0] == total else "", file=sys.stderr, flush=True)

        return tick
    if not hasattr(progress, "value"):
        raise TypeError(
            f"`progress` must be None, True or a widget with a value (e.g. ipywidgets.IntProgress()), "
            f"but a {type(progress).__name__} was passed."
        )
    if hasattr(progress, "max"):
        progress.max = total
    progress.value = 0

    def tick():
        done[0] += 1
        progress.value = done[0]

    return tick


def main(seeds=SEEDS, decomposition_seeds=DECOMPOSITION_SEEDS):
    """Print the many-worlds summary and the decomposition the kit quotes (``python -m casekit.worlds``)."""
    pd.set_option("display.width", 160)
    worlds = many_worlds(seeds, progress=True)
    accuracy = worlds["accuracy"]
    print(
        f"\n{len(worlds)} worlds (seeds {seeds[0]}-{seeds[-1]}): accuracy {accuracy.min():.1%}-"
        f"{accuracy.max():.1%}, mean {accuracy.mean():.1%}, median {accuracy.median():.1%}"
    )
    print(summarise_worlds(worlds)[["shown", "claim"]].to_string())
    table = decompose_gap(decomposition_seeds, progress=True)
    print(
        f"\nThe estate/rest ratio of false-positive rates with one mechanism switched off, over "
        f"{len(decomposition_seeds)} seeds (median; 10th-90th percentile across seeds):"
    )
    print(summarise_decomposition(table).round(2).to_string())


if __name__ == "__main__":
    main()
