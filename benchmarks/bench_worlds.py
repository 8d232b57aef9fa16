"""Benchmark: redrawing many worlds, the decomposition of the estate's gap, and notebook 08.

Run with ``python benchmarks/bench_worlds.py [--repeats N] [--no-notebook]``.
Prints the median wall time of a few repeats of each task beside its goal,
then the figures the kit quotes (the same as ``python -m casekit.worlds``).
Every repeat draws its worlds afresh (:func:`casekit.worlds.forget_worlds`),
except where a task says it re-uses them, as a notebook does.

Goals (2-core machine): 30 worlds well under 30 s; notebook 08 in a fresh
kernel within 1.5 x the floor (a fresh kernel importing pandas, scikit-learn
and matplotlib), its share of the goal of benchmarks/bench_notebooks.py. Its
redrawn worlds (30 for many_worlds, 40 for the decomposition, 20 for the
"your turn"; 60 drawn, 30 re-used) make it the slowest notebook. All worlds
run in one process, one after another: on two cores, joblib's worker
start-up eats most of what a second process would gain.
"""

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import nbformat
import pandas as pd
from bench_notebooks import FLOOR, median_run

from casekit.world import MECHANISMS
from casekit.worlds import (
    DECOMPOSITION_SEEDS,
    SEEDS,
    decompose_gap,
    forget_worlds,
    many_worlds,
    summarise_decomposition,
    summarise_worlds,
)

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "08_episode7_over_coffee.ipynb"
#: The switches notebook 08's decomposition and its "your turn" cell ask for.
NOTEBOOK_SWITCHES = [(), "district_schooling", ("address_penalty", "origin_penalty"), tuple(MECHANISMS)]
YOUR_TURN_SWITCHES = [(), "district_schooling"]


def median_seconds(function, repeats):
    """Run `function` `repeats` times, each with no world kept; return the median wall time and the last result."""
    times = []
    for _ in range(repeats):
        forget_worlds()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def notebook_worlds():
    """The worlds notebook 08 asks for, in its order; returns how many it asked for and how many were drawn."""
    asked = len(many_worlds(range(30)))
    asked += len(decompose_gap(range(10), switches=NOTEBOOK_SWITCHES))
    asked += len(decompose_gap(range(10), switches=YOUR_TURN_SWITCHES))
    return asked, forget_worlds()


def row(task, seconds, goal="-", verdict="-"):
    print(f"{task:<64}{seconds:>8.2f} s{goal:>10}  {verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-notebook", action="store_true", help="skip notebook 08 in a fresh kernel")
    arguments = parser.parse_args()
    repeats = arguments.repeats
    pd.set_option("display.width", 160)
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; median of {repeats} runs"
    )
    worlds_time, worlds = median_seconds(lambda: many_worlds(SEEDS), repeats)
    table_time, table = median_seconds(lambda: decompose_gap(DECOMPOSITION_SEEDS), repeats)
    notebook_time, (asked, drawn) = median_seconds(notebook_worlds, repeats)
    n_switches = table.index.get_level_values("switched_off").nunique()
    print(f"{'task':<64}{'median':>10}{'goal':>10}  verdict")
    row(f"many_worlds: {len(SEEDS)} worlds", worlds_time, "30 s", "ok" if worlds_time < 30 else "TOO SLOW")
    row(f"decompose_gap: {n_switches} switches x {len(DECOMPOSITION_SEEDS)} seeds", table_time)
    row(f"notebook 08's worlds in one process: {asked} asked for, {drawn} drawn", notebook_time)
    if not arguments.no_notebook:
        directory = NOTEBOOK.parent
        floor, _ = median_run(
            lambda: nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR)]), directory, repeats
        )
        seconds, megabytes = median_run(lambda: nbformat.read(NOTEBOOK, as_version=4), directory, repeats)
        row("floor: a fresh kernel importing pandas, sklearn, matplotlib", floor)
        goal = 1.5 * floor
        row(
            f"notebook 08 in a fresh kernel ({seconds / floor:.2f} x floor, {megabytes:.0f} MB)",
            seconds,
            f"{goal:.2f} s",
            "ok" if seconds <= goal else "OVER",
        )
    accuracy = worlds["accuracy"]
    print(
        f"\nAccuracy over {len(worlds)} worlds: {accuracy.min():.1%}-{accuracy.max():.1%}, mean {accuracy.mean():.1%}"
    )
    print(summarise_worlds(worlds)[["shown", "claim"]].to_string())
    print("\nEstate/rest false-positive ratio, one mechanism switched off (median; 10th-90th percentile):")
    print(summarise_decomposition(table).round(2).to_string())


if __name__ == "__main__":
    main()
