import pkgutil
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

import casekit
from casekit.model import SPLIT_SEED, TEST_SIZE, TREE_PARAMS, evaluate, make_pilot_tree, split_pilot, train_pilot_tree


def test_the_pilot_tree_scores_the_cases_88_7_percent(model, test_part):
    assert round(evaluate(model, test_part).accuracy * 100, 1) == 88.7


def test_a_student_with_plain_scikit_learn_gets_the_same_accuracy(citizens, model, test_part):
    """The documented recipe in casekit.model, written out without casekit."""
    train, test = train_test_split(
        citizens, test_size=TEST_SIZE, stratify=citizens["unemployed_12m"], random_state=SPLIT_SEED
    )
    X_train = pd.get_dummies(train[["district", "gender"]], drop_first=False).drop(columns="gender_female")
    X_test = pd.get_dummies(test[["district", "gender"]], drop_first=False).drop(columns="gender_female")
    for X, part in ((X_train, train), (X_test, test)):
        X["age"] = part["age"]
        X["years_employed_5y"] = part["years_employed_5y"]
        X["education"] = part["education"].cat.codes.replace(-1, np.nan)
    tree = DecisionTreeClassifier(**TREE_PARAMS).fit(X_train, train["unemployed_12m"])
    by_hand = (tree.predict(X_test) == test["unemployed_12m"]).mean()
    assert by_hand == evaluate(model, test_part).accuracy


def test_the_split_is_stratified_and_always_the_same(citizens):
    train, test = split_pilot(citizens)
    again_train, _ = split_pilot(citizens)
    assert train.index.equals(again_train.index)
    assert len(test) == 2000
    assert abs(train["unemployed_12m"].mean() - test["unemployed_12m"].mean()) < 0.005


def test_evaluation_reports_interval_baseline_and_confusion_matrix(model, test_part):
    result = evaluate(model, test_part)
    share = test_part["unemployed_12m"].mean()
    assert result.baseline == pytest.approx(max(share, 1 - share))
    assert result.ci_low < result.accuracy < result.ci_high
    assert 0.02 < result.ci_high - result.ci_low < 0.04
    matrix = result.confusion.to_numpy()
    assert matrix.sum() == len(test_part)
    assert np.trace(matrix) / matrix.sum() == pytest.approx(result.accuracy)
    assert matrix[0, 1] == ((model.predict(test_part) == 1) & (test_part["unemployed_12m"] == 0)).sum()
    assert "88.7%" in str(result) and "95% CI" in str(result)


def test_the_tree_splits_on_district(model):
    names = model[:-1].get_feature_names_out()
    used = names[model[-1].tree_.feature[model[-1].tree_.feature >= 0]]
    assert any(name.startswith("district_") for name in used)


def test_the_tree_never_sees_origin(model, test_part):
    assert not any(name.startswith("origin") for name in model[:-1].get_feature_names_out())
    scrambled = test_part.assign(origin=test_part["origin"].sample(frac=1, random_state=0).to_numpy())
    assert (model.predict(scrambled) == model.predict(test_part)).all()


def test_the_pilot_tree_does_at_least_5_points_worse_on_2019_as_data_readme_says(model, test_part, cohort_2019):
    assert evaluate(model, cohort_2019).accuracy <= evaluate(model, test_part).accuracy - 0.05


def test_other_features_can_be_chosen(split):
    train, test = split
    model = train_pilot_tree(train, features=["education", "years_employed_5y", "benefit_type", "health_limitation"])
    assert list(model[:-1].get_feature_names_out()) == [
        "benefit_type_dagpenge",
        "benefit_type_kontanthjælp",
        "benefit_type_uddannelseshjælp",
        "health_limitation_True",
        "education",
        "years_employed_5y",
    ]
    assert 0.5 < evaluate(model, test).accuracy < 1


def test_splitting_a_model_instead_of_data_says_so(model):
    with pytest.raises(TypeError, match=r"`citizens` must be a pandas DataFrame .* It looks like a model was passed"):
        split_pilot(model)


def test_swapped_arguments_to_evaluate_are_spotted(model, test_part):
    with pytest.raises(TypeError, match=r"`model` must be a fitted model .* Did you swap `model` and `citizens`\?"):
        evaluate(test_part, model)


def test_a_misspelt_feature_lists_the_allowed_ones(split):
    with pytest.raises(
        ValueError, match=r"`features` must be a non-empty list drawn from \[.*'district'.*\], but \['distrct'\]"
    ):
        train_pilot_tree(split[0], features=["distrct"])


def test_a_single_feature_name_must_be_given_as_a_list():
    with pytest.raises(ValueError, match=r"`features` must be a non-empty list .* but 'age' was passed"):
        make_pilot_tree("age")


def test_a_frame_without_the_target_names_it(split):
    with pytest.raises(ValueError, match=r"`citizens` has no column 'unemployed_12m'.*the columns it has are"):
        train_pilot_tree(split[0].drop(columns="unemployed_12m"))


def test_a_dropped_feature_column_is_named(split):
    with pytest.raises(ValueError, match=r"`citizens` has no column 'district'"):
        train_pilot_tree(split[0].drop(columns="district"))


def test_an_empty_frame_is_refused(citizens):
    with pytest.raises(ValueError, match=r"`citizens` must have at least 8 row\(s\), but it has 0"):
        split_pilot(citizens.iloc[:0])


