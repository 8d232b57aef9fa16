import pytest
from sklearn.metrics import confusion_matrix

import casekit
from casekit.audit import AGE_BANDS, REST, audit, group_metrics, with_groups
from casekit.codebook import DISTRICTS, ESTATE


def _fpr_ratio(table):
    return table.loc[ESTATE, "false_positive_rate"] / table.loc[REST, "false_positive_rate"]


def _fpr_gap(table):
    return table.loc[ESTATE, "false_positive_rate"] - table.loc[REST, "false_positive_rate"]


def test_group_metrics_agree_with_a_confusion_matrix_per_group(model, test_part):
    flags = model.predict(test_part)
    table = group_metrics(test_part["unemployed_12m"], flags, sensitive_features=test_part["district"])
    for district in DISTRICTS:
        mask = (test_part["district"] == district).to_numpy()
        tn, fp, fn, tp = confusion_matrix(test_part["unemployed_12m"][mask], flags[mask], labels=[0, 1]).ravel()
        row = table.loc[district]
        assert row["count"] == mask.sum()
        assert row["false_positive_rate"] == pytest.approx(fp / (fp + tn))
        assert row["false_negative_rate"] == pytest.approx(fn / (fn + tp))
        assert row["precision"] == pytest.approx(tp / (tp + fp))
        assert row["selection_rate"] == pytest.approx((tp + fp) / mask.sum())
        assert row["base_rate"] == pytest.approx((tp + fn) / mask.sum())


def test_groups_keep_the_order_of_the_categories(model, test_part):
    assert audit(model, test_part, by="district").index.tolist() == DISTRICTS
    assert audit(model, test_part, by="age_band").index.tolist() == AGE_BANDS


def test_the_estates_false_positive_rate_is_at_least_twice_the_rest(model, test_part):
    assert _fpr_ratio(audit(model, test_part, by="estate")) >= 2


def test_base_rates_differ_by_district(model, test_part):
    base = audit(model, test_part, by="district")["base_rate"]
    assert base[ESTATE] > 2 * base.drop(ESTATE).max()


def test_dropping_district_does_not_close_the_gap(split, model, test_part):
    without = casekit.train_pilot_tree(split[0], features=["gender", "age", "years_employed_5y", "education"])
    with_district = audit(model, test_part, by="estate")
    without_district = audit(without, test_part, by="estate")
    assert _fpr_ratio(without_district) >= 1.5, "proxies should keep a gap without district"
    assert _fpr_gap(without_district) < _fpr_gap(with_district)


def test_with_groups_adds_age_bands_and_estate(citizens):
    grouped = with_groups(citizens)
    assert grouped.loc[grouped["age"] == 29, "age_band"].eq("18-29").all()
    assert grouped.loc[grouped["age"] == 30, "age_band"].eq("30-39").all()
    assert (grouped["estate"] == ESTATE).sum() == (citizens["district"] == ESTATE).sum()
    assert "age_band" not in citizens


def test_probabilities_instead_of_flags_are_spotted(model, test_part):
    with pytest.raises(
        ValueError, match=r"`y_pred` must contain only 0 and 1.*pass labels \(model.predict\), not model.predict_proba"
    ):
        group_metrics(
            test_part["unemployed_12m"], model.predict_proba(test_part)[:, 1], sensitive_features=test_part["district"]
        )


def test_a_misspelt_group_column_lists_the_columns(model, test_part):
    with pytest.raises(ValueError, match=r"`by` must be one of the columns \[.*'age_band', 'estate'\], but 'distrct'"):
        audit(model, test_part, by="distrct")


def test_lengths_that_differ_are_reported(test_part):
    with pytest.raises(ValueError, match=r"`y_true` has 2000, `y_pred` has 3"):
        group_metrics(test_part["unemployed_12m"], [0, 1, 1], sensitive_features=test_part["district"])


def test_a_whole_frame_as_labels_is_refused(test_part):
    with pytest.raises(TypeError, match=r"`y_true` must be a 1-D sequence of 0/1 labels, but a DataFrame"):
        group_metrics(test_part, [0, 1], sensitive_features=test_part["district"])


# ---------------------------------------------------------------- counts, intervals and the bootstrap

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy.stats import binomtest  # noqa: E402

from casekit.audit import (  # noqa: E402
    MIN_COUNT,
    RATES,
    audit_gap,
    audit_intervals,
    compare_groups,
    confusion_by_group,
    format_rate,
    group_intervals,
    wilson_interval,
)


