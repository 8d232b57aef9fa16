"""Data-ethics principles from Danish public bodies, in the kit's own words, as checklists.

Sources (summarised in the kit's words, never quoted or translated):

- Gladsaxe Kommune, *Dataetisk politik* (web page): five principles.
- KL (Local Government Denmark), proposal for six data-ethics principles for
  municipalities (2018/2019).
- Beskæftigelsesministeriet (Ministry of Employment), *Dataetiske
  retningslinjer*, December 2020: three guidelines. Their statement of purpose
  names profiling of the unemployed as a use that raises ethical questions
  (:data:`MINISTRY_SCOPE`), so a job centre's prediction is exactly what they
  are written for.
- Fremfærd Borger, *Digital stafet*, 20 October 2020: eight points from a
  political panel debate on data in municipalities.

The principles, sources and questions are read from ``casekit/content/ethics.toml``;
this module turns them into tables, scorecards and the AMS-style grouping.
"""

import pandas as pd

from casekit._content import read_records
from casekit._validation import check_choice, check_column, check_frame, check_model, check_probability
from casekit.i18n import _

_ETHICS = read_records("ethics.toml")

#: The three sources, by the code a principle and a plan use for them (``casekit/content/ethics.toml``).
SOURCES = {code: source["label"] for code, source in _ETHICS["source"].items()}

#: What the Ministry of Employment's guidelines (December 2020) say they are for, in the kit's words.
MINISTRY_SCOPE = _ETHICS["ministry_scope"]

# source, number, short name, the principle in plain words, the question to ask of a project
_PRINCIPLES = [
    (p["source"], p["number"], p["principle"], p["in_plain_words"], p["question"]) for p in _ETHICS["principle"]
]

# the eight points of the Digital stafet debate, turned into discussion questions in the kit's words
_DIGITAL_STAFET = [point["question"] for point in _ETHICS["digital_stafet"]]


def principles(source=None):
    """Return the data-ethics principles as a checklist, from one source or all three.

    Parameters
    ----------
    source : {"Gladsaxe", "KL", "Ministry"} or None
        None gives all fourteen.

    Returns
    -------
    pandas.DataFrame
        ``source``, ``number``, ``principle``, ``in_plain_words`` and ``question``.

    Examples
    --------
    >>> principles("Gladsaxe")["principle"].tolist()[2]
    'equality, objectivity and fairness'
    >>> len(principles())
    14
    """
    table = pd.DataFrame(_PRINCIPLES, columns=["source", "number", "principle", "in_plain_words", "question"])
    if source is None:
        return table
    check_choice(source, list(SOURCES), name="source")
    return table[table["source"] == source].reset_index(drop=True)


def digital_stafet():
    """Return the eight points of the *Digital stafet* debate (2020) as discussion questions.

    Examples
    --------
    >>> len(digital_stafet())
    8
    """
    return pd.DataFrame({"number": range(1, 9), "question": _DIGITAL_STAFET})


def scorecard(parts=("Prelude", "Episode 1", "Episode 4", "Episode 8", "Episode 9")):
    """Return an empty scorecard: principles (rows) by parts of the case (columns), to fill with 0, 1 or 2.

    0 = the principle was ignored, 1 = partly honoured, 2 = honoured.

    Examples
    --------
    >>> scorecard().shape
    (14, 5)
    """
    index = pd.MultiIndex.from_frame(principles()[["source", "principle"]])
    return pd.DataFrame(pd.NA, index=index, columns=list(parts), dtype="Int64")


