"""Instant feedback for the exercises: check(), hint() and solution() for each question.

A question is declared, not programmed: what the true answer is (computed from
the data when checked, never typed in), which typical mistakes to recognise
(each computed the same way, with a message that says what is off), hints, and
a worked solution. Three outcomes: *not attempted* (the blank ``____`` is still
there), *incorrect* (with the mistake's message), *correct* (with why it
matters for the case). Reflection questions are never graded: their solution
shows a model answer.

Nothing here reads notebook variables, stores anything on disk or uses the network.
"""

import html
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from casekit.i18n import N_, _, number


class _Blank:
    """The placeholder a student replaces with an answer."""

    def __repr__(self):
        return "____"


#: Put ``answer = ____`` in a starter cell; checking it says "not attempted".
____ = _Blank()

_COLOURS = {"correct": "#1b5e20", "incorrect": "#b00020", "not attempted": "#8a6d00", "noted": "#0d47a1"}

# The statuses as the feedback shows them ("CORRECT: ...", "Correct: ..."); a status itself is a code.
_STATUS_LABELS = {
    "correct": N_("correct"),
    "incorrect": N_("incorrect"),
    "not attempted": N_("not attempted"),
    "noted": N_("noted"),
    "not done": N_("not done"),
}


@dataclass(frozen=True)
class Feedback:
    """What a check, hint or solution says; shows in colour in Jupyter and as text elsewhere."""

    status: str
    message: str

    @property
    def label(self):
        """The status in words, in the kit's language: "correct", "not attempted", ..."""
        return _(_STATUS_LABELS.get(self.status, self.status))

    def __repr__(self):
        return f"{self.label.upper()}: {self.message}" if self.status != "info" else self.message

    def _repr_html_(self):
        colour = _COLOURS.get(self.status, "#333")
        label = "" if self.status == "info" else f"<b style='color:{colour}'>{self.label.capitalize()}:</b> "
        return f"<div style='white-space:pre-wrap'>{label}{html.escape(self.message)}</div>"


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer: how to compute it from the data, and what to tell the student.

    ``matches(answer, context)`` may recognise a whole family of such answers;
    by default an answer matches when it equals ``make(context)``.
    """

    make: Callable
    message: str
    matches: Callable = None


@dataclass(eq=False)
class Question:
    """One exercise question with a computed answer.

    Parameters
    ----------
    name : str
        Short name shown in the summary.
    truth : callable
        ``truth(context) -> answer``: computes the right answer from the data.
    context : callable
        Returns the shared data (e.g. a dict with citizens and the model); called when checking.
    mistakes : list of Mistake
        Typical wrong answers, checked in order.
    hints : list of str
        Shown one at a time by ``hint()``.
    worked : str
        The worked solution, shown by ``solution()``.
    why : str
        Why it matters for the case, shown when the answer is correct.
    tolerance : float
        Absolute tolerance for numbers.
    accept : callable, optional
        ``accept(answer, context) -> bool`` for questions with many right
        answers (e.g. any process form that meets a condition); `truth` is
        then one example of a right answer.
    """

    name: str
    truth: Callable
    context: Callable
    hints: list
    worked: str
    why: str
    mistakes: list = field(default_factory=list)
    tolerance: float = 1e-6
    accept: Callable = None
    status: str = field(default="not attempted", init=False)
    _hints_shown: int = field(default=0, init=False)

    def check(self, answer):
        """Check `answer`: not attempted, incorrect (saying what is off) or correct."""
        feedback = self._judge(answer)
        self.status = feedback.status
        return feedback

    def _judge(self, answer):
        if isinstance(answer, _Blank) or answer is None:
            # Translators: {name} is the question's short name; ____ is the blank in the student's code, keep it.
            message = _("Replace ____ with your answer to '{name}', then check again.").format(name=self.name)
            return Feedback("not attempted", message)
        context = self.context()
        expected = self.truth(context)
        shape_problem = _shape_problem(answer, expected)
        if shape_problem:
            return Feedback("incorrect", shape_problem)
        right = self.accept(answer, context) if self.accept else _same(answer, expected, self.tolerance)
        if right:
            return Feedback("correct", self.why)
        for mistake in self.mistakes:
            wrong = (
                mistake.matches(answer, context)
                if mistake.matches
                else _same(answer, mistake.make(context), self.tolerance)
            )
            if wrong:
                return Feedback("incorrect", mistake.message)
        return Feedback("incorrect", _("Not quite. Try hint() for a nudge."))

    def hint(self):
        """Show the next hint; after the last one, point to the solution."""
        if self._hints_shown >= len(self.hints):
            return Feedback("info", _("No more hints. solution() shows a worked answer."))
        self._hints_shown += 1
        # Translators: "Hint 1 of 3: <the hint>".
        counter = _("Hint {number} of {total}: {hint}")
        hint = self.hints[self._hints_shown - 1]
        shown, total = number(self._hints_shown), number(len(self.hints))
        return Feedback("info", counter.format(number=shown, total=total, hint=hint))

    def solution(self):
        """Show a worked solution and why it matters."""
        solution = _("Solution:\n{worked}\n\nWhy it matters: {why}")
        return Feedback("info", solution.format(worked=self.worked, why=self.why))


@dataclass(eq=False)
class Reflection:
    """A question about the case to answer in words; never graded, the solution is a model answer."""

    name: str
    hints: list
    model_answer: str
    theory: str
    status: str = field(default="not attempted", init=False)
    _hints_shown: int = field(default=0, init=False)

    def check(self, answer):
        """Note that an answer was written (at least a sentence); nothing pretends to grade it."""
        if isinstance(answer, _Blank) or not str(answer).strip():
            self.status = "not attempted"
            # Translators: {name} is the question's short name; ____ is the blank in the student's code, keep it.
            message = _("Replace ____ with your answer to '{name}' in quotes, then check again.")
            return Feedback("not attempted", message.format(name=self.name))
        if len(str(answer).split()) < 8:
            self.status = "not attempted"
            return Feedback("not attempted", _("Write at least a full sentence or two before comparing."))
        self.status = "noted"
        return Feedback("noted", _("Answer noted. Compare it with a model answer: solution()."))

    hint = Question.hint

    def solution(self):
        """Show a model answer and the theory it draws on."""
        solution = _("A model answer:\n{model_answer}\n\nTheory: {theory}")
        return Feedback("info", solution.format(model_answer=self.model_answer, theory=self.theory))


def summary(*questions):
    """Say which questions are correct, noted, still wrong or not attempted; never 'all done' when some are not.

    Examples
    --------
    >>> q = Reflection("why", hints=[], model_answer="...", theory="...")
    >>> summary(q)
    NOT DONE: 0 of 1 done. Not attempted: why.
    """
    groups = {
        status: [q.name for q in questions if q.status == status]
        for status in ("correct", "noted", "incorrect", "not attempted")
    }
    done = len(groups["correct"]) + len(groups["noted"])
    parts = [_("{done} of {total} done.").format(done=number(done), total=number(len(questions)))]
    # Translators: {names} are the questions' short names, separated by commas.
    still_wrong, not_attempted = _("Still wrong: {names}."), _("Not attempted: {names}.")
    parts += [
        sentence.format(names=", ".join(groups[status]))
        for status, sentence in (("incorrect", still_wrong), ("not attempted", not_attempted))
        if groups[status]
    ]
    return Feedback("correct" if done == len(questions) else "not done", " ".join(parts))


def _kind(answer):
    """'an int', 'a Series': the kind of thing a student passed."""
    name = type(answer).__name__
    # Translators: the kind of Python object a student gave, e.g. "an int", "a Series"; {type} is not translated.
    kind = _("an {type}") if name[0] in "aeiou" else _("a {type}")
    return kind.format(type=name)


def _shape_problem(answer, expected):
    """A message when the answer is the wrong kind of thing, else None."""
    kind = _kind(answer)
    if isinstance(expected, (int, float, np.number)) and not isinstance(expected, bool):
        if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list)):
            # Translators: {kind} is the kind of thing the student gave, e.g. "an int" or "a Series".
            return _("Expected a single number, but got {kind}. Did you forget .mean() or .sum()?").format(kind=kind)
        if not isinstance(answer, (int, float, np.number)) or isinstance(answer, bool):
            return _("Expected a number, but got {answer}.").format(answer=repr(answer))
    if isinstance(expected, pd.DataFrame) and not isinstance(answer, pd.DataFrame):
        return _("Expected a table (DataFrame), but got {kind}.").format(kind=kind)
    if isinstance(expected, str) and not isinstance(answer, str):
        return _("Expected a text in quotes, but got {kind}.").format(kind=kind)
    if isinstance(expected, list) and not isinstance(answer, (list, tuple, pd.Series, pd.Index, np.ndarray)):
        return _("Expected a list such as ['a', 'b'], but got {kind}.").format(kind=kind)
    return None


def _same(answer, expected, tolerance):
    """True when `answer` equals `expected` (numbers within `tolerance`, tables cell by cell)."""
    try:
        if isinstance(expected, pd.DataFrame):
            return answer.shape == expected.shape and np.allclose(
                answer.to_numpy(float), expected.to_numpy(float), atol=tolerance
            )
        if isinstance(expected, (int, float, np.number)):
            return bool(abs(float(answer) - float(expected)) <= tolerance)
        if isinstance(expected, list):
            return list(answer) == expected
        return bool(answer == expected)
    except (TypeError, ValueError):
        return False
