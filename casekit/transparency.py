"""Episode 9's questions: can a citizen understand their score, and can the public see the model?

Two documents generated from the model itself, so they are never out of date:
a plain-language letter to one citizen, and a model card of the kind an
algorithm register would publish.
"""

import pandas as pd

from casekit._validation import check_frame, check_model
from casekit.audit import audit_intervals
from casekit.codebook import ESTATE
from casekit.explain import explain, facts_used, flip_test
from casekit.model import TARGET, evaluate, features_of

#: What the job centre records beyond the pilot's features, in the words of a letter to the citizen.
RECORDED = {
    "health_limitation": "your health",
    "missed_meetings": "missed meetings",
    "household": "your household",
    "benefit_type": "your benefit",
    "months_unemployed": "how long you have been out of work",
}


def _unseen(model):
    """The recorded facts the model has no feature for."""
    return [column for column in RECORDED if column not in features_of(model)]


def citizen_letter(model, citizen, *, threshold=0.5):
    """Write the letter that would explain a citizen's score to them, in plain words.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizen : pandas.Series or one-row pandas.DataFrame
    threshold : float, default 0.5

    Returns
    -------
    str
        Markdown: what the estimate is, the facts it rests on, what it did
        not look at, that it is not a decision, and the citizen's rights.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> print(citizen_letter(train_pilot_tree(train), test.iloc[0]).splitlines()[0])
    **To citizen JC15-00041**
    """
    explanation = explain(model, citizen, threshold=threshold)
    unseen = [RECORDED[column] for column in _unseen(model)] + ["what you told your caseworker"]
    out_of_100 = round(explanation.probability * 100)
    verdict = (
        "marks you as **at risk of long-term unemployment**"
        if explanation.flagged
        else "does **not** mark you as at risk of long-term unemployment"
    )
    facts = "\n".join(f"- {rule}" for rule in explanation.rules)
    return f"""**To citizen {explanation.citizen_id}**

After your second interview, the job centre used a statistical model to estimate
your chances of being in work within a year. Of the {explanation.leaf_size} earlier citizens whose
registered facts matched yours in the ways listed below, {explanation.leaf_unemployed} were still
unemployed twelve months later: about **{out_of_100} in 100**. The model therefore {verdict}.

The estimate rests on these facts about you, from the CPR register and from what
you registered on Jobnet:

{facts}

It did not look at {", ".join(unseen[:-1])} or {unseen[-1]}.

**This is not a decision.** Your caseworker decides, with you, what happens next.
You may see everything the job centre has registered about you, including this
estimate (*aktindsigt*), and ask for wrong information to be corrected.
"""


def model_card(model, train, test, *, later=None, name="The pilot tree"):
    """Write a model card for an algorithm register: purpose, data, performance by group, limits.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    train, test : pandas.DataFrame
        The citizens it was trained and tested on.
    later : pandas.DataFrame, optional
        A later cohort with known outcomes, to report how it holds up over time.
    name : str

    Returns
    -------
    str
        Markdown with every figure computed from the arguments.

    Examples
    --------
    >>> from casekit import load_citizens, split_pilot, train_pilot_tree
    >>> train, test = split_pilot(load_citizens())
    >>> "## Performance for groups" in model_card(train_pilot_tree(train), train, test)
    True
    """
    check_frame(train, name="train", columns=[TARGET, "cohort_year"])
    result = evaluate(model, test)
    used = facts_used(model, test).any()
    intervals = audit_intervals(model, test, by="estate")
    counts = intervals["denominator"].unstack()["base_rate"].rename("count")
    rates = intervals["shown"].unstack()[["base_rate", "false_positive_rate", "false_negative_rate"]]
    groups = pd.concat([counts, rates], axis=1)
    years = f"{train['cohort_year'].min()}-{train['cohort_year'].max()}"
    sections = [
        f"# Model card: {name}",
        "## Purpose\nPredict whether a citizen will still be unemployed 12 months after the second interview. "
        "**What the prediction is for, and what a caseworker should do with it, has not been decided.**",
        f"## Data\nTrained on {len(train)} synthetic citizens with second interviews in {years}; "
        f"tested on {len(test)} others. Facts the tree asks about: {', '.join(used.index[used])}. "
        f"Facts it may use but never asks about: {', '.join(used.index[~used]) or 'none'}.",
        f"## Performance\n{result}\n\n{_table(result.confusion)}",
        f"## Performance for groups\nEach rate with its 95 % interval and the citizens behind it.\n\n{_table(groups)}",
        "## Limits\n- Measured on past cohorts; the labour market and Jobnet's registration change.\n"
        f"- Of the citizens who found work, {groups['false_positive_rate'].iloc[0]} in {groups.index[0]} "
        f"were flagged, against {groups['false_positive_rate'].iloc[1]} in the {groups.index[1]}.\n"
        f"- The tree does not see: {', '.join(_unseen(model))}, nor what the citizen tells the caseworker.",
    ]
    if later is not None:
        sections[-1] += f"\n- On a later cohort: {evaluate(model, later)}"
    return "\n\n".join(sections) + "\n"


def _table(frame):
    """A DataFrame as a Markdown table (pandas' to_markdown needs an extra package)."""
    header = [frame.index.name or ""] + [str(c) for c in frame.columns]
    rows = [
        [str(index)] + [str(value) for value in row]
        for index, row in zip(frame.index, frame.astype(object).to_numpy(), strict=True)
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def letter_candidates(model, citizens, *, district=ESTATE):
    """Find the citizens a letter would be hardest to write to: flagged residents whose reasons include their district.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    citizens : pandas.DataFrame
        Citizens with known outcomes, e.g. the pilot test split.
    district : str, default the estate (Lyngtoften)

    Returns
    -------
    pandas.DataFrame
        The flagged residents of `district` whose path through the tree asks
        about their district, with two added columns: ``found_work`` (looking
        back: the flag was wrong) and ``address_decides`` (another district
        would change the flag, :func:`casekit.flip_test`). Those for whom both
        hold come first.

    Examples
    --------
    >>> from casekit.model import pilot
    >>> found = letter_candidates(pilot().model, pilot().test)
    >>> bool(found["district"].eq("Lyngtoften").all())
    True
    """
    check_model(model, method="predict_proba")
    check_frame(citizens, name="citizens", columns=["citizen_id", "district", TARGET])
    column = citizens["district"]
    districts = (
        list(column.cat.categories) if isinstance(column.dtype, pd.CategoricalDtype) else sorted(column.unique())
    )
    if district not in districts:
        raise ValueError(f"`district` must be one of {districts}, but {district!r} was passed.")
    flagged = model.predict(citizens) == 1
    if "district" in features_of(model):
        asks = facts_used(model, citizens)["district"].to_numpy(bool)
    else:
        asks = False
    chosen = citizens[flagged & (column == district).to_numpy() & asks]
    if chosen.empty:
        return chosen.assign(found_work=pd.Series(dtype=bool), address_decides=pd.Series(dtype=bool))
    decides = flip_test(model, chosen).groupby("citizen_id")["flag_changed"].any()
    chosen = chosen.assign(
        found_work=chosen[TARGET].eq(0).to_numpy(),
        address_decides=chosen["citizen_id"].map(decides).fillna(False).astype(bool).to_numpy(),
    )
    both = (chosen["found_work"] & chosen["address_decides"]).to_numpy()
    return chosen.iloc[(~both).astype(int).argsort(kind="stable")]
