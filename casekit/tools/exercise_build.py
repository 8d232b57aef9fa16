"""Build the student and worked-solutions versions of each exercise set from one source.

In a source notebook (``exercises/source/NN_*.ipynb``) a code cell may hold

    answer = ____  ### STARTER
    ### BEGIN SOLUTION
    answer = citizens["unemployed_12m"].mean()
    ### END SOLUTION

The student version keeps the starter lines and drops the solution; the
solutions version drops the starter lines and keeps the solution. Run
``python -m casekit.tools exercises`` (or ``make exercises``) after editing a source.
"""

from pathlib import Path

import nbformat

from casekit.tools import ROOT

EXERCISE_DIR = ROOT / "exercises"
STARTER, BEGIN, END = "### STARTER", "### BEGIN SOLUTION", "### END SOLUTION"
BANNER = (
    "> **Instructor version with worked solutions.** Students: open the version without solutions in "
    "`exercises/{name}`."
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


def build(source_dir=EXERCISE_DIR / "source", out_dir=EXERCISE_DIR, *, pattern="[0-9][0-9]_*.ipynb"):
    """Write each source's student version to `out_dir` and its solutions to `out_dir/solutions`.

    `pattern` picks the sources, e.g. ``"03_*"``; all of them by default.

    Returns
    -------
    list of pathlib.Path
    """
    out_dir = Path(out_dir)
    (out_dir / "solutions").mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(Path(source_dir).glob(pattern)):
        for keep_solution, target in ((False, out_dir / source.name), (True, out_dir / "solutions" / source.name)):
            notebook = nbformat.read(source, as_version=4)
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    cell.source = strip(cell.source, keep_solution=keep_solution)
            if keep_solution:
                banner = nbformat.v4.new_markdown_cell(BANNER.format(name=source.name), id="instructor-banner")
                notebook.cells.insert(0, banner)
            nbformat.write(notebook, target)
            written.append(target)
    return written
