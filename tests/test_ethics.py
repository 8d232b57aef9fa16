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
    with pytest.raises(ValueError, match=r"`source` must be one of \['Gladsaxe', 'KL', 'Ministry'\], but 'EU' was passed"):
        principles("EU")


def test_the_ministry_names_profiling_of_the_unemployed():
    ministry = principles("Ministry")
    assert ministry["in_plain_words"].str.contains("profiling of the unemployed").any()
    assert ministry["question"].str.contains("unemployed citizens are profiled").any()
    assert "profiling of the unemployed" in MINISTRY_SCOPE and "profiling" in SOURCES["Ministry"]
