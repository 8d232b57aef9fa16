"""The kit's own map: what each notebook is about, read from the notebooks themselves.

Every notebook opens with a title cell of this form, which the start page's
map and the tests read::

    # 02 Episode 1 — The board meeting

    **What happens:** one line.

    *Teaching: 25 min · Exercises: 20 min*

and has these ``##`` sections, in order: Questions, Objectives, The episode
(The case in the synthesis, The real systems in the epilogue), Data activity...,
Discussion, Key points.
"""

import json
import re
from pathlib import Path

import pandas as pd

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
SECTIONS = ["Questions", "Objectives", "The episode", "Data activity", "Discussion", "Key points"]
#: The synopsis section's heading in the episodes, and its counterparts in the synthesis and the epilogue.
SYNOPSIS_HEADINGS = ("The episode", "The case", "The real systems")
_TIME = re.compile(r"\*Teaching: (\d+) min · Exercises: (\d+) min\*")
_THEORY = re.compile(r"\*Theory:\*.*\([^()]*\d{4}[a-z]?\)")


def _markdown(path):
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


def _section(text, heading):
    """The text under ``## heading`` (a prefix match) up to the next ``##`` heading."""
    match = re.search(rf"^## {re.escape(heading)}.*?$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else None


def notebook_parts(path):
    """Return what a notebook's title cell and sections say, for the map and the tests.

    Returns
    -------
    dict
        ``title``, ``what_happens``, ``teaching_min``, ``exercise_min``,
        ``questions`` (list), ``sections`` (the ``##`` headings found, in
        order) and ``theory_questions`` (discussion items that name a theory
        with an author and year).
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
        "teaching_min": int(time.group(1)) if time else None,
        "exercise_min": int(time.group(2)) if time else None,
        "questions": [line[2:].strip() for line in questions.splitlines() if line.startswith("- ")],
        "sections": re.findall(r"^## (.+)$", text, flags=re.M),
        "theory_questions": [line for line in discussion.splitlines()
                             if re.match(r"^\d+\. ", line) and _THEORY.search(line)],
    }


def notebook_map(directory=NOTEBOOK_DIR):
    """Return one row per notebook: title, what happens, time and questions.

    Examples
    --------
    >>> notebook_map().loc[0, "notebook"]
    '00_start_here.ipynb'
    """
    rows = []
    for path in sorted(Path(directory).glob("[0-9][0-9]_*.ipynb")):
        parts = notebook_parts(path)
        rows.append({"notebook": path.name, "title": parts["title"], "what_happens": parts["what_happens"],
                     "minutes": (parts["teaching_min"] or 0) + (parts["exercise_min"] or 0),
                     "questions": " / ".join(parts["questions"])})
    return pd.DataFrame(rows)
