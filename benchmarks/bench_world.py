"""Benchmark: generating citizens and training the pilot tree.

Run with ``make bench`` (or ``python benchmarks/bench_world.py``). Prints the
median of several runs for each task beside the issue's goal. Goals (2-core
machine): 8,000 citizens under 0.3 s, 1,000,000 under 10 s.
"""

import os
import platform
import statistics
import time

import casekit

TASKS = [
    # name, function, repeats, goal in seconds (None: no goal set)
    ("generate 8,000 citizens", lambda: casekit.make_citizens(8_000, random_state=0), 15, 0.3),
    ("generate 1,000,000 citizens", lambda: casekit.make_citizens(1_000_000, random_state=0), 3, 10.0),
]


def median_seconds(function, repeats):
    """Run `function` `repeats` times (after one warm-up) and return the median wall time."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    train, _ = casekit.split_pilot(casekit.load_citizens())
    tasks = TASKS + [("train the pilot tree (6,000 citizens)", lambda: casekit.train_pilot_tree(train), 15, None)]
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    print(f"{'task':<40}{'median':>10}{'goal':>10}  verdict")
    for name, function, repeats, goal in tasks:
        seconds = median_seconds(function, repeats)
        verdict = "-" if goal is None else ("ok" if seconds < goal else "TOO SLOW")
        goal_text = "-" if goal is None else f"{goal:.1f} s"
        print(f"{name:<40}{seconds:>8.3f} s{goal_text:>10}  {verdict}")


if __name__ == "__main__":
    main()
