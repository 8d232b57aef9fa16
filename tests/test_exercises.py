"""Every exercise question: its reference answer passes, the blank is 'not attempted', typical mistakes fail."""

import importlib
import pkgutil
import re

import nbformat
import pytest
from nbclient import NotebookClient

import casekit.exercises
from casekit.checking import Question, Reflection, ____
from casekit.exercises import context
from casekit.tools.exercise_build import EXERCISE_DIR, build

SETS = [
    importlib.import_module(f"casekit.exercises.{m.name}")
    for m in pkgutil.iter_modules(casekit.exercises.__path__)
    if m.name.startswith("ex")
]
QUESTIONS = [(s.__name__.rsplit(".", 1)[1], q) for s in SETS for q in s.QUESTIONS]
COMPUTED = [(name, q) for name, q in QUESTIONS if isinstance(q, Question)]
REFLECTIONS = [(name, q) for name, q in QUESTIONS if isinstance(q, Reflection)]
SOURCES = sorted((EXERCISE_DIR / "source").glob("*.ipynb"))


def _id(item):
    return f"{item[0]}-{item[1].name}"


def test_there_is_an_exercise_set_and_a_source_for_every_episode_notebook():
    notebooks = sorted(
        p.name for p in (EXERCISE_DIR.parent / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00")
    )
    assert [p.name for p in SOURCES] == notebooks
    assert [s.__name__[-2:] for s in SETS] == [name[:2] for name in notebooks]
    for exercise_set in SETS:
        assert 3 <= len(exercise_set.QUESTIONS) <= 6


@pytest.mark.parametrize("item", COMPUTED, ids=_id)
def test_the_reference_answer_is_correct_and_the_blank_is_not_attempted(item):
    _, question = item
    assert question.check(question.truth(context())).status == "correct"
    assert question.check(____).status == "not attempted"


@pytest.mark.parametrize("item", COMPUTED, ids=_id)
def test_typical_mistakes_fail_with_their_own_message(item):
    _, question = item
    assert question.mistakes, "every computed question names at least one typical mistake"
    for mistake in question.mistakes:
        wrong = mistake.make(context())
        feedback = question.check(wrong)
        assert (feedback.status, feedback.message) == ("incorrect", mistake.message)


@pytest.mark.parametrize("item", QUESTIONS, ids=_id)
def test_every_question_has_hints_and_a_solution(item):
    _, question = item
    assert len(question.hints) >= 2
    worked = question.worked if hasattr(question, "worked") else question.model_answer
    assert len(str(worked).split()) >= 3, "a worked solution or model answer a student can read"
    assert str(worked).strip() in question.solution().message


@pytest.mark.parametrize("item", REFLECTIONS, ids=_id)
def test_reflections_name_their_theory(item):
    _, question = item
    assert re.search(r"[A-Z][\w'’-]+[^()]*\(?\d{4}[a-z]?\)?", question.theory), "a theory with its author and year"


def test_student_and_solution_versions_are_in_sync_with_their_sources(tmp_path):
    for built in build(out_dir=tmp_path):
        committed = EXERCISE_DIR / built.relative_to(tmp_path)
        assert committed.read_text(encoding="utf-8") == built.read_text(encoding="utf-8"), (
            f"{committed} is out of date: run `python -m casekit.tools exercises`"
        )


def _run(path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return [
        output.get("data", {}).get("text/plain", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_blank_student_version_runs_and_says_not_attempted_everywhere(source):
    outputs = _run(EXERCISE_DIR / source.name)
    checks = [o for o in outputs if o.startswith(("CORRECT", "INCORRECT", "NOTED", "NOT ATTEMPTED"))]
    assert checks and all(o.startswith("NOT ATTEMPTED") for o in checks)
    assert outputs[-1].startswith("NOT DONE: 0 of")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_worked_solutions_run_with_every_check_passing(source):
    outputs = _run(EXERCISE_DIR / "solutions" / source.name)
    checks = [o for o in outputs if o.startswith(("CORRECT", "INCORRECT", "NOTED", "NOT ATTEMPTED"))]
    assert checks[:-1] and all(o.startswith(("CORRECT", "NOTED")) for o in checks)
    count = len(importlib.import_module(f"casekit.exercises.ex{source.name[:2]}").QUESTIONS)
    assert outputs[-1] == f"CORRECT: {count} of {count} done."
