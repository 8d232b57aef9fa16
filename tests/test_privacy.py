import re

import pandas as pd
import pytest

from casekit.privacy import (
    generalise,
    group_sizes,
    k_anonymity,
    leaked_spreadsheet,
    pseudonymise,
    reverse_hashes,
    uniqueness,
    unkeyed_hash,
)


@pytest.fixture(scope="module")
def sheet():
    return leaked_spreadsheet()


def test_the_leaked_sheet_is_synthetic_and_holds_no_cpr_numbers(sheet):
    assert len(sheet) == 20_000
    text = sheet.to_csv(index=False)
    assert not re.search(r"(?<!\d)\d{6}-?\d{4}(?!\d)", text)
    ages = (pd.Timestamp("2019-04-01") - pd.to_datetime(sheet["birth_date"])).dt.days // 365.25
    assert (ages - sheet["age"]).abs().max() <= 1


def test_a_birth_date_picks_out_almost_everyone_and_an_age_far_fewer(sheet):
    assert uniqueness(sheet) > 0.9
    assert uniqueness(sheet.drop(columns="birth_date")) < 0.05


def test_group_sizes_and_k_agree_with_a_plain_count():
    frame = pd.DataFrame({"age": [30, 30, 30, 41], "gender": ["f", "f", "m", "m"]})
    assert group_sizes(frame).tolist() == [2, 2, 1, 1]
    assert k_anonymity(frame) == 1 and uniqueness(frame) == 0.5


def test_generalising_never_makes_anyone_easier_to_find(sheet):
    coarse = [generalise(sheet, age_width=w, merge_districts=m) for w, m in [(1, False), (5, False), (10, True)]]
    shares = [uniqueness(frame) for frame in coarse]
    assert shares == sorted(shares, reverse=True) and shares[-1] < shares[0]
    assert "birth_date" not in coarse[0]
    assert set(coarse[-1]["district"]) == {"the municipality"}


def test_age_bands_keep_ages_in_their_band():
    banded = generalise(pd.DataFrame({"age": list(range(18, 65))}), age_width=10)
    assert banded["age"].tolist()[:10] == [22] * 10
    assert (banded["age"] - pd.Series(range(18, 65))).abs().max() <= 9


def test_an_unkeyed_hash_is_reversed_by_trying_every_id():
    secret = ["JC16-01234", "JC16-00007"]
    found = reverse_hashes(unkeyed_hash(secret), [f"JC16-{n:05d}" for n in range(100_000)])
    assert sorted(found.values()) == sorted(secret)


def test_a_keyed_hash_cannot_be_reversed_without_the_key():
    pseudonyms = pseudonymise(["JC16-01234"], key=b"kept in the vault")
    assert reverse_hashes(pseudonyms, [f"JC16-{n:05d}" for n in range(100_000)]) == {}
    assert pseudonymise(["JC16-01234"], key=b"kept in the vault") == pseudonyms


def test_a_short_key_is_refused_without_showing_it():
    with pytest.raises(
        ValueError, match=r"`key` must be secret bytes of at least 6 bytes.*but a key of 3 bytes"
    ) as error:
        pseudonymise(["x"], key=b"abc")
    assert "abc" not in str(error.value)


def test_a_missing_quasi_identifier_is_named(sheet):
    with pytest.raises(ValueError, match=r"`frame` has no column 'postcode'"):
        uniqueness(sheet, ["postcode", "age"])


# ---------------------------------------------------------------- the summaries notebook 09 shows

from casekit.privacy import cost_of_privacy, generalisation_risk, leaked_flags, risk_summary  # noqa: E402


def test_risk_summary_agrees_with_the_single_measures(sheet):
    qi = ["age", "gender", "district", "household"]
    summary = risk_summary(sheet, qi)
    assert summary["k"] == k_anonymity(sheet, qi)
    assert summary["unique rows"] == round(uniqueness(sheet, qi) * len(sheet))
    assert summary["rows in groups < 5"] == (group_sizes(sheet, qi) < 5).sum()
    with pytest.raises(ValueError, match="has no column 'benfit_type'.*benefit_type"):
        risk_summary(sheet, ["age", "benfit_type"])


