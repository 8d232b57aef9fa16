"""The feedback loop: what happens, year after year, when a score steers the job centre's effort (episode 5)?

:func:`simulate` and :func:`compare_policies` run it; :func:`feedback_year`
gives the numbers the feedback-loop app shows; :func:`versus_random` and
:func:`scorecard_ranks` read a run.

A documented model of support, on top of the world's own process:

- **Capacity.** Each caseworker can give intensive support (frequent meetings,
  a mentor, a job-training place) to ``slots_per_caseworker`` citizens a year.
  With 20 caseworkers and 20 slots, 400 of the year's 2,000 citizens get it.
- **Effect.** Support lowers a citizen's hidden difficulty by ``support_effect``
  (default 1.5, about the difference between one and three years in work in
  the world's parameters). Whether they then find work is decided, as
  always, by difficulty plus luck.
- **Allocation.** The slots go by the tree's score: to those ``"at_risk"``
  (highest scores first), to those ``"likely_to_find_work"`` (lowest scores
  first, a kind of creaming), to the ``"borderline"`` (scores closest to the
  threshold, 0.5 by default, first), or ``"ignore_score"`` (a random draw). Ties are
  broken at random. Every policy meets the same cohorts (the same seeds), so
  differences between policies come from the policy, not from chance.
- **Learning.** Each year a new cohort is drawn from the world (with the 2018
  labour market throughout, so only the feedback changes), scored by the
  current tree, supported, and its outcomes observed. The tree is then
  retrained on that year's citizens and outcomes, as a job centre would do
  (unless everyone had the same outcome: then there is nothing to learn
  from, and last year's tree is kept).

The year-0 tree is the pilot tree. All numbers come from the run; nothing is
fixed in advance.
"""

from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.utils import check_random_state

from casekit._validation import check_choice, check_positive_int, check_probability, check_seed
from casekit.codebook import ESTATE
from casekit.model import pilot, train_pilot_tree
from casekit.thresholds import CASEWORKERS, CITIZENS_PER_YEAR
from casekit.world import make_citizens

POLICIES = {
    "at_risk": "support goes to the citizens with the highest scores",
    "likely_to_find_work": "support goes to the citizens with the lowest scores",
    "borderline": "support goes to the citizens whose scores are closest to the threshold",
    "ignore_score": "support goes to a random draw of citizens",
}
LABOUR_MARKET_YEAR = 2018


def simulate(
    policy="at_risk",
    *,
    years=6,
    caseworkers=CASEWORKERS,
    slots_per_caseworker=20,
    support_effect=1.5,
    citizens_per_year=CITIZENS_PER_YEAR,
    threshold=0.5,
    random_state=0,
    progress=None,
):
    """Run the job centre for `years` years with support allocated by `policy`.

    Parameters
    ----------
    policy : {"at_risk", "likely_to_find_work", "borderline", "ignore_score"}
        Who gets the intensive-support slots.
    years : int, default 6
        At most 50.
    caseworkers : int, default 20
    slots_per_caseworker : int, default 20
        Citizens each caseworker can support intensively in a year.
    support_effect : float, default 1.5
        How much support lowers a citizen's hidden difficulty.
    citizens_per_year : int, default 2000
        From 100 to 100,000: each year's tree is retrained on these citizens.
    threshold : float, default 0.5
        A citizen is flagged when the score is above this; ``"borderline"``
        supports the scores closest to it first.
    random_state : int, default 0
    progress : widget or None
        Anything with a ``value`` (e.g. ``ipywidgets.IntProgress(max=years)``);
        set to the number of years done as the run goes.

    Returns
    -------
    pandas.DataFrame
        One row per year: ``supported``, ``estate_share_supported``,
        ``unemployed_estate``, ``unemployed_rest``, ``gap`` (estate minus
        rest), ``flagged_estate``, ``flagged_rest``, ``apparent_accuracy``
        (how often that year's flags matched that year's outcomes),
        ``unemployed_overall`` and ``found_work_if_predicted`` (of the citizens
        the tree expected to find work, the share who did: what caseworkers
        would be judged on), and ``citizens_estate`` (how many of the year's
        citizens live on the estate: the count behind its shares).

    Examples
    --------
    >>> history = simulate("at_risk", years=2)
    >>> history.columns[:3].tolist()
    ['year', 'policy', 'supported']
    """
    check_choice(policy, list(POLICIES), name="policy")
    years = _check_whole(years, 1, MAX_YEARS, name="years")
    capacity = check_positive_int(caseworkers, name="caseworkers") * check_positive_int(
        slots_per_caseworker, name="slots_per_caseworker"
    )
    n = _check_whole(citizens_per_year, *CITIZENS_PER_YEAR_RANGE, name="citizens_per_year")
    threshold = check_probability(threshold, name="threshold")
    support_effect = _check_support_effect(support_effect)
    # One seed per year's cohort and one for breaking ties: every policy meets the same citizens.
    *cohort_seeds, tie_seed = check_seed(random_state).randint(0, 2**31 - 1, size=years + 1)
    ties = check_random_state(tie_seed)
    model = pilot().model  # year 0: the pilot tree
    rows = []
    for year, seed in enumerate(cohort_seeds, start=1):
        cohort = _cohort(n, int(seed))
        score = model.predict_proba(cohort)[:, 1]
        supported = _allocate(policy, score, min(capacity, n), ties, threshold)
        cohort["unemployed_12m"] = (cohort["difficulty"] - support_effect * supported + cohort["luck"] > 0).astype(
            np.int8
        )
        rows.append(_year_summary(year, policy, cohort, score > threshold, supported))
        if cohort["unemployed_12m"].nunique() == 2:  # a year with one outcome teaches nothing: keep the tree
            model = train_pilot_tree(cohort)
        if progress is not None:
            progress.value = year
    return pd.DataFrame(rows)


