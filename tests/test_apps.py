import ipywidgets as widgets
import pytest

from casekit.apps import CITIZENS_PER_YEAR, _app, lookup, lookup_app, threshold_app, threshold_summary
from casekit.explain import explain
from casekit.model import train_pilot_tree


def _screen(app):
    return app.children[1]


def test_lookup_is_the_explanation_of_that_citizen(model, test_part):
    citizen = test_part.iloc[7]
    assert lookup(model, test_part, citizen["citizen_id"]) == explain(model, test_part.iloc[[7]])


@pytest.mark.parametrize("row", [0, 1, 2, 50])
def test_the_lookup_app_shows_what_lookup_returns(model, test_part, row):
    app = lookup_app(model, test_part)
    citizen_id = test_part["citizen_id"].iloc[row]
    app.children[0].children[0].value = citizen_id
    shown, expected = _screen(app).value, lookup(model, test_part, citizen_id)
    assert f"probability <b>{expected.probability:.2f}</b>" in shown
    assert f"{expected.leaf_unemployed:,} of {expected.leaf_size:,} similar citizens" in shown
    assert ("FLAGGED" in shown) == expected.flagged
    for rule in expected.rules:
        assert rule.replace("&", "&amp;") in shown


def test_the_lookup_app_asks_for_an_id_it_knows(model, test_part):
    app = lookup_app(model, test_part)
    app.children[0].children[0].value = "JC99-99999"
    assert "Type or pick a citizen id" in _screen(app).value


def test_an_unknown_id_names_some_that_exist(model, test_part):
    with pytest.raises(ValueError, match=r"`citizen_id` must be one of the ids in `citizens` \(such as \['JC"):
        lookup(model, test_part, "JC99-99999")


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8])
def test_the_threshold_app_shows_what_threshold_summary_returns(model, test_part, threshold):
    app = threshold_app(model, test_part)
    app.children[0].children[0].value = threshold
    shown, expected = _screen(app).value, threshold_summary(model, test_part, threshold)
    assert f"{expected['wrongly_flagged']:.0f} wrongly flagged" in shown
    assert f"{expected['missed']:.0f} missed" in shown
    assert f"<b>{expected['accuracy']:.1%}</b>" in shown
    assert f"<b>{expected['wrongly_flagged_per_caseworker_per_year']:.1f}</b> wrongly flagged" in shown


def test_a_higher_threshold_flags_fewer_wrongly_and_misses_more(model, test_part):
    low, high = threshold_summary(model, test_part, 0.2), threshold_summary(model, test_part, 0.8)
    assert high["wrongly_flagged"] < low["wrongly_flagged"] and high["missed"] > low["missed"]


def test_threshold_summary_counts_every_citizen_and_scales_to_a_year(model, test_part):
    summary = threshold_summary(model, test_part, 0.5, caseworkers=10, citizens_per_year=4000)
    counts = summary[["flagged_correctly", "wrongly_flagged", "missed", "left_alone_correctly"]]
    assert counts.sum() == len(test_part)
    assert summary["wrongly_flagged_per_year"] == summary["wrongly_flagged"] * 4000 / len(test_part)
    assert summary["missed_per_caseworker_per_year"] == summary["missed_per_year"] / 10
    assert CITIZENS_PER_YEAR == 2000


def test_a_threshold_in_percent_is_spotted(model, test_part):
    with pytest.raises(ValueError, match=r"`threshold` must be between 0 and 1, but 50 was passed. Did you mean 0.5\?"):
        threshold_summary(model, test_part, 50)


def test_no_caseworkers_is_refused(model, test_part):
    with pytest.raises(ValueError, match=r"`caseworkers` must be a whole number of at least 1, but 0 was passed"):
        threshold_summary(model, test_part, 0.5, caseworkers=0)


