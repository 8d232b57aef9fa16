"""The kit's guide: what each notebook covers and how long it takes, read from the notebooks themselves.

The start page (``notebooks/00_start_here.ipynb``) shows :func:`notebook_map` and
:func:`reading_paths`; the tests hold every notebook to the form below.

Every notebook opens with a title cell of this form, which the start page's
map and the tests read::

    # 02 Episode 1 — The board meeting

    **What happens:** one line.

    *Time: 10 min reading + 12 min activity + 30 min discussion*

and has these ``##`` sections, in order: Questions, Objectives, The episode
(The case in the synthesis, The real systems in the epilogue), Data activity...,
Discussion, Key points. Three discussion questions are marked as the core of a
90-minute session, each with the minutes it needs: ``1. **Core (10 min).** ...``.

The time in the title cell is what the content needs (:func:`estimate_minutes`):
reading at 150 words a minute (a second-language reader), a minute for every
code cell the reader sees, and the minutes of the core discussion questions.
"""

import json
import re
from pathlib import Path

import pandas as pd


def _kit_folder():
    """The kit's folder (the one with ``notebooks/``): beside the package in a checkout, else where Python runs.

    An installed package (``pip install``) lives apart from the notebooks, so
    the guide then looks in the working folder and its parent: a notebook
    runs in ``notebooks/``.
    """
    for folder in (Path(__file__).resolve().parent.parent, Path.cwd(), Path.cwd().parent):
        if (folder / "notebooks" / "00_start_here.ipynb").is_file():
            return folder
    return Path.cwd()


NOTEBOOK_DIR = _kit_folder() / "notebooks"
SECTIONS = ["Questions", "Objectives", "The episode", "Data activity", "Discussion", "Key points"]
#: The synopsis section's heading in the episodes, and its counterparts in the synthesis and the epilogue.
SYNOPSIS_HEADINGS = ("The episode", "The case", "The real systems")
_TIME = re.compile(r"\*Time: (\d+) min reading \+ (\d+) min activity \+ (\d+) min discussion\*")
_CORE = re.compile(r"^\d+\. \*\*Core \((\d+) min\)\.\*\*")
WORDS_PER_MINUTE = 150
MINUTES_PER_VISIBLE_CELL = 1
_THEORY = re.compile(r"\*Theory:\*.*\([^()]*\d{4}[a-z]?\)")


def _cells(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))["cells"]


def _markdown(path):
    return ["".join(cell["source"]) for cell in _cells(path) if cell["cell_type"] == "markdown"]


def _visible(cell):
    return not cell.get("metadata", {}).get("jupyter", {}).get("source_hidden", False)


