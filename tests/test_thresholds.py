import pytest

from casekit.thresholds import (
    CITIZENS_PER_YEAR,
    THRESHOLDS,
    count_errors,
    harm_per_year,
    least_harm_threshold,
    rule_versus_tree,
    threshold_curve,
    threshold_summary,
)


def test_a_higher_threshold_flags_fewer_wrongly_and_misses_more(model, test_part):
    low, high = threshold_summary(model, test_part, threshold=0.2), threshold_summary(model, test_part, threshold=0.8)
    assert high["wrongly_flagged"] < low["wrongly_flagged"] and high["missed"] > low["missed"]


def test_threshold_summary_counts_every_citizen_and_scales_to_a_year(model, test_part):
    summary = threshold_summary(model, test_part, threshold=0.5, caseworkers=10, citizens_per_year=4000)
    counts = summary[["flagged_correctly", "wrongly_flagged", "missed", "left_alone_correctly"]]
    assert counts.sum() == len(test_part)
    assert summary["wrongly_flagged_per_year"] == summary["wrongly_flagged"] * 4000 / len(test_part)
    assert summary["missed_per_caseworker_per_year"] == summary["missed_per_year"] / 10
    assert CITIZENS_PER_YEAR == 2000


def test_a_threshold_in_percent_is_spotted(model, test_part):
    with pytest.raises(ValueError, match=r"`threshold` must be between 0 and 1, but 50 was passed. Did you mean 0.5\?"):
        threshold_summary(model, test_part, threshold=50)


def test_no_caseworkers_is_refused(model, test_part):
    with pytest.raises(ValueError, match=r"`caseworkers` must be a whole number of at least 1, but 0 was passed"):
        threshold_summary(model, test_part, threshold=0.5, caseworkers=0)


def test_the_threshold_curve_is_threshold_summary_at_each_threshold(model, test_part):
    curve = threshold_curve(model, test_part)
    assert curve.index.tolist() == THRESHOLDS
    for threshold in (0.05, 0.5, 0.95):
        assert curve.loc[threshold].tolist() == threshold_summary(model, test_part, threshold=threshold).tolist()


def test_rule_versus_tree_counts_as_plain_pandas_does(model, test_part):
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
    curve = threshold_curve(model, test_part)
    harm = curve["wrongly_flagged_per_year"] * 3 + curve["missed_per_year"] * 2
    assert harm_per_year(curve, 3, 2).equals(harm.rename("harm_per_year"))
    assert least_harm_threshold(curve, 3, 2) == harm.idxmin()
    # Missed citizens dearer -> flag more (a lower threshold); wrong flags dearer -> flag fewer.
    assert least_harm_threshold(curve, 1, 10) <= least_harm_threshold(curve, 1, 1) <= least_harm_threshold(curve, 10, 1)
    with pytest.raises(ValueError, match=r"`cost_missed` must be a number of harm points, 0 or more, but -1"):
        least_harm_threshold(curve, 1, -1)
    with pytest.raises(ValueError, match=r"`curve` must be the table from casekit.threshold_curve"):
        least_harm_threshold(test_part, 1, 1)


def test_threshold_summary_counts_every_flag_a_year(model, test_part):
    summary = threshold_summary(model, test_part, threshold=0.5)
    flagged = (model.predict(test_part) == 1).sum() * CITIZENS_PER_YEAR / len(test_part)
    assert summary["flagged_per_year"] == pytest.approx(flagged)
    assert summary["flagged_per_caseworker_per_year"] == pytest.approx(flagged / 20)


def test_count_errors_is_threshold_summary_without_the_model(model, test_part):
    probability = model.predict_proba(test_part)[:, 1]
    counted = count_errors(test_part["unemployed_12m"].to_numpy(), probability, threshold=0.3)
    assert counted.equals(threshold_summary(model, test_part, threshold=0.3))