def _check_card(card):
    """Return `card` if it is a scorecard whose filled cells hold 0, 1 or 2, else raise ValueError."""
    check_frame(card, name="card")
    expected = scorecard(parts=[]).index
    extra = [row for row in card.index if row not in expected]
    if extra:
        raise ValueError(
            f"`card` must have one row per principle, as ethics.scorecard() makes them, but "
            f"{extra[0]!r} is not a principle; the principles are {list(expected)}."
        )
    parts = [str(part) for part in card.columns]
    odd = [part for part in parts if part != "Prelude" and not (part.startswith("Episode ") and part[8:].isdigit())]
    if odd:
        raise ValueError(
            f"`card` columns must be parts of the case ('Prelude', 'Episode 1' ... 'Episode 9'), "
            f"but {odd[0]!r} was found (a misspelt part in card.loc[..., part] adds a column)."
        )
    values = card.apply(pd.to_numeric, errors="coerce")
    wrong = (card.notna() & values.isna()) | (values.notna() & ~values.isin([0, 1, 2]))
    if wrong.any().any():
        part = wrong.any().idxmax()
        row = wrong.index[wrong[part].to_numpy(dtype=bool)][0]
        raise ValueError(
            f"`card` cells must be 0, 1 or 2 (or empty), but {card.loc[row, part]} was found for {row} in {part!r}."
        )
    return card


def score_totals(card):
    """Check a filled scorecard and total it per part of the case.

    Parameters
    ----------
    card : pandas.DataFrame
        A :func:`scorecard`, cells filled with 0 (ignored), 1 (partly
        honoured) or 2 (honoured), or left empty.

    Returns
    -------
    pandas.DataFrame
        One row per part: ``cells_scored``, ``score``, ``of_possible``,
        ``share`` (empty where nothing is scored) and ``ignored`` (principles
        scored 0).

    Examples
    --------
    >>> card = scorecard(["Episode 1", "Episode 4"])
    >>> card.loc[("KL", "relevance and value"), "Episode 1"] = 1
    >>> score_totals(card).loc["Episode 1", ["cells_scored", "score", "of_possible"]].tolist()
    [1, 1, 2]
    >>> card.loc[("KL", "relevance and value"), "Episode1"] = 1
    >>> score_totals(card)
    Traceback (most recent call last):
    ...
    ValueError: `card` columns must be parts of the case ('Prelude', 'Episode 1' ... 'Episode 9'), \
but 'Episode1' was found (a misspelt part in card.loc[..., part] adds a column).
    """
    _check_card(card)
    values = card.apply(pd.to_numeric, errors="coerce")
    filled = values.notna().sum()
    totals = pd.DataFrame({"cells_scored": filled, "score": values.sum().astype(int), "of_possible": 2 * filled})
    totals["share"] = (totals["score"] / totals["of_possible"].where(filled > 0)).round(2)
    totals["ignored"] = values.eq(0).sum().astype(int)
    totals.index.name = "part"
    return totals


def plot_scorecard(card, *, ax=None):
    """Draw a scorecard as a heat-map: red 0 (ignored), yellow 1 (partly), green 2 (honoured), white not scored.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_scorecard(scorecard())
    >>> len(ax.get_yticklabels())
    14
    """
    import matplotlib.pyplot as plt
    import numpy as np

    _check_card(card)
    values = card.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    if ax is None:
        _figure, ax = plt.subplots(figsize=(9, 6))
    ax.imshow(np.ma.masked_invalid(values), cmap="RdYlGn", vmin=0, vmax=2, aspect="auto")
    ax.set(
        xticks=range(card.shape[1]),
        xticklabels=list(card.columns),
        yticks=range(len(card)),
        yticklabels=[f"{source}: {name}" for source, name in card.index],
        xlabel=_("part of the case (red: 0 ignored · yellow: 1 partly · green: 2 honoured)"),
        title=_("The project against the data-ethics principles (scored cells only)"),
    )
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    return ax


#: The three groups of Austria's AMS model, from the best chance of work to the poorest.
AMS_GROUPS = _ETHICS["ams_groups"]


