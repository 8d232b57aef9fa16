"""The session plans and teaching notes give each notebook the time its title cell gives.

A plan or a teaching-notes page states a whole notebook's time in one form,
the title cell's three parts with their total::

    56 min (10 reading + 16 activity + 30 discussion)

In a teaching-notes page the time is that page's notebook's. In a plan (and
docs/README.md) it belongs to the notebook named last before it in the same
table row or paragraph (``01_prelude_pilot_analysis.ipynb``, a notes page
``12_epilogue_real_systems.md``, ``notebook 01``, or a row starting ``| 01 |``).
Each stated total must be within 25 % of the notebook's time from
:func:`casekit.guide.notebook_map`, so a notebook whose time changes and a plan
that is not brought along fail here.
"""

import re
from pathlib import Path

import pytest

from casekit.guide import notebook_map, reading_paths

ROOT = Path(__file__).resolve().parent.parent
NOTES = sorted((ROOT / "docs" / "teaching_notes").glob("[0-9][0-9]_*.md"))
PLANS = [ROOT / "docs" / "README.md", *sorted((ROOT / "docs" / "plans").glob("*.md"))]
TIME = re.compile(r"(\d+) min \((\d+) reading \+ (\d+) activity \+ (\d+) discussion\)")
NAMED = re.compile(r"\b(\d\d)_[a-z0-9_]+\.(?:ipynb|md)\b|\bnotebook (\d\d)\b|^\| (\d\d) \|", flags=re.M)
OLD = re.compile(r"teaching:? \d+ min|exercises:? \d+ min|Teaching: \d+|Exercises: \d+", flags=re.I)
TOLERANCE = 0.25


def _rel(path):
    return str(path.relative_to(ROOT))


@pytest.fixture(scope="module")
def minutes():
    table = notebook_map()
    return dict(zip(table["notebook"].str[:2], table["minutes"], strict=True))


def _context(text, start):
    """The table row, or else the paragraph, that a stated time stands in, up to the time."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.startswith("|", line_start):
        return text[line_start:start]
    return text[text.rfind("\n\n", 0, start) + 1 : start]


def _stated(path, *, own=None):
    """(notebook number, total, parts) for every time the page states for a whole notebook."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in TIME.finditer(text):
        number = own
        if number is None:
            named = [
                next(group for group in m.groups() if group) for m in NAMED.finditer(_context(text, match.start()))
            ]
            number = named[-1] if named else None
        total, *parts = map(int, match.groups())
        found.append((number, total, parts, match.group(0)))
    return found


def _off(total, expected):
    return abs(total - expected) > TOLERANCE * expected


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.name)
def test_each_teaching_notes_page_gives_its_notebooks_time(path, minutes):
    stated = _stated(path, own=path.name[:2])
    assert stated, f"{_rel(path)} states no time in the form 'T min (R reading + A activity + D discussion)'"
    for number, total, parts, shown in stated:
        assert total == sum(parts), f"{_rel(path)}: {shown!r} does not add up"
        assert not _off(total, minutes[number]), (
            f"{_rel(path)}: {shown!r}, but notebook {number}'s title cell gives {minutes[number]} min"
        )


@pytest.mark.parametrize("path", PLANS, ids=_rel)
def test_each_plan_gives_each_notebook_its_time(path, minutes):
    for number, total, parts, shown in _stated(path):
        assert number in minutes, f"{_rel(path)}: {shown!r} names no notebook before it in its row or paragraph"
        assert total == sum(parts), f"{_rel(path)}: {shown!r} does not add up"
        assert not _off(total, minutes[number]), (
            f"{_rel(path)}: {shown!r} for notebook {number}, but its title cell gives {minutes[number]} min"
        )


def test_the_self_study_route_times_every_notebook_and_adds_up(minutes):
    path = ROOT / "docs" / "plans" / "self_study.md"
    assert {number for number, *_ in _stated(path)} == set(minutes), "one route row per notebook, with its time"
    total = int(re.search(r"\*\*Time: (\d+) minutes", path.read_text(encoding="utf-8")).group(1))
    expected = reading_paths(who="coding student").loc[0, "minutes"]
    assert not _off(total, expected), f"self_study.md says {total} minutes; notebooks and exercise sets: {expected}"


@pytest.mark.parametrize("path", PLANS + NOTES, ids=_rel)
def test_no_page_keeps_the_old_teaching_and_exercises_times(path):
    assert OLD.findall(path.read_text(encoding="utf-8")) == []