@pytest.mark.parametrize("k, n", [(19, 75), (109, 1217), (0, 10), (10, 10), (1, 1), (3, 29), (500, 1000)])
@pytest.mark.parametrize("confidence", [0.95, 0.8])
def test_wilson_agrees_with_scipy(k, n, confidence):
    expected = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    assert wilson_interval(k, n, confidence=confidence) == pytest.approx((expected.low, expected.high), abs=1e-12)


def test_wilson_works_on_arrays_and_gives_nan_for_nobody():
    low, high = wilson_interval(np.array([19, 0]), np.array([75, 0]))
    assert low[0] == pytest.approx(0.1686, abs=1e-4) and high[0] == pytest.approx(0.3621, abs=1e-4)
    assert np.isnan(low[1]) and np.isnan(high[1])


def test_the_estates_false_positive_rate_rests_on_19_of_75(model, test_part):
    """Issue 11: 25.3 %, 19 of 75 who found work, 95 % interval roughly 17-36 %."""
    row = audit_intervals(model, test_part, by="estate").loc[(ESTATE, "false_positive_rate")]
    assert (row["numerator"], row["denominator"]) == (19, 75)
    assert round(100 * row["rate"], 1) == 25.3
    assert (round(100 * row["low"]), round(100 * row["high"])) == (17, 36)
    assert row["shown"] == "25 % (17–36 %), 19 of 75"
    assert not row["too_small"]


def test_intervals_rest_on_the_rates_of_group_metrics_and_the_confusion_matrix(model, test_part):
    flags = model.predict(test_part)
    table = group_intervals(test_part["unemployed_12m"], flags, sensitive_features=test_part["district"])
    plain = group_metrics(test_part["unemployed_12m"], flags, sensitive_features=test_part["district"])
    assert table.index.get_level_values(0).unique().tolist() == DISTRICTS
    for district in DISTRICTS:
        mask = (test_part["district"] == district).to_numpy()
        tn, fp, fn, tp = confusion_matrix(test_part["unemployed_12m"][mask], flags[mask], labels=[0, 1]).ravel()
        rows = table.loc[district]
        assert rows.loc["false_positive_rate", ["numerator", "denominator"]].tolist() == [fp, fp + tn]
        assert rows.loc["false_negative_rate", ["numerator", "denominator"]].tolist() == [fn, fn + tp]
        assert rows.loc["precision", ["numerator", "denominator"]].tolist() == [tp, tp + fp]
        assert rows.loc["selection_rate", ["numerator", "denominator"]].tolist() == [tp + fp, mask.sum()]
        for metric in RATES:
            assert rows.loc[metric, "rate"] == pytest.approx(plain.loc[district, metric])
            assert rows.loc[metric, "rate"] == pytest.approx(
                rows.loc[metric, "numerator"] / rows.loc[metric, "denominator"]
            )
            assert rows.loc[metric, "low"] <= rows.loc[metric, "rate"] <= rows.loc[metric, "high"]


def test_small_groups_are_marked_too_small_to_read(model, test_part):
    table = audit_intervals(model, test_part, by="origin")
    assert (table["too_small"] == (table["denominator"] < MIN_COUNT)).all()
    row = table.loc[("descendant, western", "false_positive_rate")]
    assert row["too_small"] and row["denominator"] < 30
    assert row["shown"].endswith(": too few to read")
    assert not table.loc[("Danish origin", "false_positive_rate"), "too_small"]


def test_a_rate_with_nobody_behind_it_is_missing_not_zero():
    groups = pd.Series(["a", "a", "b", "b"])
    table = group_intervals([1, 1, 0, 1], [1, 0, 0, 1], sensitive_features=groups)
    row = table.loc[("a", "false_positive_rate")]
    assert np.isnan(row["rate"]) and row["denominator"] == 0 and row["shown"] == "no one to count (0 of 0)"


@pytest.mark.parametrize(
    "args, expected",
    [
        ((19, 75), "25 % (17–36 %), 19 of 75"),
        ((109, 1217), "9 % (7–11 %), 109 of 1217"),
        ((1, 22), "5 % (1–22 %), 1 of 22: too few to read"),
    ],
)
def test_format_rate(args, expected):
    assert format_rate(*args) == expected


def test_format_rate_with_decimals_and_another_minimum():
    assert format_rate(19, 75, decimals=1, min_count=100) == "25.3 % (16.9–36.2 %), 19 of 75: too few to read"


