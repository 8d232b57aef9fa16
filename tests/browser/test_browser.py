"""The workshop apps and an episode notebook, in a real browser.

For each app: it renders; moving a control changes the numbers on screen to
exactly what its plain-function twin returns; the console shows no errors;
nothing is requested from outside this machine; a screenshot is saved under
build/screenshots/.
"""

import json
import re

import pytest

from casekit.audit import AUDIT_RATES, format_rate, residence_audit
from casekit.explain import lookup
from casekit.simulation import feedback_year
from casekit.thresholds import threshold_summary
from casekit.tools.workshop import START_PAGE, WORKSHOP_DIR

pytestmark = pytest.mark.slow
ROOT = WORKSHOP_DIR.parent

WIDGET_TIMEOUT = 120_000


def _open_app(new_page, voila_url, notebook):
    page = new_page()
    page.page.goto(f"{voila_url}/voila/render/{notebook}", timeout=WIDGET_TIMEOUT)
    screen = page.page.locator(".widget-html-content").last
    screen.wait_for(state="attached", timeout=WIDGET_TIMEOUT)
    return page, screen


def _wait_for_text(page, screen, text):
    """Wait until the app's screen shows `text` (the kernel answers asynchronously)."""
    page.page.wait_for_function(
        "([element, text]) => element.innerText.includes(text)", arg=[screen.element_handle(), text], timeout=30_000
    )


def _press(page, selector, key, times):
    handle = page.page.locator(selector).first
    handle.focus()
    for _ in range(times):
        handle.press(key)


def _clean(page, name):
    page.screenshot(name)
    assert "import casekit" not in page.page.inner_text("body"), f"{name} shows code"
    assert page.errors == [], f"console errors on {name}: {page.errors}"
    assert page.external == [], f"{name} reached outside this machine: {page.external}"


def test_the_start_page_links_to_the_four_apps(new_page, voila_url):
    page = new_page()
    page.page.goto(f"{voila_url}/voila/render/{START_PAGE}", timeout=WIDGET_TIMEOUT)
    links = page.page.locator("a[href$='.ipynb']")
    links.first.wait_for(timeout=WIDGET_TIMEOUT)
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert targets == [
        "1_look_up_a_citizen.ipynb",
        "2_errors_and_the_threshold.ipynb",
        "3_residence_audit.ipynb",
        "4_feedback_loop.ipynb",
    ]
    assert "Every citizen in these apps is invented" in page.page.inner_text("body")
    _clean(page, "workshop_start")


def test_look_up_a_citizen(new_page, voila_url, kit):
    page, screen = _open_app(new_page, voila_url, "1_look_up_a_citizen.ipynb")
    test, model = kit["test"], kit["model"]
    flagged = test[model.predict(test) == 1]["citizen_id"].iloc[3]
    page.page.locator(".widget-text input[list]").fill(flagged)
    expected = lookup(model, test, flagged)
    _wait_for_text(page, screen, flagged)
    shown = screen.inner_text()
    assert f"probability {expected.probability:.2f}" in shown
    assert "FLAGGED" in shown
    for rule in expected.rules:
        assert rule in shown
    _clean(page, "workshop_lookup")


def test_errors_and_the_threshold(new_page, voila_url, kit):
    page, screen = _open_app(new_page, voila_url, "2_errors_and_the_threshold.ipynb")
    _press(page, ".widget-slider [role=slider]", "ArrowRight", 3)
    expected = threshold_summary(kit["model"], kit["test"], threshold=0.65)
    _wait_for_text(page, screen, f"{expected['wrongly_flagged']:.0f} wrongly flagged")
    shown = screen.inner_text()
    assert f"{expected['missed']:.0f} missed" in shown
    assert f"Accuracy: {expected['accuracy']:.1%}" in shown
    assert f"{expected['wrongly_flagged_per_caseworker_per_year']:.1f} wrongly flagged" in shown
    _clean(page, "workshop_threshold")


