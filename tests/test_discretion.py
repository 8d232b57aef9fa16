import pytest

from casekit.discretion import human_in_the_loop


def test_without_overrides_the_final_flag_is_the_models(model, test_part):
    decisions = human_in_the_loop(model, test_part, unflag_if=None, flag_if=None)
    assert (decisions["final_flag"] == (model.predict(test_part) == 1)).all()
    assert (decisions["override"] == "").all()


def test_overrides_follow_the_caseworkers_rules(model, test_part):
    decisions = human_in_the_loop(model, test_part, unflag_if="missed_meetings == 0", flag_if="health_limitation")
    lifted = decisions["override"] == "lifted"
    added = decisions["override"] == "added"
    assert (test_part.loc[lifted, "missed_meetings"] == 0).all() and decisions.loc[lifted, "model_flag"].all()
    assert test_part.loc[added, "health_limitation"].all() and not decisions.loc[added, "model_flag"].any()
    assert (decisions["final_flag"] == (decisions["model_flag"] & ~lifted) | added).all()


def test_a_broken_rule_says_which_columns_exist(model, test_part):
    with pytest.raises(
        ValueError,
        match=r"`unflag_if` must be a pandas query over the columns \['citizen_id'.*'missed_meetingz > 1' failed",
    ):
        human_in_the_loop(model, test_part, unflag_if="missed_meetingz > 1")


@pytest.mark.parametrize("rule", ["unemployed_12m == 0", "origin == 'Danish origin'"])
def test_rules_may_not_peek_at_the_outcome_or_use_origin(model, test_part, rule):
    with pytest.raises(ValueError, match=r"`flag_if` may not use \['(unemployed_12m|origin)'\]"):
        human_in_the_loop(model, test_part, flag_if=rule)


def test_compare_flags_and_override_effects_agree_with_plain_counts(model, test_part):
    from casekit.codebook import ESTATE
    from casekit.discretion import compare_flags, override_effects

    decisions = human_in_the_loop(model, test_part)
    estate = (test_part["district"] == ESTATE).to_numpy()
    found_work = (test_part["unemployed_12m"] == 0).to_numpy()
    final = decisions["final_flag"].to_numpy()
    table = compare_flags(decisions, test_part)
    fp, n = (final & estate & found_work).sum(), (estate & found_work).sum()
    assert table.loc[("final flag", ESTATE), "false_positive_rate"].endswith(f"{fp} of {n}")
    effects = override_effects(decisions, test_part)
    assert effects.to_numpy().sum() == (decisions["override"] != "").sum()
    wrong_before = decisions["model_flag"].to_numpy() != ~found_work
    lifted = (decisions["override"] == "lifted").to_numpy()
    assert effects.loc[("lifted", ESTATE), "helped: undid a wrong flag"] == (lifted & estate & wrong_before).sum()
    with pytest.raises(ValueError, match="same `citizens`"):
        compare_flags(decisions, test_part.iloc[:10])
