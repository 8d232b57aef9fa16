"""Small ipywidgets apps for the notebooks and the workshop, each with a plain-function twin.

Every app is a function that returns a widget (display it, or just leave it as
the last line of a cell). Its twin returns the numbers the app shows, so the
tests, and readers without widgets, get the same answers.
"""

import html
import traceback
from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd
from sklearn.utils import check_random_state

from casekit._validation import check_choice, check_frame, check_model, check_positive_int, check_probability
from casekit.audit import CONFIDENCE, MIN_COUNT, _compare_cells, _fraction, confusion_by_group, format_rate, \
    wilson_interval, with_groups
from casekit.codebook import DISTRICTS, EDUCATION_LEVELS
from casekit.data import COHORTS
from casekit.explain import explain, flip_test
from casekit.model import TARGET
from casekit.simulation import compare_policies

_, _PILOT_SIZE, _PILOT_YEARS = COHORTS["pilot"]
#: Second interviews a year in the kit's municipality (the pilot data's yearly size).
CITIZENS_PER_YEAR = _PILOT_SIZE // len(_PILOT_YEARS)
#: Caseworkers who help the unemployed into work, as in the case.
CASEWORKERS = 20
#: The thresholds the threshold slider offers: 0.05 to 0.95 in steps of 0.05.
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 20)]
#: The residence audit's bootstrap: resamples and seed (the same interval every time the app shows it).
N_RESAMPLES = 10_000
BOOTSTRAP_SEED = 0


def _app(controls, render, *, height="320px"):
    """Wire `controls` to `render(**values) -> html` in a fixed-size box that shows errors."""
    screen = widgets.HTML(layout=widgets.Layout(height=height, overflow="auto", border="1px solid #ddd",
                                                padding="4px 8px"))

    def update(_=None):
        try:
            screen.value = render(**{name: control.value for name, control in controls.items()})
        except Exception as error:  # shown to the user, never swallowed
            detail = html.escape("".join(traceback.format_exception_only(type(error), error)))
            screen.value = f"<pre style='color:#b00020;white-space:pre-wrap'>Something went wrong:\n{detail}</pre>"

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return widgets.VBox([widgets.HBox(list(controls.values())), screen])


def _table(header, rows):
    """An HTML table with the apps' shared look; the first column is the row label."""
    style = ("<style>.kit-table th,.kit-table td{padding:3px 10px;text-align:right}"
             ".kit-table th:first-child,.kit-table td:first-child{text-align:left}</style>")
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"{style}<table class='kit-table' style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"


def _check_citizens(model, citizens):
    check_model(model, method="predict_proba")
    return check_frame(citizens, name="citizens", columns=["citizen_id"])


# ---------------------------------------------------------------- look up a citizen

def lookup(model, citizens, citizen_id, *, threshold=0.5):
    """Look one citizen up by id: what the lookup app shows.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame
        The citizens to search.
    citizen_id : str
        E.g. ``"JC18-01186"``.
    threshold : float, default 0.5
        Flag when the probability is above this.

    Returns
    -------
    casekit.explain.Explanation

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> lookup(train_pilot_tree(train), test, "JC18-01186").flagged
    True
    """
    _check_citizens(model, citizens)
    match = citizens[citizens["citizen_id"] == citizen_id]
    if match.empty:
        examples = citizens["citizen_id"].head(3).tolist()
        raise ValueError(f"`citizen_id` must be one of the ids in `citizens` (such as {examples}), "
                         f"but {citizen_id!r} was passed.")
    return explain(model, match.iloc[[0]], threshold=threshold)


