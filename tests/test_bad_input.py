"""Bad input gives a kit message, never a silent wrong answer (issue 14): world, data, model, audit, explain,
thresholds and transparency.

Each refusal is checked for what a student reads: the argument named in backticks, what is allowed, and the
value that was given. Each input that should simply work (a frame read with plain ``pd.read_csv``, education
with gaps) is checked against the answer for the same citizens as the kit loads them.
"""

import dataclasses
import io
import re

import numpy as np
import pandas as pd
import pytest

import casekit
from casekit.audit import NOT_REGISTERED, audit_intervals, group_metrics, residence_audit, with_groups
from casekit.codebook import DISTRICTS, ESTATE
from casekit.data import RANGES, check_citizens, load_citizens
from casekit.explain import explain, flip_test
from casekit.model import PILOT_FEATURES, TARGET, evaluate, make_pilot_tree, train_pilot_tree
from casekit.thresholds import threshold_curve, threshold_summary
from casekit.transparency import model_card
from casekit.world import WORLD, YEARS, World, make_citizens


def _plain_csv(frame):
    """`frame` written to CSV and read back with plain pandas: strings instead of categoricals."""
    return pd.read_csv(io.StringIO(frame.to_csv()), index_col=0)


# ---------------------------------------------------------------- the world's parameters


def test_a_mistyped_district_in_a_world_is_refused_with_the_near_miss():
    with pytest.raises(ValueError) as error:
        World(address_penalty={"Lyngtofte": 0.5})
    message = str(error.value)
    assert message.startswith("`address_penalty` must have keys from")
    assert str(DISTRICTS) in message and "'Lyngtofte' was passed" in message
    assert message.endswith("Did you mean 'Lyngtoften'?")


def test_a_share_above_one_is_refused():
    shares = {**WORLD.non_western_share, ESTATE: 1.5}
    with pytest.raises(
        ValueError, match=r"`non_western_share\['Lyngtoften'\]` must be a share between 0 and 1, but 1.5"
    ):
        World(non_western_share=shares)


def test_district_shares_name_every_district_and_add_up_to_one():
    with pytest.raises(ValueError, match=r"`district_shares` must have keys from \[.*\], but 'Atlantis' was passed"):
        World(district_shares={"Atlantis": 1})
    doubled = {district: 2 * share for district, share in WORLD.district_shares.items()}
    with pytest.raises(ValueError, match=r"`district_shares` must add up to 1 .*, but they add up to 2\."):
        World(district_shares=doubled)
    partial = {ESTATE: 1.0}
    with pytest.raises(
        ValueError, match=r"`district_shares` must give a value for each one of .* none for \['Bymidten'"
    ):
        World(district_shares=partial)


#: Each dict parameter of World and the keys it may have.
DICT_PARAMETERS = {f.name: f.metadata["keys"] for f in dataclasses.fields(World) if f.metadata["keys"] is not None}


@pytest.mark.parametrize("parameter", DICT_PARAMETERS)
def test_every_dict_parameter_of_the_world_refuses_an_unknown_key(parameter):
    unknown = "2019" if DICT_PARAMETERS[parameter] == YEARS else "Atlantis"
    changed = {**getattr(WORLD, parameter), unknown: 0.0}
    with pytest.raises(ValueError, match=rf"`{parameter}` must have keys from .*, but '{unknown}' was passed"):
        World(**{parameter: changed})


@pytest.mark.parametrize("value", [float("nan"), "0.5", None, True])
def test_a_parameter_that_is_not_a_number_is_refused(value):
    with pytest.raises(
        ValueError, match=rf"`address_penalty\['Lyngtoften'\]` must be a number, but {re.escape(repr(value))}"
    ):
        World(address_penalty={ESTATE: value})


def test_a_valid_world_is_still_drawn_as_before():
    changed = dataclasses.replace(WORLD, address_penalty={ESTATE: 0.5, "Havnen": 0.2})
    assert changed.address_penalty["Havnen"] == 0.2
    pd.testing.assert_frame_equal(make_citizens(200, random_state=4), make_citizens(200, world=World(), random_state=4))


