import numpy as np
import pytest

from casekit.codebook import DISTRICTS, ESTATE
from casekit.explain import explain, facts_used, flip_test


def test_the_explained_probability_and_flag_match_the_model(model, test_part):
    sample = test_part.sample(200, random_state=0)
    probabilities = model.predict_proba(sample)[:, 1]
    flags = model.predict(sample)
    for i in range(len(sample)):
        explanation = explain(model, sample.iloc[i])
        assert explanation.probability == pytest.approx(probabilities[i])
        assert explanation.flagged == bool(flags[i])


def test_rules_are_plain_words_one_per_fact(model, test_part):
    explanation = explain(model, test_part[test_part["district"] == ESTATE].iloc[[0]])
    text = str(explanation)
    assert explanation.citizen_id in text and "because" in text
    subjects = [rule.split(" is ")[0] for rule in explanation.rules]
    assert len(subjects) == len(set(subjects)), "each fact should appear once"
    assert not any("_" in rule.split(" is ")[0] for rule in explanation.rules), "no code names in the rules"


def test_a_citizen_without_registered_education_is_told_so(model, test_part):
    missing = test_part[test_part["education"].isna()]
    texts = [" ".join(explain(model, missing.iloc[i]).rules) for i in range(len(missing))]
    assert any("education is not registered on Jobnet" in text for text in texts)
    assert not any("education is primary school" in text for text in texts)


def test_a_stricter_threshold_flags_fewer(model, test_part):
    citizen = test_part.iloc[
        [int(np.argmax((model.predict_proba(test_part)[:, 1] > 0.5) & (model.predict_proba(test_part)[:, 1] < 0.9)))]
    ]
    assert explain(model, citizen).flagged
    assert not explain(model, citizen, threshold=0.95).flagged


def test_flip_test_tries_every_district_and_keeps_the_actual_one(model, test_part):
    citizen = test_part.iloc[0]
    moved = flip_test(model, citizen)
    assert moved["value"].tolist() == DISTRICTS
    actual = moved.loc[moved["value"] == citizen["district"]]
    assert actual["probability"].iloc[0] == pytest.approx(model.predict_proba(test_part.iloc[[0]])[0, 1])
    assert not actual["flag_changed"].iloc[0]


def test_moving_citizens_into_the_estate_changes_flags(model, test_part):
    outside = test_part[test_part["district"] != ESTATE]
    moved = flip_test(model, outside, values=[ESTATE])
    assert moved["flag_changed"].sum() > 0
    assert (moved.loc[moved["flag_changed"], "flagged"]).all(), "moving into the estate should only add flags"


def test_flip_test_of_a_number_needs_values(model, test_part):
    with pytest.raises(ValueError, match=r"`values` must be given for the non-categorical column 'age'"):
        flip_test(model, test_part, column="age")
    assert len(flip_test(model, test_part.head(5), column="age", values=[25, 60])) == 10


def test_a_district_that_does_not_exist_is_refused(model, test_part):
    with pytest.raises(ValueError, match=r"`values` must be drawn from \['Bymidten'.*\], but 'Gellerup' was passed"):
        flip_test(model, test_part, values=["Gellerup"])


def test_explaining_many_citizens_at_once_is_refused(model, test_part):
    with pytest.raises(
        ValueError, match=r"`citizen` must be one citizen, e.g. citizens.iloc\[0\].* 2000 rows were passed"
    ):
        explain(model, test_part)


def test_a_threshold_in_percent_is_spotted(model, test_part):
    with pytest.raises(ValueError, match=r"`threshold` must be between 0 and 1, but 50 was passed. Did you mean 0.5\?"):
        explain(model, test_part.iloc[0], threshold=50)


def test_explaining_with_something_that_is_not_the_pilot_tree(test_part):
    with pytest.raises(
        TypeError, match=r"`model` must be a fitted pilot tree from casekit.train_pilot_tree, but DataFrame"
    ):
        explain(test_part, test_part.iloc[0])


def test_facts_used_match_the_explained_rules(model, test_part):
    used = facts_used(model, test_part.iloc[:150])
    assert list(used.columns) == ["district", "gender", "education", "age", "years_employed_5y"]
    for i in range(150):
        subjects = {rule.split(" is ")[0] for rule in explain(model, test_part.iloc[[i]]).rules}
        subjects = {"years_employed_5y" if s.startswith("years employed") else s for s in subjects}
        assert subjects == set(used.columns[used.iloc[i]]), test_part["citizen_id"].iloc[i]


def test_the_pilot_tree_never_asks_about_gender(model, test_part):
    assert not facts_used(model, test_part)["gender"].any()


# ---------------------------------------------------------------- how many citizens a probability rests on

from casekit.explain import leaf_counts  # noqa: E402