def lookup_app(model, citizens, *, threshold=0.5):
    """Return the caseworker's lookup system: pick a citizen, see flag, probability and reasons.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> app = lookup_app(train_pilot_tree(train), test)
    >>> "probability" in app.children[1].value
    True
    """
    _check_citizens(model, citizens)
    threshold = check_probability(threshold, name="threshold")
    ids = citizens["citizen_id"].tolist()
    picker = widgets.Combobox(value=ids[0], options=ids, ensure_option=True, description="Citizen",
                              placeholder="type an id, e.g. " + ids[0])

    def render(citizen_id):
        if citizen_id not in ids:
            return "<i>Type or pick a citizen id from the list.</i>"
        return _explanation_html(lookup(model, citizens, citizen_id, threshold=threshold))

    return _app({"citizen_id": picker}, render)


def _explanation_html(explanation):
    colour, verdict = ("#b00020", "FLAGGED: at risk of long-term unemployment") if explanation.flagged else (
        "#1b5e20", "not flagged")
    rules = "".join(f"<li>{html.escape(rule)}</li>" for rule in explanation.rules)
    return (f"<h3 style='color:{colour};margin:4px 0'>{verdict}</h3>"
            f"<p>Citizen <b>{explanation.citizen_id}</b>: {html.escape(explanation.evidence)} 12 months later "
            f"(probability <b>{explanation.probability:.2f}</b>).</p>"
            f"<p>Similar means: they share these facts, the tree's reasons:</p><ul>{rules}</ul>")


# ---------------------------------------------------------------- errors and the threshold

def threshold_summary(model, citizens, threshold, *, caseworkers=CASEWORKERS, citizens_per_year=CITIZENS_PER_YEAR):
    """Count the errors at a threshold, in citizens and per caseworker per year.

    Parameters
    ----------
    model : fitted estimator
        A fitted pilot tree.
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    threshold : float
        Flag when the probability is above this (0 to 1).
    caseworkers : int, default 20
        Caseworkers sharing the citizens, as in the case.
    citizens_per_year : int, default CITIZENS_PER_YEAR
        Second interviews a year, to scale the counts to one year.

    Returns
    -------
    pandas.Series
        ``flagged_correctly``, ``wrongly_flagged`` (found work anyway),
        ``missed`` (still unemployed, not flagged), ``left_alone_correctly``,
        ``accuracy``, ``wrongly_flagged_per_year``, ``missed_per_year``,
        ``wrongly_flagged_per_caseworker_per_year``,
        ``missed_per_caseworker_per_year``, and ``flagged_per_year`` and
        ``flagged_per_caseworker_per_year`` (every flag, right or wrong).

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> summary = threshold_summary(train_pilot_tree(train), test, 0.5)
    >>> f"{summary['accuracy']:.1%}"
    '88.7%'
    """
    _check_citizens(model, citizens)
    check_frame(citizens, name="citizens", columns=[TARGET])
    threshold = check_probability(threshold, name="threshold")
    caseworkers = check_positive_int(caseworkers, name="caseworkers")
    citizens_per_year = check_positive_int(citizens_per_year, name="citizens_per_year")
    return _summary(model.predict_proba(citizens)[:, 1], citizens[TARGET].to_numpy(), threshold,
                    caseworkers, citizens_per_year)


def _summary(probability, truth, threshold, caseworkers, citizens_per_year):
    flagged = probability > threshold
    counts = {
        "flagged_correctly": int((flagged & (truth == 1)).sum()),
        "wrongly_flagged": int((flagged & (truth == 0)).sum()),
        "missed": int((~flagged & (truth == 1)).sum()),
        "left_alone_correctly": int((~flagged & (truth == 0)).sum()),
    }
    scale = citizens_per_year / len(truth)
    per_year = {f"{kind}_per_year": counts[kind] * scale for kind in ("wrongly_flagged", "missed")}
    per_caseworker = {f"{kind}_per_caseworker_per_year": per_year[f"{kind}_per_year"] / caseworkers
                      for kind in ("wrongly_flagged", "missed")}
    accuracy = (counts["flagged_correctly"] + counts["left_alone_correctly"]) / len(truth)
    flagged_per_year = (counts["flagged_correctly"] + counts["wrongly_flagged"]) * scale
    return pd.Series({**counts, "accuracy": accuracy, **per_year, **per_caseworker,
                      "flagged_per_year": flagged_per_year, "flagged_per_caseworker_per_year": flagged_per_year / caseworkers})


