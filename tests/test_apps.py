"""The apps show what their twins in the domain modules compute; nothing but notebooks and the workshop imports them."""

import ast
from pathlib import Path

import ipywidgets as widgets
import pytest

import casekit
from casekit.apps import _app, audit_app, feedback_app, lookup_app, threshold_app
from casekit.audit import AUDIT_RATES, format_rate, residence_audit
from casekit.explain import lookup
from casekit.model import train_pilot_tree
from casekit.simulation import feedback_year
from casekit.thresholds import threshold_summary


def _screen(app):
    return app.children[1]


@pytest.mark.parametrize("row", [0, 1, 2, 50])
def test_the_lookup_app_shows_what_lookup_returns(model, test_part, row):
    app = lookup_app(model, test_part)
    citizen_id = test_part["citizen_id"].iloc[row]
    app.children[0].children[0].value = citizen_id
    shown, expected = _screen(app).value, lookup(model, test_part, citizen_id)
    assert f"probability <b>{expected.probability:.2f}</b>" in shown
    assert f"{expected.leaf_unemployed:,} of {expected.leaf_size:,} similar citizens" in shown
    assert ("FLAGGED" in shown) == expected.flagged
    for rule in expected.rules:
        assert rule.replace("&", "&amp;") in shown


def test_the_lookup_app_asks_for_an_id_it_knows(model, test_part):
    app = lookup_app(model, test_part)
    app.children[0].children[0].value = "JC99-99999"
    assert "Type or pick a citizen id" in _screen(app).value


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8])
def test_the_threshold_app_shows_what_threshold_summary_returns(model, test_part, threshold):
    app = threshold_app(model, test_part)
    app.children[0].children[0].value = threshold
    shown, expected = _screen(app).value, threshold_summary(model, test_part, threshold=threshold)
    assert f"{expected['wrongly_flagged']:.0f} wrongly flagged" in shown
    assert f"{expected['missed']:.0f} missed" in shown
    assert f"<b>{expected['accuracy']:.1%}</b>" in shown
    assert f"<b>{expected['wrongly_flagged_per_caseworker_per_year']:.1f}</b> wrongly flagged" in shown


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


def test_the_audit_app_shows_what_residence_audit_returns(model, split, test_part):
    without = train_pilot_tree(split[0], features=["gender", "age", "years_employed_5y", "education"])
    app = audit_app({"with district": model, "without district": without}, test_part)
    by, threshold, which = app.children[0].children
    by.value, threshold.value, which.value = "origin", 0.3, "without district"
    expected = residence_audit(without, test_part, by="origin", threshold=0.3)
    shown = _screen(app).value
    for group, row in expected.iterrows():
        assert f"<b>{group}</b>" in shown
        for rate, (numerator, denominator) in AUDIT_RATES.items():
            assert format_rate(row[numerator], row[denominator]) in shown, (group, rate)
        assert f"{row['fpr_ratio']:.1f}× ({row['fpr_ratio_low']:.1f}–{row['fpr_ratio_high']:.1f})" in shown


def test_the_audit_app_shows_the_estates_rate_with_its_count_and_interval(model, test_part):
    app = audit_app({"pilot tree": model}, test_part)
    app.children[0].children[0].value = "estate"
    shown = _screen(app).value
    assert "25 % (17–36 %), 19 of 75" in shown
    assert "2.8× (1.7–4.2)" in shown


def _screen_of(app):
    return app.children[-1].value


def test_the_feedback_app_shows_what_feedback_year_returns():
    app = feedback_app(years=3)
    year = app.children[1].children[0]
    year.value = 3
    expected = feedback_year(3, years=3)
    shown = _screen_of(app)
    assert "Year 3 of the simulation." in shown
    for _, row in expected.iterrows():
        assert f"{row['gap']:.1%}" in shown and f"{row['apparent_accuracy']:.1%}" in shown


def test_the_audit_app_greys_groups_too_small_to_read(model, test_part):
    app = audit_app({"pilot tree": model}, test_part)
    app.children[0].children[0].value = "origin"
    assert "1 of 22: too few to read" in _screen(app).value


def test_no_module_of_the_package_imports_the_apps():
    package = Path(casekit.__path__[0])
    importers = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else ([alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            )
            if isinstance(node, ast.ImportFrom) and node.module == "casekit":
                names += [f"casekit.{alias.name}" for alias in node.names]
            if any(name == "casekit.apps" for name in names) and path.name != "apps.py":
                importers.append(str(path.relative_to(package)))
    assert importers == []