def test_errors_in_an_app_are_shown_not_swallowed():
    slider = widgets.IntSlider(value=1)

    def render(value):
        if value == 2:
            raise ValueError("two is not allowed")
        return f"value {value}"

    app = _app({"value": slider}, render)
    assert _screen(app).value == "value 1"
    slider.value = 2
    assert "Something went wrong" in _screen(app).value and "two is not allowed" in _screen(app).value


def test_apps_keep_a_fixed_size_screen(model, test_part):
    for app in (lookup_app(model, test_part), threshold_app(model, test_part)):
        assert _screen(app).layout.height and _screen(app).layout.overflow == "auto"


# ---------------------------------------------------------------- residence audit and feedback loop

import pandas as pd  # noqa: E402
from scipy.stats import binomtest  # noqa: E402

from casekit.apps import AUDIT_RATES, BOOTSTRAP_SEED, audit_app, feedback_app, feedback_year, residence_audit  # noqa: E402
from casekit.audit import MIN_COUNT, audit, audit_gap, format_rate  # noqa: E402
from casekit.explain import flip_test  # noqa: E402
from casekit.simulation import compare_policies  # noqa: E402


def test_the_residence_audit_agrees_with_the_plain_audit_and_the_flip_test(model, test_part):
    table = residence_audit(model, test_part, by="estate")
    plain = audit(model, test_part, by="estate")
    for column in ("count", "selection_rate", "false_positive_rate", "false_negative_rate"):
        assert table[column].tolist() == pytest.approx(plain[column].tolist())
    moved = flip_test(model, test_part)
    changed = moved.groupby("citizen_id")["flag_changed"].any()
    in_estate = test_part.set_index("citizen_id")["district"] == "Lyngtoften"
    assert table.loc["Lyngtoften", "address_decides"] == pytest.approx(changed[in_estate[in_estate].index].mean())


def test_without_district_no_flag_hangs_on_the_address(split, test_part):
    without = train_pilot_tree(split[0], features=["gender", "age", "years_employed_5y", "education"])
    assert (residence_audit(without, test_part, by="estate")["address_decides"] == 0).all()


def test_the_audit_app_shows_what_residence_audit_returns(model, split, test_part):
    without = train_pilot_tree(split[0], features=["gender", "age", "years_employed_5y", "education"])
    app = audit_app({"with district": model, "without district": without}, test_part)
    by, threshold, which = app.children[0].children
    by.value, threshold.value, which.value = "origin", 0.3, "without district"
    expected = residence_audit(without, test_part, by="origin", threshold=0.3)
    shown = _screen(app).value
    for group, row in expected.iterrows():
        assert f"<b>{group}</b>" in shown
        for rate, (numerator, denominator) in AUDIT_RATES.items():
            assert format_rate(row[numerator], row[denominator]) in shown, (group, rate)
        assert f"{row['fpr_ratio']:.1f}× ({row['fpr_ratio_low']:.1f}–{row['fpr_ratio_high']:.1f})" in shown


def test_the_audit_app_shows_the_estates_rate_with_its_count_and_interval(model, test_part):
    app = audit_app({"pilot tree": model}, test_part)
    app.children[0].children[0].value = "estate"
    shown = _screen(app).value
    assert "25 % (17–36 %), 19 of 75" in shown
    assert "2.8× (1.7–4.2)" in shown


def test_the_residence_audit_returns_counts_intervals_and_the_ratio(model, test_part):
    table = residence_audit(model, test_part, by="estate")
    estate = table.loc["Lyngtoften"]
    assert (estate["wrongly_flagged"], estate["found_work"]) == (19, 75)
    expected = binomtest(19, 75).proportion_ci(method="wilson")
    assert (estate["false_positive_rate_low"], estate["false_positive_rate_high"]) == pytest.approx(
        (expected.low, expected.high))
    for rate, (numerator, denominator) in AUDIT_RATES.items():
        assert (table[rate] == table[numerator] / table[denominator]).all()
        assert ((table[f"{rate}_low"] <= table[rate]) & (table[rate] <= table[f"{rate}_high"])).all()
    assert (table["flagged"] + (table["count"] - table["flagged"]) == table["count"]).all()
    assert (table["found_work"] + table["still_unemployed"] == table["count"]).all()
    gap = audit_gap(model, test_part, random_state=BOOTSTRAP_SEED)
    assert estate[["fpr_ratio", "fpr_ratio_low", "fpr_ratio_high"]].tolist() == pytest.approx(
        gap.loc["ratio", ["estimate", "low", "high"]].tolist())


