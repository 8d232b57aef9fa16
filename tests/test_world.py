import dataclasses

import numpy as np
import pandas as pd
import pytest

import casekit
from casekit.audit import audit
from casekit.codebook import COLUMNS, DISTRICTS, ESTATE, ORIGINS
from casekit.world import WORLD, generate_citizens


def test_same_seed_gives_the_same_citizens_and_another_seed_does_not():
    first = generate_citizens(300, random_state=7)
    pd.testing.assert_frame_equal(first, generate_citizens(300, random_state=7))
    assert not first.equals(generate_citizens(300, random_state=8))


def test_columns_follow_the_codebook():
    assert list(generate_citizens(50, random_state=0).columns) == COLUMNS


def test_values_stay_in_their_documented_ranges():
    people = generate_citizens(20_000, random_state=1)
    assert people["age"].between(18, 64).all()
    assert people["years_employed_5y"].between(0, 5).all()
    assert (people["years_employed_5y"] <= np.clip(people["age"] - 17, 0, 5)).all()
    assert people["months_unemployed"].between(1, 36).all()
    assert people["missed_meetings"].ge(0).all()
    young_unskilled = people.query("benefit_type == 'uddannelseshjælp'")
    assert young_unskilled["age"].lt(30).all()


def test_ids_are_pseudonyms_numbered_within_each_cohort():
    people = generate_citizens(40, cohort_years=[2016, 2017], random_state=0)
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


def test_without_structural_differences_the_estate_is_not_flagged_more():
    """The estate's disparity comes from who lives there and how employers treat them, not from a rule."""
    equal = dataclasses.replace(
        WORLD,
        non_western_share=dict.fromkeys(DISTRICTS, 0.12),
        district_education=dict.fromkeys(DISTRICTS, 0.0),
        origin_education=dict.fromkeys(ORIGINS, 0.0),
        origin_penalty=dict.fromkeys(ORIGINS, 0.0),
        address_penalty={},
    )
    train, test = casekit.split_pilot(generate_citizens(40_000, world=equal, random_state=3))
    table = audit(casekit.train_pilot_tree(train), test, by="estate")
    ratio = table["false_positive_rate"].iloc[0] / table["false_positive_rate"].iloc[1]
    assert 0.67 < ratio < 1.5
    assert abs(table["base_rate"].iloc[0] - table["base_rate"].iloc[1]) < 0.05


def test_a_better_labour_market_in_2019_lowers_the_share_still_unemployed(citizens, cohort_2019):
    assert cohort_2019["unemployed_12m"].mean() < citizens["unemployed_12m"].mean() - 0.05


def test_foreign_degrees_are_registered_as_primary_school_from_2019():
    cohorts = generate_citizens(20_000, cohort_years=[2018, 2019], random_state=2)
    immigrants = cohorts[cohorts["origin"].str.startswith("immigrant") & cohorts["education"].notna()]
    primary = (immigrants["education"] == "primary school").groupby(immigrants["cohort_year"]).mean()
    assert primary[2019] > primary[2018] + 0.2


@pytest.mark.parametrize("bad, message", [
    ({"n_samples": 0}, r"`n_samples` must be a whole number of at least 1, but 0 was passed"),
    ({"n_samples": 10.5}, r"`n_samples` must be a whole number .* 10.5 was passed"),
    ({"n_samples": 10, "cohort_years": [2020]}, r"`cohort_years` must be years from \[2015, .*2019\], but \[2020\]"),
    ({"n_samples": 10, "cohort_years": []}, r"`cohort_years` must be years"),
])
def test_bad_arguments_are_named_in_the_error(bad, message):
    with pytest.raises(ValueError, match=message):
        generate_citizens(**bad)
