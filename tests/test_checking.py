import pandas as pd

from casekit.checking import Mistake, Question, Reflection, ____, summary


def _question(**changes):
    settings = dict(
        name="share",
        context=lambda: {"values": [0, 1, 1, 1]},
        truth=lambda c: sum(c["values"]) / len(c["values"]),
        tolerance=0.001,
        mistakes=[Mistake(lambda c: float(sum(c["values"])), "That is a count, not a share.")],
        hints=["first", "second"],
        worked="share = sum(values) / len(values)",
        why="It matters.",
    )
    return Question(**{**settings, **changes})


def test_three_outcomes_with_the_mistakes_message():
    question = _question()
    assert question.check(____).status == "not attempted"
    assert question.check(0.7504).status == "correct"
    wrong = question.check(3)
    assert (wrong.status, wrong.message) == ("incorrect", "That is a count, not a share.")
    assert question.check(0.2).message == "Not quite. Try hint() for a nudge."


def test_a_series_where_a_number_was_wanted_is_named():
    feedback = _question().check(pd.Series([0.75]))
    assert feedback.status == "incorrect" and "Expected a single number, but got a Series" in feedback.message


def test_tables_are_compared_cell_by_cell():
    table = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    question = _question(truth=lambda c: table, mistakes=[])
    assert question.check(table.copy()).status == "correct"
    assert question.check(table.T).status == "incorrect"
    assert "Expected a table (DataFrame), but got a list" in question.check([1, 2]).message


def test_hints_come_one_at_a_time_then_point_to_the_solution():
    question = _question()
    assert [question.hint().message for _ in range(3)] == [
        "Hint 1 of 2: first",
        "Hint 2 of 2: second",
        "No more hints. solution() shows a worked answer.",
    ]
    assert "share = sum(values) / len(values)" in question.solution().message


def test_reflections_are_noted_never_graded():
    reflection = Reflection("why", hints=["think"], model_answer="Because.", theory="Weick (1995)")
    assert reflection.check(____).status == "not attempted"
    assert reflection.check("too short").status == "not attempted"
    assert reflection.check("A real answer with more than eight words in it.").status == "noted"
    assert "Because." in reflection.solution().message and "Weick (1995)" in reflection.solution().message


def test_summary_never_says_done_while_something_is_skipped_or_wrong():
    done, wrong, skipped = _question(name="a"), _question(name="b"), _question(name="c")
    done.check(0.75)
    wrong.check(3)
    report = summary(done, wrong, skipped)
    assert report.status == "not done"
    assert report.message == "1 of 3 done. Still wrong: b. Not attempted: c."
    wrong.check(0.75)
    skipped.check(0.75)
    assert summary(done, wrong, skipped).message == "3 of 3 done."


def test_feedback_shows_as_text_and_as_html():
    feedback = _question().check(3)
    assert repr(feedback) == "INCORRECT: That is a count, not a share."
    assert "color:#b00020" in feedback._repr_html_()


def test_texts_and_lists_are_compared_and_their_kind_named():
    text = _question(truth=lambda c: "at_risk", mistakes=[Mistake(lambda c: "borderline", "Look at the gap.")])
    assert text.check("at_risk").status == "correct"
    assert text.check("borderline").message == "Look at the gap."
    assert text.check(3).message == "Expected a text in quotes, but got an int."
    listed = _question(truth=lambda c: ["gender"], mistakes=[])
    assert listed.check(("gender",)).status == "correct"
    assert "Expected a list" in listed.check("gender").message