def test_leaf_counts_are_the_training_citizens_in_each_leaf(model, split):
    """Recount by hand: send the training citizens down the tree and count them in each leaf."""
    train, test = split
    leaf_of_train = model[-1].apply(model[:-1].transform(train))
    recount = train.assign(leaf=leaf_of_train).groupby("leaf")["unemployed_12m"].agg(["size", "sum"])
    counts = leaf_counts(model, test)
    assert counts.index.equals(test.index)
    assert (counts["similar"].to_numpy() == recount.loc[counts["leaf"], "size"].to_numpy()).all()
    assert (counts["still_unemployed"].to_numpy() == recount.loc[counts["leaf"], "sum"].to_numpy()).all()
    assert counts["probability"].to_numpy() == pytest.approx(model.predict_proba(test)[:, 1])
    assert counts["similar"].min() >= 25


def test_a_certain_looking_probability_comes_with_its_count(model, test_part):
    counts = leaf_counts(model, test_part)
    certain = counts[counts["probability"] == 1].iloc[0]
    assert certain["still_unemployed"] == certain["similar"]
    assert certain["shown"] == (
        f"{certain['similar']:,} of {certain['similar']:,} similar citizens in the training data were still unemployed"
    )


def test_the_explanation_says_how_many_citizens_its_probability_rests_on(model, test_part):
    counts = leaf_counts(model, test_part.iloc[:30])
    for i in range(30):
        explanation = explain(model, test_part.iloc[i])
        assert (explanation.leaf_size, explanation.leaf_unemployed) == (
            counts["similar"].iloc[i],
            counts["still_unemployed"].iloc[i],
        )
        assert explanation.evidence == counts["shown"].iloc[i]
        assert explanation.evidence in str(explanation)
        assert f"(probability {explanation.probability:.2f})" in str(explanation)


def test_one_citizen_still_unemployed_is_said_in_the_singular(model, test_part):
    counts = leaf_counts(model, test_part)
    single = counts[counts["still_unemployed"] == 1]
    assert len(single) > 0
    assert single["shown"].str.endswith("similar citizens in the training data was still unemployed").all()


def test_leaf_counts_needs_the_pilot_tree(test_part):
    with pytest.raises(TypeError, match=r"`model` must be a fitted pilot tree from casekit.train_pilot_tree"):
        leaf_counts(test_part, test_part)


# ------------------------------------------------- finding and moving a citizen (notebook 04, the lookup app)

from casekit.explain import closest_citizen, lookup, move  # noqa: E402
from casekit.model import encoded_features  # noqa: E402


def test_lookup_is_the_explanation_of_that_citizen(model, test_part):
    citizen = test_part.iloc[7]
    assert lookup(model, test_part, citizen["citizen_id"]) == explain(model, test_part.iloc[[7]])


def test_an_unknown_id_names_some_that_exist(model, test_part):
    with pytest.raises(ValueError, match=r"`citizen_id` must be one of the ids in `citizens` \(such as \['JC"):
        lookup(model, test_part, "JC99-99999")


def test_closest_citizen_is_the_one_nearest_the_probability(model, test_part):
    proba = model.predict_proba(test_part)[:, 1]
    citizen = closest_citizen(model, test_part, 0.55)
    assert abs(model.predict_proba(citizen)[0, 1] - 0.55) == pytest.approx(abs(proba - 0.55).min())
    with pytest.raises(
        ValueError, match=r"`probability` must be between 0 and 1, but 55 was passed. Did you mean 0.55"
    ):
        closest_citizen(model, test_part, 55)


def test_move_changes_only_the_district_and_names_the_districts_on_a_typo(test_part):
    moved = move(test_part.head(3), "Havnen")
    assert (moved["district"] == "Havnen").all()
    assert moved.drop(columns="district").equals(test_part.head(3).drop(columns="district"))
    assert moved["district"].dtype == test_part["district"].dtype
    with pytest.raises(ValueError, match=r"`district` must be one of \['Bymidten'.*'Bymidtn' was passed"):
        move(test_part.head(1), "Bymidtn")


def test_flip_test_flags_at_the_threshold_it_is_given(model, test_part):
    at_half, at_third = flip_test(model, test_part.head(50)), flip_test(model, test_part.head(50), threshold=0.3)
    assert (at_half["flagged"] == (at_half["probability"] > 0.5)).all()
    assert (at_third["flagged"] == (at_third["probability"] > 0.3)).all()
    with pytest.raises(ValueError, match=r"`threshold` must be between 0 and 1, but 30 was passed"):
        flip_test(model, test_part.head(1), threshold=30)


def test_the_encoded_names_are_read_from_the_fitted_pipeline(model):
    sources = encoded_features(model)
    assert list(sources) == list(model[:-1].get_feature_names_out())
    assert set(sources.values()) == {"district", "gender", "education", "age", "years_employed_5y"}