def threshold_curve(model, citizens, thresholds=THRESHOLDS, *, caseworkers=CASEWORKERS,
                    citizens_per_year=CITIZENS_PER_YEAR):
    """Return :func:`threshold_summary` for each of `thresholds`, one row per threshold.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> curve = threshold_curve(train_pilot_tree(train), test)
    >>> curve.index[[0, -1]].tolist()
    [0.05, 0.95]
    """
    _check_citizens(model, citizens)
    check_frame(citizens, name="citizens", columns=[TARGET])
    probability, truth = model.predict_proba(citizens)[:, 1], citizens[TARGET].to_numpy()
    rows = [_summary(probability, truth, check_probability(t, name="thresholds"), caseworkers, citizens_per_year)
            for t in thresholds]
    return pd.DataFrame(rows, index=pd.Index(list(thresholds), name="threshold"))


def threshold_app(model, citizens, *, caseworkers=CASEWORKERS, citizens_per_year=CITIZENS_PER_YEAR):
    """Return a slider app: move the threshold, see who is wrongly flagged and who is missed.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> app = threshold_app(train_pilot_tree(train), test)
    >>> app.children[0].children[0].value
    0.5
    """
    _check_citizens(model, citizens)
    check_frame(citizens, name="citizens", columns=[TARGET])
    probability, truth = model.predict_proba(citizens)[:, 1], citizens[TARGET].to_numpy()
    slider = widgets.FloatSlider(value=0.5, min=THRESHOLDS[0], max=THRESHOLDS[-1], step=0.05,
                                 description="Threshold", readout_format=".2f", continuous_update=True)

    def render(threshold):
        return _summary_html(_summary(probability, truth, threshold, caseworkers, citizens_per_year))

    return _app({"threshold": slider}, render)


def _summary_html(s):
    red = "<span style='color:#b00020'>{}</span>"
    matrix = _table(["", "flagged", "not flagged"], [
        ["<b>still unemployed</b>", f"{s['flagged_correctly']:.0f}", red.format(f"{s['missed']:.0f} missed")],
        ["<b>found work</b>", red.format(f"{s['wrongly_flagged']:.0f} wrongly flagged"),
         f"{s['left_alone_correctly']:.0f}"]])
    return (
        f"{matrix}<p>Accuracy: <b>{s['accuracy']:.1%}</b></p>"
        f"<p>In a year: <b>{s['wrongly_flagged_per_year']:.0f}</b> citizens wrongly flagged and "
        f"<b>{s['missed_per_year']:.0f}</b> missed; for each caseworker "
        f"<b>{s['wrongly_flagged_per_caseworker_per_year']:.1f}</b> wrongly flagged and "
        f"<b>{s['missed_per_caseworker_per_year']:.1f}</b> missed.</p>"
    )


# ---------------------------------------------------------------- notebooks 04 and 05: small helpers

def closest_citizen(model, citizens, probability):
    """Return the citizen whose probability of still being unemployed is closest to `probability`.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame
        The citizens to search, e.g. the pilot test split.
    probability : float
        Between 0 and 1, e.g. 0.55 (just above the pilot's threshold).

    Returns
    -------
    pandas.DataFrame
        One row (the first such citizen), ready for :func:`casekit.explain`.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> citizen = closest_citizen(p.model, p.test, 0.95)
    >>> len(citizen), round(float(p.model.predict_proba(citizen)[0, 1]), 1)
    (1, 0.9)
    """
    _check_citizens(model, citizens)
    probability = check_probability(probability, name="probability")
    distance = np.abs(model.predict_proba(citizens)[:, 1] - probability)
    return citizens.iloc[[int(np.argmin(distance))]]


