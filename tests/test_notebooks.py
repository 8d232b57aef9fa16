"""Every episode notebook has the parts a lecturer expects (notebooks/README.md)."""

from pathlib import Path

import pytest

from casekit.guide import NOTEBOOK_DIR, SECTIONS, SYNOPSIS_HEADINGS, notebook_map, notebook_parts

EPISODES = sorted(p for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00"))


def test_the_kit_has_a_notebook_for_every_part_of_the_case():
    assert [path.name[:2] for path in EPISODES] == [f"{n:02d}" for n in range(1, 13)]


@pytest.mark.parametrize("path", EPISODES, ids=lambda p: p.name)
def test_episode_notebook_has_the_six_parts_in_order(path):
    parts = notebook_parts(path)
    assert parts["title"] and parts["title"].startswith(path.name[:2] + " "), "title cell: '# NN ...'"
    assert parts["what_happens"], "title cell: '**What happens:** ...'"
    assert parts["minutes"], "title cell: '*Time: R min reading + A min activity + D min discussion*'"
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


def test_the_reading_paths_add_up_from_the_notebooks():
    from casekit.guide import MINUTES_PER_EXERCISE_QUESTION, estimate_minutes, reading_paths

    paths = reading_paths().set_index("who")
    needed = [estimate_minutes(p) for p in sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))]
    reading = sum(n["reading"] for n in needed)
    discussion = sum(n["discussion"] for n in needed)
    activity = sum(n["activity"] for n in needed)
    assert paths.loc["no-code reader", "minutes"] == reading + discussion
    extra = paths.loc["coding student", "minutes"] - (reading + activity + discussion)
    assert extra > 0 and extra % MINUTES_PER_EXERCISE_QUESTION == 0, "the exercise sets come on top"
    assert paths.loc["workshop", "minutes"] == 210, "the staff-workshop plan's three and a half hours"
    assert paths.loc["workshop", "notebooks"] == "workshop pages 0–4"
    assert paths.loc["no-code reader", "notebooks"] == "00–12"


def test_an_unknown_path_lists_the_paths():
    from casekit.guide import reading_paths

    with pytest.raises(ValueError, match=r"`who` must be one of \['no-code reader', 'coding student', 'workshop'\]"):
        reading_paths(who="student")