def test_the_residence_audit_marks_groups_too_small_to_read(model, test_part):
    table = residence_audit(model, test_part, by="origin")
    smallest = table[["count", "found_work", "still_unemployed"]].min(axis=1)
    assert (table["too_small"] == (smallest < MIN_COUNT)).all()
    assert table.loc["descendant, western", "too_small"] and not table.loc["Danish origin", "too_small"]
    app = audit_app({"pilot tree": model}, test_part)
    app.children[0].children[0].value = "origin"
    assert "1 of 22: too few to read" in _screen(app).value


def test_the_residence_audit_is_the_same_every_time(model, test_part):
    pd.testing.assert_frame_equal(residence_audit(model, test_part), residence_audit(model, test_part))


def test_feedback_year_is_that_year_of_the_simulation():
    year = feedback_year(2, years=2)
    history = compare_policies(years=2)
    expected = history[history["year"] == 2].set_index("policy")
    assert year["gap"].tolist() == pytest.approx(expected.loc[year.index, "gap"].tolist())


def test_the_feedback_app_shows_what_feedback_year_returns():
    app = feedback_app(years=3)
    year = app.children[1].children[0]
    year.value = 3
    expected = feedback_year(3, years=3)
    shown = _screen_of(app)
    assert "Year 3 of the simulation." in shown
    for _, row in expected.iterrows():
        assert f"{row['gap']:.1%}" in shown and f"{row['apparent_accuracy']:.1%}" in shown


def test_a_year_outside_the_run_is_refused():
    with pytest.raises(ValueError, match=r"`year` must be a whole number from 1 to 6, but 7 was passed"):
        feedback_year(7)


def test_an_unknown_grouping_lists_the_groupings(model, test_part):
    with pytest.raises(ValueError, match=r"`by` must be one of \['district', 'estate', 'origin', 'gender', 'age_band'\]"):
        residence_audit(model, test_part, by="income")


def _screen_of(app):
    return app.children[-1].value


def test_the_threshold_curve_is_threshold_summary_at_each_threshold(model, test_part):
    from casekit.apps import THRESHOLDS, threshold_curve

    curve = threshold_curve(model, test_part)
    assert curve.index.tolist() == THRESHOLDS
    for threshold in (0.05, 0.5, 0.95):
        assert curve.loc[threshold].tolist() == threshold_summary(model, test_part, threshold).tolist()


# ---------------------------------------------------------------- helpers for notebooks 04 and 05

def test_closest_citizen_is_the_one_nearest_the_probability(model, test_part):
    from casekit.apps import closest_citizen

    proba = model.predict_proba(test_part)[:, 1]
    citizen = closest_citizen(model, test_part, 0.55)
    assert abs(model.predict_proba(citizen)[0, 1] - 0.55) == pytest.approx(abs(proba - 0.55).min())
    with pytest.raises(ValueError, match=r"`probability` must be between 0 and 1, but 55 was passed. Did you mean 0.55"):
        closest_citizen(model, test_part, 55)


def test_move_changes_only_the_district_and_names_the_districts_on_a_typo(test_part):
    from casekit.apps import move

    moved = move(test_part.head(3), "Havnen")
    assert (moved["district"] == "Havnen").all()
    assert moved.drop(columns="district").equals(test_part.head(3).drop(columns="district"))
    assert moved["district"].dtype == test_part["district"].dtype
    with pytest.raises(ValueError, match=r"`district` must be one of \['Bymidten'.*'Bymidtn' was passed"):
        move(test_part.head(1), "Bymidtn")