def move(citizens, district):
    """Return a copy of `citizens` living in `district`, everything else the same.

    Parameters
    ----------
    citizens : pandas.DataFrame
        One or more citizens.
    district : str
        One of :data:`casekit.DISTRICTS`.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> from casekit.model import pilot
    >>> move(pilot().test.head(2), "Havnen")["district"].tolist()
    ['Havnen', 'Havnen']
    """
    check_frame(citizens, name="citizens", columns=["district"])
    check_choice(district, DISTRICTS, name="district")
    return citizens.assign(district=pd.Categorical([district] * len(citizens), dtype=citizens["district"].dtype))


def rule_versus_tree(model, citizens, *, education_at_most="primary school", years_employed_below=2, threshold=0.5):
    """Compare the tree with a caseworker's rule of thumb on citizens whose outcome is known.

    The rule flags a citizen whose education is at most `education_at_most`
    (a missing education counts as not flagged) and who worked fewer than
    `years_employed_below` of the last five years.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    education_at_most : str, default "primary school"
        One of :data:`casekit.EDUCATION_LEVELS`.
    years_employed_below : float, default 2
        Between 0 and 5.
    threshold : float, default 0.5
        The tree flags above this.

    Returns
    -------
    pandas.DataFrame
        Rows ``tree`` and ``rule of thumb``; columns ``flagged`` (citizens),
        ``right`` (share of all citizens it is right for), ``disagreements``
        (citizens the two judge differently, the same in both rows),
        ``right_where_they_disagree`` (count) and ``shown`` (that count
        written by :func:`casekit.audit.format_rate`), and ``agree`` (share
        of all citizens on which the two agree, the same in both rows).

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> table = rule_versus_tree(p.model, p.test)
    >>> table.index.tolist()
    ['tree', 'rule of thumb']
    >>> int(table["right_where_they_disagree"].sum()) == int(table["disagreements"].iloc[0])
    True
    """
    _check_citizens(model, citizens)
    check_frame(citizens, name="citizens", columns=[TARGET, "education", "years_employed_5y"])
    check_choice(education_at_most, EDUCATION_LEVELS, name="education_at_most")
    if isinstance(years_employed_below, bool) or not isinstance(years_employed_below, (int, float)) \
            or not 0 <= years_employed_below <= 5:
        raise ValueError(f"`years_employed_below` must be a number of years from 0 to 5, "
                         f"but {years_employed_below!r} was passed.")
    threshold = check_probability(threshold, name="threshold")
    truth = citizens[TARGET].to_numpy() == 1
    level = citizens["education"].map({name: rank for rank, name in enumerate(EDUCATION_LEVELS)}).astype(float)
    flags = {"tree": model.predict_proba(citizens)[:, 1] > threshold,
             "rule of thumb": ((level <= EDUCATION_LEVELS.index(education_at_most)).to_numpy()
                               & (citizens["years_employed_5y"] < years_employed_below).to_numpy())}
    disagree = flags["tree"] != flags["rule of thumb"]
    rows = {}
    for name, flagged in flags.items():
        right_there = int((flagged == truth)[disagree].sum())
        rows[name] = {"flagged": int(flagged.sum()), "right": float((flagged == truth).mean()),
                      "disagreements": int(disagree.sum()), "right_where_they_disagree": right_there,
                      "shown": format_rate(right_there, int(disagree.sum())), "agree": float(1 - disagree.mean())}
    return pd.DataFrame.from_dict(rows, orient="index")