@pytest.mark.parametrize("seed", [-1, 2**32, "abc", 1.5])
def test_a_seed_numpy_cannot_use_is_refused(seed):
    with pytest.raises(
        ValueError, match=rf"`random_state` must be a whole number from 0 to 2\*\*32 - 1 .*{re.escape(repr(seed))}"
    ):
        make_citizens(10, random_state=seed)


def test_load_citizens_refuses_a_world_that_is_not_one():
    with pytest.raises(TypeError, match=r"`world` must be a casekit.World .*, but a str was passed"):
        load_citizens("2019", world="x")


# ---------------------------------------------------------------- the citizens: districts, ages, outcomes


@pytest.mark.parametrize(
    ("given", "meant"),
    [("vestbyen", "Vestbyen"), ("Vestbyen\u200b", "Vestbyen"), (" Havnen", "Havnen"), ("Lyngtofte", "Lyngtoften")],
)
def test_a_district_outside_the_codebook_is_named_with_a_suggestion(model, test_part, given, meant):
    spoiled = test_part.assign(
        district=test_part["district"].astype(str).where(test_part.index != test_part.index[0], given)
    )
    with pytest.raises(ValueError) as error:
        evaluate(model, spoiled)
    message = str(error.value)
    assert message.startswith(f"`citizens['district']` must hold only {DISTRICTS}")
    assert f"1 of its {len(test_part)} values is not, e.g. {given!r}" in message, (
        "the value, invisible characters shown"
    )
    assert message.endswith(f"Did you mean {meant!r}?")


def test_an_unknown_district_gets_no_suggestion(model, test_part):
    with pytest.raises(ValueError, match=r"e.g. 'Atlantis'\.$"):
        evaluate(model, test_part.assign(district="Atlantis"))


@pytest.mark.parametrize("age", [-40, 10**9, 17, 65])
@pytest.mark.parametrize(
    "call",
    [
        lambda model, frame: evaluate(model, frame),
        lambda model, frame: flip_test(model, frame),
        lambda model, frame: casekit.audit(model, frame, by="age_band"),
        lambda model, frame: explain(model, frame.iloc[0]),
    ],
    ids=["evaluate", "flip_test", "audit", "explain"],
)
def test_an_age_outside_the_world_is_refused_everywhere(model, test_part, age, call):
    spoiled = test_part.head(50).assign(age=age)
    with pytest.raises(ValueError, match=rf"\['age'\]` must be between 18 and 64, but .* e.g. {age}\."):
        call(model, spoiled)


def test_the_documented_ranges_are_the_codebooks():
    documented = casekit.codebook().set_index("column")["allowed_values"]
    people = make_citizens(5_000, random_state=2)
    for column, (low, high) in RANGES.items():
        assert documented[column].startswith(f"{low}-{high}" if high is not None else f"{low} or more"), column
        assert people[column].between(low, np.inf if high is None else high).all()


@pytest.mark.parametrize(
    ("outcome", "shown"), [([0, 2], "0, 2"), ([np.nan, 1], "nan, 1"), (["yes", "no"], "'yes', 'no'")]
)
def test_an_outcome_that_is_not_0_or_1_is_refused_showing_its_values(model, test_part, outcome, shown):
    spoiled = test_part.assign(unemployed_12m=np.resize(np.asarray(outcome, dtype=object), len(test_part)))
    for call in (lambda: evaluate(model, spoiled), lambda: train_pilot_tree(spoiled)):
        with pytest.raises(ValueError) as error:
            call()
        assert str(error.value).startswith(
            "`citizens['unemployed_12m']` must be 0 (found work) or 1 (still unemployed) for every citizen, "
            f"but its values are {shown}."
        )


def test_a_tree_is_not_trained_on_one_outcome(split):
    train, _ = split
    with pytest.raises(ValueError, match=r"must hold both outcomes, 0 .* and 1 .*, but all 6000 citizens have 1"):
        train_pilot_tree(train.assign(unemployed_12m=1))


