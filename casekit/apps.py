"""The widgets: small ipywidgets apps for the notebooks and the workshop, built from the domain modules.

Every app is a function that returns a widget (display it, or just leave it as
the last line of a cell). It shows numbers computed elsewhere, by its
plain-function twin in the module named for its subject, so the tests and
readers without widgets get the same answers:

- :func:`lookup_app` shows :func:`casekit.explain.lookup`;
- :func:`threshold_app` shows :func:`casekit.thresholds.threshold_summary`;
- :func:`audit_app` shows :func:`casekit.audit.residence_audit`;
- :func:`feedback_app` shows :func:`casekit.simulation.feedback_year`.

Only the notebooks and the workshop import this module.
"""

import html
import traceback

import ipywidgets as widgets
import numpy as np
import pandas as pd

from casekit._validation import check_frame, check_model, check_probability
from casekit.audit import (
    AUDIT_GROUPS,
    AUDIT_RATES,
    MIN_COUNT,
    address_scores,
    format_rate,
    residence_table,
    with_groups,
)
from casekit.explain import lookup
from casekit.i18n import N_, _, number, percent
from casekit.model import TARGET
from casekit.simulation import feedback_year
from casekit.thresholds import CASEWORKERS, CITIZENS_PER_YEAR, THRESHOLDS, count_errors


def _app(controls, render, *, height="320px"):
    """Wire `controls` to `render(**values) -> html` in a fixed-size box that shows errors."""
    screen = widgets.HTML(
        layout=widgets.Layout(height=height, overflow="auto", border="1px solid #ddd", padding="4px 8px")
    )

    def update(change=None):
        try:
            screen.value = render(**{name: control.value for name, control in controls.items()})
        except Exception as error:  # shown to the user, never swallowed
            detail = html.escape("".join(traceback.format_exception_only(type(error), error)))
            # Translators: {detail} is Python's error message, left in English.
            message = _("Something went wrong:\n{detail}").format(detail=detail)
            screen.value = f"<pre style='color:#b00020;white-space:pre-wrap'>{message}</pre>"

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return widgets.VBox([widgets.HBox(list(controls.values())), screen])


def _table(header, rows):
    """An HTML table with the apps' shared look; the first column is the row label."""
    style = (
        "<style>.kit-table th,.kit-table td{padding:3px 10px;text-align:right}"
        ".kit-table th:first-child,.kit-table td:first-child{text-align:left}</style>"
    )
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"{style}<table class='kit-table' style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"


def _check_citizens(model, citizens):
    check_model(model, method="predict_proba")
    return check_frame(citizens, name="citizens", columns=["citizen_id"])


# ---------------------------------------------------------------- look up a citizen


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
    picker = widgets.Combobox(
        value=ids[0],
        options=ids,
        ensure_option=True,
        description=_("Citizen"),
        placeholder=_("type an id, e.g. {example}").format(example=ids[0]),
    )

    def render(citizen_id):
        if citizen_id not in ids:
            return "<i>" + _("Type or pick a citizen id from the list.") + "</i>"
        return _explanation_html(lookup(model, citizens, citizen_id, threshold=threshold))

    return _app({"citizen_id": picker}, render)


def _explanation_html(explanation):
    colour, verdict = (
        ("#b00020", _("FLAGGED: at risk of long-term unemployment"))
        if explanation.flagged
        else ("#1b5e20", _("not flagged"))
    )
    rules = "".join(f"<li>{html.escape(rule)}</li>" for rule in explanation.rules)
    # Translators: {evidence} is e.g. "27 of 27 similar citizens in the training data were still unemployed".
    found = _("Citizen <b>{citizen_id}</b>: {evidence} 12 months later (probability <b>{probability}</b>).")
    evidence = html.escape(explanation.evidence)
    probability = number(explanation.probability, 2)
    found = found.format(citizen_id=explanation.citizen_id, evidence=evidence, probability=probability)
    similar = _("Similar means: they share these facts, the tree's reasons:")
    return f"<h3 style='color:{colour};margin:4px 0'>{verdict}</h3><p>{found}</p><p>{similar}</p><ul>{rules}</ul>"