def _cohort(n, seed):
    """A year's citizens, with their hidden difficulty and luck: the same for every policy, so drawn once.

    Every policy meets the same citizens each year (the same seeds), so
    :func:`compare_policies` draws each year once and hands each run a copy.
    """
    return _drawn_cohort(n, seed).copy()


@lru_cache(maxsize=64)
def _drawn_cohort(n, seed):
    return make_citizens(n, cohort_years=[LABOUR_MARKET_YEAR], random_state=seed, latent=True)


#: The longest run :func:`simulate` accepts, and the smallest and largest yearly cohorts: each year
#: redraws the citizens and retrains the tree on them, which needs both outcomes and takes time.
MAX_YEARS = 50
CITIZENS_PER_YEAR_RANGE = (100, 100_000)


def _check_whole(value, least, most, *, name):
    """Return `value` if it is a whole number from `least` to `most`, else raise ValueError."""
    value = check_positive_int(value, name=name)
    if not least <= value <= most:
        raise ValueError(f"`{name}` must be a whole number from {least:,} to {most:,}, but {value!r} was passed.")
    return value


def _check_support_effect(support_effect):
    """Return `support_effect` as a float if it lies from 0 to 10, else raise ValueError."""
    if (
        isinstance(support_effect, bool)
        or not isinstance(support_effect, (int, float, np.number))
        or not 0 <= support_effect <= 10
    ):
        raise ValueError(
            f"`support_effect` must be a number from 0 (support does nothing) to 10, but {support_effect!r} was passed."
        )
    return float(support_effect)


def _allocate(policy, score, capacity, rng, threshold):
    """Boolean mask of the `capacity` citizens who get support."""
    tie_breaker = rng.random_sample(len(score))
    priority = {
        "at_risk": -score,
        "likely_to_find_work": score,
        "borderline": np.abs(score - threshold),
        "ignore_score": np.zeros(len(score)),
    }[policy]
    order = np.lexsort((tie_breaker, priority))
    supported = np.zeros(len(score), dtype=bool)
    supported[order[:capacity]] = True
    return supported


def _year_summary(year, policy, cohort, flagged, supported):
    estate = (cohort["district"] == ESTATE).to_numpy()
    outcome = cohort["unemployed_12m"].to_numpy()
    return {
        "year": year,
        "policy": policy,
        "supported": int(supported.sum()),
        "estate_share_supported": supported[estate].mean(),
        "unemployed_estate": outcome[estate].mean(),
        "unemployed_rest": outcome[~estate].mean(),
        "gap": outcome[estate].mean() - outcome[~estate].mean(),
        "flagged_estate": flagged[estate].mean(),
        "flagged_rest": flagged[~estate].mean(),
        "apparent_accuracy": (flagged == outcome).mean(),
        "unemployed_overall": outcome.mean(),
        "found_work_if_predicted": (outcome[~flagged] == 0).mean(),
        "citizens_estate": int(estate.sum()),
    }


def compare_policies(policies=tuple(POLICIES), *, progress=None, **settings):
    """Run :func:`simulate` for each policy with the same settings and seed; one table.

    `progress` (e.g. ``ipywidgets.IntProgress``) counts the years of all runs together.

    Examples
    --------
    >>> table = compare_policies(years=1)
    >>> sorted(table["policy"].unique())
    ['at_risk', 'borderline', 'ignore_score', 'likely_to_find_work']
    """
    policies = [policies] if isinstance(policies, str) else policies
    if not isinstance(policies, (list, tuple)) or not policies:
        raise ValueError(f"`policies` must be a non-empty list from {list(POLICIES)}, but {policies!r} was passed.")
    for setting in settings:
        check_choice(setting, [name for name in simulate.__kwdefaults__ if name != "progress"], name="settings")
    runs = []
    for done, policy in enumerate(policies):
        counter = None if progress is None else _Offset(progress, done * settings.get("years", 6))
        runs.append(simulate(policy, progress=counter, **settings))
    return pd.concat(runs, ignore_index=True)


class _Offset:
    """Pass `value` on to a progress widget, shifted by the years of earlier runs."""

    def __init__(self, widget, offset):
        self.widget, self.offset = widget, offset

    @property
    def value(self):
        return self.widget.value - self.offset

    @value.setter
    def value(self, years_done):
        self.widget.value = self.offset + years_done