def harm_per_year(curve, cost_wrongly_flagged, cost_missed):
    """Return the total harm a year at each threshold, given what one error of each kind costs.

    Parameters
    ----------
    curve : pandas.DataFrame
        From :func:`threshold_curve`: one row per threshold.
    cost_wrongly_flagged, cost_missed : float
        Harm points for one citizen wrongly flagged (found work anyway) and
        one citizen missed (still unemployed, not flagged). Assumptions, not data.

    Returns
    -------
    pandas.Series
        Harm points a year, indexed by threshold.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> harm = harm_per_year(threshold_curve(p.model, p.test), 1, 1)
    >>> harm.index.name, len(harm)
    ('threshold', 19)
    """
    if not isinstance(curve, pd.DataFrame) or not {"wrongly_flagged_per_year", "missed_per_year"} <= set(curve):
        raise ValueError("`curve` must be the table from casekit.apps.threshold_curve(model, citizens), "
                         f"but {type(curve).__name__} was passed.")
    costs = {}
    for name, value in {"cost_wrongly_flagged": cost_wrongly_flagged, "cost_missed": cost_missed}.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not value >= 0:
            raise ValueError(f"`{name}` must be a number of harm points, 0 or more, but {value!r} was passed.")
        costs[name] = float(value)
    harm = (curve["wrongly_flagged_per_year"] * costs["cost_wrongly_flagged"]
            + curve["missed_per_year"] * costs["cost_missed"])
    return harm.rename("harm_per_year")


def least_harm_threshold(curve, cost_wrongly_flagged, cost_missed):
    """Return the threshold of `curve` with the least total harm a year (the lowest, if several tie).

    Parameters
    ----------
    curve : pandas.DataFrame
        From :func:`threshold_curve`.
    cost_wrongly_flagged, cost_missed : float
        As in :func:`harm_per_year`.

    Returns
    -------
    float

    Examples
    --------
    >>> from casekit.model import pilot
    >>> p = pilot()
    >>> curve = threshold_curve(p.model, p.test)
    >>> least_harm_threshold(curve, 1, 4) <= least_harm_threshold(curve, 1, 1) <= least_harm_threshold(curve, 4, 1)
    True
    """
    return float(harm_per_year(curve, cost_wrongly_flagged, cost_missed).idxmin())


#: What each rate of :func:`casekit.rates_by_threshold` counts: rate -> (numerator, denominator column).
_CURVE_COUNTS = {"selection_rate": "count", "false_positive_rate": "found_work",
                 "true_positive_rate": "still_unemployed", "precision": "flagged"}


def rates_shown(rates, metric="false_positive_rate", *, thresholds=None):
    """Write one rate of :func:`casekit.rates_by_threshold` with its interval and count, a column per group.

    Parameters
    ----------
    rates : pandas.DataFrame
        From ``casekit.rates_by_threshold(model, citizens, by=...)``.
    metric : {"false_positive_rate", "selection_rate", "true_positive_rate", "precision"}
    thresholds : list of float, optional
        The rows to keep (thresholds of `rates`); all by default.

    Returns
    -------
    pandas.DataFrame
        One row per threshold, one column per group, each cell written by
        :func:`casekit.audit.format_rate`: "25 % (17–36 %), 19 of 75".

    Examples
    --------
    >>> import casekit
    >>> p = casekit.pilot()
    >>> rates = casekit.rates_by_threshold(p.model, p.test, by="estate", thresholds=[0.5])
    >>> rates_shown(rates).loc[0.5, "Lyngtoften"]
    '25 % (17–36 %), 19 of 75'
    """
    if not isinstance(rates, pd.DataFrame) or list(rates.index.names) != ["threshold", "group"]:
        raise ValueError("`rates` must be the table from casekit.rates_by_threshold(model, citizens, by=...), "
                         f"but {type(rates).__name__} was passed.")
    check_choice(metric, list(_CURVE_COUNTS), name="metric")
    denominator = rates[_CURVE_COUNTS[metric]]
    numerator = (rates[metric].fillna(0) * denominator).round().astype(int)
    shown = pd.Series([format_rate(k, n) for k, n in zip(numerator, denominator)], index=rates.index)
    table = shown.unstack("group")
    if thresholds is not None:
        known = table.index.tolist()
        rows = []
        for value in thresholds:
            match = [t for t in known if np.isclose(t, value)] if isinstance(value, (int, float)) else []
            if not match:
                raise ValueError(f"`thresholds` must be drawn from the thresholds of `rates` ({known[0]:g} to "
                                 f"{known[-1]:g}), but {value!r} was passed.")
            rows.append(match[0])
        table = table.loc[rows]
    table.columns = table.columns.astype(str)
    table.columns.name = None
    return table