def test_confusion_by_group_counts_every_citizen(model, test_part):
    flags = model.predict(test_part)
    cells = confusion_by_group(test_part["unemployed_12m"], flags, sensitive_features=test_part["district"])
    assert cells.index.tolist() == DISTRICTS
    assert cells.to_numpy().sum() == len(test_part)
    assert cells.sum().tolist() == confusion_matrix(test_part["unemployed_12m"], flags).ravel().tolist()


def test_the_estates_ratio_has_a_bootstrap_interval_of_about_1_7_to_4_2(model, test_part):
    gap = audit_gap(model, test_part, random_state=0)
    table = audit(model, test_part, by="estate")
    assert gap.loc["ratio", "estimate"] == pytest.approx(_fpr_ratio(table))
    assert gap.loc["difference", "estimate"] == pytest.approx(100 * _fpr_gap(table))
    assert gap.loc["ratio", "low"] == pytest.approx(1.7, abs=0.1)
    assert gap.loc["ratio", "high"] == pytest.approx(4.2, abs=0.2)
    assert gap.loc["ratio", "shown"] == "2.8× (1.7–4.2)"


def test_the_bootstrap_is_seeded(model, test_part):
    first, again = audit_gap(model, test_part, random_state=5), audit_gap(model, test_part, random_state=5)
    pd.testing.assert_frame_equal(first, again)
    other = audit_gap(model, test_part, random_state=6)
    assert not np.allclose(first[["low", "high"]].to_numpy(float), other[["low", "high"]].to_numpy(float))


def test_the_bootstrap_matches_resampling_citizens_one_by_one(model, test_part):
    """The multinomial shortcut against the textbook bootstrap: draw 2,000 citizens with replacement."""
    truth, flags = test_part["unemployed_12m"].to_numpy(), model.predict(test_part)
    estate = (test_part["district"] == ESTATE).to_numpy()
    rng = np.random.default_rng(1)
    ratios = []
    for _ in range(3000):
        i = rng.integers(0, len(truth), len(truth))
        found_work = truth[i] == 0
        ratios.append(flags[i][found_work & estate[i]].mean() / flags[i][found_work & ~estate[i]].mean())
    fast = audit_gap(model, test_part, random_state=1)
    assert fast.loc["ratio", "low"] == pytest.approx(np.percentile(ratios, 2.5), abs=0.1)
    assert fast.loc["ratio", "high"] == pytest.approx(np.percentile(ratios, 97.5), abs=0.2)


def test_the_bootstrap_interval_covers_the_true_ratio_about_95_times_in_100():
    """Draw many samples from groups with known rates (25 % and 10 %: ratio 2.5)."""
    rng = np.random.RandomState(0)
    groups = pd.Series(["estate"] * 300 + ["rest"] * 1700)
    found_work = np.r_[np.arange(300) < 75, np.arange(1700) < 1200]
    covered = 0
    for _ in range(300):
        flags = np.where(groups == "estate", rng.random_sample(2000) < 0.25, rng.random_sample(2000) < 0.10)
        truth = (~found_work).astype(int)
        gap = compare_groups(
            truth, flags.astype(int), sensitive_features=groups, group="estate", n_resamples=1000, random_state=rng
        )
        covered += gap.loc["ratio", "low"] <= 2.5 <= gap.loc["ratio", "high"]
    assert 0.90 <= covered / 300 <= 0.99


def test_compare_groups_with_a_reference_and_another_metric(model, test_part):
    flags = model.predict(test_part)
    table = group_metrics(test_part["unemployed_12m"], flags, sensitive_features=test_part["district"])
    gap = compare_groups(
        test_part["unemployed_12m"],
        flags,
        sensitive_features=test_part["district"],
        group=ESTATE,
        reference="Bymidten",
        metric="selection_rate",
        random_state=0,
    )
    assert gap.loc["ratio", "estimate"] == pytest.approx(
        table.loc[ESTATE, "selection_rate"] / table.loc["Bymidten", "selection_rate"]
    )
    assert gap.loc["ratio", "low"] < gap.loc["ratio", "estimate"] < gap.loc["ratio", "high"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"group": "Gellerup"}, r"`group` must be one of \[.*'Lyngtoften'.*\], but 'Gellerup' was passed"),
        ({"group": ESTATE, "reference": ESTATE}, r"`reference` must be one of \[.*\], but 'Lyngtoften' was passed"),
        ({"group": ESTATE, "metric": "fpr"}, r"`metric` must be one of \['base_rate', .*\], but 'fpr' was passed"),
        (
            {"group": ESTATE, "confidence": 95},
            r"`confidence` must be a number between 0 and 1, e.g. 0.95, but 95 "
            r"was passed. Did you mean 0.95\?",
        ),
        ({"group": ESTATE, "n_resamples": 0}, r"`n_resamples` must be a whole number of at least 1, but 0"),
    ],
)
def test_compare_groups_names_its_mistakes(model, test_part, kwargs, message):
    with pytest.raises(ValueError, match=message):
        compare_groups(
            test_part["unemployed_12m"], model.predict(test_part), sensitive_features=test_part["district"], **kwargs
        )