# ---------------------------------------------------------------- errors and the threshold


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
    slider = widgets.FloatSlider(
        value=0.5,
        min=THRESHOLDS[0],
        max=THRESHOLDS[-1],
        step=0.05,
        description=_("Threshold"),
        readout_format=".2f",
        continuous_update=True,
    )

    def render(threshold):
        return _summary_html(
            count_errors(
                truth, probability, threshold=threshold, caseworkers=caseworkers, citizens_per_year=citizens_per_year
            )
        )

    return _app({"threshold": slider}, render)


def _summary_html(s):
    red = "<span style='color:#b00020'>{}</span>"
    matrix = _table(
        ["", _("flagged"), _("not flagged")],
        [
            [
                "<b>" + _("still unemployed") + "</b>",
                number(s["flagged_correctly"], grouping=False),
                red.format(_("{count} missed").format(count=number(s["missed"], grouping=False))),
            ],
            [
                "<b>" + _("found work") + "</b>",
                red.format(_("{count} wrongly flagged").format(count=number(s["wrongly_flagged"], grouping=False))),
                number(s["left_alone_correctly"], grouping=False),
            ],
        ],
    )
    accuracy = _("Accuracy: <b>{accuracy}</b>").format(accuracy=percent(s["accuracy"]))
    year = _(
        "In a year: <b>{wrongly_flagged}</b> citizens wrongly flagged and <b>{missed}</b> missed; "
        "for each caseworker <b>{wrongly_flagged_each}</b> wrongly flagged and <b>{missed_each}</b> missed."
    ).format(
        wrongly_flagged=number(s["wrongly_flagged_per_year"], grouping=False),
        missed=number(s["missed_per_year"], grouping=False),
        wrongly_flagged_each=number(s["wrongly_flagged_per_caseworker_per_year"], 1, grouping=False),
        missed_each=number(s["missed_per_caseworker_per_year"], 1, grouping=False),
    )
    return f"{matrix}<p>{accuracy}</p><p>{year}</p>"


# ---------------------------------------------------------------- residence audit