def test_wider_bands_and_merged_districts_never_make_more_rows_unique(sheet):
    table = generalisation_risk(sheet, age_widths=[1, 10])
    assert table.loc[(10, False), "unique rows"] <= table.loc[(1, False), "unique rows"]
    assert table.loc[(1, True), "unique rows"] <= table.loc[(1, False), "unique rows"]
    with pytest.raises(ValueError, match="`age_widths` must be a list"):
        generalisation_risk(sheet, age_widths=10)


def test_cost_of_privacy_shows_each_rate_with_its_count(split):
    train, test = split
    table = cost_of_privacy(train, test, age_width=20)
    assert table.index.tolist() == [
        "pilot tree",
        "ages in 20-year bands",
        "without district",
        "ages in 20-year bands, no district",
    ]
    assert table.loc["pilot tree", "false-positive rate, estate"] == "25 % (17–36 %), 19 of 75"
    assert table.loc["pilot tree", "accuracy"].startswith("88.7%")


def test_leaked_flags_count_as_a_plain_groupby_does(model, test_part):
    qi = ["age", "gender", "district", "household"]
    table = leaked_flags(model, test_part, qi)
    flagged = model.predict(test_part) == 1
    unique = flagged & (group_sizes(test_part, qi) == 1).to_numpy()
    assert table.loc["all", "flagged"] == flagged.sum()
    assert table.loc["all", "unique"] == unique.sum()
    assert table.loc["all", "unique_wrongly_flagged"] == (unique & (test_part["unemployed_12m"] == 0).to_numpy()).sum()
    assert table.loc["Lyngtoften", "unique"] + table.loc["rest of the municipality", "unique"] == unique.sum()
    assert leaked_flags(model, test_part, qi, age_width=10).loc["all", "unique"] < unique.sum()
    with pytest.raises(TypeError, match="swap"):
        leaked_flags(test_part, model)


# ---------------------------------------------------------------- one id, many ids, no quasi-identifiers


def test_a_single_id_is_hashed_as_one_id_not_letter_by_letter():
    one = "JC15-00001"
    assert unkeyed_hash(one) == unkeyed_hash([one])[0] and isinstance(unkeyed_hash(one), str)
    assert pseudonymise(one, key=b"kept in the vault") == pseudonymise([one], key=b"kept in the vault")[0]
    assert reverse_hashes(unkeyed_hash(one), [one, "JC15-00002"]) == {unkeyed_hash(one): one}


def test_a_series_of_ids_is_hashed_like_a_list():
    ids = ["JC15-00001", "JC15-00002", "JC15-00003"]
    assert unkeyed_hash(pd.Series(ids)) == unkeyed_hash(ids) and len(set(unkeyed_hash(ids))) == len(ids)
    assert pseudonymise(pd.Series(ids), key=b"kept in the vault") == pseudonymise(ids, key=b"kept in the vault")


@pytest.mark.parametrize("wrong", [None, pd.DataFrame({"citizen_id": ["JC15-00001"]})])
def test_ids_that_are_not_ids_are_refused(wrong):
    with pytest.raises(TypeError, match=r"`values` must be one id or a list \(or pandas Series\) of ids.*but a"):
        unkeyed_hash(wrong)


def test_a_frame_with_no_quasi_identifiers_says_which_it_looked_for():
    frame = pd.DataFrame({"unemployed_12m": [0, 1]})
    with pytest.raises(ValueError, match=r"`frame` has none of the quasi-identifiers \[.*\['unemployed_12m'\]"):
        group_sizes(frame)
    with pytest.raises(ValueError, match=r"`quasi_identifiers` must be a non-empty list.*but \[\] was passed"):
        k_anonymity(frame, [])


def test_one_quasi_identifier_may_be_named_alone():
    frame = pd.DataFrame({"age": [30, 30, 41], "gender": ["f", "m", "m"]})
    assert group_sizes(frame, "age").tolist() == group_sizes(frame, ["age"]).tolist() == [2, 2, 1]
