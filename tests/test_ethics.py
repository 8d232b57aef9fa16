import pandas as pd
import pytest

from casekit.ethics import MINISTRY_SCOPE, SOURCES, digital_stafet, principles, scorecard


def test_the_three_sources_have_five_six_and_three_principles():
    assert principles()["source"].value_counts().to_dict() == {"Gladsaxe": 5, "KL": 6, "Ministry": 3}
    for source in SOURCES:
        assert principles(source)["number"].tolist() == list(range(1, len(principles(source)) + 1))


def test_every_principle_ends_in_a_question_to_ask():
    assert principles()["question"].str.endswith("?").all()
    assert digital_stafet()["question"].str.endswith("?").all() and len(digital_stafet()) == 8


def test_gladsaxe_makes_bias_testing_mandatory():
    fairness = principles("Gladsaxe").set_index("number").loc[3]
    assert "bias" in fairness["in_plain_words"] and "tested" in fairness["in_plain_words"]


def test_the_scorecard_is_empty_with_a_row_per_principle():
    card = scorecard(["Episode 1", "Episode 9"])
    assert card.shape == (14, 2) and card.isna().all().all()


def test_an_unknown_source_lists_the_sources():
    with pytest.raises(
        ValueError, match=r"`source` must be one of \['Gladsaxe', 'KL', 'Ministry'\], but 'EU' was passed"
    ):
        principles("EU")


def test_the_ministry_names_profiling_of_the_unemployed():
    ministry = principles("Ministry")
    assert ministry["in_plain_words"].str.contains("profiling of the unemployed").any()
    assert ministry["question"].str.contains("unemployed citizens are profiled").any()
    assert "profiling of the unemployed" in MINISTRY_SCOPE and "profiling" in SOURCES["Ministry"]


def test_score_totals_adds_up_a_part_and_counts_the_ignored_principles():
    from casekit.ethics import score_totals

    card = scorecard(["Episode 1", "Episode 9"])
    card["Episode 1"] = [0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    totals = score_totals(card)
    assert totals.loc["Episode 1", ["cells_scored", "score", "of_possible", "ignored"]].tolist() == [14, 2, 28, 12]
    assert totals.loc["Episode 9", "cells_scored"] == 0 and pd.isna(totals.loc["Episode 9", "share"])


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda card: card.__setitem__("Episode4", 1),
            r"columns must be parts of the case .* but 'Episode4' was found",
        ),
        (lambda card: card.__setitem__("Episode 1", 3), r"cells must be 0, 1 or 2 \(or empty\), but 3 was found"),
    ],
)
def test_score_totals_names_what_is_wrong_with_a_card(edit, message):
    from casekit.ethics import score_totals

    card = scorecard(["Episode 1"])
    edit(card)
    with pytest.raises(ValueError, match=message):
        score_totals(card)


def test_a_misspelt_principle_lists_the_principles():
    from casekit.ethics import score_totals

    card = scorecard(["Episode 1"])
    card.loc[("KL", "relevanse"), "Episode 1"] = 1
    with pytest.raises(ValueError, match=r"\('KL', 'relevanse'\) is not a principle; the principles are"):
        score_totals(card)


def test_the_scorecard_heat_map_has_a_row_per_principle():
    from casekit.ethics import plot_scorecard

    ax = plot_scorecard(scorecard(["Episode 1"]))
    assert len(ax.get_yticklabels()) == 14 and ax.get_xticklabels()[0].get_text() == "Episode 1"


def test_ams_groups_cut_the_chance_of_work_at_the_two_thresholds(model, test_part):
    from casekit.ethics import ams_groups

    p_work = 1 - model.predict_proba(test_part)[:, 1]
    groups = ams_groups(model, test_part, high=0.66, low=0.25)
    assert (groups == "high").sum() == (p_work > 0.66).sum()
    assert (groups == "low").sum() == (p_work < 0.25).sum()
    assert groups.cat.categories.tolist() == ["high", "middle", "low"] and groups.index.equals(test_part.index)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (dict(high=66), r"`high` must be between 0 and 1, but 66 was passed. Did you mean 0.66\?"),
        (dict(high=0.25, low=0.66), r"`low` must be below `high`, but low=0.66 and high=0.25 were passed"),
    ],
)
def test_ams_groups_explains_wrong_thresholds(model, test_part, options, message):
    from casekit.ethics import ams_groups

    with pytest.raises(ValueError, match=message):
        ams_groups(model, test_part, **options)


def test_ams_group_shares_counts_the_estates_citizens_who_found_work_in_the_low_group(model, test_part):
    from casekit.ethics import ams_group_shares, ams_groups

    groups = ams_groups(model, test_part)
    table = ams_group_shares(test_part, groups, by="estate", found_work=True)
    in_estate = test_part["district"].eq("Lyngtoften") & test_part["unemployed_12m"].eq(0)
    low = int((groups[in_estate] == "low").sum())
    assert table.loc["Lyngtoften", "citizens"] == in_estate.sum()
    assert table.loc["Lyngtoften", "low"].endswith(f"{low} of {in_estate.sum()}")
    with pytest.raises(ValueError, match=r"`by` must be one of the columns .* but 'distrct' was passed"):
        ams_group_shares(test_part, groups, by="distrct")