def test_a_one_outcome_model_trained_elsewhere_is_refused_where_it_would_score(split):
    train, test = split
    one = make_pilot_tree().fit(train, np.ones(len(train), dtype=int))
    for call in (lambda: threshold_summary(one, test), lambda: explain(one, test.iloc[0])):
        with pytest.raises(
            ValueError, match=r"`model` must be trained on both outcomes, 0 and 1, but it knows only \[1\]"
        ):
            call()


def test_plain_text_columns_become_the_codebooks_categoricals(test_part):
    plain = _plain_csv(test_part)
    checked = check_citizens(plain)
    for column in ["district", "gender", "education"]:
        assert checked[column].dtype == test_part[column].dtype
    assert checked["education"].isna().sum() == test_part["education"].isna().sum()
    assert check_citizens(test_part) is test_part, "a frame from load_citizens passes unchanged"


# ---------------------------------------------------------------- a frame read with plain pd.read_csv simply works


def test_evaluate_and_audit_of_a_plain_csv_frame_give_the_same_numbers(model, test_part):
    plain = _plain_csv(test_part)
    assert str(evaluate(model, plain)) == str(evaluate(model, test_part))
    pd.testing.assert_frame_equal(casekit.audit(model, plain), casekit.audit(model, test_part))


def test_flip_test_and_the_residence_audit_of_a_plain_csv_frame_give_the_same_numbers(model, test_part):
    plain = _plain_csv(test_part)
    pd.testing.assert_frame_equal(flip_test(model, plain), flip_test(model, test_part), check_dtype=False)
    pd.testing.assert_frame_equal(
        residence_audit(model, plain, by="estate"), residence_audit(model, test_part, by="estate")
    )


# ---------------------------------------------------------------- audits


def test_a_group_series_in_another_order_is_matched_by_citizen(model, test_part):
    truth, flags = test_part[TARGET], pd.Series(model.predict(test_part), index=test_part.index)
    estate = casekit.audit(model, test_part, by="estate")
    shuffled = with_groups(test_part)["estate"].sample(frac=1, random_state=0)
    table = group_metrics(truth, flags, sensitive_features=shuffled)
    pd.testing.assert_frame_equal(table, estate)
    expected = ((flags == 1) & (truth == 0) & (test_part["district"] == ESTATE)).sum() / (
        (truth == 0) & (test_part["district"] == ESTATE)
    ).sum()
    assert table.loc[ESTATE, "false_positive_rate"] == pytest.approx(expected)


def test_groups_that_cannot_be_matched_to_the_citizens_are_refused(model, test_part):
    groups = test_part["district"].reset_index(drop=True)
    with pytest.raises(ValueError, match=r"`sensitive_features` must be indexed like `y_true` .* Pass plain arrays"):
        group_metrics(test_part[TARGET], model.predict(test_part), sensitive_features=groups)


def test_an_audit_by_education_counts_the_unregistered_as_a_group(model, test_part):
    table = casekit.audit(model, test_part, by="education")
    assert table.loc[NOT_REGISTERED, "count"] == test_part["education"].isna().sum()
    assert table["count"].sum() == len(test_part)
    intervals = audit_intervals(model, test_part, by="education")
    row = intervals.loc[(NOT_REGISTERED, "base_rate")]
    missing = test_part[test_part["education"].isna()]
    assert (row["numerator"], row["denominator"]) == (missing[TARGET].sum(), len(missing))
    assert row["low"] <= row["rate"] <= row["high"]


def test_repeated_ids_in_the_residence_audit_are_named(model, test_part):
    twice = pd.concat([test_part.head(5), test_part.head(5)])
    with pytest.raises(ValueError) as error:
        residence_audit(model, twice)
    assert str(error.value).startswith(
        f"`citizens['citizen_id']` must name each citizen once, but 5 of its 10 ids are repeats, "
        f"e.g. {test_part['citizen_id'].iloc[0]!r}"
    )