def _section(text, heading):
    """The text under ``## heading`` (a prefix match) up to the next ``##`` heading."""
    match = re.search(rf"^## {re.escape(heading)}.*?$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else None


def notebook_parts(path):
    """Return what a notebook's title cell and sections say, for the map and the tests.

    Returns
    -------
    dict
        ``title``, ``what_happens``, ``minutes`` (the title cell's
        ``reading``, ``activity`` and ``discussion`` minutes, or None),
        ``questions`` (list), ``sections`` (the ``##`` headings found, in
        order), ``theory_questions`` (discussion items that name a theory
        with an author and year) and ``core_questions`` (those marked core).
    """
    text = "\n\n".join(_markdown(path))
    title = re.search(r"^# (.+)$", text, flags=re.M)
    what = re.search(r"\*\*What happens:\*\* (.+)", text)
    time = _TIME.search(text)
    questions = _section(text, "Questions") or ""
    discussion = _section(text, "Discussion") or ""
    return {
        "title": title.group(1).strip() if title else None,
        "what_happens": what.group(1).strip() if what else None,
        "minutes": dict(zip(["reading", "activity", "discussion"], map(int, time.groups()), strict=True))
        if time
        else None,
        "questions": [line[2:].strip() for line in questions.splitlines() if line.startswith("- ")],
        "sections": re.findall(r"^## (.+)$", text, flags=re.M),
        "theory_questions": [
            line for line in discussion.splitlines() if re.match(r"^\d+\. ", line) and _THEORY.search(line)
        ],
        "core_questions": [line for line in discussion.splitlines() if _CORE.match(line)],
    }


def estimate_minutes(path):
    """Return the minutes a notebook's content needs, computed from the content.

    Returns
    -------
    dict
        ``prose_words`` (markdown outside the discussion), ``reading`` (at
        :data:`WORDS_PER_MINUTE`), ``activity`` (one minute per code cell the
        reader sees) and ``discussion`` (the minutes the core questions name).

    Examples
    --------
    >>> sorted(estimate_minutes(NOTEBOOK_DIR / "01_prelude_pilot_analysis.ipynb"))
    ['activity', 'discussion', 'prose_words', 'reading']
    """
    text = "\n\n".join(_markdown(path))
    discussion = _section(text, "Discussion") or ""
    words = len(text.split()) - len(discussion.split())
    visible = sum(cell["cell_type"] == "code" and _visible(cell) for cell in _cells(path))
    core = [int(_CORE.match(line).group(1)) for line in discussion.splitlines() if _CORE.match(line)]
    return {
        "prose_words": words,
        "reading": round(words / WORDS_PER_MINUTE),
        "activity": visible * MINUTES_PER_VISIBLE_CELL,
        "discussion": sum(core),
    }


def _notebooks(directory):
    """The numbered notebooks in `directory`; a kit error when there are none (e.g. an installed package alone)."""
    found = sorted(Path(directory).glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise FileNotFoundError(
            f"`directory` must be the kit's notebooks/ folder, but {str(directory)!r} holds no notebooks. "
            "The guide reads the kit's own notebooks: run it from the kit's folder (or its notebooks/), "
            "or pass directory=."
        )
    return found


def notebook_map(directory=NOTEBOOK_DIR):
    """Return one row per notebook: title, what happens, time and questions.

    Examples
    --------
    >>> notebook_map().loc[0, "notebook"]
    '00_start_here.ipynb'
    """
    rows = []
    for path in _notebooks(directory):
        parts = notebook_parts(path)
        rows.append(
            {
                "notebook": path.name,
                "title": parts["title"],
                "what_happens": parts["what_happens"],
                "minutes": sum((parts["minutes"] or {}).values()),
                "questions": " / ".join(parts["questions"]),
            }
        )
    return pd.DataFrame(rows)


#: Where the kit keeps its exercise sets, workshop pages and session plans.
EXERCISE_DIR = NOTEBOOK_DIR.parent / "exercises"
WORKSHOP_DIR = NOTEBOOK_DIR.parent / "workshop"
WORKSHOP_PLAN = NOTEBOOK_DIR.parent / "docs" / "plans" / "staff_workshop.md"
#: Minutes a student needs for one exercise question: read it, try, check, perhaps ask for a hint.
MINUTES_PER_EXERCISE_QUESTION = 5
_PATHS = ("no-code reader", "coding student", "workshop")


def _exercise_questions(directory):
    """The number of questions in each exercise set, read from its source (:func:`casekit.exercises.load`)."""
    from casekit.exercises import load

    return {
        path.name: len(load(path.name[:2]).QUESTIONS) for path in sorted(Path(directory).glob("[0-9][0-9]_*.ipynb"))
    }


def _plan_minutes(plan):
    """The length a session plan gives itself in its first lines: "... (210 minutes, ...".

    The plan is the authority on its own length, so the minutes are read from it, not typed here.
    """
    match = re.search(r"\((\d+) minutes", Path(plan).read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"`plan` must state its length as '(N minutes', but {Path(plan).name} does not.")
    return int(match.group(1))


def _span(numbers):
    """'00–12' for a run of numbered files, the first and the last."""
    numbers = list(numbers)
    return numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


def reading_paths(directory=NOTEBOOK_DIR, *, who=None):
    """Return the kit's three paths, who walks each, which notebooks it takes and its minutes.

    Every figure is computed from the notebooks themselves (:func:`estimate_minutes`),
    so the map stays right when a notebook changes:

    - **no-code reader**: every notebook, reading and the core discussion;
      the code stays collapsed, so the reader runs the cells but reads none
      (no activity minutes);
    - **coding student**: every notebook in full (reading, a minute per
      visible code cell, the core discussion), plus every exercise set at
      :data:`MINUTES_PER_EXERCISE_QUESTION` minutes a question;
    - **workshop**: the workshop pages (``workshop/*.ipynb``), apps with no
      code on screen, run to the staff-workshop plan; the minutes are the
      length the plan gives itself (``docs/plans/staff_workshop.md``).

    Parameters
    ----------
    directory : path, default NOTEBOOK_DIR
        The folder of the numbered notebooks.
    who : {"no-code reader", "coding student", "workshop"} or None
        One path only; None gives all three.

    Returns
    -------
    pandas.DataFrame
        One row per path: ``who``, ``notebooks`` (the first and last
        number, e.g. "00–12"), ``minutes`` (int), ``hours`` (rounded to a quarter) and
        ``made_of`` (how the minutes add up, in words).

    Examples
    --------
    >>> reading_paths()["who"].tolist()
    ['no-code reader', 'coding student', 'workshop']
    >>> reading_paths(who="workshop").loc[0, "minutes"]
    np.int64(210)
    """
    if who is not None and who not in _PATHS:
        raise ValueError(f"`who` must be one of {list(_PATHS)} or None, but {who!r} was passed.")
    paths = _notebooks(directory)
    minutes = pd.DataFrame([estimate_minutes(path) for path in paths], index=[p.name[:2] for p in paths])
    questions = _exercise_questions(EXERCISE_DIR)
    exercise = MINUTES_PER_EXERCISE_QUESTION * sum(questions.values())
    reading, activity, discussion = (int(minutes[part].sum()) for part in ("reading", "activity", "discussion"))
    numbers = _span(minutes.index)
    pages = sorted(Path(WORKSHOP_DIR).glob("*.ipynb"))
    rows = [
        dict(
            who="no-code reader",
            notebooks=numbers,
            minutes=reading + discussion,
            made_of=f"{reading} min reading + {discussion} min core discussion; code collapsed",
        ),
        dict(
            who="coding student",
            notebooks=f"{numbers} + exercises {_span([n[:2] for n in questions])}",
            minutes=reading + activity + discussion + exercise,
            made_of=f"{reading} min reading + {activity} min activity + {discussion} min discussion + "
            f"{exercise} min exercises ({sum(questions.values())} questions × "
            f"{MINUTES_PER_EXERCISE_QUESTION} min)",
        ),
        dict(
            who="workshop",
            notebooks="workshop pages " + _span([p.stem.split("_")[0] for p in pages]),
            minutes=_plan_minutes(WORKSHOP_PLAN),
            made_of="the length of the staff-workshop plan, break included",
        ),
    ]
    table = pd.DataFrame(rows, columns=["who", "notebooks", "minutes", "made_of"])
    table["minutes"] = table["minutes"].astype("int64")
    table.insert(3, "hours", (table["minutes"] / 15).round() / 4)
    if who is not None:
        table = table[table["who"] == who].reset_index(drop=True)
    return table
