"""casekit: the helpers behind the "A data-driven job centre" teaching kit.

Every citizen here is synthetic, drawn from the documented process in
:mod:`casekit.world`.

>>> import casekit
>>> train, test = casekit.split_pilot(casekit.load_citizens())
>>> model = casekit.train_pilot_tree(train)
>>> f"{casekit.evaluate(model, test).accuracy:.1%}"
'88.7%'
"""

from casekit.codebook import DISTRICTS, EDUCATION_LEVELS, ESTATE, ORIGINS, codebook
from casekit.data import load_citizens, make_cohort
from casekit.model import PILOT_FEATURES, evaluate, make_pilot_tree, split_pilot, train_pilot_tree
from casekit.world import World, generate_citizens

__all__ = [
    "DISTRICTS", "EDUCATION_LEVELS", "ESTATE", "ORIGINS", "PILOT_FEATURES", "World",
    "codebook", "evaluate", "generate_citizens", "load_citizens", "make_cohort",
    "make_pilot_tree", "split_pilot", "train_pilot_tree",
]