def ams_groups(model, citizens, *, high=0.66, low=0.25):
    """Sort citizens into AMS-style groups by the pilot tree's chance of work.

    The pilot tree estimates the chance of being still unemployed a year
    after the second interview; one minus it is read as the chance of work.
    A citizen whose chance is above `high` goes in the high group, below
    `low` in the low group, and everyone else in the middle. AMS's own
    thresholds are the defaults (Der Standard 2018a, 2018b); its model
    predicts a different outcome, so this is an analogy, not a replica.

    Parameters
    ----------
    model : fitted estimator
        E.g. ``casekit.pilot().model``.
    citizens : pandas.DataFrame
        Citizens with the pilot tree's features.
    high, low : float, default 0.66 and 0.25
        Chances of work between 0 and 1, `low` below `high`.

    Returns
    -------
    pandas.Series
        Named ``group``: an ordered categorical of :data:`AMS_GROUPS`, one
        value per citizen, on the citizens' index.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> ams_groups(p.model, p.test).cat.categories.tolist()
    ['high', 'middle', 'low']
    >>> ams_groups(p.model, p.test, high=66)
    Traceback (most recent call last):
    ...
    ValueError: `high` must be between 0 and 1, but 66 was passed. Did you mean 0.66?
    """
    check_model(model, method="predict_proba")
    check_frame(citizens, name="citizens")
    high, low = check_probability(high, name="high"), check_probability(low, name="low")
    if not low < high:
        raise ValueError(f"`low` must be below `high`, but low={low:g} and high={high:g} were passed.")
    p_work = 1 - model.predict_proba(citizens)[:, 1]
    group = pd.Series("middle", index=citizens.index, name="group")
    group[p_work > high] = "high"
    group[p_work < low] = "low"
    return group.astype(pd.CategoricalDtype(AMS_GROUPS, ordered=True))


def ams_group_shares(citizens, groups, *, by="district", found_work=False):
    """Return each group's share of every AMS-style group, with its interval and count.

    Parameters
    ----------
    citizens : pandas.DataFrame
        The citizens `groups` was made for.
    groups : pandas.Series
        As returned by :func:`ams_groups`.
    by : str, default "district"
        A column of the citizens, or ``"estate"`` (Lyngtoften against the
        rest) or ``"age_band"``.
    found_work : bool, default False
        Count only the citizens who were no longer unemployed a year later
        (``unemployed_12m == 0``), for whom a place in the low group is an error.

    Returns
    -------
    pandas.DataFrame
        One row per value of `by`: ``citizens`` (how many) and one column per
        group, each written as "25 % (17–36 %), 19 of 75" by
        :func:`casekit.audit.format_rate` (marked too few to read under 30).

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> table = ams_group_shares(p.test, ams_groups(p.model, p.test), by="estate")
    >>> table.columns.tolist()
    ['citizens', 'high', 'middle', 'low']
    >>> ams_group_shares(p.test, ams_groups(p.model, p.test), by="distrct")
    Traceback (most recent call last):
    ...
    ValueError: `by` must be one of the columns ['citizen_id', 'cohort_year', 'district', \
'gender', 'age', 'origin', 'education', 'years_employed_5y', 'benefit_type', 'months_unemployed', \
'missed_meetings', 'health_limitation', 'household', 'unemployed_12m', 'age_band', 'estate'], \
but 'distrct' was passed.
    """
    from casekit.audit import format_rates, with_groups

    citizens = with_groups(check_frame(citizens, name="citizens", columns=["unemployed_12m"]))
    column = check_column(citizens, by, name="by")
    if not isinstance(groups, pd.Series) or not groups.index.equals(citizens.index):
        raise ValueError(
            "`groups` must be the Series ams_groups(model, citizens) made for these `citizens`, "
            f"but {type(groups).__name__} with another index was passed."
        )
    keep = citizens["unemployed_12m"].eq(0) if found_work else pd.Series(True, index=citizens.index)
    counts = pd.crosstab(
        column[keep], groups[keep].astype(pd.CategoricalDtype(AMS_GROUPS, ordered=True)), dropna=False
    ).reindex(columns=AMS_GROUPS, fill_value=0)
    totals = counts.sum(axis=1)
    table = pd.DataFrame({"citizens": totals})
    for name in AMS_GROUPS:
        table[name] = format_rates(counts[name], totals)
    return table
