"""Parse the kit's command line, ``python -m casekit.tools <command>``, and run the command.

``python -m casekit.tools data [FOLDER]`` regenerates the data files;
``python -m casekit.tools exercises`` builds the exercise sets' student and solutions versions;
``python -m casekit.tools printables`` writes the role cards and the ethics checklist;
``python -m casekit.tools catalog`` extracts the texts to translate and updates and compiles the catalogues;
``python -m casekit.tools preview`` builds a static HTML preview of the notebooks;
``python -m casekit.tools links --github OWNER/NAME [--hub URL]`` prints Binder and JupyterHub links;
``python -m casekit.tools workshop`` serves the workshop apps.
"""

import argparse

from casekit.data import DATA_DIR, write_data
from casekit.tools.catalog import write_catalogues
from casekit.tools.delivery import binder_links, build_preview, nbgitpuller_link
from casekit.tools.exercise_build import build
from casekit.tools.printables import write_printables
from casekit.tools.workshop import serve


def main(argv=None):
    """Run the command line."""
    usage = __doc__.split("\n\n", 1)[1].replace("``", "")
    parser = argparse.ArgumentParser(
        prog="python -m casekit.tools", description=usage, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data", help="regenerate the synthetic citizens and the codebook")
    data.add_argument("folder", nargs="?", default=DATA_DIR, help="where to write (default: the kit's data/)")
    exercises = commands.add_parser("exercises", help="build the student and solutions versions of the exercise sets")
    exercises.add_argument("pattern", nargs="?", default="[0-9][0-9]_*.ipynb", help="which sources, e.g. '03_*'")
    commands.add_parser("printables", help="write the role cards and the ethics checklist to docs/printables")
    commands.add_parser(
        "catalog", help="extract the texts to translate to casekit/locale/, update and compile each language (Babel)"
    )
    commands.add_parser("preview", help="run every notebook and save it as static HTML in build/preview")
    links = commands.add_parser("links", help="print the Binder and JupyterHub (nbgitpuller) links")
    links.add_argument("--github", required=True, help="the kit on GitHub as owner/name")
    links.add_argument("--hub", help="your JupyterHub's address, e.g. https://hub.example.edu")
    links.add_argument("--branch", default="main")
    workshop = commands.add_parser("workshop", help="serve the workshop apps with Voilà on 127.0.0.1")
    workshop.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    COMMANDS[args.command](args)


def _wrote(paths):
    for path in paths:
        print(f"wrote {path}")


def _print_links(args):
    for name, url in binder_links(args.github).items():
        print(f"Binder, {name}: {url}")
    if args.hub:
        link = nbgitpuller_link(args.hub, f"https://github.com/{args.github}", branch=args.branch)
        print(f"JupyterHub (nbgitpuller): {link}")


COMMANDS = {
    "data": lambda args: _wrote(write_data(args.folder)),
    "exercises": lambda args: _wrote(build(pattern=args.pattern)),
    "printables": lambda args: _wrote(write_printables()),
    "catalog": lambda args: _wrote(write_catalogues()),
    "preview": lambda args: _wrote(build_preview()),
    "links": _print_links,
    "workshop": lambda args: serve(args.port),
}
