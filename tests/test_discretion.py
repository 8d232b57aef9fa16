import numpy as np
import pandas as pd
import pytest

from casekit.discretion import FLAG_IF, OFF_LIMITS, UNFLAG_IF, human_in_the_loop, visible_to_caseworker


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


# ---------------------------------------------------------------- rules cannot reach the outcome or origin

GAMING_RULES = [
    "@citizens['unemp' 'loyed_12m'] == 0",
    "@citizens[@citizens.columns[13]] == 0",
    "@citizens[@citizens.columns[-1]] == 0",
    "@citizens['orig' 'in'] == 'Danish origin'",
    "@citizens.__class__.__init__.__globals__['sys']._getframe(22).f_locals['citizens']['unemployed_12m'] == 0",
    "missed_meetings._mgr.blocks[0].values[0] == 0",
]


def _scrambled(citizens):
    """The same citizens with every outcome turned round and origin reversed: what a rule may not see."""
    return citizens.assign(
        unemployed_12m=1 - citizens["unemployed_12m"], origin=citizens["origin"].iloc[::-1].to_numpy()
    )


@pytest.mark.parametrize("rule", GAMING_RULES)
def test_a_rule_cannot_lift_flags_by_the_outcome_however_it_is_written(model, test_part, rule):
    found_work_and_flagged = (model.predict(test_part) == 1) & (test_part["unemployed_12m"] == 0).to_numpy()
    try:
        decisions = human_in_the_loop(model, test_part, unflag_if=rule, flag_if=None)
    except ValueError as error:
        assert "`unflag_if`" in str(error) and repr(rule) in str(error)
        return
    lifted = (decisions["override"] == "lifted").to_numpy()
    assert not (lifted == found_work_and_flagged).all()
    assert decisions.equals(human_in_the_loop(model, _scrambled(test_part), unflag_if=rule, flag_if=None))


@pytest.mark.parametrize(
    ("unflag_if", "flag_if"),
    [
        (UNFLAG_IF, FLAG_IF),
        ("missed_meetings == 0", "health_limitation"),
        ("district == 'Lyngtoften'", None),
        ("age > 40 and education == 'primary school'", "months_unemployed >= 12"),
        ("citizen_id.str.endswith('7')", None),
    ],
)
def test_legitimate_rules_override_exactly_whom_plain_pandas_picks(model, test_part, unflag_if, flag_if):
    decisions = human_in_the_loop(model, test_part, unflag_if=unflag_if, flag_if=flag_if)
    flagged = pd.Series(model.predict(test_part) == 1, index=test_part.index)
    lift = flagged & test_part.eval(unflag_if)
    add = ~flagged & (test_part.eval(flag_if) if flag_if else False)
    assert ((decisions["override"] == "lifted") == lift).all() and ((decisions["override"] == "added") == add).all()
    assert decisions.equals(human_in_the_loop(model, _scrambled(test_part), unflag_if=unflag_if, flag_if=flag_if))


def test_a_rule_sees_a_copy_without_the_outcome_or_origin(test_part):
    visible = visible_to_caseworker(test_part)
    assert not set(OFF_LIMITS) & set(visible.columns)
    assert list(visible.columns) == [column for column in test_part.columns if column not in OFF_LIMITS]
    assert not any(np.shares_memory(visible[c].to_numpy(), test_part[c].to_numpy()) for c in ["age", "missed_meetings"])


def test_a_rule_that_is_not_text_is_refused(model, test_part):
    with pytest.raises(TypeError, match=r"`flag_if` must be a pandas query over the columns .*, or None, but 5 was"):
        human_in_the_loop(model, test_part, flag_if=5)


def test_rows_that_share_an_index_label_are_judged_one_by_one(model, test_part):
    first = test_part.iloc[:3]
    twice = pd.concat([first.assign(missed_meetings=0), first.assign(missed_meetings=5)])  # the labels repeat
    decisions = human_in_the_loop(model, twice, unflag_if=None, flag_if="missed_meetings >= 5", threshold=1)
    assert decisions["override"].tolist() == [""] * 3 + ["added"] * 3
