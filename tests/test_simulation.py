import re

import ipywidgets as widgets
import matplotlib

matplotlib.use("Agg")

import pytest

from casekit.simulation import POLICIES, compare_policies, plot_history, simulate


@pytest.fixture(scope="module")
def history():
    return compare_policies(years=4)


def test_every_policy_uses_the_whole_capacity(history):
    assert (history["supported"] == 20 * 20).all()
    assert sorted(history["policy"].unique()) == sorted(POLICIES)


def test_every_policy_meets_the_same_citizens_in_year_one(history):
    first = history[history["year"] == 1]
    assert first["flagged_estate"].nunique() == 1 and first["flagged_rest"].nunique() == 1


def test_support_goes_where_the_policy_says(history):
    share = history.groupby("policy")["estate_share_supported"].mean()
    assert share["at_risk"] > share["ignore_score"] > share["likely_to_find_work"]


def test_creaming_makes_the_model_look_best_and_helping_the_at_risk_makes_it_look_worst(history):
    accuracy = history.groupby("policy")["apparent_accuracy"].mean()
    assert accuracy.idxmax() == "likely_to_find_work"
    assert accuracy.idxmin() == "at_risk"


def test_helping_those_at_risk_narrows_the_gap_and_creaming_widens_it(history):
    gap = history.groupby("policy")["gap"].mean()
    assert gap["at_risk"] < gap["ignore_score"] < gap["likely_to_find_work"]


def test_no_support_effect_means_no_difference_between_policies():
    runs = compare_policies(years=2, support_effect=0.0)
    first = runs[runs["year"] == 1]
    assert first["unemployed_estate"].nunique() == 1


def test_the_same_seed_gives_the_same_history():
    assert simulate("borderline", years=2).equals(simulate("borderline", years=2))


def test_a_progress_bar_counts_every_year_of_every_run():
    bar = widgets.IntProgress(max=2 * len(POLICIES))
    compare_policies(years=2, progress=bar)
    assert bar.value == 2 * len(POLICIES)


def test_plot_history_draws_a_line_per_policy(history):
    ax = plot_history(history, "gap")
    assert len(ax.lines) == len(POLICIES)


def test_an_unknown_policy_lists_the_policies():
    with pytest.raises(ValueError, match=r"`policy` must be one of \['at_risk', .*\], but 'random' was passed"):
        simulate("random")


def test_an_unknown_column_to_plot_lists_the_columns(history):
    with pytest.raises(ValueError, match=r"`column` must be one of \[.*'gap'.*\], but 'gapp' was passed"):
        plot_history(history, "gapp")


def test_versus_random_is_each_policys_average_minus_the_random_draws(history):
    from casekit.simulation import versus_random

    table = versus_random(history)
    averages = history.groupby("policy")["gap"].mean()
    assert "ignore_score" not in table.index
    assert table.loc["at_risk", "gap"] == pytest.approx((averages["at_risk"] - averages["ignore_score"]) * 100)
    with pytest.raises(ValueError, match=r"`history` must be the table from casekit.simulation.compare_policies"):
        versus_random(history[["year"]])


def test_scorecard_ranks_put_creaming_first_on_torbens_scorecard(history):
    from casekit.simulation import scorecard_ranks

    ranks = scorecard_ranks(history)
    share = history.groupby("policy")["found_work_if_predicted"].mean()
    assert ranks.index[0] == share.idxmax()
    assert sorted(ranks["rank on fewest unemployed"]) == [1, 2, 3, 4]


def test_an_impossible_support_effect_is_refused():
    with pytest.raises(ValueError, match=r"`support_effect` must be a number from 0 \(support does nothing\) to 10"):
        simulate(years=1, support_effect="strong")


# ---------------------------------------------------------------- what the feedback-loop app shows

from casekit.simulation import feedback_year  # noqa: E402


def test_feedback_year_is_that_year_of_the_simulation():
    year = feedback_year(2, years=2)
    history = compare_policies(years=2)
    expected = history[history["year"] == 2].set_index("policy")
    assert year["gap"].tolist() == pytest.approx(expected.loc[year.index, "gap"].tolist())


