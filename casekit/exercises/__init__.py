"""Exercise sets, one notebook each: ``casekit/exercises/NN_*.ipynb`` holds prompts, solutions and checks.

Each set is one source notebook, in the spirit of Otter-Grader. A question is
a code cell with the solution between ``### BEGIN SOLUTION`` and
``### END SOLUTION`` and, right after it, a raw cell in TOML that says how to
check it: the variable the solution sets (its value is the right answer, so
the answer is never typed in twice), the typical mistakes as short Python
expressions evaluated where the solution left off, the hints and why the
answer matters. A reflection's raw cell holds its hints, a model answer and
the theory. A code cell that starts with ``### RULES`` defines a helper the
checks need; students never see it. ``python -m casekit.tools exercises``
builds the student and solutions notebooks from the sources.

``from casekit.exercises import ex05`` gives the set of notebook 05; each
question is an attribute (``ex05.share_missed.check(answer)``), ``QUESTIONS``
lists them and ``summary()`` says which are done.

>>> from casekit.exercises import ex05
>>> ex05.share_missed.name
'share missed'
>>> [q.name for q in ex05.QUESTIONS][-1]
'what the questions tell management'
"""

import contextlib
import copy
import io
import json
import re
import tomllib
from functools import cache, cached_property, partial
from importlib.resources import files

import numpy as np
import pandas as pd

from casekit.checking import Mistake, Question, Reflection, summary

#: A source notebook's starter, solution and rules markers.
STARTER, BEGIN, END, RULES = "### STARTER", "### BEGIN SOLUTION", "### END SOLUTION", "### RULES"
#: A line that calls the set itself (a check, hint, solution or summary); skipped when the solutions run.
_CALLS_THE_SET = re.compile(r"^\s*#?\s*(ex\d\d\.|from casekit\.exercises import)")


def sources():
    """The source notebooks, one per set, in order.

    >>> [s.name[:2] for s in sources()][:3]
    ['01', '02', '03']
    """
    return sorted(
        (s for s in files("casekit.exercises").iterdir() if re.match(r"\d\d_.*\.ipynb$", s.name)),
        key=lambda s: s.name,
    )


def strip(source, *, keep_solution):
    """Return one cell's source as the student (`keep_solution=False`) or the instructor sees it.

    Examples
    --------
    >>> cell = "x = ____  ### STARTER\\n### BEGIN SOLUTION\\nx = 1\\n### END SOLUTION\\ncheck(x)"
    >>> print(strip(cell, keep_solution=False))
    x = ____
    check(x)
    >>> print(strip(cell, keep_solution=True))
    x = 1
    check(x)
    """
    kept, in_solution = [], False
    for line in source.splitlines():
        if line.strip() in (BEGIN, END):
            in_solution = line.strip() == BEGIN
        elif line.rstrip().endswith(STARTER):
            if not keep_solution:
                kept.append(line.rstrip()[: -len(STARTER)].rstrip())
        elif keep_solution or not in_solution:
            kept.append(line)
    return "\n".join(kept)


def is_check(cell):
    """True for a source cell only the checks read: a raw TOML cell, or a ``### RULES`` code cell."""
    return cell["cell_type"] == "raw" or _text(cell).startswith(RULES)


def _text(cell):
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def _solution_code(cell):
    """What the checks run of a code cell: the solution, without the lines that call the set."""
    code = strip(_text(cell), keep_solution=True)
    return "\n".join(line for line in code.splitlines() if not _CALLS_THE_SET.match(line))


def _worked(cell):
    """The solution lines of a question's cell, shown by ``solution()``."""
    text = _text(cell)
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") if BEGIN in text else ""


class _Run:
    """Runs a set's solutions cell by cell, keeping what each question needs to be checked."""

    def __init__(self, cells, namespace):
        self._cells, self._next, self.namespace, self.after = cells, 0, namespace, {}

    def until(self, index):
        """Run the cells up to and including `index`; return the namespace as it was just after it."""
        import matplotlib.pyplot as plt

        while self._next <= index:
            cell, figures = self._cells[self._next], set(plt.get_fignums())
            if cell["cell_type"] == "code":
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(_solution_code(cell), self.namespace)  # the set's own solution code, from the kit
            for number in set(plt.get_fignums()) - figures:
                plt.close(number)
            self.after[self._next] = {n: _frozen(v) for n, v in self.namespace.items() if not n.startswith("__")}
            self._next += 1
        return self.after[index]


def _frozen(value):
    """A copy of a table or list the solution made, so later cells cannot change a recorded answer."""
    return copy.deepcopy(value) if isinstance(value, (pd.DataFrame, pd.Series, np.ndarray, list, dict)) else value


def _evaluate(expression, namespace, **names):
    """Evaluate one of a source's check expressions where the solution left off."""
    return eval(expression, {**namespace, **names})  # an expression from the kit's own source notebook


