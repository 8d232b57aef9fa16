"""casekit: the helpers behind the "A data-driven job centre" teaching kit.

Every citizen here is synthetic, drawn from the documented process in
:mod:`casekit.world`.

The package's face is the verbs a notebook calls, exported here:
``casekit.pilot()``, ``casekit.audit(...)``, ``casekit.threshold_summary(...)``.
Everything else is imported from the module named for its subject,
``from casekit.simulation import compare_policies``; notebooks never reach a
module through the package (``casekit.audit`` is the function, not the module).

>>> import casekit
>>> train, test = casekit.split_pilot(casekit.load_citizens())
>>> model = casekit.train_pilot_tree(train)
>>> f"{casekit.evaluate(model, test).accuracy:.1%}"
'88.7%'
"""

from casekit.audit import (
    accuracy_by_certainty,
    audit,
    audit_gap,
    audit_intervals,
    compare_cohorts,
    format_rate,
    group_shares,
    rates_by_threshold,
    rates_shown,
    residence_audit,
)
from casekit.codebook import DISTRICTS, EDUCATION_LEVELS, ESTATE, ORIGINS, codebook
from casekit.data import load_citizens
from casekit.explain import closest_citizen, explain, flip_test, lookup, move
from casekit.i18n import set_language
from casekit.model import PILOT_FEATURES, evaluate, make_pilot_tree, pilot, split_pilot, train_pilot_tree
from casekit.thresholds import (
    CASEWORKERS,
    CITIZENS_PER_YEAR,
    THRESHOLDS,
    harm_per_year,
    least_harm_threshold,
    rule_versus_tree,
    threshold_curve,
    threshold_summary,
)
from casekit.world import MECHANISMS, WORLD, World, make_citizens
from casekit.worlds import decompose_gap, many_worlds, summarise_decomposition, summarise_worlds

__all__ = [
    "CASEWORKERS",
    "CITIZENS_PER_YEAR",
    "DISTRICTS",
    "EDUCATION_LEVELS",
    "ESTATE",
    "MECHANISMS",
    "ORIGINS",
    "PILOT_FEATURES",
    "THRESHOLDS",
    "WORLD",
    "World",
    "accuracy_by_certainty",
    "audit",
    "audit_gap",
    "audit_intervals",
    "closest_citizen",
    "codebook",
    "compare_cohorts",
    "decompose_gap",
    "evaluate",
    "explain",
    "flip_test",
    "format_rate",
    "group_shares",
    "harm_per_year",
    "least_harm_threshold",
    "load_citizens",
    "lookup",
    "make_citizens",
    "make_pilot_tree",
    "many_worlds",
    "move",
    "pilot",
    "rates_by_threshold",
    "rates_shown",
    "residence_audit",
    "rule_versus_tree",
    "set_language",
    "split_pilot",
    "summarise_decomposition",
    "summarise_worlds",
    "threshold_curve",
    "threshold_summary",
    "train_pilot_tree",
]