@pytest.mark.parametrize(
    ("numerator", "denominator", "wrong"), [(80, 75, "numerator"), (-1, 75, "numerator"), (3, 2.5, "denominator")]
)
def test_format_rate_refuses_counts_that_cannot_be(numerator, denominator, wrong):
    with pytest.raises(ValueError, match=rf"`{wrong}` must be a whole number"):
        casekit.format_rate(numerator, denominator)
    assert casekit.format_rate(19.0, 75) == casekit.format_rate(19, 75), "a whole float, as pandas gives, is a count"


# ---------------------------------------------------------------- flip test, thresholds, model card


@pytest.mark.parametrize(
    ("column", "reason"), [("gender", "the tree never asks about it"), ("origin", "the model never reads it")]
)
def test_flipping_a_column_that_decides_no_flag_is_refused(model, test_part, column, reason):
    with pytest.raises(ValueError) as error:
        flip_test(model, test_part, column=column)
    message = str(error.value)
    asked = [c for c in PILOT_FEATURES if c != "gender"]
    assert message.startswith("`column` must be one of the columns the model's flags depend on")
    assert all(repr(c) in message for c in asked) and f"but {column!r} was passed: {reason}" in message


def test_flipping_to_an_age_outside_the_world_or_to_a_bare_string_is_refused(model, test_part):
    with pytest.raises(ValueError, match=r"`values\['age'\]` must be between 18 and 64, but .* e.g. -40\."):
        flip_test(model, test_part, column="age", values=[30, -40])
    with pytest.raises(
        ValueError, match=r"`values` must be a non-empty list of values for 'district', .* 'Havnen' was passed"
    ):
        flip_test(model, test_part, values="Havnen")


@pytest.mark.parametrize(("argument", "value"), [("caseworkers", -3), ("caseworkers", 0), ("citizens_per_year", -2000)])
def test_threshold_curve_refuses_no_or_negative_people(model, test_part, argument, value):
    with pytest.raises(ValueError, match=rf"`{argument}` must be a whole number of at least 1, but {value} was passed"):
        threshold_curve(model, test_part, **{argument: value})


def test_threshold_curve_takes_one_threshold_as_one_row(model, test_part):
    curve = threshold_curve(model, test_part, thresholds=0.5)
    assert curve.index.tolist() == [0.5]
    assert curve.loc[0.5].equals(threshold_summary(model, test_part, threshold=0.5))


def test_a_threshold_above_one_gets_no_guess_in_percent(model, test_part):
    with pytest.raises(ValueError) as error:
        threshold_summary(model, test_part, threshold=1.5)
    assert str(error.value) == "`threshold` must be between 0 and 1, but 1.5 was passed."


def test_a_model_card_with_the_frames_swapped_is_refused(model, split):
    train, test = split
    with pytest.raises(
        ValueError, match=r"`test` must hold citizens the model was not trained on, but 6000 of its 6000"
    ):
        model_card(model, test, train)
    with pytest.raises(ValueError, match=r"The frames look swapped: call model_card\(model, train, test\)"):
        model_card(model, test, train)


def test_a_model_card_spots_swapped_frames_without_the_training_ids(split):
    train, test = split
    fitted = make_pilot_tree().fit(train, train[TARGET])
    with pytest.raises(ValueError, match=r"The frames look swapped"):
        model_card(fitted, test, train)
    assert "## Performance for groups" in model_card(fitted, train, test)


def test_a_model_card_refuses_a_test_that_overlaps_the_training_citizens(model, split):
    train, test = split
    mixed = pd.concat([test, train.head(10)])
    with pytest.raises(ValueError, match=rf"but 10 of its {len(mixed)} citizens are in its training data"):
        model_card(model, train, mixed)


def test_a_ratio_over_a_rate_of_nobody_gets_an_infinite_bound_not_a_missing_one(model, test_part):
    few = test_part.sample(60, random_state=3)
    table = residence_audit(model, few, by="estate")
    bounds = table[["fpr_ratio_low", "fpr_ratio_high"]].to_numpy()
    assert not np.isnan(bounds).any()
    assert (bounds[:, 0] <= bounds[:, 1]).all()