# ---------------------------------------------------------------- residence audit

AUDIT_GROUPS = ["district", "estate", "origin", "gender", "age_band"]


def residence_audit(model, citizens, *, by="district", threshold=0.5, random_state=BOOTSTRAP_SEED):
    """Return what the audit app shows: error rates by group with their counts and intervals, and the address.

    Parameters
    ----------
    model : fitted estimator
        The pilot tree, or one trained without district.
    citizens : pandas.DataFrame
        Citizens with known outcomes.
    by : {"district", "estate", "origin", "gender", "age_band"}
    threshold : float
    random_state : int, default BOOTSTRAP_SEED (0)
        Seed of the bootstrap behind ``fpr_ratio_low`` and ``fpr_ratio_high``.

    Returns
    -------
    pandas.DataFrame
        One row per group:

        - ``count``, ``selection_rate``, ``false_positive_rate``,
          ``false_negative_rate`` and ``address_decides`` (the share whose flag
          would change if they lived in another district: the flip test);
        - the counts they rest on: ``flagged`` of ``count``,
          ``wrongly_flagged`` of ``found_work``, ``missed`` of
          ``still_unemployed``, ``address_flips`` of ``count``;
        - ``<rate>_low`` and ``<rate>_high``: the 95 % Wilson interval of each rate;
        - ``too_small``: fewer than ``casekit.audit.MIN_COUNT`` (30) citizens
          behind at least one of its rates;
        - ``fpr_ratio``: the group's false-positive rate over everybody
          else's, with ``fpr_ratio_low`` and ``fpr_ratio_high`` from a seeded
          bootstrap (:func:`casekit.audit.compare_groups`).

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> table = residence_audit(train_pilot_tree(train), test, by="estate")
    >>> table.index.tolist()
    ['Lyngtoften', 'rest of the municipality']
    >>> table.loc["Lyngtoften", ["wrongly_flagged", "found_work"]].tolist()
    [19, 75]
    """
    _check_citizens(model, citizens)
    check_choice(by, AUDIT_GROUPS, name="by")
    threshold = check_probability(threshold, name="threshold")
    return _audit_table(*_audit_inputs(model, citizens), with_groups(citizens)[by], threshold, random_state)


def _audit_inputs(model, citizens):
    """The probabilities at home and in every district, and the truth: all an audit view needs."""
    moved = flip_test(model, citizens, column="district")
    in_each_district = moved.pivot(columns="value", values="probability", index="citizen_id")
    return (model.predict_proba(citizens)[:, 1], in_each_district.loc[citizens["citizen_id"]].to_numpy(),
            citizens[TARGET].to_numpy())


#: The rates the audit shows: rate -> (its numerator and denominator columns).
AUDIT_RATES = {
    "selection_rate": ("flagged", "count"),
    "false_positive_rate": ("wrongly_flagged", "found_work"),
    "false_negative_rate": ("missed", "still_unemployed"),
    "address_decides": ("address_flips", "count"),
}


