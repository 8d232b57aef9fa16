"""Every exercise question: its reference answer passes, the blank is 'not attempted', typical mistakes fail."""

import re
import tomllib

import nbformat
import pytest
from nbclient import NotebookClient

from casekit.checking import Question, Reflection, ____
from casekit.exercises import ExerciseSet, is_check, load, sources
from casekit.tools.exercise_build import EXERCISE_DIR, build

SOURCES = sources()
SETS = [load(source.name[:2]) for source in SOURCES]
QUESTIONS = [(s.name[:2], q) for s in SETS for q in s.QUESTIONS]
COMPUTED = [(name, q) for name, q in QUESTIONS if isinstance(q, Question)]
REFLECTIONS = [(name, q) for name, q in QUESTIONS if isinstance(q, Reflection)]


def _id(item):
    return f"{item[0]}-{item[1].name}"


def test_there_is_an_exercise_set_and_a_source_for_every_episode_notebook():
    notebooks = sorted(
        p.name for p in (EXERCISE_DIR.parent / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00")
    )
    assert [p.name for p in SOURCES] == notebooks
    for exercise_set in SETS:
        assert 3 <= len(exercise_set.QUESTIONS) <= 6


@pytest.mark.parametrize("item", COMPUTED, ids=_id)
def test_the_reference_answer_is_correct_and_the_blank_is_not_attempted(item):
    _, question = item
    assert question.check(question.truth(question.context())).status == "correct"
    assert question.check(____).status == "not attempted"


@pytest.mark.parametrize("item", COMPUTED, ids=_id)
def test_typical_mistakes_fail_with_their_own_message(item):
    _, question = item
    assert question.mistakes, "every computed question names at least one typical mistake"
    for mistake in question.mistakes:
        wrong = mistake.make(question.context())
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
    count = len(load(source.name[:2]).QUESTIONS)
    assert outputs[-1] == f"CORRECT: {count} of {count} done."


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_each_question_cell_is_followed_by_its_check_and_the_check_line_names_it(source):
    cells = nbformat.reads(source.read_text(encoding="utf-8"), as_version=4).cells
    for cell, following in zip(cells, cells[1:], strict=False):
        calls = re.findall(rf"ex{source.name[:2]}\.(\w+)\.check\(", cell.source) if cell.cell_type == "code" else []
        if calls:
            assert following.cell_type == "raw", f"the check of {calls[0]} must follow its cell"
            spec = tomllib.loads(following.source)
            assert next(iter(spec.values()))["id"] == calls[0]
    raw = [cell for cell in cells if cell.cell_type == "raw"]
    assert len(raw) == len(load(source.name[:2]).QUESTIONS)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_students_and_instructors_never_see_the_check_cells(source):
    for version in (EXERCISE_DIR / source.name, EXERCISE_DIR / "solutions" / source.name):
        cells = nbformat.read(version, as_version=4).cells
        assert not [cell for cell in cells if is_check(cell)]
        assert "[[question.mistakes]]" not in version.read_text(encoding="utf-8")


def _one_question_set(tmp_path, check):
    cells = [
        nbformat.v4.new_code_cell("import casekit\ncitizens = casekit.load_citizens()"),
        nbformat.v4.new_code_cell(
            "share = ____  ### STARTER\n### BEGIN SOLUTION\nshare = citizens['unemployed_12m'].mean()\n"
            "### END SOLUTION\nex99.share.check(share)"
        ),
        nbformat.v4.new_raw_cell(check),
    ]
    path = tmp_path / "99_new.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return ExerciseSet(path)


ONE_QUESTION = """\
[question]
id = "share"
name = "share unemployed"
answer = "share"
hints = ["Take the mean of the 0/1 column.", "citizens['unemployed_12m'].mean()"]
why = "A base rate."

[[question.mistakes]]
value = "citizens['unemployed_12m'].sum()"
message = "That is a count; give the share."
"""


def test_a_new_question_is_one_cell_and_one_check_in_one_file(tmp_path):
    share = _one_question_set(tmp_path, ONE_QUESTION).share
    citizens = share.context()["citizens"]
    assert share.check(citizens["unemployed_12m"].mean()).status == "correct"
    assert share.check(int(citizens["unemployed_12m"].sum())).message == "That is a count; give the share."
    assert "citizens['unemployed_12m'].mean()" in share.solution().message


@pytest.mark.parametrize(
    ("wrong", "right", "shown"),
    [
        ("hint = ", "hints = ", "['hint']"),
        ("[[mistakes]]", "[[question.mistakes]]", "['question', 'mistakes']"),
        ("valeu =", "value =", "['valeu']"),
    ],
)
def test_a_check_cell_with_a_mistyped_field_is_refused_with_the_cell_named(tmp_path, wrong, right, shown):
    with pytest.raises(ValueError, match="99_new.ipynb, check cell 1") as error:
        _one_question_set(tmp_path, ONE_QUESTION.replace(right, wrong))
    assert shown in str(error.value)


def test_a_rules_cell_gives_the_checks_a_helper_and_the_notebook_a_shared_name(tmp_path):
    cells = [
        nbformat.v4.new_code_cell("### RULES\nLIMIT = 5\n\n\ndef over(values):\n    return (values > LIMIT).sum()"),
        nbformat.v4.new_code_cell("import casekit\ncitizens = casekit.load_citizens()\nlimit = ex99.LIMIT"),
        nbformat.v4.new_code_cell(
            "n = ____  ### STARTER\n### BEGIN SOLUTION\nn = int((citizens['missed_meetings'] > limit).sum())\n"
            "### END SOLUTION\nex99.n.check(n)"
        ),
        nbformat.v4.new_raw_cell(
            '[question]\nid = "n"\nname = "over the limit"\nanswer = "n"\nhints = ["a", "b"]\nwhy = "c"\n\n'
            '[[question.mistakes]]\nvalue = "over(citizens[\'missed_meetings\']) + 1"\nmatches = "answer > n"\n'
            'message = "Too many."\n'
        ),
    ]
    path = tmp_path / "99_rules.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    exercise_set = ExerciseSet(path)
    assert exercise_set.LIMIT == 5  # what the student notebook's setup reads as ex99.LIMIT
    right = exercise_set.n.truth(exercise_set.n.context())
    assert exercise_set.n.check(right).status == "correct"
    assert exercise_set.n.check(right + 7).message == "Too many."
    with pytest.raises(AttributeError, match=r"99_rules.ipynb has no 'LIMT'; its questions: \['over the limit'\]"):
        exercise_set.LIMT  # noqa: B018
