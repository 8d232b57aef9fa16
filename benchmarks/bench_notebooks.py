"""Benchmark: run every notebook in a fresh kernel; wall time and peak memory.

Run with ``make bench`` (or ``python benchmarks/bench_notebooks.py [--repeats N]``).
The floor is a fresh kernel that only imports pandas, scikit-learn and
matplotlib, run right before each notebook run so that both see the same load
on a shared machine; the figures are medians. Goals: the whole set within 1.5 x (number of notebooks x floor),
and no kernel above 300 MB.
"""

import argparse
import statistics
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
MEMORY_GOAL_MB = 300
# Appended to each notebook: the kernel's own peak resident memory, in bytes.
PEAK_MEMORY = (
    "import resource, sys\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == 'darwin' else 1024))"
)
FLOOR = "import matplotlib.pyplot\nimport pandas\nimport sklearn.tree"


def run(notebook, directory):
    """Execute `notebook` in a fresh kernel; return (seconds, peak megabytes)."""
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY))
    start = time.perf_counter()
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(directory)}}
    ).execute()
    seconds = time.perf_counter() - start
    return seconds, int(notebook.cells[-1].outputs[0]["text"]) / 2**20


def floor_notebook():
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR)])


def measure(paths, directory, repeats):
    """Run every notebook `repeats` times, each run right after a floor run (so both see the same load).

    Returns the floor runs and each notebook's runs, as lists of (seconds, megabytes).
    """
    floors, runs = [], {path: [] for path in paths}
    for _ in range(repeats):
        for path in paths:
            floors.append(run(floor_notebook(), directory))
            runs[path].append(run(nbformat.read(path, as_version=4), directory))
    return floors, runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    repeats = parser.parse_args().repeats
    directory = ROOT / "notebooks"
    paths = sorted(directory.glob("[0-9][0-9]_*.ipynb"))
    floors, runs = measure(paths, directory, repeats)
    floor = statistics.median(s for s, _ in floors)
    print(f"{'notebook':<45}{'median s':>10}{'peak MB':>10}")
    print(f"{'(floor: fresh kernel + imports)':<45}{floor:>10.2f}{max(m for _, m in floors):>10.0f}")
    total, peak = 0.0, 0.0
    for path in paths:
        seconds, megabytes = statistics.median(s for s, _ in runs[path]), max(m for _, m in runs[path])
        total, peak = total + seconds, max(peak, megabytes)
        print(f"{path.name:<45}{seconds:>10.2f}{megabytes:>10.0f}")
    budget = 1.5 * len(paths) * floor
    print(
        f"\nall {len(paths)} notebooks: {total:.1f} s = {total / (len(paths) * floor):.2f} x (notebooks x floor); "
        f"goal within 1.5 x {len(paths)} x floor = {budget:.1f} s: {'ok' if total <= budget else 'OVER'}"
    )
    print(f"largest kernel: {peak:.0f} MB; goal under {MEMORY_GOAL_MB} MB: {'ok' if peak < MEMORY_GOAL_MB else 'OVER'}")


if __name__ == "__main__":
    main()
