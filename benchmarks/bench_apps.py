"""Benchmark: how fast each app updates after a control change (median), as its kernel does it.

Run with ``make bench`` (or ``python benchmarks/bench_apps.py``). Goal: a
threshold or selection change within 100 ms (aim: 50 ms). Changing the
feedback loop's capacity or effect reruns the simulation once; it is timed
separately and is not held to that goal.
"""

import statistics
import time

import casekit
from casekit import apps
from casekit.audit import AUDIT_GROUPS

REPEATS = 21


def median_update_ms(control, values):
    """Set `control` to each of `values` in turn; return the median milliseconds per change."""
    times = []
    for value in values:
        start = time.perf_counter()
        control.value = value
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def cycle(options, n=REPEATS):
    """`n` values taken round-robin from `options`, never repeating the previous one."""
    return [options[i % len(options)] for i in range(n)]


def main():
    _, train, test, model = casekit.pilot()
    without = casekit.train_pilot_tree(train, features=["gender", "age", "years_employed_5y", "education"])
    lookup = apps.lookup_app(model, test)
    threshold = apps.threshold_app(model, test)
    audit = apps.audit_app({"with district": model, "without district": without}, test)
    feedback = apps.feedback_app()
    by, audit_threshold, which = audit.children[0].children
    year, slots, effect = feedback.children[1].children
    rows = [
        (
            "look up a citizen: pick a citizen",
            median_update_ms(lookup.children[0].children[0], cycle(test["citizen_id"].tolist()[:50])),
        ),
        (
            "errors and the threshold: move the threshold",
            median_update_ms(threshold.children[0].children[0], cycle([0.3, 0.5, 0.7, 0.45])),
        ),
        ("residence audit: move the threshold", median_update_ms(audit_threshold, cycle([0.3, 0.5, 0.7, 0.45]))),
        ("residence audit: change the grouping", median_update_ms(by, cycle(AUDIT_GROUPS))),
        ("residence audit: with or without district", median_update_ms(which, cycle(list(which.options)))),
        ("feedback loop: move the year", median_update_ms(year, cycle([1, 2, 3, 4, 5, 6]))),
    ]
    print(f"{'app: change':<48}{'median ms':>10}  goal 100 ms (aim 50)")
    for name, ms in rows:
        print(f"{name:<48}{ms:>10.1f}  {'ok' if ms < 100 else 'TOO SLOW'}{' (aim met)' if ms < 50 else ''}")
    print(
        f"{'feedback loop: new capacity (reruns 4 x 6 years)':<48}{median_update_ms(slots, [15, 25, 30]):>10.1f}"
        "  (a rerun, not held to the goal)"
    )


if __name__ == "__main__":
    main()