def test_a_year_outside_the_run_is_refused():
    with pytest.raises(ValueError, match=r"`year` must be a whole number from 1 to 6, but 7 was passed"):
        feedback_year(7)


def test_the_simulation_flags_at_the_threshold_it_is_given():
    at_half, strict = simulate(years=1), simulate(years=1, threshold=0.8)
    assert strict["flagged_estate"].iloc[0] < at_half["flagged_estate"].iloc[0]
    with pytest.raises(ValueError, match=r"`threshold` must be between 0 and 1, but 50 was passed"):
        simulate(years=1, threshold=50)


# ---------------------------------------------------------------- every setting is checked before the run

IMPOSSIBLE_SETTINGS = [
    ("years", 0, "a whole number"),
    ("years", 2.5, "a whole number"),
    ("years", 10**6, "a whole number from 1 to 50"),
    ("caseworkers", -3, "a whole number of at least 1"),
    ("slots_per_caseworker", 0, "a whole number of at least 1"),
    ("support_effect", float("nan"), "a number from 0"),
    ("support_effect", -0.3, "a number from 0"),
    ("support_effect", float("inf"), "a number from 0"),
    ("support_effect", True, "a number from 0"),
    ("citizens_per_year", 0, "a whole number"),
    ("citizens_per_year", 99, "a whole number from 100 to 100,000"),
    ("citizens_per_year", 10**9, "a whole number from 100 to 100,000"),
    ("threshold", float("nan"), "between 0 and 1"),
    ("threshold", -0.1, "between 0 and 1"),
    ("random_state", -1, "a whole number from 0 to 2\\*\\*32 - 1"),
    ("random_state", "seed", "a whole number from 0 to 2\\*\\*32 - 1"),
]


@pytest.mark.parametrize(("name", "wrong", "allowed"), IMPOSSIBLE_SETTINGS)
def test_an_impossible_setting_is_named_with_what_is_allowed(name, wrong, allowed):
    with pytest.raises((ValueError, TypeError), match=rf"`{name}` must be {allowed}.*{re.escape(repr(wrong))}"):
        simulate(**{name: wrong})


@pytest.mark.parametrize(
    ("settings", "name"),
    [
        ({"year": True}, "year"),
        ({"year": 0}, "year"),
        ({"year": 1, "support_effect": float("nan")}, "support_effect"),
        ({"year": 1, "support_effect": "1.5"}, "support_effect"),
        ({"year": 1, "slots_per_caseworker": -1}, "slots_per_caseworker"),
        ({"year": 1, "years": 0}, "years"),
    ],
)
def test_feedback_year_checks_its_settings_like_simulate(settings, name):
    with pytest.raises(ValueError, match=rf"`{name}` must be"):
        feedback_year(**settings)


def test_compare_policies_takes_one_policy_by_name_and_names_an_unknown_setting():
    alone = compare_policies("borderline", years=1)
    assert alone.drop(columns="policy").equals(simulate("borderline", years=1).drop(columns="policy"))
    with pytest.raises(ValueError, match=r"`settings` must be one of \['years', .*\], but 'yeras' was passed"):
        compare_policies(yeras=2)


def test_a_year_in_which_everyone_finds_work_keeps_last_years_tree():
    # Support for everyone, strong enough that nobody stays unemployed: nothing to retrain on.
    history = simulate(years=2, citizens_per_year=200, caseworkers=20, slots_per_caseworker=20, support_effect=10)
    assert (history["unemployed_overall"] == 0).all()
    from sklearn.utils import check_random_state

    from casekit import make_citizens, pilot
    from casekit.simulation import LABOUR_MARKET_YEAR

    second_seed = check_random_state(0).randint(0, 2**31 - 1, size=3)[1]  # as simulate draws its cohorts' seeds
    cohort = make_citizens(200, cohort_years=[LABOUR_MARKET_YEAR], random_state=second_seed)
    estate = (cohort["district"] == "Lyngtoften").to_numpy()
    flagged_by_the_pilot_tree = pilot().model.predict_proba(cohort)[:, 1] > 0.5
    assert history.loc[1, "flagged_estate"] == flagged_by_the_pilot_tree[estate].mean()
