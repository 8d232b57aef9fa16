"""Build the student and worked-solutions versions of each exercise set from its source.

A source (``casekit/exercises/NN_*.ipynb``, see :mod:`casekit.exercises`) holds
the prompts, the solutions and the checks. In a code cell

    answer = ____  ### STARTER
    ### BEGIN SOLUTION
    answer = citizens["unemployed_12m"].mean()
    ### END SOLUTION

the student version keeps the starter lines and drops the solution; the
solutions version drops the starter lines and keeps the solution. Neither
keeps the check cells (the raw TOML cells and ``### RULES`` cells): the kit
reads those from the source. Run ``python -m casekit.tools exercises`` (or
``make exercises``) after editing a source.
"""

from pathlib import Path

import nbformat

from casekit.exercises import is_check, sources, strip
from casekit.tools import ROOT

EXERCISE_DIR = ROOT / "exercises"
BANNER = (
    "> **Instructor version with worked solutions.** Students: open the version without solutions in "
    "`exercises/{name}`."
)


def build(out_dir=EXERCISE_DIR, *, pattern="[0-9][0-9]_*.ipynb"):
    """Write each source's student version to `out_dir` and its solutions to `out_dir/solutions`.

    `pattern` picks the sources, e.g. ``"03_*"``; all of them by default.

    Returns
    -------
    list of pathlib.Path
    """
    out_dir = Path(out_dir)
    (out_dir / "solutions").mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources():
        if not Path(source.name).match(pattern):
            continue
        for keep_solution, target in ((False, out_dir / source.name), (True, out_dir / "solutions" / source.name)):
            notebook = nbformat.reads(source.read_text(encoding="utf-8"), as_version=4)
            notebook.cells = [cell for cell in notebook.cells if not is_check(cell)]
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    cell.source = strip(cell.source, keep_solution=keep_solution)
            if keep_solution:
                banner = nbformat.v4.new_markdown_cell(BANNER.format(name=source.name), id="instructor-banner")
                notebook.cells.insert(0, banner)
            nbformat.write(notebook, target)
            written.append(target)
    return written