def test_a_count_above_its_total_is_refused():
    with pytest.raises(ValueError, match=r"`numerator` must lie between 0 and `denominator`, but 8 of 5"):
        wilson_interval(8, 5)


# ---------------------------------------------------------------- per-group thresholds and Valery's teams

from casekit.audit import (  # noqa: E402
    closest_threshold,
    compare_thresholds,
    matching_thresholds,
    rates_by_threshold,
    teams_by_prediction,
)


@pytest.fixture(scope="module")
def curve(model, test_part):
    return rates_by_threshold(model, test_part, by="estate")


def _rate_at(model, citizens, threshold, in_group, metric):
    """An independent count: flag above `threshold` and compute one rate for the citizens `in_group`."""
    flagged = model.predict_proba(citizens)[:, 1] > threshold
    still = citizens["unemployed_12m"].to_numpy() == 1
    flagged, still = flagged[in_group], still[in_group]
    return {"false_positive_rate": flagged[~still].mean(), "precision": still[flagged].mean()}[metric]


def test_the_closest_threshold_is_closest_by_an_independent_count(model, test_part, curve):
    estate = (test_part["district"] == ESTATE).to_numpy()
    chosen = closest_threshold(curve, "false_positive_rate", group=ESTATE, reference=REST)
    target = _rate_at(model, test_part, 0.5, ~estate, "false_positive_rate")
    best = min(
        abs(_rate_at(model, test_part, t, estate, "false_positive_rate") - target)
        for t in curve.index.get_level_values("threshold").unique()
    )
    assert abs(_rate_at(model, test_part, chosen, estate, "false_positive_rate") - target) == pytest.approx(best)
    assert chosen > 0.5, "to bring the estate's false positives down to the rest's, its bar must rise"


def test_matching_pairs_match_and_exclude_the_pilots_threshold(model, test_part, curve):
    estate = (test_part["district"] == ESTATE).to_numpy()
    pairs = matching_thresholds(curve, group=ESTATE, reference=REST, tolerance=0.02)
    assert len(pairs) > 0 and not ((pairs[ESTATE] == 0.5) & (pairs[REST] == 0.5)).any()
    sums = (pairs[ESTATE] + pairs[REST]).to_numpy()
    assert (sums[:-1] <= sums[1:]).all(), "the pair that flags the most comes first"
    first = pairs.iloc[0]
    for metric in ("false_positive_rate", "precision"):
        assert (
            abs(
                _rate_at(model, test_part, first[ESTATE], estate, metric)
                - _rate_at(model, test_part, first[REST], ~estate, metric)
            )
            <= 0.02
        )
    assert len(matching_thresholds(curve, group=ESTATE, reference=REST, tolerance=0.0)) <= len(pairs)


