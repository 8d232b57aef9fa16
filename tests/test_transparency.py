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