def plot_history(history, column="gap", *, ax=None):
    """Plot one column of :func:`compare_policies` over the years, a line per policy.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    if column not in history.columns:
        raise ValueError(f"`column` must be one of {list(history.columns[2:])}, but {column!r} was passed.")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    for policy, runs in history.groupby("policy", sort=False):
        ax.plot(runs["year"], runs[column], marker="o", label=policy.replace("_", " "))
    ax.set_xlabel("year of the simulation")
    ax.set_ylabel(column.replace("_", " "))
    ax.legend(title="support goes to")
    return ax


#: The columns :func:`versus_random` compares, in the order notebook 06 reads them.
COMPARED = ["apparent_accuracy", "unemployed_estate", "unemployed_overall", "gap", "estate_share_supported"]


def _check_history(history):
    if not isinstance(history, pd.DataFrame) or not {"policy", "year", *COMPARED, "found_work_if_predicted"} <= set(
        history.columns
    ):
        raise ValueError(
            "`history` must be the table from casekit.simulation.compare_policies(...), "
            f"but a {type(history).__name__} was passed."
        )
    return history


def versus_random(history, *, baseline="ignore_score"):
    """Return each policy's yearly averages minus the random draw's, in percentage points.

    Parameters
    ----------
    history : pandas.DataFrame
        From :func:`compare_policies`.
    baseline : str, default "ignore_score"
        The policy to compare with: support handed out at random.

    Returns
    -------
    pandas.DataFrame
        One row per other policy, one column per :data:`COMPARED` measure;
        a positive number means "higher than under `baseline`".

    Examples
    --------
    >>> table = versus_random(compare_policies(years=1))
    >>> table.index.tolist()
    ['at_risk', 'likely_to_find_work', 'borderline']
    """
    _check_history(history)
    check_choice(baseline, list(history["policy"].unique()), name="baseline")
    averages = history.groupby("policy", sort=False)[COMPARED].mean()
    difference = (averages - averages.loc[baseline]) * 100
    return difference.drop(index=baseline).rename_axis(index=None)


def scorecard_ranks(history):
    """Rank the policies on Torben's scorecard and on what the job centre is for (1 = best).

    Parameters
    ----------
    history : pandas.DataFrame
        From :func:`compare_policies`.

    Returns
    -------
    pandas.DataFrame
        One row per policy, sorted by the scorecard: the yearly average of
        ``found_work_if_predicted`` (of the citizens predicted to find work,
        the share who did), then its rank, and the ranks on the system being
        right (``apparent_accuracy``, highest first), on fewest unemployed
        (``unemployed_overall``) and on the smallest gap between the estate
        and the rest (``gap``).

    Examples
    --------
    >>> scorecard_ranks(compare_policies(years=1)).columns[1]
    'rank on that scorecard'
    """
    averages = _check_history(history).groupby("policy", sort=False).mean(numeric_only=True)
    ranks = pd.DataFrame(
        {
            "predicted to find work and did (share)": averages["found_work_if_predicted"].round(3),
            "rank on that scorecard": averages["found_work_if_predicted"].rank(ascending=False, method="min"),
            "rank on the system being right": averages["apparent_accuracy"].rank(ascending=False, method="min"),
            "rank on fewest unemployed": averages["unemployed_overall"].rank(method="min"),
            "rank on smallest gap": averages["gap"].rank(method="min"),
        }
    )
    ranks = ranks.astype({column: int for column in ranks.columns[1:]})
    return ranks.sort_values("rank on that scorecard").rename_axis(index=None)


# ---------------------------------------------------------------- what the feedback-loop app shows


@lru_cache(maxsize=16)
def _history(slots_per_caseworker, support_effect, years):
    return compare_policies(years=years, slots_per_caseworker=slots_per_caseworker, support_effect=support_effect)


def feedback_year(year, *, slots_per_caseworker=20, support_effect=1.5, years=6):
    """Return what the feedback-loop app shows for one simulated year: one row per policy.

    Runs (and remembers) :func:`compare_policies` for these settings.

    Returns
    -------
    pandas.DataFrame
        ``unemployed_estate``, ``unemployed_rest``, ``gap``, ``estate_share_supported``
        and ``apparent_accuracy`` for each policy.

    Examples
    --------
    >>> feedback_year(1, years=1).index.tolist()
    ['at_risk', 'likely_to_find_work', 'borderline', 'ignore_score']
    """
    years = _check_whole(years, 1, MAX_YEARS, name="years")
    if isinstance(year, bool) or year not in range(1, years + 1):
        raise ValueError(f"`year` must be a whole number from 1 to {years}, but {year!r} was passed.")
    history = _history(
        check_positive_int(slots_per_caseworker, name="slots_per_caseworker"),
        _check_support_effect(support_effect),
        years,
    )
    view = history[history["year"] == year].set_index("policy")
    return view[["unemployed_estate", "unemployed_rest", "gap", "estate_share_supported", "apparent_accuracy"]]