def _audit_table(probability, in_each_district, truth, groups, threshold, random_state=BOOTSTRAP_SEED):
    flags = (probability > threshold).astype(int)
    cells = confusion_by_group(truth, flags, sensitive_features=groups)
    address = pd.Series(((in_each_district > threshold) != (flags == 1)[:, None]).any(axis=1), index=groups.index)
    counts = pd.DataFrame({
        "count": cells.sum(axis=1),
        "flagged": _fraction(cells, "selection_rate")[0],
        "wrongly_flagged": cells["fp"],
        "found_work": _fraction(cells, "false_positive_rate")[1],
        "missed": cells["fn"],
        "still_unemployed": _fraction(cells, "false_negative_rate")[1],
        "address_flips": address.groupby(groups, observed=True).sum().reindex(cells.index).astype(int),
    })
    table = pd.DataFrame(index=cells.index)
    table["count"] = counts["count"]
    for rate, (numerator, denominator) in AUDIT_RATES.items():
        with np.errstate(divide="ignore", invalid="ignore"):
            table[rate] = counts[numerator] / counts[denominator].where(counts[denominator] > 0)
    table = table.join(counts.drop(columns="count"))
    for rate, (numerator, denominator) in AUDIT_RATES.items():
        table[f"{rate}_low"], table[f"{rate}_high"] = wilson_interval(
            counts[numerator].to_numpy(), counts[denominator].to_numpy())
    table["too_small"] = counts[["count", "found_work", "still_unemployed"]].min(axis=1) < MIN_COUNT
    rng = check_random_state(random_state)
    total, n = cells.sum().to_numpy(), len(truth)
    ratios = [_compare_cells(np.concatenate([row, total - row]), n, "false_positive_rate", N_RESAMPLES,
                             CONFIDENCE, rng).loc["ratio"] for row in cells.to_numpy()]
    table["fpr_ratio"] = [ratio["estimate"] for ratio in ratios]
    table["fpr_ratio_low"] = [ratio["low"] for ratio in ratios]
    table["fpr_ratio_high"] = [ratio["high"] for ratio in ratios]
    return table


def audit_app(models, citizens):
    """Return the residence-audit app: pick a grouping, a threshold, and the model with or without district.

    Every rate is shown with its 95 % interval and the count it rests on, as
    :func:`residence_audit` returns them; rates resting on fewer than 30
    citizens are greyed and marked "too few to read".

    Parameters
    ----------
    models : dict of str to fitted estimator
        E.g. ``{"with district": model, "without district": model_without}``.
    citizens : pandas.DataFrame

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> app = audit_app({"pilot tree": train_pilot_tree(train)}, test)
    >>> "25 % (17–36 %), 19 of 75" in app.children[1].value
    True
    """
    if not isinstance(models, dict) or not models:
        raise TypeError(f"`models` must be a dict of names to fitted models, but {type(models).__name__} was passed.")
    inputs = {name: _audit_inputs(model, _check_citizens(model, citizens)) for name, model in models.items()}
    grouped = with_groups(citizens)
    controls = {
        "by": widgets.Dropdown(options=AUDIT_GROUPS, value="district", description="Group by"),
        "threshold": widgets.FloatSlider(value=0.5, min=0.05, max=0.95, step=0.05, description="Threshold",
                                         continuous_update=True),
        "model": widgets.ToggleButtons(options=list(models), description="Model"),
    }

    def render(by, threshold, model):
        return _audit_html(_audit_table(*inputs[model], grouped[by], threshold))

    return _app(controls, render, height="440px")


def _audit_html(table):
    rows = []
    for group, row in table.iterrows():
        label = f"<b>{html.escape(str(group))}</b>" + (
            "<br><small style='color:#777'>some rates rest on too few</small>" if row["too_small"] else "")
        cells = []
        for rate, (numerator, denominator) in AUDIT_RATES.items():
            text = format_rate(row[numerator], row[denominator])
            if rate == "false_positive_rate":
                text = f"{_bar(row[rate])} {text}"
            grey = row[denominator] < MIN_COUNT
            cells.append(f"<span style='color:#999'>{text}</span>" if grey else text)
        ratio = (f"{row['fpr_ratio']:.1f}× ({row['fpr_ratio_low']:.1f}–{row['fpr_ratio_high']:.1f})"
                 if np.isfinite(row["fpr_ratio"]) else "–")
        if row["found_work"] < MIN_COUNT:
            ratio = f"<span style='color:#999'>{ratio}</span>"
        rows.append([label, f"{row['count']:.0f}", *cells[:3], ratio, cells[3]])
    note = ("<p style='font-size:90%;color:#555'>Each rate: the share, its 95 % interval in brackets (where the "
            "true rate plausibly lies), and the citizens it rests on. Grey: fewer than "
            f"{MIN_COUNT} citizens behind it, too few to read. Times the rest: the group's rate of wrongly "
            "flagged over everybody else's, with a bootstrap interval.</p>")
    return _table(["", "citizens", "flagged", "flagged among those who found work",
                   "missed among the still unemployed", "wrongly flagged: times the rest",
                   "flag hangs on the address"], rows) + note


