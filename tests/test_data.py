import re

import pandas as pd
import pytest

from casekit.codebook import DISTRICTS, EDUCATION_LEVELS, codebook
from casekit.data import DATA_DIR, load_citizens, write_data

# Ten digits, with or without the dash after the sixth: the shape of a Danish CPR number.
CPR_SHAPE = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")
#: What data/ holds for readers (its __init__.py only makes it the installed casekit.datasets).
DATA_FILES = sorted(p for p in DATA_DIR.iterdir() if p.is_file() and not p.name.startswith("__"))


def test_regenerating_the_data_gives_the_same_bytes(tmp_path):
    for path in write_data(tmp_path):
        assert path.read_bytes() == (DATA_DIR / path.name).read_bytes(), f"{path.name} differs from data/"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_nothing_in_data_looks_like_a_cpr_number(path):
    found = CPR_SHAPE.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name} holds CPR-shaped values such as {found[:3]}"


def test_cpr_check_would_catch_a_cpr_number():
    assert CPR_SHAPE.search("JC15-00001,010190-1234,") and CPR_SHAPE.search("x 0101901234 y")
    assert not CPR_SHAPE.search("JC15-00001,2015,3.5")


@pytest.mark.parametrize("cohort, rows, years", [("pilot", 8000, [2015, 2016, 2017, 2018]), ("2019", 2000, [2019])])
def test_each_cohort_has_its_size_and_years(cohort, rows, years):
    citizens = load_citizens(cohort)
    assert len(citizens) == rows
    assert sorted(citizens["cohort_year"].unique()) == years


def test_loading_gives_ordered_categoricals_for_districts_and_education(citizens):
    assert citizens["district"].cat.ordered and list(citizens["district"].cat.categories) == DISTRICTS
    assert citizens["education"].cat.ordered and list(citizens["education"].cat.categories) == EDUCATION_LEVELS
    assert citizens["education"].isna().any()
    assert citizens["health_limitation"].dtype == bool


def test_loading_the_2019_cohort_by_number_or_string_is_the_same():
    pd.testing.assert_frame_equal(load_citizens(2019), load_citizens("2019"))


def test_codebook_file_matches_the_codebook():
    on_disk = pd.read_csv(DATA_DIR / "codebook.csv", keep_default_na=False)
    pd.testing.assert_frame_equal(on_disk, codebook(), check_dtype=False)


def test_data_readme_explains_every_file():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for path in DATA_FILES:
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, f"data/README.md does not explain {path.name}"


def test_a_wrong_cohort_names_the_allowed_ones():
    with pytest.raises(ValueError, match=r"`cohort` must be one of \['pilot', '2019'\], but '2020' was passed"):
        load_citizens(2020)


def test_a_missing_data_folder_says_how_to_recreate_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="python -m casekit.tools data"):
        load_citizens(data_dir=tmp_path)


def test_the_data_command_writes_every_file(tmp_path, capsys):
    from casekit.tools.cli import main

    main(["data", str(tmp_path)])
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(path.name for path in DATA_FILES if path.name != "README.md")
    assert f"wrote {tmp_path / 'codebook.csv'}" in capsys.readouterr().out


def test_another_world_gives_the_same_people_with_other_outcomes():
    import dataclasses

    from casekit.data import load_citizens
    from casekit.world import WORLD

    as_built = load_citizens("2019", world=WORLD)
    no_boom = load_citizens("2019", world=dataclasses.replace(WORLD, labour_market={**WORLD.labour_market, 2019: 0.0}))
    assert as_built.drop(columns="unemployed_12m").equals(no_boom.drop(columns="unemployed_12m"))
    assert no_boom["unemployed_12m"].mean() > as_built["unemployed_12m"].mean()


def test_redrawn_in_the_kits_own_world_the_cohort_is_the_shipped_one():
    from casekit.data import load_citizens
    from casekit.world import WORLD

    shipped, redrawn = load_citizens("2019"), load_citizens("2019", world=WORLD)
    assert shipped.astype(str).equals(redrawn[shipped.columns].astype(str))
    with pytest.raises(TypeError, match=r"`world` must be a casekit.World"):
        load_citizens("2019", world="2019")


def test_group_shares_counts_each_group_and_its_wilson_interval_like_scipy(citizens):
    from scipy.stats import binomtest

    from casekit.audit import group_shares

    table = group_shares(citizens, by="district")
    estate = citizens[citizens["district"] == "Lyngtoften"]
    row = table.loc["Lyngtoften"]
    assert (row["numerator"], row["denominator"]) == (estate["unemployed_12m"].sum(), len(estate))
    interval = binomtest(int(row["numerator"]), int(row["denominator"])).proportion_ci(method="wilson")
    assert (row["low"], row["high"]) == pytest.approx((interval.low, interval.high))
    assert row["shown"].endswith(f"{row['numerator']} of {row['denominator']}")
    assert table["denominator"].sum() == len(citizens)


def test_group_shares_keeps_missing_education_as_its_own_group_and_counts_primary_among_the_registered(citizens):
    from casekit.audit import NOT_REGISTERED, group_shares

    by_education = group_shares(citizens, by="education")
    assert by_education.index[-1] == NOT_REGISTERED
    assert by_education.loc[NOT_REGISTERED, "denominator"] == citizens["education"].isna().sum()
    primary = group_shares(citizens, by="origin", of="primary_school")
    assert primary["denominator"].sum() == citizens["education"].notna().sum()
    missing = group_shares(citizens, by="immigrant", of="education_missing")
    assert missing.loc["immigrant", "share"] > 2 * missing.loc["not an immigrant", "share"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "distrct"}, r"`by` must be one of \['district'"),
        ({"of": "unemployed"}, r"`of` must be one of \['unemployed_12m'"),
    ],
)
def test_group_shares_names_the_allowed_values_for_a_misspelt_argument(citizens, kwargs, message):
    from casekit.audit import group_shares

    with pytest.raises(ValueError, match=message):
        group_shares(citizens, **kwargs)


def test_with_immigrant_marks_exactly_the_two_immigrant_origins(citizens):
    from casekit.data import with_immigrant

    marked = with_immigrant(citizens)
    expected = citizens["origin"].astype(str).str.startswith("immigrant")
    assert ((marked["immigrant"] == "immigrant") == expected).all()
    assert "immigrant" not in citizens.columns
