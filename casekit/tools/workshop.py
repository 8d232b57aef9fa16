"""Serve the workshop: the apps as web pages with all code hidden, served by Voilà on this machine only.

``python -m casekit.tools workshop`` (or ``make workshop``) starts it. The kit's own
Voilà template (``workshop/voila/templates/kit``) is Voilà's lab template
without its two links to a font CDN, so nothing reaches for the network.
"""

import os
import sys

from casekit.tools import ROOT

WORKSHOP_DIR = ROOT / "workshop"
START_PAGE = "0_start_here.ipynb"


def voila_command(port=8866, *, open_browser=True):
    """Return the command and environment that serve the workshop on 127.0.0.1:`port`.

    Examples
    --------
    >>> command, env = voila_command(8866, open_browser=False)
    >>> command[-3:]
    ['--port=8866', '--Voila.ip=127.0.0.1', '--no-browser']
    """
    command = [
        sys.executable,
        "-m",
        "voila",
        str(WORKSHOP_DIR),
        "--template=kit",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
    ]
    if not open_browser:
        command.append("--no-browser")
    env = {
        **os.environ,
        "JUPYTER_PATH": os.pathsep.join(filter(None, [str(WORKSHOP_DIR), os.environ.get("JUPYTER_PATH")])),
    }
    return command, env


def serve(port=8866):
    """Serve the workshop until interrupted (Ctrl+C)."""
    command, env = voila_command(port)
    print(f"Workshop: open http://127.0.0.1:{port}/voila/render/{START_PAGE} (Ctrl+C stops it)")
    os.execve(command[0], command, env)
