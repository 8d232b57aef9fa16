import dataclasses

import numpy as np
import pandas as pd
import pytest

from casekit.codebook import COLUMNS, DISTRICTS, ESTATE
from casekit.world import MECHANISMS, WORLD, World, describe_mechanisms, describe_world, make_citizens


def test_same_seed_gives_the_same_citizens_and_another_seed_does_not():
    first = make_citizens(300, random_state=7)
    pd.testing.assert_frame_equal(first, make_citizens(300, random_state=7))
    assert not first.equals(make_citizens(300, random_state=8))


def test_columns_follow_the_codebook():
    assert list(make_citizens(50, random_state=0).columns) == COLUMNS


def test_values_stay_in_their_documented_ranges():
    people = make_citizens(20_000, random_state=1)
    assert people["age"].between(18, 64).all()
    assert people["years_employed_5y"].between(0, 5).all()
    assert (people["years_employed_5y"] <= np.clip(people["age"] - 17, 0, 5)).all()
    assert people["months_unemployed"].between(1, 36).all()
    assert people["missed_meetings"].ge(0).all()
    young_unskilled = people.query("benefit_type == 'uddannelseshjælp'")
    assert young_unskilled["age"].lt(30).all()


def test_ids_are_pseudonyms_numbered_within_each_cohort():
    people = make_citizens(40, cohort_years=[2016, 2017], random_state=0)
    assert people["citizen_id"].str.fullmatch(r"JC1[67]-\d{5}").all()
    assert people["citizen_id"].is_unique
    assert people["citizen_id"].iloc[0] == "JC16-00001"
    assert people["citizen_id"].iloc[20] == "JC17-00001"


def test_the_estate_concentrates_non_western_origin_short_education_and_social_assistance(citizens):
    in_estate = citizens["district"] == ESTATE
    non_western = citizens["origin"].isin(["immigrant, non-western", "descendant, non-western"])
    primary = citizens["education"] == "primary school"
    social = citizens["benefit_type"] == "kontanthjælp"
    for trait in (non_western, primary, social):
        assert trait[in_estate].mean() > 1.5 * trait[~in_estate].mean()


def test_education_is_missing_for_a_few_per_cent_and_more_often_in_2019(citizens, cohort_2019):
    missing = citizens["education"].isna().mean()
    assert 0.01 < missing < 0.06
    assert cohort_2019["education"].isna().mean() > 1.5 * missing


@pytest.mark.parametrize("mechanism", list(MECHANISMS))
def test_switching_a_mechanism_off_changes_its_parameter_and_nothing_else(mechanism):
    _, parameter, _ = MECHANISMS[mechanism]
    changed = WORLD.without(mechanism)
    assert changed is not WORLD and isinstance(changed, World)
    assert getattr(changed, parameter) != getattr(WORLD, parameter)
    for other in dataclasses.fields(World):
        if other.name != parameter:
            assert getattr(changed, other.name) == getattr(WORLD, other.name), other.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        changed.noise_scale = 1.0


@pytest.mark.parametrize("parameter", ["non_western_share", "district_education"])
def test_equal_districts_keep_the_municipal_average(parameter):
    mechanism = next(name for name, (_, p, _) in MECHANISMS.items() if p == parameter)
    before, after = getattr(WORLD, parameter), getattr(WORLD.without(mechanism), parameter)
    shares = WORLD.district_shares
    assert len(set(after.values())) == 1
    assert sum(shares[d] * after[d] for d in DISTRICTS) == pytest.approx(sum(shares[d] * before[d] for d in DISTRICTS))


def test_effects_switched_off_become_zero():
    equal = WORLD.without("origin_penalty", "origin_schooling", "origin_work_history", "origin_insurance")
    for parameter in ("origin_penalty", "origin_education", "origin_work_history", "origin_insurance"):
        assert set(getattr(equal, parameter).values()) == {0.0}
    assert WORLD.without("address_penalty").address_penalty == {}
    assert WORLD.without() == WORLD


def test_with_every_mechanism_off_the_estate_is_like_the_rest():
    """Nothing but the parameters of MECHANISMS sets the estate apart (the decomposition is in test_worlds.py)."""
    people = make_citizens(40_000, world=WORLD.without(*MECHANISMS), random_state=3)
    in_estate = people["district"] == ESTATE
    for trait in (
        people["unemployed_12m"],
        people["education"] == "primary school",
        people["origin"] == "immigrant, non-western",
        people["benefit_type"] == "kontanthjælp",
    ):
        assert abs(trait[in_estate].mean() - trait[~in_estate].mean()) < 0.03


def test_describe_mechanisms_says_what_each_switch_changes():
    table = describe_mechanisms()
    assert table.index.tolist() == list(MECHANISMS)
    assert table.loc["address_penalty", "switched_off"] == "(none)"
    assert table.loc["district_schooling", "now"] == describe_world().loc["district_education", "value"]


def test_an_unknown_mechanism_lists_the_mechanisms():
    with pytest.raises(
        ValueError,
        match=r"`mechanisms` must be one of \['address_penalty', .*'district_schooling'\], "
        r"but 'discrimination' was passed",
    ):
        WORLD.without("discrimination")


def test_a_better_labour_market_in_2019_lowers_the_share_still_unemployed(citizens, cohort_2019):
    assert cohort_2019["unemployed_12m"].mean() < citizens["unemployed_12m"].mean() - 0.05


def test_foreign_degrees_are_registered_as_primary_school_from_2019():
    cohorts = make_citizens(20_000, cohort_years=[2018, 2019], random_state=2)
    immigrants = cohorts[cohorts["origin"].str.startswith("immigrant") & cohorts["education"].notna()]
    primary = (immigrants["education"] == "primary school").groupby(immigrants["cohort_year"]).mean()
    assert primary[2019] > primary[2018] + 0.2


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"n_samples": 0}, r"`n_samples` must be a whole number of at least 1, but 0 was passed"),
        ({"n_samples": 10.5}, r"`n_samples` must be a whole number .* 10.5 was passed"),
        (
            {"n_samples": 10, "cohort_years": [2020]},
            r"`cohort_years` must be years from \[2015, .*2019\], but \[2020\]",
        ),
        ({"n_samples": 10, "cohort_years": []}, r"`cohort_years` must be years"),
    ],
)
def test_bad_arguments_are_named_in_the_error(bad, message):
    with pytest.raises(ValueError, match=message):
        make_citizens(**bad)


def test_world_2019_changes_only_2019_and_as_in_2018_switches_a_change_off():
    from casekit.world import AS_IN_2018, world_2019

    no_boom = world_2019(labour_market=AS_IN_2018)
    assert no_boom.labour_market == {**WORLD.labour_market, 2019: WORLD.labour_market[2018]}
    assert no_boom.education_missing == WORLD.education_missing and WORLD.labour_market[2019] == -0.9
    old_jobnet = world_2019(education_missing=AS_IN_2018, foreign_degree_unrecognised=AS_IN_2018)
    assert old_jobnet.foreign_degree_unrecognised[2019] == 0.0 and old_jobnet.education_missing[2019] == 0.03
    assert world_2019() == WORLD


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"labour_market": "as 2018"}, "`labour_market` must be a number or 'as in 2018'"),
        ({"foreign_degree_unrecognised": 30}, "`foreign_degree_unrecognised` must be a share between 0 and 1"),
        ({"education_missing": True}, "`education_missing` must be a number"),
    ],
)
def test_world_2019_explains_a_wrong_value(kwargs, message):
    from casekit.world import world_2019

    with pytest.raises(ValueError, match=message):
        world_2019(**kwargs)