def test_compare_thresholds_writes_each_rate_with_its_count(curve):
    table = compare_thresholds(curve, {ESTATE: 0.5, REST: 0.5})
    assert table.loc[ESTATE, "false_positive_rate"] == "25 % (17–36 %), 19 of 75"
    assert table.columns.tolist() == [
        "threshold",
        "selection_rate",
        "false_positive_rate",
        "precision",
        "false_negative_rate",
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: closest_threshold(c, "fpr", group=ESTATE, reference=REST), "`metric` must be one of"),
        (lambda c: closest_threshold(c, "precision", group="Lyngtofte", reference=REST), "`group` must be one of"),
        (lambda c: closest_threshold(c, "precision", group=ESTATE, reference=REST, at=50), "Did you mean 0.5"),
        (lambda c: matching_thresholds(c, group=ESTATE, reference=ESTATE), "`reference` must be one of"),
        (lambda c: matching_thresholds(c, group=ESTATE, reference=REST, tolerance=2), "`tolerance` must be between"),
        (lambda c: compare_thresholds(c, {ESTATE: 0.505}), "one of the curve's thresholds"),
        (lambda c: compare_thresholds(c, 0.5), "`thresholds` must be a dict"),
        (lambda c: closest_threshold(c.reset_index(), "precision", group=ESTATE, reference=REST), "`curve` must be"),
    ],
)
def test_threshold_helpers_say_what_is_allowed(curve, call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call(curve)


def test_teams_by_prediction_counts_as_a_crosstab_does(model, test_part):
    teams = teams_by_prediction(model, test_part, threshold=0.7)
    long_term = model.predict_proba(test_part)[:, 1] > 0.7
    estate = (test_part["district"] == ESTATE).to_numpy()
    found_work = test_part["unemployed_12m"].to_numpy() == 0
    assert teams.loc[ESTATE, "long_term"] == (long_term & estate).sum()
    assert teams.loc[REST, "found_work_long_term"] == (long_term & ~estate & found_work).sum()
    assert teams["citizens"].sum() == len(test_part)
    assert teams.loc[ESTATE, "long_term_among_found_work"].endswith(f"of {(estate & found_work).sum()}")
    with pytest.raises(ValueError, match="Did you mean 0.7"):
        teams_by_prediction(model, test_part, threshold=70)


# ---------------------------------------------------------------- the residence audit and rates written out

from casekit.audit import AUDIT_RATES, BOOTSTRAP_SEED, rates_shown, residence_audit  # noqa: E402
from casekit.explain import flip_test  # noqa: E402
from casekit.model import train_pilot_tree  # noqa: E402


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


def test_the_residence_audit_returns_counts_intervals_and_the_ratio(model, test_part):
    table = residence_audit(model, test_part, by="estate")
    estate = table.loc["Lyngtoften"]
    assert (estate["wrongly_flagged"], estate["found_work"]) == (19, 75)
    expected = binomtest(19, 75).proportion_ci(method="wilson")
    assert (estate["false_positive_rate_low"], estate["false_positive_rate_high"]) == pytest.approx(
        (expected.low, expected.high)
    )
    for rate, (numerator, denominator) in AUDIT_RATES.items():
        assert (table[rate] == table[numerator] / table[denominator]).all()
        assert ((table[f"{rate}_low"] <= table[rate]) & (table[rate] <= table[f"{rate}_high"])).all()
    assert (table["flagged"] + (table["count"] - table["flagged"]) == table["count"]).all()
    assert (table["found_work"] + table["still_unemployed"] == table["count"]).all()
    gap = audit_gap(model, test_part, random_state=BOOTSTRAP_SEED)
    assert estate[["fpr_ratio", "fpr_ratio_low", "fpr_ratio_high"]].tolist() == pytest.approx(
        gap.loc["ratio", ["estimate", "low", "high"]].tolist()
    )


def test_the_residence_audit_marks_groups_too_small_to_read(model, test_part):
    table = residence_audit(model, test_part, by="origin")
    smallest = table[["count", "found_work", "still_unemployed"]].min(axis=1)
    assert (table["too_small"] == (smallest < MIN_COUNT)).all()
    assert table.loc["descendant, western", "too_small"] and not table.loc["Danish origin", "too_small"]


def test_the_residence_audit_is_the_same_every_time(model, test_part):
    pd.testing.assert_frame_equal(residence_audit(model, test_part), residence_audit(model, test_part))


def test_an_unknown_grouping_lists_the_groupings(model, test_part):
    with pytest.raises(
        ValueError, match=r"`by` must be one of \['district', 'estate', 'origin', 'gender', 'age_band'\]"
    ):
        residence_audit(model, test_part, by="income")


def test_rates_shown_writes_each_group_rate_with_its_count_and_interval(model, test_part):
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


def test_a_threshold_just_above_one_gets_no_percent_guess(model, test_part):
    with pytest.raises(ValueError, match=r"`thresholds` must be between 0 and 1, but 1.5 was passed.$"):
        rates_by_threshold(model, test_part, thresholds=[0.5, 1.5])


def test_a_percent_threshold_is_shown_as_typed(model, test_part):
    with pytest.raises(ValueError, match=r"but 50 was passed. Did you mean 0.5\?"):
        rates_by_threshold(model, test_part, thresholds=[50])