class ExerciseSet:
    """The questions of one source notebook, each an attribute named as in its check line."""

    def __init__(self, source):
        notebook = json.loads(source.read_text(encoding="utf-8"))
        self.name, cells = source.name, notebook["cells"]
        self._rules = [_text(c) for c in cells if c["cell_type"] == "code" and is_check(c)]
        run = _Run([c for c in cells if c["cell_type"] != "raw"], {f"ex{source.name[:2]}": self})
        self.QUESTIONS, ran = [], []
        for cell in cells:
            if cell["cell_type"] != "raw":
                ran.append(cell)
                continue
            where = f"casekit/exercises/{source.name}, check cell {len(self.QUESTIONS) + 1}"
            try:
                spec = tomllib.loads(_text(cell))
            except tomllib.TOMLDecodeError as error:
                raise ValueError(f"{where} is not valid TOML: {error}") from None
            _check_fields(spec, where)
            question = _question(spec, ran[-1], partial(run.until, len(ran) - 1))
            setattr(self, spec.get("question", spec.get("reflection"))["id"], question)
            self.QUESTIONS.append(question)

    def summary(self):
        """Which of this set's questions are done, still wrong or not attempted."""
        return summary(*self.QUESTIONS)

    @cached_property
    def _helpers(self):
        """What the set's ``### RULES`` cells define, run once on their own."""
        namespace = {}
        for rules in self._rules:
            exec(rules, namespace)  # the set's own rules, from the kit's source notebook
        return {name: value for name, value in namespace.items() if not name.startswith("_")}

    def __getattr__(self, name):
        """A name a ``### RULES`` cell defines, such as a threshold the set's questions share."""
        if not name.startswith("_") and name in self._helpers:
            return self._helpers[name]
        questions = [q.name for q in self.__dict__.get("QUESTIONS", [])]
        raise AttributeError(
            f"The exercise set {self.__dict__.get('name')} has no {name!r}; its questions: {questions}."
        )

    def __repr__(self):
        return f"<exercise set {self.name}: {len(self.QUESTIONS)} questions>"


#: The fields a check cell may hold; the first set must all be there.
_FIELDS = {
    "question": ({"id", "name", "answer", "hints", "why"}, {"tolerance", "accept", "explain", "mistakes"}),
    "reflection": ({"id", "name", "hints", "model_answer", "theory"}, set()),
    "mistakes": ({"value", "message"}, {"matches"}),
}


def _check_fields(spec, where):
    """Raise ValueError naming the cell when a check cell misses a field or has one the kit does not read."""
    kinds = [kind for kind in ("question", "reflection") if kind in spec]
    if len(kinds) != 1 or len(spec) != 1:
        raise ValueError(f"{where}: a check cell must be one [question] or one [reflection], but has {list(spec)}.")
    parts = [(kinds[0], spec[kinds[0]])] + [("mistakes", m) for m in spec[kinds[0]].get("mistakes", [])]
    for kind, fields in parts:
        required, optional = _FIELDS[kind]
        missing, unknown = required - set(fields), set(fields) - required - optional
        if missing or unknown:
            raise ValueError(
                f"{where}: a [{kind}] needs {sorted(required)} and may have {sorted(optional)}, "
                f"but {sorted(missing)} are missing and {sorted(unknown)} are not fields the kit reads."
            )


def _question(spec, cell, context):
    """A Question or Reflection from a raw cell's TOML, checked against the solution in `cell`."""
    if "reflection" in spec:
        r = spec["reflection"]
        return Reflection(r["name"], hints=r["hints"], model_answer=r["model_answer"], theory=r["theory"])
    q = spec["question"]
    worked = _worked(cell) + (f"\n\n{q['explain']}" if "explain" in q else "")
    return Question(
        name=q["name"],
        context=context,
        truth=lambda ns: ns[q["answer"]],
        accept=(lambda answer, ns: bool(_evaluate(q["accept"], ns, answer=answer))) if "accept" in q else None,
        mistakes=[_mistake(m) for m in q.get("mistakes", [])],
        hints=q["hints"],
        worked=worked,
        why=q["why"],
        tolerance=q.get("tolerance", 1e-6),
    )


def _mistake(m):
    matches = (lambda answer, ns: bool(_evaluate(m["matches"], ns, answer=answer))) if "matches" in m else None
    return Mistake(lambda ns: _evaluate(m["value"], ns), m["message"], matches=matches)


@cache
def load(number):
    """The exercise set of notebook `number` (``"05"``), read from its source; once per session.

    >>> load("05")
    <exercise set 05_episode4_introduction_meeting.ipynb: 5 questions>
    """
    found = [s for s in sources() if s.name.startswith(f"{number}_")]
    if not found:
        allowed = [s.name[:2] for s in sources()]
        raise ValueError(f"`number` must be one of {allowed}, but {number!r} was passed.")
    return ExerciseSet(found[0])


def __getattr__(name):
    """``casekit.exercises.ex05`` is :func:`load` ``("05")``."""
    if re.fullmatch(r"ex\d\d", name):
        return load(name[2:])
    raise AttributeError(f"module 'casekit.exercises' has no attribute {name!r}")
