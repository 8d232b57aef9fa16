"""Benchmark: redrawing many worlds and the decomposition of the estate's gap.

Run with ``python benchmarks/bench_worlds.py``. Prints the median wall time of
a few repeats of each task beside its goal, then the figures the kit quotes
(the same as ``python -m casekit.worlds``). Goal (2-core machine): 30 worlds
well under 30 s. Both run in one process, one world after another: on two
cores, joblib's worker start-up eats most of what a second process would gain.
"""

import os
import platform
import statistics
import time

import pandas as pd

from casekit.worlds import (
    DECOMPOSITION_SEEDS,
    SEEDS,
    decompose_gap,
    many_worlds,
    summarise_decomposition,
    summarise_worlds,
)

REPEATS = 3


def median_seconds(function, repeats=REPEATS):
    """Run `function` `repeats` times; return the median wall time and the last result."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    pd.set_option("display.width", 160)
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; median of {REPEATS} runs"
    )
    worlds_time, worlds = median_seconds(lambda: many_worlds(SEEDS))
    table_time, table = median_seconds(lambda: decompose_gap(DECOMPOSITION_SEEDS))
    n_switches = table.index.get_level_values("switched_off").nunique()
    print(f"{'task':<52}{'median':>10}{'goal':>10}  verdict")
    print(
        f"{f'many_worlds: {len(SEEDS)} worlds':<52}{worlds_time:>8.1f} s{'30 s':>10}  "
        f"{'ok' if worlds_time < 30 else 'TOO SLOW'}"
    )
    print(
        f"{f'decompose_gap: {n_switches} switches x {len(DECOMPOSITION_SEEDS)} seeds':<52}"
        f"{table_time:>8.1f} s{'-':>10}  -"
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