def test_rule_versus_tree_counts_as_plain_pandas_does(model, test_part):
    from casekit.apps import rule_versus_tree

    table = rule_versus_tree(model, test_part, education_at_most="primary school", years_employed_below=2)
    rule = ((test_part["education"] == "primary school") & (test_part["years_employed_5y"] < 2)).to_numpy()
    tree = model.predict(test_part) == 1
    truth = test_part["unemployed_12m"].to_numpy() == 1
    assert table.loc["rule of thumb", "flagged"] == rule.sum()
    assert table.loc["tree", "right"] == pytest.approx((tree == truth).mean())
    disagree = rule != tree
    assert table.loc["rule of thumb", "right_where_they_disagree"] == ((rule == truth) & disagree).sum()
    assert table["agree"].iloc[0] == pytest.approx(1 - disagree.mean())
    with pytest.raises(ValueError, match=r"`education_at_most` must be one of \['primary school'"):
        rule_versus_tree(model, test_part, education_at_most="primary")
    with pytest.raises(ValueError, match=r"`years_employed_below` must be a number of years from 0 to 5"):
        rule_versus_tree(model, test_part, years_employed_below=20)


def test_least_harm_threshold_is_the_minimum_of_the_harm_and_moves_with_the_costs(model, test_part):
    from casekit.apps import harm_per_year, least_harm_threshold, threshold_curve

    curve = threshold_curve(model, test_part)
    harm = curve["wrongly_flagged_per_year"] * 3 + curve["missed_per_year"] * 2
    assert harm_per_year(curve, 3, 2).equals(harm.rename("harm_per_year"))
    assert least_harm_threshold(curve, 3, 2) == harm.idxmin()
    # Missed citizens dearer -> flag more (a lower threshold); wrong flags dearer -> flag fewer.
    assert least_harm_threshold(curve, 1, 10) <= least_harm_threshold(curve, 1, 1) <= least_harm_threshold(curve, 10, 1)
    with pytest.raises(ValueError, match=r"`cost_missed` must be a number of harm points, 0 or more, but -1"):
        least_harm_threshold(curve, 1, -1)
    with pytest.raises(ValueError, match=r"`curve` must be the table from casekit.apps.threshold_curve"):
        least_harm_threshold(test_part, 1, 1)


def test_rates_shown_writes_each_group_rate_with_its_count_and_interval(model, test_part):
    from casekit import format_rate, rates_by_threshold
    from casekit.apps import rates_shown

    rates = rates_by_threshold(model, test_part, by="estate", thresholds=[0.3, 0.5])
    table = rates_shown(rates, "false_positive_rate")
    assert table.loc[0.5, "Lyngtoften"] == "25 % (17–36 %), 19 of 75"
    row = rates.loc[(0.3, "rest of the municipality")]
    expected = format_rate(round(row["false_positive_rate"] * row["found_work"]), row["found_work"])
    assert table.loc[0.3, "rest of the municipality"] == expected
    assert rates_shown(rates, thresholds=[0.5]).index.tolist() == [0.5]
    with pytest.raises(ValueError, match=r"`metric` must be one of \['selection_rate'"):
        rates_shown(rates, "fpr")
    with pytest.raises(ValueError, match=r"`thresholds` must be drawn from the thresholds of `rates`"):
        rates_shown(rates, thresholds=[0.45])


def test_threshold_summary_counts_every_flag_a_year(model, test_part):
    summary = threshold_summary(model, test_part, 0.5)
    flagged = (model.predict(test_part) == 1).sum() * CITIZENS_PER_YEAR / len(test_part)
    assert summary["flagged_per_year"] == pytest.approx(flagged)
    assert summary["flagged_per_caseworker_per_year"] == pytest.approx(flagged / 20)
