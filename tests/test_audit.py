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
    with pytest.raises(ValueError, match=r"`y_pred` must contain only 0 and 1.*pass labels \(model.predict\), not model.predict_proba"):
        group_metrics(test_part["unemployed_12m"], model.predict_proba(test_part)[:, 1],
                      sensitive_features=test_part["district"])


def test_a_misspelt_group_column_lists_the_columns(model, test_part):
    with pytest.raises(ValueError, match=r"`by` must be one of the columns \[.*'age_band', 'estate'\], but 'distrct'"):
        audit(model, test_part, by="distrct")


def test_lengths_that_differ_are_reported(test_part):
    with pytest.raises(ValueError, match=r"`y_true` has 2000, `y_pred` has 3"):
        group_metrics(test_part["unemployed_12m"], [0, 1, 1], sensitive_features=test_part["district"])


def test_a_whole_frame_as_labels_is_refused(test_part):
    with pytest.raises(TypeError, match=r"`y_true` must be a 1-D sequence of 0/1 labels, but a DataFrame"):
        group_metrics(test_part, [0, 1], sensitive_features=test_part["district"])