def test_residence_audit(new_page, voila_url, kit):
    page, screen = _open_app(new_page, voila_url, "3_residence_audit.ipynb")
    page.page.locator(".widget-dropdown select").select_option("estate")
    page.page.get_by_role("button", name="without district").click()
    _press(page, ".widget-slider [role=slider]", "ArrowLeft", 4)
    expected = residence_audit(kit["without_district"], kit["test"], by="estate", threshold=0.3)
    shown = {
        group: [format_rate(row[k], row[n]) for k, n in AUDIT_RATES.values()] for group, row in expected.iterrows()
    }
    _wait_for_text(page, screen, "rest of the municipality")
    page.page.wait_for_function(
        "([element, text]) => element.innerText.includes(text)",
        timeout=30_000,
        arg=[screen.element_handle(), shown["Lyngtoften"][0]],
    )
    rows = {line.split("\t")[0]: line for line in screen.inner_text().splitlines()}
    for group, texts in shown.items():
        line = next(text for label, text in rows.items() if label.startswith(group))
        assert [text for text in texts if text not in line] == [], (group, line)
    _clean(page, "workshop_audit")


def test_feedback_loop(new_page, voila_url):
    page, screen = _open_app(new_page, voila_url, "4_feedback_loop.ipynb")
    _wait_for_text(page, screen, "Year 1 of the simulation.")
    _press(page, ".widget-slider [role=slider]", "ArrowRight", 2)
    _wait_for_text(page, screen, "Year 3 of the simulation.")
    shown = screen.inner_text()
    for _, row in feedback_year(3).iterrows():
        assert f"{row['gap']:.1%}" in shown and f"{row['apparent_accuracy']:.1%}" in shown
    _clean(page, "workshop_feedback")


def test_an_episode_notebook_runs_cell_by_cell_in_jupyterlab(new_page, lab_url, kit):
    """Notebook 04, run with Shift+Enter cell by cell, then its lookup widget used."""
    name = "04_episode3_back_on_track.ipynb"
    cells = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
    page = new_page()
    page.page.goto(f"{lab_url}/lab/tree/notebooks/{name}", timeout=WIDGET_TIMEOUT)
    indicator = page.page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    indicator.wait_for(timeout=WIDGET_TIMEOUT)
    page.page.locator(".jp-Notebook .jp-Cell").first.click()
    page.page.keyboard.press("Escape")
    for _ in cells:
        page.page.keyboard.press("Shift+Enter")
        page.page.wait_for_timeout(100)
    page.page.wait_for_function(
        "() => document.querySelector('.jp-Notebook-ExecutionIndicator').dataset.status === 'idle'"
        " && ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))",
        timeout=WIDGET_TIMEOUT,
    )
    # JupyterLab only renders the cells in view (a collapsed cell shows its count on its placeholder),
    # and an error would stop the cells queued after it:
    # the last execution count equals the number of code cells only if every one of them ran.
    prompts = page.page.locator(".jp-CodeCell [class*=Prompt]").all_inner_texts()
    counts = [int(n) for p in prompts for n in re.findall(r"\[(\d+)\]", p)]
    assert max(counts) == sum(cell["cell_type"] == "code" for cell in cells), prompts
    assert "Traceback" not in page.page.inner_text(".jp-Notebook")

    combobox = page.page.locator(".jp-Notebook .widget-text input[list]").first
    combobox.wait_for(state="attached", timeout=WIDGET_TIMEOUT)
    combobox.scroll_into_view_if_needed()
    citizen = kit["test"]["citizen_id"].iloc[10]
    combobox.fill(citizen)
    expected = lookup(kit["model"], kit["test"], citizen)
    screen = page.page.locator(".jp-Notebook .widget-html-content", has_text=citizen).first
    screen.wait_for(timeout=30_000)
    assert f"probability {expected.probability:.2f}" in screen.inner_text()
    page.screenshot("jupyterlab_episode3")
    assert page.errors == [], page.errors
    assert page.external == [], page.external