def _bar(share, colour="#b00020"):
    """A small horizontal bar for a share between 0 and 1."""
    width = 0 if pd.isna(share) else round(120 * share)
    return f"<span style='display:inline-block;width:{width}px;height:10px;background:{colour}'></span>"


# ---------------------------------------------------------------- feedback loop

@lru_cache(maxsize=16)
def _history(slots_per_caseworker, support_effect, years):
    return compare_policies(years=years, slots_per_caseworker=slots_per_caseworker, support_effect=support_effect)


def feedback_year(year, *, slots_per_caseworker=20, support_effect=1.5, years=6):
    """Return what the feedback-loop app shows for one simulated year: one row per policy.

    Runs (and remembers) :func:`casekit.simulation.compare_policies` for these settings.

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
    years = check_positive_int(years, name="years")
    if year not in range(1, years + 1):
        raise ValueError(f"`year` must be a whole number from 1 to {years}, but {year!r} was passed.")
    history = _history(check_positive_int(slots_per_caseworker, name="slots_per_caseworker"),
                       float(support_effect), years)
    view = history[history["year"] == year].set_index("policy")
    return view[["unemployed_estate", "unemployed_rest", "gap", "estate_share_supported", "apparent_accuracy"]]


def feedback_app(*, years=6):
    """Return the feedback-loop app: capacity and effect of support as controls, the years on a slider."""
    year = widgets.IntSlider(value=1, min=1, max=years, description="Year")
    play = widgets.Play(value=1, min=1, max=years, interval=1200, description="Play the years")
    widgets.jslink((play, "value"), (year, "value"))
    controls = {
        "year": year,
        "slots_per_caseworker": widgets.IntSlider(value=20, min=5, max=40, step=5, description="Slots each",
                                                  continuous_update=False),
        "support_effect": widgets.FloatSlider(value=1.5, min=0.0, max=3.0, step=0.5, description="Effect",
                                              continuous_update=False),
    }

    def render(year, slots_per_caseworker, support_effect):
        view = feedback_year(year, slots_per_caseworker=slots_per_caseworker, support_effect=support_effect,
                             years=years)
        return _feedback_html(view, year)

    app = _app(controls, render, height="300px")
    app.children = (widgets.HBox([play]),) + app.children
    return app


SHORT_POLICIES = {"at_risk": "those at risk (highest scores)", "likely_to_find_work": "those likely to find work",
                  "borderline": "the borderline cases", "ignore_score": "a random draw (score ignored)"}


def _feedback_html(view, year):
    rows = [[f"<b>{SHORT_POLICIES[policy]}</b>", f"{_bar(row['unemployed_estate'])} {row['unemployed_estate']:.1%}",
             f"{_bar(row['unemployed_rest'], '#1565c0')} {row['unemployed_rest']:.1%}", f"{row['gap']:.1%}",
             f"{row['estate_share_supported']:.1%}", f"{row['apparent_accuracy']:.1%}"]
            for policy, row in view.iterrows()]
    return f"<p>Year {year} of the simulation.</p>" + _table(
        ["support goes to", "still unemployed: Lyngtoften", "still unemployed: the rest", "gap",
         "of Lyngtoften supported", "model looks right for"], rows)
