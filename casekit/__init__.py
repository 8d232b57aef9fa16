"""casekit: the helpers behind the "A data-driven job centre" teaching kit.

Every citizen here is synthetic, drawn from the documented process in
:mod:`casekit.world`.

>>> import casekit
>>> train, test = casekit.split_pilot(casekit.load_citizens())
>>> model = casekit.train_pilot_tree(train)
>>> f"{casekit.evaluate(model, test).accuracy:.1%}"
'88.7%'
"""

from casekit.audit import audit, audit_gap, audit_intervals, format_rate, rates_by_threshold
from casekit.codebook import DISTRICTS, EDUCATION_LEVELS, ESTATE, ORIGINS, codebook
from casekit.data import load_citizens, make_cohort
from casekit.explain import explain, flip_test
from casekit.model import PILOT_FEATURES, evaluate, make_pilot_tree, pilot, split_pilot, train_pilot_tree
from casekit.world import MECHANISMS, WORLD, World, generate_citizens
from casekit.worlds import decompose_gap, many_worlds, summarise_decomposition, summarise_worlds

__all__ = [
    "DISTRICTS", "EDUCATION_LEVELS", "ESTATE", "MECHANISMS", "ORIGINS", "PILOT_FEATURES", "WORLD", "World",
    "audit", "audit_gap", "audit_intervals", "codebook", "decompose_gap", "evaluate", "explain", "flip_test",
    "format_rate", "generate_citizens", "load_citizens", "make_cohort", "make_pilot_tree", "many_worlds", "pilot",
    "rates_by_threshold", "split_pilot", "summarise_decomposition", "summarise_worlds", "train_pilot_tree",
]