def test_the_package_exports_what_the_notebooks_use():
    used = set()
    for path in (Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"):
        used |= set(re.findall(r"\bcasekit\.([A-Za-z_]\w*)\b(?!\.)", path.read_text(encoding="utf-8")))
    modules = {module.name for module in pkgutil.iter_modules(casekit.__path__)}
    assert sorted(used - set(casekit.__all__) - modules) == []
    assert len(set(casekit.__all__)) == len(casekit.__all__)


# ---------------------------------------------------------------- the recipe in words (data/README.md)

from casekit.data import DATA_DIR  # noqa: E402

README = DATA_DIR / "README.md"


def _recipe_code():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Reproducing 88.7 %") :]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


def test_the_recipe_in_data_readme_gives_88_7_percent_with_pandas_and_scikit_learn_only(monkeypatch, capsys):
    """A student's route: the CSV, pandas and scikit-learn, every number taken from the prose."""
    code = _recipe_code()
    assert "casekit" not in code, "the recipe must not need casekit"
    monkeypatch.chdir(DATA_DIR)
    namespace = {}
    exec(compile(code, str(README), "exec"), namespace)
    assert round(100 * namespace["accuracy"], 1) == 88.7
    assert capsys.readouterr().out.strip().startswith("88.7%")


def test_the_recipe_in_data_readme_states_the_numbers_casekit_uses():
    text = README.read_text(encoding="utf-8")
    code = _recipe_code()
    assert f"test_size={TEST_SIZE}" in code and f"random_state={SPLIT_SEED}" in code
    tree = re.search(r"DecisionTreeClassifier\((.*?)\)", code).group(1)
    assert dict(re.findall(r"(\w+)=(\w+)", tree)) == {key: str(value) for key, value in TREE_PARAMS.items()}
    for words in (
        "25 %",
        "stratified on",
        "seed 2019",
        "max_depth=6",
        "min_samples_leaf=25",
        "random_state=0",
        "missing stays missing",
        "one-hot",
    ):
        assert words in text, words


def test_the_recipe_by_hand_from_the_csv_gives_88_7_percent():
    """The same numbers, typed in: no casekit loader, no casekit constants."""
    citizens = pd.read_csv(DATA_DIR / "citizens_2015_2018.csv")
    train, test = train_test_split(citizens, test_size=0.25, stratify=citizens["unemployed_12m"], random_state=2019)
    levels = ["primary school", "upper secondary", "vocational", "short higher", "medium higher", "long higher"]

    def encode(part):
        features = pd.get_dummies(part["district"], prefix="district", dtype=int)
        features["gender_male"] = (part["gender"] == "male").astype(int)
        features["education"] = part["education"].map({level: rank for rank, level in enumerate(levels)})
        return features.assign(age=part["age"], years_employed_5y=part["years_employed_5y"])

    tree = DecisionTreeClassifier(max_depth=6, min_samples_leaf=25, random_state=0)
    tree.fit(encode(train), train["unemployed_12m"])
    assert encode(test)["education"].isna().sum() > 0, "missing education stays missing"
    assert round(100 * (tree.predict(encode(test)) == test["unemployed_12m"]).mean(), 1) == 88.7


def test_accuracy_by_certainty_splits_the_test_citizens_and_adds_up_to_the_accuracy(model, test_part):
    from casekit.audit import accuracy_by_certainty

    table = accuracy_by_certainty(model, test_part)
    assert table["denominator"].sum() == len(test_part)
    assert table["numerator"].sum() / len(test_part) == pytest.approx(evaluate(model, test_part).accuracy)
    assert table["share"].iloc[-1] > 0.95 > 0.7 > table["share"].iloc[0]
    assert (table["low"] <= table["share"]).all() and (table["share"] <= table["high"]).all()


@pytest.mark.parametrize("bands", [[0.5, 95], [0.6, 1.0], "0.5, 1", [0.5, 0.9, 0.7, 1.0]])
def test_accuracy_by_certainty_says_what_bands_are_allowed(model, test_part, bands):
    from casekit.audit import accuracy_by_certainty

    with pytest.raises(ValueError, match="`bands` must be increasing numbers from 0.5 to 1"):
        accuracy_by_certainty(model, test_part, bands=bands)


def test_compare_cohorts_shows_each_cohorts_rates_as_audit_intervals_does(model, test_part, cohort_2019):
    from casekit.audit import audit_intervals, compare_cohorts

    table = compare_cohorts(model, {"pilot test": test_part, "2019": cohort_2019}, by="estate")
    expected = audit_intervals(model, cohort_2019, by="estate").loc[("Lyngtoften", "false_positive_rate"), "shown"]
    assert table.loc[("2019", "Lyngtoften"), "false_positive_rate"] == expected
    whole = compare_cohorts(model, {"pilot test": test_part, "2019": cohort_2019}, metrics=["accuracy"])
    assert whole.index.tolist() == ["pilot test", "2019"]
    assert whole.loc["pilot test", "accuracy"].startswith("89 %") and whole.loc["pilot test", "accuracy"].endswith(
        "of 2000"
    )
    by_immigrant = compare_cohorts(model, {"2019": cohort_2019}, by="immigrant", metrics="false_positive_rate")
    assert by_immigrant.index.get_level_values("immigrant").tolist() == ["immigrant", "not an immigrant"]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"cohorts": []}, TypeError, "`cohorts` must be a dict"),
        ({"by": "distrct"}, ValueError, "`by` must be one of the columns"),
        ({"metrics": ["fpr"]}, ValueError, r"`metrics` must be one of \['base_rate'"),
    ],
)
def test_compare_cohorts_explains_a_wrong_argument(model, test_part, kwargs, error, message):
    from casekit.audit import compare_cohorts

    arguments = {"cohorts": {"pilot test": test_part}, **kwargs}
    with pytest.raises(error, match=message):
        compare_cohorts(model, **arguments)