def audit_app(models, citizens):
    """Return the residence-audit app: pick a grouping, a threshold, and the model with or without district.

    Every rate is shown with its 95 % interval and the count it rests on, as
    :func:`casekit.audit.residence_audit` returns them; rates resting on fewer than 30
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
    scores = {name: address_scores(model, _check_citizens(model, citizens)) for name, model in models.items()}
    grouped = with_groups(citizens)
    controls = {
        "by": widgets.Dropdown(
            options=[(_(GROUP_LABELS[group]), group) for group in AUDIT_GROUPS],
            value="district",
            description=_("Group by"),
        ),
        "threshold": widgets.FloatSlider(
            value=0.5, min=0.05, max=0.95, step=0.05, description=_("Threshold"), continuous_update=True
        ),
        "model": widgets.ToggleButtons(options=list(models), description=_("Model")),
    }

    def render(by, threshold, model):
        return _audit_html(residence_table(scores[model], grouped[by], threshold=threshold))

    return _app(controls, render, height="440px")


#: The audit app's groupings (:data:`casekit.audit.AUDIT_GROUPS`) as its dropdown shows them, marked for translation.
GROUP_LABELS = {
    # Translators: the audit app's groupings, columns of the citizen data as a dropdown shows them.
    "district": N_("district"),
    "estate": N_("estate"),
    "origin": N_("origin"),
    "gender": N_("gender"),
    # Translators: a grouping in the audit app's dropdown (age in bands); keep it short.
    "age_band": N_("age_band"),
}


def _audit_html(table):
    rows = []
    for group, row in table.iterrows():
        few = _("some rates rest on too few")
        label = f"<b>{html.escape(str(group))}</b>" + (
            f"<br><small style='color:#777'>{few}</small>" if row["too_small"] else ""
        )
        cells = []
        for rate, (numerator, denominator) in AUDIT_RATES.items():
            text = format_rate(row[numerator], row[denominator])
            if rate == "false_positive_rate":
                text = f"{_bar(row[rate])} {text}"
            grey = row[denominator] < MIN_COUNT
            cells.append(f"<span style='color:#999'>{text}</span>" if grey else text)
        ratio = (
            f"{number(row['fpr_ratio'], 1)}× ({number(row['fpr_ratio_low'], 1)}–{number(row['fpr_ratio_high'], 1)})"
            if np.isfinite(row["fpr_ratio"])
            else "–"
        )
        if row["found_work"] < MIN_COUNT:
            ratio = f"<span style='color:#999'>{ratio}</span>"
        rows.append([label, number(row["count"], grouping=False), *cells[:3], ratio, cells[3]])
    note = _(
        "Each rate: the share, its 95 % interval in brackets (where the true rate plausibly lies), and the "
        "citizens it rests on. Grey: fewer than {min_count} citizens behind it, too few to read. Times the rest: "
        "the group's rate of wrongly flagged over everybody else's, with a bootstrap interval."
    ).format(min_count=MIN_COUNT)
    header = [
        "",
        _("citizens"),
        _("flagged"),
        _("flagged among those who found work"),
        _("missed among the still unemployed"),
        _("wrongly flagged: times the rest"),
        _("flag hangs on the address"),
    ]
    return _table(header, rows) + f"<p style='font-size:90%;color:#555'>{note}</p>"


def _bar(share, colour="#b00020"):
    """A small horizontal bar for a share between 0 and 1."""
    width = 0 if pd.isna(share) else round(120 * share)
    return f"<span style='display:inline-block;width:{width}px;height:10px;background:{colour}'></span>"


# ---------------------------------------------------------------- feedback loop


def feedback_app(*, years=6):
    """Return the feedback-loop app: capacity and effect of support as controls, the years on a slider."""
    year = widgets.IntSlider(value=1, min=1, max=years, description=_("Year"))
    play = widgets.Play(value=1, min=1, max=years, interval=1200, description=_("Play the years"))
    widgets.jslink((play, "value"), (year, "value"))
    controls = {
        "year": year,
        "slots_per_caseworker": widgets.IntSlider(
            value=20, min=5, max=40, step=5, description=_("Slots each"), continuous_update=False
        ),
        "support_effect": widgets.FloatSlider(
            value=1.5, min=0.0, max=3.0, step=0.5, description=_("Effect"), continuous_update=False
        ),
    }

    def render(year, slots_per_caseworker, support_effect):
        view = feedback_year(
            year, slots_per_caseworker=slots_per_caseworker, support_effect=support_effect, years=years
        )
        return _feedback_html(view, year)

    app = _app(controls, render, height="300px")
    app.children = (widgets.HBox([play]),) + app.children
    return app


#: Each support policy of :func:`casekit.simulation.feedback_year` in the feedback app's words (translated where shown).
SHORT_POLICIES = {
    "at_risk": N_("those at risk (highest scores)"),
    "likely_to_find_work": N_("those likely to find work"),
    "borderline": N_("the borderline cases"),
    "ignore_score": N_("a random draw (score ignored)"),
}


def _feedback_html(view, year):
    rows = [
        [
            f"<b>{_(SHORT_POLICIES[policy])}</b>",
            f"{_bar(row['unemployed_estate'])} {percent(row['unemployed_estate'])}",
            f"{_bar(row['unemployed_rest'], '#1565c0')} {percent(row['unemployed_rest'])}",
            percent(row["gap"]),
            percent(row["estate_share_supported"]),
            percent(row["apparent_accuracy"]),
        ]
        for policy, row in view.iterrows()
    ]
    header = [
        _("support goes to"),
        _("still unemployed: Lyngtoften"),
        _("still unemployed: the rest"),
        _("gap"),
        _("of Lyngtoften supported"),
        _("model looks right for"),
    ]
    return "<p>" + _("Year {year} of the simulation.").format(year=year) + "</p>" + _table(header, rows)
