from casekit.model import evaluate
from casekit.transparency import citizen_letter, model_card


def test_the_letter_states_the_citizens_own_estimate_and_reasons(model, test_part):
    citizen = test_part.iloc[[1]]
    letter = citizen_letter(model, citizen)
    probability = model.predict_proba(citizen)[0, 1]
    assert f"about **{round(probability * 100)} in 100**" in letter
    assert ("marks you as **at risk" in letter) == bool(model.predict(citizen)[0])
    assert "district is" in letter and "not a decision" in letter and "aktindsigt" in letter


def test_the_letter_names_what_the_model_did_not_see(model, test_part):
    letter = citizen_letter(model, test_part.iloc[0])
    assert "your health" in letter and "missed meetings" in letter and "your age" not in letter


def test_the_model_card_reports_computed_figures(model, split, cohort_2019):
    train, test = split
    card = model_card(model, train, test, later=cohort_2019)
    assert str(evaluate(model, test)) in card and str(evaluate(model, cohort_2019)) in card
    assert f"Trained on {len(train)} synthetic citizens" in card
    assert "Facts it may use but never asks about: gender." in card
    assert "| Lyngtoften | 352 |" in card
    assert "does not see: health_limitation" in card


def test_letter_candidates_are_flagged_estate_residents_whose_reasons_include_their_district(model, test_part):
    import pytest

    from casekit.explain import facts_used
    from casekit.transparency import letter_candidates

    found = letter_candidates(model, test_part)
    used = facts_used(model, found)
    assert (model.predict(found) == 1).all() and found["district"].eq("Lyngtoften").all() and used["district"].all()
    assert found["found_work"].tolist() == found["unemployed_12m"].eq(0).tolist()
    both = (found["found_work"] & found["address_decides"]).tolist()
    assert both == sorted(both, reverse=True), "the hardest letters first"
    with pytest.raises(ValueError, match="`district` must be one of"):
        letter_candidates(model, test_part, district="Lyngtofte")


def test_the_letter_says_how_many_similar_citizens_the_estimate_rests_on(model, test_part):
    from casekit.explain import explain

    explanation = explain(model, test_part.iloc[[1]])
    letter = citizen_letter(model, test_part.iloc[[1]])
    assert f"Of the {explanation.leaf_size} earlier citizens" in letter
    assert f"{explanation.leaf_unemployed} were still" in letter
