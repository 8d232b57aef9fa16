"""Build and deliver the kit: the maintainer's and teacher's tools, never imported by a notebook.

Run them with ``python -m casekit.tools <command>`` (or the ``make`` targets):

- ``data``: regenerate ``data/`` from its seed (:func:`casekit.data.write_data`);
- ``exercises``: build the exercise sets' student and solutions versions (:mod:`casekit.tools.exercise_build`);
- ``printables``: write the role cards and the ethics checklist (:mod:`casekit.tools.printables`);
- ``preview`` and ``links``: a static preview, Binder and JupyterHub links (:mod:`casekit.tools.delivery`);
- ``workshop``: serve the workshop apps with Voilà (:mod:`casekit.tools.workshop`).

The commands themselves are in :mod:`casekit.tools.cli`. The student-facing
package never imports this one (``tests/test_architecture.py`` checks it).
"""

from pathlib import Path

#: The checkout the tools read from and write to: notebooks/, exercises/, workshop/, docs/, build/.
ROOT = Path(__file__).resolve().parents[2]
