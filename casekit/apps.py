"""Small ipywidgets apps for the notebooks and the workshop, each with a plain-function twin.

Every app is a function that returns a widget (display it, or just leave it as
the last line of a cell). Its twin returns the numbers the app shows, so the
tests, and readers without widgets, get the same answers.
"""

import html
import traceback

import ipywidgets as widgets
import pandas as pd

from casekit._validation import check_frame, check_model, check_positive_int, check_probability
from casekit.data import COHORTS
from casekit.explain import explain
from casekit.model import TARGET

_, _PILOT_SIZE, _PILOT_YEARS = COHORTS["pilot"]
#: Second interviews a year in the kit's municipality (the pilot data's yearly size).
CITIZENS_PER_YEAR = _PILOT_SIZE // len(_PILOT_YEARS)
#: Caseworkers who help the unemployed into work, as in the case.
CASEWORKERS = 20


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
            f"<p>Citizen <b>{explanation.citizen_id}</b>: probability <b>{explanation.probability:.2f}</b> "
            f"of still being unemployed in 12 months.</p><p>The tree's reasons:</p><ul>{rules}</ul>")


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
        ``wrongly_flagged_per_caseworker_per_year`` and
        ``missed_per_caseworker_per_year``.

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
    return pd.Series({**counts, "accuracy": accuracy, **per_year, **per_caseworker})


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
    slider = widgets.FloatSlider(value=0.5, min=0.05, max=0.95, step=0.05, description="Threshold",
                                 readout_format=".2f", continuous_update=True)

    def render(threshold):
        return _summary_html(_summary(probability, truth, threshold, caseworkers, citizens_per_year))

    return _app({"threshold": slider}, render)


def _summary_html(s):
    return (
        "<table style='border-collapse:collapse'>"
        "<tr><th></th><th style='padding:2px 10px'>flagged</th><th style='padding:2px 10px'>not flagged</th></tr>"
        f"<tr><th style='text-align:left'>still unemployed</th><td align=center>{s['flagged_correctly']:.0f}</td>"
        f"<td align=center style='color:#b00020'>{s['missed']:.0f} missed</td></tr>"
        f"<tr><th style='text-align:left'>found work</th><td align=center style='color:#b00020'>"
        f"{s['wrongly_flagged']:.0f} wrongly flagged</td><td align=center>{s['left_alone_correctly']:.0f}</td></tr></table>"
        f"<p>Accuracy: <b>{s['accuracy']:.1%}</b></p>"
        f"<p>In a year: <b>{s['wrongly_flagged_per_year']:.0f}</b> citizens wrongly flagged and "
        f"<b>{s['missed_per_year']:.0f}</b> missed; for each caseworker "
        f"<b>{s['wrongly_flagged_per_caseworker_per_year']:.1f}</b> wrongly flagged and "
        f"<b>{s['missed_per_caseworker_per_year']:.1f}</b> missed.</p>"
    )
