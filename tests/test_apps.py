import ipywidgets as widgets
import pytest

from casekit.apps import CITIZENS_PER_YEAR, _app, lookup, lookup_app, threshold_app, threshold_summary
from casekit.explain import explain


def _screen(app):
    return app.children[1]


def test_lookup_is_the_explanation_of_that_citizen(model, test_part):
    citizen = test_part.iloc[7]
    assert lookup(model, test_part, citizen["citizen_id"]) == explain(model, test_part.iloc[[7]])


@pytest.mark.parametrize("row", [0, 1, 2, 50])
def test_the_lookup_app_shows_what_lookup_returns(model, test_part, row):
    app = lookup_app(model, test_part)
    citizen_id = test_part["citizen_id"].iloc[row]
    app.children[0].children[0].value = citizen_id
    shown, expected = _screen(app).value, lookup(model, test_part, citizen_id)
    assert f"probability <b>{expected.probability:.2f}</b>" in shown
    assert ("FLAGGED" in shown) == expected.flagged
    for rule in expected.rules:
        assert rule.replace("&", "&amp;") in shown


def test_the_lookup_app_asks_for_an_id_it_knows(model, test_part):
    app = lookup_app(model, test_part)
    app.children[0].children[0].value = "JC99-99999"
    assert "Type or pick a citizen id" in _screen(app).value


def test_an_unknown_id_names_some_that_exist(model, test_part):
    with pytest.raises(ValueError, match=r"`citizen_id` must be one of the ids in `citizens` \(such as \['JC"):
        lookup(model, test_part, "JC99-99999")


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8])
def test_the_threshold_app_shows_what_threshold_summary_returns(model, test_part, threshold):
    app = threshold_app(model, test_part)
    app.children[0].children[0].value = threshold
    shown, expected = _screen(app).value, threshold_summary(model, test_part, threshold)
    assert f"{expected['wrongly_flagged']:.0f} wrongly flagged" in shown
    assert f"{expected['missed']:.0f} missed" in shown
    assert f"<b>{expected['accuracy']:.1%}</b>" in shown
    assert f"<b>{expected['wrongly_flagged_per_caseworker_per_year']:.1f}</b> wrongly flagged" in shown


def test_a_higher_threshold_flags_fewer_wrongly_and_misses_more(model, test_part):
    low, high = threshold_summary(model, test_part, 0.2), threshold_summary(model, test_part, 0.8)
    assert high["wrongly_flagged"] < low["wrongly_flagged"] and high["missed"] > low["missed"]


def test_threshold_summary_counts_every_citizen_and_scales_to_a_year(model, test_part):
    summary = threshold_summary(model, test_part, 0.5, caseworkers=10, citizens_per_year=4000)
    counts = summary[["flagged_correctly", "wrongly_flagged", "missed", "left_alone_correctly"]]
    assert counts.sum() == len(test_part)
    assert summary["wrongly_flagged_per_year"] == summary["wrongly_flagged"] * 4000 / len(test_part)
    assert summary["missed_per_caseworker_per_year"] == summary["missed_per_year"] / 10
    assert CITIZENS_PER_YEAR == 2000


def test_a_threshold_in_percent_is_spotted(model, test_part):
    with pytest.raises(ValueError, match=r"`threshold` must be between 0 and 1, but 50 was passed. Did you mean 0.5\?"):
        threshold_summary(model, test_part, 50)


def test_no_caseworkers_is_refused(model, test_part):
    with pytest.raises(ValueError, match=r"`caseworkers` must be a whole number of at least 1, but 0 was passed"):
        threshold_summary(model, test_part, 0.5, caseworkers=0)


def test_errors_in_an_app_are_shown_not_swallowed():
    slider = widgets.IntSlider(value=1)

    def render(value):
        if value == 2:
            raise ValueError("two is not allowed")
        return f"value {value}"

    app = _app({"value": slider}, render)
    assert _screen(app).value == "value 1"
    slider.value = 2
    assert "Something went wrong" in _screen(app).value and "two is not allowed" in _screen(app).value


def test_apps_keep_a_fixed_size_screen(model, test_part):
    for app in (lookup_app(model, test_part), threshold_app(model, test_part)):
        assert _screen(app).layout.height and _screen(app).layout.overflow == "auto"
