"""Episode 9's questions: can a citizen understand their score, and can the public see the model?

Two documents generated from the model itself, so they are never out of date:
a plain-language letter to one citizen, and a model card of the kind an
algorithm register would publish.
"""

import numbers

import pandas as pd

from casekit.audit import audit_intervals
from casekit.codebook import ESTATE
from casekit.data import check_citizens
from casekit.explain import explain, facts_used, flip_test
from casekit.i18n import N_, _, number
from casekit.model import TARGET, check_scoring, evaluate, features_of

#: What the job centre records beyond the pilot's features, in the words of a letter to the citizen
#: (in English; the letter translates them).
RECORDED = {
    "health_limitation": N_("your health"),
    "missed_meetings": N_("missed meetings"),
    "household": N_("your household"),
    "benefit_type": N_("your benefit"),
    "months_unemployed": N_("how long you have been out of work"),
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
    unseen = [_(RECORDED[column]) for column in _unseen(model)] + [_("what you told your caseworker")]
    heading = _("**To citizen {citizen_id}**").format(citizen_id=explanation.citizen_id)
    estimate = _(
        "After your second interview, the job centre used a statistical model to estimate\n"
        "your chances of being in work within a year. Of the {leaf_size} earlier citizens whose\n"
        "registered facts matched yours in the ways listed below, {leaf_unemployed} were still\n"
        "unemployed twelve months later: about **{out_of_100} in 100**."
    ).format(
        leaf_size=number(explanation.leaf_size, grouping=False),
        leaf_unemployed=number(explanation.leaf_unemployed, grouping=False),
        out_of_100=number(round(explanation.probability * 100)),
    )
    verdict = (
        _("The model therefore marks you as **at risk of long-term unemployment**.")
        if explanation.flagged
        else _("The model therefore does **not** mark you as at risk of long-term unemployment.")
    )
    rests_on = _(
        "The estimate rests on these facts about you, from the CPR register and from what\nyou registered on Jobnet:"
    )
    facts = "\n".join(f"- {rule}" for rule in explanation.rules)
    # Translators: {facts} are things the job centre records, e.g. "your health, missed meetings"; {last} one more.
    not_seen = _("It did not look at {facts} or {last}.").format(facts=", ".join(unseen[:-1]), last=unseen[-1])
    rights = _(
        "**This is not a decision.** Your caseworker decides, with you, what happens next.\n"
        "You may see everything the job centre has registered about you, including this\n"
        "estimate (*aktindsigt*), and ask for wrong information to be corrected."
    )
    return f"{heading}\n\n{estimate} {verdict}\n\n{rests_on}\n\n{facts}\n\n{not_seen}\n\n{rights}\n"


def model_card(model, train, test, *, later=None, name=None):
    """Write a model card for an algorithm register: purpose, data, performance by group, limits.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pilot tree.
    train, test : pandas.DataFrame
        The citizens it was trained and tested on, in that order. A `test`
        holding citizens the model was trained on is refused: its accuracy
        would be reported as held-out.
    later : pandas.DataFrame, optional
        A later cohort with known outcomes, to report how it holds up over time.
    name : str, optional
        The model's name in the title; "The pilot tree" in the current language by default.

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
    train = check_citizens(train, name="train", columns=["cohort_year"], outcome=TARGET)
    test = check_scoring(model, test, name="test")
    _check_held_out(model, train, test)
    later = None if later is None else check_scoring(model, later, name="later")
    result = evaluate(model, test)
    used = facts_used(model, test).any()
    intervals = audit_intervals(model, test, by="estate")
    counts = intervals["denominator"].unstack()["base_rate"].rename("count")
    rates = intervals["shown"].unstack()[["base_rate", "false_positive_rate", "false_negative_rate"]]
    groups = pd.concat([counts, rates], axis=1)
    years = f"{train['cohort_year'].min()}-{train['cohort_year'].max()}"
    purpose = _(
        "Predict whether a citizen will still be unemployed 12 months after the second interview. "
        "**What the prediction is for, and what a caseworker should do with it, has not been decided.**"
    )
    # Translators: {years} e.g. "2015-2018"; {asked} and {unasked} are column names, {unasked} may be "none".
    data = _(
        "Trained on {train_count} synthetic citizens with second interviews in {years}; tested on {test_count} "
        "others. Facts the tree asks about: {asked}. Facts it may use but never asks about: {unasked}."
    ).format(
        train_count=number(len(train), grouping=False),
        years=years,
        test_count=number(len(test), grouping=False),
        asked=", ".join(used.index[used]),
        unasked=", ".join(used.index[~used]) or _("none"),
    )
    flagged = groups["false_positive_rate"]
    # Translators: {rate} e.g. "25 % (17–36 %), 19 of 75"; {group} and {other_group} are the two groups compared.
    compared = _(
        "Of the citizens who found work, {rate} in {group} were flagged, against {other_rate} in the {other_group}."
    ).format(rate=flagged.iloc[0], group=groups.index[0], other_rate=flagged.iloc[1], other_group=groups.index[1])
    limits = [
        _("Measured on past cohorts; the labour market and Jobnet's registration change."),
        compared,
        # Translators: {columns} are column names of the citizen data, e.g. "health_limitation, household".
        _("The tree does not see: {columns}, nor what the citizen tells the caseworker.").format(
            columns=", ".join(_unseen(model))
        ),
    ]
    if later is not None:
        limits.append(_("On a later cohort: {evaluation}").format(evaluation=evaluate(model, later)))
    behind = _("Each rate with its 95 % interval and the citizens behind it.")
    sections = [
        "# " + _("Model card: {name}").format(name=_("The pilot tree") if name is None else name),
        "## " + _("Purpose") + "\n" + purpose,
        "## " + _("Data") + "\n" + data,
        "## " + _("Performance") + f"\n{result}\n\n{_table(result.confusion)}",
        "## " + _("Performance for groups") + f"\n{behind}\n\n{_table(groups)}",
        "## " + _("Limits") + "\n" + "\n".join(f"- {limit}" for limit in limits),
    ]
    return "\n\n".join(sections) + "\n"


def _check_held_out(model, train, test):
    """Refuse a `test` the model was trained on: its accuracy there would be reported as held-out accuracy.

    The model's ``training_ids_`` (:func:`casekit.train_pilot_tree` keeps them)
    say which citizens it learnt from; without them, a `test` exactly as large
    as the model's training data while `train` is not gives the frames away.
    """
    trained_on = getattr(model, "training_ids_", None)
    if trained_on and "citizen_id" in test.columns:
        seen = int(test["citizen_id"].astype(str).isin(trained_on).sum())
        learnt = int(train["citizen_id"].astype(str).isin(trained_on).sum()) if "citizen_id" in train.columns else 0
        swapped = seen == len(test) and learnt < len(train)
    else:
        tree = getattr(model[-1] if hasattr(model, "steps") else model, "tree_", None)
        fitted = None if tree is None else int(tree.n_node_samples[0])
        swapped = len(test) == fitted != len(train)
        seen = len(test) if swapped else 0
    if seen:
        hint = " The frames look swapped: call model_card(model, train, test), training citizens first."
        hint = hint if swapped else ""
        raise ValueError(
            f"`test` must hold citizens the model was not trained on, but {seen} of its {len(test)} citizens are "
            f"in its training data, so its accuracy there is not a held-out accuracy.{hint}"
        )


def _table(frame):
    """A DataFrame as a Markdown table (pandas' to_markdown needs an extra package)."""
    header = [frame.index.name or ""] + [str(c) for c in frame.columns]
    rows = [
        [str(index)] + [_cell(value) for value in row]
        for index, row in zip(frame.index, frame.astype(object).to_numpy(), strict=True)
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _cell(value):
    """A table's cell as text: a count in the current language's digits ("1217", Danish "1.217"), else as it is."""
    whole = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    return number(value, grouping=False) if whole else str(value)


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
    citizens = check_scoring(model, citizens, columns=["citizen_id", "district"], method="predict_proba")
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
