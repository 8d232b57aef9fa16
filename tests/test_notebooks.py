"""Every episode notebook has the parts a lecturer expects (notebooks/README.md)."""

from pathlib import Path

import pytest

from casekit.kit import NOTEBOOK_DIR, SECTIONS, SYNOPSIS_HEADINGS, notebook_map, notebook_parts

EPISODES = sorted(p for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00"))


def test_the_kit_has_a_notebook_for_every_part_of_the_case():
    assert [path.name[:2] for path in EPISODES] == [f"{n:02d}" for n in range(1, 13)]


@pytest.mark.parametrize("path", EPISODES, ids=lambda p: p.name)
def test_episode_notebook_has_the_six_parts_in_order(path):
    parts = notebook_parts(path)
    assert parts["title"] and parts["title"].startswith(path.name[:2] + " "), "title cell: '# NN ...'"
    assert parts["what_happens"], "title cell: '**What happens:** ...'"
    assert parts["teaching_min"] and parts["exercise_min"] is not None, "title cell: '*Teaching: N min · Exercises: M min*'"
    # The synthesis has "The case" and the epilogue "The real systems" where the episodes have "The episode".
    headings = ["The episode" if h.startswith(SYNOPSIS_HEADINGS) else h for h in parts["sections"]]
    found = [next((s for s in SECTIONS if heading.startswith(s)), None) for heading in headings]
    assert [s for s in found if s] == SECTIONS, f"sections found: {parts['sections']}"
    assert len(parts["questions"]) >= 2
    assert len(parts["theory_questions"]) >= 3, "at least three discussion questions tied to a named theory"


@pytest.mark.parametrize("path", EPISODES, ids=lambda p: p.name)
def test_episode_notebook_cites_the_case(path):
    assert "Røhl & Elmholdt" in Path(path).read_text(encoding="utf-8")


def test_the_map_lists_every_notebook_with_its_time():
    table = notebook_map()
    assert table["notebook"].tolist() == sorted(p.name for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert table["minutes"].gt(0).all() and table["title"].notna().all()
